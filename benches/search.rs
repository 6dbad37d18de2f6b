//! Micro-benchmarks of the briefing search (divan) in a 2 MB body of 2,048 paragraphs that
//! all match: the first key typed at `/` (the folded text is searched whole), a key that
//! narrows it, and with about 400,000 matches marked, `n` and one `j` with its frame.
//!
//! `cargo bench --bench search`; `-- --sample-count 1 --sample-size 1` runs each once.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use brief::briefing::{LoadOptions, load_path};
use brief::ui::content::Engine;
use brief::ui::screen::{buffer_lines, render_buffer};
use brief::ui::{Action, App, KeySetup, UiOptions, read_asked};
use divan::{Bencher, black_box};
use ratatui::layout::Rect;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

fn main() {
    divan::main();
}

/// The folder holding the big briefing, written once per run.
static FOLDER: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
    let file = dir.path().join("long.json");
    let paragraph = "we were walking with wide waves ".repeat(32);
    let body: Vec<&str> = (0..2048).map(|_| paragraph.as_str()).collect();
    let json = serde_json::json!({"format": 1, "headline": "A long briefing", "body": body});
    std::fs::write(&file, json.to_string())
        .unwrap_or_else(|e| panic!("writing {}: {e}", file.display()));
    (dir, file)
});

fn opened(folder: &Path, file: &Path) -> App {
    let options = UiOptions {
        engine: Engine::default(),
        color: true,
    };
    let mut app = App::new(
        load_path(folder, &LoadOptions::default()),
        Some(file.to_path_buf()),
        options,
        KeySetup::defaults(),
        Rect::new(0, 0, WIDTH, HEIGHT),
    );
    // Opening reads the file: the runtime's part, done here as the tests do.
    read_asked(&mut app, &LoadOptions::default());
    app
}

/// The briefing open with the search prompt shown and `typed` in it.
fn searching(typed: &str) -> App {
    let (dir, file) = &*FOLDER;
    let mut app = opened(dir.path(), file);
    app.update(Action::SearchStart);
    for c in typed.chars() {
        app.update(Action::SearchInput(c));
    }
    app
}

/// The search submitted: every `w` in the body marked.
fn searched() -> App {
    let mut app = searching("w");
    app.update(Action::SearchSubmit);
    // A search that found nothing would time an empty loop.
    let status = buffer_lines(&render_buffer(&app, WIDTH, HEIGHT)).pop();
    assert!(
        status
            .as_deref()
            .is_some_and(|s| s.contains("match 1 of 393,216")),
        "{status:?}"
    );
    app
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn first_key(b: Bencher) {
    b.with_inputs(|| searching(""))
        .bench_local_values(|mut app| {
            app.update(Action::SearchInput('w'));
            black_box(app)
        });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn narrowing_key(b: Bencher) {
    b.with_inputs(|| searching("w"))
        .bench_local_values(|mut app| {
            app.update(Action::SearchInput('e'));
            black_box(app)
        });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn next_match(b: Bencher) {
    b.with_inputs(searched).bench_local_values(|mut app| {
        app.update(Action::SearchNext);
        black_box(app)
    });
}

#[divan::bench(sample_count = 5, sample_size = 1)]
fn down_and_frame_with_matches(b: Bencher) {
    b.with_inputs(searched).bench_local_refs(|app| {
        app.update(Action::Down);
        black_box(render_buffer(app, WIDTH, HEIGHT))
    });
}
