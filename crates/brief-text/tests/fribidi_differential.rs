//! Differential test against GNU FriBidi on real right-to-left text: translators' lines
//! from the gettext catalogues on the machine (read at test time) and the seed article.
//! Each line laid out unwrapped must equal `fribidi --nobreak --clean --nopad`, shaped,
//! and unshaped (FriBidi's presentation forms mapped back to letters with
//! UnicodeData.txt's decompositions): once with the paragraph direction each side
//! chooses itself, once with FriBidi given the direction the engine chose.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

#[path = "support/fribidi.rs"]
mod fribidi;
#[path = "support/mo.rs"]
mod mo;
mod support;
#[path = "support/unshape.rs"]
mod unshape;

use std::collections::{BTreeSet, HashMap};

use brief_text::{BaseDirection, LayoutOptions, first_strong, layout, sanitize};
use unicode_bidi::{BidiClass, bidi_class};

const TEST: &str = "fribidi differential";
const LANGS: [&str; 4] = ["ar", "fa", "he", "ur"];

/// Distinct lines with a right-to-left letter in the catalogues `.ci/run` installs
/// (iso-codes, libglib2.0-data), measured on Debian 12: 4,264. Other packages add more
/// where they are installed (13,434 lines from 84 catalogues on the development machine).
const LINES_FROM_CI_CATALOGUES: usize = 4_264;

struct Corpus {
    lines: Vec<String>,
    catalogues: usize,
    /// How many of `lines` come from catalogues that `.ci/run` installs.
    from_ci_catalogues: usize,
}

fn installed_by_ci(catalogue: &std::path::Path) -> bool {
    catalogue.file_name().is_some_and(|name| {
        let name = name.to_string_lossy();
        name.starts_with("iso_") || name == "glib20.mo"
    })
}

fn corpus() -> Corpus {
    let (mut lines, mut from_ci) = (BTreeSet::new(), BTreeSet::new());
    let mut catalogues = 0;
    let rtl_lines = |text: &str| -> Vec<String> {
        let sanitized = sanitize(text).text;
        let lines = sanitized.lines().filter(|l| has_rtl_letter(l));
        lines.map(str::to_string).collect()
    };
    for lang in LANGS {
        let dir = format!("/usr/share/locale/{lang}/LC_MESSAGES");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
            if path.extension().is_none_or(|e| e != "mo") {
                continue;
            }
            catalogues += 1;
            let bytes = std::fs::read(&path).expect("readable .mo file");
            let messages = mo::mo_messages(&bytes).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            for line in messages.iter().flat_map(|m| rtl_lines(m)) {
                if installed_by_ci(&path) {
                    from_ci.insert(line.clone());
                }
                lines.insert(line);
            }
        }
    }
    lines.extend(rtl_lines(include_str!(
        "../../../tests/data/seed-article.txt"
    )));
    Corpus {
        lines: lines.into_iter().collect(),
        catalogues,
        from_ci_catalogues: from_ci.len(),
    }
}

/// The corpus and FriBidi's unshaping map, or `None` after a loud skip. Asserts that the
/// corpus holds about as many lines as the catalogues `.ci/run` installs give.
fn corpus_and_unshape_map() -> Option<(Corpus, HashMap<char, Vec<char>>)> {
    let map = unshape::unshape_map(&support::unicode_file(TEST, "UnicodeData.txt")?);
    let corpus = corpus();
    if corpus.catalogues == 0 {
        support::missing(
            TEST,
            "RTL gettext catalogues in /usr/share/locale/{ar,fa,he,ur} (Debian iso-codes)",
        );
        return None;
    }
    // 90%: a newer iso-codes may drop or merge a few translations.
    assert!(
        corpus.from_ci_catalogues * 10 >= LINES_FROM_CI_CATALOGUES * 9,
        "only {} lines from iso-codes and glib20 (expected about {LINES_FROM_CI_CATALOGUES}): \
         is a catalogue missing, or are lines lost on the way?",
        corpus.from_ci_catalogues
    );
    Some((corpus, map))
}

/// The direction the engine lays a line out in (as `resolve_direction` with no fallback).
fn direction(line: &str) -> BaseDirection {
    first_strong(line).unwrap_or(BaseDirection::Ltr)
}

/// FriBidi's `--clean` drops these; the engine hides the marks too but keeps joiners
/// (zero-width, and they matter to emoji). ALM: the engine hides it, FriBidi keeps it.
fn comparable(s: &str) -> String {
    use BidiClass::*;
    s.chars()
        .filter(|&c| {
            !matches!(
                bidi_class(c),
                BN | LRE | RLE | LRO | RLO | PDF | LRI | RLI | FSI | PDI
            ) && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
        })
        .collect()
}

/// The engine's line, comparable with FriBidi's, and whether it was laid out RTL.
fn ours(line: &str, direction: BaseDirection, shaping: bool) -> (String, bool) {
    let options = LayoutOptions {
        direction,
        shaping,
        ..LayoutOptions::default()
    };
    let laid = layout(line, &options);
    assert_eq!(laid.len(), 1, "one paragraph, unbounded width: {line}");
    let text: String = laid[0]
        .glyphs()
        .map(|g| {
            // The dotted circle is the engine's base for a lone mark; FriBidi has none.
            let added = !line[g.source.clone()].starts_with('\u{25CC}');
            g.text
                .strip_prefix('\u{25CC}')
                .filter(|_| added)
                .unwrap_or(g.text)
        })
        .collect();
    (comparable(&text), laid[0].rtl)
}

fn code_points(s: &str) -> String {
    s.chars().map(|c| format!("{:04X} ", c as u32)).collect()
}

/// Compares one line shaped and unshaped; mismatches go to `failures`.
struct Comparison<'a> {
    unshape: &'a HashMap<char, Vec<char>>,
    failures: Vec<String>,
    equal: usize,
}

impl Comparison<'_> {
    fn line(&mut self, line: &str, direction: BaseDirection, fribidi: &str) {
        let theirs = comparable(fribidi);
        let theirs_unshaped = unshape::unshape_visual(self.unshape, &theirs);
        for (kind, shaping, expected) in [
            ("shaped", true, &theirs),
            ("unshaped", false, &theirs_unshaped),
        ] {
            let (got, _) = ours(line, direction, shaping);
            if &got == expected {
                self.equal += 1;
            } else {
                self.failures.push(format!(
                    "{kind} mismatch on {line:?}\n  ours:    {got}\n           {}\n  fribidi: {expected}\n           {}",
                    code_points(&got),
                    code_points(expected)
                ));
            }
        }
    }

    fn assert_none_failed(&self) {
        assert!(
            self.failures.is_empty(),
            "{}\n{} mismatches",
            self.failures[..self.failures.len().min(15)].join("\n"),
            self.failures.len()
        );
    }
}

#[test]
fn matches_fribidi_given_the_direction_the_engine_chose() {
    let Some((corpus, unshape)) = corpus_and_unshape_map() else {
        return;
    };
    let (rtl, ltr): (Vec<&str>, Vec<&str>) = corpus
        .lines
        .iter()
        .map(String::as_str)
        .partition(|l| direction(l) == BaseDirection::Rtl);
    let Some(rtl_out) = fribidi::visual(&rtl, &["--rtl"]) else {
        return;
    };
    let Some(ltr_out) = fribidi::visual(&ltr, &["--ltr"]) else {
        return;
    };
    let mut compare = Comparison {
        unshape: &unshape,
        failures: Vec::new(),
        equal: 0,
    };
    for (line, theirs) in rtl.iter().zip(&rtl_out).chain(ltr.iter().zip(&ltr_out)) {
        compare.line(line, direction(line), theirs);
    }
    eprintln!(
        "{TEST}, direction given: {} lines from {} catalogues ({} from iso-codes and glib20) and the seed article ({} RTL, {} LTR); {} equal, {} mismatches",
        corpus.lines.len(),
        corpus.catalogues,
        corpus.from_ci_catalogues,
        rtl.len(),
        ltr.len(),
        compare.equal,
        compare.failures.len()
    );
    compare.assert_none_failed();
    assert_eq!(compare.equal, 2 * corpus.lines.len());
}

/// FriBidi by default takes the first strong character's direction, else LTR (`--wltr`),
/// as the engine's `Auto` does: both choose, and must choose alike.
#[test]
fn matches_fribidi_choosing_the_direction_itself() {
    let Some((corpus, unshape)) = corpus_and_unshape_map() else {
        return;
    };
    let lines: Vec<&str> = corpus.lines.iter().map(String::as_str).collect();
    let Some(out) = fribidi::visual(&lines, &["--basedir"]) else {
        return;
    };
    // With --basedir FriBidi writes each visual line, then "Base direction: L" (or R).
    let mut compare = Comparison {
        unshape: &unshape,
        failures: Vec::new(),
        equal: 0,
    };
    let mut rtl_paragraphs = 0;
    for (line, theirs) in lines.iter().zip(out.chunks(2)) {
        let their_rtl = match theirs[1].as_str() {
            "Base direction: R" => true,
            "Base direction: L" => false,
            other => panic!("unexpected FriBidi output {other:?} after {line:?}"),
        };
        let (_, our_rtl) = ours(line, BaseDirection::Auto, false);
        if our_rtl != their_rtl {
            compare.failures.push(format!(
                "direction on {line:?}: ours rtl={our_rtl}, FriBidi's rtl={their_rtl}"
            ));
        }
        rtl_paragraphs += usize::from(their_rtl);
        compare.line(line, BaseDirection::Auto, &theirs[0]);
    }
    eprintln!(
        "{TEST}, direction chosen by each: {} lines, {rtl_paragraphs} RTL by FriBidi; {} equal, {} mismatches",
        lines.len(),
        compare.equal,
        compare.failures.len()
    );
    compare.assert_none_failed();
    assert_eq!(compare.equal, 2 * lines.len());
}

fn has_rtl_letter(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}
