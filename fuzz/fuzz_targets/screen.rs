//! The reader's screen for any briefing bytes at any terminal size: loading, laying out
//! and drawing into a ratatui buffer never panic, and no cell ends up holding a control
//! character or a bidi override (which a terminal would act on).
#![no_main]

use std::path::PathBuf;

use brief::briefing::{Library, load_bytes};
use brief::text::BidiMode;
use brief::ui::content::Engine;
use brief::ui::{App, KeySetup, UiOptions};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fuzz_target!(|input: (u8, u8, bool, &[u8])| {
    let (width, height, logical, data) = input;
    let path = PathBuf::from("fuzz.json");
    let mut library = Library::default();
    match load_bytes(&path, data) {
        Ok(loaded) => library.briefings.push(loaded),
        Err(failure) => library.failures.push(failure),
    }
    let options = UiOptions {
        engine: Engine {
            mode: if logical {
                BidiMode::Logical
            } else {
                BidiMode::App
            },
            shaping: true,
        },
        color: false,
    };
    let opened = (!library.briefings.is_empty()).then(|| path.clone());
    let area = Rect::new(0, 0, u16::from(width), u16::from(height));
    let app = App::new(library, opened, options, KeySetup::defaults(), area);
    let mut buffer = Buffer::empty(area);
    (&app).render(area, &mut buffer);
    for cell in buffer.content() {
        let symbol = cell.symbol();
        assert!(
            !symbol.chars().any(|c| c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "cell holds {symbol:?}"
        );
    }
});
