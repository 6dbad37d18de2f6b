//! Counts as the screen writes them.

/// `12345` as "12,345": every count the screen shows is written this way, so that counts
/// side by side read alike and large ones at a glance.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "1 error", "2 errors".
pub fn plural(n: usize, word: &str) -> String {
    format!("{} {word}{}", thousands(n), if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated_by_commas() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (41094, "41,094"),
            (100000, "100,000"),
            (1234567, "1,234,567"),
        ];
        for (n, written) in cases {
            assert_eq!(thousands(n), written);
        }
    }

    #[test]
    fn plurals_write_their_count_the_same_way() {
        assert_eq!(plural(1, "error"), "1 error");
        assert_eq!(plural(0, "error"), "0 errors");
        assert_eq!(plural(100000, "briefing"), "100,000 briefings");
    }
}
