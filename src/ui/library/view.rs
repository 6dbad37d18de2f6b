//! The library screen's state: the entries listed, the one selected and the scroll, each
//! row laid out when it first comes into view, and the selected entry's detail.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::detail::DetailView;
use super::entry::{Entry, entry_row, snippet_row};
use super::filter::LibraryFilter;
use super::review::Review;
use crate::briefing::index::Order;
use crate::briefing::{Change, Library, LibraryEntry};
use crate::ui::content::{DirectionRule, Engine, Field, FieldKind, Fields, PaneText, Row};
use crate::ui::count::{plural, thousands};
use crate::ui::layout::{inner_height, rows, split_status, text_width};
use crate::ui::loading::{Listed, Progress, SearchAsk};
use crate::ui::prompt::Prompt;

#[derive(Debug, Clone, Default)]
pub struct LibraryView {
    pub(super) selected: usize,
    pub(super) scroll: usize,
    /// The user chose the selected entry (rather than it being the top by default): while
    /// the library loads, the selection stays on that entry as others arrive around it.
    pub(super) moved: bool,
    /// Set while the library loads in the background.
    pub(super) progress: Option<Progress>,
    /// While the library, listed from its index, is checked against the files: changed
    /// files read, of how many (unknown while the folder is walked).
    pub(super) checking: Option<(usize, Option<usize>)>,
    /// The whole library's size as its index counts it, while only its first screen is in.
    pub(super) listed: Option<Listed>,
    /// The entries shown, when the `/` filter holds words; `selected` is always one of them
    /// (when any), `scroll` counts shown entries.
    pub(super) filter: Option<LibraryFilter>,
    /// The `/` prompt while it is open: what it holds filters the list as it is typed.
    pub(super) prompt: Option<Prompt>,
    /// The order of the search's results (`o`).
    pub(super) order: Order,
    /// The last search asked for, counted: what an older one finds is dropped.
    pub(super) generation: u64,
    /// What to ask the runtime's search worker next (`take_ask`).
    pub(super) ask: Option<SearchAsk>,
    pub(super) entries: Vec<Entry>,
    /// The briefings' paths as the last search asked with them; `None` once the library
    /// changed.
    pub(super) paths: Option<Arc<[PathBuf]>>,
    /// The list's text width the entries' rows were laid out at.
    row_width: Option<usize>,
    pub(super) detail: PaneText,
    /// The entry `detail` shows; `None` when it must be built again.
    pub(super) detail_of: Option<usize>,
    pub(super) detail_view: DetailView,
    /// The review marks: the state column, the title's counts.
    pub(super) review: Review,
    /// Entry rows and details laid out so far: tests check the work a key costs.
    #[cfg(test)]
    pub(crate) rows_laid_out: usize,
    #[cfg(test)]
    pub(crate) details_built: usize,
}

impl LibraryView {
    /// Sanitizes what the rows show, once; `relayout` lays it out for each size.
    pub fn new(library: &Library) -> Self {
        Self {
            entries: (0..library.len())
                .filter_map(|at| Entry::of(library, at))
                .collect(),
            ..Self::default()
        }
    }

    /// Takes in a change to the library (see `Library::change`): entries gone, replaced
    /// and new. A chosen selection stays on its entry (a replaced file's new entry) and on
    /// the same screen row; otherwise the top (the newest) stays selected.
    pub fn apply(&mut self, library: &Library, change: &Change, area: Rect, engine: Engine) {
        let row = self.position().saturating_sub(self.scroll);
        self.paths = None;
        let mut old = std::mem::take(&mut self.entries);
        let mut gone = change.removed.iter().map(|(at, _)| *at).peekable();
        let mut index = 0;
        old.retain(|_| {
            let keep = gone.next_if_eq(&index).is_none();
            index += 1;
            keep
        });
        let mut old = old.into_iter();
        let mut merged = Vec::with_capacity(old.len() + change.placed.len());
        for &at in &change.placed {
            merged.extend(old.by_ref().take(at.saturating_sub(merged.len())));
            merged.extend(Entry::of(library, at));
        }
        merged.extend(old);
        // Rows already laid out move with their entries; the new ones wait to be seen.
        self.entries = merged;
        self.detail_of = None;
        self.review.count(library);
        if self.moved {
            // A chosen entry whose file went stays chosen at the same place in the list.
            let gone = || self.selected.min(library.len().saturating_sub(1));
            self.selected = change.follow(library, self.selected).unwrap_or_else(gone);
        }
        if self.filter.is_some() {
            self.search_arrivals(library, change);
            self.refilter(library);
        }
        let target = if self.moved {
            self.scroll = self.position().saturating_sub(row);
            self.selected
        } else {
            self.entry_at(0).unwrap_or(0)
        };
        self.select(library, target, area, engine);
    }

    /// Lays the visible rows out for this screen size, and the selected entry's detail.
    pub fn relayout(&mut self, library: &Library, area: Rect, engine: Engine) {
        self.select(library, self.selected, area, engine);
    }

    /// Selects entry `index` (clamped), keeps it in view and shows its detail. Only rows
    /// coming into view for the first time at this width are laid out, and the detail
    /// only when the selection changes: a key costs nothing like a screenful of layout.
    /// With a filter, an entry it hides selects the next one shown (or the last).
    pub fn select(&mut self, library: &Library, index: usize, area: Rect, engine: Engine) {
        let (list, detail) = areas(area);
        let page = self.entries_in(list);
        let count = self.shown_len();
        let position = match &self.filter {
            None => index,
            Some(filter) => filter.position_of(index).unwrap_or_else(|at| at),
        }
        .min(count.saturating_sub(1));
        self.selected = self.entry_at(position).unwrap_or(0);
        // In view, and no blank rows below while entries are hidden above (entries arriving
        // above a chosen one, a taller window): the list fills the screen first.
        self.scroll = self
            .scroll
            .min(position)
            .max((position + 1).saturating_sub(page))
            .min(count.saturating_sub(page));
        self.lay_out_rows(library, self.row_width(list), page, engine);
        if self.filter.is_some() && count == 0 {
            self.detail = PaneText::new(Vec::new());
            self.detail_of = None;
        } else if self.detail_of != Some(self.selected) {
            let review = self.review.detail_line_of(library, self.selected);
            self.detail = PaneText::new(detail_fields(library, self.selected, review));
            self.detail_of = Some(self.selected);
            self.detail_view.scroll = 0;
            #[cfg(test)]
            {
                self.details_built += 1;
            }
        }
        // A no-op unless the width changed.
        self.detail
            .relayout(text_width(detail, false).max(1), engine);
    }

    /// Lays out the rows in view that are not yet laid out at `width`, and under a search
    /// the text around each one's match.
    fn lay_out_rows(&mut self, library: &Library, width: usize, page: usize, engine: Engine) {
        if self.row_width != Some(width) {
            for entry in &mut self.entries {
                (entry.row, entry.snippet) = (None, None);
            }
            self.row_width = Some(width);
        }
        for position in self.scroll..self.scroll + page {
            let Some(at) = self.entry_at(position) else {
                break;
            };
            let Some(entry) = self.entries.get_mut(at) else {
                break;
            };
            if entry.row.is_none() {
                entry.row = Some(Box::new(entry_row(library, at, entry, width, engine)));
                #[cfg(test)]
                {
                    self.rows_laid_out += 1;
                }
            }
            if entry.snippet.is_none() {
                let found = self.filter.as_ref().zip(library.path(at));
                let snippet = found.and_then(|(filter, path)| filter.snippet(path));
                entry.snippet = snippet.map(|s| Box::new(snippet_row(s, width, engine)));
            }
        }
    }

    /// The counts; while loading, how far it has got.
    pub(super) fn title(&self, library: &Library) -> String {
        let Some((done, total)) = self.checking else {
            return self.counts_title(library);
        };
        let counted = match self.progress {
            Some(_) => self.counts_title(library),
            None => String::new(),
        };
        match total {
            None => format!("{counted}· checking the files… "),
            Some(total) => format!(
                "{counted}· checking {} of {} changed files… ",
                thousands(done),
                thousands(total)
            ),
        }
    }

    fn counts_title(&self, library: &Library) -> String {
        // While checking, the library is whole: its counts, not a load's progress.
        let progress = self.progress.filter(|_| self.checking.is_none());
        match (progress, &self.filter) {
            (None, Some(filter)) => format!(
                " Library: {}{} shown of {}{} ",
                if filter.done { "" } else { "searching… " },
                thousands(filter.shown.len()),
                self.counts(library),
                // Newest first goes without saying: it is the library's own order.
                match self.order {
                    Order::Newest => "",
                    Order::Relevance => ", best match first",
                }
            ),
            // The marks are counted over the entries in: not yet, while the rest is coming.
            (None, None) => match self.review.counts_text().filter(|_| self.listed.is_none()) {
                Some(marks) => format!(" Library: {} · {marks} ", self.counts(library)),
                None => format!(" Library: {} ", self.counts(library)),
            },
            (Some(Progress { total: None }), _) if self.entries.is_empty() => {
                " Library: loading… ".into()
            }
            (Some(Progress { total: None }), _) => {
                format!(" Library: loading {}… ", thousands(self.entries.len()))
            }
            (Some(Progress { total: Some(total) }), _) => format!(
                " Library: loading {} of {}… ",
                thousands(self.entries.len()),
                thousands(total.max(self.entries.len()))
            ),
        }
    }

    /// The entry selected, for tests.
    #[cfg(test)]
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The first position in view, for tests.
    #[cfg(test)]
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    #[cfg(test)]
    pub fn is_filtered(&self) -> bool {
        self.filter.is_some()
    }

    /// A background load begins: the title shows its progress until `loaded`.
    pub fn begin_loading(&mut self) {
        self.progress = Some(Progress::default());
    }

    pub fn is_loading(&self) -> bool {
        self.progress.is_some()
    }

    /// The background load found `total` entries to load.
    pub fn expect(&mut self, total: usize) {
        if let Some(progress) = self.progress.as_mut() {
            progress.total = Some(total);
        }
    }

    pub fn loaded(&mut self) {
        self.progress = None;
        self.checking = None;
        self.listed = None;
    }

    /// The library's first screen came from its index, which counts `listed` in all
    /// (`None`: the rest is in).
    pub fn listing(&mut self, listed: Option<Listed>) {
        self.listed = listed.filter(|_| self.progress.is_some());
    }

    /// The library is listed whole (from its index) and the files are being checked:
    /// `done` of `total` changed files read so far.
    pub fn checking(&mut self, done: usize, total: Option<usize>) {
        if self.progress.is_some() {
            self.checking = Some((done, total));
        }
    }

    /// `filter "…"` laid out for the status line, while a filter is on.
    pub fn filter_row(&self) -> Option<&Row> {
        self.filter.as_ref()?.row.as_ref()
    }

    /// Gives the detail pane the focus, when the screen has room to show it.
    pub fn focus_detail(&mut self, area: Rect) {
        self.detail_view.focus(areas(area).1);
    }

    /// Entries a page holds: under a search each takes two rows, its headline and the
    /// text around its match.
    pub fn page(&self, area: Rect) -> usize {
        self.entries_in(areas(area).0)
    }

    fn entries_in(&self, list: Rect) -> usize {
        (inner_height(list) / self.entry_height()).max(1)
    }

    /// Rows an entry takes.
    pub(super) fn entry_height(&self) -> usize {
        if self.filter.is_some() { 2 } else { 1 }
    }
}

/// The list, and below it the detail of the selected entry (none on very short screens).
pub(super) fn areas(area: Rect) -> (Rect, Rect) {
    let (main, _) = split_status(area);
    let detail_height = if main.height >= 12 {
        main.height / 3
    } else {
        0
    };
    let [list, detail] = rows(main, [main.height - detail_height, detail_height]);
    (list, detail)
}

fn detail_fields(library: &Library, selected: usize, review: Option<String>) -> Vec<Field> {
    match library.entry(selected) {
        Some(LibraryEntry::Listed(listing)) => {
            let language = listing.language.as_deref();
            let rule = DirectionRule::of_parts(listing.direction, language, &listing.headline);
            let mut fields = Fields::new(rule);
            // First, so that a short detail pane shows it.
            if let Some(review) = &review {
                fields.push_own(FieldKind::Meta, review, false);
            }
            if let Some(summary) = &listing.summary {
                fields.push(FieldKind::Summary, summary, false);
            }
            fields.push_own(FieldKind::Meta, &listing.path.display().to_string(), false);
            for warning in &listing.warnings {
                fields.push_own(FieldKind::Notice, &warning.to_string(), false);
            }
            fields.finish()
        }
        Some(LibraryEntry::Failed(failure)) => {
            let mut fields = Fields::new(DirectionRule::auto());
            for diagnostic in &failure.diagnostics {
                fields.push(FieldKind::Error, &diagnostic.to_string(), false);
            }
            fields.finish()
        }
        // An empty library: nothing to show.
        None => Vec::new(),
    }
}

impl LibraryView {
    /// Briefings and failed files in the library, or in the whole of it as its index counts
    /// it while only its first screen is in.
    fn sizes(&self, library: &Library) -> (usize, usize) {
        let (briefings, failures) = (library.listings.len(), library.failures.len());
        match self.listed {
            Some(listed) => (
                listed.briefings.max(briefings),
                listed.failures.max(failures),
            ),
            None => (briefings, failures),
        }
    }

    /// "5 briefings, 1 error": the library's size, for the title and the status line.
    pub fn counts(&self, library: &Library) -> String {
        let (briefings, failures) = self.sizes(library);
        format!(
            "{}, {}",
            plural(briefings, "briefing"),
            plural(failures, "error")
        )
    }

    /// For narrow status lines: "5 ok, 1 bad".
    pub fn short_counts(&self, library: &Library) -> String {
        let (briefings, failures) = self.sizes(library);
        format!("{} ok, {} bad", thousands(briefings), thousands(failures))
    }
}
