//! Reading a query as typed: words, `"phrases"`, `-` exclusions and `operator:value`
//! filters, separated by spaces.
//!
//! Words, phrases and the values of `actor:`, `speaker:`, `tag:` and `class:` are
//! normalised (`normalize_text`); a word that normalises to several (`al-Assad`, `U.S.`) is
//! the phrase of them, a phrase of one word is that word, and one of punctuation alone is
//! dropped. A query of exclusions alone is allowed: it matches every briefing but those;
//! an empty query matches every briefing.

use super::ast::{Clause, Filter, Query, Review, Scope};
use super::dates::parse_range;
use super::error::{QueryError, shown};
use super::normalize::normalize_text;

/// The operators, as typed before the colon.
pub const OPERATORS: [&str; 10] = [
    "actor",
    "speaker",
    "tag",
    "lang",
    "class",
    "date",
    "in",
    "is",
    "has",
    "reviewed-by",
];

pub fn parse(input: &str) -> Result<Query, QueryError> {
    let mut parser = Parser {
        chars: input.chars().collect(),
        at: 0,
        query: Query::default(),
        scope_given: false,
    };
    while parser.skip_spaces() {
        parser.term()?;
    }
    Ok(parser.query)
}

struct Parser {
    chars: Vec<char>,
    /// The next character to read.
    at: usize,
    query: Query,
    scope_given: bool,
}

impl Parser {
    /// Skips spaces; whether anything is left.
    fn skip_spaces(&mut self) -> bool {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
        self.peek().is_some()
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn term(&mut self) -> Result<(), QueryError> {
        let negated = self.peek() == Some('-');
        if negated {
            self.at += 1;
        }
        if self.peek() == Some('"') {
            let phrase = self.quoted()?;
            self.push_text(negated, &phrase);
        } else if let Some(name) = self.operator_name() {
            self.operator(negated, &name)?;
        } else {
            let word = self.bare();
            self.push_text(negated, &word);
        }
        Ok(())
    }

    /// Characters up to the next space.
    fn bare(&mut self) -> String {
        let start = self.at;
        while self.peek().is_some_and(|c| !c.is_whitespace()) {
            self.at += 1;
        }
        self.chars[start..self.at].iter().collect()
    }

    /// What is between the quote at `at` and the next one, which must come.
    fn quoted(&mut self) -> Result<String, QueryError> {
        let open = self.at;
        let close = self.chars[open + 1..]
            .iter()
            .position(|&c| c == '"')
            .map(|offset| open + 1 + offset)
            .ok_or_else(|| QueryError::new("this quote is never closed", open))?;
        self.at = close + 1;
        Ok(self.chars[open + 1..close].iter().collect())
    }

    /// `name` when the input at `at` reads `name:` with a name of ASCII letters, read past
    /// the colon; an unknown name is an error, so that a mistyped operator is not searched
    /// for as text. A name with a hyphen is an operator only when it is a known one:
    /// `al-Assad:` stays a word.
    fn operator_name(&mut self) -> Option<String> {
        let rest = &self.chars[self.at..];
        let letters = rest
            .iter()
            .take_while(|c| c.is_ascii_alphabetic() || **c == '-')
            .count();
        if letters == 0 || rest.get(letters) != Some(&':') || !rest[0].is_ascii_alphabetic() {
            return None;
        }
        let name = rest[..letters]
            .iter()
            .collect::<String>()
            .to_ascii_lowercase();
        if name.contains('-') && !OPERATORS.contains(&name.as_str()) {
            return None;
        }
        self.at += letters + 1;
        Some(name)
    }

    fn operator(&mut self, negated: bool, name: &str) -> Result<(), QueryError> {
        let name_at = self.at - name.chars().count() - 1;
        if !OPERATORS.contains(&name) {
            let typed: String = self.chars[name_at..self.at].iter().collect();
            let known = OPERATORS.map(|op| format!("{op}:")).join(" ");
            return Err(QueryError::new(
                format!(
                    "unknown operator {}; the operators are {known} (put text in quotes to search for it)",
                    shown(&typed)
                ),
                name_at,
            ));
        }
        let quoted = self.peek() == Some('"');
        // Positions in a value count from its first character, inside the quotes.
        let value_at = self.at + usize::from(quoted);
        let value = if quoted { self.quoted()? } else { self.bare() };
        if value.trim().is_empty() {
            return Err(QueryError::new(
                format!("{name}: expects a value"),
                value_at,
            ));
        }
        let filter = match name {
            "in" => return self.scope(negated, &value, name_at, value_at),
            "date" => Filter::Date(parse_range(&value, value_at)?),
            "lang" => Filter::Language(language(&value, value_at)?),
            "is" | "has" => Filter::Review(review(name, &value, value_at)?),
            "reviewed-by" => Filter::Review(Review::ReviewedBy(value.trim().to_owned())),
            _ => {
                let normalized = normalize_text(&value);
                if normalized.is_empty() {
                    return Err(QueryError::new(
                        format!("{name}: expects a value with a letter or a digit"),
                        value_at,
                    ));
                }
                match name {
                    "actor" => Filter::Actor(normalized),
                    "speaker" => Filter::Speaker(normalized),
                    "tag" => Filter::Tag(normalized),
                    _ => Filter::Class(normalized),
                }
            }
        };
        self.query.clauses.push(Clause { negated, filter });
        Ok(())
    }

    fn scope(
        &mut self,
        negated: bool,
        value: &str,
        name_at: usize,
        value_at: usize,
    ) -> Result<(), QueryError> {
        if negated {
            return Err(QueryError::new("in: cannot be excluded", name_at));
        }
        if self.scope_given {
            return Err(QueryError::new("in: is given twice", name_at));
        }
        self.query.scope = match value.to_lowercase().as_str() {
            "quotes" => Scope::Quotes,
            "headline" => Scope::Headline,
            "body" => Scope::Body,
            _ => {
                return Err(QueryError::new(
                    format!("in: expects quotes, headline or body, not {}", shown(value)),
                    value_at,
                ));
            }
        };
        self.scope_given = true;
        Ok(())
    }

    /// A word or phrase: dropped when it is punctuation alone.
    fn push_text(&mut self, negated: bool, text: &str) {
        let normalized = normalize_text(text);
        let mut words: Vec<String> = normalized.split(' ').map(str::to_owned).collect();
        let filter = match words.len() {
            _ if normalized.is_empty() => return,
            1 => Filter::Word(words.remove(0)),
            _ => Filter::Phrase(words),
        };
        self.query.clauses.push(Clause { negated, filter });
    }
}

/// The value of `is:` (new, read, reviewed, flagged) or `has:` (note), any case.
fn review(name: &str, value: &str, position: usize) -> Result<Review, QueryError> {
    let value_lower = value.to_ascii_lowercase();
    match (name, value_lower.as_str()) {
        ("is", "new") => Ok(Review::New),
        ("is", "read") => Ok(Review::Read),
        ("is", "reviewed") => Ok(Review::Reviewed),
        ("is", "flagged") => Ok(Review::Flagged),
        ("has", "note") => Ok(Review::HasNote),
        ("is", _) => Err(QueryError::new(
            format!(
                "is: expects new, read, reviewed or flagged, not {}",
                shown(value)
            ),
            position,
        )),
        _ => Err(QueryError::new(
            format!("has: expects note, not {}", shown(value)),
            position,
        )),
    }
}

/// A language tag's primary subtag, lower case: `en-GB` is `en`.
fn language(value: &str, position: usize) -> Result<String, QueryError> {
    let primary = value.split(['-', '_']).next().unwrap_or_default();
    if (2..=8).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(primary.to_ascii_lowercase())
    } else {
        Err(QueryError::new(
            format!(
                "lang: expects a language tag such as ar, fa or en-GB, not {}",
                shown(value)
            ),
            position,
        ))
    }
}
