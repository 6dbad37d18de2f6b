//! The marks of one briefing, and what they say to one person: the answers to `is:new`,
//! `is:read`, `is:reviewed`, `is:flagged`, `has:note` and `reviewed-by:NAME`.

use crate::briefing::query::{Review, ReviewLookup};

/// A mark a person sets on a briefing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Opened. Setting any other mark sets this one too.
    Read,
    /// Reviewed at the content hash the key gives.
    Reviewed,
    Flagged,
}

impl Mark {
    pub(super) fn kind(self) -> &'static str {
        match self {
            Mark::Read => "read",
            Mark::Reviewed => "reviewed",
            Mark::Flagged => "flagged",
        }
    }
}

/// Who set a mark and when (seconds since 1970, UTC), with the content hash the briefing
/// had then.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub who: String,
    pub at: i64,
    pub hash: u64,
}

/// A person's note on a briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub stamp: Stamp,
    pub text: String,
}

/// Every mark on one briefing, from everyone who shares the state; each list in the
/// order the marks were set, at most one entry per person.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    pub read: Vec<Stamp>,
    pub reviewed: Vec<Stamp>,
    pub flagged: Vec<Stamp>,
    pub notes: Vec<Note>,
}

impl Marks {
    /// Never opened by `me`.
    pub fn is_new(&self, me: &str) -> bool {
        !self.is_read(me)
    }

    pub fn is_read(&self, me: &str) -> bool {
        by(&self.read, me).is_some()
    }

    pub fn is_reviewed(&self, me: &str) -> bool {
        by(&self.reviewed, me).is_some()
    }

    pub fn is_flagged(&self, me: &str) -> bool {
        by(&self.flagged, me).is_some()
    }

    pub fn note(&self, me: &str) -> Option<&Note> {
        self.notes.iter().find(|note| note.stamp.who == me)
    }

    pub fn has_note(&self, me: &str) -> bool {
        self.note(me).is_some()
    }

    /// Whether `name` (any case) reviewed it.
    pub fn reviewed_by(&self, name: &str) -> bool {
        let name = name.to_lowercase();
        self.reviewed
            .iter()
            .any(|stamp| stamp.who.to_lowercase() == name)
    }

    /// Whether `me` reviewed it when its content hash was other than `hash`: the file
    /// changed since it was reviewed.
    pub fn changed_since_reviewed(&self, me: &str, hash: u64) -> bool {
        by(&self.reviewed, me).is_some_and(|stamp| stamp.hash != hash)
    }

    /// Whether nobody has set any mark.
    pub fn is_empty(&self) -> bool {
        self.read.is_empty()
            && self.reviewed.is_empty()
            && self.flagged.is_empty()
            && self.notes.is_empty()
    }

    /// The answer to a review filter of the query language, for the person `me`.
    pub fn holds(&self, review: &Review, me: &str) -> bool {
        match review {
            Review::New => self.is_new(me),
            Review::Read => self.is_read(me),
            Review::Reviewed => self.is_reviewed(me),
            Review::Flagged => self.is_flagged(me),
            Review::HasNote => self.has_note(me),
            Review::ReviewedBy(name) => self.reviewed_by(name),
        }
    }
}

fn by<'a>(stamps: &'a [Stamp], me: &str) -> Option<&'a Stamp> {
    stamps.iter().find(|stamp| stamp.who == me)
}

/// One briefing's marks as seen by one person, for the query's scan and the index.
#[derive(Debug, Clone, Copy)]
pub struct SeenBy<'a> {
    /// `None`: nothing was ever marked on it.
    pub marks: Option<&'a Marks>,
    pub me: &'a str,
}

impl ReviewLookup for SeenBy<'_> {
    fn holds(&self, review: &Review) -> bool {
        match self.marks {
            Some(marks) => marks.holds(review, self.me),
            None => Marks::default().holds(review, self.me),
        }
    }
}
