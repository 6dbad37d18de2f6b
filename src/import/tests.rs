use super::*;

fn draft(text: &str) -> Draft {
    from_text(text, false, &Meta::default()).unwrap_or_else(|| panic!("no draft for {text}"))
}

#[test]
fn lists_take_the_line_before_ending_in_a_colon_as_lead() {
    let text = "Water talks resume\nThe plan covers:\n- wells\n• pumps\n* pipes\nAfter it.\n";
    let d = draft(text);
    assert_eq!(d.headline, "Water talks resume");
    assert_eq!(
        d.body,
        vec![
            DraftBlock::Bullets {
                lead: Some("The plan covers:".into()),
                bullets: vec!["wells".into(), "pumps".into(), "pipes".into()],
            },
            DraftBlock::Paragraph("After it.".into()),
        ]
    );
}

#[test]
fn numbered_and_lettered_items_in_any_digits_are_list_items() {
    for line in [
        "1. one", "١. one", "۲) one", "(أ) one", "(b) one", "12. one",
    ] {
        assert_eq!(blocks::list_item(line), Some("one"), "{line}");
    }
    for line in ["2025. was a year", "(UN) said", "-dash", "1.5 million"] {
        assert_eq!(blocks::list_item(line), None, "{line}");
    }
}

#[test]
fn markdown_joins_wrapped_lines_and_marks_headings() {
    let text =
        "# Title here\n\nFirst line\nwraps on.\n\n## Section\n\n> Quoted words go\n> on here.\n";
    let layout = layout(text, true);
    assert_eq!(layout.headline.as_deref(), Some("Title here"));
    assert_eq!(
        layout.body,
        vec![
            DraftBlock::Paragraph("First line wraps on.".into()),
            DraftBlock::Heading {
                heading: "Section".into()
            },
            DraftBlock::Paragraph("Quoted words go on here.".into()),
        ]
    );
    assert_eq!(layout.block_quotes.len(), 1);
}

#[test]
fn a_text_without_a_title_line_takes_its_first_sentence_as_a_guessed_headline() {
    let d = draft("The council met on Monday. It agreed on a plan that runs for years.\n");
    assert_eq!(d.headline, "The council met on Monday.");
    assert!(d.import.guessed.contains(&"headline".to_owned()));
    assert_eq!(d.body.len(), 1, "the paragraph stays in the body");
}

#[test]
fn dates_in_iso_and_month_names_of_each_language() {
    let cases = [
        ("published 2025-03-15 at noon", "2025-03-15"),
        ("GENEVA, 15 March 2025", "2025-03-15"),
        ("on March 5, 2024 the", "2024-03-05"),
        ("في 15 آذار/مارس 2025", "2025-03-15"),
        ("يوم ١٥ مارس ٢٠٢٥", "2025-03-15"),
        ("ב-3 במרץ 2025", "2025-03-03"),
        ("۱۲ ژوئیه ۲۰۲۵", "2025-07-12"),
    ];
    for (text, date) in cases {
        assert_eq!(dates::find(text).as_deref(), Some(date), "{text}");
    }
    assert_eq!(dates::find("31 February 2025"), None);
    assert_eq!(dates::find("March is long"), None);
}

#[test]
fn language_from_letters() {
    assert_eq!(language::detect("قال الوزير إن الخطة جاهزة"), Some("ar"));
    assert_eq!(
        language::detect("وزیر نیرو گفت که برنامه آماده است"),
        Some("fa")
    );
    assert_eq!(language::detect("השר אמר כי התוכנית מוכנה"), Some("he"));
    assert_eq!(
        language::detect("The minister said the plan is ready"),
        Some("en")
    );
    assert_eq!(language::detect("Le ministre a dit"), None);
    assert_eq!(language::detect("2025 — 40%"), None);
}

#[test]
fn quotations_need_words_and_skip_quote_marks_inside_words() {
    let found = quotes::quotations("אמר מנכ\"ל החברה: \"אנחנו נמשיך לעבוד כרגיל\" היום.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "אנחנו נמשיך לעבוד כרגיל");
    assert!(quotes::quotations("the «UPR» process").is_empty());
    let found = quotes::quotations("Er sagte: „Wir bleiben hier und arbeiten“ heute.");
    assert_eq!(found[0].text, "Wir bleiben hier und arbeiten");
    assert!(quotes::quotations("an “unclosed quotation that never ends").is_empty());
}

#[test]
fn speakers_before_and_after_the_quote_in_each_language() {
    let cases = [
        ("وقال تورك: “نقدر الجهود المبذولة في ليبيا”.", "تورك"),
        (
            "«سنواصل العمل معا بلا توقف»، أضاف الوزير خالد سالم.",
            "الوزير خالد سالم",
        ),
        ("“We will keep working on it,” Jane Doe said.", "Jane Doe"),
        ("“We will keep working on it,” said Jane Doe.", "Jane Doe"),
        ("\"אנחנו נמשיך לעבוד כרגיל\", אמרה מיכל לוי.", "מיכל לוי"),
        ("علی رضایی گفت: «برق همه را تامین می‌کنیم».", "علی رضایی"),
        (
            "“The wells are dry again,” according to Omar Haddad.",
            "Omar Haddad",
        ),
    ];
    for (text, speaker) in cases {
        let found = quotes::quotations(text);
        assert_eq!(found.len(), 1, "{text}");
        let name = quotes::attribution(found[0].before, found[0].after);
        assert_eq!(name.as_deref(), Some(speaker), "{text}");
    }
}
