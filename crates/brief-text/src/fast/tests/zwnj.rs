//! ZWNJ, which Persian writes inside words: taken between two strong letters only.

use proptest::prelude::*;

use super::{ALPHABET, all_options, fast, same};
use crate::LayoutOptions;
use crate::fast::props::{Class, ZWNJ, props};

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
