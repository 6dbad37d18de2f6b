//! `brief export` as a command: standard output, `-o` that never replaces a file without
//! `--force`, and errors that name the file.

mod export_check;

use std::path::Path;
use std::process::{Command, Output};

use export_check::repo;

fn brief(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(repo())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap_or_else(|e| panic!("run brief: {e}"))
}

const SEED: &str = "briefings/libya-ohchr-geneva.json";
const MIXED: &str = "briefings/sabil-upr-tracker-tunis.json";

#[test]
fn export_writes_each_format_to_standard_output() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (format, start) in [("md", "# "), ("html", "<!doctype html>"), ("txt", "")] {
        let out = brief(&["export", SEED, MIXED, "--format", format], home.path());
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap_or_default();
        assert!(text.starts_with(start), "{format}: {text:.80}");
        assert!(
            text.contains("فولكر تورك") && text.contains("Sabil"),
            "{format}"
        );
        // Logical order: the seed before the mixed sample, as given.
        assert!(text.find("فولكر تورك") < text.find("Sabil"), "{format}");
    }
}

#[test]
fn an_existing_output_is_replaced_only_with_force() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out_path = home.path().join("seed.html");
    std::fs::write(&out_path, "keep me").unwrap_or_else(|e| panic!("{e}"));
    let target = out_path.to_string_lossy().into_owned();
    let out = brief(
        &["export", SEED, "--format", "html", "-o", &target],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&target) && stderr.contains("--force"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&out_path).unwrap_or_default(),
        "keep me"
    );
    let out = brief(
        &["export", SEED, "--format", "html", "-o", &target, "--force"],
        home.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&out_path).unwrap_or_default();
    assert!(written.starts_with("<!doctype html>"));
}

#[test]
fn a_file_that_fails_is_named_and_nothing_is_written() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let broken = home.path().join("broken.json");
    std::fs::write(&broken, "{\"headline\": ").unwrap_or_else(|e| panic!("{e}"));
    let out_path = home.path().join("out.md");
    let out = brief(
        &[
            "export",
            SEED,
            &broken.to_string_lossy(),
            "-o",
            &out_path.to_string_lossy(),
        ],
        home.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.json:1:"), "{stderr}");
    assert!(!out_path.exists());
    let out = brief(&["export", "missing.json"], home.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json"));
}
