//! A library entry: its text sanitized once, and laid out as one row of the list.

use crate::briefing::{Library, LibraryEntry};
use crate::text::{BaseDirection, sanitize};
use crate::ui::content::{DirectionRule, Engine, FieldKind, Row};
use crate::ui::first_line::first_line;
use crate::ui::loading::Hit;
use crate::ui::mark::{Mark, MarkKind};

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
    /// The text around the search's match in it, laid out under its headline while the
    /// search is on and it is in view.
    pub(super) snippet: Option<Box<SnippetRow>>,
    /// The entry laid out as a row of the list, when it first comes into view; kept while
    /// the width stays, so that moving the selection lays nothing out again. Boxed, as is
    /// `snippet`: most entries never come into view, and each holds only a pointer.
    pub(super) row: Option<Box<EntryRow>>,
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
            snippet: None,
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

/// A search result's second line: the text around the match, and the match to highlight.
#[derive(Debug, Clone)]
pub(super) struct SnippetRow {
    pub(super) row: Row,
    pub(super) marks: Vec<Mark>,
}

/// `snippet` laid out in the headline's column of a row `width` cells wide, cut so that
/// its first match shows: a third of the column before it, when the text is longer.
pub(super) fn snippet_row(hit: &Hit, width: usize, engine: Engine) -> SnippetRow {
    let column = title_width(width, false);
    let first = hit.highlights.first().map_or(0, |range| range.start);
    // Ranges come from the search: one that is not on a character boundary cuts nothing.
    let before = hit
        .snippet
        .get(..first)
        .unwrap_or_default()
        .char_indices()
        .rev()
        .nth(column / 3);
    let start = before.map_or(0, |(at, _)| at);
    let (prefix, text) = if start > 0 {
        ("…", &hit.snippet[start..])
    } else {
        ("", hit.snippet.as_str())
    };
    let shown = format!("{prefix}{text}");
    let shift = |at: usize| (at + prefix.len()).saturating_sub(start);
    let marks = hit
        .highlights
        .iter()
        .filter(|range| range.start >= start)
        .map(|range| Mark {
            field: 0,
            range: shift(range.start)..shift(range.end),
            kind: MarkKind::Match,
        })
        .collect();
    let line = first_line(&shown, column, DirectionRule::auto(), engine);
    let row = Row {
        field: Some(0),
        ..Row::notice(line, FieldKind::Summary)
    };
    SnippetRow { row, marks }
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
