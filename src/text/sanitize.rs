//! Untrusted field text made safe for a terminal: no byte may act on it.

use super::Sanitized;

/// Tabs have no column to align to inside a wrapped paragraph, so a fixed run of
/// spaces is the only stable choice.
const TAB_SPACES: &str = "    ";

pub fn sanitize(raw: &str) -> Sanitized {
    let mut text = String::with_capacity(raw.len());
    let mut has_bidi_controls = false;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CRLF is one break, not two.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                text.push('\n');
            }
            '\n' | '\u{2028}' | '\u{2029}' => text.push('\n'),
            '\t' => text.push_str(TAB_SPACES),
            _ => {
                has_bidi_controls |= is_explicit_bidi_control(c);
                text.push(visible(c));
            }
        }
    }
    Sanitized {
        text,
        has_bidi_controls,
    }
}

/// Embeddings, overrides and isolates: the Trojan Source characters. They still act
/// (inside their paragraph only, since each paragraph is resolved on its own), but the
/// UI must be able to say they are there.
pub fn is_explicit_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a text (a field, or one paragraph of it) holds embedding, override or
/// isolate controls.
pub fn has_bidi_controls(text: &str) -> bool {
    text.chars().any(is_explicit_bidi_control)
}

fn visible(c: char) -> char {
    match c {
        // U+2400.. are the "control pictures" for exactly these codes.
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        // C1 controls (including NEL and the 8-bit CSI) have no pictures.
        '\u{80}'..='\u{9F}' => '\u{FFFD}',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_and_breaks_become_newlines() {
        let s = sanitize("a\u{1b}[31mb\u{7f}\u{9b}c\r\nd\re\u{2028}f\u{2029}g\th\u{0}");
        assert_eq!(
            s.text,
            "a\u{241b}[31mb\u{2421}\u{fffd}c\nd\ne\nf\ng    h\u{2400}"
        );
        assert!(!s.has_bidi_controls);
    }

    #[test]
    fn bidi_controls_are_kept_and_flagged() {
        for c in ['\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}'] {
            let s = sanitize(&format!("x{c}y"));
            assert_eq!(s.text, format!("x{c}y"));
            assert!(s.has_bidi_controls, "{:04X}", c as u32);
        }
        // Marks and joiners keep their meaning and are not Trojan Source.
        let s = sanitize("\u{200D}\u{200C}\u{200E}\u{200F}\u{061C}");
        assert_eq!(s.text, "\u{200D}\u{200C}\u{200E}\u{200F}\u{061C}");
        assert!(!s.has_bidi_controls);
    }

    #[test]
    fn nothing_left_that_a_terminal_would_interpret() {
        let raw: String = (0u32..0x200).filter_map(char::from_u32).collect();
        let s = sanitize(&raw);
        assert!(s.text.chars().all(|c| c == '\n' || !c.is_control()));
    }
}
