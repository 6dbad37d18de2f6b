//! The library screen: one row per briefing (date, classification, language, headline
//! right-aligned when RTL), then the files that failed to load; below, the selected
//! entry's summary or its full error. The `/` prompt filters the list.

mod detail;
mod entry;
mod filter;
mod listing;
mod render;
mod review;
mod review_view;
mod update;
mod view;

pub use review::{MarkChange, MarkRead, MarkWrite, MarksRead};
pub use view::LibraryView;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_detail;
#[cfg(test)]
mod tests_filter;
#[cfg(test)]
mod tests_indexed;
#[cfg(test)]
mod tests_search;
