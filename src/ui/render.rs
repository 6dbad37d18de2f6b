//! Drawing the whole screen from the state; nothing here changes the state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::app::{App, Screen};
use super::layout::{split_status, too_small};
use super::panes::PaneId;
use super::reader::Reader;
use super::view::{Mark, PaneFrame};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if too_small(area) {
            Paragraph::new("terminal too small")
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
                _ => self.library_view.render(&self.library, area, buf, &self.theme),
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
                style: if Some(index) == self.search.current { theme.current_match } else { theme.matched },
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
            (Some(reader), Screen::Briefing) => {
                let position = format!("{}/{}", reader.index + 1, self.library.briefings.len());
                match self.search.status() {
                    Some(search) => format!(" {search} · {position} "),
                    None => format!(" {position} · ? help "),
                }
            }
            _ => format!(" {} · ? help ", super::library::counts(&self.library)),
        };
        let right_width = u16::try_from(right.chars().count()).unwrap_or(u16::MAX).min(area.width);
        let left_width = area.width.saturating_sub(right_width);
        let left = match &self.search.prompt {
            Some(prompt) => format!("/{prompt}▏"),
            None => self.message.clone().unwrap_or_default(),
        };
        let left_style = if self.search.prompt.is_some() { theme.status.patch(theme.prompt) } else { theme.status };
        // The prompt shows what is typed in logical order: the end stays visible.
        let skip = left.chars().count().saturating_sub(usize::from(left_width));
        let shown: String = if self.search.prompt.is_some() { left.chars().skip(skip).collect() } else { left };
        buf.set_stringn(area.x, area.y, shown, usize::from(left_width), left_style);
        buf.set_stringn(area.x + left_width, area.y, right, usize::from(right_width), theme.status);
        let _ = Style::new();
    }
}
