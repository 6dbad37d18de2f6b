//! The config file's parsing: every key, and problems with their line and column while the
//! rest still applies.

use std::path::{Path, PathBuf};

use brief::briefing::config::{Bidi, Color, Config, ConfigProblem, KEYS, parse_config};

fn parse(text: &str) -> (Config, Vec<ConfigProblem>) {
    parse_config(text, Some(Path::new("/home/amira")))
}

fn problems(text: &str) -> Vec<(usize, usize, String)> {
    parse(text)
        .1
        .into_iter()
        .map(|p| (p.line, p.column, p.message))
        .collect()
}

#[test]
fn every_key_is_read() {
    let text = r#"
name = "Amira Haddad"
state = "~/shared/team-state.db"
index = "/var/cache/brief/index.db"
color = "never"
bidi = "terminal"
shaping = "off"
poll = 30
max_rate = "32k"
"#;
    let (config, problems) = parse(text);
    assert_eq!(problems, []);
    assert_eq!(
        config,
        Config {
            name: Some("Amira Haddad".into()),
            state: Some(PathBuf::from("/home/amira/shared/team-state.db")),
            index: Some(PathBuf::from("/var/cache/brief/index.db")),
            color: Some(Color::Never),
            bidi: Some(Bidi::Terminal),
            shaping: Some(false),
            poll: Some(30),
            max_rate: Some(32_000),
        }
    );
    assert_eq!(KEYS.len(), 8, "docs/CONFIG.md documents each key");
}

#[test]
fn max_rate_takes_bytes_per_second_with_k_and_m() {
    assert_eq!(parse("max_rate = 32000").0.max_rate, Some(32_000));
    assert_eq!(parse("max_rate = \"32k\"").0.max_rate, Some(32_000));
    assert_eq!(parse("max_rate = \"2M\"").0.max_rate, Some(2_000_000));
    for (text, column) in [
        ("max_rate = 0", 12),
        ("max_rate = \"fast\"", 12),
        ("max_rate = 1.5", 12),
    ] {
        let (config, problems) = parse(text);
        assert_eq!(config.max_rate, None, "{text}");
        assert_eq!(problems.len(), 1, "{text}");
        assert_eq!(
            (problems[0].line, problems[0].column),
            (1, column),
            "{text}"
        );
        assert!(problems[0].message.starts_with("max_rate"), "{problems:?}");
    }
}

#[test]
fn an_empty_file_gives_nothing() {
    assert_eq!(parse(""), (Config::default(), vec![]));
    assert_eq!(parse("# comments only\n"), (Config::default(), vec![]));
}

#[test]
fn shaping_takes_a_boolean_or_on_and_off_and_words_ignore_case() {
    assert_eq!(parse("shaping = true").0.shaping, Some(true));
    assert_eq!(parse("shaping = \"On\"").0.shaping, Some(true));
    assert_eq!(parse("color = \"ALWAYS\"").0.color, Some(Color::Always));
}

#[test]
fn unknown_keys_are_reported_at_their_line_and_the_rest_applies() {
    let text = "name = \"amira\"\ncolour = \"never\"\n  bidi = \"app\"\n";
    let (config, problems) = parse(text);
    assert_eq!(config.name.as_deref(), Some("amira"));
    assert_eq!(config.bidi, Some(Bidi::App));
    assert_eq!(problems.len(), 1);
    assert_eq!((problems[0].line, problems[0].column), (2, 1));
    assert!(
        problems[0]
            .message
            .starts_with("unknown key \"colour\"; the keys are name, state"),
        "{}",
        problems[0].message
    );
}

#[test]
fn wrong_types_and_values_are_reported_at_the_value() {
    let text = "poll = \"often\"\ncolor = \"blue\"\nshaping = 1\nname = \"\"\npoll = 0\n";
    // A key given twice is a TOML error: one problem, nothing applied.
    let twice = problems(text);
    assert_eq!(twice.len(), 1, "{twice:?}");
    assert_eq!((twice[0].0, twice[0].1), (5, 1), "{twice:?}");
    let text = "poll = \"often\"\ncolor = \"blue\"\nshaping = 1\nname = \"\"\nstate = 3\n";
    assert_eq!(
        problems(text),
        [
            (
                1,
                8,
                "poll expects a whole number of seconds, not string".into()
            ),
            (
                2,
                9,
                "color expects auto, always, never, not \"blue\"".into()
            ),
            (3, 11, "shaping expects a string, not integer".into()),
            (
                4,
                8,
                "name expects a name with no control characters, not empty".into()
            ),
            (5, 9, "state expects a string, not integer".into()),
        ]
    );
    assert_eq!(
        problems("poll = 0"),
        [(1, 8, "poll expects 1 to 3600 seconds, not 0".into())]
    );
}

#[test]
fn bad_toml_is_one_problem_with_its_line_and_nothing_applies() {
    let (config, problems) = parse("name = \"amira\"\nbidi = app\n");
    assert_eq!(config, Config::default());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, 2, "{:?}", problems[0]);
}

#[test]
fn hostile_text_is_escaped_in_messages() {
    let (_, problems) = parse("\"\u{1b}[31mkey\u{202e}\" = 1\n");
    assert_eq!(problems.len(), 1);
    let message = &problems[0].message;
    assert!(
        !message.contains('\u{1b}') && !message.contains('\u{202e}'),
        "{message:?}"
    );
}

#[test]
fn a_home_path_without_home_is_a_problem() {
    let (config, problems) = parse_config("state = \"~/s.db\"", None);
    assert_eq!(config.state, None);
    assert_eq!(
        problems[0].message,
        "state: ~/ needs HOME, which is not set"
    );
}
