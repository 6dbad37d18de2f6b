//! Micro-benchmarks of the pure parts (divan): the text engine on the seed article and on
//! the 5 MB Arabic text, at the widths the reader uses.
//!
//! `cargo bench --bench layout` runs them; `-- --sample-count 1 --sample-size 1` runs each
//! once (the CI smoke). The figures side by side with FriBidi, less and the targets are
//! printed by `benches/terminal/`.

#[path = "support/data.rs"]
mod data;

use std::sync::LazyLock;

use brief::text::{self, BaseDirection, BidiMode, LayoutOptions};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The seed article: about 7.8 KB of Arabic in 35 paragraphs.
static SEED: LazyLock<String> = LazyLock::new(|| data::SEED_AR.to_string());
/// The seed article's paragraphs repeated to 5 MB.
static BIG: LazyLock<String> = LazyLock::new(|| data::arabic_text(5_000_000));
/// The bundled Persian briefing's body, whose words hold ZWNJ (می‌شود).
static PERSIAN: LazyLock<String> = LazyLock::new(|| {
    let json = include_str!("../briefings/nikabad-heatwave-power-cuts.json");
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let mut paragraphs = Vec::new();
    strings(&value["body"], &mut paragraphs);
    paragraphs.join("\n")
});

/// Every string in `value`: the body's paragraphs, headings, leads and bullets.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(text) => out.push(text.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}
/// English paragraphs (left-to-right, no shaping), for comparison.
static ENGLISH: LazyLock<String> = LazyLock::new(|| data::ENGLISH.to_string());

fn options(width: usize) -> LayoutOptions {
    LayoutOptions {
        width,
        direction: BaseDirection::Auto,
        shaping: true,
        mode: BidiMode::App,
        ..LayoutOptions::default()
    }
}

#[divan::bench]
fn sanitize_seed(b: Bencher) {
    b.counter(BytesCount::of_str(&*SEED))
        .bench(|| text::sanitize(black_box(&SEED)));
}

/// sanitize + shape + wrap + reorder of the seed article.
#[divan::bench(args = [40, 100, 200])]
fn layout_seed(b: Bencher, width: usize) {
    let opts = options(width);
    b.counter(BytesCount::of_str(&*SEED)).bench(|| {
        let s = text::sanitize(black_box(&SEED));
        text::layout(&s.text, &opts)
    });
}

/// The same without shaping or reordering (what `--bidi terminal --shaping off` costs).
#[divan::bench]
fn layout_seed_logical(b: Bencher) {
    let opts = LayoutOptions {
        shaping: false,
        mode: BidiMode::Logical,
        ..options(100)
    };
    b.counter(BytesCount::of_str(&*SEED)).bench(|| {
        let s = text::sanitize(black_box(&SEED));
        text::layout(&s.text, &opts)
    });
}

#[divan::bench]
fn layout_persian(b: Bencher) {
    let opts = options(100);
    b.counter(BytesCount::of_str(&*PERSIAN)).bench(|| {
        let s = text::sanitize(black_box(&PERSIAN));
        text::layout(&s.text, &opts)
    });
}

#[divan::bench]
fn layout_english(b: Bencher) {
    let opts = options(100);
    b.counter(BytesCount::of_str(&*ENGLISH)).bench(|| {
        let s = text::sanitize(black_box(&ENGLISH));
        text::layout(&s.text, &opts)
    });
}

/// Figure 1's workload: 5 MB of Arabic at width 100 (few samples: each takes a while).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn layout_5mb_arabic(b: Bencher) {
    let opts = options(100);
    let text = &*BIG;
    b.counter(BytesCount::of_str(text)).bench(|| {
        let s = text::sanitize(black_box(text));
        text::layout(&s.text, &opts)
    });
}
