//! Whether a language tag is well formed, for the briefing's `language` and its
//! translations'.

use super::checker::{Anchor, Checker};
use super::diagnostic::quoted;
use super::json_path::JsonPath;

/// Reports a malformed `tag` at `path`; whether it was well formed.
pub(crate) fn check_language_tag(checker: &mut Checker, tag: &str, path: &JsonPath) -> bool {
    let well_formed = is_language_tag(tag);
    if !well_formed {
        let message = format!(
            r#"expected a BCP 47 language tag such as "ar" or "fa-IR", found {}"#,
            quoted(tag)
        );
        checker.error(path, Anchor::Value, message);
    }
    well_formed
}

/// BCP 47 syntax, loosely: a 2–8 letter language subtag (or `x`/`i` and more subtags),
/// then subtags of 1–8 letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let Some(first) = subtags.next() else {
        return false;
    };
    let rest: Vec<&str> = subtags.collect();
    let first_ok = first.chars().all(|c| c.is_ascii_alphabetic())
        && (matches!(first.len(), 2..=8)
            || (matches!(first, "x" | "X" | "i" | "I") && !rest.is_empty()));
    first_ok
        && rest.iter().all(|subtag| {
            matches!(subtag.len(), 1..=8) && subtag.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        for good in [
            "ar",
            "en",
            "he",
            "fa-IR",
            "zh-Hant-TW",
            "ar-001",
            "x-klingon",
            "sr-Latn",
        ] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "a",
            "english language",
            "fa_IR",
            "ar-",
            "-ar",
            "x",
            "ar-toolongsubtag",
            "عربي",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
