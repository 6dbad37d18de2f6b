//! How the layout engine is driven, the same for every pane and for `brief show`.

use super::direction::DirectionRule;
use crate::text::{BidiMode, LayoutOptions};

/// How the layout engine is driven, the same for every pane and for `brief show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Engine {
    pub mode: BidiMode,
    pub shaping: bool,
}

/// The layout engine's own defaults (visual order, shaping on), which are the reader's.
impl Default for Engine {
    fn default() -> Self {
        let layout = LayoutOptions::default();
        Engine {
            mode: layout.mode,
            shaping: layout.shaping,
        }
    }
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
