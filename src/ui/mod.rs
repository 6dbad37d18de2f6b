//! The reader: app state, actions, key table, panes, theme. Rendering borrows the state
//! (`impl Widget for &App`) and never mutates it; `App::update` is the only place state
//! changes.

mod action;
mod app;

pub use action::Action;
pub use app::{App, Effect, UiOptions};
