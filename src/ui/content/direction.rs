//! The rule a field's paragraphs take their direction by.

use unicode_bidi::{BidiClass, bidi_class};

use super::language::is_rtl_language;
use crate::briefing::{Briefing, Direction};
use crate::text::{BaseDirection, first_strong, sanitize};

/// Direction of a field: the briefing's `direction` when forced; otherwise, in a briefing
/// whose `language` is written right to left, right to left unless the field holds no
/// right-to-left letter (Arabic prose often opens with `UNHCR` or a date, and must not read
/// from the left for it); otherwise each paragraph's own first strong character, and for
/// text with none (a date, a number) the script of the briefing's `language`.
/// `field` applies the rule to one field's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DirectionRule {
    pub direction: BaseDirection,
    pub fallback: BaseDirection,
    /// The briefing's own direction, which a row listing several of its fields (date ·
    /// place · source, tags) takes: forced by `direction`, else the script of its
    /// `language`, else its headline's first strong letter; `Auto` when none says.
    pub briefing: BaseDirection,
    /// The briefing's language is written right to left (and `direction` not forced): a
    /// field with any right-to-left letter reads right to left.
    pub rtl_language: bool,
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
        let rtl_language = language.map(is_rtl_language);
        let language = rtl_language.map(|rtl| match rtl {
            true => BaseDirection::Rtl,
            false => BaseDirection::Ltr,
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
            rtl_language: direction == BaseDirection::Auto && rtl_language == Some(true),
        }
    }

    /// For our own text (labels, notices, error messages): left to right unless it says
    /// otherwise.
    pub fn auto() -> Self {
        Self {
            direction: BaseDirection::Auto,
            fallback: BaseDirection::Ltr,
            briefing: BaseDirection::Auto,
            rtl_language: false,
        }
    }

    /// Everything in `direction`: paragraphs, text without strong letters, and rows.
    pub fn forced(direction: BaseDirection) -> Self {
        Self {
            direction,
            fallback: direction,
            briefing: direction,
            rtl_language: false,
        }
    }

    /// The rule for a field holding `text`: forced right to left when the briefing's
    /// language says so and the field has a right-to-left letter, else this rule.
    pub fn field(self, text: &str) -> Self {
        if self.rtl_language && has_rtl_letter(text) {
            Self {
                direction: BaseDirection::Rtl,
                ..self
            }
        } else {
            self
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

/// Whether `text` holds a strong right-to-left letter (bidi class R or AL).
pub fn has_rtl_letter(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// The text's first strong character is right-to-left.
pub fn starts_rtl(text: &str) -> bool {
    first_strong(text) == Some(BaseDirection::Rtl)
}
