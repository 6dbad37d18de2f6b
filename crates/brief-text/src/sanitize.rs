//! Untrusted field text made safe for a terminal: no byte may act on it.

use crate::direction::BaseDirection;

/// A field's text made safe for a terminal by `sanitize`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    /// The text, safe to lay out and draw; every byte range the engine gives refers to it.
    pub text: String,
    /// The field held embedding, override or isolate controls (Trojan Source): the UI
    /// marks such a field visibly.
    pub has_bidi_controls: bool,
}

/// Tabs have no column to align to inside a wrapped paragraph, so a fixed run of
/// spaces is the only stable choice.
const TAB_SPACES: &str = "    ";

/// Untrusted text made safe to draw: C0 and C1 controls shown as symbols (a control
/// picture, or U+FFFD), a tab as four spaces, CR LF, CR, LS and PS as '\n'; embeddings,
/// overrides and isolates kept but closed in their paragraph, and flagged.
pub fn sanitize(raw: &str) -> Sanitized {
    let mut out = Output::with_capacity(raw.len());
    let bytes = raw.as_bytes();
    // raw[..copied] is in `out`; everything from there to a char that needs work is
    // copied in one go, since almost all text (Arabic prose included) needs none.
    let mut copied = 0;
    let mut from = 0;
    while let Some(at) = next_candidate(bytes, from) {
        // Candidates are ASCII or lead bytes, so `at` is a char boundary.
        let Some(c) = raw[at..].chars().next() else {
            break;
        };
        let mut end = at + c.len_utf8();
        if needs_work(c) {
            // Controls often follow each other: spare the copy its call.
            if copied < at {
                out.text.push_str(&raw[copied..at]);
            }
            // CRLF is one break, not two.
            if c == '\r' && bytes.get(end) == Some(&b'\n') {
                end += 1;
            }
            out.apply(c);
            copied = end;
        }
        from = end;
    }
    out.text.push_str(&raw[copied..]);
    out.finish()
}

/// `sanitize` of text the caller gives up: returned as it is, without a copy, when nothing
/// in it needs work (almost all text), else sanitized into a new string.
pub fn sanitize_owned(raw: String) -> Sanitized {
    if needs_no_work(&raw) {
        return Sanitized {
            text: raw,
            has_bidi_controls: false,
        };
    }
    sanitize(&raw)
}

/// Whether `sanitize` would return `raw` unchanged: nothing it replaces, and no line break
/// after a bidi control (which it would close there).
fn needs_no_work(raw: &str) -> bool {
    let mut from = 0;
    while let Some(at) = next_candidate(raw.as_bytes(), from) {
        // Candidates are ASCII or lead bytes, so `at` is a char boundary.
        let Some(c) = raw.get(at..).and_then(|rest| rest.chars().next()) else {
            return true;
        };
        // A line break before any bidi control closes no scope: it stays as it is.
        if c != '\n' && needs_work(c) {
            return false;
        }
        from = at + c.len_utf8();
    }
    true
}

struct Output {
    text: String,
    open: Scopes,
    has_bidi_controls: bool,
}

impl Output {
    fn with_capacity(capacity: usize) -> Self {
        Output {
            text: String::with_capacity(capacity),
            open: Scopes::default(),
            has_bidi_controls: false,
        }
    }

    fn apply(&mut self, c: char) {
        match c {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                self.open.close_all(&mut self.text);
                self.text.push('\n');
            }
            '\t' => self.text.push_str(TAB_SPACES),
            _ if is_explicit_bidi_control(c) => {
                self.has_bidi_controls = true;
                self.open.control(c, &mut self.text);
            }
            _ => self.text.push(visible(c)),
        }
    }

    fn finish(mut self) -> Sanitized {
        self.open.close_all(&mut self.text);
        Sanitized {
            text: self.text,
            has_bidi_controls: self.has_bidi_controls,
        }
    }
}

fn needs_work(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}') || is_explicit_bidi_control(c) || visible(c) != c
}

/// Bytes that can start a char `needs_work` is true for: C0 controls and DEL, and the
/// lead bytes of the C1 controls (C2 80..9F), of U+2028/2029 and of the bidi controls
/// (E2 80 A8..AE, E2 81 A6..A9). Arabic (D8..DB leads) never stops the scan.
fn is_candidate(b: u8) -> bool {
    // `|`, not `||`: branches would keep the block test from being vectorized.
    (b < 0x20) | (b == 0x7F) | (b == 0xC2) | (b == 0xE2)
}

/// Controls come in clusters (CRLF, escape sequences, bidi controls around a word), so the
/// bytes right after one are looked at one by one before paying for a block set-up.
const NEAR: usize = 8;

/// One vector register on baseline x86-64 and AArch64: the block test compiles to a few
/// compares and one branch per 16 bytes. Wider blocks measured slower.
const BLOCK: usize = 16;

fn next_candidate(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let (near, far) = rest.split_at(rest.len().min(NEAR));
    if let Some(at) = near.iter().position(|&b| is_candidate(b)) {
        return Some(from + at);
    }
    let from = from + near.len();
    let (blocks, tail) = far.as_chunks::<BLOCK>();
    for (n, block) in blocks.iter().enumerate() {
        // `fold` rather than `any`: no early exit, so the whole block is vectorized.
        if block
            .iter()
            .fold(false, |found, &b| found | is_candidate(b))
        {
            let at = block.iter().position(|&b| is_candidate(b))?;
            return Some(from + n * BLOCK + at);
        }
    }
    let at = tail.iter().position(|&b| is_candidate(b))?;
    Some(from + blocks.len() * BLOCK + at)
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
#[path = "sanitize_tests.rs"]
mod tests;
