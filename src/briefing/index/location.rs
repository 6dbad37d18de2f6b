//! Where a library's index lives: `$XDG_CACHE_HOME/brief/` (else `~/.cache/brief/`), one
//! file per library folder named after a hash of its canonical path; `--index PATH` or
//! `BRIEF_INDEX` name another file (e.g. one index shared by a team).

use std::path::{Path, PathBuf};

/// The index file for `library` (already canonical): `explicit` if given, else
/// `$BRIEF_INDEX` if set and not empty, else the cache folder's file for this library.
/// `None` when no cache folder can be found (no `XDG_CACHE_HOME` and no `HOME`).
pub fn index_path(library: &Path, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os("BRIEF_INDEX").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    Some(cache_folder()?.join(format!("{}.sqlite", file_stem(library))))
}

/// Where the listings of a small library are kept between starts (`snapshot.rs`): beside
/// its index, whose place is `index`. Not named `.json`: an index placed in the library
/// folder must not put a file there that the library would list as a briefing.
pub fn snapshot_path(index: &Path) -> PathBuf {
    let mut path = index.as_os_str().to_owned();
    path.push(".listings");
    PathBuf::from(path)
}

/// `$XDG_CACHE_HOME/brief` when it is absolute, else `~/.cache/brief`.
fn cache_folder() -> Option<PathBuf> {
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|p| !p.is_empty())
                .map(|home| PathBuf::from(home).join(".cache"))
        })?;
    Some(cache.join("brief"))
}

/// `library-<name>-<hash>`: the folder's last name, for a person listing the cache, and a
/// hash of the whole canonical path, so two folders never share a file.
fn file_stem(library: &Path) -> String {
    let hash = xxhash_rust::xxh3::xxh3_64(library.as_os_str().as_encoded_bytes());
    let name: String = library
        .file_name()
        .map(|name| name.to_string_lossy())
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(32)
        .collect();
    format!("library-{name}-{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_folders_get_two_files_and_one_folder_one() {
        let a = file_stem(Path::new("/srv/archive/briefings"));
        let b = file_stem(Path::new("/home/x/briefings"));
        assert_ne!(a, b);
        assert_eq!(a, file_stem(Path::new("/srv/archive/briefings")));
        assert!(a.starts_with("library-briefings-"), "{a}");
    }

    #[test]
    fn a_hostile_folder_name_keeps_only_plain_characters() {
        let name = file_stem(Path::new("/tmp/\u{202e}evil\n../x y"));
        assert!(name.starts_with("library-xy-"), "{name}");
    }

    #[test]
    fn the_kept_listings_are_beside_the_index_and_not_a_briefing() {
        let kept = snapshot_path(Path::new("/srv/lib/index.sqlite"));
        assert_eq!(kept, Path::new("/srv/lib/index.sqlite.listings"));
        let name = kept.file_name().unwrap_or_default();
        assert!(!crate::briefing::discover::is_briefing_name(name));
    }

    #[test]
    fn an_explicit_path_wins() {
        let explicit = Path::new("/team/index.sqlite");
        assert_eq!(
            index_path(Path::new("/srv/a"), Some(explicit)).as_deref(),
            Some(explicit)
        );
    }
}
