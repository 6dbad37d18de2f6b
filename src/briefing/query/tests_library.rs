//! A generated library of ten thousand briefings with words planted under every
//! normalisation in every field: the scan counts exactly the planted ones, alone, negated,
//! scoped and with a date range.

use super::tests_planted::{VARIANTS, fields, planted, query};
use super::*;
use crate::briefing::Briefing;

/// Briefing `i` of the generated library: dated in 2025 by `i`, with variant `i % V`
/// planted in field `(i / V) % F` unless `i` is a multiple of 4.
fn library(size: usize) -> Vec<(Briefing, Option<(usize, usize)>)> {
    let fields = fields();
    (0..size)
        .map(|i| {
            let plant =
                (i % 4 != 0).then_some((i % VARIANTS.len(), (i / VARIANTS.len()) % fields.len()));
            let mut b = planted(
                &letters(i),
                plant.map(|(v, f)| (fields[f].1, VARIANTS[v].1)),
            );
            b.date = Some(format!(
                "2025-{:02}-{:02}T09:00:00Z",
                i % 12 + 1,
                i % 28 + 1
            ));
            (b, plant)
        })
        .collect()
}

/// `i` in letters that no needle is made of, for ids and file names.
fn letters(mut i: usize) -> String {
    let mut id = String::from("x");
    loop {
        id.push(char::from(b'a' + (i % 5) as u8));
        i /= 5;
        if i == 0 {
            return id;
        }
    }
}

#[test]
fn a_library_of_ten_thousand_counts_exactly_the_planted() {
    let library = library(10_000);
    let searchable: Vec<Searchable> = library.iter().map(|(b, _)| Searchable::new(b)).collect();
    let count = |input: &str| {
        let query = query(input);
        searchable.iter().filter(|s| s.matches(&query)).count()
    };
    let fields = fields();
    let march = |b: &Briefing| b.date.as_deref().is_some_and(|d| d.starts_with("2025-03"));
    for (v, &(what, _, typed)) in VARIANTS.iter().enumerate() {
        let planted = |scope: Option<usize>| {
            let mut planted = library.iter().filter(|(_, plant)| {
                plant.is_some_and(|(pv, pf)| pv == v && scope.is_none_or(|s| fields[pf].2[s]))
            });
            planted.by_ref().count()
        };
        let total = planted(None);
        assert!(total > 0, "{what}");
        assert_eq!(count(typed), total, "{what}");
        assert_eq!(count(&format!("-{typed}")), library.len() - total, "{what}");
        assert_eq!(
            count(&format!("{typed} in:body")),
            planted(Some(1)),
            "{what}"
        );
        let in_march = library
            .iter()
            .filter(|(b, plant)| march(b) && plant.is_some_and(|(pv, _)| pv == v))
            .count();
        assert_eq!(
            count(&format!("{typed} date:2025-03-01..2025-03-31")),
            in_march,
            "{what}"
        );
    }
    let dated = |from: &str| {
        library
            .iter()
            .filter(|(b, _)| b.date.as_deref().is_some_and(|d| d[..10] >= *from))
            .count()
    };
    assert_eq!(count("date:2025-11-15.."), dated("2025-11-15"));
    assert_eq!(count("actor:مبعوث"), library.len());
}
