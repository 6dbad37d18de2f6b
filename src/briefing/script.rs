//! Checks on the text itself rather than its shape: a briefing written mostly right to
//! left that does not say its `language`.

use serde_json::Value;
use unicode_bidi::{BidiClass, bidi_class};

use super::checker::{Anchor, Checker};
use super::json_path::JsonPath;

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

#[cfg(test)]
mod tests {
    use super::*;

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
