mod checker;
pub mod config;
mod date;
mod diagnostic;
mod discover;
mod find_byte;
mod head;
pub mod index;
mod json_path;
mod json_value;
mod language;
mod language_tag;
mod library;
mod listing;
mod load;
mod locate;
mod model;
mod order;
mod parse;
mod parts;
pub mod query;
mod report;
mod script;
mod skim;
mod sqlite;
pub mod state;
mod suggest;
mod translation;
mod translation_check;
mod utf8;
mod validate;

pub use diagnostic::{Diagnostic, MAX_DIAGNOSTICS_PER_FILE, Severity, is_terminal_hazard};
pub use discover::{default_path, discover, missing_path_message, small_folder};
pub use head::{HEAD_MIN, load_head};
pub use library::{Change, Library, LibraryEntry, load_briefings, load_path, load_whole};
pub use listing::Listing;
pub use load::{LoadFailure, LoadOptions, Loaded, load_bytes, load_file};
pub use model::{
    Actor, ActorRole, Block, Briefing, Direction, GroupSource, PointGroup, Quote, QuoteText,
    Source, Translation,
};
pub use order::{briefing_reading_order, reading_order, sort_reading_order};
pub use translation::Unit;
pub use validate::FORMAT_VERSION;

/// Files larger than this are refused without being read whole (`--max-size`).
pub const DEFAULT_MAX_SIZE: u64 = 16 * 1024 * 1024;
