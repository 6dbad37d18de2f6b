//! RSS 2.0 and Atom feeds (read by `feed-rs`): one briefing per item, with the item's
//! title, date, link as source, categories as tags, and its content (else its summary)
//! read as HTML, or as plain text when it has no markup.

use super::draft::Draft;
use super::{Meta, from_html, from_text};

#[derive(Debug, thiserror::Error)]
#[error("not an RSS or Atom feed: {0}")]
pub struct FeedError(String);

/// The feed's items as briefing drafts; items with no text at all are left out.
pub fn from_feed(bytes: &[u8], given: &Meta) -> Result<Vec<Draft>, FeedError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| FeedError(e.to_string()))?;
    let feed_title = feed.title.map(|t| super::html::clean(&t.content));
    let mut drafts = Vec::new();
    for entry in feed.entries {
        let url = entry.links.first().map(|link| link.href.clone());
        let mut tags: Vec<String> = entry
            .categories
            .iter()
            .map(|c| c.label.clone().unwrap_or_else(|| c.term.clone()))
            .map(|t| super::html::clean(&t))
            .filter(|t| !t.is_empty())
            .collect();
        tags.dedup();
        let meta = Meta {
            source: url.clone().or_else(|| given.source.clone()),
            language: given.language.clone().or(entry.language.clone()),
            headline: entry
                .title
                .map(|t| super::html::clean(&t.content))
                .filter(|t| !t.is_empty()),
            date: entry
                .published
                .or(entry.updated)
                .map(|d| d.date_naive().to_string()),
            source_name: feed_title.clone().filter(|t| !t.is_empty()),
            url,
            tags,
        };
        let body = entry
            .content
            .and_then(|c| c.body)
            .or(entry.summary.map(|s| s.content))
            .unwrap_or_default();
        let draft = if body.contains('<') {
            from_html(&body, &meta)
        } else {
            from_text(&body, false, &meta)
        };
        drafts.extend(draft);
    }
    Ok(drafts)
}
