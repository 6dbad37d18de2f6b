//! Which keys wait for the whole of a long briefing, and which act at once.

use std::path::{Path, PathBuf};

use brief::briefing::{LoadOptions, load_head};
use brief::ui::content::Engine;
use brief::ui::{KeySetup, UiOptions};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::layout::Rect;

use super::*;

fn key(c: char) -> Event {
    Event::Key(KeyEvent {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::NONE,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

/// A briefing long enough to open from its head, in `dir`.
fn long_file(dir: &Path) -> PathBuf {
    let paragraph = "The talks resumed on the water-sharing formula. ".repeat(20);
    let body = vec![paragraph; 400];
    let document = serde_json::json!({ "headline": "Long", "body": body });
    let path = dir.join("long.json");
    std::fs::write(&path, document.to_string()).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// The reader showing the head of a long briefing.
fn showing_a_head(path: &Path) -> App {
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    let area = Rect::new(0, 0, 80, 24);
    let mut app = App::loading(
        Some(path.to_path_buf()),
        options,
        KeySetup::defaults(),
        area,
    );
    let head = load_head(path, &LoadOptions::default(), 80 * 24);
    let head = head.unwrap_or_else(|| panic!("{}: no head", path.display()));
    app.update(Action::HeadRead(Box::new(head)));
    assert!(app.awaits_whole());
    app
}

#[test]
fn keys_wait_for_the_whole_but_quitting_does_not() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let app = showing_a_head(&long_file(dir.path()));
    let mut waiting = WaitingKeys::default();
    assert_eq!(waiting.unless_kept(&app, key('G')), None);
    assert_eq!(
        waiting.unless_kept(&app, Event::Resize(90, 30)),
        Some(Event::Resize(90, 30))
    );
    assert_eq!(waiting.unless_kept(&app, key('q')), Some(key('q')));
    // After a `/`, a `q` is a letter of the search: it waits with it.
    assert_eq!(waiting.unless_kept(&app, key('/')), None);
    assert_eq!(waiting.unless_kept(&app, key('q')), None);
    assert_eq!(waiting.0, [key('G'), key('/'), key('q')]);
}

#[test]
fn once_the_whole_is_in_the_waiting_keys_act_in_order_and_later_ones_behind_them() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = long_file(dir.path());
    let mut app = showing_a_head(&path);
    let mut waiting = WaitingKeys::default();
    assert_eq!(waiting.unless_kept(&app, key('/')), None);
    let options = LoadOptions::default();
    // Still a head: nothing is released.
    assert!(!waiting.release(&mut app, &options));
    let whole = brief::briefing::load_file(&path, &options).unwrap_or_else(|e| panic!("{e}"));
    app.update(Action::LibraryLoaded(brief::ui::Batch {
        gone: vec![path.clone()],
        listings: vec![brief::briefing::Listing::of(&whole)],
        failures: Vec::new(),
    }));
    read_asked(&mut app, &options);
    assert!(!app.awaits_whole());
    // A key that comes before the release waits behind the ones kept.
    assert_eq!(waiting.unless_kept(&app, key('w')), None);
    assert!(waiting.release(&mut app, &options));
    assert!(waiting.0.is_empty());
    // The `/` opened the search prompt, and `w` was typed into it.
    assert_eq!(
        app.action_for_key(KeyEvent::from(KeyCode::Char('q'))),
        Some(Action::SearchInput('q'))
    );
}
