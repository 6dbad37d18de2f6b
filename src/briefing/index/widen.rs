//! `actor:` and `speaker:` widened to every name of the merged actors they name, from the
//! actors of every indexed briefing (`query::ActorGroups`, the rule the scan uses too). The
//! groups are kept between searches until the database changes: `PRAGMA data_version`
//! tells another connection's commits, and this connection's own writes reset them.

use std::path::Path;

use rusqlite::Connection;

use super::path_from_bytes;
use crate::briefing::query::{ActorGroups, ActorKeys, Query};

#[derive(Debug, Default)]
pub(crate) struct Groups {
    kept: Option<(i64, ActorGroups)>,
}

impl Groups {
    pub fn forget(&mut self) {
        self.kept = None;
    }

    /// `query` widened, or as it is when it names no actor or speaker or is widened
    /// already.
    pub fn widen(&mut self, conn: &Connection, query: &Query) -> rusqlite::Result<Query> {
        if !query.names_an_actor() || query.is_widened() {
            return Ok(query.clone());
        }
        self.refresh(conn)?;
        let Some((_, groups)) = self.kept.as_mut() else {
            return Ok(query.clone());
        };
        Ok(groups.widen(query))
    }

    /// Reads the groups again when the database has changed since they were read.
    fn refresh(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let version: i64 = conn.query_row("PRAGMA data_version", [], |row| row.get(0))?;
        if self.kept.as_ref().is_none_or(|(kept, _)| *kept != version) {
            self.kept = Some((version, read(conn, None)?));
        }
        Ok(())
    }
}

/// The groups of the actors of every indexed briefing, less those of the files `skip`
/// (relative paths under the library).
pub(crate) fn read(
    conn: &Connection,
    skip: Option<&dyn Fn(&Path) -> bool>,
) -> rusqlite::Result<ActorGroups> {
    let mut statement = conn.prepare_cached(
        "SELECT a.names, f.path FROM actors a JOIN files f ON f.id = a.file_id
         WHERE f.error IS NULL",
    )?;
    let mut rows = statement.query([])?;
    let mut groups = ActorGroups::new();
    while let Some(row) = rows.next()? {
        if let Some(skip) = skip
            && skip(&path_from_bytes(&row.get::<_, Vec<u8>>(1)?))
        {
            continue;
        }
        groups.add(&ActorKeys::from_lines(&row.get::<_, String>(0)?));
    }
    Ok(groups)
}
