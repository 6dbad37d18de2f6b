//! What brief checks before it touches the terminal (the path, the locale) and how it
//! sets the bidi mode (not at all with `--bidi terminal`, through tmux's passthrough).

use anyhow::{Context, ensure};

use crate::support::pty::Launch;
use crate::support::{find_bytes, rfind_bytes};
use crate::{BIDI_EXPLICIT, BIDI_IMPLICIT, assert_restored, refused_before_setup, start};

#[test]
fn a_missing_path_is_an_error_before_the_terminal_is_touched() -> anyhow::Result<()> {
    let text = refused_before_setup(Launch::new(&["no-such-briefings"])?)?;
    ensure!(
        text.contains("no-such-briefings: no such file or folder"),
        "{text}"
    );
    Ok(())
}

/// Refused before the terminal is touched: no alternate screen, a message that says why.
fn locale_refused(launch: Launch, expect: &str) -> anyhow::Result<()> {
    let text = refused_before_setup(launch)?;
    ensure!(
        text.contains("not UTF-8") && text.contains(expect),
        "message:\n{text}"
    );
    ensure!(text.contains("--assume-utf8"), "no override named:\n{text}");
    Ok(())
}

#[test]
fn a_latin1_locale_is_refused() -> anyhow::Result<()> {
    let launch = Launch::new(&[])?.env("LANG", "en_US.ISO-8859-1");
    locale_refused(launch, "LANG=en_US.ISO-8859-1")
}

#[test]
fn lc_all_c_overrides_a_utf8_lang_and_is_refused() -> anyhow::Result<()> {
    let launch = Launch::new(&[])?.env("LC_ALL", "C");
    locale_refused(launch, "LC_ALL=C")
}

#[test]
fn an_unset_locale_is_refused() -> anyhow::Result<()> {
    let launch = Launch::new(&[])?.unset("LANG");
    locale_refused(launch, "all unset")
}

#[test]
fn assume_utf8_starts_anyway() -> anyhow::Result<()> {
    for launch in [
        Launch::new(&["--assume-utf8"])?.env("LANG", "C"),
        Launch::new(&[])?
            .env("LANG", "C")
            .env("BRIEF_ASSUME_UTF8", "1"),
    ] {
        let mut pty = start(launch)?;
        pty.send(b"q")?;
        assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
        assert_restored(&pty)?;
    }
    Ok(())
}

#[test]
fn bidi_terminal_leaves_the_bidi_mode_alone() -> anyhow::Result<()> {
    let mut pty = start(Launch::new(&["--bidi", "terminal"])?)?;
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    let raw = pty.raw();
    ensure!(
        find_bytes(&raw, BIDI_EXPLICIT).is_none(),
        "CSI 8 l sent in terminal mode"
    );
    ensure!(
        find_bytes(&raw, BIDI_IMPLICIT).is_none(),
        "CSI 8 h sent in terminal mode"
    );
    Ok(())
}

/// Inside tmux (TMUX set) the bidi mode goes through DCS passthrough, ESCs doubled.
#[test]
fn inside_tmux_the_bidi_mode_goes_through_passthrough() -> anyhow::Result<()> {
    let launch = Launch::new(&[])?.env("TMUX", "/tmp/tmux-0/default,1,0");
    let mut pty = start(launch)?;
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    let raw = pty.raw();
    let on = find_bytes(&raw, b"\x1bPtmux;\x1b\x1b[8l\x1b\\").context("no passthrough 8l")?;
    let off = rfind_bytes(&raw, b"\x1bPtmux;\x1b\x1b[8h\x1b\\").context("no passthrough 8h")?;
    ensure!(off > on, "8h passthrough not after 8l");
    Ok(())
}

#[test]
fn the_config_files_problems_are_said_once_before_the_reader_starts() -> anyhow::Result<()> {
    let config = tempfile::tempdir()?;
    std::fs::create_dir_all(config.path().join("brief"))?;
    std::fs::write(
        config.path().join("brief/config.toml"),
        "colour = \"never\"\n",
    )?;
    let mut pty = start(Launch::new(&[])?.env("XDG_CONFIG_HOME", config.path()))?;
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    let raw = String::from_utf8_lossy(&pty.raw()).into_owned();
    let said = raw.matches("unknown key \"colour\"").count();
    ensure!(said == 1, "said {said} times:\n{raw}");
    Ok(())
}
