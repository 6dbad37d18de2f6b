//! `Effect::ScrollRegion`: when an action only scrolled the focused pane, the terminal may
//! shift the rows it spans itself and the next frame writes only what that leaves wrong:
//! the rows that came into view, and whatever else shares those rows, which the shift
//! moved too (the body spans its rows alone; quotes, points and actors sit side by side).
//! The runtime does the shift only when that costs fewer bytes.

use super::{App, Effect, Screen};
use crate::ui::layout::too_small;
use crate::ui::reader::PaneScroll;

impl App {
    /// The focused pane's place and scroll, when the screen shows it.
    pub(super) fn focused_scroll(&self) -> Option<PaneScroll> {
        if self.screen != Screen::Briefing || self.help.is_open() || too_small(self.area) {
            return None;
        }
        self.briefing.focused_scroll(self.area)
    }

    /// Records a `ScrollRegion` when the action only scrolled the focused pane by fewer
    /// rows than it shows; drops pending ones when the pane was laid out anew, since the
    /// whole pane is written then anyway.
    pub(super) fn note_scroll(&mut self, before: Option<PaneScroll>) {
        let after = self.focused_scroll();
        let (Some(before), Some(after)) = (before, after) else {
            if before.is_some() || after.is_some() {
                self.drop_scrolls();
            }
            return;
        };
        if !before.same_pane(&after) {
            self.drop_scrolls();
            return;
        }
        let (inner, delta) = (after.inner, after.scroll.abs_diff(before.scroll));
        if delta == 0 {
            return;
        }
        let Ok(delta) = i32::try_from(delta) else {
            self.drop_scrolls();
            return;
        };
        let delta = if after.scroll > before.scroll {
            delta
        } else {
            -delta
        };
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{LoadOptions, load_path};
    use crate::ui::content::Engine;
    use crate::ui::{Action, App, KeySetup, Screen, UiOptions};
    use ratatui::layout::Rect;
    use std::path::Path;

    /// The Arabic seed briefing open at 120×40, the body focused.
    fn seed_app() -> App {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/libya-ohchr-geneva.json");
        let library = load_path(&path, &LoadOptions::default());
        let options = UiOptions {
            engine: Engine::default(),
            color: false,
        };
        let area = Rect::new(0, 0, 120, 40);
        let mut app = App::new(library, Some(path), options, KeySetup::defaults(), area);
        crate::ui::testing::settle(&mut app);
        app
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
    fn only_a_small_scroll_of_the_focused_pane_is_left_to_the_terminal() {
        let mut app = seed_app();
        assert_eq!(app.screen(), Screen::Briefing);
        app.update(Action::Down);
        let among_five = vec![Effect::ScrollRegion {
            top: 6,
            bottom: 24,
            lines: 1,
        }];
        assert_eq!(
            scrolls(&mut app),
            among_five,
            "among the five panes: the rows the body spans"
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
        let scroll = |app: &App| app.focused_scroll().map_or(0, |z| z.scroll);
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
