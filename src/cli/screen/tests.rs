//! The screen against ratatui's own `Terminal` and crossterm backend, the oracle: the same
//! frames must give the same bytes, frame after frame, but for the first, over a blank
//! screen, which must give the same screen (replayed on `vt100`) in no more bytes.

use std::cell::RefCell;
use std::rc::Rc;

use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::style::{Color, Modifier, Style};

use super::*;

/// What frames wrote, kept where a test can read it (a screen or a backend keeps its
/// writer to itself).
#[derive(Clone, Default)]
pub struct Written(Rc<RefCell<Vec<u8>>>);

impl Write for Written {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Written {
    /// What was written since the last take.
    pub fn take(&self) -> Vec<u8> {
        std::mem::take(&mut self.0.borrow_mut())
    }
}

/// Texts of every kind a row holds: Latin, Arabic presentation forms, wide CJK, an emoji
/// with VS16 (which the diff treats apart), combining marks, blanks, a control character.
const WORDS: [&str; 10] = [
    "brief ",
    "ﺍﻟﻌﺮﺑﻴﺔ",
    "界界",
    "❤\u{fe0f}",
    "e\u{301}",
    "   ",
    "👍🏽x",
    "UN",
    "\u{7}",
    "·",
];
const STYLES: [Style; 4] = [
    Style::new(),
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    Style::new().bg(Color::Indexed(236)),
    Style::new().add_modifier(Modifier::REVERSED.union(Modifier::UNDERLINED)),
];

/// One line of words set at `x` on row `y`, as ratatui's widgets set them.
type Stroke = (u16, u16, Vec<usize>, usize);

fn stroke() -> impl Strategy<Value = Stroke> {
    (
        0u16..40,
        0u16..12,
        prop::collection::vec(0..WORDS.len(), 1..8),
        0..STYLES.len(),
    )
}

fn paint(buf: &mut Buffer, (x, y, words, style): &Stroke) {
    let area = buf.area;
    if *x >= area.width || *y >= area.height {
        return;
    }
    let text: String = words.iter().map(|&w| WORDS[w]).collect();
    buf.set_stringn(*x, *y, text, usize::from(area.width), STYLES[*style]);
}

/// Frames drawn in turn, each the last with a few strokes more.
fn frames(area: Rect, strokes: &[Vec<Stroke>]) -> Vec<Buffer> {
    let mut buf = Buffer::empty(area);
    strokes
        .iter()
        .map(|frame| {
            for s in frame {
                paint(&mut buf, s);
            }
            buf.clone()
        })
        .collect()
}

/// What ratatui's terminal writes for each frame, drawn as `Terminal::draw` draws (its
/// cursor hiding aside: brief hides the cursor once).
fn terminals_bytes(area: Rect, frames: &[Buffer]) -> Vec<Vec<u8>> {
    let written = Written::default();
    let options = ratatui::TerminalOptions {
        viewport: ratatui::Viewport::Fixed(area),
    };
    let backend = CrosstermBackend::new(written.clone());
    let mut term =
        Terminal::with_options(backend, options).unwrap_or_else(|e| panic!("terminal: {e}"));
    frames
        .iter()
        .map(|buf| {
            term.get_frame().buffer_mut().clone_from(buf);
            term.flush().unwrap_or_else(|e| panic!("flush: {e}"));
            term.swap_buffers();
            written.take()
        })
        .collect()
}

fn screens_bytes(area: Rect, frames: &[Buffer]) -> Vec<Vec<u8>> {
    let written = Written::default();
    let mut screen = Screen::fixed(written.clone(), area);
    frames
        .iter()
        .map(|buf| {
            screen.frame_for(area).clone_from(buf);
            screen
                .write_frame()
                .unwrap_or_else(|e| panic!("write: {e}"));
            screen.ready_next();
            written.take()
        })
        .collect()
}

/// A frame of `area` with `strokes` painted and the directives `options` set.
fn painted(area: Rect, strokes: &[Stroke], options: &[(usize, u8)]) -> Buffer {
    let mut frame = Buffer::empty(area);
    for s in strokes {
        paint(&mut frame, s);
    }
    set_directives(&mut frame, options);
    frame
}

/// The diff's other directives, which brief does not set but a widget may, set on the
/// cells `options` pick.
fn set_directives(frame: &mut Buffer, options: &[(usize, u8)]) {
    for &(at, kind) in options {
        let len = frame.content.len();
        let cell = &mut frame.content[at % len];
        let width = |n| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
        match kind {
            0 => cell.diff_option = CellDiffOption::Skip,
            1 => cell.diff_option = CellDiffOption::AlwaysUpdate,
            2 => cell.diff_option = CellDiffOption::ForcedWidth(width(2)),
            3 => {
                #[allow(deprecated)]
                {
                    cell.skip = true;
                }
            }
            _ => cell.diff_option = CellDiffOption::ForcedWidth(width(1)),
        }
    }
}

/// A blank terminal `width` by `height`.
pub fn screen(width: u16, height: u16) -> vt100::Parser {
    let size = |n: u16| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
    vt100::Parser::new(size(height), size(width), 0)
}

/// Every cell's text, colours and attributes; a cell never written and a space alike.
/// Bold and dim count as one "not normal intensity": vt100 keeps only the last of the two
/// set, where xterm and tmux keep both, and brief draws both at once (the selected item of
/// a pane without focus), so which of them vt100 shows depends on the order ratatui's diff
/// happened to set them in, not on what the terminal holds.
pub fn cells(parser: &vt100::Parser) -> Vec<String> {
    let screen = parser.screen();
    let (rows, cols) = screen.size();
    (0..rows.get())
        .map(|row| {
            (0..cols.get())
                .filter_map(|col| screen.cell(row, col))
                .map(|cell| {
                    let text = match cell.contents() {
                        "" => " ",
                        text => text,
                    };
                    format!(
                        "[{text}|{:?}|{:?}|{}{}{}{}]",
                        cell.fgcolor(),
                        cell.bgcolor(),
                        u8::from(cell.bold() || cell.dim()),
                        u8::from(cell.italic()),
                        u8::from(cell.underline()),
                        u8::from(cell.inverse()),
                    )
                })
                .collect()
        })
        .collect()
}

/// What a blank terminal of `area`'s size shows after `bytes`.
fn replayed(area: Rect, bytes: &[u8]) -> Vec<String> {
    let mut terminal = screen(area.width, area.height);
    terminal.process(bytes);
    cells(&terminal)
}

proptest! {
    #[test]
    fn frames_are_written_as_ratatuis_terminal_writes_them(
        (width, height) in (1u16..50, 1u16..14),
        strokes in prop::collection::vec(prop::collection::vec(stroke(), 0..6), 1..6),
    ) {
        let area = Rect::new(0, 0, width, height);
        let frames = frames(area, &strokes);
        let (ours, theirs) = (screens_bytes(area, &frames), terminals_bytes(area, &frames));
        prop_assert_eq!(replayed(area, &ours[0]), replayed(area, &theirs[0]));
        prop_assert!(ours[0].len() <= theirs[0].len());
        prop_assert_eq!(&ours[1..], &theirs[1..]);
    }

    /// Over a blank screen, the cells written are the blank diff's, with only blank cells
    /// between them, each in a short run after a plain glyph on its row.
    #[test]
    fn spaces_fill_only_short_blank_runs(
        (width, height) in (1u16..50, 1u16..14),
        strokes in prop::collection::vec(stroke(), 0..20),
        options in prop::collection::vec((0usize..700, 0u8..5), 0..6),
    ) {
        let area = Rect::new(0, 0, width, height);
        let frame = painted(area, &strokes, &options);
        let spaced: Vec<_> = Spaced::new(&frame).collect();
        let diff: Vec<_> = BlankDiff::new(&frame).collect();
        let added: Vec<_> = spaced.iter().filter(|item| !diff.contains(item)).collect();
        prop_assert!(added.iter().all(|(_, _, cell)| is_blank(cell)));
        let kept: Vec<_> = spaced.iter().filter(|item| diff.contains(item)).copied().collect();
        prop_assert_eq!(kept, diff);
        prop_assert!(added.iter().all(|&&(x, y, _)| x > 0 && spaced.iter().any(|&(px, py, _)| py == y && px + 1 == x)));
    }

    #[test]
    fn a_blank_screen_is_compared_as_a_blank_buffer_would_be(
        (width, height) in (1u16..50, 1u16..14),
        strokes in prop::collection::vec(stroke(), 0..20),
        options in prop::collection::vec((0usize..700, 0u8..5), 0..6),
    ) {
        let area = Rect::new(0, 0, width, height);
        let frame = painted(area, &strokes, &options);
        let ours: Vec<_> = BlankDiff::new(&frame).collect();
        let theirs = Buffer::empty(area).diff(&frame);
        prop_assert_eq!(ours, theirs);
    }
}

#[test]
fn forgetting_clears_the_screen_and_writes_the_next_frame_whole() {
    let area = Rect::new(0, 0, 8, 2);
    let written = Written::default();
    let mut screen = Screen::fixed(written.clone(), area);
    screen
        .frame_for(area)
        .set_string(0, 0, "same", Style::new());
    screen.write_frame().unwrap_or_else(|e| panic!("{e}"));
    screen.ready_next();
    let first = written.take();
    screen
        .frame_for(area)
        .set_string(0, 0, "same", Style::new());
    screen.write_frame().unwrap_or_else(|e| panic!("{e}"));
    screen.ready_next();
    let unchanged = written.take();
    assert!(!String::from_utf8_lossy(&unchanged).contains("same"));
    screen.forget();
    screen
        .frame_for(area)
        .set_string(0, 0, "same", Style::new());
    screen.write_frame().unwrap_or_else(|e| panic!("{e}"));
    let again = written.take();
    assert_eq!(again, [b"\x1b[2J".as_slice(), &first].concat());
}

#[test]
fn a_new_size_forgets_what_was_shown() {
    let written = Written::default();
    let small = Rect::new(0, 0, 4, 1);
    let mut screen = Screen::fixed(written.clone(), small);
    screen.frame_for(small).set_string(0, 0, "ab", Style::new());
    screen.write_frame().unwrap_or_else(|e| panic!("{e}"));
    screen.ready_next();
    written.take();
    let wide = Rect::new(0, 0, 6, 1);
    screen.frame_for(wide).set_string(0, 0, "ab", Style::new());
    screen.write_frame().unwrap_or_else(|e| panic!("{e}"));
    let bytes = String::from_utf8_lossy(&written.take()).into_owned();
    assert!(bytes.starts_with("\x1b[2J"), "{bytes:?}");
    assert!(bytes.contains("ab"), "{bytes:?}");
}

#[test]
fn a_buffer_made_ahead_is_taken_only_at_the_screens_size() {
    let area = Rect::new(0, 0, 6, 2);
    let ahead = |size: Rect| {
        let (sender, receiver) = sync_channel(1);
        let mut made = Buffer::empty(size);
        // Marked, to tell it from a buffer made on the spot.
        made.set_string(0, 0, "x", Style::new());
        sender.send(made).unwrap_or_else(|e| panic!("send: {e}"));
        Ahead {
            made: receiver,
            claimed: Arc::new(AtomicBool::new(true)),
        }
    };
    let marked = |screen: &mut Screen<Written>| screen.frame_for(area)[(0, 0)].symbol() == "x";
    let mut screen = Screen::new(Written::default(), ahead(area));
    assert!(marked(&mut screen), "the buffer made ahead was not taken");
    let mut screen = Screen::new(Written::default(), ahead(Rect::new(0, 0, 5, 2)));
    assert!(!marked(&mut screen), "a buffer of another size was taken");
    let (_, not_ready) = make_ahead();
    let mut screen = Screen::new(Written::default(), not_ready);
    assert_eq!(screen.frame_for(area).area, area);
}

/// A buffer no other thread has begun is made by the first frame at once, not waited for,
/// and the other thread then makes none.
#[test]
fn a_buffer_not_begun_is_made_by_the_first_frame() {
    let area = Rect::new(0, 0, 6, 2);
    let (make, ahead) = make_ahead();
    let receiver_claimed = Arc::clone(&ahead.claimed);
    let mut screen = Screen::new(Written::default(), ahead);
    assert!(!receiver_claimed.load(Ordering::Acquire));
    assert_eq!(screen.frame_for(area).area, area);
    assert!(
        receiver_claimed.load(Ordering::Acquire),
        "the first frame did not claim it"
    );
    // Claimed: the other thread, coming to it now, leaves it.
    make();
}
