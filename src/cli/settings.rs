//! The config file's settings applied under the flags: a flag the user typed wins, then the
//! environment (NO_COLOR for colour), then the config file; clap's defaults come last.

use brief::briefing::config::{Bidi, Color, Config};
use clap::ArgMatches;
use clap::parser::ValueSource;

use super::args::{BidiArg, ColorWhen, IndexFileArg, LayoutArgs, ReadArgs, Switch};
use super::config::no_color;

/// Whether the user typed `--name` (or its value came from anywhere but clap's default).
/// No matches: the arguments were read without clap, and held no flag.
fn typed(matches: Option<&ArgMatches>, id: &str) -> bool {
    matches.is_some_and(|matches| {
        matches
            .value_source(id)
            .is_some_and(|source| source != ValueSource::DefaultValue)
    })
}

/// The reader's arguments with the config file's colour, link rate, bidi and shaping where no flag
/// was typed.
pub fn apply_to_read(read: &mut ReadArgs, matches: Option<&ArgMatches>, config: &Config) {
    if !typed(matches, "color")
        && !no_color()
        && let Some(color) = config.color
    {
        read.color = match color {
            Color::Auto => ColorWhen::Auto,
            Color::Always => ColorWhen::Always,
            Color::Never => ColorWhen::Never,
        };
    }
    if !typed(matches, "max_rate") && config.max_rate.is_some() {
        read.max_rate = config.max_rate;
    }
    apply_to_layout(&mut read.layout, matches, config);
    if read.poll.is_none() {
        read.poll = config.poll;
    }
    apply_index(&mut read.index, config);
}

/// The config file's `index` where neither `--index` nor `$BRIEF_INDEX` names one.
pub fn apply_index(index: &mut IndexFileArg, config: &Config) {
    let from_env = std::env::var_os("BRIEF_INDEX").is_some_and(|p| !p.is_empty());
    if index.index.is_none() && !from_env {
        index.index.clone_from(&config.index);
    }
}

/// Bidi and shaping from the config file where no flag was typed.
pub fn apply_to_layout(layout: &mut LayoutArgs, matches: Option<&ArgMatches>, config: &Config) {
    if !typed(matches, "bidi")
        && let Some(bidi) = config.bidi
    {
        layout.bidi = match bidi {
            Bidi::App => BidiArg::App,
            Bidi::Terminal => BidiArg::Terminal,
        };
    }
    if !typed(matches, "shaping")
        && let Some(on) = config.shaping
    {
        layout.shaping = if on { Switch::On } else { Switch::Off };
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use clap::{CommandFactory, FromArgMatches};

    use super::*;
    use crate::cli::args::Cli;

    fn read_with(argv: &[&str], config: &Config) -> ReadArgs {
        let matches = Cli::command()
            .try_get_matches_from(argv)
            .unwrap_or_else(|e| panic!("{e}"));
        let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| panic!("{e}"));
        apply_to_read(&mut cli.read, Some(&matches), config);
        cli.read
    }

    #[test]
    fn a_typed_flag_beats_the_config_file_which_beats_the_default() {
        let config = Config {
            bidi: Some(Bidi::Terminal),
            shaping: Some(false),
            ..Config::default()
        };
        let read = read_with(&["brief"], &config);
        assert_eq!(
            (read.layout.bidi, read.layout.shaping),
            (BidiArg::Terminal, Switch::Off)
        );
        let read = read_with(&["brief", "--bidi", "app", "--shaping", "on"], &config);
        assert_eq!(
            (read.layout.bidi, read.layout.shaping),
            (BidiArg::App, Switch::On)
        );
        let read = read_with(&["brief"], &Config::default());
        assert_eq!(
            (read.layout.bidi, read.layout.shaping),
            (BidiArg::App, Switch::On)
        );
    }

    #[test]
    fn poll_and_index_from_the_config_file_unless_typed() {
        let config = Config {
            poll: Some(10),
            index: Some("/srv/desk.db".into()),
            ..Config::default()
        };
        let typed = read_with(&["brief", "--poll", "2", "--index", "/tmp/i.db"], &config);
        assert_eq!(typed.poll, Some(2));
        assert_eq!(typed.index.index.as_deref(), Some(Path::new("/tmp/i.db")));
        let read = read_with(&["brief"], &config);
        assert_eq!(read.poll, Some(10));
        if std::env::var_os("BRIEF_INDEX").is_none_or(|p| p.is_empty()) {
            assert_eq!(read.index.index.as_deref(), Some(Path::new("/srv/desk.db")));
        }
        let none = read_with(&["brief"], &Config::default());
        assert_eq!((none.poll, none.index.index), (None, None));
        let matches = Cli::command().try_get_matches_from(["brief", "--poll", "0"]);
        assert!(matches.is_err(), "--poll 0 is refused");
    }

    #[test]
    fn the_link_rate_from_the_config_file_unless_typed() {
        let config = Config {
            max_rate: Some(32_000),
            ..Config::default()
        };
        assert_eq!(read_with(&["brief"], &config).max_rate, Some(32_000));
        let typed = read_with(&["brief", "--max-rate", "2M"], &config);
        assert_eq!(typed.max_rate, Some(2_000_000));
        assert_eq!(read_with(&["brief"], &Config::default()).max_rate, None);
        let refused = Cli::command().try_get_matches_from(["brief", "--max-rate", "fast"]);
        assert!(refused.is_err(), "a rate that is not one is a usage error");
    }

    #[test]
    fn colour_from_the_config_file_unless_typed() {
        let config = Config {
            color: Some(Color::Always),
            ..Config::default()
        };
        let typed = read_with(&["brief", "--color", "never"], &config);
        assert_eq!(typed.color, ColorWhen::Never);
        if !no_color() {
            assert_eq!(read_with(&["brief"], &config).color, ColorWhen::Always);
        }
    }
}
