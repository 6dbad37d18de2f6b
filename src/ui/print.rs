//! A briefing as plain lines, for `brief show`: the same pane fields and layout the reader
//! draws, one laid-out line per output line.

use super::content::{
    BULLET_WIDTH, DirectionRule, Engine, FieldKind, PaneText, Row, Side, placement_as,
};
use super::reader::panes::{self, PaneId};
use super::theme::{self, Theme};
use crate::briefing::Briefing;

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
    let rule = DirectionRule::of(briefing);
    let width = width.max(1);
    let mut out = Vec::new();
    for pane in PaneId::ALL {
        let (fields, _) = panes::fields(pane, briefing, rule, None);
        if pane != PaneId::Headline {
            out.push(PrintedLine {
                kind: FieldKind::Notice,
                text: String::new(),
            });
            let rule = "─".repeat(width.saturating_sub(pane.title().len() + 4));
            let text = format!("── {} {rule}", pane.title());
            out.push(PrintedLine {
                kind: FieldKind::Notice,
                text,
            });
        }
        let mut text = PaneText::new(fields);
        text.relayout(width, engine);
        out.extend(text.rows.iter().map(|row| PrintedLine {
            kind: row.kind,
            text: row_text(row, width, align),
        }));
    }
    out
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
    let mut place = placement_as(row, width, row.line.rtl && align);
    if !align {
        // Logical output is read, not looked at: no centring, indenting or right-aligning.
        place.pad = 0;
    }
    let text = row.line.to_plain();
    let line = match place.bullet {
        // The marker takes the first cells of the padding before the text.
        Some(Side::Left) => {
            let pad = " ".repeat(place.pad.saturating_sub(BULLET_WIDTH));
            format!("{}{pad}{text}", Side::Left.marker())
        }
        Some(Side::Right) => format!("{}{text}{}", " ".repeat(place.pad), Side::Right.marker()),
        None => format!("{}{text}", " ".repeat(place.pad)),
    };
    line.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{BaseDirection, BidiMode, VisualLine};

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
