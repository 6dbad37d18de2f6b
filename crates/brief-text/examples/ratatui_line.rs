//! An Arabic sentence with English in it, laid out by brief-text and drawn by ratatui into
//! a `Buffer` (no terminal needed), then printed row by row between bars.
//!
//! Run: `cargo run -p brief-text --example ratatui_line --features ratatui`

use brief_text::widget::{BidiText, styled_visual_line};
use brief_text::{LayoutOptions, layout, sanitize};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

/// "The ratatui library draws Arabic text correctly in the terminal." then an English
/// paragraph that quotes an Arabic word ("peace").
const TEXT: &str = "مكتبة ratatui ترسم النص العربي بشكل صحيح في الطرفية.\n\
                    The Arabic word سلام means peace.";

fn main() {
    let width: u16 = 24;

    // The widget: lays the text out at the area's width and draws each line.
    let mut buf = Buffer::empty(Rect::new(0, 0, width, 5));
    BidiText::new(TEXT).render(buf.area, &mut buf);
    println!("BidiText, {width} columns:");
    print_rows(&buf);

    // The conversion: lay out yourself, then draw each line as a ratatui `Line`, here with
    // the word "ratatui" in bold wherever the reordering puts it.
    let sanitized = sanitize(TEXT);
    let name = sanitized
        .text
        .find("ratatui")
        .map(|at| at..at + "ratatui".len());
    let options = LayoutOptions {
        width: usize::from(width),
        ..LayoutOptions::default()
    };
    let lines = layout(&sanitized.text, &options);
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    for (y, line) in (0..height).zip(&lines) {
        let bold = |glyph: &brief_text::Glyph| match &name {
            Some(name) if glyph.overlaps(name) => Style::new().add_modifier(Modifier::BOLD),
            _ => Style::default(),
        };
        styled_visual_line(line, bold).render(Rect::new(0, y, width, 1), &mut buf);
    }
    let rtl = lines.iter().filter(|l| l.rtl).count();
    println!("visual_line, {} lines ({rtl} right to left):", lines.len());
    print_rows(&buf);
    let bold: Vec<String> = buf
        .content()
        .iter()
        .enumerate()
        .filter(|(_, cell)| cell.modifier.contains(Modifier::BOLD))
        .map(|(i, cell)| {
            format!(
                "{}@{},{}",
                cell.symbol(),
                i % usize::from(width),
                i / usize::from(width)
            )
        })
        .collect();
    println!("bold cells (symbol@column,row): {}", bold.join(" "));
}

/// Each row's cells, between bars that show the area's edges.
fn print_rows(buf: &Buffer) {
    for y in buf.area.top()..buf.area.bottom() {
        let row: String = (buf.area.left()..buf.area.right())
            .filter_map(|x| buf.cell((x, y)))
            .map(|cell| cell.symbol())
            .collect();
        println!("|{row}|");
    }
}
