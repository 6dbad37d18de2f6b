//! GNU FriBidi's command line: the visual order of many lines in one process.

use std::io::Write;
use std::process::{Command, Stdio};

/// `fribidi --nobreak --clean --nopad` and `extra` on `lines`, one process for all:
/// it reads one paragraph per input line. `None` after a loud skip if it is missing.
pub fn visual(lines: &[&str], extra: &[&str]) -> Option<Vec<String>> {
    let mut args = vec!["--nobreak", "--clean", "--nopad"];
    args.extend(extra);
    let child = Command::new("fribidi")
        .args(&args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        crate::support::missing(crate::TEST, "fribidi (Debian libfribidi-bin)");
        return None;
    };
    let input: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let mut stdin = child.stdin.take().expect("piped stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("fribidi runs");
    writer
        .join()
        .expect("writer thread")
        .expect("write to fribidi");
    assert!(out.status.success(), "fribidi {args:?} failed");
    let text = String::from_utf8(out.stdout).expect("fribidi writes UTF-8");
    let result: Vec<String> = text.lines().map(str::to_string).collect();
    let per_line = if extra.contains(&"--basedir") { 2 } else { 1 };
    assert_eq!(
        result.len(),
        per_line * lines.len(),
        "fribidi's output lines"
    );
    Some(result)
}
