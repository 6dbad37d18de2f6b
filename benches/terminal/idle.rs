//! Figure 5: CPU time and output while idle.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::config::{BRIEF, Config};
use crate::data;
use crate::report::{Row, verdict};
use crate::session::session;

pub fn idle(cfg: &Config, c: &data::Corpus, home: &Path) -> Row {
    eprintln!("bench terminal: 5. idle...");
    let secs = cfg.idle.as_secs();
    let mut row = Row::new(
        "5",
        format!("Idle CPU time, {secs} s with the seed briefing open, 120×40"),
        if cfg.quick {
            "≤ 10 ms (over 10 s)"
        } else {
            "≤ 10 ms"
        },
    );
    let path = c.seed_briefing.to_string_lossy().into_owned();
    let result = (|| -> Result<(u64, u64, usize)> {
        let s = session(BRIEF, &[&path], home, 120, 40)?;
        if s.wait_frames(1, Duration::from_secs(60)).is_none() {
            bail!("no first frame");
        }
        s.quiet_for(Duration::from_millis(500), Duration::from_secs(30));
        let (ticks0, ns0) = s.cpu().context("reading /proc/PID/stat")?;
        let bytes0 = s.total_bytes();
        s.quiet_for(cfg.idle, cfg.idle);
        let (ticks1, ns1) = s.cpu().context("reading /proc/PID/stat")?;
        let bytes = s.total_bytes() - bytes0;
        s.quit_with(b"q");
        Ok((ticks1 - ticks0, ns1 - ns0, bytes))
    })();
    match result {
        Ok((ticks, ns, bytes)) => {
            let ms_sched = ns as f64 / 1e6;
            let ms_ticks = ticks as f64 * 10.0;
            row.keep("idle CPU", ms_sched, "ms");
            row.brief = format!(
                "{ms_sched:.2} ms (schedstat); {ms_ticks:.0} ms (stat ticks); {bytes} B written"
            );
            let per_10s = ms_sched * 10.0 / cfg.idle.as_secs_f64();
            row.verdict = verdict(per_10s <= 10.0, format!("{per_10s:.2} ms per 10 s"));
        }
        Err(e) => row.verdict = format!("{e:#}"),
    }
    row
}
