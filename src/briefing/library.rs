use std::cmp::Ordering;
use std::path::Path;

use super::{Briefing, LoadFailure, LoadOptions, Loaded, date, discover, load_file};

/// Everything found under a path: briefings sorted newest first then by headline, and
/// the files that failed, in path order. One broken file never hides the others.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub briefings: Vec<Loaded>,
    pub failures: Vec<LoadFailure>,
}

/// A library entry: a briefing that loaded, or a file that failed to. The library lists its
/// briefings, then its failures, so entry `i` is briefing `i` while there is one.
#[derive(Debug, Clone, Copy)]
pub enum LibraryEntry<'a> {
    Loaded(&'a Loaded),
    Failed(&'a LoadFailure),
}

impl<'a> LibraryEntry<'a> {
    /// The file the entry was loaded, or failed to load, from.
    pub fn path(self) -> &'a Path {
        match self {
            LibraryEntry::Loaded(loaded) => &loaded.briefing.path,
            LibraryEntry::Failed(failure) => &failure.path,
        }
    }
}

pub fn load_path(path: &Path, options: &LoadOptions) -> Library {
    let (files, mut failures) = discover(path);
    let mut briefings = Vec::with_capacity(files.len());
    for file in &files {
        match load_file(file, options) {
            Ok(loaded) => briefings.push(loaded),
            Err(failure) => failures.push(failure),
        }
    }
    briefings.sort_by(by_reading_order);
    failures.sort_by(by_path);
    Library {
        briefings,
        failures,
    }
}

impl Library {
    /// Entries in all: the briefings and the files that failed.
    pub fn len(&self) -> usize {
        self.briefings.len() + self.failures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `at`: the briefings first, then the files that failed.
    pub fn entry(&self, at: usize) -> Option<LibraryEntry<'_>> {
        match self.briefings.get(at) {
            Some(loaded) => Some(LibraryEntry::Loaded(loaded)),
            None => self
                .failures
                .get(at - self.briefings.len())
                .map(LibraryEntry::Failed),
        }
    }

    /// Every entry, in the order `entry` numbers them.
    pub fn entries(&self) -> impl Iterator<Item = LibraryEntry<'_>> + Clone {
        let briefings = self.briefings.iter().map(LibraryEntry::Loaded);
        briefings.chain(self.failures.iter().map(LibraryEntry::Failed))
    }

    /// The file behind entry `at`.
    pub fn path(&self, at: usize) -> Option<&Path> {
        self.entry(at).map(LibraryEntry::path)
    }

    /// Adds briefings and failures (in any order) each in its place, as a background load
    /// delivers them. Returns the positions the new entries took, ascending, counted as a
    /// list of the briefings followed by the failures: what was at position `i` before is
    /// now after every returned position up to it (see `Library::shifted`).
    pub fn insert(
        &mut self,
        mut briefings: Vec<Loaded>,
        mut failures: Vec<LoadFailure>,
    ) -> Vec<usize> {
        briefings.sort_by(by_reading_order);
        failures.sort_by(by_path);
        let mut placed = merge(&mut self.briefings, briefings, by_reading_order);
        let offset = self.briefings.len();
        let failed = merge(&mut self.failures, failures, by_path);
        placed.extend(failed.into_iter().map(|at| at + offset));
        placed
    }

    /// Where the entry at `old` is after an insertion that placed new entries at `placed`
    /// (ascending, as `insert` returns them).
    pub fn shifted(old: usize, placed: &[usize]) -> usize {
        let mut at = old;
        for &new in placed {
            if new > at {
                break;
            }
            at += 1;
        }
        at
    }
}

fn by_reading_order(a: &Loaded, b: &Loaded) -> Ordering {
    reading_order(&a.briefing, &b.briefing)
}

fn by_path(a: &LoadFailure, b: &LoadFailure) -> Ordering {
    a.path.cmp(&b.path)
}

/// Merges sorted `new` into sorted `into`. Inserting one by one would move the whole tail
/// each time, and a linear merge would compare every old item with each batch: both grow
/// with the library over a 10,000-briefing load. Here each new item finds its place by
/// binary search and the old items between two places move once, in bulk. Equal items
/// keep the old one first. Returns the positions the new items took.
fn merge<T>(into: &mut Vec<T>, new: Vec<T>, order: fn(&T, &T) -> Ordering) -> Vec<usize> {
    if new.is_empty() {
        return Vec::new();
    }
    let mut old = std::mem::take(into);
    let mut merged = Vec::with_capacity(old.len() + new.len());
    let mut placed = Vec::with_capacity(new.len());
    let mut rest = old.drain(..);
    for item in new {
        let before = rest
            .as_slice()
            .partition_point(|o| order(o, &item) != Ordering::Greater);
        merged.extend(rest.by_ref().take(before));
        placed.push(merged.len());
        merged.push(item);
    }
    merged.extend(rest);
    *into = merged;
    placed
}

/// Newest first (dates compared as instants), undated last, then by headline and path.
pub fn reading_order(a: &Briefing, b: &Briefing) -> Ordering {
    let when = |briefing: &Briefing| briefing.date.as_deref().and_then(date::instant);
    match (when(a), when(b)) {
        (Some(a_when), Some(b_when)) => b_when.cmp(&a_when),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.headline.cmp(&b.headline))
    .then_with(|| a.path.cmp(&b.path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_places_new_items_in_order_and_says_where() {
        let mut into = vec![10, 20, 30];
        let placed = merge(&mut into, vec![5, 20, 25, 40], |a: &i32, b: &i32| a.cmp(b));
        assert_eq!(into, [5, 10, 20, 20, 25, 30, 40]);
        assert_eq!(placed, [0, 3, 4, 6]);
        // Each old item is found where `shifted` says.
        for (old, value) in [(0, 10), (1, 20), (2, 30)] {
            assert_eq!(into[Library::shifted(old, &placed)], value);
        }
    }

    #[test]
    fn entries_are_the_briefings_then_the_failures() {
        let loaded = |name: &str| {
            let json = format!("{{\"headline\": \"{name}\"}}");
            crate::briefing::load_bytes(Path::new(name), json.as_bytes())
                .unwrap_or_else(|failure| panic!("{name}: {failure:?}"))
        };
        let failed = |name: &str| LoadFailure {
            path: name.into(),
            diagnostics: Vec::new(),
        };
        let library = Library {
            briefings: vec![loaded("a.json"), loaded("b.json")],
            failures: vec![failed("c.json")],
        };
        assert_eq!(library.len(), 3);
        let in_order = ["a.json", "b.json", "c.json"].map(Path::new);
        let paths: Vec<_> = (0..4).map(|at| library.path(at)).collect();
        assert_eq!(paths[..3], in_order.map(Some));
        assert_eq!(paths[3], None);
        assert!(matches!(library.entry(1), Some(LibraryEntry::Loaded(_))));
        assert!(matches!(library.entry(2), Some(LibraryEntry::Failed(_))));
        let listed: Vec<_> = library.entries().map(LibraryEntry::path).collect();
        assert_eq!(listed, in_order);
        assert!(Library::default().is_empty() && !library.is_empty());
    }
}
