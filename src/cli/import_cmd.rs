//! `brief import`: the arguments are checked here, with the rest of the command line, and
//! the import itself is done by `brief-import`, installed beside `brief`, which this
//! process becomes (`src/bin/brief-import/` says why it is an executable of its own).

use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

/// The executable that imports, beside this one.
pub const IMPORTER: &str = "brief-import";

/// Runs `brief-import` with the arguments that followed `import`, in place of this
/// process; returns only if it cannot.
pub fn run(command_line: &[OsString]) -> anyhow::Result<ExitCode> {
    let importer = importer()?;
    let error = std::process::Command::new(&importer)
        .args(forwarded(command_line))
        .exec();
    Err(error).with_context(|| format!("cannot run {}", importer.display()))
}

/// What follows the first `import` after the program's name (which could itself be
/// spelled `import`): clap allows nothing of the reader's before a subcommand.
fn forwarded(command_line: &[OsString]) -> &[OsString] {
    command_line
        .iter()
        .skip(1)
        .position(|arg| arg == "import")
        .and_then(|at| command_line.get(at + 2..))
        .unwrap_or_default()
}

fn importer() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe().context("cannot find where brief is")?;
    let importer = me.with_file_name(IMPORTER);
    anyhow::ensure!(
        importer.is_file(),
        "{} is missing: `brief import` runs it, and it is built and installed with brief \
         (`cargo build` builds both, `cargo install --path .` installs both)",
        importer.display()
    );
    Ok(importer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_follows_import_is_forwarded() {
        let line = |words: &[&str]| words.iter().map(OsString::from).collect::<Vec<_>>();
        let forwarded_words = |words: &[&str]| forwarded(&line(words)).to_vec();
        assert_eq!(
            forwarded_words(&["brief", "import", "a.txt", "import"]),
            line(&["a.txt", "import"])
        );
        assert_eq!(
            forwarded_words(&["import", "import", "--dry-run", "x"]),
            line(&["--dry-run", "x"])
        );
        assert_eq!(forwarded_words(&["brief", "import"]), line(&[]));
        assert_eq!(forwarded_words(&["brief"]), line(&[]));
    }
}
