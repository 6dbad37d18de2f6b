//! Whether the locale says the terminal speaks UTF-8. brief writes UTF-8 whatever the
//! locale; a terminal set up for another encoding would show Arabic and Hebrew as
//! mojibake, so the reader refuses to start rather than draw it.
//!
//! The rule is tmux's (and POSIX's): the first non-empty of LC_ALL, LC_CTYPE, LANG names
//! the character set; none set at all means the POSIX ("C") locale, which is ASCII. So an
//! unset locale is refused too: it is what an SSH session gets when LANG is not forwarded,
//! and in that same session tmux would draw every Arabic letter as `_`. The message says
//! how to fix it; `--assume-utf8` or BRIEF_ASSUME_UTF8=1 overrides.

/// The environment variable that overrides the check, like `--assume-utf8`.
pub const OVERRIDE_VAR: &str = "BRIEF_ASSUME_UTF8";

/// The variable that decides the character set and its value, if any is set.
pub fn effective(lookup: impl Fn(&str) -> Option<String>) -> Option<(&'static str, String)> {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| lookup(name).filter(|v| !v.is_empty()).map(|v| (name, v)))
}

/// `en_US.UTF-8`, `C.utf8`, macOS's bare `UTF-8`: any spelling of UTF-8 in the codeset.
pub fn is_utf8(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    lower.contains("utf-8") || lower.contains("utf8")
}

/// Ok when the locale is UTF-8 or the user overrode the check; else the message to show.
pub fn check(assume_utf8: bool, lookup: impl Fn(&str) -> Option<String>) -> Result<(), String> {
    if assume_utf8 || lookup(OVERRIDE_VAR).is_some_and(|v| v == "1") {
        return Ok(());
    }
    let found = match effective(&lookup) {
        Some((_, value)) if is_utf8(&value) => return Ok(()),
        Some((name, value)) => format!("{name}={value}"),
        None => "LC_ALL, LC_CTYPE and LANG are all unset, which means the C locale".into(),
    };
    Err(format!(
        "the locale is not UTF-8 ({found}).\n\
         Briefings hold Arabic, Hebrew and Persian text that a non-UTF-8 terminal shows as \
         garbage, so brief will not start.\n\
         Fix: set a UTF-8 locale, e.g. `export LANG=C.UTF-8`; over SSH, forward it \
         (`SendEnv LANG LC_*` in ~/.ssh/config, `AcceptEnv LANG LC_*` on the server).\n\
         If your terminal is UTF-8 anyway: `brief --assume-utf8` or {OVERRIDE_VAR}=1."
    ))
}

/// The process environment, for `check`.
pub fn from_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    #[test]
    fn utf8_spellings() {
        for ok in ["C.UTF-8", "en_US.utf8", "ar_EG.UTF-8@latin", "UTF-8"] {
            assert!(is_utf8(ok), "{ok}");
        }
        for bad in ["C", "POSIX", "en_US.ISO-8859-1", "he_IL", "ar_SA.CP1256"] {
            assert!(!is_utf8(bad), "{bad}");
        }
    }

    #[test]
    fn lc_all_wins_then_lc_ctype_then_lang() {
        let vars = [("LC_ALL", "C"), ("LANG", "C.UTF-8")];
        assert!(check(false, env(&vars)).is_err());
        let vars = [("LC_ALL", ""), ("LC_CTYPE", "C.UTF-8"), ("LANG", "C")];
        assert!(check(false, env(&vars)).is_ok());
        let vars = [("LC_CTYPE", "C"), ("LANG", "C.UTF-8")];
        assert!(check(false, env(&vars)).is_err());
        assert!(check(false, env(&[("LANG", "ar_EG.UTF-8")])).is_ok());
    }

    #[test]
    fn unset_is_refused_with_a_fix() {
        let err = check(false, env(&[])).err().unwrap_or_default();
        assert!(err.contains("all unset"), "{err}");
        assert!(err.contains("SendEnv LANG"), "{err}");
        assert!(err.contains("--assume-utf8"), "{err}");
    }

    #[test]
    fn overrides() {
        assert!(check(true, env(&[("LANG", "C")])).is_ok());
        assert!(check(false, env(&[("LANG", "C"), (OVERRIDE_VAR, "1")])).is_ok());
        assert!(check(false, env(&[("LANG", "C"), (OVERRIDE_VAR, "0")])).is_err());
    }
}
