//! The help screen, generated from the key table that dispatches keys.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Widget};

use super::app::App;
use super::keys::{KeyFileError, KeyTable};

/// The keys column is as wide as the longest list of keys, within these bounds: a user's
/// file may bind many keys to one action, and the description must still show.
const KEYS_WIDTH: std::ops::RangeInclusive<usize> = 16..=28;

/// One line per bindable action: its keys, then what it does.
pub fn key_lines(keys: &KeyTable) -> Vec<String> {
    let rows: Vec<(String, &str)> = keys
        .bindings()
        .map(|(action, bound)| {
            let names: Vec<String> = bound.iter().map(ToString::to_string).collect();
            let names = if names.is_empty() {
                "(unbound)".to_string()
            } else {
                names.join(" ")
            };
            (names, action.describe())
        })
        .collect();
    let longest = rows.iter().map(|(names, _)| names.chars().count()).max();
    let width = longest
        .unwrap_or(0)
        .clamp(*KEYS_WIDTH.start(), *KEYS_WIDTH.end());
    rows.into_iter()
        .map(|(names, describe)| format!("{names:<width$} {describe}"))
        .collect()
}

/// The help screen's text: a problem with the user's key file, the keys, how searching
/// works, and where keys can be rebound (`key_file`).
pub fn lines(
    keys: &KeyTable,
    key_problem: Option<&KeyFileError>,
    key_file: Option<&Path>,
) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(problem) = key_problem {
        lines.push(format!("Key file ignored, defaults in use: {problem}"));
        lines.push(String::new());
    }
    lines.extend(key_lines(keys));
    lines.push(String::new());
    lines.push("At the / prompt: type to search, Backspace, Enter goes to the first".into());
    lines.push("match, Esc cancels. Matching ignores case, Arabic vowel marks and".into());
    lines.push("tatweel, and reads the hamza forms of alef as plain alef.".into());
    lines.push("In the library, / keeps the briefings whose headline, summary, date,".into());
    lines.push("classification, language, tags, place, source, actors or file name".into());
    lines.push("hold every word typed.".into());
    lines.push(match key_file {
        Some(file) => format!(
            "Keys can be rebound in {} (action = [keys]).",
            file.display()
        ),
        None => "Built-in keys: no config folder was found to hold a keys.toml.".into(),
    });
    lines
}

pub fn line_count(app: &App) -> usize {
    app.help_lines.len()
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(
            " Help: keys (? or Esc closes) ",
            theme.title_focused,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let all = &app.help_lines;
    let total = all.len();
    for (line, y) in all.iter().skip(scroll).zip(inner.y..inner.bottom()) {
        // Only our own text and key names here, all left to right: plain drawing is right.
        buf.set_stringn(
            inner.x,
            y,
            line,
            usize::from(inner.width),
            ratatui::style::Style::new(),
        );
    }
    if total > usize::from(inner.height) {
        let position = format!(" {}/{} ", scroll + 1, total);
        buf.set_string(
            area.right().saturating_sub(position.len() as u16 + 1),
            area.bottom().saturating_sub(1),
            position,
            theme.title,
        );
    }
}
