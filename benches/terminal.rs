//! The performance figures of issue 6, measured side by side with `less` and GNU FriBidi,
//! printed as one table (see BENCHMARKS.md for the method of each figure).
//!
//! `cargo bench --bench terminal` runs it (plain `cargo bench` runs it after the divan
//! micro-benchmarks in `benches/layout.rs`); `-- --quick` (or `BRIEF_BENCH_QUICK=1`) runs
//! every figure once with few iterations and a smaller archive, as the CI smoke does.
//!
//! The real `brief` binary (built by cargo for this bench) runs in a pseudo-terminal and
//! is timed from the outside: a frame ends where its synchronized update ends
//! (`ESC[?2026l`). All test data is generated into a temporary directory.
//!
//! Timing decides nothing here: a figure that misses its target is reported, never failed.

#[path = "support/data.rs"]
mod data;
#[path = "../tests/support/mod.rs"]
mod support;

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use brief::text::{BaseDirection, BidiMode, LayoutOptions};

use crate::support::pty::{Launch, Pty};

const BRIEF: &str = env!("CARGO_BIN_EXE_brief");
const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/briefings");
const LESS: &str = "/usr/bin/less";
const FRIBIDI: &str = "/usr/bin/fribidi";

struct Config {
    quick: bool,
    archive_files: usize,
    /// FriBidi runs, and our warm layout runs (after one on fresh memory).
    layout_runs: usize,
    startup_runs: usize,
    archive_runs: usize,
    keys: usize,
    scroll_lines: usize,
    idle: Duration,
}

impl Config {
    fn from_args() -> Self {
        let quick = std::env::args().any(|a| a == "--quick")
            || std::env::var_os("BRIEF_BENCH_QUICK").is_some_and(|v| v != "0");
        if quick {
            Self {
                quick,
                archive_files: 1_000,
                layout_runs: 1,
                startup_runs: 1,
                archive_runs: 1,
                keys: 20,
                scroll_lines: 3,
                idle: Duration::from_secs(2),
            }
        } else {
            Self {
                quick,
                archive_files: 10_000,
                layout_runs: 5,
                startup_runs: 15,
                archive_runs: 5,
                keys: 500,
                scroll_lines: 20,
                idle: Duration::from_secs(10),
            }
        }
    }
}

/// One row of the table.
struct Row {
    id: &'static str,
    figure: String,
    brief: String,
    reference: String,
    target: String,
    verdict: String,
}

impl Row {
    fn new(id: &'static str, figure: impl Into<String>, target: impl Into<String>) -> Self {
        Self {
            id,
            figure: figure.into(),
            brief: "n/a".into(),
            reference: "—".into(),
            target: target.into(),
            verdict: "not measured".into(),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let result = match args.iter().position(|a| a == "--load-only") {
        Some(i) => match args.get(i + 1) {
            Some(path) => load_only_main(Path::new(path)),
            None => Err(anyhow::anyhow!("--load-only needs a path")),
        },
        None => run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench terminal: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<()> {
    let cfg = Config::from_args();
    let t = Instant::now();
    eprintln!(
        "bench terminal: generating data ({} briefings, 2 MB briefing, 5 MB text)...",
        cfg.archive_files
    );
    let corpus = data::corpus(cfg.archive_files).context("generating the test data")?;
    eprintln!(
        "bench terminal: data ready in {:.1} s under {}",
        t.elapsed().as_secs_f64(),
        corpus.dir.path().display()
    );
    // Write the generated files out now, so the kernel's write-back does not run during
    // the first figures.
    let _ = Command::new("sync").status();
    let home = corpus.dir.path().join("home");
    std::fs::create_dir_all(&home)?;

    // BRIEF_BENCH_ONLY="1 3" measures only those figures (all by default).
    let only = std::env::var("BRIEF_BENCH_ONLY").unwrap_or_default();
    let want = |n: &str| only.trim().is_empty() || only.split([' ', ',']).any(|w| w == n);
    let mut rows = Vec::new();
    if want("2") {
        rows.extend(startup(&cfg, &corpus, &home));
    }
    if want("3") {
        rows.extend(keystrokes(&cfg, &corpus, &home));
    }
    if want("4") {
        rows.extend(scroll_bytes(&cfg, &corpus, &home));
    }
    if want("5") {
        rows.push(idle(&cfg, &corpus, &home));
    }
    // Last, though listed first: laying out 5 MB leaves this process with a large heap,
    // and every later spawn (a fork of this process) would be slower for it.
    if want("1") {
        rows.insert(0, layout_throughput(&cfg, &corpus.arabic_5mb));
    }

    println!();
    println!("{}", machine());
    println!(
        "brief performance figures{}:",
        if cfg.quick {
            " (QUICK SMOKE RUN: few iterations, 1,000-briefing archive; not the real figures)"
        } else {
            ""
        }
    );
    println!();
    print!("{}", table(&rows));
    if std::env::var_os("BRIEF_BENCH_KEEP").is_some_and(|v| v != "0") {
        let kept = corpus.dir.keep();
        eprintln!("bench terminal: test data kept in {}", kept.display());
    }
    Ok(())
}

/// nproc, CPU model and memory, as BENCHMARKS.md states them.
fn machine() -> String {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown", |(_, m)| m.trim())
        .to_string();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_kb: u64 = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    format!(
        "machine: {cpus} CPUs ({model}), {:.1} GiB memory",
        mem_kb as f64 / 1024.0 / 1024.0
    )
}

fn table(rows: &[Row]) -> String {
    let header = ["#", "Figure", "brief", "Reference", "Target", "Verdict"];
    let cells: Vec<[&str; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.id,
                r.figure.as_str(),
                r.brief.as_str(),
                r.reference.as_str(),
                r.target.as_str(),
                r.verdict.as_str(),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cols: [&str; 6]| {
        let mut s = String::from("|");
        for (c, w) in cols.iter().zip(widths) {
            let pad = w - c.chars().count();
            let _ = write!(s, " {c}{} |", " ".repeat(pad));
        }
        s.push('\n');
        s
    };
    let mut out = line(header);
    let mut rule = String::from("|");
    for w in widths {
        let _ = write!(rule, "{}|", "-".repeat(w + 2));
    }
    out.push_str(&rule);
    out.push('\n');
    for row in cells {
        out.push_str(&line(row));
    }
    out
}

/// With `BRIEF_BENCH_VERBOSE=1`, every single run's figure goes to stderr.
fn verbose(line: &str) {
    if std::env::var_os("BRIEF_BENCH_VERBOSE").is_some_and(|v| v != "0") {
        eprintln!("bench terminal:    {line}");
    }
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

fn median(v: &mut [Duration]) -> Option<Duration> {
    if v.is_empty() {
        return None;
    }
    v.sort();
    Some(v[v.len() / 2])
}

/// The nearest-rank percentile of sorted durations.
fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

fn verdict(met: bool, detail: String) -> String {
    if met {
        format!("met ({detail})")
    } else {
        format!("MISSED ({detail})")
    }
}

// ---------------------------------------------------------------------------------------
// 1. Layout throughput

fn layout_throughput(cfg: &Config, path: &Path) -> Row {
    let mut row = Row::new(
        "1",
        "Layout throughput: sanitize+shape+wrap+reorder, 5 MB Arabic, width 100",
        "≥ 2× FriBidi",
    );
    eprintln!("bench terminal: 1. layout throughput...");
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            row.verdict = format!("error: {e}");
            return row;
        }
    };
    let bytes = text.len() as f64;
    let options = LayoutOptions {
        width: 100,
        direction: BaseDirection::Auto,
        shaping: true,
        mode: BidiMode::App,
        ..LayoutOptions::default()
    };
    let rate = |d: Duration| bytes / data::MB / d.as_secs_f64();
    let all = time_layout(cfg.layout_runs, &text, &options, brief::text::layout);
    let one = time_layout(
        cfg.layout_runs,
        &text,
        &options,
        brief::text::layout_on_this_thread,
    );
    let ours = all.median_wall().map(rate);
    let single = one.median_wall().map(rate);
    if let (Some(mbs), Some(single_mbs)) = (ours, single) {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        row.brief = format!(
            "{mbs:.1} MB/s on {cores} cores; one thread: {single_mbs:.1} MB/s (its CPU: {}); \
             first run, fresh memory: {} ({} lines)",
            one.median_cpu()
                .map_or("n/a".into(), |c| format!("{:.1}", rate(c))),
            all.first
                .map_or("n/a".into(), |d| format!("{:.1}", rate(d))),
            all.lines,
        );
    }
    // CPU time as well as wall time: on a busy machine it scatters less.
    let cpu_rate = |ticks: Option<u64>, runs: usize| {
        ticks
            .filter(|&t| t > 0)
            .map(|t| bytes * runs as f64 / data::MB / (t as f64 / 100.0))
    };
    let mut fribidi_times = Vec::new();
    let mut fribidi_error = None;
    // cutime+cstime: CPU time of the children waited for.
    let children0 = stat_ticks("/proc/self/stat", 13);
    for _ in 0..cfg.layout_runs {
        let t = Instant::now();
        let status = Command::new(FRIBIDI)
            .args(["--width", "100"])
            .arg(path)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        let dt = t.elapsed();
        match status {
            Ok(s) if s.success() => fribidi_times.push(dt),
            Ok(s) => fribidi_error = Some(format!("fribidi exited {s}")),
            Err(e) => fribidi_error = Some(format!("{FRIBIDI}: {e}")),
        }
    }
    let theirs_cpu = cpu_rate(
        stat_ticks("/proc/self/stat", 13)
            .zip(children0)
            .map(|(b, a)| b - a),
        fribidi_times.len(),
    );
    let theirs = median(&mut fribidi_times).map(|d| bytes / data::MB / d.as_secs_f64());
    match (ours, theirs) {
        (Some(o), Some(f)) => {
            row.reference = format!(
                "FriBidi CLI: {f:.1} MB/s (CPU time: {})",
                theirs_cpu.map_or("n/a".into(), |c| format!("{c:.1} MB/s"))
            );
            let one = single.map_or("n/a".into(), |m| format!("{:.2}×", m / f));
            row.verdict = verdict(
                o >= 2.0 * f,
                format!("{:.2}× FriBidi; one thread {one}", o / f),
            );
        }
        (_, None) => {
            row.reference = fribidi_error.unwrap_or_else(|| "fribidi: no run".into());
            row.verdict = "no reference".into();
        }
        (None, Some(f)) => row.reference = format!("FriBidi CLI: {f:.1} MB/s"),
    }
    row
}

/// Times of `runs` warm runs of sanitize + `layout` (after one run into fresh memory).
struct LayoutTimes {
    first: Option<Duration>,
    walls: Vec<Duration>,
    /// The calling thread's CPU time per warm run (threads it starts are not counted).
    cpus: Vec<Duration>,
    lines: usize,
}

impl LayoutTimes {
    fn median_wall(&self) -> Option<Duration> {
        median(&mut self.walls.clone())
    }

    fn median_cpu(&self) -> Option<Duration> {
        (self.cpus.len() == self.walls.len())
            .then(|| median(&mut self.cpus.clone()))
            .flatten()
    }
}

/// Run 1 lays out into fresh memory; each run's output is freed right after its timings
/// are read (outside the timed window), so runs 2.. reuse the allocator's memory, as the
/// app does. The figure is the median of those warm runs; the first run (its page faults
/// included) is shown beside it.
fn time_layout(
    runs: usize,
    text: &str,
    options: &LayoutOptions,
    layout: fn(&str, &LayoutOptions) -> Vec<brief::text::VisualLine>,
) -> LayoutTimes {
    let mut times = LayoutTimes {
        first: None,
        walls: Vec::with_capacity(runs),
        cpus: Vec::with_capacity(runs),
        lines: 0,
    };
    for run in 0..=runs {
        let faults0 = minor_faults();
        let cpu0 = thread_cpu();
        let t = Instant::now();
        let sanitized = brief::text::sanitize(black_box(text));
        let laid = layout(black_box(&sanitized.text), options);
        let wall = t.elapsed();
        let cpu = thread_cpu().zip(cpu0).map(|(b, a)| b.saturating_sub(a));
        let faults = minor_faults()
            .zip(faults0)
            .map(|(b, a)| b.saturating_sub(a));
        times.lines = black_box(laid.len());
        drop(laid);
        drop(sanitized);
        verbose(&format!(
            "layout run {}{}: wall {}, CPU of this thread {}, {} minor page faults",
            run + 1,
            if run == 0 { " (fresh memory)" } else { "" },
            ms(wall),
            cpu.map_or("n/a".into(), ms),
            faults.map_or("n/a".into(), |f| f.to_string())
        ));
        if run == 0 {
            times.first = Some(wall);
        } else {
            times.walls.push(wall);
            times.cpus.extend(cpu);
        }
    }
    times
}

/// The sum of two adjacent fields of a /proc stat file, counted after the command name:
/// `first` = 11 is utime (+stime), 13 is cutime (+cstime); in clock ticks of 10 ms.
fn stat_ticks(path: &str, first: usize) -> Option<u64> {
    let stat = std::fs::read_to_string(path).ok()?;
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let a: u64 = fields.get(first)?.parse().ok()?;
    let b: u64 = fields.get(first + 1)?.parse().ok()?;
    Some(a + b)
}

/// This thread's CPU time: the first field of /proc/thread-self/schedstat (nanoseconds on
/// the CPU, the clock CLOCK_THREAD_CPUTIME_ID reads), else utime+stime of
/// /proc/thread-self/stat (10 ms ticks). The yield first makes the kernel account the
/// running slice, which it otherwise adds only at the next tick (up to 4 ms late).
fn thread_cpu() -> Option<Duration> {
    std::thread::yield_now();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .or_else(|| stat_ticks("/proc/thread-self/stat", 11).map(|t| Duration::from_millis(t * 10)))
}

/// This thread's minor page faults so far (minflt of /proc/thread-self/stat).
fn minor_faults() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(7)?
        .parse()
        .ok()
}

// ---------------------------------------------------------------------------------------
// 2. Start to first frame

struct Start {
    first_frame: Duration,
    /// The last frame before the output went quiet: the library is complete.
    settled: Option<Duration>,
    frames: usize,
    peak_rss: Option<u64>,
    screen: String,
}

/// `program ARGS` in a pty at COLS×ROWS, in `home` (its home and working folder), with a
/// terminal's answers to the queries it may send at start-up.
fn session(program: &str, args: &[&str], home: &Path, cols: u16, rows: u16) -> Result<Pty> {
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
fn brief_start(args: &[&str], home: &Path, cols: u16, rows: u16, quiet: Duration) -> Result<Start> {
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
fn less_start(file: &Path, home: &Path, cols: u16, rows: u16) -> Result<Duration> {
    let path = file.to_string_lossy();
    let s = session(LESS, &[&path], home, cols, rows)?;
    if !s.wait_screen(Duration::from_secs(10), |screen| screen.contains("التقى")) {
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

fn startup(cfg: &Config, c: &data::Corpus, home: &Path) -> Vec<Row> {
    eprintln!("bench terminal: 2. start to first frame...");
    let (cols, rows) = (120, 40);
    let less_ref = |file: &Path, name: &str| {
        let mut times = Vec::new();
        let mut err = None;
        for _ in 0..cfg.startup_runs {
            match less_start(file, home, cols, rows) {
                Ok(d) => {
                    verbose(&format!("less {name}: {}", ms(d)));
                    times.push(d);
                }
                Err(e) => err = Some(format!("less: {e:#}")),
            }
        }
        let less = median(&mut times);
        let cell = less.map_or_else(
            || err.unwrap_or_default(),
            |d| format!("less {name}: {}", ms(d)),
        );
        (less, cell)
    };
    let (less_seed, less_seed_cell) = less_ref(&c.seed_text, "seed.txt");
    let (less_big, less_big_cell) = less_ref(&c.big_text, "2 MB text");

    let mut out = Vec::new();
    let samples = PathBuf::from(SAMPLES);
    for (id, what, target_path, judged, less, less_cell) in [
        (
            "2a",
            "bundled samples (briefings/)",
            samples.as_path(),
            true,
            less_seed,
            &less_seed_cell,
        ),
        (
            "2b",
            "seed briefing (seed.json)",
            c.seed_briefing.as_path(),
            true,
            less_seed,
            &less_seed_cell,
        ),
        (
            "2c",
            "2 MB Arabic briefing",
            c.big_briefing.as_path(),
            false,
            less_big,
            &less_big_cell,
        ),
    ] {
        let mut row = Row::new(
            id,
            format!("Start to first frame, {what}, {cols}×{rows}"),
            if judged { "≤ 2× less" } else { "reported" },
        );
        let path = target_path.to_string_lossy().into_owned();
        let mut times = Vec::new();
        let mut err = None;
        for _ in 0..cfg.startup_runs {
            match brief_start(&[&path], home, cols, rows, Duration::from_millis(50)) {
                Ok(s) => {
                    verbose(&format!("brief {what}: {}", ms(s.first_frame)));
                    times.push(s.first_frame);
                }
                Err(e) => err = Some(format!("{e:#}")),
            }
        }
        row.reference = less_cell.clone();
        match (median(&mut times), less) {
            (Some(t), Some(l)) => {
                row.brief = ms(t);
                let ratio = format!("{:.2}× less", t.as_secs_f64() / l.as_secs_f64());
                row.verdict = if judged {
                    verdict(t.as_secs_f64() <= 2.0 * l.as_secs_f64(), ratio)
                } else {
                    ratio
                };
            }
            (Some(t), None) => {
                row.brief = ms(t);
                row.verdict = "no reference".into();
            }
            (None, _) => row.verdict = err.unwrap_or_default(),
        }
        out.push(row);
    }

    // The archive: first frame, fully indexed (last frame before quiet), peak memory.
    let archive = c.archive.to_string_lossy().into_owned();
    let n = c.archive_files;
    let mut first = Row::new(
        "2d",
        format!("Start to first frame, {n}-briefing archive"),
        "≤ 100 ms",
    );
    let mut indexed = Row::new(
        "2e",
        format!("Archive fully indexed (last frame before 1 s of quiet), {n} briefings"),
        "≤ 1 s",
    );
    let mut memory = Row::new(
        "2f",
        format!(
            "Peak memory (VmHWM), archive of {} on disk",
            data::human_bytes(c.archive_bytes)
        ),
        "≤ 2× size on disk",
    );
    let mut firsts = Vec::new();
    let mut settles = Vec::new();
    let mut peaks = Vec::new();
    let mut err = None;
    let mut shows_count = false;
    for _ in 0..cfg.archive_runs {
        match brief_start(&[&archive], home, cols, rows, Duration::from_secs(1)) {
            Ok(s) => {
                firsts.push(s.first_frame);
                if let Some(d) = s.settled {
                    settles.push(d);
                }
                if let Some(p) = s.peak_rss {
                    peaks.push(p);
                }
                let plain: String = s.screen.chars().filter(|ch| ch.is_ascii_digit()).collect();
                shows_count |= plain.contains(&n.to_string());
                eprintln!(
                    "bench terminal:    archive run: first frame {}, {} frames, settled {}",
                    ms(s.first_frame),
                    s.frames,
                    s.settled.map_or("-".into(), ms)
                );
            }
            Err(e) => err = Some(format!("{e:#}")),
        }
    }
    match median(&mut firsts) {
        Some(t) => {
            first.brief = ms(t);
            first.verdict = verdict(t <= Duration::from_millis(100), ms(t));
        }
        None => first.verdict = err.clone().unwrap_or_default(),
    }
    match median(&mut settles) {
        Some(t) => {
            indexed.brief = format!(
                "{}{}",
                ms(t),
                if shows_count {
                    String::new()
                } else {
                    format!(" (screen never showed {n})")
                }
            );
            indexed.verdict = verdict(t <= Duration::from_secs(1), ms(t));
        }
        None => indexed.verdict = err.clone().unwrap_or_default(),
    }
    peaks.sort();
    match peaks.last() {
        Some(&p) => {
            let ratio = p as f64 / c.archive_bytes as f64;
            memory.brief = data::human_bytes(p);
            memory.reference = format!("on disk: {}", data::human_bytes(c.archive_bytes));
            memory.verdict = verdict(ratio <= 2.0, format!("{ratio:.2}× on disk"));
        }
        None => memory.verdict = err.unwrap_or_default(),
    }
    out.extend([first, indexed, memory]);

    // Diagnosis: the loader alone, in a fresh process (this harness run again with
    // `--load-only`): its time, and its peak memory with the library still held.
    let mut load = Row::new(
        "2g",
        format!("(diagnosis) loader alone: load_path of the {n}-briefing archive, fresh process"),
        "—",
    );
    match load_only(&c.archive) {
        Ok((dt, loaded, peak)) => {
            load.brief = format!("{} ({loaded} loaded)", ms(dt));
            load.reference = format!("peak memory: {}", data::human_bytes(peak));
            load.verdict = format!(
                "{:.0} MB/s; peak {:.2}× on disk",
                c.archive_bytes as f64 / data::MB / dt.as_secs_f64(),
                peak as f64 / c.archive_bytes as f64
            );
        }
        Err(e) => load.verdict = format!("{e:#}"),
    }
    out.push(load);
    out
}

/// Runs this harness again as `--load-only PATH` and reads what it prints.
fn load_only(archive: &Path) -> Result<(Duration, usize, u64)> {
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
fn load_only_main(path: &Path) -> Result<()> {
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
        black_box(&library).briefings.len(),
        peak_kb * 1024
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// 3. Keystroke to frame

struct Keys {
    sorted: Vec<Duration>,
    no_frame: usize,
    unchanged: usize,
    flips: usize,
}

/// Sends `count` scroll keys one at a time, each after the previous frame has ended and
/// the output has been quiet for 5 ms; times each from the write to the end of the frame
/// it causes. At the end of the document (the screen no longer changes) the direction
/// flips between `j` and `k`, so every key keeps scrolling.
fn keystroke_run(file: &Path, home: &Path, count: usize) -> Result<Keys> {
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

fn keystrokes(cfg: &Config, c: &data::Corpus, home: &Path) -> Vec<Row> {
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
// 4. Bytes per scroll line

/// Bytes written per key that scrolled: each key is sent once the output has been quiet
/// for 100 ms, and its bytes are counted until the output is quiet again for 100 ms. Keys
/// that change nothing on screen end the run.
fn bytes_per_key(s: &mut Pty, key: &[u8], lines: usize) -> Result<(f64, usize)> {
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

fn scroll_bytes(cfg: &Config, c: &data::Corpus, home: &Path) -> Vec<Row> {
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
        "reported",
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
                plain.brief = format!("{b:.0} B (mean of {n})");
                plain.verdict = match &less {
                    Ok((l, _)) => format!("{:.1}× less", b / l),
                    Err(_) => "no reference".into(),
                };
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

// ---------------------------------------------------------------------------------------
// 5. Idle

fn idle(cfg: &Config, c: &data::Corpus, home: &Path) -> Row {
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
