//! The actor index: actors merged across briefings (by id, and by name or alias where ids
//! differ), with how many briefings mention and quote each, and one actor's timeline.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use rusqlite::{Connection, params};

use super::path_from_bytes;

/// One actor as the whole library knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedActor {
    /// The name most briefings give it (ties: the first in sort order).
    pub name: String,
    /// Every other name and alias it goes by, and its ids.
    pub aliases: Vec<String>,
    pub ids: Vec<String>,
    /// Roles, organizations and countries the briefings give it, each once.
    pub roles: Vec<String>,
    /// Briefings that list it among their actors or quote it.
    pub mentioned_in: usize,
    /// Briefings with a quotation of it.
    pub quoted_in: usize,
    /// The (file, actor position) rows merged into it.
    members: Vec<(i64, i64)>,
}

/// A briefing on an actor's timeline, with the quotations of it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// The briefing file, absolute.
    pub path: PathBuf,
    pub id: String,
    pub headline: String,
    pub date: Option<String>,
    /// The quotations of the actor in this briefing: their index in the briefing's
    /// `quotes` and their text.
    pub quotes: Vec<(usize, String)>,
}

struct Row {
    file: i64,
    position: i64,
    id: String,
    name: String,
    aliases: String,
    roles: [Option<String>; 3],
    /// Normalised id, name and aliases, one per line.
    keys: String,
}

/// Union-find over actor rows.
struct Groups(Vec<usize>);

impl Groups {
    fn root(&mut self, mut at: usize) -> usize {
        while self.0[at] != at {
            self.0[at] = self.0[self.0[at]];
            at = self.0[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

pub(crate) fn actors(conn: &Connection) -> rusqlite::Result<Vec<MergedActor>> {
    let rows = actor_rows(conn)?;
    let mut groups = Groups((0..rows.len()).collect());
    // Ids and names are separate key spaces: an id equal to someone's name is no link.
    let mut first_with: HashMap<(bool, &str), usize> = HashMap::new();
    for (at, row) in rows.iter().enumerate() {
        let mut keys = row.keys.lines();
        let id = keys.next().unwrap_or_default();
        let names = keys.filter(|key| !key.is_empty()).map(|key| (false, key));
        let id = (!id.is_empty()).then_some((true, id));
        for key in id.into_iter().chain(names) {
            match first_with.get(&key) {
                Some(&other) => groups.join(at, other),
                None => {
                    first_with.insert(key, at);
                }
            }
        }
    }
    let quoted = quoted_members(conn)?;
    let mut merged: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for at in 0..rows.len() {
        merged.entry(groups.root(at)).or_default().push(at);
    }
    let mut actors: Vec<MergedActor> = merged
        .values()
        .map(|members| merge(&rows, members, &quoted))
        .collect();
    actors.sort_by(|a, b| {
        b.mentioned_in
            .cmp(&a.mentioned_in)
            .then_with(|| a.name.cmp(&b.name))
    });
    Ok(actors)
}

fn actor_rows(conn: &Connection) -> rusqlite::Result<Vec<Row>> {
    let mut statement = conn.prepare(
        "SELECT file_id, position, actor_id, name, aliases, role, organization, country, names
         FROM actors ORDER BY file_id, position",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(Row {
            file: row.get(0)?,
            position: row.get(1)?,
            id: row.get(2)?,
            name: row.get(3)?,
            aliases: row.get(4)?,
            roles: [row.get(5)?, row.get(6)?, row.get(7)?],
            keys: row.get(8)?,
        })
    })?;
    rows.collect()
}

/// (file, actor position) of every actor that a quotation's speaker names.
fn quoted_members(conn: &Connection) -> rusqlite::Result<BTreeSet<(i64, i64)>> {
    let mut statement =
        conn.prepare("SELECT DISTINCT file_id, actor FROM quotes WHERE actor IS NOT NULL")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    rows.collect()
}

fn merge(rows: &[Row], members: &[usize], quoted: &BTreeSet<(i64, i64)>) -> MergedActor {
    let mut name_counts: BTreeMap<&str, usize> = BTreeMap::new();
    let (mut aliases, mut ids, mut roles) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
    let (mut files, mut quoting) = (BTreeSet::new(), BTreeSet::new());
    for row in members.iter().map(|&at| &rows[at]) {
        *name_counts.entry(row.name.as_str()).or_default() += 1;
        aliases.extend(row.aliases.lines().filter(|a| !a.is_empty()));
        if !row.id.is_empty() {
            ids.insert(row.id.as_str());
        }
        roles.extend(row.roles.iter().flatten().map(String::as_str));
        files.insert(row.file);
        if quoted.contains(&(row.file, row.position)) {
            quoting.insert(row.file);
        }
    }
    let name = name_counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(name, _)| (*name).to_owned())
        .unwrap_or_default();
    let aliases = name_counts
        .keys()
        .copied()
        .chain(aliases)
        .filter(|other| *other != name)
        .collect::<BTreeSet<_>>();
    MergedActor {
        name,
        aliases: aliases.into_iter().map(str::to_owned).collect(),
        ids: ids.into_iter().map(str::to_owned).collect(),
        roles: roles.into_iter().map(str::to_owned).collect(),
        mentioned_in: files.len(),
        quoted_in: quoting.len(),
        members: members
            .iter()
            .map(|&at| (rows[at].file, rows[at].position))
            .collect(),
    }
}

/// The briefings that list `actor`, oldest first (undated last), each with its quotations.
pub(crate) fn timeline(
    conn: &Connection,
    library: &std::path::Path,
    actor: &MergedActor,
) -> rusqlite::Result<Vec<TimelineEntry>> {
    let mut positions: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for &(file, position) in &actor.members {
        positions.entry(file).or_default().push(position);
    }
    let mut file = conn.prepare_cached(
        "SELECT path, briefing_id, headline, date FROM files WHERE id = ?1 AND error IS NULL",
    )?;
    let mut quotes = conn.prepare_cached(
        "SELECT position, actor, text FROM quotes WHERE file_id = ?1 ORDER BY position",
    )?;
    let mut entries = Vec::new();
    for (id, actor_positions) in positions {
        let Some(mut entry) = file
            .query_map([id], |row| {
                Ok(TimelineEntry {
                    path: library.join(path_from_bytes(&row.get::<_, Vec<u8>>(0)?)),
                    id: row.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    headline: row.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    date: row.get(3)?,
                    quotes: Vec::new(),
                })
            })?
            .next()
            .transpose()?
        else {
            continue;
        };
        let rows = quotes.query_map(params![id], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (position, speaker, text) = row?;
            if speaker.is_some_and(|speaker| actor_positions.contains(&speaker)) {
                entry
                    .quotes
                    .push((usize::try_from(position).unwrap_or(0), text));
            }
        }
        entries.push(entry);
    }
    entries.sort_by(|a, b| match (&a.date, &b.date) {
        (Some(x), Some(y)) => x.cmp(y).then_with(|| a.path.cmp(&b.path)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.path.cmp(&b.path),
    });
    Ok(entries)
}
