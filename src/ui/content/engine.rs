//! How the layout engine is driven, the same for every pane and for `brief show`.

use super::direction::DirectionRule;
use crate::text::{BidiMode, LayoutOptions};

/// How the layout engine is driven, the same for every pane and for `brief show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Engine {
    pub mode: BidiMode,
    pub shaping: bool,
}

pub fn options(width: usize, rule: DirectionRule, engine: Engine) -> LayoutOptions {
    LayoutOptions {
        width: width.max(1),
        direction: rule.direction,
        fallback: rule.fallback,
        shaping: engine.shaping,
        mode: engine.mode,
    }
}
