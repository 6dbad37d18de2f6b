use std::process::ExitCode;

use clap::Parser;

mod cli;

use cli::args::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Check(args)) => cli::check::run(args),
        Some(Command::Show(args)) => cli::show::run(args),
        Some(Command::Index(args)) => cli::index::run(args),
        Some(Command::Search(args)) => cli::search::run(args),
        None => cli::tui::run(&cli.read),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("brief: {error:#}");
            ExitCode::from(2)
        }
    }
}
