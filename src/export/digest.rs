//! One document of the briefings a query found, oldest first, with their contents listed
//! first: what a reviewer hands on.

use std::cmp::Ordering;

use super::document::{Document, Section};
use super::{Format, render};
use crate::briefing::{Briefing, briefing_reading_order as reading_order};

/// A briefing in a digest, with the reviewer's note on it if any.
#[derive(Debug, Clone, Copy)]
pub struct DigestEntry<'a> {
    pub briefing: &'a Briefing,
    pub note: Option<&'a str>,
}

/// The digest titled `title` of `entries`, put in date order.
pub fn digest(title: &str, entries: &[DigestEntry<'_>], format: Format) -> String {
    let mut entries = entries.to_vec();
    entries.sort_by(|a, b| digest_order(a.briefing, b.briefing));
    let document = Document {
        title: super::text_of(title),
        toc: true,
        sections: entries
            .iter()
            .enumerate()
            .map(|(i, entry)| Section::digest(entry.briefing, i + 1, entry.note))
            .collect(),
    };
    render(&document, format)
}

/// Oldest first (dates compared as instants; the library's reading order backwards), undated
/// last, by headline.
pub fn digest_order(a: &Briefing, b: &Briefing) -> Ordering {
    match (a.date.is_some(), b.date.is_some()) {
        (true, true) => reading_order(b, a),
        _ => reading_order(a, b),
    }
}
