use crate::briefing::{Block, Briefing, Unit};
use crate::ui::content::{DirectionRule, Field, FieldKind, Fields};

pub fn fields(briefing: &Briefing, rule: DirectionRule) -> Vec<Field> {
    let mut fields = Fields::new(rule);
    if let Some(summary) = &briefing.summary {
        fields.unit(Some(Unit::Summary));
        fields.push(FieldKind::Summary, summary, false);
    }
    for (index, block) in briefing.body.iter().enumerate() {
        fields.unit(Some(Unit::Block(index)));
        match block {
            Block::Paragraph(text) => fields.push(FieldKind::Paragraph, text, true),
            Block::Heading(text) => fields.push(FieldKind::Heading, text, true),
            Block::Bullets { lead, items } => {
                if let Some(lead) = lead {
                    fields.push(FieldKind::Lead, lead, true);
                }
                for (n, item) in items.iter().enumerate() {
                    fields.push(FieldKind::Bullet, item, n == 0 && lead.is_none());
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
