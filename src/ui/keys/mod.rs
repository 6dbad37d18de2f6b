//! The key table: keys.toml, laid over by the user's file, read by dispatch and the help
//! screen alike.

mod binding;
mod table;

pub use binding::KeyBinding;
pub use table::{KeyFileError, KeySetup, KeyTable};

#[cfg(test)]
mod tests;
