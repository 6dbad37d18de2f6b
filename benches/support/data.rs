//! Test data for the benchmarks, generated at run time into a temporary directory and
//! never committed: built from the seed article's Arabic paragraphs and from English
//! paragraphs written for these benchmarks (both copied into `benches/data/`).
//!
//! Everything is deterministic: the same seed gives the same bytes, so figures from two
//! runs measure the same input.

#![allow(dead_code)] // each bench target uses a different part of this module

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// The seed article (Arabic), one paragraph per line; lines starting with "- " are bullets.
pub const SEED_AR: &str = include_str!("../data/seed-ar.txt");
/// English paragraphs written for the benchmarks, one per line.
pub const ENGLISH: &str = include_str!("../data/english.txt");

/// One megabyte as the figures use it: 10^6 bytes.
pub const MB: f64 = 1_000_000.0;

/// A small deterministic generator (xorshift64*), so the data needs no extra crate.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// The seed's lines sorted into kinds.
pub struct Seed {
    /// Full paragraphs (long lines that are not bullets).
    pub paragraphs: Vec<&'static str>,
    /// Bullet items, without the leading "- ".
    pub bullets: Vec<&'static str>,
    /// Short lines without a full stop: the article's section headings.
    pub headings: Vec<&'static str>,
}

pub fn seed() -> Seed {
    let mut seed = Seed {
        paragraphs: Vec::new(),
        bullets: Vec::new(),
        headings: Vec::new(),
    };
    for line in SEED_AR.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(item) = line.strip_prefix("- ") {
            seed.bullets.push(item);
        } else if line.chars().count() < 80 && !line.ends_with('.') {
            seed.headings.push(line);
        } else {
            seed.paragraphs.push(line);
        }
    }
    seed
}

pub fn english() -> Vec<&'static str> {
    ENGLISH
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// At least `bytes` bytes of Arabic text: the seed article's lines repeated, one paragraph
/// per line, cut at a line end.
pub fn arabic_text(bytes: usize) -> String {
    let lines: Vec<&str> = SEED_AR
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = String::with_capacity(bytes + 1024);
    'outer: loop {
        for line in &lines {
            out.push_str(line);
            out.push('\n');
            if out.len() >= bytes {
                break 'outer;
            }
        }
    }
    out
}

const EN_HEADINGS: &[&str] = &[
    "Background",
    "What was agreed",
    "Reactions",
    "Next steps",
    "Funding and costs",
    "Risks",
];
const EN_TAGS: &[&str] = &[
    "water",
    "ports",
    "elections",
    "health",
    "economy",
    "energy",
    "education",
    "courts",
    "media",
    "transport",
    "aid",
    "agriculture",
];
const AR_TAGS: &[&str] = &[
    "ليبيا",
    "حقوق الإنسان",
    "الأمم المتحدة",
    "جنيف",
    "العلاقات الدولية",
    "الإصلاح",
];
const PEOPLE: &[(&str, &str, &str)] = &[
    (
        "الطاهر الباعور",
        "Acting foreign minister",
        "Government of National Unity",
    ),
    ("فولكر تورك", "High Commissioner for Human Rights", "OHCHR"),
    (
        "Mariam Haddad",
        "Director of operations",
        "Regional Water Authority",
    ),
    (
        "Jonas Lindqvist",
        "Head of mission",
        "Electoral observation mission",
    ),
    ("Samira Ben Ali", "Spokesperson", "Ministry of Health"),
    ("Karim Mansour", "Governor", "Central Bank"),
];

/// One briefing of about `target` bytes of JSON, Arabic or English by `rng`, mixing the
/// other script in names, tags and quotes (as real briefings do).
pub fn briefing(rng: &mut Rng, index: usize, target: usize) -> Value {
    let seed = seed();
    let en = english();
    let arabic = rng.below(5) < 3;
    let (paras, heads, bullets): (&[&str], &[&str], &[&str]) = if arabic {
        (&seed.paragraphs, &seed.headings, &seed.bullets)
    } else {
        (&en, EN_HEADINGS, &en)
    };
    let headline = {
        let p = rng.pick(paras);
        let cut: String = p.chars().take(90).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
        format!("{cut} ({index})")
    };
    let mut body = Vec::new();
    let mut size = headline.len() + 600;
    while size < target.saturating_sub(1800) {
        match rng.below(8) {
            0 => {
                let h = rng.pick(heads);
                size += h.len() + 20;
                body.push(json!({ "heading": h }));
            }
            1 => {
                let lead = rng.pick(paras);
                let items: Vec<&str> = (0..3).map(|_| rng.pick(bullets)).collect();
                size += lead.len() + items.iter().map(|i| i.len() + 8).sum::<usize>() + 30;
                body.push(json!({ "lead": lead, "bullets": items }));
            }
            _ => {
                let p = rng.pick(paras);
                size += p.len() + 8;
                body.push(json!(p));
            }
        }
    }
    let speaker = PEOPLE[rng.below(PEOPLE.len())];
    let other = PEOPLE[rng.below(PEOPLE.len())];
    let tags: Vec<&str> = (0..3)
        .map(|_| {
            if arabic {
                rng.pick(AR_TAGS)
            } else {
                rng.pick(EN_TAGS)
            }
        })
        .collect();
    let date = format!(
        "{}-{:02}-{:02}",
        2019 + rng.below(8),
        1 + rng.below(12),
        1 + rng.below(28)
    );
    json!({
        "format": 1,
        "id": format!("bench-{index:05}"),
        "headline": headline,
        "summary": rng.pick(paras),
        "language": if arabic { "ar" } else { "en" },
        "direction": if arabic { "rtl" } else { "auto" },
        "date": date,
        "location": if arabic { "جنيف، سويسرا" } else { "Geneva, Switzerland" },
        "source": { "name": "Bench Wire", "url": format!("https://example.org/briefings/{index}") },
        "tags": tags,
        "body": body,
        "points": [rng.pick(bullets), rng.pick(bullets)],
        "quotes": [
            { "text": rng.pick(paras), "speaker": speaker.0, "context": speaker.1 },
        ],
        "actors": [
            { "id": "a1", "name": speaker.0, "role": speaker.1, "organization": speaker.2 },
            { "id": "a2", "name": other.0, "role": other.1, "organization": other.2 },
        ],
    })
}

/// One big Arabic briefing of at least `bytes` bytes: the seed article's paragraphs
/// repeated as the body, with its headings and bullet lists in place.
pub fn big_arabic_briefing(bytes: usize) -> Value {
    let seed = seed();
    let mut body = Vec::new();
    let mut size = 0;
    let mut round = 0;
    while size < bytes {
        round += 1;
        let h = format!("{} ({round})", seed.headings[round % seed.headings.len()]);
        size += h.len() + 20;
        body.push(json!({ "heading": h }));
        for p in &seed.paragraphs {
            size += p.len() + 8;
            body.push(json!(p));
        }
        let items = &seed.bullets;
        size += items.iter().map(|i| i.len() + 8).sum::<usize>() + 40;
        body.push(json!({ "lead": seed.paragraphs[0], "bullets": items }));
    }
    json!({
        "format": 1,
        "id": "bench-big-arabic",
        "headline": seed.paragraphs[0],
        "summary": seed.paragraphs[1],
        "language": "ar",
        "direction": "rtl",
        "date": "2026-11-01",
        "location": "جنيف، سويسرا",
        "tags": AR_TAGS,
        "body": body,
        "quotes": [{ "text": seed.paragraphs[10 % seed.paragraphs.len()], "speaker": "فولكر تورك" }],
        "actors": [{ "id": "a1", "name": "فولكر تورك", "role": "High Commissioner", "organization": "OHCHR" }],
    })
}

/// The seed article as a briefing (what a user would open): its own paragraphs,
/// headings and bullet lists in order.
pub fn seed_briefing_json() -> Value {
    let mut body = Vec::new();
    let mut bullets: Vec<&str> = Vec::new();
    let mut lead: Option<&str> = None;
    let lines: Vec<&str> = SEED_AR
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let flush = |body: &mut Vec<Value>, lead: &mut Option<&str>, bullets: &mut Vec<&str>| {
        if !bullets.is_empty() {
            let mut block = json!({ "bullets": std::mem::take(bullets) });
            if let Some(l) = lead.take() {
                block["lead"] = json!(l);
            }
            body.push(block);
        } else if let Some(l) = lead.take() {
            body.push(json!(l));
        }
    };
    for (i, line) in lines.iter().enumerate() {
        if let Some(item) = line.strip_prefix("- ") {
            bullets.push(item);
            continue;
        }
        flush(&mut body, &mut lead, &mut bullets);
        let next_is_bullet = lines.get(i + 1).is_some_and(|n| n.starts_with("- "));
        if next_is_bullet {
            lead = Some(line);
        } else if line.chars().count() < 80 && !line.ends_with('.') {
            body.push(json!({ "heading": line }));
        } else {
            body.push(json!(line));
        }
    }
    flush(&mut body, &mut lead, &mut bullets);
    json!({
        "format": 1,
        "id": "seed",
        "headline": "الباعور يلتقي المفوض السامي لحقوق الإنسان فولكر تورك في جنيف",
        "language": "ar",
        "direction": "rtl",
        "date": "2026-11-01",
        "location": "جنيف، سويسرا",
        "body": body,
    })
}

/// Everything the terminal figures need, written under one temporary directory.
pub struct Corpus {
    pub dir: tempfile::TempDir,
    /// 10,000 briefings of about 10 KB each.
    pub archive: PathBuf,
    pub archive_bytes: u64,
    pub archive_files: usize,
    /// The seed article as a briefing.
    pub seed_briefing: PathBuf,
    /// The seed article as plain text, for `less`.
    pub seed_text: PathBuf,
    /// The 2 MB Arabic briefing.
    pub big_briefing: PathBuf,
    /// The same to 16 MB (compact JSON, under the loader's 16 MiB limit).
    pub huge_briefing: PathBuf,
    /// About 2 MB of Arabic text (the seed repeated), for `less` beside the 2 MB briefing.
    pub big_text: PathBuf,
    /// The 5 MB Arabic text, for the layout figure and FriBidi.
    pub arabic_5mb: PathBuf,
}

/// Writes `big_arabic_briefing` as compact JSON of about `bytes` (within 2%): the
/// generator's own count leaves out the JSON around the text.
pub fn write_big_arabic(path: &Path, bytes: usize) -> io::Result<u64> {
    let mut target = bytes;
    loop {
        let text = serde_json::to_string(&big_arabic_briefing(target)).map_err(io::Error::other)?;
        if text.len() <= bytes + bytes / 50 || target < bytes / 2 {
            fs::write(path, &text)?;
            return Ok(text.len() as u64);
        }
        target = (target as f64 * bytes as f64 / text.len() as f64) as usize;
    }
}

pub fn write_json(path: &Path, value: &Value) -> io::Result<u64> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::other)?;
    fs::write(path, &text)?;
    Ok(text.len() as u64)
}

/// Writes the corpus; `archive_files` is 10,000 for the real figures and smaller for the
/// smoke run.
pub fn corpus(archive_files: usize) -> io::Result<Corpus> {
    let dir = tempfile::Builder::new().prefix("brief-bench-").tempdir()?;
    let archive = dir.path().join("archive");
    fs::create_dir(&archive)?;
    let mut rng = Rng::new(6);
    let mut archive_bytes = 0;
    for i in 0..archive_files {
        let b = briefing(&mut rng, i, 10_000);
        archive_bytes += write_json(&archive.join(format!("{i:05}.json")), &b)?;
    }
    // brief opens a file inside the library of its folder: each briefing gets a folder of
    // its own, so that opening it loads nothing else.
    let sub = |name: &str| -> io::Result<PathBuf> {
        let path = dir.path().join(name);
        fs::create_dir(&path)?;
        Ok(path)
    };
    let seed_briefing = sub("seed")?.join("seed.json");
    write_json(&seed_briefing, &seed_briefing_json())?;
    let big_briefing = sub("big")?.join("big-arabic.json");
    write_json(&big_briefing, &big_arabic_briefing(2_000_000))?;
    let huge_briefing = sub("huge")?.join("huge-arabic.json");
    write_big_arabic(&huge_briefing, 16_000_000)?;
    let text = sub("text")?;
    let seed_text = text.join("seed.txt");
    fs::write(&seed_text, SEED_AR)?;
    let big_text = text.join("arabic-2mb.txt");
    fs::write(&big_text, arabic_text(2_000_000))?;
    let arabic_5mb = text.join("arabic-5mb.txt");
    fs::write(&arabic_5mb, arabic_text(5_000_000))?;
    Ok(Corpus {
        dir,
        archive,
        archive_bytes,
        archive_files,
        seed_briefing,
        seed_text,
        big_briefing,
        huge_briefing,
        big_text,
        arabic_5mb,
    })
}

/// A one-line description of a size, for the table.
pub fn human_bytes(bytes: u64) -> String {
    let mut s = String::new();
    if bytes >= 1_000_000 {
        let _ = write!(s, "{:.1} MB", bytes as f64 / MB);
    } else if bytes >= 1_000 {
        let _ = write!(s, "{:.1} KB", bytes as f64 / 1000.0);
    } else {
        let _ = write!(s, "{bytes} B");
    }
    s
}
