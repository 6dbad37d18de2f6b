//! Carrying out `Effect::Read` and `Effect::Search` on the calling thread: reads for the
//! runtime (between keys), reads and searches for what drives the app without a terminal,
//! the tests and the benches. The runtime searches on a worker thread (cli/tui/search.rs).

use super::App;
use crate::briefing::{LoadOptions, Loaded, load_file};
use crate::ui::action::Action;
use crate::ui::loading::{Found, SearchAsk, search_briefing, search_file};

/// Reads the files the app asked to read (`Effect::Read`) and gives it what that gave,
/// until it asks for no more: the runtime does this after each key, since the next key may
/// be meant for the briefing it opens. Searches and the other effects stay for
/// `App::take_effects`.
pub fn read_asked(app: &mut App, options: &LoadOptions) {
    loop {
        let reads = app.take_reads();
        if reads.is_empty() {
            return;
        }
        for path in reads {
            let read = load_file(&path, options);
            app.update(Action::FileRead(Box::new(read)));
        }
    }
}

/// Reads and searches what the app asked for (`Effect::Read`, `Effect::Search`) on this
/// thread, until it asks for no more: for tests and benches. The briefings in `store`
/// (made in memory, under paths with no file) are answered from there.
pub fn settle_asked(app: &mut App, options: &LoadOptions, store: &[Loaded]) {
    loop {
        let reads = app.take_reads();
        let searches = app.take_searches();
        if reads.is_empty() && searches.is_empty() {
            return;
        }
        for path in reads {
            let read = match stored(store, &path) {
                Some(loaded) => Ok(loaded.clone()),
                None => load_file(&path, options),
            };
            app.update(Action::FileRead(Box::new(read)));
        }
        // Only the last search asked for is the app's; the others were cancelled.
        if let Some(ask) = searches.into_iter().last() {
            let found = search(&ask, options, store);
            app.update(Action::Found(found));
        }
    }
}

fn stored<'a>(store: &'a [Loaded], path: &std::path::Path) -> Option<&'a Loaded> {
    store.iter().find(|l| l.briefing.path == path)
}

fn search(ask: &SearchAsk, options: &LoadOptions, store: &[Loaded]) -> Found {
    let hits = match &ask.query {
        Some(query) => ask
            .paths
            .iter()
            .filter_map(|path| match stored(store, path) {
                Some(loaded) => search_briefing(loaded, query),
                None => search_file(path, query, options),
            })
            .collect(),
        None => Vec::new(),
    };
    Found {
        generation: ask.generation,
        hits,
        done: true,
    }
}
