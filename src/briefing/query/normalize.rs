//! Text as search sees it, made in one place for every searcher (the briefing's `/`, the
//! library's search, the index and the scan): the characters folded by `fold`, and every run
//! of spaces and punctuation between words made one space, so that the result is words
//! separated by single spaces (`Ms. Jane` and `ms  jane` are both `ms jane`).
//!
//! `normalize` also keeps, for each byte of the result, where the original character it came
//! from starts, so a match maps back to a byte range of the original text.

use std::ops::Range;

use super::fold::{Folded, fold_char, is_vowel_mark};

/// A text folded for matching, and where each of its bytes came from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// For each byte of `text`, the offset of the original character it came from: four
    /// bytes a byte of text, where a `Range` took sixteen (a 2 MB body kept 32 MB).
    origin: Vec<u32>,
}

/// Folds `text` for matching, keeping where each byte came from. Offsets are kept as `u32`:
/// a text past 4 GiB (far beyond the loader's size limit) is searched in its first 4 GiB.
pub fn normalize(text: &str) -> Normalized {
    let mut normalized = Normalized {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for_each_folded(text, |start, c| {
        let Ok(origin) = u32::try_from(start) else {
            return false;
        };
        normalized.text.push(c);
        normalized
            .origin
            .extend(std::iter::repeat_n(origin, c.len_utf8()));
        true
    });
    normalized
}

/// `normalize(text).text` without the offsets: what the index stores and queries hold.
pub fn normalize_text(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for_each_folded(text, |_, c| {
        folded.push(c);
        true
    });
    folded
}

/// Calls `emit` with each character of the folded text and where its original starts,
/// until it returns false. A run of separators is one space, at the run's first character,
/// and only between two words.
fn for_each_folded(text: &str, mut emit: impl FnMut(usize, char) -> bool) {
    let mut started = false;
    let mut space_at: Option<usize> = None;
    let mut going = true;
    for (start, c) in text.char_indices() {
        fold_char(c, &mut |folded| match folded {
            _ if !going => {}
            Folded::Separator => {
                if started && space_at.is_none() {
                    space_at = Some(start);
                }
            }
            Folded::Letter(letter) => {
                if let Some(space) = space_at.take() {
                    going = emit(space, ' ');
                }
                going = going && emit(start, letter);
                started = true;
            }
        });
        if !going {
            return;
        }
    }
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
            .filter_map(move |(start, found)| normalized.original(haystack, start, found.len()))
    })
}

impl Normalized {
    /// The bytes of `original` (the text this was made from) that `len` bytes of `text`
    /// from `start` came from, with the vowel marks that follow the last letter.
    pub fn original(&self, original: &str, start: usize, len: usize) -> Option<Range<usize>> {
        let first = *self.origin.get(start)?;
        let last = *self.origin.get(start + len.checked_sub(1)?)?;
        let last = usize::try_from(last).ok()?;
        let end = last + original.get(last..)?.chars().next()?.len_utf8();
        Some(usize::try_from(first).ok()?..with_marks(original, end))
    }
}

/// Extends a match over the vowel marks that follow its last letter: they belong to it.
fn with_marks(text: &str, end: usize) -> usize {
    let rest = text.get(end..).unwrap_or_default();
    let marks = rest
        .chars()
        .take_while(|&c| is_vowel_mark(c))
        .map(char::len_utf8)
        .sum::<usize>();
    end + marks
}
