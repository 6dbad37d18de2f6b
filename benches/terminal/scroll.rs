//! Figure 4: bytes written per one-line scroll, beside `less`.

use std::path::Path;
use std::time::Duration;

use anyhow::{Result, bail};

use crate::config::{BRIEF, Config, LESS};
use crate::data;
use crate::report::{Row, verdict};
use crate::session::session;
use crate::support::pty::Pty;

/// Bytes written per key that scrolled: each key is sent once the output has been quiet
/// for 100 ms, and its bytes are counted until the output is quiet again for 100 ms. Keys
/// that change nothing on screen end the run.
pub fn bytes_per_key(s: &mut Pty, key: &[u8], lines: usize) -> Result<(f64, usize)> {
    let quiet = Duration::from_millis(100);
    s.quiet_for(quiet, Duration::from_secs(30));
    let (mut total, mut counted) = (0usize, 0usize);
    for _ in 0..lines {
        let before_screen = s.screen_text();
        let before = s.total_bytes();
        s.send(key)?;
        s.quiet_for(quiet, Duration::from_secs(5));
        if s.screen_text() == before_screen {
            break;
        }
        total += s.total_bytes() - before;
        counted += 1;
    }
    if counted == 0 {
        bail!("'{}' did not scroll", String::from_utf8_lossy(key));
    }
    Ok((total as f64 / counted as f64, counted))
}

pub fn scroll_bytes(cfg: &Config, c: &data::Corpus, home: &Path) -> Vec<Row> {
    eprintln!("bench terminal: 4. bytes per scroll line...");
    let (cols, rows) = (120, 40);
    let less = (|| -> Result<(f64, usize)> {
        let path = c.seed_text.to_string_lossy();
        let mut s = session(LESS, &[&path], home, cols, rows)?;
        if !s.wait_screen(Duration::from_secs(10), |sc| sc.contains("التقى")) {
            bail!("less showed no text");
        }
        let r = bytes_per_key(&mut s, b"j", cfg.scroll_lines);
        s.dump("less after scrolling");
        s.quit_with(b"q");
        r
    })();
    let less_cell = match &less {
        Ok((b, n)) => format!("less, 1 line: {b:.0} B (mean of {n})"),
        Err(e) => format!("less: {e:#}"),
    };
    let mut plain = Row::new(
        "4a",
        format!("Bytes per one-line scroll, body pane, seed briefing, {cols}×{rows}"),
        "≤ 1,000 B",
    );
    let mut zoomed = Row::new(
        "4b",
        format!("Bytes per one-line scroll, zoomed body pane (z), {cols}×{rows}"),
        "≤ 2× less",
    );
    plain.reference = less_cell.clone();
    zoomed.reference = less_cell;
    let path = c.seed_briefing.to_string_lossy().into_owned();
    let result = (|| -> Result<()> {
        let mut s = session(BRIEF, &[&path], home, cols, rows)?;
        if s.wait_frames(1, Duration::from_secs(60)).is_none() {
            bail!("no first frame");
        }
        s.dump("scroll: before");
        let r = bytes_per_key(&mut s, b"j", cfg.scroll_lines);
        s.dump("scroll: after");
        match r {
            Ok((b, n)) => {
                plain.keep("bytes per line", b, "B");
                plain.brief = format!("{b:.0} B (mean of {n})");
                let beside = match &less {
                    Ok((l, _)) => format!(", {:.1}× less", b / l),
                    Err(_) => String::new(),
                };
                plain.verdict = verdict(b <= 1000.0, format!("{b:.0} B{beside}"));
            }
            Err(e) => plain.verdict = format!("{e:#}"),
        }
        // Zoom, back to the top of the body, then scroll line by line.
        let before = s.screen_text();
        s.send(b"z")?;
        s.quiet_for(Duration::from_millis(100), Duration::from_secs(5));
        if s.screen_text() == before {
            bail!("zoom: 'z' changed nothing on screen");
        }
        s.send(b"g")?;
        s.quiet_for(Duration::from_millis(100), Duration::from_secs(5));
        s.dump("zoomed, at the top");
        match bytes_per_key(&mut s, b"j", cfg.scroll_lines) {
            Ok((b, n)) => {
                zoomed.keep("bytes per line", b, "B");
                zoomed.brief = format!("{b:.0} B (mean of {n})");
                zoomed.verdict = match &less {
                    Ok((l, _)) => verdict(b <= 2.0 * l, format!("{:.1}× less", b / l)),
                    Err(_) => "no reference".into(),
                };
            }
            Err(e) => zoomed.verdict = format!("{e:#}"),
        }
        s.quit_with(b"q");
        Ok(())
    })();
    if let Err(e) = result {
        let e = format!("{e:#}");
        if plain.brief == "n/a" {
            plain.verdict = e.clone();
        }
        zoomed.verdict = e;
    }
    vec![plain, zoomed]
}
