//! Reading marks: one briefing's, a summary, and every briefing's in one query for a
//! library of any size.

use std::collections::HashMap;

use rusqlite::{Connection, Row};

use super::key::{BriefingKey, hash_text, path_bytes};
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
    by_hash: ByEither<String>,
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
        let has_id = !key.id.is_empty();
        let at = has_id
            .then(|| self.by_id.get(&key.id))
            .flatten()
            .or_else(|| self.by_hash.get(&hash_text(key.hash), has_id))
            .or_else(|| self.by_path.get(path_bytes(&key.path), has_id))?;
        self.marks.get(*at)
    }

    /// How many stored briefings it holds.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }
}

fn all_marks(conn: &Connection) -> rusqlite::Result<MarksTable> {
    // Oldest first, so that where several briefings answer one key the latest overwrites.
    let mut statement = conn.prepare(
        "SELECT m.who, m.kind, m.at, m.hash, m.note, b.briefing, b.id, b.hash, b.path
         FROM briefings b LEFT JOIN marks m ON m.briefing = b.briefing
         ORDER BY b.seen_at, b.briefing, m.at, m.who",
    )?;
    let mut rows = statement.query([])?;
    let mut table = MarksTable::default();
    let mut current: Option<i64> = None;
    while let Some(row) = rows.next()? {
        let briefing: i64 = row.get(5)?;
        if current != Some(briefing) {
            current = Some(briefing);
            let at = table.marks.len();
            table.marks.push(Marks::default());
            let id: String = row.get(6)?;
            let has_id = !id.is_empty();
            if has_id {
                table.by_id.insert(id, at);
            }
            table.by_hash.insert(row.get(7)?, at, has_id);
            table.by_path.insert(row.get(8)?, at, has_id);
        }
        let has_mark = row.get_ref(0)?.as_str_or_null()?.is_some();
        if let (true, Some(marks)) = (has_mark, table.marks.last_mut()) {
            add_mark(marks, row)?;
        }
    }
    Ok(table)
}

/// Adds the mark in the first five columns of `row`: who, kind, at, hash, note.
fn add_mark(marks: &mut Marks, row: &Row) -> rusqlite::Result<()> {
    let hash: String = row.get(3)?;
    let stamp = Stamp {
        who: row.get(0)?,
        at: row.get(2)?,
        hash: u64::from_str_radix(&hash, 16).unwrap_or(0),
    };
    let kind: String = row.get(1)?;
    match kind.as_str() {
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
