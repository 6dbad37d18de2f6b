//! The direction and language each exported block takes: the reader's rule
//! (`ui::content::DirectionRule`), restated here on the briefing alone so that export sits
//! below the ui layer.

use unicode_bidi::{BidiClass, bidi_class};

use crate::briefing::{Briefing, Direction};
use crate::text::{BaseDirection, first_strong};

/// Left to right or right to left: what an exported block is laid out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn attribute(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// A briefing's direction rule: its `direction` when forced; otherwise, in a briefing whose
/// `language` is written right to left, right to left for a field with any right-to-left
/// letter; otherwise a paragraph's first strong letter, and for text with none the script of
/// the `language`, else left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    forced: Option<Dir>,
    rtl_language: bool,
    fallback: Dir,
    /// A row of several fields (date · place · source) takes this.
    pub briefing: Dir,
    /// The `language` tag when it is well formed; `und` (undetermined) otherwise.
    language: String,
}

impl Rule {
    pub fn of(briefing: &Briefing) -> Self {
        let forced = match briefing.direction {
            Direction::Rtl => Some(Dir::Rtl),
            Direction::Ltr => Some(Dir::Ltr),
            Direction::Auto => None,
        };
        let language = briefing.language.as_deref().filter(|tag| is_tag(tag));
        let script = language.map(|tag| match is_rtl_language(tag) {
            true => Dir::Rtl,
            false => Dir::Ltr,
        });
        let headline = match first_strong(&briefing.headline) {
            Some(BaseDirection::Rtl) => Some(Dir::Rtl),
            Some(_) => Some(Dir::Ltr),
            None => None,
        };
        Self {
            forced,
            rtl_language: forced.is_none() && script == Some(Dir::Rtl),
            fallback: script.unwrap_or(Dir::Ltr),
            briefing: forced.or(script).or(headline).unwrap_or(Dir::Ltr),
            language: language.unwrap_or("und").to_owned(),
        }
    }

    /// For text of no known language (a reviewer's note): each paragraph by its first
    /// strong letter, else left to right.
    pub fn unknown() -> Self {
        Self {
            forced: None,
            rtl_language: false,
            fallback: Dir::Ltr,
            briefing: Dir::Ltr,
            language: "und".to_owned(),
        }
    }

    /// This rule with every paragraph in the briefing's own direction.
    pub fn throughout(self) -> Self {
        Self {
            forced: Some(self.briefing),
            rtl_language: false,
            ..self
        }
    }

    /// The direction of `paragraph`, one paragraph of the field `field`.
    pub fn paragraph(&self, field: &str, paragraph: &str) -> Dir {
        if let Some(forced) = self.forced {
            return forced;
        }
        if self.rtl_language && has_rtl_letter(field) {
            return Dir::Rtl;
        }
        match first_strong(paragraph) {
            Some(BaseDirection::Rtl) => Dir::Rtl,
            Some(_) => Dir::Ltr,
            None => self.fallback,
        }
    }

    /// The language of a row laid out in `dir`: the briefing's, unless the row runs against
    /// the script of that language.
    pub fn language(&self, dir: Dir) -> &str {
        if self.language == "und" || dir == self.fallback {
            &self.language
        } else {
            "und"
        }
    }

    /// The language of one paragraph: the briefing's, unless the paragraph is in another
    /// script (an Arabic quotation in an English briefing, an Arabic name carried into an
    /// English translation), whose language the briefing does not name.
    pub fn language_of(&self, paragraph: &str) -> &str {
        let other_script = match self.fallback {
            Dir::Rtl => first_strong(paragraph).is_some() && !has_rtl_letter(paragraph),
            Dir::Ltr => first_strong(paragraph) == Some(BaseDirection::Rtl),
        };
        if other_script { "und" } else { &self.language }
    }
}

/// Whether `text` holds a strong right-to-left letter (bidi class R or AL).
pub fn has_rtl_letter(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// A BCP 47 tag's shape: letters and digits in subtags of 1 to 8, joined by `-`.
fn is_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.split('-').all(|sub| {
            (1..=8).contains(&sub.len()) && sub.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// Whether text in the language `tag` names is written right to left (the reader's list).
fn is_rtl_language(tag: &str) -> bool {
    let mut subtags = tag.split('-').map(str::to_ascii_lowercase);
    let primary = subtags.next().unwrap_or_default();
    let rtl_script = tag.split('-').any(|sub| {
        ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"]
            .contains(&sub.to_ascii_lowercase().as_str())
    });
    rtl_script
        || [
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi", "syr",
        ]
        .contains(&primary.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::load_bytes;

    fn rule(json: &str) -> Rule {
        let loaded = load_bytes(std::path::Path::new("t.json"), json.as_bytes());
        Rule::of(&loaded.map(|l| l.briefing).unwrap_or_else(|f| panic!("{f}")))
    }

    #[test]
    fn an_arabic_field_opening_with_latin_reads_right_to_left() {
        let r = rule(r#"{"id":"a","headline":"عنوان","language":"ar"}"#);
        assert_eq!(r.paragraph("UNHCR قالت", "UNHCR قالت"), Dir::Rtl);
        assert_eq!(r.paragraph("UNHCR said", "UNHCR said"), Dir::Ltr);
        assert_eq!(r.paragraph("2025", "2025"), Dir::Rtl);
        assert_eq!(r.language(Dir::Rtl), "ar");
        assert_eq!(r.language(Dir::Ltr), "und");
        assert_eq!(r.language_of("UNHCR قالت"), "ar");
        assert_eq!(r.language_of("UNHCR said"), "und");
        assert_eq!(r.language_of("2025"), "ar");
    }

    #[test]
    fn an_english_briefing_takes_each_paragraph_by_its_first_letter() {
        let r = rule(r#"{"id":"a","headline":"Talks","language":"en"}"#);
        assert_eq!(r.paragraph("UNHCR قالت", "UNHCR قالت"), Dir::Ltr);
        assert_eq!(r.paragraph("قالت UNHCR", "قالت UNHCR"), Dir::Rtl);
        assert_eq!(r.paragraph("2025", "2025"), Dir::Ltr);
        assert_eq!(r.briefing, Dir::Ltr);
        assert_eq!(r.language_of("We said «قال»"), "en");
        assert_eq!(r.language_of("فولكر تورك"), "und");
        assert_eq!(r.throughout().paragraph("فولكر", "فولكر"), Dir::Ltr);
    }

    #[test]
    fn a_forced_direction_wins() {
        let r = rule(r#"{"id":"a","headline":"x","direction":"rtl","language":"en"}"#);
        assert_eq!(r.paragraph("English", "English"), Dir::Rtl);
        assert_eq!(r.language(Dir::Rtl), "und");
        assert_eq!(r.briefing, Dir::Rtl);
        let r = rule(r#"{"id":"a","headline":"x","direction":"ltr","language":"ar"}"#);
        assert_eq!(r.paragraph("قال", "قال"), Dir::Ltr);
    }
}
