use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::Action;
use super::content::Engine;
use super::keys::{KeyFileError, KeySetup, KeyTable};
use super::library::LibraryView;
use super::reader::Reader;
use super::search::Search;
use super::theme::Theme;
use crate::briefing::Library;
use crate::text::BidiMode;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Library,
    Briefing,
}

pub struct App {
    pub(super) library: Library,
    pub(super) engine: Engine,
    pub(super) theme: Theme,
    pub(super) keys: KeyTable,
    pub(super) key_problem: Option<KeyFileError>,
    /// Where the user's key file is looked for, for the help screen.
    pub(super) key_file: Option<PathBuf>,
    pub(super) area: Rect,
    pub(super) screen: Screen,
    /// The help screen's scroll position while it is shown.
    pub(super) help: Option<usize>,
    pub(super) library_view: LibraryView,
    pub(super) reader: Option<Reader>,
    pub(super) search: Search,
    /// What the last action did, for the status line; cleared by the next key.
    pub(super) message: Option<String>,
    /// The file named on the command line, while a background load has yet to deliver it.
    pub(super) opening: Option<PathBuf>,
    effects: Vec<Effect>,
    quit: bool,
}

impl App {
    /// `opened`: the briefing file the user named on the command line, shown first.
    /// `area`: the terminal's size, so that everything is laid out once, at that size,
    /// before the first frame. Nothing here reads files or the environment: the runtime
    /// finds the keys.
    pub fn new(
        library: Library,
        opened: Option<PathBuf>,
        options: UiOptions,
        keys: KeySetup,
        area: Rect,
    ) -> Self {
        let library_view = LibraryView::new(&library);
        let mut app = Self {
            library,
            engine: Engine {
                mode: options.bidi,
                shaping: options.shaping,
            },
            theme: Theme::new(options.color),
            keys: keys.table,
            message: keys
                .problem
                .as_ref()
                .map(|p| format!("key file ignored: {p}")),
            key_problem: keys.problem,
            key_file: keys.file,
            area,
            screen: Screen::Library,
            help: None,
            library_view,
            reader: None,
            opening: None,
            search: Search::default(),
            effects: Vec::new(),
            quit: false,
        };
        app.library_view
            .relayout(&app.library, app.area, app.engine);
        if let Some(path) = opened {
            app.open_path(&path);
        }
        app
    }

    fn open_path(&mut self, path: &Path) {
        let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
        let wanted = canonical(path);
        let same = |p: &Path| canonical(p) == wanted;
        let briefings = self
            .library
            .briefings
            .iter()
            .map(|l| l.briefing.path.as_path());
        let failures = self.library.failures.iter().map(|f| f.path.as_path());
        let paths: Vec<&Path> = briefings.chain(failures).collect();
        // The path as typed usually matches; resolving every path is the slow fallback.
        let found = paths.iter().position(|p| *p == path);
        if let Some(index) = found.or_else(|| paths.iter().position(|p| same(p))) {
            self.library_view
                .select(&self.library, index, self.area, self.engine);
            if index < self.library.briefings.len() {
                self.open_briefing(index);
            }
        }
    }

    /// The action a key event means. The runtime passes presses and repeats only.
    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        if self.search.prompt.is_some() {
            return prompt_action(key);
        }
        self.keys.action_for(key)
    }

    pub fn action_for_mouse(&self, mouse: MouseEvent) -> Option<Action> {
        let down = match mouse.kind {
            MouseEventKind::ScrollDown => true,
            MouseEventKind::ScrollUp => false,
            _ => return None,
        };
        Some(Action::Wheel {
            column: mouse.column,
            row: mouse.row,
            down,
        })
    }

    pub fn update(&mut self, action: Action) {
        // The library arriving is not the user doing something: it keeps the message, and
        // goes in under the help screen too.
        if let Action::LibraryFound(_) | Action::LibraryLoaded(_) | Action::LibraryDone = action {
            self.update_loading(action);
            return;
        }
        if !matches!(
            action,
            Action::Resize { .. } | Action::SearchInput(_) | Action::SearchBackspace
        ) {
            self.message = None;
        }
        if self.help.is_some() && self.update_help(&action) {
            return;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Help => self.help = Some(0),
            _ => match self.screen {
                Screen::Library => self.update_library(action),
                Screen::Briefing => self.update_briefing(action),
            },
        }
    }

    /// Keys while the help screen shows; `false` lets the action through (quit, resize).
    fn update_help(&mut self, action: &Action) -> bool {
        let lines = super::help::line_count(self);
        let page = usize::from(self.area.height.saturating_sub(3)).max(1);
        let max = lines.saturating_sub(page);
        let Some(scroll) = self.help.as_mut() else {
            return false;
        };
        match action {
            Action::Help | Action::Back => self.help = None,
            Action::Down => *scroll = (*scroll + 1).min(max),
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll = (*scroll + page).min(max),
            Action::PageUp => *scroll = scroll.saturating_sub(page),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = max,
            Action::Quit | Action::Suspend | Action::Resize { .. } => return false,
            _ => {}
        }
        true
    }

    fn resize(&mut self, width: u16, height: u16) {
        let area = Rect::new(0, 0, width, height);
        // The size the app was built with, or a resume with the window unchanged: all is
        // laid out for it already.
        if area == self.area {
            return;
        }
        self.area = area;
        self.library_view
            .relayout(&self.library, self.area, self.engine);
        if let Some(reader) = self.reader.as_mut() {
            reader.relayout(self.area, self.engine);
        }
    }

    fn update_library(&mut self, action: Action) {
        let selected = self.library_view.selected;
        let page = LibraryView::page(self.area);
        let entries = LibraryView::entries(&self.library);
        let last = entries.saturating_sub(1);
        let target = match action {
            Action::Down => selected.saturating_add(1),
            Action::Up => selected.saturating_sub(1),
            Action::PageDown => selected.saturating_add(page),
            Action::PageUp => selected.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Wheel { down: true, .. } => selected.saturating_add(3),
            Action::Wheel { down: false, .. } => selected.saturating_sub(3),
            Action::Select if selected < self.library.briefings.len() => {
                self.open_briefing(selected);
                return;
            }
            Action::Select if entries == 0 => return,
            Action::Select => {
                self.message = Some("this file failed to load: its error is shown below".into());
                return;
            }
            Action::SearchStart => {
                self.message = Some("open a briefing (Enter) to search in it".into());
                return;
            }
            _ => return,
        };
        self.library_view
            .select(&self.library, target, self.area, self.engine);
        // Entries still arriving keep the selection on the one chosen, except the top: there
        // the newest stays selected, as at the start.
        self.library_view.moved = entries > 0 && !matches!(action, Action::Top);
    }

    pub(super) fn open_briefing(&mut self, index: usize) {
        let Some(loaded) = self.library.briefings.get(index) else {
            return;
        };
        let mut reader = Reader::open(&loaded.briefing, index);
        if let Some(previous) = &self.reader {
            reader.focus = previous.focus;
            reader.zoom = previous.zoom;
        }
        reader.relayout(self.area, self.engine);
        self.reader = Some(reader);
        self.screen = Screen::Briefing;
        self.library_view
            .select(&self.library, index, self.area, self.engine);
        self.library_view.moved = true;
        self.search.prompt = None;
        self.refresh_search();
    }

    pub(super) fn back_to_library(&mut self) {
        self.screen = Screen::Library;
        self.search.clear();
    }

    pub(super) fn set_message(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }

    pub(super) fn copy(&mut self, text: String) {
        self.effects.push(Effect::Copy(text));
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The status line's message, for tests and the runtime's logs.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

/// While the search prompt is open, keys type into it rather than going through the table.
fn prompt_action(key: KeyEvent) -> Option<Action> {
    match (key.code, key.modifiers) {
        (KeyCode::Char('c'), KeyModifiers::CONTROL) => Some(Action::SearchCancel),
        (KeyCode::Char('z'), KeyModifiers::CONTROL) => Some(Action::Suspend),
        (KeyCode::Char(_), m) if m.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => None,
        (KeyCode::Char(c), _) => Some(Action::SearchInput(c)),
        (KeyCode::Backspace, _) => Some(Action::SearchBackspace),
        (KeyCode::Enter, _) => Some(Action::SearchSubmit),
        (KeyCode::Esc, _) => Some(Action::SearchCancel),
        _ => None,
    }
}
