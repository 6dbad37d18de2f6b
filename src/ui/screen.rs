//! The screen as text: for snapshot tests and the README's capture.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::App;

/// Renders the app into a buffer of this size, as the terminal would show it.
pub fn render_buffer(app: &App, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    buf
}

/// One string per screen row; a wide character's second cell adds nothing.
pub fn buffer_lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut x = area.left();
            while x < area.right() {
                let cell = &buf[(x, y)];
                let symbol = cell.symbol();
                line.push_str(symbol);
                let width = unicode_width::UnicodeWidthStr::width(symbol).max(1);
                x += u16::try_from(width).unwrap_or(1);
            }
            line
        })
        .collect()
}
