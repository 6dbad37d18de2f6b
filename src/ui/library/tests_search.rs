//! The library's `/` as the query language: a query that cannot be read, searches asked
//! for as keys are typed, what an older search finds dropped, results as they come.

use crate::ui::app::{App, Screen};
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{fixture_app, fixtures, run};
use crate::ui::{Action, Found, Hit, SearchAsk};

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::SearchInput).collect()
}

fn screen(app: &App) -> String {
    buffer_lines(&render_buffer(app, 80, 24)).join("\n")
}

/// The files listed, by name.
fn listed(app: &App) -> Vec<String> {
    let view = app.library_view();
    (0..view.shown_len())
        .filter_map(|p| view.entry_at(p))
        .filter_map(|at| {
            app.library()
                .path(at)?
                .file_name()
                .map(|n| n.to_string_lossy().into())
        })
        .collect()
}

#[test]
fn a_query_that_cannot_be_read_says_where_and_keeps_the_list() {
    let mut app = fixture_app();
    run(&mut app, &[Action::SearchStart]);
    run(&mut app, &typed("water"));
    assert_eq!(listed(&app), ["mixed-water-talks.json"]);
    // A phrase opened and not yet closed: the list stays as "water" left it.
    run(&mut app, &typed(" \"amm"));
    let message = app.message().unwrap_or_default().to_owned();
    assert!(message.starts_with("query, column 7: "), "{message}");
    assert_eq!(listed(&app), ["mixed-water-talks.json"], "the list stays");
    let status = screen(&app).lines().last().unwrap_or_default().to_owned();
    assert!(status.starts_with("/water \"amm"), "{status}");
    assert!(
        status.contains("query, column 7: "),
        "beside what is typed: {status}"
    );
    // Closed: it reads, the error goes, and the list is the new query's.
    run(&mut app, &typed("an\""));
    assert_eq!(app.message(), None);
    assert_eq!(listed(&app), ["mixed-water-talks.json"]);
    // A date that is no day says so, at the date.
    run(&mut app, &[Action::SearchCancel, Action::SearchStart]);
    run(&mut app, &typed("date:2025-02-30"));
    let message = app.message().unwrap_or_default().to_owned();
    assert!(message.starts_with("query, column 6: date:"), "{message}");
}

fn ask(app: &mut App) -> SearchAsk {
    let mut asks = app.take_searches();
    match (asks.pop(), asks.is_empty()) {
        (Some(ask), true) => ask,
        other => panic!("one search asked for, not {other:?}"),
    }
}

#[test]
fn each_key_asks_for_a_search_and_what_an_older_one_finds_is_dropped() {
    let mut app = fixture_app();
    app.update(Action::SearchStart);
    assert!(
        app.take_searches().is_empty(),
        "nothing typed, nothing asked"
    );
    app.update(Action::SearchInput('w'));
    let first = ask(&mut app);
    app.update(Action::SearchInput('a'));
    let second = ask(&mut app);
    assert!(second.generation > first.generation);
    assert!(second.query.is_some());
    assert_eq!(second.paths.len(), 2, "every briefing, the failed file not");
    let water = fixtures().join("mixed-water-talks.json");
    let hit = |done| Found {
        generation: first.generation,
        hits: vec![Hit {
            path: water.clone(),
            snippet: String::new(),
            highlights: Vec::new(),
            score: 0,
        }],
        done,
    };
    app.update(Action::Found(hit(true)));
    assert!(
        listed(&app).is_empty(),
        "the first search's results are dropped"
    );
    // The second finds nothing yet: Enter says it is still looking.
    app.update(Action::Found(Found {
        generation: second.generation,
        hits: Vec::new(),
        done: false,
    }));
    assert!(screen(&app).contains("Library: searching… 0 shown of 2 briefings"));
    app.update(Action::Select);
    assert_eq!(app.message(), Some("still searching: nothing found yet"));
    app.update(Action::Found(Found {
        generation: second.generation,
        ..hit(true)
    }));
    assert_eq!(listed(&app), ["mixed-water-talks.json"]);
    assert!(screen(&app).contains("Library: 1 shown of 2 briefings"));
    // Esc drops the search, and stops the worker.
    app.update(Action::SearchCancel);
    let stop = ask(&mut app);
    assert_eq!((stop.query, stop.paths.len()), (None, 0));
    assert_eq!(listed(&app).len(), 3);
    assert_eq!(app.screen(), Screen::Library);
}

#[test]
fn o_searches_again_best_match_first_and_back() {
    use crate::briefing::index::Order;
    let mut app = fixture_app();
    app.update(Action::SearchStart);
    app.update(Action::SearchInput('w'));
    let newest = ask(&mut app);
    assert_eq!(newest.order, Order::Newest);
    let paths: Vec<_> = app
        .library()
        .listings
        .iter()
        .map(|l| l.path.clone())
        .collect();
    let found = |generation, scores: [u32; 2]| {
        let hits = paths.iter().cloned().zip(scores).map(|(path, score)| Hit {
            path,
            snippet: String::new(),
            highlights: Vec::new(),
            score,
        });
        Found {
            generation,
            hits: hits.collect(),
            done: true,
        }
    };
    // The newer briefing (listed first) matches less well.
    let name = |path: &std::path::PathBuf| path.file_name().map(|n| n.to_string_lossy().into());
    let in_library_order: Vec<String> = paths.iter().filter_map(name).collect();
    let ranked = found(newest.generation, [2, 8]);
    app.update(Action::Found(ranked));
    assert_eq!(listed(&app)[..2], in_library_order[..2]);
    app.update(Action::SearchSubmit);
    app.update(Action::SearchOrder);
    let relevance = ask(&mut app);
    assert_eq!(relevance.order, Order::Relevance);
    assert!(relevance.generation > newest.generation);
    assert_eq!(relevance.query, newest.query);
    let ranked = found(relevance.generation, [2, 8]);
    app.update(Action::Found(ranked));
    let best_first = listed(&app);
    assert_eq!(
        best_first[..2],
        [in_library_order[1].clone(), in_library_order[0].clone()]
    );
    assert!(
        screen(&app).contains("best match first"),
        "{}",
        screen(&app)
    );
    // Down then up walks the ranked list.
    app.update(Action::Down);
    app.update(Action::Up);
    assert_eq!(
        app.library_view().entry_at(0),
        Some(app.library_view().selected())
    );
    app.update(Action::SearchOrder);
    assert_eq!(ask(&mut app).order, Order::Newest);
}

/// The text of each match of the in-briefing search, in order.
fn matched(app: &App) -> Vec<String> {
    let reader = crate::ui::testing::open_reader(app);
    app.search()
        .matches
        .iter()
        .map(|m| {
            let text = &reader.pane(m.pane).text.fields[m.field].text.text;
            text[m.range.clone()].to_lowercase()
        })
        .collect()
}

#[test]
fn a_result_opens_with_the_briefing_search_set_to_every_word_and_phrase_of_the_query() {
    let mut app = fixture_app();
    // Alone, each term as the in-briefing `/` finds it: the oracle for the terms together.
    run(&mut app, &[Action::SearchStart]);
    run(&mut app, &typed("gauge \"next round\" -zebra"));
    run(&mut app, &[Action::SearchSubmit]);
    assert_eq!(listed(&app), ["mixed-water-talks.json"]);
    run(&mut app, &[Action::Select]);
    assert_eq!(app.screen(), Screen::Briefing);
    let search = app.search();
    assert_eq!(search.terms, ["gauge", "next round"]);
    assert_eq!(search.query, "gauge \"next round\"");
    let together = matched(&app);
    let total = together.len();
    assert_eq!(
        search.status(),
        Some(format!("match 1 of {total}")),
        "at the first match"
    );
    let alone = |app: &mut App, term: &str| {
        run(app, &[Action::SearchStart]);
        run(app, &typed(term));
        run(app, &[Action::SearchSubmit]);
        assert!(app.search().terms.is_empty(), "typed: one term, whole");
        matched(app)
    };
    let gauge = alone(&mut app, "gauge");
    let round = alone(&mut app, "next round");
    assert!(!gauge.is_empty() && !round.is_empty());
    let mut expected: Vec<String> = gauge.into_iter().chain(round).collect();
    expected.sort();
    let mut found = together.clone();
    found.sort();
    assert_eq!(found, expected);
    // `n` goes through the matches of either term, in the order they come.
    while app.screen() != Screen::Library {
        run(&mut app, &[Action::Back]);
    }
    assert_eq!(
        listed(&app),
        ["mixed-water-talks.json"],
        "the search is kept"
    );
    run(&mut app, &[Action::Select]);
    assert_eq!(app.search().current, Some(0));
    let mut walked = Vec::new();
    for _ in 0..total {
        let search = app.search();
        let at = search.current.unwrap_or(usize::MAX);
        walked.push(together.get(at).cloned().unwrap_or_default());
        run(&mut app, &[Action::SearchNext]);
    }
    assert_eq!(walked, together);
    assert!(walked.iter().any(|m| m == "gauge") && walked.iter().any(|m| m == "next round"));
}

#[test]
fn terms_whose_matches_overlap_make_one_match() {
    let mut app = fixture_app();
    run(&mut app, &[Action::SearchStart]);
    run(&mut app, &typed("gauge \"gauge data\""));
    run(&mut app, &[Action::SearchSubmit, Action::Select]);
    let together = matched(&app);
    run(&mut app, &[Action::SearchStart]);
    run(&mut app, &typed("gauge"));
    run(&mut app, &[Action::SearchSubmit]);
    let gauge = matched(&app);
    // Every "gauge data" holds a "gauge": one match each, the longer one.
    assert_eq!(together.len(), gauge.len());
    assert!(together.iter().any(|m| m == "gauge data"), "{together:?}");
    assert!(together.iter().all(|m| m == "gauge" || m == "gauge data"));
}
