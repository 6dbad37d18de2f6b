//! brief: a terminal reader for structured briefings.
//!
//! Layers import downward only: `ui` uses `text` and `briefing`; `text` and `briefing`
//! know nothing of each other or of the terminal. `text` is the crate `brief-text`
//! (crates/brief-text), so it cannot reach the layers above it.

pub mod briefing;
pub mod export;
#[cfg(test)]
mod generated;
pub mod import;
pub use brief_text as text;
pub mod ui;
