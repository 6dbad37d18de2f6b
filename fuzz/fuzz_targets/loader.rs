//! The loader on any bytes: a briefing or a failure with at least one error, never a
//! panic, and every diagnostic line safe to print to a terminal (no control character,
//! no bidi override from the file reaches it).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fn terminal_safe(line: &str) -> bool {
    !line
        .chars()
        .any(|c| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
}

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.json");
    match brief::briefing::load_bytes(path, data) {
        Ok(loaded) => {
            assert!(
                !loaded.briefing.headline.trim().is_empty(),
                "a blank headline loaded"
            );
            for warning in &loaded.warnings {
                assert!(
                    !warning.is_error(),
                    "an error among the warnings: {warning}"
                );
                let line = warning.to_string();
                assert!(terminal_safe(&line), "unsafe diagnostic: {line:?}");
            }
        }
        Err(failure) => {
            assert!(
                failure.diagnostics.iter().any(|d| d.is_error()),
                "a failure without an error"
            );
            for diagnostic in &failure.diagnostics {
                let line = diagnostic.to_string();
                assert!(terminal_safe(&line), "unsafe diagnostic: {line:?}");
            }
        }
    }
});
