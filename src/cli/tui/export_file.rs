//! `E` in the reader: the open briefing's export written to a new file in the current
//! directory. An existing file is never touched: the name takes `-2`, `-3`... instead.

use std::fs::OpenOptions;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use brief::ui::Export;

/// Names tried before giving up: a directory holding this many exports of one briefing is
/// a mistake to report, not a reason to loop on.
const MOST_NAMES: usize = 1_000;

/// Writes `export` to a new file in `dir`; returns its path as `dir` joined with the name,
/// or why it could not be written, naming the file.
pub fn write_new(dir: &Path, export: &Export) -> Result<PathBuf, String> {
    for n in 1..=MOST_NAMES {
        let name = match n {
            1 => format!("{}.md", export.stem),
            _ => format!("{}-{n}.md", export.stem),
        };
        let path = dir.join(&name);
        // Checked and created in one step, so a file that appears meanwhile is not lost.
        let file = OpenOptions::new().write(true).create_new(true).open(&path);
        let mut file = match file {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(error) => return Err(format!("{}: {error}", path.display())),
        };
        let written = file.write_all(export.markdown.as_bytes());
        if let Err(error) = written.and_then(|()| file.sync_all()) {
            // Half an export would pass for a whole one.
            let _ = std::fs::remove_file(&path);
            return Err(format!("{}: {error}", path.display()));
        }
        return Ok(path);
    }
    Err(format!(
        "{}: {MOST_NAMES} exports of this name exist already",
        dir.join(format!("{}.md", export.stem)).display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn export(stem: &str, markdown: &str) -> Export {
        Export {
            stem: stem.into(),
            markdown: markdown.into(),
        }
    }

    fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn a_new_name_is_taken_and_no_file_is_overwritten() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let at = dir.path();
        std::fs::write(at.join("brief-a-2.md"), "kept").unwrap_or_else(|e| panic!("{e}"));
        let first = write_new(at, &export("brief-a", "# one\n"));
        assert_eq!(first, Ok(at.join("brief-a.md")));
        let second = write_new(at, &export("brief-a", "# two\n"));
        assert_eq!(second, Ok(at.join("brief-a-3.md")), "-2 exists already");
        assert_eq!(read(&at.join("brief-a.md")), "# one\n");
        assert_eq!(read(&at.join("brief-a-2.md")), "kept");
        assert_eq!(read(&at.join("brief-a-3.md")), "# two\n");
    }

    #[test]
    fn a_directory_that_cannot_be_written_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let missing = dir.path().join("no-such-dir");
        let said = write_new(&missing, &export("x", "x"));
        let expected = format!("{}: ", missing.join("x.md").display());
        assert!(
            said.as_ref().is_err_and(|why| why.starts_with(&expected)),
            "{said:?}"
        );
    }
}
