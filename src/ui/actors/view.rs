//! The actor screen's state: the actors as the index gave them, those the filter keeps,
//! the selection, and the timeline of the actor chosen.

use super::answer::{ActorsRead, TimelineRead};
use crate::briefing::index::{MergedActor, TimelineEntry};
use crate::briefing::query::normalize_text;
use crate::ui::prompt::Prompt;

/// The actors, from the index.
#[derive(Debug, Default)]
pub struct ActorsView {
    /// `None` until the index answers.
    pub(super) read: Option<ActorsRead>,
    /// Each actor's id, name and aliases, normalised, one per line: what the filter matches.
    pub(super) keys: Vec<String>,
    /// The filter's normalised text; empty keeps every actor.
    pub(super) filter: String,
    /// The actors shown (indices into the list), most mentioned first.
    pub(super) shown: Vec<usize>,
    /// A position in `shown`.
    pub(super) selected: usize,
    pub(super) prompt: Option<Prompt>,
    pub(super) timeline: Option<Timeline>,
    /// The last timeline asked for.
    pub(super) generation: u64,
}

/// One actor's briefings and quotations, oldest first.
#[derive(Debug)]
pub struct Timeline {
    pub(super) actor: MergedActor,
    /// `None` until the index answers.
    pub(super) entries: Option<Result<Vec<TimelineEntry>, String>>,
    pub(super) rows: Vec<TimelineRow>,
    pub(super) selected: usize,
}

/// A row of a timeline: a briefing, or one of its quotations of the actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineRow {
    Briefing(usize),
    /// (entry, position in the entry's quotes)
    Quote(usize, usize),
}

impl ActorsView {
    /// Shown afresh: the list is asked for again, since the library may have changed.
    pub(super) fn reset(&mut self) {
        self.read = None;
        self.keys.clear();
        self.filter.clear();
        self.shown.clear();
        self.selected = 0;
        self.timeline = None;
        self.prompt = None;
    }

    pub fn receive_actors(&mut self, read: ActorsRead) {
        self.keys = match &read {
            Ok(actors) => actors.iter().map(keys_of).collect(),
            Err(_) => Vec::new(),
        };
        self.read = Some(read);
        self.refilter();
    }

    pub fn receive_timeline(&mut self, read: TimelineRead) {
        let Some(timeline) = self
            .timeline
            .as_mut()
            .filter(|_| read.generation == self.generation)
        else {
            return;
        };
        timeline.rows = match &read.entries {
            Ok(entries) => rows_of(entries),
            Err(_) => Vec::new(),
        };
        timeline.entries = Some(read.entries);
        timeline.selected = 0;
    }

    /// The actors listed, in the order shown.
    pub(super) fn actors(&self) -> &[MergedActor] {
        match &self.read {
            Some(Ok(actors)) => actors,
            _ => &[],
        }
    }

    pub(super) fn selected_actor(&self) -> Option<&MergedActor> {
        let at = *self.shown.get(self.selected)?;
        self.actors().get(at)
    }

    /// Keeps the actors whose id, name or an alias contains the filter, normalised as the
    /// search normalises (so `تورك` finds Volker Türk under any of his names).
    pub(super) fn set_filter(&mut self, text: &str) {
        self.filter = normalize_text(text.trim());
        self.refilter();
    }

    fn refilter(&mut self) {
        let filter = self.filter.as_str();
        self.shown = (0..self.keys.len())
            .filter(|&at| self.keys[at].contains(filter))
            .collect();
        self.selected = 0;
    }

    /// Whether the timeline is shown (else the list).
    pub fn in_timeline(&self) -> bool {
        self.timeline.is_some()
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// Rows to move through on the screen shown.
    pub(super) fn len(&self) -> usize {
        match &self.timeline {
            Some(timeline) => timeline.rows.len(),
            None => self.shown.len(),
        }
    }

    pub(super) fn position(&self) -> usize {
        match &self.timeline {
            Some(timeline) => timeline.selected,
            None => self.selected,
        }
    }

    pub(super) fn set_position(&mut self, at: usize) {
        let at = at.min(self.len().saturating_sub(1));
        match &mut self.timeline {
            Some(timeline) => timeline.selected = at,
            None => self.selected = at,
        }
    }

    /// The status line's right end: where the selection is.
    pub fn status(&self) -> String {
        let what = if self.in_timeline() { "rows" } else { "actors" };
        match self.len() {
            0 => format!(" 0 {what} "),
            len => format!(" {}/{len} {what} ", self.position() + 1),
        }
    }
}

fn keys_of(actor: &MergedActor) -> String {
    let names = [&actor.name]
        .into_iter()
        .chain(&actor.aliases)
        .chain(&actor.ids);
    names
        .map(|name| normalize_text(name))
        .collect::<Vec<_>>()
        .join("\n")
}

fn rows_of(entries: &[TimelineEntry]) -> Vec<TimelineRow> {
    let mut rows = Vec::new();
    for (at, entry) in entries.iter().enumerate() {
        rows.push(TimelineRow::Briefing(at));
        rows.extend((0..entry.quotes.len()).map(|quote| TimelineRow::Quote(at, quote)));
    }
    rows
}
