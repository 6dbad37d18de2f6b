//! Briefing dates: `YYYY-MM-DD` or an RFC 3339 date-time. The string is kept as written;
//! this checks it, turns it into an instant for sorting, and into the text shown to people.

use std::borrow::Cow;

/// A briefing date as a reader sees it: `2025-08-03T07:45:00+03:00` becomes
/// `2025-08-03 07:45 +03:00` and `…Z` becomes `… UTC`; seconds appear only when not zero,
/// fractions of a second never. A bare date, and anything that is not a valid date (the
/// checker reports those), is returned as written.
pub fn display_date(text: &str) -> Cow<'_, str> {
    if text.len() == 10 || instant(text).is_none() {
        return Cow::Borrowed(text);
    }
    // `instant` accepted it, so it is `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` in ASCII.
    let (Some(date), Some(hour_minute), Some(second), Some(rest)) = (
        text.get(..10),
        text.get(11..16),
        text.get(17..19),
        text.get(19..),
    ) else {
        return Cow::Borrowed(text);
    };
    let zone = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let zone = if zone.eq_ignore_ascii_case("z") {
        "UTC"
    } else {
        zone
    };
    let mut shown = format!("{date} {hour_minute}");
    if second != "00" {
        shown.push(':');
        shown.push_str(second);
    }
    shown.push(' ');
    shown.push_str(zone);
    Cow::Owned(shown)
}

/// A text that sorts as the dates' instants do, for an index to order by: the instant's 16
/// hex digits with the sign bit flipped (so that earlier years, negative, sort first), and
/// '' for no date or one that is not a date, which reading order puts last.
pub(crate) fn sort_key(text: Option<&str>) -> String {
    text.and_then(instant)
        .map(|seconds| format!("{:016x}", (seconds as u64) ^ (1 << 63)))
        .unwrap_or_default()
}

/// Seconds since 1970-01-01T00:00:00Z; a bare date counts as its midnight in UTC.
pub(crate) fn instant(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let days = days_of_date(bytes.get(..10)?)?;
    let rest = bytes.get(10..)?;
    if rest.is_empty() {
        return Some(days * 86_400);
    }
    let (separator, time) = rest.split_first()?;
    if !matches!(separator, b'T' | b't') {
        return None;
    }
    Some(days * 86_400 + seconds_of_time(time)?)
}

fn days_of_date(date: &[u8]) -> Option<i64> {
    if date.get(4) != Some(&b'-') || date.get(7) != Some(&b'-') {
        return None;
    }
    let year = digits(date.get(0..4)?)?;
    let month = digits(date.get(5..7)?)?;
    let day = digits(date.get(8..10)?)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// `HH:MM:SS[.fraction](Z|±HH:MM)`, as seconds into the UTC day (may fall outside it).
fn seconds_of_time(time: &[u8]) -> Option<i64> {
    let clock = clock_seconds(time.get(..8)?, 23, 60)?;
    let mut rest = time.get(8..)?;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits_end = fraction
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(fraction.len());
        if digits_end == 0 {
            return None;
        }
        rest = fraction.get(digits_end..)?;
    }
    let offset = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), offset @ ..] if offset.len() == 5 => {
            let minutes = clock_seconds(&[offset, b":00".as_slice()].concat(), 23, 0)? / 60;
            if *sign == b'+' { minutes } else { -minutes }
        }
        _ => return None,
    };
    Some(clock - offset * 60)
}

/// `HH:MM:SS` checked against the largest hour and second allowed (60 for leap seconds).
fn clock_seconds(clock: &[u8], max_hour: i64, max_second: i64) -> Option<i64> {
    if clock.get(2) != Some(&b':') || clock.get(5) != Some(&b':') || clock.len() != 8 {
        return None;
    }
    let hour = digits(clock.get(0..2)?)?;
    let minute = digits(clock.get(3..5)?)?;
    let second = digits(clock.get(6..8)?)?;
    (hour <= max_hour && minute <= 59 && second <= max_second)
        .then_some(hour * 3600 + minute * 60 + second)
}

fn digits(bytes: &[u8]) -> Option<i64> {
    bytes.iter().try_fold(0i64, |value, byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + i64::from(byte - b'0'))
    })
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil: days since 1970-01-01 in the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_date_times_that_parse() {
        assert_eq!(instant("1970-01-01"), Some(0));
        assert_eq!(instant("1970-01-02"), Some(86_400));
        assert_eq!(instant("2000-03-01"), Some(951_868_800));
        assert_eq!(instant("2024-02-29"), Some(1_709_164_800));
        assert_eq!(instant("1970-01-01T01:00:00Z"), Some(3600));
        assert_eq!(instant("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(instant("1970-01-01t00:00:00.250-00:30"), Some(1800));
        assert_eq!(instant("2016-12-31T23:59:60Z"), Some(1_483_228_800));
    }

    #[test]
    fn malformed_dates_are_refused() {
        for bad in [
            "",
            "2024",
            "2024-1-01",
            "2024-13-01",
            "2024-00-10",
            "2023-02-29",
            "2024-04-31",
            "2024-05-01 ",
            "2024-05-01T",
            "2024-05-01 10:00:00Z",
            "2024-05-01T24:00:00Z",
            "2024-05-01T10:60:00Z",
            "2024-05-01T10:00:00",
            "2024-05-01T10:00:00.Z",
            "2024-05-01T10:00:00+0100",
            "2024-05-01T10:00:00+24:00",
            "2024-05-01T10:00:00+01:00:00",
            "١٩٧٠-٠١-٠١",
            "+202-05-01",
        ] {
            assert_eq!(instant(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn date_times_are_shown_without_the_t_and_with_a_named_zone() {
        for (written, shown) in [
            ("2025-08-03T07:45:00+03:00", "2025-08-03 07:45 +03:00"),
            ("2025-08-03T07:45:00Z", "2025-08-03 07:45 UTC"),
            ("2025-08-03t07:45:00z", "2025-08-03 07:45 UTC"),
            ("2025-08-03T07:45:09-05:30", "2025-08-03 07:45:09 -05:30"),
            ("2025-08-03T07:45:00.250Z", "2025-08-03 07:45 UTC"),
            (
                "2025-08-03T07:45:09.999+01:00",
                "2025-08-03 07:45:09 +01:00",
            ),
            ("2025-01-31T23:59:59.5-00:00", "2025-01-31 23:59:59 -00:00"),
            ("2016-12-31T23:59:60Z", "2016-12-31 23:59:60 UTC"),
        ] {
            assert_eq!(display_date(written), shown, "{written:?}");
        }
    }

    #[test]
    fn bare_and_invalid_dates_are_shown_as_written() {
        for written in [
            "2025-08-03",
            "2024-02-29",
            "",
            "yesterday",
            "2024-02-30",
            "2025-08-03T07:45",
            "2025-08-03 07:45:00Z",
            "2025-08-03T07:45:00",
            "2025-08-03T07:45:00+0300",
            "٢٠٢٥-٠٨-٠٣",
        ] {
            assert!(
                matches!(display_date(written), Cow::Borrowed(same) if same == written),
                "{written:?}"
            );
        }
    }
}

#[cfg(test)]
mod sort_key_props {
    use super::*;
    use proptest::prelude::*;

    /// Dates as briefings write them: bare, UTC, or with an offset that moves the instant
    /// across a day, from year 0 on.
    fn date() -> impl Strategy<Value = String> {
        let day = (0i64..=9999, 1i64..=12, 1i64..=28);
        let time = (0i64..24, 0i64..60, 0i64..60);
        let zone = prop_oneof![
            Just("Z".to_string()),
            (0i64..=14, prop::bool::ANY)
                .prop_map(|(h, east)| format!("{}{h:02}:00", if east { '+' } else { '-' })),
        ];
        prop_oneof![
            day.clone()
                .prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            (day, time, zone).prop_map(|((y, m, d), (hh, mm, ss), zone)| format!(
                "{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}{zone}"
            )),
            Just("not a date".to_string()),
        ]
    }

    proptest! {
        #[test]
        fn sort_keys_order_as_instants(a in date(), b in date()) {
            let (ka, kb) = (sort_key(Some(&a)), sort_key(Some(&b)));
            let expected = match (instant(&a), instant(&b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Greater,
                (None, Some(_)) => std::cmp::Ordering::Less,
                (None, None) => std::cmp::Ordering::Equal,
            };
            prop_assert_eq!(ka.cmp(&kb), expected, "{} {}", a, b);
        }
    }

    #[test]
    fn no_date_has_the_empty_key() {
        assert_eq!(sort_key(None), "");
        assert_eq!(sort_key(Some("yesterday")), "");
        assert_eq!(sort_key(Some("1970-01-01")), "8000000000000000");
        assert!(sort_key(Some("1969-12-31")) < sort_key(Some("1970-01-01")));
    }
}
