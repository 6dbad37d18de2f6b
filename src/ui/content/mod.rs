//! What a pane holds and how it is laid out: the field/row model, the rule a field takes its
//! direction by, building fields from a briefing, placing a row in a pane, the engine's
//! settings, the layout cache, and one-line status text.

mod columns;
mod direction;
mod ellipsis;
mod engine;
mod fields;
mod language;
mod model;
mod pane_rows;
mod pane_tail;
mod pane_text;
mod placement;
mod punctuation;
mod rows;
mod status;
mod tail;

pub use columns::{COLUMN_GAP, column_widths, has_translation};
pub use direction::{DirectionRule, starts_rtl};
pub use ellipsis::ellipsize;
pub use engine::{Engine, options};
pub use fields::{Fields, Piece};
pub use model::{Column, Field, FieldKind, Row};
pub use pane_text::{PaneText, RowCount};
pub use placement::{BULLET_WIDTH, Placement, Side, placement, placement_as, text_width};
pub use punctuation::{comma, join_with_commas};
pub use rows::{BIDI_CONTROL_NOTICE, STACK_INDENT, layout_fields, own_rows};
pub use status::{fit_words, status_row};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_direction;
