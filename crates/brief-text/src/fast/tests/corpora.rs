//! Real text through both paths: the seed article, Unicode's BidiCharacterTest.txt and
//! the bundled Persian briefing.

use super::{all_options, same};
use crate::fast::props::ZWNJ;
use crate::{BaseDirection, LayoutOptions};

fn seed_paragraphs() -> Vec<&'static str> {
    include_str!("../../../../../tests/data/seed-article.txt")
        .lines()
        .collect()
}

#[test]
fn the_seed_article_takes_the_fast_path_and_comes_out_the_same() {
    let paragraphs = seed_paragraphs();
    let mut taken = 0;
    for p in &paragraphs {
        let mut all = true;
        for width in [1, 2, 7, 20, 33, 60, 80, 100, 200, usize::MAX] {
            for options in all_options(width) {
                all &= same(p, &options);
            }
        }
        taken += usize::from(all);
    }
    // Its lines that are not taken hold a character the fast path leaves alone.
    assert!(
        taken * 10 >= paragraphs.len() * 9,
        "{taken} of {}",
        paragraphs.len()
    );
}

/// The lines of Unicode's BidiCharacterTest.txt that the fast path takes: it must lay
/// them out as the general path does (which passes the whole file), so the file's
/// verdicts hold for the fast path too. Enough of them must be taken for that to mean
/// something.
#[test]
fn bidi_character_test_lines_come_out_the_same() {
    let Some(data) = crate::oracle::unicode_file(
        "bidi_character_test_lines_come_out_the_same",
        "BidiCharacterTest.txt",
    ) else {
        return;
    };
    let (mut lines, mut taken) = (0, 0);
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split(';').collect();
        let Some(text) = fields.first().and_then(|f| {
            f.split_whitespace()
                .map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32))
                .collect::<Option<String>>()
        }) else {
            continue;
        };
        let direction = match fields.get(1) {
            Some(&"0") => BaseDirection::Ltr,
            Some(&"1") => BaseDirection::Rtl,
            _ => BaseDirection::Auto,
        };
        let options = LayoutOptions {
            width: usize::MAX,
            direction,
            ..LayoutOptions::default()
        };
        lines += 1;
        taken += usize::from(same(&text, &options));
    }
    eprintln!("BidiCharacterTest: the fast path took {taken} of {lines} lines");
    assert!(lines > 90_000 && taken > 15_000, "{taken} of {lines}");
}

/// The bundled Persian briefing, whose words hold ZWNJ: its paragraphs take the fast path.
#[test]
fn the_persian_sample_takes_the_fast_path_and_comes_out_the_same() {
    let json = include_str!("../../../../../briefings/nikabad-heatwave-power-cuts.json");
    let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
    let mut texts = Vec::new();
    collect_strings(&value, &mut texts);
    let with_zwnj: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.lines())
        .filter(|t| t.contains(ZWNJ))
        .collect();
    assert!(with_zwnj.len() >= 10, "{} paragraphs", with_zwnj.len());
    let mut taken = 0;
    for p in &with_zwnj {
        let mut all = true;
        for width in [1, 7, 20, 60, 100] {
            for options in all_options(width) {
                all &= same(p, &options);
            }
        }
        taken += usize::from(all);
    }
    assert!(
        taken * 10 >= with_zwnj.len() * 9,
        "{taken} of {}",
        with_zwnj.len()
    );
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}
