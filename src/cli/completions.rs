//! `brief completions SHELL` and `brief man`: generated from the clap definition, so they
//! never disagree with the arguments brief takes.

use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell as Generator;

use super::args::{Cli, CompletionsArgs, ManArgs, Shell};

pub fn completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let shell = match args.shell {
        Shell::Bash => Generator::Bash,
        Shell::Zsh => Generator::Zsh,
        Shell::Fish => Generator::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "brief", &mut out);
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// brief(1), or brief-COMMAND(1) for one of its commands (the pages brief(1) names).
pub fn man(args: &ManArgs) -> anyhow::Result<ExitCode> {
    let brief = Cli::command();
    let page = match &args.command {
        None => brief,
        Some(name) => {
            let Some(command) = brief.find_subcommand(name) else {
                let names: Vec<&str> = brief.get_subcommands().map(|c| c.get_name()).collect();
                anyhow::bail!("no command {name:?}; the commands are {}", names.join(", "));
            };
            let page = format!("brief-{}", command.get_name());
            let version = brief.get_version().unwrap_or_default().to_owned();
            command
                .clone()
                .name(page)
                .bin_name(format!("brief {name}"))
                .version(version)
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}
