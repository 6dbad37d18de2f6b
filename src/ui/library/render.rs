//! Drawing the library: the list of entries in its border, and the selected one's detail.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::entry::{
    CLASS_AT, CLASS_WIDTH, Entry, EntryRow, LANG_AT, LIST_SELECTABLE, has_columns, title_width,
};
use super::review::COLUMN_WIDTH;
use super::view::{LibraryView, areas};
use crate::briefing::{Library, LibraryEntry};
use crate::ui::border::Border;
use crate::ui::count::thousands;
use crate::ui::layout::{inner_height, text_area};
use crate::ui::theme::Theme;
use crate::ui::view::{PaneFrame, draw_row};

impl LibraryView {
    pub fn render(&self, library: &Library, area: Rect, buf: &mut Buffer, theme: &Theme) {
        let (list, detail) = areas(area);
        let inner = Border::inner(list);
        self.list_block(library, list, theme).render(list, buf);
        self.render_rows(library, inner, buf, theme);
        self.render_detail(library, detail, buf, theme);
    }

    /// The list's border: the counts on top, and the position below when not all fit.
    fn list_block(&self, library: &Library, list: Rect, theme: &Theme) -> Border<'static> {
        let (border, title) = match self.detail_view.focused {
            true => (theme.border, theme.title),
            false => (theme.border_focused, theme.title_focused),
        };
        let block = Border::new(Line::styled(self.title(library), title)).style(border);
        let count = self.shown_len();
        if count <= inner_height(list) {
            return block;
        }
        let position = format!(" {}/{} ", thousands(self.position() + 1), thousands(count));
        block.bottom(Line::styled(position, title).right_aligned())
    }

    /// The rows in view, one entry each, inside the list's border: the selection marker in
    /// the gutter, the entry after it.
    fn render_rows(&self, library: &Library, inner: Rect, buf: &mut Buffer, theme: &Theme) {
        let mut text = text_area(inner, LIST_SELECTABLE);
        let column = self.review.is_on().then_some(text.x);
        if column.is_some() {
            let width = cells(COLUMN_WIDTH);
            text.x = text.x.saturating_add(width);
            text.width = text.width.saturating_sub(width);
        }
        if self.filter.is_some() && self.shown_len() == 0 {
            let notice = "no briefing matches the filter: / changes it, Esc clears it";
            buf.set_stringn(text.x, text.y, notice, usize::from(text.width), theme.dim);
            return;
        }
        let columns = has_columns(usize::from(text.width));
        let visible = (self.scroll..).map_while(|p| self.entry_at(p));
        let height = self.entry_height();
        let rows = (text.y..text.bottom()).step_by(height);
        for (index, y) in visible.take(usize::from(text.height) / height).zip(rows) {
            // Rows in view are laid out by `select`; `None` only before the first size.
            let Some((entry, row)) = self
                .entries
                .get(index)
                .and_then(|entry| Some((entry, entry.row.as_ref()?)))
            else {
                continue;
            };
            let selected = index == self.selected;
            if selected {
                buf.set_string(inner.x, y, "▌", theme.selected);
            } else if library
                .listings
                .get(index)
                .is_some_and(|l| !l.warnings.is_empty())
            {
                // Loaded with warnings: the selected entry's detail lists them.
                buf.set_string(inner.x, y, "⚠", theme.error);
            }
            let line = Rect {
                y,
                height: 1,
                ..text
            };
            // A file that failed to load has no marks.
            if let Some(x) = column.filter(|_| !entry.failed) {
                self.draw_column(buf, x, y, library.path(index), selected, theme);
            }
            draw_entry(buf, line, entry, row, selected, columns, theme);
            if let Some(snippet) = entry.snippet.as_ref().filter(|_| height > 1) {
                let width = cells(title_width(usize::from(line.width), false));
                let cell = Rect {
                    x: line.right().saturating_sub(width),
                    y: y + 1,
                    width,
                    height: 1,
                };
                draw_row(buf, cell, &snippet.row, theme.dim, &snippet.marks, theme);
            }
        }
    }

    /// The state column of the entry at `path`: its symbols in the first three cells, the
    /// new and flagged ones stressed.
    fn draw_column(
        &self,
        buf: &mut Buffer,
        x: u16,
        y: u16,
        path: Option<&std::path::Path>,
        selected: bool,
        theme: &Theme,
    ) {
        let Some(path) = path else {
            return;
        };
        let base = if selected {
            theme.selected
        } else {
            Style::new()
        };
        for (at, symbol) in (0u16..).zip(self.review.column(path)) {
            let style = match at {
                0 if self.review.is_new(path) => base.patch(theme.title_focused),
                0 => base.patch(theme.dim),
                1 => base.patch(theme.error),
                _ => base,
            };
            buf.set_string(x.saturating_add(at), y, symbol, style);
        }
    }

    /// The selected entry's summary, or its error when it failed to load.
    fn render_detail(&self, library: &Library, detail: Rect, buf: &mut Buffer, theme: &Theme) {
        // An empty library (still loading, or a folder with nothing) has no error to show.
        let title = match library.entry(self.selected) {
            Some(LibraryEntry::Failed(_)) => "Error".to_owned(),
            Some(LibraryEntry::Listed(listing)) if !listing.warnings.is_empty() => format!(
                "Summary · ⚠ {} (Tab)",
                crate::ui::count::plural(listing.warnings.len(), "warning")
            ),
            Some(LibraryEntry::Listed(_)) | None => "Summary".to_owned(),
        };
        PaneFrame {
            title,
            focused: self.detail_view.focused,
            text: &self.detail,
            scroll: self.detail_view.scroll,
            selected: None,
            marks: &[],
            theme,
        }
        .render(detail, buf);
    }
}

/// Draws one entry's `row` in `line` (one row high, after the selection gutter): the
/// date, classification and language when `columns` (a failed entry keeps its date, which
/// says so), then the headline in the width `title_width` laid it out at.
fn draw_entry(
    buf: &mut Buffer,
    line: Rect,
    entry: &Entry,
    row: &EntryRow,
    selected: bool,
    columns: bool,
    theme: &Theme,
) {
    let style = entry_style(entry, selected, theme);
    let y = line.y;
    let at = |offset: usize| line.x.saturating_add(cells(offset));
    if columns || entry.failed {
        let date_style = if entry.failed {
            style
        } else {
            style.patch(theme.dim)
        };
        buf.set_string(line.x, y, &row.date, date_style);
    }
    if columns {
        let cell = Rect {
            x: at(CLASS_AT),
            y,
            width: cells(CLASS_WIDTH),
            height: 1,
        };
        draw_row(buf, cell, &row.class, style.patch(theme.error), &[], theme);
        buf.set_string(at(LANG_AT), y, &row.lang, style.patch(theme.dim));
    }
    let width = cells(title_width(usize::from(line.width), entry.failed));
    let cell = Rect {
        x: line.right().saturating_sub(width),
        y,
        width,
        height: 1,
    };
    draw_row(buf, cell, &row.title, style, &[], theme);
}

fn cells(width: usize) -> u16 {
    u16::try_from(width).unwrap_or(u16::MAX)
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
