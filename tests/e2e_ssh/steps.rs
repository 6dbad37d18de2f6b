//! The checks of the session, in the order they run: the same rows with and without SSH,
//! the copy, the keys, the hang-up, the refusal without LANG, and what is left at the end.

use std::path::Path;
use std::process::Command;

use crate::support::process::{children_of, is_descendant_of, process_alive, processes_running};
use crate::support::tmux::{Session, Tmux};
use crate::support::{TIMEOUT, wait_until};
use crate::{COLS, Link, ROWS};

/// The seed briefing's first quotation, and its speaker's name, as the clipboard must
/// hold them (the briefing's text has no control characters, so nothing is replaced).
fn seed_quote() -> (String, String) {
    let value = crate::support::sample("libya-ohchr-geneva.json").expect("read the seed");
    let quote = &value["quotes"][0];
    let text = quote["text"].as_str().expect("quote text").to_owned();
    let speaker = quote["speaker"].as_str().expect("speaker").to_owned();
    let name = value["actors"]
        .as_array()
        .and_then(|actors| {
            actors.iter().find(|a| {
                a["id"].as_str() == Some(&speaker)
                    || a["name"].as_str() == Some(&speaker)
                    || a["aliases"]
                        .as_array()
                        .is_some_and(|al| al.iter().any(|x| x.as_str() == Some(&speaker)))
            })
        })
        .and_then(|a| a["name"].as_str())
        .unwrap_or(&speaker)
        .to_owned();
    (text, name)
}

/// 1. The Arabic seed renders the same rows over SSH as without it.
pub fn same_rows_over_ssh(link: &Link, local: &Tmux, remote: &Tmux) {
    let is_up = |s: &str| s.contains("Headline") && s.contains("Actors");
    let local_screen = local
        .wait_settled("local start", is_up)
        .expect("local start");
    let remote_screen = remote
        .wait_settled("the reader over SSH", is_up)
        .expect("the reader over SSH");
    assert!(
        local_screen
            .chars()
            .any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)
                || ('\u{fe70}'..='\u{feff}').contains(&c)),
        "no Arabic on the local screen:\n{local_screen}"
    );
    assert_eq!(
        remote_screen,
        local_screen,
        "over SSH the screen differs from the local run\n--- ssh ---\n{remote_screen}\n--- local ---\n{local_screen}\n--- sshd log ---\n{}",
        link.sshd.log()
    );
}

/// 2. OSC 52 copy passes through SSH into tmux's paste buffer.
pub fn copy_reaches_the_paste_buffer(remote: &Tmux) {
    remote.send_keys(&["3", "y"]).expect("send keys");
    let (quote, speaker) = seed_quote();
    let head: String = quote.chars().take(12).collect();
    let copied = wait_until(TIMEOUT, || {
        remote
            .paste_buffer()
            .is_ok_and(|buffer| buffer.contains(&head))
    });
    let buffer = remote.paste_buffer().unwrap_or_default();
    assert!(
        copied,
        "the quotation did not reach tmux's paste buffer over SSH: {buffer:?}\n{}",
        capture(remote)
    );
    assert!(
        buffer.contains(&speaker),
        "no attribution in the copy: {buffer:?}"
    );
}

/// 3. Keys navigate, over SSH as locally: move the focus, scroll, go to the library and
///    open another briefing. (The remote reader is on the quotes pane after the copy.)
pub fn keys_navigate_alike(local: &Tmux, remote: &Tmux) {
    local.send_keys(&["3"]).expect("send keys");
    for keys in [
        &["2"][..],
        &["j", "j", "j"],
        &["Tab"],
        &["Escape"],
        &["k"],
        &["Enter"],
    ] {
        let before = capture(remote);
        local.send_keys(keys).expect("send keys");
        remote.send_keys(keys).expect("send keys");
        let local_now = local
            .wait_settled("local keys", |s| !s.is_empty())
            .expect("local keys");
        let same = wait_until(TIMEOUT, || capture(remote) == local_now);
        assert!(
            same,
            "after {keys:?} over SSH the screen differs from the local run\n--- ssh ---\n{}\n--- local ---\n{local_now}",
            capture(remote)
        );
        assert_ne!(before, local_now, "{keys:?} changed nothing");
    }
}

/// 4. Killing the ssh client hangs up the far side: brief exits 129, nothing is left.
pub fn killing_ssh_hangs_up_the_far_side(link: &Link, local_pid: u32, remote: &Tmux) {
    let sshd_pid = link.sshd.child.id();
    let ssh_pid: u32 = pane_pid(remote);
    let remote_briefs: Vec<u32> = processes_running(&link.brief)
        .into_iter()
        .filter(|pid| *pid != local_pid && is_descendant_of(*pid, sshd_pid))
        .collect();
    assert_eq!(
        remote_briefs.len(),
        1,
        "the far side's brief: {remote_briefs:?}"
    );
    let remote_pid = remote_briefs[0];
    let kill = Command::new("kill")
        .args(["-KILL", &ssh_pid.to_string()])
        .status();
    assert!(kill.is_ok_and(|s| s.success()), "kill the ssh client");
    assert!(
        wait_until(TIMEOUT, || !process_alive(remote_pid)),
        "brief {remote_pid} still running after its ssh client was killed\n{}",
        link.sshd.log()
    );
    assert!(
        wait_until(TIMEOUT, || std::fs::read_to_string(&link.status_file)
            .is_ok_and(|s| !s.trim().is_empty())),
        "the far side never wrote brief's status"
    );
    let status = std::fs::read_to_string(&link.status_file).unwrap_or_default();
    assert_eq!(
        status.trim(),
        "129",
        "brief's exit status after the hang-up"
    );
    assert!(
        wait_until(TIMEOUT, || !processes_running(&link.brief)
            .contains(&remote_pid)
            && children_of(sshd_pid).is_empty()),
        "sshd still has sessions: {:?}",
        children_of(sshd_pid)
    );
}

/// 5. Without LANG forwarded the far side has no UTF-8 locale: brief says so and exits
///    with status 2 instead of drawing mojibake. (The message starts before the pane has
///    its final size, so read it with the pane's history.) The pane it ran in.
pub fn refused_without_lang(link: &Link, local: &Tmux) -> Tmux {
    std::fs::remove_file(&link.status_file).expect("remove the status file");
    let nolang = local
        .new_session(Session::new("nolang", &link.ssh(false)).size(COLS, ROWS))
        .expect("open the ssh session without LANG");
    assert!(
        wait_until(TIMEOUT, || nolang
            .format("#{pane_dead}")
            .is_ok_and(|d| d == "1")),
        "ssh without LANG did not end\n{}",
        capture(&nolang)
    );
    let refused = nolang
        .capture_history()
        .expect("capture the pane's history");
    assert!(
        refused.contains("locale is not UTF-8") && refused.contains("SendEnv LANG"),
        "without LANG brief did not refuse with its advice:\n{refused}"
    );
    let status = std::fs::read_to_string(&link.status_file).unwrap_or_default();
    assert_eq!(
        status.trim(),
        "2",
        "brief's exit status without a UTF-8 locale"
    );
    nolang
}

/// The local reader quits normally; once the panes and sshd are dropped no tmux socket,
/// sshd or privilege separation folder is left.
pub fn quit_and_leave_nothing(link: Link, local_pid: u32, panes: (Tmux, Tmux, Tmux)) {
    let local = &panes.0;
    local.send_keys(&["q"]).expect("send keys");
    assert!(
        wait_until(TIMEOUT, || !process_alive(local_pid)),
        "local brief did not quit"
    );
    let socket_path = local.socket_path().to_path_buf();
    drop(panes);
    assert!(
        !Path::new(&socket_path).exists(),
        "tmux socket {} left behind",
        socket_path.display()
    );
    let sshd_pid = link.sshd.child.id();
    let made_privsep = link.sshd.made_privsep;
    drop(link);
    assert!(!process_alive(sshd_pid), "sshd still running");
    if made_privsep {
        assert!(!Path::new("/run/sshd").exists(), "/run/sshd left behind");
    }
}

/// The pane's screen, or what went wrong capturing it (for failure messages).
fn capture(pane: &Tmux) -> String {
    pane.capture()
        .unwrap_or_else(|e| format!("(no capture: {e:#})"))
}

pub fn pane_pid(pane: &Tmux) -> u32 {
    let pid = pane.format("#{pane_pid}").expect("#{pane_pid}");
    pid.parse()
        .unwrap_or_else(|e| panic!("pane pid {pid:?}: {e}"))
}
