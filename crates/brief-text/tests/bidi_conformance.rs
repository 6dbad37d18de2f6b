//! Every line of Unicode's BidiCharacterTest.txt through the engine at unbounded width:
//! the visual order of the characters must be the file's.
//!
//! The engine reorders grapheme clusters, not characters (a terminal cell holds a base
//! and its marks), while the file reorders characters. So a glyph at an odd level is
//! expanded into its characters reversed; that is exact whenever all the characters of a
//! cluster share one level.
//!
//! Every case must pass. A failure is reported as MIXED_LEVEL_CLUSTER when it lies in a
//! grapheme cluster whose characters the file gives different levels (e.g. a mark after a
//! space or after a character of another level): the engine keeps a cluster in one cell
//! (rule L3), so it could not split it across runs. None of the file's cases is such.

mod support;

use brief_text::{BaseDirection, BidiMode, LayoutOptions, layout_with_levels};
use unicode_bidi::{BidiClass, bidi_class};

/// The cases in BidiCharacterTest.txt of Unicode 15 (Debian 12's unicode-data); other
/// versions hold about as many.
const CASES_IN_UNICODE_15: usize = 91_707;

struct Case {
    text: String,
    direction: BaseDirection,
    para_level: u8,
    levels: Vec<Option<u8>>,
    order: Vec<usize>,
}

fn parse(line: &str) -> Option<Case> {
    let f: Vec<&str> = line.split(';').collect();
    if f.len() != 5 {
        return None;
    }
    let text = f[0]
        .split_whitespace()
        .map(|h| u32::from_str_radix(h, 16).ok().and_then(char::from_u32))
        .collect::<Option<String>>()?;
    let direction = match f[1] {
        "0" => BaseDirection::Ltr,
        "1" => BaseDirection::Rtl,
        _ => BaseDirection::Auto,
    };
    Some(Case {
        text,
        direction,
        para_level: f[2].parse().ok()?,
        levels: f[3].split_whitespace().map(|l| l.parse().ok()).collect(),
        order: f[4]
            .split_whitespace()
            .map(|i| i.parse().ok())
            .collect::<Option<Vec<usize>>>()?,
    })
}

fn removed_by_x9(c: char) -> bool {
    use BidiClass::*;
    matches!(bidi_class(c), RLE | LRE | RLO | LRO | PDF | BN)
}

enum Outcome {
    Pass,
    Exception,
    Fail(String),
}

fn run(case: &Case) -> Outcome {
    let options = LayoutOptions {
        direction: case.direction,
        shaping: false,
        mode: BidiMode::App,
        ..LayoutOptions::default()
    };
    let lines = layout_with_levels(&case.text, &options);
    let [line] = lines.as_slice() else {
        return Outcome::Fail(format!("{} lines", lines.len()));
    };
    let char_index = |byte: usize| case.text[..byte].chars().count();
    let mut order = Vec::new();
    let mut mixed = false;
    for (glyph, &level) in line.line.glyphs().zip(&line.levels) {
        let start = char_index(glyph.source.start);
        let mut kept: Vec<usize> = case.text[glyph.source.clone()]
            .chars()
            .enumerate()
            .filter(|(_, c)| !removed_by_x9(*c))
            .map(|(k, _)| start + k)
            .collect();
        let expected: Vec<Option<u8>> = kept.iter().map(|&k| case.levels[k]).collect();
        mixed |= expected.windows(2).any(|w| w[0] != w[1]);
        if !mixed && expected.first().is_some_and(|&l| l != Some(level)) {
            return Outcome::Fail(format!("level {level}, expected {:?}", expected[0]));
        }
        if level % 2 == 1 {
            kept.reverse();
        }
        order.extend(kept);
    }
    let rtl = case.para_level == 1;
    if order == case.order && line.line.rtl == rtl {
        Outcome::Pass
    } else if mixed {
        Outcome::Exception
    } else {
        Outcome::Fail(format!("order {order:?} rtl {}", line.line.rtl))
    }
}

#[test]
fn bidi_character_test_visual_order() {
    let Some(data) = support::unicode_file("bidi_character_test", "BidiCharacterTest.txt") else {
        return;
    };
    let (mut pass, mut exceptions, mut failures) = (0, Vec::new(), Vec::new());
    for (n, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let case = parse(line).unwrap_or_else(|| panic!("line {}: unparsable: {line}", n + 1));
        match run(&case) {
            Outcome::Pass => pass += 1,
            Outcome::Exception => exceptions.push(n + 1),
            Outcome::Fail(why) => failures.push(format!("line {}: {line}\n  got {why}", n + 1)),
        }
    }
    let checked = pass + exceptions.len() + failures.len();
    eprintln!(
        "BidiCharacterTest.txt: {checked} cases, {pass} passed, {} MIXED_LEVEL_CLUSTER, {} failed",
        exceptions.len(),
        failures.len()
    );
    // 99%: a complete file of another Unicode version, not a truncated one.
    assert!(
        checked * 100 >= CASES_IN_UNICODE_15 * 99,
        "only {checked} cases in the file: is it complete?"
    );
    assert!(
        exceptions.is_empty(),
        "MIXED_LEVEL_CLUSTER at lines {:?}",
        &exceptions[..exceptions.len().min(20)]
    );
    assert!(
        failures.is_empty(),
        "{}",
        failures[..failures.len().min(20)].join("\n")
    );
}
