//! What `layout` is asked for: width, direction, shaping, order.

use crate::direction::BaseDirection;

/// `App`: the engine reorders into visual order. `Logical`: text stays in logical order
/// for terminals that reorder rows themselves (and for `--logical` output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BidiMode {
    /// Lines in visual order, ready to draw cell by cell.
    #[default]
    App,
    /// Lines in logical order, bidi marks kept for the terminal.
    Logical,
}

/// How `layout` lays text out. The default: unbounded width, `Auto` direction, shaping,
/// visual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Cells per line; no line is wider (0 counts as 1).
    pub width: usize,
    /// Each paragraph's direction: forced, or `Auto`.
    pub direction: BaseDirection,
    /// Direction of an `Auto` paragraph with no strong character (e.g. from the
    /// briefing's language); `Auto` here means LTR, as in rule P3.
    pub fallback: BaseDirection,
    /// Arabic letters in their joined presentation forms (lam-alef as one ligature).
    pub shaping: bool,
    /// Visual or logical order.
    pub mode: BidiMode,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: usize::MAX,
            direction: BaseDirection::Auto,
            fallback: BaseDirection::Auto,
            shaping: true,
            mode: BidiMode::App,
        }
    }
}
