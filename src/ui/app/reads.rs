//! Carrying out `Effect::Read` and `Effect::Search` on the calling thread, for what drives
//! the app without the terminal runtime: the tests and the benches. The runtime does the
//! same, reading as it carries out the other effects and searching on a worker thread.

use super::App;
use crate::briefing::{LoadOptions, Loaded, load_file};
use crate::ui::action::Action;
use crate::ui::loading::{Found, SearchAsk, search_briefing, search_file};

/// Reads the files the app asked to read and searches what it asked to search, giving it
/// what that gave, until it asks for no more. The other effects stay for
/// `App::take_effects`.
pub fn read_asked(app: &mut App, options: &LoadOptions) {
    read_asked_from(app, options, &[]);
}

/// `read_asked`, with the briefings in `store` (made in memory, under paths with no file)
/// answered from there.
pub fn read_asked_from(app: &mut App, options: &LoadOptions, store: &[Loaded]) {
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
