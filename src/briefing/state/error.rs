//! Why the review state cannot be used: one line for the user each, naming the file.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// No place for the state: neither `XDG_STATE_HOME` nor `HOME` is set, and no path given.
    #[error("no place for the review state: neither XDG_STATE_HOME nor HOME is set")]
    NoLocation,
    #[error("{path}: {detail}")]
    Io { path: PathBuf, detail: String },
    #[error("{path}: read-only, marks cannot be saved")]
    ReadOnly { path: PathBuf },
    /// The file is damaged; it has not been changed.
    #[error("{path}: damaged ({detail})")]
    Corrupt { path: PathBuf, detail: String },
    /// A database of some other program, left as it is.
    #[error("{path}: a database, but not a brief review state; left as it is")]
    NotState { path: PathBuf },
    /// Written by a newer brief; left as it is.
    #[error(
        "{path}: written by a newer brief (schema version {found}, this one reads up to {supported}); left as it is"
    )]
    NewerVersion {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path}: another brief holds the state busy; try again")]
    Locked { path: PathBuf },
    #[error("{path}: {detail}")]
    Sqlite { path: PathBuf, detail: String },
}

impl StateError {
    pub(super) fn from_sqlite(path: &std::path::Path, error: &rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        let path = path.to_path_buf();
        match error.sqlite_error_code() {
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => StateError::Corrupt {
                path,
                detail: error.to_string(),
            },
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
                StateError::Locked { path }
            }
            Some(ErrorCode::ReadOnly) => StateError::ReadOnly { path },
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => StateError::Io {
                path,
                detail: format!("cannot open: {error}"),
            },
            _ => StateError::Sqlite {
                path,
                detail: error.to_string(),
            },
        }
    }

    /// Whether the file is damaged, so that it may be moved aside and a new state begun.
    pub fn is_corrupt(&self) -> bool {
        matches!(self, StateError::Corrupt { .. })
    }
}
