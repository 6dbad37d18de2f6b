pub mod args;
pub mod check;
pub mod clipboard;
pub mod locale;
pub mod show;
pub mod signals;
pub mod terminal;
pub mod tui;
