//! Our own one-line messages laid out by the engine, for the status line.

use super::direction::DirectionRule;
use super::engine::{Engine, options};
use super::fields::Piece;
use super::model::{FieldKind, Row};
use crate::text::{BaseDirection, isolate, layout, measure, sanitize};

/// A message of ours (`Piece::Mark`) holding text of the user's or the briefing's
/// (`Piece::Field`) on one line, as wide as it measures, for the status line (which cuts
/// it where it has to). Our words read left to right; each foreign part is isolated in
/// the direction of its own first strong letter, so an Arabic query neither turns the
/// message around nor takes its quotation marks with it.
pub fn status_row(pieces: &[Piece<'_>], engine: Engine) -> Option<Row> {
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Mark(mark) => text.push_str(&sanitize(mark).text),
            Piece::Field(field) => isolate(&sanitize(field), BaseDirection::Auto, &mut text),
        }
    }
    let rule = DirectionRule::forced(BaseDirection::Ltr);
    let options = options(measure(&text), rule, engine);
    let line = layout(&text, &options).into_iter().next()?;
    Some(Row::notice(line, FieldKind::Notice))
}
