//! The library index (divan): building it from nothing, a refresh when it is up to date,
//! and searches in Arabic, Hebrew and English of one to three words, and `actor:` and
//! `date:` queries, over a generated archive of briefings of about 10 KB.
//!
//! The archive's size comes from `BRIEF_BENCH_INDEX_FILES` (default 2,000):
//!
//! ```sh
//! cargo bench --bench index                                   # 2,000 briefings
//! BRIEF_BENCH_INDEX_FILES=10000 cargo bench --bench index     # the 10,000 figures
//! BRIEF_BENCH_INDEX_FILES=100000 nice cargo bench --bench index -- search   # 1 GB
//! ```
//!
//! Before divan's table it prints a report: the build and refresh times, the index's size
//! as a ratio to the archive, and each query's p50 and p95 over repeated runs (a query that
//! finds nothing fails the bench: it would time an empty loop). The report's figures are
//! also kept in `target/bench/latest.json` and compared with `benches/baseline.json`
//! (`support/figures.rs`), named with the archive's size.

#[path = "support/data.rs"]
mod data;
#[path = "support/figures.rs"]
mod figures;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Cancel, Index, Page};
use brief::briefing::query::parse;
use divan::Bencher;

/// Hebrew paragraphs planted in every fourth briefing (the generator writes Arabic and
/// English only).
const HEBREW: &[&str] = &[
    "הממשלה הודיעה על תוכנית חדשה להתפלת מים בחוף הצפוני של המדינה.",
    "שר החוץ נפגש עם נציב האו״ם לזכויות האדם בז׳נבה ודן בשיתוף הפעולה.",
    "המשלחת תבקר בנמל ותיפגש עם ראשי הרשויות המקומיות בשבוע הבא.",
    "הדוברת אמרה כי הדו״ח על מצב הבריאות יפורסם בסוף החודש.",
];

/// Each query with the kind of query it stands for.
const QUERIES: &[(&str, &str)] = &[
    ("ar 1 word", "حقوق"),
    ("ar 2 words", "الباعور جنيف"),
    ("ar 3 words", "مجلس حقوق الإنسان"),
    ("he 1 word", "התפלת"),
    ("he 2 words", "זכויות האדם"),
    ("he 3 words", "ראשי הרשויות המקומיות"),
    ("en 1 word", "desalination"),
    ("en 2 words", "water authority"),
    ("en 3 words", "ministry of finance"),
    ("actor:", "actor:تورك"),
    ("actor:", "actor:haddad"),
    ("date:", "date:2021-03-01..2021-03-31"),
    ("rare word", "123"),
];

struct Archive {
    dir: tempfile::TempDir,
    library: PathBuf,
    index: PathBuf,
    files: usize,
    bytes: u64,
    build: Duration,
}

fn files() -> usize {
    std::env::var("BRIEF_BENCH_INDEX_FILES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000)
}

/// The archive written and indexed once per run.
static ARCHIVE: LazyLock<Archive> = LazyLock::new(|| {
    let dir = tempfile::Builder::new()
        .prefix("brief-bench-index-")
        .tempdir()
        .unwrap_or_else(|e| panic!("temporary folder: {e}"));
    let library = dir.path().join("archive");
    let files = files();
    let bytes = write_archive(&library, files);
    let index = dir.path().join("index.sqlite");
    let started = Instant::now();
    build(&library, &index);
    Archive {
        dir,
        library,
        index,
        files,
        bytes,
        build: started.elapsed(),
    }
});

fn write_archive(library: &Path, files: usize) -> u64 {
    let mut rng = data::Rng::new(23);
    let mut bytes = 0;
    for i in 0..files {
        // 100 files a folder, as an archive kept by month would be.
        let folder = library.join(format!("{:04}", i / 100));
        if i % 100 == 0 {
            std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
        }
        let mut briefing = data::briefing(&mut rng, i, 10_000);
        if i % 4 == 0
            && let Some(body) = briefing["body"].as_array_mut()
        {
            body.push(serde_json::json!(HEBREW[i / 4 % HEBREW.len()]));
        }
        bytes += data::write_json(&folder.join(format!("{i:06}.json")), &briefing)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    bytes
}

fn open(library: &Path, index: &Path) -> Index {
    let library = std::fs::canonicalize(library).unwrap_or_else(|e| panic!("{e}"));
    Index::open_at(index, &library, Access::ReadWrite).unwrap_or_else(|e| panic!("{e}"))
}

fn build(library: &Path, index: &Path) {
    let summary = open(library, index)
        .refresh(&LoadOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.failed, 0, "{summary:?}");
}

fn index_bytes(index: &Path) -> u64 {
    ["", "-wal"]
        .iter()
        .filter_map(|suffix| {
            let mut name = index.as_os_str().to_owned();
            name.push(suffix);
            std::fs::metadata(PathBuf::from(name)).ok()
        })
        .map(|m| m.len())
        .sum()
}

/// The first screen of results (50) for `text`, newest first.
fn first_screen(index: &Index, text: &str) -> usize {
    let query = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    index
        .search(
            &query,
            &Page::default(),
            &LoadOptions::default(),
            &Cancel::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"))
        .len()
}

/// Where the index's bytes go, table by table (SQLite's dbstat).
fn print_tables(index: &Path) {
    let conn = rusqlite::Connection::open(index).unwrap_or_else(|e| panic!("{e}"));
    let mut statement = conn
        .prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8")
        .unwrap_or_else(|e| panic!("{e}"));
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?))
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let tables: Vec<String> = rows
        .filter_map(Result::ok)
        .map(|(name, bytes)| format!("{name} {}", data::human_bytes(bytes as u64)))
        .collect();
    println!("largest tables: {}", tables.join(", "));
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(at).copied().unwrap_or_default()
}

fn report() {
    let archive = &*ARCHIVE;
    let started = Instant::now();
    let summary = open(&archive.library, &archive.index)
        .refresh(&LoadOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    let refresh = started.elapsed();
    assert_eq!(summary.unchanged, archive.files, "{summary:?}");
    let size = index_bytes(&archive.index);
    println!(
        "index of {} briefings ({}): built in {:.1} s, refreshed when up to date in {} ms, \
         {} on disk ({:.2} of the archive)",
        archive.files,
        data::human_bytes(archive.bytes),
        archive.build.as_secs_f64(),
        refresh.as_millis(),
        data::human_bytes(size),
        size as f64 / archive.bytes as f64
    );
    print_tables(&archive.index);
    let files = archive.files;
    let name = |what: &str| format!("index/{what} ({files} files)");
    let mut kept = vec![
        figures::Figure::new(name("build"), archive.build.as_secs_f64(), "s"),
        figures::Figure::new(name("refresh up to date"), ms(refresh), "ms"),
        figures::Figure::new(name("size on disk"), size as f64 / data::MB, "MB"),
    ];
    let index = open(&archive.library, &archive.index);
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            let listed = index.listings().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(listed.len(), archive.files);
            started.elapsed()
        })
        .collect();
    times.sort();
    println!(
        "the library listed from the index (Index::listings): {} ms (median of 5)",
        percentile(&times, 0.5).as_millis()
    );
    kept.push(figures::Figure::new(
        name("listings"),
        ms(percentile(&times, 0.5)),
        "ms",
    ));
    let mut all = Vec::new();
    println!(
        "{:<12} {:<32} {:>7} {:>9} {:>9}",
        "kind", "query", "shown", "p50 ms", "p95 ms"
    );
    for (kind, text) in QUERIES {
        let shown = first_screen(&index, text);
        assert!(shown > 0, "{text}: no results");
        let mut times: Vec<Duration> = (0..15)
            .map(|_| {
                let started = Instant::now();
                first_screen(&index, text);
                started.elapsed()
            })
            .collect();
        times.sort();
        all.extend_from_slice(&times);
        kept.push(figures::Figure::new(
            name(&format!("{text} p50")),
            ms(percentile(&times, 0.5)),
            "ms",
        ));
        kept.push(figures::Figure::new(
            name(&format!("{text} p95")),
            ms(percentile(&times, 0.95)),
            "ms",
        ));
        println!(
            "{kind:<12} {text:<32} {shown:>7} {:>9.1} {:>9.1}",
            ms(percentile(&times, 0.5)),
            ms(percentile(&times, 0.95))
        );
    }
    all.sort();
    println!(
        "all queries: p50 {:.1} ms, p95 {:.1} ms",
        percentile(&all, 0.5).as_secs_f64() * 1000.0,
        percentile(&all, 0.95).as_secs_f64() * 1000.0
    );
    kept.push(figures::Figure::new(
        name("all queries p50"),
        ms(percentile(&all, 0.5)),
        "ms",
    ));
    kept.push(figures::Figure::new(
        name("all queries p95"),
        ms(percentile(&all, 0.95)),
        "ms",
    ));
    println!();
    figures::keep("index", &kept);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    report();
    divan::main();
    // A static is never dropped: the archive's folder is removed here.
    let _ = std::fs::remove_dir_all(ARCHIVE.dir.path());
}

/// Building the whole index from nothing (a new file each sample).
#[divan::bench(sample_count = 1, sample_size = 1)]
fn build_from_nothing(b: Bencher) {
    let archive = &*ARCHIVE;
    b.with_inputs(|| tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}")))
        .bench_local_values(|dir| build(&archive.library, &dir.path().join("index.sqlite")));
}

/// Opening the index and checking every file's size and time when nothing changed.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn refresh_up_to_date(b: Bencher) {
    let archive = &*ARCHIVE;
    b.bench_local(|| {
        open(&archive.library, &archive.index)
            .refresh(&LoadOptions::default(), &mut |_| {})
            .unwrap_or_else(|e| panic!("{e}"))
    });
}

/// Every row as the library lists it, as the reader does at start.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn listings(b: Bencher) {
    let archive = &*ARCHIVE;
    let index = open(&archive.library, &archive.index);
    b.bench_local(|| index.listings().unwrap_or_else(|e| panic!("{e}")));
}

/// The first screen of results for each query.
#[divan::bench(args = QUERIES.iter().map(|(_, text)| *text), sample_count = 10, sample_size = 1)]
fn search(b: Bencher, text: &str) {
    let archive = &*ARCHIVE;
    let index = open(&archive.library, &archive.index);
    b.bench_local(|| first_screen(&index, text));
}
