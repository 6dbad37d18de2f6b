//! Where a word or a phrase of a query is in normalised text. A query word matches a word of
//! the text that contains it, so that clitics in front (و ف ب ل ك ال وال بال) and suffixes
//! do not hide it; a phrase's words match consecutive words of the text in the same way.

use std::ops::Range;

use super::ast::{Filter, Query};

impl Query {
    /// The words and phrases the query looks for (not those it excludes), each as its
    /// words: what a snippet highlights, and what the briefing search is set to when a
    /// result is opened (a phrase's words joined by spaces find it there).
    pub fn text_terms(&self) -> Vec<&[String]> {
        let positive = self.clauses.iter().filter(|clause| !clause.negated);
        positive
            .filter_map(|clause| match &clause.filter {
                Filter::Word(word) => Some(std::slice::from_ref(word)),
                Filter::Phrase(words) => Some(words.as_slice()),
                _ => None,
            })
            .collect()
    }
}

/// Byte ranges of normalised `text` where the `words` (normalised, none empty) match: for
/// one word each place it occurs; for a phrase, from the first word's place in its text word
/// to the end of the last word's place in its own.
pub fn term_ranges(text: &str, words: &[String]) -> Vec<Range<usize>> {
    match words {
        [] => Vec::new(),
        [word] => text
            .match_indices(word.as_str())
            .map(|(start, found)| start..start + found.len())
            .collect(),
        _ => phrase_ranges(text, words),
    }
}

/// Whether `words` match anywhere in `text`.
pub fn term_matches(text: &str, words: &[String]) -> bool {
    match words {
        [] => false,
        [word] => text.contains(word.as_str()),
        _ => !phrase_ranges(text, words).is_empty(),
    }
}

fn phrase_ranges(text: &str, words: &[String]) -> Vec<Range<usize>> {
    let spans = word_spans(text);
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return Vec::new();
    };
    spans
        .windows(words.len())
        .filter(|window| {
            window
                .iter()
                .zip(words)
                .all(|(span, word)| text[span.clone()].contains(word.as_str()))
        })
        .filter_map(|window| {
            let (head, tail) = (window.first()?, window.last()?);
            let start = head.start + text[head.clone()].rfind(first.as_str())?;
            let end = tail.start + text[tail.clone()].find(last.as_str())? + last.len();
            Some(start..end)
        })
        .collect()
}

/// The byte ranges of the words of normalised text (separated by single spaces).
fn word_spans(text: &str) -> Vec<Range<usize>> {
    let mut start = 0;
    text.split(' ')
        .map(|word| {
            let span = start..start + word.len();
            start = span.end + 1;
            span
        })
        .collect()
}
