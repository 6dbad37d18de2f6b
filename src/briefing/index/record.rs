//! What the index keeps of one file: its row in `files` and, for a briefing that loaded,
//! its texts, tags, actors and quotations. A file's rows are written and deleted together.

use rusqlite::{Transaction, params};

use super::listed::encode;
use crate::briefing::date::sort_key;
use crate::briefing::query::{Part, fields, normalize_text};
use crate::briefing::{Briefing, Diagnostic, Direction, Listing, LoadFailure, Loaded};

/// The `texts` column a part of a briefing is stored in: the one of the scope that looks in
/// it (`in:headline`, `in:body`, `in:quotes`), else `meta`.
pub(crate) fn column(part: Part) -> usize {
    match part {
        Part::Headline => 0,
        Part::Summary | Part::Body | Part::Point => 1,
        Part::Quote | Part::QuoteContext => 2,
        Part::Speaker
        | Part::Actor
        | Part::Tag
        | Part::Place
        | Part::Source
        | Part::Date
        | Part::Classification
        | Part::Language
        | Part::FileName => 3,
    }
}

/// The normalised text of each `texts` column, one field per line: a word matches within
/// one field, and no field holds a line break once normalised.
fn texts(briefing: &Briefing) -> [String; 4] {
    let mut columns: [String; 4] = Default::default();
    for field in fields(briefing) {
        let column = &mut columns[column(field.part)];
        if !column.is_empty() {
            column.push('\n');
        }
        column.push_str(&normalize_text(&field.text));
    }
    columns
}

/// A file as found on disk, before or after reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FileStamp {
    /// The path relative to the library, as bytes.
    pub rel: Vec<u8>,
    pub size: u64,
    pub mtime_ns: i64,
}

/// A file read and parsed: its content hash and the briefing, or why it failed (with
/// `error`, the one line the index keeps of it).
#[derive(Debug)]
pub(crate) struct Parsed {
    pub stamp: FileStamp,
    pub hash: u64,
    pub outcome: Result<Box<Prepared>, Failed>,
}

#[derive(Debug)]
pub(crate) struct Failed {
    pub error: String,
    pub failure: LoadFailure,
}

/// A briefing with everything normalised that the index stores, made on a worker thread so
/// that the one writing thread only writes.
#[derive(Debug)]
pub(crate) struct Prepared {
    briefing: Briefing,
    warnings: Vec<Diagnostic>,
    texts: [String; 4],
    tags: Vec<String>,
    class_key: Option<String>,
    /// Per actor: its id, name and aliases normalised, one per line.
    actor_keys: Vec<String>,
    speaker_keys: Vec<String>,
}

impl Prepared {
    pub fn new(loaded: Loaded) -> Self {
        let Loaded { briefing, warnings } = loaded;
        let actor_keys = briefing
            .actors
            .iter()
            .map(|a| {
                std::iter::once(&a.id)
                    .chain([&a.name])
                    .chain(&a.aliases)
                    .map(|name| normalize_text(name))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect();
        Prepared {
            texts: texts(&briefing),
            tags: briefing.tags.iter().map(|t| normalize_text(t)).collect(),
            class_key: briefing.classification.as_deref().map(normalize_text),
            actor_keys,
            speaker_keys: briefing
                .quotes
                .iter()
                .map(|q| normalize_text(&q.speaker))
                .collect(),
            briefing,
            warnings,
        }
    }

    /// What the library lists of it: what `Listing::of` makes of the file loaded.
    pub fn listing(&self) -> Listing {
        Listing::from_parts(&self.briefing, &self.warnings)
    }
}

pub(crate) fn insert(tx: &Transaction, parsed: &Parsed) -> rusqlite::Result<i64> {
    let stamp = &parsed.stamp;
    let size = i64::try_from(stamp.size).unwrap_or(i64::MAX);
    // SQLite integers are signed: the hash is stored as its bit pattern.
    let hash = parsed.hash as i64;
    let id = match &parsed.outcome {
        Err(failed) => {
            tx.execute(
                "INSERT INTO files (path, size, mtime_ns, hash, error, diagnostics)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    stamp.rel,
                    size,
                    stamp.mtime_ns,
                    hash,
                    failed.error,
                    encode(&failed.failure.diagnostics)
                ],
            )?;
            tx.last_insert_rowid()
        }
        Ok(prepared) => {
            let briefing = &prepared.briefing;
            tx.execute(
                "INSERT INTO files (path, size, mtime_ns, hash, briefing_id, date, day, language,
                     direction, classification, headline, class_key, sort_key, summary,
                     diagnostics)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                params![
                    stamp.rel,
                    size,
                    stamp.mtime_ns,
                    hash,
                    briefing.id,
                    briefing.date,
                    briefing.date.as_deref().and_then(day),
                    briefing.language,
                    direction_name(briefing.direction),
                    briefing.classification,
                    briefing.headline,
                    prepared.class_key,
                    sort_key(briefing.date.as_deref()),
                    briefing.summary,
                    encode(&prepared.warnings),
                ],
            )?;
            let id = tx.last_insert_rowid();
            insert_details(tx, id, prepared)?;
            id
        }
    };
    Ok(id)
}

fn insert_details(tx: &Transaction, id: i64, prepared: &Prepared) -> rusqlite::Result<()> {
    let briefing = &prepared.briefing;
    let [headline, body, quotes, meta] = &prepared.texts;
    tx.prepare_cached(
        "INSERT INTO texts (rowid, headline, body, quotes, meta) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![id, headline, body, quotes, meta])?;
    let mut tag = tx.prepare_cached("INSERT INTO tags (file_id, tag) VALUES (?1, ?2)")?;
    for text in &prepared.tags {
        tag.execute(params![id, text])?;
    }
    let mut actor = tx.prepare_cached(
        "INSERT INTO actors (file_id, position, actor_id, name, aliases, role, organization,
             country, names)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for ((position, a), names) in (0_i64..).zip(&briefing.actors).zip(&prepared.actor_keys) {
        let aliases = a.aliases.join("\n");
        actor.execute(params![
            id,
            position,
            a.id,
            a.name,
            aliases,
            a.role,
            a.organization,
            a.country,
            names
        ])?;
    }
    let mut quote = tx.prepare_cached(
        "INSERT INTO quotes (file_id, position, speaker, speaker_key, actor, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for ((position, q), speaker_key) in (0_i64..).zip(&briefing.quotes).zip(&prepared.speaker_keys)
    {
        let speaker_actor = briefing
            .find_actor(&q.speaker)
            .and_then(|found| briefing.actors.iter().position(|a| std::ptr::eq(a, found)))
            .and_then(|at| i64::try_from(at).ok());
        quote.execute(params![
            id,
            position,
            q.speaker,
            speaker_key,
            speaker_actor,
            q.text
        ])?;
    }
    Ok(())
}

/// Deletes a file's row and every row derived from it.
pub(crate) fn delete(tx: &Transaction, id: i64) -> rusqlite::Result<()> {
    for table in [
        "DELETE FROM texts WHERE rowid = ?1",
        "DELETE FROM tags WHERE file_id = ?1",
        "DELETE FROM actors WHERE file_id = ?1",
        "DELETE FROM quotes WHERE file_id = ?1",
        "DELETE FROM files WHERE id = ?1",
    ] {
        tx.prepare_cached(table)?.execute([id])?;
    }
    Ok(())
}

/// The calendar day of an RFC 3339 date or a bare `YYYY-MM-DD`: its first ten characters
/// when they have that shape.
pub(crate) fn day(date: &str) -> Option<String> {
    let day = date.get(..10)?;
    let b = day.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10))
        .then(|| day.to_owned())
}

pub(super) fn direction_name(direction: Direction) -> &'static str {
    match direction {
        Direction::Auto => "auto",
        Direction::Ltr => "ltr",
        Direction::Rtl => "rtl",
    }
}

#[cfg(test)]
mod tests {
    use super::day;

    #[test]
    fn a_day_is_the_first_ten_characters_when_they_are_a_date() {
        assert_eq!(day("2025-03-01T10:00:00Z").as_deref(), Some("2025-03-01"));
        assert_eq!(day("2025-03-01").as_deref(), Some("2025-03-01"));
        assert_eq!(day("2025-3-1"), None);
        assert_eq!(day("٢٠٢٥-٠٣-٠١"), None);
        assert_eq!(day(""), None);
    }
}
