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

/// A library entry as the list holds it: what its rows and filter are made from, the first
/// time they are needed. The text itself stays in the library's listing.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) rule: DirectionRule,
    pub(super) failed: bool,
    /// What a filter looks in (`filter::haystack`), made when one first does.
    pub(super) haystack: Option<String>,
    /// The entry laid out as a row of the list, when it first comes into view; kept while
    /// the width stays, so that moving the selection lays nothing out again.
    pub(super) row: Option<EntryRow>,
}

impl Entry {
    /// Library entry `at`: the briefings, then the files that failed.
    pub(super) fn of(library: &Library, at: usize) -> Option<Self> {
        let (rule, failed) = match library.entry(at)? {
            LibraryEntry::Listed(l) => {
                let language = l.language.as_deref();
                (
                    DirectionRule::of_parts(l.direction, language, &l.headline),
                    false,
                )
            }
            LibraryEntry::Failed(_) => (DirectionRule::forced(BaseDirection::Ltr), true),
        };
        Some(Entry {
            rule,
            failed,
            haystack: None,
            row: None,
        })
    }
}

/// The parts of an entry laid out at the current width: its text, sanitized.
#[derive(Debug, Clone)]
pub(super) struct EntryRow {
    pub(super) date: String,
    pub(super) lang: String,
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

/// Library entry `at` laid out for a row `width` cells wide.
pub(super) fn entry_row(
    library: &Library,
    at: usize,
    entry: &Entry,
    width: usize,
    engine: Engine,
) -> EntryRow {
    let clean = |text: Option<&str>, most: usize| {
        let text = text.map(|t| sanitize(t).text).unwrap_or_default();
        text.chars().take(most).collect::<String>()
    };
    let (date, class, lang, title, kind) = match library.entry(at) {
        Some(LibraryEntry::Listed(l)) => (
            clean(l.date.as_deref(), DATE_WIDTH),
            clean(l.classification.as_deref(), usize::MAX),
            clean(l.language.as_deref(), LANG_WIDTH),
            sanitize(&l.headline).text,
            FieldKind::Headline,
        ),
        Some(LibraryEntry::Failed(failure)) => (
            "✗ ERROR".into(),
            String::new(),
            String::new(),
            sanitize(&failure.path.display().to_string()).text,
            FieldKind::Error,
        ),
        None => (
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            FieldKind::Headline,
        ),
    };
    let title_width = title_width(width, entry.failed);
    EntryRow {
        date,
        lang,
        class: Row::notice(
            first_line(&class, CLASS_WIDTH, DirectionRule::auto(), engine),
            FieldKind::Banner,
        ),
        title: Row::notice(first_line(&title, title_width, entry.rule, engine), kind),
    }
}
