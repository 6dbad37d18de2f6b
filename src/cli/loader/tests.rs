//! The loader and the first frame: a small folder is whole when the first frame's wait ends
//! and its load ends without waiting for its index, and the index is built only once the
//! first frame is drawn.

use std::time::{Duration, Instant};

use super::*;

fn temporary() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"))
}

#[test]
fn a_small_folders_index_waits_for_the_first_frame() {
    let (folder, elsewhere) = (temporary(), temporary());
    for name in ["a.json", "b.json"] {
        std::fs::write(folder.path().join(name), r#"{"headline": "h"}"#)
            .unwrap_or_else(|e| panic!("write: {e}"));
    }
    let index = elsewhere.path().join("index.sqlite");
    let spawned = spawn(
        (folder.path(), false),
        LoadOptions::default(),
        Some(index.clone()),
        0,
    );
    let (mut loader, _, _, fresh) = spawned.unwrap_or_else(|e| panic!("spawn: {e}"));
    // The load is over when the channel closes, with no first frame drawn yet.
    let over = loop {
        match loader.rx.recv_timeout(Duration::from_secs(60)) {
            Ok(_) => continue,
            Err(error) => break error,
        }
    };
    assert_eq!(over, RecvTimeoutError::Disconnected);
    // Looked at after a pause a build takes a fraction of.
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        !index.exists() && !fresh.is_fresh(),
        "built before the first frame"
    );
    loader.first_frame_drawn().unwrap_or_else(|e| panic!("{e}"));
    assert_fresh_in_time(&fresh);
    assert!(index.exists());
}

/// Waits (a minute at most) for the index to be up to date, and fails if it is not.
fn assert_fresh_in_time(fresh: &Fresh) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !fresh.is_fresh() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        fresh.is_fresh(),
        "{:?}",
        fresh.failed.lock().map(|f| f.clone())
    );
}

/// A folder of `CHUNK` briefings, and their file names.
fn small_folder() -> (tempfile::TempDir, Vec<String>) {
    let folder = temporary();
    let names: Vec<String> = (0..CHUNK).map(|n| format!("{n:02}.json")).collect();
    for name in &names {
        let text = format!(r#"{{"headline": "{name}"}}"#);
        std::fs::write(folder.path().join(name), text).unwrap_or_else(|e| panic!("write: {e}"));
    }
    (folder, names)
}

fn loading_app() -> App {
    use brief::ui::content::Engine;
    use brief::ui::{KeySetup, UiOptions};
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    let area = ratatui::layout::Rect::new(0, 0, 80, 24);
    App::loading(None, options, KeySetup::defaults(), area)
}

/// The first frame's wait ends with the load, and the library holds every one of `names`.
fn assert_whole_after_the_first_wait(loader: &Loader, names: &[String]) {
    let mut app = loading_app();
    let later = Instant::now() + Duration::from_secs(60);
    assert_eq!(loader.wait_first(&mut app, later, later), Drained::Done);
    let mut listed: Vec<String> = (app.briefing_keys())
        .filter_map(|(path, _)| Some(path.file_name()?.to_string_lossy().into_owned()))
        .collect();
    listed.sort_unstable();
    assert_eq!(listed, names);
}

#[test]
fn a_small_folder_is_whole_when_the_first_frames_wait_ends() {
    let (folder, names) = small_folder();
    let elsewhere = temporary();
    let index = Some(elsewhere.path().join("index.sqlite"));
    let spawned = spawn((folder.path(), false), LoadOptions::default(), index, 0);
    let (loader, ..) = spawned.unwrap_or_else(|e| panic!("spawn: {e}"));
    assert_whole_after_the_first_wait(&loader, &names);
}

/// A loader whose messages are a small folder's count and its files shared with the
/// main thread, and the channel's sending end, as the loader thread holds it.
fn shared_with_the_wait(folder: &Path, names: &[String]) -> (Loader, Sender<Message>) {
    let files = names.iter().map(|name| folder.join(name)).collect();
    let (tx, rx) = mpsc::channel();
    let sent = tx
        .send(Message::Found(names.len()))
        .and_then(|()| tx.send(Message::Share(Shared::new(files, LoadOptions::default()))));
    sent.unwrap_or_else(|e| panic!("send: {e}"));
    let loader = Loader {
        rx,
        unstarted: None,
        drawn: None,
        counts: true,
        shares: true,
        shared_left: Cell::default(),
    };
    (loader, tx)
}

/// The files shared with the main thread, with no loader thread to claim any: the wait
/// before the first frame loads them all itself, even when the share comes behind other
/// messages, taken together.
#[test]
fn the_first_frames_wait_loads_the_files_shared_with_it() {
    let (folder, names) = small_folder();
    let (loader, tx) = shared_with_the_wait(folder.path(), &names);
    drop(tx);
    assert_whole_after_the_first_wait(&loader, &names);
}

/// Every shared file in, the load is over: the wait does not wait (here for its whole
/// grace) for the loader thread to find nothing left and close the channel.
#[test]
fn the_wait_ends_when_the_shared_files_are_in_though_the_loader_has_not() {
    let (folder, names) = small_folder();
    let (loader, _loader_thread_holds) = shared_with_the_wait(folder.path(), &names);
    assert_whole_after_the_first_wait(&loader, &names);
}

/// Only a small folder opened shares its files with the main thread, which then waits
/// for them before it takes the terminal: not a large one, nor a named file's folder.
#[test]
fn only_a_small_folder_opened_is_shared_with_the_main_thread() {
    let (folder, names) = small_folder();
    let elsewhere = temporary();
    let shares = |path: &Path| {
        let index = Some(elsewhere.path().join("index.sqlite"));
        let spawned = spawn((path, path.is_file()), LoadOptions::default(), index, 0);
        spawned.unwrap_or_else(|e| panic!("spawn: {e}")).0.shares()
    };
    assert!(shares(folder.path()));
    assert!(!shares(&folder.path().join(&names[0])));
    std::fs::create_dir(folder.path().join("more")).unwrap_or_else(|e| panic!("mkdir: {e}"));
    assert!(!shares(folder.path()));
}

/// `folder`, its index (and the listings kept beside it) in `elsewhere`.
fn place_of(folder: &Path, elsewhere: &Path) -> IndexPlace {
    IndexPlace {
        folder: folder.to_path_buf(),
        explicit: Some(elsewhere.join("index.sqlite")),
    }
}

/// A small folder's files are listed by the thread that opens it and handed to its first
/// frame's wait before any loader thread runs: their count, then the share.
#[test]
fn a_small_folders_files_reach_the_wait_before_the_loader_runs() {
    let (folder, names) = small_folder();
    let elsewhere = temporary();
    let place = place_of(folder.path(), elsewhere.path());
    let (tx, rx) = mpsc::channel();
    let Folder::Small { shared, keep: true } = share_small(&place, LoadOptions::default(), &tx)
    else {
        panic!("a folder of {} files is not small, or is kept", names.len());
    };
    let listed: Vec<PathBuf> = names.iter().map(|name| folder.path().join(name)).collect();
    assert_eq!(shared.files[..], listed[..]);
    assert!(matches!(rx.try_recv(), Ok(Message::Found(n)) if n == names.len()));
    assert!(matches!(rx.try_recv(), Ok(Message::Share(s)) if s.files[..] == listed[..]));
    std::fs::create_dir(folder.path().join("more")).unwrap_or_else(|e| panic!("mkdir: {e}"));
    assert!(matches!(
        share_small(&place, LoadOptions::default(), &tx),
        Folder::Large
    ));
    assert!(rx.try_recv().is_err(), "a large folder's files were shared");
}

/// Opens `folder` as brief does, draws no frame but says one is drawn, and waits until
/// its index is built: its listings are kept by then.
fn open_until_indexed(place: &IndexPlace) {
    let spawned = spawn(
        (&place.folder, false),
        LoadOptions::default(),
        place.explicit.clone(),
        0,
    );
    let (mut loader, _, _, fresh) = spawned.unwrap_or_else(|e| panic!("spawn: {e}"));
    let mut app = loading_app();
    let later = Instant::now() + Duration::from_secs(60);
    assert_eq!(loader.wait_first(&mut app, later, later), Drained::Done);
    loader.first_frame_drawn().unwrap_or_else(|e| panic!("{e}"));
    assert_fresh_in_time(&fresh);
}

/// Once a small folder has been opened, the next start lists it from the listings kept
/// then: all of it at once, with nothing to share and no loader thread before the first
/// frame; a file changed since is shared, to be loaded, and the listings kept anew.
#[test]
fn a_small_folder_opened_before_is_listed_from_its_kept_listings() {
    let (folder, names) = small_folder();
    let elsewhere = temporary();
    let place = place_of(folder.path(), elsewhere.path());
    open_until_indexed(&place);
    let (tx, rx) = mpsc::channel();
    let Folder::Small {
        shared,
        keep: false,
    } = share_small(&place, LoadOptions::default(), &tx)
    else {
        panic!("not listed from its kept listings");
    };
    assert!(shared.files.is_empty());
    assert!(matches!(rx.try_recv(), Ok(Message::Found(n)) if n == names.len()));
    assert!(matches!(rx.try_recv(), Ok(Message::Loaded(b)) if b.listings.len() == names.len()));
    assert!(rx.try_recv().is_err(), "more than the kept listings");

    let spawned = spawn(
        (folder.path(), false),
        LoadOptions::default(),
        place.explicit.clone(),
        0,
    );
    let (loader, ..) = spawned.unwrap_or_else(|e| panic!("spawn: {e}"));
    assert!(!loader.shares() && loader.unstarted.is_some());
    assert_whole_after_the_first_wait(&loader, &names);

    let changed = folder.path().join(&names[3]);
    std::fs::write(&changed, r#"{"headline": "changed"}"#).unwrap_or_else(|e| panic!("{e}"));
    let Folder::Small { shared, keep: true } = share_small(&place, LoadOptions::default(), &tx)
    else {
        panic!("a changed file left its listings as they were kept");
    };
    assert_eq!(shared.files[..], [changed]);
    assert!(matches!(rx.try_recv(), Ok(Message::Found(n)) if n == names.len()));
    let kept = names.len() - 1;
    assert!(matches!(rx.try_recv(), Ok(Message::Loaded(b)) if b.listings.len() == kept));
}
