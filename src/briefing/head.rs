//! A long briefing's first screen need not wait for its whole parse. Its file's first and
//! last pieces hold the headline and metadata, the start of the long member (the body,
//! as a rule) and every member after it (quotations, points, actors): read and parsed
//! alone, they make the briefing's *head*, which the reader shows while the whole file is
//! parsed, and which the whole replaces when that ends (`cli/loader`).
//!
//! The head is only a first look: its warnings are not looked for, and it is refused
//! (`None`, so the whole is waited for) unless every member it has parsed and validated
//! without error. A file broken past the pieces shows its head, then its error.

use std::fs::{self, File};
use std::path::Path;

use serde_json::{Map, Value};

use super::checker::Checker;
use super::load::open_without_blocking;
use super::skim::{skip_space, skip_space_back, string_end, string_start, value_end, value_start};
use super::{LoadOptions, Loaded, json_value, validate};

/// Files smaller than this are parsed whole before their first frame (a few milliseconds).
pub const HEAD_MIN: u64 = 256 * 1024;
/// The least read from a long file's start: a small terminal's screen of text.
const FIRST_LEAST: usize = 16 * 1024;
/// Read from a long file's end, and from its start when the first piece makes no head (a
/// long member before the long list): far more than a screen of text, and than the
/// members after the long list as a rule.
const PIECE: usize = 64 * 1024;

/// The head of the briefing file at `path`, if it is long enough to have one and its
/// pieces make a briefing, read for a screen of `cells` cells: the less read and parsed,
/// the sooner the first frame.
pub fn load_head(path: &Path, options: &LoadOptions, cells: usize) -> Option<Loaded> {
    let metadata = fs::metadata(path).ok()?;
    let wanted = |m: &fs::Metadata| m.is_file() && (HEAD_MIN..=options.max_size).contains(&m.len());
    if !wanted(&metadata) {
        return None;
    }
    let file = open_without_blocking(path).ok()?;
    let metadata = file.metadata().ok()?;
    if !wanted(&metadata) {
        return None;
    }
    let first = first_piece(cells);
    let head_of_pieces = |first: usize| {
        let first = read_at(&file, 0, first)?;
        let last = read_at(&file, metadata.len() - PIECE as u64, PIECE)?;
        head_of(path, &first, &last)
    };
    // A short first piece is trusted to cut the body only: long points before the body
    // would end past it and pass for the long list, the body's last string for their end.
    // Read again, the first piece is as long as ever, and so is that doubt.
    let cuts_the_body = |head: &Loaded| head.briefing.cut.as_deref() == Some("body");
    head_of_pieces(first)
        .filter(cuts_the_body)
        .or_else(|| head_of_pieces(first.max(PIECE)))
}

/// Bytes read from a long file's start for a screen of `cells` cells: its text as Arabic
/// takes two bytes a cell, and JSON's quoting and markup some more. At most half the
/// shortest long file, so the pieces never overlap.
fn first_piece(cells: usize) -> usize {
    cells
        .saturating_mul(4)
        .clamp(FIRST_LEAST, HEAD_MIN as usize / 2)
}

#[cfg(unix)]
fn read_at(file: &File, offset: u64, length: usize) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut piece = vec![0; length];
    file.read_exact_at(&mut piece, offset).ok()?;
    Some(piece)
}

#[cfg(not(unix))]
fn read_at(_: &File, _: u64, _: usize) -> Option<Vec<u8>> {
    None
}

/// The briefing the first and the last piece of its file make, which must not overlap.
pub(crate) fn head_of(path: &Path, first: &[u8], last: &[u8]) -> Option<Loaded> {
    let (members, long_key) = members_and_long_key(first, last)?;
    let mut root = Value::Object(members);
    let mut checker = Checker::default();
    // A head's warnings are not kept (the whole file's load reports them): its strings
    // need no search for the bidi controls that are only warned about.
    let mut briefing = validate::briefing(&mut checker, &mut root, path, false)?;
    briefing.cut = Some(long_key);
    (!checker.has_errors()).then_some(Loaded {
        briefing,
        warnings: Vec::new(),
    })
}

/// The top-level object's members found whole in the pieces, in the file's order: those
/// the first piece begins with, the long one's elements that it holds whole (if it is an
/// array), and those the last piece ends with; and the long one's key. `None` if the
/// pieces are not so, or a key comes twice.
fn members_and_long_key(first: &[u8], last: &[u8]) -> Option<(Map<String, Value>, String)> {
    if first.starts_with(b"\xFF\xFE") || first.starts_with(b"\xFE\xFF") {
        return None;
    }
    let first = first.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(first);
    let (leading, long) = leading_members(first)?;
    let trailing = trailing_members(last, long.1.as_array()?)?;
    let (long_key, long_length) = (long.0.clone(), long.1.as_array().map_or(0, Vec::len));
    let mut map = Map::new();
    for (key, value) in leading.into_iter().chain([long]).chain(trailing) {
        if map.insert(key, value).is_some() {
            return None;
        }
    }
    fit_translations(&mut map, &long_key, long_length);
    Some((map, long_key))
}

/// The members `members_and_long_key` finds.
#[cfg(test)]
pub(crate) fn members(first: &[u8], last: &[u8]) -> Option<Map<String, Value>> {
    members_and_long_key(first, last).map(|(members, _)| members)
}

/// A translation's list is as long as the original's: cut to the long list's head too.
fn fit_translations(map: &mut Map<String, Value>, key: &str, length: usize) {
    let Some(Value::Array(translations)) = map.get_mut("translations") else {
        return;
    };
    for translation in translations {
        if let Some(Value::Array(list)) = translation.get_mut(key) {
            list.truncate(length);
        }
    }
}

type Member = (String, Value);

/// The members whole in `bytes` from the object's start, and the array member it ends in,
/// with its elements whole in `bytes`.
fn leading_members(bytes: &[u8]) -> Option<(Vec<Member>, Member)> {
    let mut at = skip_space(bytes, 0);
    (bytes.get(at) == Some(&b'{')).then_some(())?;
    let mut members = Vec::new();
    loop {
        at = skip_space(bytes, at + 1);
        let key_end = string_end(bytes, at)?;
        let key = parse_key(bytes.get(at..key_end)?)?;
        at = skip_space(bytes, key_end);
        (bytes.get(at) == Some(&b':')).then_some(())?;
        at = skip_space(bytes, at + 1);
        let Some(end) = value_end(bytes, at) else {
            let elements = leading_elements(bytes, at)?;
            return Some((members, (key, Value::Array(elements))));
        };
        members.push((key, parse_value(bytes.get(at..end)?)?));
        at = skip_space(bytes, end);
        // The object's end inside the first piece: the file is not long where expected.
        (bytes.get(at) == Some(&b',')).then_some(())?;
    }
}

/// The elements whole in `bytes` of the array that starts at `start`.
fn leading_elements(bytes: &[u8], start: usize) -> Option<Vec<Value>> {
    (bytes.get(start) == Some(&b'[')).then_some(())?;
    let mut elements = Vec::new();
    let mut at = skip_space(bytes, start + 1);
    while let Some(end) = value_end(bytes, at) {
        elements.push(parse_value(bytes.get(at..end)?)?);
        at = skip_space(bytes, end);
        if bytes.get(at) != Some(&b',') {
            break;
        }
        at = skip_space(bytes, at + 1);
    }
    Some(elements)
}

/// The members whole in `bytes` up to the object's end, in order, back to the value that
/// crosses the piece's start, which must be the end of the long array whose first
/// elements are `long`.
fn trailing_members(bytes: &[u8], long: &[Value]) -> Option<Vec<Member>> {
    let mut end = skip_space_back(bytes, bytes.len());
    (bytes.get(end.checked_sub(1)?) == Some(&b'}')).then_some(())?;
    end = skip_space_back(bytes, end - 1);
    let mut members = Vec::new();
    loop {
        let Some(start) = value_start(bytes, end) else {
            (bytes.get(end.checked_sub(1)?) == Some(&b']')).then_some(())?;
            is_long_list_end(bytes, end, long).then_some(())?;
            members.reverse();
            return Some(members);
        };
        let value = parse_value(bytes.get(start..end)?)?;
        let colon = skip_space_back(bytes, start).checked_sub(1)?;
        (bytes.get(colon) == Some(&b':')).then_some(())?;
        let key_end = skip_space_back(bytes, colon);
        let key_start = string_start(bytes, key_end)?;
        members.push((parse_key(bytes.get(key_start..key_end)?)?, value));
        let comma = skip_space_back(bytes, key_start).checked_sub(1)?;
        // The object's start inside the last piece: the file is not long where expected.
        (bytes.get(comma) == Some(&b',')).then_some(())?;
        end = skip_space_back(bytes, comma);
    }
}

/// Whether the array ending at `end` may be the one the first piece ends in, whose first
/// elements are `long`: its last element must be whole and of their shape (a string, or
/// an object with the keys of one of them). Another long list after it (a long body's
/// translations, or long quotations) would leave the members between the two in neither
/// piece; its elements have other keys. A long list of strings after a long body of
/// strings is not told apart: its head lacks it until the whole is in.
fn is_long_list_end(bytes: &[u8], end: usize, long: &[Value]) -> bool {
    let last_end = skip_space_back(bytes, end - 1);
    let last =
        value_start(bytes, last_end).and_then(|start| parse_value(bytes.get(start..last_end)?));
    last.is_some_and(|last| long.iter().any(|first| same_shape(first, &last)))
}

fn same_shape(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(_), Value::String(_)) => true,
        (Value::Object(a), Value::Object(b)) => a.keys().eq(b.keys()),
        _ => false,
    }
}

fn parse_key(bytes: &[u8]) -> Option<String> {
    serde_json::from_slice(bytes).ok()
}

/// A value's text parsed; one that repeats a key is refused, so the whole parse places it.
fn parse_value(bytes: &[u8]) -> Option<Value> {
    let text = super::utf8::check(bytes).ok()?;
    match json_value::from_str(text) {
        Ok((value, false)) => Some(value),
        _ => None,
    }
}

#[cfg(test)]
#[path = "tests_head.rs"]
mod tests;
