//! What a background load sends the reader: parts of the library, and how far it has got.

use crate::briefing::{LoadFailure, Loaded};

/// Part of the library, as the background loader sends it, in any order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub briefings: Vec<Loaded>,
    pub failures: Vec<LoadFailure>,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.briefings.len() + self.failures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes `other`'s entries too: batches waiting together go in with one merge.
    pub fn append(&mut self, mut other: Batch) {
        self.briefings.append(&mut other.briefings);
        self.failures.append(&mut other.failures);
    }
}

/// How far a background load has got; what has arrived is the library itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Library entries to expect in all, known once the files have been found.
    pub total: Option<usize>,
}
