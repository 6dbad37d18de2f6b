//! `brief search` with `is:`, `has:` and `reviewed-by:`: marks set with `brief mark` are
//! found, through the index and through a scan of the files, in the default state and in
//! one named by `--state` or `BRIEF_STATE`.

mod state_common;

use state_common::{Home, text};

/// The ids `brief search` finds for `query` as `who`, sorted, with `extra` arguments.
fn found(home: &Home, who: &str, query: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["search", "briefings", query, "--format", "json"];
    args.extend(extra);
    let out = home.run(who, &args);
    let code = out.status.code();
    assert!(
        code == Some(0) || code == Some(1),
        "{query}: {code:?} {}",
        text(&out.stderr)
    );
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{query}: not JSON ({e}): {}", text(&out.stdout)));
    assert_eq!(code == Some(0), !hits.is_empty(), "{query}: exit status");
    let mut ids: Vec<String> = hits
        .iter()
        .map(|hit| hit["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    ids.sort();
    ids
}

fn mark(home: &Home, who: &str, args: &[&str]) {
    let mut all = vec!["mark"];
    all.extend(args);
    let out = home.run(who, &all);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
}

#[test]
fn marks_set_with_brief_mark_are_found_with_and_without_the_index() {
    let home = Home::new();
    for name in ["a", "b", "c"] {
        home.briefing(name, &format!("brief-{name}"));
    }
    mark(
        &home,
        "amira",
        &["briefings/a.json", "--reviewed", "--note", "ok"],
    );
    mark(&home, "amira", &["briefings/b.json", "--flagged"]);
    mark(&home, "yosef", &["briefings/c.json", "--reviewed"]);
    // An index that cannot be made (its folder is a file): the files are scanned.
    let blocked = home.path("briefings/a.json/index.sqlite");
    let blocked = blocked.to_string_lossy();
    for extra in [&[][..], &["--index", &blocked][..]] {
        let amira = |query: &str| found(&home, "amira", query, extra);
        assert_eq!(amira("is:reviewed"), ["brief-a"], "{extra:?}");
        assert_eq!(amira("is:flagged"), ["brief-b"]);
        assert_eq!(amira("has:note"), ["brief-a"]);
        assert_eq!(amira("is:read"), ["brief-a", "brief-b"]);
        assert_eq!(amira("is:new"), ["brief-c"]);
        assert_eq!(amira("reviewed-by:yosef"), ["brief-c"]);
        assert_eq!(amira("body -is:reviewed"), ["brief-b", "brief-c"]);
        assert_eq!(amira("\"of brief a\" is:reviewed"), ["brief-a"]);
        assert_eq!(amira("\"of brief b\" is:reviewed"), Vec::<String>::new());
        assert_eq!(
            found(&home, "yosef", "is:reviewed", extra),
            ["brief-c"],
            "{extra:?}"
        );
    }
}

#[test]
fn search_reads_the_state_named_by_state_or_brief_state() {
    let home = Home::new();
    for name in ["a", "b"] {
        home.briefing(name, &format!("brief-{name}"));
    }
    let elsewhere = home.path("shared.db");
    let elsewhere = elsewhere.to_string_lossy();
    mark(
        &home,
        "amira",
        &["briefings/b.json", "--reviewed", "--state", &elsewhere],
    );
    assert_eq!(
        found(&home, "amira", "is:reviewed", &["--state", &elsewhere]),
        ["brief-b"]
    );
    // The default state has no marks: nothing is reviewed there.
    assert_eq!(
        found(&home, "amira", "is:reviewed", &[]),
        Vec::<String>::new()
    );
    let out = home
        .brief("amira")
        .env("BRIEF_STATE", home.path("shared.db"))
        .args(["search", "briefings", "is:reviewed", "--format", "json"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run brief: {e}"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("brief-b"),
        "{}",
        text(&out.stdout)
    );
}
