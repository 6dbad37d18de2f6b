use ratatui::style::{Color, Modifier};

use super::*;
use crate::BaseDirection;

fn one_line(text: &str) -> VisualLine {
    let mut lines = layout(text, &LayoutOptions::default());
    assert_eq!(lines.len(), 1, "{text:?}");
    lines.remove(0)
}

fn rendered(line: Line<'_>, width: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
    line.render(buf.area, &mut buf);
    buf
}

/// What brief's own reader draws: each glyph at the cell the engine measured, after
/// `pad_left` cells.
fn placed_glyph_by_glyph(line: &VisualLine, width: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
    let mut x = line.pad_left(usize::from(width));
    for glyph in line.glyphs() {
        if glyph.width > 0 {
            let at = u16::try_from(x).unwrap_or(u16::MAX);
            buf.set_string(at, 0, glyph.text, Style::default());
        }
        x += glyph.width;
    }
    buf
}

#[test]
fn a_right_to_left_line_is_right_aligned_in_visual_order() {
    // "shalom world": the Hebrew word reads from the right edge, the English run sits to
    // its left in its own order.
    let line = one_line("שלום world");
    assert!(line.rtl);
    let buf = rendered(visual_line(&line), 12);
    assert_eq!(buf, Buffer::with_lines(["  world םולש"]));
}

#[test]
fn a_left_to_right_line_is_left_aligned() {
    let buf = rendered(visual_line(&one_line("hello שלום")), 12);
    assert_eq!(buf, Buffer::with_lines(["hello םולש  "]));
}

#[test]
fn styles_follow_the_source_wherever_reordering_puts_it() {
    let text = "שלום world";
    let world = text.find("world").unwrap_or_default()..text.len();
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let line = one_line(text);
    let styled = styled_visual_line(&line, |glyph| {
        if glyph.overlaps(&world) {
            bold
        } else {
            Style::default()
        }
    });
    let buf = rendered(styled, 12);
    let mut expected = Buffer::with_lines(["  world םולש"]);
    expected.set_style(Rect::new(2, 0, 5, 1), bold);
    assert_eq!(buf, expected);
}

#[test]
fn cells_are_those_the_engine_measured_for_hard_text() {
    for text in [
        "مرحبا بالعالم، لا إله",
        "بَيْتٌ (كبير) [12] «نص»",
        "family 👨\u{200D}👩\u{200D}👧 flag 🇱🇾 ok",
        "\u{064E}lone mark, 日本語, e\u{301}",
        "עברית 123 and English",
    ] {
        let line = one_line(text);
        for width in [line.width as u16, line.width as u16 + 7] {
            let buf = rendered(visual_line(&line), width);
            assert_eq!(
                buf,
                placed_glyph_by_glyph(&line, width),
                "{text:?} in {width}"
            );
        }
    }
}

#[test]
fn the_widget_wraps_at_the_area_width_and_aligns_each_paragraph() {
    // "shalom olam" (two words) then an English paragraph, in 5 columns and 4 rows.
    let text = "שלום עולם\nab cd";
    let mut buf = Buffer::empty(Rect::new(0, 0, 5, 4));
    BidiText::new(text).render(buf.area, &mut buf);
    assert_eq!(
        buf,
        Buffer::with_lines([" םולש", " םלוע", "ab cd", "     "])
    );
}

#[test]
fn the_widget_sanitizes_styles_and_stops_at_the_area() {
    let style = Style::new().fg(Color::Yellow);
    let forced_rtl = LayoutOptions {
        direction: BaseDirection::Rtl,
        ..LayoutOptions::default()
    };
    let widget = BidiText::new("a\u{1b}b\nc\nd")
        .options(forced_rtl)
        .style(style);
    let mut buf = Buffer::empty(Rect::new(0, 0, 4, 2));
    widget.render(buf.area, &mut buf);
    // ESC is shown as its control picture; forced RTL right-aligns; "d" has no row.
    let mut expected = Buffer::with_lines([" a␛b", "   c"]);
    expected.set_style(expected.area, style);
    assert_eq!(buf, expected);

    let mut empty = Buffer::empty(Rect::new(0, 0, 4, 0));
    BidiText::new("שלום").render(empty.area, &mut empty);
    assert_eq!(empty, Buffer::empty(Rect::new(0, 0, 4, 0)));
}
