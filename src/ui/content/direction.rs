//! The rule a field's paragraphs take their direction by.

use super::language::is_rtl_language;
use crate::briefing::{Briefing, Direction};
use crate::text::{BaseDirection, first_strong};

/// Direction of each paragraph: the briefing's `direction` when forced; otherwise the
/// paragraph's own first strong character, and for text with none (a date, a number) the
/// script of the briefing's `language`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectionRule {
    pub direction: BaseDirection,
    pub fallback: BaseDirection,
}

impl DirectionRule {
    pub fn of(briefing: &Briefing) -> Self {
        let direction = match briefing.direction {
            Direction::Rtl => BaseDirection::Rtl,
            Direction::Ltr => BaseDirection::Ltr,
            Direction::Auto => BaseDirection::Auto,
        };
        let rtl_language = briefing.language.as_deref().is_some_and(is_rtl_language);
        let fallback = if rtl_language {
            BaseDirection::Rtl
        } else {
            BaseDirection::Ltr
        };
        Self {
            direction,
            fallback,
        }
    }

    /// For our own text (labels, notices, error messages): left to right unless it says
    /// otherwise.
    pub fn auto() -> Self {
        Self {
            direction: BaseDirection::Auto,
            fallback: BaseDirection::Ltr,
        }
    }

    pub fn ltr() -> Self {
        Self {
            direction: BaseDirection::Ltr,
            fallback: BaseDirection::Ltr,
        }
    }
}

/// The text's first strong character is right-to-left.
pub fn starts_rtl(text: &str) -> bool {
    first_strong(text) == Some(BaseDirection::Rtl)
}
