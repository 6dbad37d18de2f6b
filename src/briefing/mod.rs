mod diagnostic;
mod library;
mod model;

pub use diagnostic::{Diagnostic, Severity};
pub use library::{Library, LoadFailure, Loaded};
pub use model::{Actor, Block, Briefing, Direction, Quote, Source};

/// Files larger than this are refused without being read whole (`--max-size`).
pub const DEFAULT_MAX_SIZE: u64 = 16 * 1024 * 1024;
