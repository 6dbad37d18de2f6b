use crate::briefing::{Briefing, Source};
use crate::ui::content::{Directions, Field, FieldKind, Fields};

pub const SEPARATOR: &str = " · ";

pub fn fields(briefing: &Briefing, directions: Directions) -> Vec<Field> {
    let mut fields = Fields::new(directions);
    if let Some(classification) = &briefing.classification {
        fields.push(FieldKind::Banner, classification, false);
    }
    fields.push(FieldKind::Headline, &briefing.headline, false);
    let source = briefing.source.as_ref().and_then(Source::label);
    let meta: Vec<&str> = [
        briefing.date.as_deref(),
        briefing.location.as_deref(),
        source,
    ]
    .into_iter()
    .flatten()
    .collect();
    if !meta.is_empty() {
        fields.push_joined(FieldKind::Meta, &meta, SEPARATOR, false);
    }
    if !briefing.tags.is_empty() {
        let tags: Vec<&str> = briefing.tags.iter().map(String::as_str).collect();
        fields.push_joined(FieldKind::Tags, &tags, SEPARATOR, false);
    }
    fields.finish()
}
