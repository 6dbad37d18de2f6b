//! Finding text the way an analyst types it: ignoring case, Arabic and Hebrew vowel marks
//! and tatweel, and the hamza forms of alef. Matching runs on a normalized copy, made once
//! per field when the reader opens, that keeps for each of its bytes where the original
//! character it came from starts, so a match maps back to a byte range of the sanitized
//! field and from there to the glyphs on screen (`Glyph::source`).

use std::ops::Range;

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

/// A field's text folded for matching, and where each of its bytes came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// For each byte of `text`, the offset of the original character it came from: four
    /// bytes a byte of text, where a `Range` took sixteen (a 2 MB body kept 32 MB).
    origin: Vec<u32>,
}

/// Folds `text` for matching. Offsets are kept as `u32`: a text past 4 GiB (far beyond the
/// loader's size limit) is searched in its first 4 GiB only.
pub fn normalize(text: &str) -> Normalized {
    let mut normalized = Normalized {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (start, folded) in folded_chars(text) {
        let Ok(origin) = u32::try_from(start) else {
            break;
        };
        normalized.text.push(folded);
        normalized
            .origin
            .extend(std::iter::repeat_n(origin, folded.len_utf8()));
    }
    normalized
}

/// `normalize(text).text` without the offsets, for text only ever asked whether it holds
/// a word (the library filter's).
pub fn folded(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    folded.extend(folded_chars(text).map(|(_, c)| c));
    folded
}

/// `text`'s characters as matching sees them, each with where its original starts.
fn folded_chars(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    text.char_indices()
        .filter(|&(_, c)| !is_ignored_mark(c))
        .flat_map(|(start, c)| fold(c).map(move |folded| (start, folded)))
}

/// Non-overlapping matches of an already normalized `needle` in `haystack` (whose
/// normalized form is `normalized`), as byte ranges of `haystack`, found as they are
/// asked for. An empty needle matches nothing: it would match at every boundary.
pub fn find<'a>(
    haystack: &'a str,
    normalized: &'a Normalized,
    needle: &'a str,
) -> impl Iterator<Item = Range<usize>> + 'a {
    let needle = Some(needle).filter(|n| !n.is_empty());
    needle.into_iter().flat_map(move |needle| {
        normalized
            .text
            .match_indices(needle)
            .filter_map(move |(start, found)| {
                let first = *normalized.origin.get(start)?;
                let last = *normalized.origin.get(start + found.len().checked_sub(1)?)?;
                let last = usize::try_from(last).ok()?;
                let end = last + haystack.get(last..)?.chars().next()?.len_utf8();
                Some(usize::try_from(first).ok()?..with_marks(haystack, end))
            })
    })
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
    // The right-to-left blocks have no case: skip the lowercase table's search for them,
    // which was half of opening a 2 MB Arabic briefing's search index.
    let lower = (!CASELESS.contains(&c)).then(|| c.to_lowercase());
    let same = lower.is_none().then_some(c);
    same.into_iter().chain(lower.into_iter().flatten())
}

/// Hebrew to Arabic Extended-A: scripts without letter case.
const CASELESS: std::ops::RangeInclusive<char> = '\u{0590}'..='\u{08FF}';

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
    fn the_caseless_blocks_have_no_case() {
        for c in CASELESS {
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", u32::from(c));
        }
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
        let ranges: Vec<_> = find(text, &normalize(text), &needle).collect();
        assert_eq!(ranges.len(), 2);
        assert!(ranges.iter().all(|r| &text[r.clone()] == "stanbul"));
    }

    #[test]
    fn empty_or_mark_only_query_matches_nothing() {
        let needle = normalize("\u{064E}\u{0640}").text;
        assert!(needle.is_empty());
        assert_eq!(found("قالَ", "\u{064E}\u{0640}"), Vec::<String>::new());
    }

    #[test]
    fn folded_is_normalize_without_offsets() {
        let seed = include_str!("../../tests/data/seed-article.txt");
        for text in [seed, "ÀB أإآٱ لِيبْيَا ـ שָׁלוֹם İstanbul", ""] {
            assert_eq!(folded(text), normalize(text).text);
        }
    }
}
