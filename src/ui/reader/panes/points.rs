use crate::briefing::Briefing;
use crate::ui::content::{DirectionRule, Field, FieldKind, Fields};

/// The key points, or the body's bullet lists under their heading and lead.
pub fn fields(briefing: &Briefing, rule: DirectionRule) -> Vec<Field> {
    let mut fields = Fields::new(rule);
    for group in briefing.point_groups() {
        if let Some(heading) = &group.heading {
            fields.push(FieldKind::Heading, heading, true);
        }
        if let Some(lead) = &group.lead {
            fields.push(FieldKind::Lead, lead, group.heading.is_none());
        }
        let gap = group.heading.is_none() && group.lead.is_none();
        for (n, item) in group.items.iter().enumerate() {
            fields.push(FieldKind::Bullet, item, gap && n == 0);
        }
    }
    if fields.is_empty() {
        fields.push_own(FieldKind::Notice, "(no key points)", false);
    }
    fields.finish()
}
