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

/// The listing of a briefing loaded only to be listed: its strings moved, not copied.
impl From<Loaded> for Listing {
    fn from(loaded: Loaded) -> Self {
        let b = loaded.briefing;
        Self {
            path: b.path,
            id: b.id,
            headline: b.headline,
            summary: b.summary,
            date: b.date,
            language: b.language,
            direction: b.direction,
            classification: b.classification,
            warnings: loaded.warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{LoadOptions, load_file};

    #[test]
    fn a_listing_moved_out_is_the_listing_copied() {
        let samples = concat!(env!("CARGO_MANIFEST_DIR"), "/briefings");
        let files = std::fs::read_dir(samples).map(|dir| dir.filter_map(Result::ok));
        let mut listed = 0;
        for file in files.into_iter().flatten() {
            let loaded = load_file(&file.path(), &LoadOptions::default());
            let Ok(loaded) = loaded else {
                panic!("{:?} does not load", file.path());
            };
            assert_eq!(Listing::of(&loaded), Listing::from(loaded.clone()));
            listed += 1;
        }
        assert!(listed >= 6);
    }
}
