use std::borrow::Cow;
use std::fmt;

use smallvec::SmallVec;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Segment {
    Key(Cow<'static, str>),
    Index(usize),
}

/// A location inside a JSON document, shown the way people write it: `quotes[2].speaker`.
///
/// Checking a briefing builds a path for every value it reads and keeps one only for a
/// problem, so a path as deep as a briefing's (`translations[0].body[3].bullets[2]`) is
/// held inline, and the format's own keys are borrowed rather than copied.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(crate) struct JsonPath(SmallVec<[Segment; 6]>);

impl JsonPath {
    pub(crate) fn root() -> Self {
        Self::default()
    }

    pub(crate) fn key(&self, key: impl Into<Cow<'static, str>>) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.into()));
        Self(segments)
    }

    pub(crate) fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        Self(segments)
    }

    pub(crate) fn parent(&self) -> Self {
        let mut segments = self.0.clone();
        segments.pop();
        Self(segments)
    }

    pub(crate) fn last(&self) -> Option<&Segment> {
        self.0.last()
    }

    pub(crate) fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    pub(crate) fn push(&mut self, segment: Segment) {
        self.0.push(segment);
    }

    pub(crate) fn pop(&mut self) {
        self.0.pop();
    }
}

// Keys that are not plain identifiers are written as JSON strings (`body[0]["a b"]`), which
// also escapes any control characters a hostile key carries.
fn is_plain_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (position, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) if is_plain_key(key) => {
                    if position > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                Segment::Key(key) => {
                    let quoted = serde_json::to_string(key).map_err(|_| fmt::Error)?;
                    write!(f, "[{quoted}]")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_read_like_javascript() {
        let path = JsonPath::root().key("quotes").index(2).key("speaker");
        assert_eq!(path.to_string(), "quotes[2].speaker");
        assert_eq!(JsonPath::root().index(0).to_string(), "[0]");
        assert_eq!(JsonPath::root().to_string(), "");
    }

    #[test]
    fn odd_keys_are_quoted_and_escaped() {
        let path = JsonPath::root().key("body").index(0).key("a b\u{1b}");
        assert_eq!(path.to_string(), r#"body[0]["a b\u001b"]"#);
        assert_eq!(JsonPath::root().key("").to_string(), r#"[""]"#);
    }
}
