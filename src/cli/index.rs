//! `brief index [PATH] [--rebuild]`: build or bring up to date a library's index, with a
//! progress bar on a terminal and plain lines in a pipe, then say what was done.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Index, Progress, RefreshSummary};
use brief::ui::count::thousands;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::args::IndexArgs;

pub fn run(args: &IndexArgs) -> anyhow::Result<ExitCode> {
    let library = args
        .path
        .clone()
        .unwrap_or_else(brief::briefing::default_path);
    let explicit = args.index.index.as_deref();
    let mut index = open_for_writing(&library, explicit, args.rebuild)?;
    let options = LoadOptions {
        max_size: args.max_size,
    };
    let summary = {
        let mut reporter = Reporter::new();
        let summary = index.refresh(&options, &mut |progress| reporter.show(progress));
        reporter.finish();
        summary?
    };
    println!("{}", describe(&summary, index.path()));
    Ok(ExitCode::SUCCESS)
}

/// Opens the index, rebuilding it when asked or when it cannot be used as it is (a corrupt
/// or newer-version file is a cache that can be made again); says so in one line.
pub fn open_for_writing(
    library: &Path,
    explicit: Option<&Path>,
    rebuild: bool,
) -> anyhow::Result<Index> {
    if rebuild {
        return Ok(Index::rebuild(library, explicit)?);
    }
    match Index::open(library, explicit, Access::ReadWrite) {
        Ok(index) => Ok(index),
        Err(error) if error.can_rebuild() => {
            eprintln!("brief: {error}; rebuilding it");
            Ok(Index::rebuild(library, explicit)?)
        }
        Err(error) => Err(error.into()),
    }
}

/// Progress on stderr: a bar on a terminal, a line every tenth of the way in a pipe.
struct Reporter {
    bar: Option<ProgressBar>,
    last_tenth: Option<usize>,
}

impl Reporter {
    fn new() -> Self {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(0);
            let style = ProgressStyle::with_template(
                "{spinner} indexing {pos}/{len} files [{bar:30}] {percent}% {eta} left",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            bar.set_style(style);
            bar
        });
        Reporter {
            bar,
            last_tenth: None,
        }
    }

    fn show(&mut self, progress: Progress) {
        if let Some(bar) = &self.bar {
            bar.set_length(progress.total as u64);
            bar.set_position(progress.done as u64);
            return;
        }
        if progress.total == 0 {
            return;
        }
        let tenth = progress.done * 10 / progress.total;
        if self.last_tenth != Some(tenth) {
            self.last_tenth = Some(tenth);
            eprintln!(
                "brief: indexed {} of {} files",
                thousands(progress.done),
                thousands(progress.total)
            );
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn describe(summary: &RefreshSummary, index: &Path) -> String {
    let size = file_size(index);
    format!(
        "brief: index {} ({}): {} added, {} changed, {} removed, {} unchanged, {} failed to load",
        brief::text::sanitize(&index.display().to_string()).text,
        size,
        thousands(summary.added),
        thousands(summary.changed),
        thousands(summary.removed),
        thousands(summary.unchanged),
        thousands(summary.failed),
    )
}

/// The index's size on disk, its write-ahead log included.
fn file_size(index: &Path) -> String {
    let mut wal = index.as_os_str().to_owned();
    wal.push("-wal");
    let bytes: u64 = [index.to_path_buf(), PathBuf::from(wal)]
        .iter()
        .filter_map(|path| std::fs::metadata(path).ok())
        .map(|metadata| metadata.len())
        .sum();
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}
