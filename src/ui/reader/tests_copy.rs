//! `y` copies what the focused pane is about: the selected actor, a citation of the
//! headline, and elsewhere the selected quotation (see `tests.rs`), all in logical order.

use crate::ui::testing::{fixture_app, run};
use crate::ui::{Action, App, Effect};

#[test]
fn y_on_the_actors_copies_the_selected_actor() {
    let mut app = fixture_app();
    run(
        &mut app,
        &[Action::Select, Action::FocusActors, Action::CopyQuote],
    );
    let first = "سلمى حداد — Chair, technical committee, Ministry of Water and Irrigation, Jordan";
    assert_eq!(app.take_effects(), [Effect::Copy(first.into())]);
    assert_eq!(
        app.message(),
        Some("copied actor 1: sent to the terminal's clipboard (OSC 52)")
    );
    run(&mut app, &[Action::Down, Action::CopyQuote]);
    let second = "UNDP — Host of the talks, United Nations";
    // Selecting the next actor may scroll the pane too (a scroll region effect).
    let copies: Vec<Effect> = app
        .take_effects()
        .into_iter()
        .filter(|e| matches!(e, Effect::Copy(_)))
        .collect();
    assert_eq!(copies, [Effect::Copy(second.into())]);
}

#[test]
fn y_on_the_headline_copies_a_citation() {
    let mut app = fixture_app();
    run(
        &mut app,
        &[Action::Select, Action::FocusHeadline, Action::CopyQuote],
    );
    let cited = "Water-sharing talks resume in Amman after 18-month pause — Field report FR-112, \
                 2025-11-04, Amman, Jordan, https://example.invalid/fr-112";
    assert_eq!(app.take_effects(), [Effect::Copy(cited.into())]);
    assert_eq!(
        app.message(),
        Some("copied the headline with its source: sent to the terminal's clipboard (OSC 52)")
    );
}

/// The effects but the scrolls the runtime may leave to the terminal.
fn but_scrolls(app: &mut App) -> Vec<Effect> {
    app.take_effects()
        .into_iter()
        .filter(|e| !matches!(e, Effect::ScrollRegion { .. }))
        .collect()
}

/// On the body and points panes, `y` copies the paragraph or point at the top of the pane,
/// or the one holding the current search match: what the user is looking at, not a
/// quotation out of sight.
#[test]
fn y_on_the_body_and_points_copies_what_is_in_view() {
    let mut app = fixture_app();
    run(
        &mut app,
        &[Action::Select, Action::FocusBody, Action::CopyQuote],
    );
    // The body opens with the summary.
    let first = "Delegations from three riparian states met at the UNDP office; the Arabic \
                 communiqué names two working groups (WG-1, WG-2).";
    assert_eq!(app.take_effects(), [Effect::Copy(first.into())]);
    assert_eq!(
        app.message(),
        Some("copied the summary at the top: sent to the terminal's clipboard (OSC 52)")
    );
    // Scrolled past it, the next paragraph is at the top.
    run(
        &mut app,
        &[Action::Down, Action::Down, Action::Down, Action::CopyQuote],
    );
    let effects = but_scrolls(&mut app);
    assert!(
        matches!(effects.as_slice(), [Effect::Copy(text)] if text.starts_with("The talks opened")),
        "{effects:?}"
    );
    // A search match further down the body: its paragraph.
    run(&mut app, &[Action::SearchStart]);
    for c in "publish".chars() {
        app.update(Action::SearchInput(c));
    }
    run(
        &mut app,
        &[Action::SearchSubmit, Action::FocusBody, Action::CopyQuote],
    );
    let effects = but_scrolls(&mut app);
    assert!(
        matches!(effects.as_slice(), [Effect::Copy(text)] if text.starts_with("Haddad told")),
        "{effects:?}"
    );
    assert!(
        app.message()
            .is_some_and(|m| m.starts_with("copied the paragraph with the match"))
    );
    // The points pane (the body's bullets here): the first in view is the lead.
    run(
        &mut app,
        &[Action::Back, Action::FocusPoints, Action::CopyQuote],
    );
    let effects = but_scrolls(&mut app);
    assert!(
        matches!(effects.as_slice(), [Effect::Copy(text)] if text.starts_with("The communiqué")),
        "{effects:?}"
    );
}

/// An override in a name is closed where the name ends: it cannot turn the role, the
/// organization or the country around in whatever the text is pasted into.
#[test]
fn an_override_in_a_copied_actor_stays_in_the_name() {
    let actor = crate::briefing::Actor {
        id: "x".into(),
        name: "Evil\u{202E}eman".into(),
        role: Some("Ro\u{202E}le".into()),
        organization: None,
        country: Some("Here".into()),
        aliases: Vec::new(),
    };
    assert_eq!(
        crate::ui::reader::panes::actors::copied(&actor),
        "Evil\u{202E}eman\u{202C} — Ro\u{202E}le\u{202C}, Here"
    );
}

/// The credit of a quotation by an Arabic name with a Latin-script role joins them with the
/// Latin comma, on screen and in the clipboard alike; an Arabic role takes the Arabic one.
#[test]
fn the_credit_s_comma_is_the_one_of_its_script_on_screen_and_in_the_clipboard() {
    use crate::text::BidiMode;
    use crate::ui::content::{DirectionRule, Engine, FieldKind, PaneText};
    use crate::ui::reader::panes::quotes;
    let json = include_str!("../../../briefings/sabil-upr-tracker-tunis.json");
    let path = std::path::Path::new("sabil.json");
    let loaded = crate::briefing::load_bytes(path, json.as_bytes())
        .unwrap_or_else(|failure| panic!("{:?}", failure.diagnostics));
    let briefing = &loaded.briefing;
    let fields = quotes::fields(briefing, DirectionRule::of(briefing), None).fields;
    let mut text = PaneText::new(fields);
    let engine = Engine {
        mode: BidiMode::Logical,
        shaping: false,
    };
    text.relayout(200, engine);
    let credits: Vec<String> = text
        .rows
        .iter()
        .filter(|row| row.kind == FieldKind::Attribution)
        .map(|row| row.line.glyphs().map(|g| g.text).collect())
        .collect();
    let coordinator = credits.iter().find(|c| c.contains("Coordinator"));
    let coordinator = coordinator.unwrap_or_else(|| panic!("{credits:#?}"));
    assert_eq!(coordinator, "— سلمى بن يوسف, Coordinator");
    let quote = briefing
        .quotes
        .iter()
        .find(|q| quotes::speaker(briefing, q).1 == Some("Coordinator"));
    let quote = quote.unwrap_or_else(|| panic!("no quotation by the coordinator"));
    let copied = quotes::attributed(briefing, quote);
    assert!(copied.contains("سلمى بن يوسف, Coordinator, "), "{copied}");
    assert!(!copied.contains('،'), "{copied}");
}
