//! The search prompt and walking its matches, pane by pane.

use super::Action;
use super::app::App;
use super::content::{DirectionRule, Engine, FieldKind, Row, options};
use super::matching::merge_overlaps;
use super::panes::PaneId;
use super::reader::Reader;
use super::view::{Mark, overlay};
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
                self.search.layout_status(self.engine);
                self.next_match(true);
            }
            Action::SearchCancel => {
                self.search.clear();
                self.search_changed();
            }
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
        self.search_changed();
    }

    /// After the matches, the actor filter or the quotation mark changed: each pane's marks
    /// and the status line, built here once rather than on every frame.
    pub(super) fn search_changed(&mut self) {
        self.search.layout_status(self.engine);
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        let theme = &self.theme;
        let mut found: [Vec<Mark>; 5] = Default::default();
        // Matches come in pane, field and text order, so each pane's list is sorted.
        for (index, m) in self.search.matches.iter().enumerate() {
            let current = Some(index) == self.search.current;
            found[m.pane.index()].push(Mark {
                field: m.field,
                range: m.range.clone(),
                style: if current {
                    theme.current_match
                } else {
                    theme.matched
                },
            });
        }
        let named = reader.actor_marks.iter().chain(&reader.quote_mark).cloned();
        let mut body: Vec<Mark> = merge_overlaps(named.collect())
            .into_iter()
            .map(|(field, range)| Mark {
                field,
                range,
                style: theme.actor_mark,
            })
            .collect();
        for (pane, found) in PaneId::ALL.into_iter().zip(found) {
            let below = if pane == PaneId::Body {
                std::mem::take(&mut body)
            } else {
                Vec::new()
            };
            reader.marks[pane.index()] = overlay(found, below);
        }
    }

    /// Moves the current-match style from one match to another: a binary search in its
    /// pane's marks, where search matches are kept whole.
    fn restyle_match(&mut self, index: Option<usize>, current: bool) {
        let (Some(reader), Some(m)) = (
            self.reader.as_mut(),
            index.and_then(|i| self.search.matches.get(i)),
        ) else {
            return;
        };
        let marks = &mut reader.marks[m.pane.index()];
        let at = marks.partition_point(|k| (k.field, k.range.start) < (m.field, m.range.start));
        if let Some(mark) = marks.get_mut(at).filter(|k| k.range == m.range) {
            mark.style = if current {
                self.theme.current_match
            } else {
                self.theme.matched
            };
        }
    }

    fn search_live(&mut self) {
        self.search.query = self.search.prompt.clone().unwrap_or_default();
        self.refresh_search();
        self.lay_out_prompt();
    }

    /// The prompt's text for the status line.
    pub(super) fn lay_out_prompt(&mut self) {
        let prompt = self.search.prompt.as_deref().unwrap_or_default();
        let width = usize::from(self.area.width.saturating_sub(2)).max(1);
        let options = options(width, DirectionRule::auto(), self.engine);
        // The last line holds the end of what is being typed; it sits left in the
        // prompt whatever its direction.
        let line = layout(&sanitize(prompt).text, &options).pop();
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
            // With a query, the status line already says `no match for "…"`, laid out by
            // the text engine; the message line would repeat it in logical order.
            if self.search.query.is_empty() {
                self.set_message("no search: press / to search");
            }
            return;
        }
        let current = match (self.search.current, forward) {
            (None, true) => 0,
            (None, false) => total - 1,
            (Some(c), true) => (c + 1) % total,
            (Some(c), false) => (c + total - 1) % total,
        };
        self.restyle_match(self.search.current, false);
        self.search.current = Some(current);
        self.restyle_match(Some(current), true);
        self.search.layout_status(self.engine);
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
