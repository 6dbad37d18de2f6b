//! A line cut short: "…" at its reading end.

use crate::text::VisualLine;

/// Marks a cut line with "…" at its reading end: the right for LTR, the left for RTL.
pub fn ellipsize(line: &mut VisualLine, width: usize) {
    while line.width + 1 > width && !line.is_empty() {
        let at = if line.rtl { 0 } else { line.len() - 1 };
        line.remove(at);
    }
    if line.rtl {
        line.push_front("…", 1, 0..0);
    } else {
        line.push("…", 1, 0..0);
    }
}
