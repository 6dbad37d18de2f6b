//! Drawing the whole screen from the state; nothing here changes the state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Screen};
use super::layout::{MIN_HEIGHT, MIN_WIDTH, split_status, too_small};
use super::panes::PaneId;
use super::reader::Reader;
use super::view::{Mark, PaneFrame, draw_row};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            let needed = format!("terminal too small: needs {MIN_WIDTH}×{MIN_HEIGHT}");
            Paragraph::new(needed)
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        }
        let (main, status) = split_status(area);
        if let Some(scroll) = self.help {
            super::help::render(self, scroll, main, buf);
        } else {
            match (self.screen, &self.reader) {
                (Screen::Briefing, Some(reader)) => self.render_briefing(reader, area, buf),
                _ => self
                    .library_view
                    .render(&self.library, area, buf, &self.theme),
            }
        }
        self.render_status(status, buf);
    }
}

impl App {
    fn render_briefing(&self, reader: &Reader, area: Rect, buf: &mut Buffer) {
        let rects = reader.rects(area);
        for pane in PaneId::ALL {
            let Some(rect) = rects[pane.index()] else {
                continue;
            };
            let marks = self.marks(reader, pane);
            let view = reader.views[pane.index()];
            let filtered = pane == PaneId::Quotes && reader.actor_filter.is_some();
            let title = format!(
                "{} {}{}",
                pane.index() + 1,
                pane.title(),
                if filtered { " (filtered)" } else { "" }
            );
            PaneFrame {
                title,
                focused: pane == reader.focus,
                text: &reader.texts[pane.index()],
                scroll: view.scroll,
                selected: pane.selectable().then_some(view.selected),
                marks: &marks,
                theme: &self.theme,
            }
            .render(rect, buf);
        }
    }

    /// Search matches in this pane, plus in the body the filtered actor's names and the
    /// quotation found with Enter.
    fn marks(&self, reader: &Reader, pane: PaneId) -> Vec<Mark> {
        let theme = &self.theme;
        let mut marks: Vec<Mark> = self
            .search
            .matches
            .iter()
            .enumerate()
            .filter(|(_, m)| m.pane == pane)
            .map(|(index, m)| Mark {
                field: m.field,
                range: m.range.clone(),
                style: if Some(index) == self.search.current {
                    theme.current_match
                } else {
                    theme.matched
                },
            })
            .collect();
        if pane == PaneId::Body {
            let actor = reader.actor_marks.iter().map(|(field, range)| Mark {
                field: *field,
                range: range.clone(),
                style: theme.actor_mark,
            });
            let quote = reader.quote_mark.iter().map(|(field, range)| Mark {
                field: *field,
                range: range.clone(),
                style: theme.actor_mark,
            });
            marks.extend(actor.chain(quote));
        }
        marks
    }

    fn render_status(&self, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
        buf.set_style(area, theme.status);
        let right = match (&self.reader, self.screen) {
            // The prompt gets the whole line: what is typed matters most.
            _ if self.search.prompt.is_some() => String::new(),
            (Some(reader), Screen::Briefing) => {
                let position = format!("{}/{}", reader.index + 1, self.library.briefings.len());
                match self.search.status() {
                    Some(search) => format!(" {search} · {position} "),
                    None if area.width < 60 || self.message.is_some() => format!(" {position} "),
                    None => format!(" {position} · ? help "),
                }
            }
            _ if area.width < 60 => format!(" {} ", super::library::short_counts(&self.library)),
            _ => format!(" {} · ? help ", super::library::counts(&self.library)),
        };
        let right_width = u16::try_from(right.chars().count())
            .unwrap_or(u16::MAX)
            .min(area.width);
        let left_width = area.width.saturating_sub(right_width);
        if let Some(row) = &self.search.prompt_row {
            let style = theme.status.patch(theme.prompt);
            buf.set_string(area.x, area.y, "/", style);
            let text_area = Rect {
                x: area.x + 1,
                width: left_width.saturating_sub(2),
                ..area
            };
            draw_row(buf, text_area, row, style, &[]);
            let cursor = text_area.x
                + u16::try_from(row.line.width)
                    .unwrap_or(0)
                    .min(text_area.width);
            buf.set_string(cursor, area.y, "▏", style);
        } else if let Some(message) = &self.message {
            buf.set_stringn(
                area.x,
                area.y,
                message,
                usize::from(left_width),
                theme.status,
            );
        }
        buf.set_stringn(
            area.x + left_width,
            area.y,
            right,
            usize::from(right_width),
            theme.status,
        );
    }
}
