//! The one-line editor behind `/`, for the briefing search and the library filter alike:
//! what is typed, and that text laid out for the status line.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::content::{DirectionRule, Engine, FieldKind, Row, options};
use crate::text::{layout, sanitize};

#[derive(Debug, Clone, Default)]
pub struct Prompt {
    text: String,
    /// The text laid out for the status line: visual order, its end in view.
    row: Option<Row>,
}

impl Prompt {
    /// A prompt holding `text` (the filter in use, when `/` is pressed again), laid out for
    /// a screen `width` cells wide.
    pub fn new(text: String, width: u16, engine: Engine) -> Self {
        let mut prompt = Self { text, row: None };
        prompt.lay_out(width, engine);
        prompt
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn row(&self) -> Option<&Row> {
        self.row.as_ref()
    }

    /// Typing and Backspace; other actions leave the text alone. Returns whether the
    /// action was an edit.
    pub fn edit(&mut self, action: &Action, width: u16, engine: Engine) -> bool {
        match action {
            Action::SearchInput(c) => self.text.push(*c),
            Action::SearchBackspace => {
                self.text.pop();
            }
            _ => return false,
        }
        self.lay_out(width, engine);
        true
    }

    /// The last line of the text at the status line's width: it holds the end of what is
    /// being typed, and sits left in the prompt whatever its direction.
    fn lay_out(&mut self, width: u16, engine: Engine) {
        let width = usize::from(width.saturating_sub(2)).max(1);
        let options = options(width, DirectionRule::auto(), engine);
        let line = layout(&sanitize(&self.text).text, &options).pop();
        self.row = line.map(|mut line| {
            line.rtl = false;
            Row {
                field: None,
                kind: FieldKind::Notice,
                item: None,
                line,
                bullet: false,
            }
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
        (KeyCode::Enter, _) => Some(Action::SearchSubmit),
        (KeyCode::Esc, _) => Some(Action::SearchCancel),
        _ => None,
    }
}
