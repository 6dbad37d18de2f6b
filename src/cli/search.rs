//! `brief search [PATH] QUERY... [--format text|json] [--limit N]`: the library's search
//! from the command line. The index is brought up to date first; when it cannot be used
//! (read-only, locked, damaged), that is said in one line and the files are scanned instead.
//! A query with `is:`, `has:` or `reviewed-by:` reads the review state (`--state`, as
//! `brief mark`), which the index does not hold: each briefing found is looked up in it.
//! Exit 0 with matches, 1 with none, 2 on a bad query or path.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use brief::briefing::Briefing;
use brief::briefing::index::{Access, Cancel, Hit, Index, Order, Page, relevance};
use brief::briefing::query::{
    ActorGroups, MarksOf, NoMarks, Query, ReviewLookup, Searchable, parse, snippet,
};
use brief::briefing::state::{BriefingKey, MarksTable, SeenBy};
use brief::briefing::{LoadOptions, load_briefings};
use serde::Serialize;

use crate::cli::args::{CheckFormat, SearchArgs};
use crate::cli::check::escape_terminal_controls;
use crate::cli::config::{open_state, state_path, user_config, who};

pub fn run(args: &SearchArgs) -> anyhow::Result<ExitCode> {
    let (library, words) = library_and_query(&args.words);
    if !library.is_dir() {
        eprintln!(
            "brief: {}: not a library folder",
            plain(&library.display().to_string())
        );
        return Ok(ExitCode::from(2));
    }
    let text = words.join(" ");
    let query = match parse(&text) {
        Ok(query) => query,
        Err(error) => {
            eprintln!("brief: bad query: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    let options = LoadOptions {
        max_size: args.max_size,
    };
    let page = Page {
        order: if args.relevance {
            Order::Relevance
        } else {
            Order::Newest
        },
        limit: args.limit,
        ..Page::default()
    };
    let marks = if query.asks_marks() {
        Marks::read(args.state.as_deref())
    } else {
        None
    };
    let marks: &dyn MarksOf = match &marks {
        Some(marks) => marks,
        None => &NoMarks,
    };
    let explicit = args.index.index.as_deref();
    let hits = match indexed(&library, explicit, (&query, marks), &page, &options) {
        Ok(hits) => hits,
        Err(error) => {
            eprintln!("brief: {error:#}; searching the files without the index");
            scanned(&library, (&query, marks), &page, &options)
        }
    };
    let written = match args.format {
        CheckFormat::Text => write_text(&hits),
        CheckFormat::Json => write_json(&hits),
    };
    match written {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        other => other.context("cannot write the results")?,
    }
    Ok(if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A first word that names a folder is the library, when a query follows it.
fn library_and_query(words: &[String]) -> (PathBuf, &[String]) {
    match words {
        [first, rest @ ..] if !rest.is_empty() && Path::new(first).is_dir() => {
            (PathBuf::from(first), rest)
        }
        _ => (brief::briefing::default_path(), words),
    }
}

/// Everyone's marks, and the name of the person searching: what `is:`, `has:` and
/// `reviewed-by:` ask.
struct Marks {
    table: MarksTable,
    me: String,
}

impl Marks {
    /// The review state at `flag`, else where `brief mark` finds it; none (said on stderr)
    /// when it cannot be opened: then every briefing is new.
    fn read(flag: Option<&Path>) -> Option<Self> {
        let config = user_config();
        let state = open_state(state_path(flag, &config).as_deref())?;
        match state.all_marks() {
            Ok(table) => Some(Marks {
                table,
                me: who(&config),
            }),
            Err(error) => {
                eprintln!("brief: no marks: {error}");
                None
            }
        }
    }
}

impl MarksOf for Marks {
    /// Found as `brief mark` stored them: by id, content and path.
    fn marks_of<'a>(&'a self, briefing: &Briefing) -> Box<dyn ReviewLookup + 'a> {
        let marks = std::fs::read(&briefing.path).ok().and_then(|bytes| {
            let absolute = std::fs::canonicalize(&briefing.path).unwrap_or(briefing.path.clone());
            self.table
                .get(&BriefingKey::new(briefing.id.clone(), &bytes, absolute))
        });
        Box::new(SeenBy {
            marks,
            me: &self.me,
        })
    }
}

fn indexed(
    library: &Path,
    explicit: Option<&Path>,
    (query, marks): (&Query, &dyn MarksOf),
    page: &Page,
    options: &LoadOptions,
) -> anyhow::Result<Vec<Hit>> {
    let index = match crate::cli::index::open_for_writing(library, explicit, false) {
        Ok(mut index) => {
            if let Err(error) = index.refresh(options, &mut |_| {}) {
                eprintln!("brief: {error}; searching the index as it is");
            }
            index
        }
        // An index that cannot be written may still be read; files not in it are missed,
        // which the line above the results says.
        Err(error) => {
            let index = Index::open(library, explicit, Access::ReadOnly)?;
            eprintln!("brief: {error:#}; searching the index as it is");
            index
        }
    };
    Ok(index.search_marked(query, page, options, &Cancel::default(), marks)?)
}

/// The search without an index: every file loaded, the query's actors widened by all of
/// theirs, each matched; newest first, or by relevance (the index's score, ties newest
/// first).
fn scanned(
    library: &Path,
    (query, marks): (&Query, &dyn MarksOf),
    page: &Page,
    options: &LoadOptions,
) -> Vec<Hit> {
    let briefings: Vec<Briefing> = load_briefings(library, options)
        .into_iter()
        .map(|loaded| loaded.briefing)
        .collect();
    let query = &ActorGroups::of(&briefings).widen(query);
    let mut matched: Vec<(u32, Briefing)> = briefings
        .into_iter()
        .filter(|briefing| {
            Searchable::new(briefing).matches_with(query, &*marks.marks_of(briefing))
        })
        .map(|briefing| match page.order {
            Order::Relevance => (relevance(&briefing, query), briefing),
            Order::Newest => (0, briefing),
        })
        .collect();
    matched.sort_by_key(|(score, _)| std::cmp::Reverse(*score));
    matched
        .into_iter()
        .take(page.limit)
        .map(|(score, briefing)| {
            let (snippet, highlights) = snippet(&briefing, query, page.snippet_chars)
                .map(|found| (found.text, found.highlights))
                .unwrap_or_default();
            Hit {
                path: briefing.path,
                id: briefing.id,
                headline: briefing.headline,
                date: briefing.date,
                language: briefing.language,
                snippet,
                highlights,
                score,
            }
        })
        .collect()
}

/// Untrusted text for one line of a terminal: controls shown as symbols, breaks as spaces.
fn plain(text: &str) -> String {
    brief::text::sanitize(text).text.replace('\n', " ")
}

fn write_text(hits: &[Hit]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    for hit in hits {
        writeln!(
            out,
            "{}  {}  {}",
            plain(hit.date.as_deref().unwrap_or("-")),
            plain(hit.language.as_deref().unwrap_or("-")),
            plain(&hit.headline)
        )?;
        writeln!(out, "    {}", plain(&hit.path.display().to_string()))?;
        if !hit.snippet.is_empty() {
            writeln!(out, "    {}", plain(&hit.snippet))?;
        }
    }
    out.flush()
}

#[derive(Serialize)]
struct JsonHit<'a> {
    path: std::borrow::Cow<'a, str>,
    id: &'a str,
    headline: &'a str,
    date: Option<&'a str>,
    language: Option<&'a str>,
    snippet: &'a str,
}

fn write_json(hits: &[Hit]) -> io::Result<()> {
    let entries: Vec<JsonHit> = hits
        .iter()
        .map(|hit| JsonHit {
            path: hit.path.to_string_lossy(),
            id: &hit.id,
            headline: &hit.headline,
            date: hit.date.as_deref(),
            language: hit.language.as_deref(),
            snippet: &hit.snippet,
        })
        .collect();
    let json = serde_json::to_string_pretty(&entries).map_err(io::Error::other)?;
    let mut out = io::stdout().lock();
    writeln!(out, "{}", escape_terminal_controls(&json))?;
    out.flush()
}
