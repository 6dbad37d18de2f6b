//! Drawing the whole screen from the state; nothing here changes the state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::{App, Screen};
use crate::text::measure;
use crate::ui::content::{Piece, Row, fit_words, status_row};
use crate::ui::count::thousands;
use crate::ui::layout::{MIN_HEIGHT, MIN_WIDTH, prompt_text_area, split_status, too_small};
use crate::ui::prompt::Prompt;
use crate::ui::reader::review_row;
use crate::ui::view::draw_row;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            let needed = format!("terminal too small: needs {MIN_WIDTH}×{MIN_HEIGHT}");
            Paragraph::new(needed)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let (_, status) = split_status(area);
        if self.help.is_open() {
            self.help.render(&self.theme, area, buf);
        } else {
            let drawn =
                self.screen == Screen::Briefing && self.briefing.render(area, buf, &self.theme);
            if self.screen == Screen::Actors {
                self.actors.render(area, buf, &self.theme, self.engine);
            } else if !drawn {
                self.library_view
                    .render(&self.library, area, buf, &self.theme);
            }
        }
        self.render_status(status, buf);
    }
}

/// The prompt's cursor on the cell where the next letter appears: that cell in reverse
/// video when a letter is drawn there, a bar at the left of an empty one past the text.
fn draw_cursor(buf: &mut Buffer, text_area: Rect, prompt: &Prompt, style: Style) {
    let cell = u16::try_from(prompt.cursor_cell()).unwrap_or(u16::MAX);
    let x = text_area.x.saturating_add(cell.min(text_area.width));
    let past_text = prompt
        .row()
        .is_none_or(|row| prompt.cursor_cell() >= row.line.width);
    if past_text {
        buf.set_string(x, text_area.y, "▏", style);
    } else if let Some(cell) = buf.cell_mut((x, text_area.y)) {
        // The status line is itself reversed in some themes: the cursor turns it back.
        let cursor = match style.add_modifier.contains(Modifier::REVERSED) {
            true => style.remove_modifier(Modifier::REVERSED),
            false => style.add_modifier(Modifier::REVERSED),
        };
        cell.set_style(cursor);
    }
}

impl App {
    fn render_status(&self, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
        buf.set_style(area, theme.status);
        let (mut row, mut tail) = self.status_right(area.width);
        let width = usize::from(area.width);
        let message = self.message.as_deref().filter(|_| self.prompt().is_none());
        if let Some(message) = message {
            // What just happened matters more than the counts, which give way first, then
            // the search status.
            let room = width.saturating_sub(measure(message));
            if row.map_or(0, |r| r.line.width + 1) + measure(&tail) > room {
                tail = String::new();
            }
            if row.is_some_and(|r| r.line.width + 1 > room) {
                row = None;
            }
        }
        let row_width = row.map_or(0, |r| r.line.width + 1).min(width);
        let tail = fit_words(&tail, width - row_width);
        let right_width = u16::try_from(row_width + measure(&tail))
            .unwrap_or(u16::MAX)
            .min(area.width);
        let left_width = area.width.saturating_sub(right_width);
        if let Some(prompt) = self.prompt() {
            let style = theme.status.patch(theme.prompt);
            // The note's label is wider than `/`: the text starts after it.
            let label = if self.note.is_some() {
                super::NOTE_LABEL
            } else {
                "/"
            };
            buf.set_string(area.x, area.y, label, style);
            let skip = u16::try_from(label.len() - 1).unwrap_or(0);
            let text_area = prompt_text_area(Rect {
                x: area.x.saturating_add(skip),
                width: left_width.saturating_sub(skip),
                ..area
            });
            if let Some(row) = prompt.row() {
                draw_row(buf, text_area, row, style, &[], theme);
            }
            draw_cursor(buf, text_area, prompt, style);
        } else if let Some(message) = message {
            // Laid out by the engine like every status text, so that a path or a name in
            // another script reads in its order; our words read left to right.
            let message = fit_words(message, usize::from(left_width));
            if let Some(row) = status_row(&[Piece::Mark(&message)], self.engine) {
                let line = Rect {
                    width: left_width,
                    ..area
                };
                draw_row(buf, line, &row, theme.status, &[], theme);
            }
        } else if let Some(row) = self.review_row(usize::from(left_width)) {
            let line = Rect {
                width: left_width,
                ..area
            };
            draw_row(buf, line, &row, theme.status, &[], theme);
        }
        let right = Rect {
            x: area.x + left_width,
            width: right_width,
            ..area
        };
        self.draw_status_right(right, row, &tail, buf);
    }

    /// Who reviewed, flagged and noted the open briefing, when anyone did.
    fn review_row(&self, width: usize) -> Option<Row> {
        let reader = self
            .briefing
            .reader()
            .filter(|_| self.screen == Screen::Briefing)?;
        let path = self.library.path(reader.index())?;
        let review = self.library_view.review();
        let changed = review.changed_since_reviewed(path);
        review_row(review.marks(path)?, changed, width, self.engine)
    }

    /// `filter "…"` while the library screen shows a filtered list.
    fn library_filter_row(&self) -> Option<&Row> {
        let row = self.library_view.filter_row();
        row.filter(|_| self.screen == Screen::Library)
    }

    /// The right end of the status line: the search status, laid out in `update` since it
    /// holds the query, then text of our own (position, counts, help hint).
    fn status_right(&self, width: u16) -> (Option<&Row>, String) {
        let reader = self.briefing.reader();
        match (reader, self.screen) {
            // The prompt gets the line, but for what is wrong with the query typed, in at
            // most half of it: what is typed matters most.
            _ if self.prompt().is_some() => match &self.message {
                Some(message) if self.screen == Screen::Library => {
                    let most = usize::from(width / 2).saturating_sub(2);
                    (None, format!(" {} ", cut_to(message, most)))
                }
                _ => (None, String::new()),
            },
            (_, Screen::Actors) if width < 60 => (None, self.actors.status()),
            (_, Screen::Actors) => (None, format!("{}· Esc back ", self.actors.status())),
            (Some(reader), Screen::Briefing) => {
                let (at, of) = self.library_view.place_of(&self.library, reader.index());
                let warnings = self.library.listings.get(reader.index());
                let warnings = warnings.map_or(0, |listing| listing.warnings.len());
                let position = match warnings {
                    0 => format!("{}/{}", thousands(at), thousands(of)),
                    n => format!("⚠ {n} (w) · {}/{}", thousands(at), thousands(of)),
                };
                match &self.briefing.search().status_row {
                    Some(row) => (Some(row), format!(" · {position} ")),
                    None if width < 60 || self.message.is_some() => (None, format!(" {position} ")),
                    None => (None, format!(" {position} · ? help ")),
                }
            }
            _ if let Some(row) = self.library_filter_row() => {
                let tail = if width < 60 { " " } else { " · Esc clears " };
                (Some(row), tail.into())
            }
            _ if width < 60 => (
                None,
                format!(" {} ", self.library_view.short_counts(&self.library)),
            ),
            _ => (
                None,
                format!(" {} · ? help ", self.library_view.counts(&self.library)),
            ),
        }
    }

    /// A space, the laid-out `row` glyph by glyph, then `tail`, cut at the area's end.
    fn draw_status_right(&self, area: Rect, row: Option<&Row>, tail: &str, buf: &mut Buffer) {
        let style = self.theme.status;
        let mut x = area.x;
        if let Some(row) = row.filter(|_| area.width > 0) {
            buf.set_string(x, area.y, " ", style);
            let width = u16::try_from(row.line.width).unwrap_or(u16::MAX);
            let row_area = Rect {
                x: x + 1,
                width: width.min(area.width - 1),
                ..area
            };
            draw_row(buf, row_area, row, style, &[], &self.theme);
            x = x.saturating_add(1).saturating_add(width);
        }
        let room = area.right().saturating_sub(x);
        if room > 0 {
            buf.set_stringn(x, area.y, tail, usize::from(room), style);
        }
    }
}

/// `text` cut to `most` cells, with "…" when cut.
fn cut_to(text: &str, most: usize) -> String {
    if measure(text) <= most {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        if measure(&out) + measure(&c.to_string()) + 1 > most {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
