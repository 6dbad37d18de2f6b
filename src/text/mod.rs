//! Pure layout of untrusted text into terminal cells: sanitize, direction, shaping,
//! wrapping, bidi reordering, measuring. No terminal code here.
//!
//! PUBLIC API CONTRACT (the ui layer builds on exactly this; extend, do not break):
//! - `sanitize(raw) -> Sanitized` once per field; all byte ranges refer to `Sanitized::text`.
//! - `layout(&sanitized.text, &LayoutOptions) -> Vec<VisualLine>`: '\n' in the text is a
//!   paragraph break; each paragraph gets its own direction and lines.
//! - `VisualLine::glyphs` are in left-to-right screen order; `width` is the sum of glyph
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

mod cluster;
mod direction;
mod reorder;
mod sanitize;
mod shape;
mod split;
mod wrap;

use std::ops::Range;

use unicode_bidi::{Level, ParagraphBidiInfo};

pub use cluster::measure;
pub use direction::{first_strong, resolve_direction};
pub use sanitize::{has_bidi_controls, is_explicit_bidi_control, isolate, join_isolated, sanitize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BaseDirection {
    #[default]
    Auto,
    Ltr,
    Rtl,
}

/// `App`: the engine reorders into visual order. `Logical`: text stays in logical order
/// for terminals that reorder rows themselves (and for `--logical` output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BidiMode {
    #[default]
    App,
    Logical,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayoutOptions {
    pub width: usize,
    pub direction: BaseDirection,
    /// Direction of an `Auto` paragraph with no strong character (e.g. from the
    /// briefing's language); `Auto` here means LTR, as in rule P3.
    pub fallback: BaseDirection,
    pub shaping: bool,
    pub mode: BidiMode,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: usize::MAX,
            direction: BaseDirection::Auto,
            fallback: BaseDirection::Auto,
            shaping: true,
            mode: BidiMode::App,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sanitized {
    pub text: String,
    /// The field held embedding, override or isolate controls (Trojan Source): the UI
    /// marks such a field visibly.
    pub has_bidi_controls: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph {
    /// What to put in the terminal cell(s): may differ from the logical text
    /// (mirrored bracket, shaped presentation form, visible control symbol).
    pub text: String,
    pub width: usize,
    /// Byte range in `Sanitized::text` this glyph stands for.
    pub source: Range<usize>,
}

impl Glyph {
    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        self.source.start < range.end && range.start < self.source.end
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VisualLine {
    pub glyphs: Vec<Glyph>,
    pub width: usize,
    pub rtl: bool,
}

impl VisualLine {
    /// Cells of padding to put before the line so it sits right-aligned (RTL) or
    /// left-aligned (LTR) in `width` cells.
    pub fn pad_left(&self, width: usize) -> usize {
        if self.rtl {
            width.saturating_sub(self.width)
        } else {
            0
        }
    }

    pub fn to_plain(&self) -> String {
        self.glyphs.iter().map(|g| g.text.as_str()).collect()
    }
}

/// A laid-out line with the bidi level of each glyph (`levels[i]` is `glyphs[i]`'s):
/// for tests against the Unicode data, and for a UI that needs run directions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeveledLine {
    pub line: VisualLine,
    pub levels: Vec<u8>,
}

pub fn layout(text: &str, options: &LayoutOptions) -> Vec<VisualLine> {
    let mut lines = Vec::new();
    // No levels are kept here, so none are collected (`layout_with_levels` pays for them).
    for_each_paragraph(text, |paragraph, offset| {
        layout_paragraph(paragraph, offset, options, false, &mut |line, _| {
            lines.push(line);
        });
    });
    lines
}

pub fn layout_with_levels(text: &str, options: &LayoutOptions) -> Vec<LeveledLine> {
    let mut lines = Vec::new();
    for_each_paragraph(text, |paragraph, offset| {
        layout_paragraph(paragraph, offset, options, true, &mut |line, levels| {
            lines.push(LeveledLine { line, levels });
        });
    });
    lines
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
fn layout_paragraph(
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
    let mut clusters = cluster::clusters(paragraph);
    if options.shaping {
        shape::shape(paragraph, &bidi.levels, &mut clusters);
    }
    cluster::base_orphan_marks(&mut clusters);
    cluster::fit(&mut clusters, width);
    for line in wrap::wrap(paragraph, &clusters, width) {
        let mut visual = VisualLine {
            rtl,
            glyphs: Vec::with_capacity(line.len()),
            width: 0,
        };
        let mut levels = Vec::with_capacity(if with_levels { line.len() } else { 0 });
        let mut place = |i: usize, l: Option<Level>| {
            let c = &clusters[i];
            visual.width += c.width;
            visual.glyphs.push(Glyph {
                text: reorder::glyph_text(c, l, options.mode),
                width: c.width,
                source: offset + c.range.start..offset + c.range.end,
            });
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
    while i < line.glyphs.len() {
        let glyphs = &mut line.glyphs;
        let is_mark =
            !glyphs[i].text.is_empty() && glyphs[i].text.chars().all(reorder::is_bidi_mark);
        let drawn = |j: usize| glyphs.get(j).is_some_and(|g: &Glyph| g.width > 0);
        let host = match (is_mark, i.checked_sub(1)) {
            (false, _) => None,
            (true, Some(before)) if drawn(before) => Some(before),
            (true, _) => Some(i + 1).filter(|&after| drawn(after)),
        };
        let Some(host) = host else {
            i += 1;
            continue;
        };
        let mark = glyphs.remove(i);
        if i < levels.len() {
            levels.remove(i);
        }
        let host = if host > i { host - 1 } else { host };
        let glyph = &mut line.glyphs[host];
        if host < i {
            glyph.text.push_str(&mark.text);
            glyph.source.end = mark.source.end;
        } else {
            glyph.text.insert_str(0, &mark.text);
            glyph.source.start = mark.source.start;
        }
        i = i.min(line.glyphs.len());
    }
}

/// Reads a Unicode data file from Debian's unicode-data. Missing is a loud skip on a
/// developer machine and a failure in CI, where `.ci/run` installs it.
#[cfg(test)]
pub(crate) fn oracle_file(name: &str) -> Option<String> {
    let path = format!("/usr/share/unicode/{name}");
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(e) if std::env::var_os("CI").is_none() => {
            eprintln!("SKIPPED: {path} unreadable ({e}); install Debian package unicode-data");
            None
        }
        Err(e) => panic!("{path} unreadable in CI ({e}): install unicode-data"),
    }
}

#[cfg(test)]
mod tests;
