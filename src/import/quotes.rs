//! Quotations in “…”, «…», "…" and „…“, and who said them.

use super::actors::{Actors, attributed, name_after};
use super::lexicon::{ACCORDING_TO, SPEECH_VERBS};
use super::words::{is_one_of, words};

/// A quotation needs this many words; shorter quoted text is a name or a term.
const MIN_WORDS: usize = 3;
/// How far from a quotation its attribution is looked for, in words.
const REACH: usize = 8;

const PAIRS: &[(char, &[char])] = &[
    ('“', &['”']),
    ('«', &['»']),
    ('„', &['“', '”']),
    ('"', &['"']),
];

/// A quotation's words and the text on either side of it in its paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'a> {
    pub text: &'a str,
    pub before: &'a str,
    pub after: &'a str,
}

fn letter_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

fn letter_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// The quotations of one paragraph, in order.
pub fn quotations(paragraph: &str) -> Vec<Found<'_>> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some((open_at, open)) = paragraph[from..]
        .char_indices()
        .map(|(at, c)| (from + at, c))
        .find(|&(at, c)| PAIRS.iter().any(|(o, _)| *o == c) && !letter_before(paragraph, at))
    {
        let inner = open_at + open.len_utf8();
        let closers = PAIRS
            .iter()
            .find(|(o, _)| *o == open)
            .map_or(&[][..], |(_, c)| *c);
        let close = paragraph[inner..]
            .char_indices()
            .map(|(at, c)| (inner + at, c))
            .find(|&(at, c)| {
                closers.contains(&c) && (c != '"' || !letter_at(paragraph, at + c.len_utf8()))
            });
        let Some((close_at, close)) = close else {
            break;
        };
        let text = paragraph[inner..close_at].trim();
        if text.split_whitespace().count() >= MIN_WORDS {
            found.push(Found {
                text,
                before: &paragraph[..open_at],
                after: &paragraph[close_at + close.len_utf8()..],
            });
        }
        from = close_at + close.len_utf8();
    }
    found
}

/// The name the words around a quotation attribute it to.
pub fn attribution(before: &str, after: &str) -> Option<String> {
    for (side_index, side) in [before, after].into_iter().enumerate() {
        let words = words(side);
        let range = if side_index == 0 {
            words.len().saturating_sub(REACH)..words.len()
        } else {
            0..words.len().min(REACH)
        };
        for at in range {
            if is_one_of(words[at].text, SPEECH_VERBS)
                && let Some(name) = attributed(&words, at)
            {
                return Some(name);
            }
        }
        for phrase in ACCORDING_TO {
            if let Some(at) = side.find(phrase)
                && let Some((name, _)) =
                    name_after(&super::words::words(&side[at + phrase.len()..]), 0)
            {
                return Some(name);
            }
        }
    }
    None
}

/// The speaker for a quotation: the actor its attribution names, else the name itself;
/// `guessed` when the text did not say it plainly.
pub fn speaker(
    actors: &mut Actors,
    found: &Found<'_>,
    last: Option<&str>,
) -> Option<(String, bool)> {
    match attribution(found.before, found.after) {
        Some(name) => match actors.person(&name, None) {
            Some(at) => Some((actors.list[at].name.clone(), false)),
            None => Some((name, true)),
        },
        None => last.map(|name| (name.to_owned(), true)),
    }
}
