//! The raw-byte audit: every escape sequence or control in brief's output that neither
//! ratatui nor crossterm writes for it, and controls in plain-text output or on screen.

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

impl Allow {
    /// A whole run, from start to exit: only the exit sequences besides the reader's own.
    pub const WHOLE_RUN: Self = Self {
        osc52: false,
        tmux_passthrough: false,
        exit_sequences: true,
    };
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
