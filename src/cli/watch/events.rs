//! The change events of the file system (`notify`), which only wake the watcher: which of
//! them can mean a briefing changed, and the watcher that sends them.

use std::path::Path;
use std::sync::mpsc::Sender;

use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind};
use notify::{RecommendedWatcher, RecursiveMode, Watcher as _};

use super::{FALLBACK_POLL, Wake};

/// Test hook, not for users: `BRIEF_TEST_NO_NOTIFY=1` starts no change-event watcher, so a
/// test of `--poll` knows that polling found what it sees.
const TEST_NO_NOTIFY_VAR: &str = "BRIEF_TEST_NO_NOTIFY";

/// Starts the change-event watcher on `folder`, each event waking `wake`; none when the
/// test hook says so or the system refuses (then the line saying why and that brief polls).
pub(super) fn start_events(
    folder: &Path,
    wake: Sender<Wake>,
) -> (Option<RecommendedWatcher>, Option<String>) {
    if std::env::var_os(TEST_NO_NOTIFY_VAR).is_some_and(|v| v == "1") {
        return (None, None);
    }
    let handler = move |event: notify::Result<notify::Event>| {
        let paths = match event {
            Ok(event) if !changes_content(event.kind) => return,
            Ok(event) if event.need_rescan() => Vec::new(),
            Ok(event) => event.paths,
            // An error (a queue overflow) may hide a change: look at everything.
            Err(_) => Vec::new(),
        };
        let _ = wake.send(paths);
    };
    let started = notify::recommended_watcher(handler).and_then(|mut watcher| {
        watcher
            .watch(folder, RecursiveMode::Recursive)
            .map(|()| watcher)
    });
    match started {
        Ok(watcher) => (Some(watcher), None),
        Err(error) => {
            let every = FALLBACK_POLL.as_secs();
            let text = format!(
                "new briefings are looked for every {every} s (--poll sets how often): \
                 the folder cannot be watched: {error}"
            );
            (None, Some(text))
        }
    }
}

/// Whether an event can mean a file's content or presence changed. Reading files (the
/// loader's, this thread's) makes open, read and close events: those must not wake the
/// watcher, or every look would cause another.
fn changes_content(kind: EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use notify::event::{CreateKind, DataChange, RemoveKind};

    use super::*;

    #[test]
    fn reading_files_wakes_nothing_and_writing_them_does() {
        let reads = [
            EventKind::Access(AccessKind::Open(AccessMode::Any)),
            EventKind::Access(AccessKind::Read),
            EventKind::Access(AccessKind::Close(AccessMode::Read)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
        ];
        assert!(reads.into_iter().all(|kind| !changes_content(kind)));
        let writes = [
            EventKind::Access(AccessKind::Close(AccessMode::Write)),
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
            EventKind::Remove(RemoveKind::File),
            EventKind::Any,
        ];
        assert!(writes.into_iter().all(changes_content));
    }
}
