//! `brief index` and `brief search` through the binary: what they print, their exit codes,
//! the JSON's shape, hostile text neutralised, a damaged index rebuilt, and two processes on
//! one index at once. HOME and XDG_* point into each test's sandbox.

mod index_common;

use std::process::Command;

use index_common::{Sandbox, brief, briefing, fill, hits_in, library, text};
use serde_json::{Value, json};

#[test]
fn index_builds_in_the_cache_then_finds_nothing_to_do() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 5);
    let first = brief(&sandbox, &["index", &library(&sandbox)]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let out = text(&first.stdout);
    assert!(
        out.contains("5 added, 0 changed, 0 removed, 0 unchanged, 0 failed"),
        "{out}"
    );
    let cached: Vec<_> = std::fs::read_dir(sandbox.cache().join("brief"))
        .unwrap_or_else(|e| panic!("no index in the cache: {e}"))
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().ends_with(".sqlite"))
        .collect();
    assert_eq!(cached.len(), 1);
    // A pipe gets plain progress lines, no bar.
    assert!(
        text(&first.stderr).contains("indexed 5 of 5 files"),
        "{}",
        text(&first.stderr)
    );
    let again = brief(&sandbox, &["index", &library(&sandbox)]);
    assert!(text(&again.stdout).contains("0 added, 0 changed, 0 removed, 5 unchanged"));
}

#[test]
fn search_prints_json_of_the_promised_shape_and_exits_by_what_it_found() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 4);
    sandbox.write(
        "special.json",
        &briefing(77, "Desalination plant opens", "water"),
    );
    let found = brief(
        &sandbox,
        &[
            "search",
            &library(&sandbox),
            "desalination",
            "--format",
            "json",
        ],
    );
    assert_eq!(found.status.code(), Some(0), "{}", text(&found.stderr));
    let hits: Vec<Value> = serde_json::from_slice(&found.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(&found.stdout)));
    assert_eq!(hits.len(), 1);
    let mut keys: Vec<&str> = hits[0]
        .as_object()
        .map(|object| object.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(
        keys,
        ["date", "headline", "id", "language", "path", "snippet"]
    );
    // Written in the documented order.
    let raw = text(&found.stdout);
    let at = |key: &str| raw.find(&format!("\"{key}\":")).unwrap_or(usize::MAX);
    let order = ["path", "id", "headline", "date", "language", "snippet"].map(at);
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{raw}");
    assert_eq!(hits[0]["id"], "b77");
    assert_eq!(hits[0]["headline"], "Desalination plant opens");
    assert_eq!(hits[0]["language"], "en");
    assert!(
        hits[0]["snippet"]
            .as_str()
            .is_some_and(|s| s.contains("Desalination"))
    );

    let none = brief(
        &sandbox,
        &["search", &library(&sandbox), "nowhere", "--format", "json"],
    );
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(text(&none.stdout).trim(), "[]");

    let limited = brief(
        &sandbox,
        &["search", &library(&sandbox), "body", "--limit", "2"],
    );
    assert_eq!(limited.status.code(), Some(0));
    assert_eq!(hits_in(&limited.stdout), 2);
}

#[test]
fn a_bad_query_or_path_exits_2_saying_why() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 1);
    let bad = brief(&sandbox, &["search", &library(&sandbox), "date:2025-02-30"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = text(&bad.stderr);
    assert!(err.contains("date:") && err.contains("column"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    // An exclusion needs `--` before the query; without it, it is refused, never help.
    let unmarked = brief(&sandbox, &["search", &library(&sandbox), "body", "-heat"]);
    assert_eq!(
        unmarked.status.code(),
        Some(2),
        "{}",
        text(&unmarked.stdout)
    );
    let marked = brief(
        &sandbox,
        &["search", &library(&sandbox), "--", "body", "-heat"],
    );
    assert_eq!(marked.status.code(), Some(0), "{}", text(&marked.stderr));
    assert_eq!(hits_in(&marked.stdout), 1);
    let excluded = brief(
        &sandbox,
        &["search", &library(&sandbox), "--", "body", "-headline"],
    );
    assert_eq!(
        excluded.status.code(),
        Some(1),
        "{}",
        text(&excluded.stderr)
    );

    let missing = sandbox.dir.path().join("missing");
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command
        .env_clear()
        .envs(sandbox.env())
        .env("BRIEF_DIR", &missing);
    let out = command
        .args(["search", "word"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("not a library folder"));
}

#[test]
fn hostile_text_reaches_neither_the_terminal_nor_the_json_raw() {
    let sandbox = Sandbox::new();
    let headline = "Evil \u{1b}]0;owned\u{7}\u{1b}[2J title \u{202e}reversed\u{9b}31m";
    sandbox.write(
        "evil.json",
        &json!({"format": 1, "headline": headline, "body": ["trap"]}),
    );
    for format in ["text", "json"] {
        let out = brief(
            &sandbox,
            &["search", &library(&sandbox), "trap", "--format", format],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let printed = text(&out.stdout);
        for hazard in ['\u{1b}', '\u{7}', '\u{9b}'] {
            assert!(
                !printed.contains(hazard),
                "{format}: {hazard:?} in {printed:?}"
            );
        }
        assert!(printed.contains("title"), "{printed}");
        if format == "json" {
            assert!(!printed.contains('\u{202e}'), "{printed:?}");
            let hits: Vec<Value> = serde_json::from_str(&printed).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                hits[0]["headline"], headline,
                "the JSON still means the same text"
            );
        }
    }
}

#[test]
fn a_damaged_index_is_reported_in_one_line_and_rebuilt() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 3);
    let index = sandbox.index_file();
    let index_arg = index.to_string_lossy().into_owned();
    let built = brief(
        &sandbox,
        &["index", &library(&sandbox), "--index", &index_arg],
    );
    assert_eq!(built.status.code(), Some(0), "{}", text(&built.stderr));
    std::fs::write(
        &index,
        b"this is not a database, not even close to one....".repeat(200),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{index_arg}{suffix}"));
    }
    let out = brief(
        &sandbox,
        &[
            "search",
            &library(&sandbox),
            "headline",
            "--index",
            &index_arg,
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("not a usable index") && err.contains("rebuilding"),
        "{err}"
    );
    assert_eq!(
        err.lines()
            .filter(|l| l.contains("not a usable index"))
            .count(),
        1
    );
    assert_eq!(hits_in(&out.stdout), 3);
    let after = brief(
        &sandbox,
        &["index", &library(&sandbox), "--index", &index_arg],
    );
    assert!(
        text(&after.stdout).contains("3 unchanged"),
        "{}",
        text(&after.stdout)
    );
}

#[test]
fn two_processes_index_and_search_one_index_at_once() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 120);
    let index_arg = sandbox.index_file().to_string_lossy().into_owned();
    let spawn = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_brief"))
            .env_clear()
            .envs(sandbox.env())
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let lib = library(&sandbox);
    let a = spawn(&["index", &lib, "--index", &index_arg]);
    let b = spawn(&[
        "search", &lib, "headline", "--index", &index_arg, "--limit", "500",
    ]);
    let (a, b) = (
        a.wait_with_output().unwrap_or_else(|e| panic!("{e}")),
        b.wait_with_output().unwrap_or_else(|e| panic!("{e}")),
    );
    assert_eq!(a.status.code(), Some(0), "{}", text(&a.stderr));
    assert_eq!(b.status.code(), Some(0), "{}", text(&b.stderr));
    // The search refreshed the index first (or waited for the other writer): all 120.
    assert_eq!(hits_in(&b.stdout), 120);
    let after = brief(&sandbox, &["index", &lib, "--index", &index_arg]);
    assert!(
        text(&after.stdout).contains("120 unchanged"),
        "{}",
        text(&after.stdout)
    );
}

/// Two writers creating one index at the same moment: SQLite answers the one that reads
/// the file as the other makes it "busy" at once, without its timeout, and the open tries
/// again. Before it did, about one round in four failed here.
#[test]
fn two_processes_creating_one_index_at_once_both_succeed() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 10);
    let lib = library(&sandbox);
    for round in 0..12 {
        let index_arg = sandbox
            .cache()
            .join(format!("fresh-{round}.sqlite"))
            .to_string_lossy()
            .into_owned();
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_brief"))
                .env_clear()
                .envs(sandbox.env())
                .args(["index", &lib, "--index", &index_arg])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let (a, b) = (spawn(), spawn());
        for run in [a, b] {
            let out = run.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                out.status.code(),
                Some(0),
                "round {round}: {}",
                text(&out.stderr)
            );
        }
    }
}
