//! A frame's changed cells as bytes: exactly what ratatui's crossterm backend writes for
//! them (the tests hold the two side by side, byte for byte), without going through `fmt`
//! for every cursor move and every glyph. A whole frame is thousands of each; colours and
//! attributes change rarely, and those still go through crossterm's own commands.

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::{
    Attribute, Color as CrosstermColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// Writes `cells` (positions and cells, as a buffer diff yields them) to `out`, then resets
/// colours and attributes, as `CrosstermBackend::draw` does.
pub fn write_cells<'a, W: Write>(
    out: &mut W,
    cells: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> io::Result<()> {
    let mut pen = Pen::default();
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in cells {
        let follows = last.is_some_and(|(lx, ly)| ly == y && lx.checked_add(1) == Some(x));
        if !follows {
            move_to(out, x, y)?;
        }
        last = Some((x, y));
        pen.take_up(out, cell)?;
        out.write_all(cell.symbol().as_bytes())?;
    }
    queue!(
        out,
        SetForegroundColor(CrosstermColor::Reset),
        SetBackgroundColor(CrosstermColor::Reset),
        SetUnderlineColor(CrosstermColor::Reset),
        SetAttribute(Attribute::Reset),
    )
}

/// The colours and attributes the terminal writes with.
struct Pen {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Default for Pen {
    fn default() -> Self {
        Pen {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

impl Pen {
    /// Changes to `cell`'s style what differs, in the backend's order.
    fn take_up<W: Write>(&mut self, out: &mut W, cell: &Cell) -> io::Result<()> {
        if cell.modifier != self.modifier {
            change_modifier(out, self.modifier, cell.modifier)?;
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg || cell.bg != self.bg {
            let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
            queue!(out, SetColors(colors))?;
            (self.fg, self.bg) = (cell.fg, cell.bg);
        }
        if cell.underline_color != self.underline {
            queue!(
                out,
                SetUnderlineColor(cell.underline_color.into_crossterm())
            )?;
            self.underline = cell.underline_color;
        }
        Ok(())
    }
}

/// `CSI row ; col H`, 1-based.
fn move_to<W: Write>(out: &mut W, x: u16, y: u16) -> io::Result<()> {
    let mut seq = [0u8; 16];
    seq[..2].copy_from_slice(b"\x1b[");
    let mut len = 2;
    len += put_decimal(&mut seq[len..], u32::from(y) + 1);
    seq[len] = b';';
    len += 1;
    len += put_decimal(&mut seq[len..], u32::from(x) + 1);
    seq[len] = b'H';
    out.write_all(&seq[..=len])
}

/// Writes `n` at the start of `to` (which has room for 5 digits); how many digits.
fn put_decimal(to: &mut [u8], n: u32) -> usize {
    let mut digits = [0u8; 5];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        // A digit: `n % 10` is below 10.
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    let len = digits.len() - at;
    to[..len].copy_from_slice(&digits[at..]);
    len
}

/// From one set of attributes to another: what is removed first, then what is added. Bold
/// and dim share one reset (normal intensity), after which the kept one is set again.
fn change_modifier<W: Write>(out: &mut W, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let mut set = |attribute| queue!(out, SetAttribute(attribute));
    if removed.contains(Modifier::REVERSED) {
        set(Attribute::NoReverse)?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        set(Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(Attribute::Bold)?;
        }
    }
    let ends = [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
        (
            Modifier::SLOW_BLINK | Modifier::RAPID_BLINK,
            Attribute::NoBlink,
        ),
    ];
    for (modifier, attribute) in ends {
        if removed.intersects(modifier) {
            set(attribute)?;
        }
    }
    let added = to - from;
    let starts = [
        (Modifier::REVERSED, Attribute::Reverse, true),
        (Modifier::BOLD, Attribute::Bold, !reset_intensity),
        (Modifier::ITALIC, Attribute::Italic, true),
        (Modifier::UNDERLINED, Attribute::Underlined, true),
        (Modifier::DIM, Attribute::Dim, !reset_intensity),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut, true),
        (Modifier::HIDDEN, Attribute::Hidden, true),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink, true),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink, true),
    ];
    for (modifier, attribute, wanted) in starts {
        if wanted && added.contains(modifier) {
            set(attribute)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ratatui::backend::{Backend, CrosstermBackend};
    use ratatui::style::Style;

    use super::*;

    /// What ratatui's own backend writes for the same cells.
    fn backend_bytes(cells: &[(u16, u16, Cell)]) -> Vec<u8> {
        let mut out = Vec::new();
        let items = cells.iter().map(|(x, y, c)| (*x, *y, c));
        CrosstermBackend::new(&mut out)
            .draw(items)
            .unwrap_or_else(|e| panic!("backend: {e}"));
        out
    }

    fn ours(cells: &[(u16, u16, Cell)]) -> Vec<u8> {
        let mut out = Vec::new();
        let items = cells.iter().map(|(x, y, c)| (*x, *y, c));
        write_cells(&mut out, items).unwrap_or_else(|e| panic!("ours: {e}"));
        out
    }

    const COLORS: [Color; 6] = [
        Color::Reset,
        Color::Red,
        Color::Indexed(200),
        Color::Rgb(1, 2, 3),
        Color::DarkGray,
        Color::White,
    ];
    const SYMBOLS: [&str; 6] = [" ", "a", "ﺏ", "界", "👍🏽", "é"];

    fn cell(bits: u64) -> Cell {
        let pick = |shift: u32, n: usize| ((bits >> shift) as usize) % n;
        let mut cell = Cell::new(SYMBOLS[pick(0, SYMBOLS.len())]);
        let style = Style::default()
            .fg(COLORS[pick(4, COLORS.len())])
            .bg(COLORS[pick(8, COLORS.len())])
            .underline_color(COLORS[pick(12, COLORS.len())])
            .add_modifier(Modifier::from_bits_truncate((bits >> 16) as u16 & 0x1ff));
        cell.set_style(style);
        cell
    }

    proptest::proptest! {
        #[test]
        fn the_bytes_are_the_crossterm_backends(
            runs in proptest::collection::vec((0u16..300, 0u16..100, 1usize..5, proptest::prelude::any::<u64>()), 0..40)
        ) {
            let mut cells = Vec::new();
            for (x, y, len, bits) in runs {
                for i in 0..len {
                    let at = x.saturating_add(u16::try_from(i).unwrap_or(0));
                    cells.push((at, y, cell(bits.rotate_left(7 * u32::try_from(i).unwrap_or(0)))));
                }
            }
            proptest::prop_assert_eq!(ours(&cells), backend_bytes(&cells));
        }
    }

    #[test]
    fn every_pair_of_attribute_sets_changes_as_the_backend_does() {
        // All 512 sets from and to one another would be 262,144 pairs: the single
        // attributes and their pairs, each way, cover every branch.
        let mut sets = vec![Modifier::empty()];
        for a in 0..9 {
            for b in a..9 {
                sets.push(Modifier::from_bits_truncate((1 << a) | (1 << b)));
            }
        }
        for &from in &sets {
            for &to in &sets {
                let cells = [
                    (
                        0,
                        0,
                        Cell::new("x")
                            .set_style(Style::new().add_modifier(from))
                            .clone(),
                    ),
                    (
                        1,
                        0,
                        Cell::new("y")
                            .set_style(Style::new().add_modifier(to))
                            .clone(),
                    ),
                ];
                assert_eq!(ours(&cells), backend_bytes(&cells), "{from:?} → {to:?}");
            }
        }
    }

    #[test]
    fn positions_far_apart_are_written_as_the_backend_does() {
        // The backend adds 1 to a position in u16: the largest it takes is one less.
        let c = Cell::new("z");
        let cells = [
            (u16::MAX - 1, 0, c.clone()),
            (0, 1, c.clone()),
            (9, u16::MAX - 1, c.clone()),
            (10, u16::MAX - 1, c),
        ];
        assert_eq!(ours(&cells), backend_bytes(&cells));
    }
}
