//! A briefing as plain lines, for `brief show`: the same pane fields and layout the reader
//! draws, one laid-out line per output line.

use super::content::{
    BULLET_WIDTH, COLUMN_GAP, Engine, Field, FieldKind, PaneText, Row, Side, column_widths,
    has_translation, own_rows, placement_as,
};
use super::reader::panes::PaneId;
pub use super::reader::panes::translation::TextView;
use super::reader::panes::translation::{SIDE_BY_SIDE_WIDTH, take_view_fields};
use super::theme::{self, Theme};
use crate::briefing::Briefing;
use crate::text::map_weighted_runs;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedLine {
    pub kind: FieldKind,
    pub text: String,
}

/// `align`: pad right-to-left lines to the right edge (false for logical-order output,
/// which is for screen readers and pipes).
pub fn briefing_lines(
    briefing: &Briefing,
    width: usize,
    engine: Engine,
    align: bool,
) -> Vec<PrintedLine> {
    view_lines(briefing, TextView::Original, width, engine, align)
}

/// `briefing_lines` for `view` of the briefing: its translation, or both side by side (in
/// two columns from `SIDE_BY_SIDE_WIDTH` cells on, else each translation under its
/// original), the languages in each pane's title.
pub fn view_lines(
    briefing: &Briefing,
    view: TextView,
    width: usize,
    engine: Engine,
    align: bool,
) -> Vec<PrintedLine> {
    let mut out = Vec::new();
    let collected = for_each_line(
        briefing.clone(),
        view,
        width,
        engine,
        align,
        |kind, text| {
            out.push(PrintedLine {
                kind,
                text: text.to_owned(),
            });
            Ok::<(), std::convert::Infallible>(())
        },
    );
    match collected {
        Ok(()) => out,
        Err(never) => match never {},
    }
}

/// Bytes of text laid out before their lines are handed on: few enough that the lines of
/// a long briefing are never all held at once, and enough that the cores seldom wait for
/// each other at a batch's end (5 MB printed 5–9% sooner than in batches of 512 KB).
const PRINT_BATCH_BYTES: usize = 2 * 1024 * 1024;

/// The lines of `view_lines`, each handed to `line` as it is laid out, a batch at a time:
/// `brief show` writes them as they come, without keeping them.
pub fn for_each_line<E>(
    mut briefing: Briefing,
    view: TextView,
    width: usize,
    engine: Engine,
    align: bool,
    mut line: impl FnMut(FieldKind, &str) -> Result<(), E>,
) -> Result<(), E> {
    let width = width.max(1);
    let languages = view
        .languages(&briefing)
        .map(|l| format!(" · {l}"))
        .unwrap_or_default();
    let printing = Printing {
        width,
        engine,
        align,
    };
    for (pane, fields) in take_view_fields(&mut briefing, view) {
        if pane != PaneId::Headline {
            line(FieldKind::Notice, "")?;
            let title = format!("{}{languages}", pane.title());
            let rule = "─".repeat(width.saturating_sub(title.chars().count() + 4));
            line(FieldKind::Notice, &format!("── {title} {rule}"))?;
        }
        if width >= usize::from(SIDE_BY_SIDE_WIDTH) && has_translation(&fields) {
            printing.columns(fields, &mut line)?;
        } else {
            printing.stacked(&fields, &mut line)?;
        }
    }
    Ok(())
}

/// How a pane's rows are printed.
#[derive(Clone, Copy)]
struct Printing {
    width: usize,
    engine: Engine,
    align: bool,
}

/// A run of fields' lines as text, made on the thread that laid the run out.
#[derive(Default)]
struct PrintedRun {
    /// The lines' text, one after another.
    text: String,
    marks: Vec<Mark>,
}

enum Mark {
    /// A field that asks for a blank row before it, if any row is above it in its pane.
    Gap,
    /// A line of this kind, its text up to this byte of `text`.
    Line(FieldKind, usize),
}

impl Printing {
    /// Side by side, each pair's rows depend on both columns: the pane is laid out whole.
    fn columns<E>(
        self,
        fields: Vec<Field>,
        line: &mut impl FnMut(FieldKind, &str) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut text = PaneText::new(fields);
        text.set_side_by_side(true);
        text.relayout(self.width, self.engine);
        let mut buffer = String::new();
        for row in &text.rows {
            buffer.clear();
            push_row_text(&mut buffer, row, self.width, self.align);
            line(row.kind, buffer.trim_end())?;
        }
        Ok(())
    }

    /// Fields one below the other, a batch at a time, each batch's runs of fields laid out
    /// and made into text on all cores (when the batch is long): the rows are dropped by
    /// the thread that made them, and the calling thread only hands the lines on.
    fn stacked<E>(
        self,
        fields: &[Field],
        line: &mut impl FnMut(FieldKind, &str) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut rows_above = false;
        let mut start = 0;
        while start < fields.len() {
            let end = batch_end(fields, start, PRINT_BATCH_BYTES);
            let batch = &fields[start..end];
            let runs = map_weighted_runs(
                batch,
                |field| field.text.text.len(),
                |run| self.print_run(batch, run, start),
            );
            for run in &runs {
                let mut from = 0;
                for mark in &run.marks {
                    match *mark {
                        Mark::Gap if rows_above => line(FieldKind::Paragraph, "")?,
                        Mark::Gap => {}
                        Mark::Line(kind, end) => {
                            line(kind, run.text.get(from..end).unwrap_or_default())?;
                            (from, rows_above) = (end, true);
                        }
                    }
                }
            }
            start = end;
        }
        Ok(())
    }

    /// The lines of `batch[run]` (the batch's first field is field `first` of its pane).
    fn print_run(self, batch: &[Field], run: std::ops::Range<usize>, first: usize) -> PrintedRun {
        let mut out = PrintedRun::default();
        for (index, field) in batch.iter().enumerate().take(run.end).skip(run.start) {
            if field.gap {
                out.marks.push(Mark::Gap);
            }
            for row in own_rows(first + index, field, self.width, self.engine) {
                let at = out.text.len();
                push_row_text(&mut out.text, &row, self.width, self.align);
                let kept = out.text.get(at..).unwrap_or_default().trim_end().len();
                out.text.truncate(at + kept);
                out.marks.push(Mark::Line(row.kind, out.text.len()));
            }
        }
        out
    }
}

/// The end of a batch of at least `bytes` of text from field `start` (or of the fields).
fn batch_end(fields: &[Field], start: usize, bytes: usize) -> usize {
    let mut taken = 0;
    for (index, field) in fields.iter().enumerate().skip(start) {
        taken += field.text.text.len();
        if taken >= bytes {
            return index + 1;
        }
    }
    fields.len()
}

/// The SGR parameters a line of `kind` is printed in on a colour terminal: the style the
/// reader draws that kind in, so that `brief show` and the reader agree.
pub fn sgr(kind: FieldKind) -> Option<String> {
    theme::sgr(Theme::new(true).field(kind))
}

/// A row as the reader draws it: padded so RTL lines end at the right edge, with the
/// bullet on the side where the line starts reading. Unaligned (logical) rows are placed
/// as left-to-right ones.
pub fn row_text(row: &Row, width: usize, align: bool) -> String {
    let mut text = String::new();
    push_row_text(&mut text, row, width, align);
    text.truncate(text.trim_end().len());
    text
}

/// `row_text` added to `out`, trailing spaces and all.
fn push_row_text(out: &mut String, row: &Row, width: usize, align: bool) {
    let Some(beside) = &row.beside else {
        push_placed(out, row, width, align);
        return;
    };
    let (left, right) = column_widths(width);
    let cells = push_placed(out, row, left, align);
    push_spaces(out, left.saturating_sub(cells) + COLUMN_GAP / 2);
    out.push('│');
    push_spaces(out, COLUMN_GAP / 2);
    push_placed(out, beside, right, align);
}

fn push_spaces(out: &mut String, count: usize) {
    out.extend(std::iter::repeat_n(' ', count));
}

/// Adds a row's text as placed in `width` cells to `out`; the cells it takes.
fn push_placed(out: &mut String, row: &Row, width: usize, align: bool) -> usize {
    let mut place = placement_as(row, width, row.line.rtl && align);
    if !align {
        // Logical output is read, not looked at: no centring, indenting or right-aligning;
        // only a stacked translation keeps its indent, which says whose text it is.
        place.pad = row.indent;
    }
    let text = row.line.text();
    let marker = match place.bullet {
        // The marker takes the last cells of the padding before the text.
        Some(Side::Left) => {
            push_spaces(out, row.indent);
            out.push_str(Side::Left.marker());
            push_spaces(out, place.pad.saturating_sub(BULLET_WIDTH + row.indent));
            out.push_str(text);
            0
        }
        Some(Side::Right) => {
            push_spaces(out, place.pad);
            out.push_str(text);
            out.push_str(Side::Right.marker());
            BULLET_WIDTH
        }
        None => {
            push_spaces(out, place.pad);
            out.push_str(text);
            0
        }
    };
    place.pad + row.line.width + marker
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{BaseDirection, BidiMode, VisualLine};
    use crate::ui::content::DirectionRule;

    fn row(text: &str, rtl: bool, kind: FieldKind, bullet: bool) -> Row {
        let mut line = VisualLine::new(rtl);
        for (i, c) in text.char_indices() {
            line.push_char(c, "", 1, i..i + c.len_utf8());
        }
        Row {
            field: Some(0),
            kind,
            item: None,
            line,
            bullet,
            indent: 0,
            beside: None,
        }
    }

    #[test]
    fn rtl_rows_end_at_the_right_edge_with_the_bullet_outside() {
        assert_eq!(
            row_text(&row("abc", true, FieldKind::Paragraph, false), 8, true),
            "     abc"
        );
        assert_eq!(
            row_text(&row("abc", true, FieldKind::Bullet, true), 8, true),
            "   abc •"
        );
        assert_eq!(
            row_text(&row("abc", true, FieldKind::Bullet, false), 8, true),
            "   abc"
        );
        assert_eq!(
            row_text(&row("abc", false, FieldKind::Bullet, true), 8, true),
            "• abc"
        );
        assert_eq!(
            row_text(&row("abc", false, FieldKind::Bullet, false), 8, true),
            "  abc"
        );
        assert_eq!(
            row_text(&row("abc", true, FieldKind::Bullet, true), 8, false),
            "• abc"
        );
        // Unaligned output has no padding anywhere: not before a bullet's next line, not
        // round a banner.
        assert_eq!(
            row_text(&row("abc", false, FieldKind::Bullet, false), 8, false),
            "abc"
        );
        assert_eq!(
            row_text(&row("SECRET", false, FieldKind::Banner, false), 10, false),
            "SECRET"
        );
        assert_eq!(
            row_text(&row("SECRET", false, FieldKind::Banner, false), 10, true),
            "  SECRET"
        );
    }

    #[test]
    fn logical_output_keeps_arabic_as_written() {
        let engine = Engine {
            mode: BidiMode::Logical,
            shaping: false,
        };
        let rule = DirectionRule::forced(BaseDirection::Rtl);
        let mut fields = crate::ui::content::Fields::new(rule);
        fields.push(FieldKind::Paragraph, "قال تورك: نقدر الجهود", false);
        let mut text = PaneText::new(fields.finish());
        text.relayout(100, engine);
        let lines: Vec<String> = text.rows.iter().map(|r| row_text(r, 100, false)).collect();
        assert_eq!(lines, ["قال تورك: نقدر الجهود"]);
    }
}
