//! Carrying out `Effect::Read` on the calling thread, for what drives the app without the
//! terminal runtime: the tests and the benches. The runtime does the same as it carries
//! out the other effects.

use super::App;
use crate::briefing::{LoadOptions, Loaded, load_file};
use crate::ui::action::Action;

/// Reads the files the app asked to read and gives it what that gave, until it asks for
/// no more. The other effects stay for `App::take_effects`.
pub fn read_asked(app: &mut App, options: &LoadOptions) {
    read_asked_from(app, options, &[]);
}

/// `read_asked`, with the briefings in `store` (made in memory, under paths with no file)
/// answered from there.
pub fn read_asked_from(app: &mut App, options: &LoadOptions, store: &[Loaded]) {
    loop {
        let reads = app.take_reads();
        if reads.is_empty() {
            return;
        }
        for path in reads {
            let read = match store.iter().find(|l| l.briefing.path == path) {
                Some(loaded) => Ok(loaded.clone()),
                None => load_file(&path, options),
            };
            app.update(Action::FileRead(Box::new(read)));
        }
    }
}
