//! The query parser: every operator, bad queries with their message and position, hostile
//! input shown safely, and the canonical text parsing back to the same query.

use proptest::prelude::*;

use super::*;

fn clause(negated: bool, filter: Filter) -> Clause {
    Clause { negated, filter }
}

fn word(text: &str) -> Filter {
    Filter::Word(text.into())
}

fn day(year: u16, month: u8, day: u8) -> Option<DateBound> {
    Some(DateBound { year, month, day })
}

fn error(input: &str) -> (String, usize) {
    let Err(error) = parse(input) else {
        panic!("{input:?} parses");
    };
    let column = error.column();
    (error.message, column)
}

#[test]
fn words_are_normalised_and_all_required() {
    let query = parse("  Türk   المُفَوَّضُ  ").unwrap_or_default();
    assert_eq!(
        query.clauses,
        [clause(false, word("türk")), clause(false, word("المفوض"))]
    );
    assert_eq!(query.scope, Scope::Everywhere);
}

#[test]
fn phrases_exclusions_and_words_of_several() {
    let query = parse(r#""Human  Rights, Council" -draft -"the envoy" al-Assad —"#);
    let phrase = |words: &[&str]| Filter::Phrase(words.iter().map(|w| (*w).into()).collect());
    assert_eq!(
        query.map(|q| q.clauses),
        Ok(vec![
            clause(false, phrase(&["human", "rights", "council"])),
            clause(true, word("draft")),
            clause(true, phrase(&["the", "envoy"])),
            clause(false, phrase(&["al", "assad"])),
        ])
    );
    assert_eq!(
        parse(r#""one""#).map(|q| q.clauses),
        Ok(vec![clause(false, word("one"))])
    );
}

#[test]
fn every_operator() {
    let query = parse(
        r#"actor:"Volker Türk" speaker:تورك Tag:Geneva lang:en-GB class:"Restricted" -date:2025-03-01..2025-03-31 in:quotes"#,
    );
    assert_eq!(
        query,
        Ok(Query {
            clauses: vec![
                clause(false, Filter::Actor("volker türk".into())),
                clause(false, Filter::Speaker("تورك".into())),
                clause(false, Filter::Tag("geneva".into())),
                clause(false, Filter::Language("en".into())),
                clause(false, Filter::Class("restricted".into())),
                clause(
                    true,
                    Filter::Date(DateRange {
                        from: day(2025, 3, 1),
                        to: day(2025, 3, 31)
                    })
                ),
            ],
            scope: Scope::Quotes,
            ..Query::default()
        })
    );
    for (value, scope) in [("headline", Scope::Headline), ("BODY", Scope::Body)] {
        assert_eq!(parse(&format!("in:{value}")).map(|q| q.scope), Ok(scope));
    }
}

#[test]
fn date_ranges_with_open_ends_and_single_days() {
    let range = |input: &str| match parse(input).map(|q| q.clauses) {
        Ok(clauses) => match clauses.as_slice() {
            [
                Clause {
                    filter: Filter::Date(range),
                    ..
                },
            ] => Some(range.clone()),
            _ => None,
        },
        Err(_) => None,
    };
    let of = |from, to| Some(DateRange { from, to });
    assert_eq!(range("date:2025-03-01.."), of(day(2025, 3, 1), None));
    assert_eq!(range("date:..2025-03-31"), of(None, day(2025, 3, 31)));
    assert_eq!(
        range("date:2024-02-29"),
        of(day(2024, 2, 29), day(2024, 2, 29))
    );
}

#[test]
fn a_query_of_exclusions_alone_or_of_nothing_is_allowed() {
    assert_eq!(parse("-tag:draft").map(|q| q.clauses.len()), Ok(1));
    assert_eq!(parse(""), Ok(Query::default()));
    assert_eq!(parse(" - !! \"\" "), Ok(Query::default()));
}

#[test]
fn review_operators() {
    let review = |negated, review| clause(negated, Filter::Review(review));
    let query = parse("is:new -IS:Reviewed is:read is:flagged has:note reviewed-by:\"Amira H\"");
    assert_eq!(
        query.map(|q| q.clauses),
        Ok(vec![
            review(false, Review::New),
            review(true, Review::Reviewed),
            review(false, Review::Read),
            review(false, Review::Flagged),
            review(false, Review::HasNote),
            review(false, Review::ReviewedBy("Amira H".into())),
        ])
    );
    assert_eq!(
        error("is:old"),
        (
            "is: expects new, read, reviewed or flagged, not \"old\"".into(),
            4
        )
    );
    assert_eq!(
        error("has:tag"),
        ("has: expects note, not \"tag\"".into(), 5)
    );
    assert_eq!(
        error("reviewed-by:"),
        ("reviewed-by: expects a value".into(), 13)
    );
    // A hyphenated word before a colon is text unless it is an operator.
    assert_eq!(
        parse("al-Assad:").map(|q| q.clauses),
        Ok(vec![clause(
            false,
            Filter::Phrase(vec!["al".into(), "assad".into()])
        )])
    );
}

#[test]
fn bad_queries_say_what_and_where() {
    let expects =
        "date: expects YYYY-MM-DD..YYYY-MM-DD, YYYY-MM-DD.., ..YYYY-MM-DD or one day YYYY-MM-DD";
    assert_eq!(error("date:2025-3-1"), (expects.into(), 6));
    assert_eq!(error("x date:.."), (expects.into(), 8));
    assert_eq!(error("date:2025-03-01..31"), (expects.into(), 18));
    assert_eq!(
        error("date:2025-02-29"),
        (
            "date: \"2025-02-29\" is not a day of the calendar".into(),
            6
        )
    );
    assert_eq!(error("date:2025-01-01..2025-13-01").1, 18);
    assert_eq!(
        error("date:2025-03-02..2025-03-01"),
        (
            "date: the range ends (2025-03-01) before it starts (2025-03-02)".into(),
            18
        )
    );
    assert_eq!(
        error("war autor:x"),
        (
            "unknown operator \"autor:\"; the operators are actor: speaker: tag: lang: class: date: in: is: has: reviewed-by: (put text in quotes to search for it)".into(),
            5
        )
    );
    assert_eq!(error("actor: x"), ("actor: expects a value".into(), 7));
    assert_eq!(error(r#"tag:"""#), ("tag: expects a value".into(), 6));
    assert_eq!(error(r#"date:"2025-02-30""#).1, 7);
    assert_eq!(
        error("tag:!!"),
        ("tag: expects a value with a letter or a digit".into(), 5)
    );
    assert_eq!(error(r#"a "b c"#), ("this quote is never closed".into(), 3));
    assert_eq!(
        error(r#"actor:"b c"#),
        ("this quote is never closed".into(), 7)
    );
    assert_eq!(
        error("lang:1"),
        (
            "lang: expects a language tag such as ar, fa or en-GB, not \"1\"".into(),
            6
        )
    );
    assert_eq!(
        error("in:everything"),
        (
            "in: expects quotes, headline or body, not \"everything\"".into(),
            4
        )
    );
    assert_eq!(error("-in:quotes"), ("in: cannot be excluded".into(), 2));
    assert_eq!(error("in:body in:quotes"), ("in: is given twice".into(), 9));
    assert_eq!(
        parse("date:2025-02-30").map_err(|e| e.to_string()),
        Err("date: \"2025-02-30\" is not a day of the calendar (at column 6)".into())
    );
}

#[test]
fn hostile_input_never_reaches_the_message_raw() {
    for input in [
        "in:\u{1b}[31mred",
        "in:\u{202E}quotes",
        "lang:\u{7}\u{9b}2J",
        "lang:\u{2066}ar",
        "in:\u{200F}\u{61C}x",
    ] {
        let Err(error) = parse(input) else {
            panic!("{input:?} parses");
        };
        let shown = error.to_string();
        assert!(
            !shown.chars().any(crate::briefing::is_terminal_hazard),
            "{shown:?}"
        );
        assert!(shown.contains("\\u{"), "{shown:?}");
    }
}

#[test]
fn canonical_text_examples() {
    let canonical = |input: &str| parse(input).map(|q| q.to_string());
    assert_eq!(
        canonical(
            r#"in:body  "A  B" -Actor:"Volker  Türk" date:..2025-01-02 lang:AR date:2025-01-01"#
        ),
        Ok(
            r#""a b" -actor:"volker türk" date:..2025-01-02 lang:ar date:2025-01-01 in:body"#
                .into()
        )
    );
}

fn normalized_words(max: usize) -> impl Strategy<Value = Vec<String>> {
    let piece = "[a-zA-Z0-9éİß]{1,6}|[\u{0621}-\u{064A}\u{064B}\u{0640}ىةیک٣]{1,6}|[\u{05D0}-\u{05EA}\u{05B4}]{1,5}|ﻻ|.{1,4}";
    prop::collection::vec(piece, 1..=max).prop_map(|words| {
        normalize_text(&words.join(" "))
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    })
}

fn filter() -> impl Strategy<Value = Filter> {
    let value = || {
        normalized_words(3)
            .prop_filter("a value", |w| !w.is_empty())
            .prop_map(|w| w.join(" "))
    };
    let bound = (1u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(year, month, day)| DateBound {
        year,
        month,
        day,
    });
    let range = (prop::option::of(bound.clone()), prop::option::of(bound))
        .prop_filter("an end", |(from, to)| from.is_some() || to.is_some())
        .prop_map(|(a, b)| match (a, b) {
            (Some(a), Some(b)) => DateRange {
                from: Some(a.min(b)),
                to: Some(a.max(b)),
            },
            (from, to) => DateRange { from, to },
        });
    prop_oneof![
        normalized_words(1).prop_filter_map("a word", |w| w.first().cloned().map(Filter::Word)),
        normalized_words(4)
            .prop_filter("two words or more", |w| w.len() > 1)
            .prop_map(Filter::Phrase),
        value().prop_map(Filter::Actor),
        value().prop_map(Filter::Speaker),
        value().prop_map(Filter::Tag),
        value().prop_map(Filter::Class),
        "[a-z]{2,8}".prop_map(Filter::Language),
        range.prop_map(Filter::Date),
        prop_oneof![
            Just(Review::New),
            Just(Review::Read),
            Just(Review::Reviewed),
            Just(Review::Flagged),
            Just(Review::HasNote),
            value().prop_map(Review::ReviewedBy),
        ]
        .prop_map(Filter::Review),
    ]
}

fn query() -> impl Strategy<Value = Query> {
    let scope = prop_oneof![
        Just(Scope::Everywhere),
        Just(Scope::Headline),
        Just(Scope::Body),
        Just(Scope::Quotes)
    ];
    let clauses = prop::collection::vec(
        (any::<bool>(), filter()).prop_map(|(negated, filter)| Clause { negated, filter }),
        0..6,
    );
    (clauses, scope).prop_map(|(clauses, scope)| Query {
        clauses,
        scope,
        ..Query::default()
    })
}

proptest! {
    #[test]
    fn canonical_text_parses_back_to_the_same_query(query in query()) {
        let text = query.to_string();
        prop_assert_eq!(parse(&text), Ok(query), "{}", text);
    }

    #[test]
    fn any_input_parses_or_says_where(input in ".{0,40}") {
        match parse(&input) {
            Ok(query) => prop_assert_eq!(parse(&query.to_string()), Ok(query)),
            Err(error) => prop_assert!(error.position <= input.chars().count()),
        }
    }
}
