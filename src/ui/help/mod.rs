//! The help screen, generated from the key table that dispatches keys: its text, its scroll
//! position while shown, what keys do to it, and how it is drawn.

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::ui::action::Action;
use crate::ui::border::Border;
use crate::ui::count::thousands;
use crate::ui::keys::{KeyBinding, KeyFileError, KeySetup, KeyTable};
use crate::ui::layout::{half_page, inner_height, split_status};
use crate::ui::theme::Theme;

#[cfg(test)]
mod keys_doc;
mod wrap;

use wrap::{Entry, wrap};

/// The keys column is as wide as the longest list of keys, within these bounds: a user's
/// file may bind many keys to one action, and the description must still show.
const KEYS_WIDTH: std::ops::RangeInclusive<usize> = 16..=28;

/// How the `/` prompt works, on the help screen and in docs/KEYS.md.
pub const PROMPT_HELP: &[&str] = &[
    "At the / prompt: type to search, Backspace, Enter goes to the first",
    "match, Esc cancels. Matching ignores case, vowel marks, tatweel,",
    "alef forms, ta marbuta and punctuation (docs/QUERY.md, Matching).",
    "In the library, / reads what is typed as a query (docs/QUERY.md),",
    "searched in every field of every briefing; each briefing found shows",
    "the text around its match.",
    "Left, Right, Home and End move the prompt's cursor through the text",
    "in the order it was typed; it stands where the next letter goes. Up",
    "and Down recall the session's earlier searches; Esc at a search goes",
    "back to the search in use before /.",
];

/// One line per bindable action: its keys, then what it does.
#[cfg(test)]
pub fn key_lines(keys: &KeyTable) -> Vec<String> {
    key_entries(keys)
        .into_iter()
        .map(|entry| entry.text)
        .collect()
}

/// `key_lines` with the column their descriptions start at.
fn key_entries(keys: &KeyTable) -> Vec<Entry> {
    let rows: Vec<(String, &str)> = keys
        .bindings()
        .map(|(action, bound)| (key_list(bound, ToString::to_string), action.describe()))
        .collect();
    let longest = rows.iter().map(|(names, _)| names.chars().count()).max();
    let width = longest
        .unwrap_or(0)
        .clamp(*KEYS_WIDTH.start(), *KEYS_WIDTH.end());
    rows.into_iter()
        .map(|(names, describe)| Entry {
            text: format!("{names:<width$} {describe}"),
            indent: width + 1,
        })
        .collect()
}

/// The keys bound to an action, each written by `name`, for the help screen and
/// docs/KEYS.md alike.
fn key_list(bound: &[KeyBinding], name: impl Fn(&KeyBinding) -> String) -> String {
    if bound.is_empty() {
        "(unbound)".to_string()
    } else {
        bound.iter().map(name).collect::<Vec<_>>().join(" ")
    }
}

/// The help screen's text: a problem with the user's key file, the keys, how searching
/// works, and where keys can be rebound (`key_file`).
fn lines(
    keys: &KeyTable,
    key_problem: Option<&KeyFileError>,
    key_file: Option<&Path>,
) -> Vec<Entry> {
    let mut lines = Vec::new();
    if let Some(problem) = key_problem {
        lines.push(Entry::prose(format!(
            "Key file ignored, defaults in use: {problem}"
        )));
        lines.push(Entry::prose(""));
    }
    lines.extend(key_entries(keys));
    lines.push(Entry::prose(""));
    // One paragraph, wrapped at the pane's width.
    lines.push(Entry::prose(PROMPT_HELP.join(" ")));
    lines.push(Entry::prose(
        "y and Y send the text through the terminal (OSC 52); in tmux it reaches the clipboard \
         with `set -g set-clipboard on`.",
    ));
    lines.push(Entry::prose(match key_file {
        Some(file) => format!(
            "Keys can be rebound in {} (action = [keys]).",
            file.display()
        ),
        None => "Built-in keys: no config folder was found to hold a keys.toml.".into(),
    }));
    lines
}

/// The help screen: its text is made the first time it is opened (no start pays for it),
/// once, since the key table does not change while running.
#[derive(Debug, Clone, Default)]
pub struct Help {
    /// Where the user's key file is, and why it was not used, for the text.
    key_file: Option<std::path::PathBuf>,
    key_problem: Option<KeyFileError>,
    entries: Vec<Entry>,
    /// `entries` wrapped at the pane's width when the help was opened or resized.
    lines: Vec<String>,
    /// The scroll position while the help is shown.
    scroll: Option<usize>,
}

impl Help {
    pub fn new(keys: &KeySetup) -> Self {
        Self {
            key_file: keys.file.clone(),
            key_problem: keys.problem.clone(),
            entries: Vec::new(),
            lines: Vec::new(),
            scroll: None,
        }
    }

    /// Opens the help at its top, wrapped for the screen `screen`, with the keys of `keys`.
    pub fn open(&mut self, screen: Rect, keys: &KeyTable) {
        if self.entries.is_empty() {
            let (problem, file) = (self.key_problem.as_ref(), self.key_file.as_deref());
            self.entries = lines(keys, problem, file);
        }
        self.scroll = Some(0);
        self.wrap(screen);
    }

    /// The lines at the width of the pane on `screen`.
    fn wrap(&mut self, screen: Rect) {
        let width = usize::from(Border::inner(pane(screen)).width);
        self.lines = wrap(&self.entries, width);
    }

    pub fn is_open(&self) -> bool {
        self.scroll.is_some()
    }

    /// The first line shown, while open.
    #[cfg(test)]
    pub fn scroll(&self) -> Option<usize> {
        self.scroll
    }

    /// Its lines of text, once opened.
    #[cfg(test)]
    pub fn line_count(&self) -> usize {
        self.entries.len()
    }

    /// Keys while the help screen shows on the screen `screen`; `false` lets the action
    /// through (quit, resize).
    pub fn update(&mut self, action: &Action, screen: Rect) -> bool {
        if let Action::Resize { width, height } = action {
            self.wrap(Rect::new(0, 0, *width, *height));
        }
        let page = inner_height(pane(screen)).max(1);
        let max = self.lines.len().saturating_sub(page);
        let Some(scroll) = self.scroll.as_mut() else {
            return false;
        };
        match action {
            Action::Help | Action::Back => self.scroll = None,
            Action::Down => *scroll = (*scroll + 1).min(max),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = (*scroll + page).min(max),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::HalfPageDown => *scroll = (*scroll + half_page(page)).min(max),
            Action::HalfPageUp => *scroll = scroll.saturating_sub(half_page(page)),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = max,
            Action::Resize { .. } => {
                *scroll = (*scroll).min(max);
                return false;
            }
            Action::Quit | Action::Suspend | Action::Redraw => return false,
            _ => {}
        }
        true
    }

    /// Draws the help over the screen `screen`, above its status line.
    pub fn render(&self, theme: &Theme, screen: Rect, buf: &mut Buffer) {
        let area = pane(screen);
        let scroll = self.scroll.unwrap_or(0);
        let inner = Border::inner(area);
        Border::new(Line::styled(
            " Help: keys (? or Esc closes) ",
            theme.title_focused,
        ))
        .style(theme.border_focused)
        .render(area, buf);
        let all = &self.lines;
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
            let last = (scroll + usize::from(inner.height)).min(total);
            let position = format!(
                " {}-{}/{} ",
                thousands(scroll + 1),
                thousands(last),
                thousands(total)
            );
            buf.set_string(
                area.right().saturating_sub(position.len() as u16 + 1),
                area.bottom().saturating_sub(1),
                position,
                theme.title,
            );
        }
    }
}

/// Where the help is drawn on the screen `screen`: a bordered pane above the status line.
fn pane(screen: Rect) -> Rect {
    split_status(screen).0
}
