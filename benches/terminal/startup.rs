//! Figure 2: start to first frame beside `less` (and a long briefing's against the seed's),
//! `G` on a long briefing, the archive's indexing and peak memory, and the loader alone.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::config::{Config, SAMPLES};
use crate::data;
use crate::jump::jump_row;
use crate::load_only::load_only;
use crate::report::{Row, median, ms, verbose, verdict};
use crate::session::{brief_start, less_start};

/// The terminal size of every start-up figure.
const COLS: u16 = 120;
const ROWS: u16 = 40;

/// `less`'s median time to its first frame on one file, and the table cell that shows it
/// (or why there is none).
struct LessReference {
    median: Option<Duration>,
    cell: String,
}

/// One start-up figure: `brief PATH`, judged against `less` or only reported.
struct Opening<'a> {
    id: &'static str,
    what: &'static str,
    judged: bool,
    less: &'a LessReference,
}

/// What the runs on the archive saw.
#[derive(Default)]
struct ArchiveRuns {
    firsts: Vec<Duration>,
    settles: Vec<Duration>,
    peaks: Vec<u64>,
    err: Option<String>,
    /// Whether the last screen of any run showed the number of briefings.
    shows_count: bool,
}

pub fn startup(cfg: &Config, c: &data::Corpus, home: &Path) -> Vec<Row> {
    eprintln!("bench terminal: 2. start to first frame...");
    let samples = PathBuf::from(SAMPLES);
    let samples_text = samples_sized_text(c, &samples);
    let mut less_seed = LessRuns::new(Ok((c.seed_text.clone(), "seed.txt".into())));
    let mut less_samples = LessRuns::new(samples_text);
    let mut less_big = LessRuns::new(Ok((c.big_text.clone(), "2 MB text".into())));
    // The last is the samples again, with the listings kept by their last start removed
    // first: a first start's figure.
    let paths = [
        &samples,
        &c.seed_briefing,
        &c.big_briefing,
        &c.huge_briefing,
        &samples,
    ];
    // less and the openings in turn, run after run: a machine whose speed drifts over
    // minutes moves them all alike, so their ratios hold. Each round begins one further
    // on: the first of brief's starts after less's ran 0.2–0.3 ms slower than the same
    // start later in the round (BENCHMARKS.md, "Kept listings"), so each opening takes
    // that place as often as the others.
    let mut runs: Vec<FirstFrames> = paths.iter().map(|_| FirstFrames::default()).collect();
    for round in 0..cfg.startup_runs {
        let mut lesses = [&mut less_samples, &mut less_seed, &mut less_big];
        lesses.rotate_left(round % 3);
        for less in lesses {
            less.run(home);
        }
        let mut openings: Vec<_> = paths.iter().zip(&mut runs).enumerate().collect();
        openings.rotate_left(round % paths.len());
        for (at, (path, frames)) in openings {
            if at == paths.len() - 1 {
                forget_kept_listings(home);
            }
            frames.run(home, path);
        }
    }
    let [less_samples, less_seed, less_big] =
        [less_samples, less_seed, less_big].map(LessRuns::into_reference);
    let openings = [
        Opening {
            id: "2a",
            what: "bundled samples (briefings/)",
            judged: true,
            less: &less_samples,
        },
        Opening {
            id: "2b",
            what: "seed briefing (seed.json)",
            judged: true,
            less: &less_seed,
        },
        Opening {
            id: "2c",
            what: "2 MB Arabic briefing",
            judged: false,
            less: &less_big,
        },
        Opening {
            id: "2h",
            what: "16 MB Arabic briefing",
            judged: false,
            less: &less_big,
        },
        Opening {
            id: "2j",
            what: "bundled samples, none of their listings kept",
            judged: false,
            less: &less_samples,
        },
    ];
    let (mut out, medians): (Vec<Row>, Vec<Option<Duration>>) = openings
        .iter()
        .zip(runs)
        .map(|(o, frames)| first_frame_row(o, frames))
        .unzip();
    // The long briefings' first frames against the seed's: lazy layout's target.
    for at in [2, 3] {
        if let (Some(long), Some(seed)) = (medians[at], medians[1]) {
            let ratio = long.as_secs_f64() / seed.as_secs_f64();
            let met = verdict(ratio <= 1.2, format!("{ratio:.2}× the seed's"));
            out[at].target = "≤ 1.2× 2b".into();
            out[at].verdict = format!("{met}; {}", out[at].verdict);
        }
    }
    out.push(jump_row(cfg, &c.big_briefing, home));
    out.extend(archive_rows(cfg, c, home));
    out.push(loader_row(c));
    out
}

/// Removes the listings kept beside the indexes in `home`'s cache (`*.listings`), so
/// that the next start of a small library loads every file, as its first start does.
fn forget_kept_listings(home: &Path) {
    let cache = home.join(".cache").join("brief");
    for entry in std::fs::read_dir(cache).into_iter().flatten().flatten() {
        if entry.file_name().to_string_lossy().ends_with(".listings") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The seed's text, as much of it as the bundled samples' files hold (what `less` pages
/// beside `brief briefings/`), written beside the corpus's other texts; and its name.
fn samples_sized_text(c: &data::Corpus, samples: &Path) -> anyhow::Result<(PathBuf, String)> {
    let mut bytes = 0;
    for entry in std::fs::read_dir(samples)? {
        let meta = entry?.metadata()?;
        if meta.is_file() {
            bytes += meta.len();
        }
    }
    let path = c.dir.path().join("text").join("samples-size.txt");
    std::fs::write(&path, data::arabic_text(bytes as usize))?;
    Ok((path, format!("{} of text", data::human_bytes(bytes))))
}

/// `less` on one text, run after run, and what keeps it from running.
struct LessRuns {
    text: anyhow::Result<(PathBuf, String)>,
    times: Vec<Duration>,
    err: Option<String>,
}

impl LessRuns {
    fn new(text: anyhow::Result<(PathBuf, String)>) -> Self {
        LessRuns {
            text,
            times: Vec::new(),
            err: None,
        }
    }

    fn run(&mut self, home: &Path) {
        let Ok((file, name)) = &self.text else {
            return;
        };
        match less_start(file, home, COLS, ROWS) {
            Ok(d) => {
                verbose(&format!("less {name}: {}", ms(d)));
                self.times.push(d);
            }
            Err(e) => self.err = Some(format!("less: {e:#}")),
        }
    }

    fn into_reference(self) -> LessReference {
        let LessRuns {
            text,
            mut times,
            err,
        } = self;
        let name = match text {
            Ok((_, name)) => name,
            Err(e) => {
                return LessReference {
                    median: None,
                    cell: format!("less: no text the samples' size: {e:#}"),
                };
            }
        };
        let less = median(&mut times);
        let cell = less.map_or_else(
            || err.unwrap_or_default(),
            |d| format!("less {name}: {}", ms(d)),
        );
        LessReference { median: less, cell }
    }
}

/// The first frames of one opening's runs so far, and the last error.
#[derive(Default)]
struct FirstFrames {
    times: Vec<Duration>,
    err: Option<String>,
}

impl FirstFrames {
    fn run(&mut self, home: &Path, path: &Path) {
        let path = path.to_string_lossy().into_owned();
        match brief_start(&[&path], home, COLS, ROWS, Duration::from_millis(50)) {
            Ok(s) => {
                verbose(&format!("brief {path}: {}", ms(s.first_frame)));
                self.times.push(s.first_frame);
            }
            Err(e) => self.err = Some(format!("{e:#}")),
        }
    }
}

fn first_frame_row(o: &Opening, frames: FirstFrames) -> (Row, Option<Duration>) {
    let FirstFrames { mut times, err } = frames;
    let what = o.what;
    let mut row = Row::new(
        o.id,
        format!("Start to first frame, {what}, {COLS}×{ROWS}"),
        if o.judged {
            "≤ 1.0× less"
        } else {
            "reported"
        },
    );
    row.reference = o.less.cell.clone();
    let brief = median(&mut times);
    if let Some(t) = brief {
        row.keep_ms("first frame", t);
    }
    match (brief, o.less.median) {
        (Some(t), Some(l)) => {
            row.brief = ms(t);
            let ratio = format!("{:.2}× less", t.as_secs_f64() / l.as_secs_f64());
            row.verdict = if o.judged {
                verdict(t <= l, ratio)
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
    (row, brief)
}

fn archive_runs(cfg: &Config, c: &data::Corpus, home: &Path) -> ArchiveRuns {
    let archive = c.archive.to_string_lossy().into_owned();
    let n = c.archive_files;
    let mut runs = ArchiveRuns::default();
    for _ in 0..cfg.archive_runs {
        match brief_start(&[&archive], home, COLS, ROWS, Duration::from_secs(1)) {
            Ok(s) => {
                runs.firsts.push(s.first_frame);
                if let Some(d) = s.settled {
                    runs.settles.push(d);
                }
                if let Some(p) = s.peak_rss {
                    runs.peaks.push(p);
                }
                let plain: String = s.screen.chars().filter(|ch| ch.is_ascii_digit()).collect();
                runs.shows_count |= plain.contains(&n.to_string());
                eprintln!(
                    "bench terminal:    archive run: first frame {}, {} frames, settled {}",
                    ms(s.first_frame),
                    s.frames,
                    s.settled.map_or("-".into(), ms)
                );
            }
            Err(e) => runs.err = Some(format!("{e:#}")),
        }
    }
    runs
}

/// The archive: first frame, fully indexed (last frame before quiet), peak memory.
fn archive_rows(cfg: &Config, c: &data::Corpus, home: &Path) -> [Row; 3] {
    let mut runs = archive_runs(cfg, c, home);
    [
        archive_first_frame_row(c.archive_files, &mut runs),
        archive_indexed_row(c.archive_files, &mut runs),
        archive_memory_row(c.archive_bytes, &mut runs),
    ]
}

fn archive_first_frame_row(n: usize, runs: &mut ArchiveRuns) -> Row {
    let mut first = Row::new(
        "2d",
        format!("Start to first frame, {n}-briefing archive"),
        "≤ 100 ms",
    );
    match median(&mut runs.firsts) {
        Some(t) => {
            first.keep_ms("first frame", t);
            first.brief = ms(t);
            first.verdict = verdict(t <= Duration::from_millis(100), ms(t));
        }
        None => first.verdict = runs.err.clone().unwrap_or_default(),
    }
    first
}

fn archive_indexed_row(n: usize, runs: &mut ArchiveRuns) -> Row {
    let mut indexed = Row::new(
        "2e",
        format!("Archive fully indexed (last frame before 1 s of quiet), {n} briefings"),
        "≤ 1 s",
    );
    match median(&mut runs.settles) {
        Some(t) => {
            indexed.keep_ms("fully indexed", t);
            indexed.brief = format!(
                "{}{}",
                ms(t),
                if runs.shows_count {
                    String::new()
                } else {
                    format!(" (screen never showed {n})")
                }
            );
            indexed.verdict = verdict(t <= Duration::from_secs(1), ms(t));
        }
        None => indexed.verdict = runs.err.clone().unwrap_or_default(),
    }
    indexed
}

fn archive_memory_row(archive_bytes: u64, runs: &mut ArchiveRuns) -> Row {
    let mut memory = Row::new(
        "2f",
        format!(
            "Peak memory (VmHWM), archive of {} on disk",
            data::human_bytes(archive_bytes)
        ),
        "≤ 2× size on disk",
    );
    runs.peaks.sort();
    match runs.peaks.last() {
        Some(&p) => {
            let ratio = p as f64 / archive_bytes as f64;
            memory.keep("peak memory", p as f64 / data::MB, "MB");
            memory.brief = data::human_bytes(p);
            memory.reference = format!("on disk: {}", data::human_bytes(archive_bytes));
            memory.verdict = verdict(ratio <= 2.0, format!("{ratio:.2}× on disk"));
        }
        None => memory.verdict = runs.err.clone().unwrap_or_default(),
    }
    memory
}

/// Diagnosis: the loader alone, in a fresh process (this harness run again with
/// `--load-only`): its time, and its peak memory with the library still held.
fn loader_row(c: &data::Corpus) -> Row {
    let n = c.archive_files;
    let mut load = Row::new(
        "2g",
        format!("(diagnosis) loader alone: load_path of the {n}-briefing archive, fresh process"),
        "—",
    );
    match load_only(&c.archive) {
        Ok((dt, loaded, peak)) => {
            load.keep_ms("load_path", dt);
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
    load
}
