//! Drawing the actor screen: the list (counts, name, other names, role) or one actor's
//! timeline (each briefing's date and headline, then its quotations of the actor). Names
//! and quotations are laid out by the text engine, right-aligned when right to left;
//! brief's own labels stay left to right. Nothing here changes the state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::view::{ActorsView, Timeline, TimelineRow};
use crate::briefing::index::MergedActor;
use crate::text::sanitize;
use crate::ui::border::Border;
use crate::ui::content::{DirectionRule, Engine, FieldKind, Row};
use crate::ui::first_line::first_line;
use crate::ui::layout::{split_status, text_area};
use crate::ui::theme::Theme;
use crate::ui::view::draw_row;

/// Cells for the two counts before a name: briefings mentioning, and quoting, the actor.
const COUNTS_WIDTH: u16 = 14;
/// Narrower than this, a row shows the name alone.
const COLUMNS_FROM: u16 = 40;
const DATE_WIDTH: u16 = 10;
/// A quotation's indent under its briefing.
const QUOTE_INDENT: u16 = 3;

/// A row's area and how it is drawn.
struct Pen<'a> {
    buf: &'a mut Buffer,
    engine: Engine,
    theme: &'a Theme,
}

impl Pen<'_> {
    /// `text` laid out by the text engine in the cell `x..x + width` of row `y`, cut with
    /// "…" when longer.
    fn text(&mut self, x: u16, y: u16, width: u16, text: &str, style: Style) {
        if width == 0 {
            return;
        }
        let clean = sanitize(text).text;
        let line = first_line(
            &clean,
            usize::from(width),
            DirectionRule::auto(),
            self.engine,
        );
        let row = Row::notice(line, FieldKind::Name);
        let area = Rect::new(x, y, width, 1);
        draw_row(self.buf, area, &row, style, &[], self.theme);
    }

    /// Text of brief's own, left to right.
    fn label(&mut self, x: u16, y: u16, width: u16, text: &str, style: Style) {
        self.buf.set_stringn(x, y, text, usize::from(width), style);
    }
}

impl ActorsView {
    pub fn render(&self, area: Rect, buf: &mut Buffer, theme: &Theme, engine: Engine) {
        let (main, _) = split_status(area);
        let title = match &self.timeline {
            Some(_) => " Actor timeline: briefings and quotations, oldest first ",
            None => " Actors across the library ",
        };
        let inner = Border::inner(main);
        Border::new(Line::styled(title, theme.title_focused))
            .style(theme.border_focused)
            .render(main, buf);
        let text = text_area(inner, true);
        let mut pen = Pen { buf, engine, theme };
        if text.height == 0 || text.width == 0 {
            return;
        }
        match &self.timeline {
            Some(timeline) => render_timeline(timeline, inner, text, &mut pen),
            None => self.render_list(inner, text, &mut pen),
        }
    }

    fn render_list(&self, inner: Rect, text: Rect, pen: &mut Pen<'_>) {
        let dim = pen.theme.dim;
        let notice = match &self.read {
            None => Some("reading the actor index…".to_owned()),
            Some(Err(error)) => Some(error.clone()),
            Some(Ok(actors)) if actors.is_empty() => Some("no actors in the library".into()),
            Some(Ok(_)) if self.shown.is_empty() => {
                Some("no actor matches the filter: / changes it, Esc clears it".into())
            }
            Some(Ok(_)) => None,
        };
        if let Some(notice) = notice {
            pen.label(text.x, text.y, text.width, &notice, dim);
            return;
        }
        let columns = text.width >= COLUMNS_FROM;
        if columns {
            let header = Rect::new(text.x, text.y, text.width, 1);
            let labels = ["briefs quoted", "name", "other names", "role"];
            for (label, (x, width)) in labels.into_iter().zip(columns_of(header)) {
                pen.label(x, text.y, width, label, dim);
            }
        }
        let top = text.y + u16::from(columns);
        let height = usize::from(text.bottom().saturating_sub(top));
        for (line, at) in visible(self.selected, self.shown.len(), height).enumerate() {
            let Some(actor) = self.shown.get(at).and_then(|&a| self.actors().get(a)) else {
                continue;
            };
            let y = top + u16::try_from(line).unwrap_or(0);
            let selected = at == self.selected;
            let style = row_style(selected, pen.theme);
            if selected {
                pen.buf.set_string(inner.x, y, "▌", pen.theme.selected);
                pen.buf
                    .set_style(Rect::new(text.x, y, text.width, 1), style);
            }
            let row = Rect::new(text.x, y, text.width, 1);
            actor_row(actor, row, columns, style, pen);
        }
    }
}

/// One actor: its counts, its name, its other names and its roles, each cut with "…".
fn actor_row(actor: &MergedActor, row: Rect, columns: bool, style: Style, pen: &mut Pen<'_>) {
    if !columns {
        pen.text(row.x, row.y, row.width, &actor.name, style);
        return;
    }
    let [counts, name, others, roles] = columns_of(row);
    let counted = format!("{:>6} {:>6}", actor.mentioned_in, actor.quoted_in);
    pen.label(
        counts.0,
        row.y,
        counts.1,
        &counted,
        style.patch(pen.theme.dim),
    );
    pen.text(name.0, row.y, name.1, &actor.name, style);
    pen.text(others.0, row.y, others.1, &actor.aliases.join(", "), style);
    let dim = style.patch(pen.theme.dim);
    pen.text(roles.0, row.y, roles.1, &actor.roles.join(", "), dim);
}

/// Where each column of a list row starts and how wide it is: the counts, the name, the
/// other names, the roles; a cell apart.
fn columns_of(row: Rect) -> [(u16, u16); 4] {
    let rest = row.width.saturating_sub(COUNTS_WIDTH);
    let name = rest * 2 / 5;
    let others = (rest - name) / 2;
    let roles = rest - name - others;
    let at = row.x + COUNTS_WIDTH;
    [
        (row.x, COUNTS_WIDTH - 1),
        (at, name.saturating_sub(1)),
        (at + name, others.saturating_sub(1)),
        (at + name + others, roles),
    ]
}

fn render_timeline(timeline: &Timeline, inner: Rect, text: Rect, pen: &mut Pen<'_>) {
    let theme = pen.theme;
    let name = &timeline.actor.name;
    pen.text(text.x, text.y, text.width, name, theme.title_focused);
    let notice = match &timeline.entries {
        None => Some("reading the actor's timeline…".to_owned()),
        Some(Err(error)) => Some(error.clone()),
        Some(Ok(entries)) if entries.is_empty() => Some("no briefing mentions this actor".into()),
        Some(Ok(_)) => None,
    };
    let top = text.y + 1;
    if let Some(notice) = notice.filter(|_| top < text.bottom()) {
        pen.label(text.x, top, text.width, &notice, theme.dim);
    }
    let Some(Ok(entries)) = &timeline.entries else {
        return;
    };
    let height = usize::from(text.bottom().saturating_sub(top));
    let rows = &timeline.rows;
    for (line, at) in visible(timeline.selected, rows.len(), height).enumerate() {
        let y = top + u16::try_from(line).unwrap_or(0);
        let selected = at == timeline.selected;
        let style = row_style(selected, theme);
        if selected {
            pen.buf.set_string(inner.x, y, "▌", theme.selected);
            pen.buf
                .set_style(Rect::new(text.x, y, text.width, 1), style);
        }
        match rows[at] {
            TimelineRow::Briefing(entry) => {
                let Some(entry) = entries.get(entry) else {
                    continue;
                };
                let date = entry.date.as_deref().unwrap_or("undated");
                let date: String = date.chars().take(usize::from(DATE_WIDTH)).collect();
                let dated = text.width > DATE_WIDTH + 1;
                if dated {
                    pen.label(text.x, y, DATE_WIDTH, &date, style.patch(theme.dim));
                }
                let skip = if dated { DATE_WIDTH + 1 } else { 0 };
                let width = text.width - skip;
                pen.text(text.x + skip, y, width, &entry.headline, style);
            }
            TimelineRow::Quote(entry, quote) => {
                let Some((_, said)) = entries.get(entry).and_then(|e| e.quotes.get(quote)) else {
                    continue;
                };
                let indent = QUOTE_INDENT.min(text.width);
                let shown = format!("{name}: «{said}»");
                let width = text.width - indent;
                pen.text(text.x + indent, y, width, &shown, style.patch(theme.dim));
            }
        }
    }
}

/// The rows in view out of `len`, `height` at a time, keeping `selected` on screen.
fn visible(selected: usize, len: usize, height: usize) -> std::ops::Range<usize> {
    let top = (selected + 1).saturating_sub(height);
    top..len.min(top + height)
}

fn row_style(selected: bool, theme: &Theme) -> Style {
    if selected {
        theme.selected
    } else {
        Style::new()
    }
}
