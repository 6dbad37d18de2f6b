//! The file named on the command line is parsed once on the way to the first frame: the
//! loader keeps its parse, and the first open of that path takes it instead of reading the
//! file again, if the file still has the size, modification time (and, on Unix, inode) that
//! it had when the loader read it: one `stat`. Else, and for every later open, the file is
//! read as for any open, so a file changed on disk is never shown stale.

use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use brief::briefing::{self, Listing, LoadFailure, LoadOptions, Loaded};
use brief::ui::FileRead;

/// A file modified this recently may be written again within its file system's time
/// granularity (up to 2 s, on FAT) and keep the same time: its parse is not kept.
const SETTLED: Duration = Duration::from_secs(2);

/// The parse the loader kept, until the first read of its path takes it.
static NAMED: Mutex<Option<Kept>> = Mutex::new(None);

/// Loads the named file for the library's listing, keeping its parse for its first open.
pub fn load_named(path: &Path, options: &LoadOptions) -> Result<Listing, LoadFailure> {
    let (listed, kept) = Kept::load(path, options, SystemTime::now());
    if let Ok(mut slot) = NAMED.lock() {
        *slot = kept;
    }
    listed
}

/// Reads a briefing's file to open it (`Effect::Read`): the named file's kept parse if this
/// is its first read and the file is unchanged, else the file as it is now.
pub fn read_file(path: &Path, options: &LoadOptions) -> FileRead {
    let kept = NAMED
        .lock()
        .ok()
        .and_then(|mut slot| slot.take_if(|kept| kept.path == path));
    match kept.and_then(Kept::current) {
        Some(loaded) => Ok(loaded),
        None => briefing::load_file(path, options),
    }
}

/// What identifies a file's content without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
    /// A file renamed over this one (an editor's or rsync's save) is another inode, even
    /// with the same size and time.
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Self::from(&metadata)
    }

    fn from(metadata: &Metadata) -> Option<Self> {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Some(Self {
            len: metadata.len(),
            modified: metadata.modified().ok()?,
            #[cfg(unix)]
            inode: (metadata.dev(), metadata.ino()),
        })
    }
}

/// A briefing's parse and the stamp its file had before it was read.
struct Kept {
    path: PathBuf,
    stamp: Stamp,
    loaded: Loaded,
}

impl Kept {
    /// Loads `path`, and keeps its parse if the file had settled by `now`. The stamp is
    /// taken before reading: a change while reading moves the modification time past it.
    fn load(
        path: &Path,
        options: &LoadOptions,
        now: SystemTime,
    ) -> (Result<Listing, LoadFailure>, Option<Self>) {
        let stamp = Stamp::of(path);
        let loaded = match briefing::load_file(path, options) {
            Ok(loaded) => loaded,
            Err(failure) => return (Err(failure), None),
        };
        let listing = Listing::of(&loaded);
        let settled = |stamp: &Stamp| {
            now.duration_since(stamp.modified)
                .is_ok_and(|age| age >= SETTLED)
        };
        let kept = stamp.filter(settled).map(|stamp| Self {
            path: path.to_path_buf(),
            stamp,
            loaded,
        });
        (Ok(listing), kept)
    }

    /// The parse, if the file still has the stamp it had when it was read.
    fn current(self) -> Option<Loaded> {
        (Stamp::of(&self.path) == Some(self.stamp)).then_some(self.loaded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/briefings/libya-ohchr-geneva.json"
    );

    /// A copy of a bundled briefing, last modified `age` ago.
    fn briefing_aged(dir: &Path, age: Duration) -> PathBuf {
        let path = dir.join("named.json");
        std::fs::copy(SAMPLE, &path).unwrap_or_else(|e| panic!("{SAMPLE}: {e}"));
        set_modified(&path, SystemTime::now() - age);
        path
    }

    fn set_modified(path: &Path, time: SystemTime) {
        let file = std::fs::File::options().write(true).open(path);
        file.and_then(|file| file.set_modified(time))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    fn temp_dir() -> tempfile::TempDir {
        tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"))
    }

    fn kept(path: &Path) -> Kept {
        let (listed, kept) = Kept::load(path, &LoadOptions::default(), SystemTime::now());
        assert!(listed.is_ok(), "{listed:?}");
        kept.unwrap_or_else(|| panic!("{}: parse not kept", path.display()))
    }

    fn read_now(path: &Path) -> Loaded {
        briefing::load_file(path, &LoadOptions::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    #[test]
    fn an_unchanged_file_gives_the_kept_parse() {
        let dir = temp_dir();
        let path = briefing_aged(dir.path(), Duration::from_secs(60));
        let parse = kept(&path).current();
        assert_eq!(parse, Some(read_now(&path)));
    }

    #[test]
    fn a_file_of_another_size_is_read_again() {
        let dir = temp_dir();
        let path = briefing_aged(dir.path(), Duration::from_secs(60));
        let kept = kept(&path);
        let mut text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        text.push('\n');
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        // The same time as when it was read: only the size tells.
        set_modified(&path, kept.stamp.modified);
        assert!(kept.current().is_none());
    }

    #[test]
    fn a_file_modified_since_is_read_again() {
        let dir = temp_dir();
        let path = briefing_aged(dir.path(), Duration::from_secs(60));
        let kept = kept(&path);
        set_modified(&path, SystemTime::now() - Duration::from_secs(30));
        assert!(kept.current().is_none());
    }

    #[test]
    fn a_file_modified_just_now_is_not_kept() {
        let dir = temp_dir();
        let path = briefing_aged(dir.path(), Duration::ZERO);
        let (listed, kept) = Kept::load(&path, &LoadOptions::default(), SystemTime::now());
        assert!(listed.is_ok(), "{listed:?}");
        assert!(kept.is_none());
    }

    #[test]
    fn a_file_that_fails_keeps_nothing() {
        let dir = temp_dir();
        let path = dir.path().join("broken.json");
        std::fs::write(&path, "{").unwrap_or_else(|e| panic!("{e}"));
        set_modified(&path, SystemTime::now() - Duration::from_secs(60));
        let (listed, kept) = Kept::load(&path, &LoadOptions::default(), SystemTime::now());
        assert!(listed.is_err());
        assert!(kept.is_none());
    }

    /// The only test that uses the process-wide slot: the first read of the named path
    /// takes the kept parse, and later reads read the file.
    #[test]
    fn the_named_file_is_taken_once_by_its_first_read() {
        let dir = temp_dir();
        let path = briefing_aged(dir.path(), Duration::from_secs(60));
        let other = dir.path().join("other.json");
        std::fs::copy(SAMPLE, &other).unwrap_or_else(|e| panic!("{e}"));
        let options = LoadOptions::default();
        let listed = load_named(&path, &options);
        assert_eq!(listed, Ok(Listing::of(&read_now(&path))));
        assert_eq!(read_file(&other, &options), Ok(read_now(&other)));
        let is_kept = |slot: &Option<Kept>| slot.as_ref().is_some_and(|kept| kept.path == path);
        assert!(
            NAMED.lock().is_ok_and(|slot| is_kept(&slot)),
            "reading another file took it"
        );
        assert_eq!(read_file(&path, &options), Ok(read_now(&path)));
        assert!(
            NAMED.lock().is_ok_and(|slot| !is_kept(&slot)),
            "the first read left it"
        );
        assert_eq!(read_file(&path, &options), Ok(read_now(&path)));
    }
}
