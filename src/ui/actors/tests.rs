//! The actor screen without a terminal: opening it from the library and from a briefing,
//! moving, the `/` filter, Enter into a timeline and from a quotation into its briefing,
//! Esc back one step at a time; and what it says without an index.

use std::path::{Path, PathBuf};

use crate::briefing::LoadOptions;
use crate::briefing::index::Index;
use crate::ui::actors::{ActorAsk, INDEX_BEING_BUILT};
use crate::ui::app::{App, Screen};
use crate::ui::reader::panes::PaneId;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{app_on, run};
use crate::ui::{Action, answer_actor_asks};

/// `expect`, which clippy keeps out of the crate, for test set-up.
trait OrFail<T> {
    fn or_fail(self, what: &str) -> T;
}

impl<T, E: std::fmt::Debug> OrFail<T> for Result<T, E> {
    fn or_fail(self, what: &str) -> T {
        match self {
            Ok(value) => value,
            Err(error) => panic!("{what}: {error:?}"),
        }
    }
}

impl<T> OrFail<T> for Option<T> {
    fn or_fail(self, what: &str) -> T {
        match self {
            Some(value) => value,
            None => panic!("{what}: none"),
        }
    }
}

/// The bundled briefings: Arabic, Hebrew, Persian and English, with Volker Türk under his
/// Arabic name and his aliases.
fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
}

/// The bundled briefings' index, built afresh in a temporary folder.
fn index_of(folder: &Path, dir: &tempfile::TempDir) -> Index {
    let file = dir.path().join("index.db");
    let mut index = Index::rebuild(folder, Some(&file)).or_fail("build the index");
    index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .or_fail("fill the index");
    index
}

fn screen(app: &App, width: u16, height: u16) -> String {
    buffer_lines(&render_buffer(app, width, height)).join("\n")
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::SearchInput).collect()
}

/// The names of the actors listed, in order.
fn listed(app: &App) -> Vec<String> {
    let view = app.actors_view();
    let actors = view.actors();
    view.shown
        .iter()
        .map(|&at| actors[at].name.clone())
        .collect()
}

#[test]
fn a_opens_the_list_from_the_library_most_mentioned_first_and_esc_goes_back() {
    let dir = tempfile::tempdir().or_fail("temp dir");
    let mut app = app_on(&bundled(), None);
    let index = index_of(&bundled(), &dir);
    run(&mut app, &[Action::ActorIndex]);
    assert_eq!(app.screen(), Screen::Actors);
    assert_eq!(app.take_actor_asks(), [ActorAsk::List]);
    app.update(Action::ActorsRead(
        index.actors().map_err(|e| e.to_string()),
    ));
    let view = app.actors_view();
    let mentions: Vec<usize> = view
        .shown
        .iter()
        .map(|&a| view.actors()[a].mentioned_in)
        .collect();
    assert!(mentions.len() > 10, "{mentions:?}");
    assert!(mentions.windows(2).all(|w| w[0] >= w[1]), "{mentions:?}");
    run(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.actors_view().selected, 2);
    run(&mut app, &[Action::Bottom]);
    assert_eq!(app.actors_view().selected, mentions.len() - 1);
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), Screen::Library);
}

#[test]
fn without_an_index_the_screen_says_so_in_one_line_and_keeps_working() {
    let mut app = app_on(&bundled(), None);
    run(&mut app, &[Action::ActorIndex]);
    answer_actor_asks(&mut app, Err(INDEX_BEING_BUILT));
    run(
        &mut app,
        &[Action::Down, Action::Select, Action::SearchStart],
    );
    run(&mut app, &typed("x"));
    let shown = screen(&app, 80, 24);
    assert!(shown.contains(INDEX_BEING_BUILT), "{shown}");
    assert!(app.take_actor_asks().is_empty());
    run(&mut app, &[Action::SearchCancel, Action::Back]);
    assert_eq!(app.screen(), Screen::Library);
}

#[test]
fn the_filter_finds_an_actor_under_any_of_his_names() {
    let dir = tempfile::tempdir().or_fail("temp dir");
    let mut app = app_on(&bundled(), None);
    let index = index_of(&bundled(), &dir);
    run(&mut app, &[Action::ActorIndex]);
    answer_actor_asks(&mut app, Ok(&index));
    for query in ["تورك", "volker turk", "TÜRK"] {
        run(&mut app, &[Action::SearchStart]);
        run(&mut app, &typed(query));
        run(&mut app, &[Action::SearchSubmit]);
        assert_eq!(listed(&app), ["فولكر تورك"], "{query}");
        let actor = &app.actors_view().actors()[app.actors_view().shown[0]];
        assert!(
            actor.aliases.iter().any(|a| a == "Volker Türk"),
            "{actor:?}"
        );
        // Esc clears the filter; the screen stays.
        run(&mut app, &[Action::Back]);
        assert!(listed(&app).len() > 10);
        assert_eq!(app.screen(), Screen::Actors);
    }
}

/// The actors screen filtered to Volker Türk, in his timeline.
fn turk_timeline(index: &Index) -> App {
    let mut app = app_on(&bundled(), None);
    run(&mut app, &[Action::ActorIndex]);
    answer_actor_asks(&mut app, Ok(index));
    run(&mut app, &[Action::SearchStart]);
    run(&mut app, &typed("تورك"));
    run(&mut app, &[Action::SearchSubmit, Action::Select]);
    assert!(app.actors_in_timeline());
    answer_actor_asks(&mut app, Ok(index));
    app
}

#[test]
fn enter_on_a_quotation_opens_its_briefing_at_it_and_esc_comes_back() {
    let dir = tempfile::tempdir().or_fail("temp dir");
    let index = index_of(&bundled(), &dir);
    let mut app = turk_timeline(&index);
    let timeline = app.actors_view().timeline.as_ref().or_fail("a timeline");
    let entries = timeline.entries.clone().or_fail("answered").or_fail("read");
    assert_eq!(entries.len(), 1);
    assert!(entries[0].path.ends_with("libya-ohchr-geneva.json"));
    let (quote, said) = entries[0].quotes[0].clone();
    assert!(said.contains("نقدر الجهود"), "{said}");
    // The briefing's row, then its quotation's.
    run(&mut app, &[Action::Down, Action::Select]);
    assert_eq!(app.screen(), Screen::Briefing);
    let reader = app.reader().or_fail("a briefing open");
    assert_eq!(reader.pane(PaneId::Quotes).view.selected, quote);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("▶ 3 Quotes ◀"), "{shown}");
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), Screen::Actors);
    assert!(app.actors_in_timeline());
    run(&mut app, &[Action::Back]);
    assert!(!app.actors_in_timeline());
    run(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(app.screen(), Screen::Library);
}

#[test]
fn from_a_briefing_a_opens_the_index_and_esc_returns_to_the_briefing() {
    let dir = tempfile::tempdir().or_fail("temp dir");
    let index = index_of(&bundled(), &dir);
    let mut app = turk_timeline(&index);
    // Enter on the briefing's own row opens it at its top.
    run(&mut app, &[Action::Select]);
    assert_eq!(app.screen(), Screen::Briefing);
    assert_eq!(
        app.reader()
            .or_fail("open")
            .pane(PaneId::Quotes)
            .view
            .selected,
        0
    );
    run(&mut app, &[Action::ActorIndex]);
    assert_eq!(app.screen(), Screen::Actors);
    answer_actor_asks(&mut app, Ok(&index));
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), Screen::Briefing);
}

#[test]
fn an_answer_for_an_older_timeline_is_dropped() {
    let dir = tempfile::tempdir().or_fail("temp dir");
    let index = index_of(&bundled(), &dir);
    let mut app = app_on(&bundled(), None);
    run(&mut app, &[Action::ActorIndex]);
    answer_actor_asks(&mut app, Ok(&index));
    run(
        &mut app,
        &[Action::Select, Action::Back, Action::Down, Action::Select],
    );
    let asks = app.take_actor_asks();
    assert_eq!(asks.len(), 2);
    let first = crate::ui::actor_answer(&asks[0], Ok(&index));
    app.update(first);
    let timeline = app.actors_view().timeline.as_ref().or_fail("a timeline");
    assert!(timeline.entries.is_none(), "the older answer was taken");
    app.update(crate::ui::actor_answer(&asks[1], Ok(&index)));
    let timeline = app.actors_view().timeline.as_ref().or_fail("a timeline");
    assert!(timeline.entries.is_some());
}

#[test]
fn the_list_and_a_timeline_at_80_by_24() {
    let dir = tempfile::tempdir().or_fail("temp dir");
    let index = index_of(&bundled(), &dir);
    let mut app = app_on(&bundled(), None);
    run(&mut app, &[Action::ActorIndex]);
    answer_actor_asks(&mut app, Ok(&index));
    insta::assert_snapshot!("actor_list_80x24", screen(&app, 80, 24));
    let app = turk_timeline(&index);
    insta::assert_snapshot!("actor_timeline_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("actor_timeline_20x5", screen(&app, 20, 5));
}
