//! What the tests compare with and may lack (Debian's unicode-data files, FriBidi,
//! translations): a missing oracle is a loud skip on a developer machine and a failure
//! under CI (env `CI` set), where `.ci/run` installs it. The integration tests include this
//! file too (`tests/support`).

/// A file of Debian's unicode-data, or `None` after saying on stderr that `test` is skipped.
pub fn unicode_file(test: &str, name: &str) -> Option<String> {
    let path = format!("/usr/share/unicode/{name}");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(e) => {
            missing(test, &format!("{path} ({e}; Debian unicode-data)"));
            None
        }
    }
}

/// Says on stderr that `test` is skipped for want of `what`; panics under CI.
pub fn missing(test: &str, what: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("{test}: {what} is missing in CI, where .ci/run installs it");
    }
    // Straight to stderr: eprintln! is captured, and shown only if the test fails.
    let why = format!("SKIPPED {test}: {what} is missing\n");
    let _ = std::io::Write::write_all(&mut std::io::stderr(), why.as_bytes());
}
