//! How one character looks to matching, after Lucene's Arabic and Persian normalisation
//! filters, extended to Hebrew points and to compatibility forms: marks and tatweel vanish,
//! letter variants become one letter, digits become ASCII, case goes, and anything that is
//! not part of a word (spaces, punctuation, symbols) becomes a separator.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// One character of folded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Folded {
    Letter(char),
    /// Between words: runs of these are joined into one space.
    Separator,
}

/// Feeds what `c` folds to into `out`: nothing for a mark, usually one letter, several for a
/// ligature or a compatibility form (`ﻻ` is `لا`, `ﷺ` four words).
pub(super) fn fold_char(c: char, out: &mut impl FnMut(Folded)) {
    if c.is_ascii() {
        out(ascii(c));
    } else if is_ignored(c) {
    } else if is_nfkc_stable(c) {
        fold_compatible(c, out);
    } else {
        for d in std::iter::once(c).nfkc() {
            if !is_ignored(d) {
                fold_compatible(d, out);
            }
        }
    }
}

fn ascii(c: char) -> Folded {
    if c.is_ascii_alphanumeric() {
        Folded::Letter(c.to_ascii_lowercase())
    } else {
        Folded::Separator
    }
}

/// Arabic and Hebrew letters need no table look-up: almost all right-to-left text is these.
fn is_nfkc_stable(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{05D0}'..='\u{05EA}')
        || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Folds a character already in compatibility normal form.
fn fold_compatible(c: char, out: &mut impl FnMut(Folded)) {
    let c = same_letter(c);
    if CASELESS.contains(&c) {
        out(classify(c));
    } else {
        c.to_lowercase().for_each(|lower| out(classify(lower)));
    }
}

fn classify(c: char) -> Folded {
    if is_common_letter(c) || c.is_alphanumeric() || is_combining_mark(c) {
        Folded::Letter(c)
    } else {
        Folded::Separator
    }
}

/// Arabic and Hebrew base letters, all alphabetic: most right-to-left text is these, and
/// the general alphabetic look-up for them was the largest cost of building an index.
fn is_common_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{05D0}'..='\u{05EA}')
}

/// The letter a variant is written as for matching.
fn same_letter(c: char) -> char {
    match c {
        // alef with madda, hamza above or below, wasla, wavy hamza
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => '\u{0627}',
        '\u{0629}' => '\u{0647}', // ta marbuta → heh
        // alef maqsura, Persian yeh, yeh barree (and with hamza) → yeh
        '\u{0649}' | '\u{06CC}' | '\u{06D2}' | '\u{06D3}' => '\u{064A}',
        '\u{06A9}' => '\u{0643}', // keheh → kaf
        // heh with yeh above, heh goal (and with hamza) → heh
        '\u{06C0}' | '\u{06C1}' | '\u{06C2}' => '\u{0647}',
        '\u{0660}'..='\u{0669}' => digit(c, '\u{0660}'),
        '\u{06F0}'..='\u{06F9}' => digit(c, '\u{06F0}'),
        other => other,
    }
}

fn digit(c: char, zero: char) -> char {
    let value = u32::from(c) - u32::from(zero);
    char::from_digit(value, 10).unwrap_or(c)
}

/// Characters matching skips as if absent: vowel marks, tatweel, and the invisible
/// characters that join or order letters without being one.
pub(super) fn is_ignored(c: char) -> bool {
    is_vowel_mark(c)
        || matches!(c,
            '\u{0640}'                // tatweel
            | '\u{00AD}'              // soft hyphen
            | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}' // bidi marks, embeddings, overrides, isolates
            | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' // joiners, word joiner, BOM
        )
}

/// Arabic harakat, superscript alef and Quranic marks; Hebrew points and cantillation. A
/// match is extended over those that follow it: they belong to its last letter.
pub(super) fn is_vowel_mark(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'   // honorifics and small signs
        | '\u{064B}'..='\u{065F}' // fathatan .. wavy hamza below (hamza above included)
        | '\u{0670}'              // superscript alef
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08E1}' | '\u{08E3}'..='\u{08FF}' // Quranic annotation marks
        | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}'
        | '\u{05C5}' | '\u{05C7}' // Hebrew points and cantillation
    )
}

/// Hebrew to Arabic Extended-A: scripts without letter case, whose letters skip the
/// lowercase table's search (half of opening a 2 MB Arabic briefing's search once).
pub(super) const CASELESS: std::ops::RangeInclusive<char> = '\u{0590}'..='\u{08FF}';

#[cfg(test)]
mod tests {
    use super::is_common_letter;

    #[test]
    fn common_letters_are_exactly_alphabetic() {
        let letters = ('\u{0590}'..='\u{06FF}').filter(|c| is_common_letter(*c));
        let mut count = 0;
        for c in letters {
            assert!(
                c.is_alphanumeric(),
                "U+{:04X} taken as a letter",
                u32::from(c)
            );
            count += 1;
        }
        // 42 Arabic (hamza to yeh, tatweel included) and 27 Hebrew letters.
        assert_eq!(count, 42 + 27);
    }
}
