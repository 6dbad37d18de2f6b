//! The search prompt and walking its matches, pane by pane.

use super::Action;
use super::app::App;
use super::content::{Directions, Engine, FieldKind, Row, options};
use super::panes::PaneId;
use super::reader::Reader;
use crate::text::{layout, sanitize};
use ratatui::layout::Rect;

impl App {
    pub(super) fn update_search(&mut self, action: Action) {
        match action {
            Action::SearchStart => {
                self.search.prompt = Some(String::new());
                self.search_live();
            }
            Action::SearchInput(c) => {
                if let Some(prompt) = self.search.prompt.as_mut() {
                    prompt.push(c);
                }
                self.search_live();
            }
            Action::SearchBackspace => {
                if let Some(prompt) = self.search.prompt.as_mut() {
                    prompt.pop();
                }
                self.search_live();
            }
            Action::SearchSubmit => {
                self.search.prompt = None;
                self.search.prompt_row = None;
                self.next_match(true);
            }
            Action::SearchCancel => self.search.clear(),
            Action::SearchNext => self.next_match(true),
            Action::SearchPrev => self.next_match(false),
            _ => {}
        }
    }

    /// Re-finds the current query (the briefing or its quotes pane changed).
    pub(super) fn refresh_search(&mut self) {
        let Some(reader) = self.reader.as_ref() else {
            return;
        };
        let panes = PaneId::ALL
            .into_iter()
            .map(|p| (p, reader.texts[p.index()].fields.as_slice()));
        self.search.find_in(panes);
    }

    fn search_live(&mut self) {
        self.search.query = self.search.prompt.clone().unwrap_or_default();
        self.refresh_search();
        let width = usize::from(self.area.width.saturating_sub(2)).max(1);
        let options = options(width, Directions::auto(), self.engine);
        // The last line holds the end of what is being typed; it sits left in the
        // prompt whatever its direction.
        let line = layout(&sanitize(&self.search.query).text, &options).pop();
        self.search.prompt_row = line.map(|mut line| {
            line.rtl = false;
            Row {
                field: None,
                kind: FieldKind::Notice,
                item: None,
                line,
                bullet: false,
            }
        });
    }

    /// Moves to the next (or previous) match, wrapping, and scrolls its pane there.
    fn next_match(&mut self, forward: bool) {
        let total = self.search.matches.len();
        if total == 0 {
            let message = self
                .search
                .status()
                .unwrap_or_else(|| "no search: press / to search".into());
            self.set_message(message);
            return;
        }
        let current = match (self.search.current, forward) {
            (None, true) => 0,
            (None, false) => total - 1,
            (Some(c), true) => (c + 1) % total,
            (Some(c), false) => (c + total - 1) % total,
        };
        self.search.current = Some(current);
        let found = self.search.matches[current].clone();
        if let Some(reader) = self.reader.as_mut() {
            show_match(
                reader,
                found.pane,
                found.field,
                found.range.start,
                self.area,
                self.engine,
            );
        }
    }
}

fn show_match(
    reader: &mut Reader,
    pane: PaneId,
    field: usize,
    byte: usize,
    area: Rect,
    engine: Engine,
) {
    if reader.focus != pane {
        reader.focus = pane;
        if reader.zoom {
            reader.relayout(area, engine);
        }
    }
    let text = &reader.texts[pane.index()];
    let row = text.row_of(field, byte).unwrap_or(0);
    let item = text.rows.get(row).and_then(|r| r.item);
    if let Some(item) = item.filter(|_| pane.selectable()) {
        reader.views[pane.index()].selected = item;
    }
    reader.reveal(pane, row..row + 1, area);
}
