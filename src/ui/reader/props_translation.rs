//! The layout's promises for random bilingual briefings, side by side and stacked: no row
//! wider than its column, and every right-to-left row against its column's right edge.

use proptest::prelude::*;

use super::panes::PaneId;
use super::panes::translation::{SIDE_BY_SIDE_WIDTH, TextView, view_fields};
use crate::briefing::{Briefing, load_bytes};
use crate::ui::content::{
    BULLET_WIDTH, Engine, FieldKind, PaneText, Row, Side, column_widths, placement, text_width,
};

const ARABIC: &[&str] = &[
    "التقى",
    "الوزير",
    "حقوق",
    "الإنسان",
    "في",
    "جنيف",
    "لا",
    "الاستعراض",
    "2025",
    "(UN)",
    "«نقدر»",
    "40%",
    "المفوضية،",
    "٣٫٥",
];
const HEBREW: &[&str] = &[
    "המועצה",
    "אישרה",
    "את",
    "התוכנית",
    "מים",
    "12%",
    "ב-2025",
    "(SCADA)",
    "מנכ\"ל",
    "20:00–06:00",
];
const PERSIAN: &[&str] = &["موج", "گرما", "نیک‌آباد", "برق", "۱۸٪", "شبکهٔ", "(MW)"];
const ENGLISH: &[&str] = &[
    "The",
    "council",
    "approved",
    "a",
    "plan",
    "for",
    "water",
    "12%",
    "Geneva",
    "(UN)",
    "«quoted»",
    "—",
    "extraordinarily-long-hyphenated-word",
];
const LANGUAGES: &[(&str, &[&str])] = &[
    ("ar", ARABIC),
    ("he", HEBREW),
    ("fa", PERSIAN),
    ("en", ENGLISH),
];

/// A small xorshift generator: one seed from proptest makes a whole briefing.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn text(&mut self, words: &[&str], most: usize) -> String {
        let count = 1 + self.below(most);
        let chosen: Vec<&str> = (0..count).map(|_| words[self.below(words.len())]).collect();
        chosen.join(" ")
    }
}

/// A briefing in one language with a translation into another, every translatable part
/// present and some of them left untranslated (`null`).
pub(crate) fn bilingual(seed: u64) -> Briefing {
    let mut random = Random(seed | 1);
    let (language, words) = LANGUAGES[random.below(LANGUAGES.len())];
    let (into, other) = LANGUAGES[(random.below(3)
        + 1
        + LANGUAGES.iter().position(|l| l.0 == language).unwrap_or(0))
        % LANGUAGES.len()];
    let mut body = Vec::new();
    let mut translated = Vec::new();
    for _ in 0..random.below(6) + 1 {
        let (block, translation) = match random.below(3) {
            0 => (
                serde_json::json!(random.text(words, 40)),
                serde_json::json!(random.text(other, 40)),
            ),
            1 => (
                serde_json::json!({"heading": random.text(words, 6)}),
                serde_json::json!({"heading": random.text(other, 6)}),
            ),
            _ => {
                let items = random.below(4) + 1;
                let lead = random.below(2) == 0;
                let list = |random: &mut Random, pool: &[&str]| -> serde_json::Value {
                    let bullets: Vec<String> = (0..items).map(|_| random.text(pool, 15)).collect();
                    match lead {
                        true => {
                            serde_json::json!({"lead": random.text(pool, 10), "bullets": bullets})
                        }
                        false => serde_json::json!({"bullets": bullets}),
                    }
                };
                (list(&mut random, words), list(&mut random, other))
            }
        };
        body.push(block);
        translated.push(if random.below(5) == 0 {
            serde_json::Value::Null
        } else {
            translation
        });
    }
    let document = serde_json::json!({
        "headline": random.text(words, 12),
        "summary": random.text(words, 30),
        "language": language,
        "body": body,
        "quotes": [{"text": random.text(words, 20), "speaker": "a", "context": random.text(words, 8)}],
        "actors": [{"id": "a", "name": random.text(words, 2), "role": random.text(words, 5)}],
        "translations": [{
            "language": into,
            "headline": random.text(other, 12),
            "summary": random.text(other, 30),
            "body": translated,
            "quotes": [{"text": random.text(other, 20), "context": random.text(other, 8)}],
            "actors": [{"role": random.text(other, 5)}]
        }]
    });
    match load_bytes(
        std::path::Path::new("random.json"),
        document.to_string().as_bytes(),
    ) {
        Ok(loaded) => loaded.briefing,
        Err(failure) => panic!("{failure}"),
    }
}

/// `row` in a column `width` cells wide: it ends inside it, and a right-to-left row ends at
/// its right edge (less its indent, and the bullet column of a list item).
fn check_in_column(row: &Row, width: usize) -> Result<(), TestCaseError> {
    let place = placement(row, width);
    let marker = match place.bullet {
        Some(Side::Right) => BULLET_WIDTH,
        _ => 0,
    };
    let end = place.pad + row.line.width + marker;
    prop_assert!(
        end <= width,
        "row ends at {end} in {width} cells: {}",
        row.line.to_plain()
    );
    if row.line.rtl && row.kind != FieldKind::Banner && row.line.width > 0 {
        let edge = text_width(row.kind, width.saturating_sub(row.indent));
        prop_assert_eq!(place.pad + row.line.width, edge, "{}", row.line.to_plain());
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn rows_fit_their_column_and_rtl_rows_are_right_aligned(
        seed in any::<u64>(),
        width in 24usize..240,
    ) {
        let briefing = bilingual(seed);
        for pane in PaneId::ALL {
            let (fields, _) = view_fields(pane, &briefing, TextView::SideBySide(0), None);
            let mut text = PaneText::new(fields);
            text.set_side_by_side(width >= usize::from(SIDE_BY_SIDE_WIDTH));
            text.relayout(width, Engine::default());
            for row in &text.rows {
                match &row.beside {
                    Some(beside) => {
                        let (left, right) = column_widths(width);
                        check_in_column(row, left)?;
                        check_in_column(beside, right)?;
                    }
                    None => check_in_column(row, width)?,
                }
            }
        }
    }
}
