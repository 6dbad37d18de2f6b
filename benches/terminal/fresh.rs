//! Figure 1's fresh-process parts: the layout on one thread into fresh memory (this
//! harness run again as `--layout-fresh PATH`), and `brief show` of the same text as a
//! briefing, end to end (load, layout, write), each a process of its own as FriBidi's is.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use brief::text::{BaseDirection, BidiMode, LayoutOptions};

use crate::config::BRIEF;

fn options() -> LayoutOptions {
    LayoutOptions {
        width: 100,
        direction: BaseDirection::Auto,
        shaping: true,
        mode: BidiMode::App,
        ..LayoutOptions::default()
    }
}

/// Runs this harness again as `--layout-fresh PATH` and reads the time it prints.
pub fn layout_fresh(path: &Path) -> Result<Duration> {
    let out = Command::new(std::env::current_exe()?)
        .arg("--layout-fresh")
        .arg(path)
        .stdin(Stdio::null())
        .output()?;
    if !out.status.success() {
        bail!(
            "--layout-fresh failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let micros: u64 = text
        .trim()
        .parse()
        .with_context(|| format!("--layout-fresh printed no time: {text:?}"))?;
    Ok(Duration::from_micros(micros))
}

/// `--layout-fresh PATH`: sanitize + `layout_on_this_thread` of the file's text in a
/// process that has laid out nothing else (the engine's tables built first, on a few
/// words), printing the microseconds it took. The text is sanitized as `brief show`
/// sanitizes a briefing's paragraphs: given up, and kept as it is when clean.
pub fn layout_fresh_main(path: &Path) -> Result<()> {
    let text = std::fs::read_to_string(path)?;
    let options = options();
    black_box(brief::text::layout_on_this_thread("قال Volker 5", &options));
    let t = Instant::now();
    let sanitized = brief::text::sanitize_owned(black_box(text));
    let lines = brief::text::layout_on_this_thread(&sanitized.text, &options);
    let dt = t.elapsed();
    black_box(&lines);
    println!("{}", dt.as_micros());
    Ok(())
}

/// The text at `path` as a briefing whose body has one paragraph per line, written beside
/// it: what `brief show` prints is then the text FriBidi reads, under a few headings.
pub fn write_show_briefing(path: &Path) -> Result<PathBuf> {
    let text = std::fs::read_to_string(path)?;
    let body: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let briefing = serde_json::json!({
        "format": 1,
        "id": "bench-show-5mb",
        "headline": "الباعور يلتقي المفوض السامي لحقوق الإنسان فولكر تورك في جنيف",
        "language": "ar",
        "direction": "rtl",
        "date": "2026-11-01",
        "body": body,
    });
    let out = path.with_extension("json");
    std::fs::write(&out, serde_json::to_string(&briefing)?)?;
    Ok(out)
}

/// Wall time of `brief show --width 100 BRIEFING > /dev/null`, spawn to exit.
pub fn show_once(briefing: &Path) -> Result<Duration> {
    let t = Instant::now();
    let status = Command::new(BRIEF)
        .args(["show", "--width", "100"])
        .arg(briefing)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    let dt = t.elapsed();
    if !status.success() {
        bail!("brief show exited {status}");
    }
    Ok(dt)
}
