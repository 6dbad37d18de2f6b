//! The search's session: Esc at the prompt goes back to the search in use, and Up at the
//! prompt recalls earlier queries.

use crate::ui::Action;
use crate::ui::app::App;
use crate::ui::testing::{app_on, fixtures, run};

/// The fixture folder with the mixed-script briefing open.
fn opened() -> App {
    let file = fixtures().join("mixed-water-talks.json");
    app_on(&fixtures(), Some(file))
}

fn search(app: &mut App, query: &str, submit: bool) {
    app.update(Action::SearchStart);
    for c in query.chars() {
        app.update(Action::SearchInput(c));
    }
    if submit {
        app.update(Action::SearchSubmit);
    }
}

fn state(app: &App) -> (String, usize, Option<usize>) {
    let search = app.search();
    (search.query.clone(), search.matches.len(), search.current)
}

fn prompt_text(app: &App) -> Option<String> {
    app.search().prompt.as_ref().map(|p| p.text().to_owned())
}

#[test]
fn esc_at_the_prompt_goes_back_to_the_search_in_use() {
    let mut app = opened();
    search(&mut app, "water", true);
    run(&mut app, &[Action::SearchNext]);
    let before = state(&app);
    assert!(before.1 > 1 && before.2 == Some(1), "{before:?}");
    // Typing a new query shows its matches; Esc drops it, and the old one is back.
    search(&mut app, "jordan", false);
    assert_eq!(app.search().query, "jordan");
    run(&mut app, &[Action::SearchCancel]);
    assert_eq!(state(&app), before);
    assert!(
        app.search()
            .status()
            .is_some_and(|s| s.starts_with("match 2 of"))
    );
    // With no search in use, Esc leaves none.
    run(&mut app, &[Action::Back]);
    search(&mut app, "jordan", false);
    run(&mut app, &[Action::SearchCancel]);
    assert_eq!(state(&app), (String::new(), 0, None));
}

#[test]
fn up_at_the_prompt_recalls_earlier_queries_and_down_comes_back() {
    let mut app = opened();
    search(&mut app, "water", true);
    search(&mut app, "amman", true);
    // A new prompt with something typed: Up goes back through the queries, newest first.
    search(&mut app, "jo", false);
    let up = Action::SearchRecall { earlier: true };
    let down = Action::SearchRecall { earlier: false };
    run(&mut app, std::slice::from_ref(&up));
    assert_eq!(prompt_text(&app).as_deref(), Some("amman"));
    assert_eq!(app.search().query, "amman", "searched as recalled");
    run(&mut app, &[up.clone(), up.clone()]);
    assert_eq!(
        prompt_text(&app).as_deref(),
        Some("water"),
        "stops at the oldest"
    );
    run(&mut app, std::slice::from_ref(&down));
    assert_eq!(prompt_text(&app).as_deref(), Some("amman"));
    run(&mut app, &[down.clone(), down]);
    assert_eq!(
        prompt_text(&app).as_deref(),
        Some("jo"),
        "back to what was typed"
    );
    // The history outlives leaving the briefing, and a query searched again is not
    // listed twice.
    run(
        &mut app,
        &[Action::SearchCancel, Action::Back, Action::Back],
    );
    run(&mut app, &[Action::Select]);
    search(&mut app, "water", true);
    search(&mut app, "", false);
    run(&mut app, std::slice::from_ref(&up));
    assert_eq!(prompt_text(&app).as_deref(), Some("water"));
    run(&mut app, &[up]);
    assert_eq!(prompt_text(&app).as_deref(), Some("amman"));
}
