//! The nested parts of a briefing: body blocks, quotes, actors, source.

use serde_json::{Map, Value};

use super::checker::{Anchor, Checker};
use super::diagnostic::quoted;
use super::json_path::JsonPath;
use super::model::{Actor, Block, Briefing, Quote, Source};

/// The body's blocks, its paragraphs moved out of `value` rather than copied: a long
/// briefing's body is most of its bytes.
pub(crate) fn body(checker: &mut Checker, value: Value, path: &JsonPath) -> Vec<Block> {
    let Value::Array(items) = value else {
        checker.array(&value, path);
        return Vec::new();
    };
    items
        .into_iter()
        .enumerate()
        .filter_map(|(index, item)| match item {
            Value::String(text) => Some(Block::Paragraph(text)),
            item => block(checker, &item, &path.index(index)),
        })
        .collect()
}

pub(crate) fn block(checker: &mut Checker, value: &Value, path: &JsonPath) -> Option<Block> {
    let map = match value {
        Value::String(text) => return Some(Block::Paragraph(text.clone())),
        Value::Object(map) => map,
        other => {
            let expected = r#"a paragraph string, {"heading": ...} or {"bullets": [...]}"#;
            checker.wrong_type(path, expected, other);
            return None;
        }
    };
    match (map.get("heading"), map.get("bullets")) {
        (Some(_), Some(_)) => {
            let message = r#"a block has "heading" or "bullets", not both"#.to_owned();
            checker.error(path, Anchor::Value, message);
            None
        }
        (Some(heading), None) => {
            checker.object(value, path, &["heading"]);
            let text = checker.string(heading, &path.key("heading"))?;
            Some(Block::Heading(text))
        }
        (None, Some(bullets)) => {
            checker.object(value, path, &["bullets", "lead"]);
            let lead = checker.optional_string(map, path, "lead");
            let items = checker.strings(bullets, &path.key("bullets"));
            Some(Block::Bullets { lead, items })
        }
        (None, None) => {
            let message = r#"a block object needs "heading" or "bullets""#.to_owned();
            checker.error(path, Anchor::Value, message);
            None
        }
    }
}

/// Quotes with their index in the file, so later checks can point at them.
pub(crate) fn quotes(checker: &mut Checker, value: &Value, path: &JsonPath) -> Vec<(usize, Quote)> {
    let items = checker.array(value, path);
    let mut quotes = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = path.index(index);
        let Some(map) = checker.object(item, &path, &["text", "speaker", "context"]) else {
            continue;
        };
        let text = checker.required_string(map, &path, "text");
        let speaker = checker.required_string(map, &path, "speaker");
        let context = checker.optional_string(map, &path, "context");
        if let (Some(text), Some(speaker)) = (text, speaker) {
            quotes.push((
                index,
                Quote {
                    text,
                    speaker,
                    context,
                },
            ));
        }
    }
    quotes
}

pub(crate) fn check_speakers(
    checker: &mut Checker,
    briefing: &Briefing,
    quotes: &[(usize, Quote)],
) {
    for (index, quote) in quotes {
        if briefing.find_actor(&quote.speaker).is_none() {
            let path = JsonPath::root().key("quotes").index(*index).key("speaker");
            let message = format!(
                "speaker {} matches no actor's id, name or alias",
                quoted(&quote.speaker)
            );
            checker.warning(&path, Anchor::Value, message);
        }
    }
}

const ACTOR_FIELDS: &[&str] = &["id", "name", "role", "organization", "country", "aliases"];

pub(crate) fn actors(checker: &mut Checker, value: &Value, path: &JsonPath) -> Vec<Actor> {
    let items = checker.array(value, path);
    let mut actors: Vec<Actor> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let path = path.index(index);
        let Some(map) = checker.object(item, &path, ACTOR_FIELDS) else {
            continue;
        };
        let Some(actor) = actor(checker, map, &path, index) else {
            continue;
        };
        if let Some(first) = actors.iter().position(|other| other.id == actor.id) {
            let at = if map.contains_key("id") {
                path.key("id")
            } else {
                path
            };
            let message = format!(
                "actor id {} is also used by actors[{first}]",
                quoted(&actor.id)
            );
            checker.warning(&at, Anchor::Value, message);
        }
        actors.push(actor);
    }
    actors
}

fn actor(
    checker: &mut Checker,
    map: &Map<String, Value>,
    path: &JsonPath,
    index: usize,
) -> Option<Actor> {
    let name = checker.required_string(map, path, "name");
    let id = checker.optional_string(map, path, "id");
    let role = checker.optional_string(map, path, "role");
    let organization = checker.optional_string(map, path, "organization");
    let country = checker.optional_string(map, path, "country");
    let aliases = checker.optional_strings(map, path, "aliases");
    let name = name?;
    let id = id.unwrap_or_else(|| slug(&name).unwrap_or_else(|| format!("actor-{}", index + 1)));
    Some(Actor {
        id,
        name,
        role,
        organization,
        country,
        aliases,
    })
}

/// Lower-case letters and digits of any script, other runs joined by one `-`.
pub(crate) fn slug(name: &str) -> Option<String> {
    let mut slug = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    (!slug.is_empty()).then(|| slug.to_owned())
}

pub(crate) fn source(checker: &mut Checker, value: &Value, path: &JsonPath) -> Option<Source> {
    match value {
        Value::String(name) => Some(Source {
            name: Some(name.clone()),
            url: None,
        }),
        Value::Object(_) => {
            let map = checker.object(value, path, &["name", "url"])?;
            let name = checker.optional_string(map, path, "name");
            let url = checker.optional_string(map, path, "url");
            Some(Source { name, url })
        }
        other => {
            checker.wrong_type(path, r#"a string or {"name": ..., "url": ...}"#, other);
            None
        }
    }
}

/// `import`: where an imported briefing came from, what made it, which fields were guessed.
pub(crate) fn import_record(checker: &mut Checker, value: &Value, path: &JsonPath) {
    let Some(map) = checker.object(value, path, &["source", "importer", "guessed"]) else {
        return;
    };
    checker.required_string(map, path, "importer");
    checker.optional_string(map, path, "source");
    checker.optional_strings(map, path, "guessed");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_of_every_script() {
        assert_eq!(slug("Volker Türk").as_deref(), Some("volker-türk"));
        assert_eq!(slug("  الطاهر الباعور ").as_deref(), Some("الطاهر-الباعور"));
        assert_eq!(slug("U.N. (OHCHR)").as_deref(), Some("u-n-ohchr"));
        assert_eq!(slug("—"), None);
    }
}
