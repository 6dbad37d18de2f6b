//! The table's rows, how they print, and the figures' arithmetic.

use std::fmt::Write as _;
use std::time::Duration;

use crate::figures::Figure;

/// One row of the table.
pub struct Row {
    pub id: &'static str,
    pub figure: String,
    pub brief: String,
    pub reference: String,
    pub target: String,
    pub verdict: String,
    /// The row's figures as numbers, kept in `target/bench/latest.json`.
    pub figures: Vec<Figure>,
}

impl Row {
    pub fn new(id: &'static str, figure: impl Into<String>, target: impl Into<String>) -> Self {
        Self {
            id,
            figure: figure.into(),
            brief: "n/a".into(),
            reference: "—".into(),
            target: target.into(),
            verdict: "not measured".into(),
            figures: Vec::new(),
        }
    }

    /// Keeps a figure of this row, named `terminal/ID what`.
    pub fn keep(&mut self, what: &str, value: f64, unit: &'static str) {
        let name = format!("terminal/{} {what}", self.id);
        self.figures.push(Figure::new(name, value, unit));
    }

    /// Keeps a time in milliseconds.
    pub fn keep_ms(&mut self, what: &str, d: Duration) {
        self.keep(what, d.as_secs_f64() * 1000.0, "ms");
    }
}

/// nproc, CPU model and memory, as BENCHMARKS.md states them.
pub fn machine() -> String {
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

pub fn table(rows: &[Row]) -> String {
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
pub fn verbose(line: &str) {
    if std::env::var_os("BRIEF_BENCH_VERBOSE").is_some_and(|v| v != "0") {
        eprintln!("bench terminal:    {line}");
    }
}

pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

pub fn median(v: &mut [Duration]) -> Option<Duration> {
    if v.is_empty() {
        return None;
    }
    v.sort();
    Some(v[v.len() / 2])
}

/// The nearest-rank percentile of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

pub fn verdict(met: bool, detail: String) -> String {
    if met {
        format!("met ({detail})")
    } else {
        format!("MISSED ({detail})")
    }
}
