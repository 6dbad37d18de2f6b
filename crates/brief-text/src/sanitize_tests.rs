use super::*;
use proptest::prelude::*;

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

/// The picture each control that is neither a tab nor a line break is shown as, written
/// out from the Unicode charts "C0 Controls and Basic Latin" and "Control Pictures"
/// (U+2400..U+2421). C1 controls (U+0080..U+009F) have no pictures: U+FFFD.
const CONTROL_PICTURES: [(char, char); 30] = [
    ('\u{00}', '␀'), // NUL: SYMBOL FOR NULL
    ('\u{01}', '␁'), // SOH: SYMBOL FOR START OF HEADING
    ('\u{02}', '␂'), // STX: SYMBOL FOR START OF TEXT
    ('\u{03}', '␃'), // ETX: SYMBOL FOR END OF TEXT
    ('\u{04}', '␄'), // EOT: SYMBOL FOR END OF TRANSMISSION
    ('\u{05}', '␅'), // ENQ: SYMBOL FOR ENQUIRY
    ('\u{06}', '␆'), // ACK: SYMBOL FOR ACKNOWLEDGE
    ('\u{07}', '␇'), // BEL: SYMBOL FOR BELL
    ('\u{08}', '␈'), // BS: SYMBOL FOR BACKSPACE
    ('\u{0B}', '␋'), // VT: SYMBOL FOR VERTICAL TABULATION
    ('\u{0C}', '␌'), // FF: SYMBOL FOR FORM FEED
    ('\u{0E}', '␎'), // SO: SYMBOL FOR SHIFT OUT
    ('\u{0F}', '␏'), // SI: SYMBOL FOR SHIFT IN
    ('\u{10}', '␐'), // DLE: SYMBOL FOR DATA LINK ESCAPE
    ('\u{11}', '␑'), // DC1: SYMBOL FOR DEVICE CONTROL ONE
    ('\u{12}', '␒'), // DC2: SYMBOL FOR DEVICE CONTROL TWO
    ('\u{13}', '␓'), // DC3: SYMBOL FOR DEVICE CONTROL THREE
    ('\u{14}', '␔'), // DC4: SYMBOL FOR DEVICE CONTROL FOUR
    ('\u{15}', '␕'), // NAK: SYMBOL FOR NEGATIVE ACKNOWLEDGE
    ('\u{16}', '␖'), // SYN: SYMBOL FOR SYNCHRONOUS IDLE
    ('\u{17}', '␗'), // ETB: SYMBOL FOR END OF TRANSMISSION BLOCK
    ('\u{18}', '␘'), // CAN: SYMBOL FOR CANCEL
    ('\u{19}', '␙'), // EM: SYMBOL FOR END OF MEDIUM
    ('\u{1A}', '␚'), // SUB: SYMBOL FOR SUBSTITUTE
    ('\u{1B}', '␛'), // ESC: SYMBOL FOR ESCAPE
    ('\u{1C}', '␜'), // FS: SYMBOL FOR FILE SEPARATOR
    ('\u{1D}', '␝'), // GS: SYMBOL FOR GROUP SEPARATOR
    ('\u{1E}', '␞'), // RS: SYMBOL FOR RECORD SEPARATOR
    ('\u{1F}', '␟'), // US: SYMBOL FOR UNIT SEPARATOR
    ('\u{7F}', '␡'), // DEL: SYMBOL FOR DELETE
];

/// The embedding and override openers (LRE, RLE, LRO, RLO), closed by PDF; the isolate
/// openers (LRI, RLI, FSI), closed by PDI (UAX #9, table 4).
const EMBEDDINGS: [char; 4] = ['\u{202A}', '\u{202B}', '\u{202D}', '\u{202E}'];
const ISOLATES: [char; 3] = ['\u{2066}', '\u{2067}', '\u{2068}'];
const PDF: char = '\u{202C}';
const PDI: char = '\u{2069}';

/// The oracle, one character at a time from the rules, sharing no code with `sanitize`:
/// controls become pictures, a tab four spaces, CR LF, CR, LF, LS and PS one '\n'; each
/// paragraph closes the embeddings and isolates it opened, innermost first; a PDF or PDI
/// with nothing of its own to close is dropped, and a PDI closes the embeddings opened
/// inside its isolate.
fn reference_sanitize(raw: &str) -> Sanitized {
    let (mut text, mut open, mut has_bidi_controls) = (String::new(), Vec::new(), false);
    let close_all = |open: &mut Vec<char>, text: &mut String| {
        while let Some(closer) = open.pop() {
            text.push(closer);
        }
    };
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        let picture = CONTROL_PICTURES.iter().find(|(control, _)| *control == c);
        match c {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
                close_all(&mut open, &mut text);
                text.push('\n');
            }
            '\t' => text.push_str("    "),
            '\u{80}'..='\u{9F}' => text.push('\u{FFFD}'),
            _ if EMBEDDINGS.contains(&c) || ISOLATES.contains(&c) => {
                has_bidi_controls = true;
                open.push(if ISOLATES.contains(&c) { PDI } else { PDF });
                text.push(c);
            }
            PDF => {
                has_bidi_controls = true;
                if open.last() == Some(&PDF) {
                    open.pop();
                    text.push(c);
                }
            }
            PDI => {
                has_bidi_controls = true;
                if let Some(at) = open.iter().rposition(|&closer| closer == PDI) {
                    open.truncate(at);
                    text.push(c);
                }
            }
            _ => text.push(picture.map_or(c, |&(_, shown)| shown)),
        }
    }
    close_all(&mut open, &mut text);
    Sanitized {
        text,
        has_bidi_controls,
    }
}

#[test]
fn control_pictures_are_the_charts() {
    // The table above, against the order of the Control Pictures block.
    for (control, picture) in CONTROL_PICTURES {
        let expected = if control == '\u{7F}' {
            0x2421
        } else {
            0x2400 + u32::from(control)
        };
        assert_eq!(u32::from(picture), expected, "U+{:04X}", u32::from(control));
    }
}

fn assert_same(raw: &str) {
    let (new, old) = (sanitize(raw), reference_sanitize(raw));
    assert_eq!(new.text, old.text, "for {raw:?}");
    assert_eq!(new.has_bidi_controls, old.has_bidi_controls, "for {raw:?}");
    assert_eq!(sanitize_owned(raw.to_owned()), new, "owned, for {raw:?}");
}

/// Every lead byte the scan stops at, its neighbours that it must not stop at (or must
/// pass over), and the chars around them.
const TRICKY: &[char] = &[
    '\u{0}',
    '\u{1}',
    '\u{8}',
    '\t',
    '\n',
    '\u{B}',
    '\u{C}',
    '\r',
    '\u{1B}',
    '\u{1F}',
    ' ',
    'a',
    '~',
    '\u{7F}',
    '\u{80}',
    '\u{85}',
    '\u{9B}',
    '\u{9F}',
    '\u{A0}',
    '\u{AB}',
    '\u{BF}',
    '\u{C0}',
    '\u{FF}',
    '\u{100}',
    '\u{7FF}',
    '\u{61C}',
    '\u{627}',
    '\u{660}',
    '\u{800}',
    '\u{1FFF}',
    '\u{2000}',
    '\u{200C}',
    '\u{200D}',
    '\u{200E}',
    '\u{200F}',
    '\u{2026}',
    '\u{2027}',
    '\u{2028}',
    '\u{2029}',
    '\u{202A}',
    '\u{202B}',
    '\u{202C}',
    '\u{202D}',
    '\u{202E}',
    '\u{202F}',
    '\u{2065}',
    '\u{2066}',
    '\u{2067}',
    '\u{2068}',
    '\u{2069}',
    '\u{206A}',
    '\u{206F}',
    '\u{2190}',
    '\u{2400}',
    '\u{2421}',
    '\u{2FFF}',
    '\u{FEFF}',
    '\u{FFFD}',
    '\u{FFFF}',
    '\u{10000}',
    '\u{1F600}',
    '\u{10FFFF}',
];

#[test]
fn same_as_reference_for_every_char() {
    let mut buf = [0; 4];
    for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
        assert_same(c.encode_utf8(&mut buf));
    }
}

#[test]
fn same_as_reference_for_every_pair_and_triple_of_tricky_chars() {
    for &a in TRICKY {
        for &b in TRICKY {
            assert_same(&format!("{a}{b}"));
            for &c in TRICKY {
                assert_same(&format!("{a}{b}{c}"));
            }
        }
    }
}

#[test]
fn same_as_reference_across_block_boundaries() {
    for offset in 0..=2 * BLOCK + 1 {
        let ascii = "a".repeat(offset);
        // Two-byte filler: a stop right after it is at a block's last byte, or not.
        let arabic = "\u{627}".repeat(offset / 2) + &" ".repeat(offset % 2);
        for filler in [&ascii, &arabic] {
            for &a in TRICKY {
                for &b in TRICKY {
                    assert_same(&format!("{filler}{a}{b}{filler}"));
                }
            }
        }
    }
}

fn piece() -> impl Strategy<Value = String> {
    use proptest::char::range;
    prop_oneof![
        4 => prop::sample::select(TRICKY).prop_map(String::from),
        2 => Just("\r\n".to_owned()),
        2 => range('\u{0}', '\u{1F}').prop_map(String::from),
        2 => range('\u{7F}', '\u{FF}').prop_map(String::from),
        1 => range('\u{100}', '\u{7FF}').prop_map(String::from),
        3 => range('\u{2000}', '\u{206F}').prop_map(String::from),
        1 => range('\u{2070}', '\u{2FFF}').prop_map(String::from),
        3 => "[a-z0-9 .,!?()-]{1,80}",
        3 => "[\u{600}-\u{6FF} .,0-9]{1,80}",
        1 => any::<char>().prop_map(String::from),
        1 => range('\u{10000}', '\u{10FFFF}').prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn same_as_reference_on_tricky_strings(pieces in prop::collection::vec(piece(), 0..120)) {
        let raw = pieces.concat();
        let (new, old) = (sanitize(&raw), reference_sanitize(&raw));
        prop_assert_eq!(&sanitize_owned(raw.clone()), &new);
        prop_assert_eq!(new.text, old.text);
        prop_assert_eq!(new.has_bidi_controls, old.has_bidi_controls);
    }

    #[test]
    fn same_as_reference_on_any_string(raw in any::<String>()) {
        let (new, old) = (sanitize(&raw), reference_sanitize(&raw));
        prop_assert_eq!(&sanitize_owned(raw.clone()), &new);
        prop_assert_eq!(new.text, old.text);
        prop_assert_eq!(new.has_bidi_controls, old.has_bidi_controls);
    }
}
