use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use brief::briefing::{Briefing, LoadOptions, load_file};
use brief::text::BidiMode;
use brief::ui::content::Engine;
use brief::ui::content::FieldKind;
use brief::ui::print::{TextView, for_each_line, sgr};

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
    let view = match view(&loaded.briefing, args) {
        Ok(view) => view,
        Err(message) => {
            eprintln!("brief: {}: {message}", args.file.display());
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
    // Stdout is line-buffered: unbuffered here, 5 MB of text took one system call a line.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = for_each_line(
        loaded.briefing,
        view,
        width,
        engine,
        !args.logical,
        |kind, text| print_line(&mut out, kind, text, color),
    )
    .and_then(|()| out.flush());
    match written {
        // A pager or `head` that stops reading early is not an error.
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        result => result.map(|()| ExitCode::SUCCESS).map_err(Into::into),
    }
}

/// The view `--translation` and `--side-by-side` ask for.
fn view(briefing: &Briefing, args: &ShowArgs) -> Result<TextView, String> {
    if args.translation.is_none() && !args.side_by_side {
        return Ok(TextView::Original);
    }
    let languages = briefing.translation_languages();
    if languages.is_empty() {
        return Err("this briefing has no translation".to_owned());
    }
    let index = match &args.translation {
        None => 0,
        Some(wanted) => languages
            .iter()
            .position(|language| language.eq_ignore_ascii_case(wanted))
            .ok_or_else(|| {
                format!(
                    "no translation into {wanted:?}; it has: {}",
                    languages.join(", ")
                )
            })?,
    };
    Ok(match args.side_by_side {
        true => TextView::SideBySide(index),
        false => TextView::Translation(index),
    })
}

fn print_line(
    out: &mut impl Write,
    kind: FieldKind,
    text: &str,
    color: bool,
) -> std::io::Result<()> {
    // Colour off means no escape codes at all, not even bold: the output may be a file, a
    // pipe or a screen reader.
    match color.then(|| sgr(kind)).flatten() {
        Some(code) => writeln!(out, "\x1b[{code}m{text}\x1b[0m"),
        None => {
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")
        }
    }
}
