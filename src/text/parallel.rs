//! A long text is laid out on several threads: paragraphs are independent, so the text is
//! cut at paragraph breaks into one run of paragraphs per thread, and the lines come back
//! in order. A 2 MB briefing opens that much sooner; a short field stays on its thread.

use std::thread;

use super::VisualLine;

/// Below this many bytes a thread costs more than it saves (spawning one is tens of µs;
/// laying out 256 KB is a few ms).
const PARALLEL_FROM: usize = 256 * 1024;
const MAX_THREADS: usize = 8;

/// The threads to use for `text`: 1 for short texts or a machine with one core.
pub(crate) fn threads_for(text: &str) -> usize {
    if text.len() < PARALLEL_FROM {
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
/// joins the lines in order. A chunk whose thread cannot be started (a process limit) is
/// laid out on the calling thread instead; a panic on a thread is passed on as it was.
pub(crate) fn layout_chunks(
    text: &str,
    threads: usize,
    layout_chunk: impl Fn(&str, usize) -> Vec<VisualLine> + Sync,
) -> Vec<VisualLine> {
    let parts = chunks(text, threads);
    let layout_chunk = &layout_chunk;
    let results: Vec<thread::Result<Vec<VisualLine>>> = thread::scope(|scope| {
        let started: Vec<_> = parts
            .iter()
            .map(|&(offset, chunk)| {
                thread::Builder::new()
                    .name("layout".into())
                    .spawn_scoped(scope, move || layout_chunk(chunk, offset))
                    .map_err(|_| (offset, chunk))
            })
            .collect();
        started
            .into_iter()
            .map(|part| match part {
                Ok(handle) => handle.join(),
                Err((offset, chunk)) => Ok(layout_chunk(chunk, offset)),
            })
            .collect()
    });
    let mut lines = Vec::new();
    for result in results {
        match result {
            Ok(part) => lines.extend(part),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
    lines
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
        let seed = include_str!("../../tests/data/seed-article.txt");
        // Fields mix paragraphs for the fast path with some for the general one.
        let mut text = String::new();
        while text.len() < 2 * PARALLEL_FROM {
            text.push_str(seed);
            text.push_str("\u{202B}x\u{202C} 👍🏽\n\n");
        }
        assert!(threads_for(&text) >= 1);
        for width in [1, 37, 100] {
            let options = crate::text::LayoutOptions {
                width,
                ..Default::default()
            };
            let serial = crate::text::layout_on_this_thread(&text, &options);
            let parts = chunks(&text, 3);
            assert_eq!(parts.len(), 3);
            let parallel = layout_chunks(&text, 3, |chunk, offset| {
                crate::text::layout_from(chunk, offset, &options)
            });
            assert_eq!(parallel, serial, "width {width}");
            assert_eq!(crate::text::layout(&text, &options), serial);
        }
    }
}
