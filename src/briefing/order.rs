//! The library's reading order: newest first (dates compared as instants), undated last,
//! then by headline and path.

use std::cmp::Ordering;
use std::path::Path;

use super::{Briefing, Listing, date};

/// Newest first (dates compared as instants), undated last, then by headline and path.
pub fn reading_order(a: &Listing, b: &Listing) -> Ordering {
    order_of(
        (a.date.as_deref(), &a.headline, &a.path),
        (b.date.as_deref(), &b.headline, &b.path),
    )
}

/// `reading_order` of two whole briefings (export and digest order what they load).
pub fn briefing_reading_order(a: &Briefing, b: &Briefing) -> Ordering {
    order_of(
        (a.date.as_deref(), &a.headline, &a.path),
        (b.date.as_deref(), &b.headline, &b.path),
    )
}

/// A briefing's date, headline and path: what the reading order compares.
type OrderKey<'a> = (Option<&'a str>, &'a str, &'a Path);

fn order_of(a: OrderKey<'_>, b: OrderKey<'_>) -> Ordering {
    let when = |key: OrderKey<'_>| key.0.and_then(date::instant);
    by_instant(when(a), when(b))
        .then_with(|| a.1.cmp(b.1))
        .then_with(|| a.2.cmp(b.2))
}

/// Newest first, undated last.
fn by_instant(a: Option<i64>, b: Option<i64>) -> Ordering {
    match (a, b) {
        (Some(a_when), Some(b_when)) => b_when.cmp(&a_when),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Sorts `listings` in `reading_order`, reading each date once rather than at every
/// comparison, and moving each listing once: a library of 100,000 is sorted without a
/// second copy of it.
pub fn sort_reading_order(listings: &mut [Listing]) {
    let when: Vec<Option<i64>> = listings
        .iter()
        .map(|l| l.date.as_deref().and_then(date::instant))
        .collect();
    let mut order: Vec<usize> = (0..listings.len()).collect();
    order.sort_by(|&a, &b| {
        by_instant(when[a], when[b])
            .then_with(|| listings[a].headline.cmp(&listings[b].headline))
            .then_with(|| listings[a].path.cmp(&listings[b].path))
    });
    permute(listings, &mut order);
}

/// Puts the item at `order[i]` at `i`, following each cycle of the permutation with swaps;
/// `order` is left as the identity.
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != start {
            let from = order[at];
            items.swap(at, from);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn listing(headline: &str, date: Option<&str>, path: &str) -> Listing {
        Listing {
            path: path.into(),
            id: String::new(),
            headline: headline.into(),
            summary: None,
            date: date.map(str::to_string),
            language: None,
            direction: crate::briefing::Direction::Auto,
            classification: None,
            warnings: Vec::new(),
        }
    }

    /// Few values of each, so that equal instants, headlines and paths meet.
    fn listings() -> impl Strategy<Value = Vec<Listing>> {
        let date = prop::sample::select(vec![
            None,
            Some("2025-03-01"),
            Some("2025-03-01T00:00:00Z"),
            Some("2025-03-01T02:00:00+02:00"),
            Some("2025-02-28T23:00:00-05:00"),
            Some("1969-07-20"),
        ]);
        let headline = prop::sample::select(vec!["a", "b", "ب"]);
        let path = prop::sample::select(vec!["x.json", "a/x.json", "a.b.json", "a-b/c.json"]);
        prop::collection::vec((headline, date, path), 0..40).prop_map(|items| {
            items
                .into_iter()
                .map(|(h, d, p)| listing(h, d, p))
                .collect()
        })
    }

    proptest! {
        #[test]
        fn sorting_with_the_dates_read_once_is_reading_order(mut items in listings()) {
            let mut expected = items.clone();
            expected.sort_by(reading_order);
            sort_reading_order(&mut items);
            prop_assert_eq!(items, expected);
        }

        #[test]
        fn permute_puts_each_item_where_the_order_says(
            order in Just((0..30).collect::<Vec<usize>>()).prop_shuffle()
        ) {
            let mut items: Vec<usize> = (100..130).collect();
            let expected: Vec<usize> = order.iter().map(|&i| 100 + i).collect();
            let mut order = order;
            permute(&mut items, &mut order);
            prop_assert_eq!(items, expected);
        }
    }
}
