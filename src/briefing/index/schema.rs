//! Opening an index file: connection settings, the schema and its version, and the checks
//! that the file is an index of this library.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::IndexError;
use crate::briefing::date::sort_key;

/// `PRAGMA user_version` of the schema this code writes and reads.
pub const SCHEMA_VERSION: i64 = 3;

/// How long a writer waits for another writer before reporting the index locked. Readers
/// never wait: in WAL mode they read the last committed state.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long the set-up waits before trying again after an immediate "busy".
const SET_UP_RETRY: Duration = Duration::from_millis(5);

/// Each entry turns version `i` into `i + 1`; entry 0 creates the schema.
const MIGRATIONS: &[&str] = &[
    include_str!("schema_v1.sql"),
    include_str!("schema_v2.sql"),
    include_str!("schema_v3.sql"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Create the file if missing, migrate an older schema, write.
    ReadWrite,
    /// Read what is there; never create or change the file.
    ReadOnly,
}

/// Opens (or creates) the index at `path` for the library folder `library` (canonical).
pub(crate) fn open(path: &Path, library: &Path, access: Access) -> Result<Connection, IndexError> {
    let sqlite = |error: rusqlite::Error| IndexError::from_sqlite(path, &error);
    if access == Access::ReadWrite
        && let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty())
    {
        std::fs::create_dir_all(dir).map_err(|error| IndexError::Io {
            path: path.to_path_buf(),
            detail: format!("cannot create its folder: {error}"),
        })?;
    }
    let flags = match access {
        Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        Access::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
    if access == Access::ReadWrite && conn.is_readonly("main").map_err(sqlite)? {
        return Err(IndexError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    // SQLite answers "busy" at once, without the timeout, where waiting could deadlock:
    // as another process creates the file or switches it to WAL while this one reads it.
    // Those moments pass, so a writer's set-up is tried again until the timeout (on a
    // connection left in no transaction); a reader never waits.
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        match set_up(&conn, path, library, access) {
            Err(IndexError::Locked { .. })
                if access == Access::ReadWrite
                    && conn.is_autocommit()
                    && Instant::now() < deadline =>
            {
                std::thread::sleep(SET_UP_RETRY);
            }
            result => return result.map(|()| conn),
        }
    }
}

/// The schema checked (and for a writer, made or migrated) and the library checked.
fn set_up(
    conn: &Connection,
    path: &Path,
    library: &Path,
    access: Access,
) -> Result<(), IndexError> {
    let sqlite = |error: rusqlite::Error| IndexError::from_sqlite(path, &error);
    // Reading the schema reads the header and the first page: garbage fails here. One
    // statement reads both from one state of the file, which another process may be
    // creating meanwhile.
    let (version, tables): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT user_version FROM pragma_user_version), \
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .map_err(sqlite)?;
    check_version(path, version, tables)?;
    if access == Access::ReadWrite {
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(sqlite)?;
        if version < SCHEMA_VERSION {
            migrate(conn).map_err(sqlite)?;
        }
    }
    check_library(conn, path, library, access)
}

fn check_version(path: &Path, version: i64, tables: i64) -> Result<(), IndexError> {
    let supported = SCHEMA_VERSION;
    if version > supported {
        return Err(IndexError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            supported,
        });
    }
    if version == 0 && tables > 0 {
        return Err(IndexError::Corrupt {
            path: path.to_path_buf(),
            detail: "a database, but not a brief index".into(),
        });
    }
    Ok(())
}

fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    crate::briefing::sqlite::migrate(conn, MIGRATIONS, SCHEMA_VERSION, recompute_sort_keys)
}

/// Every row's `sort_key` from its date, as version 3 defines it; a no-op on rows already
/// keyed so, and on an index just created.
fn recompute_sort_keys(conn: &Connection) -> rusqlite::Result<()> {
    let mut rows = conn.prepare("SELECT id, date FROM files WHERE date IS NOT NULL")?;
    let dated = rows
        .query_map([], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut update = conn.prepare("UPDATE files SET sort_key = ?2 WHERE id = ?1")?;
    for (id, date) in dated {
        update.execute(rusqlite::params![id, sort_key(Some(&date))])?;
    }
    Ok(())
}

/// The library path is stored inside the index when it is made and checked on every open,
/// so a file named after a hash can never answer for another folder.
fn check_library(
    conn: &Connection,
    path: &Path,
    library: &Path,
    access: Access,
) -> Result<(), IndexError> {
    let sqlite = |error: rusqlite::Error| IndexError::from_sqlite(path, &error);
    let wanted = library.as_os_str().as_encoded_bytes();
    let stored: Option<Vec<u8>> = conn
        .query_row("SELECT value FROM meta WHERE key = 'library'", [], |row| {
            row.get(0)
        })
        .optional()
        .map_err(sqlite)?;
    match stored {
        Some(stored) if stored == wanted => Ok(()),
        Some(stored) => Err(IndexError::OtherLibrary {
            path: path.to_path_buf(),
            stored: PathBuf::from(String::from_utf8_lossy(&stored).into_owned()),
            wanted: library.to_path_buf(),
        }),
        None if access == Access::ReadWrite => {
            // Another process may be naming it at the same moment: the first name stays.
            conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('library', ?1)",
                [wanted],
            )
            .map_err(sqlite)?;
            check_library(conn, path, library, Access::ReadOnly)
        }
        None => Err(IndexError::Corrupt {
            path: path.to_path_buf(),
            detail: "it names no library".into(),
        }),
    }
}
