//! Translations in the reader: `t` and `T`, each block level with its translation side by
//! side, search in both texts, and `y` with the translation; on the bundled samples.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use ratatui::layout::Rect;

use super::panes::PaneId;
use super::panes::translation::{TextView, view_fields};
use crate::briefing::{Briefing, LoadOptions, Unit, load_file, load_path};
use crate::ui::app::App;
use crate::ui::content::{Column, Engine, PaneText};
use crate::ui::keys::KeySetup;
use crate::ui::testing::{open_reader, run, ui_options};
use crate::ui::{Action, Effect};

const SEED: &str = "libya-ohchr-geneva.json";
const HEBREW: &str = "emek-arazim-water-plan.json";
const ENGLISH: &str = "veyra-basin-talks.json";

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
}

fn sample(name: &str) -> Briefing {
    match load_file(&samples().join(name), &LoadOptions::default()) {
        Ok(loaded) => loaded.briefing,
        Err(failure) => panic!("{failure}"),
    }
}

fn app(name: &str, width: u16, height: u16) -> App {
    let library = load_path(&samples(), &LoadOptions::default());
    let area = Rect::new(0, 0, width, height);
    let opened = Some(samples().join(name));
    let keys = KeySetup::defaults();
    let mut app = App::new(library, opened, ui_options(false), keys, area);
    crate::ui::testing::settle(&mut app);
    app
}

/// The unit of the field `row` shows, on the side asked for.
fn unit_at(text: &PaneText, field: Option<usize>, column: Column) -> Option<Unit> {
    let field = text.fields.get(field?)?;
    (field.column == column).then_some(field.unit).flatten()
}

#[test]
fn every_block_starts_on_the_row_of_its_translation() {
    let mut checked = 0;
    for name in [SEED, HEBREW] {
        let briefing = sample(name);
        for pane in PaneId::ALL {
            let (fields, _) = view_fields(pane, &briefing, TextView::SideBySide(0), None);
            for width in [60, 94, 118, 157, 198] {
                let mut text = PaneText::new(fields.clone());
                text.set_side_by_side(true);
                text.relayout(width, Engine::default());
                let mut seen = HashSet::new();
                for (index, row) in text.rows.iter().enumerate() {
                    let beside = row.beside.as_deref().and_then(|b| b.field);
                    let Some(unit) = unit_at(&text, beside, Column::Translation) else {
                        continue;
                    };
                    if !seen.insert(unit) {
                        continue;
                    }
                    // The translation's first row: the original's first row is this one.
                    let first = text
                        .rows
                        .iter()
                        .position(|r| unit_at(&text, r.field, Column::Original) == Some(unit));
                    assert_eq!(first, Some(index), "{name} {pane:?} {unit:?} at {width}");
                    checked += 1;
                }
            }
        }
    }
    // Every body block of both samples is translated, at five widths.
    assert!(checked > 5 * (22 + 5), "only {checked} pairs checked");
}

/// Side by side, the Arabic column reads right to left wherever it has an Arabic letter
/// (even a paragraph opening with a Latin name), and the English column left to right
/// even where it carries an Arabic name over: each by the rule of its own language.
#[test]
fn each_column_reads_by_the_rule_of_its_own_language() {
    let arabic = |text: &str| text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let briefing = sample(SEED);
    let (mut original, mut translation, mut carried_over) = (0, 0, 0);
    for pane in PaneId::ALL {
        let (fields, _) = view_fields(pane, &briefing, TextView::SideBySide(0), None);
        let mut text = PaneText::new(fields);
        text.set_side_by_side(true);
        text.relayout(157, Engine::default());
        for row in text.rows.iter().filter(|row| row.beside.is_some()) {
            let sides = [Some(row), row.beside.as_deref()];
            for side in sides.into_iter().flatten() {
                let Some(field) = side.field.and_then(|f| text.fields.get(f)) else {
                    continue;
                };
                match field.column {
                    Column::Original if arabic(&field.text.text) => {
                        assert!(side.line.rtl, "{pane:?}: {}", field.text.text);
                        original += 1;
                    }
                    Column::Translation => {
                        assert!(!side.line.rtl, "{pane:?}: {}", field.text.text);
                        translation += 1;
                        carried_over += usize::from(arabic(&field.text.text));
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(
        original > 50 && translation > 50,
        "{original} {translation}"
    );
    assert!(carried_over > 0, "no Arabic name in the English column");
}

#[test]
fn t_cycles_original_translation_side_by_side() {
    let mut app = app(SEED, 160, 50);
    let view = |app: &App| open_reader(app).view;
    assert_eq!(view(&app), TextView::Original);
    run(&mut app, &[Action::CycleTranslation]);
    assert_eq!(view(&app), TextView::Translation(0));
    assert_eq!(app.message(), Some("translation: en"));
    run(&mut app, &[Action::CycleTranslation]);
    assert_eq!(view(&app), TextView::SideBySide(0));
    assert_eq!(app.message(), Some("side by side with en"));
    assert_eq!(open_reader(&app).languages.as_deref(), Some("ar | en"));
    run(&mut app, &[Action::NextTranslation]);
    assert_eq!(view(&app), TextView::SideBySide(0), "one translation only");
    run(&mut app, &[Action::CycleTranslation]);
    assert_eq!(view(&app), TextView::Original);
    assert_eq!(open_reader(&app).languages, None);
}

#[test]
fn a_briefing_without_translation_says_so() {
    let mut app = app(ENGLISH, 80, 24);
    run(&mut app, &[Action::CycleTranslation]);
    assert_eq!(open_reader(&app).view, TextView::Original);
    assert_eq!(app.message(), Some("this briefing has no translation"));
}

fn search(app: &mut App, query: &str) {
    app.update(Action::SearchStart);
    for c in query.chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchSubmit);
}

#[test]
fn search_finds_words_of_both_texts_and_n_visits_both() {
    let mut app = app(HEBREW, 160, 50);
    search(&mut app, "leaks");
    assert!(
        app.search().matches.is_empty(),
        "the original has no English"
    );
    run(&mut app, &[Action::Back, Action::CycleTranslation]);
    run(&mut app, &[Action::CycleTranslation]);
    search(&mut app, "12%");
    let reader = open_reader(&app);
    let columns: Vec<Column> = app
        .search()
        .matches
        .iter()
        .map(|m| reader.pane(m.pane).text.fields[m.field].column)
        .collect();
    // The summary and the body's second paragraph, each in Hebrew and in English.
    assert_eq!(
        columns,
        [
            Column::Original,
            Column::Translation,
            Column::Original,
            Column::Translation
        ]
    );
    // n walks them in order: the current match moves to the translation's.
    run(&mut app, &[Action::SearchNext]);
    assert_eq!(app.search().current, Some(1));
    let body = open_reader(&app).pane(PaneId::Body);
    let found = &app.search().matches[1];
    assert_eq!(body.text.fields[found.field].column, Column::Translation);
}

#[test]
fn y_copies_a_quotation_with_its_translation() {
    let mut app = app(SEED, 80, 24);
    run(&mut app, &[Action::FocusQuotes, Action::CopyQuote]);
    let effects = app.take_effects();
    let [Effect::Copy(original)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    assert!(!original.contains("translation"), "{original}");
    run(&mut app, &[Action::CycleTranslation, Action::CopyQuote]);
    let effects = app.take_effects();
    let [Effect::Copy(copied)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let translation = "We value the efforts made in Libya to strengthen human rights, and we \
                       seek to strengthen joint cooperation to support national programmes and \
                       protect the rights of citizens, contributing to stability and sustainable \
                       development";
    assert_eq!(
        *copied,
        format!("{original} (translation: \"{translation}\")")
    );
    assert!(copied.starts_with("«نقدر الجهود المبذولة"), "{copied}");
    // Between the Arabic name and role, the Arabic comma.
    assert!(copied.contains("— فولكر تورك، المفوض السامي"), "{copied}");
}

#[test]
fn side_by_side_marks_a_match_in_the_translation_column() {
    let mut app = app(HEBREW, 160, 50);
    run(
        &mut app,
        &[Action::CycleTranslation, Action::CycleTranslation],
    );
    search(&mut app, "leaks");
    let buf = crate::ui::screen::render_buffer(&app, 160, 50);
    let body = open_reader(&app).rects(Rect::new(0, 0, 160, 50))[PaneId::Body];
    let Some(body) = body else {
        panic!("no body pane");
    };
    // The translation's column starts after the original's and the rule between them.
    let (left, _) = crate::ui::content::column_widths(usize::from(body.width - 2));
    let column = body.x + 1 + u16::try_from(left).unwrap_or(u16::MAX);
    let marked: Vec<(u16, String)> = (body.y..body.bottom())
        .filter_map(|y| {
            let cells = (body.x..body.right()).filter(|&x| {
                let modifier = buf[(x, y)].modifier;
                modifier.contains(ratatui::style::Modifier::UNDERLINED)
            });
            let xs: Vec<u16> = cells.collect();
            let first = *xs.first()?;
            Some((first, xs.iter().map(|&x| buf[(x, y)].symbol()).collect()))
        })
        .collect();
    assert_eq!(marked.len(), 1, "{marked:?}");
    assert_eq!(marked[0].1, "leaks");
    assert!(marked[0].0 > column, "{marked:?} left of {column}");
}

#[test]
fn t_keeps_each_pane_on_the_block_it_showed_and_the_view_across_briefings() {
    let mut app = app(SEED, 160, 50);
    let paragraph = |app: &App| {
        let reader = open_reader(app);
        let text = &reader.pane(PaneId::Body).text;
        let row = &text.rows[reader.pane(PaneId::Body).view.scroll];
        text.fields[row.field.unwrap_or_default()].unit
    };
    run(
        &mut app,
        &[Action::FocusBody, Action::PageDown, Action::PageDown],
    );
    let top = paragraph(&app);
    assert!(matches!(top, Some(Unit::Block(n)) if n > 2), "{top:?}");
    run(&mut app, &[Action::CycleTranslation]);
    assert_eq!(paragraph(&app), top);
    run(&mut app, &[Action::CycleTranslation]);
    assert_eq!(paragraph(&app), top);
    // The Hebrew sample comes before the seed, and has a translation; the one before it
    // has none.
    run(&mut app, &[Action::PrevBriefing]);
    assert_eq!(open_reader(&app).view, TextView::SideBySide(0));
    run(&mut app, &[Action::PrevBriefing]);
    assert_eq!(open_reader(&app).view, TextView::Original);
}

#[test]
fn capital_t_chooses_among_several_translations() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/translations/valid");
    let library = load_path(&folder, &LoadOptions::default());
    let opened = Some(folder.join("partial.json"));
    let area = Rect::new(0, 0, 120, 40);
    let keys = KeySetup::defaults();
    let mut app = App::new(library, opened, ui_options(false), keys, area);
    crate::ui::testing::settle(&mut app);
    run(&mut app, &[Action::NextTranslation]);
    assert_eq!(open_reader(&app).view, TextView::Translation(0));
    assert_eq!(app.message(), Some("translation: en (1 of 2)"));
    run(&mut app, &[Action::NextTranslation]);
    assert_eq!(open_reader(&app).view, TextView::Translation(1));
    assert_eq!(app.message(), Some("translation: fr (2 of 2)"));
    run(
        &mut app,
        &[Action::CycleTranslation, Action::NextTranslation],
    );
    assert_eq!(open_reader(&app).view, TextView::SideBySide(0));
    assert_eq!(app.message(), Some("side by side with en (1 of 2)"));
    // The French translation has only a headline: the body is the original's alone.
    run(&mut app, &[Action::NextTranslation]);
    let body = &open_reader(&app).pane(PaneId::Body).text;
    assert!(body.fields.iter().all(|f| f.column != Column::Translation));
    let headline = &open_reader(&app).pane(PaneId::Headline).text;
    let translated: Vec<&str> = headline
        .fields
        .iter()
        .filter(|f| f.column == Column::Translation)
        .map(|f| f.text.text.as_str())
        .collect();
    assert_eq!(translated, ["La réunion"]);
}
