//! `brief show` prints the rows the reader lays out: for random briefings, in every view
//! and at any width, and for a 4.5 MB briefing, printed in three batches, each laid out
//! and made into text on several threads.

use proptest::prelude::*;
use serde_json::json;

use super::content::{Engine, FieldKind, PaneText};
use super::print::{PrintedLine, TextView, row_text, view_lines};
use super::reader::panes::PaneId;
use super::reader::panes::translation::{SIDE_BY_SIDE_WIDTH, view_fields};
use super::reader::props_lazy::{load, long_briefing, random_briefing};
use super::reader::props_translation::bilingual;
use crate::briefing::Briefing;
use crate::text::BidiMode;

/// Each pane laid out whole, as the reader lays it out, under its title.
fn laid_out_whole(
    briefing: &Briefing,
    view: TextView,
    width: usize,
    engine: Engine,
    align: bool,
) -> Vec<PrintedLine> {
    let width = width.max(1);
    let languages = view.languages(briefing).map(|l| format!(" · {l}"));
    let mut lines = Vec::new();
    for pane in PaneId::ALL {
        let (fields, _) = view_fields(pane, briefing, view, None);
        if pane != PaneId::Headline {
            let title = format!("{}{}", pane.title(), languages.as_deref().unwrap_or(""));
            let rule = "─".repeat(width.saturating_sub(title.chars().count() + 4));
            lines.push(line(FieldKind::Notice, String::new()));
            lines.push(line(FieldKind::Notice, format!("── {title} {rule}")));
        }
        let mut text = PaneText::new(fields);
        text.set_side_by_side(width >= usize::from(SIDE_BY_SIDE_WIDTH));
        text.relayout(width, engine);
        let rows = text.rows.iter();
        lines.extend(rows.map(|row| line(row.kind, row_text(row, width, align))));
    }
    lines
}

fn line(kind: FieldKind, text: String) -> PrintedLine {
    PrintedLine { kind, text }
}

fn engine(logical: bool) -> Engine {
    let mode = if logical {
        BidiMode::Logical
    } else {
        BidiMode::App
    };
    Engine {
        mode,
        shaping: !logical,
    }
}

#[test]
fn a_long_briefing_prints_the_rows_laid_out_whole() {
    let briefing = load(&long_briefing(4_500_000, "end"));
    for (width, logical) in [(100, false), (37, true)] {
        let (engine, align) = (engine(logical), !logical);
        let got = view_lines(&briefing, TextView::Original, width, engine, align);
        let want = laid_out_whole(&briefing, TextView::Original, width, engine, align);
        assert!(got.len() > 30_000, "{} lines", got.len());
        assert!(got == want, "width {width}: the printed lines differ");
    }
}

/// What the generated briefings never hold: a body that opens with a heading and no
/// summary (a gap with no row above it), a field with bidi controls (its warning row), a
/// bullet list with a lead, and no body at all (the notice).
#[test]
fn awkward_briefings_print_the_rows_laid_out_whole() {
    let documents = [
        json!({
            "headline": "عنوان",
            "body": [
                { "heading": "بداية" },
                "نص \u{202E}مقلوب\u{202C} هنا",
                { "lead": "قائمة", "bullets": ["أول", "ثان"] },
            ],
        }),
        json!({ "headline": "Nothing below", "body": [] }),
    ];
    for document in documents {
        let briefing = load(&document);
        for width in [1, 9, 60] {
            let (engine, align) = (engine(false), true);
            let got = view_lines(&briefing, TextView::Original, width, engine, align);
            let want = laid_out_whole(&briefing, TextView::Original, width, engine, align);
            assert_eq!(got, want, "width {width}: {document}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn printing_gives_the_rows_laid_out_whole(
        seed in any::<u64>(),
        blocks in 0usize..12,
        width in 1usize..140,
        logical in any::<bool>(),
        view in 0usize..3,
    ) {
        let (briefing, view) = match view {
            0 => (random_briefing(seed, blocks), TextView::Original),
            1 => (bilingual(seed), TextView::Translation(0)),
            _ => (bilingual(seed), TextView::SideBySide(0)),
        };
        let (engine, align) = (engine(logical), !logical);
        let got = view_lines(&briefing, view, width, engine, align);
        prop_assert_eq!(got, laid_out_whole(&briefing, view, width, engine, align));
    }
}
