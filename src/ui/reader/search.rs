//! The briefing search: the query, its matches in every pane, and the status line that
//! counts them.

use std::ops::Range;

use super::panes::PaneId;
use crate::ui::content::{Engine, Field, Piece, Row, status_row};
use crate::ui::count::thousands;
use crate::ui::matching::{find, merge_overlaps, normalize};
use crate::ui::prompt::Prompt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub pane: PaneId,
    pub field: usize,
    /// Bytes of the field's sanitized text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The `/` prompt, while it is open.
    pub prompt: Option<Prompt>,
    /// `status()` laid out by the text engine, since it holds the query (an Arabic query is
    /// shaped and reordered like any other text); kept in step by `BriefingScreen::marks_changed`.
    pub status_row: Option<Row>,
    /// What the status line shows, and what is looked for when `terms` is empty.
    pub query: String,
    /// Words and phrases each looked for on their own, a match of any one a match: set
    /// when a briefing opens from the library's search results (`set_terms`). Empty: the
    /// query as typed is looked for, whole.
    pub terms: Vec<String>,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// The search in use when `/` was pressed (query, terms, current match): Esc at the
    /// prompt goes back to it.
    pub previous: Option<(String, Vec<String>, Option<usize>)>,
    /// The queries searched for this session, oldest first, for Up at the prompt; kept
    /// when the search is cleared and briefings change.
    pub history: Vec<String>,
}

/// Queries the prompt's Up goes back through.
const HISTORY_LENGTH: usize = 50;

impl Search {
    /// Drops the search, all but the session's history.
    pub fn clear(&mut self) {
        let history = std::mem::take(&mut self.history);
        *self = Search {
            history,
            ..Search::default()
        };
    }

    /// `query` as the newest in the history, once.
    pub fn remember(&mut self, query: &str) {
        if query.trim().is_empty() {
            return;
        }
        self.history.retain(|earlier| earlier != query);
        self.history.push(query.to_owned());
        let over = self.history.len().saturating_sub(HISTORY_LENGTH);
        self.history.drain(..over);
    }

    /// Looks for each of `terms` (a library query's words and phrases, a phrase's words
    /// joined by spaces); the status line shows them as the query language writes them.
    pub fn set_terms(&mut self, terms: &[String]) {
        let quoted = |term: &String| match term.contains(' ') {
            true => format!("\"{term}\""),
            false => term.clone(),
        };
        self.query = terms.iter().map(quoted).collect::<Vec<_>>().join(" ");
        self.terms = terms.to_vec();
    }

    /// Matches of the query (or of any of its terms) in every pane, in pane order, then
    /// field and text order; where two terms' matches overlap, they are one match. Each
    /// field was normalized when its pane was built; only the query is normalized here.
    pub fn find_in<'a>(&mut self, panes: impl Iterator<Item = (PaneId, &'a [Field])>) {
        self.matches.clear();
        self.current = None;
        let needles: Vec<String> = match self.terms.is_empty() {
            true => vec![normalize(&self.query).text],
            false => self.terms.iter().map(|t| normalize(t).text).collect(),
        };
        for (pane, fields) in panes {
            let mut found = Vec::new();
            for (index, field) in fields.iter().enumerate() {
                for needle in &needles {
                    let ranges = find(&field.text.text, &field.normalized, needle);
                    found.extend(ranges.map(|range| (index, range)));
                }
            }
            let merged = match needles.len() {
                1 => found,
                _ => merge_overlaps(found),
            };
            self.matches
                .extend(
                    merged
                        .into_iter()
                        .map(|(field, range)| Match { pane, field, range }),
                );
        }
    }

    /// The status as one string, as the tests read it.
    #[cfg(test)]
    pub fn status(&self) -> Option<String> {
        let (words, query) = self.status_parts()?;
        Some(match query {
            Some(query) => format!("{words}\"{query}\""),
            None => words,
        })
    }

    /// The status as our words and, when it names it, the query that follows them.
    fn status_parts(&self) -> Option<(String, Option<&str>)> {
        if self.query.is_empty() || self.prompt.is_some() {
            return None;
        }
        let words = match (self.current, self.matches.len()) {
            (_, 0) => return Some(("no match for ".to_owned(), Some(&self.query))),
            (Some(current), total) => {
                format!("match {} of {}", thousands(current + 1), thousands(total))
            }
            // `count::plural` adds an "s"; "match" takes "es".
            (None, 1) => "1 match".to_owned(),
            (None, total) => format!("{} matches", thousands(total)),
        };
        Some((words, None))
    }

    /// Lays `status()` out on one line, as wide as it measures, so that no width of the
    /// terminal wraps it; the status line cuts it where it has to. The query is isolated
    /// from our words.
    pub fn layout_status(&mut self, engine: Engine) {
        self.status_row = self.status_parts().and_then(|(words, query)| match query {
            Some(query) => {
                let pieces = [
                    Piece::Mark(&words),
                    Piece::Mark("\""),
                    Piece::Field(query),
                    Piece::Mark("\""),
                ];
                status_row(&pieces, engine)
            }
            None => status_row(&[Piece::Mark(&words)], engine),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_status_counts_matches_in_the_singular_and_plural() {
        let found = |count: usize| Search {
            query: "x".into(),
            matches: vec![
                Match {
                    pane: PaneId::Body,
                    field: 0,
                    range: 0..1,
                };
                count
            ],
            ..Search::default()
        };
        assert_eq!(found(1).status().as_deref(), Some("1 match"));
        assert_eq!(found(2).status().as_deref(), Some("2 matches"));
        assert_eq!(found(1234).status().as_deref(), Some("1,234 matches"));
        assert_eq!(found(0).status().as_deref(), Some("no match for \"x\""));
    }
}
