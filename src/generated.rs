//! Tests of files made from the code (docs/KEYS.md, README's key table, the ISO 639
//! registry): each fails when its file is not what the code makes, and with `BRIEF_BLESS`
//! set writes the file instead (never under CI, which only checks).

use std::path::Path;

/// Fails, naming `regenerate`, when the file at `relative` (from the package's root) is
/// not `expected`; with `BRIEF_BLESS` set, writes it.
pub(crate) fn assert_current(relative: &str, expected: &str, regenerate: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    if std::env::var_os("BRIEF_BLESS").is_some() {
        assert!(std::env::var_os("CI").is_none(), "BRIEF_BLESS under CI");
        if let Err(error) = std::fs::write(&path, expected) {
            panic!("cannot write {}: {error}", path.display());
        }
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == expected,
        "{relative} is stale (or missing): regenerate it with `{regenerate}`"
    );
}
