use std::cmp::Ordering;
use std::path::{Path, PathBuf};

use super::{Briefing, Diagnostic, LoadOptions, date, discover, load_file};

/// A briefing that loaded, with its warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub briefing: Briefing,
    pub warnings: Vec<Diagnostic>,
}

/// A file that failed to load; `diagnostics` holds at least one error. Shown as one
/// diagnostic per line.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}", lines(.diagnostics))]
pub struct LoadFailure {
    pub path: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
}

/// Everything found under a path: briefings sorted newest first then by headline, and
/// the files that failed, in path order. One broken file never hides the others.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub briefings: Vec<Loaded>,
    pub failures: Vec<LoadFailure>,
}

fn lines(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

pub fn load_path(path: &Path, options: &LoadOptions) -> Library {
    let (files, mut failures) = discover(path);
    let mut briefings = Vec::with_capacity(files.len());
    for file in &files {
        match load_file(file, options) {
            Ok(loaded) => briefings.push(loaded),
            Err(failure) => failures.push(failure),
        }
    }
    briefings.sort_by(|a, b| reading_order(&a.briefing, &b.briefing));
    failures.sort_by(|a, b| a.path.cmp(&b.path));
    Library {
        briefings,
        failures,
    }
}

/// Newest first (dates compared as instants), undated last, then by headline and path.
pub fn reading_order(a: &Briefing, b: &Briefing) -> Ordering {
    let when = |briefing: &Briefing| briefing.date.as_deref().and_then(date::instant);
    match (when(a), when(b)) {
        (Some(a_when), Some(b_when)) => b_when.cmp(&a_when),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
    .then_with(|| a.headline.cmp(&b.headline))
    .then_with(|| a.path.cmp(&b.path))
}
