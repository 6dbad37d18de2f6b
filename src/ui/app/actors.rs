//! Routing to the actor index: `A` opens it from any screen and asks the runtime to read
//! the index (`Effect::Actors`); what the index gives arrives as `Action::ActorsRead` and
//! `Action::TimelineRead`; Enter on a timeline row reads its briefing to open it there.

use super::{App, Effect, Screen, entry_of};
use crate::briefing::LibraryEntry;
use crate::briefing::index::Index;
use crate::ui::Action;
use crate::ui::actors::{ActorAsk, ActorsGo, TimelineRead};
use crate::ui::outcome::Context;

impl App {
    pub(super) fn open_actors(&mut self) {
        if self.screen != Screen::Actors {
            self.actors_from = self.screen;
        }
        self.screen = Screen::Actors;
        let ask = self.actors.open();
        self.effects.push(Effect::Actors(ask));
    }

    pub(super) fn update_actors(&mut self, action: Action) {
        let cx = Context {
            library: &self.library,
            open: self.open.as_ref(),
            area: self.area,
            engine: self.engine,
        };
        let outcome = self.actors.update(action, cx);
        if let Some(message) = outcome.message {
            self.message = Some(message);
        }
        if let Some(ask) = outcome.ask {
            self.effects.push(Effect::Actors(ask));
        }
        match outcome.go {
            None => {}
            Some(ActorsGo::Back) => self.screen = self.actors_from,
            Some(ActorsGo::Open { path, quote }) => match entry_of(&self.library, &path) {
                Some(index)
                    if matches!(self.library.entry(index), Some(LibraryEntry::Listed(_))) =>
                {
                    self.open_quote = quote;
                    self.read_to_open(index);
                }
                _ => {
                    let path = path.display();
                    self.message = Some(format!("{path}: not in the library as loaded"));
                }
            },
        }
    }

    /// What the index gave for the actor screen.
    pub(super) fn receive_actors(&mut self, action: Action) {
        match action {
            Action::ActorsRead(read) => self.actors.receive_actors(read),
            Action::TimelineRead(read) => self.actors.receive_timeline(read),
            _ => {}
        }
    }

    /// The reads of the index asked for so far (`Effect::Actors`), taken from the effects.
    pub fn take_actor_asks(&mut self) -> Vec<ActorAsk> {
        let mut asks = Vec::new();
        self.effects.retain(|effect| match effect {
            Effect::Actors(ask) => {
                asks.push(ask.clone());
                false
            }
            _ => true,
        });
        asks
    }

    /// Whether the actor screen shows an actor's timeline.
    pub fn actors_in_timeline(&self) -> bool {
        self.actors.in_timeline()
    }
}

#[cfg(test)]
impl App {
    pub(crate) fn actors_view(&self) -> &crate::ui::actors::ActorsView {
        &self.actors
    }
}

/// Answers the actor screen's reads from `index` on this thread, as the runtime's worker
/// does (with no index: why not, in one line): for tests and benches.
pub fn answer_actor_asks(app: &mut App, index: Result<&Index, &str>) {
    for ask in app.take_actor_asks() {
        app.update(actor_answer(&ask, index));
    }
}

/// What `index` gives for `ask`, as the action that brings it to the app.
pub fn actor_answer(ask: &ActorAsk, index: Result<&Index, &str>) -> Action {
    match ask {
        ActorAsk::List => Action::ActorsRead(match index {
            Ok(index) => index.actors().map_err(|e| e.to_string()),
            Err(why) => Err(why.to_owned()),
        }),
        ActorAsk::Timeline { actor, generation } => Action::TimelineRead(TimelineRead {
            generation: *generation,
            entries: match index {
                Ok(index) => index.timeline(actor).map_err(|e| e.to_string()),
                Err(why) => Err(why.to_owned()),
            },
        }),
    }
}
