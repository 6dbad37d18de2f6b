//! Lazy layout gives the rows laying out whole gives: for random briefings and terminal
//! sizes however the rows are asked for, and for the seed article and a 2 MB briefing at
//! every scroll position paging through them reaches.

use proptest::prelude::*;
use ratatui::layout::Rect;
use serde_json::{Value, json};

use super::open::OpenBriefing;
use super::panes::PaneId;
use super::panes::translation::{TextView, view_fields};
use super::scroll::{Page, Toward};
use super::search::Match;
use super::search_update::show_match;
use crate::briefing::{Briefing, load_bytes};
use crate::ui::content::{Engine, PaneText, Row, layout_fields};

const SEED: &str = include_str!("../../../tests/data/seed-article.txt");
const ENGLISH: &[&str] = &[
    "The", "council", "approved", "a", "plan", "for", "water", "12%", "Geneva", "(UN)",
];

/// A small xorshift generator: one number from proptest makes a whole briefing.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n.max(1) as u64).unwrap_or(0)
    }

    fn paragraph(&mut self) -> String {
        let lines: Vec<&str> = SEED.lines().filter(|l| !l.trim().is_empty()).collect();
        match self.below(4) {
            0 => (0..self.below(40) + 1)
                .map(|_| ENGLISH[self.below(ENGLISH.len())])
                .collect::<Vec<_>>()
                .join(" "),
            _ => lines[self.below(lines.len())].to_owned(),
        }
    }
}

/// A briefing of `blocks` body blocks (paragraphs, headings, bullet lists with or without a
/// lead), some quotations and actors, from `seed`.
pub(crate) fn random_briefing(seed: u64, blocks: usize) -> Briefing {
    let mut random = Random(seed | 1);
    let body: Vec<Value> = (0..blocks)
        .map(|_| match random.below(5) {
            0 => json!({ "heading": words(&random.paragraph(), 5) }),
            1 => {
                let bullets: Vec<String> = (0..random.below(4) + 1)
                    .map(|_| random.paragraph())
                    .collect();
                match random.below(2) {
                    0 => json!({ "lead": random.paragraph(), "bullets": bullets }),
                    _ => json!({ "bullets": bullets }),
                }
            }
            _ => json!(random.paragraph()),
        })
        .collect();
    let quotes: Vec<Value> = (0..random.below(6))
        .map(|_| json!({ "text": random.paragraph(), "speaker": "a" }))
        .collect();
    let actors: Vec<Value> = (0..random.below(4))
        .map(|n| json!({ "id": format!("a{n}"), "name": random.paragraph() }))
        .collect();
    let document = json!({
        "headline": random.paragraph(),
        "summary": random.paragraph(),
        "body": body,
        "quotes": quotes,
        "actors": actors,
        "points": [random.paragraph(), random.paragraph()],
    });
    load(&document)
}

pub(crate) fn load(document: &Value) -> Briefing {
    match load_bytes(
        std::path::Path::new("lazy.json"),
        document.to_string().as_bytes(),
    ) {
        Ok(loaded) => loaded.briefing,
        Err(failure) => panic!("{failure}"),
    }
}

/// The seed article's paragraphs repeated to `bytes`, with a heading every ten and a
/// bullet list every twenty; the last paragraph ends with `last`.
pub(crate) fn long_briefing(bytes: usize, last: &str) -> Value {
    let lines: Vec<&str> = SEED.lines().filter(|l| !l.trim().is_empty()).collect();
    let (mut body, mut size) = (Vec::new(), 0);
    for (n, line) in lines.iter().cycle().enumerate() {
        if size >= bytes {
            break;
        }
        size += line.len();
        body.push(match n % 20 {
            0 => json!({ "heading": format!("{} ({n})", words(lines[0], 5)) }),
            10 => json!({ "lead": line, "bullets": [lines[(n + 1) % lines.len()], "12%"] }),
            _ => json!(line),
        });
    }
    body.push(json!(format!("{} {last}", lines[0])));
    json!({ "headline": lines[0], "language": "ar", "body": body })
}

/// The first `n` words of `text`.
fn words(text: &str, n: usize) -> String {
    text.split(' ').take(n).collect::<Vec<_>>().join(" ")
}

fn described(rows: &[Row]) -> Vec<String> {
    rows.iter().map(|row| format!("{row:?}")).collect()
}

/// What the pane shows: the rows in view, the selected item, and the scroll when it is a
/// row number laid out from the top (the tail's are estimated).
fn in_view(reader: &OpenBriefing, pane: PaneId, area: Rect) -> (Option<usize>, Vec<String>, usize) {
    let state = reader.pane(pane);
    let page = reader.page(pane, area);
    let scroll = state.view.scroll;
    let exact = scroll < state.text.rows.len() || state.text.tail_end().is_none();
    let rows: Vec<String> = state
        .text
        .rows_from(scroll)
        .take(page)
        .map(|row| format!("{row:?}"))
        .collect();
    (exact.then_some(scroll), rows, state.view.selected)
}

/// The moves the readers are driven through.
#[derive(Debug, Clone, Copy)]
enum Move {
    Down,
    Up,
    PageDown,
    PageUp,
    HalfDown,
    Top,
    Bottom,
    /// To a search match at the start of the body's field `n` (modulo their number).
    Find(usize),
}

fn apply(reader: &mut OpenBriefing, pane: PaneId, step: Move, area: Rect) {
    match step {
        Move::Down => reader.step(pane, 1, area),
        Move::Up => reader.step(pane, -1, area),
        Move::PageDown => reader.page_by(pane, Toward::End, Page::Full, area),
        Move::PageUp => reader.page_by(pane, Toward::Start, Page::Full, area),
        Move::HalfDown => reader.page_by(pane, Toward::End, Page::Half, area),
        Move::Top => reader.jump(pane, Toward::Start, area),
        Move::Bottom => reader.jump(pane, Toward::End, area),
        Move::Find(n) => {
            let fields = reader.pane(PaneId::Body).text.fields.len();
            let found = Match {
                pane: PaneId::Body,
                field: n % fields.max(1),
                range: 0..0,
            };
            show_match(reader, &found, area, Engine::default());
        }
    }
}

/// The reader as it opens (lazily laid out) and one with every pane laid out whole: each
/// move must leave both at the same scroll, showing the same rows, in every pane.
fn check_moves(briefing: &Briefing, area: Rect, moves: &[(PaneId, Move)]) {
    let engine = Engine::default();
    let mut lazy = OpenBriefing::open(briefing, 0, TextView::default());
    lazy.relayout(area, engine);
    let mut whole = lazy.clone();
    for pane in PaneId::ALL {
        let text = &mut whole.panes[pane].text;
        text.lay_out_all();
        let width = text.width.unwrap_or(1);
        assert_eq!(
            described(&text.rows),
            described(&layout_fields(&text.fields, width, engine))
        );
    }
    for (n, &(pane, step)) in moves.iter().enumerate() {
        apply(&mut lazy, pane, step, area);
        apply(&mut whole, pane, step, area);
        for shown in PaneId::ALL {
            let (lazy_scroll, lazy_rows, lazy_selected) = in_view(&lazy, shown, area);
            let (whole_scroll, whole_rows, whole_selected) = in_view(&whole, shown, area);
            let at = format!("{shown:?} after move {n}, {step:?} in {pane:?}, at {area:?}");
            let fields = |reader: &OpenBriefing| {
                let state = reader.pane(shown);
                let rows = state
                    .text
                    .rows_from(state.view.scroll)
                    .take(lazy_rows.len().max(1));
                rows.map(|row| row.field).collect::<Vec<_>>()
            };
            assert!(
                lazy_rows == whole_rows,
                "{at}: the fields of the rows shown, lazily {:?} and whole {:?}",
                fields(&lazy),
                fields(&whole)
            );
            assert_eq!(lazy_selected, whole_selected, "{at}");
            if lazy_scroll.is_some() {
                assert_eq!(lazy_scroll, whole_scroll, "{at}");
            }
        }
        assert_eq!(lazy.focus, whole.focus);
    }
    // Laid out the rest of the way, the lazy reader's numbers are the whole one's.
    for pane in PaneId::ALL {
        let state = &mut lazy.panes[pane];
        state.text.lay_out_all();
        state.settle();
        let (lazy, whole) = (&lazy.panes[pane], &whole.panes[pane]);
        assert_eq!(lazy.view, whole.view, "{pane:?} at {area:?}");
        assert_eq!(described(&lazy.text.rows), described(&whole.text.rows));
    }
}

/// Bottom, PageUp `pages` times, Top, then PageDown `pages` times, Bottom, PageUp
/// `pages` times, in the body.
fn paging(pages: usize) -> Vec<(PaneId, Move)> {
    let down = || std::iter::repeat_n((PaneId::Body, Move::PageDown), pages);
    let up = || std::iter::repeat_n((PaneId::Body, Move::PageUp), pages);
    std::iter::once((PaneId::Body, Move::Bottom))
        .chain(up())
        .chain([(PaneId::Body, Move::Top)])
        .chain(down())
        .chain([(PaneId::Body, Move::Bottom)])
        .chain(up())
        .collect()
}

#[test]
fn the_seed_shows_the_same_rows_laid_out_lazily_at_every_page() {
    let briefing = load(&long_briefing(SEED.len(), "end"));
    for (width, height) in [(120, 40), (80, 24), (40, 12)] {
        check_moves(&briefing, Rect::new(0, 0, width, height), &paging(40));
    }
}

#[test]
fn a_2_mb_briefing_shows_the_same_rows_laid_out_lazily_at_every_page() {
    let briefing = load(&long_briefing(2_000_000, "end"));
    let area = Rect::new(0, 0, 120, 40);
    let mut reader = OpenBriefing::open(&briefing, 0, TextView::default());
    reader.relayout(area, Engine::default());
    let body = &reader.pane(PaneId::Body).text;
    assert!(
        body.rows.len() < body.fields.len(),
        "the first screen laid out {} rows of {} fields",
        body.rows.len(),
        body.fields.len()
    );
    let mut end = reader.clone();
    end.jump(PaneId::Body, Toward::End, area);
    let body = &end.pane(PaneId::Body).text;
    assert!(
        !body.is_laid_out(),
        "G laid out the whole body, {} rows",
        body.rows.len()
    );
    check_moves(&briefing, area, &paging(150));
}

fn moves() -> impl Strategy<Value = Vec<(PaneId, Move)>> {
    let pane = prop::sample::select(PaneId::ALL.to_vec());
    let step = prop::sample::select(vec![
        Move::Down,
        Move::Up,
        Move::PageDown,
        Move::PageUp,
        Move::HalfDown,
        Move::Top,
        Move::Bottom,
    ]);
    let found = (0usize..1000).prop_map(|n| (PaneId::Body, Move::Find(n)));
    prop::collection::vec(prop_oneof![4 => (pane, step), 1 => found], 1..40)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Rows asked for in random amounts, a field or a row count at a time, from the top or
    /// from the end, are always the first and last rows of the whole layout, and all of
    /// them in the end.
    #[test]
    fn lazy_rows_are_the_whole_layouts_rows(
        seed in any::<u64>(),
        blocks in 1usize..400,
        width in 8usize..200,
        asks in prop::collection::vec((0u8..4, 0usize..600), 1..12),
    ) {
        let briefing = random_briefing(seed, blocks);
        let engine = Engine::default();
        for pane in [PaneId::Body, PaneId::Quotes] {
            let (fields, _) = view_fields(pane, &briefing, TextView::default(), None);
            let whole = described(&layout_fields(&fields, width, engine));
            let mut text = PaneText::new(fields);
            text.start_layout(width, engine);
            for &(how, n) in &asks {
                match how {
                    0 => text.lay_out_fields(n),
                    1 => text.lay_out_rows(n),
                    2 => text.lay_out_end(n / 10),
                    _ => text.lay_out_field(n),
                }
                let laid = described(&text.rows);
                prop_assert_eq!(&laid[..], &whole[..laid.len()]);
                let tail: Vec<Row> = text.laid_rows().skip(laid.len()).map(|(_, r)| r.clone()).collect();
                let tail = described(&tail);
                prop_assert_eq!(&tail[..], &whole[whole.len() - tail.len()..]);
            }
            text.lay_out_all();
            prop_assert_eq!(described(&text.rows), whole);
        }
    }

    /// The reader driven through random moves in random panes at a random size shows
    /// what the reader laid out whole shows.
    #[test]
    fn the_reader_laid_out_lazily_shows_what_it_shows_laid_out_whole(
        seed in any::<u64>(),
        blocks in 1usize..300,
        width in 20u16..200,
        height in 6u16..60,
        moves in moves(),
    ) {
        let briefing = random_briefing(seed, blocks);
        check_moves(&briefing, Rect::new(0, 0, width, height), &moves);
    }
}
