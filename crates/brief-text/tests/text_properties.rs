//! Properties of the layout engine for any text and any width from 1 to 200.

use std::collections::HashMap;
use std::ops::Range;

use ar_reshaper::letters::letters_db::LETTERS_ARABIC;
use brief_text::{
    BaseDirection, BidiMode, LayoutOptions, is_explicit_bidi_control, layout, sanitize,
};
use icu_properties::CodePointMapData;
use icu_properties::props::{BidiMirroringGlyph, GeneralCategory, GeneralCategoryGroup};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const POOL: &str = "بتثجحخدذرزسشصضطظعغفقكلمنهويءآأإاةىپچژکگیےہںٹڈ\u{64B}\u{64E}\u{64F}\u{650}\u{651}\u{652}\u{670}\
    אבגדהוזחטיכלמנסעפצקרשת\u{5B4}\u{5BC}abcXYZ0123456789٠١٢٣۴۵ .,:;!?%/-+()[]{}<>«»≤≥‹›\"'\
    \u{200C}\u{200D}\u{200E}\u{200F}\u{61C}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\
    \u{A0}\u{301}\u{300}日本語한국🙂👍🏽👨‍👩‍👧\u{FE0F}\u{1B}\t\r\n\u{7F}\u{85}\u{2028}\u{2029}\u{640}";

/// Emoji and the characters that build emoji sequences, which unicode-width measures as a
/// whole but terminals code point by code point: skin-tone modifiers, ZWJ, VS15/VS16,
/// regional indicators, keycap parts, tags; and other characters of disputed width.
const EMOJI_POOL: &str = "👨👩👧👦👍🧑🚀💻🌈🏳🏴❤☺✌‼©😀🙂\u{1F3FB}\u{1F3FD}\u{1F3FF}\u{200D}\u{FE0E}\u{FE0F}\
    \u{1F1F1}\u{1F1FE}\u{1F1E8}\u{1F1ED}\u{1F1FA}\u{1F1F3}1#*\u{20E3}\u{E0067}\u{E0062}\u{E007F}\
    \u{AD}\u{3164}\u{FFA0}\u{2018}\u{FE01}\u{1100}\u{1161}\u{11A8}\u{915}\u{93F}\u{94D}";

/// Whole sequences as they appear in real text.
const EMOJI_SEQUENCES: &[&str] = &[
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🏳\u{FE0F}\u{200D}🌈",
    "\u{2764}\u{FE0F}",
    "1\u{FE0F}\u{20E3}",
    "👍🏽",
    "a🏽🏽🏽",
    "👩🏽\u{200D}💻",
    "🇱🇾🇨🇭🇺🇳",
    "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
    "co\u{AD}op",
];

fn text() -> impl Strategy<Value = String> {
    let pool: Vec<char> = POOL.chars().collect();
    let emoji: Vec<char> = EMOJI_POOL.chars().collect();
    let piece = prop_oneof![
        6 => prop::sample::select(pool).prop_map(String::from),
        3 => prop::sample::select(emoji).prop_map(String::from),
        1 => prop::sample::select(EMOJI_SEQUENCES).prop_map(String::from),
        2 => Just(" ".to_string()),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.concat())
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

/// Characters the engine never shows (their width or effect differs between terminals).
fn hidden(c: char) -> bool {
    matches!(
        c,
        '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{AD}' | '\u{3164}' | '\u{FFA0}'
    )
}

fn shown_source(s: &str, mode: BidiMode) -> String {
    s.chars()
        .filter(|&c| !is_explicit_bidi_control(c) && !hidden(c))
        .filter(|&c| mode == BidiMode::Logical || !matches!(c, '\u{200E}' | '\u{200F}' | '\u{61C}'))
        .collect()
}

/// Width as terminals advance over it: code point by code point (wcwidth).
fn per_char_width(s: &str) -> usize {
    s.chars()
        .map(|c| UnicodeWidthChar::width(c).unwrap_or(0))
        .sum()
}

/// A grapheme the engine may cut into pieces: one that unicode-width measures otherwise
/// than terminals do, that holds a character never shown, or whose spacing characters
/// (with the dotted circle a leading combining mark gets) a terminal keeps in cells of
/// their own.
fn may_split(g: &str) -> bool {
    let width = |c: char| UnicodeWidthChar::width(c).unwrap_or(0);
    let spacing = g.chars().filter(|&c| width(c) > 0).count();
    let circle = g
        .chars()
        .next()
        .is_some_and(|c| is_mark(c) && width(c) == 0);
    g.width() != per_char_width(g) || g.chars().any(hidden) || spacing + usize::from(circle) > 1
}

/// `shown` is `source` with at most some zero-width characters left out (a mark that
/// unicode-width says would widen its base is hidden too).
fn shows_all_but_zero_width(shown: &[char], source: &[char]) -> bool {
    let mut rest = shown.iter().peekable();
    for c in source {
        if rest.next_if_eq(&c).is_none() && UnicodeWidthChar::width(*c).unwrap_or(0) > 0 {
            return false;
        }
    }
    rest.next().is_none()
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
            prop_assert_eq!(line.width, line.glyphs().map(|g| g.width).sum::<usize>());
            for g in line.glyphs() {
                // ratatui skips cells by the str width, terminals advance per code point:
                // the glyph's width must be both.
                prop_assert_eq!(g.width, g.text.width(), "{:?}", g);
                prop_assert_eq!(g.width, per_char_width(g.text), "{:?}", g);
                // A terminal keeps each spacing code point in a cell of its own, which
                // writing over the glyph's first cell would not clear.
                let spacing = g.text.chars().filter(|&c| UnicodeWidthChar::width(c).unwrap_or(0) > 0);
                prop_assert!(spacing.count() <= 1, "{:?}", g);
                // A mark never leads a cell: the terminal would put it on the cell before.
                // Only a spacing mark (Devanagari ि) has a cell of its own.
                let lead = g.text.chars().next();
                let spacing = lead.is_some_and(|c| UnicodeWidthChar::width(c).unwrap_or(0) > 0);
                prop_assert!(!lead.is_some_and(is_mark) || spacing, "{:?}", g);
                let source = &text[g.source.clone()];
                // A bidi mark riding in the cell before or after its host (logical mode) is
                // not shown text: the host alone may be a "…" for a grapheme too wide.
                let text = g.text.trim_matches(['\u{200E}', '\u{200F}', '\u{061C}']);
                let bare_source = source.trim_start_matches(['\u{200E}', '\u{200F}', '\u{061C}']);
                let shown = text.strip_prefix('\u{25CC}').filter(|_| !bare_source.starts_with('\u{25CC}'));
                let shown = shown.unwrap_or(text);
                if shown != "\u{2026}" || source.width() <= o.width {
                    let (shown, source) = (canonical(shown), canonical(&shown_source(source, o.mode)));
                    prop_assert!(shows_all_but_zero_width(&shown, &source), "{:?} shows {:?} of {:?}", g, shown, source);
                }
                covered.push(g.source.clone());
            }
        }
        // Every grapheme is shown exactly once, whole (marks with their base), except
        // spaces dropped where a line was broken. A grapheme terminals measure otherwise
        // may be cut into pieces, which then cover every byte of it.
        covered.sort_by_key(|r| r.start);
        prop_assert!(covered.windows(2).all(|w| w[0].end <= w[1].start), "overlap {:?}", covered);
        for g in graphemes(&text) {
            let holder = covered.iter().find(|r| r.start <= g.start && g.end <= r.end);
            let inside: Vec<&Range<usize>> = covered.iter().filter(|r| r.start < g.end && g.start < r.end && !(r.start <= g.start && g.end <= r.end)).collect();
            let grapheme = &text[g.clone()];
            if inside.is_empty() {
                let space = grapheme.chars().all(char::is_whitespace);
                prop_assert!(holder.is_some() || space, "grapheme {:?} {:?} lost", g, grapheme);
                continue;
            }
            prop_assert!(may_split(grapheme), "grapheme {:?} {:?} split", g, grapheme);
            // Between and around the pieces, only a space dropped at a break may be missing.
            // The first piece may begin before the grapheme: an alef piece shaped into a
            // lam-alef ligature with the lam before it.
            let dropped_space = |from: usize, to: usize| text[from..to].chars().all(char::is_whitespace);
            // In logical mode the last piece may also carry the LRM/RLM/ALM after it.
            let only_bidi_marks = |from: usize, to: usize| {
                text[from..to].chars().all(|c| matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}'))
            };
            let mut at = g.start;
            for r in inside {
                let from = r.start.max(at);
                let end_ok = r.end <= g.end || only_bidi_marks(g.end, r.end);
                prop_assert!((r.start >= at || at == g.start) && end_ok && dropped_space(at, from), "pieces of {:?} {:?}: {:?} at {}", g, grapheme, r, at);
                at = r.end.min(g.end);
            }
            prop_assert!(dropped_space(at, g.end), "grapheme {:?} {:?} not all shown", g, grapheme);
        }
    }
}
