//! Figure 6: holding `j` over a slow link, beside `less`. The output crosses a simulated
//! link of 32 KB/s, read from the pty at once (as sshd does) or at the link's rate (a slow
//! terminal: back-pressure); the lag is the time from the last key until the last byte has
//! crossed (see `support::link`).

use std::path::Path;
use std::time::Duration;

use anyhow::{Result, bail};

use crate::config::{BRIEF, Config, LESS};
use crate::data;
use crate::report::{Row, verdict};
use crate::support::link::{Burst, LinkPty, Reading};

/// The link's rate: 256 kbit/s.
const RATE: u64 = 32_000;
const KEYS_PER_SECOND: f64 = 30.0;
const TARGET_LAG: Duration = Duration::from_millis(500);
const SIZE: (u16, u16) = (120, 40);

pub fn slow_link(cfg: &Config, c: &data::Corpus, home: &Path) -> Vec<Row> {
    eprintln!("bench terminal: 6. holding j over a slow link...");
    // Two seconds of keys; a quarter of that in the smoke run.
    let keys = if cfg.quick { 15 } else { 60 };
    let seed = c.seed_briefing.to_string_lossy().into_owned();
    let text = c.seed_text.to_string_lossy().into_owned();
    let runs = [
        ("6a", Reading::AtOnce, false),
        ("6b", Reading::AtOnce, true),
        ("6c", Reading::AtLinkRate, false),
        ("6d", Reading::AtLinkRate, true),
    ];
    runs.into_iter()
        .map(|(id, reading, paced)| {
            let how = match reading {
                Reading::AtOnce => "pty read at once",
                Reading::AtLinkRate => "pty read at the link's rate",
            };
            let flag = if paced { ", --max-rate 32k" } else { "" };
            let mut row = Row::new(
                id,
                format!(
                    "Holding j {:.1} s at 30 keys/s, five panes, seed, 120×40, 32 KB/s link \
                     ({how}){flag}",
                    keys as f64 / KEYS_PER_SECOND
                ),
                "lag ≤ 0.5 s",
            );
            let mut args = vec![seed.as_str()];
            if paced {
                args.extend(["--max-rate", "32k"]);
            }
            let less = hold(LESS, &[&text], home, reading, keys, "التقى");
            row.reference = match &less {
                Ok(b) => format!("less: {}", describe(b)),
                Err(e) => format!("less: {e:#}"),
            };
            match hold(BRIEF, &args, home, reading, keys, "") {
                Ok(b) => {
                    row.brief = describe(&b);
                    row.verdict = verdict(
                        b.lag <= TARGET_LAG,
                        format!("lag {:.2} s", b.lag.as_secs_f64()),
                    );
                }
                Err(e) => row.verdict = format!("{e:#}"),
            }
            row
        })
        .collect()
}

fn describe(b: &Burst) -> String {
    let frames = if b.frames > 0 {
        format!(", {} frames", b.frames)
    } else {
        String::new()
    };
    format!(
        "{:.1} KB, lag {:.2} s ({} keys{frames})",
        b.bytes as f64 / 1000.0,
        b.lag.as_secs_f64(),
        b.keys
    )
}

/// Starts `program`, waits for `shows` on its screen (anything, when empty) and for its
/// output to have crossed the link, then holds `j`.
fn hold(
    program: &str,
    args: &[&str],
    home: &Path,
    reading: Reading,
    keys: usize,
    shows: &str,
) -> Result<Burst> {
    let mut s = LinkPty::spawn(program, args, home, SIZE, reading, RATE)?;
    s.wait_screen(Duration::from_secs(30), |screen| {
        !screen.trim().is_empty() && screen.contains(shows)
    })?;
    s.settle(Duration::from_millis(500), Duration::from_secs(30));
    if program == BRIEF && s.frames() == 0 {
        bail!("brief drew no frame; screen: {:?}", s.screen_text().trim());
    }
    let burst = s.hold_key(b"j", keys, KEYS_PER_SECOND, Duration::from_secs(1));
    if std::env::var_os("BRIEF_BENCH_SCREENS").is_some_and(|v| v != "0") {
        eprintln!(
            "--- {program} {args:?} after the keys ---\n{}",
            s.screen_text()
        );
    }
    s.quit_with(b"q");
    burst
}
