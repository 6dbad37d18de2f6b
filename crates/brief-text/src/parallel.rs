//! A long text is laid out on several threads: paragraphs are independent, so the text is
//! cut at paragraph breaks into one run of paragraphs per thread, and the lines come back
//! in order. A 2 MB briefing opens that much sooner; a short field stays on its thread.

use std::ops::Range;
use std::thread;

use crate::line::VisualLine;

/// Below this many bytes a thread costs more than it saves (spawning one is tens of µs;
/// laying out 256 KB is a few ms).
const PARALLEL_FROM: usize = 256 * 1024;
const MAX_THREADS: usize = 8;

/// The threads to use for `text`: 1 for short texts or a machine with one core.
pub(crate) fn threads_for(text: &str) -> usize {
    threads_for_bytes(text.len())
}

fn threads_for_bytes(bytes: usize) -> usize {
    if bytes < PARALLEL_FROM {
        return 1;
    }
    thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, MAX_THREADS)
}

/// `text` cut into at most `n` runs of whole paragraphs, each with its byte offset: the
/// paragraphs of the runs, in order, are those of `text` (a run leaves out the '\n' that
/// ends it).
pub(crate) fn chunks(text: &str, n: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::with_capacity(n);
    let mut start = 0;
    for k in 1..n {
        let target = (text.len() * k / n).max(start);
        // By bytes: `target` may fall inside a character, a '\n' byte never does.
        let rest = text.as_bytes().get(target..).unwrap_or_default();
        let Some(newline) = rest.iter().position(|&b| b == b'\n') else {
            break;
        };
        let end = target + newline;
        out.push((start, &text[start..end]));
        start = end + 1;
    }
    out.push((start, &text[start..]));
    out
}

/// Lays out each chunk with `layout_chunk(chunk, offset)` on a thread of its own and
/// joins the lines in order.
pub(crate) fn layout_chunks(
    text: &str,
    threads: usize,
    layout_chunk: impl Fn(&str, usize) -> Vec<VisualLine> + Sync,
) -> Vec<VisualLine> {
    let parts = chunks(text, threads);
    run_parts(&parts, |&(offset, chunk)| layout_chunk(chunk, offset))
        .into_iter()
        .flatten()
        .collect()
}

/// `f(index, item)` for every item, in order. When the items weigh `PARALLEL_FROM` or
/// more in all (a briefing's fields, by bytes), they are cut into runs of about equal
/// weight, one per core, each mapped on a thread of its own.
pub fn map_weighted<T: Sync, R: Send>(
    items: &[T],
    weight: impl Fn(&T) -> usize,
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    let f = &f;
    map_weighted_runs(items, weight, |run| {
        run.map(|i| f(i, &items[i])).collect::<Vec<R>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// `f(run)` for runs of items' indices that together cover `items` in order: one run
/// when the items weigh less than `PARALLEL_FROM` in all, else at most one run per core,
/// of about equal weight (an item heavier than a run's share leaves fewer, or an empty
/// one), each on a thread of its own. What a thread makes of its run it
/// may also drop there: memory is freed fastest by the thread that allocated it.
pub fn map_weighted_runs<T, R: Send>(
    items: &[T],
    weight: impl Fn(&T) -> usize,
    f: impl Fn(Range<usize>) -> R + Sync,
) -> Vec<R> {
    let total = items.iter().map(&weight).fold(0, usize::saturating_add);
    let threads = threads_for_bytes(total).min(items.len());
    if threads <= 1 {
        return vec![f(0..items.len())];
    }
    let mut runs = Vec::with_capacity(threads);
    let (mut start, mut weighed) = (0, 0_usize);
    for (i, item) in items.iter().enumerate() {
        weighed = weighed.saturating_add(weight(item));
        let cut = total / threads * (runs.len() + 1);
        if runs.len() + 1 < threads && weighed >= cut {
            runs.push(start..i + 1);
            start = i + 1;
        }
    }
    runs.push(start..items.len());
    run_parts(&runs, |run| f(run.clone()))
}

/// `work(part)` for each part on a thread of its own, the results in order. A part whose
/// thread cannot be started (a process limit) is done on the calling thread instead; a
/// panic on a thread is passed on as it was.
fn run_parts<P: Sync, R: Send>(parts: &[P], work: impl Fn(&P) -> R + Sync) -> Vec<R> {
    let work = &work;
    let results: Vec<thread::Result<R>> = thread::scope(|scope| {
        let started: Vec<_> = parts
            .iter()
            .map(|part| {
                thread::Builder::new()
                    .name("layout".into())
                    .spawn_scoped(scope, move || work(part))
                    .map_err(|_| part)
            })
            .collect();
        started
            .into_iter()
            .map(|handle| match handle {
                Ok(handle) => handle.join(),
                Err(part) => Ok(work(part)),
            })
            .collect()
    });
    results
        .into_iter()
        .map(|result| result.unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<(usize, &str)> {
        let mut offset = 0;
        text.split('\n')
            .map(|p| {
                let at = offset;
                offset += p.len() + 1;
                (at, p)
            })
            .collect()
    }

    #[test]
    fn chunks_hold_the_same_paragraphs_at_the_same_offsets() {
        for text in [
            "",
            "a",
            "\n",
            "a\n",
            "\nb",
            "aa\nbb\ncc\n\ndd",
            "\n\n\n",
            "ab\nc\u{0628}\n",
            // The middle falls inside a letter.
            "\u{0628}\u{0628}\u{0628}\n\u{0628}",
        ] {
            for n in 1..6 {
                let joined: Vec<(usize, &str)> = chunks(text, n)
                    .into_iter()
                    .flat_map(|(offset, chunk)| {
                        paragraphs(chunk)
                            .into_iter()
                            .map(move |(at, p)| (offset + at, p))
                    })
                    .collect();
                assert_eq!(joined, paragraphs(text), "{text:?} in {n}");
            }
        }
        // A cut inside a character moves on to the next break rather than giving up.
        assert_eq!(chunks("\u{0628}\u{0628}\u{0628}\n\u{0628}", 2).len(), 2);
    }

    #[test]
    fn a_long_text_laid_out_on_threads_is_laid_out_as_on_one() {
        let seed = include_str!("../../../tests/data/seed-article.txt");
        // Fields mix paragraphs for the fast path with some for the general one; twice the
        // threshold, so that `layout` itself takes the threads where there are cores.
        let mut text = String::new();
        while text.len() < 2 * PARALLEL_FROM {
            text.push_str(seed);
            text.push_str("\u{202B}x\u{202C} 👍🏽\n\n");
        }
        for width in [1, 37, 100] {
            let options = crate::LayoutOptions {
                width,
                ..Default::default()
            };
            let serial = crate::layout_on_this_thread(&text, &options);
            let parts = chunks(&text, 3);
            assert_eq!(parts.len(), 3);
            let parallel = layout_chunks(&text, 3, |chunk, offset| {
                crate::layout_from(chunk, offset, &options)
            });
            assert_eq!(parallel, serial, "width {width}");
            assert_eq!(crate::layout(&text, &options), serial);
        }
    }

    #[test]
    fn short_texts_stay_on_one_thread_and_long_ones_use_the_cores() {
        assert_eq!(threads_for(""), 1);
        assert_eq!(threads_for_bytes(PARALLEL_FROM - 1), 1);
        let cores = thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(threads_for_bytes(PARALLEL_FROM), cores.min(MAX_THREADS));
        assert_eq!(threads_for_bytes(usize::MAX), cores.min(MAX_THREADS));
    }

    #[test]
    fn mapping_on_threads_gives_what_mapping_in_order_gives() {
        let heavy = PARALLEL_FROM / 8;
        let cases: [Vec<usize>; 5] = [
            vec![],
            vec![PARALLEL_FROM * 4],
            vec![heavy; 40],
            (0..300).map(|i| (i % 7) * heavy / 3).collect(),
            [vec![1; 10], vec![PARALLEL_FROM * 2], vec![1; 10]].concat(),
        ];
        for weights in cases {
            let mapped = map_weighted(
                &weights,
                |&w| w,
                |i, &w| (i, w, std::thread::current().id()),
            );
            let expected: Vec<(usize, usize)> = weights.iter().copied().enumerate().collect();
            let got: Vec<(usize, usize)> = mapped.iter().map(|&(i, w, _)| (i, w)).collect();
            assert_eq!(got, expected);
            let total: usize = weights.iter().sum();
            let threads: std::collections::HashSet<_> = mapped.iter().map(|m| m.2).collect();
            let cores = threads_for_bytes(total).min(weights.len());
            if cores > 1 {
                assert!(threads.len() > 1, "{} items on one thread", weights.len());
            }
        }
    }

    #[test]
    fn runs_cover_the_items_in_order_each_on_its_own_thread() {
        let heavy = PARALLEL_FROM / 8;
        for weights in [
            vec![],
            vec![1; 5],
            vec![heavy; 40],
            vec![PARALLEL_FROM * 3, 1],
        ] {
            let runs = map_weighted_runs(&weights, |&w| w, |run| (run, thread::current().id()));
            let covered: Vec<usize> = runs.iter().flat_map(|(run, _)| run.clone()).collect();
            assert_eq!(covered, (0..weights.len()).collect::<Vec<_>>());
            let total: usize = weights.iter().sum();
            let threads = threads_for_bytes(total).min(weights.len()).max(1);
            assert!(runs.len() <= threads, "weights {weights:?}");
            if threads > 1 && weights.len() > threads {
                assert!(runs.len() > 1, "weights {weights:?} on one thread");
            }
            let ids: std::collections::HashSet<_> = runs.iter().map(|r| r.1).collect();
            assert_eq!(ids.len(), runs.len());
        }
    }
}
