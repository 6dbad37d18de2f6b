//! The engine's lines in a ratatui application (feature `ratatui`): a laid-out line as a
//! `ratatui::text::Line`, and `BidiText`, a widget that lays a text out at the width of
//! the area it is drawn in.
//!
//! Each glyph becomes a span of its own: ratatui cuts a span into graphemes and measures
//! them itself, and a glyph is already what a cell holds, so one span per glyph keeps the
//! engine's cells (a flag cut into two pieces stays two cells, not one wide grapheme).

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::{Glyph, LayoutOptions, VisualLine, layout, sanitize};

/// `line` as a ratatui `Line`, right-aligned when it belongs to a right-to-left paragraph.
pub fn visual_line(line: &VisualLine) -> Line<'_> {
    styled_visual_line(line, |_| Style::default())
}

/// `visual_line` with each glyph styled by `style_of`, which can go by `Glyph::source` (a
/// byte range of the laid-out text): a highlighted word stays highlighted wherever the
/// reordering puts it.
pub fn styled_visual_line<'a>(
    line: &'a VisualLine,
    mut style_of: impl FnMut(&Glyph) -> Style,
) -> Line<'a> {
    // A glyph of width 0 has empty text (a hidden joiner or selector): nothing to draw.
    let spans = line
        .glyphs()
        .filter(|glyph| glyph.width > 0)
        .map(|glyph| Span::styled(glyph.text, style_of(&glyph)));
    let alignment = if line.rtl {
        Alignment::Right
    } else {
        Alignment::Left
    };
    Line::from_iter(spans).alignment(alignment)
}

/// Untrusted text drawn as the engine lays it out: sanitized, each paragraph ('\n')
/// in its own direction, wrapped at the area's width, one row per line from the top.
/// Rows past the area's height are not drawn; the style is the whole area's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BidiText<'a> {
    text: &'a str,
    options: LayoutOptions,
    style: Style,
}

impl<'a> BidiText<'a> {
    /// `text` (untrusted: it is sanitized) with the default options and no style.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            options: LayoutOptions::default(),
            style: Style::default(),
        }
    }

    /// Direction, fallback, shaping and mode; the width is always the area's.
    pub fn options(self, options: LayoutOptions) -> Self {
        Self { options, ..self }
    }

    /// The style of the whole area.
    pub fn style(self, style: Style) -> Self {
        Self { style, ..self }
    }
}

impl Widget for &BidiText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let options = LayoutOptions {
            width: usize::from(area.width),
            ..self.options
        };
        // The whole area takes the style, as with ratatui's `Paragraph`.
        buf.set_style(area, self.style);
        let sanitized = sanitize(self.text);
        let lines = layout(&sanitized.text, &options);
        for (y, line) in (area.top()..area.bottom()).zip(&lines) {
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            visual_line(line).render(row, buf);
        }
    }
}

impl Widget for BidiText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        (&self).render(area, buf);
    }
}

#[cfg(test)]
#[path = "widget_tests.rs"]
mod tests;
