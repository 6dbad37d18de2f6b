//! This harness run again as `--load-only PATH`: the loader alone, in a fresh process.

use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// Runs this harness again as `--load-only PATH` and reads what it prints.
pub fn load_only(archive: &Path) -> Result<(Duration, usize, u64)> {
    let exe = std::env::current_exe()?;
    let out = Command::new(exe)
        .arg("--load-only")
        .arg(archive)
        .stdin(Stdio::null())
        .output()?;
    if !out.status.success() {
        bail!(
            "--load-only failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut words = text.split_whitespace();
    let mut next = |what: &str| -> Result<u64> {
        words
            .next()
            .and_then(|w| w.parse().ok())
            .with_context(|| format!("--load-only printed no {what}: {text:?}"))
    };
    let micros = next("time")?;
    let loaded = next("count")?;
    let peak = next("peak")?;
    Ok((Duration::from_micros(micros), loaded as usize, peak))
}

/// `--load-only PATH`: loads the folder, prints "MICROSECONDS LOADED PEAK_BYTES".
pub fn load_only_main(path: &Path) -> Result<()> {
    let t = Instant::now();
    let library = brief::briefing::load_path(path, &brief::briefing::LoadOptions::default());
    let dt = t.elapsed();
    let status = std::fs::read_to_string("/proc/self/status")?;
    let peak_kb: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .context("no VmHWM in /proc/self/status")?;
    println!(
        "{} {} {}",
        dt.as_micros(),
        black_box(&library).listings.len(),
        peak_kb * 1024
    );
    Ok(())
}
