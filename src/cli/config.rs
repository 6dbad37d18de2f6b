//! What the reader takes from the environment: the user's key file (read here, parsed by
//! the ui's pure functions) and NO_COLOR.

use std::ffi::OsString;
use std::path::PathBuf;

use brief::ui::KeySetup;

/// The user's keys from `$XDG_CONFIG_HOME/brief/keys.toml`, else
/// `$HOME/.config/brief/keys.toml`; the defaults when neither variable is set.
pub fn user_keys() -> KeySetup {
    let xdg = std::env::var_os("XDG_CONFIG_HOME");
    let home = std::env::var_os("HOME");
    match key_file(xdg, home) {
        Some(path) => {
            let read = std::fs::read_to_string(&path);
            KeySetup::from_user_file(path, read)
        }
        None => KeySetup::defaults(),
    }
}

/// Where the key file is, following the XDG base directory rules: an empty
/// `XDG_CONFIG_HOME` counts as unset.
fn key_file(xdg: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let config = xdg
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| home.map(|home| PathBuf::from(home).join(".config")))?;
    Some(config.join("brief").join("keys.toml"))
}

/// NO_COLOR set to anything but the empty string asks for no colour (no-color.org).
pub fn no_color() -> bool {
    no_color_in(std::env::var_os("NO_COLOR"))
}

fn no_color_in(value: Option<OsString>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_file_follows_xdg_then_home() {
        let some = |s: &str| Some(OsString::from(s));
        assert_eq!(
            key_file(some("/x"), some("/h")),
            Some(PathBuf::from("/x/brief/keys.toml"))
        );
        assert_eq!(
            key_file(some(""), some("/h")),
            Some(PathBuf::from("/h/.config/brief/keys.toml"))
        );
        assert_eq!(key_file(None, None), None);
    }

    #[test]
    fn empty_no_color_is_unset() {
        assert!(!no_color_in(None));
        assert!(!no_color_in(Some("".into())));
        assert!(no_color_in(Some("1".into())));
    }
}
