//! Words of a text with where they are and whether punctuation cuts them off.

/// One word, its punctuation taken off.
#[derive(Debug, Clone, Copy)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Byte range of `text` in the source.
    pub start: usize,
    pub end: usize,
    /// Punctuation stands right before or after it: a name does not run across it.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// Punctuation, not letters, digits, Arabic vowel marks, hyphens, apostrophes or ZWNJ.
fn is_cut(c: char) -> bool {
    !(c.is_alphanumeric()
        || matches!(
            c,
            '-' | '\'' | '’' | '\u{200C}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        ))
}

pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += piece.len();
        let raw = piece.trim_end();
        let inner = raw.trim_matches(is_cut);
        if inner.is_empty() {
            if let Some(last) = words.last_mut() {
                let last: &mut Word<'_> = last;
                last.cut_after = true;
            }
            continue;
        }
        let lead = raw.len() - raw.trim_start_matches(is_cut).len();
        let word_start = start + lead;
        words.push(Word {
            text: inner,
            start: word_start,
            end: word_start + inner.len(),
            cut_before: lead > 0,
            cut_after: inner.len() + lead < raw.len(),
        });
    }
    words
}

/// The word without a one-letter conjunction joined to its front (وقال → قال).
pub fn without_conjunction(word: &str) -> Option<&str> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    (super::lexicon::JOINED_CONJUNCTIONS.contains(&first) && rest.chars().count() >= 2)
        .then_some(rest)
}

/// The word, or the word without its conjunction, is one of `list`.
pub fn is_one_of(word: &str, list: &[&str]) -> bool {
    let plain = |w: &str| list.iter().any(|item| item.eq_ignore_ascii_case(w));
    plain(word) || without_conjunction(word).is_some_and(plain)
}

pub fn is_latin_capital(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub fn is_latin(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_alphabetic())
}
