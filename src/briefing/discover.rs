//! Finding briefing files: a folder's `*.json` files at any depth, or one named file.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use super::LoadFailure;
use super::load::{describe_io, is_link_loop, whole_file_error};

/// `$BRIEF_DIR` when set and not empty, else `./briefings`.
pub fn default_path() -> PathBuf {
    brief_dir().unwrap_or_else(|| PathBuf::from("briefings"))
}

fn brief_dir() -> Option<PathBuf> {
    std::env::var_os("BRIEF_DIR")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
}

/// Why there is nothing to read at `path`, which does not exist: named on the command line
/// (`given`), or the default, which the message then names with the ways to choose another.
pub fn missing_path_message(path: &Path, given: bool) -> String {
    let shown = path.display();
    if given {
        return format!("{shown}: no such file or folder (give a briefing file or folder)");
    }
    let choose = "choose with `brief PATH` (a briefing file or a folder of them) \
                  or by setting BRIEF_DIR to a folder";
    match brief_dir() {
        Some(_) => format!("BRIEF_DIR names {shown}, which does not exist; {choose}"),
        None => {
            let here = std::env::current_dir().map(|dir| dir.join(path));
            let here = here.as_deref().unwrap_or(path).display().to_string();
            format!(
                "no briefings to read: with no PATH, brief reads ./briefings ({here}), \
                 which does not exist; {choose}"
            )
        }
    }
}

/// A named file is taken whatever its name; in folders, files and folders whose names
/// start with `.` are skipped and `*.schema.json` files are not briefings. Entries that are
/// not regular files are still listed, so loading them reports why they were refused.
pub fn discover(path: &Path) -> (Vec<PathBuf>, Vec<LoadFailure>) {
    let mut found = Found::default();
    match fs::metadata(path) {
        Err(error) => found.fail(path, describe_io("cannot open", &error)),
        Ok(metadata) if metadata.is_dir() => found.walk(path),
        Ok(_) => found.files.push(path.to_path_buf()),
    }
    found.files.sort();
    found.failures.sort_by(|a, b| a.path.cmp(&b.path));
    (found.files, found.failures)
}

/// The briefing files `discover` finds in `folder` when it holds `most` entries or fewer,
/// every one a plain file (no folder or link, whose walk could reach many more); `None`
/// for any other folder, or one that cannot be listed. One listing and no other system
/// call: the reader's start asks this of every folder it opens.
pub fn small_folder(folder: &Path, most: usize) -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    for (count, entry) in fs::read_dir(folder).ok()?.enumerate() {
        let entry = entry.ok()?;
        if count >= most || !entry.file_type().ok()?.is_file() {
            return None;
        }
        let name = entry.file_name();
        if is_briefing_name(&name) {
            files.push(entry.path());
        }
    }
    files.sort();
    Some(files)
}

pub(crate) fn is_briefing_name(name: &OsStr) -> bool {
    let name = name.to_string_lossy().to_lowercase();
    name.ends_with(".json") && !name.ends_with(".schema.json") && !name.starts_with('.')
}

#[derive(Default)]
struct Found {
    files: Vec<PathBuf>,
    failures: Vec<LoadFailure>,
    /// Canonical paths of folders already listed: each is read once, however reached.
    visited: HashSet<PathBuf>,
}

impl Found {
    fn fail(&mut self, path: &Path, message: String) {
        self.failures.push(LoadFailure {
            path: path.to_path_buf(),
            diagnostics: vec![whole_file_error(path, message)],
        });
    }

    fn walk(&mut self, root: &Path) {
        let canonical = match fs::canonicalize(root) {
            Ok(canonical) => canonical,
            Err(error) => return self.fail(root, describe_io("cannot open", &error)),
        };
        self.visited.insert(canonical.clone());
        let mut pending = vec![(root.to_path_buf(), canonical)];
        while let Some((folder, canonical)) = pending.pop() {
            let entries = match fs::read_dir(&folder) {
                Ok(entries) => entries,
                Err(error) => {
                    self.fail(&folder, describe_io("cannot list folder", &error));
                    continue;
                }
            };
            for entry in entries {
                match entry {
                    Ok(entry) => {
                        if let Some(subfolder) = self.entry(&entry, &canonical) {
                            pending.push(subfolder);
                        }
                    }
                    Err(error) => self.fail(&folder, describe_io("cannot list folder", &error)),
                }
            }
        }
    }

    /// Records a file entry; returns a folder entry still to be walked.
    fn entry(&mut self, entry: &fs::DirEntry, parent: &Path) -> Option<(PathBuf, PathBuf)> {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            return None;
        }
        let path = entry.path();
        let kind = entry.file_type();
        // A plain file needs no stat of its own: the listing says what it is, which saves
        // 10,000 system calls on a big archive before its first frame. Links, folders and
        // anything else are looked at through `metadata`, which follows links.
        if kind.as_ref().is_ok_and(fs::FileType::is_file) {
            if is_briefing_name(&name) {
                self.files.push(path);
            }
            return None;
        }
        let is_link = kind.is_ok_and(|kind| kind.is_symlink());
        let metadata = match fs::metadata(&path) {
            Ok(metadata) => metadata,
            Err(error) => {
                if is_link_loop(&error) {
                    let message = "symbolic link loop: it never reaches a file or folder";
                    self.fail(&path, message.to_owned());
                } else if is_briefing_name(&name) {
                    let what = if is_link {
                        "broken symbolic link"
                    } else {
                        "cannot open"
                    };
                    self.fail(&path, describe_io(what, &error));
                }
                return None;
            }
        };
        if !metadata.is_dir() {
            if is_briefing_name(&name) {
                self.files.push(path);
            }
            return None;
        }
        let canonical = match fs::canonicalize(&path) {
            Ok(canonical) => canonical,
            Err(error) => {
                self.fail(&path, describe_io("cannot open", &error));
                return None;
            }
        };
        if self.visited.insert(canonical.clone()) {
            return Some((path, canonical));
        }
        if is_link && parent.starts_with(&canonical) {
            let message = format!(
                "symbolic link loop: it leads back to {}, which is already being read",
                canonical.display()
            );
            self.fail(&path, message);
        }
        None
    }
}
