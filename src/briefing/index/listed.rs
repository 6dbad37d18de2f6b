//! The library as the index lists it: every file's row made into the `Listing` (or the
//! `LoadFailure`) that loading the file gives, without opening it. Diagnostics are kept
//! as one compact JSON object per line; a file's path is left out of them, since it is
//! the row's own.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::path_from_bytes;
use crate::briefing::{
    Diagnostic, Direction, Library, Listing, LoadFailure, Severity, reading_order,
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
fn decode(text: &str, path: &Path) -> Vec<Diagnostic> {
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

fn direction(name: Option<&str>) -> Direction {
    match name {
        Some("ltr") => Direction::Ltr,
        Some("rtl") => Direction::Rtl,
        _ => Direction::Auto,
    }
}

/// Every row, its path under `folder`, in reading order (failures by path).
pub(crate) fn listings(conn: &Connection, folder: &Path) -> rusqlite::Result<Library> {
    // Newest first by the date as written is nearly reading order, so the sort below
    // (which compares dates as instants) finds long runs and costs about one pass.
    let mut statement = conn.prepare(
        "SELECT path, briefing_id, headline, summary, date, language, direction,
                classification, diagnostics, error
         FROM files ORDER BY sort_key DESC, path",
    )?;
    let mut rows = statement.query([])?;
    let mut library = Library::default();
    while let Some(row) = rows.next()? {
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
            continue;
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
    }
    library.listings.sort_by(reading_order);
    library.failures.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(library)
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
