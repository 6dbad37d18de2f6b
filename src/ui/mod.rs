//! The reader's state, actions, key table and screens. `App` (app/) routes each action to
//! the slice it is for: the library (library/), the open briefing (reader/, with its five
//! panes) or the help (help/); each slice owns its state, its update, which returns an
//! `Outcome` for the app to carry out, and its drawing. Rendering borrows the state
//! (`impl Widget for &App`) and never mutates it; `App::update` is the only place state
//! changes.

mod action;
mod actors;
mod app;
mod border;
pub mod cell_width;
pub mod content;
pub mod count;
mod first_line;
mod help;
pub mod keys;
mod layout;
mod library;
pub mod loading;
mod mark;
mod matching;
mod outcome;
pub mod print;
mod prompt;
mod reader;
pub mod screen;
mod theme;
mod view;

pub use action::{Action, CursorMove};
pub use actors::{ActorAsk, ActorsRead, INDEX_BEING_BUILT, TimelineRead};
pub use app::{
    App, COPY_LIMIT, Effect, Export, Screen, UiOptions, actor_answer, answer_actor_asks,
    read_asked, settle_asked,
};
pub use keys::KeySetup;
pub use library::{MarkChange, MarkRead, MarkWrite, MarksRead};
pub use loading::{Batch, FileRead, Found, Hit, Listed, Progress, SearchAsk};
#[cfg(test)]
mod props_print;
#[cfg(test)]
mod testing;
