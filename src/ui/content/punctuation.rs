//! Punctuation of our own between pieces of briefing text, in the script they are written
//! in: the same on screen and in the clipboard.

use unicode_bidi::{BidiClass, bidi_class};

/// Whether the text's first letter is in the Arabic script (`None`: the text has no letter,
/// like a date, and goes with its neighbour).
fn arabic_script(text: &str) -> Option<bool> {
    let letter = text
        .chars()
        .find(|&c| matches!(bidi_class(c), BidiClass::L | BidiClass::R | BidiClass::AL))?;
    Some(matches!(
        u32::from(letter),
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF
    ))
}

/// The comma and space between `before` and `after`: the Arabic comma `،` between text in
/// Arabic script (or Arabic and a letterless part such as a date), the comma `,` of
/// Hebrew and Latin text and of any pair that mixes scripts.
pub fn comma(before: &str, after: &str) -> &'static str {
    match (arabic_script(before), arabic_script(after)) {
        (Some(true), Some(true) | None) | (None, Some(true)) => "، ",
        _ => ", ",
    }
}

/// `parts` joined by the comma each neighbouring pair calls for.
pub fn join_with_commas<S: AsRef<str>>(parts: &[S]) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if let Some(before) = i.checked_sub(1).and_then(|b| parts.get(b)) {
            out.push_str(comma(before.as_ref(), part.as_ref()));
        }
        out.push_str(part.as_ref());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comma_follows_the_script_of_the_text_it_joins() {
        assert_eq!(comma("الطاهر الباعور", "وزير الخارجية"), "، ");
        assert_eq!(comma("سلمى بن يوسف", "Coordinator"), ", ");
        assert_eq!(comma("רונית אלמוג", "מנכ\"לית"), ", ");
        assert_eq!(comma("Jane Roe", "Chair"), ", ");
        assert_eq!(comma("ليبيا", "2025-08-03"), "، ");
        assert_eq!(comma("2025-08-03", "Geneva"), ", ");
        // Persian is written in Arabic script, and takes its comma.
        assert_eq!(comma("وزیر نیرو", "ایران"), "، ");
        assert_eq!(
            join_with_commas(&["سلمى", "منسقة", "Geneva", "2025"]),
            "سلمى، منسقة, Geneva, 2025"
        );
    }
}
