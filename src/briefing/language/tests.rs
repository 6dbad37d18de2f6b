use super::*;

/// The table `iso639.txt` holds, made from isolang's data.
fn table_from_isolang() -> String {
    let mut languages: Vec<isolang::Language> = isolang::languages().collect();
    languages.sort_by_key(|l| l.to_639_3());
    let three: String = languages.iter().map(|l| l.to_639_3()).collect();
    let mut two: Vec<&str> = languages.iter().filter_map(|l| l.to_639_1()).collect();
    two.sort_unstable();
    let mut table = format!("{three}\n{}\n", two.concat());
    for language in &languages {
        let code = language.to_639_1().unwrap_or(language.to_639_3());
        table.push_str(&format!("{}\t{code}\n", language.to_name()));
    }
    table
}

/// Fails when `iso639.txt` is not what isolang's data makes; with `BRIEF_BLESS` set it
/// writes the file instead.
#[test]
fn iso639_table_is_isolangs() {
    crate::generated::assert_current(
        "src/briefing/language/iso639.txt",
        &table_from_isolang(),
        "BRIEF_BLESS=1 cargo test --lib iso639",
    );
}

/// The table answers as isolang does for every code it has, and for codes it has not.
#[test]
fn the_table_knows_what_isolang_knows() {
    let registry = registry();
    for language in isolang::languages() {
        assert!(registry.knows(language.to_639_3()), "{language:?}");
        if let Some(two) = language.to_639_1() {
            assert!(registry.knows(two), "{language:?}");
        }
    }
    for word in ["", "a", "zz", "qq", "zzz", "qaa", "arab", "AR"] {
        let isolang = match word.len() {
            2 => isolang::Language::from_639_1(word).is_some(),
            3 => isolang::Language::from_639_3(word).is_some(),
            _ => false,
        };
        assert_eq!(registry.knows(word), isolang, "{word:?}");
    }
}

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
        warned("Ghotuo"),
        r#""Ghotuo" names no language in ISO 639: did you mean "aaa"?"#
    );
    assert_eq!(
        warned("iw"),
        r#""iw" names no language in ISO 639: did you mean "he"?"#
    );
    assert_eq!(warned("qq"), r#""qq" names no language in ISO 639"#);
}
