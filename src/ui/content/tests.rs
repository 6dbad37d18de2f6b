//! Placement of rows, a long document laid out on several threads, and the direction of
//! rows built of several fields.

use std::path::Path;

use super::rows::blank_row;
use super::*;
use crate::text::{BidiMode, VisualLine};

fn row(kind: FieldKind, rtl: bool, bullet: bool, width: usize) -> Row {
    let mut line = VisualLine::new(rtl);
    for i in 0..width {
        line.push("x", 1, i..i + 1);
    }
    Row {
        field: Some(0),
        kind,
        item: None,
        line,
        bullet,
        indent: 0,
        beside: None,
    }
}

fn place(pad: usize, bullet: Option<Side>) -> Placement {
    Placement { pad, bullet }
}

#[test]
fn rows_are_placed_by_direction_kind_and_bullet() {
    let at = |r: &Row| placement(r, 10);
    assert_eq!(
        at(&row(FieldKind::Paragraph, false, false, 3)),
        place(0, None)
    );
    assert_eq!(
        at(&row(FieldKind::Paragraph, true, false, 3)),
        place(7, None)
    );
    assert_eq!(
        at(&row(FieldKind::Bullet, false, true, 3)),
        place(2, Some(Side::Left))
    );
    assert_eq!(at(&row(FieldKind::Bullet, false, false, 3)), place(2, None));
    assert_eq!(
        at(&row(FieldKind::Bullet, true, true, 3)),
        place(5, Some(Side::Right))
    );
    assert_eq!(at(&row(FieldKind::Banner, false, false, 4)), place(3, None));
    // Logical output places a right-to-left row as a left-to-right one.
    let rtl = row(FieldKind::Bullet, true, true, 3);
    assert_eq!(placement_as(&rtl, 10, false), place(2, Some(Side::Left)));
    assert_eq!(text_width(FieldKind::Bullet, 10), 8);
    assert_eq!(text_width(FieldKind::Bullet, 1), 0);
    assert_eq!(text_width(FieldKind::Quote, 10), 10);
}

/// Over 256 KB of fields are laid out on several threads: the rows must be those of
/// each field laid out alone, in order, with the same gaps.
/// A long document of headings, items, gaps and paragraphs (some with an unbalanced
/// override), over 512 KB so that its layout uses threads.
fn long_document() -> Vec<Field> {
    let seed = include_str!("../../../tests/data/seed-article.txt");
    let mut fields = Fields::new(DirectionRule::auto());
    for (n, paragraph) in seed.lines().cycle().take(2400).enumerate() {
        match n % 5 {
            0 => fields.push(FieldKind::Heading, "Heading", true),
            1 => fields.item(n),
            _ => {}
        }
        let kind = [FieldKind::Paragraph, FieldKind::Bullet, FieldKind::Quote][n % 3];
        let text = if n % 7 == 0 {
            format!("{paragraph} \u{202E}override")
        } else {
            paragraph.to_owned()
        };
        fields.push(kind, &text, n % 2 == 0);
    }
    fields.finish()
}

#[test]
fn a_long_document_is_laid_out_as_its_fields_one_by_one() {
    let fields = long_document();
    let total: usize = fields.iter().map(|f| f.text.text.len()).sum();
    assert!(total > 512 * 1024, "{total} bytes: not enough for threads");
    let engine = Engine {
        mode: BidiMode::App,
        shaping: true,
    };
    let rows = layout_fields(&fields, 60, engine);
    let mut expected: Vec<Row> = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        if field.gap && !expected.is_empty() {
            let inside = expected.last().is_some_and(|r| r.item == field.item);
            expected.push(blank_row(if inside { field.item } else { None }));
        }
        let alone = layout_fields(std::slice::from_ref(field), 60, engine);
        expected.extend(alone.into_iter().map(|row| Row {
            field: row.field.map(|_| index),
            ..row
        }));
    }
    assert_eq!(rows.len(), expected.len());
    for (got, want) in rows.iter().zip(&expected) {
        assert_eq!(
            (got.field, got.kind, got.item, got.bullet, &got.line),
            (want.field, want.kind, want.item, want.bullet, &want.line)
        );
    }
}

/// `json` as `brief show` prints it at 60 columns.
fn shown(json: &str) -> Vec<String> {
    let loaded = crate::briefing::load_bytes(Path::new("t.json"), json.as_bytes())
        .unwrap_or_else(|failure| panic!("{:?}", failure.diagnostics));
    let engine = crate::ui::content::Engine {
        mode: BidiMode::App,
        shaping: false,
    };
    crate::ui::print::briefing_lines(&loaded.briefing, 60, engine, true)
        .into_iter()
        .map(|line| line.text)
        .collect()
}

#[test]
fn each_field_of_a_row_keeps_its_own_direction() {
    // An Arabic tag in an English briefing: alone, "حقوق الإنسان!" is right-to-left, so its
    // "!" stands at its reading end, to the left of the Arabic, not after it.
    let lines = shown(r#"{"headline": "H", "tags": ["UPR", "حقوق الإنسان!"]}"#);
    assert!(
        lines.iter().any(|l| l == "UPR · !ناسنإلا قوقح"),
        "{lines:#?}"
    );
}

#[test]
fn quote_marks_take_the_row_direction_and_mirror_with_it() {
    // An Arabic quotation in an English briefing: the row is right-to-left, the opening
    // « stands at its right end, mirrored to », and the closing one at its left end.
    let json = r#"{"headline": "H", "quotes": [{"text": "نحن هنا", "speaker": "X"}],
        "actors": [{"name": "X"}]}"#;
    let lines = shown(json);
    let quote = lines.iter().find(|l| l.contains("انه")).map(|l| l.trim());
    assert_eq!(quote, Some("«انه نحن»"), "{lines:#?}");
}

#[test]
fn a_row_listing_a_briefing_s_fields_reads_in_the_briefing_s_direction() {
    // A Hebrew briefing whose first field is an RFC 3339 date: the row's first strong
    // letter is the date's `T`, yet the row is the briefing's and reads right to left,
    // the date at its right end where it starts. Tags likewise, a Latin one first.
    let json = r#"{"headline": "שלום", "language": "he", "date": "2025-08-03T07:45:00+03:00",
        "location": "חיפה", "tags": ["SCADA", "מים"]}"#;
    let lines = shown(json);
    let meta = lines.iter().find(|l| l.contains("2025")).map(|l| l.trim());
    assert_eq!(meta, Some("הפיח · 2025-08-03 07:45 +03:00"), "{lines:#?}");
    let tags = lines.iter().find(|l| l.contains("SCADA"));
    assert_eq!(tags.map(|l| l.trim()), Some("םימ · SCADA"), "{lines:#?}");
    assert!(
        tags.is_some_and(|l| l.len() > l.trim_start().len()),
        "right-aligned"
    );
    // With no language, the headline says which way the briefing reads.
    let json = r#"{"headline": "שלום", "date": "2025-08-03T07:45:00+03:00", "location": "חיפה"}"#;
    let lines = shown(json);
    let meta = lines.iter().find(|l| l.contains("2025")).map(|l| l.trim());
    assert_eq!(meta, Some("הפיח · 2025-08-03 07:45 +03:00"), "{lines:#?}");
    // An English briefing's row stays left to right, a Hebrew place first or not.
    let json = r#"{"headline": "Talks", "language": "en", "location": "חיפה",
        "date": "2025-08-03"}"#;
    let lines = shown(json);
    let meta = lines.iter().find(|l| l.contains("2025"));
    assert_eq!(
        meta.map(String::as_str),
        Some("2025-08-03 · הפיח"),
        "{lines:#?}"
    );
}

#[test]
fn an_address_takes_one_line_cut_with_an_ellipsis() {
    let url = "https://brief.invalid/samples/veyra-basin-talks";
    let mut fields = Fields::new(DirectionRule::auto());
    fields.push_own(FieldKind::Address, url, false);
    let engine = Engine {
        mode: BidiMode::App,
        shaping: true,
    };
    let fields = fields.finish();
    let text = |rows: &[Row]| -> Vec<String> {
        rows.iter()
            .map(|r| r.line.glyphs().map(|g| g.text).collect())
            .collect()
    };
    assert_eq!(text(&layout_fields(&fields, 80, engine)), [url]);
    assert_eq!(
        text(&layout_fields(&fields, 20, engine)),
        ["https://brief.inval…"]
    );
}

/// `brief show` takes a pane's rows a batch at a time and keeps none: together they are
/// the rows laid out whole, gaps between batches included.
#[test]
fn rows_taken_a_batch_at_a_time_are_the_rows_laid_out_whole() {
    let engine = Engine {
        mode: BidiMode::App,
        shaping: true,
    };
    let mut whole = PaneText::new(long_document());
    whole.relayout(60, engine);
    for batch in [1, 5_000, 600 * 1024] {
        let mut text = PaneText::new(long_document());
        text.start_layout(60, engine);
        let mut taken = Vec::new();
        while let Some(rows) = text.take_next_rows(batch) {
            taken.extend(rows);
        }
        assert_eq!(taken.len(), whole.rows.len(), "batch {batch}");
        for (got, want) in taken.iter().zip(&whole.rows) {
            assert_eq!(
                (got.field, got.kind, got.item, got.bullet, &got.line),
                (want.field, want.kind, want.item, want.bullet, &want.line),
                "batch {batch}"
            );
        }
    }
}

/// The long document's first fields, half a layout batch of text.
fn short_document() -> Vec<Field> {
    let mut bytes = 0;
    long_document()
        .into_iter()
        .take_while(|field| {
            bytes += field.text.text.len();
            bytes < super::pane_text::BATCH_BYTES / 2
        })
        .collect()
}

/// A pane longer than a batch lays out a step of text when its first rows are asked for,
/// so a long briefing's first frame waits for a screen of text, not a batch; a shorter
/// one is laid out whole at once, so its row count is exact from the first frame.
#[test]
fn a_long_pane_starts_with_a_step_and_a_short_one_is_laid_out_whole() {
    use super::pane_text::{BATCH_BYTES, STEP_BYTES};
    let engine = Engine {
        mode: BidiMode::App,
        shaping: true,
    };
    let first_screen: [fn(&mut PaneText); 3] = [
        |pane| pane.lay_out_fields(1),
        |pane| pane.lay_out_span(0..40),
        |pane| pane.lay_out_until(|rows| rows.len() >= 40),
    ];
    for (asked, lay_out) in first_screen.into_iter().enumerate() {
        let mut long = PaneText::new(long_document());
        long.start_layout(60, engine);
        lay_out(&mut long);
        assert!(
            (STEP_BYTES..BATCH_BYTES).contains(&long.laid_bytes),
            "ask {asked}: {} bytes laid out first",
            long.laid_bytes
        );
    }
    let short = short_document();
    let mut short = PaneText::new(short);
    short.start_layout(60, engine);
    short.lay_out_fields(1);
    assert!(short.is_laid_out());
    assert!(matches!(short.row_count(), RowCount::Exact(_)));
}

/// The engine the pane tests lay out with: the app's bidi, shaped.
const APP_SHAPED: Engine = Engine {
    mode: BidiMode::App,
    shaping: true,
};

/// `fields` laid out whole at width 60, and a pane of them started at that width, first
/// screens first (`defer_rest`).
fn whole_and_deferred(fields: &[Field]) -> (PaneText, PaneText) {
    let mut whole = PaneText::new(fields.to_vec());
    whole.relayout(60, APP_SHAPED);
    let mut deferred = PaneText::new(fields.to_vec());
    deferred.defer_rest();
    deferred.start_layout(60, APP_SHAPED);
    (whole, deferred)
}

/// Deferred, a short pane lays out what is asked for and no more; finished, it is laid
/// out whole, row for row as if it had been at once. A long pane stays as it was.
#[test]
fn a_deferred_pane_lays_out_what_is_asked_and_its_rest_when_finished() {
    let engine = APP_SHAPED;
    let short = short_document();
    let (whole, mut deferred) = whole_and_deferred(&short);
    deferred.lay_out_span(0..10);
    assert!(deferred.rows.len() >= 10 && !deferred.is_laid_out());
    assert!(matches!(deferred.row_count(), RowCount::About(_)));
    assert!(deferred.finish_deferred());
    assert!(deferred.is_laid_out());
    assert_eq!(deferred.row_count(), whole.row_count());
    let described = |text: &PaneText| format!("{:?}", text.rows);
    assert_eq!(described(&deferred), described(&whole));
    let mut long = PaneText::new(long_document());
    long.defer_rest();
    long.start_layout(60, engine);
    long.lay_out_span(0..10);
    let laid = long.rows.len();
    assert!(!long.finish_deferred());
    assert_eq!(long.rows.len(), laid);
}

/// A first screen that the first step of text falls a few rows short of lays out about
/// those rows more, not twice the text again: at any height, a deferred pane lays out
/// within a quarter more than the fields its rows show, and a few fields.
#[test]
fn a_first_screen_lays_out_about_the_text_it_shows() {
    let short = short_document();
    let bytes = |fields: &[Field]| fields.iter().map(|f| f.text.text.len()).sum::<usize>();
    for height in [3, 10, 25, 40, 70, 120] {
        let (whole, mut pane) = whole_and_deferred(&short);
        pane.lay_out_span(0..height);
        let last_shown = whole.rows[..height]
            .iter()
            .filter_map(|row| row.field)
            .max();
        let shown = bytes(&short[..=last_shown.unwrap_or(0)]);
        let longest = short.iter().map(|f| f.text.text.len()).max().unwrap_or(0);
        let allowed = (shown * 5 / 4).max(super::pane_text::STEP_BYTES) + 3 * longest;
        assert!(
            pane.rows.len() >= height && pane.laid_bytes <= allowed,
            "{height} rows: {} bytes laid out for {shown} shown, {} rows",
            pane.laid_bytes,
            pane.rows.len()
        );
    }
}
