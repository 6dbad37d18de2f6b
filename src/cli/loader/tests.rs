//! The loader and the first frame: a small folder's load ends without waiting for its
//! index, and the index is built only once the first frame is drawn.

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
