//! The key table: the built-in one, user files good and bad, and key names.

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::binding::KeyBinding;
use super::table::{DEFAULT_TABLE, KeyFileError, KeySetup, KeyTable, parse_plain, parse_table};
use crate::ui::action::Action;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

#[test]
fn default_table_parses_and_binds_every_action() {
    let entries = parse_table(Path::new("keys.toml"), DEFAULT_TABLE);
    let entries = entries.map_err(|e| e.to_string());
    assert!(entries.is_ok(), "{entries:?}");
    let table = KeyTable::defaults();
    for (action, keys) in table.bindings() {
        assert!(!keys.is_empty(), "{action:?} has no key");
    }
}

/// The start reads the built-in table without TOML: it must read it as TOML does, and
/// leave to TOML what it cannot read.
#[test]
fn the_plain_reading_of_the_default_table_is_tomls() {
    let toml = parse_table(Path::new("keys.toml"), DEFAULT_TABLE).map_err(|e| e.to_string());
    assert_eq!(parse_plain(DEFAULT_TABLE), toml.ok());
    let plain = "# c\n\nquit = [ \"q\" , \"ctrl-c\", ]\nhelp=[\"?\"]\nzoom = []\n";
    let toml = parse_table(Path::new("k.toml"), plain).map_err(|e| e.to_string());
    assert_eq!(parse_plain(plain), toml.ok());
    assert_eq!(parse_plain(plain).map(|e| e.len()), Some(3));
    for other in [
        "quit = [\"q\"] # a comment after",
        "quit = [\"\\u0071\"]",
        "quit = \"q\"",
        "[section]",
        "nothing = [\"q\"]",
        "quit = [\"q\" \"x\"]x",
        "quit = [\"q\" \"x\"]",
    ] {
        assert_eq!(parse_plain(other), None, "{other}");
    }
}

/// Each key of a table means the one action that lists it, in the built-in table and in
/// one a user's file changed: which of two actions a key would mean never arises.
#[test]
fn every_bound_key_means_the_action_that_lists_it() {
    let user = KeyTable::with_user_file(Path::new("u.toml"), "zoom = [\"q\", \"j\"]\n");
    let user = user.map_err(|e| e.to_string());
    assert!(user.is_ok(), "{user:?}");
    for table in [KeyTable::defaults(), user.unwrap_or_default()] {
        let mut seen = std::collections::HashMap::new();
        for (action, keys) in table.bindings() {
            for key in keys {
                let before = seen.insert(*key, action.clone());
                assert_eq!(before, None, "{key} is bound to {action:?} too");
                assert_eq!(table.action_for(key.to_event()), Some(action.clone()));
            }
        }
        assert!(seen.len() > 40, "only {} keys", seen.len());
    }
}

#[test]
fn terminal_variants_of_a_key_match_the_table() {
    let table = KeyTable::defaults();
    let shifted_g = key(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(table.action_for(shifted_g), Some(Action::Bottom));
    let back_tab = key(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(table.action_for(back_tab), Some(Action::FocusPrev));
    let ctrl_c = key(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(table.action_for(ctrl_c), Some(Action::Quit));
    assert_eq!(
        table.action_for(key(KeyCode::Char('c'), KeyModifiers::NONE)),
        None
    );
}

#[test]
fn user_file_rebinds_and_takes_keys_from_other_actions() {
    let path = Path::new("user.toml");
    let table = KeyTable::with_user_file(path, "zoom = [\"q\"]\nquit = [\"ctrl-q\"]\n");
    let table = table.map_err(|e| e.to_string());
    assert!(table.is_ok(), "{table:?}");
    let table = table.unwrap_or_default();
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(table.action_for(q), Some(Action::Zoom));
    let z = key(KeyCode::Char('z'), KeyModifiers::NONE);
    assert_eq!(table.action_for(z), None);
    let ctrl_q = key(KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert_eq!(table.action_for(ctrl_q), Some(Action::Quit));
}

#[test]
fn bad_user_file_names_file_and_line() {
    let path = Path::new("/home/a/keys.toml");
    let text = "quit = [\"q\"]\n\nfly = [\"f\"]\n";
    let error = KeyTable::with_user_file(path, text)
        .map(|_| ())
        .map_err(|e| e.to_string());
    let expected = "/home/a/keys.toml:3: unknown action: unknown variant `fly`, \
                    expected one of `quit`, `suspend`, `redraw`, `help`";
    assert!(
        error.as_ref().is_err_and(|e| e.starts_with(expected)),
        "{error:?}"
    );
    let text = "quit = [\"q\"]\nzoom = [\"hyper-x\"]\n";
    let error = KeyTable::with_user_file(path, text)
        .map(|_| ())
        .map_err(|e| e.to_string());
    assert_eq!(
        error,
        Err("/home/a/keys.toml:2: unknown key \"hyper-x\"".into())
    );
    let text = "quit = [\"q\"\n";
    let error = KeyTable::with_user_file(path, text)
        .map(|_| ())
        .map_err(|e| e.to_string());
    assert!(
        error
            .as_ref()
            .is_err_and(|e| e.starts_with("/home/a/keys.toml:1: ")),
        "{error:?}"
    );
}

#[test]
fn the_table_maps_keys_whatever_their_kind() {
    // Dropping releases is the runtime's job, done once there.
    let table = KeyTable::defaults();
    let mut release = key(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = crossterm::event::KeyEventKind::Release;
    assert_eq!(table.action_for(release), Some(Action::Quit));
}

#[test]
fn user_file_outcomes_become_keys_and_problems() {
    use std::io::{Error, ErrorKind};
    let path = PathBuf::from("/cfg/brief/keys.toml");
    let missing = KeySetup::from_user_file(path.clone(), Err(ErrorKind::NotFound.into()));
    assert_eq!(
        (missing.file.as_ref(), missing.problem),
        (Some(&path), None)
    );
    let denied = Error::from(ErrorKind::PermissionDenied);
    let unreadable = KeySetup::from_user_file(path.clone(), Err(denied));
    let problem = unreadable.problem.map(|p| p.to_string());
    assert!(
        problem
            .as_ref()
            .is_some_and(|p| p.starts_with("/cfg/brief/keys.toml:0: cannot read: ")),
        "{problem:?}"
    );
    let rebound = KeySetup::from_user_file(path.clone(), Ok("zoom = [\"Z\"]".into()));
    let shift_z = key(KeyCode::Char('Z'), KeyModifiers::SHIFT);
    assert_eq!(rebound.table.action_for(shift_z), Some(Action::Zoom));
    let bad = KeySetup::from_user_file(path, Ok("fly = [\"f\"]".into()));
    assert!(bad.problem.is_some());
    let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(bad.table.action_for(q), Some(Action::Quit), "defaults kept");
}

#[test]
fn a_key_file_error_is_an_error() {
    fn source(error: &dyn std::error::Error) -> String {
        error.to_string()
    }
    let error = KeyFileError {
        path: PathBuf::from("k.toml"),
        line: 2,
        message: "bad".into(),
    };
    assert_eq!(source(&error), "k.toml:2: bad");
}

#[test]
fn key_names_round_trip_for_help() {
    let names = [
        "ctrl-c", "backtab", "G", "space", "pagedown", "f1", "-", "ctrl--",
    ];
    let shown: Vec<String> = names
        .iter()
        .map(|n| KeyBinding::parse(n).map_or_else(|e| e, |k| k.to_string()))
        .collect();
    assert_eq!(
        shown,
        [
            "Ctrl-C",
            "Shift-Tab",
            "G",
            "Space",
            "PgDn",
            "F1",
            "-",
            "Ctrl--"
        ]
    );
}
