//! Which action each key means: the built-in table with the user's file laid over it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crossterm::event::KeyEvent;
use serde::Deserialize;
use serde::de::IntoDeserializer;
use serde::de::value::StrDeserializer;
use toml::Spanned;

use super::binding::KeyBinding;
use crate::ui::action::Action;

/// The built-in table: src/ui/keys.toml, where docs and users look for it.
pub(super) const DEFAULT_TABLE: &str = include_str!("../keys.toml");

/// Which action each key means, built from the default table with the user's laid over it.
/// The help screen and dispatch read the same `bindings`. A key is looked up by a scan of
/// about a hundred keys, a fraction of a microsecond; hashing them into a map took a
/// twentieth of the reader's start.
#[derive(Debug, Clone, Default)]
pub struct KeyTable {
    bindings: Vec<(Action, Vec<KeyBinding>)>,
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
        let entries = parse_plain(DEFAULT_TABLE)
            .ok_or(())
            .or_else(|()| parse_table(Path::new("keys.toml"), DEFAULT_TABLE));
        if let Ok(entries) = entries {
            table.bindings = entries;
        }
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
        Ok(table)
    }

    /// The action `key` is bound to. Press, repeat and release alike: which events are
    /// keys at all is the runtime's business.
    /// A key bound twice means its last action, as the map that indexed the table did.
    pub fn action_for(&self, key: KeyEvent) -> Option<Action> {
        let key = KeyBinding::from_event(key);
        self.bindings
            .iter()
            .rev()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(action, _)| action.clone())
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
}

type Entries = Vec<(Action, Vec<KeyBinding>)>;

/// The built-in table read without a TOML parser, which took a tenth of the start: it
/// holds only `name = ["key", ...]` lines and comments. `None` for anything else (an
/// escape, a key unknown), which `parse_table` then reads; a test checks both agree.
pub(super) fn parse_plain(text: &str) -> Option<Entries> {
    let mut entries = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, list) = line.split_once('=')?;
        let name: StrDeserializer<'_, serde::de::value::Error> = name.trim().into_deserializer();
        let action = Action::deserialize(name).ok()?;
        let mut rest = list.trim().strip_prefix('[')?.strip_suffix(']')?.trim();
        let mut keys = Vec::new();
        while !rest.is_empty() {
            let (key, after) = rest.strip_prefix('"')?.split_once('"')?;
            if key.contains('\\') {
                return None;
            }
            keys.push(KeyBinding::parse(key).ok()?);
            rest = after.trim_start();
            if !rest.is_empty() {
                rest = rest.strip_prefix(',')?.trim_start();
            }
        }
        entries.push((action, keys));
    }
    Some(entries)
}

pub(super) fn parse_table(path: &Path, text: &str) -> Result<Entries, KeyFileError> {
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
