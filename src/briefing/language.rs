//! Whether a well-formed `language` tag names a language ISO 639 knows.

use isolang::Language;

use super::diagnostic::quoted;

/// Language subtags no longer in use, and the ones that replaced them.
const REPLACED: &[(&str, &str)] = &[("iw", "he"), ("in", "id"), ("ji", "yi"), ("jw", "jv")];

/// The warning for a well-formed `tag` whose language subtag names no language in ISO 639
/// (the registry data of the `isolang` crate), with the code to write instead when one is
/// clear: a language's English name (`"Arabic"`: `"ar"`), or a replaced code. `None` for a
/// known language, and for private-use and grandfathered tags, which need no registry.
pub(crate) fn unknown_language(tag: &str) -> Option<String> {
    let primary = tag.split('-').next().unwrap_or(tag);
    let lower = primary.to_ascii_lowercase();
    let known = match lower.len() {
        2 => Language::from_639_1(&lower).is_some(),
        3 => Language::from_639_3(&lower).is_some(),
        _ => false,
    };
    if known || matches!(lower.as_str(), "x" | "i") {
        return None;
    }
    let replaced = REPLACED
        .iter()
        .find(|(old, _)| *old == lower)
        .map(|(_, new)| *new);
    // `match_names` wants a matcher that owns what it compares with.
    let wanted = lower.clone();
    let by_name = Language::match_names(move |name| name.eq_ignore_ascii_case(&wanted)).next();
    let suggestion = replaced.or_else(|| by_name.map(|l| l.to_639_1().unwrap_or(l.to_639_3())));
    let unknown = format!("{} names no language in ISO 639", quoted(primary));
    Some(match suggestion {
        Some(code) => format!("{unknown}: did you mean {}?", quoted(code)),
        None => unknown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_iso_639_does_not_know_is_named_with_what_to_write() {
        for known in [
            "ar",
            "he",
            "fa-IR",
            "ckb",
            "en-GB",
            "x-klingon",
            "zh-Hant-TW",
        ] {
            assert_eq!(unknown_language(known), None, "{known}");
        }
        let warned = |tag| unknown_language(tag).unwrap_or_default();
        assert_eq!(
            warned("Arabic"),
            r#""Arabic" names no language in ISO 639: did you mean "ar"?"#
        );
        assert_eq!(
            warned("hebrew-IL"),
            r#""hebrew" names no language in ISO 639: did you mean "he"?"#
        );
        assert_eq!(
            warned("iw"),
            r#""iw" names no language in ISO 639: did you mean "he"?"#
        );
        assert_eq!(warned("qq"), r#""qq" names no language in ISO 639"#);
    }
}
