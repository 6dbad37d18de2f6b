//! brief: a terminal reader for structured briefings.
//!
//! Layers import downward only: `ui` uses `text` and `briefing`; `text` and `briefing`
//! know nothing of each other or of the terminal.

pub mod briefing;
pub mod text;
pub mod ui;
