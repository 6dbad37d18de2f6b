use crate::briefing::{Briefing, GroupSource, Unit};
use crate::ui::content::{DirectionRule, Field, FieldKind, Fields};

/// The key points, or the body's bullet lists under their heading and lead.
pub fn fields(briefing: &Briefing, rule: DirectionRule) -> Vec<Field> {
    let mut fields = Fields::new(rule);
    for (group, source) in briefing.sourced_point_groups() {
        let (heading_unit, block_unit) = match source {
            GroupSource::Points => (None, None),
            GroupSource::Body { heading, block } => {
                (heading.map(Unit::Block), Some(Unit::Block(block)))
            }
        };
        if let Some(heading) = group.heading {
            fields.unit(heading_unit);
            fields.push(FieldKind::Heading, heading, true);
        }
        fields.unit(block_unit);
        if let Some(lead) = group.lead {
            fields.push(FieldKind::Lead, lead, group.heading.is_none());
        }
        let gap = group.heading.is_none() && group.lead.is_none();
        for (n, item) in group.items.iter().enumerate() {
            if source == GroupSource::Points {
                fields.unit(Some(Unit::Point(n)));
            }
            fields.push(FieldKind::Bullet, item, gap && n == 0);
        }
    }
    fields.unit(None);
    if fields.is_empty() {
        fields.push_own(FieldKind::Notice, "(no key points)", false);
    }
    fields.finish()
}
