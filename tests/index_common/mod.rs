//! Libraries written for the index tests, and a sandboxed environment: every test points
//! HOME and XDG_* at its own temporary folder.

#![allow(dead_code)] // each index test uses a different part

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{Value, json};

/// A temporary library folder and a temporary home beside it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
        for sub in ["library", "home", "cache"] {
            std::fs::create_dir(dir.path().join(sub))
                .unwrap_or_else(|e| panic!("creating {sub}: {e}"));
        }
        Sandbox { dir }
    }

    pub fn library(&self) -> PathBuf {
        self.dir.path().join("library")
    }

    pub fn home(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    pub fn cache(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    /// An index file inside the sandbox, named explicitly (never the real cache).
    pub fn index_file(&self) -> PathBuf {
        self.cache().join("index.sqlite")
    }

    pub fn write(&self, name: &str, value: &Value) -> PathBuf {
        let path = self.library().join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        std::fs::write(&path, value.to_string())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        path
    }

    /// The environment for a child `brief`: HOME and XDG_* inside the sandbox.
    pub fn env(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("HOME", self.home()),
            ("XDG_CACHE_HOME", self.cache()),
            ("XDG_CONFIG_HOME", self.home().join(".config")),
            ("XDG_STATE_HOME", self.home().join(".state")),
        ]
    }
}

/// A plain briefing numbered `n`.
pub fn briefing(n: usize, headline: &str, body: &str) -> Value {
    json!({
        "format": 1,
        "id": format!("b{n}"),
        "headline": headline,
        "language": "en",
        "date": format!("2025-{:02}-{:02}", 1 + n % 12, 1 + n % 28),
        "body": [body],
        "quotes": [{"text": format!("quoted {n}"), "speaker": "Volker Türk"}],
        "actors": [{"id": "turk", "name": "Volker Türk", "aliases": ["فولكر تورك"]}],
    })
}

/// `count` briefings named `0000.json`…
pub fn fill(sandbox: &Sandbox, count: usize) {
    for n in 0..count {
        sandbox.write(
            &format!("{n:04}.json"),
            &briefing(n, &format!("Headline {n}"), &format!("Body text {n}")),
        );
    }
}

/// Runs the brief binary in the sandbox's environment.
pub fn brief(sandbox: &Sandbox, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command
        .env_clear()
        .envs(sandbox.env())
        .env("LANG", "C.UTF-8");
    command
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running brief: {e}"))
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Briefings in `brief search`'s text output: each has its path on a line of its own.
pub fn hits_in(stdout: &[u8]) -> usize {
    text(stdout)
        .lines()
        .filter(|line| line.starts_with("    ") && line.ends_with(".json"))
        .count()
}

pub fn library(sandbox: &Sandbox) -> String {
    sandbox.library().to_string_lossy().into_owned()
}
