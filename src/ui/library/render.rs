//! Drawing the library: the list of entries in its border, and the selected one's detail.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::entry::{CLASS_WIDTH, COLUMNS_FROM, DATE_WIDTH, Entry, LANG_WIDTH};
use super::view::{LibraryView, areas};
use crate::briefing::{Library, LibraryEntry};
use crate::ui::count::thousands;
use crate::ui::layout::inner_height;
use crate::ui::theme::Theme;
use crate::ui::view::{PaneFrame, draw_row};

impl LibraryView {
    pub fn render(&self, library: &Library, area: Rect, buf: &mut Buffer, theme: &Theme) {
        let (list, detail) = areas(area);
        let block = self.list_block(library, list, theme);
        let inner = block.inner(list);
        block.render(list, buf);
        self.render_rows(inner, buf, theme);
        self.render_detail(library, detail, buf, theme);
    }

    /// The list's border: the counts on top, and the position below when not all fit.
    fn list_block(&self, library: &Library, list: Rect, theme: &Theme) -> Block<'static> {
        let block = Block::bordered()
            .border_style(theme.border_focused)
            .title(Line::styled(self.title(library), theme.title_focused));
        let count = self.shown_len();
        if count <= inner_height(list) {
            return block;
        }
        let position = format!(" {}/{} ", thousands(self.position() + 1), thousands(count));
        block.title_bottom(Line::styled(position, theme.title_focused).right_aligned())
    }

    /// The rows in view, one entry each, inside the list's border.
    fn render_rows(&self, inner: Rect, buf: &mut Buffer, theme: &Theme) {
        let columns = usize::from(inner.width.saturating_sub(1)) >= COLUMNS_FROM;
        if self.filter.is_some() && self.shown_len() == 0 {
            let notice = "no briefing matches the filter: / changes it, Esc clears it";
            buf.set_stringn(
                inner.x + 1,
                inner.y,
                notice,
                usize::from(inner.width.saturating_sub(1)),
                theme.dim,
            );
            return;
        }
        let visible = (self.scroll..).map_while(|p| self.entry_at(p));
        for (index, y) in visible.take(usize::from(inner.height)).zip(inner.y..) {
            let Some(entry) = self.entries.get(index) else {
                continue;
            };
            let line = Rect {
                y,
                height: 1,
                ..inner
            };
            draw_entry(buf, line, entry, index == self.selected, columns, theme);
        }
    }

    /// The selected entry's summary, or its error when it failed to load.
    fn render_detail(&self, library: &Library, detail: Rect, buf: &mut Buffer, theme: &Theme) {
        // An empty library (still loading, or a folder with nothing) has no error to show.
        let title = match library.entry(self.selected) {
            Some(LibraryEntry::Failed(_)) => "Error",
            Some(LibraryEntry::Loaded(_)) | None => "Summary",
        };
        PaneFrame {
            title: title.into(),
            focused: false,
            text: &self.detail,
            scroll: 0,
            selected: None,
            marks: &[],
            theme,
        }
        .render(detail, buf);
    }
}

/// Draws one entry's row in `line` (one row high): the selection marker, then the date,
/// classification and language when `columns` (a failed entry keeps its date, which says
/// so), then the headline in what width is left.
fn draw_entry(
    buf: &mut Buffer,
    line: Rect,
    entry: &Entry,
    selected: bool,
    columns: bool,
    theme: &Theme,
) {
    // Rows in view are laid out by `select`; `None` only before the first size.
    let Some(row) = &entry.row else {
        return;
    };
    let style = entry_style(entry, selected, theme);
    let y = line.y;
    if selected {
        buf.set_string(line.x, y, "▌", theme.selected);
    }
    let mut x = line.x + 1;
    if columns || entry.failed {
        let date_style = if entry.failed {
            style
        } else {
            style.patch(theme.dim)
        };
        buf.set_string(x, y, &entry.date, date_style);
        x += DATE_WIDTH as u16 + 1;
    }
    if columns {
        let cell = Rect {
            x,
            y,
            width: CLASS_WIDTH as u16,
            height: 1,
        };
        draw_row(buf, cell, &row.class, style.patch(theme.error), &[]);
        x += CLASS_WIDTH as u16 + 1;
        buf.set_string(x, y, &entry.lang, style.patch(theme.dim));
        x += LANG_WIDTH as u16 + 1;
    }
    let cell = Rect {
        x,
        y,
        width: line.right().saturating_sub(x),
        height: 1,
    };
    draw_row(buf, cell, &row.title, style, &[]);
}

/// A row's base style: failed entries in the error colour, the selected one highlighted.
fn entry_style(entry: &Entry, selected: bool, theme: &Theme) -> Style {
    let style = if entry.failed {
        theme.error
    } else {
        Style::new()
    };
    if selected {
        style.patch(theme.selected)
    } else {
        style
    }
}
