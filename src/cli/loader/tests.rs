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
        folder.path(),
        LoadOptions::default(),
        Some(index.clone()),
        0,
        &mut None,
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
    let deadline = Instant::now() + Duration::from_secs(60);
    while !fresh.is_fresh() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        fresh.is_fresh(),
        "{:?}",
        fresh.failed.lock().map(|f| f.clone())
    );
    assert!(index.exists());
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
    let spawned = spawn(folder.path(), LoadOptions::default(), index, 0, &mut None);
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
        let spawned = spawn(path, LoadOptions::default(), index, 0, &mut None);
        spawned.unwrap_or_else(|e| panic!("spawn: {e}")).0.shares()
    };
    assert!(shares(folder.path()));
    assert!(!shares(&folder.path().join(&names[0])));
    std::fs::create_dir(folder.path().join("more")).unwrap_or_else(|e| panic!("mkdir: {e}"));
    assert!(!shares(folder.path()));
}

/// A small folder's files are listed by the thread that opens it and handed to its first
/// frame's wait before any loader thread runs: their count, then the share.
#[test]
fn a_small_folders_files_reach_the_wait_before_the_loader_runs() {
    let (folder, names) = small_folder();
    let (tx, rx) = mpsc::channel();
    let Folder::Small(shared) = share_small(folder.path(), LoadOptions::default(), &tx) else {
        panic!("a folder of {} files is not small", names.len());
    };
    let listed: Vec<PathBuf> = names.iter().map(|name| folder.path().join(name)).collect();
    assert_eq!(shared.files[..], listed[..]);
    assert!(matches!(rx.try_recv(), Ok(Message::Found(n)) if n == names.len()));
    assert!(matches!(rx.try_recv(), Ok(Message::Share(s)) if s.files[..] == listed[..]));
    std::fs::create_dir(folder.path().join("more")).unwrap_or_else(|e| panic!("mkdir: {e}"));
    assert!(matches!(
        share_small(folder.path(), LoadOptions::default(), &tx),
        Folder::Large
    ));
    assert!(rx.try_recv().is_err(), "a large folder's files were shared");
}

/// A folder's loader thread, which starts at once, takes the job given to the spawn and
/// runs it; a named file's, which starts after the first frame, leaves it to the caller.
#[test]
fn a_folders_loader_thread_runs_the_first_job_and_a_named_files_leaves_it() {
    let (folder, names) = small_folder();
    let elsewhere = temporary();
    let run = |path: &Path| {
        let (ran, told) = mpsc::channel();
        let mut job: Option<FirstJob> = Some(Box::new(move || {
            let _ = ran.send(());
        }));
        let index = Some(elsewhere.path().join("index.sqlite"));
        let spawned = spawn(path, LoadOptions::default(), index, 0, &mut job);
        let loader = spawned.unwrap_or_else(|e| panic!("spawn: {e}")).0;
        // Left to the caller, the job cannot have run: no need to wait for it.
        let ran = job.is_none() && told.recv_timeout(Duration::from_secs(60)).is_ok();
        drop(loader);
        (job.is_some(), ran)
    };
    assert_eq!(run(folder.path()), (false, true));
    assert_eq!(run(&folder.path().join(&names[0])), (true, false));
}
