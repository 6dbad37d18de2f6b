//! `date:` values: calendar days written `YYYY-MM-DD`, and ranges of them with either end
//! open.

use std::fmt;

use super::ast::{DateBound, DateRange};
use super::error::{QueryError, shown};

const EXPECTED: &str =
    "date: expects YYYY-MM-DD..YYYY-MM-DD, YYYY-MM-DD.., ..YYYY-MM-DD or one day YYYY-MM-DD";

/// Reads a `date:` value that starts at character `position` of the query.
pub(super) fn parse_range(value: &str, position: usize) -> Result<DateRange, QueryError> {
    let Some((from, to)) = value.split_once("..") else {
        let day = parse_day(value, position)?;
        return Ok(DateRange {
            from: Some(day),
            to: Some(day),
        });
    };
    let to_position = position + from.chars().count() + 2;
    let bound = |text: &str, at| (!text.is_empty()).then(|| parse_day(text, at)).transpose();
    let range = DateRange {
        from: bound(from, position)?,
        to: bound(to, to_position)?,
    };
    match (range.from, range.to) {
        (None, None) => Err(QueryError::new(EXPECTED, position)),
        (Some(from), Some(to)) if to < from => Err(QueryError::new(
            format!("date: the range ends ({to}) before it starts ({from})"),
            to_position,
        )),
        _ => Ok(range),
    }
}

fn parse_day(text: &str, position: usize) -> Result<DateBound, QueryError> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !well_formed {
        return Err(QueryError::new(EXPECTED, position));
    }
    let (Some(year), Some(month), Some(day)) = (
        number::<u16>(text, 0..4),
        number::<u8>(text, 5..7),
        number::<u8>(text, 8..10),
    ) else {
        return Err(QueryError::new(EXPECTED, position));
    };
    let bound = DateBound { year, month, day };
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(QueryError::new(
            format!("date: {} is not a day of the calendar", shown(text)),
            position,
        ));
    }
    Ok(bound)
}

fn number<T: std::str::FromStr>(text: &str, range: std::ops::Range<usize>) -> Option<T> {
    text.get(range).and_then(|digits| digits.parse().ok())
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl DateRange {
    /// Whether a briefing's date (RFC 3339 or a bare day: its first ten characters are the
    /// day) falls within the range. A date that does not start with a day matches nothing.
    pub fn contains(&self, date: &str) -> bool {
        let Some(day) = date.get(..10).and_then(|day| parse_day(day, 0).ok()) else {
            return false;
        };
        self.from.is_none_or(|from| from <= day) && self.to.is_none_or(|to| day <= to)
    }
}

impl fmt::Display for DateBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// As typed after `date:`: one day alone, else `FROM..TO` with an open end left empty.
impl fmt::Display for DateRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.from, self.to) {
            (Some(from), Some(to)) if from == to => write!(f, "{from}"),
            (from, to) => {
                if let Some(from) = from {
                    write!(f, "{from}")?;
                }
                f.write_str("..")?;
                if let Some(to) = to {
                    write!(f, "{to}")?;
                }
                Ok(())
            }
        }
    }
}
