use std::process::ExitCode;

pub fn run(_args: &crate::cli::args::ReadArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("brief: 'tui' is not built yet")
}
