//! Finding where a JSON value ends (reading forward) or starts (reading backward) in a
//! piece of a file, without parsing it: strings are passed over by a byte search, and only
//! brackets outside them are counted. `None` means the value runs past the piece's edge
//! (or the piece is not JSON): the caller stops there.
//!
//! Backward is well defined because a JSON string holds no unescaped quote: from a point
//! outside every string, the quote before a string's closing one that is preceded by an
//! even run of backslashes is its opening one. A run reaching the piece's start is of
//! unknown length, so it ends the skim.

use super::find_byte;

const WHITE_SPACE: [u8; 4] = [b' ', b'\t', b'\n', b'\r'];

fn is_space(byte: u8) -> bool {
    WHITE_SPACE.contains(&byte)
}

/// The first byte at or after `at` that is not JSON white space.
pub(crate) fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).copied().is_some_and(is_space) {
        at += 1;
    }
    at
}

/// The end of the white space that ends before `end`: `bytes[..result]` ends in no space.
pub(crate) fn skip_space_back(bytes: &[u8], mut end: usize) -> usize {
    while end > 0 && bytes.get(end - 1).copied().is_some_and(is_space) {
        end -= 1;
    }
    end
}

/// Just past the string that starts (with its quote) at `start`.
pub(crate) fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        let found = at + find_byte::find2(b'"', b'\\', bytes.get(at..)?)?;
        match bytes.get(found) {
            Some(b'"') => return Some(found + 1),
            // An escape: the next byte is its, whatever it is.
            _ => at = found + 2,
        }
    }
}

/// Just past the value that starts at `start`.
pub(crate) fn value_end(bytes: &[u8], start: usize) -> Option<usize> {
    match bytes.get(start)? {
        b'"' => string_end(bytes, start),
        b'[' | b'{' => nested_end(bytes, start),
        _ => {
            // A number, `true`, `false` or `null`: it ends where its delimiter is, which
            // must be inside the piece for the value to be whole.
            let rest = bytes.get(start..)?;
            let length = rest
                .iter()
                .position(|&b| is_space(b) || matches!(b, b',' | b']' | b'}'))?;
            Some(start + length)
        }
    }
}

fn nested_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = start;
    loop {
        match bytes.get(at)? {
            b'"' => {
                at = string_end(bytes, at)?;
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(at + 1);
                }
            }
            _ => {}
        }
        at += 1;
    }
}

/// The opening quote of the string whose closing quote is `bytes[end - 1]`.
pub(crate) fn string_start(bytes: &[u8], end: usize) -> Option<usize> {
    let mut before = end.checked_sub(1)?;
    loop {
        let quote = find_byte::rfind(b'"', bytes.get(..before)?)?;
        let run = bytes
            .get(..quote)?
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        // The run reaches the piece's start (or the quote is its first byte): a backslash
        // before the piece may escape it.
        if run == quote {
            return None;
        }
        if run % 2 == 0 {
            return Some(quote);
        }
        before = quote;
    }
}

/// Where the value that ends just before `end` starts (`bytes[..end]` ends in no space).
pub(crate) fn value_start(bytes: &[u8], end: usize) -> Option<usize> {
    match bytes.get(end.checked_sub(1)?)? {
        b'"' => string_start(bytes, end),
        b']' | b'}' => nested_start(bytes, end),
        _ => {
            let head = bytes.get(..end)?;
            let delimiter = head
                .iter()
                .rposition(|&b| is_space(b) || matches!(b, b',' | b':' | b'[' | b'{'))?;
            Some(delimiter + 1)
        }
    }
}

fn nested_start(bytes: &[u8], end: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut at = end;
    loop {
        let last = at.checked_sub(1)?;
        match bytes.get(last)? {
            b'"' => {
                at = string_start(bytes, at)?;
                continue;
            }
            b']' | b'}' => depth += 1,
            b'[' | b'{' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(last);
                }
            }
            _ => {}
        }
        at = last;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value of `text` (a JSON array) found forward and backward, as text.
    fn forward_and_back(text: &str) -> (Vec<&str>, Vec<&str>) {
        let bytes = text.as_bytes();
        let mut forward = Vec::new();
        let mut at = skip_space(bytes, 1);
        while let Some(end) = value_end(bytes, at) {
            forward.push(&text[at..end]);
            at = skip_space(bytes, skip_space(bytes, end) + 1);
        }
        let mut back = Vec::new();
        let mut end = skip_space_back(bytes, skip_space_back(bytes, bytes.len()) - 1);
        while let Some(start) = value_start(bytes, end) {
            back.push(&text[start..end]);
            end = skip_space_back(bytes, skip_space_back(bytes, start).saturating_sub(1));
        }
        back.reverse();
        (forward, back)
    }

    #[test]
    fn values_are_found_both_ways_over_escapes_and_nesting() {
        let values = [
            r#""plain""#,
            r#""a \"quoted\" word""#,
            r#""ends in a backslash \\""#,
            r#""\\\"\\""#,
            r#""brackets ] } [ { inside""#,
            r#"{"k": ["v", {"w": "]"}], "x": null}"#,
            "[1, [2, [3]], \"\\\\\"]",
            "-12.5e3",
            "true",
            "null",
            "\"عربي \\\"مقتبس\\\"\"",
        ];
        let text = format!("[ {} ]", values.join(" ,\n\t"));
        let (forward, back) = forward_and_back(&text);
        assert_eq!(forward, values);
        assert_eq!(back, values);
    }

    #[test]
    fn a_value_cut_by_the_pieces_edge_is_not_found() {
        let text = r#"["whole", {"k": "cut here"#;
        let (forward, _) = forward_and_back(text);
        assert_eq!(forward, ["\"whole\""]);
        // Backward from a piece that starts inside a string.
        let piece = r#"t here", "k": "v"}"#;
        let end = piece.len() - 1;
        let start = value_start(piece.as_bytes(), end);
        assert_eq!(start.map(|s| &piece[s..end]), Some("\"v\""));
        assert_eq!(value_start(piece.as_bytes(), 7), None);
        // A number at the piece's end may go on in the next piece.
        assert_eq!(value_end(b"12", 0), None);
        // A run of backslashes that reaches the piece's start is of unknown length, and so
        // is one before a quote that is the piece's first byte.
        assert_eq!(string_start(br#"\\"x""#, 5), None);
        assert_eq!(string_start(br#""x""#, 3), None);
        assert_eq!(string_start(br#" "x""#, 4), Some(1));
    }
}
