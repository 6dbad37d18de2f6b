//! What a document means: fields, defaults, warnings, and the model helpers the reader uses.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::path::{Path, PathBuf};

use brief::briefing::{
    Block, Briefing, Direction, LoadOptions, Loaded, MAX_DIAGNOSTICS_PER_FILE, PointGroup, Source,
    load_bytes, load_file,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/loader/valid")
        .join(name)
}

fn load_text(text: &str) -> Loaded {
    load_bytes(Path::new("doc.json"), text.as_bytes())
        .unwrap_or_else(|failure| panic!("{:#?}", failure.diagnostics))
}

fn problems(text: &str) -> Vec<String> {
    let diagnostics = match load_bytes(Path::new("doc.json"), text.as_bytes()) {
        Ok(loaded) => loaded.warnings,
        Err(failure) => failure.diagnostics,
    };
    diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn every_field_of_a_full_briefing_is_read() {
    let loaded = load_file(&fixture("full.json"), &LoadOptions::default()).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    let b = loaded.briefing;
    assert_eq!(b.id, "port-talks");
    assert_eq!(b.headline, "محادثات الميناء تُستأنف في طرابلس");
    assert_eq!(b.language.as_deref(), Some("ar"));
    assert_eq!(b.direction, Direction::Rtl);
    assert_eq!(b.date.as_deref(), Some("2025-03-14T09:30:00+02:00"));
    assert_eq!(b.location.as_deref(), Some("طرابلس"));
    let source = Source {
        name: Some("Desk notes".into()),
        url: Some("https://example.org/notes/14".into()),
    };
    assert_eq!(b.source, Some(source));
    assert_eq!(b.classification.as_deref(), Some("RESTRICTED"));
    assert_eq!(b.tags, ["ports", "ليبيا"]);
    assert_eq!(b.body.len(), 6);
    assert_eq!(b.body[1], Block::Heading("المطالب".into()));
    assert_eq!(
        b.body[2],
        Block::Bullets {
            lead: Some("قدّم الوفد ثلاثة مطالب:".into()),
            items: vec!["الأول".into(), "الثاني".into(), "الثالث".into()],
        }
    );
    assert_eq!(b.quotes[0].context.as_deref(), Some("في المؤتمر الصحفي"));
    assert_eq!(b.quotes[1].context, None);
    assert_eq!(b.actors[0].id, "سالم-الورفلي");
    assert_eq!(b.actors[0].aliases, ["المدير"]);
    assert_eq!(b.actors[1].id, "okafor");
}

#[test]
fn defaults_for_a_minimal_briefing() {
    let loaded = load_file(&fixture("minimal.json"), &LoadOptions::default()).expect("loads");
    let b = loaded.briefing;
    assert_eq!(
        (b.id.as_str(), b.headline.as_str()),
        ("minimal", "Only a headline")
    );
    assert_eq!(b.direction, Direction::Auto);
    assert!(b.summary.is_none() && b.date.is_none() && b.source.is_none());
    assert!(b.body.is_empty() && b.quotes.is_empty() && b.actors.is_empty());
    assert!(b.point_groups().is_empty());
}

#[test]
fn speakers_match_actors_by_id_name_or_alias_ignoring_case() {
    let b = load_file(&fixture("full.json"), &LoadOptions::default())
        .expect("loads")
        .briefing;
    let id_of = |speaker: &str| b.find_actor(speaker).map(|actor| actor.id.as_str());
    assert_eq!(id_of("المدير"), Some("سالم-الورفلي"));
    assert_eq!(id_of(" سالم الورفلي "), Some("سالم-الورفلي"));
    assert_eq!(id_of("OKAFOR"), Some("okafor"));
    assert_eq!(id_of("sam okafor"), Some("okafor"));
    assert_eq!(id_of("Someone else"), None);
}

/// Each key-point group as (heading, lead, items).
fn groups(briefing: &Briefing) -> Vec<(Option<&str>, Option<&str>, Vec<&str>)> {
    briefing
        .point_groups()
        .into_iter()
        .map(|g: PointGroup<'_>| {
            (
                g.heading,
                g.lead,
                g.items.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

#[test]
fn point_groups_come_from_points_else_from_body_bullets() {
    let with_points = load_file(&fixture("with-points.json"), &LoadOptions::default())
        .expect("loads")
        .briefing;
    let group = |heading: Option<&'static str>,
                 lead: Option<&'static str>,
                 items: &[&'static str]| { (heading, lead, items.to_vec()) };
    assert_eq!(
        groups(&with_points),
        [group(None, None, &["First point", "Second point"])]
    );
    assert_eq!(
        with_points.source.and_then(|s| s.name).as_deref(),
        Some("Wire report")
    );
    let full = load_file(&fixture("full.json"), &LoadOptions::default())
        .expect("loads")
        .briefing;
    assert_eq!(
        groups(&full),
        [
            group(
                Some("المطالب"),
                Some("قدّم الوفد ثلاثة مطالب:"),
                &["الأول", "الثاني", "الثالث"]
            ),
            group(Some("Next steps"), None, &["Draft a text by Friday"]),
        ]
    );
}

#[test]
fn unknown_fields_at_every_level_are_warnings_at_their_key() {
    let text = r#"{"headline": "h", "mood": 1,
"source": {"name": "n", "lang": "x"},
"body": [{"heading": "h", "level": 2}, {"bullets": [], "style": "dash"}],
"quotes": [{"text": "t", "speaker": "A", "tone": "calm"}],
"actors": [{"name": "A", "born": 1950}]}"#;
    let loaded = load_text(text);
    let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            r#"doc.json:1:19: warning: mood: unknown field "mood", ignored"#,
            r#"doc.json:2:25: warning: source.lang: unknown field "lang", ignored"#,
            r#"doc.json:3:27: warning: body[0].level: unknown field "level", ignored"#,
            r#"doc.json:3:56: warning: body[1].style: unknown field "style", ignored"#,
            r#"doc.json:4:42: warning: quotes[0].tone: unknown field "tone", ignored"#,
            r#"doc.json:5:26: warning: actors[0].born: unknown field "born", ignored"#,
        ]
    );
}

#[test]
fn other_warnings_speakers_duplicates_and_blank_ids() {
    let text = r#"{"id": " ", "headline": "h", "headline": "h2",
 "quotes": [{"text": "t", "speaker": "Nobody"}],
 "actors": [{"name": "A B"}, {"id": "a-b", "name": "Other"}]}"#;
    let loaded = load_text(text);
    assert_eq!(loaded.briefing.id, "doc");
    assert_eq!(loaded.briefing.headline, "h2");
    let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            r#"doc.json:1:8: warning: id: blank id; the file name "doc" stands in"#,
            r#"doc.json:1:30: warning: headline: duplicate key "headline"; the last one counts"#,
            r#"doc.json:2:38: warning: quotes[0].speaker: speaker "Nobody" matches no actor's id, name or alias"#,
            r#"doc.json:3:37: warning: actors[1].id: actor id "a-b" is also used by actors[0]"#,
        ]
    );
}

#[test]
fn every_error_in_a_file_is_reported_in_order() {
    let text = "{\n \"headline\": \"\",\n \"direction\": \"RTL\",\n \"tags\": [1, \"ok\", null],\n \"body\": [{\"heading\": \"h\", \"bullets\": []}]\n}";
    assert_eq!(
        problems(text),
        [
            "doc.json:2:14: error: headline: must not be blank",
            r#"doc.json:3:15: error: direction: expected "rtl", "ltr" or "auto", found "RTL""#,
            "doc.json:4:11: error: tags[0]: expected a string, found a number",
            "doc.json:4:20: error: tags[2]: expected a string, found null",
            r#"doc.json:5:11: error: body[0]: a block has "heading" or "bullets", not both"#,
        ]
    );
}

#[test]
fn format_one_in_any_spelling_of_the_number_is_accepted() {
    assert_eq!(
        load_text(r#"{"format": 1.0, "headline": "h"}"#).warnings,
        []
    );
    assert_eq!(
        problems(r#"{"format": -1, "headline": "h"}"#),
        ["doc.json:1:12: error: format: unsupported format version -1"]
    );
    assert_eq!(
        problems(r#"{"format": 1.5, "headline": "h"}"#),
        ["doc.json:1:12: error: format: expected an integer, found a number"]
    );
}

#[test]
fn dates_are_checked_against_the_calendar() {
    assert_eq!(
        load_text(r#"{"headline": "h", "date": "2024-02-29"}"#).warnings,
        []
    );
    assert_eq!(
        problems(r#"{"headline": "h", "date": "2023-02-29"}"#),
        [
            r#"doc.json:1:27: error: date: expected a date as YYYY-MM-DD or an RFC 3339 date-time, found "2023-02-29""#
        ]
    );
}

#[test]
fn language_tags_are_checked() {
    assert_eq!(
        load_text(r#"{"headline": "h", "language": "fa-IR"}"#).warnings,
        []
    );
    assert_eq!(
        problems(r#"{"headline": "h", "language": "Persian (Iran)"}"#),
        [
            r#"doc.json:1:31: error: language: expected a BCP 47 language tag such as "ar" or "fa-IR", found "Persian (Iran)""#
        ]
    );
}

#[test]
fn a_flood_of_problems_is_cut_short() {
    let members: Vec<String> = (0..500).map(|n| format!("\"k{n}\": 0")).collect();
    let text = format!("{{\"headline\": 1, {}}}", members.join(", "));
    let shown = problems(&text);
    assert_eq!(shown.len(), MAX_DIAGNOSTICS_PER_FILE);
    assert!(shown[0].ends_with("headline: expected a string, found a number"));
    let last = shown.last().expect("a summary line");
    assert!(
        last.ends_with("402 more problems not shown (0 errors, 402 warnings)"),
        "{last}"
    );
}

#[test]
fn a_flood_of_repeated_keys_is_cut_short() {
    let members = vec!["\"x\": 0"; 300];
    let text = format!("{{\"headline\": \"h\", {}}}", members.join(", "));
    let shown = problems(&text);
    assert_eq!(shown.len(), MAX_DIAGNOSTICS_PER_FILE);
    // The second "x" starts at column 27: 18 characters of headline, then `"x": 0, `.
    assert_eq!(
        shown[0],
        r#"doc.json:1:27: warning: x: duplicate key "x"; the last one counts"#
    );
    // 299 repeats and the unknown field itself.
    assert_eq!(
        shown[99],
        "doc.json: warning: 201 more problems not shown (0 errors, 201 warnings)"
    );
}
