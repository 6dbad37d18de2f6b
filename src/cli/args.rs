use std::path::PathBuf;

use brief::text::BidiMode;
use brief::ui::content::Engine;
use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about = "A terminal reader for structured briefings, right-to-left text included",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// `brief [OPTIONS] [PATH]` alone: the reader's arguments without the subcommands, which
/// clap builds whole before it parses anything (a tenth of the reader's start).
#[derive(Debug, Parser)]
#[command(name = "brief", version)]
pub struct ReadCli {
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Every subcommand's name, as `Cli` spells them (a test checks), and the words that
/// ask `Cli` for help or the version.
const FULL_PARSE_WORDS: [&str; 15] = [
    "check",
    "show",
    "export",
    "digest",
    "mark",
    "completions",
    "man",
    "import",
    "index",
    "search",
    "help",
    "-h",
    "--help",
    "-V",
    "--version",
];

/// The reader's arguments, when none of `args` (after the program's name) could mean a
/// subcommand, help or the version: read by hand for `brief` or `brief PATH` (no flags,
/// so no `ArgMatches`), else parsed by `ReadCli` if it takes them. `None` leaves them to
/// `Cli`, which parses them (and reports any error) as it always did.
pub fn read_only(args: &[std::ffi::OsString]) -> Option<(Option<clap::ArgMatches>, ReadArgs)> {
    use clap::{CommandFactory, FromArgMatches};
    if args
        .iter()
        .skip(1)
        .any(|arg| FULL_PARSE_WORDS.iter().any(|word| arg == word))
    {
        return None;
    }
    if let Some(read) = bare(args) {
        return Some((None, read));
    }
    let matches = ReadCli::command().try_get_matches_from(args).ok()?;
    let cli = ReadCli::from_arg_matches(&matches).ok()?;
    Some((Some(matches), cli.read))
}

/// `brief` or `brief PATH`, the commonest starts, read without building even `ReadCli`
/// (about a tenth of the reader's start to its first frame). Every other field is
/// clap's default, which a test checks against `ReadCli`.
fn bare(args: &[std::ffi::OsString]) -> Option<ReadArgs> {
    let path = match args {
        [_] => None,
        // clap refuses an empty path, and takes one that starts with `-` for a flag.
        [_, path] if !path.is_empty() && !path.as_encoded_bytes().starts_with(b"-") => {
            Some(PathBuf::from(path))
        }
        _ => return None,
    };
    Some(ReadArgs {
        path,
        layout: LayoutArgs {
            bidi: BidiArg::App,
            shaping: Switch::On,
        },
        color: ColorWhen::Auto,
        max_size: brief::briefing::DEFAULT_MAX_SIZE,
        assume_utf8: false,
        no_mouse: false,
        poll: None,
        max_rate: None,
        index: IndexFileArg { index: None },
        state: None,
    })
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate briefing files and folders; print one line per problem
    Check(CheckArgs),
    /// Print a briefing laid out by the text engine, without the reader
    Show(ShowArgs),
    /// Write briefings as Markdown, a standalone HTML page or plain text
    Export(ExportArgs),
    /// Write one document of the briefings a query finds, oldest first, with contents
    Digest(DigestArgs),
    /// Mark briefings read, reviewed or flagged, or clear their marks, and note them
    Mark(MarkArgs),
    /// Print a shell completion script (bash, zsh or fish) to standard output
    Completions(CompletionsArgs),
    /// Print the manual page (roff) to standard output: brief(1), or brief-COMMAND(1)
    Man(ManArgs),
    /// Turn articles (text, Markdown, HTML, RSS/Atom feeds; folders, `-`) into briefings
    Import(brief::import::ImportArgs),
    /// Build or bring up to date the index of a library folder
    Index(IndexArgs),
    /// Search a library through its index; print each briefing found, newest first
    Search(SearchArgs),
}

/// Which index file to use; the default is one per library in $XDG_CACHE_HOME/brief/.
#[derive(Debug, Clone, Args)]
pub struct IndexFileArg {
    /// The index file to use instead of the library's own (also BRIEF_INDEX), e.g. one
    /// shared by a team
    #[arg(long = "index", value_name = "PATH")]
    pub index: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IndexArgs {
    /// The library folder [default: $BRIEF_DIR, else ./briefings]
    pub path: Option<PathBuf>,
    /// Delete the index and build it again from the files
    #[arg(long)]
    pub rebuild: bool,
    #[command(flatten)]
    pub index: IndexFileArg,
    #[arg(long, value_name = "BYTES", default_value_t = brief::briefing::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

/// `-h` is not help here: `-heat` after a word is an exclusion typed without `--`, which
/// must be refused (exit 2, with clap's tip), not answered with help and exit 0.
#[derive(Debug, Args)]
#[command(disable_help_flag = true)]
pub struct SearchArgs {
    /// Print help
    #[arg(long, action = clap::ArgAction::Help)]
    pub help: Option<bool>,
    /// The library folder, then the query; a first word that names a folder is the library
    /// [default library: $BRIEF_DIR, else ./briefings]
    /// (an exclusion, `-word`, goes after `--`: brief search -- water -heat)
    #[arg(required = true, value_name = "[PATH] QUERY")]
    pub words: Vec<String>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Print at most this many briefings, newest first
    #[arg(long, value_name = "N", default_value_t = 50)]
    pub limit: usize,
    /// Order by relevance instead of newest first
    #[arg(long)]
    pub relevance: bool,
    #[command(flatten)]
    pub index: IndexFileArg,
    /// The review state file, read for is:, has: and reviewed-by: [default: $BRIEF_STATE,
    /// else `state` in config.toml, else $XDG_STATE_HOME/brief/state.db]
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,
    #[arg(long, value_name = "BYTES", default_value_t = brief::briefing::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

#[derive(Debug, Args)]
pub struct ReadArgs {
    /// A briefing file or a folder of them [default: $BRIEF_DIR, else ./briefings]
    pub path: Option<PathBuf>,
    #[command(flatten)]
    pub layout: LayoutArgs,
    /// When to use colour (NO_COLOR in the environment means never)
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Refuse briefing files larger than this many bytes
    #[arg(long, value_name = "BYTES", default_value_t = brief::briefing::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
    /// Start even if the locale is not UTF-8 (also BRIEF_ASSUME_UTF8=1), for a UTF-8
    /// terminal whose locale did not reach brief, e.g. over SSH without SendEnv
    #[arg(long)]
    pub assume_utf8: bool,
    /// Leave the mouse to the terminal (its own text selection) instead of wheel scrolling
    #[arg(long)]
    pub no_mouse: bool,
    /// Also look for new and changed briefings every SECONDS, for folders whose file system
    /// sends no change events (NFS)
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub poll: Option<u64>,
    /// Pace frames to a slow link of this many bytes per second (k = 1,000, M = 1,000,000;
    /// 32k is 256 kbit/s): frames the link could not carry in time are skipped
    #[arg(long, value_name = "BYTES_PER_SECOND", value_parser = brief::briefing::config::parse_rate)]
    pub max_rate: Option<u64>,
    #[command(flatten)]
    pub index: IndexFileArg,
    /// The review state file, for the marks [default: $BRIEF_STATE, else `state` in
    /// config.toml, else $XDG_STATE_HOME/brief/state.db]
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, Args)]
pub struct LayoutArgs {
    /// Who reorders right-to-left text: this program (app) or the terminal (terminal)
    #[arg(long, value_enum, default_value_t = BidiArg::App)]
    pub bidi: BidiArg,
    /// Arabic presentation-form shaping, for terminals that do not shape
    #[arg(long, value_enum, default_value_t = Switch::On)]
    pub shaping: Switch,
}

/// How the layout engine runs, for the reader and `brief show` alike.
impl From<LayoutArgs> for Engine {
    fn from(args: LayoutArgs) -> Self {
        Engine {
            mode: match args.bidi {
                BidiArg::App => BidiMode::App,
                BidiArg::Terminal => BidiMode::Logical,
            },
            shaping: args.shaping == Switch::On,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Briefing files or folders
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    #[arg(long, value_name = "BYTES", default_value_t = brief::briefing::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The briefing file to print
    pub file: PathBuf,
    /// Width in cells, 1 or more [default: the terminal's width, else 80]
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    pub width: Option<u16>,
    /// Print text in logical order (for screen readers and pipes)
    #[arg(long)]
    pub logical: bool,
    /// Print the briefing's translation into LANG (a language tag such as en)
    #[arg(long, value_name = "LANG")]
    pub translation: Option<String>,
    /// Print the original with its translation (--translation's, else the first) beside
    /// it, or under each block below 100 columns
    #[arg(long)]
    pub side_by_side: bool,
    #[command(flatten)]
    pub layout: LayoutArgs,
    #[arg(long, value_name = "BYTES", default_value_t = brief::briefing::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("what").required(true).multiple(true)
    .args(["read", "reviewed", "flagged", "clear", "note"]))]
pub struct MarkArgs {
    /// Briefing files
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Mark them opened
    #[arg(long)]
    pub read: bool,
    /// Mark them reviewed (at their content now: a later change shows)
    #[arg(long)]
    pub reviewed: bool,
    /// Flag them
    #[arg(long)]
    pub flagged: bool,
    /// Clear your marks and note on them first: new to you again
    #[arg(long, conflicts_with_all = ["read", "reviewed", "flagged"])]
    pub clear: bool,
    /// Set your note on them (an empty TEXT removes it)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The review state file [default: $BRIEF_STATE, else `state` in config.toml, else
    /// $XDG_STATE_HOME/brief/state.db]
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,
    #[arg(long, value_name = "BYTES", default_value_t = brief::briefing::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command's own page (check, show, mark...) instead of brief(1)
    pub command: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The briefing files to export, in this order
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[arg(long, value_name = "BYTES", default_value_t = brief::briefing::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

#[derive(Debug, Args)]
pub struct DigestArgs {
    /// A folder or file of briefings (taken as such when it exists; else the first word of
    /// the query), then the query (docs/QUERY.md) [default folder: $BRIEF_DIR, else
    /// ./briefings]; after `--`, words may start with `-` (`-- -tag:draft`)
    #[arg(value_name = "[PATH] QUERY", num_args = 0..)]
    pub words: Vec<String>,
    /// The digest's title
    #[arg(long, default_value = "Digest")]
    pub title: String,
    /// The review state the notes and `is:`/`has:` come from [default: $BRIEF_STATE, else
    /// `state` in config.toml, else $XDG_STATE_HOME/brief/state.db]
    #[arg(long, value_name = "PATH")]
    pub state: Option<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[arg(long, value_name = "BYTES", default_value_t = brief::briefing::DEFAULT_MAX_SIZE)]
    pub max_size: u64,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown
    Md,
    /// A standalone HTML page
    Html,
    /// Plain text
    Txt,
}

impl From<ExportFormat> for brief::export::Format {
    fn from(format: ExportFormat) -> Self {
        match format {
            ExportFormat::Md => Self::Markdown,
            ExportFormat::Html => Self::Html,
            ExportFormat::Txt => Self::Text,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BidiArg {
    App,
    Terminal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Switch {
    On,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_flags_map_to_the_engine() {
        let engine = Engine::from(LayoutArgs {
            bidi: BidiArg::Terminal,
            shaping: Switch::Off,
        });
        assert_eq!(
            engine,
            Engine {
                mode: BidiMode::Logical,
                shaping: false
            }
        );
        let engine = Engine::from(LayoutArgs {
            bidi: BidiArg::App,
            shaping: Switch::On,
        });
        assert_eq!(
            engine,
            Engine {
                mode: BidiMode::App,
                shaping: true
            }
        );
    }
}

#[cfg(test)]
#[path = "args_tests.rs"]
mod read_only_tests;
