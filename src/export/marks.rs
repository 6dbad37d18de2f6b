//! Keeping mixed lines in order once pasted into plain text, where no markup says the
//! direction: a mark that starts a paragraph in its direction, and isolates around each field
//! of a row.

use super::direction::Dir;
use super::document::Row;
use crate::text::{BaseDirection, first_strong};

const LRM: char = '\u{200E}';
const RLM: char = '\u{200F}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const PDI: char = '\u{2069}';

/// `line` prefixed, when its own first strong letter would give it another direction than
/// `dir` (an Arabic paragraph opening with `UNHCR`), with the mark of `dir`; an editor that
/// takes a paragraph's direction from its first strong letter then lays it out in `dir`.
pub fn with_mark(dir: Dir, line: &str) -> String {
    let own = match first_strong(line) {
        Some(BaseDirection::Rtl) => Some(Dir::Rtl),
        Some(_) => Some(Dir::Ltr),
        None => None,
    };
    match (own, dir) {
        (Some(own), dir) if own == dir => line.to_owned(),
        (None, Dir::Ltr) => line.to_owned(),
        (_, Dir::Ltr) => format!("{LRM}{line}"),
        (_, Dir::Rtl) => format!("{RLM}{line}"),
    }
}

/// A row's fields joined by ` · `, each (when there are several) in an isolate of its own
/// direction, written by `escape`.
pub fn isolated_row(row: &Row, escape: impl Fn(&str) -> String) -> String {
    if let [only] = row.parts.as_slice() {
        return escape(&only.text);
    }
    let parts: Vec<String> = row
        .parts
        .iter()
        .map(|part| {
            let open = match part.dir {
                Dir::Ltr => LRI,
                Dir::Rtl => RLI,
            };
            format!("{open}{}{PDI}", escape(&part.text))
        })
        .collect();
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_gets_a_mark_only_when_its_first_letter_disagrees() {
        assert_eq!(with_mark(Dir::Rtl, "قال"), "قال");
        assert_eq!(with_mark(Dir::Rtl, "UNHCR قال"), "\u{200F}UNHCR قال");
        assert_eq!(with_mark(Dir::Rtl, "2025"), "\u{200F}2025");
        assert_eq!(with_mark(Dir::Ltr, "2025"), "2025");
        assert_eq!(with_mark(Dir::Ltr, "قال UN"), "\u{200E}قال UN");
    }
}
