//! What the unit tests compare with and may lack: Debian's unicode-data files. The same
//! rule as the integration tests' `tests/support`: a missing file is a loud skip on a
//! developer machine and a failure under CI (env `CI` set), where `.ci/run` installs it.

/// A file of Debian's unicode-data, or `None` after saying on stderr that `test` is skipped.
pub(crate) fn unicode_file(test: &str, name: &str) -> Option<String> {
    let path = format!("/usr/share/unicode/{name}");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            missing(test, &format!("{path} ({e}; Debian unicode-data)"));
            None
        }
    }
}

fn missing(test: &str, what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{test}: {what} is missing in CI, where .ci/run installs it");
    }
    // Straight to stderr: eprintln! is captured, and shown only if the test fails.
    let why = format!("SKIPPED {test}: {what} is missing\n");
    let _ = std::io::Write::write_all(&mut std::io::stderr(), why.as_bytes());
}
