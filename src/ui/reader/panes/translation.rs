//! Which text the panes show: the original, one of its translations, or both, each unit
//! of the original followed by its translation's fields.

use super::{PaneId, fields};
use crate::briefing::{Briefing, Unit};
use crate::text::BaseDirection;
use crate::ui::content::{Column, DirectionRule, Field, FieldKind};

/// From this screen width on, a translation goes beside its original; below it, the two
/// stack.
pub const SIDE_BY_SIDE_WIDTH: u16 = 100;

/// The text the panes show; a translation by its index in `briefing.translations`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TextView {
    #[default]
    Original,
    Translation(usize),
    SideBySide(usize),
}

impl TextView {
    /// `t`: original, translation, side by side, and round again; the original alone for a
    /// briefing without translations.
    pub fn cycled(self, briefing: &Briefing) -> Self {
        match self.fitted(briefing) {
            TextView::Original if !briefing.translations.is_empty() => TextView::Translation(0),
            TextView::Translation(t) => TextView::SideBySide(t),
            TextView::Original | TextView::SideBySide(_) => TextView::Original,
        }
    }

    /// `T`: the next translation, in the same view (the translation view from the original).
    pub fn next_translation(self, briefing: &Briefing) -> Self {
        let count = briefing.translations.len();
        match self.fitted(briefing) {
            _ if count == 0 => TextView::Original,
            TextView::Original => TextView::Translation(0),
            TextView::Translation(t) => TextView::Translation((t + 1) % count),
            TextView::SideBySide(t) => TextView::SideBySide((t + 1) % count),
        }
    }

    /// The same view of another briefing: its first translation when it has fewer, the
    /// original when it has none.
    pub fn fitted(self, briefing: &Briefing) -> Self {
        let count = briefing.translations.len();
        let fit = |t: usize| if t < count { t } else { 0 };
        match self {
            _ if count == 0 => TextView::Original,
            TextView::Original => TextView::Original,
            TextView::Translation(t) => TextView::Translation(fit(t)),
            TextView::SideBySide(t) => TextView::SideBySide(fit(t)),
        }
    }

    pub fn translation(self) -> Option<usize> {
        match self {
            TextView::Original => None,
            TextView::Translation(t) | TextView::SideBySide(t) => Some(t),
        }
    }

    /// The languages the pane titles name while a translation is shown: `en`, `ar | en`.
    pub fn languages(self, briefing: &Briefing) -> Option<String> {
        let original = briefing.language.as_deref().unwrap_or("original");
        let translated = |t: usize| briefing.translations.get(t).map(|t| t.language.as_str());
        match self.fitted(briefing) {
            TextView::Original => None,
            TextView::Translation(t) => translated(t).map(str::to_owned),
            TextView::SideBySide(t) => translated(t).map(|tr| format!("{original} | {tr}")),
        }
    }
}

/// The fields pane `pane` shows of `briefing` in `view` (see `fields`), with which
/// quotations those are.
pub fn view_fields(
    pane: PaneId,
    briefing: &Briefing,
    view: TextView,
    actor: Option<usize>,
) -> (Vec<Field>, Vec<usize>) {
    let original = || fields(pane, briefing, DirectionRule::of(briefing), actor);
    let Some(index) = view.fitted(briefing).translation() else {
        return original();
    };
    let Some(translated) = briefing.translated(index) else {
        return original();
    };
    let (translation, shown) = fields(pane, &translated, translation_rule(&translated), actor);
    if let TextView::Translation(_) = view {
        return (translation, shown);
    }
    let (original, shown) = original();
    let covered = |field: &Field| {
        let t = briefing.translations.get(index);
        field
            .unit
            .is_some_and(|unit| t.is_some_and(|t| t.covers(unit)))
    };
    (paired(original, &translation, covered), shown)
}

/// `view_fields` of every pane in order, for output that needs the briefing no more: the
/// original's body is moved out of `briefing` into its fields rather than copied, once
/// the other panes (the points may list the body's bullets) have their fields.
pub fn take_view_fields(briefing: &mut Briefing, view: TextView) -> Vec<(PaneId, Vec<Field>)> {
    let moved = view.fitted(briefing).translation().is_none();
    let mut panes: Vec<(PaneId, Vec<Field>)> = PaneId::ALL
        .into_iter()
        .map(|pane| match pane {
            PaneId::Body if moved => (pane, Vec::new()),
            _ => (pane, view_fields(pane, briefing, view, None).0),
        })
        .collect();
    if moved {
        let rule = DirectionRule::of(briefing);
        let body = std::mem::take(&mut briefing.body);
        let fields = super::body::fields_from(briefing.summary.as_deref(), body, rule);
        if let Some((_, slot)) = panes.iter_mut().find(|(pane, _)| *pane == PaneId::Body) {
            *slot = fields;
        }
    }
    panes
}

/// A translation reads in its language's direction throughout, whatever script a name or
/// an untranslated part it carries over is in: its column is an English (or Arabic) text.
fn translation_rule(translated: &Briefing) -> DirectionRule {
    let rule = DirectionRule::of(translated);
    match rule.briefing {
        BaseDirection::Auto => rule,
        known => DirectionRule::forced(known),
    }
}

/// The original's fields with, after each unit's, the translation's fields of that unit
/// when `covered` says it is translated. Both were built from one structure, so the n-th
/// run of fields of one unit in each is the same piece of the briefing (a heading shown
/// above two lists in the points pane is two runs).
fn paired(
    original: Vec<Field>,
    translation: &[Field],
    covered: impl Fn(&Field) -> bool,
) -> Vec<Field> {
    let mut out = Vec::with_capacity(original.len() + translation.len());
    let translated_runs = runs(translation);
    for (n, run) in runs(&original).into_iter().enumerate() {
        let Some(first) = run.first() else {
            continue;
        };
        if first.unit.is_none() {
            out.extend(run.iter().cloned());
            continue;
        }
        let beside = translated_runs
            .get(n)
            .filter(|t| t.first().map(|f| f.unit) == Some(first.unit) && covered(first));
        out.extend(run.iter().map(|f| in_column(f, Column::Original)));
        let actor = matches!(first.unit, Some(Unit::Actor(_)));
        let beside = beside
            .into_iter()
            .flat_map(|t| t.iter())
            // Beside an actor, only the role: the name and the place are not translated.
            .filter(|f| !actor || f.kind == FieldKind::Detail);
        for (i, field) in beside.enumerate() {
            let mut field = in_column(field, Column::Translation);
            // A translation stacked under its original follows it without a blank row.
            field.gap &= i > 0;
            out.push(field);
        }
    }
    out
}

/// `fields` cut into runs of one unit; each field of no unit is a run of its own.
fn runs(fields: &[Field]) -> Vec<&[Field]> {
    let mut runs = Vec::new();
    let mut start = 0;
    while let Some(first) = fields.get(start) {
        let length = match first.unit {
            None => 1,
            unit => fields[start..]
                .iter()
                .take_while(|f| f.unit == unit)
                .count(),
        };
        runs.push(&fields[start..start + length]);
        start += length;
    }
    runs
}

fn in_column(field: &Field, column: Column) -> Field {
    Field {
        column,
        ..field.clone()
    }
}
