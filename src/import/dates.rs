//! A date named in the text: ISO, or a day, a month name and a year in Arabic, English or
//! Hebrew (Levantine month names such as آذار included), read into `YYYY-MM-DD`.

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    ("בינואר", 1),
    ("בפברואר", 2),
    ("במרץ", 3),
    ("באפריל", 4),
    ("במאי", 5),
    ("ביוני", 6),
    ("ביולי", 7),
    ("באוגוסט", 8),
    ("בספטמבר", 9),
    ("באוקטובר", 10),
    ("בנובמבר", 11),
    ("בדצמבר", 12),
    ("ژانویه", 1),
    ("فوریه", 2),
    ("مارس", 3),
    ("آوریل", 4),
    ("مه", 5),
    ("ژوئن", 6),
    ("ژوئیه", 7),
    ("اوت", 8),
    ("سپتامبر", 9),
    ("اکتبر", 10),
    ("نوامبر", 11),
    ("دسامبر", 12),
];

/// ASCII digits for Arabic-Indic and Persian digits, everything else kept.
fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            other => other,
        })
        .collect()
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn valid(year: u32, month: u32, day: u32) -> Option<String> {
    ((1900..=2200).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in(year, month))
    .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn month_of(word: &str) -> Option<u32> {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, m)| *m)
}

fn number(word: &str) -> Option<u32> {
    let digits = word.trim_matches(|c: char| !c.is_ascii_digit());
    (!digits.is_empty() && digits.len() <= 4)
        .then(|| digits.parse().ok())
        .flatten()
}

/// The first date the text names, as `YYYY-MM-DD`.
pub fn find(text: &str) -> Option<String> {
    let text = ascii_digits(text).replace('/', " ");
    let words: Vec<&str> = text.split_whitespace().collect();
    for (at, word) in words.iter().enumerate() {
        let clean = word.trim_matches(|c: char| !c.is_ascii_digit());
        if clean.len() == 10 && clean.as_bytes().get(4) == Some(&b'-') {
            let part = |r: std::ops::Range<usize>| clean.get(r).and_then(|p| p.parse().ok());
            if let (Some(y), Some(m), Some(d)) = (part(0..4), part(5..7), part(8..10))
                && let Some(date) = valid(y, m, d)
            {
                return Some(date);
            }
        }
        let Some(month) = month_of(word).or_else(|| {
            let two = format!("{word} {}", words.get(at + 1)?);
            month_of(&two)
        }) else {
            continue;
        };
        let skip = if month_of(word).is_some() { 1 } else { 2 };
        // "15 March 2025", "15 آذار مارس 2025" (the slash read as a space), "March 15, 2025"
        let day_before = at.checked_sub(1).and_then(|b| number(words[b]));
        let mut rest = words[at + skip..].iter().filter(|w| month_of(w).is_none());
        let (day, year) = match day_before {
            Some(day) => (Some(day), rest.next().and_then(|w| number(w))),
            None => (
                rest.next().and_then(|w| number(w)),
                rest.next().and_then(|w| number(w)),
            ),
        };
        if let (Some(day), Some(year)) = (day, year)
            && let Some(date) = valid(year, month, day)
        {
            return Some(date);
        }
    }
    None
}
