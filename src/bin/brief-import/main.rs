//! `brief-import`: `brief import SOURCE...`, articles into briefing files, never
//! overwriting one. An executable of its own, which `brief import` runs once it has checked
//! the arguments (`src/cli/import_cmd.rs`): the HTML parser, the feeds, HTTP and TLS it
//! needs were most of the reader's relocated data, which the dynamic loader wrote at every
//! start of the reader.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use brief::briefing::{is_terminal_hazard, load_bytes};
use brief::import::{Draft, ImportArgs, Meta, file_stem, from_feed, from_html, from_text};
use clap::Parser;

mod fetch;
mod sources;

use sources::{Article, Kind, MAX_ARTICLE_BYTES, read_source};

#[derive(Debug, Parser)]
#[command(name = "brief import", version)]
struct ImportCli {
    #[command(flatten)]
    args: ImportArgs,
}

fn main() -> ExitCode {
    let cli = ImportCli::parse();
    match run(&cli.args) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("brief: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
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
