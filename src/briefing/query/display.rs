//! A query written back as text, in one canonical form that parses to the same `Query`:
//! what a saved search stores and the screen shows.

use std::fmt;

use super::ast::{Clause, Filter, Query, Review, Scope};

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut separator = "";
        for clause in &self.clauses {
            write!(f, "{separator}{clause}")?;
            separator = " ";
        }
        let scope = match self.scope {
            Scope::Everywhere => return Ok(()),
            Scope::Headline => "headline",
            Scope::Body => "body",
            Scope::Quotes => "quotes",
        };
        write!(f, "{separator}in:{scope}")
    }
}

impl fmt::Display for Clause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("-")?;
        }
        match &self.filter {
            Filter::Word(word) => f.write_str(word),
            Filter::Phrase(words) => write!(f, "\"{}\"", words.join(" ")),
            Filter::Actor(value) => write!(f, "actor:{}", Value(value)),
            Filter::Speaker(value) => write!(f, "speaker:{}", Value(value)),
            Filter::Tag(value) => write!(f, "tag:{}", Value(value)),
            Filter::Language(value) => write!(f, "lang:{value}"),
            Filter::Class(value) => write!(f, "class:{}", Value(value)),
            Filter::Date(range) => write!(f, "date:{range}"),
            Filter::Review(review) => match review {
                Review::New => f.write_str("is:new"),
                Review::Read => f.write_str("is:read"),
                Review::Reviewed => f.write_str("is:reviewed"),
                Review::Flagged => f.write_str("is:flagged"),
                Review::HasNote => f.write_str("has:note"),
                Review::ReviewedBy(name) => write!(f, "reviewed-by:{}", Value(name)),
            },
        }
    }
}

/// An operator's value: quoted when it holds a space. Normalised values hold no quote.
struct Value<'a>(&'a str);

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.contains(char::is_whitespace) {
            write!(f, "\"{}\"", self.0)
        } else {
            f.write_str(self.0)
        }
    }
}
