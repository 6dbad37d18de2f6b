//! Problems found in a parsed document become located diagnostics.

use std::collections::HashSet;
use std::path::Path;

use super::checker::{Anchor, Checker, Problem};
use super::diagnostic::quoted;
use super::json_path::{JsonPath, Segment};
use super::locate::{self, Position};
use super::{Diagnostic, MAX_DIAGNOSTICS_PER_FILE, Severity};

pub(crate) fn diagnostics(path: &Path, text: &str, checker: &Checker) -> Vec<Diagnostic> {
    let wanted: HashSet<JsonPath> = checker.problems.iter().map(anchor_path).collect();
    let scan = locate::scan(text, &wanted);
    let mut located: Vec<(Position, Diagnostic)> = checker
        .problems
        .iter()
        .map(|problem| {
            let found = scan.found.get(&anchor_path(problem));
            let position = match (problem.anchor, found) {
                (Anchor::Key, Some(located)) => located.key.unwrap_or(located.value),
                (_, Some(located)) => located.value,
                (_, None) => Position::START,
            };
            (position, diagnostic(path, position, problem))
        })
        .collect();
    for (key_path, position) in &scan.duplicates {
        let problem = duplicate_key(key_path);
        located.push((*position, diagnostic(path, *position, &problem)));
    }
    located.sort_by_key(|(position, diagnostic)| (*position, diagnostic.severity));
    let mut shown: Vec<Diagnostic> = located.into_iter().map(|(_, d)| d).collect();
    let totals = Totals {
        errors: checker.errors,
        warnings: checker.warnings + scan.duplicate_count,
    };
    cap(path, &mut shown, totals);
    shown
}

fn duplicate_key(key_path: &JsonPath) -> Problem {
    let key = match key_path.last() {
        Some(Segment::Key(key)) => key,
        _ => "",
    };
    Problem {
        severity: Severity::Warning,
        path: key_path.clone(),
        anchor: Anchor::Key,
        message: format!("duplicate key {}; the last one counts", quoted(key)),
    }
}

fn anchor_path(problem: &Problem) -> JsonPath {
    match problem.anchor {
        Anchor::Parent => problem.path.parent(),
        Anchor::Value | Anchor::Key => problem.path.clone(),
    }
}

fn diagnostic(path: &Path, position: Position, problem: &Problem) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line: position.line,
        column: position.column,
        severity: problem.severity,
        json_path: (!problem.path.is_root()).then(|| problem.path.to_string()),
        message: problem.message.clone(),
    }
}

struct Totals {
    errors: usize,
    warnings: usize,
}

/// Keeps the first problems by position and sums up the others in a last line, which is
/// an error when any error goes unshown. Problems past the checker's limit were never
/// located, so "first" is among those kept.
fn cap(path: &Path, shown: &mut Vec<Diagnostic>, totals: Totals) {
    if totals.errors + totals.warnings <= MAX_DIAGNOSTICS_PER_FILE {
        return;
    }
    shown.truncate(MAX_DIAGNOSTICS_PER_FILE - 1);
    let shown_errors = shown.iter().filter(|d| d.is_error()).count();
    let errors = totals.errors - shown_errors;
    let warnings = totals.warnings - (shown.len() - shown_errors);
    shown.push(Diagnostic {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        severity: if errors > 0 {
            Severity::Error
        } else {
            Severity::Warning
        },
        json_path: None,
        message: format!(
            "{} more problems not shown ({errors} errors, {warnings} warnings)",
            errors + warnings
        ),
    });
}
