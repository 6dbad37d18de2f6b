//! Hostile conditions around the reader, beyond what `tests/e2e_pty/` covers (signals
//! while idle, hang-up, forced panic, Ctrl-Z with no shell to stop it):
//! - resize storms down to 1×1 and zero columns and back to 300×100, with the final screen
//!   equal to a fresh start at that size;
//! - signals that land in the middle of a storm or of loading a large briefing;
//! - Ctrl-Z under a real job-control shell, a resize while stopped, and `fg`.

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;
#[path = "../support_hostile/mod.rs"]
mod support_hostile;

mod job_control;
mod process_limit;
mod signals;
mod storms;

use std::path::{Path, PathBuf};
use support_hostile::{Pty, launch_brief};
fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/libya-ohchr-geneva.json")
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// Sizes of a storm: every degenerate size the issue names, and ordinary ones between.
const STORM: &[(u16, u16)] = &[
    (1, 1),
    (0, 0),
    (0, 24),
    (80, 0),
    (2, 1),
    (20, 5),
    (19, 4),
    (300, 100),
    (3, 2),
    (80, 24),
    (1, 100),
    (300, 1),
    (41, 7),
    (120, 40),
    (0, 1),
    (7, 3),
    (200, 60),
    (1, 2),
    (33, 11),
    (160, 50),
];

/// Waits until the first frame shows the headline pane.
fn started(pty: &mut Pty, what: &str) {
    pty.show("Headline", &format!("{what}: no first frame"));
}

/// A fresh reader at `cols`×`rows` on `file`: the screen a storm must end on.
fn reference_screen(file: &Path, cols: u16, rows: u16) -> String {
    let mut fresh = launch_brief(&[s(file)]).size(cols, rows).start();
    started(&mut fresh, "reference run");
    let screen = fresh.contents();
    assert!(fresh.quit().success());
    screen
}

fn storm(pty: &mut Pty, resizes: usize) {
    for n in 0..resizes {
        let (cols, rows) = STORM[n % STORM.len()];
        pty.set_size(cols, rows);
    }
}
