//! brief behind a slow link (`support::link`): with `--max-rate` a burst of keys is drawn
//! in fewer frames than keys, and the screen it ends on is the one a key at a time gives.
//! Timing decides nothing here: the rate is so low that frames must be skipped however
//! fast or slow the machine is, and only the final screen and the count are checked.

mod support;

use std::time::Duration;

use anyhow::{Context, ensure};
use support::link::{LinkPty, Reading};

const SEED: &str = "briefings/libya-ohchr-geneva.json";
const SIZE: (u16, u16) = (120, 40);
const KEYS: usize = 10;

fn seed() -> String {
    support::repo_root()
        .join(SEED)
        .to_string_lossy()
        .into_owned()
}

fn start(
    args: &[&str],
    reading: Reading,
    rate: u64,
) -> anyhow::Result<(LinkPty, tempfile::TempDir)> {
    let home = tempfile::tempdir()?;
    let s = LinkPty::spawn(support::brief_bin(), args, home.path(), SIZE, reading, rate)?;
    ensure!(
        support::wait_until(support::TIMEOUT, || s.frames() >= 1),
        "no first frame:\n{}",
        s.screen_text()
    );
    Ok((s, home))
}

/// The screen after `KEYS` times `j`, each typed once the frame before it was read.
fn one_key_at_a_time() -> anyhow::Result<String> {
    let (mut s, _home) = start(&[&seed()], Reading::AtOnce, 1_000_000)?;
    s.settle(Duration::from_millis(200), support::TIMEOUT);
    let first = s.screen_cells();
    for _ in 0..KEYS {
        let before = s.frames();
        s.send(b"j")?;
        ensure!(
            support::wait_until(support::TIMEOUT, || s.frames() > before),
            "no frame after j:\n{}",
            s.screen_text()
        );
    }
    s.settle(Duration::from_millis(200), support::TIMEOUT);
    let last = s.screen_cells();
    ensure!(
        last != first,
        "j did not scroll the body:\n{}",
        s.screen_text()
    );
    s.quit_with(b"q");
    Ok(last)
}

/// Holds `j` under `--max-rate 8k` (a frame of the seed at 120×40 takes more than half a
/// second to cross, the keys come 33 ms apart): fewer frames than keys, and the screen of a key at a time.
fn coalesces(reading: Reading) -> anyhow::Result<()> {
    let expected = one_key_at_a_time()?;
    let seed = seed();
    let (mut s, _home) = start(&[&seed, "--max-rate", "8k"], reading, 8_000)?;
    s.settle(Duration::from_millis(300), Duration::from_secs(60));
    let burst = s.hold_key(b"j", KEYS, 30.0, Duration::from_secs(2))?;
    ensure!(
        burst.frames >= 1 && burst.frames < KEYS,
        "{} frames for {KEYS} keys: the keys were not coalesced ({burst:?}); read: {}; screen:\n{}",
        burst.frames,
        s.timeline(),
        s.screen_text()
    );
    let screen = s.screen_cells();
    ensure!(
        screen == expected,
        "the paced screen differs from a key at a time; paced:\n{}",
        s.screen_text()
    );
    s.quit_with(b"q");
    Ok(())
}

#[test]
fn over_ssh_a_burst_of_keys_is_paced_and_ends_on_the_right_screen() -> anyhow::Result<()> {
    coalesces(Reading::AtOnce).context("pty read at once")
}

#[test]
fn on_a_slow_terminal_a_burst_of_keys_is_paced_and_ends_on_the_right_screen() -> anyhow::Result<()>
{
    coalesces(Reading::AtLinkRate).context("pty read at the link's rate")
}
