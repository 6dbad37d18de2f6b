//! The library as the index lists it: every file's row made into the `Listing` (or the
//! `LoadFailure`) that loading the file gives, without opening it. Diagnostics are kept
//! as one compact JSON object per line; a file's path is left out of them, since it is
//! the row's own.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::path_from_bytes;
use crate::briefing::{
    Diagnostic, Direction, Library, Listing, LoadFailure, Severity, sort_reading_order,
};

#[derive(Serialize, Deserialize)]
struct StoredDiagnostic {
    /// 'e' or 'w'.
    s: char,
    l: usize,
    c: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    p: Option<String>,
    m: String,
}

/// `diagnostics` as the `files.diagnostics` column holds them: '' for none.
pub(crate) fn encode(diagnostics: &[Diagnostic]) -> String {
    let mut text = String::new();
    for d in diagnostics {
        let stored = StoredDiagnostic {
            s: if d.is_error() { 'e' } else { 'w' },
            l: d.line,
            c: d.column,
            p: d.json_path.clone(),
            m: d.message.clone(),
        };
        // Plain data with string keys: serialising it cannot fail.
        if let Ok(line) = serde_json::to_string(&stored) {
            text.push_str(&line);
            text.push('\n');
        }
    }
    text
}

/// The diagnostics of the file `path` from its column. A line that does not read (the
/// index was written by something else) becomes an error saying so, never a silent loss.
pub(super) fn decode(text: &str, path: &Path) -> Vec<Diagnostic> {
    text.lines()
        .map(
            |line| match serde_json::from_str::<StoredDiagnostic>(line) {
                Ok(stored) => Diagnostic {
                    path: path.to_path_buf(),
                    line: stored.l,
                    column: stored.c,
                    severity: if stored.s == 'e' {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    json_path: stored.p,
                    message: stored.m,
                },
                Err(error) => Diagnostic {
                    path: path.to_path_buf(),
                    line: 0,
                    column: 0,
                    severity: Severity::Error,
                    json_path: None,
                    message: format!("the index holds an unreadable diagnostic: {error}"),
                },
            },
        )
        .collect()
}

pub(super) fn direction(name: Option<&str>) -> Direction {
    match name {
        Some("ltr") => Direction::Ltr,
        Some("rtl") => Direction::Rtl,
        _ => Direction::Auto,
    }
}

/// The columns a row is made into a listing or a failure from, in `take_row`'s order.
const COLUMNS: &str = "path, briefing_id, headline, summary, date, language, direction, \
                       classification, diagnostics, error";

/// Every row, its path under `folder`, in reading order (failures by path). The table is
/// read in its own order, which costs one pass over it; walking it by date would jump
/// from page to page for every row.
pub(crate) fn listings(conn: &Connection, folder: &Path) -> rusqlite::Result<Library> {
    let sql = format!("SELECT {COLUMNS} FROM files NOT INDEXED");
    read_sorted(conn, &sql, [], folder, 0)
}

/// The first rows of the library in reading order: at least `rows` briefings when there are
/// so many, with every briefing dated as early as the last of them, so that they are
/// exactly the beginning of [`listings`]; and what [`after`] takes to read the rest.
pub(crate) fn first(conn: &Connection, folder: &Path, rows: usize) -> rusqlite::Result<Head> {
    let count = |sql: &str| {
        conn.query_row(sql, [], |row| row.get::<_, i64>(0))
            .map(|n| usize::try_from(n).unwrap_or(0))
    };
    let entries = count("SELECT count(*) FROM files")?;
    let failures =
        count("SELECT count(*) FROM files INDEXED BY files_failed WHERE error IS NOT NULL")?;
    let offset = i64::try_from(rows.saturating_sub(1)).unwrap_or(i64::MAX);
    let boundary: Option<String> = conn
        .query_row(
            "SELECT sort_key FROM files WHERE error IS NULL
             ORDER BY sort_key DESC LIMIT 1 OFFSET ?1",
            [offset],
            |row| row.get(0),
        )
        .optional()?
        // Undated briefings come last in any order of theirs: from there on, all at once.
        .filter(|key: &String| !key.is_empty());
    let library = match &boundary {
        Some(key) => {
            let sql = format!(
                "SELECT {COLUMNS} FROM files INDEXED BY files_by_date
                 WHERE sort_key >= ?1 AND error IS NULL"
            );
            read_sorted(conn, &sql, [key], folder, rows)?
        }
        None => listings(conn, folder)?,
    };
    Ok(Head {
        library,
        rest: boundary,
        briefings: entries - failures,
        failures,
    })
}

/// Every row [`first`] left out, given the boundary it returned: the later briefings in
/// reading order and every failure.
pub(crate) fn after(conn: &Connection, folder: &Path, head: &Head) -> rusqlite::Result<Library> {
    let Some(boundary) = &head.rest else {
        return Ok(Library::default());
    };
    let sql =
        format!("SELECT {COLUMNS} FROM files NOT INDEXED WHERE sort_key < ?1 OR error IS NOT NULL");
    let rows = head.briefings.saturating_sub(head.library.listings.len());
    read_sorted(conn, &sql, [boundary], folder, rows)
}

/// The beginning of the library as the index lists it, and how much there is in all.
#[derive(Debug, Clone, Default)]
pub struct Head {
    pub library: Library,
    /// Where the rest begins (for [`after`]); `None` when `library` is everything.
    pub(crate) rest: Option<String>,
    /// Briefings and failed files in the whole index.
    pub briefings: usize,
    pub failures: usize,
}

impl Head {
    /// Whether rows remain to be read after this beginning.
    pub fn is_whole(&self) -> bool {
        self.rest.is_none()
    }
}

fn read_sorted<P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    folder: &Path,
    expected: usize,
) -> rusqlite::Result<Library> {
    let mut statement = conn.prepare(sql)?;
    let mut rows = statement.query(params)?;
    // Sized at once: a vector grown by doubling to 100,000 listings leaves its smaller
    // copies behind as holes in the heap.
    let mut library = Library {
        listings: Vec::with_capacity(expected),
        failures: Vec::new(),
    };
    while let Some(row) = rows.next()? {
        take_row(row, folder, &mut library)?;
    }
    sort_reading_order(&mut library.listings);
    library.failures.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(library)
}

/// One row of [`COLUMNS`] into `library`: a listing, or a failure when the row says so.
fn take_row(row: &rusqlite::Row, folder: &Path, library: &mut Library) -> rusqlite::Result<()> {
    let path: PathBuf = folder.join(path_from_bytes(&row.get::<_, Vec<u8>>(0)?));
    let diagnostics: Option<String> = row.get(8)?;
    let error: Option<String> = row.get(9)?;
    if let Some(error) = error {
        let mut found = decode(diagnostics.as_deref().unwrap_or_default(), &path);
        if found.is_empty() {
            found.push(Diagnostic {
                path: path.clone(),
                line: 0,
                column: 0,
                severity: Severity::Error,
                json_path: None,
                message: error,
            });
        }
        library.failures.push(LoadFailure {
            path,
            diagnostics: found,
        });
        return Ok(());
    }
    let warnings = decode(diagnostics.as_deref().unwrap_or_default(), &path);
    library.listings.push(Listing {
        id: row.get::<_, Option<String>>(1)?.unwrap_or_default(),
        headline: row.get::<_, Option<String>>(2)?.unwrap_or_default(),
        summary: row.get(3)?,
        date: row.get(4)?,
        language: row.get(5)?,
        direction: direction(row.get::<_, Option<String>>(6)?.as_deref()),
        classification: row.get(7)?,
        warnings,
        path,
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_read_back_as_written() {
        let path = Path::new("lib/a.json");
        let written = vec![
            Diagnostic {
                path: path.to_path_buf(),
                line: 3,
                column: 7,
                severity: Severity::Warning,
                json_path: Some("quotes[2].speaker".into()),
                message: "unknown key \"x\"\nsecond line".into(),
            },
            Diagnostic {
                path: path.to_path_buf(),
                line: 0,
                column: 0,
                severity: Severity::Error,
                json_path: None,
                message: "too large".into(),
            },
        ];
        let text = encode(&written);
        assert_eq!(text.lines().count(), 2, "{text}");
        assert_eq!(decode(&text, path), written);
        assert_eq!(encode(&[]), "");
        assert!(decode("", path).is_empty());
        let garbage = decode("{not json", path);
        assert!(garbage[0].is_error() && garbage[0].message.contains("unreadable"));
    }
}
