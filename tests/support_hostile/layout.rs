//! Layout checks on the parsed screen: the boxes drawn, whether their sides are straight,
//! and the text inside each.

const TOP_LEFT: &[&str] = &["┌", "╭", "┏", "╔"];
const TOP_RIGHT: &[&str] = &["┐", "╮", "┓", "╗"];
const BOTTOM_LEFT: &[&str] = &["└", "╰", "┗", "╚"];
const BOTTOM_RIGHT: &[&str] = &["┘", "╯", "┛", "╝"];
const VERTICAL: &[&str] = &["│", "┃", "║"];
const LEFT_TEE: &[&str] = &["├", "┣", "╠", "┝", "┠"];
const RIGHT_TEE: &[&str] = &["┤", "┫", "╣", "┥", "┨"];

/// Boxes drawn on the screen, as (top, left, bottom, right), and every place where a box's
/// side is broken: a row whose text pushed the right border out of its column (a grapheme
/// wider on screen than the layout measured), or a row that overflowed into the border.
/// A box on screen: top row, left column, bottom row, right column.
pub type Box4 = (u16, u16, u16, u16);

pub fn boxes_and_faults(screen: &vt100::Screen) -> (Vec<Box4>, Vec<String>) {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let at = |r: u16, c: u16| {
        screen
            .cell(r, c)
            .map(|cell| cell.contents().to_owned())
            .unwrap_or_default()
    };
    let mut boxes = Vec::new();
    let mut faults = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if !TOP_LEFT.contains(&at(r, c).as_str()) {
                continue;
            }
            // The top edge runs right to the first top-right corner (a title may sit on it).
            let Some(right) = (c + 1..cols).find(|&x| TOP_RIGHT.contains(&at(r, x).as_str()))
            else {
                faults.push(format!(
                    "box at row {r} col {c}: no top-right corner on its row"
                ));
                continue;
            };
            let mut bottom = None;
            for y in r + 1..rows {
                let (left_cell, right_cell) = (at(y, c), at(y, right));
                let left_end = BOTTOM_LEFT.contains(&left_cell.as_str());
                let right_end = BOTTOM_RIGHT.contains(&right_cell.as_str());
                if left_end && right_end {
                    bottom = Some(y);
                    break;
                }
                let left_ok = VERTICAL.contains(&left_cell.as_str())
                    || LEFT_TEE.contains(&left_cell.as_str());
                let right_ok = VERTICAL.contains(&right_cell.as_str())
                    || RIGHT_TEE.contains(&right_cell.as_str());
                if !left_ok || !right_ok || left_end != right_end {
                    faults.push(format!(
                        "box at row {r} cols {c}..{right}: row {y} has {left_cell:?} at col {c} and {right_cell:?} at col {right}: {:?}",
                        screen.rows(0, cols).nth(y as usize).unwrap_or_default()
                    ));
                    break;
                }
            }
            if let Some(bottom) = bottom {
                boxes.push((r, c, bottom, right));
            }
        }
    }
    (boxes, faults)
}

/// Asserts the screen holds at least one box and every box is closed and straight.
pub fn assert_layout_holds(screen: &vt100::Screen, what: &str) {
    let (boxes, faults) = boxes_and_faults(screen);
    let shown = screen.contents();
    assert!(
        faults.is_empty(),
        "{what}: layout broken: {faults:#?}\n--- screen ---\n{shown}"
    );
    assert!(
        !boxes.is_empty(),
        "{what}: no pane border on screen\n--- screen ---\n{shown}"
    );
}

/// The text inside each box, by the box's title (the text on its top edge, borders and
/// padding trimmed): what each pane shows.
pub fn pane_texts(screen: &vt100::Screen) -> Vec<(String, String)> {
    let (boxes, _) = boxes_and_faults(screen);
    let cols = screen.size().1.get();
    let row_text = |r: u16, from: u16, to: u16| -> String {
        (from..to)
            .filter_map(|c| screen.cell(r, c))
            .filter(|cell| !cell.is_wide_continuation())
            .map(|cell| match cell.contents() {
                "" => " ".to_owned(),
                s => s.to_owned(),
            })
            .collect()
    };
    boxes
        .into_iter()
        .map(|(top, left, bottom, right)| {
            let title: String = row_text(top, left + 1, right.min(cols))
                .trim_matches(|c: char| c == ' ' || ('\u{2500}'..='\u{257f}').contains(&c))
                .to_owned();
            let body = (top + 1..bottom)
                .map(|r| row_text(r, left + 1, right))
                .collect::<Vec<_>>()
                .join("\n");
            (title, body)
        })
        .collect()
}
