//! Micro-benchmarks of the loader (divan): parse + validate + locate of one briefing, and
//! a whole folder, on data generated into a temporary directory.
//!
//! `cargo bench --bench loader` runs them; `-- --sample-count 1 --sample-size 1` runs each
//! once (the CI smoke).

#[path = "support/data.rs"]
mod data;

use std::path::PathBuf;
use std::sync::LazyLock;

use brief::briefing::{self, LoadOptions};
use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// A briefing of about 10 KB, as in the archive.
static TEN_KB: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut rng = data::Rng::new(6);
    json_bytes(&data::briefing(&mut rng, 0, 10_000))
});
/// The 2 MB Arabic briefing.
static TWO_MB: LazyLock<Vec<u8>> =
    LazyLock::new(|| json_bytes(&data::big_arabic_briefing(2_000_000)));

/// A folder of 1,000 briefings of about 10 KB (a tenth of the terminal figure's archive).
static FOLDER: LazyLock<Option<(tempfile::TempDir, u64)>> =
    LazyLock::new(|| data::corpus(1_000).ok().map(|c| (c.dir, c.archive_bytes)));

fn json_bytes(value: &serde_json::Value) -> Vec<u8> {
    serde_json::to_vec_pretty(value).unwrap_or_default()
}

#[divan::bench]
fn load_bytes_10kb(b: Bencher) {
    let path = PathBuf::from("bench.json");
    b.counter(BytesCount::new(TEN_KB.len()))
        .bench(|| briefing::load_bytes(&path, black_box(&TEN_KB)).is_ok());
}

#[divan::bench(sample_count = 20)]
fn load_bytes_2mb_arabic(b: Bencher) {
    let path = PathBuf::from("big.json");
    b.counter(BytesCount::new(TWO_MB.len()))
        .bench(|| briefing::load_bytes(&path, black_box(&TWO_MB)).is_ok());
}

/// `load_path` of 1,000 files: discovery, reading, parsing, sorting.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn load_path_1000(b: Bencher) {
    let Some((dir, bytes)) = &*FOLDER else {
        panic!("load_path_1000: could not write the test data");
    };
    let archive = dir.path().join("archive");
    let options = LoadOptions::default();
    b.counter(BytesCount::new(*bytes))
        .counter(ItemsCount::new(1_000usize))
        .bench(|| {
            briefing::load_path(black_box(&archive), &options)
                .listings
                .len()
        });
}
