//! The programs measured, each run in a pseudo-terminal.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::config::{BRIEF, LESS};
use crate::support::pty::{Launch, Pty};

pub struct Start {
    pub first_frame: Duration,
    /// The last frame before the output went quiet: the library is complete.
    pub settled: Option<Duration>,
    pub frames: usize,
    pub peak_rss: Option<u64>,
    pub screen: String,
}

/// `program ARGS` in a pty at COLS×ROWS, in `home` (its home and working folder), with a
/// terminal's answers to the queries it may send at start-up.
pub fn session(program: &str, args: &[&str], home: &Path, cols: u16, rows: u16) -> Result<Pty> {
    Launch::program(program, args)?
        .in_home(home)
        .env("LC_ALL", "C.UTF-8")
        .env("LESSHISTFILE", "-")
        .size(cols, rows)
        .answering_queries()
        .spawn()
}

/// Runs `brief ARGS` at COLS×ROWS until its first frame ends, then until its output has
/// been quiet for `quiet`; reads the peak memory before quitting it.
pub fn brief_start(
    args: &[&str],
    home: &Path,
    cols: u16,
    rows: u16,
    quiet: Duration,
) -> Result<Start> {
    let s = session(BRIEF, args, home, cols, rows)?;
    let Some(first) = s.wait_frames(1, Duration::from_secs(60)) else {
        let screen = s.screen_text();
        bail!(
            "no frame end (ESC[?2026l) within 60 s; {} bytes written{}; screen: {:?}",
            s.total_bytes(),
            if s.exited() { ", program exited" } else { "" },
            screen.trim().chars().take(160).collect::<String>()
        );
    };
    let first_frame = first - s.started();
    s.dump(&format!("first frame of brief {args:?}"));
    s.quiet_for(quiet, Duration::from_secs(60));
    s.dump(&format!("brief {args:?} settled"));
    let settled = s.last_frame_end().map(|t| t - s.started());
    let peak_rss = s.peak_rss();
    let frames = s.frames();
    let screen = s.screen_text();
    s.quit_with(b"q");
    Ok(Start {
        first_frame,
        settled,
        frames,
        peak_rss,
        screen,
    })
}

/// `less FILE`: less uses no synchronized output, so its first frame ends with the last
/// byte it writes before going quiet for `quiet`, once the file's text shows.
pub fn less_start(file: &Path, home: &Path, cols: u16, rows: u16) -> Result<Duration> {
    let path = file.to_string_lossy();
    let s = session(LESS, &[&path], home, cols, rows)?;
    // Found in the bytes, not on a parsed screen: parsing as they come would hold up
    // the reads that time less's last byte.
    if !s.wait_bytes(Duration::from_secs(10), "التقى".as_bytes()) {
        bail!("less showed no text within 10 s");
    }
    let last = s
        .quiet_for(Duration::from_millis(300), Duration::from_secs(10))
        .context("less wrote nothing")?;
    let d = last - s.started();
    s.dump("less settled");
    s.quit_with(b"q");
    Ok(d)
}
