use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use brief::briefing::{LoadOptions, load_file};
use brief::text::BidiMode;
use brief::ui::content::Engine;
use brief::ui::print::{PrintedLine, briefing_lines, sgr};

use crate::cli::args::ShowArgs;
use crate::cli::config;

pub fn run(args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let options = LoadOptions {
        max_size: args.max_size,
    };
    let loaded = match load_file(&args.file, &options) {
        Ok(loaded) => loaded,
        Err(failure) => {
            for diagnostic in &failure.diagnostics {
                eprintln!("{diagnostic}");
            }
            return Ok(ExitCode::from(1));
        }
    };
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let width = args
        .width
        .or_else(|| {
            terminal
                .then(|| crossterm::terminal::size().ok().map(|(w, _)| w))
                .flatten()
        })
        .map_or(80, usize::from);
    let engine = if args.logical {
        // Presentation forms read badly in screen readers: logical output keeps letters.
        Engine {
            mode: BidiMode::Logical,
            shaping: false,
        }
    } else {
        Engine::from(args.layout)
    };
    let color = terminal && !config::no_color();
    let lines = briefing_lines(&loaded.briefing, width, engine, !args.logical);
    match print(&mut stdout.lock(), &lines, color) {
        // A pager or `head` that stops reading early is not an error.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        result => result.map(|()| ExitCode::SUCCESS).map_err(Into::into),
    }
}

fn print(out: &mut impl Write, lines: &[PrintedLine], color: bool) -> std::io::Result<()> {
    for line in lines {
        // Colour off means no escape codes at all, not even bold: the output may be a
        // file, a pipe or a screen reader.
        match color.then(|| sgr(line.kind)).flatten() {
            Some(code) => writeln!(out, "\x1b[{code}m{}\x1b[0m", line.text)?,
            None => writeln!(out, "{}", line.text)?,
        }
    }
    out.flush()
}
