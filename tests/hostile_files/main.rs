//! Broken files beside good ones in one folder: invalid JSON, wrong types, invalid UTF-8,
//! a binary file, an empty file, a symlink loop (file and folder), an unreadable file, a
//! FIFO and a symlink to /dev/zero named `.json`, a dangling symlink, a file over the size
//! limit, and files deleted or rewritten while the reader runs. The good ones read
//! normally, the bad ones are listed with their errors, nothing panics, nothing hangs.

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;
#[path = "../support_hostile/mod.rs"]
mod support_hostile;

mod folder;
mod plain;
mod reader;

use std::path::Path;

/// Files that must each be reported as an error, by name.
const BAD: &[&str] = &[
    "invalid.json",
    "wrong-types.json",
    "invalid-utf8.json",
    "binary.json",
    "empty.json",
    "loop-a.json",
    "loop-b.json",
    "fifo.json",
    "zero.json",
    "dangling.json",
    "too-large.json",
    "deep.json",
];

/// The status brief exits with when it reports an error itself.
const ERROR_STATUS: u32 = 2;

const GOOD: &[&str] = &[
    "GOOD BRIEFING ONE",
    "GOOD BRIEFING TWO",
    "GOOD BRIEFING THREE",
    "GOOD BRIEFING FOUR",
];

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}
