//! The vt100 side of the pty harness: callbacks that record what an escape injection
//! would do to the terminal, and the U+FFFD stand-in vt100 needs to keep columns true.

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
pub struct ReplacementFeed {
    carry: Vec<u8>,
}

impl ReplacementFeed {
    const FFFD: &'static [u8] = "\u{fffd}".as_bytes();

    pub fn push(&mut self, bytes: &[u8]) -> Vec<u8> {
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

    pub fn finish(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.carry)
    }
}
