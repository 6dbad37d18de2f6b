//! Problems found in a parsed document become located diagnostics.

use std::collections::HashSet;
use std::path::Path;

use super::checker::{Anchor, Problem};
use super::diagnostic::quoted;
use super::json_path::{JsonPath, Segment};
use super::locate::{self, Position};
use super::{Diagnostic, Severity};

/// More than this many diagnostics for one file are summed up in a last line: a hostile
/// file with a million unknown keys should not print a million lines.
pub const MAX_DIAGNOSTICS_PER_FILE: usize = 100;

pub(crate) fn diagnostics(path: &Path, text: &str, problems: &[Problem]) -> Vec<Diagnostic> {
    let wanted: HashSet<JsonPath> = problems.iter().map(anchor_path).collect();
    let scan = locate::scan(text, &wanted);
    let mut located: Vec<(Position, Diagnostic)> = problems
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
        let key = match key_path.last() {
            Some(Segment::Key(key)) => key.as_str(),
            _ => "",
        };
        let problem = Problem {
            severity: Severity::Warning,
            path: key_path.clone(),
            anchor: Anchor::Key,
            message: format!("duplicate key {}; the last one counts", quoted(key)),
        };
        located.push((*position, diagnostic(path, *position, &problem)));
    }
    located.sort_by_key(|(position, diagnostic)| (*position, diagnostic.severity));
    cap(
        path,
        located
            .into_iter()
            .map(|(_, diagnostic)| diagnostic)
            .collect(),
    )
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

fn cap(path: &Path, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if diagnostics.len() <= MAX_DIAGNOSTICS_PER_FILE {
        return diagnostics;
    }
    let dropped = diagnostics.split_off(MAX_DIAGNOSTICS_PER_FILE - 1);
    let errors = dropped.iter().filter(|d| d.is_error()).count();
    let first = dropped.first().map_or((0, 0), |d| (d.line, d.column));
    diagnostics.push(Diagnostic {
        path: path.to_path_buf(),
        line: first.0,
        column: first.1,
        severity: if errors > 0 {
            Severity::Error
        } else {
            Severity::Warning
        },
        json_path: None,
        message: format!(
            "{} more problems from here on are not shown ({errors} errors, {} warnings)",
            dropped.len(),
            dropped.len() - errors
        ),
    });
    diagnostics
}
