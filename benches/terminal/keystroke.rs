//! Figure 3: keystroke to frame.

use std::path::Path;
use std::time::Duration;

use anyhow::{Result, bail};

use crate::config::{BRIEF, Config};
use crate::data;
use crate::report::{Row, ms, percentile, verdict};
use crate::session::session;

pub struct Keys {
    pub sorted: Vec<Duration>,
    pub no_frame: usize,
    pub unchanged: usize,
    pub flips: usize,
}

/// Sends `count` scroll keys one at a time, each after the previous frame has ended and
/// the output has been quiet for 5 ms; times each from the write to the end of the frame
/// it causes. At the end of the document (the screen no longer changes) the direction
/// flips between `j` and `k`, so every key keeps scrolling.
pub fn keystroke_run(file: &Path, home: &Path, count: usize) -> Result<Keys> {
    let path = file.to_string_lossy();
    let mut s = session(BRIEF, &[&path], home, 200, 60)?;
    if s.wait_frames(1, Duration::from_secs(60)).is_none() {
        bail!(
            "no first frame within 60 s ({} bytes written)",
            s.total_bytes()
        );
    }
    s.quiet_for(Duration::from_millis(300), Duration::from_secs(30));
    s.dump("keystrokes: before the first key");
    let mut times = Vec::with_capacity(count);
    let (mut no_frame, mut unchanged, mut flips) = (0, 0, 0);
    let mut key = b'j';
    let mut stuck = 0;
    for _ in 0..count {
        let before = s.screen_text();
        // Counted before the key: its frame may be read before the wait begins.
        let frames = s.frames();
        let t0 = s.send(&[key])?;
        match s.wait_frames(frames + 1, Duration::from_millis(500)) {
            Some(t) => times.push(t - t0),
            None => no_frame += 1,
        }
        s.quiet_for(Duration::from_millis(5), Duration::from_millis(500));
        if s.screen_text() == before {
            unchanged += 1;
            stuck += 1;
            if stuck >= 2 {
                key = if key == b'j' { b'k' } else { b'j' };
                flips += 1;
                stuck = 0;
            }
        } else {
            stuck = 0;
        }
        if s.exited() {
            bail!("brief exited during the run");
        }
    }
    s.dump("keystrokes: after the last key");
    s.quit_with(b"q");
    times.sort();
    Ok(Keys {
        sorted: times,
        no_frame,
        unchanged,
        flips,
    })
}

pub fn keystrokes(cfg: &Config, c: &data::Corpus, home: &Path) -> Vec<Row> {
    eprintln!("bench terminal: 3. keystroke to frame...");
    let mut out = Vec::new();
    for (id, what, file) in [
        ("3a", "seed briefing", &c.seed_briefing),
        ("3b", "2 MB Arabic briefing", &c.big_briefing),
    ] {
        let mut row = Row::new(
            id,
            format!(
                "Keystroke (j) to frame, {what}, 200×60, median / p99 of {}",
                cfg.keys
            ),
            "≤ 2 ms / ≤ 10 ms",
        );
        match keystroke_run(file, home, cfg.keys) {
            Ok(k) => {
                let med = percentile(&k.sorted, 50.0);
                let p99 = percentile(&k.sorted, 99.0);
                if let (Some(m), Some(p)) = (med, p99) {
                    row.keep_ms("median", m);
                    row.keep_ms("p99", p);
                    row.brief = format!("{} / {}", ms(m), ms(p));
                    let mut notes = Vec::new();
                    if k.no_frame > 0 {
                        notes.push(format!("{} keys drew no frame", k.no_frame));
                    }
                    if k.unchanged > 0 {
                        notes.push(format!(
                            "{} keys left the screen unchanged, {} j/k flips",
                            k.unchanged, k.flips
                        ));
                    }
                    let met = m <= Duration::from_millis(2) && p <= Duration::from_millis(10);
                    row.verdict = verdict(
                        met,
                        if notes.is_empty() {
                            format!("{} frames", k.sorted.len())
                        } else {
                            notes.join("; ")
                        },
                    );
                } else {
                    row.verdict = format!("no key drew a frame ({} keys)", k.no_frame);
                }
            }
            Err(e) => row.verdict = format!("{e:#}"),
        }
        out.push(row);
    }
    out
}

// ---------------------------------------------------------------------------------------
