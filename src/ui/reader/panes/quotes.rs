use crate::briefing::{Briefing, Quote, Source, Unit};
use crate::ui::content::{DirectionRule, Field, FieldKind, Fields, Piece, comma, join_with_commas};

/// The quotations shown, as indices into `briefing.quotes` (all of them, or the filtered
/// actor's), and their fields; item `n` is `shown[n]`.
pub struct QuoteFields {
    pub fields: Vec<Field>,
    pub shown: Vec<usize>,
}

pub fn fields(briefing: &Briefing, rule: DirectionRule, actor: Option<usize>) -> QuoteFields {
    let mut fields = Fields::new(rule);
    let filter = actor.and_then(|a| briefing.actors.get(a));
    if let Some(actor) = filter {
        fields.push_own(FieldKind::Notice, "only quotations by:", false);
        fields.push(FieldKind::Name, &actor.name, false);
    }
    let shown: Vec<usize> = briefing
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, quote)| {
            filter.is_none_or(|actor| briefing.find_actor(&quote.speaker) == Some(actor))
        })
        .map(|(index, _)| index)
        .collect();
    for (item, &index) in shown.iter().enumerate() {
        let quote = &briefing.quotes[index];
        fields.item(item);
        fields.unit(Some(Unit::Quote(index)));
        let quoted = [
            Piece::Mark("«"),
            Piece::Field(&quote.text),
            Piece::Mark("»"),
        ];
        fields.push_row(FieldKind::Quote, &quoted, item > 0 || filter.is_some());
        let (name, role) = speaker(briefing, quote);
        let mut attribution = vec![Piece::Mark("— "), Piece::Field(name)];
        attribution.extend(
            role.map(|role| [Piece::Mark(comma(name, role)), Piece::Field(role)])
                .into_iter()
                .flatten(),
        );
        fields.push_row(FieldKind::Attribution, &attribution, false);
        if let Some(context) = &quote.context {
            fields.push(FieldKind::Context, context, false);
        }
    }
    fields.unit(None);
    if shown.is_empty() {
        fields.push_own(FieldKind::Notice, "(no quotations)", filter.is_some());
    }
    QuoteFields {
        fields: fields.finish(),
        shown,
    }
}

/// The speaker's name and role: the actor the quote names, else the free name as written.
pub fn speaker<'a>(briefing: &'a Briefing, quote: &'a Quote) -> (&'a str, Option<&'a str>) {
    match briefing.find_actor(&quote.speaker) {
        Some(actor) => (actor.name.as_str(), actor.role.as_deref()),
        None => (quote.speaker.as_str(), None),
    }
}

/// The quotation as the clipboard gets it, in logical order:
/// «text» — speaker, role, source, date.
pub fn attributed(briefing: &Briefing, quote: &Quote) -> String {
    let (name, role) = speaker(briefing, quote);
    let source = briefing.source.as_ref().and_then(Source::label);
    let date = briefing.shown_date();
    let attribution: Vec<&str> = [Some(name), role, source, date.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let text = crate::text::sanitize(&quote.text).text;
    format!("«{text}» — {}", joined(&attribution))
}

/// Quotation `index` as `attributed`, and when translation `translation` translates its
/// words, them after: `«…» — speaker, … (translation: "…")`.
pub fn with_translation(briefing: &Briefing, index: usize, translation: Option<usize>) -> String {
    let Some(quote) = briefing.quotes.get(index) else {
        return String::new();
    };
    let original = attributed(briefing, quote);
    let translated = translation
        .and_then(|t| briefing.translations.get(t))
        .and_then(|t| t.quotes.get(index))
        .and_then(|q| q.as_ref()?.text.as_deref());
    match translated {
        Some(text) => format!(
            "{original} (translation: \"{}\")",
            crate::text::sanitize(text).text
        ),
        None => original,
    }
}

/// `parts` joined by commas for the clipboard, each the comma of the script it stands in
/// as on screen. Each part sanitized alone closes its own bidi controls, so an override in
/// a name cannot run on into the role, source and date.
pub fn joined(parts: &[&str]) -> String {
    let parts: Vec<String> = parts
        .iter()
        .map(|part| crate::text::sanitize(part).text)
        .collect();
    join_with_commas(&parts)
}
