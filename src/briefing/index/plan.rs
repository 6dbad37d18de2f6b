//! A query turned into SQL that selects candidates: every briefing the query matches, and
//! perhaps a few it does not (the caller checks each against the query exactly).
//!
//! Words of three characters or more select rows by their trigrams in `texts` (an FTS5
//! table without positions, so a row with all of a word's trigrams is a candidate); then
//! every word, whatever its length, is looked for with `instr` in the stored normalised
//! text of its scope's columns, one field per line, which is exactly "a field contains the
//! word". Filters are checked on their own tables, never more strictly than the query.
//! Negated clauses select nothing away: only the exact check applies them.
//!
//! Newest first, two shapes of the same query: when the trigrams select few rows, those rows
//! are fetched and sorted; when they select many, the files are walked in date order
//! (`files_by_date`) and the first matches come at once, without sorting them all.

use rusqlite::types::Value;

use crate::briefing::query::{Clause, Filter, KnownAs, Query, Scope};

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Newest first (by the date as written; undated briefings last), then by path.
    #[default]
    Newest,
    /// Best match first: by `Hit::score` (the query's words weighted by the part they are
    /// found in) over the first candidates in bm25 order (`Index::search`); newest first
    /// among equal scores, and when the query looks for no words.
    Relevance,
}

/// The candidate query: selects `id, path, size, mtime_ns` of `files` in the order asked
/// for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Plan {
    pub sql: String,
    pub params: Vec<Value>,
}

/// Whether the candidate query selects exactly the matches, for a file whose row is up to
/// date: words are looked for in each field of their scope by `instr` (a field per line,
/// and a word has no space), tags and classifications compared whole. Other clauses are
/// selected more broadly than they match.
pub(crate) fn answered_by_sql(query: &Query) -> bool {
    query.clauses.iter().all(|clause| {
        !clause.negated
            && match &clause.filter {
                Filter::Word(word) => !word.is_empty() && !word.contains([' ', '\n']),
                Filter::Tag(_) | Filter::Class(_) => true,
                _ => false,
            }
    })
}

/// What a query looks up by trigram, for counting how many rows it selects.
pub(crate) fn trigram_query(query: &Query) -> Option<String> {
    let mut builder = Builder::default();
    builder.add(query);
    builder.fts()
}

/// The most keys of widened actors (`Query::known_as`) looked for one by one: a short
/// `actor:` value can widen to thousands, more than SQLite takes as parameters.
const WIDE_KEYS: usize = 256;

/// The `texts` columns a scope looks in.
fn columns(scope: Scope) -> &'static [&'static str] {
    match scope {
        Scope::Everywhere => &["headline", "body", "quotes", "meta"],
        Scope::Headline => &["headline"],
        Scope::Body => &["body"],
        Scope::Quotes => &["quotes"],
    }
}

/// The distinct three-character pieces of a word. The index keeps no positions
/// (`detail = 'none'`), so each is looked up alone: a row holding them all is a candidate.
fn trigrams(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut pieces: Vec<String> = chars.windows(3).map(|w| w.iter().collect()).collect();
    pieces.sort();
    pieces.dedup();
    pieces
}

#[derive(Default)]
struct Builder {
    fts_terms: Vec<String>,
    /// Conditions on the `texts` row (as `t`) of a file.
    text_conditions: Vec<String>,
    conditions: Vec<String>,
    params: Vec<Value>,
}

impl Builder {
    fn param(&mut self, value: &str) -> String {
        self.params.push(Value::Text(value.to_owned()));
        format!("?{}", self.params.len())
    }

    /// Every word of a name (normalised, words separated by spaces) somewhere in `column`:
    /// what a name matching as a phrase implies.
    fn all_words_in(&mut self, column: &str, name: &str) -> String {
        let words: Vec<String> = name
            .split(' ')
            .filter(|word| !word.is_empty())
            .map(|word| format!("instr({column}, {}) > 0", self.param(word)))
            .collect();
        if words.is_empty() {
            "1".to_owned()
        } else {
            words.join(" AND ")
        }
    }

    fn word(&mut self, word: &str, scope: Scope) {
        if word.is_empty() {
            return;
        }
        if word.chars().count() >= 3 {
            self.fts_terms.extend(
                trigrams(word)
                    .iter()
                    .map(|trigram| format!("\"{}\"", trigram.replace('"', "\"\""))),
            );
        }
        let p = self.param(word);
        let any: Vec<String> = columns(scope)
            .iter()
            .map(|col| format!("instr(t.{col}, {p}) > 0"))
            .collect();
        self.text_conditions.push(format!("({})", any.join(" OR ")));
    }

    fn add(&mut self, query: &Query) {
        for Clause { negated, filter } in &query.clauses {
            if !negated {
                self.filter(filter, query.scope, &query.known_as);
            }
        }
    }

    fn fts(&self) -> Option<String> {
        let mut terms = self.fts_terms.clone();
        terms.sort();
        terms.dedup();
        (!terms.is_empty()).then(|| terms.join(" AND "))
    }

    /// `column` (keys one per line) has one of the keys of the merged actors `name` was
    /// widened to, in any key space: selects more than the exact check keeps, never less.
    /// Beyond `WIDE_KEYS` keys, any row: the exact check sorts them out.
    fn known_in(&mut self, column: &str, name: &str, known: &KnownAs) -> Option<String> {
        let keys: Vec<String> = known.get(name)?.all().cloned().collect();
        if keys.len() > WIDE_KEYS {
            return Some("1".to_owned());
        }
        let lines: Vec<String> = keys
            .iter()
            .map(|key| {
                let p = self.param(&format!("\n{key}\n"));
                format!("instr(char(10) || {column} || char(10), {p}) > 0")
            })
            .collect();
        (!lines.is_empty()).then(|| lines.join(" OR "))
    }

    /// `column` (one key) is one of the names of the merged actors `name` was widened to.
    fn known_name_is(&mut self, column: &str, name: &str, known: &KnownAs) -> Option<String> {
        let names: Vec<String> = known.get(name)?.names.iter().cloned().collect();
        if names.len() > WIDE_KEYS {
            return Some("1".to_owned());
        }
        let params: Vec<String> = names.iter().map(|name| self.param(name)).collect();
        (!params.is_empty()).then(|| format!("{column} IN ({})", params.join(", ")))
    }

    fn filter(&mut self, filter: &Filter, scope: Scope, known: &KnownAs) {
        match filter {
            // Marks live in the review state, not the index: they select no candidates.
            Filter::Review(_) => {}
            Filter::Word(word) => self.word(word, scope),
            Filter::Phrase(words) => words.iter().for_each(|word| self.word(word, scope)),
            Filter::Actor(name) => {
                let mut any = vec![self.all_words_in("a.names", name)];
                any.extend(self.known_in("a.names", name, known));
                self.conditions.push(format!(
                    "EXISTS (SELECT 1 FROM actors a WHERE a.file_id = f.id AND (({})))",
                    any.join(") OR (")
                ));
            }
            Filter::Speaker(name) => {
                let mut by_speaker = vec![self.all_words_in("q.speaker_key", name)];
                by_speaker.extend(self.known_name_is("q.speaker_key", name, known));
                let mut by_actor = vec![self.all_words_in("a.names", name)];
                by_actor.extend(self.known_in("a.names", name, known));
                self.conditions.push(format!(
                    "(EXISTS (SELECT 1 FROM quotes q WHERE q.file_id = f.id AND (({})))
                      OR EXISTS (SELECT 1 FROM quotes q JOIN actors a
                                 ON a.file_id = q.file_id AND a.position = q.actor
                                 WHERE q.file_id = f.id AND (({}))))",
                    by_speaker.join(") OR ("),
                    by_actor.join(") OR (")
                ));
            }
            Filter::Tag(tag) => {
                let p = self.param(tag);
                self.conditions.push(format!(
                    "EXISTS (SELECT 1 FROM tags g WHERE g.file_id = f.id AND g.tag = {p})"
                ));
            }
            Filter::Language(language) => {
                let p = self.param(language);
                self.conditions
                    .push(format!("instr(lower(f.language), {p}) > 0"));
            }
            Filter::Class(class) => {
                let p = self.param(class);
                self.conditions.push(format!("f.class_key = {p}"));
            }
            Filter::Date(range) => {
                let bound =
                    |b: &Option<crate::briefing::query::DateBound>| b.map(|b| b.to_string());
                let mut within = Vec::new();
                if let Some(from) = bound(&range.from) {
                    let p = self.param(&from);
                    within.push(format!("f.day >= {p}"));
                }
                if let Some(to) = bound(&range.to) {
                    let p = self.param(&to);
                    within.push(format!("f.day <= {p}"));
                }
                within.push("f.day IS NOT NULL".into());
                // A date whose first ten characters are not a plain day is left to the
                // exact check.
                self.conditions.push(format!(
                    "(({}) OR (f.day IS NULL AND f.date IS NOT NULL))",
                    within.join(" AND ")
                ));
            }
        }
    }
}

/// The candidate query. `broad`: the trigrams select so many rows that walking the files in
/// date order finds the first matches sooner than sorting them all.
pub(crate) fn plan(query: &Query, order: Order, broad: bool) -> Plan {
    let mut builder = Builder::default();
    builder.add(query);
    let fts = builder.fts();
    let mut sql = String::from("SELECT f.id, f.path, f.size, f.mtime_ns FROM files f");
    if let (Order::Relevance, Some(_)) = (order, &fts) {
        sql.push_str(" JOIN texts ON texts.rowid = f.id");
    }
    sql.push_str(" WHERE f.error IS NULL");
    if let Some(fts) = &fts {
        builder.params.push(Value::Text(fts.clone()));
        let p = builder.params.len();
        match order {
            Order::Relevance => sql.push_str(&format!(" AND texts MATCH ?{p}")),
            // `+` keeps the planner from fetching the set by id: the date index leads.
            Order::Newest if broad => sql.push_str(&format!(
                " AND +f.id IN (SELECT rowid FROM texts WHERE texts MATCH ?{p})"
            )),
            Order::Newest => sql.push_str(&format!(
                " AND f.id IN (SELECT rowid FROM texts WHERE texts MATCH ?{p})"
            )),
        }
    }
    for condition in &builder.conditions {
        sql.push_str(" AND ");
        sql.push_str(condition);
    }
    if !builder.text_conditions.is_empty() {
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM texts t WHERE t.rowid = f.id AND {})",
            builder.text_conditions.join(" AND ")
        ));
    }
    let newest = "f.sort_key DESC, f.path";
    match (order, fts.is_some()) {
        (Order::Relevance, true) => sql.push_str(&format!(" ORDER BY bm25(texts), {newest}")),
        _ => sql.push_str(&format!(" ORDER BY {newest}")),
    }
    Plan {
        sql,
        params: builder.params,
    }
}
