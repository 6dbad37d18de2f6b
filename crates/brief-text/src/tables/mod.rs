//! The fast path's character tables, made at compile time from `data.rs`. That file is
//! written by `tests::tables_are_current` from unicode-bidi, unicode-width and ICU, the
//! sources the general path reads: tables built when a process first laid out text cost
//! its first frame about half a millisecond.

mod data;

pub(crate) use data::{BIDI_CLASSES, PROPS, SHAPES, WIDTHS};

#[cfg(test)]
mod tests;
