//! What actions do on the actor screen: moving, the `/` filter, Enter into an actor's
//! timeline and from it into a briefing, Esc back one step.

use std::path::PathBuf;

use super::answer::ActorAsk;
use super::view::{ActorsView, Timeline, TimelineRow};
use crate::ui::action::Action;
use crate::ui::layout::{WHEEL_STEP, half_page};
use crate::ui::outcome::Context;
use crate::ui::prompt::{Prompt, PromptEvent};

/// What an action on the actor screen asks of the app.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorsOutcome {
    pub message: Option<String>,
    /// A read of the index for the runtime.
    pub ask: Option<ActorAsk>,
    pub go: Option<ActorsGo>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorsGo {
    /// Back to the screen the actor index was opened from.
    Back,
    /// Open this briefing file, at quotation `quote` (its index in the briefing's quotes).
    Open { path: PathBuf, quote: Option<usize> },
}

impl ActorsOutcome {
    fn saying(message: impl Into<String>) -> Self {
        Self {
            message: Some(message.into()),
            ..Self::default()
        }
    }
}

impl ActorsView {
    /// Opens the screen on the actor list, asking the index for it.
    pub fn open(&mut self) -> ActorAsk {
        self.reset();
        ActorAsk::List
    }

    pub fn update(&mut self, action: Action, cx: Context<'_>) -> ActorsOutcome {
        let position = self.position();
        let page = self.page(cx.area.height);
        let target = match action {
            Action::Down => position.saturating_add(1),
            Action::Up => position.saturating_sub(1),
            Action::PageDown => position.saturating_add(page),
            Action::PageUp => position.saturating_sub(page),
            Action::HalfPageDown => position.saturating_add(half_page(page)),
            Action::HalfPageUp => position.saturating_sub(half_page(page)),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            Action::Wheel { down: true, .. } => position.saturating_add(WHEEL_STEP),
            Action::Wheel { down: false, .. } => position.saturating_sub(WHEEL_STEP),
            Action::Select => return self.select(),
            Action::Back => return self.back(),
            Action::SearchStart
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchCursor(_)
            | Action::SearchSubmit
            | Action::SearchCancel
                if !self.in_timeline() =>
            {
                self.update_filter(&action, cx);
                return ActorsOutcome::default();
            }
            _ => return ActorsOutcome::default(),
        };
        self.set_position(target);
        ActorsOutcome::default()
    }

    /// Rows a page moves: the list's height inside its border, less the header.
    fn page(&self, height: u16) -> usize {
        usize::from(height.saturating_sub(4)).max(1)
    }

    fn select(&mut self) -> ActorsOutcome {
        match &self.timeline {
            Some(timeline) => open_row(timeline),
            None => {
                let Some(actor) = self.selected_actor().cloned() else {
                    return ActorsOutcome::default();
                };
                self.generation += 1;
                self.timeline = Some(Timeline {
                    actor: actor.clone(),
                    entries: None,
                    rows: Vec::new(),
                    selected: 0,
                });
                ActorsOutcome {
                    ask: Some(ActorAsk::Timeline {
                        actor: Box::new(actor),
                        generation: self.generation,
                    }),
                    ..ActorsOutcome::default()
                }
            }
        }
    }

    /// Esc: the timeline back to the list, then the filter cleared, then the screen left.
    fn back(&mut self) -> ActorsOutcome {
        if self.timeline.take().is_some() {
            return ActorsOutcome::default();
        }
        if !self.filter.is_empty() {
            self.set_filter("");
            return ActorsOutcome::default();
        }
        ActorsOutcome {
            go: Some(ActorsGo::Back),
            ..ActorsOutcome::default()
        }
    }

    /// The prompt filters as it is typed; Enter keeps the filter, Esc drops it.
    fn update_filter(&mut self, action: &Action, cx: Context<'_>) {
        let start = self.prompt.as_ref().map_or("", Prompt::text).to_owned();
        let event = Prompt::update(&mut self.prompt, action, &start, cx.area.width, cx.engine);
        match event {
            Some(PromptEvent::Changed) => {
                let text = self.prompt.as_ref().map_or("", Prompt::text).to_owned();
                self.set_filter(&text);
            }
            Some(PromptEvent::Submitted(text)) => self.set_filter(&text),
            Some(PromptEvent::Cancelled) => self.set_filter(""),
            Some(PromptEvent::Moved) | None => {}
        }
    }
}

/// Enter on a timeline row: its briefing, at the quotation when it is one.
fn open_row(timeline: &Timeline) -> ActorsOutcome {
    let Some(Ok(entries)) = &timeline.entries else {
        return ActorsOutcome::default();
    };
    let Some(&row) = timeline.rows.get(timeline.selected) else {
        return ActorsOutcome::saying("no briefing mentions this actor any more");
    };
    let (entry, quote) = match row {
        TimelineRow::Briefing(entry) => (entry, None),
        TimelineRow::Quote(entry, at) => {
            let quote = entries.get(entry).and_then(|e| e.quotes.get(at));
            (entry, quote.map(|(index, _)| *index))
        }
    };
    match entries.get(entry) {
        Some(entry) => ActorsOutcome {
            go: Some(ActorsGo::Open {
                path: entry.path.clone(),
                quote,
            }),
            ..ActorsOutcome::default()
        },
        None => ActorsOutcome::default(),
    }
}
