//! How well a briefing matches a query, for [`super::Order::Relevance`]: each word or phrase
//! the query looks for counts by the best part of the briefing it is found in (the headline
//! 4, the summary, body or points 2, anything else 1) and the score is their sum. A briefing
//! with every term in its headline comes first; one that names them only in its tags or
//! quotations comes after those that discuss them. Filters (`actor:`, `date:`...) select
//! without scoring: a query of filters alone scores every match 0, so they stay newest
//! first.

use crate::briefing::Briefing;
use crate::briefing::query::{Part, Query, fields, normalize_text, term_matches};

fn weight(part: Part) -> u32 {
    match part {
        Part::Headline => 4,
        Part::Summary | Part::Body | Part::Point => 2,
        _ => 1,
    }
}

/// The score of `briefing` for `query`; 0 when it looks for no words.
pub fn relevance(briefing: &Briefing, query: &Query) -> u32 {
    let terms = query.text_terms();
    if terms.is_empty() {
        return 0;
    }
    let mut best = vec![0; terms.len()];
    for field in fields(briefing) {
        let weight = weight(field.part);
        if best.iter().all(|&b| b >= weight) {
            continue;
        }
        let text = normalize_text(&field.text);
        for (term, best) in terms.iter().zip(&mut best) {
            if *best < weight && term_matches(&text, term) {
                *best = weight;
            }
        }
    }
    best.iter().sum()
}
