//! Many processes on one state: eight `brief mark` processes, each marking the same 500
//! briefings as a different person, one transaction per mark. Every mark must be there.

mod state_common;

use std::process::Stdio;

use state_common::{Home, briefing_in, key_of, open, text};

const PROCESSES: usize = 8;
const BRIEFINGS: usize = 500;

#[test]
fn eight_processes_of_500_marks_lose_none() {
    let home = Home::new();
    let dir = home.path("briefings");
    let files: Vec<_> = (0..BRIEFINGS)
        .map(|i| briefing_in(&dir, &format!("b{i:03}"), &format!("id-{i:03}")))
        .collect();
    let state_path = home.path("shared/state.db");
    let children: Vec<_> = (0..PROCESSES)
        .map(|p| {
            home.brief(&format!("person{p}"))
                .arg("mark")
                .arg("--flagged")
                .args(&files)
                .env("BRIEF_STATE", &state_path)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot run brief: {e}"))
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_eq!(text(&out.stdout).lines().count(), BRIEFINGS);
    }
    let conn = rusqlite::Connection::open(&state_path).unwrap_or_else(|e| panic!("{e}"));
    let count = |sql: &str| -> i64 {
        conn.query_row(sql, [], |row| row.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    };
    assert_eq!(
        count("SELECT count(*) FROM marks WHERE kind = 'flagged'"),
        4000
    );
    assert_eq!(
        count("SELECT count(*) FROM marks WHERE kind = 'read'"),
        4000
    );
    assert_eq!(
        count("SELECT count(*) FROM briefings"),
        500,
        "one row per briefing, however many processes added it at once"
    );
    let state = open(&state_path);
    let table = state.all_marks().unwrap_or_else(|e| panic!("{e}"));
    for (i, file) in files.iter().enumerate() {
        let key = key_of(file, &format!("id-{i:03}"));
        let marks = table
            .get(&key)
            .unwrap_or_else(|| panic!("{key:?} has no marks"));
        assert_eq!(marks.flagged.len(), PROCESSES, "{key:?}");
    }
}
