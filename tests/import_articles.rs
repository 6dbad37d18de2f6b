//! Short articles in English, Hebrew and Persian, written for these tests, each with the
//! patterns the importer looks for: title, dateline, lists with leads, quotations with
//! their speaker before or after, people with titles, organizations, dates.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::path::Path;

use brief::briefing::{Block, Briefing, Direction, load_bytes};
use brief::import::{Draft, Meta, from_text};

fn import(name: &str) -> (Draft, Briefing) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("article");
    let draft = from_text(&text, name.ends_with(".md"), &Meta::default()).expect("draft");
    let json = draft.to_json();
    let loaded = load_bytes(Path::new(name), json.as_bytes())
        .unwrap_or_else(|f| panic!("{:#?}\n{json}", f.diagnostics));
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{warnings:#?}\n{json}");
    (draft, loaded.briefing)
}

fn lists(briefing: &Briefing) -> Vec<(Option<String>, usize)> {
    briefing
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Bullets { lead, items } => Some((lead.clone(), items.len())),
            _ => None,
        })
        .collect()
}

fn speaker_of(briefing: &Briefing, quote: usize) -> (String, Option<String>) {
    let actor = briefing
        .find_actor(&briefing.quotes[quote].speaker)
        .expect("the speaker is an actor");
    (actor.name.clone(), actor.role.clone())
}

#[test]
fn english_markdown_article() {
    let (draft, b) = import("en-basin-talks.md");
    assert_eq!(b.headline, "Veyra basin talks resume in Geneva");
    assert_eq!(b.language.as_deref(), Some("en"));
    assert_eq!(b.direction, Direction::Ltr);
    assert_eq!(b.date.as_deref(), Some("2025-03-15"));
    assert_eq!(b.location.as_deref(), Some("GENEVA"));
    assert_eq!(
        lists(&b),
        vec![(Some("The draft agreement covers:".into()), 3)]
    );
    assert!(
        b.body
            .contains(&Block::Heading("What is on the table".into()))
    );
    assert_eq!(b.quotes.len(), 2, "{:#?}", b.quotes);
    assert_eq!(
        b.quotes[0].text,
        "We will not leave this room without a schedule for the dry months,"
    );
    assert_eq!(
        speaker_of(&b, 0),
        ("Jane Doe".into(), Some("Foreign Minister".into()))
    );
    assert_eq!(
        b.quotes[1].text,
        "Every cubic metre we save upstream is a harvest saved downstream."
    );
    assert_eq!(speaker_of(&b, 1).0, "Omar Haddad");
    let names: Vec<&str> = b.actors.iter().map(|a| a.name.as_str()).collect();
    for name in [
        "Jane Doe",
        "Omar Haddad",
        "Lena Fischer",
        "Human Rights Council",
        "United Nations",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    let doe = b.find_actor("Jane Doe").expect("Doe");
    assert_eq!(doe.aliases, vec!["Doe".to_owned()]);
    for path in ["language", "direction", "date", "location"] {
        assert!(draft.import.guessed.contains(&path.to_owned()), "{path}");
    }
    assert!(!draft.import.guessed.contains(&"headline".to_owned()));
}

#[test]
fn hebrew_plain_text_article() {
    let (_, b) = import("he-water-plan.txt");
    assert_eq!(b.headline, "מועצת עמק ארזים אישרה את תוכנית המים");
    assert_eq!(b.language.as_deref(), Some("he"));
    assert_eq!(b.direction, Direction::Rtl);
    assert_eq!(b.date.as_deref(), Some("2025-03-03"));
    assert_eq!(lists(&b), vec![(Some("התוכנית כוללת:".into()), 3)]);
    assert!(b.body.contains(&Block::Heading("עיקרי התוכנית".into())));
    assert_eq!(b.quotes.len(), 1);
    assert_eq!(b.quotes[0].text, "אנחנו לא נשאיר אף יישוב בלי מים בקיץ הזה");
    assert_eq!(
        speaker_of(&b, 0),
        ("מיכל לוי".into(), Some("השרה להגנת הסביבה".into()))
    );
    let levy = b.find_actor("מיכל לוי").expect("Levy");
    assert_eq!(levy.aliases, vec!["לוי".to_owned()]);
    assert!(b.actors.iter().any(|a| a.name == "משרד האנרגיה"));
}

#[test]
fn persian_plain_text_article() {
    let (_, b) = import("fa-heatwave.txt");
    assert_eq!(b.headline, "قطعی برق در نیک‌آباد در پی موج گرما");
    assert_eq!(b.language.as_deref(), Some("fa"));
    assert_eq!(b.direction, Direction::Rtl);
    assert_eq!(b.date.as_deref(), Some("2025-07-12"));
    assert_eq!(
        lists(&b),
        vec![(Some("این برنامه شامل موارد زیر است:".into()), 3)]
    );
    assert!(b.body.contains(&Block::Heading("برنامهٔ وزارت نیرو".into())));
    assert_eq!(b.quotes.len(), 1);
    assert_eq!(
        speaker_of(&b, 0),
        ("علی رضایی".into(), Some("سخنگوی وزارت نیرو".into()))
    );
    let rezaei = b.find_actor("علی رضایی").expect("Rezaei");
    assert_eq!(rezaei.aliases, vec!["رضایی".to_owned()]);
    assert!(b.actors.iter().any(|a| a.name == "وزارت نیرو"));
}
