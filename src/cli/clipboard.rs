//! Copying to the user's clipboard through the terminal (OSC 52), which works over SSH and,
//! with `set-clipboard on`, through tmux: no X11 or Wayland connection needed.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// `ESC ] 52 ; c ; <base64> ESC \`: set the clipboard selection to `text`, as UTF-8.
pub fn osc52(text: &str) -> Vec<u8> {
    format!("\x1b]52;c;{}\x1b\\", STANDARD.encode(text)).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_utf8_text_in_standard_base64() {
        // "«سلام» — x" checked with `printf '«سلام» — x' | base64`.
        assert_eq!(
            osc52("«سلام» — x"),
            b"\x1b]52;c;wqvYs9mE2KfZhcK7IOKAlCB4\x1b\\".to_vec()
        );
    }
}
