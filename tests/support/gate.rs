//! Gates: FIFOs that one of brief's test hooks (`BRIEF_TEST_LOAD_GATE`,
//! `BRIEF_TEST_WHOLE_GATE`, `BRIEF_TEST_STATE_GATE`, `BRIEF_TEST_ENTER_GATE`,
//! `BRIEF_TEST_STOP_GATE`) reads to its end before going on, so that a test decides when
//! that happens, whatever the machine's speed.

use std::fs::File;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, ensure};

use super::{TIMEOUT, wait_until};

/// A new FIFO `name` in `dir`.
pub fn fifo(dir: &Path, name: &str) -> anyhow::Result<PathBuf> {
    let gate = dir.join(name);
    let made = std::process::Command::new("mkfifo").arg(&gate).status()?;
    ensure!(made.success(), "mkfifo {}", gate.display());
    Ok(gate)
}

/// Opens the gate: opening the FIFO for writing, once brief has it open for reading, and
/// closing it gives brief the end of file it waits for.
pub fn open(gate: &Path) -> anyhow::Result<()> {
    hold(gate).map(drop)
}

/// Waits for brief to reach the gate, keeping it shut: brief goes on once the handle
/// returned is dropped.
pub fn hold(gate: &Path) -> anyhow::Result<File> {
    let mut writer = None;
    wait_until(TIMEOUT, || {
        // Non-blocking: fails (ENXIO) until brief is reading.
        writer = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(gate)
            .ok();
        writer.is_some()
    });
    writer.with_context(|| format!("brief never opened its gate {}", gate.display()))
}
