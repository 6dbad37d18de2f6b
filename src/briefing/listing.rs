//! What the library keeps of a briefing while it is not open: what its list row, its
//! detail and the library filter need. Opening a briefing reads its file again, so the
//! library never holds a briefing's body, quotations or actors.

use std::path::PathBuf;

use super::{Diagnostic, Direction, Loaded};

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
    /// The other fields the library filter looks in (place, source, tags, actors' names,
    /// aliases, organizations and countries), one a line.
    pub keywords: String,
    /// The validator's warnings; most briefings have none.
    pub warnings: Vec<Diagnostic>,
}

impl Listing {
    pub fn of(loaded: &Loaded) -> Self {
        let b = &loaded.briefing;
        let mut keywords: Vec<&str> = Vec::new();
        keywords.extend(b.location.as_deref());
        keywords.extend(b.source.as_ref().and_then(|s| s.name.as_deref()));
        keywords.extend(b.tags.iter().map(String::as_str));
        for actor in &b.actors {
            keywords.push(&actor.name);
            keywords.extend(actor.aliases.iter().map(String::as_str));
            keywords.extend(actor.organization.as_deref());
            keywords.extend(actor.country.as_deref());
        }
        Self {
            path: b.path.clone(),
            id: b.id.clone(),
            headline: b.headline.clone(),
            summary: b.summary.clone(),
            date: b.date.clone(),
            language: b.language.clone(),
            direction: b.direction,
            classification: b.classification.clone(),
            keywords: keywords.join("\n"),
            warnings: loaded.warnings.clone(),
        }
    }
}

impl From<Loaded> for Listing {
    fn from(loaded: Loaded) -> Self {
        Self::of(&loaded)
    }
}
