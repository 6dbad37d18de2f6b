//! Where the review state lives by default, and moving a damaged one aside.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// `$XDG_STATE_HOME/brief/state.db`, else `$HOME/.local/state/brief/state.db`; an empty
/// variable counts as unset (XDG base directory rules). `None` when neither is set.
pub fn default_path(xdg_state_home: Option<OsString>, home: Option<OsString>) -> Option<PathBuf> {
    let base = xdg_state_home
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            home.filter(|home| !home.is_empty())
                .map(|home| PathBuf::from(home).join(".local").join("state"))
        })?;
    Some(base.join("brief").join("state.db"))
}

/// Moves a damaged state file, with its `-wal` and `-shm` companions, to
/// `NAME.corrupt-YYYYMMDD-HHMMSS` (UTC; `-2`, `-3`... when that exists), and returns where
/// the file went. Nothing is deleted.
pub(super) fn move_aside(path: &Path, now: i64) -> std::io::Result<PathBuf> {
    let stamp = timestamp(now);
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".corrupt-{stamp}"));
    let mut target = PathBuf::from(&name);
    let mut n = 2;
    while target.exists() {
        let mut numbered = name.clone();
        numbered.push(format!("-{n}"));
        target = PathBuf::from(numbered);
        n += 1;
    }
    for companion in ["-wal", "-shm"] {
        let mut from = path.as_os_str().to_owned();
        from.push(companion);
        let mut to = target.as_os_str().to_owned();
        to.push(companion);
        if Path::new(&from).exists() {
            std::fs::rename(&from, &to)?;
        }
    }
    std::fs::rename(path, &target)?;
    Ok(target)
}

/// `YYYYMMDD-HHMMSS` of `seconds` since 1970, UTC.
pub(super) fn timestamp(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let time = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}-{:02}{:02}{:02}",
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

// Howard Hinnant's civil_from_days: the proleptic Gregorian date of a day since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_follows_xdg_then_home() {
        let some = |s: &str| Some(OsString::from(s));
        assert_eq!(
            default_path(some("/s"), some("/h")),
            Some(PathBuf::from("/s/brief/state.db"))
        );
        assert_eq!(
            default_path(some(""), some("/h")),
            Some(PathBuf::from("/h/.local/state/brief/state.db"))
        );
        assert_eq!(default_path(None, None), None);
    }

    #[test]
    fn timestamps_are_utc_calendar_times() {
        // Checked with `date -u -d @SECONDS +%Y%m%d-%H%M%S`.
        assert_eq!(timestamp(0), "19700101-000000");
        assert_eq!(timestamp(951_782_400), "20000229-000000");
        assert_eq!(timestamp(1_733_356_799), "20241204-235959");
        assert_eq!(timestamp(4_102_444_800), "21000101-000000");
    }
}
