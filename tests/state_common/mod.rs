//! For the state and `brief mark` tests: a home of temporary folders (HOME, XDG_*), the
//! `brief` binary run in it, and briefing files.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use brief::briefing::state::{BriefingKey, Marks, State};

/// HOME, XDG_STATE_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME in one temporary folder.
pub struct Home {
    pub dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        for sub in ["home", "state", "config/brief", "cache", "briefings"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap_or_else(|e| panic!("{e}"));
        }
        Home { dir }
    }

    pub fn path(&self, sub: &str) -> PathBuf {
        self.dir.path().join(sub)
    }

    /// Where brief keeps the state by default in this home.
    pub fn state_path(&self) -> PathBuf {
        self.path("state/brief/state.db")
    }

    /// `brief ARGS` in this home, as the user `who`.
    pub fn brief(&self, who: &str) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
        command
            .env("HOME", self.path("home"))
            .env("XDG_STATE_HOME", self.path("state"))
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env("USER", who)
            .env_remove("BRIEF_STATE")
            .env_remove("LOGNAME")
            .current_dir(self.dir.path());
        command
    }

    pub fn run(&self, who: &str, args: &[&str]) -> Output {
        self.brief(who)
            .args(args)
            .output()
            .unwrap_or_else(|e| panic!("cannot run brief: {e}"))
    }

    pub fn write_config(&self, text: &str) {
        std::fs::write(self.path("config/brief/config.toml"), text)
            .unwrap_or_else(|e| panic!("{e}"));
    }

    /// A briefing file `briefings/NAME.json` with the id `id`.
    pub fn briefing(&self, name: &str, id: &str) -> PathBuf {
        briefing_in(&self.path("briefings"), name, id)
    }
}

pub fn briefing_in(dir: &Path, name: &str, id: &str) -> PathBuf {
    let path = dir.join(format!("{name}.json"));
    let json = serde_json::json!({
        "format": 1,
        "id": id,
        "headline": format!("Briefing {id}"),
        "language": "en",
        "body": [format!("The body of {id}.")],
    });
    std::fs::write(&path, json.to_string()).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// The key `brief mark` makes for a file.
pub fn key_of(path: &Path, id: &str) -> BriefingKey {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{e}"));
    let absolute = std::fs::canonicalize(path).unwrap_or_else(|e| panic!("{e}"));
    BriefingKey::new(id, &bytes, absolute)
}

pub fn open(path: &Path) -> State {
    State::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn marks(state: &State, key: &BriefingKey) -> Marks {
    state.marks_of(key).unwrap_or_else(|e| panic!("{e}"))
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
