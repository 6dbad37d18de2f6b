//! Processes seen through /proc (procps may not be installed): whether one still runs,
//! its parent and children, which ones run a given executable; and signals.

use std::path::Path;

/// Whether a process with this id is still running. A zombie has exited: whoever adopted
/// it may not reap it soon (PID 1 in a container often never does).
pub fn process_alive(pid: u32) -> bool {
    !matches!(process_state(pid), Some('Z' | 'X') | None)
}

/// The fields of /proc/PID/stat after the `(name)`, which may itself hold spaces and
/// parentheses, hence the last `)`: the state letter (R, S, Z...), then the parent's id...
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    Some(rest.split_whitespace().map(str::to_string).collect())
}

fn process_state(pid: u32) -> Option<char> {
    stat_fields(pid)?.first()?.chars().next()
}

/// The parent process id.
pub fn parent_of(pid: u32) -> Option<u32> {
    stat_fields(pid)?.get(1)?.parse().ok()
}

/// Every process id in /proc.
fn all_pids() -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .collect()
}

/// The live processes whose parent is `pid`.
pub fn children_of(pid: u32) -> Vec<u32> {
    all_pids()
        .into_iter()
        .filter(|&candidate| parent_of(candidate) == Some(pid) && process_alive(candidate))
        .collect()
}

/// Whether `ancestor` is `pid`'s parent, or its parent's, and so on up (not past PID 1).
pub fn is_descendant_of(mut pid: u32, ancestor: u32) -> bool {
    for _ in 0..64 {
        match parent_of(pid) {
            Some(p) if p == ancestor => return true,
            Some(p) if p > 1 => pid = p,
            _ => return false,
        }
    }
    false
}

/// Pids of live processes whose executable is `exe` (by /proc/PID/exe).
pub fn processes_running(exe: &Path) -> Vec<u32> {
    let want = std::fs::canonicalize(exe).unwrap_or_else(|_| exe.to_path_buf());
    all_pids()
        .into_iter()
        .filter(|&pid| {
            std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|target| {
                let target = target.to_string_lossy().replace(" (deleted)", "");
                Path::new(&target) == want && process_alive(pid)
            })
        })
        .collect()
}

/// Sends `signal` to the process `pid`.
pub fn send_signal(pid: u32, signal: rustix::process::Signal) -> anyhow::Result<()> {
    let raw = i32::try_from(pid)?;
    let pid =
        rustix::process::Pid::from_raw(raw).ok_or_else(|| anyhow::anyhow!("bad pid {raw}"))?;
    rustix::process::kill_process(pid, signal)?;
    Ok(())
}

/// Sends a signal by name (`TERM`, `HUP`...) with the system's `kill`.
pub fn signal(pid: u32, name: &str) {
    let status = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "kill -{name} {pid} failed"
    );
}
