//! Drawing laid-out rows into the buffer, glyph by glyph at the cell the engine measured,
//! since ratatui's own measure of a line disagrees with its placement on reordered Arabic.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{BorderType, Widget};

use super::border::Border;
use super::cell_width::cell_width;
use super::content::{
    BULLET_WIDTH, COLUMN_GAP, FieldKind, PaneText, Row, RowCount, Side, column_widths, placement,
};
use super::count::thousands;
use super::layout::{inner_height, text_area};
use super::mark::Mark;
use super::theme::Theme;
use crate::text::Glyph;

/// The marks that can touch `row`: two binary searches on its field and the bytes its
/// glyphs stand for, so that a frame costs the same with 10 marks or 400,000.
fn row_marks<'m>(row: &Row, marks: &'m [Mark]) -> &'m [Mark] {
    let Some(field) = row.field else {
        return &[];
    };
    let sources = row.line.glyphs().map(|g| g.source);
    let (Some(start), Some(end)) = (
        sources.clone().map(|s| s.start).min(),
        sources.map(|s| s.end).max(),
    ) else {
        return &[];
    };
    // Without overlaps, ends are sorted as starts are.
    let first = marks.partition_point(|m| (m.field, m.range.end) <= (field, start));
    let rest = marks.get(first..).unwrap_or_default();
    let count = rest.partition_point(|m| (m.field, m.range.start) < (field, end));
    rest.get(..count).unwrap_or_default()
}

/// The mark a glyph is drawn in, among its row's (all of one field, in order).
fn mark_of<'m>(glyph: &Glyph, marks: &'m [Mark]) -> Option<&'m Mark> {
    let at = marks.partition_point(|m| m.range.end <= glyph.source.start);
    marks.get(at).filter(|m| glyph.overlaps(&m.range))
}

/// Draws `row` in `area`, and the row beside it in the right-hand column when it has one
/// (in the same style); `marks` are sorted by (field, start) and never overlap, and are
/// styled by `theme`.
pub fn draw_row(
    buf: &mut Buffer,
    area: Rect,
    row: &Row,
    base: Style,
    marks: &[Mark],
    theme: &Theme,
) {
    match &row.beside {
        Some(beside) => draw_pair(buf, area, [row, beside], [base, base], marks, theme),
        None => draw_line(buf, area, row, base, marks, theme),
    }
}

/// An original's row in the left column of `area` and its translation's in the right, each
/// in its own style, with a rule between them.
fn draw_pair(
    buf: &mut Buffer,
    area: Rect,
    [row, beside]: [&Row; 2],
    [base, beside_base]: [Style; 2],
    marks: &[Mark],
    theme: &Theme,
) {
    let (left, right) = column_widths(usize::from(area.width));
    let cells = |n: usize| u16::try_from(n).unwrap_or(u16::MAX);
    let original = Rect {
        width: cells(left),
        ..area
    };
    draw_line(buf, original, row, base, marks, theme);
    let rule = area.x.saturating_add(cells(left + COLUMN_GAP / 2));
    buf.set_string(rule, area.y, "│", theme.border);
    let translation = Rect {
        x: area.x.saturating_add(cells(left + COLUMN_GAP)),
        width: cells(right),
        ..area
    };
    draw_line(buf, translation, beside, beside_base, marks, theme);
}

fn draw_line(buf: &mut Buffer, area: Rect, row: &Row, base: Style, marks: &[Mark], theme: &Theme) {
    let width = usize::from(area.width);
    let left = usize::from(area.x);
    let right = left + width;
    if row.kind == FieldKind::Banner {
        // A banner spans the pane, not just its text, like a classification stamp.
        buf.set_style(area, base);
    }
    let place = placement(row, width);
    if let Some(side) = place.bullet.filter(|_| width > BULLET_WIDTH) {
        let x = match side {
            Side::Left => left + row.indent,
            Side::Right => right.saturating_sub(row.indent + BULLET_WIDTH),
        };
        put(buf, x, area.y, side.marker(), base);
    }
    let marks = row_marks(row, marks);
    let mut x = left + place.pad;
    for glyph in row.line.glyphs() {
        if x + glyph.width > right {
            break;
        }
        if glyph.width > 0 {
            let mark = mark_of(&glyph, marks);
            let style = mark.map_or(base, |m| base.patch(theme.mark(m.kind)));
            put(buf, x, area.y, glyph.text, style);
        }
        x += glyph.width;
    }
}

/// A glyph set as `Buffer::set_string` sets it. Most glyphs are one character, so one
/// grapheme: those are set directly, without segmenting the text into graphemes again,
/// which was a third of drawing a frame.
fn put(buf: &mut Buffer, x: usize, y: u16, text: &str, style: Style) {
    let Ok(x) = u16::try_from(x) else {
        return;
    };
    let mut chars = text.chars();
    let one = matches!((chars.next(), chars.next()), (Some(c), None) if !c.is_control());
    if one && put_one(buf, x, y, text, style) {
        return;
    }
    buf.set_string(x, y, text, style);
}

/// One character's glyph: nothing when it has no width or no room before the buffer's
/// right edge; else its cell, with the columns a wide one covers cleared. False when the
/// cell is outside the buffer (`set_string` says so).
fn put_one(buf: &mut Buffer, x: u16, y: u16, text: &str, style: Style) -> bool {
    let width = cell_width(text);
    if width == 0 || width > buf.area.right().saturating_sub(x) {
        return true;
    }
    let Some(cell) = buf.cell_mut((x, y)) else {
        return false;
    };
    cell.set_symbol(text).set_style(style);
    for covered in x + 1..x + width {
        if let Some(cell) = buf.cell_mut((covered, y)) {
            cell.reset();
        }
    }
    true
}

pub struct PaneFrame<'a> {
    pub title: String,
    pub focused: bool,
    pub text: &'a PaneText,
    pub scroll: usize,
    /// The selected item, in panes that have a selection.
    pub selected: Option<usize>,
    pub marks: &'a [Mark],
    pub theme: &'a Theme,
}

impl PaneFrame<'_> {
    /// The pane's border: thick with arrows round the title when focused, and the rows in
    /// view below when not all fit.
    fn block(&self, area: Rect) -> Border<'static> {
        let theme = self.theme;
        let (border_type, border_style, title_style, title) = if self.focused {
            (
                BorderType::Thick,
                theme.border_focused,
                theme.title_focused,
                format!("▶ {} ◀", self.title),
            )
        } else {
            (
                BorderType::Plain,
                theme.border,
                theme.title,
                format!(" {} ", self.title),
            )
        };
        let block = Border::new(Line::styled(title, title_style))
            .kind(border_type)
            .style(border_style);
        let inner_height = inner_height(area);
        let count = self.text.row_count();
        let total = count.value();
        if total <= inner_height {
            return block;
        }
        let last = (self.scroll + inner_height).min(total);
        // Rows not laid out yet are counted from the text's length: "about".
        let about = match count {
            RowCount::Exact(_) => "",
            RowCount::About(_) => "~",
        };
        let position = format!(
            " {}-{}/{about}{} ",
            thousands(self.scroll + 1),
            thousands(last),
            thousands(total)
        );
        block.bottom(Line::styled(position, title_style).right_aligned())
    }

    /// The rows in view inside the border, after the gutter that holds the selection marker
    /// in panes that have a selection.
    fn render_rows(&self, inner: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let selectable = self.selected.is_some();
        let text_area = text_area(inner, selectable);
        let rows = self
            .text
            .rows_from(self.scroll)
            .take(usize::from(inner.height));
        for (y, row) in (inner.y..).zip(rows) {
            let selected = selectable && row.item == self.selected;
            // A right-to-left item's gutter, and so its selection bar, is on its right.
            let rtl = selectable && self.text.item_is_rtl(row.item);
            let text_area = match rtl {
                true => Rect {
                    x: inner.x,
                    ..text_area
                },
                false => text_area,
            };
            if selected {
                let bar = match rtl {
                    true => text_area.right(),
                    false => inner.x,
                };
                buf.set_string(bar, y, "▌", theme.selected);
            }
            let style = |row: &Row| {
                let base = theme.field(row.kind);
                if selected {
                    base.patch(theme.selected)
                } else {
                    base
                }
            };
            let line = Rect {
                y,
                height: 1,
                ..text_area
            };
            match &row.beside {
                Some(beside) => {
                    let styles = [style(row), style(beside)];
                    draw_pair(buf, line, [row, beside], styles, self.marks, theme);
                }
                None => draw_line(buf, line, row, style(row), self.marks, theme),
            }
        }
    }
}

impl Widget for PaneFrame<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = Border::inner(area);
        self.block(area).render(area, buf);
        self.render_rows(inner, buf);
    }
}

#[cfg(test)]
mod put_tests {
    use proptest::prelude::*;
    use ratatui::style::{Color, Style};

    use super::*;

    /// One character each (and one of two), of every width and kind.
    const TEXTS: [&str; 10] = [
        "a", "ﺏ", "界", "\u{301}", "\u{7}", " ", "👍", "e\u{301}", "·", "\u{200f}",
    ];

    proptest! {
        #[test]
        fn a_glyph_is_set_as_set_string_sets_it(
            (width, height) in (1u16..12, 1u16..4),
            puts in prop::collection::vec((0u16..14, 0u16..4, 0..TEXTS.len(), any::<bool>()), 1..30),
        ) {
            let area = Rect::new(0, 0, width, height);
            let (mut ours, mut theirs) = (Buffer::empty(area), Buffer::empty(area));
            for (x, y, text, red) in puts {
                let style = if red { Style::new().fg(Color::Red) } else { Style::new() };
                if y >= height || x >= width {
                    continue;
                }
                put(&mut ours, usize::from(x), y, TEXTS[text], style);
                theirs.set_string(x, y, TEXTS[text], style);
            }
            prop_assert_eq!(ours, theirs);
        }
    }
}
