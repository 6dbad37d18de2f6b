use std::borrow::Cow;
use std::path::PathBuf;

use super::date::display_date;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Direction {
    #[default]
    Auto,
    Ltr,
    Rtl,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    pub name: Option<String>,
    pub url: Option<String>,
}

impl Source {
    /// What a reader is shown for the source: its name, else its address.
    pub fn label(&self) -> Option<&str> {
        self.name.as_deref().or(self.url.as_deref())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Heading(String),
    Bullets {
        lead: Option<String>,
        items: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub speaker: String,
    pub context: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub country: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Briefing {
    pub path: PathBuf,
    pub id: String,
    pub headline: String,
    pub summary: Option<String>,
    pub language: Option<String>,
    pub direction: Direction,
    pub date: Option<String>,
    pub location: Option<String>,
    pub source: Option<Source>,
    pub classification: Option<String>,
    pub tags: Vec<String>,
    pub body: Vec<Block>,
    pub points: Vec<String>,
    pub quotes: Vec<Quote>,
    pub actors: Vec<Actor>,
    pub translations: Vec<Translation>,
    /// The member (`body`, `quotes`...) whose list ends early: this is a long file's
    /// head (`briefing::load_head`), shown until its whole is parsed.
    pub cut: Option<String>,
}

/// One translation of a briefing. Each list is empty when the translation leaves the
/// field out, else as long as the original's, `None` where an item is not translated.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Translation {
    pub language: String,
    pub translator: Option<String>,
    pub headline: Option<String>,
    pub summary: Option<String>,
    /// Block `i` translates the original's body block `i`, and is of the same kind.
    pub body: Vec<Option<Block>>,
    pub points: Vec<Option<String>>,
    pub quotes: Vec<Option<QuoteText>>,
    /// The roles of the actors; names are not translated.
    pub actors: Vec<Option<ActorRole>>,
}

/// A quotation's words and context in the translation; the speaker stays the original's.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuoteText {
    pub text: Option<String>,
    pub context: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActorRole {
    pub role: Option<String>,
}

/// A list of key points as the reader presents it: the briefing's `points`, or one of the
/// body's bullet lists with its lead sentence and the nearest heading above it.
/// Borrowed from the briefing: a long body's lists are not copied to be shown twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PointGroup<'a> {
    pub heading: Option<&'a str>,
    pub lead: Option<&'a str>,
    pub items: &'a [String],
}

impl Briefing {
    /// The date as readers see it (`2025-08-03 07:45 +03:00`), not as written in RFC 3339.
    pub fn shown_date(&self) -> Option<Cow<'_, str>> {
        self.date.as_deref().map(display_date)
    }

    /// The actor a quote's speaker names, by id, then name, then alias, ignoring case and
    /// surrounding spaces. `None` means the speaker is a free name.
    pub fn find_actor(&self, speaker: &str) -> Option<&Actor> {
        let wanted = speaker.trim().to_lowercase();
        let same = |candidate: &str| candidate.trim().to_lowercase() == wanted;
        self.actors
            .iter()
            .find(|actor| same(&actor.id))
            .or_else(|| self.actors.iter().find(|actor| same(&actor.name)))
            .or_else(|| {
                self.actors
                    .iter()
                    .find(|actor| actor.aliases.iter().any(|alias| same(alias)))
            })
    }

    pub fn point_groups(&self) -> Vec<PointGroup<'_>> {
        self.sourced_point_groups()
            .into_iter()
            .map(|(group, _)| group)
            .collect()
    }

    /// `point_groups`, each with where its parts come from (for pairing them with a
    /// translation's): the points themselves, or the body's heading and bullet blocks.
    pub fn sourced_point_groups(&self) -> Vec<(PointGroup<'_>, GroupSource)> {
        if !self.points.is_empty() {
            let group = PointGroup {
                heading: None,
                lead: None,
                items: &self.points,
            };
            return vec![(group, GroupSource::Points)];
        }
        let mut heading = None;
        let mut groups = Vec::new();
        for (index, block) in self.body.iter().enumerate() {
            match block {
                Block::Heading(text) => heading = Some((index, text.as_str())),
                Block::Bullets { lead, items } => groups.push((
                    PointGroup {
                        heading: heading.map(|(_, text)| text),
                        lead: lead.as_deref(),
                        items,
                    },
                    GroupSource::Body {
                        heading: heading.as_ref().map(|(at, _)| *at),
                        block: index,
                    },
                )),
                Block::Paragraph(_) => {}
            }
        }
        groups
    }
}

/// Where a `PointGroup` comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupSource {
    /// The briefing's `points`.
    Points,
    /// Body block `block`, under the heading block `heading`.
    Body {
        heading: Option<usize>,
        block: usize,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(id: &str, name: &str, aliases: &[&str]) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            role: None,
            organization: None,
            country: None,
            aliases: aliases.iter().map(|alias| (*alias).into()).collect(),
        }
    }

    #[test]
    fn a_source_is_labelled_by_name_then_url() {
        let source = |name: Option<&str>, url: Option<&str>| Source {
            name: name.map(Into::into),
            url: url.map(Into::into),
        };
        assert_eq!(
            source(Some("Agency"), Some("https://a.example")).label(),
            Some("Agency")
        );
        assert_eq!(
            source(None, Some("https://a.example")).label(),
            Some("https://a.example")
        );
        assert_eq!(source(None, None).label(), None);
    }

    #[test]
    fn an_id_beats_a_name_and_a_name_beats_an_alias() {
        let briefing = Briefing {
            path: PathBuf::from("x.json"),
            id: "x".into(),
            headline: "h".into(),
            summary: None,
            language: None,
            direction: Direction::Auto,
            date: None,
            location: None,
            source: None,
            classification: None,
            tags: Vec::new(),
            body: Vec::new(),
            points: Vec::new(),
            quotes: Vec::new(),
            actors: vec![
                actor("a", "Envoy", &["chair"]),
                actor("b", "Chair", &["envoy"]),
                actor("envoy", "Someone", &[]),
            ],
            translations: Vec::new(),
            cut: None,
        };
        let id_of = |speaker: &str| briefing.find_actor(speaker).map(|a| a.id.as_str());
        assert_eq!(id_of("envoy"), Some("envoy"));
        assert_eq!(id_of("CHAIR"), Some("b"));
        assert_eq!(id_of("someone"), Some("envoy"));
        assert_eq!(id_of(""), None);
    }
}
