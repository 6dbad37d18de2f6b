//! What each pane draws marked: search matches over the actor's names and the quotation
//! looked up, built in `update` once rather than on every frame.

use super::panes::{ByPane, PaneId};
use super::screen::BriefingScreen;
use crate::ui::mark::{Mark, MarkKind, overlay};
use crate::ui::matching::merge_overlaps;
use crate::ui::outcome::Context;

impl BriefingScreen {
    /// Re-finds the current query (the briefing or its quotes pane changed).
    pub(super) fn refresh_search(&mut self, cx: Context<'_>) {
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        if !self.search.query.is_empty() {
            for pane in PaneId::ALL {
                reader.panes[pane].text.normalize_for_search();
            }
        }
        let panes = reader
            .panes
            .iter()
            .map(|(pane, state)| (pane, state.text.fields.as_slice()));
        self.search.find_in(panes);
        self.marks_changed(cx);
    }

    /// After the matches, the actor filter or the quotation mark changed: each pane's marks
    /// and the status line.
    pub(super) fn marks_changed(&mut self, cx: Context<'_>) {
        self.search.layout_status(cx.engine);
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        let mut found: ByPane<Vec<Mark>> = ByPane::default();
        // Matches come in pane, field and text order, so each pane's list is sorted.
        for (index, m) in self.search.matches.iter().enumerate() {
            let current = Some(index) == self.search.current;
            found[m.pane].push(Mark {
                field: m.field,
                range: m.range.clone(),
                kind: MarkKind::search_match(current),
            });
        }
        let named = reader.actor_marks.iter().chain(&reader.quote_mark).cloned();
        let mut body: Vec<Mark> = merge_overlaps(named.collect())
            .into_iter()
            .map(|(field, range)| Mark {
                field,
                range,
                kind: MarkKind::Name,
            })
            .collect();
        for (pane, found) in found {
            let below = if pane == PaneId::Body {
                std::mem::take(&mut body)
            } else {
                Vec::new()
            };
            reader.panes[pane].marks = overlay(found, below);
        }
    }

    /// Makes match `index`'s mark the current match or a plain one: a binary search in its
    /// pane's marks, where search matches are kept whole.
    pub(super) fn restyle_match(&mut self, index: Option<usize>, current: bool) {
        let (Some(reader), Some(m)) = (
            self.reader.as_mut(),
            index.and_then(|i| self.search.matches.get(i)),
        ) else {
            return;
        };
        let marks = &mut reader.panes[m.pane].marks;
        let at = marks.partition_point(|k| (k.field, k.range.start) < (m.field, m.range.start));
        if let Some(mark) = marks.get_mut(at).filter(|k| k.range == m.range) {
            mark.kind = MarkKind::search_match(current);
        }
    }
}
