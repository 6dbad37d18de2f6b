//! Reading one briefing file: refuse what is not a small regular file before reading it,
//! then parse, validate and locate every problem.

use std::fs::{self, File, FileType};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::checker::Checker;
use super::{Briefing, DEFAULT_MAX_SIZE, Diagnostic, Severity};
use super::{parse, report, script, validate};

/// A briefing that loaded, with its warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub briefing: Briefing,
    pub warnings: Vec<Diagnostic>,
}

/// A file that failed to load; `diagnostics` holds at least one error. Shown as one
/// diagnostic per line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", lines(.diagnostics))]
pub struct LoadFailure {
    pub path: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
}

fn lines(diagnostics: &[Diagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    lines.join("\n")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Files larger than this many bytes are refused.
    pub max_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            max_size: DEFAULT_MAX_SIZE,
        }
    }
}

pub fn load_file(path: &Path, options: &LoadOptions) -> Result<Loaded, LoadFailure> {
    let bytes = read_limited(path, options.max_size).map_err(|message| LoadFailure {
        path: path.to_path_buf(),
        diagnostics: vec![whole_file_error(path, message)],
    })?;
    load_bytes(path, &bytes)
}

/// Loads a briefing from bytes already read; `path` names it in diagnostics and gives the
/// default id.
pub fn load_bytes(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadFailure> {
    let (text, mut value, repeated) = parse::parse(bytes).map_err(|error| LoadFailure {
        path: path.to_path_buf(),
        diagnostics: vec![Diagnostic {
            path: path.to_path_buf(),
            line: error.position.line,
            column: error.position.column,
            severity: Severity::Error,
            json_path: None,
            message: error.message,
        }],
    })?;
    let mut checker = Checker::default();
    let controls = script::text_may_hold_bidi_control(text);
    let briefing = validate::briefing(&mut checker, &mut value, path, controls);
    // Placing diagnostics scans the text again: only a file with something to place,
    // or a repeated key to find, pays for it.
    let diagnostics = match checker.problems.is_empty() && !repeated {
        true => Vec::new(),
        false => report::diagnostics(path, text, &checker),
    };
    match briefing {
        Some(briefing) if !checker.has_errors() => Ok(Loaded {
            briefing,
            warnings: diagnostics,
        }),
        _ => Err(LoadFailure {
            path: path.to_path_buf(),
            diagnostics,
        }),
    }
}

pub(crate) fn whole_file_error(path: &Path, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line: 0,
        column: 0,
        severity: Severity::Error,
        json_path: None,
        message,
    }
}

// A FIFO blocks `open` until a writer comes and `/dev/zero` never ends, so the type is
// checked before opening, the file opened without blocking, checked again on the handle
// (it may have been swapped), and read through `take` so a growing file cannot eat memory.
pub(crate) fn read_limited(path: &Path, max_size: u64) -> Result<Vec<u8>, String> {
    let metadata = fs::metadata(path).map_err(|error| describe_io("cannot open", &error))?;
    check_metadata(&metadata, max_size)?;
    let file = open_without_blocking(path).map_err(|error| describe_io("cannot open", &error))?;
    let metadata = file
        .metadata()
        .map_err(|error| describe_io("cannot read", &error))?;
    check_metadata(&metadata, max_size)?;
    let expected = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    let mut bytes = Vec::with_capacity(expected.min(1 << 26));
    file.take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| describe_io("cannot read", &error))?;
    if bytes.len() as u64 > max_size {
        return Err(format!(
            "file grew past the limit of {max_size} bytes while being read (--max-size)"
        ));
    }
    Ok(bytes)
}

fn check_metadata(metadata: &fs::Metadata, max_size: u64) -> Result<(), String> {
    if !metadata.is_file() {
        return Err(format!(
            "not a regular file: it is {}",
            describe_type(&metadata.file_type())
        ));
    }
    if metadata.len() > max_size {
        return Err(format!(
            "file is {} bytes, over the limit of {max_size} bytes (--max-size)",
            metadata.len()
        ));
    }
    Ok(())
}

#[cfg(unix)]
pub(crate) fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
pub(crate) fn open_without_blocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

fn describe_type(file_type: &FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "neither a file nor a folder"
    }
}

pub(crate) fn describe_io(doing: &str, error: &io::Error) -> String {
    if is_link_loop(error) {
        return format!("{doing}: symbolic link loop");
    }
    match error.kind() {
        io::ErrorKind::NotFound => format!("{doing}: no such file or directory"),
        io::ErrorKind::PermissionDenied => format!("{doing}: permission denied"),
        _ => format!("{doing}: {error}"),
    }
}

pub(crate) fn is_link_loop(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_errors_read_plainly() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(
            describe_io("cannot open", &denied),
            "cannot open: permission denied"
        );
        let missing = io::Error::from(io::ErrorKind::NotFound);
        assert_eq!(
            describe_io("cannot open", &missing),
            "cannot open: no such file or directory"
        );
    }
}
