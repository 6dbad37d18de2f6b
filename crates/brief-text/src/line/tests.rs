//! Glyphs of a line read back as they were written, through edits.

use super::*;

fn texts(line: &VisualLine) -> Vec<(&str, usize, Range<usize>)> {
    line.glyphs().map(|g| (g.text, g.width, g.source)).collect()
}

#[test]
fn glyphs_read_back_as_pushed() {
    let mut line = VisualLine::new(true);
    line.push("ab", 1, 3..5);
    line.push_char('ﺑ', "\u{64E}", 1, 0..4);
    line.push("", 0, 5..8);
    assert_eq!(
        texts(&line),
        [("ab", 1, 3..5), ("ﺑ\u{64E}", 1, 0..4), ("", 0, 5..8)]
    );
    assert_eq!(line.width, 2);
    assert_eq!(line.text(), "abﺑ\u{64E}");
    assert_eq!(line.glyphs().next_back().map(|g| g.source), Some(5..8));
    assert_eq!(std::mem::size_of::<Cell>(), 16);
}

#[test]
fn editing_keeps_texts_and_sources_together() {
    let mut line = VisualLine::new(false);
    line.push("a", 1, 0..1);
    line.push("\u{200F}", 0, 1..4);
    line.push("日", 2, 4..7);
    line.merge_with_next(0);
    assert_eq!(texts(&line), [("a\u{200F}", 1, 0..4), ("日", 2, 4..7)]);
    line.push_front("…", 1, 9..9);
    line.remove(2);
    assert_eq!(texts(&line), [("…", 1, 9..9), ("a\u{200F}", 1, 0..4)]);
    assert_eq!(line.width, 2);
}
