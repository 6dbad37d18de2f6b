//! Reading a briefing's `translations`: each list as long as the original's, each block of
//! the kind it translates, every mismatch an error that names both sides.

use serde_json::{Map, Value};

use super::checker::{Anchor, Checker};
use super::json_path::JsonPath;
use super::language_tag::check_language_tag;
use super::model::{ActorRole, Block, Briefing, QuoteText, Translation};
use super::parts;

const FIELDS: &[&str] = &[
    "language",
    "translator",
    "headline",
    "summary",
    "body",
    "points",
    "quotes",
    "actors",
];

pub(crate) fn translations(
    checker: &mut Checker,
    value: &Value,
    path: &JsonPath,
    original: &Briefing,
) -> Vec<Translation> {
    let items = checker.array(value, path);
    items
        .iter()
        .enumerate()
        .filter_map(|(index, item)| translation(checker, item, &path.index(index), original))
        .collect()
}

fn translation(
    checker: &mut Checker,
    value: &Value,
    path: &JsonPath,
    original: &Briefing,
) -> Option<Translation> {
    let map = checker.object(value, path, FIELDS)?;
    let language = checker.required_string(map, path, "language");
    if let Some(tag) = &language {
        check_language_tag(checker, tag, &path.key("language"));
    }
    let lists = Lists { map, path };
    let body = lists.read(
        checker,
        "body",
        original.body.len(),
        "block",
        |c, v, p, i| block(c, v, p, original.body.get(i)),
    );
    let points = lists.read(
        checker,
        "points",
        original.points.len(),
        "point",
        |c, v, p, _| c.string(v, p),
    );
    let quotes = lists.read(checker, "quotes", original.quotes.len(), "quote", quote);
    let actors = lists.read(checker, "actors", original.actors.len(), "actor", actor);
    Some(Translation {
        language: language?,
        translator: checker.optional_string(map, path, "translator"),
        headline: checker.optional_string(map, path, "headline"),
        summary: checker.optional_string(map, path, "summary"),
        body,
        points,
        quotes,
        actors,
    })
}

/// The list fields of one translation object.
struct Lists<'a> {
    map: &'a Map<String, Value>,
    path: &'a JsonPath,
}

impl Lists<'_> {
    /// List `key`, which must have `expected` items like the original's; `null` items are
    /// the ones not translated, the others read by `item`.
    fn read<T>(
        &self,
        checker: &mut Checker,
        key: &'static str,
        expected: usize,
        noun: &str,
        mut item: impl FnMut(&mut Checker, &Value, &JsonPath, usize) -> Option<T>,
    ) -> Vec<Option<T>> {
        let Some(value) = self.map.get(key) else {
            return Vec::new();
        };
        let path = self.path.key(key);
        let items = checker.array(value, &path);
        if value.is_array() && items.len() != expected {
            let message = format!("{}, but {key} has {expected}", counted(items.len(), noun));
            checker.error(&path, Anchor::Value, message);
        }
        items
            .iter()
            .enumerate()
            .map(|(index, value)| match value {
                Value::Null => None,
                value => item(checker, value, &path.index(index), index),
            })
            .collect()
    }
}

/// `1 block`, `2 blocks`.
fn counted(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

fn kind(block: &Block) -> &'static str {
    match block {
        Block::Paragraph(_) => "a paragraph",
        Block::Heading(_) => "a heading",
        Block::Bullets { .. } => "a bullet list",
    }
}

/// The original's path of what `path` (`translations[i].body[j]…`) translates.
fn original_path(path: &JsonPath) -> String {
    let segments = path.to_string();
    segments
        .split_once("].")
        .map_or(segments.as_str(), |(_, rest)| rest)
        .to_owned()
}

fn block(
    checker: &mut Checker,
    value: &Value,
    path: &JsonPath,
    original: Option<&Block>,
) -> Option<Block> {
    let translated = parts::block(checker, value, path)?;
    let Some(original) = original else {
        return Some(translated);
    };
    match (original, &translated) {
        (
            Block::Bullets { lead, items },
            Block::Bullets {
                lead: new_lead,
                items: new_items,
            },
        ) => {
            if new_items.len() != items.len() {
                let message = format!(
                    "{}, but {} has {}",
                    counted(new_items.len(), "item"),
                    original_path(&path.key("bullets")),
                    items.len()
                );
                checker.error(&path.key("bullets"), Anchor::Value, message);
            }
            if lead.is_none() && new_lead.is_some() {
                let message = format!("a lead, but {} has none", original_path(path));
                checker.error(&path.key("lead"), Anchor::Value, message);
            }
        }
        (original, translated) if kind(original) != kind(translated) => {
            let message = format!(
                "{}, but {} is {}",
                kind(translated),
                original_path(path),
                kind(original)
            );
            checker.error(path, Anchor::Value, message);
        }
        _ => {}
    }
    Some(translated)
}

fn quote(checker: &mut Checker, value: &Value, path: &JsonPath, _: usize) -> Option<QuoteText> {
    let map = checker.object(value, path, &["text", "context"])?;
    Some(QuoteText {
        text: checker.optional_string(map, path, "text"),
        context: checker.optional_string(map, path, "context"),
    })
}

fn actor(checker: &mut Checker, value: &Value, path: &JsonPath, _: usize) -> Option<ActorRole> {
    let map = checker.object(value, path, &["role"])?;
    Some(ActorRole {
        role: checker.optional_string(map, path, "role"),
    })
}
