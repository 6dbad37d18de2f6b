//! Setting and clearing marks: each call one immediate transaction, so that many
//! processes on one state queue behind each other and a killed one loses at most the mark
//! it was writing.

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::key::BriefingKey;
use super::{Mark, State, StateError};

impl State {
    /// Sets `mark` on the briefing for `who`, now, at the key's content hash; setting it
    /// again renews its time and hash. Any mark also marks the briefing read.
    pub fn mark(&mut self, key: &BriefingKey, mark: Mark, who: &str) -> Result<(), StateError> {
        self.write(|tx, now| {
            let briefing = found_or_added(tx, key, now)?;
            put(tx, briefing, who, mark.kind(), now, key, None)?;
            if mark != Mark::Read {
                put_read(tx, briefing, who, now, key)?;
            }
            Ok(())
        })
    }

    /// Clears `who`'s `mark`. Clearing `Read` makes the briefing new again, and so clears
    /// reviewed and flagged too; a note stays.
    pub fn clear(&mut self, key: &BriefingKey, mark: Mark, who: &str) -> Result<(), StateError> {
        let kinds: &[&str] = match mark {
            Mark::Read => &["read", "reviewed", "flagged"],
            other => &[other.kind()],
        };
        self.remove(key, who, kinds)
    }

    /// Clears every mark and the note `who` set: the briefing is new to them again.
    pub fn clear_all(&mut self, key: &BriefingKey, who: &str) -> Result<(), StateError> {
        self.remove(key, who, &["read", "reviewed", "flagged", "note"])
    }

    /// Sets `who`'s note to `text`; an empty (or blank) text removes it. A note marks the
    /// briefing read.
    pub fn note(&mut self, key: &BriefingKey, text: &str, who: &str) -> Result<(), StateError> {
        if text.trim().is_empty() {
            return self.remove(key, who, &["note"]);
        }
        self.write(|tx, now| {
            let briefing = found_or_added(tx, key, now)?;
            put(tx, briefing, who, "note", now, key, Some(text))?;
            put_read(tx, briefing, who, now, key)
        })
    }

    fn remove(&mut self, key: &BriefingKey, who: &str, kinds: &[&str]) -> Result<(), StateError> {
        self.write(|tx, _| {
            if let Some(briefing) = found(tx, key)? {
                for kind in kinds {
                    tx.execute(
                        "DELETE FROM marks WHERE briefing = ?1 AND who = ?2 AND kind = ?3",
                        params![briefing, who, kind],
                    )?;
                }
            }
            Ok(())
        })
    }

    fn write(
        &mut self,
        change: impl FnOnce(&Transaction, i64) -> rusqlite::Result<()>,
    ) -> Result<(), StateError> {
        let path = self.path.clone();
        let sqlite = |error: rusqlite::Error| StateError::from_sqlite(&path, &error);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        change(&tx, now()).map_err(sqlite)?;
        tx.commit().map_err(sqlite)
    }
}

/// The stored briefing a key names (the rule is in `key.rs`).
pub(super) fn found(
    conn: &rusqlite::Connection,
    key: &BriefingKey,
) -> rusqlite::Result<Option<i64>> {
    const LATEST: &str = "ORDER BY seen_at DESC, briefing DESC LIMIT 1";
    if !key.id.is_empty() {
        let sql = format!("SELECT briefing FROM briefings WHERE id = ?1 {LATEST}");
        if let Some(found) = conn
            .query_row(&sql, [&key.id], |row| row.get(0))
            .optional()?
        {
            return Ok(Some(found));
        }
    }
    // Either side without an id: see key.rs.
    const UNKNOWN: &str = "(id = '' OR ?2 = '')";
    let sql = format!("SELECT briefing FROM briefings WHERE hash = ?1 AND {UNKNOWN} {LATEST}");
    if let Some(found) = conn
        .query_row(&sql, params![key.hash_text(), key.id], |row| row.get(0))
        .optional()?
    {
        return Ok(Some(found));
    }
    let sql = format!("SELECT briefing FROM briefings WHERE path = ?1 AND {UNKNOWN} {LATEST}");
    conn.query_row(&sql, params![key.path_bytes(), key.id], |row| row.get(0))
        .optional()
}

/// The stored briefing a key names, its id, hash and path brought up to the key's; a new
/// one when none is stored.
fn found_or_added(tx: &Transaction, key: &BriefingKey, now: i64) -> rusqlite::Result<i64> {
    let values = params![key.id, key.hash_text(), key.path_bytes(), now];
    match found(tx, key)? {
        Some(briefing) => {
            tx.execute(
                "UPDATE briefings SET id = ?1, hash = ?2, path = ?3, seen_at = ?4
                 WHERE briefing = ?5",
                params![key.id, key.hash_text(), key.path_bytes(), now, briefing],
            )?;
            Ok(briefing)
        }
        None => {
            tx.execute(
                "INSERT INTO briefings (id, hash, path, seen_at) VALUES (?1, ?2, ?3, ?4)",
                values,
            )?;
            Ok(tx.last_insert_rowid())
        }
    }
}

fn put(
    tx: &Transaction,
    briefing: i64,
    who: &str,
    kind: &str,
    now: i64,
    key: &BriefingKey,
    note: Option<&str>,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO marks (briefing, who, kind, at, hash, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![briefing, who, kind, now, key.hash_text(), note],
    )?;
    Ok(())
}

/// Marks read unless already read: the first opening's time is kept.
fn put_read(
    tx: &Transaction,
    briefing: i64,
    who: &str,
    now: i64,
    key: &BriefingKey,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO marks (briefing, who, kind, at, hash, note)
         VALUES (?1, ?2, 'read', ?3, ?4, NULL)",
        params![briefing, who, now, key.hash_text()],
    )?;
    Ok(())
}

/// Seconds since 1970, UTC; 0 if the clock is before it.
pub(super) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        })
}
