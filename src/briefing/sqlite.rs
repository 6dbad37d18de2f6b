//! What the index and the review state share in their SQLite files.

use rusqlite::Connection;

/// Applies every step of `migrations` after the file's `user_version` in one transaction,
/// so a killed process leaves the old version or the new one; `stamp` writes what marks the
/// file as the caller's (e.g. `application_id`) before the version. The version is read
/// again inside the transaction: another process may have just created or migrated the file.
pub(crate) fn migrate(
    conn: &Connection,
    migrations: &[&str],
    version: i64,
    stamp: impl FnOnce(&Connection) -> rusqlite::Result<()>,
) -> rusqlite::Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| {
        let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        let from = usize::try_from(found).unwrap_or(usize::MAX);
        if let Some(steps) = migrations.get(from..).filter(|steps| !steps.is_empty()) {
            conn.execute_batch(&steps.concat())?;
            stamp(conn)?;
            conn.pragma_update(None, "user_version", version)?;
        }
        Ok(())
    })();
    // A failed COMMIT ("busy") leaves the transaction open: it is rolled back too, so the
    // caller may try again on this connection.
    match result.and_then(|()| conn.execute_batch("COMMIT")) {
        Ok(()) => Ok(()),
        Err(error) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(error)
        }
    }
}
