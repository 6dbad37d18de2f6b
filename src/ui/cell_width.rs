//! A cell's width as ratatui reckons it (`CellWidth::cell_width`), without its pass over
//! the symbol as a string for the glyphs a briefing's screen is made of. A frame asks the
//! width of each of its thousands of glyphs three times (set, compared, written), and
//! the string's width walks a state machine meant for sequences of characters.

use ratatui::buffer::{Cell, CellDiffOption, CellWidth};

/// The characters whose width alone is their cell's width, checked for every one of
/// them against ratatui's (`every_fast_width_is_ratatuis`): Arabic and its presentation
/// forms, and the box drawing of borders. Each range holds characters of one width only.
const ONE_WIDE: [(char, char); 4] = [
    ('\u{0621}', '\u{064A}'),
    ('\u{2500}', '\u{257F}'),
    ('\u{FB50}', '\u{FDFF}'),
    ('\u{FE70}', '\u{FEFC}'),
];

/// The width of a cell holding `symbol`, as `symbol.cell_width()` gives it.
pub fn cell_width(symbol: &str) -> u16 {
    if symbol.len() == 1 {
        return 1;
    }
    let mut chars = symbol.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && ONE_WIDE.iter().any(|&(from, to)| (from..=to).contains(&c))
    {
        return 1;
    }
    symbol.cell_width()
}

/// A cell's width, as `cell.cell_width()` gives it: a forced one, else its symbol's.
pub fn of_cell(cell: &Cell) -> u16 {
    match cell.diff_option {
        CellDiffOption::ForcedWidth(width) => width.get(),
        _ => cell_width(cell.symbol()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fast_width_is_ratatuis() {
        let mut checked = 0;
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let symbol = &*c.encode_utf8(&mut buf);
            if c.is_ascii_control() {
                continue;
            }
            assert_eq!(cell_width(symbol), symbol.cell_width(), "{c:?}");
            checked += 1;
        }
        assert!(checked > 1_000_000);
        for symbol in ["", "لا", "e\u{301}", "👍🏽", "\u{FE70}\u{651}", "ﾊﾞ"] {
            assert_eq!(cell_width(symbol), symbol.cell_width(), "{symbol:?}");
        }
    }
}
