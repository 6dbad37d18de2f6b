//! Untrusted field text made safe for a terminal: no byte may act on it.

use super::{BaseDirection, Sanitized};

/// Tabs have no column to align to inside a wrapped paragraph, so a fixed run of
/// spaces is the only stable choice.
const TAB_SPACES: &str = "    ";

pub fn sanitize(raw: &str) -> Sanitized {
    let mut text = String::with_capacity(raw.len());
    let mut open = Scopes::default();
    let mut has_bidi_controls = false;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                // CRLF is one break, not two.
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
                open.close_all(&mut text);
                text.push('\n');
            }
            '\t' => text.push_str(TAB_SPACES),
            _ if is_explicit_bidi_control(c) => {
                has_bidi_controls = true;
                open.control(c, &mut text);
            }
            _ => text.push(visible(c)),
        }
    }
    open.close_all(&mut text);
    Sanitized {
        text,
        has_bidi_controls,
    }
}

/// The embeddings, overrides and isolates open in the current paragraph. Each paragraph
/// closes what it opened, and a terminator with nothing of its own to close is dropped
/// (UAX #9 ignores it inside the paragraph anyway): so a field's controls stay in the
/// field even when the UI joins fields on one row.
#[derive(Default)]
struct Scopes(Vec<char>);

const PDF: char = '\u{202C}';
const PDI: char = '\u{2069}';

impl Scopes {
    fn control(&mut self, c: char, text: &mut String) {
        match c {
            PDF if self.0.last() == Some(&PDF) => {
                self.0.pop();
            }
            PDI if self.0.contains(&PDI) => {
                // A PDI also closes the embeddings opened inside its isolate (rule X6a).
                while self.0.pop().is_some_and(|open| open != PDI) {}
            }
            PDF | PDI => return,
            '\u{2066}'..='\u{2068}' => self.0.push(PDI),
            _ => self.0.push(PDF),
        }
        text.push(c);
    }

    fn close_all(&mut self, text: &mut String) {
        while let Some(closer) = self.0.pop() {
            text.push(closer);
        }
    }
}

/// Joins sanitized fields shown on one row (date · location · source, tags), each isolated
/// (see `isolate`).
pub fn join_isolated(parts: &[Sanitized], separator: &str, direction: BaseDirection) -> Sanitized {
    let mut text = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            text.push_str(separator);
        }
        isolate(part, direction, &mut text);
    }
    Sanitized {
        text,
        has_bidi_controls: parts.iter().any(|p| p.has_bidi_controls),
    }
}

/// Writes a sanitized field into a row, wrapped in an isolate of `direction` (the
/// direction the field would have alone: forced, or first strong for `Auto`), so that its
/// neutrals (a final "!") do not resolve against its neighbours. Sanitized fields close
/// their own controls, so nothing inside a field can end its isolate early.
pub fn isolate(part: &Sanitized, direction: BaseDirection, row: &mut String) {
    row.push(match direction {
        BaseDirection::Ltr => '\u{2066}',
        BaseDirection::Rtl => '\u{2067}',
        BaseDirection::Auto => '\u{2068}',
    });
    row.push_str(&part.text);
    row.push(PDI);
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
    fn bidi_controls_are_kept_flagged_and_closed_in_their_paragraph() {
        for (c, closer) in [('\u{202A}', PDF), ('\u{202E}', PDF), ('\u{2066}', PDI)] {
            let s = sanitize(&format!("x{c}y\nz"));
            assert_eq!(s.text, format!("x{c}y{closer}\nz"));
            assert!(s.has_bidi_controls, "{:04X}", c as u32);
        }
        let s = sanitize("\u{2067}a\u{202B}b\u{202E}c");
        assert_eq!(
            s.text,
            "\u{2067}a\u{202B}b\u{202E}c\u{202C}\u{202C}\u{2069}"
        );
        // Balanced controls are left alone.
        let balanced = "\u{2067}a\u{202B}b\u{2069} \u{202E}c\u{202C}";
        assert_eq!(sanitize(balanced).text, balanced);
        // Terminators with nothing to close in the field would close something outside.
        let s = sanitize("a\u{202C}b\u{2069}c\u{2066}d\u{202C}e");
        assert_eq!(s.text, "abc\u{2066}de\u{2069}");
        assert!(s.has_bidi_controls);
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
