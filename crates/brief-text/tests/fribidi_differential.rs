//! Differential test against GNU FriBidi on real right-to-left text: translators' lines
//! from the gettext catalogues on the machine (read at test time) and the seed article.
//! Each line laid out unwrapped must equal `fribidi --nobreak --clean --nopad --rtl|--ltr`,
//! shaped, and unshaped (FriBidi's presentation forms mapped back to letters with
//! UnicodeData.txt's decompositions).

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::collections::{BTreeSet, HashMap};
use std::io::Write;
use std::process::{Command, Stdio};

use brief_text::{BaseDirection, LayoutOptions, first_strong, layout, sanitize};
use unicode_bidi::{BidiClass, bidi_class};

const LANGS: [&str; 4] = ["ar", "fa", "he", "ur"];

/// The lines, and how many catalogues they came from.
fn corpus() -> (Vec<String>, usize) {
    let mut catalogues = 0;
    let mut lines = BTreeSet::new();
    let mut add = |text: &str| {
        for line in sanitize(text).text.lines() {
            if has_rtl_letter(line) {
                lines.insert(line.to_string());
            }
        }
    };
    for lang in LANGS {
        let dir = format!("/usr/share/locale/{lang}/LC_MESSAGES");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
            if path.extension().is_some_and(|e| e == "mo") {
                catalogues += 1;
                let bytes = std::fs::read(&path).expect("readable .mo file");
                for msg in mo_messages(&bytes).unwrap_or_else(|e| panic!("{path:?}: {e}")) {
                    add(&msg);
                }
            }
        }
    }
    add(include_str!("../../../tests/data/seed-article.txt"));
    (lines.into_iter().collect(), catalogues)
}

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

fn ours(line: &str, shaping: bool) -> String {
    let options = LayoutOptions {
        direction: direction(line),
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
    comparable(&text)
}

fn code_points(s: &str) -> String {
    s.chars().map(|c| format!("{:04X} ", c as u32)).collect()
}

#[test]
fn matches_fribidi_shaped_and_unshaped() {
    let Some(unshape) = unshape_map() else { return };
    let unshape = |s: &str| unshape_visual(&unshape, s);
    let (lines, catalogues) = corpus();
    if catalogues == 0 {
        return missing(
            "RTL gettext catalogues in /usr/share/locale/{ar,fa,he,ur} (Debian iso-codes)",
        );
    }
    let (rtl, ltr): (Vec<&str>, Vec<&str>) = lines
        .iter()
        .map(String::as_str)
        .partition(|l| direction(l) == BaseDirection::Rtl);
    let Some(rtl_out) = fribidi(&rtl, "--rtl") else {
        return;
    };
    let Some(ltr_out) = fribidi(&ltr, "--ltr") else {
        return;
    };
    let mut failures = Vec::new();
    let (mut shaped, mut unshaped) = (0, 0);
    for (line, theirs) in rtl.iter().zip(&rtl_out).chain(ltr.iter().zip(&ltr_out)) {
        let theirs = comparable(theirs);
        let (ours_shaped, ours_unshaped) = (ours(line, true), ours(line, false));
        let theirs_unshaped = unshape(&theirs);
        for (kind, a, b, n) in [
            ("shaped", &ours_shaped, &theirs, &mut shaped),
            ("unshaped", &ours_unshaped, &theirs_unshaped, &mut unshaped),
        ] {
            if a == b {
                *n += 1;
            } else {
                failures.push(format!(
                    "{kind} mismatch on {line:?}\n  ours:    {a}\n           {}\n  fribidi: {b}\n           {}",
                    code_points(a),
                    code_points(b)
                ));
            }
        }
    }
    eprintln!(
        "fribidi differential: {} lines from {catalogues} catalogues and the seed article ({} RTL, {} LTR base); equal shaped {shaped}, unshaped {unshaped}; {} mismatches",
        lines.len(),
        rtl.len(),
        ltr.len(),
        failures.len()
    );
    assert!(
        lines.len() >= 300,
        "only {} real RTL lines found",
        lines.len()
    );
    assert!(
        failures.is_empty(),
        "{}\n{} mismatches",
        failures[..failures.len().min(15)].join("\n"),
        failures.len()
    );
}

fn has_rtl_letter(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// A missing oracle is a loud skip on a developer machine and a failure in CI.
fn missing(what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{what} is missing in CI: .ci/run installs it");
    }
    // Straight to stderr: eprintln! is captured, and shown only if the test fails.
    let why = format!("SKIPPED fribidi differential: {what} is missing\n");
    let _ = std::io::Write::write_all(&mut std::io::stderr(), why.as_bytes());
}

/// One FriBidi process for all lines: it reads one paragraph per input line.
fn fribidi(lines: &[&str], direction: &str) -> Option<Vec<String>> {
    let args = ["--nobreak", "--clean", "--nopad", direction];
    let child = Command::new("fribidi")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        missing("fribidi (Debian libfribidi-bin)");
        return None;
    };
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let mut stdin = child.stdin.take().expect("piped stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("fribidi runs");
    writer
        .join()
        .expect("writer thread")
        .expect("write to fribidi");
    assert!(out.status.success(), "fribidi {args:?} failed");
    let text = String::from_utf8(out.stdout).expect("fribidi writes UTF-8");
    let result: Vec<String> = text.lines().map(str::to_string).collect();
    assert_eq!(result.len(), lines.len(), "fribidi gave one line per line");
    Some(result)
}

/// Presentation form -> the letters it stands for, from UnicodeData.txt's
/// <isolated>/<initial>/<medial>/<final> decompositions (an independent source).
fn unshape_map() -> Option<HashMap<char, Vec<char>>> {
    const FILE: &str = "/usr/share/unicode/UnicodeData.txt";
    let Ok(data) = std::fs::read_to_string(FILE) else {
        missing(FILE);
        return None;
    };
    let hex = |h: &str| u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
    let mut map = HashMap::new();
    for line in data.lines() {
        let f: Vec<&str> = line.split(';').collect();
        let Some(decomposition) = f.get(5) else {
            continue;
        };
        let mut parts = decomposition.split_whitespace();
        if !matches!(
            parts.next(),
            Some("<isolated>" | "<initial>" | "<medial>" | "<final>")
        ) {
            continue;
        }
        let letters: Option<Vec<char>> = parts.map(hex).collect();
        if let (Some(form), Some(letters)) = (hex(f[0]), letters) {
            map.insert(form, letters);
        }
    }
    assert!(
        map.len() > 500,
        "UnicodeData.txt has too few presentation forms"
    );
    Some(map)
}

/// In visual order a two-letter ligature (lam-alef) stands for its letters reversed:
/// FriBidi only forms it at right-to-left levels. Marks after the ligature cell belong to
/// its alef, so they go right after the alef.
fn unshape_visual(map: &HashMap<char, Vec<char>>, s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match map.get(&c).map(Vec::as_slice) {
            Some([lam, alef]) => {
                out.push(*alef);
                while let Some(m) = chars.next_if(|&m| bidi_class(m) == BidiClass::NSM) {
                    out.push(m);
                }
                out.push(*lam);
            }
            Some(letters) => out.extend(letters),
            None => out.push(c),
        }
    }
    out
}

/// The translated strings of a GNU gettext .mo catalogue; plural forms split apart.
fn mo_messages(bytes: &[u8]) -> Result<Vec<String>, String> {
    let word = |at: usize, little: bool| -> Result<usize, String> {
        let b: [u8; 4] = bytes
            .get(at..at + 4)
            .and_then(|s| s.try_into().ok())
            .ok_or(format!("truncated at {at}"))?;
        Ok(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        } as usize)
    };
    let little = match word(0, true)? {
        0x9504_12de => true,
        0xde12_0495 => false,
        m => return Err(format!("bad magic {m:x}")),
    };
    let (count, originals, translations) = (word(8, little)?, word(12, little)?, word(16, little)?);
    let mut messages = Vec::new();
    for i in 0..count {
        // The entry with an empty msgid is the catalogue's header, not a message.
        if word(originals + 8 * i, little)? == 0 {
            continue;
        }
        let (len, at) = (
            word(translations + 8 * i, little)?,
            word(translations + 8 * i + 4, little)?,
        );
        let raw = bytes
            .get(at..at + len)
            .ok_or(format!("string {i} out of bounds"))?;
        let text = String::from_utf8_lossy(raw);
        messages.extend(
            text.split('\0')
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
    }
    Ok(messages)
}

#[test]
fn mo_parser_reads_a_handmade_catalogue() {
    // Header entry "" -> "h", then "a" -> "x\0y" (two plural forms).
    let strings: [&[u8]; 4] = [b"", b"a", b"h", b"x\0y"];
    let mut mo = Vec::new();
    for w in [0x9504_12de_u32, 0, 2, 28, 44, 0, 0] {
        mo.extend(w.to_le_bytes());
    }
    let mut at = 60;
    for (i, s) in strings.iter().enumerate() {
        if i == 2 {
            assert_eq!(mo.len(), 44);
        }
        mo.extend((s.len() as u32).to_le_bytes());
        mo.extend((at as u32).to_le_bytes());
        at += s.len() + 1;
    }
    for s in strings {
        mo.extend(s);
        mo.push(0);
    }
    assert_eq!(mo_messages(&mo), Ok(vec!["x".to_string(), "y".to_string()]));
    assert!(mo_messages(b"nonsense").is_err());
}
