//! The figures a bench's report prints, kept: written as JSON to
//! `target/bench/latest.json` (each figure's name, value and unit) and compared with the
//! committed `benches/baseline.json`, every figure's change printed. A figure worse than
//! the baseline by more than the machine's noise is flagged in that comparison; it fails
//! nothing. `BRIEF_BENCH_BLESS=1` writes this run's figures into the baseline.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// How far a figure moves between runs on the bench machine (BENCHMARKS.md): a change
/// within it is not called worse. `BRIEF_BENCH_NOISE` sets another, in percent.
const NOISE_PERCENT: f64 = 20.0;

pub struct Figure {
    /// `bench/what`, unique in the file: the bench's name comes first.
    pub name: String,
    pub value: f64,
    /// `ms`, `B`, `MB`, `MB/s`, `ratio`…: a rate (`/s`) is better higher, anything else
    /// lower.
    pub unit: &'static str,
}

impl Figure {
    pub fn new(name: impl Into<String>, value: f64, unit: &'static str) -> Self {
        Self {
            name: name.into(),
            value,
            unit,
        }
    }

    fn higher_is_better(&self) -> bool {
        self.unit.ends_with("/s")
    }
}

fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
    }
}

pub fn baseline_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/baseline.json")
}

/// The figures in a JSON file of ours: `{"figures": [{name, value, unit}…]}`; none when
/// it is missing or not ours.
fn read(path: &Path) -> Vec<Figure> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let value: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    let entries = value["figures"].as_array().cloned().unwrap_or_default();
    entries
        .iter()
        .filter_map(|entry| {
            let unit = UNITS.iter().find(|&&u| Some(u) == entry["unit"].as_str())?;
            Some(Figure::new(
                entry["name"].as_str()?,
                entry["value"].as_f64()?,
                unit,
            ))
        })
        .collect()
}

/// The units a figure may have.
const UNITS: &[&str] = &["ms", "s", "B", "MB", "MB/s", "ratio", "count"];

/// `old` with every figure of `bench` replaced by `new`'s, sorted by name, written.
fn merge_into(path: &Path, bench: &str, new: &[Figure]) -> std::io::Result<()> {
    let prefix = format!("{bench}/");
    let mut all: Vec<Figure> = read(path)
        .into_iter()
        .filter(|f| !f.name.starts_with(&prefix))
        .collect();
    all.extend(
        new.iter()
            .map(|f| Figure::new(f.name.clone(), f.value, f.unit)),
    );
    all.sort_by(|a, b| a.name.cmp(&b.name));
    let entries: Vec<Value> = all
        .iter()
        .map(|f| json!({ "name": f.name, "value": f.value, "unit": f.unit }))
        .collect();
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let text = serde_json::to_string_pretty(&json!({ "figures": entries }))?;
    std::fs::write(path, text + "\n")
}

fn noise() -> f64 {
    std::env::var("BRIEF_BENCH_NOISE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(NOISE_PERCENT)
}

/// One line per figure: its baseline, now, the change, and "worse" beyond the noise.
pub fn comparison(baseline: &[Figure], now: &[Figure]) -> String {
    let noise = noise();
    let width = now
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!("change from benches/baseline.json (noise taken as ±{noise}%):\n");
    for figure in now {
        let was = baseline
            .iter()
            .find(|b| b.name == figure.name && b.unit == figure.unit);
        let line = match was {
            Some(was) if was.value != 0.0 => {
                let change = (figure.value - was.value) / was.value * 100.0;
                let worse = match figure.higher_is_better() {
                    true => -change,
                    false => change,
                };
                let flag = if worse > noise { "  WORSE" } else { "" };
                format!(
                    "{:.4} → {:.4} {} ({change:+.1}%){flag}",
                    was.value, figure.value, figure.unit
                )
            }
            Some(was) => format!("{:.4} → {:.4} {}", was.value, figure.value, figure.unit),
            None => format!("{:.4} {} (not in the baseline)", figure.value, figure.unit),
        };
        let pad = " ".repeat(width - figure.name.chars().count());
        out.push_str(&format!("  {}{pad}  {line}\n", figure.name));
    }
    out
}

/// Writes `figures` (all of `bench`'s, named `bench/…`) into `target/bench/latest.json`,
/// prints their change from the baseline, and with `BRIEF_BENCH_BLESS=1` makes them the
/// baseline. A file that cannot be written is said, and the bench goes on.
pub fn keep(bench: &str, figures: &[Figure]) {
    let latest = target_dir().join("bench/latest.json");
    match merge_into(&latest, bench, figures) {
        Ok(()) => println!("figures written to {}", latest.display()),
        Err(e) => eprintln!("bench {bench}: writing {}: {e}", latest.display()),
    }
    println!("{}", comparison(&read(&baseline_path()), figures));
    if std::env::var_os("BRIEF_BENCH_BLESS").is_some_and(|v| v != "0") {
        let baseline = baseline_path();
        match merge_into(&baseline, bench, figures) {
            Ok(()) => println!(
                "baseline {} updated with {bench}'s figures",
                baseline.display()
            ),
            Err(e) => eprintln!("bench {bench}: writing {}: {e}", baseline.display()),
        }
    }
}
