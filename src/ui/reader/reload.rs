//! The open briefing's file changed on disk: the new text takes its place with the same
//! pane focused, the same zoom and view, and each pane where it was.

use super::open::OpenBriefing;
use super::panes::PaneId;
use super::screen::BriefingScreen;
use crate::briefing::Briefing;
use crate::ui::outcome::Context;

impl BriefingScreen {
    /// Shows `briefing`, library entry `index`, in place of the open one, which its file
    /// held before: each pane keeps its scroll and selection as far as the new text
    /// reaches, the actor filter stays while the actor is there, and the search (and its
    /// prompt, if open) is found again in the new text.
    pub fn reload(&mut self, briefing: &Briefing, index: usize, cx: Context<'_>) {
        let Some(before) = self.reader.take() else {
            return self.open(briefing, index, cx);
        };
        let prompt = self.search.prompt.take();
        let current = self.search.current;
        let mut reader = OpenBriefing::open(briefing, index, before.view);
        reader.focus = before.focus;
        reader.zoom = before.zoom;
        let actor = before.actor_filter.filter(|&a| a < briefing.actors.len());
        if actor.is_some() {
            reader.filter_by_actor(briefing, actor);
        }
        reader.relayout(cx.area, cx.engine);
        for pane in PaneId::ALL {
            reader.panes[pane].view = before.panes[pane].view;
            reader.clamp(pane, cx.area);
        }
        self.reader = Some(reader);
        self.refresh_search(cx);
        // The match that was current stays so when the new text has as many.
        if current.is_some_and(|c| c < self.search.matches.len()) {
            self.search.current = current;
            self.marks_changed(cx);
        }
        self.search.prompt = prompt;
    }
}
