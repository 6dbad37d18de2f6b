//! Finding text the way an analyst types it: ignoring case, Arabic and Hebrew vowel marks
//! and tatweel, and the hamza forms of alef. Matching runs on a normalized copy that keeps,
//! for each of its bytes, the original bytes it came from, so a match maps back to a byte
//! range of the sanitized field and from there to the glyphs on screen (`Glyph::source`).

use std::ops::Range;

use super::content::{Field, FieldKind, Row};
use super::panes::PaneId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub pane: PaneId,
    pub field: usize,
    /// Bytes of the field's sanitized text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    /// What is being typed at the `/` prompt, while it is open.
    pub prompt: Option<String>,
    /// The prompt's text laid out for the status line (visual order, its end in view).
    pub prompt_row: Option<Row>,
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
}

impl Search {
    pub fn clear(&mut self) {
        *self = Search::default();
    }

    /// Matches of the query in every pane, in pane order, then field and text order.
    pub fn find_in<'a>(&mut self, panes: impl Iterator<Item = (PaneId, &'a [Field])>) {
        self.matches.clear();
        self.current = None;
        let needle = normalize(&self.query).text;
        if needle.is_empty() {
            return;
        }
        for (pane, fields) in panes {
            for (index, field) in fields.iter().enumerate() {
                if field.kind == FieldKind::Notice {
                    continue;
                }
                self.matches
                    .extend(find(&field.text.text, &needle).map(|range| Match {
                        pane,
                        field: index,
                        range,
                    }));
            }
        }
    }

    pub fn status(&self) -> Option<String> {
        if self.query.is_empty() || self.prompt.is_some() {
            return None;
        }
        Some(match (self.current, self.matches.len()) {
            (_, 0) => format!("no match for \"{}\"", self.query),
            (Some(current), total) => format!("match {} of {total}", current + 1),
            (None, total) => format!("{total} matches"),
        })
    }
}

pub struct Normalized {
    pub text: String,
    /// For each byte of `text`, the original bytes its character came from.
    origin: Vec<Range<usize>>,
}

pub fn normalize(text: &str) -> Normalized {
    let mut normalized = Normalized {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (start, c) in text.char_indices() {
        if is_ignored_mark(c) {
            continue;
        }
        let source = start..start + c.len_utf8();
        for folded in fold(c) {
            normalized.text.push(folded);
            normalized
                .origin
                .extend(std::iter::repeat_n(source.clone(), folded.len_utf8()));
        }
    }
    normalized
}

/// Non-overlapping matches of an already normalized `needle` in `haystack`, as byte ranges
/// of `haystack`.
pub fn find<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    let normalized = normalize(haystack);
    let ranges: Vec<Range<usize>> = normalized
        .text
        .match_indices(needle)
        .filter_map(|(start, found)| {
            let first = normalized.origin.get(start)?;
            let last = normalized.origin.get(start + found.len() - 1)?;
            Some(first.start..with_marks(haystack, last.end))
        })
        .collect();
    ranges.into_iter()
}

/// Extends a match over the vowel marks that follow its last letter: they belong to it.
fn with_marks(text: &str, end: usize) -> usize {
    let rest = text.get(end..).unwrap_or_default();
    let marks = rest
        .chars()
        .take_while(|&c| c != '\u{0640}' && is_ignored_mark(c))
        .map(char::len_utf8)
        .sum::<usize>();
    end + marks
}

fn is_ignored_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'   // Arabic honorific and small signs
        | '\u{064B}'..='\u{065F}' // harakat: fathatan .. wavy hamza below
        | '\u{0670}'              // superscript alef
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{0640}'              // tatweel
        | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}'
        | '\u{05C5}' | '\u{05C7}' // Hebrew points and cantillation
    )
}

fn fold(c: char) -> impl Iterator<Item = char> {
    let c = match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        other => other,
    };
    c.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(haystack: &str, query: &str) -> Vec<String> {
        let needle = normalize(query).text;
        find(haystack, &needle)
            .map(|r| haystack[r].to_string())
            .collect()
    }

    #[test]
    fn ignores_case_harakat_tatweel_and_hamza_forms() {
        assert_eq!(found("Volker TÜRK met türk", "türk"), ["TÜRK", "türk"]);
        assert_eq!(found("قالَ المُفَوَّضُ", "المفوض"), ["المُفَوَّضُ"]);
        assert_eq!(found("الإنسان والانسان", "الأنسان"), ["الإنسان", "الانسان"]);
        assert_eq!(found("جنيـــف", "جنيف"), ["جنيـــف"]);
        assert_eq!(found("مُحَمَّد", "مُحَمَّد"), ["مُحَمَّد"]);
    }

    #[test]
    fn maps_back_to_original_bytes_across_expanding_lowercase() {
        // 'İ' lowercases to two chars; the match must still land on the original bytes.
        let text = "İstanbul and istanbul";
        let needle = normalize("stanbul").text;
        let ranges: Vec<_> = find(text, &needle).collect();
        assert_eq!(ranges.len(), 2);
        assert!(ranges.iter().all(|r| &text[r.clone()] == "stanbul"));
    }

    #[test]
    fn empty_or_mark_only_query_matches_nothing() {
        assert!(normalize("\u{064E}\u{0640}").text.is_empty());
    }
}
