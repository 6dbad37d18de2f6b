//! `G` on a long briefing just opened: from the key to the end of the frame that shows the
//! body's end, each run in a fresh process (a run leaves the body laid out).

use std::path::Path;
use std::time::Duration;

use anyhow::{Result, bail};

use crate::config::{BRIEF, Config};
use crate::report::{Row, median, ms, verbose, verdict};
use crate::session::session;

const COLS: u16 = 120;
const ROWS: u16 = 40;

/// One run: open `file`, wait for quiet, press `G`, time to the end of its frame.
fn jump_once(file: &Path, home: &Path) -> Result<Duration> {
    let path = file.to_string_lossy();
    let mut s = session(BRIEF, &[&path], home, COLS, ROWS)?;
    if s.wait_frames(1, Duration::from_secs(60)).is_none() {
        bail!("no first frame within 60 s");
    }
    s.quiet_for(Duration::from_millis(300), Duration::from_secs(30));
    let before = s.screen_text();
    let frames = s.frames();
    let sent = s.send(b"G")?;
    let Some(end) = s.wait_frames(frames + 1, Duration::from_secs(10)) else {
        bail!("G drew no frame within 10 s");
    };
    s.quiet_for(Duration::from_millis(50), Duration::from_secs(10));
    let after = s.screen_text();
    s.dump("after G");
    s.quit_with(b"q");
    if after == before {
        bail!("G left the screen unchanged");
    }
    Ok(end - sent)
}

pub fn jump_row(cfg: &Config, file: &Path, home: &Path) -> Row {
    let mut row = Row::new(
        "2i",
        format!("G (to the end) to frame, 2 MB Arabic briefing just opened, {COLS}×{ROWS}"),
        "≤ 20 ms",
    );
    let mut times = Vec::new();
    let mut err = None;
    for _ in 0..cfg.startup_runs {
        match jump_once(file, home) {
            Ok(d) => {
                verbose(&format!("G: {}", ms(d)));
                times.push(d);
            }
            Err(e) => err = Some(format!("{e:#}")),
        }
    }
    match median(&mut times) {
        Some(t) => {
            row.keep_ms("G to frame", t);
            row.brief = format!("{} (median of {})", ms(t), times.len());
            row.verdict = verdict(t <= Duration::from_millis(20), ms(t));
        }
        None => row.verdict = err.unwrap_or_default(),
    }
    row
}
