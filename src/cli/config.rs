//! What brief takes from the environment: the user's key file and config file (read here,
//! parsed by the library's pure functions), NO_COLOR, and the settings that follow from
//! them with the precedence flag > environment > config file > default.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use brief::briefing::config::{Config, parse_config};
use brief::briefing::state::{Opened, State, default_path};
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
    Some(config_dir(xdg, home)?.join("keys.toml"))
}

/// `$XDG_CONFIG_HOME/brief`, else `$HOME/.config/brief`.
fn config_dir(xdg: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let config = xdg
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| home.map(|home| PathBuf::from(home).join(".config")))?;
    Some(config.join("brief"))
}

/// The user's config file (`config.toml` beside `keys.toml`), its problems printed to
/// stderr one per line as `PATH:LINE:COLUMN: message`; the defaults when it is missing or
/// unreadable (said too). What it does set applies even when other keys are wrong.
pub fn user_config() -> Config {
    let home = std::env::var_os("HOME");
    let Some(path) = config_dir(std::env::var_os("XDG_CONFIG_HOME"), home.clone())
        .map(|dir| dir.join("config.toml"))
    else {
        return Config::default();
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Config::default(),
        Err(error) => {
            eprintln!("brief: {}: cannot read, ignored: {error}", path.display());
            return Config::default();
        }
    };
    let home = home.filter(|home| !home.is_empty()).map(PathBuf::from);
    let (config, problems) = parse_config(&text, home.as_deref());
    for problem in problems {
        eprintln!("brief: {}:{problem}", path.display());
    }
    config
}

/// The review state's file: `--state`, else `$BRIEF_STATE`, else the config file's
/// `state`, else the XDG default; `None` when there is nowhere.
pub fn state_path(flag: Option<&Path>, config: &Config) -> Option<PathBuf> {
    state_path_in(
        flag,
        std::env::var_os("BRIEF_STATE"),
        config,
        std::env::var_os("XDG_STATE_HOME"),
        std::env::var_os("HOME"),
    )
}

fn state_path_in(
    flag: Option<&Path>,
    env: Option<OsString>,
    config: &Config,
    xdg_state: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    flag.map(Path::to_path_buf)
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| config.state.clone())
        .or_else(|| default_path(xdg_state, home))
}

/// Opens the review state at `path` (a damaged file moved aside), printing what the user
/// should know to stderr; no state when marks are off.
pub fn open_state(path: Option<&Path>) -> Option<State> {
    let Some(path) = path else {
        eprintln!(
            "brief: marks are off: no place for the review state (set XDG_STATE_HOME or HOME, or use --state)"
        );
        return None;
    };
    let Opened { state, notices } = State::open_or_recover(path);
    for notice in notices {
        eprintln!("brief: {notice}");
    }
    state
}

/// The name marks are recorded under: the config file's `name`, else `$USER`, else
/// `$LOGNAME`, else `unknown`.
pub fn who(config: &Config) -> String {
    let from_env = |name: &str| {
        std::env::var(name)
            .ok()
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    config
        .name
        .clone()
        .or_else(|| from_env("USER"))
        .or_else(|| from_env("LOGNAME"))
        .unwrap_or_else(|| "unknown".into())
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
    fn state_path_takes_flag_then_env_then_config_then_default() {
        let some = |s: &str| Some(OsString::from(s));
        let config = Config {
            state: Some(PathBuf::from("/c/state.db")),
            ..Config::default()
        };
        let flag = Some(Path::new("/f/state.db"));
        let path = |flag, env, config| state_path_in(flag, env, config, some("/x"), some("/h"));
        assert_eq!(
            path(flag, some("/e"), &config),
            Some(PathBuf::from("/f/state.db"))
        );
        assert_eq!(path(None, some("/e"), &config), Some(PathBuf::from("/e")));
        assert_eq!(
            path(None, some(""), &config),
            Some(PathBuf::from("/c/state.db"))
        );
        assert_eq!(
            path(None, None, &Config::default()),
            Some(PathBuf::from("/x/brief/state.db"))
        );
        assert_eq!(
            state_path_in(None, None, &Config::default(), None, None),
            None
        );
    }

    #[test]
    fn empty_no_color_is_unset() {
        assert!(!no_color_in(None));
        assert!(!no_color_in(Some("".into())));
        assert!(no_color_in(Some("1".into())));
    }
}
