//! Micro-benchmarks of the library's `/` filter (divan) over 10,000 generated briefings of
//! about 10 KB, the size of the terminal figure's archive: the first key typed (which also
//! makes each entry's normalized text, once) and a key typed after it.
//!
//! `cargo bench --bench library`; `-- --sample-count 1 --sample-size 1` runs each once.

#[path = "support/data.rs"]
mod data;

use std::path::PathBuf;
use std::sync::LazyLock;

use brief::briefing::{Library, Listing, load_bytes};
use brief::ui::content::Engine;
use brief::ui::{Action, App, KeySetup, UiOptions};
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use ratatui::layout::Rect;

const BRIEFINGS: usize = 10_000;

fn main() {
    divan::main();
}

static ARCHIVE: LazyLock<Vec<Listing>> = LazyLock::new(|| {
    let mut rng = data::Rng::new(11);
    (0..BRIEFINGS)
        .filter_map(|index| {
            let json = data::briefing(&mut rng, index, 10_000).to_string();
            let path = PathBuf::from(format!("archive/{index:05}.json"));
            load_bytes(&path, json.as_bytes()).ok().map(Listing::from)
        })
        .collect()
});

fn library_app() -> App {
    let mut library = Library::default();
    library.insert(ARCHIVE.clone(), Vec::new());
    let options = UiOptions {
        engine: Engine::default(),
        color: true,
    };
    App::new(
        library,
        None,
        options,
        KeySetup::defaults(),
        Rect::new(0, 0, 200, 60),
    )
}

/// `/` then `m`: every entry's normalized text is made, then searched.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn filter_first_key(b: Bencher) {
    b.counter(ItemsCount::new(ARCHIVE.len()))
        .with_inputs(library_app)
        .bench_local_values(|mut app| {
            app.update(Action::SearchStart);
            app.update(Action::SearchInput('m'));
            black_box(app)
        });
}

/// One more key once the filter is on: only the search.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn filter_next_key(b: Bencher) {
    b.counter(ItemsCount::new(ARCHIVE.len()))
        .with_inputs(|| {
            let mut app = library_app();
            app.update(Action::SearchStart);
            app.update(Action::SearchInput('m'));
            app
        })
        .bench_local_values(|mut app| {
            app.update(Action::SearchInput('i'));
            black_box(app)
        });
}
