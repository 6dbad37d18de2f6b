use std::process::ExitCode;

pub fn run(_args: &crate::cli::args::ShowArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("brief: 'show' is not built yet")
}
