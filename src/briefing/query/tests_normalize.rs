//! Every folding of `normalize`, and the two properties its users rely on: folding twice
//! changes nothing, and a match maps back onto whole characters of the original.

use proptest::prelude::*;

use super::fold::CASELESS;
use super::{find, normalize, normalize_text};

fn same(a: &str, b: &str) {
    assert_eq!(normalize_text(a), normalize_text(b), "{a:?} vs {b:?}");
}

fn found(haystack: &str, query: &str) -> Vec<String> {
    let needle = normalize_text(query);
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
fn case_is_ignored() {
    same("Volker TÜRK", "volker türk");
    assert_eq!(normalize_text("ΣΟΦΙΑ"), "σοφια");
}

#[test]
fn harakat_superscript_alef_and_quranic_marks_are_ignored() {
    same("قالَ المُفَوَّضُ السّامي", "قال المفوض السامي");
    same("هٰذا", "هذا");
    same("رَحْمَٰنِ", "رحمن");
    same("ٱلرَّحِيمِۖ", "الرحيم");
    same("الصلاة\u{0610}", "الصلاه");
    same("سئل", "سـ\u{0654}ـئل"); // a lone hamza above goes, as Lucene's Persian filter drops it
}

#[test]
fn tatweel_is_ignored() {
    same("جنيـــف", "جنيف");
}

#[test]
fn alef_forms_are_alef() {
    for alef in ["أ", "إ", "آ", "ٱ"] {
        same(&format!("{alef}حمد"), "احمد");
    }
}

#[test]
fn ta_marbuta_is_heh_and_alef_maqsura_is_yeh() {
    same("مدرسة", "مدرسه");
    same("مستشفى", "مستشفي");
}

#[test]
fn persian_yeh_keheh_and_heh_forms_are_arabic_letters() {
    same("ایران", "ايران");
    same("کشور", "كشور");
    same("نامۀ", "نامه");
    same("خانہ", "خانه");
    same("بے", "بي");
}

#[test]
fn hebrew_niqqud_and_cantillation_are_ignored() {
    same("שָׁלוֹם", "שלום");
    same("בְּרֵאשִׁ֖ית", "בראשית");
    same("יְרוּשָׁלַ͏ִם", "ירושל\u{034F}ם");
}

#[test]
fn arabic_indic_digits_are_ascii_digits() {
    same("٠١٢٣٤٥٦٧٨٩", "0123456789");
    same("۰۱۲۳۴۵۶۷۸۹", "0123456789");
}

#[test]
fn presentation_forms_are_their_letters() {
    same("ﻻ", "لا");
    same("ﺍﻟﺴﻼﻡ", "السلام");
    same("ﺓ", "ه");
    same("ﬠﬡ", "עא"); // wide Hebrew letters
    same("שׁ", "ש"); // shin with shin dot, precomposed
    same("ﬁle", "file");
    same("Ｔｕｒｋ", "turk");
}

#[test]
fn punctuation_and_spaces_between_words_are_one_space() {
    assert_eq!(
        normalize_text("  Ms.  Jane,\tthe «envoy»!  "),
        "ms jane the envoy"
    );
    assert_eq!(normalize_text("قال: «نعم»، ثم؟"), "قال نعم ثم");
    assert_eq!(normalize_text("al-Assad's"), "al assad s");
    assert_eq!(normalize_text("?!"), "");
}

#[test]
fn invisible_joiners_and_bidi_controls_are_ignored() {
    same("می\u{200C}خواهم", "میخواهم");
    same("a\u{202E}b\u{202C}c", "abc");
    same("\u{FEFF}word", "word");
}

#[test]
fn a_match_maps_to_the_original_characters() {
    assert_eq!(found("Volker TÜRK met türk", "türk"), ["TÜRK", "türk"]);
    assert_eq!(found("قالَ المُفَوَّضُ", "المفوض"), ["المُفَوَّضُ"]);
    assert_eq!(found("said Ms. Jane, then", "ms. jane"), ["Ms. Jane"]);
    assert_eq!(found("عام ٢٠٢٥", "2025"), ["٢٠٢٥"]);
    // The ligature is one character of the original: matching half of it marks it whole.
    assert_eq!(found("ﻻ بأس", "ا"), ["ﻻ", "أ"]);
    // 'İ' lowercases to two characters; the match still lands on the original bytes.
    assert_eq!(
        found("İstanbul and istanbul", "stanbul"),
        ["stanbul", "stanbul"]
    );
}

#[test]
fn an_empty_or_mark_only_query_matches_nothing() {
    assert_eq!(normalize_text("\u{064E}\u{0640}"), "");
    assert_eq!(found("قالَ", "\u{064E}\u{0640}"), Vec::<String>::new());
}

#[test]
fn normalize_text_is_normalize_without_offsets() {
    let seed = include_str!("../../../tests/data/seed-article.txt");
    for text in [seed, "ÀB أإآٱ لِيبْيَا ـ שָׁלוֹם İstanbul ﷺ", ""] {
        assert_eq!(normalize_text(text), normalize(text).text);
    }
}

/// The planes with letters, compatibility forms and ideographs; the rest are unassigned or
/// private use.
#[test]
fn every_character_folds_to_a_fixed_point() {
    let mut text = String::new();
    for c in (0..=0x2_FFFF).filter_map(char::from_u32) {
        text.clear();
        text.push(c);
        let once = normalize_text(&text);
        assert_eq!(normalize_text(&once), once, "U+{:04X}", u32::from(c));
    }
}

fn mixed_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "Z", "İ", "ß", "é", "e\u{301}", " ", ".", ",", "-", "\t", "\n", "ا", "أ", "ة", "ى",
        "ی", "ک", "ـ", "\u{064E}", "\u{0651}", "\u{0670}", "ﻻ", "ﷺ", "ﺓ", "٣", "۴", "ש",
        "\u{05B8}", "\u{0591}", "שׁ", "\u{200C}", "\u{202E}", "ﬁ", "①", "½", "\u{0654}", "«", "؟",
    ]);
    prop::collection::vec(
        prop_oneof![
            pieces.prop_map(str::to_owned),
            any::<char>().prop_map(String::from)
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn normalizing_twice_changes_nothing(text in mixed_text()) {
        let once = normalize_text(&text);
        prop_assert_eq!(normalize_text(&once), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
    }

    #[test]
    fn matches_map_to_char_boundaries(text in mixed_text(), from in 0usize..24, len in 1usize..6) {
        let normalized = normalize(&text);
        let chars: Vec<char> = normalized.text.chars().collect();
        let from = from.min(chars.len());
        let needle: String = chars[from..(from + len).min(chars.len())].iter().collect();
        for range in find(&text, &normalized, &needle) {
            prop_assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
            prop_assert!(range.start < range.end);
            prop_assert!(normalize_text(&text[range]).contains(needle.trim()));
        }
    }
}
