use std::path::PathBuf;

use serde::Deserialize;

use super::actors::{ActorsRead, TimelineRead};
use super::library::{MarkRead, MarksRead};
use super::loading::{Batch, FileRead, Found, Listed};
use crate::briefing::Loaded;

/// Declares `Action` with its bindable variants listed once, each with the description the
/// help screen and docs/KEYS.md show: `BINDABLE` and `describe` are derived from that list.
macro_rules! actions {
    (
        bindable { $( $(#[doc = $doc:literal])* $name:ident => $describe:literal, )* }
        other { $($other:tt)* }
    ) => {
        /// Everything that can change the reader's state. Keys map to the unit variants
        /// through the key table (their snake_case names are what keys.toml binds); the other
        /// variants come from the runtime (resize, the library loading in the background),
        /// the mouse, or typing into a prompt. Not `Copy`: a batch of loaded briefings moves
        /// in by value.
        #[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( $(#[doc = $doc])* $name, )*
            $($other)*
        }

        impl Action {
            /// The actions a key can be bound to. The help screen lists them in the order of
            /// the built-in key table, keys.toml.
            pub const BINDABLE: &'static [Action] = &[$(Action::$name),*];

            /// What the action does, for the help screen; empty for actions no key is bound to.
            pub fn describe(&self) -> &'static str {
                match self {
                    $(Action::$name => $describe,)*
                    _ => "",
                }
            }
        }
    };
}

/// Where a cursor key takes the prompt's insertion point, in the text's logical order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CursorMove {
    /// One grapheme towards the start of the text (Left).
    Back,
    /// One grapheme towards the end of the text (Right).
    Forward,
    /// The start (Home).
    Start,
    /// The end (End).
    End,
}

actions! {
    bindable {
        Quit => "quit",
        /// Ctrl-Z: the runtime suspends to the shell and redraws on resume.
        Suspend => "suspend to the shell (fg resumes)",
        /// Ctrl-L: clear the screen and draw it whole (after line noise, or a message that
        /// another program wrote over it).
        Redraw => "clear and redraw the screen",
        Help => "show or hide this help",
        /// `A`: the actors across the library, and what each said when.
        ActorIndex => "the actor index: who is quoted, and what each said when",
        Back => "back: clear filter, search, zoom; then the library",
        Select => "open; on an actor: filter quotes; on a quote: find it",
        FocusNext => "focus the next pane",
        FocusPrev => "focus the previous pane",
        FocusHeadline => "focus the headline pane",
        FocusBody => "focus the body pane",
        FocusQuotes => "focus the quotes pane",
        FocusPoints => "focus the points pane",
        FocusActors => "focus the actors pane",
        Down => "scroll down / next item",
        Up => "scroll up / previous item",
        PageDown => "page down",
        PageUp => "page up",
        HalfPageDown => "half a page down",
        HalfPageUp => "half a page up",
        Top => "go to the top",
        Bottom => "go to the bottom",
        PrevBriefing => "previous briefing",
        NextBriefing => "next briefing",
        CopyQuote => "copy what the pane is about (quote, actor, citation, paragraph)",
        /// `Y`: the open briefing whole, as Markdown (docs/EXPORT.md), through OSC 52.
        CopyBriefing => "copy the open briefing as Markdown",
        /// `E`: the open briefing as Markdown, to a new file in the current directory.
        ExportBriefing => "write the open briefing as Markdown to a file here",
        Zoom => "zoom the focused pane to the whole screen",
        Warnings => "the briefing's load warnings, in the library's detail pane",
        /// `t`: the briefing's text, its translation, or both, in turn.
        CycleTranslation => "show the original, its translation, or both side by side",
        /// `T`: with several translations, which one `t` shows.
        NextTranslation => "choose the next translation",
        SearchStart => "search the briefing; in the library: search them all (docs/QUERY.md)",
        SearchNext => "next match",
        SearchPrev => "previous match",
        /// `o` in the library: results newest first, or best match first.
        SearchOrder => "library search: newest first / by relevance",
        /// `r`, `f`, `a`, `u`: the review marks, kept in the review state (docs/CONFIG.md).
        ToggleReviewed => "mark reviewed, or not reviewed",
        ToggleFlagged => "flag, or unflag",
        EditNote => "write your note on the briefing (empty removes it)",
        NextNew => "open the next new (never opened) briefing",
    }
    other {
        #[serde(skip)]
        Resize {
            width: u16,
            height: u16,
        },
        /// Wheel scrolling over whatever pane is at this cell.
        #[serde(skip)]
        Wheel {
            column: u16,
            row: u16,
            down: bool,
        },
        #[serde(skip)]
        SearchInput(char),
        #[serde(skip)]
        SearchBackspace,
        /// Arrow keys, Home and End in the prompt: the cursor moves through the logical
        /// text, whatever order its letters are drawn in.
        #[serde(skip)]
        SearchCursor(CursorMove),
        /// Up and Down in the search prompt: an earlier query of the session, or back
        /// towards what was being typed.
        #[serde(skip)]
        SearchRecall { earlier: bool },
        #[serde(skip)]
        SearchSubmit,
        #[serde(skip)]
        SearchCancel,
        /// The background load found this many files (and folders it could not read) to load.
        #[serde(skip)]
        LibraryFound(usize),
        /// More of the library has loaded.
        #[serde(skip)]
        LibraryLoaded(Batch),
        /// The library's first screen came from its index, which counts this many in all;
        /// `None` once the rest is in.
        #[serde(skip)]
        LibraryListing(Option<Listed>),
        /// The background load has finished.
        #[serde(skip)]
        LibraryDone,
        /// Files in the library folder arrived, changed or went while the reader was open
        /// (the live library): `gone` lists the changed ones too.
        #[serde(skip)]
        LibraryChanged(Batch),
        /// The library came from its index and the files are being checked against it:
        /// `done` of `total` changed files read (`None` while the folder is walked).
        #[serde(skip)]
        LibraryChecking { done: usize, total: Option<usize> },
        /// One line about the library's loading for the status line (the index could not be
        /// used, and why).
        #[serde(skip)]
        LibraryNotice(String),
        /// What reading a briefing's file gave, as `Effect::Read` asked.
        #[serde(skip)]
        FileRead(Box<FileRead>),
        /// The head of the long file named on the command line (`briefing::load_head`):
        /// shown until its whole arrives in a batch that lists it again.
        #[serde(skip)]
        HeadRead(Box<Loaded>),
        /// What the library search found so far (`Effect::Search`).
        #[serde(skip)]
        Found(Found),
        /// The actors, as the index gave them (`Effect::Actors`).
        #[serde(skip)]
        ActorsRead(ActorsRead),
        /// An actor's timeline, as the index gave it (`Effect::Actors`).
        #[serde(skip)]
        TimelineRead(TimelineRead),
        /// The review marks, as the runtime read them from the state.
        #[serde(skip)]
        MarksRead(Box<MarksRead>),
        /// One briefing's marks, read back after the runtime wrote them (`Effect::Mark`).
        #[serde(skip)]
        MarkRead(Box<MarkRead>),
        /// The review state cannot be used: marks are off, for this reason.
        #[serde(skip)]
        MarksOff(String),
        /// What writing an export gave (`Effect::Export`): the file written, or why not.
        #[serde(skip)]
        Exported(Result<PathBuf, String>),
        /// The first frame is on the screen: the layout it left out follows
        /// (`App::first_screens_first`).
        #[serde(skip)]
        FirstFrameDrawn,
    }
}
