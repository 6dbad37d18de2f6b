use std::fmt;
use std::path::PathBuf;

/// More than this many diagnostics for one file are summed up in a last line: a hostile
/// file with a million unknown keys should not print a million lines.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, located the way compilers do: 1-based line and column
/// (column counted in characters). `json_path` is like `quotes[2].speaker` when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub json_path: Option<String>,
    pub message: String,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Problems with the file as a whole (too large, unreadable) have no position; they
    /// carry line and column 0.
    pub fn has_position(&self) -> bool {
        self.line > 0
    }
}

/// `path:line:column: severity: json_path: message`, with control and bidi-override
/// characters from file names, keys and values shown as `\u{..}` escapes, since this
/// line goes straight to a terminal.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut line = self.path.display().to_string();
        if self.has_position() {
            line.push_str(&format!(":{}:{}", self.line, self.column));
        }
        line.push_str(&format!(": {}: ", self.severity));
        if let Some(json_path) = &self.json_path {
            line.push_str(json_path);
            line.push_str(": ");
        }
        line.push_str(&self.message);
        f.write_str(&escape_controls(&line))
    }
}

pub(crate) fn escape_controls(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if is_terminal_hazard(c) {
            escaped.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    escaped
}

/// A character that must not reach a terminal raw from a file: the C0 and C1 controls and
/// DEL (escape sequences, an 8-bit CSI), and the bidi marks, embeddings, overrides and
/// isolates, which would reorder the rest of the line the terminal shows. Every report
/// (text or JSON) escapes exactly these, so the two cannot drift apart.
pub fn is_terminal_hazard(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A value from the file, quoted for a message and cut short when long.
pub(crate) fn quoted(value: &str) -> String {
    const LIMIT: usize = 60;
    let mut shown: String = value.chars().take(LIMIT).collect();
    if value.chars().nth(LIMIT).is_some() {
        shown.push('…');
    }
    format!("\"{shown}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(line: usize, message: &str) -> Diagnostic {
        Diagnostic {
            path: PathBuf::from("a/b.json"),
            line,
            column: 7,
            severity: Severity::Error,
            json_path: Some("quotes[2].speaker".into()),
            message: message.into(),
        }
    }

    #[test]
    fn displays_like_a_compiler() {
        assert_eq!(
            diagnostic(3, "expected a string").to_string(),
            "a/b.json:3:7: error: quotes[2].speaker: expected a string"
        );
        assert_eq!(
            diagnostic(0, "too large").to_string(),
            "a/b.json: error: quotes[2].speaker: too large"
        );
    }

    #[test]
    fn terminal_controls_are_escaped() {
        let shown = diagnostic(1, "found \"\u{1b}[31m\u{202e}x\u{200c}\"").to_string();
        assert!(
            shown.ends_with("found \"\\u{1b}[31m\\u{202e}x\u{200c}\""),
            "{shown}"
        );
    }

    #[test]
    fn hazards_are_controls_and_bidi_formatting_only() {
        for c in [
            '\u{0}', '\u{1b}', '\u{7f}', '\u{9b}', '\u{61c}', '\u{200e}', '\u{200f}',
        ] {
            assert!(is_terminal_hazard(c), "{:x}", u32::from(c));
        }
        for c in ['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}'] {
            assert!(is_terminal_hazard(c), "{:x}", u32::from(c));
        }
        // Joiners shape Arabic and emoji; they reorder nothing.
        for c in ['a', 'ب', ' ', '\u{200c}', '\u{200d}', '\u{a0}'] {
            assert!(!is_terminal_hazard(c), "{:x}", u32::from(c));
        }
    }

    #[test]
    fn long_values_are_cut() {
        assert_eq!(quoted("abc"), "\"abc\"");
        let long = "ب".repeat(61);
        assert_eq!(quoted(&long), format!("\"{}…\"", "ب".repeat(60)));
    }
}
