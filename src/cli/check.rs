use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use brief::briefing::{Diagnostic, LoadOptions, discover, is_terminal_hazard, load_file};
use brief::ui::count::plural;
use serde::Serialize;

use crate::cli::args::{CheckArgs, CheckFormat};

pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let (files, diagnostics) = check_paths(args);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let written = match args.format {
        CheckFormat::Text => write_text(&diagnostics),
        CheckFormat::Json => write_json(&diagnostics),
    };
    match written {
        // Whoever reads stopped listening (`brief check | head`); the verdict stands.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {}
        other => other.context("cannot write the report")?,
    }
    if args.format == CheckFormat::Text {
        let warnings = diagnostics.len() - errors;
        eprintln!(
            "brief: checked {}: {}, {}",
            plural(files, "file"),
            plural(errors, "error"),
            plural(warnings, "warning")
        );
    }
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Every problem under the given paths, grouped by file in path order, and the number of
/// files checked.
fn check_paths(args: &CheckArgs) -> (usize, Vec<Diagnostic>) {
    let options = LoadOptions {
        max_size: args.max_size,
    };
    let mut files = 0;
    let mut diagnostics = Vec::new();
    for path in &args.paths {
        let (found, failures) = discover(path);
        diagnostics.extend(failures.into_iter().flat_map(|failure| failure.diagnostics));
        for file in found {
            files += 1;
            match load_file(&file, &options) {
                Ok(loaded) => diagnostics.extend(loaded.warnings),
                Err(failure) => diagnostics.extend(failure.diagnostics),
            }
        }
    }
    diagnostics.sort_by(|a, b| a.path.cmp(&b.path));
    (files, diagnostics)
}

fn write_text(diagnostics: &[Diagnostic]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    for diagnostic in diagnostics {
        writeln!(out, "{diagnostic}")?;
    }
    out.flush()
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    path: std::borrow::Cow<'a, str>,
    line: Option<usize>,
    column: Option<usize>,
    severity: String,
    json_path: Option<&'a str>,
    message: &'a str,
}

fn write_json(diagnostics: &[Diagnostic]) -> io::Result<()> {
    // Problems with a whole file (too large, unreadable) have no position: null.
    let position = |n: usize| (n > 0).then_some(n);
    let entries: Vec<JsonEntry> = diagnostics
        .iter()
        .map(|d| JsonEntry {
            path: d.path.to_string_lossy(),
            line: position(d.line),
            column: position(d.column),
            severity: d.severity.to_string(),
            json_path: d.json_path.as_deref(),
            message: &d.message,
        })
        .collect();
    let json = serde_json::to_string_pretty(&entries).map_err(io::Error::other)?;
    let mut out = io::stdout().lock();
    writeln!(out, "{}", escape_terminal_controls(&json))?;
    out.flush()
}

/// serde_json escapes only U+0000–U+001F. DEL, the C1 controls (U+009B is an 8-bit CSI)
/// and the bidi marks and overrides would still reach a terminal that shows the output, so
/// every other terminal hazard is written as `\uXXXX` too: they can only stand inside JSON
/// strings, where that escape means the same character. The C0 controls left are the
/// pretty-printer's own line breaks, which must stay raw.
pub(crate) fn escape_terminal_controls(json: &str) -> String {
    let mut escaped = String::with_capacity(json.len());
    for c in json.chars() {
        if c >= ' ' && is_terminal_hazard(c) {
            escaped.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    escaped
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "a failed expectation is a failed test")]
mod tests {
    use super::escape_terminal_controls;

    #[test]
    fn c1_del_and_bidi_controls_become_json_escapes() {
        let json = "[\n  \"a\u{9b}2J\u{7f}\u{202e}\u{200e}b\"\n]";
        let escaped = escape_terminal_controls(json);
        assert_eq!(escaped, "[\n  \"a\\u009b2J\\u007f\\u202e\\u200eb\"\n]");
        let back: Vec<String> = serde_json::from_str(&escaped).expect("still JSON");
        assert_eq!(back, ["a\u{9b}2J\u{7f}\u{202e}\u{200e}b"]);
    }
}
