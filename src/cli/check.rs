use std::process::ExitCode;

pub fn run(_args: &crate::cli::args::CheckArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("brief: 'check' is not built yet")
}
