//! Words planted under every normalisation in every field: the scan finds each where it is
//! and nowhere else, and in the scopes that hold its field.

use super::tests_scan::blank;
use super::*;
use crate::briefing::{Actor, Block, Briefing, Quote, Source};

/// (what it tests, the text as written in the briefing, the query that must find it)
pub(super) const VARIANTS: &[(&str, &str, &str)] = &[
    ("harakat", "المُفَوَّضِيَّةُ", "المفوضية"),
    ("superscript alef", "هٰذِهِ", "هذه"),
    ("quranic marks", "ٱلرَّحِيمِۖ", "الرحيم"),
    ("tatweel", "جنيــــف", "جنيف"),
    ("alef with hamza below", "إنسان", "انسان"),
    ("alef with hamza above", "احمد", "أحمد"),
    ("alef with madda", "آمال", "امال"),
    ("alef wasla", "ٱلقدس", "القدس"),
    ("ta marbuta", "مدرسة", "مدرسه"),
    ("alef maqsura", "مستشفى", "مستشفي"),
    ("persian yeh", "ایران", "ايران"),
    ("persian keheh", "کشور", "كشور"),
    ("clitic wa-al", "والمفاوضات", "مفاوضات"),
    ("clitic bi-al", "بالعاصمة", "عاصمه"),
    ("clitic li", "للمحكمة", "محكمة"),
    ("clitic fa", "فقالت", "قالت"),
    ("clitic ka", "كالبرق", "برق"),
    ("suffix", "اتفاقياتهم", "اتفاقيات"),
    ("niqqud", "שָׁלוֹם", "שלום"),
    ("cantillation", "בְּרֵאשִׁ֖ית", "בראשית"),
    ("hebrew clitic", "ובירושלים", "ירושלים"),
    ("case", "GENEVA", "geneva"),
    ("case beyond ascii", "Türk", "TÜRK"),
    ("arabic-indic digits", "١٩٤٨", "1948"),
    ("extended arabic-indic digits", "۱۴۰۳", "1403"),
    ("presentation forms", "ﺍﻟﺴﻼﻡ", "السلام"),
    ("punctuation", "Ms. Jane,", "\"ms jane\""),
];

pub(super) type Plant = fn(&mut Briefing, String);

/// (field, how to put text in it, whether in:headline, in:body, in:quotes look there)
pub(super) fn fields() -> Vec<(&'static str, Plant, [bool; 3])> {
    vec![
        ("headline", |b, t| b.headline = t, [true, false, false]),
        ("summary", |b, t| b.summary = Some(t), [false, true, false]),
        (
            "paragraph",
            |b, t| b.body.push(Block::Paragraph(t)),
            [false, true, false],
        ),
        (
            "heading",
            |b, t| b.body.push(Block::Heading(t)),
            [false, true, false],
        ),
        (
            "bullets lead",
            |b, t| {
                b.body.push(Block::Bullets {
                    lead: Some(t),
                    items: vec![FILL.into()],
                })
            },
            [false, true, false],
        ),
        (
            "bullet item",
            |b, t| {
                b.body.push(Block::Bullets {
                    lead: None,
                    items: vec![FILL.into(), t],
                })
            },
            [false, true, false],
        ),
        ("point", |b, t| b.points.push(t), [false, true, false]),
        (
            "quotation",
            |b, t| b.quotes.push(quote(t, None, FILL)),
            [false, false, true],
        ),
        (
            "quotation context",
            |b, t| b.quotes.push(quote(FILL.into(), Some(t), FILL)),
            [false, false, true],
        ),
        (
            "speaker",
            |b, t| b.quotes.push(quote(FILL.into(), None, &t)),
            [false; 3],
        ),
        (
            "actor id",
            |b, t| {
                b.actors.push(Actor {
                    id: t,
                    ..filler_actor()
                })
            },
            [false; 3],
        ),
        (
            "actor name",
            |b, t| {
                b.actors.push(Actor {
                    name: t,
                    ..filler_actor()
                })
            },
            [false; 3],
        ),
        (
            "actor alias",
            |b, t| {
                b.actors.push(Actor {
                    aliases: vec![FILL.into(), t],
                    ..filler_actor()
                })
            },
            [false; 3],
        ),
        (
            "actor role",
            |b, t| {
                b.actors.push(Actor {
                    role: Some(t),
                    ..filler_actor()
                })
            },
            [false; 3],
        ),
        (
            "actor organization",
            |b, t| {
                b.actors.push(Actor {
                    organization: Some(t),
                    ..filler_actor()
                })
            },
            [false; 3],
        ),
        (
            "actor country",
            |b, t| {
                b.actors.push(Actor {
                    country: Some(t),
                    ..filler_actor()
                })
            },
            [false; 3],
        ),
        ("tag", |b, t| b.tags.push(t), [false; 3]),
        ("place", |b, t| b.location = Some(t), [false; 3]),
        (
            "source name",
            |b, t| {
                b.source = Some(Source {
                    name: Some(t),
                    url: None,
                })
            },
            [false; 3],
        ),
        (
            "source url",
            |b, t| {
                b.source = Some(Source {
                    name: None,
                    url: Some(format!("https://example.org/{t}")),
                })
            },
            [false; 3],
        ),
        (
            "classification",
            |b, t| b.classification = Some(t),
            [false; 3],
        ),
        (
            "file name",
            |b, t| b.path = format!("/archive/{t}.json").into(),
            [false; 3],
        ),
    ]
}

/// Text around a planted word: Arabic, Hebrew and English, none of it holding a needle.
const FILL: &str = "تقرير، اجتماع دוח report";

fn filler_actor() -> Actor {
    Actor {
        id: "envoy".into(),
        name: "مبعوث".into(),
        role: None,
        organization: None,
        country: None,
        aliases: Vec::new(),
    }
}

fn quote(text: String, context: Option<String>, speaker: &str) -> Quote {
    Quote {
        text,
        speaker: speaker.into(),
        context,
    }
}

/// A briefing of filler in every field, with `surface` planted in the field `plant` fills.
pub(super) fn planted(id: &str, plant: Option<(Plant, &str)>) -> Briefing {
    let mut b = blank(id);
    b.headline = FILL.into();
    b.summary = Some(FILL.into());
    b.body = vec![Block::Paragraph(FILL.into())];
    b.quotes = vec![quote(FILL.into(), Some(FILL.into()), "مبعوث")];
    b.actors = vec![filler_actor()];
    b.tags = vec!["عاجل".into()];
    if let Some((plant, surface)) = plant {
        plant(&mut b, format!("اجتماع، {surface} report."));
    }
    b
}

pub(super) fn query(input: &str) -> Query {
    parse(input).unwrap_or_else(|error| panic!("{input}: {error}"))
}

#[test]
fn every_normalisation_in_every_field() {
    let control = planted("control", None);
    for &(what, surface, typed) in VARIANTS {
        assert!(
            !matches(&control, &query(typed)),
            "{what}: the filler holds {typed}"
        );
        for (field, plant, scopes) in fields() {
            let b = planted("b", Some((plant, surface)));
            let found = |input: &str| matches(&b, &query(input));
            assert!(
                found(typed),
                "{what} in the {field}: {typed} does not find {surface}"
            );
            assert!(
                !found(&format!("-{typed}")),
                "{what} in the {field}: negated"
            );
            for (scope, expected) in ["headline", "body", "quotes"].into_iter().zip(scopes) {
                let scoped = format!("{typed} in:{scope}");
                assert_eq!(found(&scoped), expected, "{what} in the {field}: {scoped}");
            }
        }
    }
}
