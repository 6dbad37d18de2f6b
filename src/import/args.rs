//! What `brief import` is asked: parsed by `brief` (its help, completions and manual) and
//! again by `brief-import`, the executable that imports, which `brief import` runs.

use std::path::PathBuf;

use clap::Args;

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
