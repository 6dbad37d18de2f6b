//! Articles into briefings: text in, a briefing's JSON out. Pure: no files, no network.
//!
//! What the importer infers rather than reads (a headline taken from the first sentence, a
//! language from the letters, a speaker from the words around a quotation) is listed by
//! JSON path in the briefing's `import.guessed`, for a person to check. Nothing is made up:
//! a field the article does not give stays out, and every block's text is the article's.

mod actors;
mod args;
mod blocks;
mod dates;
mod draft;
mod feed;
mod file_name;
mod html;
mod language;
mod lexicon;
mod place;
mod quotes;
mod words;

pub use args::ImportArgs;
pub use blocks::{Layout, layout};
pub use draft::{Draft, DraftActor, DraftBlock, DraftQuote, DraftSource, IMPORTER, ImportRecord};
pub use feed::{FeedError, from_feed};
pub use file_name::stem as file_stem;

/// What is known about an article besides its text.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The file or address it came from.
    pub source: Option<String>,
    /// A language given by the user or the page; detected from the letters otherwise.
    pub language: Option<String>,
    pub headline: Option<String>,
    pub date: Option<String>,
    pub source_name: Option<String>,
    pub url: Option<String>,
    pub tags: Vec<String>,
}

/// A plain-text or Markdown article as a briefing draft.
pub fn from_text(text: &str, markdown: bool, meta: &Meta) -> Option<Draft> {
    from_layout(layout(text, markdown), meta)
}

/// An HTML page as a briefing draft; its metadata fills what `meta` leaves out.
pub fn from_html(html: &str, meta: &Meta) -> Option<Draft> {
    let (layout, meta) = html::read(html, meta);
    from_layout(layout, &meta)
}

/// A laid-out article as a briefing draft; `None` when it has no text at all.
pub fn from_layout(mut layout: Layout, meta: &Meta) -> Option<Draft> {
    if let (Some(given), Some(found)) = (&meta.headline, &layout.headline)
        && !layout.headline_guessed
        && given != found
    {
        // A title line of the text that is not the headline given stays in the body.
        layout.body.insert(0, DraftBlock::Paragraph(found.clone()));
        for quote in &mut layout.block_quotes {
            quote.block += 1;
        }
    }
    let mut guessed = Vec::new();
    let headline = match meta.headline.clone().filter(|h| !h.trim().is_empty()) {
        Some(headline) => headline,
        None => {
            if layout.headline_guessed {
                guessed.push("headline".to_owned());
            }
            layout.headline.clone()?
        }
    };
    let texts = texts(&layout.body);
    let all = texts.join("\n");
    let language = match &meta.language {
        Some(language) => Some(language.clone()),
        None => {
            let found = language::detect(&format!("{headline}\n{all}")).map(str::to_owned);
            if found.is_some() {
                guessed.extend(["language".to_owned(), "direction".to_owned()]);
            }
            found
        }
    };
    let date = meta.date.clone().or_else(|| {
        let opening = texts.iter().take(2).copied().collect::<Vec<_>>().join("\n");
        let found = dates::find(&format!("{headline}\n{opening}"));
        found.inspect(|_| guessed.push("date".to_owned()))
    });
    let location = place::find(texts.first().copied().unwrap_or_default());
    if location.is_some() {
        guessed.push("location".to_owned());
    }
    let mut actors = actors::find(&texts);
    let quotes = find_quotes(&layout, &mut actors, &mut guessed);
    let source = (meta.source_name.is_some() || meta.url.is_some()).then(|| DraftSource {
        name: meta.source_name.clone(),
        url: meta.url.clone(),
    });
    Some(Draft {
        format: 1,
        headline,
        direction: language.as_deref().map(language::direction),
        language,
        date,
        location,
        source,
        tags: meta.tags.clone(),
        body: layout.body,
        quotes,
        actors: actors.list,
        import: ImportRecord {
            importer: IMPORTER,
            source: meta.source.clone(),
            guessed,
        },
    })
}

/// The texts names and quotations are looked for in: paragraphs, leads and list items.
fn texts(body: &[DraftBlock]) -> Vec<&str> {
    let mut texts = Vec::new();
    for block in body {
        match block {
            DraftBlock::Paragraph(text) => texts.push(text.as_str()),
            DraftBlock::Heading { .. } => {}
            DraftBlock::Bullets { lead, bullets } => {
                texts.extend(lead.as_deref());
                texts.extend(bullets.iter().map(String::as_str));
            }
        }
    }
    texts
}

fn find_quotes(
    layout: &Layout,
    actors: &mut actors::Actors,
    guessed: &mut Vec<String>,
) -> Vec<DraftQuote> {
    let mut found = Vec::new();
    let mut last_speaker: Option<String> = None;
    for (index, block) in layout.body.iter().enumerate() {
        let DraftBlock::Paragraph(paragraph) = block else {
            continue;
        };
        let mut in_block: Vec<quotes::Found<'_>> = quotes::quotations(paragraph);
        if let Some(quote) = layout.block_quotes.iter().find(|q| q.block == index) {
            let before = match index.checked_sub(1).map(|i| &layout.body[i]) {
                Some(DraftBlock::Paragraph(text)) => text.as_str(),
                _ => "",
            };
            in_block = vec![quotes::Found {
                text: &quote.text,
                before,
                after: "",
            }];
        }
        for quote in in_block {
            let Some((speaker, guess)) = quotes::speaker(actors, &quote, last_speaker.as_deref())
            else {
                continue;
            };
            if guess {
                guessed.push(format!("quotes[{}].speaker", found.len()));
            }
            last_speaker = Some(speaker.clone());
            found.push(DraftQuote {
                text: quote.text.to_owned(),
                speaker,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests;
