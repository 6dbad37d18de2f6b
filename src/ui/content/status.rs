//! Our own one-line messages laid out by the engine, for the status line.

use super::direction::DirectionRule;
use super::engine::{Engine, options};
use super::model::{FieldKind, Row};
use crate::text::{layout, measure, sanitize};

/// `text` laid out on one line, as wide as it measures, for the status line (which cuts
/// it where it has to): a message that holds what the user typed, in any script.
pub fn status_row(text: &str, engine: Engine) -> Option<Row> {
    let text = sanitize(text).text;
    let options = options(measure(&text), DirectionRule::auto(), engine);
    let line = layout(&text, &options).into_iter().next()?;
    Some(Row::notice(line, FieldKind::Notice))
}
