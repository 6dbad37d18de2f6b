//! The reader on a large archive served from its index, as an analyst meets it: `brief
//! index` builds the index of a generated archive, then the release `brief` starts on it in
//! a pseudo-terminal at 120×40. Reported: the build, the first frame, the library listed
//! whole, the peak memory then and after ten searches typed in the library, and the time
//! from each key typed into the search to the frame that shows it.
//!
//! ```sh
//! cargo bench --bench archive                                   # 10,000 briefings
//! BRIEF_BENCH_ARCHIVE_FILES=100000 cargo bench --bench archive  # 100,000 (1 GB)
//! cargo bench --bench archive -- --quick                        # 200, the CI smoke
//! BRIEF_BENCH_ARCHIVE_KEEP=DIR ...   # write and index the archive in DIR once, reuse it
//! ```
//!
//! Timing decides nothing: every figure is printed, none fails the run. A search that
//! shows no result, or a key that brings no frame, does fail it: that is a broken harness.

#![allow(dead_code)]

#[path = "support/data.rs"]
mod data;
#[path = "../tests/support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use support::pty::{Launch, Pty};

const BRIEF: &str = env!("CARGO_BIN_EXE_brief");
/// Ten searches an analyst might type: Arabic, Hebrew and English words, and field terms.
const QUERIES: &[&str] = &[
    "حقوق",
    "الباعور جنيف",
    "مجلس حقوق الإنسان",
    "התפלת",
    "ראשי הרשויות המקומיות",
    "desalination",
    "water authority",
    "ministry of finance",
    "actor:تورك",
    "date:2021-03-01..2021-03-31",
];
const WAIT: Duration = Duration::from_secs(120);

fn main() -> Result<()> {
    let quick = std::env::args().any(|a| a == "--quick");
    let files = match std::env::var("BRIEF_BENCH_ARCHIVE_FILES") {
        Ok(n) => n.parse().context("BRIEF_BENCH_ARCHIVE_FILES")?,
        Err(_) if quick => 200,
        Err(_) => 10_000,
    };
    let temporary = tempfile::Builder::new()
        .prefix("brief-bench-archive-")
        .tempdir()?;
    // A kept folder spares the hour of writing and indexing 100,000 briefings between runs
    // of the reader's figures; the reader still checks the index against the folder.
    let kept = std::env::var_os("BRIEF_BENCH_ARCHIVE_KEEP").map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temporary.path());
    let (library, index, home) = (
        dir.join("archive"),
        dir.join("index.sqlite"),
        dir.join("home"),
    );
    let home = home.join(format!("run-{}", std::process::id()));
    std::fs::create_dir_all(&home)?;
    if kept.is_some() && library.join(".complete").exists() {
        println!("archive: {files} briefings kept in {}", dir.display());
    } else {
        let bytes = write_archive(&library, files)?;
        std::fs::write(library.join(".complete"), files.to_string())?;
        println!(
            "archive: {files} briefings, {} (folders of 100)",
            data::human_bytes(bytes)
        );
    }
    if !(kept.is_some() && index.exists()) {
        build_index(&library, &index, &home)?;
    }
    reader(&library, &index, &home, files)
}

fn build_index(library: &Path, index: &Path, home: &Path) -> Result<()> {
    let started = Instant::now();
    let built = Command::new(BRIEF)
        .args(["index", "--index"])
        .arg(index)
        .arg(library)
        .env("HOME", home)
        .output()?;
    ensure!(built.status.success(), "brief index: {built:?}");
    println!(
        "brief index from nothing: {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// 100 files a folder, as an archive kept by month would be; a Hebrew paragraph in every
/// fourth, as in the index bench.
fn write_archive(library: &Path, files: usize) -> Result<u64> {
    let mut rng = data::Rng::new(23);
    let mut bytes = 0;
    for i in 0..files {
        let folder = library.join(format!("{:04}", i / 100));
        std::fs::create_dir_all(&folder)?;
        let mut briefing = data::briefing(&mut rng, i, 10_000);
        if i % 4 == 0
            && let Some(body) = briefing["body"].as_array_mut()
        {
            body.push("המשלחת תבקר בנמל ותיפגש עם ראשי הרשויות המקומיות. התפלת מים.".into());
        }
        bytes += data::write_json(&folder.join(format!("{i:06}.json")), &briefing)?;
    }
    Ok(bytes)
}

fn reader(library: &Path, index: &Path, home: &Path, files: usize) -> Result<()> {
    let (library, index) = (library.to_string_lossy(), index.to_string_lossy());
    let mut s = Launch::program(BRIEF, &["--index", &index, &library])?
        .in_home(home)
        .env("LC_ALL", "C.UTF-8")
        .size(120, 40)
        .answering_queries()
        .spawn()?;
    let Some(first) = s.wait_frames(1, WAIT) else {
        bail!("no first frame ({} bytes written)", s.total_bytes());
    };
    let listed = format!("Library: {} briefings", grouped(files));
    s.wait_for("the whole library's first screen", |screen| {
        screen.contents().contains(&listed)
    })?;
    let shown_at = s.last_frame_end().unwrap_or(first);
    // `G` goes to the last entry of what is in: the oldest briefing once every row is.
    let last = format!("{0}/{0}", grouped(files));
    while !s.with_screen(|screen| screen.contents().contains(&last)) {
        ensure!(s.started().elapsed() < WAIT, "G never reached {last}");
        s.send(b"G")?;
        s.quiet_for(Duration::from_millis(10), WAIT);
    }
    let every_row_at = s.last_frame_end().unwrap_or(first);
    s.wait_for("the files checked", |screen| {
        let text = screen.contents();
        text.contains(&listed) && !text.contains("checking")
    })?;
    let checked_at = s.last_frame_end().unwrap_or(first);
    s.send(b"g")?;
    s.quiet_for(Duration::from_millis(500), WAIT);
    let since_start = |at: Instant| (at - s.started()).as_millis();
    println!(
        "reader: first frame {} ms; the library of {files} on it (its first screen and \
         count) {} ms after start, every row in (G reaches the last) {} ms, the files \
         checked {} ms; peak memory then {}",
        since_start(first),
        since_start(shown_at),
        since_start(every_row_at),
        since_start(checked_at),
        memory(&s)
    );
    let (keys, firsts) = type_searches(&mut s)?;
    println!(
        "ten searches typed, {} keys: key to its frame p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms; \
         last key to the first results p50 {:.0} ms, max {:.0} ms; peak memory after them {}",
        keys.len(),
        ms(percentile(&keys, 0.5)),
        ms(percentile(&keys, 0.95)),
        ms(keys.last().copied().unwrap_or_default()),
        ms(percentile(&firsts, 0.5)),
        ms(firsts.last().copied().unwrap_or_default()),
        memory(&s)
    );
    let marks = mark_entries(&mut s, 20)?;
    println!(
        "r (reviewed) on {} entries, each written to the review state and the marks read \
         back: key to its frame p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
        marks.len(),
        ms(percentile(&marks, 0.5)),
        ms(percentile(&marks, 0.95)),
        ms(marks.last().copied().unwrap_or_default()),
    );
    s.quit_with(b"q");
    Ok(())
}

/// Marks `count` entries reviewed, one after another (`r`, then `j` untimed), timing each
/// `r` to the end of the frame that shows it.
fn mark_entries(s: &mut Pty, count: usize) -> Result<Vec<Duration>> {
    let mut times = Vec::with_capacity(count);
    for _ in 0..count {
        let frames = s.frames();
        let t0 = s.send(b"r")?;
        let Some(end) = s.wait_frames(frames + 1, WAIT) else {
            bail!("no frame after r");
        };
        times.push(end - t0);
        s.quiet_for(Duration::from_millis(20), WAIT);
        s.send(b"j")?;
        s.quiet_for(Duration::from_millis(20), WAIT);
    }
    s.wait_for("the marks counted", |screen| {
        screen.contents().contains(&format!("· {count} reviewed"))
    })?;
    times.sort();
    Ok(times)
}

/// Types each query a character at a time after `/`, timing every key to the end of the
/// frame that follows it, and the last key to the first results shown; Esc then clears
/// the search for the next.
fn type_searches(s: &mut Pty) -> Result<(Vec<Duration>, Vec<Duration>)> {
    let (mut times, mut firsts) = (Vec::new(), Vec::new());
    for query in QUERIES {
        s.send(b"/")?;
        s.quiet_for(Duration::from_millis(100), WAIT);
        for c in query.chars() {
            let frames = s.frames();
            let t0 = s.send(c.to_string().as_bytes())?;
            let Some(end) = s.wait_frames(frames + 1, WAIT) else {
                bail!("no frame after a key of {query:?}");
            };
            times.push(end - t0);
            s.quiet_for(Duration::from_millis(5), WAIT);
        }
        let typed = Instant::now();
        // A common word matches most of the archive: its results keep coming while the
        // first screen is read. Figured here: the first results on the screen.
        s.wait_for("results", |screen| {
            let text = screen.contents();
            text.contains(" shown of ") && !text.contains(" 0 shown of ")
        })
        .with_context(|| format!("no results for {query:?}"))?;
        firsts.push(typed.elapsed());
        s.send(b"\x1b")?;
        s.quiet_for(Duration::from_millis(100), WAIT);
    }
    times.sort();
    firsts.sort();
    Ok((times, firsts))
}

/// `10000` as the library's title writes it, `10,000`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn memory(s: &Pty) -> String {
    s.peak_rss()
        .map_or_else(|| "unknown".into(), |b| format!("{:.0} MB", b as f64 / 1e6))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(at).copied().unwrap_or_default()
}
