//! Finds where values sit in the source text, since serde_json's `Value` forgets it. Runs
//! only on text that serde_json already parsed, but stops quietly on anything unexpected.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::diagnostic::MAX_DIAGNOSTICS_PER_FILE;
use super::json_path::{JsonPath, Segment};

/// 1-based line and column; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub(crate) const START: Position = Position { line: 1, column: 1 };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Located {
    /// Where the member's key starts, for values inside objects.
    pub key: Option<Position>,
    pub value: Position,
}

#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub found: HashMap<JsonPath, Located>,
    /// Keys that repeat within one object, at the repeat (serde_json keeps the last one):
    /// the first `MAX_DIAGNOSTICS_PER_FILE`, and how many there are in all.
    pub duplicates: Vec<(JsonPath, Position)>,
    pub duplicate_count: usize,
}

/// The position of byte `offset` in `text`; an offset inside a character counts as that
/// character, one past the end as the column after the last character.
pub(crate) fn position_at_byte(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.as_bytes().get(..offset).unwrap_or_default();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| !is_continuation(b))
        .count();
    Position { line, column }
}

fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

pub(crate) fn scan(text: &str, wanted: &HashSet<JsonPath>) -> Scan {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        offset: 0,
        wanted,
        path: JsonPath::root(),
        found: HashMap::new(),
        duplicates: Vec::new(),
        duplicate_count: 0,
    };
    // `None` only means the text ended early or oddly; what was found so far stands.
    let _ = scanner.document();
    // Bytes are counted as the text is scanned; lines and columns only for what was found.
    let mut offsets: Vec<usize> = scanner
        .found
        .values()
        .flat_map(|(key, value)| [*key, Some(*value)])
        .flatten()
        .collect();
    offsets.extend(scanner.duplicates.iter().map(|(_, at)| *at));
    let positions = positions_at_bytes(text, offsets);
    let at = |offset: usize| positions.get(&offset).copied().unwrap_or(Position::START);
    Scan {
        found: scanner
            .found
            .into_iter()
            .map(|(path, (key, value))| {
                (
                    path,
                    Located {
                        key: key.map(at),
                        value: at(value),
                    },
                )
            })
            .collect(),
        duplicates: scanner
            .duplicates
            .into_iter()
            .map(|(path, offset)| (path, at(offset)))
            .collect(),
        duplicate_count: scanner.duplicate_count,
    }
}

/// The positions of character-starting byte `offsets` of `text`, in one pass.
fn positions_at_bytes(text: &str, mut offsets: Vec<usize>) -> HashMap<usize, Position> {
    offsets.sort_unstable();
    offsets.dedup();
    let mut positions = HashMap::with_capacity(offsets.len());
    let (mut from, mut here) = (0, Position::START);
    for offset in offsets {
        let run = text.as_bytes().get(from..offset).unwrap_or_default();
        here = match run.iter().rposition(|&b| b == b'\n') {
            Some(last) => Position {
                line: here.line + run.iter().filter(|&&b| b == b'\n').count(),
                column: 1 + characters(run.get(last + 1..).unwrap_or_default()),
            },
            None => Position {
                column: here.column + characters(run),
                ..here
            },
        };
        from = offset.max(from);
        positions.insert(offset, here);
    }
    positions
}

fn characters(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| !is_continuation(b)).count()
}

// Keys are borrowed from the text unless they hold escapes: a hostile file may have
// millions of them.
enum Frame<'a> {
    Object { keys: HashSet<Cow<'a, str>> },
    Array { index: usize },
}

/// What `Scan` holds, at byte offsets.
struct Scanner<'a> {
    bytes: &'a [u8],
    offset: usize,
    wanted: &'a HashSet<JsonPath>,
    path: JsonPath,
    found: HashMap<JsonPath, (Option<usize>, usize)>,
    duplicates: Vec<(JsonPath, usize)>,
    duplicate_count: usize,
}

impl<'a> Scanner<'a> {
    fn document(&mut self) -> Option<()> {
        let mut stack: Vec<Frame<'a>> = Vec::new();
        let mut key_at = None;
        loop {
            self.skip_whitespace();
            self.record(key_at.take());
            match self.peek()? {
                b'{' => {
                    self.bump();
                    self.skip_whitespace();
                    if self.peek()? != b'}' {
                        let mut keys = HashSet::new();
                        key_at = Some(self.member_key(&mut keys)?);
                        stack.push(Frame::Object { keys });
                        continue;
                    }
                    self.bump();
                }
                b'[' => {
                    self.bump();
                    self.skip_whitespace();
                    if self.peek()? != b']' {
                        stack.push(Frame::Array { index: 0 });
                        self.path.push(Segment::Index(0));
                        continue;
                    }
                    self.bump();
                }
                b'"' => self.skip_string()?,
                _ => self.skip_scalar(),
            }
            key_at = self.close_containers(&mut stack)?;
        }
    }

    /// After a value: consume `,` `}` `]` until the next value starts. Returns the next
    /// member's key position (`None` inside arrays); `None` overall when the document ends.
    fn close_containers(&mut self, stack: &mut Vec<Frame<'a>>) -> Option<Option<usize>> {
        loop {
            self.skip_whitespace();
            let frame = stack.last_mut()?;
            self.path.pop();
            let byte = self.peek()?;
            self.bump();
            match (frame, byte) {
                (Frame::Object { keys }, b',') => return Some(Some(self.member_key(keys)?)),
                (Frame::Array { index }, b',') => {
                    *index += 1;
                    self.path.push(Segment::Index(*index));
                    return Some(None);
                }
                (Frame::Object { .. }, b'}') | (Frame::Array { .. }, b']') => {
                    stack.pop();
                }
                _ => return None,
            }
        }
    }

    /// Reads `"key":`, pushes the key on the path and returns where the key starts.
    fn member_key(&mut self, keys: &mut HashSet<Cow<'a, str>>) -> Option<usize> {
        self.skip_whitespace();
        let key_at = self.offset;
        let start = self.offset;
        self.skip_string()?;
        let bytes: &'a [u8] = self.bytes;
        let raw = std::str::from_utf8(bytes.get(start..self.offset)?).ok()?;
        let key: Cow<'a, str> = match raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            Some(plain) if !plain.contains('\\') => Cow::Borrowed(plain),
            _ => Cow::Owned(serde_json::from_str(raw).ok()?),
        };
        self.path
            .push(Segment::Key(key.clone().into_owned().into()));
        if !keys.insert(key) {
            self.duplicate_count += 1;
            if self.duplicates.len() < MAX_DIAGNOSTICS_PER_FILE {
                self.duplicates.push((self.path.clone(), key_at));
            }
        }
        self.skip_whitespace();
        (self.peek()? == b':').then(|| self.bump())?;
        Some(key_at)
    }

    fn record(&mut self, key: Option<usize>) {
        if !self.wanted.is_empty() && self.wanted.contains(&self.path) {
            self.found.insert(self.path.clone(), (key, self.offset));
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.offset).copied()
    }

    fn bump(&mut self) {
        self.offset = (self.offset + 1).min(self.bytes.len());
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn skip_string(&mut self) -> Option<()> {
        (self.peek()? == b'"').then(|| self.bump())?;
        loop {
            // Most of a briefing is the text inside strings: passed over a run at a time.
            let rest = self.bytes.get(self.offset..)?;
            let run = rest.iter().position(|&b| b == b'"' || b == b'\\');
            self.offset += run.unwrap_or(rest.len());
            let byte = self.peek()?;
            self.bump();
            if byte == b'\\' {
                self.bump();
            } else {
                return Some(());
            }
        }
    }

    fn skip_scalar(&mut self) {
        while let Some(byte) = self.peek() {
            if matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            self.bump();
        }
    }
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::*;

    fn locate(text: &str, path: &JsonPath) -> Option<Located> {
        let wanted = HashSet::from([path.clone()]);
        scan(text, &wanted).found.get(path).copied()
    }

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn finds_nested_values_and_their_keys() {
        let text = "{\n  \"quotes\": [\n    {\"text\": \"x\"},\n    {\"text\": \"y\", \"speaker\": 3}\n  ]\n}";
        let path = JsonPath::root().key("quotes").index(1).key("speaker");
        let located = locate(text, &path).expect("speaker is in the text");
        assert_eq!(located.value, at(4, 30));
        assert_eq!(located.key, Some(at(4, 19)));
        let item = JsonPath::root().key("quotes").index(1);
        assert_eq!(locate(text, &item).map(|l| l.value), Some(at(4, 5)));
        assert_eq!(
            locate(text, &JsonPath::root()).map(|l| l.value),
            Some(at(1, 1))
        );
    }

    #[test]
    fn columns_count_characters_and_escaped_keys_match() {
        let text = "{\"عنوان\": \"نص\", \"\\u0068eadline\": 1}";
        let path = JsonPath::root().key("headline");
        let located = locate(text, &path).expect("escaped key is decoded");
        assert_eq!(located.key, Some(at(1, 17)));
        assert_eq!(located.value, at(1, 34));
    }

    #[test]
    fn crlf_and_empty_containers() {
        let text = "{\r\n\"a\": [],\r\n\"b\": {},\r\n\"c\": [[], [true, null]]\r\n}";
        let path = JsonPath::root().key("c").index(1).index(1);
        assert_eq!(locate(text, &path).map(|l| l.value), Some(at(4, 18)));
    }

    #[test]
    fn repeated_keys_are_reported_and_the_last_one_located() {
        let text = "{\"a\": 1, \"b\": {\"a\": 2}, \"a\": 3}";
        let path = JsonPath::root().key("a");
        let result = scan(text, &HashSet::from([path.clone()]));
        assert_eq!(result.duplicates, vec![(path.clone(), at(1, 25))]);
        assert_eq!(result.found.get(&path).map(|l| l.value), Some(at(1, 30)));
    }

    #[test]
    fn positions_after_long_strings_are_those_of_their_bytes() {
        let text = "{\"a\": \"عربي \\\"x\\\\\",\n \"b\": [\"line\nbreak ﻻ\", \"\"],\n \"c\": 7}";
        let c = JsonPath::root().key("c");
        let b1 = JsonPath::root().key("b").index(1);
        let wanted = HashSet::from([c.clone(), b1.clone()]);
        let found = scan(text, &wanted).found;
        let at_byte = |needle: &str| text.find(needle).map(|at| position_at_byte(text, at));
        assert_eq!(found.get(&c).map(|l| l.value), at_byte("7"));
        assert_eq!(found.get(&b1).map(|l| l.value), at_byte("\"\"]"));
    }

    #[test]
    fn byte_offsets_become_character_columns() {
        let text = "ab\nعر x";
        assert_eq!(position_at_byte(text, 0), at(1, 1));
        assert_eq!(position_at_byte(text, 3), at(2, 1));
        assert_eq!(position_at_byte(text, 7), at(2, 3));
        assert_eq!(position_at_byte(text, 4), at(2, 1));
        assert_eq!(position_at_byte(text, 100), at(2, 5));
    }
}
