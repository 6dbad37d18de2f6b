//! `y` on the briefing screen: it copies what the focused pane is about, in logical order,
//! through the terminal (OSC 52), which brief cannot see arrive: the status says it was
//! sent.

use super::open::OpenBriefing;
use super::panes::{self, PaneId};
use super::screen::BriefingScreen;
use crate::ui::content::FieldKind;
use crate::ui::count::thousands;
use crate::ui::outcome::{Context, Outcome};

/// The end of every copy message: where the text went, and that brief only sent it.
const SENT: &str = "sent to the terminal's clipboard (OSC 52)";

impl BriefingScreen {
    /// `y`: on the headline pane a citation, on the quotes pane the selected quotation with
    /// its attribution (and its translation's words when a translation is shown), on the actors pane the selected actor, on the body and points
    /// panes the paragraph or point holding the current search match, else the one at the
    /// top of the pane.
    pub(super) fn copy(&self, cx: Context<'_>) -> Outcome {
        let (Some(reader), Some(loaded)) = (self.reader.as_ref(), self.loaded(cx)) else {
            return Outcome::default();
        };
        let briefing = &loaded.briefing;
        let (copy, what) = match reader.focus {
            PaneId::Actors => {
                let selected = reader.panes[PaneId::Actors].view.selected;
                let Some(actor) = briefing.actors.get(selected) else {
                    return Outcome::saying("no actor to copy");
                };
                let what = format!("actor {}", thousands(selected + 1));
                (panes::actors::copied(actor), what)
            }
            PaneId::Headline => (
                panes::headline::cited(briefing),
                "the headline with its source".to_owned(),
            ),
            PaneId::Quotes => {
                let selected = reader.panes[PaneId::Quotes].view.selected;
                let quote = reader.quotes_shown.get(selected);
                let Some(&index) = quote.filter(|&&q| q < briefing.quotes.len()) else {
                    return Outcome::saying("no quotation to copy");
                };
                let translation = reader.view.translation();
                let copied = panes::quotes::with_translation(briefing, index, translation);
                let what = format!("quotation {} with attribution", thousands(selected + 1));
                (copied, what)
            }
            pane @ (PaneId::Body | PaneId::Points) => match self.in_view(reader, pane) {
                Some(found) => found,
                None => return Outcome::saying("nothing to copy in this pane"),
            },
        };
        Outcome {
            message: Some(format!("copied {what}: {SENT}")),
            copy: Some(copy),
            go: None,
        }
    }

    /// The text of the field `pane` is about and what to call it: the one holding the
    /// current search match when it is in this pane, else the first at the top of the
    /// pane; none of our own notices.
    fn in_view(&self, reader: &OpenBriefing, pane: PaneId) -> Option<(String, String)> {
        let state = &reader.panes[pane];
        let current = self.search.current.and_then(|c| self.search.matches.get(c));
        let matched = current.filter(|m| m.pane == pane).map(|m| m.field);
        let briefing_text = |field: &usize| {
            state
                .text
                .fields
                .get(*field)
                .is_some_and(|f| f.kind != FieldKind::Notice)
        };
        let at_top = || {
            let rows = state.text.rows_from(state.view.scroll);
            rows.filter_map(|row| row.field).find(briefing_text)
        };
        let field = matched.filter(briefing_text).or_else(at_top)?;
        let field = state.text.fields.get(field)?;
        let kind = match (field.kind, pane) {
            (FieldKind::Heading, _) => "heading",
            (FieldKind::Summary, _) => "summary",
            (FieldKind::Lead, _) => "lead",
            (_, PaneId::Points) => "point",
            _ => "paragraph",
        };
        let place = match matched {
            Some(_) => "with the match",
            None => "at the top",
        };
        Some((field.text.text.clone(), format!("the {kind} {place}")))
    }
}

impl OpenBriefing {
    /// Lays `pane` out down to the first row at or below its top that shows a field of the
    /// briefing, which `y` copies when no match is in the pane.
    pub(super) fn lay_out_top_field(&mut self, pane: PaneId) {
        let state = &mut self.panes[pane];
        state.text.find_from(state.view.scroll, |fields, row| {
            let field = fields.get(row.field?)?;
            (field.kind != FieldKind::Notice).then_some(())
        });
        state.settle();
    }
}
