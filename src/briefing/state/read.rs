//! Reading marks: one briefing's, a summary, and every briefing's in one query for a
//! library of any size.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, Row};

use super::key::{BriefingKey, path_bytes};
use super::marks::{Marks, Note, Stamp};
use super::write::found;
use super::{State, StateError};

/// How many briefings `me` has marked each way, over the whole state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Briefings with any mark, by anyone.
    pub briefings: u64,
    pub read: u64,
    pub reviewed: u64,
    pub flagged: u64,
    pub notes: u64,
}

/// A library's briefings counted by `me`'s marks ([`MarksTable::counts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LibraryCounts {
    pub new: usize,
    pub read: usize,
    pub reviewed: usize,
    pub flagged: usize,
    pub noted: usize,
    /// Reviewed, then changed.
    pub changed: usize,
}

impl State {
    /// Everyone's marks on the briefing `key` names; empty when it has none.
    pub fn marks_of(&self, key: &BriefingKey) -> Result<Marks, StateError> {
        let sqlite = |error: rusqlite::Error| StateError::from_sqlite(&self.path, &error);
        let Some(briefing) = found(&self.conn, key).map_err(sqlite)? else {
            return Ok(Marks::default());
        };
        let mut statement = self
            .conn
            .prepare_cached(
                "SELECT who, kind, at, hash, note FROM marks WHERE briefing = ?1
                 ORDER BY at, who",
            )
            .map_err(sqlite)?;
        let mut rows = statement.query([briefing]).map_err(sqlite)?;
        let mut marks = Marks::default();
        while let Some(row) = rows.next().map_err(sqlite)? {
            add_mark(&mut marks, row).map_err(sqlite)?;
        }
        Ok(marks)
    }

    /// Every briefing's marks, in one query, to be looked up by key in memory.
    pub fn all_marks(&self) -> Result<MarksTable, StateError> {
        all_marks(&self.conn).map_err(|error| StateError::from_sqlite(&self.path, &error))
    }

    /// Counts of `me`'s marks over the whole state.
    pub fn summary(&self, me: &str) -> Result<Summary, StateError> {
        let sqlite = |error: rusqlite::Error| StateError::from_sqlite(&self.path, &error);
        let count = |sql: &str, who: Option<&str>| -> Result<u64, StateError> {
            let n: i64 = match who {
                Some(who) => self.conn.query_row(sql, [who], |row| row.get(0)),
                None => self.conn.query_row(sql, [], |row| row.get(0)),
            }
            .map_err(sqlite)?;
            Ok(u64::try_from(n).unwrap_or(0))
        };
        let kind =
            |kind: &str| format!("SELECT count(*) FROM marks WHERE kind = '{kind}' AND who = ?1");
        Ok(Summary {
            briefings: count("SELECT count(DISTINCT briefing) FROM marks", None)?,
            read: count(&kind("read"), Some(me))?,
            reviewed: count(&kind("reviewed"), Some(me))?,
            flagged: count(&kind("flagged"), Some(me))?,
            notes: count(&kind("note"), Some(me))?,
        })
    }
}

/// Every stored briefing's marks, found for a key by the same rule as [`State::marks_of`].
#[derive(Debug, Clone, Default)]
pub struct MarksTable {
    marks: Vec<Marks>,
    by_id: HashMap<String, usize>,
    /// By hash and by path: every briefing, and those stored without an id (`key.rs`).
    by_hash: ByEither<u64>,
    by_path: ByEither<Vec<u8>>,
}

#[derive(Debug, Clone)]
struct ByEither<K> {
    all: HashMap<K, usize>,
    without_id: HashMap<K, usize>,
}

impl<K> Default for ByEither<K> {
    fn default() -> Self {
        Self {
            all: HashMap::new(),
            without_id: HashMap::new(),
        }
    }
}

impl<K: std::hash::Hash + Eq> ByEither<K> {
    fn insert(&mut self, key: K, at: usize, has_id: bool)
    where
        K: Clone,
    {
        if !has_id {
            self.without_id.insert(key.clone(), at);
        }
        self.all.insert(key, at);
    }

    /// For a key with an id, only briefings stored without one.
    fn get<Q>(&self, key: &Q, key_has_id: bool) -> Option<&usize>
    where
        K: std::borrow::Borrow<Q>,
        Q: std::hash::Hash + Eq + ?Sized,
    {
        if key_has_id {
            self.without_id.get(key)
        } else {
            self.all.get(key)
        }
    }
}

impl MarksTable {
    /// The marks of the briefing `key` names; `None` when it was never marked.
    pub fn get(&self, key: &BriefingKey) -> Option<&Marks> {
        self.find(&key.id, key.hash, &key.path)
    }

    /// [`MarksTable::get`] for a key's parts, borrowed: looking a whole library up makes
    /// no key of its own for each briefing.
    pub fn find(&self, id: &str, hash: u64, path: &Path) -> Option<&Marks> {
        let has_id = !id.is_empty();
        let at = has_id
            .then(|| self.by_id.get(id))
            .flatten()
            .or_else(|| self.by_hash.get(&hash, has_id))
            .or_else(|| self.by_path.get(path_bytes(path), has_id))?;
        self.marks.get(*at)
    }

    /// Counts over a library's briefings, for `me`: the library's title
    /// (`12 new · 40 reviewed · 3 flagged`). Each key counts once however it is found.
    pub fn counts<'k>(
        &self,
        keys: impl IntoIterator<Item = &'k BriefingKey>,
        me: &str,
    ) -> LibraryCounts {
        let mut counts = LibraryCounts::default();
        for key in keys {
            let Some(marks) = self.get(key) else {
                counts.new += 1;
                continue;
            };
            let add = |n: &mut usize, yes: bool| *n += usize::from(yes);
            add(&mut counts.new, marks.is_new(me));
            add(&mut counts.read, marks.is_read(me));
            add(&mut counts.reviewed, marks.is_reviewed(me));
            add(&mut counts.flagged, marks.is_flagged(me));
            add(&mut counts.noted, marks.has_note(me));
            add(
                &mut counts.changed,
                marks.changed_since_reviewed(me, key.hash),
            );
        }
        counts
    }

    /// How many stored briefings it holds.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }
}

/// Two reads in one snapshot: the briefings, oldest first, so that where several answer
/// one key the latest overwrites; then every mark in the table's own order, sorted per
/// briefing as `marks_of` gives them.
fn all_marks(conn: &Connection) -> rusqlite::Result<MarksTable> {
    let snapshot = conn.unchecked_transaction()?;
    let mut table = MarksTable::default();
    let mut index = HashMap::new();
    let mut briefings = snapshot
        .prepare("SELECT briefing, id, hash, path FROM briefings ORDER BY seen_at, briefing")?;
    let mut rows = briefings.query([])?;
    while let Some(row) = rows.next()? {
        let at = table.marks.len();
        index.insert(row.get::<_, i64>(0)?, at);
        table.marks.push(Marks::default());
        let id: String = row.get(1)?;
        let has_id = !id.is_empty();
        if has_id {
            table.by_id.insert(id, at);
        }
        table
            .by_hash
            .insert(stored_hash(row.get_ref(2)?.as_str()?), at, has_id);
        table.by_path.insert(row.get(3)?, at, has_id);
    }
    let mut marks = snapshot.prepare("SELECT who, kind, at, hash, note, briefing FROM marks")?;
    let mut rows = marks.query([])?;
    while let Some(row) = rows.next()? {
        let at = index.get(&row.get::<_, i64>(5)?).copied();
        if let Some(marks) = at.and_then(|at| table.marks.get_mut(at)) {
            add_mark(marks, row)?;
        }
    }
    for marks in &mut table.marks {
        let order = |a: &Stamp, b: &Stamp| (a.at, &a.who).cmp(&(b.at, &b.who));
        marks.read.sort_by(order);
        marks.reviewed.sort_by(order);
        marks.flagged.sort_by(order);
        marks.notes.sort_by(|a, b| order(&a.stamp, &b.stamp));
    }
    Ok(table)
}

/// Adds the mark in the first five columns of `row`: who, kind, at, hash, note.
fn add_mark(marks: &mut Marks, row: &Row) -> rusqlite::Result<()> {
    let stamp = Stamp {
        who: row.get(0)?,
        at: row.get(2)?,
        hash: stored_hash(row.get_ref(3)?.as_str()?),
    };
    match row.get_ref(1)?.as_str()? {
        "read" => marks.read.push(stamp),
        "reviewed" => marks.reviewed.push(stamp),
        "flagged" => marks.flagged.push(stamp),
        _ => marks.notes.push(Note {
            stamp,
            text: row.get::<_, Option<String>>(4)?.unwrap_or_default(),
        }),
    }
    Ok(())
}

/// A hash as stored (`key::hash_text`); 0 for text that is not one, which brief never writes.
fn stored_hash(text: &str) -> u64 {
    u64::from_str_radix(text, 16).unwrap_or(0)
}
