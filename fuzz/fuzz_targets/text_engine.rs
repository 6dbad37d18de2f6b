//! The text engine on any text at any width, direction, mode and shaping: never a panic;
//! after `sanitize` no control character is left in what would reach a cell; every line
//! fits the width and measures as the sum of its glyphs.
#![no_main]

use brief_text::{BaseDirection, BidiMode, LayoutOptions, layout, sanitize};
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

fuzz_target!(|input: (u8, u8, &str)| {
    let (width, flags, raw) = input;
    let options = LayoutOptions {
        width: usize::from(width).max(1),
        direction: match flags % 3 {
            0 => BaseDirection::Auto,
            1 => BaseDirection::Ltr,
            _ => BaseDirection::Rtl,
        },
        shaping: flags & 0x04 != 0,
        mode: if flags & 0x08 != 0 {
            BidiMode::Logical
        } else {
            BidiMode::App
        },
        ..LayoutOptions::default()
    };
    // Unsanitized text must not panic either.
    let _ = layout(raw, &options);

    let sanitized = sanitize(raw);
    assert!(
        !sanitized.text.chars().any(|c| c.is_control() && c != '\n'),
        "control left by sanitize: {:?}",
        sanitized.text
    );
    for line in layout(&sanitized.text, &options) {
        assert!(
            line.width <= options.width,
            "line of {} cells at width {}",
            line.width,
            options.width
        );
        assert_eq!(
            line.width,
            line.glyphs().map(|g| g.width).sum::<usize>()
        );
        for glyph in line.glyphs() {
            assert!(
                !glyph.text.chars().any(char::is_control),
                "control in a cell: {glyph:?}"
            );
            assert_eq!(glyph.width, glyph.text.width(), "{glyph:?}");
            assert!(
                sanitized.text.get(glyph.source.clone()).is_some(),
                "bad source range {glyph:?}"
            );
        }
    }
});
