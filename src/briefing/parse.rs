//! Bytes to a JSON value: encoding, emptiness and syntax, each failure with a position.

use serde_json::Value;

use super::json_value;
use super::locate::{Position, position_at_byte};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub position: Position,
    pub message: String,
}

impl ParseError {
    fn at_start(message: &str) -> Self {
        Self {
            position: Position::START,
            message: message.to_owned(),
        }
    }
}

/// The text (without a byte-order mark; positions count from after it), its value, and
/// whether some object in it repeats a key.
pub(crate) fn parse(bytes: &[u8]) -> Result<(&str, Value, bool), ParseError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(ParseError::at_start(
            "the file is UTF-16 (it starts with a UTF-16 byte-order mark); briefings are UTF-8",
        ));
    }
    let bom = if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    let content = bytes.get(bom..).unwrap_or_default();
    let text = utf8(content, bom)?;
    if text.trim_matches([' ', '\t', '\n', '\r']).is_empty() {
        let what = if text.is_empty() {
            "empty file"
        } else {
            "the file holds only white space"
        };
        return Err(ParseError::at_start(&format!(
            "{what}; a briefing is a JSON object"
        )));
    }
    let (value, repeated) =
        json_value::from_str(text).map_err(|error| syntax_error(text, &error))?;
    Ok((text, value, repeated))
}

/// The content as text, or where it went wrong.
fn utf8(content: &[u8], bom: usize) -> Result<&str, ParseError> {
    super::utf8::check(content).map_err(|error| invalid_utf8(content, bom, &error))
}

fn invalid_utf8(content: &[u8], bom: usize, error: &std::str::Utf8Error) -> ParseError {
    let valid = content.get(..error.valid_up_to()).unwrap_or_default();
    let valid = std::str::from_utf8(valid).unwrap_or_default();
    let byte = content
        .get(error.valid_up_to())
        .copied()
        .unwrap_or_default();
    ParseError {
        position: position_at_byte(valid, valid.len()),
        message: format!(
            "invalid UTF-8 at byte offset {} (byte 0x{byte:02X}); briefings are UTF-8",
            bom + error.valid_up_to()
        ),
    }
}

fn syntax_error(text: &str, error: &serde_json::Error) -> ParseError {
    // serde_json counts columns in bytes; the column is that of the last byte it read.
    let line_start = match error.line() {
        0 | 1 => 0,
        line => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(newline, _)| newline + 1),
    };
    let mut at = line_start + error.column().saturating_sub(1);
    let full = error.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(message, _)| message);
    if message == "trailing comma" {
        // serde_json stops at the bracket that follows; the fault is the comma before it.
        at = trailing_comma(text, at).unwrap_or(at);
    }
    let position = position_at_byte(text, at);
    let message = if message == "recursion limit exceeded" {
        "nesting too deep: arrays and objects nest at most 127 levels (serde_json's recursion limit)".to_owned()
    } else {
        format!("invalid JSON: {message}")
    };
    ParseError { position, message }
}

/// The byte of the comma before the closing bracket at `close`, past JSON white space.
fn trailing_comma(text: &str, close: usize) -> Option<usize> {
    let before = text.get(..close)?;
    let end = before.trim_end_matches([' ', '\t', '\n', '\r']).len();
    before[..end].ends_with(',').then(|| end - 1)
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    fn error_of(bytes: &[u8]) -> (usize, usize, String) {
        let error = parse(bytes).expect_err("the input is broken");
        (error.position.line, error.position.column, error.message)
    }

    #[test]
    fn syntax_errors_point_at_the_character() {
        let (line, column, message) = error_of("{\n  \"عنوان\": x\n}".as_bytes());
        assert_eq!((line, column), (2, 12));
        assert_eq!(message, "invalid JSON: expected value");
        // A trailing comma is reported where it is, not at the bracket after it.
        let (line, column, message) = error_of(b"{\"a\": 1,}");
        assert_eq!(
            (line, column, message.as_str()),
            (1, 8, "invalid JSON: trailing comma")
        );
        let (line, column, _) = error_of(b"{\n  \"a\": [1, 2],\r\n\t\n}\n");
        assert_eq!((line, column), (2, 14));
    }

    #[test]
    fn utf8_errors_give_offset_and_position() {
        let (line, column, message) = error_of(b"\xEF\xBB\xBF{\n\"h\": \"\xC3\xA9\xFF\"}");
        assert_eq!((line, column), (2, 8));
        assert_eq!(
            message,
            "invalid UTF-8 at byte offset 13 (byte 0xFF); briefings are UTF-8"
        );
    }

    #[test]
    fn bom_is_stripped_and_empty_files_refused() {
        let (text, value, _) = parse(b"\xEF\xBB\xBF{\"a\": 1}").expect("BOM is accepted");
        assert_eq!(text, "{\"a\": 1}");
        assert_eq!(value["a"], 1);
        assert_eq!(error_of(b"").2, "empty file; a briefing is a JSON object");
        assert_eq!(
            error_of(b" \r\n").2,
            "the file holds only white space; a briefing is a JSON object"
        );
        assert!(error_of(b"\xFF\xFE{\x00}\x00").2.contains("UTF-16"));
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let nested = |depth| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert!(parse(nested(127).as_bytes()).is_ok());
        let (line, column, message) = error_of(nested(128).as_bytes());
        assert_eq!((line, column), (1, 128));
        assert!(message.starts_with("nesting too deep"), "{message}");
    }
}
