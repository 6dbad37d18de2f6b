//! How much each figure measures (a quick smoke run or the real figures), and the
//! programs it runs.

use std::time::Duration;

pub const BRIEF: &str = env!("CARGO_BIN_EXE_brief");
pub const SAMPLES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/briefings");
pub const LESS: &str = "/usr/bin/less";
pub const FRIBIDI: &str = "/usr/bin/fribidi";

pub struct Config {
    pub quick: bool,
    pub archive_files: usize,
    /// Our warm layout runs (after one on fresh memory).
    pub layout_runs: usize,
    /// Rounds of FriBidi, the fresh layout and `brief show`, each a process, in turn: a
    /// round takes a fifth of a second, and this machine's speed drifts within minutes.
    pub process_rounds: usize,
    pub startup_runs: usize,
    pub archive_runs: usize,
    pub keys: usize,
    pub scroll_lines: usize,
    pub idle: Duration,
}

impl Config {
    pub fn from_args() -> Self {
        let quick = std::env::args().any(|a| a == "--quick")
            || std::env::var_os("BRIEF_BENCH_QUICK").is_some_and(|v| v != "0");
        if quick {
            Self {
                quick,
                archive_files: 1_000,
                layout_runs: 1,
                process_rounds: 1,
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
                layout_runs: 9,
                process_rounds: 25,
                startup_runs: 41,
                archive_runs: 5,
                keys: 500,
                scroll_lines: 20,
                idle: Duration::from_secs(10),
            }
        }
    }
}
