//! `brief mark` through the binary, in a home of temporary folders.

mod state_common;

use state_common::{Home, key_of, marks, open, text};

#[test]
fn marks_reach_the_state_with_who_and_the_note() {
    let home = Home::new();
    let a = home.briefing("a", "brief-a");
    let b = home.briefing("b", "brief-b");
    let out = home.run(
        "amira",
        &[
            "mark",
            "briefings/a.json",
            "briefings/b.json",
            "--reviewed",
            "--note",
            "for the head of mission",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "briefings/a.json: reviewed, noted\nbriefings/b.json: reviewed, noted\n"
    );
    let out = home.run("yosef", &["mark", "briefings/a.json", "--flagged"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let state = open(&home.state_path());
    let a_marks = marks(&state, &key_of(&a, "brief-a"));
    assert!(a_marks.is_reviewed("amira") && a_marks.is_flagged("yosef"));
    assert!(!a_marks.is_reviewed("yosef") && a_marks.is_read("yosef"));
    assert_eq!(
        a_marks.note("amira").map(|n| n.text.as_str()),
        Some("for the head of mission")
    );
    assert!(a_marks.reviewed[0].at > 1_700_000_000, "when is recorded");
    assert!(marks(&state, &key_of(&b, "brief-b")).is_reviewed("amira"));
}

#[test]
fn clear_makes_a_briefing_new_again_and_an_empty_note_removes_it() {
    let home = Home::new();
    let a = home.briefing("a", "brief-a");
    let run = |args: &[&str]| {
        let out = home.run("amira", args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        text(&out.stdout)
    };
    run(&["mark", "briefings/a.json", "--flagged", "--note", "x"]);
    assert_eq!(
        run(&["mark", "briefings/a.json", "--note", ""]),
        "briefings/a.json: note removed\n"
    );
    let key = key_of(&a, "brief-a");
    let state = open(&home.state_path());
    assert!(!marks(&state, &key).has_note("amira") && marks(&state, &key).is_flagged("amira"));
    assert_eq!(
        run(&["mark", "briefings/a.json", "--clear"]),
        "briefings/a.json: cleared\n"
    );
    assert!(marks(&state, &key).is_new("amira"));
}

#[test]
fn a_file_that_fails_is_named_and_the_others_are_still_marked() {
    let home = Home::new();
    let good = home.briefing("good", "good");
    std::fs::write(
        home.path("briefings/broken.json"),
        "{\n  \"format\": 1,\n  oops\n}",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = home.run(
        "amira",
        &[
            "mark",
            "briefings/broken.json",
            "briefings/missing.json",
            "briefings/good.json",
            "--read",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(err.contains("briefings/broken.json:3:3"), "{err}");
    assert!(err.contains("briefings/missing.json"), "{err}");
    assert_eq!(text(&out.stdout), "briefings/good.json: read\n");
    let state = open(&home.state_path());
    assert!(marks(&state, &key_of(&good, "good")).is_read("amira"));
}

#[test]
fn the_state_flag_env_and_config_file_choose_the_state_in_that_order() {
    let home = Home::new();
    let a = home.briefing("a", "a");
    let key = key_of(&a, "a");
    let (flag, env, config) = (
        home.path("flag.db"),
        home.path("env.db"),
        home.path("config.db"),
    );
    home.write_config(&format!(
        "state = {:?}\nname = \"Amira H\"\n",
        config.to_string_lossy()
    ));
    let mark = |extra: &[&str], env_state: Option<&std::path::Path>| {
        let mut command = home.brief("amira");
        command
            .args(["mark", "briefings/a.json", "--read"])
            .args(extra);
        if let Some(path) = env_state {
            command.env("BRIEF_STATE", path);
        }
        let out = command.output().unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "{}", text(&out.stderr));
    };
    mark(&["--state", &flag.to_string_lossy()], Some(&env));
    assert!(flag.exists() && !env.exists() && !config.exists());
    mark(&[], Some(&env));
    assert!(env.exists() && !config.exists());
    mark(&[], None);
    assert!(!home.state_path().exists());
    // The config file's name, not $USER, is who marked.
    for path in [&flag, &env, &config] {
        let marks = marks(&open(path), &key);
        assert!(
            marks.is_read("Amira H") && !marks.is_read("amira"),
            "{path:?}"
        );
    }
}

#[test]
fn config_problems_are_reported_with_their_line_and_the_rest_applies() {
    let home = Home::new();
    let a = home.briefing("a", "a");
    home.write_config("name = \"dana\"\ncolour = \"never\"\npoll = \"soon\"\n");
    let out = home.run("amira", &["mark", "briefings/a.json", "--read"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    let config = home.path("config/brief/config.toml");
    assert!(
        err.contains(&format!("{}:2:1: unknown key \"colour\"", config.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}:3:8: poll expects", config.display())),
        "{err}"
    );
    assert!(marks(&open(&home.state_path()), &key_of(&a, "a")).is_read("dana"));
}

#[test]
fn usage_errors_and_no_state_are_exit_status_two() {
    let home = Home::new();
    home.briefing("a", "a");
    let out = home.run("amira", &["mark", "briefings/a.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--reviewed"),
        "{}",
        text(&out.stderr)
    );
    // A state under /proc cannot be made: marks are off, said, and nothing crashes.
    let out = home.run(
        "amira",
        &[
            "mark",
            "briefings/a.json",
            "--read",
            "--state",
            "/proc/brief/state.db",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("marks are off") && err.contains("/proc/brief/state.db"),
        "{err}"
    );
}

#[test]
fn hostile_file_names_reach_the_terminal_escaped() {
    let home = Home::new();
    let name = "evil\u{1b}[2J\u{202e}";
    let file = home.briefing(name, "evil");
    let missing = home.path(&format!("briefings/gone{name}.json"));
    let out = home
        .brief("amira")
        .arg("mark")
        .arg(&file)
        .arg(&missing)
        .arg("--read")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    for stream in [&out.stdout, &out.stderr] {
        let shown = text(stream);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
            "{shown:?}"
        );
        assert!(shown.contains("evil\\u{1b}[2J\\u{202e}"), "{shown:?}");
    }
}
