//! A paragraph cut into clusters: its graphemes, each split where terminals would draw
//! it otherwise than it is measured (see `split`).

use unicode_segmentation::UnicodeSegmentation;

use crate::cluster::{Cluster, base_orphan_marks};
use crate::split;

/// Graphemes, or their pieces where terminals disagree on a grapheme's width.
pub(crate) fn clusters(paragraph: &str) -> Vec<Cluster> {
    // Nearly one cluster per character in Arabic (a letter with a haraka is two); an
    // estimate avoids most of the regrowing.
    let mut out = Vec::with_capacity(paragraph.len() / 2 + 1);
    for (start, g) in paragraph.grapheme_indices(true) {
        split::split_into(start, g, &mut out);
    }
    out
}

/// Display width in cells as ratatui places it and a terminal draws it: the sum of the
/// widths of the clusters `layout` makes (unshaped). `UnicodeWidthStr::width` on the
/// whole string is not that (it counts "لا" as one cell, "👨‍👩‍👧‍👦" as two).
pub fn measure(text: &str) -> usize {
    let mut clusters = clusters(text);
    base_orphan_marks(&mut clusters);
    clusters.iter().map(|c| c.width).sum()
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    use super::*;
    use crate::cluster::{TOO_WIDE, fit};

    #[test]
    fn lam_alef_is_two_cells_when_measured_per_grapheme() {
        assert_eq!("لا".width(), 1, "the unicode-width trap this guards against");
        assert_eq!(measure("لا"), 2);
        assert_eq!(measure("بَيت"), 3);
        assert_eq!(measure("日本"), 4);
        assert_eq!(measure(""), 0);
    }

    #[test]
    fn harakat_stay_in_their_letter_and_lone_marks_get_a_base() {
        let mut c = clusters("\u{064E}بَ");
        base_orphan_marks(&mut c);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].text, "\u{25CC}\u{064E}");
        assert_eq!(c[0].width, 1);
        assert_eq!(c[1].text, "بَ");
        assert_eq!(c[1].range, 2..6);
    }

    #[test]
    fn too_wide_graphemes_are_replaced() {
        let mut c = clusters("日a");
        fit(&mut c, 1);
        assert_eq!(c[0].text, TOO_WIDE);
        assert_eq!(c[0].width, 1);
        assert_eq!(c[0].range, 0..3);
        assert_eq!(c[1].text, "a");
    }
}
