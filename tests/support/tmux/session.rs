//! How a session of the private tmux server is opened.

/// How to open a session: its name, the shell command its pane runs, the window's size and
/// name, and the global options set before it starts (by default `remain-on-exit on`, so
/// a dead pane can be read, and `set-clipboard on`, so OSC 52 from the pane lands in
/// tmux's paste buffers).
pub struct Session<'a> {
    pub(super) name: &'a str,
    pub(super) command: &'a str,
    pub(super) cols: u16,
    pub(super) rows: u16,
    pub(super) window: Option<&'a str>,
    pub(super) options: Vec<(&'a str, &'a str)>,
}

impl<'a> Session<'a> {
    /// A 100×30 session.
    pub fn new(name: &'a str, command: &'a str) -> Self {
        Self {
            name,
            command,
            cols: 100,
            rows: 30,
            window: None,
            options: vec![("remain-on-exit", "on"), ("set-clipboard", "on")],
        }
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// The window's name (`new-session -n`).
    pub fn window(mut self, name: &'a str) -> Self {
        self.window = Some(name);
        self
    }

    /// One more global option (`set-option -g NAME VALUE`), set before the pane starts.
    pub fn option(mut self, name: &'a str, value: &'a str) -> Self {
        self.options.push((name, value));
        self
    }
}
