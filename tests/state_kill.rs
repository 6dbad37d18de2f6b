//! kill -9 in the middle of marking: the state opens, sound, and holds every mark the
//! process reported committed (it prints a file's line after its transaction commits), and
//! at most one more.

mod state_common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use state_common::{Home, briefing_in, key_of, open};

const FILES: usize = 3000;
/// Lines read before the kill: the process is then well inside its run of writes.
const BEFORE_KILL: usize = 200;

#[test]
fn a_killed_writer_loses_at_most_the_mark_it_was_writing() {
    let home = Home::new();
    let dir = home.path("briefings");
    let files: Vec<_> = (0..FILES)
        .map(|i| briefing_in(&dir, &format!("k{i:04}"), &format!("k-{i:04}")))
        .collect();
    let state_path = home.path("state.db");
    let mut child = home
        .brief("amira")
        .arg("mark")
        .arg("--reviewed")
        .args(&files)
        .env("BRIEF_STATE", &state_path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run brief: {e}"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    let mut lines = BufReader::new(stdout).lines();
    let mut reported = Vec::new();
    for line in lines.by_ref().take(BEFORE_KILL) {
        reported.push(line.unwrap_or_else(|e| panic!("{e}")));
    }
    child.kill().unwrap_or_else(|e| panic!("SIGKILL: {e}"));
    // Lines already in the pipe were committed too.
    reported.extend(lines.map_while(Result::ok));
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        reported.len() < FILES && status.code().is_none(),
        "the process finished before it was killed ({} marks, {status}): raise FILES",
        reported.len()
    );
    let state = open(&state_path);
    let table = state.all_marks().unwrap_or_else(|e| panic!("{e}"));
    for (i, file) in files.iter().enumerate().take(reported.len()) {
        assert!(reported[i].ends_with(": reviewed"), "{}", reported[i]);
        let key = key_of(file, &format!("k-{i:04}"));
        let marks = table.get(&key).unwrap_or_else(|| panic!("{key:?} is lost"));
        assert!(marks.is_reviewed("amira") && marks.is_read("amira"));
    }
    let stored = table.len();
    assert!(
        stored == reported.len() || stored == reported.len() + 1,
        "{stored} stored, {} reported",
        reported.len()
    );
    // The state takes marks again.
    let mut state = state;
    let next = key_of(&files[FILES - 1], &format!("k-{:04}", FILES - 1));
    state
        .mark(&next, brief::briefing::state::Mark::Flagged, "amira")
        .unwrap_or_else(|e| panic!("{e}"));
}
