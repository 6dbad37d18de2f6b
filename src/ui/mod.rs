//! The reader: app state, actions, key table, panes, theme. Rendering borrows the state
//! (`impl Widget for &App`) and never mutates it; `App::update` is the only place state
//! changes.

mod action;
mod app;
pub mod content;
mod count;
mod first_line;
mod help;
pub mod keys;
mod layout;
mod library;
pub mod loading;
mod matching;
mod outcome;
pub mod print;
mod prompt;
mod reader;
pub mod screen;
mod theme;
mod view;

pub use action::Action;
pub use app::{App, Effect, Screen, UiOptions};
pub use keys::KeySetup;
pub use loading::{Batch, Progress};
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_copy;
#[cfg(test)]
mod tests_filter;
#[cfg(test)]
mod tests_loading;
#[cfg(test)]
mod tests_paging;
#[cfg(test)]
mod tests_search;
