//! The config file (`config.toml`): the options people set once. Parsing is pure: the
//! edge (`cli::config`) reads the file and applies the precedence flag > environment >
//! config > default. Every key is documented in docs/CONFIG.md. A problem (bad TOML, an
//! unknown key, a wrong type or value) is reported with its line and column and the rest
//! of the file still applies.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use toml::{Spanned, Value};

/// The settings a config file gives; `None` where it says nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Config {
    /// The name marks are recorded under (else `$USER`).
    pub name: Option<String>,
    /// The review state file.
    pub state: Option<PathBuf>,
    /// The index file.
    pub index: Option<PathBuf>,
    pub color: Option<Color>,
    pub bidi: Option<Bidi>,
    pub shaping: Option<bool>,
    /// Seconds between looks at the library folder where it gives no change events.
    pub poll: Option<u64>,
    /// Bytes per second the reader's frames are paced to (`--max-rate`).
    pub max_rate: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bidi {
    App,
    Terminal,
}

/// The keys a config file may hold, in the order docs/CONFIG.md lists them.
pub const KEYS: [&str; 8] = [
    "name", "state", "index", "color", "bidi", "shaping", "poll", "max_rate",
];

/// One problem in a config file, at a line and column (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

/// Reads a config file's text. `home` expands a path written `~/...`.
pub fn parse_config(text: &str, home: Option<&Path>) -> (Config, Vec<ConfigProblem>) {
    let at = |offset: usize, message: String| problem_at(text, offset, message);
    let raw: BTreeMap<Spanned<String>, Spanned<Value>> = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let offset = error.span().map_or(0, |span| span.start);
            let message = error.message().trim().to_string();
            return (Config::default(), vec![at(offset, message)]);
        }
    };
    let mut config = Config::default();
    let mut problems = Vec::new();
    for (key, value) in raw {
        let value_at = value.span().start;
        if let Err(message) = config.set(key.get_ref(), value.get_ref(), home) {
            let offset = if message.starts_with("unknown key") {
                key.span().start
            } else {
                value_at
            };
            problems.push(at(offset, message));
        }
    }
    problems.sort_by_key(|p| (p.line, p.column));
    (config, problems)
}

impl Config {
    fn set(&mut self, key: &str, value: &Value, home: Option<&Path>) -> Result<(), String> {
        match key {
            "name" => self.name = Some(name(value)?),
            "state" => self.state = Some(path(key, value, home)?),
            "index" => self.index = Some(path(key, value, home)?),
            "color" => {
                self.color = Some(match word(key, value, &["auto", "always", "never"])? {
                    "auto" => Color::Auto,
                    "always" => Color::Always,
                    _ => Color::Never,
                });
            }
            "bidi" => {
                self.bidi = Some(match word(key, value, &["app", "terminal"])? {
                    "app" => Bidi::App,
                    _ => Bidi::Terminal,
                });
            }
            "shaping" => self.shaping = Some(switch(value)?),
            "poll" => self.poll = Some(seconds(value)?),
            "max_rate" => self.max_rate = Some(rate(value)?),
            _ => {
                return Err(format!(
                    "unknown key {key:?}; the keys are {}",
                    KEYS.join(", ")
                ));
            }
        }
        Ok(())
    }
}

fn problem_at(text: &str, offset: usize, message: String) -> ConfigProblem {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    ConfigProblem {
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        message: super::diagnostic::escape_controls(&message),
    }
}

fn type_name(value: &Value) -> &'static str {
    value.type_str()
}

fn string<'a>(key: &str, value: &'a Value) -> Result<&'a str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("{key} expects a string, not {}", type_name(value)))
}

fn name(value: &Value) -> Result<String, String> {
    let name = string("name", value)?.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err("name expects a name with no control characters, not empty".into());
    }
    Ok(name.to_string())
}

fn path(key: &str, value: &Value, home: Option<&Path>) -> Result<PathBuf, String> {
    let text = string(key, value)?;
    if text.is_empty() {
        return Err(format!("{key} expects a path, not an empty string"));
    }
    match (text.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => Ok(home.join(rest)),
        (Some(_), None) => Err(format!("{key}: ~/ needs HOME, which is not set")),
        (None, _) => Ok(PathBuf::from(text)),
    }
}

fn word<'a>(key: &str, value: &Value, words: &[&'a str]) -> Result<&'a str, String> {
    let text = string(key, value)?;
    words
        .iter()
        .find(|w| w.eq_ignore_ascii_case(text))
        .copied()
        .ok_or_else(|| format!("{key} expects {}, not {text:?}", words.join(", ")))
}

fn switch(value: &Value) -> Result<bool, String> {
    match value {
        Value::Boolean(on) => Ok(*on),
        _ => Ok(word("shaping", value, &["on", "off"])? == "on"),
    }
}

/// `BYTES_PER_SECOND` as the user writes it: a whole number with an optional `k` (1,000)
/// or `M` (1,000,000) after it, as link rates are given: `32k` is 256 kbit/s.
pub fn parse_rate(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().last() {
        Some((at, 'k' | 'K')) => (&text[..at], 1_000),
        Some((at, 'M' | 'm')) => (&text[..at], 1_000_000),
        _ => (text, 1),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a rate in bytes per second (e.g. 32000, 32k, 1M)"))?;
    match n.checked_mul(unit) {
        Some(0) => Err("a rate of 0 bytes per second would never draw".into()),
        Some(rate) => Ok(rate),
        None => Err(format!("{text:?} is too large a rate")),
    }
}

fn rate(value: &Value) -> Result<u64, String> {
    let text = match value {
        Value::Integer(n) => n.to_string(),
        Value::String(text) => text.clone(),
        _ => {
            return Err(format!(
                "max_rate expects bytes per second (32000, \"32k\"), not {}",
                type_name(value)
            ));
        }
    };
    parse_rate(&text).map_err(|e| format!("max_rate: {e}"))
}

fn seconds(value: &Value) -> Result<u64, String> {
    const RANGE: std::ops::RangeInclusive<i64> = 1..=3600;
    match value {
        Value::Integer(n) if RANGE.contains(n) => Ok(n.unsigned_abs()),
        Value::Integer(n) => Err(format!("poll expects 1 to 3600 seconds, not {n}")),
        _ => Err(format!(
            "poll expects a whole number of seconds, not {}",
            type_name(value)
        )),
    }
}
