//! Figure 1: layout throughput, beside the FriBidi command line.

use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use brief::text::{BaseDirection, BidiMode, LayoutOptions};

use crate::config::{Config, FRIBIDI};
use crate::data;
use crate::fresh;
use crate::report::{Row, median, ms, verbose, verdict};

pub fn layout_throughput(cfg: &Config, path: &Path) -> Row {
    let mut row = Row::new(
        "1",
        "Layout throughput: sanitize+shape+wrap+reorder, 5 MB Arabic, width 100",
        "≥ 2× FriBidi: one thread, fresh memory; and brief show end to end",
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
        row.keep("layout all cores", mbs, "MB/s");
        row.keep("layout one thread", single_mbs, "MB/s");
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
    // FriBidi, the fresh layout and `brief show` each a process of its own, run in turn
    // (one of each, then again) so that drift in the machine's speed moves them alike.
    let mut fribidi_times = Vec::new();
    let mut fribidi_error = None;
    // None once a tick count could not be read: no CPU figure rather than a wrong one.
    let mut fribidi_ticks = Some(0);
    let mut fresh_times = Vec::new();
    let mut show_times = Vec::new();
    let show_briefing = fresh::write_show_briefing(path);
    for _ in 0..cfg.process_rounds.max(1) {
        // cutime+cstime: CPU time of the children waited for.
        let children0 = stat_ticks("/proc/self/stat", 13);
        match fribidi_once(path) {
            Ok(dt) => {
                fribidi_times.push(dt);
                let ticks = stat_ticks("/proc/self/stat", 13)
                    .zip(children0)
                    .map(|(b, a)| b - a);
                fribidi_ticks = fribidi_ticks.zip(ticks).map(|(sum, t)| sum + t);
            }
            Err(e) => fribidi_error = Some(e),
        }
        fresh_times.push(fresh::layout_fresh(path));
        if let Ok(briefing) = &show_briefing {
            show_times.push(fresh::show_once(briefing));
        }
    }
    let theirs_cpu = cpu_rate(fribidi_ticks, fribidi_times.len());
    let theirs = median(&mut fribidi_times).map(|d| bytes / data::MB / d.as_secs_f64());
    let fresh_one = median_of_runs(fresh_times).map(rate);
    let show = show_briefing
        .and_then(|_| median_of_runs(show_times))
        .map(rate);
    let shown = |r: &anyhow::Result<f64>| match r {
        Ok(mbs) => format!("{mbs:.1} MB/s"),
        Err(e) => format!("error: {e:#}"),
    };
    row.brief = format!(
        "{}; one thread in a fresh process: {}; brief show end to end: {}",
        row.brief,
        shown(&fresh_one),
        shown(&show)
    );
    if let (Ok(one), Ok(show)) = (&fresh_one, &show) {
        row.keep("layout one thread fresh process", *one, "MB/s");
        row.keep("brief show end to end", *show, "MB/s");
    }
    match (ours, theirs) {
        (Some(o), Some(f)) => {
            row.keep("fribidi", f, "MB/s");
            row.reference = format!(
                "FriBidi CLI: {f:.1} MB/s (CPU time: {})",
                theirs_cpu.map_or("n/a".into(), |c| format!("{c:.1} MB/s"))
            );
            let one = single.map_or("n/a".into(), |m| format!("{:.2}×", m / f));
            let ratio = |r: &anyhow::Result<f64>| r.as_ref().map_or(0.0, |m| m / f);
            let (fresh_ratio, show_ratio) = (ratio(&fresh_one), ratio(&show));
            row.verdict = verdict(
                fresh_ratio >= 2.0 && show_ratio >= 2.0,
                format!(
                    "one thread, fresh memory {fresh_ratio:.2}×; brief show {show_ratio:.2}×; \
                     warm: {:.2}× on all cores, one thread {one}",
                    o / f
                ),
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

/// The median of the runs' times, or the first error.
fn median_of_runs(runs: Vec<anyhow::Result<Duration>>) -> anyhow::Result<Duration> {
    let mut times = runs.into_iter().collect::<anyhow::Result<Vec<_>>>()?;
    median(&mut times).ok_or_else(|| anyhow::anyhow!("no run"))
}

/// Wall time of `fribidi --width 100 PATH > /dev/null`, spawn to exit.
fn fribidi_once(path: &Path) -> Result<Duration, String> {
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
        Ok(s) if s.success() => Ok(dt),
        Ok(s) => Err(format!("fribidi exited {s}")),
        Err(e) => Err(format!("{FRIBIDI}: {e}")),
    }
}

/// Times of `runs` warm runs of sanitize + `layout` (after one run into fresh memory).
pub struct LayoutTimes {
    pub first: Option<Duration>,
    pub walls: Vec<Duration>,
    /// The calling thread's CPU time per warm run (threads it starts are not counted).
    pub cpus: Vec<Duration>,
    pub lines: usize,
}

impl LayoutTimes {
    pub fn median_wall(&self) -> Option<Duration> {
        median(&mut self.walls.clone())
    }

    pub fn median_cpu(&self) -> Option<Duration> {
        (self.cpus.len() == self.walls.len())
            .then(|| median(&mut self.cpus.clone()))
            .flatten()
    }
}

/// Run 1 lays out into fresh memory; each run's output is freed right after its timings
/// are read (outside the timed window), so runs 2.. reuse the allocator's memory, as the
/// app does. The figure is the median of those warm runs; the first run (its page faults
/// included) is shown beside it.
pub fn time_layout(
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
pub fn stat_ticks(path: &str, first: usize) -> Option<u64> {
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
pub fn thread_cpu() -> Option<Duration> {
    std::thread::yield_now();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map(Duration::from_nanos)
        .or_else(|| stat_ticks("/proc/thread-self/stat", 11).map(|t| Duration::from_millis(t * 10)))
}

/// This thread's minor page faults so far (minflt of /proc/thread-self/stat).
pub fn minor_faults() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(7)?
        .parse()
        .ok()
}
