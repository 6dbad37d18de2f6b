//! Helpers for the hostile-input tests: the real `brief` binary in a pseudo-terminal with
//! every byte it writes kept, a vt100 screen that records the callbacks an attack would
//! fire (title, clipboard, bell, resize), an audit of the raw bytes against the escape
//! sequences that ratatui and crossterm legitimately write, and small process helpers.
//!
//! Waiting is always polling with a timeout; timing never decides a pass or a fail.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(20);
pub const POLL: Duration = Duration::from_millis(20);

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_brief"))
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

pub fn samples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings")
}

/// Everything vt100 reports through its callbacks that an escape injection would trigger.
#[derive(Debug, Default, Clone)]
pub struct Recorder {
    pub titles: Vec<Vec<u8>>,
    pub icon_names: Vec<Vec<u8>>,
    pub clipboard_writes: Vec<(Vec<u8>, Vec<u8>)>,
    pub clipboard_reads: usize,
    pub bells: usize,
    pub visual_bells: usize,
    pub resizes: Vec<(u16, u16)>,
    pub unhandled_osc: Vec<Vec<Vec<u8>>>,
    pub unhandled_escape: Vec<(Option<u8>, Option<u8>, u8)>,
    pub unhandled_control: Vec<u8>,
}

impl vt100::Callbacks for Recorder {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn visual_bell(&mut self, _: &mut vt100::Screen) {
        self.visual_bells += 1;
    }
    fn resize(&mut self, _: &mut vt100::Screen, request: (u16, u16)) {
        self.resizes.push(request);
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.icon_names.push(name.to_vec());
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, ty: &[u8], data: &[u8]) {
        self.clipboard_writes.push((ty.to_vec(), data.to_vec()));
    }
    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8]) {
        self.clipboard_reads += 1;
    }
    fn unhandled_control(&mut self, _: &mut vt100::Screen, b: u8) {
        self.unhandled_control.push(b);
    }
    fn unhandled_escape(&mut self, _: &mut vt100::Screen, i1: Option<u8>, i2: Option<u8>, b: u8) {
        self.unhandled_escape.push((i1, i2, b));
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        self.unhandled_osc
            .push(params.iter().map(|p| p.to_vec()).collect());
    }
}

impl Recorder {
    /// What an injected sequence would have done to the user's terminal, if anything.
    pub fn attacks_seen(&self) -> Vec<String> {
        let mut seen = Vec::new();
        if !self.titles.is_empty() {
            seen.push(format!("window title set: {:?}", lossy_all(&self.titles)));
        }
        if !self.icon_names.is_empty() {
            seen.push(format!("icon name set: {:?}", lossy_all(&self.icon_names)));
        }
        if !self.clipboard_writes.is_empty() {
            seen.push(format!("clipboard written: {:?}", self.clipboard_writes));
        }
        if self.clipboard_reads > 0 {
            seen.push("clipboard read requested".into());
        }
        if self.bells + self.visual_bells > 0 {
            seen.push(format!(
                "bell rung {} times",
                self.bells + self.visual_bells
            ));
        }
        if !self.resizes.is_empty() {
            seen.push(format!("window resize requested: {:?}", self.resizes));
        }
        if !self.unhandled_osc.is_empty() {
            seen.push(format!("OSC sequences: {:?}", self.unhandled_osc));
        }
        seen
    }
}

fn lossy_all(items: &[Vec<u8>]) -> Vec<String> {
    items
        .iter()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect()
}

/// What vt100 is shown in place of U+FFFD. vt100 drops U+FFFD (it takes it for a decoding
/// error of its own), where a real terminal draws it in one cell; brief shows C1 controls as
/// U+FFFD, so the parser gets this one-cell stand-in instead and the columns stay true.
/// The raw bytes keep the real U+FFFD.
pub const REPLACEMENT_STAND_IN: char = '\u{bf}';

/// Rewrites U+FFFD to the stand-in in a byte stream that arrives in pieces.
#[derive(Default)]
struct ReplacementFeed {
    carry: Vec<u8>,
}

impl ReplacementFeed {
    const FFFD: &'static [u8] = "\u{fffd}".as_bytes();

    fn push(&mut self, bytes: &[u8]) -> Vec<u8> {
        let mut data = std::mem::take(&mut self.carry);
        data.extend_from_slice(bytes);
        // Hold back a tail that may be the start of a U+FFFD cut by the read.
        let keep = (1..Self::FFFD.len())
            .rev()
            .find(|&k| data.len() >= k && data.ends_with(&Self::FFFD[..k]))
            .unwrap_or(0);
        self.carry = data.split_off(data.len() - keep);
        let mut out = Vec::with_capacity(data.len());
        let mut i = 0;
        let mut stand_in = [0u8; 4];
        let stand_in = REPLACEMENT_STAND_IN.encode_utf8(&mut stand_in).as_bytes();
        while i < data.len() {
            if data[i..].starts_with(Self::FFFD) {
                out.extend_from_slice(stand_in);
                i += Self::FFFD.len();
            } else {
                out.push(data[i]);
                i += 1;
            }
        }
        out
    }

    fn finish(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.carry)
    }
}

struct Shared {
    raw: Vec<u8>,
    parser: vt100::Parser<Recorder>,
    eof: bool,
}

/// The real binary in a pseudo-terminal.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Mutex<Shared>>,
    reader: Option<JoinHandle<()>>,
    exit: Option<portable_pty::ExitStatus>,
    pub cols: u16,
    pub rows: u16,
}

pub struct Spawn<'a> {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub cols: u16,
    pub rows: u16,
    pub env: Vec<(&'a str, String)>,
    pub cwd: Option<PathBuf>,
}

impl<'a> Spawn<'a> {
    pub fn brief<S: AsRef<str>>(args: &[S]) -> Self {
        Self {
            program: bin(),
            args: args.iter().map(|a| a.as_ref().to_owned()).collect(),
            cols: 160,
            rows: 50,
            env: Vec::new(),
            cwd: None,
        }
    }
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }
    pub fn env(mut self, key: &'a str, value: impl Into<String>) -> Self {
        self.env.push((key, value.into()));
        self
    }
    pub fn start(self) -> Pty {
        Pty::start(self)
    }
}

fn lock(shared: &Mutex<Shared>) -> std::sync::MutexGuard<'_, Shared> {
    // A panic in another test thread must not hide this test's own outcome.
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

impl Pty {
    fn start(spec: Spawn<'_>) -> Self {
        let size = PtySize {
            rows: spec.rows,
            cols: spec.cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).expect("openpty");
        let mut cmd = CommandBuilder::new(&spec.program);
        cmd.args(&spec.args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
        cmd.env("HOME", std::env::var("HOME").unwrap_or_else(|_| "/".into()));
        cmd.env("LANG", "C.UTF-8");
        cmd.env("TERM", "xterm-256color");
        // A user key table must not change what the keys do in these tests.
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/brief-hostile-tests");
        for (k, v) in &spec.env {
            cmd.env(k, v);
        }
        cmd.cwd(
            spec.cwd
                .clone()
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR"))),
        );
        let child = pair.slave.spawn_command(cmd).expect("spawn brief in a pty");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let shared = Arc::new(Mutex::new(Shared {
            raw: Vec::new(),
            parser: vt100::Parser::new_with_callbacks(
                nonzero(spec.rows),
                nonzero(spec.cols),
                0,
                Recorder::default(),
            ),
            eof: false,
        }));
        let sink = Arc::clone(&shared);
        let handle = std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            let mut feed = ReplacementFeed::default();
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut s = lock(&sink);
                        s.raw.extend_from_slice(&buf[..n]);
                        let bytes = feed.push(&buf[..n]);
                        s.parser.process(&bytes);
                    }
                }
            }
            let mut s = lock(&sink);
            let rest = feed.finish();
            s.parser.process(&rest);
            s.eof = true;
        });
        Pty {
            master: pair.master,
            writer,
            child,
            shared,
            reader: Some(handle),
            exit: None,
            cols: spec.cols,
            rows: spec.rows,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    pub fn send(&mut self, bytes: &[u8]) {
        // A child that already exited closes the pty: a failed write is then not ours to
        // report, the exit status and screen assertions will say what happened.
        let _ = self.writer.write_all(bytes);
        let _ = self.writer.flush();
    }

    pub fn raw(&self) -> Vec<u8> {
        lock(&self.shared).raw.clone()
    }

    pub fn raw_len(&self) -> usize {
        lock(&self.shared).raw.len()
    }

    pub fn recorder(&self) -> Recorder {
        lock(&self.shared).parser.callbacks().clone()
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.shared).parser.screen())
    }

    pub fn rows_text(&self) -> Vec<String> {
        self.with_screen(|s| s.rows(0, s.size().1.get()).collect())
    }

    pub fn contents(&self) -> String {
        self.rows_text().join("\n")
    }

    /// Resizes the pty (and the parser first, so nothing drawn for the new size is lost).
    /// vt100 cannot model a zero-sized screen, so its grid stays at least 1×1.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.shared)
            .parser
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.cols = cols;
        self.rows = rows;
    }

    /// Polls the screen until `pred` holds; returns false on timeout or when the child
    /// exited first (the screen can no longer change).
    pub fn wait_for(
        &mut self,
        timeout: Duration,
        mut pred: impl FnMut(&vt100::Screen) -> bool,
    ) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if self.with_screen(&mut pred) {
                return true;
            }
            if lock(&self.shared).eof || Instant::now() > deadline {
                return self.with_screen(&mut pred);
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn wait_text(&mut self, text: &str) -> bool {
        self.wait_for(TIMEOUT, |s| s.contents().contains(text))
    }

    /// Waits until no new byte arrived for several polls in a row and no synchronized
    /// update (`CSI ? 2026 h` … `l`, one frame) is left open: the frame is complete.
    pub fn settle(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = self.raw_len();
        let mut quiet = 0;
        while (quiet < 5 || self.inside_frame()) && Instant::now() < deadline {
            std::thread::sleep(POLL);
            let now = self.raw_len();
            if now == last {
                quiet += 1;
            } else {
                quiet = 0;
                last = now;
            }
        }
    }

    /// The output ends inside a synchronized update: a frame is still being written.
    fn inside_frame(&self) -> bool {
        let shared = lock(&self.shared);
        let raw = &shared.raw;
        let find_last = |needle: &[u8]| raw.windows(needle.len()).rposition(|w| w == needle);
        match (find_last(b"\x1b[?2026h"), find_last(b"\x1b[?2026l")) {
            (Some(begin), Some(end)) => begin > end,
            (Some(_), None) => true,
            _ => false,
        }
    }

    pub fn try_wait(&mut self) -> Option<portable_pty::ExitStatus> {
        if self.exit.is_none()
            && let Ok(Some(status)) = self.child.try_wait()
        {
            self.exit = Some(status);
        }
        self.exit.clone()
    }

    pub fn wait_exit(&mut self, timeout: Duration) -> Option<portable_pty::ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.try_wait() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits for the reader to see the end of the output (all bytes are in `raw`).
    pub fn wait_eof(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if lock(&self.shared).eof {
                return true;
            }
            std::thread::sleep(POLL);
        }
        false
    }

    /// Quits with `q` and checks the exit: status 0, terminal restored.
    pub fn quit(&mut self) -> portable_pty::ExitStatus {
        self.send(b"q");
        self.wait_exit(TIMEOUT)
            .expect("brief did not exit within the timeout after q")
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.try_wait().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader ends when the pty closes; the master is dropped with self after this.
        if let Some(handle) = self.reader.take()
            && lock(&self.shared).eof
        {
            let _ = handle.join();
        }
    }
}

/// True while a process with this pid exists and is not a zombie.
pub fn process_alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => {
            // The state follows the command name in parentheses, which may hold spaces.
            let state = stat.rsplit_once(')').map(|(_, rest)| rest.trim_start());
            !matches!(
                state.and_then(|s| s.chars().next()),
                Some('Z') | Some('X') | None
            )
        }
        Err(_) => false,
    }
}

/// Pids of live processes whose executable is `exe` (by /proc/PID/exe).
pub fn processes_running(exe: &Path) -> Vec<u32> {
    let want = std::fs::canonicalize(exe).unwrap_or_else(|_| exe.to_path_buf());
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            if let Ok(target) = std::fs::read_link(entry.path().join("exe")) {
                let target = target.to_string_lossy().replace(" (deleted)", "");
                if Path::new(&target) == want && process_alive(pid) {
                    found.push(pid);
                }
            }
        }
    }
    found
}

pub fn wait_until(timeout: Duration, mut pred: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if pred() {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(POLL);
    }
}

/// Sends a signal by name with the system's `kill` (this crate forbids unsafe code).
pub fn signal(pid: u32, name: &str) {
    let status = std::process::Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{name} {pid} failed");
}

// ---------------------------------------------------------------------------------------
// The raw-byte audit.

/// What may legitimately appear in brief's output besides text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Allow {
    /// OSC 52 clipboard writes (the `y` copy).
    pub osc52: bool,
    /// tmux's passthrough DCS carrying `CSI 8 l` / `CSI 8 h` (only when TMUX is set).
    pub tmux_passthrough: bool,
    /// Leaving the alternate screen and showing the cursor (only at the end of a run).
    pub exit_sequences: bool,
}

/// One escape sequence or control found in the output, with its byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub offset: usize,
    pub what: String,
}

fn show_bytes(bytes: &[u8]) -> String {
    bytes.escape_ascii().to_string()
}

fn csi_allowed(private: &[u8], params: &str, inter: &[u8], fin: u8, allow: Allow) -> bool {
    let numeric = |s: &str| {
        s.split([';', ':'])
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    match (private, inter, fin) {
        // Cursor position, colours and attributes, erase (crossterm's Clear).
        (b"", b"", b'H') => numeric(params) && params.split(';').count() <= 2,
        (b"", b"", b'm') => numeric(params),
        (b"", b"", b'J') => matches!(params, "" | "0" | "1" | "2" | "3"),
        (b"", b"", b'K') => matches!(params, "" | "0" | "1" | "2"),
        // Scroll region and scrolling, line insert/delete (used by a zoomed pane).
        (b"", b"", b'r') => numeric(params),
        (b"", b"", b'S' | b'T' | b'L' | b'M') => numeric(params),
        // ECMA-48 BDSM: CSI 8 l (explicit, the app reorders) and CSI 8 h at exit.
        (b"", b"", b'l') => params == "8",
        (b"", b"", b'h') => params == "8",
        (b"?", b"", b'h' | b'l') => {
            let mode = params;
            let ok_both = matches!(
                mode,
                "25" | "2026"
                    | "1000"
                    | "1002"
                    | "1003"
                    | "1006"
                    | "1015"
                    | "2004"
                    | "1004"
                    | "7"
                    | "12"
            );
            ok_both || mode == "1049" && (fin == b'h' || allow.exit_sequences)
        }
        // kitty keyboard protocol push / pop.
        (b">" | b"<", b"", b'u') => numeric(params),
        // Cursor shape.
        (b"", b" ", b'q') => numeric(params),
        _ => false,
    }
}

/// Every escape sequence or control in `bytes` that neither ratatui nor crossterm writes
/// for brief: each one would be a briefing's byte acting on the user's terminal.
pub fn audit(bytes: &[u8], allow: Allow) -> Vec<Finding> {
    let mut bad = Vec::new();
    let mut i = 0;
    let n = bytes.len();
    let mut push = |offset: usize, what: String| bad.push(Finding { offset, what });
    while i < n {
        let b = bytes[i];
        if b == 0x1b {
            let start = i;
            let Some(&kind) = bytes.get(i + 1) else {
                push(start, "lone ESC at end of output".into());
                break;
            };
            match kind {
                b'[' => {
                    let mut j = i + 2;
                    let p0 = j;
                    while j < n && (0x3c..=0x3f).contains(&bytes[j]) && j == p0 {
                        j += 1;
                    }
                    let private = &bytes[p0..j];
                    let ps = j;
                    while j < n && (0x30..=0x3f).contains(&bytes[j]) {
                        j += 1;
                    }
                    let params = String::from_utf8_lossy(&bytes[ps..j]).into_owned();
                    let is_ = j;
                    while j < n && (0x20..=0x2f).contains(&bytes[j]) {
                        j += 1;
                    }
                    let inter = &bytes[is_..j];
                    if j >= n || !(0x40..=0x7e).contains(&bytes[j]) {
                        push(
                            start,
                            format!("malformed CSI {}", show_bytes(&bytes[start..j.min(n)])),
                        );
                        i = j.max(i + 2);
                        continue;
                    }
                    if !csi_allowed(private, &params, inter, bytes[j], allow) {
                        push(start, format!("CSI {}", show_bytes(&bytes[start..=j])));
                    }
                    i = j + 1;
                }
                b']' | b'P' | b'_' | b'^' | b'X' => {
                    // String sequences end at BEL (OSC only) or ST (ESC \).
                    let mut j = i + 2;
                    let mut end = None;
                    while j < n {
                        if kind == b']' && bytes[j] == 0x07 {
                            end = Some(j + 1);
                            break;
                        }
                        if bytes[j] == 0x1b && bytes.get(j + 1) == Some(&b'\\') {
                            end = Some(j + 2);
                            break;
                        }
                        // tmux passthrough doubles the ESC of the wrapped sequence.
                        if kind == b'P' && bytes[j] == 0x1b && bytes.get(j + 1) == Some(&0x1b) {
                            j += 2;
                            continue;
                        }
                        j += 1;
                    }
                    let end = end.unwrap_or(n);
                    let seq = &bytes[start..end];
                    let body = &bytes[i + 2..end];
                    let ok = match kind {
                        b']' => {
                            allow.osc52 && body.starts_with(b"52;c;") && {
                                let payload = body
                                    .strip_suffix(b"\x07")
                                    .or_else(|| body.strip_suffix(b"\x1b\\"))
                                    .unwrap_or(body);
                                payload[5..].iter().all(|b| {
                                    b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')
                                })
                            }
                        }
                        b'P' => {
                            allow.tmux_passthrough
                                && matches!(
                                    seq,
                                    b"\x1bPtmux;\x1b\x1b[8l\x1b\\" | b"\x1bPtmux;\x1b\x1b[8h\x1b\\"
                                )
                        }
                        _ => false,
                    };
                    if !ok {
                        let name = match kind {
                            b']' => "OSC",
                            b'P' => "DCS",
                            b'_' => "APC",
                            b'^' => "PM",
                            _ => "SOS",
                        };
                        push(
                            start,
                            format!("{name} {}", show_bytes(&seq[..seq.len().min(80)])),
                        );
                    }
                    i = end;
                }
                b'7' | b'8' | b'=' | b'>' => i += 2,
                b'(' if bytes.get(i + 2) == Some(&b'B') => i += 3,
                _ => {
                    let end = (i + 3).min(n);
                    push(
                        start,
                        format!("ESC sequence {}", show_bytes(&bytes[start..end])),
                    );
                    i += 2;
                }
            }
            continue;
        }
        if b == b'\r' || b == b'\n' {
            i += 1;
            continue;
        }
        if b < 0x20 || b == 0x7f {
            push(i, format!("control byte 0x{b:02x}"));
            i += 1;
            continue;
        }
        if b < 0x80 {
            i += 1;
            continue;
        }
        // Multi-byte UTF-8: decode one character.
        let len = match b {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => 0,
        };
        let decoded = (len > 0 && i + len <= n)
            .then(|| std::str::from_utf8(&bytes[i..i + len]).ok())
            .flatten()
            .and_then(|s| s.chars().next());
        match decoded {
            Some(c) if ('\u{80}'..='\u{9f}').contains(&c) => {
                push(i, format!("C1 control U+{:04X} encoded in UTF-8", c as u32));
                i += len;
            }
            Some(_) => i += len,
            None => {
                push(
                    i,
                    format!("byte 0x{b:02x} that is not UTF-8 (a raw C1 control?)"),
                );
                i += 1;
            }
        }
    }
    bad
}

/// Characters on screen that a terminal would have treated as controls (none should be
/// in any cell: vt100 keeps only printable text in cells).
pub fn control_chars_on_screen(screen: &vt100::Screen) -> Vec<(u16, u16, String)> {
    let (rows, cols) = screen.size();
    let mut found = Vec::new();
    for r in 0..rows.get() {
        for c in 0..cols.get() {
            if let Some(cell) = screen.cell(r, c) {
                let s = cell.contents();
                if s.chars().any(|ch| ch.is_control()) {
                    found.push((r, c, s.escape_debug().to_string()));
                }
            }
        }
    }
    found
}

/// Runs `brief` with arguments outside a terminal (stdout a pipe) and returns
/// (status, stdout, stderr), killing it if it outlives the timeout.
pub fn run_piped(
    args: &[&str],
    timeout: Duration,
) -> (Option<std::process::ExitStatus>, Vec<u8>, Vec<u8>) {
    let mut child = std::process::Command::new(bin())
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("TMUX")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn brief");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(POLL);
    };
    let stdout = t_out.join().unwrap_or_default();
    let stderr = t_err.join().unwrap_or_default();
    (status, stdout, stderr)
}

/// Control characters in a plain-text output: anything but `\n` below 0x20, DEL, C1
/// (as UTF-8), and any byte that is not UTF-8 (a raw C1 byte), with their offsets.
pub fn plain_text_controls(bytes: &[u8]) -> Vec<Finding> {
    let (text, invalid) = match std::str::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => (
            std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default(),
            Some(e.valid_up_to()),
        ),
    };
    let mut found: Vec<Finding> = text
        .char_indices()
        .filter(|(_, c)| c.is_control() && *c != '\n')
        .map(|(offset, c)| Finding {
            offset,
            what: format!("U+{:04X}", c as u32),
        })
        .collect();
    if let Some(offset) = invalid {
        found.push(Finding {
            offset,
            what: format!(
                "output is not UTF-8 from here: {}",
                show_bytes(&bytes[offset..(offset + 8).min(bytes.len())])
            ),
        });
    }
    found
}

// ---------------------------------------------------------------------------------------
// Layout checks on the parsed screen.

const TOP_LEFT: &[&str] = &["┌", "╭", "┏", "╔"];
const TOP_RIGHT: &[&str] = &["┐", "╮", "┓", "╗"];
const BOTTOM_LEFT: &[&str] = &["└", "╰", "┗", "╚"];
const BOTTOM_RIGHT: &[&str] = &["┘", "╯", "┛", "╝"];
const VERTICAL: &[&str] = &["│", "┃", "║"];
const LEFT_TEE: &[&str] = &["├", "┣", "╠", "┝", "┠"];
const RIGHT_TEE: &[&str] = &["┤", "┫", "╣", "┥", "┨"];

/// Boxes drawn on the screen, as (top, left, bottom, right), and every place where a box's
/// side is broken: a row whose text pushed the right border out of its column (a grapheme
/// wider on screen than the layout measured), or a row that overflowed into the border.
/// A box on screen: top row, left column, bottom row, right column.
pub type Box4 = (u16, u16, u16, u16);

pub fn boxes_and_faults(screen: &vt100::Screen) -> (Vec<Box4>, Vec<String>) {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let at = |r: u16, c: u16| {
        screen
            .cell(r, c)
            .map(|cell| cell.contents().to_owned())
            .unwrap_or_default()
    };
    let mut boxes = Vec::new();
    let mut faults = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if !TOP_LEFT.contains(&at(r, c).as_str()) {
                continue;
            }
            // The top edge runs right to the first top-right corner (a title may sit on it).
            let Some(right) = (c + 1..cols).find(|&x| TOP_RIGHT.contains(&at(r, x).as_str()))
            else {
                faults.push(format!(
                    "box at row {r} col {c}: no top-right corner on its row"
                ));
                continue;
            };
            let mut bottom = None;
            for y in r + 1..rows {
                let (left_cell, right_cell) = (at(y, c), at(y, right));
                let left_end = BOTTOM_LEFT.contains(&left_cell.as_str());
                let right_end = BOTTOM_RIGHT.contains(&right_cell.as_str());
                if left_end && right_end {
                    bottom = Some(y);
                    break;
                }
                let left_ok = VERTICAL.contains(&left_cell.as_str())
                    || LEFT_TEE.contains(&left_cell.as_str());
                let right_ok = VERTICAL.contains(&right_cell.as_str())
                    || RIGHT_TEE.contains(&right_cell.as_str());
                if !left_ok || !right_ok || left_end != right_end {
                    faults.push(format!(
                        "box at row {r} cols {c}..{right}: row {y} has {left_cell:?} at col {c} and {right_cell:?} at col {right}: {:?}",
                        screen.rows(0, cols).nth(y as usize).unwrap_or_default()
                    ));
                    break;
                }
            }
            if let Some(bottom) = bottom {
                boxes.push((r, c, bottom, right));
            }
        }
    }
    (boxes, faults)
}

/// Asserts the screen holds at least one box and every box is closed and straight.
pub fn assert_layout_holds(screen: &vt100::Screen, what: &str) {
    let (boxes, faults) = boxes_and_faults(screen);
    let shown = screen.contents();
    assert!(
        faults.is_empty(),
        "{what}: layout broken: {faults:#?}\n--- screen ---\n{shown}"
    );
    assert!(
        !boxes.is_empty(),
        "{what}: no pane border on screen\n--- screen ---\n{shown}"
    );
}

/// The text inside each box, by the box's title (the text on its top edge, borders and
/// padding trimmed): what each pane shows.
pub fn pane_texts(screen: &vt100::Screen) -> Vec<(String, String)> {
    let (boxes, _) = boxes_and_faults(screen);
    let cols = screen.size().1.get();
    let row_text = |r: u16, from: u16, to: u16| -> String {
        (from..to)
            .filter_map(|c| screen.cell(r, c))
            .filter(|cell| !cell.is_wide_continuation())
            .map(|cell| match cell.contents() {
                "" => " ".to_owned(),
                s => s.to_owned(),
            })
            .collect()
    };
    boxes
        .into_iter()
        .map(|(top, left, bottom, right)| {
            let title: String = row_text(top, left + 1, right.min(cols))
                .trim_matches(|c: char| c == ' ' || ('\u{2500}'..='\u{257f}').contains(&c))
                .to_owned();
            let body = (top + 1..bottom)
                .map(|r| row_text(r, left + 1, right))
                .collect::<Vec<_>>()
                .join("\n");
            (title, body)
        })
        .collect()
}

pub fn write_json(dir: &Path, name: &str, value: &serde_json::Value) -> PathBuf {
    let path = dir.join(name);
    let bytes = serde_json::to_vec(value).expect("serialize");
    std::fs::write(&path, bytes).expect("write generated briefing");
    path
}
