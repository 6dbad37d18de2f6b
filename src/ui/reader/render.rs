//! Drawing the open briefing: each pane shown, in its frame; nothing here changes state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::panes::PaneId;
use super::screen::BriefingScreen;
use crate::ui::theme::Theme;
use crate::ui::view::PaneFrame;

impl BriefingScreen {
    /// Draws the panes; `false` when no briefing is open to draw.
    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Theme) -> bool {
        let Some(reader) = self.reader.as_ref() else {
            return false;
        };
        for (pane, rect) in reader.rects(area) {
            let Some(rect) = rect else {
                continue;
            };
            let state = reader.pane(pane);
            let filtered = pane == PaneId::Quotes && reader.actor_filter.is_some();
            let languages = reader.languages.as_deref().map(|l| format!(" · {l}"));
            let title = format!(
                "{} {}{}{}",
                pane.index() + 1,
                pane.title(),
                if filtered { " (filtered)" } else { "" },
                languages.unwrap_or_default()
            );
            PaneFrame {
                title,
                focused: pane == reader.focus,
                text: &state.text,
                scroll: state.view.scroll,
                selected: pane.selectable().then_some(state.view.selected),
                marks: &state.marks,
                theme,
            }
            .render(rect, buf);
        }
        true
    }
}
