//! The open briefing's review marks in one status line: who reviewed and flagged it, and
//! the notes, each note in its own direction (an Arabic note reads right to left inside
//! our left-to-right words).

use crate::briefing::state::{Marks, Stamp};
use crate::text::measure;
use crate::ui::content::{Engine, Piece, Row, fit_words, status_row};

/// `changed since reviewed · reviewed by amira, omar · flagged by omar · amira: «note»`,
/// in `width` cells (notes cut with "…"); `None` when nobody marked it beyond reading.
pub fn review_row(marks: &Marks, changed: bool, width: usize, engine: Engine) -> Option<Row> {
    let names = |stamps: &[Stamp]| {
        let names: Vec<&str> = stamps.iter().map(|stamp| stamp.who.as_str()).collect();
        names.join(", ")
    };
    let mut ours = Vec::new();
    if changed {
        ours.push("changed since reviewed".to_owned());
    }
    if !marks.reviewed.is_empty() {
        ours.push(format!("reviewed by {}", names(&marks.reviewed)));
    }
    if !marks.flagged.is_empty() {
        ours.push(format!("flagged by {}", names(&marks.flagged)));
    }
    let mut parts: Vec<(String, String)> = Vec::new();
    let mut room = width.saturating_sub(measure(&ours.join(" · ")));
    for note in &marks.notes {
        let label = format!(" · {}: ", note.stamp.who);
        room = room.saturating_sub(measure(&label));
        let text = fit_words(note.text.trim(), room);
        room = room.saturating_sub(measure(&text));
        parts.push((label, text));
    }
    let mut head = ours.join(" · ");
    if measure(&head) > width {
        // Too narrow for the notes too: what fits of our words, cut with "…".
        head = fit_words(&head, width);
        parts.clear();
    }
    if head.is_empty() && parts.is_empty() {
        return None;
    }
    let mut pieces = vec![Piece::Mark(&head)];
    for (label, text) in &parts {
        let label = if head.is_empty() && pieces.len() == 1 {
            label.trim_start_matches(" · ")
        } else {
            label.as_str()
        };
        pieces.push(Piece::Mark(label));
        pieces.push(Piece::Field(text));
    }
    status_row(&pieces, engine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::state::Note;

    fn stamp(who: &str) -> Stamp {
        Stamp {
            who: who.into(),
            at: 0,
            hash: 0,
        }
    }

    fn text(row: &Row) -> String {
        crate::ui::print::row_text(row, row.line.width, true)
    }

    /// Letters as they are, not their presentation forms: the order is what is checked.
    fn unshaped() -> Engine {
        Engine {
            shaping: false,
            ..Engine::default()
        }
    }

    #[test]
    fn the_line_names_who_reviewed_flagged_and_noted() {
        let marks = Marks {
            read: vec![stamp("amira"), stamp("omar")],
            reviewed: vec![stamp("amira"), stamp("omar")],
            flagged: vec![stamp("omar")],
            notes: vec![Note {
                stamp: stamp("amira"),
                text: "for the head of mission".into(),
            }],
        };
        let row = review_row(&marks, true, 200, Engine::default());
        assert_eq!(
            row.as_ref().map(text).as_deref(),
            Some(
                "changed since reviewed · reviewed by amira, omar · flagged by omar · \
                 amira: for the head of mission"
            )
        );
        let read_only = Marks {
            read: vec![stamp("amira")],
            ..Marks::default()
        };
        assert!(review_row(&read_only, false, 80, Engine::default()).is_none());
    }

    #[test]
    fn an_arabic_note_keeps_our_words_left_to_right_and_is_cut_to_fit() {
        let marks = Marks {
            notes: vec![Note {
                stamp: stamp("amira"),
                text: "للعرض على رئيس البعثة غدا صباحا".into(),
            }],
            ..Marks::default()
        };
        let row = review_row(&marks, false, 80, unshaped());
        let shown = row.as_ref().map(text).unwrap_or_default();
        // Our label first, at the left; the note after it, drawn right to left: its first
        // word at the right end, its last next to the label.
        let first_word: String = "للعرض".chars().rev().collect();
        let last_word: String = "صباحا".chars().rev().collect();
        assert!(shown.starts_with(&format!("amira: {last_word}")), "{shown}");
        assert!(shown.ends_with(&first_word), "{shown}");
        let narrow = review_row(&marks, false, 20, unshaped());
        let width = narrow.map_or(0, |row| row.line.width);
        assert!(width <= 20, "{width}");
    }

    #[test]
    fn a_narrow_line_ends_with_an_ellipsis() {
        let marks = Marks {
            reviewed: vec![stamp("amira")],
            ..Marks::default()
        };
        let row = review_row(&marks, false, 15, Engine::default());
        assert_eq!(row.as_ref().map(text).as_deref(), Some("reviewed by…"));
    }
}
