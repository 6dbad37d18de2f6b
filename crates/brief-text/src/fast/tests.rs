//! The fast path must lay out every paragraph it accepts exactly as the general path
//! does (which is itself checked against BidiCharacterTest and FriBidi).

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::{Scratch, ZWNJ, layout_paragraph, props::Class, props::props};
use crate::{BaseDirection, BidiMode, LayoutOptions, LeveledLine, general_paragraph};

/// The fast path's lines for `paragraph`, or `None` if it declined it.
fn fast(paragraph: &str, options: &LayoutOptions) -> Option<Vec<LeveledLine>> {
    let mut lines = Vec::new();
    let mut scratch = Scratch::default();
    layout_paragraph(
        paragraph,
        7,
        options,
        true,
        &mut scratch,
        &mut |line, levels| {
            lines.push(LeveledLine { line, levels });
        },
    )
    .then_some(lines)
}

fn general(paragraph: &str, options: &LayoutOptions) -> Vec<LeveledLine> {
    let mut lines = Vec::new();
    general_paragraph(paragraph, 7, options, true, &mut |line, levels| {
        lines.push(LeveledLine { line, levels });
    });
    lines
}

/// Compares both paths; true if the fast path took the paragraph.
fn same(paragraph: &str, options: &LayoutOptions) -> bool {
    let Some(fast) = fast(paragraph, options) else {
        return false;
    };
    let general = general(paragraph, options);
    assert_eq!(fast, general, "{paragraph:?} {options:?}");
    true
}

fn all_options(width: usize) -> impl Iterator<Item = LayoutOptions> {
    let directions = [BaseDirection::Auto, BaseDirection::Ltr, BaseDirection::Rtl];
    directions.into_iter().flat_map(move |direction| {
        [
            (true, BidiMode::App),
            (false, BidiMode::App),
            (true, BidiMode::Logical),
        ]
        .into_iter()
        .map(move |(shaping, mode)| LayoutOptions {
            width,
            direction,
            fallback: BaseDirection::Rtl,
            shaping,
            mode,
        })
    })
}

/// Characters of every class the fast path handles.
const ALPHABET: &[&str] = &[
    "a", "Z", "é", " ", " ", " ", "\u{A0}", "\u{2009}", "1", "2", "٣", "۴", "ب", "ي", "ت", "ل",
    "ا", "أ", "إ", "آ", "ء", "ة", "ى", "ـ", "\u{064E}", "\u{0651}", "\u{0670}", "\u{0301}", "ש",
    "ל", "ם", "\u{05B8}", "(", ")", "[", "]", "{", "}", "<", ">", "«", "»", "\"", "'", "-", "+",
    "/", ",", ".", ":", ";", "!", "?", "،", "؛", "؟", "%", "$", "#", "٪", "٫", "—", "–", "‘", "’",
    "“", "”", "…", "&", "*", "=", "|", "\u{2044}", "ab", "ال", "لا", "١٢", "12", " (", ") ",
];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn fast_path_equals_general_path(p in paragraph(), width in 1usize..40) {
        for options in all_options(width) {
            prop_assert!(same(&p, &options), "declined {:?}", p);
        }
    }
}

fn seed_paragraphs() -> Vec<&'static str> {
    include_str!("../../../../tests/data/seed-article.txt")
        .lines()
        .collect()
}

#[test]
fn the_seed_article_takes_the_fast_path_and_comes_out_the_same() {
    let paragraphs = seed_paragraphs();
    let mut taken = 0;
    for p in &paragraphs {
        let mut all = true;
        for width in [1, 2, 7, 20, 33, 60, 80, 100, 200, usize::MAX] {
            for options in all_options(width) {
                all &= same(p, &options);
            }
        }
        taken += usize::from(all);
    }
    // Its lines that are not taken hold a character the fast path leaves alone.
    assert!(
        taken * 10 >= paragraphs.len() * 9,
        "{taken} of {}",
        paragraphs.len()
    );
}

/// The opportunity after a mark that follows an em dash is not where
/// `split_at_safe` restarts (it reads the mark as a letter there): the line still breaks
/// before the Hebrew letter, as the general path breaks it.
#[test]
fn breaks_found_near_the_overflow_are_the_paragraphs() {
    for p in ["آآ' |—\u{64e}םلء٪", "aaaaa!\u{64e}1111"] {
        for width in 1..16 {
            for options in all_options(width) {
                assert!(same(p, &options));
            }
        }
    }
}

/// Each simple character alone, between letters of both directions, and after spaces.
#[test]
fn every_simple_character_comes_out_the_same() {
    // ZWNJ is simple only between letters: `zwnj_between_letters_comes_out_the_same`.
    let simple = (0..0x2100_u32)
        .filter_map(char::from_u32)
        .filter(|&c| props(c).is_some() && c != ZWNJ);
    for c in simple {
        for p in [
            format!("{c}"),
            format!("ab{c}{c} cd"),
            format!("بت{c}{c} ثج"),
            format!("{c} {c}ب ש{c}1"),
        ] {
            for width in [1, 3, usize::MAX] {
                for options in all_options(width) {
                    assert!(same(&p, &options), "declined {p:?}");
                }
            }
        }
    }
}

#[test]
fn text_that_is_not_simple_is_declined() {
    let options = LayoutOptions::default();
    for p in ["a\u{202E}b", "👍", "a\u{200D}b", "\u{0600}١", "x\tb"] {
        assert!(fast(p, &options).is_none(), "{p:?}");
    }
}

#[test]
fn simple_characters_segment_as_the_general_path_sees_them() {
    let simple: Vec<char> = (0..0x2100_u32)
        .filter_map(char::from_u32)
        .filter(|&c| props(c).is_some())
        .collect();
    assert!(simple.len() > 1500, "{}", simple.len());
    let bases = ['a', 'ب', 'ש', ' ', '1', '('];
    for &c in &simple {
        let extend = props(c).is_some_and(|p| p.extend);
        for b in bases {
            let after = format!("{b}{c}").graphemes(true).count();
            assert_eq!(after, if extend { 1 } else { 2 }, "U+{:04X}", u32::from(c));
            let before = format!("{c}{b}").graphemes(true).count();
            assert_eq!(before, 2, "U+{:04X}", u32::from(c));
        }
    }
}

/// The lines of Unicode's BidiCharacterTest.txt that the fast path takes: it must lay
/// them out as the general path does (which passes the whole file), so the file's
/// verdicts hold for the fast path too. Enough of them must be taken for that to mean
/// something.
#[test]
fn bidi_character_test_lines_come_out_the_same() {
    let Some(data) = crate::oracle_file("BidiCharacterTest.txt") else {
        return;
    };
    let (mut lines, mut taken) = (0, 0);
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split(';').collect();
        let Some(text) = fields.first().and_then(|f| {
            f.split_whitespace()
                .map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32))
                .collect::<Option<String>>()
        }) else {
            continue;
        };
        let direction = match fields.get(1) {
            Some(&"0") => BaseDirection::Ltr,
            Some(&"1") => BaseDirection::Rtl,
            _ => BaseDirection::Auto,
        };
        let options = LayoutOptions {
            width: usize::MAX,
            direction,
            ..LayoutOptions::default()
        };
        lines += 1;
        taken += usize::from(same(&text, &options));
    }
    eprintln!("BidiCharacterTest: the fast path took {taken} of {lines} lines");
    assert!(lines > 90_000 && taken > 15_000, "{taken} of {lines}");
}

/// Persian writes ZWNJ inside words (می‌شود, خانه‌ها): between two strong letters the fast
/// path takes it; anywhere else it leaves the paragraph to the general path.
#[test]
fn zwnj_between_letters_comes_out_the_same() {
    let taken = [
        "می\u{200C}شود",
        "خانه\u{200C}ها و نیک\u{200C}آباد",
        "ل\u{200C}ا",
        "ى\u{200C}ب",
        "ب\u{200C}a",
        "a\u{200C}b",
        "ab\u{200C}ש (12) می\u{200C}شود.",
        "«نیک\u{200C}آباد» — 45°C, 2025-07-12",
    ];
    for p in taken {
        for width in [1, 2, 3, 5, 8, 13, 40, usize::MAX] {
            for options in all_options(width) {
                assert!(same(p, &options), "declined {p:?}");
            }
        }
    }
    let options = LayoutOptions::default();
    for p in [
        "\u{200C}ب",
        "ب\u{200C}",
        "ب\u{200C} ب",
        "ب \u{200C}ب",
        "1\u{200C}2",
        "ب\u{200C}\u{200C}ب",
        "ب\u{064E}\u{200C}ب",
        "ب\u{200C}\u{064E}",
    ] {
        assert!(fast(p, &options).is_none(), "{p:?}");
    }
}

/// ZWNJ beside every strong simple character, after and before letters of both directions.
#[test]
fn zwnj_beside_every_letter_comes_out_the_same() {
    let strong = (0..0x2100_u32)
        .filter_map(char::from_u32)
        .filter(|&c| props(c).is_some_and(|p| matches!(p.class, Class::L | Class::R | Class::AL)));
    let mut count = 0;
    for c in strong {
        for p in [
            format!("{c}\u{200C}ب"),
            format!("ل\u{200C}{c}"),
            format!("a\u{200C}{c}\u{200C}ש"),
        ] {
            for width in [1, usize::MAX] {
                for options in all_options(width) {
                    assert!(same(&p, &options), "declined {p:?}");
                }
            }
        }
        count += 1;
    }
    assert!(count > 1000, "{count} strong characters");
}

/// The bundled Persian briefing, whose words hold ZWNJ: its paragraphs take the fast path.
#[test]
fn the_persian_sample_takes_the_fast_path_and_comes_out_the_same() {
    let json = include_str!("../../../../briefings/nikabad-heatwave-power-cuts.json");
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let mut texts = Vec::new();
    collect_strings(&value, &mut texts);
    let with_zwnj: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.lines())
        .filter(|t| t.contains(ZWNJ))
        .collect();
    assert!(with_zwnj.len() >= 10, "{} paragraphs", with_zwnj.len());
    let mut taken = 0;
    for p in &with_zwnj {
        let mut all = true;
        for width in [1, 7, 20, 60, 100] {
            for options in all_options(width) {
                all &= same(p, &options);
            }
        }
        taken += usize::from(all);
    }
    assert!(
        taken * 10 >= with_zwnj.len() * 9,
        "{taken} of {}",
        with_zwnj.len()
    );
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

/// The paragraphs of simple characters the fast path takes when they hold ZWNJ (see
/// `props::ZWNJ`), from the characters' bidi classes.
fn zwnj_only_between_strong_letters(p: &str) -> bool {
    use unicode_bidi::BidiClass::{AL, L, R};
    let strong =
        |c: Option<&char>| c.is_some_and(|&c| matches!(unicode_bidi::bidi_class(c), L | R | AL));
    let chars: Vec<char> = p.chars().collect();
    (0..chars.len()).filter(|&i| chars[i] == ZWNJ).all(|i| {
        let before = i.checked_sub(1).and_then(|b| chars.get(b));
        strong(before) && strong(chars.get(i + 1))
    })
}

fn paragraph_with_zwnj() -> impl Strategy<Value = String> {
    let alphabet: Vec<&str> = ALPHABET.iter().copied().chain(["\u{200C}"; 8]).collect();
    prop::collection::vec(prop::sample::select(alphabet), 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// ZWNJ anywhere among simple characters: the fast path takes the paragraph exactly
    /// when every ZWNJ is between two strong letters, and what it takes comes out the same.
    #[test]
    fn paragraphs_with_zwnj_come_out_the_same(p in paragraph_with_zwnj(), width in 1usize..40) {
        let expected = zwnj_only_between_strong_letters(&p);
        for options in all_options(width) {
            prop_assert_eq!(same(&p, &options), expected, "taken? {:?}", p);
        }
    }
}
