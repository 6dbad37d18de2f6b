//! The whole corpus as one folder in the library, every row opened and closed.

use crate::support_hostile::{Allow, Pty, TIMEOUT, assert_layout_holds, corpus_dir, launch_brief};
use crate::{COLS, ROWS, assert_no_controls_on_screen, assert_raw_clean};

/// A briefing is open: its headline pane's title.
const BRIEFING_SHOWN: &str = "1 Headline";

/// What Enter on a file that failed to load says.
const FAILED_FILE: &str = "this file failed to load";

/// The start of the first error of echoed-values.json, the corpus's one failed file.
const ECHOED_ERROR: &str = "expected a BCP 47 language tag";

/// The whole corpus as one folder: every row of the library selected in turn (a failed
/// file shows its full error, which quotes hostile values), every briefing opened and
/// closed, in both bidi modes: nothing reaches the terminal, the borders hold.
#[test]
fn the_whole_corpus_in_the_library() {
    let dir = corpus_dir();
    for mode in ["app", "terminal"] {
        let mut pty = launch_brief(&[dir.to_str().expect("utf-8 path"), "--bidi", mode])
            .size(COLS, ROWS)
            .start();
        assert!(
            pty.wait_until(TIMEOUT, |s| s.contents().contains("Library")),
            "{}",
            pty.contents()
        );
        pty.settle();
        let files = std::fs::read_dir(&dir)
            .expect("read corpus")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))
            })
            .count();
        let (mut opened, mut failed) = (0, 0);
        for row in 0..files {
            if open_row_and_go_back(&mut pty, mode, row) {
                opened += 1;
            } else {
                failed += 1;
            }
        }
        // One file of the corpus (echoed-values.json) fails validation; the rest open.
        assert_eq!(
            (opened, failed),
            (files - 1, 1),
            "--bidi {mode}: briefings opened, failed files shown"
        );
        assert_no_controls_on_screen(&pty, "the corpus library");
        assert_raw_clean(
            &pty,
            &format!("the corpus library, --bidi {mode}"),
            Allow::default(),
        );
        assert!(pty.quit().success());
    }
}

/// Enter on the selected row, the borders checked, Esc back to the library and `j` to the
/// next row. Whether the row opened a briefing (else it showed the failed file's error).
fn open_row_and_go_back(pty: &mut Pty, mode: &str, row: usize) -> bool {
    pty.type_keys(b"\r");
    let what = format!("--bidi {mode}: row {row} opened");
    assert!(
        pty.wait_until(TIMEOUT, |s| {
            let screen = s.contents();
            screen.contains(BRIEFING_SHOWN) || screen.contains(FAILED_FILE)
        }),
        "{what}: neither a briefing nor a failed file's notice\n{}",
        pty.contents()
    );
    pty.settle();
    let screen = pty.contents();
    let opened = screen.contains(BRIEFING_SHOWN);
    if !opened {
        assert!(
            screen.contains(ECHOED_ERROR),
            "{what}: the failed file's error is not shown\n{screen}"
        );
    }
    pty.with_screen(|s| assert_layout_holds(s, &what));
    pty.type_keys(b"\x1b");
    assert!(
        pty.wait_until(TIMEOUT, |s| !s.contents().contains(BRIEFING_SHOWN)),
        "{what}: Esc did not go back to the library\n{}",
        pty.contents()
    );
    pty.type_keys(b"j");
    pty.settle();
    pty.with_screen(|s| assert_layout_holds(s, &format!("--bidi {mode}: row {row} selected")));
    opened
}
