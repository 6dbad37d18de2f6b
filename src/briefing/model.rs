use std::path::PathBuf;

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
}
