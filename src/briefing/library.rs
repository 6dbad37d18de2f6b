use std::path::PathBuf;

use super::{Briefing, Diagnostic};

/// A briefing that loaded, with its warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub briefing: Briefing,
    pub warnings: Vec<Diagnostic>,
}

/// A file that failed to load; `diagnostics` holds at least one error.
#[derive(Debug, Clone)]
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
