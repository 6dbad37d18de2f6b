use crate::briefing::{Briefing, Source, Unit};
use crate::ui::content::{DirectionRule, Field, FieldKind, Fields};
use crate::ui::reader::panes::quotes::joined;

pub const SEPARATOR: &str = " · ";

/// What `y` copies on the headline pane, a citation: `headline — source, date, place,
/// address` (the address when the source also has a name).
pub fn cited(briefing: &Briefing) -> String {
    let source = briefing.source.as_ref();
    let url = source
        .filter(|s| s.name.is_some())
        .and_then(|s| s.url.as_deref());
    let date = briefing.shown_date();
    let parts: Vec<&str> = [
        source.and_then(Source::label),
        date.as_deref(),
        briefing.location.as_deref(),
        url,
    ]
    .into_iter()
    .flatten()
    .collect();
    let headline = crate::text::sanitize(&briefing.headline).text;
    match parts.is_empty() {
        true => headline,
        false => format!("{headline} — {}", joined(&parts)),
    }
}

pub fn fields(briefing: &Briefing, rule: DirectionRule) -> Vec<Field> {
    let mut fields = Fields::new(rule);
    if let Some(classification) = &briefing.classification {
        fields.push(FieldKind::Banner, classification, false);
    }
    fields.unit(Some(Unit::Headline));
    fields.push(FieldKind::Headline, &briefing.headline, false);
    fields.unit(None);
    let source = briefing.source.as_ref().and_then(Source::label);
    let date = briefing.shown_date();
    let meta: Vec<&str> = [date.as_deref(), briefing.location.as_deref(), source]
        .into_iter()
        .flatten()
        .collect();
    if !meta.is_empty() {
        fields.push_joined(FieldKind::Meta, &meta, SEPARATOR, false);
    }
    // The label above is the source's name when it has one: its address goes below.
    let address = briefing.source.as_ref().filter(|s| s.name.is_some());
    if let Some(url) = address.and_then(|s| s.url.as_deref()) {
        fields.push_own(FieldKind::Address, url, false);
    }
    if !briefing.tags.is_empty() {
        let tags: Vec<&str> = briefing.tags.iter().map(String::as_str).collect();
        fields.push_joined(FieldKind::Tags, &tags, SEPARATOR, false);
    }
    fields.finish()
}
