//! `Y` and `E` on the briefing screen: the open briefing as `brief export` makes it in
//! Markdown, to the clipboard or to a file the runtime names.

use std::path::{Path, PathBuf};

use crate::briefing::{LoadOptions, load_file};
use crate::export::briefing_markdown;
use crate::ui::testing::{app_on, fixture_app, fixtures, run};
use crate::ui::{Action, COPY_LIMIT, Effect, Export, Screen};

fn markdown_of(path: &Path) -> String {
    match load_file(path, &LoadOptions::default()) {
        Ok(loaded) => briefing_markdown(&loaded.briefing),
        Err(failure) => panic!("{failure}"),
    }
}

#[test]
fn y_copies_the_open_briefing_as_its_markdown_export() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Select]);
    assert_eq!(app.screen(), Screen::Briefing);
    app.take_effects();
    run(&mut app, &[Action::CopyBriefing]);
    let expected = markdown_of(&fixtures().join("mixed-water-talks.json"));
    assert!(expected.starts_with("# "), "{expected}");
    assert_eq!(app.take_effects(), [Effect::Copy(expected)]);
    assert_eq!(
        app.message(),
        Some("copied the briefing as Markdown: sent to the terminal's clipboard (OSC 52)")
    );
}

#[test]
fn e_asks_for_the_export_under_the_files_stem_and_says_where_it_went() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Select]);
    app.take_effects();
    run(&mut app, &[Action::ExportBriefing]);
    let markdown = markdown_of(&fixtures().join("mixed-water-talks.json"));
    let export = Export {
        stem: "mixed-water-talks".into(),
        markdown,
    };
    assert_eq!(app.take_effects(), [Effect::Export(export)]);
    app.update(Action::Exported(Ok(PathBuf::from(
        "mixed-water-talks-2.md",
    ))));
    assert_eq!(
        app.message(),
        Some("exported as Markdown to mixed-water-talks-2.md")
    );
    assert_eq!(app.screen(), Screen::Briefing);
    let why = "mixed-water-talks.md: Permission denied (os error 13)";
    app.update(Action::Exported(Err(why.into())));
    assert_eq!(app.message(), Some(format!("not exported: {why}").as_str()));
}

#[test]
fn in_the_library_y_and_e_ask_nothing_and_say_why() {
    let mut app = fixture_app();
    app.take_effects();
    for action in [Action::CopyBriefing, Action::ExportBriefing] {
        run(&mut app, &[action]);
        assert_eq!(app.take_effects(), []);
        assert_eq!(app.screen(), Screen::Library);
        assert_eq!(
            app.message(),
            Some("Y and E copy and export the briefing open: Enter opens it")
        );
    }
}

#[test]
fn a_briefing_too_long_for_osc_52_is_not_sent_and_the_status_says_so() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let fixture = std::fs::read_to_string(fixtures().join("mixed-water-talks.json"));
    let fixture = fixture.unwrap_or_else(|e| panic!("{e}"));
    let mut json: serde_json::Value =
        serde_json::from_str(&fixture).unwrap_or_else(|e| panic!("{e}"));
    json["body"] = vec!["word ".repeat(COPY_LIMIT / 5 + 10)].into();
    let file = dir.path().join("long.json");
    std::fs::write(&file, json.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let mut app = app_on(dir.path(), None);
    run(&mut app, &[Action::Select]);
    assert_eq!(app.screen(), Screen::Briefing);
    app.take_effects();
    run(&mut app, &[Action::CopyBriefing]);
    assert_eq!(app.take_effects(), []);
    let length = markdown_of(&file).len();
    assert!(length > COPY_LIMIT);
    let said = app.message().unwrap_or_default();
    assert!(
        said.starts_with("not copied: ") && said.ends_with("E writes the briefing to a file"),
        "{said}"
    );
    // E still writes it.
    run(&mut app, &[Action::ExportBriefing]);
    assert!(matches!(&app.take_effects()[..], [Effect::Export(e)] if e.markdown.len() == length));
}
