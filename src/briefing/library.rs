use std::cmp::Ordering;
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::order::{reading_order, sort_reading_order};
use super::{Listing, LoadFailure, LoadOptions, Loaded, discover, load_file};

/// Everything found under a path, as the library lists it: briefings sorted newest first
/// then by headline, and the files that failed, in path order. One broken file never hides
/// the others. A briefing is held as its `Listing`; opening it reads its file.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub listings: Vec<Listing>,
    pub failures: Vec<LoadFailure>,
}

/// A library entry: a briefing that loaded, or a file that failed to. The library lists its
/// briefings, then its failures, so entry `i` is briefing `i` while there is one.
#[derive(Debug, Clone, Copy)]
pub enum LibraryEntry<'a> {
    Listed(&'a Listing),
    Failed(&'a LoadFailure),
}

impl<'a> LibraryEntry<'a> {
    /// The file the entry was loaded, or failed to load, from.
    pub fn path(self) -> &'a Path {
        match self {
            LibraryEntry::Listed(listing) => &listing.path,
            LibraryEntry::Failed(failure) => &failure.path,
        }
    }
}

/// What a change did to the entries' positions: which went (their positions before, in
/// ascending order, and their files) and where the new ones went (positions after,
/// ascending). A file replaced is one that went and one that came.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    pub removed: Vec<(usize, PathBuf)>,
    pub placed: Vec<usize>,
}

impl Change {
    /// Where the entry at `old` is now: moved by the removals and insertions, or, when its
    /// file was replaced, where the new entry for that file went. `None`: it is gone.
    pub fn follow(&self, library: &Library, old: usize) -> Option<usize> {
        let gone = self.removed.partition_point(|(at, _)| *at < old);
        match self.removed.get(gone) {
            Some((at, path)) if *at == old => self
                .placed
                .iter()
                .copied()
                .find(|&new| library.path(new) == Some(path.as_path())),
            _ => Some(Library::shifted(old - gone, &self.placed)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.placed.is_empty()
    }
}

/// Loads every briefing under `path` and keeps its listing.
pub fn load_path(path: &Path, options: &LoadOptions) -> Library {
    let (files, mut failures) = discover(path);
    let mut listings = Vec::with_capacity(files.len());
    for file in &files {
        match load_file(file, options) {
            Ok(loaded) => listings.push(Listing::of(&loaded)),
            Err(failure) => failures.push(failure),
        }
    }
    listings.sort_by(reading_order);
    failures.sort_by(by_path);
    Library { listings, failures }
}

/// Every briefing under `path` loaded whole, newest first, the files that fail left out:
/// for a search without an index, which must look at everything. The reader keeps
/// listings instead (`load_path`).
pub fn load_briefings(path: &Path, options: &LoadOptions) -> Vec<Loaded> {
    load_whole(path, options).0
}

/// Every briefing under `path` loaded whole, newest first, and the files that failed, by
/// path: for a command that works on the briefings themselves (`brief digest`).
pub fn load_whole(path: &Path, options: &LoadOptions) -> (Vec<Loaded>, Vec<LoadFailure>) {
    let (files, mut failures) = discover(path);
    let mut listed: Vec<(Listing, Loaded)> = Vec::with_capacity(files.len());
    for file in &files {
        match load_file(file, options) {
            Ok(loaded) => listed.push((Listing::of(&loaded), loaded)),
            Err(failure) => failures.push(failure),
        }
    }
    listed.sort_by(|(a, _), (b, _)| reading_order(a, b));
    failures.sort_by(by_path);
    let loaded = listed.into_iter().map(|(_, loaded)| loaded).collect();
    (loaded, failures)
}

impl Library {
    /// Entries in all: the briefings and the files that failed.
    pub fn len(&self) -> usize {
        self.listings.len() + self.failures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Entry `at`: the briefings first, then the files that failed.
    pub fn entry(&self, at: usize) -> Option<LibraryEntry<'_>> {
        match self.listings.get(at) {
            Some(listing) => Some(LibraryEntry::Listed(listing)),
            None => self
                .failures
                .get(at - self.listings.len())
                .map(LibraryEntry::Failed),
        }
    }

    /// Every entry, in the order `entry` numbers them.
    pub fn entries(&self) -> impl Iterator<Item = LibraryEntry<'_>> + Clone {
        let listings = self.listings.iter().map(LibraryEntry::Listed);
        listings.chain(self.failures.iter().map(LibraryEntry::Failed))
    }

    /// The file behind entry `at`.
    pub fn path(&self, at: usize) -> Option<&Path> {
        self.entry(at).map(LibraryEntry::path)
    }

    /// The entry for the file `path`, spelled as the library has it.
    pub fn position_of(&self, path: &Path) -> Option<usize> {
        self.entries().position(|entry| entry.path() == path)
    }

    /// Adds briefings and failures (in any order) each in its place, as a background load
    /// delivers them. Returns the positions the new entries took, ascending, counted as a
    /// list of the briefings followed by the failures: what was at position `i` before is
    /// now after every returned position up to it (see `Library::shifted`).
    pub fn insert(
        &mut self,
        mut listings: Vec<Listing>,
        mut failures: Vec<LoadFailure>,
    ) -> Vec<usize> {
        sort_reading_order(&mut listings);
        failures.sort_by(by_path);
        let mut placed = merge(&mut self.listings, listings, reading_order);
        let offset = self.listings.len();
        let failed = merge(&mut self.failures, failures, by_path);
        placed.extend(failed.into_iter().map(|at| at + offset));
        placed
    }

    /// Removes the entries of the files in `gone`, then inserts the new entries: a file
    /// changed on disk is in `gone` and among the new entries, a file deleted only in
    /// `gone`. Finding what goes costs one pass over the library, so a load that only adds
    /// passes an empty `gone`.
    pub fn change(
        &mut self,
        gone: &[PathBuf],
        listings: Vec<Listing>,
        failures: Vec<LoadFailure>,
    ) -> Change {
        let removed = self.remove(gone);
        let placed = self.insert(listings, failures);
        Change { removed, placed }
    }

    /// Removes the entries of the files in `gone`; returns where they were and their files.
    fn remove(&mut self, gone: &[PathBuf]) -> Vec<(usize, PathBuf)> {
        if gone.is_empty() {
            return Vec::new();
        }
        let gone: HashSet<&Path> = gone.iter().map(PathBuf::as_path).collect();
        let removed: Vec<(usize, PathBuf)> = self
            .entries()
            .enumerate()
            .filter(|(_, entry)| gone.contains(entry.path()))
            .map(|(at, entry)| (at, entry.path().to_path_buf()))
            .collect();
        self.listings.retain(|l| !gone.contains(l.path.as_path()));
        self.failures.retain(|f| !gone.contains(f.path.as_path()));
        removed
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
    if let Some(placed) = join_ends(into, &new, order) {
        *into = joined(std::mem::take(into), new, placed.start == 0);
        return placed.collect();
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

/// Where the new items go when they all go after the old ones (as the rest of a library
/// listed from its index does) or all before them; `None` when they go between.
fn join_ends<T>(old: &[T], new: &[T], order: fn(&T, &T) -> Ordering) -> Option<Range<usize>> {
    let count = new.len();
    let (Some(first_new), Some(last_new)) = (new.first(), new.last()) else {
        return Some(0..0);
    };
    match (old.first(), old.last()) {
        (Some(first_old), Some(last_old)) => {
            if order(last_old, first_new) != Ordering::Greater {
                Some(old.len()..old.len() + count)
            } else if order(first_old, last_new) == Ordering::Greater {
                Some(0..count)
            } else {
                None
            }
        }
        _ => Some(0..count),
    }
}

/// `old` then `new`, or `new` then `old` when `new_first`, grown from the longer of the
/// two: a large vector is extended where it lies, not copied beside itself.
fn joined<T>(mut old: Vec<T>, mut new: Vec<T>, new_first: bool) -> Vec<T> {
    match (new_first, new.len() > old.len()) {
        (false, false) => {
            old.append(&mut new);
            old
        }
        (false, true) => {
            new.splice(0..0, old);
            new
        }
        (true, false) => {
            old.splice(0..0, new);
            old
        }
        (true, true) => {
            new.append(&mut old);
            new
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(name: &str, date: &str) -> Listing {
        let json = format!("{{\"headline\": \"{name}\", \"date\": \"{date}\"}}");
        match crate::briefing::load_bytes(Path::new(name), json.as_bytes()) {
            Ok(loaded) => Listing::of(&loaded),
            Err(failure) => panic!("{name}: {failure:?}"),
        }
    }

    fn failed(name: &str) -> LoadFailure {
        LoadFailure {
            path: name.into(),
            diagnostics: Vec::new(),
        }
    }

    fn paths(library: &Library) -> Vec<&str> {
        let entries = library.entries();
        entries.map(|e| e.path().to_str().unwrap_or("?")).collect()
    }

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

    proptest::proptest! {
        /// The ends joined without a merge (all new after, or before, the old) place as the
        /// merge does, equal items old first.
        #[test]
        fn merge_at_either_end_or_between_is_a_stable_sort(
            mut old in proptest::collection::vec(0u8..6, 0..12),
            mut new in proptest::collection::vec(0u8..6, 0..12),
            shift in 0u8..12,
        ) {
            old.sort_unstable();
            new.iter_mut().for_each(|n| *n += shift);
            new.sort_unstable();
            // Tagged: which side each item came from, to check equal items keep old first.
            let tag = |items: &[u8], side: u8| -> Vec<(u8, u8)> {
                items.iter().map(|&n| (n, side)).collect()
            };
            let mut into = tag(&old, 0);
            let placed = merge(&mut into, tag(&new, 1), |a, b| a.0.cmp(&b.0));
            let mut expected = [tag(&old, 0), tag(&new, 1)].concat();
            expected.sort_by_key(|&(n, side)| (n, side));
            proptest::prop_assert_eq!(&into, &expected);
            let at_new: Vec<usize> = (0..into.len()).filter(|&i| into[i].1 == 1).collect();
            proptest::prop_assert_eq!(placed, at_new);
        }
    }

    #[test]
    fn entries_are_the_briefings_then_the_failures() {
        let library = Library {
            listings: vec![
                listing("a.json", "2025-02-01"),
                listing("b.json", "2025-01-01"),
            ],
            failures: vec![failed("c.json")],
        };
        assert_eq!(library.len(), 3);
        let in_order = ["a.json", "b.json", "c.json"].map(Path::new);
        let paths: Vec<_> = (0..4).map(|at| library.path(at)).collect();
        assert_eq!(paths[..3], in_order.map(Some));
        assert_eq!(paths[3], None);
        assert!(matches!(library.entry(1), Some(LibraryEntry::Listed(_))));
        assert!(matches!(library.entry(2), Some(LibraryEntry::Failed(_))));
        let listed: Vec<_> = library.entries().map(LibraryEntry::path).collect();
        assert_eq!(listed, in_order);
        assert_eq!(library.position_of(Path::new("c.json")), Some(2));
        assert!(Library::default().is_empty() && !library.is_empty());
    }

    #[test]
    fn a_change_removes_replaces_and_inserts_and_follow_tracks_each_entry() {
        let mut library = Library::default();
        let dates = [
            ("a", "2025-05-01"),
            ("b", "2025-04-01"),
            ("c", "2025-03-01"),
        ];
        let first = dates.map(|(n, d)| listing(n, d)).to_vec();
        library.insert(first, vec![failed("x")]);
        assert_eq!(paths(&library), ["a", "b", "c", "x"]);
        // c is rewritten with a newer date, a fails to load now, b is deleted, d arrives.
        let gone = ["a", "b", "c"].map(PathBuf::from);
        let listings = vec![listing("c", "2025-06-01"), listing("d", "2025-03-15")];
        let change = library.change(&gone, listings, vec![failed("a")]);
        assert_eq!(paths(&library), ["c", "d", "a", "x"]);
        let follow: Vec<_> = (0..4).map(|old| change.follow(&library, old)).collect();
        assert_eq!(follow, [Some(2), None, Some(0), Some(3)], "a, b, c, x");
        // Nothing gone: no pass over the library, positions as `shifted` says.
        let change = library.change(&[], vec![listing("e", "2025-07-01")], Vec::new());
        assert_eq!(change.placed, [0]);
        assert_eq!(change.follow(&library, 3), Some(4));
        assert!(library.change(&[], Vec::new(), Vec::new()).is_empty());
    }
}
