//! The one-line editor behind `/`, for the briefing search and the library filter alike:
//! what is typed, where the insertion point is in it, and that text laid out for the
//! status line with the cell the cursor is drawn on.

mod cursor;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use unicode_segmentation::GraphemeCursor;

use super::action::{Action, CursorMove};
use super::content::{DirectionRule, Engine, FieldKind, Row, options};
use super::layout::prompt_text_area;
use crate::text::{BidiMode, layout_with_levels, sanitize};

#[derive(Debug, Clone, Default)]
pub struct Prompt {
    text: String,
    /// The insertion point: a byte offset of `text`, at a grapheme boundary.
    cursor: usize,
    /// The line of the text that holds the insertion point, laid out for the status line
    /// in visual order.
    row: Option<Row>,
    /// The cell of `row`, from its left end, where a letter typed now appears.
    cursor_cell: usize,
    /// The earlier query shown (0: the last one), and what was typed before recalling it.
    recalled: Option<(usize, String)>,
}

/// What an action did to the prompt, for the screen that owns it to give the text a meaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptEvent {
    /// The prompt opened, or its text changed.
    Changed,
    /// Enter: the prompt closed on this text.
    Submitted(String),
    /// Esc or Ctrl-C: the prompt closed.
    Cancelled,
    /// The insertion point moved; the text is as it was.
    Moved,
}

impl Prompt {
    /// A prompt holding `text`, the insertion point at its end, laid out for a screen
    /// `width` cells wide.
    fn new(text: String, width: u16, engine: Engine) -> Self {
        let mut prompt = Self {
            cursor: text.len(),
            text,
            ..Self::default()
        };
        prompt.lay_out(width, engine);
        prompt
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn row(&self) -> Option<&Row> {
        self.row.as_ref()
    }

    /// The insertion point, a byte offset of `text()`.
    #[cfg(test)]
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The cell of `row()`, from its left end, where the cursor is drawn: where the next
    /// letter typed appears, after the letter before the insertion point in that letter's
    /// reading direction.
    pub fn cursor_cell(&self) -> usize {
        self.cursor_cell
    }

    /// What `action` does to the prompt in `slot`: `/` opens one holding `start` (the
    /// library's filter in use, so that `/` again edits it); typing, Backspace and Enter act
    /// on the prompt open, and do nothing when none is; a cancel is one whether or not a
    /// prompt is open, since it drops what the text was used for too. `None` when nothing
    /// happened.
    pub fn update(
        slot: &mut Option<Prompt>,
        action: &Action,
        start: &str,
        width: u16,
        engine: Engine,
    ) -> Option<PromptEvent> {
        match action {
            Action::SearchStart => {
                *slot = Some(Prompt::new(start.to_owned(), width, engine));
                Some(PromptEvent::Changed)
            }
            Action::SearchInput(c) => {
                let prompt = slot.as_mut()?;
                prompt.text.insert(prompt.cursor, *c);
                prompt.cursor += c.len_utf8();
                prompt.lay_out(width, engine);
                Some(PromptEvent::Changed)
            }
            Action::SearchBackspace => {
                let prompt = slot.as_mut()?;
                let before = prompt.text[..prompt.cursor].chars().next_back()?;
                prompt.cursor -= before.len_utf8();
                prompt.text.remove(prompt.cursor);
                prompt.lay_out(width, engine);
                Some(PromptEvent::Changed)
            }
            Action::SearchCursor(to) => {
                let prompt = slot.as_mut()?;
                prompt.cursor = prompt.moved(*to);
                prompt.lay_out(width, engine);
                Some(PromptEvent::Moved)
            }
            Action::SearchSubmit => slot.take().map(|p| PromptEvent::Submitted(p.text)),
            Action::SearchCancel => {
                *slot = None;
                Some(PromptEvent::Cancelled)
            }
            _ => None,
        }
    }

    /// Up (`earlier`) and Down at the prompt: the query `history` holds one step further
    /// back (oldest first in `history`), or one step forward, down to what was typed
    /// before the first Up. `None` when there is no prompt or nothing further.
    pub fn recall(
        slot: &mut Option<Prompt>,
        earlier: bool,
        history: &[String],
        width: u16,
        engine: Engine,
    ) -> Option<PromptEvent> {
        let prompt = slot.as_mut()?;
        let (at, draft) = match (prompt.recalled.take(), earlier) {
            (None, true) if !history.is_empty() => (0, prompt.text.clone()),
            (Some((at, draft)), true) if at + 1 < history.len() => (at + 1, draft),
            (Some((0, draft)), false) => {
                prompt.set_text(draft, width, engine);
                return Some(PromptEvent::Changed);
            }
            (Some((at, draft)), false) => (at - 1, draft),
            (kept, _) => {
                prompt.recalled = kept;
                return None;
            }
        };
        let text = history.get(history.len() - 1 - at)?.clone();
        prompt.set_text(text, width, engine);
        prompt.recalled = Some((at, draft));
        Some(PromptEvent::Changed)
    }

    fn set_text(&mut self, text: String, width: u16, engine: Engine) {
        self.cursor = text.len();
        self.text = text;
        self.lay_out(width, engine);
    }

    /// Where `to` takes the insertion point: grapheme by grapheme through the logical text.
    fn moved(&self, to: CursorMove) -> usize {
        let mut graphemes = GraphemeCursor::new(self.cursor, self.text.len(), true);
        let step = match to {
            CursorMove::Start => return 0,
            CursorMove::End => return self.text.len(),
            CursorMove::Back => graphemes.prev_boundary(&self.text, 0),
            CursorMove::Forward => graphemes.next_boundary(&self.text, 0),
        };
        step.ok().flatten().unwrap_or(self.cursor)
    }

    /// The line of the text at the status line's width that holds the insertion point, and
    /// the cell the cursor goes on. The line sits left in the prompt whatever its
    /// direction. In logical order (`--bidi terminal`) the terminal places the letters, so
    /// the cursor follows the letters as they are sent.
    fn lay_out(&mut self, width: u16, engine: Engine) {
        let width = usize::from(prompt_text_area(Rect::new(0, 0, width, 1)).width).max(1);
        let options = options(width, DirectionRule::auto(), engine);
        let sanitized = sanitize(&self.text).text;
        let at = cursor::sanitized_offset(&self.text, self.cursor, &sanitized);
        let lines = layout_with_levels(&sanitized, &options);
        let placed = cursor::place(lines, at, engine.mode == BidiMode::App);
        self.cursor_cell = placed.as_ref().map_or(0, |(_, cell)| *cell);
        self.row = placed.map(|(mut line, _)| {
            line.rtl = false;
            Row::notice(line, FieldKind::Notice)
        });
    }
}

/// What a key means while the prompt is open: keys type into it rather than going through
/// the key table.
pub fn action_for_key(key: KeyEvent) -> Option<Action> {
    match (key.code, key.modifiers) {
        (KeyCode::Char('c'), KeyModifiers::CONTROL) => Some(Action::SearchCancel),
        (KeyCode::Char('z'), KeyModifiers::CONTROL) => Some(Action::Suspend),
        (KeyCode::Char('l'), KeyModifiers::CONTROL) => Some(Action::Redraw),
        (KeyCode::Char(_), m) if m.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => None,
        (KeyCode::Char(c), _) => Some(Action::SearchInput(c)),
        (KeyCode::Backspace, _) => Some(Action::SearchBackspace),
        (KeyCode::Left, _) => Some(Action::SearchCursor(CursorMove::Back)),
        (KeyCode::Right, _) => Some(Action::SearchCursor(CursorMove::Forward)),
        (KeyCode::Home, _) => Some(Action::SearchCursor(CursorMove::Start)),
        (KeyCode::Up, _) => Some(Action::SearchRecall { earlier: true }),
        (KeyCode::Down, _) => Some(Action::SearchRecall { earlier: false }),
        (KeyCode::End, _) => Some(Action::SearchCursor(CursorMove::End)),
        (KeyCode::Enter, _) => Some(Action::SearchSubmit),
        (KeyCode::Esc, _) => Some(Action::SearchCancel),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
