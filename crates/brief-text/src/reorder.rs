//! Per line: the paragraph's levels for the line's range (rule L1 applied per line),
//! reordering of whole clusters (L2, and L3: a mark stays after its base because a
//! terminal attaches a mark to the cell before it) and mirroring at odd levels (L4).

use std::ops::Range;

use icu_properties::CodePointMapData;
use icu_properties::props::BidiMirroringGlyph;
use unicode_bidi::{BidiClass, BidiDataSource, Level, ParagraphBidiInfo, bidi_class};

use crate::cell_text::CellText;
use crate::cluster::Cluster;
use crate::options::BidiMode;
use crate::sanitize::is_explicit_bidi_control;
use crate::tables;

/// unicode-bidi's own Bidi_Class data (`HardcodedBidiData`, so the classes are the same),
/// with the first code points, Latin and Arabic among them, looked up in a table: its
/// binary search per character was a good part of `ParagraphBidiInfo::new`.
pub(crate) struct BidiData;

/// Code points below this have their class in `TABLE`.
pub(crate) const TABLED: usize = 0x800;

/// unicode-bidi's classes in the order `tables::BIDI_CLASSES` numbers them.
pub(crate) const CLASSES: [BidiClass; 23] = {
    use BidiClass::*;
    [
        AL, AN, B, BN, CS, EN, ES, ET, FSI, L, LRE, LRI, LRO, NSM, ON, PDF, PDI, R, RLE, RLI, RLO,
        S, WS,
    ]
};

/// Built at compile time from `tables::BIDI_CLASSES`, which a test makes from
/// `bidi_class`.
static TABLE: [BidiClass; TABLED] = {
    let mut table = [BidiClass::L; TABLED];
    let mut i = 0;
    while i < TABLED {
        table[i] = CLASSES[tables::BIDI_CLASSES[i] as usize];
        i += 1;
    }
    table
};

impl BidiDataSource for BidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        match TABLE.get(u32::from(c) as usize) {
            Some(&class) => class,
            None => bidi_class(c),
        }
    }
}

/// The clusters of `line` (indices into `clusters`) in left-to-right screen order, each
/// with its bidi level.
pub(crate) fn visual_order(
    bidi: &ParagraphBidiInfo,
    clusters: &[Cluster],
    line: Range<usize>,
) -> Vec<(usize, Level)> {
    let (Some(first), Some(last)) = (clusters.get(line.start), line.end.checked_sub(1)) else {
        return Vec::new();
    };
    let Some(last) = clusters.get(last) else {
        return Vec::new();
    };
    let start = first.range.start;
    let levels = line_levels(bidi, start..last.range.end);
    let groups = grapheme_groups(&clusters[line.clone()]);
    let group_levels: Vec<Level> = groups
        .iter()
        .map(|g| levels[clusters[line.start + g.start].range.start - start])
        .collect();
    ParagraphBidiInfo::reorder_visual(&group_levels)
        .into_iter()
        .flat_map(|k| groups[k].clone().map(move |i| (i, k)))
        .map(|(i, k)| (line.start + i, group_levels[k]))
        .collect()
}

/// Runs of clusters (indices into `line`) that are one grapheme: the pieces of a split
/// grapheme keep their logical order and their first piece's level, as a base keeps its
/// marks (a family or a thumb with its skin tone is not turned around in Arabic text).
fn grapheme_groups(line: &[Cluster]) -> Vec<Range<usize>> {
    let mut groups: Vec<Range<usize>> = Vec::with_capacity(line.len());
    for (i, c) in line.iter().enumerate() {
        match groups.last_mut() {
            Some(g) if c.continues => g.end = i + 1,
            _ => groups.push(i..i + 1),
        }
    }
    groups
}

/// Rule L1 on one line's bytes. `ParagraphBidiInfo::reordered_levels` does the same but
/// copies the whole paragraph's levels for every line, which is quadratic on a long
/// field; this is its private `reorder_levels` applied to the line's slice only.
fn line_levels(bidi: &ParagraphBidiInfo, line: Range<usize>) -> Vec<Level> {
    use BidiClass::*;
    let para = bidi.paragraph_level;
    let mut levels = bidi.levels[line.clone()].to_vec();
    let classes = &bidi.original_classes[line.clone()];
    let (mut reset_from, mut reset_to) = (Some(0), None);
    let mut prev_level = para;
    for (i, c) in bidi.text[line].char_indices() {
        match classes[i] {
            B | S => {
                reset_to = Some(i + c.len_utf8());
                reset_from.get_or_insert(i);
            }
            WS | FSI | LRI | RLI | PDI => {
                reset_from.get_or_insert(i);
            }
            // Characters removed by X9 take the level before them (UAX #9 section 5.2).
            RLE | LRE | RLO | LRO | PDF | BN => {
                reset_from.get_or_insert(i);
                levels[i..i + c.len_utf8()].fill(prev_level);
            }
            _ => reset_from = None,
        }
        if let (Some(from), Some(to)) = (reset_from, reset_to) {
            levels[from..to].fill(para);
            (reset_from, reset_to) = (None, None);
        }
        prev_level = levels[i];
    }
    if let Some(from) = reset_from {
        levels[from..].fill(para);
    }
    levels
}

/// What a cluster puts in its cells: formatting characters whose work is done are left
/// out (in logical mode the terminal still needs the marks, but never the embeddings,
/// overrides and isolates: they could act beyond the field), and at odd levels
/// Bidi_Mirrored characters are replaced by their mirror. Nearly every cluster shows as
/// it is, and then its text is reused as it is (no copy to the heap per glyph).
pub(crate) fn glyph_text(cluster: &Cluster, level: Option<Level>, mode: BidiMode) -> CellText {
    let mirror = level.is_some_and(|l| l.is_rtl());
    let text = cluster.text.as_str();
    let changed = |c: char| is_left_out(c, mode) || (mirror && mirrored(c) != c);
    match text.char_indices().find(|&(_, c)| changed(c)) {
        None => cluster.text.clone(),
        Some((at, _)) => rewritten(text, at, mirror, mode),
    }
}

fn is_left_out(c: char, mode: BidiMode) -> bool {
    is_explicit_bidi_control(c) || (mode == BidiMode::App && is_bidi_mark(c))
}

/// `glyph_text` of a text whose first `at` bytes show unchanged.
fn rewritten(text: &str, at: usize, mirror: bool, mode: BidiMode) -> CellText {
    // `at` comes from `char_indices`; were it no boundary, rewriting all of `text` would
    // still give the same answer.
    let (same, rest) = text.split_at_checked(at).unwrap_or(("", text));
    let mut out = CellText::from(same);
    for c in rest.chars().filter(|&c| !is_left_out(c, mode)) {
        out.push(if mirror { mirrored(c) } else { c });
    }
    out
}

pub(crate) fn is_bidi_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}')
}

pub(crate) fn mirrored(c: char) -> char {
    // Most characters at odd levels are Arabic letters and ASCII. BidiMirroring.txt has
    // no pair in the Arabic block or the Arabic Presentation Forms-B block (where shaped
    // letters are), and in ASCII only these eight: the rest skips the ICU lookup.
    // (`against_bidi_mirroring_txt` checks every pair, so a change there would show.)
    let skip = match c {
        '\0'..='\u{7F}' => !matches!(c, '(' | ')' | '<' | '>' | '[' | ']' | '{' | '}'),
        '\u{0600}'..='\u{06FF}' | '\u{FE70}'..='\u{FEFF}' => true,
        _ => false,
    };
    if skip {
        return c;
    }
    let m = CodePointMapData::<BidiMirroringGlyph>::new().get(c);
    match m.mirroring_glyph {
        Some(g) if m.mirrored => g,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrors_every_pair_both_ways() {
        for (a, b) in [('(', ')'), ('[', ']'), ('«', '»'), ('≤', '≥'), ('<', '>')] {
            assert_eq!(mirrored(a), b);
            assert_eq!(mirrored(b), a);
        }
        assert_eq!(mirrored('a'), 'a');
    }

    fn shown(text: &str, level: u8, mode: BidiMode) -> CellText {
        let cluster = Cluster::new(0..text.len(), CellText::from(text));
        glyph_text(&cluster, Level::new(level).ok(), mode)
    }

    #[test]
    fn glyph_texts_stay_off_the_heap() {
        assert!(matches!(shown("(", 1, BidiMode::App), CellText::Char(")")));
        assert!(matches!(shown("(", 0, BidiMode::App), CellText::Char("(")));
        assert!(matches!(
            shown("\u{FEDF}", 1, BidiMode::App),
            CellText::Char(_)
        ));
        let angle = shown("\u{27E8}", 1, BidiMode::App);
        assert!(matches!(angle, CellText::Inline { .. }) && angle == "\u{27E9}");
        let marked = shown("\u{0628}\u{064E}", 1, BidiMode::App);
        assert!(matches!(marked, CellText::Inline { .. }) && marked == "\u{0628}\u{064E}");
        assert_eq!(shown("a\u{200E}(", 1, BidiMode::App), "a)");
        assert_eq!(shown("a\u{200E}", 0, BidiMode::Logical), "a\u{200E}");
        assert_eq!(shown("\u{202B}", 1, BidiMode::Logical), "");
    }

    #[test]
    fn the_shortcuts_answer_as_the_data_does() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let m = CodePointMapData::<BidiMirroringGlyph>::new().get(c);
            let icu = match m.mirroring_glyph {
                Some(g) if m.mirrored => g,
                _ => c,
            };
            assert_eq!(mirrored(c), icu, "U+{:04X}", u32::from(c));
            assert_eq!(
                BidiData.bidi_class(c),
                bidi_class(c),
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn against_bidi_mirroring_txt() {
        let Some(data) =
            crate::oracle::unicode_file("against_bidi_mirroring_txt", "BidiMirroring.txt")
        else {
            return;
        };
        let mut pairs = 0;
        for line in data.lines().map(|l| l.split('#').next().unwrap_or("")) {
            let mut f = line
                .split(';')
                .map(|s| u32::from_str_radix(s.trim(), 16).ok());
            if let (Some(Some(a)), Some(Some(b))) = (f.next(), f.next()) {
                let (a, b) = (char::from_u32(a), char::from_u32(b));
                let (Some(a), Some(b)) = (a, b) else { continue };
                assert_eq!(mirrored(a), b, "U+{:04X}", a as u32);
                pairs += 1;
            }
        }
        assert!(pairs > 400, "only {pairs} pairs read");
    }
}
