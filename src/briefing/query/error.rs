//! A query that cannot be read: what is wrong and where, safe to show on a terminal.

use crate::briefing::diagnostic::escape_controls;

/// What is wrong with a query, and the character (counted from 0) where it is. Any piece of
/// the query quoted in `message` has its terminal controls and bidi overrides escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at column {})", .position + 1)]
pub struct QueryError {
    pub message: String,
    pub position: usize,
}

impl QueryError {
    pub(super) fn new(message: impl Into<String>, position: usize) -> Self {
        Self {
            message: escape_controls(&message.into()),
            position,
        }
    }

    /// The column an editor would show: the first character is column 1.
    pub fn column(&self) -> usize {
        self.position + 1
    }
}

/// A piece of the query for a message: quoted, cut short when long. Escaping happens in
/// `QueryError::new`, for the message whole.
pub(super) fn shown(piece: &str) -> String {
    const LIMIT: usize = 40;
    let mut cut: String = piece.chars().take(LIMIT).collect();
    if piece.chars().nth(LIMIT).is_some() {
        cut.push('…');
    }
    format!("\"{cut}\"")
}
