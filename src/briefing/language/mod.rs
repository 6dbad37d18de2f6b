//! Whether a well-formed `language` tag names a language ISO 639 knows.
//!
//! The registry is `iso639.txt`, made from the `isolang` crate's data by the test
//! `iso639_table_is_isolangs` (`BRIEF_BLESS=1 cargo test --lib iso639`). It is kept as text
//! rather than linked from the crate: isolang's tables hold about 16,000 pointers that the
//! dynamic loader relocates at every start of the binary, a third of all it has; this text
//! holds none.

use std::sync::OnceLock;

use super::diagnostic::quoted;

const TABLE: &str = include_str!("iso639.txt");

/// Language subtags no longer in use, and the ones that replaced them.
const REPLACED: &[(&str, &str)] = &[("iw", "he"), ("in", "id"), ("ji", "yi"), ("jw", "jv")];

/// The table's parts: every ISO 639-3 code, sorted and run together; every ISO 639-1
/// code, the same; then one line per language, `name<TAB>code` (its 639-1 code if it has
/// one, else its 639-3).
struct Registry<'a> {
    three: &'a str,
    two: &'a str,
    names: &'a str,
}

/// Split once: every briefing's language is looked up, and the codes' line is 24 KB.
fn registry() -> &'static Registry<'static> {
    static REGISTRY: OnceLock<Registry<'static>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut parts = TABLE.splitn(3, '\n');
        let mut next = || parts.next().unwrap_or_default();
        Registry {
            three: next(),
            two: next(),
            names: next(),
        }
    })
}

/// Whether `code` is one of the fixed-width codes run together in `codes` (sorted).
fn has_code(codes: &str, code: &str) -> bool {
    let width = code.len();
    if width == 0 || !codes.len().is_multiple_of(width) {
        return false;
    }
    let (mut low, mut high) = (0, codes.len() / width);
    while low < high {
        let middle = (low + high) / 2;
        match codes[middle * width..(middle + 1) * width].cmp(code) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
        }
    }
    false
}

impl Registry<'_> {
    fn knows(&self, lower: &str) -> bool {
        match lower.len() {
            2 => has_code(self.two, lower),
            3 => has_code(self.three, lower),
            _ => false,
        }
    }

    /// The code of the language whose English name is `name`, in any case.
    fn code_named(&self, name: &str) -> Option<&str> {
        self.names.lines().find_map(|line| {
            let (english, code) = line.split_once('\t')?;
            english.eq_ignore_ascii_case(name).then_some(code)
        })
    }
}

/// The warning for a well-formed `tag` whose language subtag names no language in ISO 639,
/// with the code to write instead when one is clear: a language's English name (`"Arabic"`:
/// `"ar"`), or a replaced code. `None` for a known language, and for private-use and
/// grandfathered tags, which need no registry.
pub(crate) fn unknown_language(tag: &str) -> Option<String> {
    let primary = tag.split('-').next().unwrap_or(tag);
    let lower = primary.to_ascii_lowercase();
    let registry = registry();
    if registry.knows(&lower) || matches!(lower.as_str(), "x" | "i") {
        return None;
    }
    let replaced = REPLACED
        .iter()
        .find(|(old, _)| *old == lower)
        .map(|(_, new)| *new);
    let suggestion = replaced.or_else(|| registry.code_named(&lower));
    let unknown = format!("{} names no language in ISO 639", quoted(primary));
    Some(match suggestion {
        Some(code) => format!("{unknown}: did you mean {}?", quoted(code)),
        None => unknown,
    })
}

#[cfg(test)]
mod tests;
