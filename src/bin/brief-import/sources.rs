//! Where articles come from: files, folders, standard input and addresses.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::ImportArgs;
use super::fetch;

/// Articles larger than this are refused without being read whole.
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "html", "htm", "xml", "rss", "atom",
];

/// One article read from a source.
pub struct Article {
    pub source: String,
    pub text: String,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Markdown,
    Html,
    Feed,
}

impl Kind {
    /// From a file's extension, else from how the text starts.
    pub fn of(extension: Option<&str>, text: &str) -> Kind {
        let start = text.trim_start();
        let head = start.get(..start.len().min(1024)).unwrap_or(start);
        let feed = head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF");
        match extension.map(str::to_ascii_lowercase).as_deref() {
            Some("xml" | "rss" | "atom") => Kind::Feed,
            Some("html" | "htm") => Kind::Html,
            Some("md" | "markdown") => Kind::Markdown,
            Some(_) => Kind::Text,
            None if feed => Kind::Feed,
            None if start.starts_with('<') => Kind::Html,
            None if start.starts_with('#') => Kind::Markdown,
            None => Kind::Text,
        }
    }
}

pub fn read_source(source: &str, args: &ImportArgs) -> anyhow::Result<Vec<Article>> {
    if source == "-" {
        let mut text = String::new();
        io::stdin()
            .take(MAX_ARTICLE_BYTES + 1)
            .read_to_string(&mut text)
            .context("standard input: not UTF-8 text")?;
        if text.len() as u64 > MAX_ARTICLE_BYTES {
            bail!("standard input: larger than {MAX_ARTICLE_BYTES} bytes");
        }
        return Ok(vec![Article {
            source: "-".into(),
            kind: Kind::of(None, &text),
            text,
        }]);
    }
    if source.starts_with("http://") || source.starts_with("https://") {
        let timeout = std::time::Duration::from_secs(args.timeout.max(1));
        let fetched =
            fetch::fetch(source, timeout, MAX_ARTICLE_BYTES).with_context(|| source.to_owned())?;
        let kind = match fetched.content_type.as_str() {
            "text/html" | "application/xhtml+xml" => Kind::Html,
            "text/markdown" => Kind::Markdown,
            "text/plain" => Kind::of(None, &fetched.text),
            _ => Kind::Feed,
        };
        return Ok(vec![Article {
            source: source.to_owned(),
            text: fetched.text,
            kind,
        }]);
    }
    let path = Path::new(source);
    let metadata = fs::metadata(path).with_context(|| format!("{source}: cannot open"))?;
    if !metadata.is_dir() {
        return read_file(path).map(|article| vec![article]);
    }
    let mut files = Vec::new();
    collect(path, &mut files)?;
    files.sort();
    files.iter().map(|file| read_file(file)).collect()
}

fn collect(folder: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in
        fs::read_dir(folder).with_context(|| format!("cannot read {}", folder.display()))?
    {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        let file_type = fs::symlink_metadata(&path)?.file_type();
        if hidden {
            continue;
        }
        if file_type.is_dir() {
            collect(&path, files)?;
        } else if file_type.is_file() && is_article(&path) {
            files.push(path);
        }
    }
    Ok(())
}

fn is_article(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn read_file(path: &Path) -> anyhow::Result<Article> {
    let source = path.display().to_string();
    let metadata = fs::metadata(path).with_context(|| format!("{source}: cannot open"))?;
    if !metadata.is_file() {
        bail!("{source}: not a regular file");
    }
    if metadata.len() > MAX_ARTICLE_BYTES {
        bail!("{source}: larger than {MAX_ARTICLE_BYTES} bytes");
    }
    let bytes = fs::read(path).with_context(|| format!("{source}: cannot read"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{source}: not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let kind = Kind::of(
        Some(path.extension().and_then(|e| e.to_str()).unwrap_or("")),
        &text,
    );
    Ok(Article { source, text, kind })
}
