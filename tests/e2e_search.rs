//! The library's `/` search in the real binary: a query typed into a pseudo-terminal, the
//! results with the text around each match under their headlines and the matched words
//! marked, then one opened with the briefing search set to what was looked for.

mod support;

use anyhow::ensure;
use support::pty::Launch;
use unicode_normalization::UnicodeNormalization;

/// The runs of underlined cells on the screen, as text in logical order: the cells of a
/// right-to-left word are shown right to left, in presentation forms.
fn marked_words(screen: &vt100::Screen) -> Vec<String> {
    let (rows, cols) = screen.size();
    let mut words = Vec::new();
    for row in 0..rows.get() {
        let mut run = String::new();
        for col in 0..=cols.get() {
            let cell = screen.cell(row, col).filter(|c| c.underline());
            match cell {
                Some(cell) => run.push_str(cell.contents()),
                None if !run.is_empty() => {
                    let logical: String = run.nfkc().collect::<String>().chars().rev().collect();
                    words.push(logical);
                    run.clear();
                }
                None => {}
            }
        }
    }
    words
}

#[test]
fn a_query_typed_in_the_library_lists_marked_snippets_and_opens_at_the_match() -> anyhow::Result<()>
{
    let mut pty = Launch::new(&[])?.spawn()?;
    pty.wait_for("the library", |s| {
        s.contents().contains("Library: 6 briefings")
    })?;

    pty.send("/المفوض السامي".as_bytes())?;
    let screen = pty.wait_for("two results with their snippets marked", |s| {
        let words = marked_words(s);
        s.contents().contains("Library: 2 shown of 6 briefings")
            && words.iter().any(|w| w == "المفوض")
            && words.iter().any(|w| w == "السامي")
    })?;
    ensure!(
        !screen.contains("Veyra"),
        "an English briefing left in:\n{screen}"
    );

    // Enter keeps the query, Enter again opens the first result at its first match.
    pty.send(b"\r")?;
    pty.wait_for("the query kept", |s| s.contents().contains("Esc clears"))?;
    pty.send(b"\r")?;
    let screen = pty.wait_for("the briefing open at the match", |s| {
        let text = s.contents();
        text.contains("1 Headline") && text.contains("match 1 of")
    })?;
    ensure!(screen.contains("Sabil"), "not the newest result:\n{screen}");
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    Ok(())
}
