//! The help's lines wrapped at the pane's width: a key's description continues under the
//! description column when there is room, else two cells in; prose wraps at words.

/// A line of the help as written: its text, and where its continuation lines start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub text: String,
    /// Cells before a continuation line: the keys column of a key's line, 0 for prose.
    pub indent: usize,
}

impl Entry {
    pub fn prose(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            indent: 0,
        }
    }
}

/// `entries` as lines at most `width` cells wide, never cut inside a word that fits a line.
pub fn wrap(entries: &[Entry], width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for entry in entries {
        if entry.text.is_empty() {
            lines.push(String::new());
            continue;
        }
        // A hanging indent that would leave the description less than half the line
        // gives way to a small one.
        let indent = match entry.indent * 2 <= width {
            true => entry.indent,
            false => 2.min(width / 4),
        };
        let indent = " ".repeat(indent);
        let options = textwrap::Options::new(width).subsequent_indent(&indent);
        lines.extend(
            textwrap::wrap(&entry.text, options)
                .into_iter()
                .map(|line| line.trim_end().to_owned()),
        );
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_wrap_under_their_column_or_two_cells_in() {
        let key = Entry {
            text: format!("{:<16} show or hide this help", "? f1"),
            indent: 17,
        };
        assert_eq!(
            wrap(std::slice::from_ref(&key), 80),
            std::slice::from_ref(&key.text)
        );
        assert_eq!(
            wrap(std::slice::from_ref(&key), 38),
            [
                "? f1             show or hide this",
                "                 help"
            ]
        );
        assert_eq!(
            wrap(&[key], 24),
            ["? f1             show or", "  hide this help"]
        );
        let prose = Entry::prose("Matching ignores case and tatweel.");
        assert_eq!(
            wrap(&[prose], 20),
            ["Matching ignores", "case and tatweel."]
        );
    }
}
