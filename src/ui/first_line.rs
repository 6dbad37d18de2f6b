//! One-line cells (a library row's headline, its classification): the first line the text
//! has at the cell's width, with "…" at its reading end when more follows. Headlines can be
//! a megabyte; only a bounded prefix is laid out, chosen so that its first line is the
//! whole text's first line, in the same visual order.

use unicode_bidi::BidiClass;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::content::{DirectionRule, Engine, ellipsize, options};
use crate::text::{VisualLine, has_bidi_controls, layout, resolve_direction};

/// Graphemes kept after the cut point, so that line-break rules that look a few
/// characters ahead (UAX #14 quotes, numbers) decide as they would on the whole text.
const LOOKAHEAD_GRAPHEMES: usize = 8;

/// The first line of `text` laid out at `width`, cut with "…" if the text has more lines.
pub fn first_line(text: &str, width: usize, rule: DirectionRule, engine: Engine) -> VisualLine {
    let mut opts = options(width, rule.field(text), engine);
    let (paragraph, more_paragraphs) = match text.split_once('\n') {
        Some((first, _)) => (first, true),
        None => (text, false),
    };
    // The paragraph's direction comes from its first strong character, wherever that is:
    // decided on the whole paragraph, then forced on the prefix.
    opts.direction = resolve_direction(paragraph, opts.direction, opts.fallback);
    let head = prefix(paragraph, opts.width);
    let mut lines = layout(head, &opts);
    if head.len() < paragraph.len() && lines.len() < 2 {
        // The prefix was meant to overflow the line; should it not (cells narrower than
        // unicode-width says), the whole paragraph decides.
        lines = layout(paragraph, &opts);
    }
    let more = more_paragraphs || lines.len() > 1;
    let mut line = lines.into_iter().next().unwrap_or_default();
    if more {
        ellipsize(&mut line, width);
    }
    line
}

/// The start of `paragraph` that decides its first line at `width`: well over two lines'
/// worth of cells (shaping can merge two letters into one cell), then on to the next
/// strong letter or number, since the bidi levels of the neutrals at the end of the first
/// line depend on it (UAX #9 W4-W5, N1), then a few graphemes more.
fn prefix(paragraph: &str, width: usize) -> &str {
    // Explicit embeddings and isolates reach arbitrarily far: lay those out whole.
    if has_bidi_controls(paragraph) {
        return paragraph;
    }
    let fill = width.saturating_mul(2).saturating_add(LOOKAHEAD_GRAPHEMES);
    // No grapheme takes more cells than it has bytes, so a paragraph of `fill` bytes or
    // fewer never fills the prefix: most headlines, spared their segmentation.
    if paragraph.len() <= fill {
        return paragraph;
    }
    let mut cells = 0;
    let mut anchored = false;
    let mut after = 0;
    for (at, grapheme) in paragraph.grapheme_indices(true) {
        if anchored {
            after += 1;
            if after > LOOKAHEAD_GRAPHEMES {
                return &paragraph[..at];
            }
        } else if cells > fill {
            anchored = grapheme.chars().any(decides_neutrals);
        }
        cells += grapheme.width();
    }
    paragraph
}

/// Letters and numbers: what the neutrals before them resolve against.
fn decides_neutrals(c: char) -> bool {
    use BidiClass::{AL, AN, EN, L, R};
    matches!(unicode_bidi::bidi_class(c), L | R | AL | EN | AN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{BaseDirection, BidiMode};

    /// What a cell showed before prefixes: the whole text laid out as a field.
    fn whole(text: &str, width: usize, rule: DirectionRule, engine: Engine) -> VisualLine {
        let lines = layout(text, &options(width, rule.field(text), engine));
        let more = lines.len() > 1;
        let mut line = lines.into_iter().next().unwrap_or_default();
        if more {
            ellipsize(&mut line, width);
        }
        line
    }

    const TEXTS: [&str; 10] = [
        "Veyra Basin talks: riparian states agree an interim flow schedule for the dry season",
        "ניסיון חדירה למערכת הבקרה (SCADA) של תאגיד המים בקריית הדס, 2 באוגוסט 2025",
        "در موج گرما: شرکت توزیع برق خاموشی‌های نوبتی را در تهران و کرج گسترش داد",
        "يلتقي المفوض السامي لحقوق الإنسان فولكر تورك ممثلي المجتمع المدني الليبي في جنيف",
        "UPR follow-up: Sabil Network says 40% of accepted recommendations remain open «قيد التنفيذ»",
        "123 456 789 ... !!! ??? --- 2025-08-03 --- שלום abc 12:30 (ok) [וגם] {x} 99% $5",
        "abc                                            שלום                                   xyz",
        "لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا لا",
        "Supercalifragilisticexpialidociouslyextraordinarilylongwordwithnospacesatallinit",
        "🇱🇾 👩‍👩‍👧 ❤️ قمة 🇮🇱 שלום «quoted» “ok” 1,234.5 ١٢٣ and the rest of it goes on and on",
    ];

    #[test]
    fn a_prefix_shows_the_same_first_line_as_the_whole_text() {
        let rules = [
            DirectionRule::auto(),
            DirectionRule::forced(BaseDirection::Rtl),
            DirectionRule {
                direction: BaseDirection::Auto,
                fallback: BaseDirection::Rtl,
                briefing: BaseDirection::Rtl,
                rtl_language: false,
            },
            DirectionRule {
                direction: BaseDirection::Auto,
                fallback: BaseDirection::Rtl,
                briefing: BaseDirection::Rtl,
                rtl_language: true,
            },
        ];
        for text in TEXTS {
            // Long enough that the prefix is a small part of it.
            let long = [text; 40].join(" ");
            for mode in [BidiMode::App, BidiMode::Logical] {
                for shaping in [true, false] {
                    let engine = Engine { mode, shaping };
                    for &rule in &rules {
                        for width in [0, 1, 2, 3, 5, 10, 17, 40, 63, 100] {
                            for text in [text, long.as_str()] {
                                assert_eq!(
                                    first_line(text, width, rule, engine),
                                    whole(text, width, rule, engine),
                                    "{text:?} at {width}, {mode:?} shaping {shaping} {rule:?}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }

    /// What `prefix`'s shortcut stands on: no grapheme is wider in cells than in bytes.
    #[test]
    fn no_grapheme_takes_more_cells_than_bytes() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let mut bytes = [0; 4];
            let one = c.encode_utf8(&mut bytes);
            assert!(one.width() <= one.len(), "U+{:04X}", u32::from(c));
        }
        for text in TEXTS {
            for grapheme in text.graphemes(true) {
                assert!(grapheme.width() <= grapheme.len(), "{grapheme:?}");
            }
        }
    }

    #[test]
    fn a_megabyte_headline_is_laid_out_by_a_short_prefix() {
        let text = "שלום world 123, ".repeat(60_000);
        let head = prefix(&text, 80);
        assert!(head.len() < 1_000, "{} bytes", head.len());
        let engine = Engine {
            mode: BidiMode::App,
            shaping: true,
        };
        assert_eq!(
            first_line(&text, 80, DirectionRule::auto(), engine),
            whole(&text, 80, DirectionRule::auto(), engine)
        );
    }

    #[test]
    fn the_first_strong_letter_far_away_still_sets_the_direction() {
        let text = format!("{}שלום", "1, ".repeat(10_000));
        let engine = Engine {
            mode: BidiMode::App,
            shaping: true,
        };
        let line = first_line(&text, 30, DirectionRule::auto(), engine);
        assert!(line.rtl);
        assert_eq!(line, whole(&text, 30, DirectionRule::auto(), engine));
    }
}
