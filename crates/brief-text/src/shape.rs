//! Arabic shaping to presentation forms, in logical order, for terminals that draw each
//! cell's character as is. Harakat are kept (they stay in their letter's cluster) and the
//! only ligature is the mandatory lam-alef; no Allah ligature.
//!
//! The forms come from ar-reshaper's letter table (it matches UnicodeData's `<isolated>`,
//! `<initial>`, `<medial>`, `<final>` decompositions for U+0600..U+06FF). Its `reshape()` is not
//! used: it returns a bare string with no map back to source bytes, and with harakat kept
//! it subtracts 1 from an empty output when a field starts with a haraka (a panic in
//! debug builds).
//! Joining follows Unicode's Joining_Type as FriBidi does: transparent characters are
//! skipped, and two letters join only at the same bidi level.

use std::sync::LazyLock;

use ar_reshaper::form::Forms;
use ar_reshaper::letters::letters_db::LETTERS_ARABIC;
use icu_properties::CodePointMapData;
use icu_properties::props::JoiningType;
use unicode_bidi::Level;

use crate::cell_text::CellText;
use crate::cluster::Cluster;

pub(crate) const LAM: char = '\u{0644}';

#[derive(Clone, Copy, PartialEq, Eq)]
enum Subst {
    Keep,
    Char(char),
    /// Absorbed into the ligature on the character before.
    Absorbed,
}

/// Reshapes `clusters` (graphemes of `paragraph`, in order) in place. `levels` are the
/// paragraph's resolved bidi levels, one per byte.
pub(crate) fn shape(paragraph: &str, levels: &[Level], clusters: &mut Vec<Cluster>) {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let level = |i: usize| levels.get(chars[i].0).copied();
    // Looked up once per character: `joins` and `form` both need it.
    let types: Vec<JoiningType> = chars.iter().map(|&(_, c)| joining_type(c)).collect();
    let (joins_prev, joins_next) = joins(&types, &level);
    let mut subst: Vec<Subst> = chars
        .iter()
        .enumerate()
        .map(|(i, &(_, c))| {
            form(c, types[i], joins_prev[i], joins_next[i]).map_or(Subst::Keep, Subst::Char)
        })
        .collect();
    for i in 1..chars.len() {
        let rtl = level(i).is_some_and(|l| l.is_rtl()) && level(i) == level(i - 1);
        if chars[i - 1].1 == LAM
            && joins_next[i - 1]
            && rtl
            && let Some(lig) = lam_alef(chars[i].1, joins_prev[i - 1])
        {
            subst[i - 1] = Subst::Char(lig);
            subst[i] = Subst::Absorbed;
        }
    }
    rebuild(paragraph, &chars, &subst, clusters);
}

fn joining_type(c: char) -> JoiningType {
    CodePointMapData::<JoiningType>::new().get(c)
}

/// For each character: does it join the previous / next non-transparent one?
/// `types` are the characters' joining types.
fn joins(types: &[JoiningType], level: &dyn Fn(usize) -> Option<Level>) -> (Vec<bool>, Vec<bool>) {
    let mut prev_joins = vec![false; types.len()];
    let mut next_joins = vec![false; types.len()];
    let mut prev: Option<(usize, JoiningType)> = None;
    for (i, &jt) in types.iter().enumerate() {
        if jt == JoiningType::Transparent {
            continue;
        }
        if let Some((p, pjt)) = prev {
            let forward = matches!(
                pjt,
                JoiningType::DualJoining | JoiningType::LeftJoining | JoiningType::JoinCausing
            );
            let backward = matches!(
                jt,
                JoiningType::DualJoining | JoiningType::RightJoining | JoiningType::JoinCausing
            );
            if forward && backward && level(p) == level(i) {
                next_joins[p] = true;
                prev_joins[i] = true;
            }
        }
        prev = Some((i, jt));
    }
    (prev_joins, next_joins)
}

/// `forms` of the Arabic block, by code point - U+0600: a linear search of the letter
/// table for every character was a good part of shaping's time.
static ARABIC_BLOCK: LazyLock<[Option<&'static Forms>; 256]> = LazyLock::new(|| {
    let mut table = [None; 256];
    for (k, f) in LETTERS_ARABIC.iter() {
        if let Some(slot) = arabic_index(*k).and_then(|i| table.get_mut(i)) {
            // The first entry wins, as with `find`.
            slot.get_or_insert(f);
        }
    }
    table
});

fn arabic_index(c: char) -> Option<usize> {
    usize::try_from(u32::from(c).checked_sub(0x0600)?)
        .ok()
        .filter(|&i| i < 256)
}

fn forms(c: char) -> Option<&'static Forms> {
    match arabic_index(c) {
        Some(i) => ARABIC_BLOCK.get(i).copied().flatten(),
        None => LETTERS_ARABIC.iter().find(|(k, _)| *k == c).map(|(_, f)| f),
    }
}

/// Non-joining letters (hamza) keep their base code point, as in FriBidi: only letters
/// that can join have a shape to choose. `jt` is `c`'s joining type.
pub(crate) fn form(c: char, jt: JoiningType, joins_prev: bool, joins_next: bool) -> Option<char> {
    if jt == JoiningType::NonJoining {
        return None;
    }
    let f = forms(c)?;
    let shaped = match (joins_prev, joins_next) {
        (false, false) => f.isolated,
        (false, true) => f.initial,
        (true, true) => f.medial,
        (true, false) => f.end,
    };
    (shaped != '\0' && shaped != c).then_some(shaped)
}

/// The lam-alef ligature for an alef following a joined lam: isolated form when the lam
/// starts a joined group, final form when a letter before it joins the lam.
pub(crate) fn lam_alef(alef: char, lam_joins_prev: bool) -> Option<char> {
    let (isolated, end) = match alef {
        '\u{0622}' => ('\u{FEF5}', '\u{FEF6}'),
        '\u{0623}' => ('\u{FEF7}', '\u{FEF8}'),
        '\u{0625}' => ('\u{FEF9}', '\u{FEFA}'),
        '\u{0627}' => ('\u{FEFB}', '\u{FEFC}'),
        _ => return None,
    };
    Some(if lam_joins_prev { end } else { isolated })
}

/// Rewrites the clusters in place (a cluster absorbed into the one before is dropped, so
/// the write position never passes the read position).
fn rebuild(paragraph: &str, chars: &[(usize, char)], subst: &[Subst], clusters: &mut Vec<Cluster>) {
    let mut written: usize = 0;
    let mut ci = 0;
    for read in 0..clusters.len() {
        let cluster = &clusters[read];
        let mut text = CellText::new();
        let mut absorbed = false;
        // A cluster shows a subsequence of its source: characters hidden from terminals
        // (a VS16, a joiner) stay hidden. Only zero-width characters are ever hidden and
        // letters never, so matching the shown ones in order finds the right positions.
        let mut shown = cluster.text.chars().peekable();
        for c in paragraph[cluster.range.clone()].chars() {
            let is_shown = shown.next_if_eq(&c).is_some();
            match subst.get(ci) {
                Some(Subst::Absorbed) => absorbed = true,
                Some(Subst::Char(s)) if is_shown => text.push(*s),
                _ if is_shown => text.push(c),
                _ => {}
            }
            ci += 1;
        }
        debug_assert!(
            shown.next().is_none(),
            "{cluster:?} shows more than its source"
        );
        let end = cluster.range.end;
        let rebuilt = cluster.with_text(cluster.range.clone(), text);
        match written.checked_sub(1) {
            // The alef (and its harakat) become part of the lam's cell.
            Some(last) if absorbed => {
                let prev = &mut clusters[last];
                let mut merged = prev.text.clone();
                merged.push_str(&rebuilt.text);
                *prev = prev.with_text(prev.range.start..end, merged);
            }
            _ => {
                clusters[written] = rebuilt;
                written += 1;
            }
        }
    }
    debug_assert_eq!(ci, chars.len());
    clusters.truncate(written);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::clusters;
    use unicode_bidi::ParagraphBidiInfo;

    fn shaped(text: &str) -> Vec<Cluster> {
        let bidi = ParagraphBidiInfo::new(text, Some(Level::rtl()));
        let mut c = clusters(text);
        shape(text, &bidi.levels, &mut c);
        c
    }

    fn texts(c: &[Cluster]) -> Vec<&str> {
        c.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn letters_take_their_joining_forms() {
        // beh initial, yeh medial, teh final; alone: lam isolated.
        assert_eq!(texts(&shaped("بيت")), ["\u{FE91}", "\u{FEF4}", "\u{FE96}"]);
        assert_eq!(texts(&shaped("ل")), ["\u{FEDD}"]);
    }

    #[test]
    fn lam_alef_is_one_cell_covering_both_letters() {
        let c = shaped("لا");
        assert_eq!(texts(&c), ["\u{FEFB}"]);
        assert_eq!(c[0].range, 0..4);
        assert_eq!(c[0].width, 1);
        // After a joining letter the ligature takes its final form.
        assert_eq!(texts(&shaped("كلا")), ["\u{FEDB}", "\u{FEFC}"]);
    }

    #[test]
    fn harakat_are_kept_and_do_not_break_joining() {
        let c = shaped("بَيت");
        assert_eq!(texts(&c), ["\u{FE91}\u{064E}", "\u{FEF4}", "\u{FE96}"]);
    }

    #[test]
    fn no_allah_ligature_and_zwnj_stops_joining() {
        assert_eq!(
            texts(&shaped("الله")),
            ["\u{FE8D}", "\u{FEDF}", "\u{FEE0}", "\u{FEEA}"]
        );
        assert_eq!(
            texts(&shaped("ب\u{200C}ب")),
            ["\u{FE8F}\u{200C}", "\u{FE8F}"]
        );
    }

    #[test]
    fn a_field_starting_with_a_haraka_does_not_panic() {
        assert_eq!(texts(&shaped("\u{064E}ب")), ["\u{064E}", "\u{FE8F}"]);
    }
}
