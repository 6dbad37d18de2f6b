//! `brief export`: briefings as Markdown, HTML or plain text, to standard output or a file
//! that is never overwritten unless asked.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use brief::briefing::{Briefing, LoadOptions, load_file};
use brief::export::export;

use crate::cli::args::{ExportArgs, OutputArgs};

pub fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let options = LoadOptions {
        max_size: args.max_size,
    };
    let mut briefings = Vec::with_capacity(args.files.len());
    let mut failed = false;
    for file in &args.files {
        match load_file(file, &options) {
            Ok(loaded) => briefings.push(loaded.briefing),
            Err(failure) => {
                failed = true;
                for diagnostic in &failure.diagnostics {
                    eprintln!("{diagnostic}");
                }
            }
        }
    }
    if failed {
        // Half an export would pass for a whole one: nothing is written.
        eprintln!("brief: export: nothing written, a briefing did not load");
        return Ok(ExitCode::from(1));
    }
    let refs: Vec<&Briefing> = briefings.iter().collect();
    write_output(&args.output, &export(&refs, args.output.format.into()))?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `document` where `output` says: standard output, or OUT, which must not exist
/// unless `--force`.
pub fn write_output(output: &OutputArgs, document: &str) -> anyhow::Result<()> {
    match &output.output {
        None => match io::stdout().lock().write_all(document.as_bytes()) {
            // `brief export … | head` stops reading early; that is not an error.
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            other => other.context("cannot write to standard output"),
        },
        Some(path) => write_file(path, document, output.force),
    }
}

fn write_file(path: &Path, document: &str, force: bool) -> anyhow::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        // Checked and created in one step, so no file that appears meanwhile is lost.
        options.create_new(true);
    }
    let mut file = match options.open(path) {
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            anyhow::bail!("{}: already exists; --force replaces it", path.display())
        }
        other => other.with_context(|| format!("{}: cannot write", path.display()))?,
    };
    file.write_all(document.as_bytes())
        .and_then(|()| file.flush())
        .with_context(|| format!("{}: cannot write", path.display()))
}
