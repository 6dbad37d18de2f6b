use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::briefing::Library;
use crate::text::BidiMode;
use crate::ui::Action;
use crate::ui::content::Engine;
use crate::ui::help::Help;
use crate::ui::keys::{KeySetup, KeyTable};
use crate::ui::layout::too_small;
use crate::ui::library::LibraryView;
use crate::ui::panes::PaneId;
use crate::ui::reader::Reader;
use crate::ui::search::Search;
use crate::ui::theme::Theme;

mod loading;
mod render;

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
    /// Clear the screen and draw the next frame whole.
    Redraw,
    /// The zoomed pane scrolled by `lines` (positive: the text moved up, toward its end)
    /// and nothing else moved: screen rows `top..bottom` (0-based, end exclusive, the
    /// pane's inner rows) may be shifted by the terminal itself (DECSTBM, SU/SD), so the
    /// frame after it only writes the rows that came into view. Always
    /// `0 < |lines| < bottom - top`; several in a row are merged into one.
    ScrollRegion {
        top: u16,
        bottom: u16,
        lines: i16,
    },
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
    pub(super) area: Rect,
    pub(super) screen: Screen,
    pub(super) help: Help,
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
            message: keys
                .problem
                .as_ref()
                .map(|p| format!("key file ignored: {p}")),
            help: Help::new(&keys),
            keys: keys.table,
            area,
            screen: Screen::Library,
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
        if self.help.is_open() && self.help.update(&action, self.area.height) {
            return;
        }
        let before = self.zoomed_scroll();
        self.dispatch(action);
        self.note_scroll(before);
    }

    fn dispatch(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Redraw => self.effects.push(Effect::Redraw),
            Action::Resize { width, height } => self.resize(width, height),
            Action::Help => self.help.open(),
            _ => match self.screen {
                Screen::Library => self.update_library(action),
                Screen::Briefing => self.update_briefing(action),
            },
        }
    }

    /// The zoomed pane's inner rect, which pane and briefing it shows, and its scroll: what
    /// must stay the same, all but the scroll, for a scroll to be the terminal's to do.
    fn zoomed_scroll(&self) -> Option<(Rect, PaneId, usize, usize)> {
        if self.screen != Screen::Briefing || self.help.is_open() || too_small(self.area) {
            return None;
        }
        let reader = self.reader.as_ref().filter(|r| r.zoom)?;
        let pane = reader.focus;
        let rect = reader.rects(self.area)[pane.index()]?;
        // The rows `PaneFrame` draws text in: inside the border.
        let inner = Rect {
            x: rect.x.saturating_add(1),
            y: rect.y.saturating_add(1),
            width: rect.width.saturating_sub(2),
            height: rect.height.saturating_sub(2),
        };
        Some((inner, pane, reader.index, reader.views[pane.index()].scroll))
    }

    /// Records a `ScrollRegion` when the action only scrolled the zoomed pane by fewer
    /// rows than it shows; drops pending ones when the pane was laid out anew, since the
    /// whole pane is written then anyway.
    fn note_scroll(&mut self, before: Option<(Rect, PaneId, usize, usize)>) {
        let after = self.zoomed_scroll();
        let same_pane = |a: &(Rect, PaneId, usize, usize), b: &(Rect, PaneId, usize, usize)| {
            (a.0, a.1, a.2) == (b.0, b.1, b.2)
        };
        let (Some(before), Some(after)) = (before, after) else {
            if before.is_some() || after.is_some() {
                self.drop_scrolls();
            }
            return;
        };
        if !same_pane(&before, &after) {
            self.drop_scrolls();
            return;
        }
        let (inner, delta) = (after.0, after.3.abs_diff(before.3));
        if delta == 0 {
            return;
        }
        let Ok(delta) = i32::try_from(delta) else {
            self.drop_scrolls();
            return;
        };
        let delta = if after.3 > before.3 { delta } else { -delta };
        let (top, bottom) = (inner.y, inner.bottom());
        let pending = match self.effects.last() {
            Some(&Effect::ScrollRegion {
                top: t,
                bottom: b,
                lines,
            }) if (t, b) == (top, bottom) => {
                self.effects.pop();
                i32::from(lines)
            }
            _ => 0,
        };
        let lines = pending.saturating_add(delta);
        // A shift of the whole pane or more leaves nothing to keep: the frame writes it all.
        if lines == 0 || lines.unsigned_abs() >= u32::from(inner.height) {
            return;
        }
        if let Ok(lines) = i16::try_from(lines) {
            self.effects
                .push(Effect::ScrollRegion { top, bottom, lines });
        }
    }

    fn drop_scrolls(&mut self) {
        self.effects
            .retain(|e| !matches!(e, Effect::ScrollRegion { .. }));
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
            .choose(&self.library, index, self.area, self.engine);
        self.search.prompt = None;
        self.search.prompt_row = None;
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
mod scroll_tests {
    use std::path::Path;

    use super::*;
    use crate::briefing::{LoadOptions, load_path};

    /// The Arabic seed briefing open at 120×40, the body focused.
    fn seed_app() -> App {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/libya-ohchr-geneva.json");
        let library = load_path(&path, &LoadOptions::default());
        let options = UiOptions {
            bidi: BidiMode::App,
            shaping: true,
            color: false,
        };
        let area = Rect::new(0, 0, 120, 40);
        App::new(library, Some(path), options, KeySetup::defaults(), area)
    }

    fn scrolls(app: &mut App) -> Vec<Effect> {
        app.take_effects()
            .into_iter()
            .filter(|e| matches!(e, Effect::ScrollRegion { .. }))
            .collect()
    }

    /// The body's inner rows at 120×40 zoomed: below the top border, above the bottom
    /// border and the status line.
    fn region(lines: i16) -> Vec<Effect> {
        vec![Effect::ScrollRegion {
            top: 1,
            bottom: 38,
            lines,
        }]
    }

    #[test]
    fn only_a_small_scroll_of_the_zoomed_pane_is_left_to_the_terminal() {
        let mut app = seed_app();
        assert_eq!(app.screen(), Screen::Briefing);
        app.update(Action::Down);
        assert_eq!(
            scrolls(&mut app),
            [],
            "not zoomed: the body is not full width"
        );
        app.update(Action::Zoom);
        assert_eq!(scrolls(&mut app), [], "zooming lays the pane out anew");
        app.update(Action::Down);
        assert_eq!(scrolls(&mut app), region(1));
        // Keys that arrive before one frame make one shift.
        for _ in 0..3 {
            app.update(Action::Down);
        }
        assert_eq!(scrolls(&mut app), region(3));
        app.update(Action::Up);
        assert_eq!(scrolls(&mut app), region(-1));
        app.update(Action::Down);
        app.update(Action::Up);
        assert_eq!(scrolls(&mut app), [], "there and back: nothing moved");
        // A whole page moves every row: nothing on screen to keep. (Less than a page, near
        // the end of the text, is a shift like any other.)
        let scroll = |app: &App| app.reader.as_ref().map_or(0, |r| r.views[1].scroll);
        app.update(Action::Top);
        let _ = scrolls(&mut app);
        app.update(Action::PageDown);
        let moved = scroll(&app);
        let expected = if moved >= 37 {
            vec![]
        } else {
            region(moved as i16)
        };
        assert!(moved > 0, "the seed's body is longer than a page");
        assert_eq!(scrolls(&mut app), expected);
        app.update(Action::Down);
        app.update(Action::Zoom);
        assert_eq!(
            scrolls(&mut app),
            [],
            "unzoomed before the frame: a normal draw"
        );
        app.update(Action::Zoom);
        app.update(Action::Top);
        let _ = scrolls(&mut app);
        app.update(Action::Up);
        assert_eq!(scrolls(&mut app), [], "at the top already");
        app.update(Action::Down);
        app.update(Action::Resize {
            width: 100,
            height: 30,
        });
        assert_eq!(scrolls(&mut app), [], "a resize redraws everything");
    }
}
