//! Micro-benchmarks of the pure parts (divan): the text engine on the seed article and on
//! the 5 MB Arabic text, at the widths the reader uses; and the reader's lazy layout: a
//! briefing opened to its first frame (the seed, 2 MB, 16 MB), and `G` on the 2 MB one.
//!
//! `cargo bench --bench layout` runs them; `-- --sample-count 1 --sample-size 1` runs each
//! once (the CI smoke). The figures side by side with FriBidi, less and the targets are
//! printed by `benches/terminal/`.

#[path = "support/data.rs"]
mod data;

use std::path::PathBuf;
use std::sync::{LazyLock, OnceLock};

use brief::briefing::{LoadOptions, load_path};
use brief::text::{self, BaseDirection, BidiMode, LayoutOptions};
use brief::ui::content::Engine;
use brief::ui::screen::render_buffer;
use brief::ui::{Action, App, KeySetup, Screen, UiOptions, read_asked};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use ratatui::layout::Rect;

fn main() {
    divan::main();
    // A static is never dropped: the briefings' folder is removed here.
    if let Some((dir, _)) = BRIEFINGS.get() {
        let _ = std::fs::remove_dir_all(dir.path());
    }
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

/// A folder and the briefings in it, by name.
type Briefings = (tempfile::TempDir, Vec<(&'static str, PathBuf)>);

/// The briefings the reader opens, each alone in a folder, written once per run.
static BRIEFINGS: OnceLock<Briefings> = OnceLock::new();

fn briefings() -> &'static Briefings {
    BRIEFINGS.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
        let files = ["seed", "2mb", "16mb"]
            .into_iter()
            .map(|name| {
                let folder = dir.path().join(name);
                std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
                let file = folder.join(format!("{name}.json"));
                let written = match name {
                    "seed" => data::write_json(&file, &data::seed_briefing_json()),
                    "2mb" => data::write_json(&file, &data::big_arabic_briefing(2_000_000)),
                    _ => data::write_big_arabic(&file, 16_000_000),
                };
                written.unwrap_or_else(|e| panic!("{e}"));
                (name, file)
            })
            .collect();
        (dir, files)
    })
}

/// The reader at 120×40 with briefing `name` open: read, loaded and laid out as far as
/// its first frame needs.
fn opened(name: &str) -> App {
    let (_, files) = briefings();
    let file = files
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, f)| f.clone())
        .unwrap_or_else(|| panic!("no briefing {name}"));
    let folder = file.parent().map(PathBuf::from).unwrap_or_default();
    let options = UiOptions {
        engine: Engine::default(),
        color: true,
    };
    let mut app = App::new(
        load_path(&folder, &LoadOptions::default()),
        Some(file),
        options,
        KeySetup::defaults(),
        Rect::new(0, 0, 120, 40),
    );
    read_asked(&mut app, &LoadOptions::default());
    app
}

/// A briefing from its file to the reader's first frame (in this process: no terminal).
#[divan::bench(args = ["seed", "2mb", "16mb"], sample_count = 10, sample_size = 1)]
fn lazy_open_to_first_frame(b: Bencher, name: &str) {
    briefings();
    b.bench(|| {
        let app = opened(name);
        assert!(
            matches!(app.screen(), Screen::Briefing),
            "{name} did not open"
        );
        render_buffer(&app, 120, 40)
    });
}

/// `G` in the body of the 2 MB briefing just opened, and its frame.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn lazy_bottom_2mb(b: Bencher) {
    b.with_inputs(|| opened("2mb"))
        .bench_local_values(|mut app| {
            app.update(Action::Bottom);
            render_buffer(&app, 120, 40)
        });
}
