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
    let after = command_line
        .iter()
        .position(|arg| arg == "import")
        .map_or(&[][..], |at| &command_line[at + 1..]);
    let error = std::process::Command::new(&importer).args(after).exec();
    Err(error).with_context(|| format!("cannot run {}", importer.display()))
}

fn importer() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe().context("cannot find where brief is")?;
    let importer = me.with_file_name(IMPORTER);
    anyhow::ensure!(
        importer.is_file(),
        "{} is missing: `brief import` runs it, and it is installed with brief \
         (`cargo install --path .` installs both)",
        importer.display()
    );
    Ok(importer)
}
