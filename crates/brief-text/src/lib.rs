//! Pure layout of untrusted text into terminal cells: sanitize, direction, shaping,
//! wrapping, bidi reordering, measuring. No terminal code here.
//!
//! PUBLIC API CONTRACT (brief's ui layer builds on exactly this; extend, do not break):
//! - `sanitize(raw) -> Sanitized` once per field; all byte ranges refer to `Sanitized::text`.
//! - `layout(&sanitized.text, &LayoutOptions) -> Vec<VisualLine>`: '\n' in the text is a
//!   paragraph break; each paragraph gets its own direction and lines.
//! - `VisualLine::glyphs()` are in left-to-right screen order; `width` is the sum of glyph
//!   widths; `rtl` says the line belongs to an RTL paragraph (right-align it with `pad_left`).
//! - Styles go by source: a glyph is styled if `Glyph::source` overlaps a styled byte range
//!   of the logical text, so a highlighted word stays highlighted wherever it lands.
//! - A glyph is a grapheme, or one piece of a grapheme that terminals draw otherwise than
//!   unicode-width measures it (emoji ZWJ sequences, VS16, flags: see `split`). Its
//!   `width` is its text's width both as a whole and code point by code point, and its
//!   text holds at most one character that takes cells. Glyphs with empty text (a hidden
//!   joiner or selector) are 0 wide and draw nothing; every byte of a line's text is in
//!   exactly one glyph's `source`, except spaces dropped where a line was broken.
//!
//! Pipeline per paragraph: direction, bidi levels of the whole paragraph, shaping in
//! logical order, wrapping in logical order, then per line reordering and mirroring.
//! Paragraphs of plain prose take `fast`, which gives the same lines with less work;
//! a long text is laid out on several threads (`parallel`).

#![warn(missing_docs)]

mod cell_text;
mod cluster;
mod direction;
mod fast;
mod line;
mod options;
#[cfg(test)]
mod oracle;
mod parallel;
mod reorder;
mod sanitize;
mod segment;
mod shape;
mod split;
mod tables;
#[cfg(feature = "ratatui")]
pub mod widget;
mod wrap;

use std::cell::RefCell;

use unicode_bidi::{Level, ParagraphBidiInfo};

pub use direction::{BaseDirection, first_strong, resolve_direction};
pub use line::{Glyph, Glyphs, LeveledLine, VisualLine};
pub use options::{BidiMode, LayoutOptions};
pub use parallel::{map_weighted, map_weighted_runs};
pub use sanitize::{
    Sanitized, has_bidi_controls, is_explicit_bidi_control, isolate, join_isolated, sanitize,
    sanitize_owned,
};
pub use segment::measure;

/// Lays out sanitized text: each paragraph ('\n') in its direction, wrapped at
/// `options.width`, its lines in the order they are read. A long text is laid out on
/// several threads; the lines are the same.
pub fn layout(text: &str, options: &LayoutOptions) -> Vec<VisualLine> {
    match parallel::threads_for(text) {
        1 => layout_from(text, 0, options),
        threads => parallel::layout_chunks(text, threads, |chunk, offset| {
            layout_from(chunk, offset, options)
        }),
    }
}

/// `layout` on the calling thread only, whatever the text's length: for a caller that
/// already runs in parallel, and to measure one thread's throughput.
pub fn layout_on_this_thread(text: &str, options: &LayoutOptions) -> Vec<VisualLine> {
    layout_from(text, 0, options)
}

/// `layout` of `text`, which starts at byte `start` of the whole text.
pub(crate) fn layout_from(text: &str, start: usize, options: &LayoutOptions) -> Vec<VisualLine> {
    let mut lines = Vec::new();
    // No levels are kept here, so none are collected (`layout_with_levels` pays for them).
    with_scratch(|scratch| {
        for_each_paragraph(text, |paragraph, offset| {
            let offset = start + offset;
            let mut push = |line, _| lines.push(line);
            layout_paragraph(paragraph, offset, options, false, scratch, &mut push);
        });
    });
    lines
}

/// `layout` with each glyph's bidi level, on the calling thread.
pub fn layout_with_levels(text: &str, options: &LayoutOptions) -> Vec<LeveledLine> {
    let mut lines = Vec::new();
    with_scratch(|scratch| {
        for_each_paragraph(text, |paragraph, offset| {
            layout_paragraph(
                paragraph,
                offset,
                options,
                true,
                scratch,
                &mut |line, levels| {
                    lines.push(LeveledLine { line, levels });
                },
            );
        });
    });
    lines
}

thread_local! {
    /// The fast path's buffers, kept from one call to the next: a briefing is laid out one
    /// field at a time, and growing fresh buffers for each of thousands of paragraphs was
    /// a fifth of the first frame of a large one.
    static SCRATCH: RefCell<fast::Scratch> = RefCell::new(fast::Scratch::default());
}

/// Buffers kept for a paragraph of at most this many characters; a longer one's are
/// freed after use rather than held for the thread's life.
const SCRATCH_KEPT: usize = 1 << 16;

fn with_scratch(f: impl FnOnce(&mut fast::Scratch)) {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => {
            f(&mut scratch);
            if scratch.capacity() > SCRATCH_KEPT {
                *scratch = fast::Scratch::default();
            }
        }
        // Only if a layout ran inside another on this thread: fresh buffers then.
        Err(_) => f(&mut fast::Scratch::default()),
    });
}

/// The fast path where it applies (the result is the same), else the general one.
fn layout_paragraph(
    paragraph: &str,
    offset: usize,
    options: &LayoutOptions,
    with_levels: bool,
    scratch: &mut fast::Scratch,
    out: &mut dyn FnMut(VisualLine, Vec<u8>),
) {
    if !fast::layout_paragraph(paragraph, offset, options, with_levels, scratch, out) {
        general_paragraph(paragraph, offset, options, with_levels, out);
    }
}

/// Calls `f` with each paragraph ('\n' separates them) and its byte offset in `text`.
fn for_each_paragraph(text: &str, mut f: impl FnMut(&str, usize)) {
    let mut offset = 0;
    for paragraph in text.split('\n') {
        f(paragraph, offset);
        offset += paragraph.len() + 1;
    }
}

/// Lays out one paragraph, handing each line to `out` with its glyphs' levels when
/// `with_levels` (else with an empty vector).
pub(crate) fn general_paragraph(
    paragraph: &str,
    offset: usize,
    options: &LayoutOptions,
    with_levels: bool,
    out: &mut dyn FnMut(VisualLine, Vec<u8>),
) {
    let width = options.width.max(1);
    let rtl =
        resolve_direction(paragraph, options.direction, options.fallback) == BaseDirection::Rtl;
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let bidi = ParagraphBidiInfo::new_with_data_source(&reorder::BidiData, paragraph, Some(level));
    let mut clusters = segment::clusters(paragraph);
    if options.shaping {
        shape::shape(paragraph, &bidi.levels, &mut clusters);
    }
    cluster::base_orphan_marks(&mut clusters);
    cluster::fit(&mut clusters, width);
    for line in wrap::wrap(paragraph, &clusters, width) {
        let mut visual = VisualLine::with_capacity(rtl, line.len(), 4 * line.len());
        let mut levels = Vec::with_capacity(if with_levels { line.len() } else { 0 });
        let mut place = |i: usize, l: Option<Level>| {
            let c = &clusters[i];
            let source = offset + c.range.start..offset + c.range.end;
            visual.push(&reorder::glyph_text(c, l, options.mode), c.width, source);
            if with_levels {
                levels.push(l.unwrap_or(level).number());
            }
        };
        match options.mode {
            BidiMode::App => {
                for (i, l) in reorder::visual_order(&bidi, &clusters, line) {
                    place(i, Some(l));
                }
            }
            BidiMode::Logical => line.for_each(|i| place(i, None)),
        }
        if options.mode == BidiMode::Logical {
            attach_invisible_marks(&mut visual, &mut levels);
        }
        out(visual, levels);
    }
}

/// In logical order the terminal does the reordering, so LRM, RLM and ALM must reach it;
/// but a glyph of width 0 has no cell of its own and would be skipped when drawn. Each
/// such mark rides in the cell of its neighbour (before it, else after it). Logical
/// order keeps sources contiguous, so the merged glyph still covers one byte range.
/// `levels` is empty or has one level per glyph.
fn attach_invisible_marks(line: &mut VisualLine, levels: &mut Vec<u8>) {
    let mut i = 0;
    while let Some(glyph) = line.glyph(i) {
        let is_mark = !glyph.text.is_empty() && glyph.text.chars().all(reorder::is_bidi_mark);
        let drawn = |j: usize| line.glyph(j).is_some_and(|g| g.width > 0);
        let host = match (is_mark, i.checked_sub(1)) {
            (false, _) => None,
            (true, Some(before)) if drawn(before) => Some(before),
            (true, _) => Some(i + 1).filter(|&after| drawn(after)),
        };
        match host {
            None => {
                i += 1;
                continue;
            }
            // The mark's text goes after its host's, or before it.
            Some(host) if host < i => line.merge_with_next(host),
            Some(_) => line.merge_with_next(i),
        }
        if i < levels.len() {
            levels.remove(i);
        }
    }
}

#[cfg(test)]
mod tests;
