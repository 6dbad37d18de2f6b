//! Fields as the reader gets them: empty, narrow, highlighted, with bidi controls or
//! marks, joined on one row.

use super::*;

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
