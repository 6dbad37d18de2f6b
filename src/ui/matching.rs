//! Finding text the way an analyst types it, in a briefing: matching runs on a normalized
//! copy of each field (`briefing::query::normalize`, the one normalisation every search
//! uses), made once per field when the reader opens, that keeps for each of its bytes where
//! the original character it came from starts, so a match maps back to a byte range of the
//! sanitized field and from there to the glyphs on screen (`Glyph::source`).

use std::ops::Range;

pub use crate::briefing::query::{Normalized, find, normalize, normalize_text};

/// Byte ranges of fields, sorted by (field, start), with overlapping ones joined: one sort
/// and one pass, whatever the number of ranges.
pub fn merge_overlaps(mut ranges: Vec<(usize, Range<usize>)>) -> Vec<(usize, Range<usize>)> {
    ranges.sort_by_key(|(field, range)| (*field, range.start));
    let mut merged: Vec<(usize, Range<usize>)> = Vec::with_capacity(ranges.len());
    for (field, range) in ranges {
        match merged.last_mut() {
            Some((last, joined)) if *last == field && range.start < joined.end => {
                joined.end = joined.end.max(range.end);
            }
            _ => merged.push((field, range)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(haystack: &str, query: &str) -> Vec<String> {
        let needle = normalize(query).text;
        find(haystack, &normalize(haystack), &needle)
            .map(|r| haystack[r].to_string())
            .collect()
    }

    #[test]
    fn the_reader_finds_what_the_library_finds() {
        assert_eq!(found("Volker TÜRK met türk", "türk"), ["TÜRK", "türk"]);
        assert_eq!(found("قالَ المُفَوَّضُ", "المفوض"), ["المُفَوَّضُ"]);
        assert_eq!(found("الإنسان والانسان", "الأنسان"), ["الإنسان", "الانسان"]);
        assert_eq!(found("جنيـــف", "جنيف"), ["جنيـــف"]);
        assert_eq!(found("مدرسة المدرسه", "مدرسه"), ["مدرسة", "مدرسه"]);
        assert_eq!(found("said Ms. Jane, then", "ms jane"), ["Ms. Jane"]);
        assert_eq!(found("عام ٢٠٢٥ و۲۰۲۵", "2025"), ["٢٠٢٥", "۲۰۲۵"]);
    }

    #[test]
    fn overlapping_ranges_of_a_field_are_joined() {
        let merged = merge_overlaps(vec![(1, 4..9), (0, 2..3), (1, 0..5), (1, 9..10)]);
        assert_eq!(merged, [(0, 2..3), (1, 0..9), (1, 9..10)]);
    }
}
