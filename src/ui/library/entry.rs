//! A library entry: its text sanitized once, and laid out as one row of the list.

use crate::briefing::{Library, LibraryEntry};
use crate::text::{BaseDirection, sanitize};
use crate::ui::content::{DirectionRule, Engine, FieldKind, Row};
use crate::ui::first_line::first_line;

pub(super) const DATE_WIDTH: usize = 10;
pub(super) const CLASS_WIDTH: usize = 10;
pub(super) const LANG_WIDTH: usize = 5;
/// Where the classification, language and headline start in a row, one cell after the
/// column before each.
pub(super) const CLASS_AT: usize = DATE_WIDTH + 1;
pub(super) const LANG_AT: usize = CLASS_AT + CLASS_WIDTH + 1;
const TITLE_AT: usize = LANG_AT + LANG_WIDTH + 1;
/// Narrower than this, a row shows the headline alone.
const COLUMNS_FROM: usize = 50;
/// The list's rows have a selection marker left of them.
pub(super) const LIST_SELECTABLE: bool = true;

/// A library entry as the list holds it: its text, sanitized once, and what is made of that
/// text the first time it is needed.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) date: String,
    pub(super) class: String,
    pub(super) lang: String,
    pub(super) title: String,
    pub(super) rule: DirectionRule,
    pub(super) failed: bool,
    /// Warnings the briefing loaded with (the list marks it).
    pub(super) warnings: usize,
    /// What a filter looks in (`filter::haystack`), made when one first does.
    pub(super) haystack: Option<String>,
    /// The entry laid out as a row of the list, when it first comes into view; kept while
    /// the width stays, so that moving the selection lays nothing out again.
    pub(super) row: Option<EntryRow>,
}

impl Entry {
    /// Library entry `at`: the briefings, then the files that failed.
    pub(super) fn of(library: &Library, at: usize) -> Option<Self> {
        let loaded = match library.entry(at)? {
            LibraryEntry::Loaded(loaded) => loaded,
            LibraryEntry::Failed(failure) => {
                return Some(Entry {
                    date: "✗ ERROR".into(),
                    class: String::new(),
                    lang: String::new(),
                    title: sanitize(&failure.path.display().to_string()).text,
                    rule: DirectionRule::forced(BaseDirection::Ltr),
                    failed: true,
                    warnings: 0,
                    haystack: None,
                    row: None,
                });
            }
        };
        let b = &loaded.briefing;
        let clean = |text: Option<&str>, most: usize| {
            let text = text.map(|t| sanitize(t).text).unwrap_or_default();
            text.chars().take(most).collect()
        };
        Some(Entry {
            date: clean(b.date.as_deref(), DATE_WIDTH),
            class: clean(b.classification.as_deref(), usize::MAX),
            lang: clean(b.language.as_deref(), LANG_WIDTH),
            title: sanitize(&b.headline).text,
            rule: DirectionRule::of(b),
            failed: false,
            warnings: loaded.warnings.len(),
            haystack: None,
            row: None,
        })
    }
}

/// The parts of an entry laid out at the current width.
#[derive(Debug, Clone)]
pub(super) struct EntryRow {
    pub(super) class: Row,
    pub(super) title: Row,
}

/// Whether a row `width` cells wide (the list's text width) shows the date,
/// classification and language columns before the headline.
pub(super) fn has_columns(width: usize) -> bool {
    width >= COLUMNS_FROM
}

/// The headline's width in a row `width` cells wide: what the columns before it leave. A
/// failed entry keeps its date column, which says so, when the others do not show.
pub(super) fn title_width(width: usize, failed: bool) -> usize {
    if has_columns(width) {
        width.saturating_sub(TITLE_AT)
    } else if failed {
        width.saturating_sub(CLASS_AT)
    } else {
        width
    }
}

/// `entry` laid out for a row `width` cells wide.
pub(super) fn entry_row(entry: &Entry, width: usize, engine: Engine) -> EntryRow {
    let kind = if entry.failed {
        FieldKind::Error
    } else {
        FieldKind::Headline
    };
    EntryRow {
        class: Row::notice(
            first_line(&entry.class, CLASS_WIDTH, DirectionRule::auto(), engine),
            FieldKind::Banner,
        ),
        title: Row::notice(
            first_line(
                &entry.title,
                title_width(width, entry.failed),
                entry.rule,
                engine,
            ),
            kind,
        ),
    }
}
