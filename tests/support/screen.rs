//! Reading brief's screen as text, whichever terminal it came from (vt100 or tmux's
//! `capture-pane`).

/// The row the library's selection marker (`▌`) is on.
pub fn selected_row(screen: &str) -> Option<&str> {
    screen.lines().find(|line| line.contains("│▌"))
}

/// First line of a pane's scroll position `first-last/total` on the focused (heavy) border.
pub fn focused_position(screen: &str) -> Option<u32> {
    let line = screen.lines().find(|line| line.contains('┗'))?;
    // Only the focused pane's border: a pane beside it has its own position.
    let line = &line[line.find('┗')?..line.find('┛')?];
    let slash = line.rfind('/')?;
    let dash = line[..slash].rfind('-')?;
    let start = line[..dash].rfind(|c: char| !c.is_ascii_digit())? + 1;
    line[start..dash].parse().ok()
}

/// The last `exit=N` line a shell printed after brief: where it starts, and N.
pub fn exit_line(screen: &str) -> Option<(usize, i32)> {
    let at = screen.rfind("exit=")?;
    let digits: String = screen[at + 5..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    Some((at, digits.parse().ok()?))
}
