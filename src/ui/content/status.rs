//! Our own one-line messages laid out by the engine, for the status line.

use super::direction::DirectionRule;
use super::engine::{Engine, options};
use super::fields::Piece;
use super::model::{FieldKind, Row};
use crate::text::{BaseDirection, isolate, layout, measure, sanitize};

/// A message of ours (`Piece::Mark`) holding text of the user's or the briefing's
/// (`Piece::Field`) on one line, as wide as it measures, for the status line (which cuts
/// it where it has to). Our words read left to right; each foreign part is isolated in
/// the direction of its own first strong letter, so an Arabic query neither turns the
/// message around nor takes its quotation marks with it.
pub fn status_row(pieces: &[Piece<'_>], engine: Engine) -> Option<Row> {
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Mark(mark) => text.push_str(&sanitize(mark).text),
            Piece::Field(field) => isolate(&sanitize(field), BaseDirection::Auto, &mut text),
        }
    }
    let rule = DirectionRule::forced(BaseDirection::Ltr);
    let options = options(measure(&text), rule, engine);
    let line = layout(&text, &options).into_iter().next()?;
    Some(Row::notice(line, FieldKind::Notice))
}

/// `text` in `width` cells: whole when it fits, else cut after the last word that fits,
/// with "…"; a first word longer than the line is cut inside. Separators of ours left at
/// the cut (` · `, `,`) go with it.
pub fn fit_words(text: &str, width: usize) -> String {
    if measure(text) <= width {
        return text.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let shortened = |end: usize| text[..end].trim_end_matches([' ', '·', ',', ':', ';']);
    let cut = text
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(at, _)| shortened(at))
        .rev()
        .find(|kept| !kept.trim().is_empty() && measure(kept) < width);
    match cut {
        Some(kept) => format!("{kept}…"),
        None => {
            let mut kept = String::new();
            for c in text.chars() {
                if measure(&kept) + measure(c.encode_utf8(&mut [0; 4])) >= width {
                    break;
                }
                kept.push(c);
            }
            format!("{kept}…")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fit_words;

    #[test]
    fn a_message_is_cut_after_a_whole_word() {
        let message = "this file failed to load: its error is shown below";
        assert_eq!(fit_words(message, 80), message);
        assert_eq!(
            fit_words(message, 40),
            "this file failed to load: its error is…"
        );
        assert_eq!(fit_words(message, 26), "this file failed to load…");
        assert_eq!(
            fit_words(" 5 briefings, 0 errors · ? help ", 25),
            " 5 briefings, 0 errors…"
        );
        assert_eq!(fit_words("supercalifragilistic", 6), "super…");
        assert_eq!(fit_words("anything", 0), "");
    }
}
