//! The briefing an import produces, in the order its fields are written.

use serde::Serialize;

/// Names the importer in `import.importer`.
pub const IMPORTER: &str = concat!("brief-import ", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    pub format: u8,
    pub headline: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<DraftSource>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    pub body: Vec<DraftBlock>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<DraftQuote>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<DraftActor>,
    pub import: ImportRecord,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftSource {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum DraftBlock {
    Paragraph(String),
    Heading {
        heading: String,
    },
    Bullets {
        #[serde(skip_serializing_if = "Option::is_none")]
        lead: Option<String>,
        bullets: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftQuote {
    pub text: String,
    pub speaker: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftActor {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportRecord {
    pub importer: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub guessed: Vec<String>,
}

impl Draft {
    /// The briefing as pretty-printed JSON, ending in a newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}
