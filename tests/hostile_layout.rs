//! Bidi spoofing, invisible and confusable text, and text too big to be reasonable, in the
//! real binary in a pseudo-terminal: every spoof stays inside its field and the field is
//! marked; the panes keep their width (borders straight on every row); the reader answers
//! a key within the timeout. The big briefings are generated here, into a tempdir.

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

mod support;
mod support_hostile;

use std::path::Path;
use std::time::Duration;

use serde_json::json;
use support_hostile::{
    Allow, Pty, TIMEOUT, assert_layout_holds, audit, bidi_controls_in, corpus_dir, intact_texts,
    launch_brief, pane_texts, write_json,
};

const COLS: u16 = 200;
const ROWS: u16 = 60;
/// A generated briefing of a megabyte may take a while to lay out in a debug build.
const LOAD_TIMEOUT: Duration = Duration::from_secs(90);

fn open(path: &Path, cols: u16, rows: u16) -> Pty {
    launch_brief(&[path.to_str().expect("utf-8 path")])
        .size(cols, rows)
        .start()
}

fn assert_clean_run(pty: &mut Pty, what: &str) {
    let found = audit(&pty.raw(), Allow::default());
    assert!(
        found.is_empty(),
        "{what}: {:#?}",
        &found[..found.len().min(20)]
    );
    let attacks = pty.recorder().attacks_seen();
    assert!(attacks.is_empty(), "{what}: {attacks:?}");
    let status = pty.quit();
    assert!(
        status.success(),
        "{what}: exit status {status:?}\n{}",
        pty.contents()
    );
}

/// Unbalanced RLO/LRO/RLE/LRE/RLI/LRI/FSI at the end of one field, and stray PDF/PDI: the
/// next field (in the same pane, or joined on the same row) reads in its own order, the
/// pane titles and borders are intact, and every pane holding such a field marks it.
fn bidi_spoof(file: &str) {
    let path = corpus_dir().join(file);
    let mut pty = open(&path, COLS, ROWS);
    let screen = pty.show(
        "NEXT PARAGRAPH INTACT",
        &format!("{file}: the briefing never showed"),
    );
    let reordered: Vec<String> = intact_texts(file)
        .into_iter()
        .filter(|s| !screen.contains(s.as_str()))
        .collect();
    assert!(
        reordered.is_empty(),
        "{file}: a spoof reached into the next field, which no longer reads {reordered:?}\n--- screen ---\n{screen}"
    );
    pty.with_screen(|s| assert_layout_holds(s, file));
    let panes = pty.with_screen(pane_texts);
    for title in ["Headline", "Body", "Quotes", "Points", "Actors"] {
        let Some((shown_title, text)) = panes.iter().find(|(t, _)| t.contains(title)) else {
            panic!(
                "{file}: no pane titled {title}: {:?}\n{screen}",
                panes.iter().map(|p| &p.0).collect::<Vec<_>>()
            );
        };
        assert!(
            text.contains('⚠'),
            "{file}: pane {shown_title:?} shows a field with bidi controls without marking it:\n{text}"
        );
    }
    // The engine has applied the controls; sent on, a terminal that reorders rows would
    // apply them again, across the whole row and into the neighbouring pane.
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    let leaked = bidi_controls_in(&raw);
    assert!(
        leaked.is_empty(),
        "{file}: bidi controls written to the terminal: {leaked:?}"
    );
    assert_clean_run(&mut pty, file);
}

macro_rules! spoof_tests {
    ($($name:ident => $file:literal),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                bidi_spoof($file);
            }
        )*
    };
}

spoof_tests! {
    unbalanced_rlo_stays_in_its_field => "bidi-rlo.json",
    unbalanced_lro_stays_in_its_field => "bidi-lro.json",
    unbalanced_rle_stays_in_its_field => "bidi-rle.json",
    unbalanced_lre_stays_in_its_field => "bidi-lre.json",
    unbalanced_rli_stays_in_its_field => "bidi-rli.json",
    unbalanced_lri_stays_in_its_field => "bidi-lri.json",
    unbalanced_fsi_stays_in_its_field => "bidi-fsi.json",
}

/// Zero-width characters and joiners in a name, a Cyrillic homoglyph of a Latin name, a
/// headline of combining marks only, emoji ZWJ families, flags, skin tones after a letter:
/// the borders stay straight, the three look-alike actors stay three (each quotation is
/// attributed to its own), and the reader answers keys.
#[test]
fn invisible_and_confusable_text() {
    let path = corpus_dir().join("invisible-confusable.json");
    let mut pty = open(&path, COLS, ROWS);
    let screen = pty.show(
        "SAID BY THE HOMOGLYPH",
        "invisible-confusable.json: the briefing never showed",
    );
    pty.with_screen(|s| assert_layout_holds(s, "invisible-confusable.json"));
    // Each role once under its quotation and once in the actors pane: look-alike names are
    // different actors and none is attributed another's quotation.
    for role in ["REAL-ROLE", "HOMOGLYPH-ROLE", "INVISIBLE-ROLE"] {
        assert_eq!(
            screen.matches(role).count(),
            2,
            "{role} should show twice (quotes and actors)\n--- screen ---\n{screen}"
        );
    }
    assert!(screen.contains("VISIBLE TAG"), "{screen}");
    // Responsive: focus the actors pane and move the selection.
    pty.answer(&[b"5", b"j"], "no answer to keys");
    pty.with_screen(|s| assert_layout_holds(s, "invisible-confusable.json after keys"));
    assert_clean_run(&mut pty, "invisible-confusable.json");
}

/// Opens a generated briefing, waits for `first`, sends `keys`, waits for `then`, and
/// checks the layout and the exit.
fn huge(what: &str, path: &Path, first: &str, keys: &[u8], then: &str) {
    let mut pty = open(path, 120, 40);
    assert!(
        pty.wait_until(LOAD_TIMEOUT, |s| s.contents().contains(first)),
        "{what}: never showed {first:?}\n{}",
        pty.contents()
    );
    pty.settle();
    pty.with_screen(|s| assert_layout_holds(s, what));
    pty.type_keys(keys);
    assert!(
        pty.wait_until(TIMEOUT, |s| s.contents().contains(then)),
        "{what}: did not answer {:?} with {then:?} within {TIMEOUT:?}\n{}",
        keys.escape_ascii().to_string(),
        pty.contents()
    );
    pty.settle();
    pty.with_screen(|s| assert_layout_holds(s, &format!("{what} after keys")));
    assert_clean_run(&mut pty, what);
}

#[test]
fn ten_thousand_combining_marks_on_one_base() {
    let dir = tempfile::tempdir().expect("tempdir");
    let marks = "\u{0301}".repeat(10_000);
    let doc = json!({
        "headline": format!("MARKS a{marks} END"),
        "language": "en",
        "body": [format!("BODY b{marks} c{} BODYEND", "\u{064e}".repeat(10_000)), "SECOND PARAGRAPH"],
        "actors": [{"name": format!("x{marks}"), "role": "MARKED-ROLE"}],
    });
    let path = write_json(dir.path(), "marks.json", &doc);
    huge(
        "10,000 combining marks",
        &path,
        "SECOND PARAGRAPH",
        b"5",
        "MARKED-ROLE",
    );
}

#[test]
fn a_one_megabyte_single_word_paragraph() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Arabic letters (two bytes each) with no break opportunity: one word of 1 MiB.
    let word: String = "بسمالله".chars().cycle().take(512 * 1024).collect();
    let doc = json!({
        "headline": "ONE HUGE WORD",
        "language": "ar",
        "body": [format!("WORDSTART{word}WORDEND"), "AFTER THE WORD"],
    });
    let path = write_json(dir.path(), "word.json", &doc);
    assert!(std::fs::metadata(&path).expect("stat").len() > 1024 * 1024);
    // Focus the body and jump to its end.
    huge(
        "1 MB single word",
        &path,
        "ONE HUGE WORD",
        b"2G",
        "AFTER THE WORD",
    );
}

#[test]
fn a_hundred_thousand_bullets() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bullets: Vec<String> = (0..100_000).map(|n| format!("bullet {n}")).collect();
    let doc = json!({
        "headline": "MANY BULLETS",
        "language": "en",
        "body": [{"lead": "THE LEAD", "bullets": bullets}],
    });
    let path = write_json(dir.path(), "bullets.json", &doc);
    huge(
        "100,000 bullets",
        &path,
        "MANY BULLETS",
        b"2G",
        "bullet 99999",
    );
}

/// `y` copies «quotation» — speaker, role…: an override left open inside the quotation
/// would reverse the attribution wherever the copy is pasted (spoofing who said it). Every
/// override, embedding or isolate opened inside «…» must be closed by the `»`.
#[test]
fn copying_a_spoofed_quotation_keeps_the_spoof_inside_it() {
    use base64::Engine;
    let mut failures = Vec::new();
    for file in [
        "bidi-rlo.json",
        "bidi-rle.json",
        "bidi-rli.json",
        "bidi-lro.json",
    ] {
        let path = corpus_dir().join(file);
        let mut pty = open(&path, COLS, ROWS);
        assert!(pty.wait_text("QUOTE INTACT"), "{file}\n{}", pty.contents());
        pty.type_keys(b"3");
        pty.settle();
        pty.type_keys(b"y");
        let copied =
            support_hostile::wait_until(TIMEOUT, || !pty.recorder().clipboard_writes.is_empty());
        assert!(copied, "{file}: y wrote no OSC 52");
        let (_, data) = pty.recorder().clipboard_writes[0].clone();
        let text = String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(&data)
                .expect("base64"),
        )
        .expect("utf-8");
        let quote_end = text.find('»').expect("the copy has a closing »");
        let (mut embeddings, mut isolates) = (0i32, 0i32);
        for c in text[..quote_end].chars() {
            match c {
                '\u{202a}'..='\u{202e}' if c != '\u{202c}' => embeddings += 1,
                '\u{202c}' => embeddings = (embeddings - 1).max(0),
                '\u{2066}'..='\u{2068}' => isolates += 1,
                '\u{2069}' => {
                    isolates = (isolates - 1).max(0);
                    embeddings = 0;
                }
                _ => {}
            }
        }
        if embeddings + isolates > 0 {
            failures.push(format!(
                "{file}: {embeddings} embedding/override and {isolates} isolate left open at the », the attribution after it is reordered: {:?}",
                text
            ));
        }
        assert!(pty.quit().success());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Wide and odd graphemes in narrow panes: a letter with four skin-tone modifiers measures
/// 9 cells, a ZWJ family 2 (8 where a terminal draws its parts), flags 2 each. At every
/// size from the smallest multi-pane layouts to one pane at a time, no row pushes a
/// border out of its column.
#[test]
fn odd_graphemes_at_every_small_size() {
    let path = corpus_dir().join("invisible-confusable.json");
    let mut pty = open(&path, 80, 24);
    assert!(pty.wait_text("Quotes"), "{}", pty.contents());
    let mut broken = Vec::new();
    let sizes = [
        (20, 5),
        (21, 6),
        (24, 8),
        (30, 10),
        (41, 12),
        (60, 20),
        (79, 23),
        (80, 24),
        (121, 33),
    ];
    for (cols, rows) in sizes {
        pty.resize_and_redraw(cols, rows);
        // Each pane in turn (where one pane shows at a time, each gets the screen).
        for tab in 0..6 {
            if tab > 0 {
                pty.type_keys(b"\t");
                pty.settle();
            }
            let (faults, screen) =
                pty.with_screen(|s| (support_hostile::boxes_and_faults(s).1, s.contents()));
            if !faults.is_empty() {
                broken.push(format!(
                    "at {cols}×{rows} after {tab} Tab: {faults:#?}\n{screen}"
                ));
                continue;
            }
            // What was drawn cell by cell must equal a whole redraw (forced by a resize
            // away and back): a grapheme the terminal draws wider than brief measured
            // leaves stale cells behind that only a whole redraw clears.
            pty.resize_and_redraw(cols, rows + 1);
            pty.resize_and_redraw(cols, rows);
            let redrawn = pty.contents();
            if redrawn != screen {
                broken.push(format!(
                    "at {cols}×{rows} after {tab} Tab: stale cells, the screen differs from a whole redraw\n--- drawn ---\n{screen}\n--- redrawn ---\n{redrawn}"
                ));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} broken screens:\n{}",
        broken.len(),
        broken.join("\n")
    );
    assert_clean_run(&mut pty, "invisible-confusable.json at small sizes");
}
