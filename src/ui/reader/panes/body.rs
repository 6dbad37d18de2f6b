use crate::briefing::{Block, Briefing, Unit};
use crate::ui::content::{DirectionRule, Field, FieldKind, Fields};

pub fn fields(briefing: &Briefing, rule: DirectionRule) -> Vec<Field> {
    // A copy of each block, moved into its fields: the copy `Fields::push` would make.
    fields_from(
        briefing.summary.as_deref(),
        briefing.body.iter().cloned(),
        rule,
    )
}

/// The fields of a summary and body blocks, the blocks' text moved into them.
pub fn fields_from(
    summary: Option<&str>,
    body: impl IntoIterator<Item = Block>,
    rule: DirectionRule,
) -> Vec<Field> {
    let mut fields = Fields::new(rule);
    if let Some(summary) = summary {
        fields.unit(Some(Unit::Summary));
        fields.push(FieldKind::Summary, summary, false);
    }
    for (index, block) in body.into_iter().enumerate() {
        fields.unit(Some(Unit::Block(index)));
        match block {
            Block::Paragraph(text) => fields.push_owned(FieldKind::Paragraph, text, true),
            Block::Heading(text) => fields.push_owned(FieldKind::Heading, text, true),
            Block::Bullets { lead, items } => {
                let led = lead.is_some();
                if let Some(lead) = lead {
                    fields.push_owned(FieldKind::Lead, lead, true);
                }
                for (n, item) in items.into_iter().enumerate() {
                    fields.push_owned(FieldKind::Bullet, item, n == 0 && !led);
                }
            }
        }
    }
    fields.unit(None);
    if fields.is_empty() {
        fields.push_own(FieldKind::Notice, "(this briefing has no body)", false);
    }
    fields.finish()
}
