//! `brief digest`: one document of the briefings a query finds.

use std::path::PathBuf;
use std::process::ExitCode;

use brief::briefing::query::{ActorGroups, Query, Searchable, parse};
use brief::briefing::state::{BriefingKey, Marks, MarksTable, SeenBy};
use brief::briefing::{Briefing, LoadFailure, LoadOptions, Loaded, default_path, load_whole};
use brief::export::{DigestEntry, digest};
use brief::ui::count::plural;

use crate::cli::args::DigestArgs;
use crate::cli::config::{open_state, state_path, user_config, who};
use crate::cli::export::write_output;

/// What finds the briefings a query matches, each with the reviewer's marks on it: the
/// reference scan over a loaded library now; the index (issue 11) is another.
pub trait Finder {
    fn find(&self, query: &Query) -> Vec<(&Briefing, SeenBy<'_>)>;
}

/// Every briefing of a folder, each searched whole, with its marks (`None`: never marked).
pub struct Scan<'a> {
    pub briefings: &'a [Loaded],
    pub marks: Vec<Option<&'a Marks>>,
    pub me: &'a str,
}

impl Finder for Scan<'_> {
    fn find(&self, query: &Query) -> Vec<(&Briefing, SeenBy<'_>)> {
        self.briefings
            .iter()
            .zip(&self.marks)
            .map(|(loaded, marks)| {
                let seen = SeenBy {
                    marks: *marks,
                    me: self.me,
                };
                (&loaded.briefing, seen)
            })
            .filter(|(briefing, seen)| Searchable::new(briefing).matches_with(query, seen))
            .collect()
    }
}

/// Each briefing's marks in `table`, found by its id, content and path as `brief mark`
/// stored them.
fn marks_of<'a>(briefings: &[Loaded], table: &'a MarksTable) -> Vec<Option<&'a Marks>> {
    let key = |briefing: &Briefing| {
        let bytes = std::fs::read(&briefing.path).ok()?;
        let absolute = std::fs::canonicalize(&briefing.path).unwrap_or(briefing.path.clone());
        Some(BriefingKey::new(briefing.id.clone(), &bytes, absolute))
    };
    briefings
        .iter()
        .map(|loaded| key(&loaded.briefing).and_then(|key| table.get(&key)))
        .collect()
}

pub fn run(args: &DigestArgs) -> anyhow::Result<ExitCode> {
    let (path, query_text) = split_words(&args.words);
    let query = match parse(&query_text) {
        Ok(query) => query,
        Err(error) => {
            eprintln!("brief: digest: query: {error}");
            return Ok(ExitCode::from(2));
        }
    };
    let options = LoadOptions {
        max_size: args.max_size,
    };
    let (briefings, failures): (Vec<Loaded>, Vec<LoadFailure>) = load_whole(&path, &options);
    for failure in &failures {
        eprintln!("{failure}");
    }
    if !failures.is_empty() {
        eprintln!(
            "brief: digest: {} left out, see above",
            plural(failures.len(), "file")
        );
    }
    let config = user_config();
    let me = who(&config);
    let table = match open_state(state_path(args.state.as_deref(), &config).as_deref()) {
        Some(state) => state.all_marks().unwrap_or_else(|error| {
            eprintln!("brief: digest: no marks: {error}");
            MarksTable::default()
        }),
        None => MarksTable::default(),
    };
    let scan = Scan {
        briefings: &briefings,
        marks: marks_of(&briefings, &table),
        me: &me,
    };
    // `actor:` and `speaker:` find an actor under every name the library gives it.
    let query = ActorGroups::of(briefings.iter().map(|l| &l.briefing)).widen(&query);
    let found = scan.find(&query);
    if found.is_empty() {
        eprintln!("brief: digest: no briefing in {} matches", path.display());
        return Ok(ExitCode::from(1));
    }
    let entries: Vec<DigestEntry> = found
        .into_iter()
        .map(|(briefing, seen)| DigestEntry {
            briefing,
            note: seen
                .marks
                .and_then(|marks| marks.note(&me))
                .map(|note| note.text.as_str()),
        })
        .collect();
    write_output(
        &args.output,
        &digest(&args.title, &entries, args.output.format.into()),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The folder and the query: the first word is the folder when such a path exists.
fn split_words(words: &[String]) -> (PathBuf, String) {
    match words.split_first() {
        Some((first, rest)) if std::path::Path::new(first).exists() => {
            (PathBuf::from(first), rest.join(" "))
        }
        _ => (default_path(), words.join(" ")),
    }
}
