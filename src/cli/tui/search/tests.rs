//! The search worker while the index is brought up to date: the index as it stands answers
//! for the files it is up to date with, the new and changed files are read themselves.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicU64;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Cancel, Index, Order};
use brief::briefing::query::parse;
use brief::ui::SearchAsk;
use serde_json::json;

use super::{IndexPlace, Worker};
use crate::cli::loader::IndexState;

fn write(folder: &Path, name: &str, headline: &str, actor: &[&str]) -> anyhow::Result<PathBuf> {
    let path = folder.join(name);
    let (name_of, aliases) = actor.split_first().unwrap_or((&"", &[]));
    let value = json!({"format": 1, "id": name, "headline": headline, "date": "2025-01-01",
                       "actors": [{"id": name, "name": name_of, "aliases": aliases}]});
    std::fs::write(&path, value.to_string())?;
    Ok(std::fs::canonicalize(path)?)
}

/// The paths `query` finds, asked of a worker in `state` over the library `paths`.
fn found(
    place: &IndexPlace,
    state: IndexState,
    text: &str,
    paths: &[PathBuf],
) -> anyhow::Result<Vec<PathBuf>> {
    found_in_parts(place, state, text, &[(true, paths)])
}

/// The paths one search of `query` finds, asked in parts: each `(whole, paths)`, as the
/// library asks for the whole library, then for files that arrived meanwhile.
fn found_in_parts(
    place: &IndexPlace,
    state: IndexState,
    text: &str,
    parts: &[(bool, &[PathBuf])],
) -> anyhow::Result<Vec<PathBuf>> {
    let worker = Worker {
        current: Arc::new(AtomicU64::new(1)),
        cancel: Arc::new(Mutex::new(Cancel::default())),
        fresh: Arc::new(state),
        place: place.clone(),
        load: LoadOptions::default(),
    };
    let (asks, asked) = mpsc::channel();
    let (send, answers) = mpsc::channel();
    for (whole, paths) in parts {
        asks.send(SearchAsk {
            generation: 1,
            query: Some(parse(text)?),
            paths: Arc::from(*paths),
            whole: *whole,
            order: Order::Newest,
        })?;
    }
    drop(asks);
    worker.work(&asked, &send);
    drop(send);
    let all: Vec<_> = answers.iter().collect();
    anyhow::ensure!(
        all.last().is_some_and(|found| found.done),
        "no last batch: {all:?}"
    );
    anyhow::ensure!(all.iter().filter(|found| found.done).count() == parts.len());
    let mut paths: Vec<PathBuf> = all
        .into_iter()
        .flat_map(|found| found.hits)
        .map(|hit| hit.path)
        .collect();
    paths.sort();
    Ok(paths)
}

#[test]
fn while_the_index_is_refreshed_it_answers_for_unchanged_files_and_the_rest_are_read()
-> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let folder = dir.path().join("library");
    std::fs::create_dir(&folder)?;
    let kept = write(&folder, "kept.json", "harbour kept", &["Volker Türk"])?;
    let changed = write(&folder, "changed.json", "nothing yet", &["Nobody"])?;
    let doctored = write(&folder, "doctored.json", "harbour old", &["Nobody"])?;
    let place = IndexPlace {
        folder: folder.clone(),
        explicit: Some(dir.path().join("index.db")),
    };
    let mut index = Index::open(&folder, place.explicit.as_deref(), Access::ReadWrite)?;
    index.refresh(&LoadOptions::default(), &mut |_| {})?;
    drop(index);

    write(&folder, "changed.json", "harbour now", &["فولكر تورك"])?;
    let added = write(
        &folder,
        "added.json",
        "harbour new",
        &["تورك", "Volker Türk"],
    )?;
    // The same size and time as when indexed, other words: only the index's row says
    // "harbour" (a search that reads this file itself does not find it).
    let modified = std::fs::metadata(&doctored)?.modified()?;
    let before = std::fs::read_to_string(&doctored)?;
    std::fs::write(&doctored, before.replace("harbour", "flotsam"))?;
    std::fs::File::options()
        .write(true)
        .open(&doctored)?
        .set_modified(modified)?;

    let library = [&kept, &changed, &doctored, &added].map(|p| p.to_path_buf());
    let refreshing = || {
        let state = IndexState::default();
        state.set_stale(vec![changed.clone(), added.clone()]);
        state
    };
    let mut from_index = vec![
        kept.clone(),
        changed.clone(),
        doctored.clone(),
        added.clone(),
    ];
    from_index.sort();
    assert_eq!(
        found(&place, refreshing(), "harbour", &library)?,
        from_index
    );

    // Without the index (not fresh, the walk not done), every file is read.
    let mut from_files = vec![kept.clone(), changed.clone(), added.clone()];
    from_files.sort();
    let waiting = IndexState::default();
    assert_eq!(found(&place, waiting, "harbour", &library)?, from_files);
    // A refresh that failed leaves the index behind the folder: the files are read.
    let failed = refreshing();
    failed.fail("the index is locked".into());
    assert_eq!(found(&place, failed, "harbour", &library)?, from_files);

    // `actor:` widened by the index's actors and the files read: only the new file, which
    // the index does not have yet, says that Volker Türk (in the unchanged file) is تورك.
    let mut actor = vec![kept.clone(), changed.clone(), added.clone()];
    actor.sort();
    assert_eq!(found(&place, refreshing(), "actor:تورك", &library)?, actor);
    Ok(())
}

/// Without an index, a file that arrives during an `actor:` search is matched with the
/// names the files looked through so far gave: the alias is in one of those, not in it.
#[test]
fn a_file_that_arrives_during_a_search_is_matched_with_the_names_found_before() -> anyhow::Result<()>
{
    let dir = tempfile::tempdir()?;
    let folder = dir.path().join("library");
    std::fs::create_dir(&folder)?;
    let first = write(&folder, "first.json", "one", &["Volker Türk", "تورك"])?;
    let later = write(&folder, "later.json", "two", &["Volker Türk"])?;
    let place = IndexPlace {
        folder,
        explicit: Some(dir.path().join("index.db")),
    };
    let whole = [first.clone()];
    let arrived = [later.clone()];
    let parts = [(true, &whole[..]), (false, &arrived[..])];
    let state = IndexState::default();
    assert_eq!(
        found_in_parts(&place, state, "actor:تورك", &parts)?,
        [first, later]
    );
    Ok(())
}
