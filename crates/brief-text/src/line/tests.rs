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
    assert_eq!(std::mem::size_of::<cells::Record>(), 16);
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

#[test]
fn glyphs_too_far_apart_for_8_bytes_read_back_as_pushed() {
    let long = "x".repeat(70_000);
    let mut far_sources = VisualLine::new(true);
    far_sources.push("a", 1, 70_000..70_001);
    far_sources.push("b", 1, 5..6);
    assert_eq!(
        texts(&far_sources),
        [("a", 1, 70_000..70_001), ("b", 1, 5..6)]
    );
    let mut long_text = VisualLine::new(false);
    long_text.push(&long, 1, 0..1);
    long_text.push("b", 2, 1..70_002);
    assert_eq!(
        texts(&long_text),
        [(long.as_str(), 1, 0..1), ("b", 2, 1..70_002)]
    );
    assert_eq!(long_text.width, 3);
}

#[test]
fn lines_are_equal_whatever_their_records_size() {
    let mut near = VisualLine::new(false);
    near.push("a", 1, 3..4);
    near.push("b", 1, 0..3);
    let mut wide = near.clone();
    wide.cells.wide();
    assert_eq!(near, wide);
    wide.push("c", 1, 4..5);
    assert_ne!(near, wide);
}

/// A long text makes a line for every hundred characters or so: their size is part of
/// the memory a layout writes.
#[test]
#[cfg(target_pointer_width = "64")]
fn a_line_takes_72_bytes() {
    assert_eq!(std::mem::size_of::<VisualLine>(), 72);
}

/// A run's records (4 bytes a glyph, each source ending where the next begins) read as
/// the same glyphs as records pushed one by one, forwards and backwards, and after an edit.
#[test]
fn a_run_reads_as_its_glyphs_pushed_one_by_one() {
    // "ﺑَ" (b with a fatha, 4 source bytes), a space, "ﺕ": sources 10..14, 14..15, 15..17.
    let glyphs = [
        ('ﺑ', "\u{64E}", 10..14),
        (' ', "", 14..15),
        ('ﺕ', "", 15..17),
    ];
    for reversed in [false, true] {
        let order: Vec<_> = match reversed {
            false => glyphs.iter().collect(),
            true => glyphs.iter().rev().collect(),
        };
        let mut run = VisualLine::run_from(true, (10, 7), reversed, 3, 16);
        let mut pushed = VisualLine::new(true);
        for (c, marks, source) in order {
            run.push(*c, marks, source.start as u32 - 10);
            pushed.push_char(*c, marks, 1, source.clone());
        }
        let mut run = run.into_line();
        assert_eq!(run, pushed);
        assert_eq!(run.glyph(0), pushed.glyph(0));
        run.remove(1);
        pushed.remove(1);
        assert_eq!(run, pushed);
    }
}
