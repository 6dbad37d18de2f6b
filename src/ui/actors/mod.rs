//! The actor index screen: the library's actors merged across briefings (from the index,
//! read on a worker thread), most mentioned first, filtered by `/`; Enter lists an actor's
//! briefings and quotations in date order, and Enter there opens a briefing at what was said.

mod answer;
mod render;
mod update;
mod view;

pub use answer::{ActorAsk, ActorsRead, INDEX_BEING_BUILT, TimelineRead};
pub use update::ActorsGo;
pub use view::ActorsView;

#[cfg(test)]
mod tests;
