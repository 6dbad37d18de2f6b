//! The one-line editor behind `/`, for the briefing search and the library filter alike:
//! what is typed, and that text laid out for the status line.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use super::action::Action;
use super::content::{DirectionRule, Engine, FieldKind, Row, options};
use super::layout::prompt_text_area;
use crate::text::{layout, sanitize};

#[derive(Debug, Clone, Default)]
pub struct Prompt {
    text: String,
    /// The text laid out for the status line: visual order, its end in view.
    row: Option<Row>,
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
}

impl Prompt {
    /// A prompt holding `text`, laid out for a screen `width` cells wide.
    fn new(text: String, width: u16, engine: Engine) -> Self {
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
                prompt.text.push(*c);
                prompt.lay_out(width, engine);
                Some(PromptEvent::Changed)
            }
            Action::SearchBackspace => {
                let prompt = slot.as_mut()?;
                prompt.text.pop();
                prompt.lay_out(width, engine);
                Some(PromptEvent::Changed)
            }
            Action::SearchSubmit => slot.take().map(|p| PromptEvent::Submitted(p.text)),
            Action::SearchCancel => {
                *slot = None;
                Some(PromptEvent::Cancelled)
            }
            _ => None,
        }
    }

    /// The last line of the text at the status line's width: it holds the end of what is
    /// being typed, and sits left in the prompt whatever its direction.
    fn lay_out(&mut self, width: u16, engine: Engine) {
        let width = usize::from(prompt_text_area(Rect::new(0, 0, width, 1)).width).max(1);
        let options = options(width, DirectionRule::auto(), engine);
        let line = layout(&sanitize(&self.text).text, &options).pop();
        self.row = line.map(|mut line| {
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
        (KeyCode::Enter, _) => Some(Action::SearchSubmit),
        (KeyCode::Esc, _) => Some(Action::SearchCancel),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(slot: &mut Option<Prompt>, action: Action) -> Option<PromptEvent> {
        let engine = Engine {
            mode: crate::text::BidiMode::App,
            shaping: true,
        };
        Prompt::update(slot, &action, "in use", 40, engine)
    }

    #[test]
    fn the_prompt_opens_on_the_text_in_use_and_reports_each_edit() {
        let mut slot = None;
        assert_eq!(
            update(&mut slot, Action::SearchStart),
            Some(PromptEvent::Changed)
        );
        assert_eq!(slot.as_ref().map(Prompt::text), Some("in use"));
        assert_eq!(
            update(&mut slot, Action::SearchInput('!')),
            Some(PromptEvent::Changed)
        );
        assert_eq!(
            update(&mut slot, Action::SearchBackspace),
            Some(PromptEvent::Changed)
        );
        assert_eq!(
            update(&mut slot, Action::SearchBackspace),
            Some(PromptEvent::Changed)
        );
        assert_eq!(slot.as_ref().map(Prompt::text), Some("in us"));
        assert_eq!(update(&mut slot, Action::Down), None, "not the prompt's");
        assert_eq!(
            update(&mut slot, Action::SearchSubmit),
            Some(PromptEvent::Submitted("in us".into()))
        );
        assert!(slot.is_none());
        update(&mut slot, Action::SearchStart);
        assert_eq!(
            update(&mut slot, Action::SearchCancel),
            Some(PromptEvent::Cancelled)
        );
        assert!(slot.is_none());
    }

    #[test]
    fn without_an_open_prompt_typing_and_enter_do_nothing() {
        let mut slot = None;
        for action in [
            Action::SearchInput('x'),
            Action::SearchBackspace,
            Action::SearchSubmit,
        ] {
            assert_eq!(update(&mut slot, action), None);
            assert!(slot.is_none());
        }
        assert_eq!(
            update(&mut slot, Action::SearchCancel),
            Some(PromptEvent::Cancelled)
        );
    }
}
