//! `t` and `T` on the briefing screen: the original, a translation or both, and which
//! translation; each pane stays at the piece of the briefing it showed.

use ratatui::layout::Rect;

use super::open::{OpenBriefing, pane_states};
use super::panes::PaneId;
use super::panes::translation::TextView;
use super::screen::BriefingScreen;
use crate::briefing::{Briefing, Unit};
use crate::ui::content::{Engine, PaneText};
use crate::ui::outcome::{Context, Outcome};

impl BriefingScreen {
    /// `t` (or `T` for `next`): shows the briefing in its next view and says which.
    pub(super) fn change_view(&mut self, next: bool, cx: Context<'_>) -> Outcome {
        let Some(loaded) = self.reader.as_ref().and(cx.open) else {
            return Outcome::default();
        };
        let briefing = &loaded.briefing;
        if briefing.translations.is_empty() {
            return Outcome::saying("this briefing has no translation");
        }
        let Some(reader) = self.reader.as_mut() else {
            return Outcome::default();
        };
        let view = if next {
            reader.view.next_translation(briefing)
        } else {
            reader.view.cycled(briefing)
        };
        reader.set_view(briefing, view, cx.area, cx.engine);
        let message = describe(briefing, view);
        self.refresh_search(cx);
        Outcome::saying(message)
    }
}

/// What the status line says of a view: `translation: en (2 of 3), by …`.
fn describe(briefing: &Briefing, view: TextView) -> String {
    let Some(index) = view.translation() else {
        return "the original".to_owned();
    };
    let Some(translation) = briefing.translations.get(index) else {
        return "the original".to_owned();
    };
    let how = match view {
        TextView::SideBySide(_) => "side by side with",
        _ => "translation:",
    };
    let count = briefing.translations.len();
    let which = if count > 1 {
        format!(" ({} of {count})", index + 1)
    } else {
        String::new()
    };
    format!("{how} {}{which}", translation.language)
}

impl OpenBriefing {
    /// Shows `view` of `briefing`: every pane built again, the actor filter kept, and each
    /// pane scrolled to the piece of the briefing that was at its top.
    pub(super) fn set_view(
        &mut self,
        briefing: &Briefing,
        view: TextView,
        area: Rect,
        engine: Engine,
    ) {
        let tops = PaneId::ALL.map(|pane| {
            let state = &mut self.panes[pane];
            top_unit(&mut state.text, state.view.scroll)
        });
        let (panes, quotes_shown) = pane_states(briefing, view);
        for (pane, mut state) in panes {
            state.view.selected = self.panes[pane].view.selected;
            self.panes[pane] = state;
        }
        self.quotes_shown = quotes_shown;
        self.view = view;
        self.languages = view.languages(briefing);
        self.quote_mark = None;
        if let Some(actor) = self.actor_filter {
            let selected = self.panes[PaneId::Quotes].view.selected;
            self.filter_by_actor(briefing, Some(actor));
            self.panes[PaneId::Quotes].view.selected = selected;
        }
        self.relayout(area, engine);
        for (pane, top) in PaneId::ALL.into_iter().zip(tops) {
            let text = &mut self.panes[pane].text;
            let row = top.and_then(|unit| first_row_of(text, unit));
            self.scroll_to(pane, row.unwrap_or(0), area);
        }
    }
}

/// The unit of the first field at or below row `scroll`.
fn top_unit(text: &mut PaneText, scroll: usize) -> Option<Unit> {
    text.find_from(scroll, |fields, row| {
        let field = row.field.or(row.beside.as_ref().and_then(|b| b.field))?;
        fields.get(field)?.unit
    })
}

fn first_row_of(text: &mut PaneText, unit: Unit) -> Option<usize> {
    let first_field = text.fields.iter().position(|f| f.unit == Some(unit))?;
    text.lay_out_field(first_field);
    let row = text.laid_rows().find(|(_, row)| {
        let field = row.field.or(row.beside.as_ref().and_then(|b| b.field));
        field
            .and_then(|f| text.fields.get(f))
            .is_some_and(|f| f.unit == Some(unit))
    });
    let row = row.map(|(at, _)| at);
    text.follow(0);
    row
}
