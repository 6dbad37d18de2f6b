pub mod args;
pub mod check;
pub mod show;
pub mod tui;
