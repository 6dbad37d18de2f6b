//! Everything that can go wrong with an index file, as one error a caller shows in one line.

use std::path::PathBuf;

/// Why an index cannot be used. Every variant names the index file; `Display` is one line.
/// An index is a cache: after any of these the caller may delete and rebuild it
/// ([`super::Index::rebuild`]) or go on without one.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("index {}: not a usable index ({detail}); rebuild it with `brief index --rebuild`", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("index {}: read-only, cannot be updated", path.display())]
    ReadOnly { path: PathBuf },
    #[error("index {}: locked by another process for longer than the wait allows", path.display())]
    Locked { path: PathBuf },
    #[error(
        "index {}: written by a newer brief (schema {found}, this one reads up to {supported})",
        path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("index {}: built for {}, not for {}", path.display(), stored.display(), wanted.display())]
    OtherLibrary {
        path: PathBuf,
        stored: PathBuf,
        wanted: PathBuf,
    },
    #[error("index {}: {detail}", path.display())]
    Io { path: PathBuf, detail: String },
    #[error("the search was cancelled")]
    Cancelled,
}

impl IndexError {
    /// Turns a database error into the variant it means for a caller.
    pub(crate) fn from_sqlite(path: &std::path::Path, error: &rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match error.sqlite_error_code() {
            Some(ErrorCode::ReadOnly) => IndexError::ReadOnly { path },
            Some(ErrorCode::CannotOpen) if is_permission_problem(&path) => {
                IndexError::ReadOnly { path }
            }
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
                IndexError::Locked { path }
            }
            Some(ErrorCode::OperationInterrupted) => IndexError::Cancelled,
            Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
                IndexError::Corrupt {
                    path,
                    detail: one_line(&error.to_string()),
                }
            }
            _ => IndexError::Io {
                path,
                detail: one_line(&error.to_string()),
            },
        }
    }

    /// Whether deleting the file and building it again can help.
    pub fn can_rebuild(&self) -> bool {
        matches!(
            self,
            IndexError::Corrupt { .. }
                | IndexError::NewerVersion { .. }
                | IndexError::OtherLibrary { .. }
        )
    }
}

fn is_permission_problem(path: &std::path::Path) -> bool {
    let writable =
        |p: &std::path::Path| std::fs::metadata(p).is_ok_and(|m| !m.permissions().readonly());
    !writable(path) || path.parent().is_some_and(|dir| !writable(dir))
}

/// Database messages are short, but nothing from outside reaches a terminal unflattened.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
