//! `brief import SOURCE...`: articles into briefing files, never overwriting one.

use std::fs::{self, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use brief::briefing::{is_terminal_hazard, load_bytes};
use brief::import::{Draft, Meta, file_stem, from_feed, from_html, from_text};
use clap::Args;

mod fetch;

/// Articles larger than this are refused without being read whole.
const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;
const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "md", "markdown", "text", "html", "htm", "xml", "rss", "atom",
];

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Article files (text, Markdown, HTML, RSS or Atom), folders of them, `-` for standard
    /// input, or http(s) addresses
    #[arg(required = true, value_name = "SOURCE")]
    pub sources: Vec<String>,
    /// The articles' language (a BCP 47 tag such as ar, en, fa); detected when absent
    #[arg(long, value_name = "TAG")]
    pub language: Option<String>,
    /// Where to write the briefings [default: $BRIEF_DIR, else ./briefings]
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Show what would be written without writing anything
    #[arg(long)]
    pub dry_run: bool,
    /// Fetch the page each feed item links to and import it instead of the item's summary
    #[arg(long)]
    pub follow: bool,
    /// Give up on an address after this many seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub timeout: u64,
}

/// One article read from a source.
struct Article {
    source: String,
    text: String,
    kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Markdown,
    Html,
    Feed,
}

impl Kind {
    /// From a file's extension, else from how the text starts.
    fn of(extension: Option<&str>, text: &str) -> Kind {
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

pub fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let out = args
        .out
        .clone()
        .unwrap_or_else(brief::briefing::default_path);
    let mut failed = 0;
    let mut articles = Vec::new();
    for source in &args.sources {
        match read_source(source, args) {
            Ok(found) => articles.extend(found),
            Err(error) => {
                failed += 1;
                eprintln!("brief: {}", shown(&format!("{error:#}")));
            }
        }
    }
    if !args.dry_run && !articles.is_empty() {
        fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    }
    let mut stdout = io::stdout().lock();
    for article in &articles {
        if let Err(error) = import_one(article, args, &out, &mut stdout) {
            failed += 1;
            eprintln!("brief: {}: {error:#}", shown(&article.source));
        }
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn drafts(article: &Article, args: &ImportArgs) -> anyhow::Result<Vec<Draft>> {
    let meta = Meta {
        source: Some(article.source.clone()),
        language: args.language.clone(),
        ..Meta::default()
    };
    let drafts = match article.kind {
        Kind::Feed if args.follow => from_feed(article.text.as_bytes(), &meta)?
            .into_iter()
            .map(|item| follow(item, args))
            .collect(),
        Kind::Feed => from_feed(article.text.as_bytes(), &meta)?,
        Kind::Html => from_html(&article.text, &meta).into_iter().collect(),
        kind => from_text(&article.text, kind == Kind::Markdown, &meta)
            .into_iter()
            .collect(),
    };
    if drafts.is_empty() {
        bail!("no text to import");
    }
    Ok(drafts)
}

/// The page a feed item links to, read with the item's metadata; the item as it is when
/// it links nowhere or the page cannot be had (said on stderr).
fn follow(item: Draft, args: &ImportArgs) -> Draft {
    let Some(url) = item.source.as_ref().and_then(|s| s.url.clone()) else {
        return item;
    };
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return item;
    }
    let timeout = std::time::Duration::from_secs(args.timeout.max(1));
    let page = match fetch::fetch(&url, timeout, MAX_ARTICLE_BYTES) {
        Ok(page) if page.content_type.contains("html") => page,
        Ok(page) => {
            eprintln!(
                "brief: {}: {}: kept the feed's text",
                shown(&url),
                page.content_type
            );
            return item;
        }
        Err(error) => {
            eprintln!("brief: {}: {error:#}; kept the feed's text", shown(&url));
            return item;
        }
    };
    let meta = Meta {
        source: Some(url.clone()),
        language: item.language.clone().filter(|_| args.language.is_some()),
        headline: Some(item.headline.clone()),
        date: item.date.clone(),
        source_name: item.source.as_ref().and_then(|s| s.name.clone()),
        url: Some(url),
        tags: item.tags.clone(),
    };
    from_html(&page.text, &meta).unwrap_or(item)
}

fn import_one(
    article: &Article,
    args: &ImportArgs,
    out: &Path,
    stdout: &mut impl Write,
) -> anyhow::Result<()> {
    for draft in drafts(article, args)? {
        let json = draft.to_json();
        check(&json)?;
        let stem = file_stem(draft.date.as_deref(), &draft.headline);
        let (verb, path) = match place(out, &stem, &json)? {
            Place::Same(path) => ("skipped (already imported)", path),
            Place::Free(path) if args.dry_run => ("would write", path),
            Place::Free(path) => {
                write_new(&path, &json)?;
                ("wrote", path)
            }
        };
        writeln!(stdout, "{verb} {}", shown(&path.display().to_string()))?;
        report_guesses(&draft, stdout)?;
    }
    Ok(())
}

/// What a person should look at: every value the importer guessed.
fn report_guesses(draft: &Draft, stdout: &mut impl Write) -> io::Result<()> {
    if !draft.import.guessed.is_empty() {
        writeln!(stdout, "  check: {}", draft.import.guessed.join(", "))?;
    }
    if draft.quotes.is_empty() && draft.actors.is_empty() {
        writeln!(stdout, "  check: no quotations or actors found")?;
    }
    Ok(())
}

/// The importer's output must load without errors, as `brief check` would see it.
fn check(json: &str) -> anyhow::Result<()> {
    match load_bytes(Path::new("imported.json"), json.as_bytes()) {
        Ok(_) => Ok(()),
        Err(failure) => {
            let first = failure.diagnostics.first().map(ToString::to_string);
            bail!("the briefing would not load: {}", first.unwrap_or_default())
        }
    }
}

enum Place {
    /// A file with this very content exists: the article was imported before.
    Same(PathBuf),
    /// The first name not taken: `stem.json`, else `stem-2.json`, `stem-3.json`…
    Free(PathBuf),
}

fn place(out: &Path, stem: &str, json: &str) -> anyhow::Result<Place> {
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{n}.json")
        };
        let path = out.join(name);
        match fs::read(&path) {
            Ok(existing) if existing == json.as_bytes() => return Ok(Place::Same(path)),
            Ok(_) => continue,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Place::Free(path)),
            Err(error) => {
                return Err(error).with_context(|| format!("cannot read {}", path.display()));
            }
        }
    }
    bail!("too many briefings named {stem}")
}

/// Creates the file; never replaces one that appeared meanwhile.
fn write_new(path: &Path, json: &str) -> anyhow::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(json.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))
}

fn read_source(source: &str, args: &ImportArgs) -> anyhow::Result<Vec<Article>> {
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

/// A file name or source as printed: control and bidi characters escaped.
fn shown(text: &str) -> String {
    text.chars()
        .map(|c| {
            if is_terminal_hazard(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}
