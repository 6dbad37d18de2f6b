//! A briefing's file name from its date and headline: ASCII letters, digits and hyphens
//! only, so it is safe in any shell, file system and terminal. Arabic, Persian and Hebrew
//! letters are transliterated one by one (no vowels are guessed); a headline with no
//! letters left is named by a hash of its text.

const MAX_WORDS: usize = 8;
const MAX_CHARS: usize = 60;

fn transliterate(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'أ' | 'إ' | 'آ' | 'ى' | 'ء' | 'ئ' | 'ؤ' => "a",
        'ب' => "b",
        'ت' | 'ة' | 'ط' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' | 'ه' | 'ھ' => "h",
        'خ' => "kh",
        'د' | 'ض' => "d",
        'ذ' | 'ز' | 'ظ' => "z",
        'ر' => "r",
        'س' | 'ص' => "s",
        'ش' => "sh",
        'ع' => "",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'و' => "w",
        'ي' | 'ی' => "y",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' => "g",
        'א' | 'ע' => "",
        'ב' => "b",
        'ג' => "g",
        'ד' => "d",
        'ה' => "h",
        'ו' => "v",
        'ז' => "z",
        'ח' => "ch",
        'ט' | 'ת' => "t",
        'י' => "y",
        'כ' | 'ך' | 'ק' => "k",
        'ל' => "l",
        'מ' | 'ם' => "m",
        'נ' | 'ן' => "n",
        'ס' => "s",
        'פ' | 'ף' => "p",
        'צ' | 'ץ' => "ts",
        'ר' => "r",
        'ש' => "sh",
        _ => return None,
    })
}

/// Lower-case ASCII for a letter, `None` for anything that separates words.
fn ascii(c: char) -> Option<String> {
    if c.is_ascii_alphanumeric() {
        return Some(c.to_ascii_lowercase().to_string());
    }
    if let Some(latin) = transliterate(c) {
        return Some(latin.to_owned());
    }
    let base = match c {
        'à'..='å' | 'À'..='Å' => "a",
        'ç' | 'Ç' => "c",
        'è'..='ë' | 'È'..='Ë' => "e",
        'ì'..='ï' | 'Ì'..='Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò'..='ö' | 'Ò'..='Ö' | 'ø' => "o",
        'ù'..='ü' | 'Ù'..='Ü' => "u",
        'ß' => "ss",
        c if c.is_alphanumeric() => return c.to_digit(10).map(|d| d.to_string()),
        // Marks inside a word (vowel signs, ZWNJ) neither add a letter nor end the word.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{05B0}'..='\u{05C7}' | '\u{200C}' => "",
        _ => return None,
    };
    Some(base.to_owned())
}

/// FNV-1a: short, stable across versions and platforms.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `2025-03-15-veyra-basin-talks-resume-in-geneva`, without `.json`.
pub fn stem(date: Option<&str>, headline: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in headline.chars().chain([' ']) {
        match ascii(c) {
            Some(letters) => word.push_str(&letters),
            None if !word.is_empty() => words.push(std::mem::take(&mut word)),
            None => {}
        }
    }
    let mut slug = String::new();
    for word in words.iter().take(MAX_WORDS) {
        if slug.len() + word.len() + 1 > MAX_CHARS {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() {
        slug = format!("briefing-{:016x}", hash(headline));
    }
    match date.and_then(|d| d.get(..10)) {
        Some(day) if day.bytes().all(|b| b.is_ascii_digit() || b == b'-') => {
            format!("{day}-{slug}")
        }
        _ => slug,
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn names_are_ascii_from_every_script() {
        let cases = [
            (
                Some("2025-03-15"),
                "Veyra basin talks resume in Geneva",
                "2025-03-15-veyra-basin-talks-resume-in-geneva",
            ),
            (
                None,
                "الباعور يلتقي المفوض السامي",
                "albawr-yltqy-almfwd-alsamy",
            ),
            (
                Some("2025-03-03T09:00:00+02:00"),
                "מועצת עמק ארזים",
                "2025-03-03-mvtst-mk-rzym",
            ),
            (None, "قطعی برق در نیک‌آباد", "qty-brq-dr-nykabad"),
            (None, "Türk: «über» \u{202e}evil\u{202c}", "turk-uber-evil"),
        ];
        for (date, headline, expected) in cases {
            assert_eq!(stem(date, headline), expected, "{headline}");
        }
    }

    #[test]
    fn a_headline_without_letters_is_named_by_its_hash() {
        let name = stem(None, "— ★ —");
        assert!(name.starts_with("briefing-") && name.len() == 25, "{name}");
        assert_ne!(name, stem(None, "— ☆ —"));
        assert!(stem(None, &"word ".repeat(50)).len() <= 60);
    }
}
