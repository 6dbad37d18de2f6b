use std::path::{Path, PathBuf};

use crossterm::event::{KeyEvent, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use crate::briefing::{Library, LibraryEntry, Loaded};
use crate::ui::Action;
use crate::ui::actors::{ActorAsk, ActorsView};
use crate::ui::content::Engine;
use crate::ui::help::Help;
use crate::ui::keys::{KeySetup, KeyTable};
use crate::ui::library::{LibraryView, MarkWrite};
use crate::ui::loading::SearchAsk;
use crate::ui::outcome::{Context, Go, Outcome};
use crate::ui::prompt::{self, Prompt};
use crate::ui::reader::BriefingScreen;
use crate::ui::theme::Theme;

mod actors;
mod hand_on;
mod head;
mod live;
mod loading;
mod marks;
#[cfg(test)]
mod marks_testing;
mod opening;
mod reads;
mod render;
mod scroll_region;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_first_frame;
#[cfg(test)]
mod tests_hand_on;
#[cfg(test)]
mod tests_head;
#[cfg(test)]
mod tests_idle_keys;
#[cfg(test)]
mod tests_live;
#[cfg(test)]
mod tests_loading;
#[cfg(test)]
mod tests_marks;
#[cfg(test)]
mod tests_paging;
#[cfg(test)]
mod tests_reading;
#[cfg(test)]
mod tests_status;

pub use actors::{actor_answer, answer_actor_asks};
pub use hand_on::{COPY_LIMIT, Export};
pub use marks::NOTE_LABEL;
pub use reads::{read_asked, settle_asked};

/// How the reader draws: the layout engine's settings, and whether the theme uses color.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiOptions {
    pub engine: Engine,
    pub color: bool,
}

/// Side effects the runtime carries out after `update`, since they touch the terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Search the library (or stop searching, with no query) and send what is found as
    /// `Action::Found`, in batches as it comes.
    Search(SearchAsk),
    /// Read this briefing file and send what it gave back as `Action::FileRead`: opening a
    /// briefing reads its file, so a file changed on disk is never shown stale.
    Read(PathBuf),
    /// Read the library's index for the actor screen and send what it gave as
    /// `Action::ActorsRead` or `Action::TimelineRead`.
    Actors(ActorAsk),
    /// Write this change to the review state, and send that briefing's marks back as
    /// `Action::MarkRead`.
    Mark(MarkWrite),
    /// Read the review marks again and send them as `Action::MarksRead`.
    ReadMarks,
    /// Put this text on the clipboard through OSC 52.
    Copy(String),
    /// Write an export to a new file in the current directory and send back what that gave
    /// as `Action::Exported`.
    Export(Export),
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
    /// The actor index (its list, or one actor's timeline).
    Actors,
}

/// The reader: routes each action to the screen it is for (the library, the open
/// briefing, the help over them), and carries out what the screen's update asks for.
pub struct App {
    library: Library,
    engine: Engine,
    theme: Theme,
    keys: KeyTable,
    area: Rect,
    screen: Screen,
    help: Help,
    library_view: LibraryView,
    briefing: BriefingScreen,
    actors: ActorsView,
    /// The screen the actor index was opened from: Esc goes back there.
    actors_from: Screen,
    /// The briefing open was opened from the actor index: Esc goes back there.
    from_actors: bool,
    /// The quotation to show in the briefing being read, opened from an actor's timeline.
    open_quote: Option<usize>,
    /// The briefing open on the briefing screen, as read from its file.
    open: Option<Loaded>,
    /// The file asked for to open (`Effect::Read`), until what reading it gave arrives.
    reading: Option<PathBuf>,
    /// The open briefing's file, read again because it changed: it takes the place of
    /// what is shown, keeping the panes where they were (`live.rs`).
    reload: Option<PathBuf>,
    /// What the last action did, for the status line; cleared by the next key.
    message: Option<String>,
    /// The file named on the command line, while a background load has yet to deliver it.
    opening: Option<PathBuf>,
    /// The file whose head is shown, until its whole parse takes its place (`head.rs`).
    head: Option<PathBuf>,
    /// The note being written (`a`), while its prompt is open.
    note: Option<marks::NoteEditor>,
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
            engine: options.engine,
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
            briefing: BriefingScreen::default(),
            actors: ActorsView::default(),
            actors_from: Screen::Library,
            from_actors: false,
            open_quote: None,
            open: None,
            reading: None,
            reload: None,
            opening: None,
            head: None,
            note: None,
            effects: Vec::new(),
            quit: false,
        };
        app.library_view.plain_symbols(!options.color);
        app.library_view
            .relayout(&app.library, app.area, app.engine);
        if let Some(path) = opened {
            app.open_path(&path);
        }
        app
    }

    fn open_path(&mut self, path: &Path) {
        let Some(index) = entry_of(&self.library, path) else {
            return;
        };
        self.library_view
            .select(&self.library, index, self.area, self.engine);
        if let Some(LibraryEntry::Listed(_)) = self.library.entry(index) {
            self.read_to_open(index);
        }
    }

    /// The action a key event means. The runtime passes presses and repeats only.
    pub fn action_for_key(&self, key: KeyEvent) -> Option<Action> {
        if self.prompt().is_some() {
            return prompt::action_for_key(key);
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
        if let Action::LibraryFound(_)
        | Action::LibraryLoaded(_)
        | Action::LibraryListing(_)
        | Action::LibraryDone
        | Action::LibraryChecking { .. }
        | Action::LibraryNotice(_)
        | Action::FileRead(_)
        | Action::HeadRead(_)
        | Action::Found(_) = action
        {
            self.update_loading(action);
            self.ask_search();
            return;
        }
        if let Action::MarksRead(_) | Action::MarkRead(_) | Action::MarksOff(_) = action {
            self.receive_marks(action);
            return;
        }
        if let Action::ActorsRead(_) | Action::TimelineRead(_) = action {
            self.receive_actors(action);
            return;
        }
        if let Action::LibraryChanged(batch) = action {
            self.live_change(batch);
            self.ask_search();
            return;
        }
        if let Action::Exported(written) = action {
            self.exported(written);
            return;
        }
        if action == Action::FirstFrameDrawn {
            self.briefing.first_frame_drawn();
            return;
        }
        if !matches!(
            action,
            Action::Resize { .. }
                | Action::SearchInput(_)
                | Action::SearchBackspace
                | Action::SearchCursor(_)
                | Action::SearchRecall { .. }
        ) {
            self.message = None;
        }
        if self.help.is_open() && self.help.update(&action, self.area) {
            return;
        }
        let before = self.focused_scroll();
        self.dispatch(action);
        self.note_scroll(before);
        self.ask_search();
    }

    /// Passes on what the library's search asks of the runtime's search worker.
    fn ask_search(&mut self) {
        if let Some(ask) = self.library_view.take_ask() {
            self.effects.push(Effect::Search(ask));
        }
    }

    fn dispatch(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Redraw => {
                self.effects.push(Effect::Redraw);
                self.reread_marks();
            }
            Action::Resize { width, height } => self.resize(width, height),
            _ if self.note.is_some() => self.update_marks(action),
            Action::Help => self.help.open(self.area, &self.keys),
            Action::ActorIndex => self.open_actors(),
            Action::ToggleReviewed | Action::ToggleFlagged | Action::EditNote | Action::NextNew
                if self.screen != Screen::Actors && self.prompt().is_none() =>
            {
                self.update_marks(action);
            }
            Action::CopyBriefing | Action::ExportBriefing => self.hand_on(&action),
            _ if self.screen == Screen::Actors => self.update_actors(action),
            _ => {
                let cx = Context {
                    library: &self.library,
                    open: self.open.as_ref(),
                    area: self.area,
                    engine: self.engine,
                };
                let typing = matches!(action, Action::SearchInput(_) | Action::SearchBackspace);
                let outcome = match self.screen {
                    Screen::Library => self.library_view.update(action, cx),
                    Screen::Briefing | Screen::Actors => self.briefing.update(action, cx),
                };
                // A query typed in the library that reads again clears what was wrong.
                if typing && self.screen == Screen::Library && outcome.message.is_none() {
                    self.message = None;
                }
                self.carry_out(outcome);
            }
        }
    }

    /// What a screen's update asked for: a message, a copy, another screen.
    fn carry_out(&mut self, outcome: Outcome) {
        if let Some(message) = outcome.message {
            self.message = Some(message);
        }
        if let Some(text) = outcome.copy {
            self.copy(text);
        }
        match outcome.go {
            None => {}
            Some(Go::Open(index)) => self.read_to_open(index),
            Some(Go::Library) if self.from_actors => {
                self.from_actors = false;
                self.screen = Screen::Actors;
            }
            Some(Go::Library) => {
                self.screen = Screen::Library;
                self.briefing.leave();
                self.open = None;
                self.reread_marks();
            }
            Some(Go::Warnings) => {
                self.screen = Screen::Library;
                self.briefing.leave();
                self.library_view.focus_detail(self.area);
            }
            Some(Go::Neighbour { from, forward }) => {
                match self.library_view.neighbour(&self.library, from, forward) {
                    Some(next) => self.read_to_open(next),
                    None => {
                        let end = if forward { "last" } else { "first" };
                        self.message = Some(format!("this is the {end} briefing"));
                    }
                }
            }
        }
    }

    /// The `/` prompt of the screen shown, while it is open.
    fn prompt(&self) -> Option<&Prompt> {
        if self.note.is_some() {
            return self.note_prompt();
        }
        match self.screen {
            Screen::Library => self.library_view.prompt(),
            Screen::Briefing => self.briefing.prompt(),
            Screen::Actors => self.actors.prompt(),
        }
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
        self.briefing.relayout(self.area, self.engine);
    }

    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The terminal size everything is laid out for.
    pub fn area(&self) -> Rect {
        self.area
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn screen(&self) -> Screen {
        self.screen
    }

    /// The briefing open on the briefing screen: as its file was read, or its head.
    pub fn shown_briefing(&self) -> Option<&crate::briefing::Briefing> {
        let open = self
            .open
            .as_ref()
            .filter(|_| self.screen == Screen::Briefing);
        open.map(|loaded| &loaded.briefing)
    }

    /// The status line's message, for tests and the runtime's logs.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

/// The library entry loaded from `path`. The path as typed usually matches; resolving
/// every path is the slow fallback.
fn entry_of(library: &Library, path: &Path) -> Option<usize> {
    let paths = library.entries().map(LibraryEntry::path);
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let wanted = canonical(path);
    let found = paths.clone().position(|p| p == path);
    found.or_else(|| paths.clone().position(|p| canonical(p) == wanted))
}
