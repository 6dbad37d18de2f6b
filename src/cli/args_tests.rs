//! `read_only`: the reader's arguments parsed alone, as the whole command line parses them.

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches};

use super::*;

fn args(line: &str) -> Vec<OsString> {
    line.split(' ').map(Into::into).collect()
}

#[test]
fn every_subcommand_sends_its_arguments_to_the_full_parse() {
    for sub in Cli::command().get_subcommands() {
        for name in std::iter::once(sub.get_name()).chain(sub.get_all_aliases()) {
            assert!(
                FULL_PARSE_WORDS.contains(&name),
                "{name}: not in FULL_PARSE_WORDS"
            );
        }
    }
    assert!(read_only(&args("brief briefings/a.json --color never")).is_some());
    for line in [
        "brief check x",
        "brief x --help",
        "brief --version",
        "brief --nope",
        "brief a b",
    ] {
        assert!(read_only(&args(line)).is_none(), "{line}");
    }
}

#[test]
fn the_reader_alone_parses_as_the_whole_command_line_does() {
    for line in [
        "brief",
        "brief dir",
        "brief briefings/a.json",
        "brief dir --bidi terminal --max-size 9 --no-mouse --poll 5 --max-rate 32k",
        "brief --state s.db --index i.db --assume-utf8 --shaping off -- -dash.json",
    ] {
        let Some((matches, read)) = read_only(&args(line)) else {
            panic!("{line}: not read alone");
        };
        let full = Cli::command().try_get_matches_from(args(line));
        let full = full
            .and_then(|m| Cli::from_arg_matches(&m))
            .map(|cli| cli.read);
        assert_eq!(
            full.map(|r| format!("{r:?}")).ok(),
            Some(format!("{read:?}")),
            "{line}"
        );
        let typed = |id: &str| {
            matches.as_ref().and_then(|m| m.value_source(id))
                == Some(clap::parser::ValueSource::CommandLine)
        };
        assert_eq!(typed("bidi"), line.contains("--bidi"), "{line}");
        assert!(!typed("color"), "{line}");
    }
}

/// `brief` and `brief PATH` are read by hand: the fields clap would fill are its defaults,
/// and anything more than a path still goes to clap.
#[test]
fn a_bare_start_is_read_by_hand_as_clap_reads_it() {
    for line in [
        "brief",
        "brief dir",
        "brief a b.json",
        "brief ",
        "brief ./-x",
    ] {
        let hand = bare(&args(line)).map(|read| format!("{read:?}"));
        let clap = ReadCli::try_parse_from(args(line)).map(|cli| format!("{:?}", cli.read));
        assert_eq!(hand, clap.ok(), "{line}");
        if line.split(' ').count() <= 2 && !line.ends_with(' ') {
            assert!(hand.is_some(), "{line}: not read by hand");
            assert!(matches!(read_only(&args(line)), Some((None, _))), "{line}");
        }
    }
    for line in [
        "brief -",
        "brief --no-mouse",
        "brief -x",
        "brief dir --poll 5",
    ] {
        assert!(bare(&args(line)).is_none(), "{line}");
    }
}
