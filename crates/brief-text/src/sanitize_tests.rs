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

/// The char-by-char implementation the block-copying one replaced: the oracle.
fn reference_sanitize(raw: &str) -> Sanitized {
    let mut text = String::with_capacity(raw.len());
    let mut open = Scopes::default();
    let mut has_bidi_controls = false;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' | '\u{2028}' | '\u{2029}' => {
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

fn assert_same(raw: &str) {
    let (new, old) = (sanitize(raw), reference_sanitize(raw));
    assert_eq!(new.text, old.text, "for {raw:?}");
    assert_eq!(new.has_bidi_controls, old.has_bidi_controls, "for {raw:?}");
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
        prop_assert_eq!(new.text, old.text);
        prop_assert_eq!(new.has_bidi_controls, old.has_bidi_controls);
    }

    #[test]
    fn same_as_reference_on_any_string(raw in any::<String>()) {
        let (new, old) = (sanitize(&raw), reference_sanitize(&raw));
        prop_assert_eq!(new.text, old.text);
        prop_assert_eq!(new.has_bidi_controls, old.has_bidi_controls);
    }
}
