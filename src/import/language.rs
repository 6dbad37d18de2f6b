//! The language and direction a text is written in, from its letters.

/// A BCP 47 tag for the text's language, when its letters make it plain: Hebrew, Persian
/// (letters Arabic lacks: پ چ ژ گ ک ی), Arabic, or English (Latin letters and common
/// English words).
pub fn detect(text: &str) -> Option<&'static str> {
    let (mut hebrew, mut arabic, mut persian, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{0590}'..='\u{05FF}' => hebrew += 1,
            'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => persian += 1,
            '\u{0600}'..='\u{06FF}' => arabic += 1,
            c if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
    }
    let arabic_script = arabic + persian;
    let most = hebrew.max(arabic_script).max(latin);
    if most == 0 {
        return None;
    }
    if most == hebrew {
        Some("he")
    } else if most == arabic_script {
        // Persian text uses its own letters often; an Arabic text has none of them.
        Some(if persian * 50 > arabic_script {
            "fa"
        } else {
            "ar"
        })
    } else {
        let english = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "the" | "and" | "of" | "to" | "is"
                )
            })
            .count();
        (english * 100 >= text.split_whitespace().count()).then_some("en")
    }
}

pub fn direction(language: &str) -> &'static str {
    match language.split('-').next().unwrap_or(language) {
        "ar" | "fa" | "he" | "ur" | "yi" | "ps" => "rtl",
        _ => "ltr",
    }
}
