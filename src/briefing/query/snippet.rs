//! The text a search result shows: the first field (in reading order, within the query's
//! scope) where a word or phrase of the query matches, cut around its first match, with
//! every match in it to highlight.

use std::ops::Range;

use super::ast::{Filter, Query};
use super::fields::{Part, fields};
use super::names::ActorKeys;
use super::normalize::{normalize, normalize_text};
use super::scan::names_match;
use super::terms::term_ranges;
use crate::briefing::{Briefing, is_terminal_hazard};

/// Text around a match, as written in the briefing but on one line and safe for a terminal
/// (controls, bidi controls and line breaks are spaces; runs of spaces are one), and the
/// byte ranges of it to highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub part: Part,
    pub text: String,
    pub highlights: Vec<Range<usize>>,
}

/// At most `max_chars` characters around the first match of the query's words and phrases
/// (an ellipsis marks a cut). A query without words or phrases shows the first quotation of
/// a speaker it asks for, without highlights; else there is no snippet.
pub fn snippet(briefing: &Briefing, query: &Query, max_chars: usize) -> Option<Snippet> {
    let terms = query.text_terms();
    if terms.is_empty() {
        return quotation_of_speaker(briefing, query, max_chars);
    }
    fields(briefing)
        .into_iter()
        .filter(|field| field.part.in_scope(query.scope))
        .find_map(|field| {
            let normalized = normalize(&field.text);
            let mut found: Vec<Range<usize>> = terms
                .iter()
                .flat_map(|words| term_ranges(&normalized.text, words))
                .filter_map(|r| normalized.original(&field.text, r.start, r.len()))
                .collect();
            found.sort_by_key(|range| range.start);
            let first = found.first()?.start;
            Some(cut(field.part, &field.text, first, &found, max_chars))
        })
}

fn quotation_of_speaker(briefing: &Briefing, query: &Query, max_chars: usize) -> Option<Snippet> {
    let wanted: Vec<&String> = query
        .clauses
        .iter()
        .filter_map(|clause| match &clause.filter {
            Filter::Speaker(name) if !clause.negated => Some(name),
            _ => None,
        })
        .collect();
    let quote = briefing.quotes.iter().find(|quote| {
        let speaker = normalize_text(&quote.speaker);
        let actor = briefing.find_actor(&quote.speaker).map(ActorKeys::of);
        let mut names = vec![speaker.clone()];
        names.extend(actor.iter().flat_map(|keys| keys.all().cloned()));
        let known = |name: &str| {
            query.known_as.get(name).is_some_and(|known| {
                known.has_name(&speaker) || actor.as_ref().is_some_and(|a| known.has_actor(a))
            })
        };
        !wanted.is_empty()
            && wanted
                .iter()
                .all(|name| names_match(&names, name) || known(name))
    })?;
    Some(cut(Part::Quote, &quote.text, 0, &[], max_chars))
}

/// `text` cut to `max_chars` characters with `first` a third of the way in, made safe, and
/// `found` (sorted by start) moved onto the cut, overlapping ones joined.
fn cut(part: Part, text: &str, first: usize, found: &[Range<usize>], max_chars: usize) -> Snippet {
    let budget = max_chars.saturating_sub(2).max(1);
    let before = text[..first].char_indices().rev().nth(budget / 3);
    let start = match before {
        Some((at, _)) if first > 0 => word_start(text, at, first),
        _ => 0,
    };
    let end = match text[start..].char_indices().nth(budget) {
        Some((at, _)) => word_end(text, first, start + at),
        None => text.len(),
    };
    let mut snippet = String::new();
    if start > 0 {
        snippet.push('…');
    }
    // Where each character of the window starts in the snippet, to move `found` onto it.
    let mut moved: Vec<(usize, usize)> = Vec::new();
    for (at, c) in text[start..end].char_indices() {
        moved.push((start + at, snippet.len()));
        if c.is_whitespace() || is_terminal_hazard(c) {
            if !snippet.ends_with(' ') {
                snippet.push(' ');
            }
        } else {
            snippet.push(c);
        }
    }
    moved.push((end, snippet.len()));
    if end < text.len() {
        snippet.push('…');
    }
    let place = |offset: usize| match moved.binary_search_by_key(&offset, |&(from, _)| from) {
        Ok(i) | Err(i) => moved.get(i).map_or(snippet.len(), |&(_, to)| to),
    };
    let mut highlights: Vec<Range<usize>> = Vec::new();
    let shown = found
        .iter()
        .filter(|range| range.start < end && range.end > start);
    for range in shown.map(|range| place(range.start.max(start))..place(range.end.min(end))) {
        match highlights.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ if range.is_empty() => {}
            _ => highlights.push(range),
        }
    }
    Snippet {
        part,
        text: snippet,
        highlights,
    }
}

/// `at`, or past the space after it when `at` is inside a word, short of `limit`.
fn word_start(text: &str, at: usize, limit: usize) -> usize {
    let inside = text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let space = text
        .get(at..limit)
        .and_then(|t| t.find(char::is_whitespace));
    match space {
        Some(space) if inside => {
            let after = at + space;
            after + text[after..].chars().next().map_or(0, char::len_utf8)
        }
        _ => at,
    }
}

/// `at`, or back to the space before it when `at` is inside a word, not before `first`.
fn word_end(text: &str, first: usize, at: usize) -> usize {
    let inside = text[at..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_whitespace());
    match text
        .get(first..at)
        .and_then(|t| t.rfind(char::is_whitespace))
    {
        Some(space) if inside => first + space,
        _ => at,
    }
}
