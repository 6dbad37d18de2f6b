//! The query language shared by the library's `/`, `brief search` and saved searches, in the
//! manner of notmuch and GitHub search: words that must all match, `"phrases"`, `-exclusions`
//! and `operator:value` filters (docs/QUERY.md). A `Query` is what every searcher (the
//! index, the brute-force scan) takes; its words are already normalised for matching, by
//! `normalize_text`, the one normalisation every search uses.

mod ast;
mod dates;
mod display;
mod error;
mod fields;
mod fold;
mod known;
mod names;
mod normalize;
mod parse;
mod scan;
mod snippet;
mod terms;
#[cfg(test)]
mod tests_known;
#[cfg(test)]
mod tests_library;
#[cfg(test)]
mod tests_normalize;
#[cfg(test)]
mod tests_parse;
#[cfg(test)]
mod tests_planted;
#[cfg(test)]
mod tests_scan;

pub use ast::{Clause, DateBound, DateRange, Filter, Query, Review, Scope};
pub use error::QueryError;
pub use fields::{Field, Part, fields};
pub use known::ActorGroups;
pub use names::{ActorKeys, KnownAs, Names};
pub use normalize::{Normalized, find, normalize, normalize_text};
pub use parse::{OPERATORS, parse};
pub use scan::{MarksOf, NoMarks, ReviewLookup, Searchable, matches, matches_with};
pub use snippet::{Snippet, snippet};
pub use terms::{term_matches, term_ranges};
