use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;

use super::Action;

const DEFAULT_TABLE: &str = include_str!("keys.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyBinding {
    code: KeyCode,
    modifiers: KeyModifiers,
}

/// Which action each key means, built from the default table with the user's laid over it.
/// The help screen reads `bindings`, dispatch reads `by_key`: one table for both.
#[derive(Debug, Clone, Default)]
pub struct KeyTable {
    bindings: Vec<(Action, Vec<KeyBinding>)>,
    by_key: HashMap<KeyBinding, Action>,
}

/// A problem in a key file, located by line so the user can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {message}", path.display())]
pub struct KeyFileError {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

/// The keys the reader starts with, as the runtime found them: the table, where the user's
/// key file is (the help screen names it), and why that file was not used, if it was not.
#[derive(Debug, Clone, Default)]
pub struct KeySetup {
    pub table: KeyTable,
    pub file: Option<PathBuf>,
    pub problem: Option<KeyFileError>,
}

impl KeySetup {
    /// The built-in keys, with no user file.
    pub fn defaults() -> Self {
        Self {
            table: KeyTable::defaults(),
            ..Self::default()
        }
    }

    /// The keys given the outcome of reading the user's file at `path`: a missing file
    /// means the defaults; an unreadable or bad one, the defaults and the problem.
    pub fn from_user_file(path: PathBuf, read: std::io::Result<String>) -> Self {
        let (table, problem) = match read {
            Ok(text) => match KeyTable::with_user_file(&path, &text) {
                Ok(table) => (table, None),
                Err(problem) => (KeyTable::defaults(), Some(problem)),
            },
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                (KeyTable::defaults(), None)
            }
            Err(error) => {
                let problem = KeyFileError {
                    path: path.clone(),
                    line: 0,
                    message: format!("cannot read: {error}"),
                };
                (KeyTable::defaults(), Some(problem))
            }
        };
        Self {
            table,
            file: Some(path),
            problem,
        }
    }
}

impl KeyTable {
    pub fn defaults() -> Self {
        let mut table = KeyTable::default();
        // The embedded table is checked by a unit test; should it ever fail, the reader
        // still runs with no keys rather than not at all.
        if let Ok(entries) = parse_table(Path::new("keys.toml"), DEFAULT_TABLE) {
            table.bindings = entries;
        }
        table.index();
        table
    }

    /// Defaults with the user's file laid over them. A bad file leaves the defaults whole.
    pub fn with_user_file(path: &Path, text: &str) -> Result<Self, KeyFileError> {
        let user = parse_table(path, text)?;
        let mut table = Self::defaults();
        for (action, keys) in user {
            for (_, bound) in table.bindings.iter_mut() {
                bound.retain(|key| !keys.contains(key));
            }
            match table.bindings.iter_mut().find(|(a, _)| *a == action) {
                Some((_, bound)) => *bound = keys,
                None => table.bindings.push((action, keys)),
            }
        }
        table.index();
        Ok(table)
    }

    /// The action `key` is bound to. Press, repeat and release alike: which events are
    /// keys at all is the runtime's business.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        self.by_key.get(&KeyBinding::from_event(key)).cloned()
    }

    /// Every bindable action with its keys (possibly none), in the order of the built-in
    /// table: the help screen's order.
    pub fn bindings(&self) -> impl Iterator<Item = (Action, &[KeyBinding])> {
        let listed = self
            .bindings
            .iter()
            .map(|(action, keys)| (action.clone(), keys.as_slice()));
        let unlisted = Action::BINDABLE
            .iter()
            .filter(|action| !self.bindings.iter().any(|(a, _)| a == *action))
            .map(|action| (action.clone(), &[][..]));
        listed.chain(unlisted)
    }

    fn index(&mut self) {
        self.by_key = self
            .bindings
            .iter()
            .flat_map(|(action, keys)| keys.iter().map(move |key| (*key, action.clone())))
            .collect();
    }
}

type Entries = Vec<(Action, Vec<KeyBinding>)>;

fn parse_table(path: &Path, text: &str) -> Result<Entries, KeyFileError> {
    let error_at = |offset: usize, message: String| KeyFileError {
        path: path.to_path_buf(),
        line: text.get(..offset).unwrap_or(text).matches('\n').count() + 1,
        message,
    };
    let raw: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>> = toml::from_str(text)
        .map_err(|e| {
            let offset = e.span().map_or(0, |span| span.start);
            error_at(offset, e.message().to_string())
        })?;
    let mut entries: Vec<_> = raw.into_iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    entries
        .into_iter()
        .map(|(name, keys)| {
            let action = Action::deserialize(name.get_ref().as_str().into_deserializer()).map_err(
                |e: serde::de::value::Error| {
                    error_at(name.span().start, format!("unknown action: {e}"))
                },
            )?;
            let keys = keys
                .into_inner()
                .into_iter()
                .map(|key| {
                    KeyBinding::parse(key.get_ref()).map_err(|m| error_at(key.span().start, m))
                })
                .collect::<Result<_, _>>()?;
            Ok((action, keys))
        })
        .collect()
}

impl KeyBinding {
    pub fn parse(name: &str) -> Result<Self, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = name;
        // "-" alone is a key; "ctrl--" is ctrl and "-".
        while let Some((prefix, tail)) = rest.split_once('-').filter(|(_, t)| !t.is_empty()) {
            modifiers |= match prefix.to_ascii_lowercase().as_str() {
                "ctrl" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ => break,
            };
            rest = tail;
        }
        let code = parse_code(rest).ok_or_else(|| format!("unknown key {name:?}"))?;
        Ok(Self::normalized(code, modifiers))
    }

    fn from_event(key: KeyEvent) -> Self {
        Self::normalized(key.code, key.modifiers)
    }

    /// Terminals report "G" as Char('G') with or without Shift, and Shift-Tab as BackTab
    /// with Shift: fold those so the table matches whatever the terminal sends.
    fn normalized(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let (code, modifiers) = match code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => (
                KeyCode::Char(c.to_ascii_lowercase()),
                modifiers - KeyModifiers::SHIFT,
            ),
            KeyCode::Char(_) => (code, modifiers - KeyModifiers::SHIFT),
            KeyCode::BackTab => (code, modifiers - KeyModifiers::SHIFT),
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
                (KeyCode::BackTab, modifiers - KeyModifiers::SHIFT)
            }
            _ => (code, modifiers),
        };
        Self { code, modifiers }
    }
}

fn parse_code(name: &str) -> Option<KeyCode> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(KeyCode::Char(c));
    }
    let lower = name.to_ascii_lowercase();
    let code = match lower.as_str() {
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "delete" | "del" => KeyCode::Delete,
        "insert" => KeyCode::Insert,
        _ => KeyCode::F(
            lower
                .strip_prefix('f')?
                .parse()
                .ok()
                .filter(|n| (1..=12).contains(n))?,
        ),
    };
    Some(code)
}

impl fmt::Display for KeyBinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (modifier, name) in [
            (KeyModifiers::CONTROL, "Ctrl-"),
            (KeyModifiers::ALT, "Alt-"),
            (KeyModifiers::SHIFT, "Shift-"),
        ] {
            if self.modifiers.contains(modifier) {
                f.write_str(name)?;
            }
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                write!(f, "{}", c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            other => write!(f, "{other}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
