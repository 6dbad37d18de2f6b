//! A pane's border and its titles, drawn as `Block::bordered()` draws them (the tests hold
//! it to that) without Block's pass over every cell of the pane to lay on a style it does
//! not have: a third of the rendering of a reader's first frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Widget};

/// A bordered pane's frame: a title on top at the left, another below at the right.
pub struct Border<'a> {
    kind: BorderType,
    style: Style,
    title: Line<'a>,
    bottom: Option<Line<'a>>,
}

impl<'a> Border<'a> {
    /// A plain border, unstyled, with `title` on top.
    pub fn new(title: Line<'a>) -> Self {
        Self {
            kind: BorderType::Plain,
            style: Style::new(),
            title,
            bottom: None,
        }
    }

    pub fn kind(self, kind: BorderType) -> Self {
        Self { kind, ..self }
    }

    pub fn style(self, style: Style) -> Self {
        Self { style, ..self }
    }

    /// The title below, at the right.
    pub fn bottom(self, bottom: Line<'a>) -> Self {
        Self {
            bottom: Some(bottom),
            ..self
        }
    }

    /// What the border leaves inside `area`.
    pub fn inner(area: Rect) -> Rect {
        Block::bordered().inner(area)
    }

    /// The four sides, then the corners, in Block's order: where they meet (an area one
    /// cell wide or tall) the last drawn stays.
    fn draw_lines(&self, area: Rect, buf: &mut Buffer) {
        let set = self.kind.to_border_set();
        let (left, top) = (area.left(), area.top());
        let right = area.right().saturating_sub(1);
        let bottom = area.bottom().saturating_sub(1);
        let mut draw = |x: u16, y: u16, symbol: &str| {
            buf[(x, y)].set_symbol(symbol).set_style(self.style);
        };
        for y in top..=bottom {
            draw(left, y, set.vertical_left);
        }
        for x in left..=right {
            draw(x, top, set.horizontal_top);
        }
        for y in top..=bottom {
            draw(right, y, set.vertical_right);
        }
        for x in left..=right {
            draw(x, bottom, set.horizontal_bottom);
        }
        draw(right, bottom, set.bottom_right);
        draw(right, top, set.top_right);
        draw(left, bottom, set.bottom_left);
        draw(left, top, set.top_left);
    }
}

impl Widget for Border<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        self.draw_lines(area, buf);
        // Between the side borders, on the top and the bottom row.
        let titles = |y: u16| Rect {
            x: area.left().saturating_add(1),
            y,
            width: area.width.saturating_sub(2),
            height: 1,
        };
        let width = |line: &Line<'_>| u16::try_from(line.width()).unwrap_or(u16::MAX);
        let top = titles(area.top());
        if !top.is_empty() {
            let title = Rect {
                width: width(&self.title).min(top.width),
                ..top
            };
            self.title.render(title, buf);
        }
        let below = titles(area.bottom().saturating_sub(1));
        if let Some(line) = self.bottom.filter(|_| !below.is_empty()) {
            let line_width = width(&line);
            let title = Rect {
                x: below.right().saturating_sub(line_width).max(below.left()),
                width: line_width.min(below.width),
                ..below
            };
            line.render(title, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::style::{Color, Modifier};

    use super::*;

    const TITLES: [&str; 5] = ["", " 2 Body ", "▶ 2 Body ◀", " ﺏﺎﺘﻛ 界界 ", " 1-18/~1,234 "];

    fn style(n: u8) -> Style {
        match n % 4 {
            0 => Style::new(),
            1 => Style::new().fg(Color::Red),
            2 => Style::new().bg(Color::Blue).add_modifier(Modifier::BOLD),
            _ => Style::new()
                .fg(Color::Indexed(n))
                .remove_modifier(Modifier::DIM),
        }
    }

    proptest! {
        #[test]
        fn the_border_is_blocks(
            (width, height) in (0u16..14, 0u16..6),
            (x, y, w, h) in (0u16..14, 0u16..6, 0u16..16, 0u16..8),
            (thick, border_style, title_style) in (any::<bool>(), any::<u8>(), any::<u8>()),
            (title, bottom) in (0..TITLES.len(), prop::option::of(0..TITLES.len())),
            under in prop::collection::vec((any::<u8>(), 0..TITLES.len()), 0..40),
        ) {
            let screen = Rect::new(0, 0, width, height);
            let mut ours = Buffer::empty(screen);
            // What was drawn before: the border's style is laid over it.
            for (n, (seed, text)) in under.into_iter().enumerate() {
                let n = u16::try_from(n).unwrap_or(0);
                if width > 0 && height > 0 {
                    ours.set_string(n % width, (n / width) % height, TITLES[text], style(seed));
                }
            }
            let mut theirs = ours.clone();
            let area = Rect::new(x, y, w, h);
            let kind = if thick { BorderType::Thick } else { BorderType::Plain };
            let line = |n: usize| Line::styled(TITLES[n], style(title_style));
            let mut border = Border::new(line(title)).kind(kind).style(style(border_style));
            let mut block = Block::bordered()
                .border_type(kind)
                .border_style(style(border_style))
                .title(line(title));
            if let Some(n) = bottom {
                border = border.bottom(line(n).right_aligned());
                block = block.title_bottom(line(n).right_aligned());
            }
            border.render(area, &mut ours);
            block.render(area, &mut theirs);
            prop_assert_eq!(ours, theirs);
            prop_assert_eq!(Border::inner(area), Block::bordered().inner(area));
        }
    }
}
