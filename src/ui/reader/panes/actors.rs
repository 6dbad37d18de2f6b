use crate::briefing::{Actor, Briefing, Unit};
use crate::ui::content::{DirectionRule, Field, FieldKind, Fields};
use crate::ui::reader::panes::headline::SEPARATOR;
use crate::ui::reader::panes::quotes::joined;

/// One selectable item per actor, numbered as in `briefing.actors`.
pub fn fields(briefing: &Briefing, rule: DirectionRule) -> Vec<Field> {
    let mut fields = Fields::new(rule);
    for (index, actor) in briefing.actors.iter().enumerate() {
        fields.item(index);
        fields.unit(Some(Unit::Actor(index)));
        fields.push(FieldKind::Name, &actor.name, index > 0);
        if let Some(role) = &actor.role {
            fields.push(FieldKind::Detail, role, false);
        }
        let place: Vec<&str> = [actor.organization.as_deref(), actor.country.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !place.is_empty() {
            fields.push_joined(FieldKind::Meta, &place, SEPARATOR, false);
        }
    }
    fields.unit(None);
    if fields.is_empty() {
        fields.push_own(FieldKind::Notice, "(no actors)", false);
    }
    fields.finish()
}

/// What `y` copies for an actor: `name — role, organization, country`.
pub fn copied(actor: &Actor) -> String {
    let details: Vec<&str> = [
        actor.role.as_deref(),
        actor.organization.as_deref(),
        actor.country.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let name = crate::text::sanitize(&actor.name).text;
    match details.is_empty() {
        true => name,
        false => format!("{name} — {}", joined(&details)),
    }
}

/// The strings that name `actor` in running text, longest first so that a long alias wins
/// over a shorter one it contains.
pub fn names(actor: &Actor) -> Vec<&str> {
    let mut names: Vec<&str> = std::iter::once(actor.name.as_str())
        .chain(actor.aliases.iter().map(String::as_str))
        .filter(|n| !n.trim().is_empty())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names
}
