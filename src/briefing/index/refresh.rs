//! Bringing an index up to date with its folder: walk it, compare each file's size and
//! modification time with its row, hash only what changed, parse changed files on every
//! core, and write in batches so a killed process leaves every committed batch usable.

use std::collections::HashMap;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::UNIX_EPOCH;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::path_from_bytes;
use super::record::{self, Failed, FileStamp, Parsed, Prepared};
use crate::briefing::load::{read_limited, whole_file_error};
use crate::briefing::{Listing, LoadFailure, LoadOptions, discover, load_bytes};

/// Files written per transaction: small enough that a killed process loses little work,
/// large enough that commits cost little.
const BATCH: usize = 256;

/// What a refresh did, file by file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RefreshSummary {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Files (new or changed) that failed to load; they are listed as failures.
    pub failed: usize,
}

/// How far a refresh has got: `done` of `total` files read and stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// What a refresh changed of the library's entries, a batch at a time, as it stores it:
/// the files gone (deleted, or changed: then among the new entries too) and the new
/// entries, each as loading its file gives it. Paths are under the canonical library.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changed {
    pub gone: Vec<PathBuf>,
    pub listings: Vec<Listing>,
    pub failures: Vec<LoadFailure>,
}

impl Changed {
    pub fn is_empty(&self) -> bool {
        self.gone.is_empty() && self.listings.is_empty() && self.failures.is_empty()
    }
}

/// Where a refresh reports: how far it has got, (if asked) what changed, and which files
/// the index is not up to date with, once the walk has found them.
pub(crate) struct Report<'a> {
    pub progress: &'a mut dyn FnMut(Progress),
    pub changed: Option<&'a mut dyn FnMut(Changed)>,
    pub stale: Option<&'a mut dyn FnMut(Vec<PathBuf>)>,
}

#[derive(Debug, Clone, Copy)]
struct Stored {
    id: i64,
    size: u64,
    mtime_ns: i64,
    hash: u64,
    /// Written with everything this version keeps (an older version's row is not).
    complete: bool,
}

/// A file whose size or time differs from its row (or that has none).
struct Suspect {
    path: PathBuf,
    stamp: FileStamp,
    stored: Option<Stored>,
}

pub(crate) fn refresh(
    conn: &mut Connection,
    library: &Path,
    options: &LoadOptions,
    report: Report<'_>,
) -> rusqlite::Result<RefreshSummary> {
    let Report {
        progress,
        changed,
        stale,
    } = report;
    let mut stored = stored_rows(conn)?;
    let (files, _walk_failures) = discover(library);
    let mut out = Out {
        library,
        summary: RefreshSummary::default(),
        changed,
    };
    let mut suspects = Vec::new();
    for path in files {
        let Some(stamp) = stamp(library, &path) else {
            // Gone or unreadable between the walk and now: if it had a row, it is removed.
            continue;
        };
        let row = stored.remove(&stamp.rel);
        match row {
            Some(row) if row.size == stamp.size && row.mtime_ns == stamp.mtime_ns => {
                out.summary.unchanged += 1;
            }
            _ => suspects.push(Suspect {
                path,
                stamp,
                stored: row,
            }),
        }
    }
    let total = suspects.len();
    if let Some(stale) = stale {
        stale(
            suspects
                .iter()
                .map(|suspect| suspect.path.clone())
                .collect(),
        );
    }
    progress(Progress { done: 0, total });
    write_parsed(conn, suspects, options, &mut out, progress)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for row in stored.values() {
        record::delete(&tx, row.id)?;
        out.summary.removed += 1;
    }
    tx.commit()?;
    if let Some(changed) = out.changed.filter(|_| !stored.is_empty()) {
        changed(Changed {
            gone: stored
                .keys()
                .map(|rel| library.join(path_from_bytes(rel)))
                .collect(),
            ..Changed::default()
        });
    }
    Ok(out.summary)
}

fn stored_rows(conn: &Connection) -> rusqlite::Result<HashMap<Vec<u8>, Stored>> {
    let mut statement =
        conn.prepare("SELECT path, id, size, mtime_ns, hash, diagnostics IS NOT NULL FROM files")?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, Vec<u8>>(0)?,
            Stored {
                id: row.get(1)?,
                size: u64::try_from(row.get::<_, i64>(2)?).unwrap_or(0),
                mtime_ns: row.get(3)?,
                hash: row.get::<_, i64>(4)? as u64,
                complete: row.get(5)?,
            },
        ))
    })?;
    rows.collect()
}

fn stamp(library: &Path, path: &Path) -> Option<FileStamp> {
    let metadata = std::fs::metadata(path).ok()?;
    let mtime_ns = mtime_ns(&metadata);
    let rel = path.strip_prefix(library).unwrap_or(path);
    Some(FileStamp {
        rel: rel.as_os_str().as_bytes().to_vec(),
        size: metadata.len(),
        mtime_ns,
    })
}

/// A file's modification time in nanoseconds since 1970, as rows store it (0 when the
/// system gives none).
pub(crate) fn mtime_ns(metadata: &std::fs::Metadata) -> i64 {
    metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |since| {
            i64::try_from(since.as_nanos()).unwrap_or(i64::MAX)
        })
}

/// What a worker made of a suspect file.
enum Checked {
    /// Same content as its row: only the stamp changes.
    Touched { id: i64, stamp: FileStamp },
    New {
        replaces: Option<i64>,
        parsed: Parsed,
    },
}

/// Where a batch written goes besides the index.
struct Out<'a, 'b> {
    library: &'a Path,
    summary: RefreshSummary,
    changed: Option<&'b mut dyn FnMut(Changed)>,
}

fn write_parsed(
    conn: &mut Connection,
    suspects: Vec<Suspect>,
    options: &LoadOptions,
    out: &mut Out<'_, '_>,
    progress: &mut dyn FnMut(Progress),
) -> rusqlite::Result<()> {
    let total = suspects.len();
    let next = AtomicUsize::new(0);
    // An index up to date with its folder (every start of the reader on an unchanged
    // library) starts no thread; a few changed files start no more threads than files.
    let workers = match total {
        0 => 0,
        _ => std::thread::available_parallelism().map_or(1, |n| n.get().min(total)),
    };
    let (sender, receiver) = mpsc::sync_channel::<Checked>(BATCH);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let sender = sender.clone();
            let (next, suspects) = (&next, &suspects);
            scope.spawn(move || {
                while let Some(suspect) = suspects.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if sender.send(check(suspect, options)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // Owned here, so an error below drops it and the workers stop instead of waiting.
        let receiver = receiver;
        let mut done = 0;
        let mut batch = Vec::with_capacity(BATCH);
        for checked in receiver.iter() {
            batch.push(checked);
            if batch.len() == BATCH {
                done += batch.len();
                write_batch(conn, &mut batch, out)?;
                progress(Progress { done, total });
            }
        }
        done += batch.len();
        write_batch(conn, &mut batch, out)?;
        progress(Progress { done, total });
        Ok(())
    })
}

fn check(suspect: &Suspect, options: &LoadOptions) -> Checked {
    let bytes = read_limited(&suspect.path, options.max_size);
    let hash = bytes
        .as_ref()
        .map_or(0, |bytes| xxhash_rust::xxh3::xxh3_64(bytes));
    if let (Some(stored), Ok(_)) = (suspect.stored, &bytes)
        && stored.hash == hash
        && stored.complete
    {
        return Checked::Touched {
            id: stored.id,
            stamp: suspect.stamp.clone(),
        };
    }
    let outcome = match bytes {
        Err(message) => Err(Failed {
            failure: LoadFailure {
                path: suspect.path.clone(),
                diagnostics: vec![whole_file_error(&suspect.path, message.clone())],
            },
            error: message,
        }),
        Ok(bytes) => load_bytes(&suspect.path, &bytes)
            .map(|loaded| Box::new(Prepared::new(loaded)))
            .map_err(|failure| Failed {
                error: first_line(&failure.to_string()),
                failure,
            }),
    };
    Checked::New {
        replaces: suspect.stored.map(|stored| stored.id),
        parsed: Parsed {
            stamp: suspect.stamp.clone(),
            hash,
            outcome,
        },
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}

fn write_batch(
    conn: &mut Connection,
    batch: &mut Vec<Checked>,
    out: &mut Out<'_, '_>,
) -> rusqlite::Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let summary = &mut out.summary;
    let mut changed = Changed::default();
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for checked in batch.drain(..) {
        match checked {
            Checked::Touched { id, stamp } => {
                tx.prepare_cached("UPDATE files SET size = ?2, mtime_ns = ?3 WHERE id = ?1")?
                    .execute(params![
                        id,
                        i64::try_from(stamp.size).unwrap_or(i64::MAX),
                        stamp.mtime_ns
                    ])?;
                summary.unchanged += 1;
            }
            Checked::New { replaces, parsed } => {
                if replaces.is_some() {
                    summary.changed += 1;
                } else {
                    summary.added += 1;
                }
                // Another process refreshing the same index may have stored this path
                // since the rows were read: whatever row holds it now is replaced.
                let current: Option<i64> = tx
                    .prepare_cached("SELECT id FROM files WHERE path = ?1")?
                    .query_row([&parsed.stamp.rel], |row| row.get(0))
                    .optional()?;
                if let Some(id) = current {
                    record::delete(&tx, id)?;
                }
                if parsed.outcome.is_err() {
                    summary.failed += 1;
                }
                record::insert(&tx, &parsed)?;
                if out.changed.is_some() {
                    if current.is_some() || replaces.is_some() {
                        let rel = path_from_bytes(&parsed.stamp.rel);
                        changed.gone.push(out.library.join(rel));
                    }
                    match &parsed.outcome {
                        Ok(prepared) => changed.listings.push(prepared.listing()),
                        Err(failed) => changed.failures.push(failed.failure.clone()),
                    }
                }
            }
        }
    }
    tx.commit()?;
    if let Some(report) = out.changed.as_deref_mut().filter(|_| !changed.is_empty()) {
        report(changed);
    }
    Ok(())
}
