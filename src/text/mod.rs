//! Pure layout of untrusted text into terminal cells: sanitize, direction, shaping,
//! wrapping, bidi reordering, measuring. No terminal code here.
//!
//! PUBLIC API CONTRACT (the ui layer builds on exactly this; extend, do not break):
//! - `sanitize(raw) -> Sanitized` once per field; all byte ranges refer to `Sanitized::text`.
//! - `layout(&sanitized.text, &LayoutOptions) -> Vec<VisualLine>`: '\n' in the text is a
//!   paragraph break; each paragraph gets its own direction and lines.
//! - `VisualLine::glyphs` are in left-to-right screen order; `width` is the sum of glyph
//!   widths; `rtl` says the line belongs to an RTL paragraph (right-align it with `pad_left`).
//!
//! The implementation below is a naive placeholder (no bidi, no shaping) that the engine
//! work replaces.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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
    pub shaping: bool,
    pub mode: BidiMode,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            width: usize::MAX,
            direction: BaseDirection::Auto,
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

pub fn sanitize(raw: &str) -> Sanitized {
    let text = raw
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    Sanitized {
        text,
        has_bidi_controls: false,
    }
}

pub fn layout(text: &str, options: &LayoutOptions) -> Vec<VisualLine> {
    let width = options.width.max(1);
    let mut lines = Vec::new();
    let mut offset = 0;
    for paragraph in text.split('\n') {
        let mut line = VisualLine::default();
        for (start, g) in paragraph.grapheme_indices(true) {
            let w = g.width();
            if line.width + w > width && !line.glyphs.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            line.width += w;
            line.glyphs.push(Glyph {
                text: g.to_string(),
                width: w,
                source: offset + start..offset + start + g.len(),
            });
        }
        lines.push(line);
        offset += paragraph.len() + 1;
    }
    lines
}
