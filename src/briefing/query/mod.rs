//! The query language shared by the library's `/`, `brief search` and saved searches, in the
//! manner of notmuch and GitHub search: words that must all match, `"phrases"`, `-exclusions`
//! and `operator:value` filters. A `Query` is what every searcher (the index, the brute-force
//! scan) takes; its words are already normalised for matching.

mod ast;

pub use ast::{Clause, DateBound, DateRange, Filter, Query, Scope};
