//! Terminal events in, the app's actions out.

use std::time::Duration;

use brief::briefing::LoadOptions;
use brief::ui::{App, read_asked};
use crossterm::event::{self, Event};

use super::act::apply;
use super::waiting::WaitingKeys;
use super::wake::{Wake, Woken};

/// While the library loads: how long to wait for a terminal event before looking for
/// batches again.
pub const LOADING_POLL: Duration = Duration::from_millis(10);

/// Feeds the next terminal events to the app; true if a frame is due. Blocks until one
/// comes or `wake` is woken (the folder watcher sent something), with no timer, unless
/// `limit` says how long to wait at most (while the library loads or a search runs, so
/// that arriving batches go in; while a paced frame waits for the link). A file an event
/// asks to read (to open a briefing) is read before the next event, which may be meant
/// for that briefing.
pub fn take_events(
    app: &mut App,
    limit: Option<Duration>,
    wake: &Wake,
    (load, waiting): (&LoadOptions, &mut WaitingKeys),
) -> anyhow::Result<bool> {
    match limit {
        Some(limit) if !event::poll(limit)? => return Ok(false),
        Some(_) => {}
        // crossterm may hold events it has read already: the terminal has nothing more.
        None if event::poll(Duration::ZERO)? => {}
        // Woken for the threads' sake (or by a resize, which crossterm has as an event).
        None if wake.wait()? == Woken::Other && !event::poll(Duration::ZERO)? => {
            return Ok(false);
        }
        None => {}
    }
    let mut events = vec![event::read()?];
    // Take whatever else is already waiting (a paste, a resize storm) before drawing
    // once: a zero timeout never blocks.
    while event::poll(Duration::ZERO)? {
        events.push(event::read()?);
    }
    let mut dirty = false;
    for event in last_size_once(events) {
        if app.should_quit() {
            break;
        }
        let Some(event) = waiting.unless_kept(app, event) else {
            continue;
        };
        dirty |= apply(app, event);
        read_asked(app, load);
    }
    Ok(dirty)
}

/// A resize storm costs one relayout, not one per step: the last size takes the place of
/// the first resize and the others go. Keys before it act at the old size, keys after it at
/// the size about to be drawn, all in the order they came.
fn last_size_once(mut events: Vec<Event>) -> Vec<Event> {
    let is_resize = |event: &Event| matches!(event, Event::Resize(..));
    let (Some(first), Some(last)) = (
        events.iter().position(is_resize),
        events.iter().rposition(is_resize),
    ) else {
        return events;
    };
    events.swap(first, last);
    let mut index = 0;
    events.retain(|event| {
        let keep = index == first || !is_resize(event);
        index += 1;
        keep
    });
    events
}

#[cfg(test)]
mod tests {
    use brief::briefing::Library;
    use brief::ui::content::Engine;
    use brief::ui::{KeySetup, UiOptions};
    use crossterm::event::{KeyCode, KeyEvent, KeyEventState, KeyModifiers};
    use ratatui::layout::Rect;

    use brief::ui::Action;
    use crossterm::event::KeyEventKind;

    use super::super::act::action_for;
    use super::*;

    fn key(c: char, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn a_resize_storm_becomes_its_last_size_once_with_keys_in_order() {
        let press = KeyEventKind::Press;
        let events = vec![
            key('a', press),
            Event::Resize(100, 30),
            key('j', press),
            Event::Resize(90, 20),
            Event::Resize(80, 24),
            key('k', press),
        ];
        let expected = vec![
            key('a', press),
            Event::Resize(80, 24),
            key('j', press),
            key('k', press),
        ];
        assert_eq!(last_size_once(events), expected);
        let keys = vec![key('a', press), key('b', press)];
        assert_eq!(last_size_once(keys.clone()), keys);
    }

    #[test]
    fn key_releases_are_dropped_by_the_runtime() {
        let options = UiOptions {
            engine: Engine::default(),
            color: false,
        };
        let area = Rect::new(0, 0, 80, 24);
        let app = App::new(
            Library::default(),
            None,
            options,
            KeySetup::defaults(),
            area,
        );
        let quit = action_for(&app, key('q', KeyEventKind::Press));
        assert_eq!(quit, Some(Action::Quit));
        let repeat = action_for(&app, key('q', KeyEventKind::Repeat));
        assert_eq!(repeat, Some(Action::Quit));
        assert_eq!(action_for(&app, key('q', KeyEventKind::Release)), None);
    }
}
