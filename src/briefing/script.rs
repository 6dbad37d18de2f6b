//! Checks on the text itself rather than its shape: a briefing written mostly right to
//! left that does not say its `language`, and bidi control characters in a field.

use serde_json::Value;
use unicode_bidi::{BidiClass, bidi_class};

use super::checker::{Anchor, Checker};
use super::find_byte;
use super::json_path::{JsonPath, Segment};

/// Members whose strings are identifiers, codes or addresses, not prose: their letters say
/// nothing about the script the briefing is written in.
const NOT_PROSE: &[&str] = &[
    "id",
    "format",
    "language",
    "direction",
    "date",
    "url",
    "speaker",
];

/// Strong letters of each direction in a briefing's prose.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Letters {
    ltr: usize,
    rtl: usize,
}

impl Letters {
    fn count(&mut self, text: &str) {
        for c in text.chars() {
            match bidi_class(c) {
                BidiClass::L => self.ltr += 1,
                BidiClass::R | BidiClass::AL => self.rtl += 1,
                _ => {}
            }
        }
    }

    fn add(&mut self, value: &Value) {
        match value {
            Value::String(text) => self.count(text),
            Value::Array(items) => items.iter().for_each(|item| self.add(item)),
            Value::Object(map) => map
                .iter()
                .filter(|(key, _)| !NOT_PROSE.contains(&key.as_str()))
                .for_each(|(_, item)| self.add(item)),
            _ => {}
        }
    }

    fn mostly_rtl(self) -> bool {
        self.rtl > self.ltr
    }
}

/// Warns when `root` has no `language` and most of its prose's letters are right to left:
/// without a language, each field reads by its first strong letter, and an Arabic
/// sentence that opens with `UNHCR` is laid out from the left.
pub(crate) fn check_language_given(checker: &mut Checker, root: &Value) {
    let Value::Object(map) = root else {
        return;
    };
    if map.contains_key("language") {
        return;
    }
    let mut letters = Letters::default();
    letters.add(root);
    if letters.mostly_rtl() {
        let share = letters.rtl * 100 / (letters.rtl + letters.ltr);
        let message = format!(
            "no \"language\", yet {share}% of the letters are right to left: name it \
             (\"ar\", \"he\", \"fa\", …) so that every field reads right to left"
        );
        checker.warning(&JsonPath::root(), Anchor::Value, message);
    }
}

/// Embeddings, overrides and isolates (Trojan Source, CVE-2021-42574): they can make text
/// show otherwise than it reads. The reader closes them at the end of their field and marks
/// it; the author should hear of them before a reader does.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a bidi control (`is_bidi_control`): looked for in its bytes,
/// since every string of a briefing is checked and decoding each character costs more
/// (U+202A–U+202E are E2 80 AA–AE in UTF-8, U+2066–U+2069 E2 81 A6–A9).
fn holds_bidi_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| find_byte::find(0xE2, rest))
    {
        let at = from + at;
        if let Some([0x80, 0xAA..=0xAE] | [0x81, 0xA6..=0xA9]) = bytes.get(at + 1..at + 3) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Whether a file's `text` may hold a bidi control in one of its strings, written as is
/// or as a `\u` escape: one pass over the bytes, which spares most files a walk through
/// every string of their tree. An escaped backslash before `u` only makes it look.
pub(crate) fn text_may_hold_bidi_control(text: &str) -> bool {
    holds_bidi_control(text) || holds_escaped_bidi_control(text.as_bytes())
}

fn holds_escaped_bidi_control(bytes: &[u8]) -> bool {
    let mut from = 0;
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| find_byte::find(b'\\', rest))
    {
        let at = from + at;
        if let Some([b'u', b'2', b'0', high, low]) = bytes.get(at + 1..at + 6) {
            let low = low.to_ascii_lowercase();
            if matches!((high, low), (b'2', b'a'..=b'e') | (b'6', b'6'..=b'9')) {
                return true;
            }
        }
        from = at + 2;
    }
    false
}

/// A step down into a JSON value, borrowed from it: the path of a string is made only for
/// one that is warned about, not for every string and key walked past.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Warns at each string of `value` that holds bidi control characters, naming them.
pub(crate) fn check_bidi_controls(checker: &mut Checker, value: &Value) {
    find_bidi_controls(checker, value, &mut Vec::new());
}

fn find_bidi_controls<'a>(checker: &mut Checker, value: &'a Value, steps: &mut Vec<Step<'a>>) {
    match value {
        Value::String(text) if holds_bidi_control(text) => warn_bidi_controls(checker, text, steps),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                steps.push(Step::Index(index));
                find_bidi_controls(checker, item, steps);
                steps.pop();
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                steps.push(Step::Key(key));
                find_bidi_controls(checker, item, steps);
                steps.pop();
            }
        }
        _ => {}
    }
}

fn warn_bidi_controls(checker: &mut Checker, text: &str, steps: &[Step]) {
    let mut path = JsonPath::root();
    for step in steps {
        path.push(match step {
            Step::Key(key) => Segment::Key((*key).to_owned().into()),
            Step::Index(index) => Segment::Index(*index),
        });
    }
    let mut found: Vec<char> = text.chars().filter(|&c| is_bidi_control(c)).collect();
    found.sort_unstable();
    found.dedup();
    let names: Vec<String> = found
        .iter()
        .map(|c| format!("U+{:04X}", u32::from(*c)))
        .collect();
    let message = format!(
        "holds bidi control characters ({}), which can make text show otherwise than \
         it reads; the reader marks the field and ends them with it",
        names.join(", ")
    );
    checker.warning(&path, Anchor::Value, message);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_found_in_the_bytes_as_in_the_characters() {
        let around = ['\u{2000}'..='\u{20FF}', '\u{0600}'..='\u{06FF}', 'a'..='z'];
        for c in around.into_iter().flatten() {
            for text in [c.to_string(), format!("نص {c} x"), format!("{c}\u{2026}")] {
                let by_characters = text.chars().any(is_bidi_control);
                assert_eq!(holds_bidi_control(&text), by_characters, "{text:?}");
            }
        }
    }

    #[test]
    fn a_text_that_may_hold_bidi_controls_is_told_from_one_that_cannot() {
        let around = ['\u{2000}'..='\u{20FF}', '\u{0600}'..='\u{06FF}', 'a'..='z'];
        for c in around.into_iter().flatten() {
            let code = u32::from(c);
            let texts = [
                format!(r#""x{c} y""#),
                format!(r#""x\u{code:04x} y""#),
                format!(r#""x\u{code:04X} y""#),
            ];
            for text in texts {
                let value: Value = serde_json::from_str(&text).unwrap_or_default();
                let holds = value
                    .as_str()
                    .is_some_and(|s| s.chars().any(is_bidi_control));
                assert_eq!(text_may_hold_bidi_control(&text), holds, "{text}");
            }
        }
        assert!(!text_may_hold_bidi_control(r#""ends with \u20""#));
    }

    #[test]
    fn bidi_controls_are_warned_at_their_field() {
        let root: Value = serde_json::from_str(
            r#"{"headline": "ok", "quotes": [{"text": "a\u202Eb\u2067c\u202E", "speaker": "x"}]}"#,
        )
        .unwrap_or_default();
        let mut checker = Checker::default();
        check_bidi_controls(&mut checker, &root);
        let found: Vec<(String, String)> = checker
            .problems
            .iter()
            .map(|p| (p.path.to_string(), p.message.clone()))
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "quotes[0].text");
        assert!(
            found[0]
                .1
                .starts_with("holds bidi control characters (U+202E, U+2067)")
        );
    }

    fn warnings(json: &str) -> Vec<String> {
        let root: Value = serde_json::from_str(json).unwrap_or_default();
        let mut checker = Checker::default();
        check_language_given(&mut checker, &root);
        checker.problems.into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn mostly_right_to_left_text_without_a_language_is_warned() {
        let arabic = r#"{"id": "unhcr-report-2025", "headline": "UNHCR تقول إن الدعم انخفض",
            "body": ["المفوضية السامية"]}"#;
        let found = warnings(arabic);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("no \"language\", yet 8"), "{found:?}");
        let with_language = arabic.replacen('{', r#"{"language": "ar", "#, 1);
        assert_eq!(warnings(&with_language), Vec::<String>::new());
        let english = r#"{"headline": "Talks in Geneva", "tags": ["جنيف"]}"#;
        assert_eq!(warnings(english), Vec::<String>::new());
    }
}
