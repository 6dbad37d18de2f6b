use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

mod cli;

use cli::args::{Cli, Command};

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some((matches, mut read)) = cli::args::read_only(&args) {
        let config = cli::config::user_config();
        cli::settings::apply_to_read(&mut read, matches.as_ref(), &config);
        return report(cli::tui::run(&read, &config));
    }
    let matches = Cli::command().get_matches_from(&args);
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
    let result = match &mut cli.command {
        Some(Command::Check(args)) => cli::check::run(args),
        Some(Command::Export(args)) => cli::export::run(args),
        Some(Command::Digest(args)) => cli::digest::run(args),
        Some(Command::Show(args)) => {
            let config = cli::config::user_config();
            if let Some(("show", sub)) = matches.subcommand() {
                cli::settings::apply_to_layout(&mut args.layout, Some(sub), &config);
            }
            cli::show::run(args)
        }
        Some(Command::Import(_)) => cli::import_cmd::run(&args),
        Some(Command::Index(args)) => {
            cli::settings::apply_index(&mut args.index, &cli::config::user_config());
            cli::index::run(args)
        }
        Some(Command::Search(args)) => {
            cli::settings::apply_index(&mut args.index, &cli::config::user_config());
            cli::search::run(args)
        }
        Some(Command::Mark(args)) => cli::mark::run(args),
        Some(Command::Completions(args)) => cli::completions::completions(args),
        Some(Command::Man(args)) => cli::completions::man(args),
        None => {
            let config = cli::config::user_config();
            cli::settings::apply_to_read(&mut cli.read, Some(&matches), &config);
            cli::tui::run(&cli.read, &config)
        }
    };
    report(result)
}

fn report(result: anyhow::Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("brief: {error:#}");
            ExitCode::from(2)
        }
    }
}
