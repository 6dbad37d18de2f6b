//! What an unknown field was probably meant to be: a common synonym of a known field, or a
//! known field a typo or two away.

/// Names people give fields, and the field each means where that field is known: `title`
/// at the root is the `headline`; in a quotation, `quote` is its `text` and `by`, `author`
/// or `name` its `speaker`.
const SYNONYMS: &[(&str, &str)] = &[
    ("title", "headline"),
    ("heading", "headline"),
    ("quote", "text"),
    ("by", "speaker"),
    ("author", "speaker"),
    ("name", "speaker"),
    ("lang", "language"),
    ("locale", "language"),
    ("dir", "direction"),
    ("tag", "tags"),
    ("keywords", "tags"),
    ("place", "location"),
    ("link", "url"),
    ("href", "url"),
];

/// The known field `key` was probably meant to be, among `known` (the fields of the object
/// it is in): a synonym first, then the closest name within a small edit distance (one
/// edit for names of up to four letters, two beyond), ignoring case.
pub(crate) fn suggestion<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = key.to_lowercase();
    let synonym = SYNONYMS
        .iter()
        .filter(|(synonym, _)| *synonym == lower)
        .find_map(|(_, target)| known.iter().find(|k| *k == target));
    if let Some(target) = synonym {
        return Some(target);
    }
    let most = if lower.chars().count() <= 4 { 1 } else { 2 };
    known
        .iter()
        .map(|k| (strsim::osa_distance(&lower, k), *k))
        .filter(|(distance, _)| *distance <= most)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &[&str] = &[
        "headline",
        "summary",
        "language",
        "direction",
        "quotes",
        "actors",
    ];
    const QUOTE: &[&str] = &["text", "speaker", "context"];
    const ACTOR: &[&str] = &["id", "name", "role", "aliases"];

    #[test]
    fn synonyms_and_typos_find_the_field_meant() {
        assert_eq!(suggestion("title", ROOT), Some("headline"));
        assert_eq!(suggestion("Title", ROOT), Some("headline"));
        assert_eq!(suggestion("quote", QUOTE), Some("text"));
        assert_eq!(suggestion("by", QUOTE), Some("speaker"));
        assert_eq!(suggestion("name", QUOTE), Some("speaker"));
        // At the root, `quote` is a letter short of `quotes`, not a quotation's text.
        assert_eq!(suggestion("quote", ROOT), Some("quotes"));
        assert_eq!(suggestion("headlnie", ROOT), Some("headline"));
        assert_eq!(suggestion("summery", ROOT), Some("summary"));
        assert_eq!(suggestion("rol", ACTOR), Some("role"));
        assert_eq!(suggestion("mood", ROOT), None);
        assert_eq!(suggestion("by", ROOT), None);
    }
}
