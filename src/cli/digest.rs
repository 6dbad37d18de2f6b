//! `brief digest`: one document of the briefings a query finds.

use std::path::PathBuf;
use std::process::ExitCode;

use brief::briefing::query::{Query, Searchable, parse};
use brief::briefing::{Briefing, Library, LoadOptions, default_path, load_path};
use brief::export::{DigestEntry, digest};
use brief::ui::count::plural;

use crate::cli::args::DigestArgs;
use crate::cli::export::write_output;

/// What finds the briefings a query matches: the reference scan over a loaded library now;
/// the index (issue 11) is another.
pub trait Finder {
    fn find(&self, query: &Query) -> Vec<&Briefing>;
}

/// Every briefing of a library, each searched whole.
pub struct Scan<'a>(pub &'a Library);

impl Finder for Scan<'_> {
    fn find(&self, query: &Query) -> Vec<&Briefing> {
        self.0
            .briefings
            .iter()
            .map(|loaded| &loaded.briefing)
            .filter(|briefing| Searchable::new(briefing).matches(query))
            .collect()
    }
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
    let library = load_path(
        &path,
        &LoadOptions {
            max_size: args.max_size,
        },
    );
    for failure in &library.failures {
        eprintln!("{failure}");
    }
    if !library.failures.is_empty() {
        eprintln!(
            "brief: digest: {} left out, see above",
            plural(library.failures.len(), "file")
        );
    }
    let scan = Scan(&library);
    let found = scan.find(&query);
    if found.is_empty() {
        eprintln!("brief: digest: no briefing in {} matches", path.display());
        return Ok(ExitCode::from(1));
    }
    // The reviewer's notes come from the review state once it exists; none until then.
    let entries: Vec<DigestEntry> = found
        .into_iter()
        .map(|briefing| DigestEntry {
            briefing,
            note: None,
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
