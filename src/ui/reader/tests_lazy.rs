//! A long briefing opens laid out only as far as its first screen: the search still finds
//! what is beyond it, and going to a match near the end lays out the end only.

use ratatui::layout::Rect;

use super::panes::PaneId;
use super::props_lazy::long_briefing;
use crate::briefing::{LoadOptions, load_path};
use crate::ui::app::App;
use crate::ui::keys::KeySetup;
use crate::ui::testing::{settle, ui_options};
use crate::ui::{Action, Effect};

const PLANTED: &str = "zanzibarquartz";

#[test]
fn the_search_finds_a_match_at_the_end_of_a_2_mb_briefing_before_it_is_laid_out() {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("temporary folder: {e}"),
    };
    let file = dir.path().join("long.json");
    let json = long_briefing(2_000_000, PLANTED).to_string();
    if let Err(e) = std::fs::write(&file, json) {
        panic!("writing {}: {e}", file.display());
    }
    let library = load_path(dir.path(), &LoadOptions::default());
    let area = Rect::new(0, 0, 120, 40);
    let mut app = App::new(
        library,
        Some(file),
        ui_options(false),
        KeySetup::defaults(),
        area,
    );
    settle(&mut app);
    let body = |app: &App| match app.reader() {
        Some(reader) => reader.pane(PaneId::Body).clone(),
        None => panic!("the briefing did not open"),
    };
    assert!(!body(&app).text.is_laid_out(), "opened laid out whole");

    app.update(Action::SearchStart);
    for c in PLANTED.chars() {
        app.update(Action::SearchInput(c));
    }
    let found = app.search().matches.clone();
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].field + 1, body(&app).text.fields.len());
    assert!(
        !body(&app).text.is_laid_out(),
        "searching laid the body out"
    );

    app.update(Action::SearchSubmit);
    assert!(
        app.take_effects()
            .iter()
            .all(|e| !matches!(e, Effect::Read(_)))
    );
    let state = body(&app);
    assert!(
        !state.text.is_laid_out(),
        "going to the match laid the body out whole"
    );
    let last = state.text.row_count().value() - 1;
    let page = match app.reader() {
        Some(reader) => reader.page(PaneId::Body, area),
        None => 0,
    };
    assert!(
        state.view.scroll <= last && last < state.view.scroll + page,
        "the match's row {last} is not in view from {}",
        state.view.scroll
    );
    let shown = state.text.row(last).map(|row| row.line.to_plain());
    let shown = shown.unwrap_or_default();
    assert!(shown.contains(PLANTED), "the last row shows {shown:?}");
}
