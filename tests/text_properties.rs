//! Properties of the layout engine for any text and any width from 1 to 200.

use std::collections::HashMap;
use std::ops::Range;

use ar_reshaper::letters::letters_db::LETTERS_ARABIC;
use brief::text::{
    BaseDirection, BidiMode, LayoutOptions, is_explicit_bidi_control, layout, sanitize,
};
use icu_properties::CodePointMapData;
use icu_properties::props::{BidiMirroringGlyph, GeneralCategory, GeneralCategoryGroup};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const POOL: &str = "بتثجحخدذرزسشصضطظعغفقكلمنهويءآأإاةىپچژکگیےہںٹڈ\u{64B}\u{64E}\u{64F}\u{650}\u{651}\u{652}\u{670}\
    אבגדהוזחטיכלמנסעפצקרשת\u{5B4}\u{5BC}abcXYZ0123456789٠١٢٣۴۵ .,:;!?%/-+()[]{}<>«»≤≥‹›\"'\
    \u{200C}\u{200D}\u{200E}\u{200F}\u{61C}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\
    \u{A0}\u{301}\u{300}日本語한국🙂👍🏽👨‍👩‍👧\u{FE0F}\u{1B}\t\r\n\u{7F}\u{85}\u{2028}\u{2029}\u{640}";

fn text() -> impl Strategy<Value = String> {
    let pool: Vec<char> = POOL.chars().collect();
    let piece = prop_oneof![
        6 => prop::sample::select(pool),
        2 => Just(' '),
        1 => any::<char>(),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.into_iter().collect())
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    let direction = prop_oneof![
        Just(BaseDirection::Auto),
        Just(BaseDirection::Ltr),
        Just(BaseDirection::Rtl)
    ];
    let mode = prop_oneof![Just(BidiMode::App), Just(BidiMode::Logical)];
    (1usize..=200, direction, any::<bool>(), mode).prop_map(|(width, direction, shaping, mode)| {
        LayoutOptions {
            width,
            direction,
            shaping,
            mode,
            ..LayoutOptions::default()
        }
    })
}

fn is_mark(c: char) -> bool {
    GeneralCategoryGroup::Mark.contains(CodePointMapData::<GeneralCategory>::new().get(c))
}

/// Characters up to mirroring and shaping: a mirrored pair is one class, a presentation
/// form is the letter(s) it shows.
fn canonical(s: &str) -> Vec<char> {
    let mut unshape: HashMap<char, char> = HashMap::new();
    for (letter, f) in LETTERS_ARABIC.iter() {
        for form in [f.isolated, f.initial, f.medial, f.end] {
            unshape.insert(form, *letter);
        }
    }
    let lam_alef = |c: char| match c {
        '\u{FEF5}' | '\u{FEF6}' => Some('\u{622}'),
        '\u{FEF7}' | '\u{FEF8}' => Some('\u{623}'),
        '\u{FEF9}' | '\u{FEFA}' => Some('\u{625}'),
        '\u{FEFB}' | '\u{FEFC}' => Some('\u{627}'),
        _ => None,
    };
    let mirror = CodePointMapData::<BidiMirroringGlyph>::new();
    s.chars()
        .flat_map(|c| match lam_alef(c) {
            Some(alef) => vec!['\u{644}', alef],
            None => vec![*unshape.get(&c).unwrap_or(&c)],
        })
        .map(|c| mirror.get(c).mirroring_glyph.map_or(c, |m| m.min(c)))
        .collect()
}

fn shown_source(s: &str, mode: BidiMode) -> String {
    s.chars()
        .filter(|&c| !is_explicit_bidi_control(c))
        .filter(|&c| mode == BidiMode::Logical || !matches!(c, '\u{200E}' | '\u{200F}' | '\u{61C}'))
        .collect()
}

/// Byte ranges of the graphemes of `text`, paragraph by paragraph.
fn graphemes(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for p in text.split('\n') {
        out.extend(
            p.grapheme_indices(true)
                .map(|(i, g)| offset + i..offset + i + g.len()),
        );
        offset += p.len() + 1;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn raw_text_never_panics(raw in text(), o in options()) {
        let _ = layout(&raw, &o);
    }

    #[test]
    fn layout_properties(raw in text(), o in options()) {
        let text = sanitize(&raw).text;
        let lines = layout(&text, &o);
        let mut covered: Vec<Range<usize>> = Vec::new();
        for line in &lines {
            prop_assert!(line.width <= o.width, "line {} wider than {}", line.width, o.width);
            prop_assert_eq!(line.width, line.glyphs.iter().map(|g| g.width).sum::<usize>());
            for g in &line.glyphs {
                prop_assert_eq!(g.width, g.text.width(), "{:?}", g);
                // A mark never leads a cell: the terminal would put it on the cell before.
                prop_assert!(!g.text.chars().next().is_some_and(is_mark), "{:?}", g);
                let source = &text[g.source.clone()];
                let shown = g.text.strip_prefix('\u{25CC}').filter(|_| !source.starts_with('\u{25CC}'));
                let shown = shown.unwrap_or(&g.text);
                if shown != "\u{2026}" || source.width() <= o.width {
                    prop_assert_eq!(canonical(shown), canonical(&shown_source(source, o.mode)), "{:?}", g);
                }
                covered.push(g.source.clone());
            }
        }
        // Every grapheme is shown exactly once, whole (marks with their base), except
        // spaces dropped where a line was broken.
        covered.sort_by_key(|r| r.start);
        prop_assert!(covered.windows(2).all(|w| w[0].end <= w[1].start), "overlap {:?}", covered);
        for g in graphemes(&text) {
            let holder = covered.iter().find(|r| r.start <= g.start && g.end <= r.end);
            let straddles = covered.iter().any(|r| r.start < g.end && g.start < r.end && !(r.start <= g.start && g.end <= r.end));
            prop_assert!(!straddles, "grapheme {:?} split", g);
            let space = text[g.clone()].chars().all(char::is_whitespace);
            prop_assert!(holder.is_some() || space, "grapheme {:?} {:?} lost", g, &text[g.clone()]);
        }
    }
}
