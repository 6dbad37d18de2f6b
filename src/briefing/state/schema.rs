//! Opening a state file: connection settings, the checks that it is a sound brief state of
//! a version this code reads, and the migrations.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use super::StateError;

/// `PRAGMA user_version` of the schema this code writes and reads.
pub const SCHEMA_VERSION: i64 = 1;

/// `PRAGMA application_id` of a brief state file ("brfs"), so that a database of another
/// program pointed at by mistake is recognised and left alone.
const APPLICATION_ID: i64 = 0x6272_6673;

/// How long a writer waits for other writers. Marks are small and quick, so many processes
/// on one state queue behind each other well within this.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Entry `i` turns version `i` into `i + 1`; entry 0 creates the schema.
const MIGRATIONS: &[&str] = &[include_str!("schema_v1.sql")];

/// Opens (creating when missing) the state at `path`, checked and migrated. SQLite does
/// not wait on every lock it meets while other processes create the file or turn it to WAL
/// at the same moment: such an open is tried again, within the busy timeout.
pub(super) fn open(path: &Path) -> Result<Connection, StateError> {
    let started = std::time::Instant::now();
    loop {
        match open_once(path) {
            Err(StateError::Locked { .. }) if started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(10));
            }
            opened => return opened,
        }
    }
}

fn open_once(path: &Path) -> Result<Connection, StateError> {
    let sqlite = |error: rusqlite::Error| StateError::from_sqlite(path, &error);
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|error| StateError::Io {
            path: path.to_path_buf(),
            detail: format!("cannot create its folder: {error}"),
        })?;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sqlite)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sqlite)?;
    if conn.is_readonly("main").map_err(sqlite)? {
        return Err(StateError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    check(&conn, path)?;
    // FULL: a mark is a person's work, and marks come at a person's pace.
    conn.pragma_update(None, "journal_mode", "WAL")
        .map_err(sqlite)?;
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(sqlite)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .map_err(sqlite)?;
    if version < SCHEMA_VERSION {
        migrate(&conn).map_err(sqlite)?;
    }
    Ok(conn)
}

/// Reads the header, the schema and every page's structure: a garbage or truncated file
/// fails here, before anything is written to it.
fn check(conn: &Connection, path: &Path) -> Result<(), StateError> {
    let sqlite = |error: rusqlite::Error| StateError::from_sqlite(path, &error);
    let pragma = |name: &str| -> Result<i64, StateError> {
        conn.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))
            .map_err(sqlite)
    };
    // The tables first: another process may be creating the file, and its schema and its
    // application_id land in one commit, so once the tables are seen the id is too.
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
        .map_err(sqlite)?;
    let version = pragma("user_version")?;
    let application = pragma("application_id")?;
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
        .map_err(sqlite)?;
    if verdict != "ok" {
        return Err(StateError::Corrupt {
            path: path.to_path_buf(),
            detail: verdict,
        });
    }
    if tables > 0 && application != APPLICATION_ID {
        return Err(StateError::NotState {
            path: path.to_path_buf(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StateError::NewerVersion {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    crate::briefing::sqlite::migrate(conn, MIGRATIONS, SCHEMA_VERSION, |conn| {
        conn.pragma_update(None, "application_id", APPLICATION_ID)
    })
}
