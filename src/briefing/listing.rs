//! What the library keeps of a briefing while it is not open: what its list row and its
//! detail need. Opening a briefing reads its file again, and searching looks in the files
//! (or the index), so the library never holds a briefing's body, quotations or actors.

use std::path::PathBuf;

use super::{Briefing, Diagnostic, Direction, Loaded};

/// A briefing as the library lists it. The text is as written (unsanitized): the screen
/// that shows it sanitizes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub path: PathBuf,
    pub id: String,
    pub headline: String,
    pub summary: Option<String>,
    pub date: Option<String>,
    pub language: Option<String>,
    pub direction: Direction,
    pub classification: Option<String>,
    /// The validator's warnings; most briefings have none.
    pub warnings: Vec<Diagnostic>,
}

impl Listing {
    pub fn of(loaded: &Loaded) -> Self {
        Self::from_parts(&loaded.briefing, &loaded.warnings)
    }

    /// What the library lists of `briefing`, loaded with these warnings.
    pub fn from_parts(briefing: &Briefing, warnings: &[Diagnostic]) -> Self {
        let b = briefing;
        Self {
            path: b.path.clone(),
            id: b.id.clone(),
            headline: b.headline.clone(),
            summary: b.summary.clone(),
            date: b.date.clone(),
            language: b.language.clone(),
            direction: b.direction,
            classification: b.classification.clone(),
            warnings: warnings.to_vec(),
        }
    }
}

impl From<Loaded> for Listing {
    fn from(loaded: Loaded) -> Self {
        Self::of(&loaded)
    }
}
