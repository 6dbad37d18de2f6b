//! The reader on the broken files: the folder listed, files changing under it (opening
//! reads the file, so a change shows), a broken file named on the command line.

use std::time::Duration;

use crate::folder::{hostile_folder, mkfifo};
use crate::support::find_bytes;
use crate::support_hostile::{
    Allow, Pty, TIMEOUT, assert_layout_holds, assert_whole_run_clean, audit, launch_brief,
};
use crate::{BAD, ERROR_STATUS, GOOD, s};

/// Reads the reader's "N briefings, M errors" count off the screen.
fn library_counts(screen: &str) -> Option<(usize, usize)> {
    let at = screen.find(" briefing")?;
    let before = &screen[..at];
    let n: usize = before
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    let after = &screen[at..];
    let comma = after.find(", ")?;
    let rest = &after[comma + 2..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    Some((n, digits.parse().ok()?))
}

#[test]
fn reader_lists_good_and_bad_side_by_side_and_survives_files_changing() {
    let dir = hostile_folder();
    let mut pty = launch_brief(&[s(dir.path())]).size(160, 50).start();
    assert!(
        pty.wait_until(TIMEOUT, |s| GOOD.iter().all(|g| s.contents().contains(g))),
        "the good briefings are not all listed\n{}",
        pty.contents()
    );
    pty.settle();
    let rows = assert_listed_with_counts(&pty);

    // While it runs: one good file deleted, one rewritten as garbage, one made a FIFO.
    std::fs::remove_file(dir.path().join("four.json")).expect("delete");
    std::fs::write(dir.path().join("three.json"), b"\x1b]0;PWNED\x07 not json").expect("rewrite");
    std::fs::remove_file(dir.path().join("two.json")).expect("delete");
    mkfifo(&dir.path().join("two.json"));

    // Walk the whole list, opening every entry and going back, then page through.
    for _ in 0..rows {
        pty.type_keys(b"\r");
        pty.type_keys(b"\x1b");
        pty.type_keys(b"j");
    }
    pty.type_keys(b"g\r]]]]]]\x1b");
    pty.settle();
    pty.assert_running("while files changed");
    assert!(
        pty.wait_until(TIMEOUT, |s| s.contents().contains("GOOD BRIEFING ONE")),
        "{}",
        pty.contents()
    );
    // Opening a briefing reads its file: the one left alone opens with its body; the ones
    // rewritten as garbage or replaced by a FIFO do not open, and are listed as errors
    // from then on (or already, once the folder watcher has seen them); the deleted one
    // leaves the library.
    open_filtered(&mut pty, GOOD[0]);
    let changed = [("two.json", GOOD[1]), ("three.json", GOOD[2])];
    for (file, headline) in changed {
        fails_to_open(&mut pty, file, headline);
    }
    leaves_the_library(&mut pty, "four.json", GOOD[3]);
    let (briefings, _) = library_counts(&pty.contents()).unwrap_or_default();
    assert_eq!(
        briefings,
        2,
        "GOOD BRIEFING ONE and the seed\n{}",
        pty.contents()
    );
    let found = audit(&pty.raw(), Allow::default());
    assert!(found.is_empty(), "{found:#?}");
    assert!(
        pty.recorder().attacks_seen().is_empty(),
        "{:?}",
        pty.recorder().attacks_seen()
    );
    let status = pty.quit();
    assert!(status.success(), "{status:?}\n{}", pty.contents());
}

/// The library lists every good briefing and the seed, counts at least one error for each
/// broken file and marks them, its borders straight. How many rows it has.
fn assert_listed_with_counts(pty: &Pty) -> usize {
    let screen = pty.contents();
    let (briefings, errors) = library_counts(&screen)
        .unwrap_or_else(|| panic!("no 'N briefings, M errors' count\n{screen}"));
    assert_eq!(briefings, 5, "four good briefings and the seed\n{screen}");
    assert!(
        errors >= BAD.len(),
        "{errors} errors shown, {} bad files\n{screen}",
        BAD.len()
    );
    assert!(
        screen.contains("ERROR"),
        "broken files are not marked\n{screen}"
    );
    pty.with_screen(|s| assert_layout_holds(s, "library"));
    briefings + errors
}

/// From the library: filters it down to `headline`, opens the briefing, checks that its
/// body is on screen, and goes back to the whole library.
fn open_filtered(pty: &mut Pty, headline: &str) {
    let body = format!("The body of {headline}.");
    search_one(pty, headline);
    pty.type_keys(b"\r");
    assert!(
        pty.wait_until(TIMEOUT, |s| {
            let screen = s.contents();
            screen.contains("1 Headline") && screen.contains(&body)
        }),
        "{headline} does not open with its body\n{}",
        pty.contents()
    );
    // The briefing search (set to the first word searched for) cleared, back to the
    // library, then the search cleared (one Esc at a time: two in one read are taken as one
    // key).
    pty.type_keys(b"\x1b");
    pty.settle();
    pty.type_keys(b"\x1b");
    assert!(
        pty.wait_until(TIMEOUT, |s| !s.contents().contains("1 Headline")),
        "not back to the library after {headline}\n{}",
        pty.contents()
    );
    pty.settle();
    clear_filter(pty, headline);
}

/// From the library: filters it down to `file` and opens it. The file changed since it was
/// listed and no longer loads: the library stays, and lists it as an error, not by
/// `headline`. Then the filter is cleared.
fn fails_to_open(pty: &mut Pty, file: &str, headline: &str) {
    search_one(pty, file);
    pty.type_keys(b"\r");
    assert!(
        pty.wait_until(TIMEOUT, |s| {
            let screen = s.contents();
            let listed = screen
                .lines()
                .any(|l| l.contains("ERROR") && l.contains(file));
            listed && !screen.contains(headline) && !screen.contains("1 Headline")
        }),
        "{file} is not listed as an error after it failed to open\n{}",
        pty.contents()
    );
    pty.settle();
    clear_filter(pty, file);
}

/// From the library: `file` was deleted, so searching for it finds nothing once the
/// folder watcher has taken it out. Then the filter is cleared.
fn leaves_the_library(pty: &mut Pty, file: &str, headline: &str) {
    pty.type_keys(b"/");
    pty.type_keys(file.as_bytes());
    pty.type_keys(b"\r");
    assert!(
        pty.wait_until(TIMEOUT, |s| {
            let screen = s.contents();
            screen.contains(" 0 shown of ") && !screen.contains(headline)
        }),
        "{file} was deleted but is still listed\n{}",
        pty.contents()
    );
    pty.settle();
    clear_filter(pty, file);
}

/// Esc clears the library's filter, after `what` was searched for.
fn clear_filter(pty: &mut Pty, what: &str) {
    pty.type_keys(b"\x1b");
    assert!(
        pty.wait_until(TIMEOUT, |s| !s.contents().contains(" shown of ")),
        "the filter is not cleared after {what}\n{}",
        pty.contents()
    );
    pty.settle();
}

/// Searches the library for `query` and waits for the one entry it finds: the search runs
/// on a worker, so its results come after the keys.
fn search_one(pty: &mut Pty, query: &str) {
    pty.type_keys(b"/");
    pty.type_keys(query.as_bytes());
    pty.type_keys(b"\r");
    assert!(
        pty.wait_until(TIMEOUT, |s| s.contents().contains(" 1 shown of ")),
        "searching for {query} does not find one entry\n{}",
        pty.contents()
    );
    pty.settle();
}

#[test]
fn a_broken_file_opened_directly_in_the_reader() {
    let dir = hostile_folder();
    for bad in ["fifo.json", "zero.json", "binary.json", "loop-a.json"] {
        let path = dir.path().join(bad);
        let mut pty = launch_brief(&[s(&path)]).size(100, 30).start();
        // Either the reader shows the error, or brief says so and exits: never a hang.
        let answered = pty.wait_until(Duration::from_secs(20), |s| {
            let c = s.contents();
            c.contains("rror") || c.contains(bad)
        });
        // Refused before the reader started (no alternate screen was entered), brief is
        // exiting: wait for it, rather than catch it between its message and its exit.
        let refused = find_bytes(&pty.raw(), b"\x1b[?1049h").is_none();
        let exited = match pty.try_wait() {
            None if answered && refused => pty.wait_exit().ok(),
            exited => exited,
        };
        assert!(
            answered || exited.is_some(),
            "{bad}: no answer\n{}",
            pty.contents()
        );
        match exited {
            // brief refuses the path itself (a symlink loop does not exist): its error
            // status, from an exit, not a signal (a crash) nor a panic's 101.
            Some(status) => assert!(
                status.signal().is_none() && status.exit_code() == ERROR_STATUS,
                "{bad}: ended by {status}, not brief's error exit {ERROR_STATUS}\n{}",
                pty.contents()
            ),
            None => {
                let status = pty.quit();
                assert!(status.success(), "{bad}: {status:?}");
            }
        }
        assert_whole_run_clean(&pty.raw(), bad);
    }
}
