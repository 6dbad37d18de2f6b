//! Line breaking in logical order, before reordering: at Unicode line-break opportunities
//! (UAX #14) by display width, never inside a cluster. A word longer than the line is
//! broken between clusters. Spaces at a soft break are dropped, as in any word wrapper.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use crate::cluster::Cluster;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Break {
    None,
    Allowed,
    Mandatory,
}

/// Lines as ranges of cluster indices. A paragraph always has at least one line.
pub(crate) fn wrap(paragraph: &str, clusters: &[Cluster], width: usize) -> Vec<Range<usize>> {
    let breaks = breaks_before(paragraph, clusters);
    let mut lines = Vec::new();
    let mut start = 0;
    // Width of the line up to its last non-space cluster, and of the spaces after it.
    let (mut content, mut spaces) = (0, 0);
    let mut last_break: Option<usize> = None;
    for (i, cluster) in clusters.iter().enumerate() {
        if i > start && breaks[i] == Break::Mandatory {
            push_line(&mut lines, clusters, start..i, Some(width));
            (start, content, spaces, last_break) = (i, 0, 0, None);
        } else if i > start && breaks[i] == Break::Allowed {
            last_break = Some(i);
        }
        if cluster.is_space() {
            spaces += cluster.width;
            continue;
        }
        if content + spaces + cluster.width > width && i > start {
            let end = last_break.unwrap_or(i);
            push_line(&mut lines, clusters, start..end, None);
            start = end;
            last_break = None;
            (content, spaces) = (0, 0);
            for c in &clusters[start..i] {
                if c.is_space() {
                    spaces += c.width;
                } else {
                    (content, spaces) = (content + spaces + c.width, 0);
                }
            }
            if content + spaces + cluster.width > width && i > start {
                // Still too long: the word itself does not fit, cut it here.
                push_line(&mut lines, clusters, start..i, None);
                (start, content, spaces) = (i, 0, 0);
            }
        }
        (content, spaces) = (content + spaces + cluster.width, 0);
    }
    push_line(&mut lines, clusters, start..clusters.len(), Some(width));
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// A soft break drops the line's trailing spaces, and a line that was only spaces (leading
/// spaces before a word too long for them) is not a line. At a hard break (end of the
/// paragraph, mandatory break) trailing spaces are kept as far as they fit.
fn push_line(
    lines: &mut Vec<Range<usize>>,
    clusters: &[Cluster],
    range: Range<usize>,
    width: Option<usize>,
) {
    let mut end = range.end;
    while end > range.start && clusters[end - 1].is_space() {
        end -= 1;
    }
    let Some(width) = width else {
        if end > range.start {
            lines.push(range.start..end);
        }
        return;
    };
    let mut used: usize = clusters[range.start..end].iter().map(|c| c.width).sum();
    while end < range.end && used + clusters[end].width <= width {
        used += clusters[end].width;
        end += 1;
    }
    lines.push(range.start..end);
}

/// For each cluster: may the line break before it?
fn breaks_before(paragraph: &str, clusters: &[Cluster]) -> Vec<Break> {
    let mut by_start = vec![Break::None; clusters.len()];
    let mut k = 0;
    for (pos, kind) in linebreaks(paragraph) {
        while k < clusters.len() && clusters[k].range.start < pos {
            k += 1;
        }
        // Opportunities inside a cluster (or a lam-alef cell) are not breaks, nor are
        // those between the pieces of a grapheme split for the terminal (❤ VS16 and a
        // skin-tone modifier): such a grapheme is cut only when it cannot fit.
        if k < clusters.len() && clusters[k].range.start == pos && !clusters[k].continues {
            by_start[k] = match kind {
                BreakOpportunity::Mandatory => Break::Mandatory,
                BreakOpportunity::Allowed => Break::Allowed,
            };
        }
    }
    by_start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::clusters;

    fn lines(text: &str, width: usize) -> Vec<String> {
        let c = clusters(text);
        wrap(text, &c, width)
            .into_iter()
            .map(|r| c[r].iter().map(|c| c.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn breaks_between_words_and_drops_the_spaces_there() {
        assert_eq!(lines("aa bb  cc", 5), ["aa bb", "cc"]);
        assert_eq!(lines("aa bb  cc", 6), ["aa bb", "cc"]);
        assert_eq!(lines("aa bb cc", 100), ["aa bb cc"]);
    }

    #[test]
    fn long_words_break_between_graphemes() {
        assert_eq!(lines("abcdefg hi", 3), ["abc", "def", "g", "hi"]);
        assert_eq!(lines("بَيتٌ", 1), ["بَ", "ي", "تٌ"]);
    }

    #[test]
    fn empty_and_space_only_paragraphs() {
        assert_eq!(lines("", 5), [""]);
        assert_eq!(lines("     ", 3), ["   "]);
        assert_eq!(lines("   abcdef", 3), ["abc", "def"]);
    }

    #[test]
    fn mandatory_breaks_inside_a_paragraph_are_kept() {
        assert_eq!(lines("ab\u{2028}cd", 10), ["ab\u{2028}", "cd"]);
    }
}
