//! The app as a whole: opening and leaving briefings, the prompt's keys, tiny terminals,
//! help and key files, and laying out once at the size it is built with.

use std::path::PathBuf;

use ratatui::layout::Rect;

use super::App;
use crate::briefing::Library;
use crate::briefing::{LoadOptions, load_path};
use crate::ui::app::Screen;
use crate::ui::help::Help;
use crate::ui::keys::{KeyFileError, KeySetup};
use crate::ui::library::LibraryView;
use crate::ui::testing::{SIZE, app_on, fixture_app, fixtures, numbered_app, run, ui_options};
use crate::ui::{Action, Effect};

/// What the tests here and in the slices read of the state; nothing but `update` changes it.
impl App {
    pub(crate) fn library(&self) -> &Library {
        &self.library
    }

    pub(crate) fn library_view(&self) -> &LibraryView {
        &self.library_view
    }

    pub(crate) fn reader(&self) -> Option<&crate::ui::reader::OpenBriefing> {
        self.briefing.reader()
    }

    pub(crate) fn search(&self) -> &crate::ui::reader::Search {
        self.briefing.search()
    }

    pub(crate) fn help(&self) -> &Help {
        &self.help
    }
}

#[test]
fn enter_opens_and_esc_returns_with_the_briefing_selected() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Down, Action::Select]);
    assert_eq!(app.screen(), Screen::Briefing);
    assert_eq!(app.reader().map(|r| r.index()), Some(1));
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(app.library_view().selected(), 1);
}

#[test]
fn a_file_named_on_the_command_line_opens_directly() {
    let file = fixtures().join("arabic-harakat.json");
    let mut app = app_on(&fixtures(), Some(file));
    assert_eq!(app.screen(), Screen::Briefing);
    assert_eq!(app.reader().map(|r| r.index()), Some(1));
    run(&mut app, &[Action::Back]);
    assert_eq!(
        (app.screen(), app.library_view().selected()),
        (Screen::Library, 1)
    );
}

#[test]
fn prompt_takes_typed_keys_instead_of_the_table() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = fixture_app();
    app.update(Action::Select);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(app.action_for_key(q), Some(Action::Quit));
    app.update(Action::SearchStart);
    assert_eq!(app.action_for_key(q), Some(Action::SearchInput('q')));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.action_for_key(esc), Some(Action::SearchCancel));
}

#[test]
fn tiny_terminals_and_every_action_never_panic() {
    let mut app = fixture_app();
    for (width, height) in [(20, 5), (1, 1), (0, 0), (200, 3), (21, 6), (80, 24)] {
        app.update(Action::Resize { width, height });
        for action in Action::BINDABLE.iter().cloned() {
            if action != Action::Quit && action != Action::Back {
                app.update(action);
            }
        }
        let _ = crate::ui::screen::render_buffer(&app, width, height);
    }
}

#[test]
fn quit_suspend_and_help_toggle() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Help]);
    assert!(app.help().is_open());
    run(&mut app, &[Action::Down, Action::Back]);
    assert!(!app.help().is_open() && app.screen() == Screen::Library);
    run(&mut app, &[Action::Suspend]);
    assert_eq!(app.take_effects(), [Effect::Suspend]);
    assert!(!app.should_quit());
    run(&mut app, &[Action::Quit]);
    assert!(app.should_quit());
}

#[test]
fn a_bad_key_file_is_reported_and_defaults_still_work() {
    let library = load_path(&fixtures(), &LoadOptions::default());
    let options = ui_options(true);
    let problem = KeyFileError {
        path: "/x/keys.toml".into(),
        line: 3,
        message: "unknown key \"hyper-x\"".into(),
    };
    let keys = KeySetup {
        problem: Some(problem),
        ..KeySetup::defaults()
    };
    let mut app = App::new(library, None, options, keys, SIZE);
    assert_eq!(
        app.message(),
        Some("key file ignored: /x/keys.toml:3: unknown key \"hyper-x\"")
    );
    run(&mut app, &[Action::Help]);
    assert!(app.help().line_count() > Action::BINDABLE.len());
}

#[test]
fn the_app_is_laid_out_once_at_the_size_it_is_built_with() {
    let area = Rect::new(0, 0, 120, 40);
    let mut app = numbered_app(3000, area);
    let page = app.library_view().page(area);
    assert_eq!(app.library_view().rows_laid_out, page);
    // The runtime's resize to the same size (after a suspend, say) costs nothing.
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(app.library_view().rows_laid_out, page);
    // And the screen is what a resize to that size would show.
    let mut resized = numbered_app(3000, SIZE);
    resized.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let screen = |app: &App| {
        crate::ui::screen::buffer_lines(&crate::ui::screen::render_buffer(app, 120, 40))
    };
    assert_eq!(screen(&app), screen(&resized));
}

#[test]
fn help_names_the_key_file_the_runtime_read() {
    let library = load_path(&fixtures(), &LoadOptions::default());
    let options = ui_options(false);
    let keys = KeySetup {
        file: Some(PathBuf::from("/cfg/brief/keys.toml")),
        ..KeySetup::defaults()
    };
    let mut app = App::new(library, None, options, keys, Rect::new(0, 0, 100, 60));
    app.update(Action::Help);
    let lines = crate::ui::screen::buffer_lines(&crate::ui::screen::render_buffer(&app, 100, 60));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Keys can be rebound in /cfg/brief/keys.toml")),
        "{lines:#?}"
    );
    assert!(!lines.iter().any(|l| l.contains("~/.config")));
}
