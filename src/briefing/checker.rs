//! Typed reads from a JSON `Value` that record what was wrong instead of stopping, so one
//! pass reports every problem in a file.

use serde_json::{Map, Value};

use super::Severity;
use super::diagnostic::MAX_DIAGNOSTICS_PER_FILE;
use super::json_path::JsonPath;

/// Which spot of the source a problem points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// Where the value at the problem's path starts.
    Value,
    /// Where the member's key starts (unknown fields).
    Key,
    /// Where the object holding the path starts (missing fields).
    Parent,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Problem {
    pub severity: Severity,
    pub path: JsonPath,
    pub anchor: Anchor,
    pub message: String,
}

/// Keeps the first `MAX_DIAGNOSTICS_PER_FILE` problems of each severity and counts the
/// rest: a hostile file with a million unknown keys must not cost a million messages.
#[derive(Debug, Default)]
pub(crate) struct Checker {
    pub problems: Vec<Problem>,
    pub errors: usize,
    pub warnings: usize,
}

pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Checker {
    pub(crate) fn error(&mut self, path: &JsonPath, anchor: Anchor, message: String) {
        self.errors += 1;
        if self.errors <= MAX_DIAGNOSTICS_PER_FILE {
            self.push(Severity::Error, path, anchor, message);
        }
    }

    pub(crate) fn warning(&mut self, path: &JsonPath, anchor: Anchor, message: String) {
        self.lazy_warning(path, anchor, || message);
    }

    /// Counts a warning, building its message only when it is under the cap: a file with
    /// thousands of unknown fields formats no more than the ones that are kept.
    fn lazy_warning(&mut self, path: &JsonPath, anchor: Anchor, message: impl FnOnce() -> String) {
        self.warnings += 1;
        if self.warnings <= MAX_DIAGNOSTICS_PER_FILE {
            self.push(Severity::Warning, path, anchor, message());
        }
    }

    fn push(&mut self, severity: Severity, path: &JsonPath, anchor: Anchor, message: String) {
        self.problems.push(Problem {
            severity,
            path: path.clone(),
            anchor,
            message,
        });
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.errors > 0
    }

    pub(crate) fn wrong_type(&mut self, path: &JsonPath, expected: &str, found: &Value) {
        let message = format!("expected {expected}, found {}", kind_of(found));
        self.error(path, Anchor::Value, message);
    }

    pub(crate) fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &JsonPath,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = value else {
            self.wrong_type(path, "an object", value);
            return None;
        };
        for key in map.keys().filter(|key| !known.contains(&key.as_str())) {
            self.lazy_warning(&path.key(key.clone()), Anchor::Key, || {
                let unknown = format!("unknown field {}, ignored", super::diagnostic::quoted(key));
                match super::suggest::suggestion(key, known) {
                    Some(meant) => {
                        format!(
                            "{unknown}: did you mean {}?",
                            super::diagnostic::quoted(meant)
                        )
                    }
                    None => unknown,
                }
            });
        }
        Some(map)
    }

    pub(crate) fn string(&mut self, value: &Value, path: &JsonPath) -> Option<String> {
        match value {
            Value::String(text) => Some(text.clone()),
            other => {
                self.wrong_type(path, "a string", other);
                None
            }
        }
    }

    pub(crate) fn optional_string(
        &mut self,
        map: &Map<String, Value>,
        path: &JsonPath,
        key: &'static str,
    ) -> Option<String> {
        let value = map.get(key)?;
        self.string(value, &path.key(key))
    }

    pub(crate) fn required_string(
        &mut self,
        map: &Map<String, Value>,
        path: &JsonPath,
        key: &'static str,
    ) -> Option<String> {
        if !map.contains_key(key) {
            let message = format!("missing required field {}", super::diagnostic::quoted(key));
            self.error(&path.key(key), Anchor::Parent, message);
        }
        self.optional_string(map, path, key)
    }

    pub(crate) fn array<'v>(&mut self, value: &'v Value, path: &JsonPath) -> &'v [Value] {
        match value {
            Value::Array(items) => items,
            other => {
                self.wrong_type(path, "an array", other);
                &[]
            }
        }
    }

    /// The strings of an array of strings; wrong elements are reported and left out.
    pub(crate) fn strings(&mut self, value: &Value, path: &JsonPath) -> Vec<String> {
        let items = self.array(value, path);
        items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| self.string(item, &path.index(index)))
            .collect()
    }

    pub(crate) fn optional_strings(
        &mut self,
        map: &Map<String, Value>,
        path: &JsonPath,
        key: &'static str,
    ) -> Vec<String> {
        match map.get(key) {
            Some(value) => self.strings(value, &path.key(key)),
            None => Vec::new(),
        }
    }
}
