//! The known traps, laid out through the public entry points. Expected visual strings
//! were checked against `fribidi --nobreak --clean --nopad --rtl` (shaped output) and by
//! eye (unshaped).

use super::*;

fn options(width: usize, direction: BaseDirection, shaping: bool) -> LayoutOptions {
    LayoutOptions {
        width,
        direction,
        shaping,
        ..LayoutOptions::default()
    }
}

fn plain(text: &str, o: &LayoutOptions) -> Vec<String> {
    layout(&sanitize(text).text, o)
        .iter()
        .map(VisualLine::to_plain)
        .collect()
}

fn unshaped(text: &str) -> String {
    plain(text, &options(usize::MAX, BaseDirection::Auto, false)).join("\n")
}

fn shaped(text: &str) -> String {
    plain(text, &options(usize::MAX, BaseDirection::Auto, true)).join("\n")
}

#[test]
fn lam_alef_and_the_reversed_article() {
    // Reversed "ال" is "لا", which unicode-width counts as one cell: it is two.
    let lines = layout("ال", &options(10, BaseDirection::Auto, false));
    assert_eq!(lines[0].to_plain(), "لا");
    assert_eq!(lines[0].width, 2);
    assert_eq!(lines[0].pad_left(10), 8);
    assert_eq!(unshaped("لا"), "ال");
    // Shaped, lam-alef is one cell standing for both letters.
    let lines = layout("لا", &options(10, BaseDirection::Auto, true));
    assert_eq!(lines[0].to_plain(), "\u{FEFB}");
    assert_eq!(
        (lines[0].width, lines[0].glyph(0).map(|g| g.source)),
        (1, Some(0..4))
    );
    assert_eq!(shaped("ال"), "\u{FEDD}\u{FE8D}");
}

#[test]
fn digits_and_the_arabic_comma() {
    assert_eq!(unshaped("عدد 123، و 45"), "45 و ،123 ددع");
    assert_eq!(shaped("عدد 123، و 45"), "45 ﻭ ،123 ﺩﺪﻋ");
    // Arabic-Indic digits are numbers too: they keep their order.
    assert_eq!(unshaped("العدد ١٢٣"), "١٢٣ ددعلا");
}

#[test]
fn brackets_and_guillemets_are_mirrored_in_arabic() {
    assert_eq!(unshaped("قال (مرحبا) «نص» ≤ 5"), "5 ≥ «صن» (ابحرم) لاق");
    assert_eq!(shaped("(أ) [ب] {ج} <د>"), "<ﺩ> {ﺝ} [ﺏ] (ﺃ)");
    // Not mirrored in logical mode: the terminal does that itself.
    let logical = LayoutOptions {
        mode: BidiMode::Logical,
        ..options(usize::MAX, BaseDirection::Auto, false)
    };
    assert_eq!(plain("قال (مرحبا)", &logical), ["قال (مرحبا)"]);
}

#[test]
fn a_latin_word_starting_a_line_of_an_rtl_paragraph() {
    let lines = layout("Linux هو نواة", &options(100, BaseDirection::Rtl, false));
    assert_eq!(lines[0].to_plain(), "ةاون وه Linux");
    assert!(lines[0].rtl);
    // Auto: the first strong character is Latin, so the paragraph is LTR.
    assert_eq!(unshaped("Linux هو نواة"), "Linux ةاون وه");
    // Wrapped: the second line starts with a Latin word, yet stays in the RTL paragraph.
    let text = "نظام التشغيل Linux 6.1 مستقر";
    let lines = layout(text, &options(14, BaseDirection::Auto, false));
    let got: Vec<(String, bool)> = lines.iter().map(|l| (l.to_plain(), l.rtl)).collect();
    let want = [("ليغشتلا ماظن", true), ("Linux 6.1", true), ("رقتسم", true)];
    assert_eq!(got, want.map(|(s, r)| (s.to_string(), r)));
    assert_eq!(lines[1].pad_left(14), 5);
}

#[test]
fn a_url_in_arabic_text_stays_whole_and_in_order() {
    assert_eq!(
        unshaped("زوروا https://example.com/a?b=1 الآن"),
        "نآلا https://example.com/a?b=1 اوروز"
    );
    assert_eq!(
        shaped("زوروا https://example.com/a?b=1 الآن"),
        "ﻥﻵﺍ https://example.com/a?b=1 ﺍﻭﺭﻭﺯ"
    );
}

#[test]
fn percentages_and_dates() {
    assert_eq!(unshaped("نسبة 50% في 2024/11/29"), "2024/11/29 يف %50 ةبسن");
    assert_eq!(
        shaped("بلغت النسبة \u{200E}-12.5%\u{200E} يوم 29-11-2026"),
        "2026-11-29 ﻡﻮﻳ -12.5% ﺔﺒﺴﻨﻟﺍ ﺖﻐﻠﺑ"
    );
}

#[test]
fn empty_and_whitespace_only_fields() {
    let empty = layout("", &options(10, BaseDirection::Auto, true));
    assert_eq!(empty, [VisualLine::default()]);
    let spaces = layout("   ", &options(10, BaseDirection::Rtl, true));
    assert_eq!((spaces.len(), spaces[0].width, spaces[0].rtl), (1, 3, true));
    let breaks = layout("\n\n", &options(10, BaseDirection::Auto, true));
    assert_eq!(breaks.len(), 3);
    assert!(breaks.iter().all(VisualLine::is_empty));
    // Wider than the line, spaces are cut to fit rather than overflow.
    assert_eq!(
        layout("      ", &options(2, BaseDirection::Auto, true))[0].width,
        2
    );
}

#[test]
fn width_one() {
    let text = "بَيتٌ جميلٌ 日本";
    let lines = layout(text, &options(1, BaseDirection::Auto, true));
    assert!(lines.iter().all(|l| l.width <= 1 && l.len() <= 1));
    let sources: Vec<_> = lines
        .iter()
        .flat_map(VisualLine::glyphs)
        .map(|g| g.source)
        .collect();
    // Every grapheme except the space dropped at a break, each once, in order.
    let words: String = sources.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(words, "بَيتٌجميلٌ日本");
    // A wide character that cannot fit even alone is shown as one cell.
    assert_eq!(
        lines.last().map(VisualLine::to_plain).as_deref(),
        Some("\u{2026}")
    );
}

#[test]
fn harakat_stay_after_their_letter() {
    assert_eq!(unshaped("بَيتٌ"), "تٌيبَ");
    assert_eq!(shaped("بَيتٌ"), "\u{FE96}\u{064C}\u{FEF4}\u{FE91}\u{064E}");
}

#[test]
fn sources_map_glyphs_back_for_highlighting() {
    let s = sanitize("a\u{1b}b\nسلام world");
    let lines = layout(&s.text, &options(usize::MAX, BaseDirection::Auto, true));
    let match_range = s.text.len() - 5..s.text.len();
    assert_eq!(&s.text[match_range.clone()], "world");
    let lit: String = lines[1]
        .glyphs()
        .filter(|g| g.overlaps(&match_range))
        .map(|g| g.text)
        .collect();
    assert_eq!(lit, "world");
    assert_eq!(lines[0].to_plain(), "a\u{241B}b");
}

#[test]
fn overrides_act_only_inside_their_paragraph() {
    let s = sanitize("\u{202E}abc\nabc");
    assert!(s.has_bidi_controls);
    let lines = layout(&s.text, &LayoutOptions::default());
    assert_eq!(lines[0].to_plain(), "cba");
    assert_eq!(lines[1].to_plain(), "abc");
    assert!(!has_bidi_controls("abc"));
    // The control itself never reaches the terminal, in either mode.
    let logical = LayoutOptions {
        mode: BidiMode::Logical,
        ..LayoutOptions::default()
    };
    assert_eq!(layout(&s.text, &logical)[0].to_plain(), "abc");
}

#[test]
fn fallback_direction_for_paragraphs_without_strong_characters() {
    let o = LayoutOptions {
        fallback: BaseDirection::Rtl,
        ..LayoutOptions::default()
    };
    let lines = layout("123 - 456\nabc", &o);
    assert!(lines[0].rtl);
    assert_eq!(lines[0].to_plain(), "456 - 123");
    assert!(!lines[1].rtl);
}

#[test]
fn fields_joined_on_a_row_are_laid_out_each_as_if_alone() {
    let parts = [
        "2025-03-01",
        "LOCATION \u{202D}الباعورnoitacol",
        "NEXT SOURCE INTACT!",
    ];
    let parts: Vec<Sanitized> = parts.iter().map(|p| sanitize(p)).collect();
    let joined = join_isolated(&parts, " · ", BaseDirection::Rtl);
    assert!(joined.has_bidi_controls);
    let o = options(usize::MAX, BaseDirection::Rtl, false);
    let row = layout(&joined.text, &o)[0].to_plain();
    assert_eq!(
        row,
        "!NEXT SOURCE INTACT · LOCATION الباعورnoitacol · 2025-03-01"
    );
    // Plain joining lets the "!" resolve against the next field: the reason for isolates.
    let plain: Vec<&str> = parts.iter().map(|p| p.text.as_str()).collect();
    let row = layout(&plain.join(" · "), &o)[0].to_plain();
    assert!(!row.contains("!NEXT SOURCE INTACT"), "{row}");
    // Joined fields never add the Trojan Source flag by themselves.
    assert!(!join_isolated(&parts[..1], " · ", BaseDirection::Auto).has_bidi_controls);
}

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

#[test]
fn logical_mode_keeps_bidi_marks_in_a_cell_for_the_terminal() {
    // "a" LRM "b" and a leading RLM: the terminal that reorders needs the marks, and a
    // glyph of width 0 would never be drawn, so each mark rides in a neighbour's cell.
    let text = "\u{200F}x a\u{200E}b";
    let options = LayoutOptions {
        width: 80,
        mode: BidiMode::Logical,
        ..LayoutOptions::default()
    };
    let lines = layout(text, &options);
    let glyphs: Vec<(&str, usize, std::ops::Range<usize>)> = lines[0]
        .glyphs()
        .map(|g| (g.text, g.width, g.source))
        .collect();
    assert_eq!(
        glyphs,
        [
            ("\u{200F}x", 1, 0..4),
            (" ", 1, 4..5),
            ("a\u{200E}", 1, 5..9),
            ("b", 1, 9..10),
        ]
    );
    assert_eq!(lines[0].to_plain(), text);
}
