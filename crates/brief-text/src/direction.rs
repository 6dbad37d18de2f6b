//! Paragraph direction: forced, or the first strong character (rules P2-P3).

use unicode_bidi::get_base_direction;

/// A paragraph's direction: forced, or found from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BaseDirection {
    /// The first strong character's (rules P2-P3), else the fallback.
    #[default]
    Auto,
    /// Left to right.
    Ltr,
    /// Right to left.
    Rtl,
}

/// The direction of the first strong character outside isolates, or `None` when the
/// text has none (digits, punctuation, empty). The UI can use this for headings and
/// labels that are not laid out as paragraphs.
pub fn first_strong(text: &str) -> Option<BaseDirection> {
    // unicode-bidi's answer, `Mixed` when no character is strong.
    match get_base_direction(text) {
        unicode_bidi::Direction::Ltr => Some(BaseDirection::Ltr),
        unicode_bidi::Direction::Rtl => Some(BaseDirection::Rtl),
        unicode_bidi::Direction::Mixed => None,
    }
}

/// The direction a paragraph is laid out in: `requested` if forced, else its first strong
/// character, else `fallback` (e.g. from the briefing's language), else LTR (P3).
pub fn resolve_direction(
    paragraph: &str,
    requested: BaseDirection,
    fallback: BaseDirection,
) -> BaseDirection {
    match requested {
        BaseDirection::Auto => first_strong(paragraph).unwrap_or(match fallback {
            BaseDirection::Rtl => BaseDirection::Rtl,
            _ => BaseDirection::Ltr,
        }),
        forced => forced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BaseDirection::{Auto, Ltr, Rtl};

    #[test]
    fn first_strong_wins() {
        assert_eq!(resolve_direction("123 سلام abc", Auto, Ltr), Rtl);
        assert_eq!(resolve_direction("Linux هو", Auto, Rtl), Ltr);
        assert_eq!(resolve_direction("שלום", Ltr, Auto), Ltr);
    }

    #[test]
    fn isolates_are_skipped_when_looking_for_the_first_strong() {
        assert_eq!(
            resolve_direction("\u{2067}abc\u{2069} שלום", Auto, Ltr),
            Rtl
        );
    }

    #[test]
    fn no_strong_character_uses_the_fallback() {
        assert_eq!(resolve_direction("12 %", Auto, Auto), Ltr);
        assert_eq!(resolve_direction("", Auto, Rtl), Rtl);
        assert_eq!(first_strong("  ,.٣"), None);
    }
}
