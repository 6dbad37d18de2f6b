//! Cutting graphemes into pieces a terminal keeps in one cell.

use super::*;

/// (text, source, width, continues) of each piece, sources relative to the grapheme.
fn pieces(g: &str) -> Vec<(String, &str, usize, bool)> {
    split(0, g)
        .into_iter()
        .map(|p| (p.text.into(), &g[p.range], p.width, p.continues))
        .collect()
}

fn texts_and_widths(g: &str) -> Vec<(String, usize)> {
    split(0, g)
        .into_iter()
        .map(|p| (p.text.into(), p.width))
        .collect()
}

fn owned(pairs: &[(&str, usize)]) -> Vec<(String, usize)> {
    pairs.iter().map(|&(t, w)| (t.to_string(), w)).collect()
}

#[test]
fn graphemes_of_one_spacing_character_stay_whole() {
    // Base and marks: 1 + 0 + 0 per code point, 1 as a whole.
    assert_eq!(
        pieces("e\u{301}\u{302}"),
        [("e\u{301}\u{302}".into(), "e\u{301}\u{302}", 1, false)]
    );
    // Conjoining jamo: 2 + 0 + 0.
    assert_eq!(
        texts_and_widths("\u{1100}\u{1161}\u{11A8}"),
        owned(&[("\u{1100}\u{1161}\u{11A8}", 2)])
    );
    // Tag sequence flag: 2 + six tags of 0.
    let england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
    assert_eq!(texts_and_widths(england), owned(&[(england, 2)]));
}

#[test]
fn each_spacing_character_gets_a_piece_even_where_widths_agree() {
    // A flag: two regional indicators, 1 cell each and 2 as a pair; a terminal keeps
    // them in two cells.
    assert_eq!(texts_and_widths("🇱🇾"), owned(&[("🇱", 1), ("🇾", 1)]));
    // Devanagari ki: consonant and spacing vowel sign, 1 + 1. The sign leads its
    // piece but gets no dotted circle (see `base_orphan_marks`).
    assert_eq!(
        pieces("\u{915}\u{93F}"),
        [
            ("\u{915}".into(), "\u{915}", 1, false),
            ("\u{93F}".into(), "\u{93F}", 1, true)
        ]
    );
}

#[test]
fn skin_tones_are_cells_of_their_own() {
    // After a letter unicode-width counts each modifier as a terminal does (1 + 2 +
    // 2 + 2 = 7), but the terminal holds them in four cells.
    assert_eq!("a🏽🏽🏽".width(), 7);
    assert_eq!(
        texts_and_widths("a🏽🏽🏽"),
        owned(&[("a", 1), ("🏽", 2), ("🏽", 2), ("🏽", 2)])
    );
    // After an emoji base: 2 as a whole, 2 + 2 per code point.
    let p = pieces("👍🏽");
    assert_eq!(
        p,
        [("👍".into(), "👍", 2, false), ("🏽".into(), "🏽", 2, true)]
    );
}

#[test]
fn zwj_sequences_become_their_emoji_and_hidden_joiners() {
    let family = "👨\u{200D}👩\u{200D}👧\u{200D}👦";
    let p = pieces(family);
    let shown: Vec<(&str, usize)> = p.iter().map(|p| (p.0.as_str(), p.2)).collect();
    assert_eq!(
        shown,
        [
            ("👨", 2),
            ("", 0),
            ("👩", 2),
            ("", 0),
            ("👧", 2),
            ("", 0),
            ("👦", 2)
        ]
    );
    let sources: Vec<&str> = p.iter().map(|p| p.1).collect();
    assert_eq!(
        sources,
        ["👨", "\u{200D}", "👩", "\u{200D}", "👧", "\u{200D}", "👦"]
    );
    assert!(p.iter().skip(1).all(|p| p.3) && !p[0].3);
    // Rainbow flag: white flag (1, text presentation) VS16 ZWJ rainbow (2).
    assert_eq!(
        texts_and_widths("🏳\u{FE0F}\u{200D}🌈"),
        owned(&[("🏳", 1), ("", 0), ("", 0), ("🌈", 2)])
    );
    // Woman with a skin tone at a laptop: 2 + 2 + 0 + 2.
    assert_eq!(
        texts_and_widths("👩🏽\u{200D}💻"),
        owned(&[("👩", 2), ("🏽", 2), ("", 0), ("💻", 2)])
    );
}

#[test]
fn vs16_is_hidden_so_the_character_keeps_its_own_width() {
    // ❤ is 1 cell per code point; with VS16 unicode-width makes the grapheme 2.
    assert_eq!("\u{2764}\u{FE0F}".width(), 2);
    assert_eq!(
        pieces("\u{2764}\u{FE0F}"),
        [
            ("\u{2764}".into(), "\u{2764}", 1, false),
            (String::new(), "\u{FE0F}", 0, true)
        ]
    );
    // Even where unicode-width agrees, newer terminals widen the character: hidden.
    assert_eq!(texts_and_widths("a\u{FE0F}"), owned(&[("a", 1), ("", 0)]));
    assert_eq!(texts_and_widths("😀\u{FE0E}"), owned(&[("😀", 2), ("", 0)]));
}

#[test]
fn a_keycap_keeps_its_enclosing_mark_on_the_digit() {
    // 1 + 0 + 0 per code point, 2 as a whole. The mark must not lead a piece (it would
    // need a base), so the hidden VS16 between them joins the digit's source.
    assert_eq!(
        pieces("1\u{FE0F}\u{20E3}"),
        [("1\u{20E3}".into(), "1\u{FE0F}\u{20E3}", 1, false)]
    );
}

#[test]
fn joiners_and_fillers_alone_are_hidden() {
    assert_eq!(pieces("\u{AD}"), [(String::new(), "\u{AD}", 0, false)]);
    assert_eq!(
        texts_and_widths(" \u{200D}\u{200D}"),
        owned(&[(" ", 1), ("", 0), ("", 0)])
    );
    assert_eq!(texts_and_widths("\u{3164}"), owned(&[("", 0)]));
    assert_eq!(texts_and_widths("\u{FFA0}"), owned(&[("", 0)]));
}

#[test]
fn a_mark_that_would_widen_its_base_is_hidden() {
    // unicode-width makes a curly quote with VS2 2 cells (East Asian form); a terminal
    // draws the quote in 1 and puts VS2 on it.
    assert_eq!("\u{2018}\u{FE01}".width(), 2);
    assert_eq!(
        texts_and_widths("\u{2018}\u{FE01}"),
        owned(&[("\u{2018}", 1), ("", 0)])
    );
}

#[test]
fn a_grapheme_starting_with_a_mark_keeps_it_apart_from_its_spacing_characters() {
    // The mark will get a dotted circle (1 cell) and the modifier is 2: two pieces,
    // not one glyph holding two spacing characters.
    assert_eq!(
        texts_and_widths("\u{301}🏻"),
        owned(&[("\u{301}", 0), ("🏻", 2)])
    );
    // Marks alone stay together.
    assert_eq!(
        texts_and_widths("\u{301}\u{302}"),
        owned(&[("\u{301}\u{302}", 0)])
    );
}

#[test]
fn a_mark_with_no_shown_base_keeps_a_piece() {
    // Lone VS16 then an acute accent: the accent has nothing to sit on.
    assert_eq!(
        texts_and_widths("\u{FE0F}\u{301}"),
        owned(&[("", 0), ("\u{301}", 0)])
    );
}

#[test]
fn every_piece_agrees_and_sources_tile_the_grapheme() {
    for g in [
        "a🏽🏽🏽",
        "👨\u{200D}👩\u{200D}👧\u{200D}👦",
        "🏳\u{FE0F}\u{200D}🌈",
        "\u{2764}\u{FE0F}",
        "1\u{FE0F}\u{20E3}",
        "#\u{FE0F}\u{20E3}",
        "🧑\u{200D}🚀",
        "\u{2018}\u{FE01}",
    ] {
        let p = split(5, g);
        let mut at = 5;
        for piece in &p {
            assert_eq!(piece.range.start, at, "{g:?}");
            at = piece.range.end;
            assert!(agrees(&piece.text), "{piece:?}");
            assert_eq!(piece.width, cell_width(&piece.text), "{piece:?}");
        }
        assert_eq!(at, 5 + g.len(), "{g:?}");
    }
}
