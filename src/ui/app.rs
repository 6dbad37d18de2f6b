use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget};

use super::Action;
use crate::briefing::Library;
use crate::text::{BidiMode, LayoutOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiOptions {
    pub bidi: BidiMode,
    pub shaping: bool,
    pub color: bool,
}

/// Side effects the runtime carries out after `update`, since they touch the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard through OSC 52.
    Copy(String),
    Suspend,
}

pub struct App {
    library: Library,
    options: UiOptions,
    opened: Option<PathBuf>,
    effects: Vec<Effect>,
    quit: bool,
}

impl App {
    /// `opened`: the briefing file the user named on the command line, shown first.
    pub fn new(library: Library, opened: Option<PathBuf>, options: UiOptions) -> Self {
        Self {
            library,
            options,
            opened,
            effects: Vec::new(),
            quit: false,
        }
    }

    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        match (key.code, key.modifiers) {
            (KeyCode::Char('q'), _) => Some(Action::Quit),
            (KeyCode::Char('c'), KeyModifiers::CONTROL) => Some(Action::Quit),
            (KeyCode::Char('z'), KeyModifiers::CONTROL) => Some(Action::Suspend),
            _ => None,
        }
    }

    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Resize { .. } => {}
        }
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    fn layout_options(&self, width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            mode: self.options.bidi,
            shaping: self.options.shaping,
            ..LayoutOptions::default()
        }
    }
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let _ = (self.layout_options(area.width.into()), &self.opened);
        let count = self.library.briefings.len();
        Paragraph::new(format!("brief: {count} briefings")).render(area, buf);
    }
}
