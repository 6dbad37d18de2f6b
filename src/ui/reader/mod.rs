//! The briefing screen: the open briefing's five panes (their text, scroll, selection and
//! marks), focus and zoom, the search, what actions do to them, and how they are drawn.

mod copy;
mod geometry;
mod items;
mod marks;
mod open;
pub mod panes;
mod reload;
mod render;
mod review_line;
mod screen;
mod scroll;
mod search;
mod search_update;
mod translation;

#[cfg(test)]
pub use open::OpenBriefing;
pub use review_line::review_row;
pub use screen::{BriefingScreen, PaneScroll};
#[cfg(test)]
pub use search::Search;

#[cfg(test)]
pub(crate) mod props_lazy;
#[cfg(test)]
pub(crate) mod props_translation;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_copy;
#[cfg(test)]
mod tests_history;
#[cfg(test)]
mod tests_lazy;
#[cfg(test)]
mod tests_search;
#[cfg(test)]
mod tests_translation;
