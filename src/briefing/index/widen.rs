//! `actor:` and `speaker:` widened to every name of the merged actors they name, from the
//! actors of every indexed briefing (`query::ActorGroups`, the rule the scan uses too). The
//! groups are kept between searches until the database changes: `PRAGMA data_version`
//! tells another connection's commits, and this connection's own writes reset them.

use rusqlite::Connection;

use crate::briefing::query::{ActorGroups, ActorKeys, Filter, Query};

#[derive(Debug, Default)]
pub(crate) struct Groups {
    kept: Option<(i64, ActorGroups)>,
}

impl Groups {
    pub fn forget(&mut self) {
        self.kept = None;
    }

    /// `query` widened, or as it is when it names no actor or speaker.
    pub fn widen(&mut self, conn: &Connection, query: &Query) -> rusqlite::Result<Query> {
        let names_actor = query
            .clauses
            .iter()
            .any(|clause| matches!(clause.filter, Filter::Actor(_) | Filter::Speaker(_)));
        if !names_actor {
            return Ok(query.clone());
        }
        self.refresh(conn)?;
        let Some((_, groups)) = self.kept.as_mut() else {
            return Ok(query.clone());
        };
        Ok(groups.widen(query))
    }

    /// The groups as they stand, for a searcher that adds files the index does not have.
    pub fn groups(&mut self, conn: &Connection) -> rusqlite::Result<ActorGroups> {
        self.refresh(conn)?;
        Ok(self
            .kept
            .as_ref()
            .map(|(_, groups)| groups.clone())
            .unwrap_or_default())
    }

    /// Reads the groups again when the database has changed since they were read.
    fn refresh(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        let version: i64 = conn.query_row("PRAGMA data_version", [], |row| row.get(0))?;
        if self.kept.as_ref().is_none_or(|(kept, _)| *kept != version) {
            self.kept = Some((version, read(conn)?));
        }
        Ok(())
    }
}

fn read(conn: &Connection) -> rusqlite::Result<ActorGroups> {
    let mut statement = conn.prepare_cached(
        "SELECT a.names FROM actors a JOIN files f ON f.id = a.file_id WHERE f.error IS NULL",
    )?;
    let mut rows = statement.query([])?;
    let mut groups = ActorGroups::new();
    while let Some(row) = rows.next()? {
        groups.add(&ActorKeys::from_lines(&row.get::<_, String>(0)?));
    }
    Ok(groups)
}
