//! The rule a field's paragraphs take their direction by.

use super::language::is_rtl_language;
use crate::briefing::{Briefing, Direction};
use crate::text::{BaseDirection, first_strong, sanitize};

/// Direction of each paragraph: the briefing's `direction` when forced; otherwise the
/// paragraph's own first strong character, and for text with none (a date, a number) the
/// script of the briefing's `language`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectionRule {
    pub direction: BaseDirection,
    pub fallback: BaseDirection,
    /// The briefing's own direction, which a row listing several of its fields (date ·
    /// place · source, tags) takes: forced by `direction`, else the script of its
    /// `language`, else its headline's first strong letter; `Auto` when none says.
    pub briefing: BaseDirection,
}

impl DirectionRule {
    pub fn of(briefing: &Briefing) -> Self {
        let language = briefing.language.as_deref();
        Self::of_parts(briefing.direction, language, &briefing.headline)
    }

    /// The rule of a briefing with this `direction`, `language` and `headline`: what
    /// `of` reads of it, for the library, which keeps no whole briefing.
    pub fn of_parts(direction: Direction, language: Option<&str>, headline: &str) -> Self {
        let direction = base_direction(direction);
        let language = language.map(|tag| {
            if is_rtl_language(tag) {
                BaseDirection::Rtl
            } else {
                BaseDirection::Ltr
            }
        });
        let headline = || first_strong(&sanitize(headline).text);
        let whole = match direction {
            BaseDirection::Auto => language.or_else(headline).unwrap_or(BaseDirection::Auto),
            forced => forced,
        };
        Self {
            direction,
            fallback: language.unwrap_or(BaseDirection::Ltr),
            briefing: whole,
        }
    }

    /// For our own text (labels, notices, error messages): left to right unless it says
    /// otherwise.
    pub fn auto() -> Self {
        Self {
            direction: BaseDirection::Auto,
            fallback: BaseDirection::Ltr,
            briefing: BaseDirection::Auto,
        }
    }

    /// Everything in `direction`: paragraphs, text without strong letters, and rows.
    pub fn forced(direction: BaseDirection) -> Self {
        Self {
            direction,
            fallback: direction,
            briefing: direction,
        }
    }
}

/// The engine's paragraph direction for a briefing's `direction` field.
fn base_direction(direction: Direction) -> BaseDirection {
    match direction {
        Direction::Rtl => BaseDirection::Rtl,
        Direction::Ltr => BaseDirection::Ltr,
        Direction::Auto => BaseDirection::Auto,
    }
}

/// The text's first strong character is right-to-left.
pub fn starts_rtl(text: &str) -> bool {
    first_strong(text) == Some(BaseDirection::Rtl)
}
