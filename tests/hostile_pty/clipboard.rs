//! `y` on a hostile quotation: one OSC 52, carrying no control.

use crate::support_hostile::{self, Allow, TIMEOUT, audit};
use crate::{corpus, open};

/// `y` copies the selected quotation through OSC 52: the only OSC brief may write, and
/// what it carries is the sanitized text (controls as symbols), never the payload.
#[test]
fn copying_a_hostile_quotation_copies_no_control() {
    for file in ["osc-clipboard.json", "esc-csi.json", "c1-raw.json"] {
        let mut pty = open(&corpus(file));
        assert!(
            pty.wait_text("QT2"),
            "{file}: quotes not shown\n{}",
            pty.contents()
        );
        pty.type_keys(b"3");
        pty.settle();
        pty.type_keys(b"y");
        let copied =
            support_hostile::wait_until(TIMEOUT, || !pty.recorder().clipboard_writes.is_empty());
        assert!(copied, "{file}: y wrote no OSC 52\n{}", pty.contents());
        let writes = pty.recorder().clipboard_writes;
        assert_eq!(writes.len(), 1, "{file}: {writes:?}");
        let (_, data) = &writes[0];
        use base64::Engine;
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap_or_else(|e| panic!("{file}: clipboard data is not base64: {e}"));
        let text = String::from_utf8(decoded).expect("clipboard text is UTF-8");
        assert!(
            text.contains("QT1") && text.contains("QT2"),
            "{file}: copied {text:?}"
        );
        assert!(
            !text.chars().any(|c| c.is_control()),
            "{file}: the clipboard got control characters: {text:?}"
        );
        let raw = pty.raw();
        let found = audit(
            &raw,
            Allow {
                osc52: true,
                ..Allow::default()
            },
        );
        assert!(found.is_empty(), "{file}: {found:#?}");
        let status = pty.quit();
        assert!(status.success(), "{file}: {status:?}");
    }
}
