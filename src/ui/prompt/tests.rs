//! The prompt's edits and events, and where its cursor is drawn.

use super::*;

fn update(slot: &mut Option<Prompt>, action: Action) -> Option<PromptEvent> {
    let engine = Engine {
        mode: crate::text::BidiMode::App,
        shaping: true,
    };
    Prompt::update(slot, &action, "in use", 40, engine)
}

#[test]
fn the_prompt_opens_on_the_text_in_use_and_reports_each_edit() {
    let mut slot = None;
    assert_eq!(
        update(&mut slot, Action::SearchStart),
        Some(PromptEvent::Changed)
    );
    assert_eq!(slot.as_ref().map(Prompt::text), Some("in use"));
    assert_eq!(
        update(&mut slot, Action::SearchInput('!')),
        Some(PromptEvent::Changed)
    );
    assert_eq!(
        update(&mut slot, Action::SearchBackspace),
        Some(PromptEvent::Changed)
    );
    assert_eq!(
        update(&mut slot, Action::SearchBackspace),
        Some(PromptEvent::Changed)
    );
    assert_eq!(slot.as_ref().map(Prompt::text), Some("in us"));
    assert_eq!(update(&mut slot, Action::Down), None, "not the prompt's");
    assert_eq!(
        update(&mut slot, Action::SearchSubmit),
        Some(PromptEvent::Submitted("in us".into()))
    );
    assert!(slot.is_none());
    update(&mut slot, Action::SearchStart);
    assert_eq!(
        update(&mut slot, Action::SearchCancel),
        Some(PromptEvent::Cancelled)
    );
    assert!(slot.is_none());
}

#[test]
fn without_an_open_prompt_typing_and_enter_do_nothing() {
    let mut slot = None;
    for action in [
        Action::SearchInput('x'),
        Action::SearchBackspace,
        Action::SearchSubmit,
    ] {
        assert_eq!(update(&mut slot, action), None);
        assert!(slot.is_none());
    }
    assert_eq!(
        update(&mut slot, Action::SearchCancel),
        Some(PromptEvent::Cancelled)
    );
}

fn engine(mode: crate::text::BidiMode, shaping: bool) -> Engine {
    Engine { mode, shaping }
}

/// A prompt with `text` typed into it, one key at a time, at 40 columns.
fn typed(text: &str, engine: Engine) -> Option<Prompt> {
    let mut slot = None;
    Prompt::update(&mut slot, &Action::SearchStart, "", 40, engine);
    for c in text.chars() {
        Prompt::update(&mut slot, &Action::SearchInput(c), "", 40, engine);
    }
    slot
}

fn press(slot: &mut Option<Prompt>, to: CursorMove, engine: Engine) -> Option<PromptEvent> {
    Prompt::update(slot, &Action::SearchCursor(to), "", 40, engine)
}

/// The prompt's row as drawn, left to right, and the cursor's cell.
fn shown(slot: &Option<Prompt>) -> (String, usize) {
    let prompt = slot.as_ref().unwrap_or_else(|| panic!("no prompt"));
    let cells = prompt
        .row()
        .map(|row| row.line.glyphs().map(|g| g.text.to_string()).collect())
        .unwrap_or_default();
    (cells, prompt.cursor_cell())
}

#[test]
fn the_cursor_is_drawn_where_the_next_letter_appears_in_arabic_and_mixed_text() {
    let app = engine(crate::text::BidiMode::App, false);
    // Arabic alone: the last letter typed is the leftmost; the next goes left of it.
    let slot = typed("حقوق", app);
    assert_eq!(shown(&slot), ("قوقح".to_owned(), 0));
    // Then " UN": the paragraph is right to left, UN stands at its left end, and the next
    // letter goes right after N, at cell 2, not at the right end by the first letter.
    let mut slot = typed("حقوق UN", app);
    assert_eq!(shown(&slot), ("UN قوقح".to_owned(), 2));
    // Home: the start of the text, the right end of the Arabic word, past the text.
    assert_eq!(
        press(&mut slot, CursorMove::Start, app),
        Some(PromptEvent::Moved)
    );
    assert_eq!(slot.as_ref().map(Prompt::cursor), Some(0));
    assert_eq!(shown(&slot).1, 7);
    // Right moves through the logical text: after ح, the cursor is left of it.
    press(&mut slot, CursorMove::Forward, app);
    assert_eq!(slot.as_ref().map(Prompt::cursor), Some('ح'.len_utf8()));
    assert_eq!(shown(&slot).1, 6);
    // Typed there, a letter goes in after ح in the text, and appears where the cursor was.
    Prompt::update(&mut slot, &Action::SearchInput('م'), "", 40, app);
    assert_eq!(slot.as_ref().map(Prompt::text), Some("حمقوق UN"));
    assert_eq!(shown(&slot), ("UN قوقمح".to_owned(), 6));
    // Backspace takes the letter before the insertion point, not the last one.
    Prompt::update(&mut slot, &Action::SearchBackspace, "", 40, app);
    assert_eq!(slot.as_ref().map(Prompt::text), Some("حقوق UN"));
    // End, and Left by one grapheme: between U and N.
    press(&mut slot, CursorMove::End, app);
    press(&mut slot, CursorMove::Back, app);
    assert_eq!(shown(&slot).1, 1);
    // Left at the start and Right at the end stay put.
    press(&mut slot, CursorMove::Start, app);
    press(&mut slot, CursorMove::Back, app);
    assert_eq!(slot.as_ref().map(Prompt::cursor), Some(0));
}

#[test]
fn in_logical_order_the_cursor_follows_the_letters_as_sent() {
    let logical = engine(crate::text::BidiMode::Logical, false);
    let slot = typed("حقوق UN", logical);
    assert_eq!(shown(&slot), ("حقوق UN".to_owned(), 7));
}

#[test]
fn a_letter_typed_anywhere_appears_on_the_cell_the_cursor_was_drawn_on() {
    let app = engine(crate::text::BidiMode::App, false);
    let texts = [
        "حقوق الإنسان UN",
        "UNHCR تقول إن الدعم",
        "שלום world עולם",
        "abc (جنيف) def",
    ];
    for text in texts {
        let ends = text.char_indices().map(|(at, _)| at).chain([text.len()]);
        for at in ends.skip(1) {
            let mut slot = typed(text, app);
            press(&mut slot, CursorMove::Start, app);
            while slot.as_ref().is_some_and(|p| p.cursor() < at) {
                press(&mut slot, CursorMove::Forward, app);
            }
            let before = &text[..at];
            // A letter of the same script as the one before the insertion point joins its run.
            let letter = match before.chars().rev().find(|c| c.is_alphabetic()) {
                Some(c) if crate::ui::content::starts_rtl(&c.to_string()) => 'ب',
                _ => 'x',
            };
            if before.ends_with(' ') || before.ends_with('(') {
                continue;
            }
            let cell = shown(&slot).1;
            Prompt::update(&mut slot, &Action::SearchInput(letter), "", 40, app);
            let prompt = slot.as_ref().unwrap_or_else(|| panic!("no prompt"));
            let row = prompt.row().unwrap_or_else(|| panic!("no row"));
            let glyphs: Vec<_> = row.line.glyphs().collect();
            let new = glyphs.iter().position(|g| g.source.start == at);
            let left: usize = glyphs[..new.unwrap_or(0)].iter().map(|g| g.width).sum();
            assert!(new.is_some(), "{text:?} at {at}");
            assert_eq!(left, cell, "{letter} typed into {text:?} at byte {at}");
        }
    }
}
