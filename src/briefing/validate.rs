//! Turns a parsed JSON document into a `Briefing`, recording every problem on the way.

use std::path::Path;

use serde_json::{Map, Value};

use super::checker::{Anchor, Checker};
use super::date;
use super::diagnostic::quoted;
use super::json_path::JsonPath;
use super::language::unknown_language;
use super::language_tag::check_language_tag;
use super::model::{Briefing, Direction};
use super::parts;
use super::script;
use super::translation_check;

pub const FORMAT_VERSION: u64 = 1;

/// The members a briefing may have, in the order docs/FORMAT.md lists them.
pub(crate) const FIELDS: &[&str] = &[
    "format",
    "id",
    "headline",
    "summary",
    "language",
    "direction",
    "date",
    "location",
    "source",
    "classification",
    "tags",
    "body",
    "points",
    "quotes",
    "actors",
    "translations",
    "import",
];

/// The briefing as far as it could be read; it is only usable when `checker` holds no
/// errors afterwards. The body is taken out of `root` (left `null` there), not copied.
/// Its strings are searched for bidi controls only if `may_hold_controls`
/// (`script::text_may_hold_bidi_control` of its file).
pub(crate) fn briefing(
    checker: &mut Checker,
    root: &mut Value,
    file: &Path,
    may_hold_controls: bool,
) -> Option<Briefing> {
    let path = JsonPath::root();
    checker.object(root, &path, FIELDS)?;
    // These read every string, so they come before the body's paragraphs are moved out.
    script::check_language_given(checker, root);
    if may_hold_controls {
        script::check_bidi_controls(checker, root);
    }
    let body = root.get_mut("body").map(Value::take);
    let map = root.as_object()?;
    check_format(checker, map);
    let headline = headline(checker, map);
    let language = language(checker, map);
    let date = date(checker, map);
    let field = |key: &'static str| map.get(key).map(|value| (value, path.key(key)));
    let actors = field("actors")
        .map(|(v, p)| parts::actors(checker, v, &p))
        .unwrap_or_default();
    let quotes = field("quotes")
        .map(|(v, p)| parts::quotes(checker, v, &p))
        .unwrap_or_default();
    let mut briefing = Briefing {
        path: file.to_path_buf(),
        id: id(checker, map, file),
        headline: headline.unwrap_or_default(),
        summary: checker.optional_string(map, &path, "summary"),
        language,
        direction: direction(checker, map),
        date,
        location: checker.optional_string(map, &path, "location"),
        source: field("source").and_then(|(v, p)| parts::source(checker, v, &p)),
        classification: checker.optional_string(map, &path, "classification"),
        tags: checker.optional_strings(map, &path, "tags"),
        body: body
            .map(|v| parts::body(checker, v, &path.key("body")))
            .unwrap_or_default(),
        points: checker.optional_strings(map, &path, "points"),
        quotes: quotes.iter().map(|(_, quote)| quote.clone()).collect(),
        actors,
        translations: Vec::new(),
        cut: None,
    };
    parts::check_speakers(checker, &briefing, &quotes);
    // The import record is for people and tools, not the reader: checked, not kept.
    if let Some((value, path)) = field("import") {
        parts::import_record(checker, value, &path);
    }
    if let Some((value, path)) = field("translations") {
        briefing.translations = translation_check::translations(checker, value, &path, &briefing);
    }
    Some(briefing)
}

fn check_format(checker: &mut Checker, map: &Map<String, Value>) {
    let Some(value) = map.get("format") else {
        return;
    };
    let path = JsonPath::root().key("format");
    // JSON Schema counts 1.0 as the integer 1; so does this.
    match value.as_f64() {
        Some(version) if version.fract() == 0.0 => {
            if version != FORMAT_VERSION as f64 {
                let message = format!("unsupported format version {value}");
                checker.error(&path, Anchor::Value, message);
            }
        }
        _ => checker.wrong_type(&path, "an integer", value),
    }
}

fn language(checker: &mut Checker, map: &Map<String, Value>) -> Option<String> {
    let tag = checker.optional_string(map, &JsonPath::root(), "language")?;
    let path = JsonPath::root().key("language");
    if check_language_tag(checker, &tag, &path)
        && let Some(message) = unknown_language(&tag)
    {
        checker.warning(&path, Anchor::Value, message);
    }
    Some(tag)
}

/// The date as written; it is checked here and parsed again only for sorting.
fn date(checker: &mut Checker, map: &Map<String, Value>) -> Option<String> {
    let text = checker.optional_string(map, &JsonPath::root(), "date")?;
    if date::instant(&text).is_none() {
        let message = format!(
            "expected a date as YYYY-MM-DD or an RFC 3339 date-time, found {}",
            quoted(&text)
        );
        checker.error(&JsonPath::root().key("date"), Anchor::Value, message);
    }
    Some(text)
}

fn headline(checker: &mut Checker, map: &Map<String, Value>) -> Option<String> {
    let headline = checker.required_string(map, &JsonPath::root(), "headline")?;
    if headline.trim().is_empty() {
        let path = JsonPath::root().key("headline");
        checker.error(&path, Anchor::Value, "must not be blank".to_owned());
    }
    Some(headline)
}

fn id(checker: &mut Checker, map: &Map<String, Value>, file: &Path) -> String {
    let file_name = file
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default();
    let stem = file_name
        .strip_suffix(".json")
        .unwrap_or(&file_name)
        .to_owned();
    match checker.optional_string(map, &JsonPath::root(), "id") {
        Some(id) if id.trim().is_empty() => {
            let message = format!("blank id; the file name {} stands in", quoted(&stem));
            checker.warning(&JsonPath::root().key("id"), Anchor::Value, message);
            stem
        }
        Some(id) => id,
        None => stem,
    }
}

fn direction(checker: &mut Checker, map: &Map<String, Value>) -> Direction {
    let Some(text) = checker.optional_string(map, &JsonPath::root(), "direction") else {
        return Direction::Auto;
    };
    match text.as_str() {
        "rtl" => Direction::Rtl,
        "ltr" => Direction::Ltr,
        "auto" => Direction::Auto,
        other => {
            let message = format!(
                r#"expected "rtl", "ltr" or "auto", found {}"#,
                quoted(other)
            );
            checker.error(&JsonPath::root().key("direction"), Anchor::Value, message);
            Direction::Auto
        }
    }
}
