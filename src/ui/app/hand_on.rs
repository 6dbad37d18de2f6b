//! Handing the open briefing on from the reader: `Y` puts it on the clipboard as Markdown
//! (OSC 52), `E` asks the runtime to write it to a new file (`Effect::Export`) and says
//! which file that was (`Action::Exported`). The Markdown is `brief export`'s.

use super::{App, Effect, Screen};
use crate::export::briefing_markdown;
use crate::text::sanitize;
use crate::ui::Action;
use crate::ui::count::thousands;

/// The most text one OSC 52 sequence carries: its base64 (4 bytes for every 3) stays within
/// 100,000 bytes, a bound terminals and tmux take. Longer text is not sent, and the status
/// says so.
pub const COPY_LIMIT: usize = 75_000;

/// The end of every copy message: where the text went, and that brief only sent it.
const SENT: &str = "sent to the terminal's clipboard (OSC 52)";

/// An export for the runtime to write: `markdown` to a new file in the current directory
/// named `stem.md`, or `stem-2.md`, `stem-3.md`... when that exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    pub stem: String,
    pub markdown: String,
}

impl App {
    /// `Y` or `E`: on the briefing screen, the briefing open; elsewhere it says so.
    pub(super) fn hand_on(&mut self, action: &Action) {
        let Some(open) = self
            .open
            .as_ref()
            .filter(|_| self.screen == Screen::Briefing)
        else {
            self.message = Some("Y and E copy and export the briefing open: Enter opens it".into());
            return;
        };
        let markdown = briefing_markdown(&open.briefing);
        if *action == Action::CopyBriefing {
            self.message = Some(format!("copied the briefing as Markdown: {SENT}"));
            self.copy(markdown);
            return;
        }
        let path = &open.briefing.path;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let stem = stem
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "briefing".into());
        self.effects.push(Effect::Export(Export { stem, markdown }));
    }

    /// Sends `text` to the clipboard, or says it is too long to.
    pub(super) fn copy(&mut self, text: String) {
        if text.len() > COPY_LIMIT {
            self.message = Some(format!(
                "not copied: {} bytes, more than the terminal's clipboard takes ({}); \
                 E writes the briefing to a file",
                thousands(text.len()),
                thousands(COPY_LIMIT)
            ));
            return;
        }
        self.effects.push(Effect::Copy(text));
    }

    /// What writing an export gave, for the status line.
    pub(super) fn exported(&mut self, written: Result<std::path::PathBuf, String>) {
        let said = match written {
            Ok(path) => format!("exported as Markdown to {}", path.display()),
            Err(why) => format!("not exported: {why}"),
        };
        self.message = Some(sanitize(&said).text.replace('\n', " "));
    }
}
