//! The known traps, laid out through the public entry points. Expected visual strings
//! were checked against `fribidi --nobreak --clean --nopad --rtl` (shaped output) and by
//! eye (unshaped).

use super::*;

mod emoji;
mod fields;
mod right_to_left;

fn options(width: usize, direction: BaseDirection, shaping: bool) -> LayoutOptions {
    LayoutOptions {
        width,
        direction,
        shaping,
        ..LayoutOptions::default()
    }
}

fn plain(text: &str, o: &LayoutOptions) -> Vec<String> {
    layout(&sanitize(text).text, o)
        .iter()
        .map(VisualLine::to_plain)
        .collect()
}

fn unshaped(text: &str) -> String {
    plain(text, &options(usize::MAX, BaseDirection::Auto, false)).join("\n")
}

fn shaped(text: &str) -> String {
    plain(text, &options(usize::MAX, BaseDirection::Auto, true)).join("\n")
}
