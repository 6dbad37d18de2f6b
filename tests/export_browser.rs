//! The exported HTML in a real browser: Debian's chromium, headless, lays out the seed
//! briefing and the mixed sample, and a script added to a copy of each page (only here, never
//! by the exporter) writes what the browser computed for each block into the page, which
//! `--dump-dom` returns: its direction, where its first line starts and ends, and where its
//! first character stands. Arabic paragraphs must read from the right, English ones from the
//! left, as the browser itself laid them out.

mod export_check;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use brief::export::{Format, export};
use export_check::{load, repo, sel};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Measures every block of one paragraph of briefing text (not rows of several fields, which
/// take the briefing's direction whatever their script): the computed direction, the block's content box,
/// the extent of its first line, and the first character's box.
const MEASURE: &str = r#"<script>
(() => {
  const blocks = document.querySelectorAll(
    "article h1, article h2, article h4, article p:not([class]), article li:not(:has(bdi + bdi))");
  const out = [];
  for (const el of blocks) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let first = null;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.data.length) { first = n; break; }
    }
    if (!first) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const whole = document.createRange();
    whole.selectNodeContents(el);
    const rects = [...whole.getClientRects()].filter(r => r.width > 0);
    const top = Math.min(...rects.map(r => r.top));
    const height = Math.min(...rects.map(r => r.height));
    const line = rects.filter(r => r.top < top + height / 2);
    const one = document.createRange();
    one.setStart(first, 0);
    one.setEnd(first, first.data.codePointAt(0) > 0xffff ? 2 : 1);
    const c = one.getBoundingClientRect();
    out.push({
      text: el.textContent,
      dir: el.getAttribute("dir"),
      direction: style.direction,
      box_left: box.left + parseFloat(style.paddingLeft),
      box_right: box.right - parseFloat(style.paddingRight),
      line_left: Math.min(...line.map(r => r.left)),
      line_right: Math.max(...line.map(r => r.right)),
      char_left: c.left,
      char_right: c.right,
    });
  }
  const pre = document.createElement("pre");
  pre.id = "measured";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>"#;

#[derive(Debug, serde::Deserialize)]
struct Measured {
    text: String,
    dir: String,
    direction: String,
    box_left: f64,
    box_right: f64,
    line_left: f64,
    line_right: f64,
    char_left: f64,
    char_right: f64,
}

/// Whether chromium is here; when not, the test says so and passes, except under CI.
fn chromium_present() -> bool {
    if Path::new(CHROMIUM).exists() {
        return true;
    }
    let message =
        format!("export_browser: SKIPPED: {CHROMIUM} is missing (apt-get install chromium)");
    assert!(
        std::env::var_os("CI").is_none(),
        "{message}; CI must run this test"
    );
    eprintln!("{message}");
    false
}

/// Chromium's DOM of `page` after its scripts ran.
fn dump_dom(page: &Path, profile: &Path) -> String {
    let mut child = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1000,2000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("start chromium: {e}"));
    // Chromium's output is read to the end; a hung browser is ended after a generous wait.
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish with {}", page.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("chromium: {e}"));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// What the text is, by its letters: mostly Arabic, Hebrew or Persian, or mostly Latin.
fn script_direction(text: &str) -> Option<&'static str> {
    let rtl = text
        .chars()
        .filter(|c| ('\u{0590}'..='\u{08FF}').contains(c))
        .count();
    let latin = text.chars().filter(char::is_ascii_alphabetic).count();
    match (rtl, latin) {
        (0, 0) => None,
        (r, l) if r > l => Some("rtl"),
        _ => Some("ltr"),
    }
}

fn measure(file: &str, dir: &Path) -> Vec<Measured> {
    let briefing = load(&repo().join("briefings").join(file)).unwrap_or_else(|| panic!("{file}"));
    let html = export(&[&briefing], Format::Html);
    let page_copy = html.replacen("</body>", &format!("{MEASURE}\n</body>"), 1);
    let page: PathBuf = dir.join(file.replace(".json", ".html"));
    std::fs::write(&page, page_copy).unwrap_or_else(|e| panic!("{e}"));
    let dom = dump_dom(&page, &dir.join("profile"));
    let parsed = scraper::Html::parse_document(&dom);
    let json: String = parsed
        .select(&sel("pre#measured"))
        .next()
        .unwrap_or_else(|| panic!("no measurements in chromium's DOM of {file}:\n{dom:.2000}"))
        .text()
        .collect();
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json:.500}"))
}

/// Each block reads in the direction of its script, as laid out: its first line starts at
/// the box's right edge (RTL) or left edge (LTR), and so does its first character when that
/// is a letter of the block's script. Returns (RTL blocks, LTR blocks) checked.
fn check_layout(file: &str, blocks: &[Measured]) -> (usize, usize) {
    const SLACK: f64 = 2.0;
    let mut counts = (0, 0);
    for block in blocks {
        let Some(script) = script_direction(&block.text) else {
            continue;
        };
        let what = format!(
            "{file}: {:?}",
            block.text.chars().take(40).collect::<String>()
        );
        assert_eq!(block.direction, script, "{what}: computed direction");
        assert_eq!(block.dir, script, "{what}: dir attribute");
        let first = block
            .text
            .chars()
            .next()
            .map(|c| script_direction(&c.to_string()));
        if script == "rtl" {
            counts.0 += 1;
            assert!(
                (block.line_right - block.box_right).abs() <= SLACK,
                "{what}: not from the right: {block:?}"
            );
            if first == Some(Some("rtl")) {
                assert!(
                    (block.char_right - block.line_right).abs() <= SLACK,
                    "{what}: first letter not rightmost: {block:?}"
                );
            }
        } else {
            counts.1 += 1;
            assert!(
                (block.line_left - block.box_left).abs() <= SLACK,
                "{what}: not from the left: {block:?}"
            );
            if first == Some(Some("ltr")) {
                assert!(
                    (block.char_left - block.line_left).abs() <= SLACK,
                    "{what}: first letter not leftmost: {block:?}"
                );
            }
        }
    }
    counts
}

#[test]
fn arabic_reads_right_to_left_and_english_left_to_right_in_chromium() {
    if !chromium_present() {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seed = measure("libya-ohchr-geneva.json", dir.path());
    let (rtl, ltr) = check_layout("seed", &seed);
    eprintln!("export_browser: seed: {rtl} right-to-left, {ltr} left-to-right blocks");
    // The Arabic original, then its English translation.
    assert!(
        rtl >= 20 && ltr >= 20,
        "seed: {rtl} right-to-left and {ltr} left-to-right blocks"
    );
    let mixed = measure("sabil-upr-tracker-tunis.json", dir.path());
    let (rtl, ltr) = check_layout("mixed", &mixed);
    eprintln!("export_browser: mixed: {rtl} right-to-left, {ltr} left-to-right blocks");
    assert!(
        rtl >= 2 && ltr >= 5,
        "mixed: {rtl} right-to-left and {ltr} left-to-right blocks"
    );
}
