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

#[path = "../support/data.rs"]
mod data;
#[path = "../support/figures.rs"]
mod figures;
#[path = "../../tests/support/mod.rs"]
mod support;

mod config;
mod fresh;
mod idle;
mod jump;
mod keystroke;
mod load_only;
mod report;
mod scroll;
mod session;
mod slow_link;
mod startup;
mod throughput;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

use anyhow::{Context, Result};

use crate::config::Config;
use crate::idle::idle;
use crate::keystroke::keystrokes;
use crate::load_only::load_only_main;
use crate::report::{machine, table};
use crate::scroll::scroll_bytes;
use crate::slow_link::slow_link;
use crate::startup::startup;
use crate::throughput::layout_throughput;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let result = match args.iter().position(|a| a == "--load-only") {
        Some(i) => match args.get(i + 1) {
            Some(path) => load_only_main(Path::new(path)),
            None => Err(anyhow::anyhow!("--load-only needs a path")),
        },
        None => match args.iter().position(|a| a == "--layout-fresh") {
            Some(i) => match args.get(i + 1) {
                Some(path) => fresh::layout_fresh_main(Path::new(path)),
                None => Err(anyhow::anyhow!("--layout-fresh needs a path")),
            },
            None => run(),
        },
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
    if want("6") {
        rows.extend(slow_link(&cfg, &corpus, &home));
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
    println!();
    // A quick run's figures are kept apart: they are not the real ones.
    let bench = if cfg.quick {
        "terminal-quick"
    } else {
        "terminal"
    };
    let kept: Vec<figures::Figure> = rows
        .into_iter()
        .flat_map(|row| row.figures)
        .map(|f| figures::Figure::new(f.name.replacen("terminal", bench, 1), f.value, f.unit))
        .collect();
    figures::keep(bench, &kept);
    if std::env::var_os("BRIEF_BENCH_KEEP").is_some_and(|v| v != "0") {
        let kept = corpus.dir.keep();
        eprintln!("bench terminal: test data kept in {}", kept.display());
    }
    Ok(())
}
