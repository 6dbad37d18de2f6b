//! `brief mark FILE...`: set or clear review marks from a script. Each file is loaded (to
//! know its id) and marked in its own transaction; a file that fails is reported and the
//! others are still marked. Exit status: 0 all marked, 1 some file failed, 2 no state.

use std::path::Path;
use std::process::ExitCode;

use brief::briefing::state::{BriefingKey, Mark, State};
use brief::briefing::{LoadOptions, is_terminal_hazard, load_file};

use super::args::MarkArgs;
use super::config::{open_state, state_path, user_config, who};

pub fn run(args: &MarkArgs) -> anyhow::Result<ExitCode> {
    let config = user_config();
    let path = state_path(args.state.as_deref(), &config);
    let Some(mut state) = open_state(path.as_deref()) else {
        return Ok(ExitCode::from(2));
    };
    let who = who(&config);
    let options = LoadOptions {
        max_size: args.max_size,
    };
    let mut failed = false;
    for file in &args.files {
        match mark_one(&mut state, args, file, &options, &who) {
            Ok(done) => println!("{}", escaped(&format!("{}: {done}", file.display()))),
            Err(error) => {
                eprintln!("brief: {}", escaped(&format!("{error:#}")));
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A line safe for a terminal: a file name's controls and bidi overrides escaped, as
/// `brief check` shows them.
fn escaped(line: &str) -> String {
    line.chars()
        .map(|c| {
            if is_terminal_hazard(c) && c != '\n' {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Marks one file as asked; what was done, as the line to print.
fn mark_one(
    state: &mut State,
    args: &MarkArgs,
    file: &Path,
    options: &LoadOptions,
    who: &str,
) -> anyhow::Result<String> {
    // The diagnostics name the file, line and column.
    let loaded = load_file(file, options).map_err(|failure| anyhow::anyhow!("{failure}"))?;
    // Read again for the content hash: load_file has refused what is not a small regular
    // file, so this read is safe, and it is the bytes the index hashes too.
    let bytes = std::fs::read(file)
        .map_err(|error| anyhow::anyhow!("{}: cannot read: {error}", file.display()))?;
    let absolute = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let key = BriefingKey::new(loaded.briefing.id, &bytes, absolute);
    let in_file = |error| anyhow::anyhow!("{}: not marked: {error}", file.display());
    let mut done = Vec::new();
    if args.clear {
        state.clear_all(&key, who).map_err(in_file)?;
        done.push("cleared");
    }
    for (asked, mark, word) in [
        (args.read, Mark::Read, "read"),
        (args.reviewed, Mark::Reviewed, "reviewed"),
        (args.flagged, Mark::Flagged, "flagged"),
    ] {
        if asked {
            state.mark(&key, mark, who).map_err(in_file)?;
            done.push(word);
        }
    }
    if let Some(note) = &args.note {
        state.note(&key, note, who).map_err(in_file)?;
        done.push(if note.trim().is_empty() {
            "note removed"
        } else {
            "noted"
        });
    }
    Ok(done.join(", "))
}
