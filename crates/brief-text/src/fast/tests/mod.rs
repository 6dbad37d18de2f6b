//! The fast path must lay out every paragraph it accepts exactly as the general path
//! does (which is itself checked against BidiCharacterTest and FriBidi).

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::props::{ZWNJ, props};
use super::{Scratch, layout_paragraph};
use crate::{BaseDirection, BidiMode, LayoutOptions, LeveledLine, general_paragraph};

mod corpora;
mod zwnj;

/// The fast path's lines for `paragraph` (their levels empty unless `with_levels`), or
/// `None` if it declined it.
fn fast_with(
    paragraph: &str,
    options: &LayoutOptions,
    with_levels: bool,
) -> Option<Vec<LeveledLine>> {
    let mut lines = Vec::new();
    let mut scratch = Scratch::default();
    layout_paragraph(
        paragraph,
        7,
        options,
        with_levels,
        &mut scratch,
        &mut |line, levels| {
            lines.push(LeveledLine { line, levels });
        },
    )
    .then_some(lines)
}

fn fast(paragraph: &str, options: &LayoutOptions) -> Option<Vec<LeveledLine>> {
    fast_with(paragraph, options, true)
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
    // Without levels a line of one level is written as a run (`VisualLine::run_from`).
    let unleveled = fast_with(paragraph, options, false).unwrap_or_default();
    let lines = |l: &[LeveledLine]| l.iter().map(|l| l.line.clone()).collect::<Vec<_>>();
    assert_eq!(
        lines(&unleveled),
        lines(&general),
        "{paragraph:?} {options:?}"
    );
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
