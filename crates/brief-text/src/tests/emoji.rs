//! Emoji sequences terminals draw otherwise than unicode-width measures them.

use super::*;

/// (text, width) of each glyph of each line.
fn cells(text: &str, o: &LayoutOptions) -> Vec<Vec<(String, usize)>> {
    layout(text, o)
        .iter()
        .map(|l| l.glyphs().map(|g| (g.text.to_string(), g.width)).collect())
        .collect()
}

fn row(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|&(t, w)| (t.to_string(), w)).collect()
}

#[test]
fn emoji_sequences_are_laid_out_as_terminals_draw_them() {
    // Widths per code point, as xterm, tmux and vt100 advance: 👨 👩 👧 👦 are 2 each,
    // ZWJ and VS16 0 and not shown, ❤ 1, 🏳 1, 🌈 2, the keycap's 1 1 with its mark.
    let o = options(100, BaseDirection::Auto, true);
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    let want = [
        ("👨", 2),
        ("", 0),
        ("👩", 2),
        ("", 0),
        ("👧", 2),
        ("", 0),
        ("👦", 2),
    ];
    assert_eq!(cells(family, &o), [row(&want)]);
    assert_eq!(
        cells("\u{2764}\u{FE0F}|🏳\u{FE0F}\u{200D}🌈|1\u{FE0F}\u{20E3}", &o),
        [row(&[
            ("\u{2764}", 1),
            ("", 0),
            ("|", 1),
            ("🏳", 1),
            ("", 0),
            ("", 0),
            ("🌈", 2),
            ("|", 1),
            ("1\u{20E3}", 1),
        ])]
    );
    assert_eq!(layout(family, &o)[0].width, 8);
    assert_eq!(measure(family), 8);
    assert_eq!(measure("\u{2764}\u{FE0F}"), 1);
    assert_eq!(measure("1\u{FE0F}\u{20E3}"), 1);
    assert_eq!(measure("👍🏽"), 4);
    // Unchanged where unicode-width and terminals agree.
    assert_eq!(measure("a🏽🏽🏽"), 7);
    assert_eq!(measure("🇱🇾"), 2);
}

#[test]
fn split_graphemes_wrap_whole_where_they_fit_and_are_cut_where_not() {
    let o = |w| options(w, BaseDirection::Auto, true);
    // ❤ VS16 🏽 is one grapheme, 1 + 0 + 2 cells. UAX #14 allows a break before the
    // modifier (❤ is no emoji base), but the grapheme is not broken where it can move
    // to the next line whole.
    assert_eq!(plain("ab \u{2764}\u{FE0F}🏽", &o(5)), ["ab", "\u{2764}🏽"]);
    assert_eq!(plain("ab 👍🏽", &o(5)), ["ab", "👍🏽"]);
    // Wider than the line, the family is cut between its people, 2 cells a line; the
    // hidden joiners stay with the person before them.
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    assert_eq!(plain(family, &o(3)), ["👨", "👩", "👧", "👦"]);
    let lines = layout(family, &o(3));
    assert!(lines.iter().all(|l| l.width == 2));
    assert_eq!(lines[0].len(), 2, "👨 and the hidden ZWJ after it");
    // At width 1 each person is too wide and becomes one cell.
    assert_eq!(plain(family, &o(1)), ["\u{2026}"; 4]);
    // ❤ with VS16 is 1 cell, so it fits a 1-cell line as itself.
    assert_eq!(plain("\u{2764}\u{FE0F}", &o(1)), ["\u{2764}"]);
}

#[test]
fn split_graphemes_keep_their_order_in_right_to_left_text() {
    // The pieces move as one grapheme, like a letter and its harakat.
    let o = options(100, BaseDirection::Rtl, false);
    assert_eq!(plain("سلام 👍🏽 كل", &o), ["لك 👍🏽 مالس"]);
    assert_eq!(plain("أ 👨\u{200D}👩 ب", &o), ["ب 👨👩 أ"]);
}

#[test]
fn every_byte_of_a_split_grapheme_has_one_glyph_for_highlighting() {
    let text = "x 🏳\u{FE0F}\u{200D}🌈 1\u{FE0F}\u{20E3} y";
    let lines = layout(text, &options(100, BaseDirection::Auto, true));
    let mut at = 0;
    for g in lines[0].glyphs() {
        assert_eq!(g.source.start, at, "{g:?}");
        at = g.source.end;
    }
    assert_eq!(at, text.len());
    // A search match on the rainbow lights the flag and the rainbow, nothing else.
    let start = text.find('🏳').unwrap_or(0);
    let rainbow = start..text.find(" 1").unwrap_or(0);
    let lit: String = lines[0]
        .glyphs()
        .filter(|g| g.overlaps(&rainbow))
        .map(|g| g.text)
        .collect();
    assert_eq!(lit, "🏳🌈");
}

#[test]
fn a_hidden_joiner_still_shapes_but_is_not_shown() {
    // ZWJ after beh makes it join forward (initial form); the joiner itself is hidden,
    // since tmux would put a wide character after it into the cell before.
    let o = options(100, BaseDirection::Rtl, true);
    let lines = layout("ب\u{200D}", &o);
    let texts: Vec<&str> = lines[0].glyphs().map(|g| g.text).collect();
    assert_eq!(texts, ["\u{FE91}", ""]);
    assert_eq!(lines[0].width, 1);
    // Soft hyphens and Hangul fillers: invisible and of disputed width, so not shown.
    assert_eq!(plain("co\u{AD}op \u{3164}!", &o)[0].chars().count(), 6);
}
