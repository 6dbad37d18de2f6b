/// Everything that can change the reader's state. Keys map to actions through the key
/// table; the runtime turns terminal events (resize) into actions too.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: the runtime suspends to the shell and redraws on resume.
    Suspend,
    Resize { width: u16, height: u16 },
}
