//! The review keys without a terminal: what `r`, `f`, `a` and `u` and opening a briefing
//! ask to write, and what the library and the briefing show of the marks read back. The
//! runtime's part is played here by a real review state in a temporary folder.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

use super::marks_testing::{Runtime, app_with_marks, folder, key_of, write};
use super::{App, Screen};
use crate::briefing::state::Mark;
use crate::briefing::{LoadOptions, load_path};
use crate::ui::keys::KeySetup;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{SIZE, settle, ui_options};
use crate::ui::{Action, Effect};

fn screen(app: &App, width: u16, height: u16) -> Vec<String> {
    buffer_lines(&render_buffer(app, width, height))
}

fn path(dir: &TempDir, name: &str) -> PathBuf {
    dir.path().join(format!("{name}.json"))
}

#[test]
fn without_a_state_the_keys_say_why_and_ask_nothing() {
    let dir = folder();
    let library = load_path(dir.path(), &LoadOptions::default());
    let mut app = App::new(library, None, ui_options(false), KeySetup::defaults(), SIZE);
    app.update(Action::MarksOff("state.db: read-only file system".into()));
    app.update(Action::ToggleReviewed);
    assert_eq!(
        app.message(),
        Some("marks are off: state.db: read-only file system")
    );
    app.update(Action::Select);
    settle(&mut app);
    assert_eq!(app.screen(), Screen::Briefing);
    app.update(Action::Back);
    app.update(Action::Redraw);
    // Opening wrote nothing, leaving asked for no marks; only the redraw is left.
    assert_eq!(app.take_effects(), [Effect::Redraw]);
    assert!(!screen(&app, 80, 24)[0].contains("new"));
}

#[test]
fn r_and_f_toggle_the_selected_entry_and_the_title_counts() {
    let dir = folder();
    let mut runtime = Runtime::new("amira");
    let mut app = app_with_marks(dir.path(), &runtime, false);
    let counts = |app: &App| app.library_view().review().counts();
    assert_eq!(counts(&app).new, 3);
    runtime.act(&mut app, &[Action::ToggleReviewed]);
    assert_eq!(app.message(), Some("reviewed"));
    let c = path(&dir, "c");
    let marks = |app: &App, p: &Path| app.library_view().review().marks(p).cloned();
    assert!(marks(&app, &c).is_some_and(|m| m.is_reviewed("amira") && m.is_read("amira")));
    assert_eq!((counts(&app).new, counts(&app).reviewed), (2, 1));
    runtime.act(&mut app, &[Action::Down, Action::ToggleFlagged]);
    assert_eq!(counts(&app).flagged, 1);
    let top = &screen(&app, 80, 24)[0];
    assert!(top.contains("1 new · 1 reviewed · 1 flagged"), "{top}");
    runtime.act(
        &mut app,
        &[Action::ToggleFlagged, Action::Up, Action::ToggleReviewed],
    );
    assert_eq!(app.message(), Some("not reviewed"));
    assert_eq!((counts(&app).reviewed, counts(&app).flagged), (0, 0));
    // Read stays: unflagging and unreviewing do not make a briefing new again.
    assert_eq!(counts(&app).new, 1);
}

#[test]
fn opening_marks_read_and_the_marks_show_in_the_open_briefing() {
    let dir = folder();
    let mut runtime = Runtime::new("amira");
    let mut app = app_with_marks(dir.path(), &runtime, false);
    runtime.act(&mut app, &[Action::Select]);
    assert_eq!(app.screen(), Screen::Briefing);
    let c = path(&dir, "c");
    let review = |app: &App| app.library_view().review().marks(&c).cloned();
    assert!(review(&app).is_some_and(|m| m.is_read("amira") && !m.is_reviewed("amira")));
    runtime.act(&mut app, &[Action::ToggleReviewed, Action::ToggleFlagged]);
    // The next key clears the message: the status line shows the marks.
    runtime.act(&mut app, &[Action::Down]);
    let status = screen(&app, 80, 24).pop().unwrap_or_default();
    assert!(
        status.starts_with("reviewed by amira · flagged by amira"),
        "{status}"
    );
}

#[test]
fn a_writes_the_note_enter_saves_esc_cancels_empty_removes() {
    let dir = folder();
    let mut runtime = Runtime::new("amira");
    let mut app = app_with_marks(dir.path(), &runtime, false);
    let note = |app: &App| {
        let marks = app.library_view().review().marks(&path(&dir, "c")).cloned();
        marks.and_then(|m| m.note("amira").map(|n| n.text.clone()))
    };
    let mut typed: Vec<Action> = vec![Action::EditNote];
    typed.extend("للعرض".chars().map(Action::SearchInput));
    runtime.act(&mut app, &typed);
    assert!(screen(&app, 80, 24)[23].starts_with("note: "));
    runtime.act(&mut app, &[Action::SearchSubmit]);
    assert_eq!(note(&app).as_deref(), Some("للعرض"));
    assert_eq!(app.message(), Some("noted"));
    // The prompt opens on the note; Esc leaves it.
    runtime.act(&mut app, &[Action::EditNote, Action::SearchBackspace]);
    runtime.act(&mut app, &[Action::SearchCancel]);
    assert_eq!(note(&app).as_deref(), Some("للعرض"));
    let mut clear = vec![Action::EditNote];
    clear.extend(std::iter::repeat_n(Action::SearchBackspace, 5));
    clear.push(Action::SearchSubmit);
    runtime.act(&mut app, &clear);
    assert_eq!(note(&app), None);
    assert_eq!(app.message(), Some("note removed"));
    // While the note is written, the table's keys are letters of it.
    runtime.act(&mut app, &[Action::EditNote]);
    assert_eq!(app.take_effects(), []);
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(app.action_for_key(q), Some(Action::SearchInput('q')));
}

#[test]
fn u_opens_the_next_new_briefing_wrapping_then_says_none_is_left() {
    let dir = folder();
    let mut runtime = Runtime::new("amira");
    let mut app = app_with_marks(dir.path(), &runtime, false);
    // From the library on b (the second), the next new is a, then c (wrapping), then b.
    runtime.act(&mut app, &[Action::Down, Action::NextNew]);
    let open = |app: &App| app.reader().map(|r| r.index());
    assert_eq!((app.screen(), open(&app)), (Screen::Briefing, Some(2)));
    runtime.act(&mut app, &[Action::NextNew]);
    assert_eq!(open(&app), Some(0));
    runtime.act(&mut app, &[Action::NextNew]);
    assert_eq!(open(&app), Some(1));
    runtime.act(&mut app, &[Action::NextNew]);
    assert_eq!(app.message(), Some("no new briefing left"));
    assert_eq!(open(&app), Some(1));
    assert_eq!(app.library_view().review().counts().new, 0);
}

#[test]
fn a_file_changed_after_review_says_so_and_others_marks_show_after_a_refresh() {
    let dir = folder();
    let mut runtime = Runtime::new("amira");
    let mut app = app_with_marks(dir.path(), &runtime, false);
    runtime.act(&mut app, &[Action::ToggleReviewed]);
    write(dir.path(), "c", 3, ", revised");
    // Another reader of the same state reviews it too.
    let key = key_of(&path(&dir, "c"), "c");
    let omar = runtime.state.mark(&key, Mark::Reviewed, "omar");
    omar.unwrap_or_else(|e| panic!("mark: {e}"));
    let before = screen(&app, 80, 24);
    assert!(!before.iter().any(|l| l.contains("reviewed by 2")));
    runtime.act(&mut app, &[Action::Redraw]);
    let after = screen(&app, 80, 24);
    assert!(after[1].starts_with("│▌C "), "{}", after[1]);
    // The detail's first line, above the summary, so that a short pane shows it.
    let top = after.iter().position(|l| l.starts_with("┌ Summary"));
    let first = top
        .and_then(|at| after.get(at + 1))
        .cloned()
        .unwrap_or_default();
    assert!(
        first.starts_with("│changed since reviewed · reviewed by 2"),
        "{}",
        after.join("\n")
    );
}

/// The library with its state column and counts: plain symbols under `--color never`,
/// and the symbols, an English and an Arabic briefing.
#[test]
fn library_snapshots_with_the_state_column() {
    for color in [false, true] {
        let mut runtime = Runtime::new("amira");
        // Relative, as typed: the detail shows the path.
        let mut app = app_with_marks(Path::new("tests/fixtures/ui"), &runtime, color);
        runtime.act(&mut app, &[Action::ToggleFlagged, Action::EditNote]);
        runtime.act(&mut app, &[Action::SearchInput('!'), Action::SearchSubmit]);
        runtime.act(&mut app, &[Action::Down, Action::ToggleReviewed]);
        let name = if color { "symbols" } else { "plain" };
        insta::assert_snapshot!(
            format!("library_marks_{name}_80x24"),
            screen(&app, 80, 24).join("\n")
        );
        insta::assert_snapshot!(
            format!("library_marks_{name}_20x5"),
            screen(&app, 20, 5).join("\n")
        );
    }
}

/// The library's `/` with review terms: the marks answer them, the worker the rest.
#[test]
fn review_terms_in_the_library_search_are_answered_from_the_marks() {
    let dir = folder();
    let mut runtime = Runtime::new("amira");
    let mut app = app_with_marks(dir.path(), &runtime, false);
    // c flagged, b reviewed; a new.
    runtime.act(
        &mut app,
        &[Action::ToggleFlagged, Action::Down, Action::ToggleReviewed],
    );
    let search = |runtime: &mut Runtime, app: &mut App, query: &str| {
        let mut typed = vec![Action::SearchStart];
        typed.extend(query.chars().map(Action::SearchInput));
        typed.push(Action::SearchSubmit);
        runtime.act(app, &typed);
        let shown: Vec<String> = (0..3)
            .filter_map(|p| app.library_view().entry_at(p))
            .filter_map(|at| app.library().path(at))
            .filter_map(|path| path.file_stem())
            .map(|stem| stem.to_string_lossy().into_owned())
            .collect();
        runtime.act(app, &[Action::Back]);
        shown
    };
    assert_eq!(search(&mut runtime, &mut app, "is:flagged"), ["c"]);
    assert_eq!(search(&mut runtime, &mut app, "is:new"), ["a"]);
    assert_eq!(search(&mut runtime, &mut app, "-is:new"), ["c", "b"]);
    assert_eq!(search(&mut runtime, &mut app, "reviewed-by:AMIRA"), ["b"]);
    // With words: the worker finds them, the marks narrow what it found.
    assert_eq!(
        search(&mut runtime, &mut app, "briefing -is:new"),
        ["c", "b"]
    );
    assert_eq!(
        search(&mut runtime, &mut app, "\"Briefing a\" -is:new"),
        Vec::<String>::new()
    );
    // A mark changed under the filter shows at once: c, unflagged, leaves `is:flagged`.
    let mut typed = vec![Action::SearchStart];
    typed.extend("is:flagged".chars().map(Action::SearchInput));
    typed.push(Action::SearchSubmit);
    runtime.act(&mut app, &typed);
    assert_eq!(app.library_view().shown_len(), 1);
    runtime.act(&mut app, &[Action::ToggleFlagged]);
    assert_eq!(app.library_view().shown_len(), 0);
}

/// The open briefing's status line with an Arabic note: our words left to right, the note
/// right to left after its writer's name, the position at the right end.
#[test]
fn briefing_status_line_with_an_arabic_note() {
    let mut runtime = Runtime::new("amira");
    let mut app = app_with_marks(Path::new("tests/fixtures/ui"), &runtime, false);
    let mut typed = vec![Action::Down, Action::Select, Action::ToggleReviewed];
    typed.push(Action::EditNote);
    typed.extend("للعرض على رئيس البعثة".chars().map(Action::SearchInput));
    typed.extend([Action::SearchSubmit, Action::Down]);
    runtime.act(&mut app, &typed);
    let status = |width: u16, height: u16| screen(&app, width, height).pop().unwrap_or_default();
    insta::assert_snapshot!(
        "briefing_review_line",
        format!("{}\n{}", status(80, 24), status(40, 12))
    );
}
