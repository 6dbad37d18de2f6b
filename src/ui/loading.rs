//! What a background load sends the reader: parts of the library, and how far it has got;
//! and what reading one briefing's file gave.

use std::path::PathBuf;

use crate::briefing::{Listing, LoadFailure, Loaded};

/// Part of the library, as the background loader sends it, in any order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    /// Files whose entries go before the new ones come in: deleted, or changed (then they
    /// are among the new entries too).
    pub gone: Vec<PathBuf>,
    pub listings: Vec<Listing>,
    pub failures: Vec<LoadFailure>,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.gone.len() + self.listings.len() + self.failures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes `other`'s entries too: batches waiting together go in with one merge. What
    /// `other` says is gone goes from this batch as well, since it came later.
    pub fn append(&mut self, mut other: Batch) {
        if !other.gone.is_empty() {
            let gone = |path: &PathBuf| other.gone.contains(path);
            self.listings.retain(|l| !gone(&l.path));
            self.failures.retain(|f| !gone(&f.path));
        }
        self.gone.append(&mut other.gone);
        self.listings.append(&mut other.listings);
        self.failures.append(&mut other.failures);
    }
}

/// How far a background load has got; what has arrived is the library itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Library entries to expect in all, known once the files have been found.
    pub total: Option<usize>,
}

/// A briefing's file as the runtime read it when the app asked (`Effect::Read`).
pub type FileRead = Result<Loaded, LoadFailure>;
