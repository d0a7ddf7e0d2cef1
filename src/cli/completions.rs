//! `mlrs completions SHELL`: completion scripts generated from the clap definitions.

use clap::CommandFactory;
use clap_complete::Shell;

use mlrs::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to generate for.
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn run(args: Args) -> Result<()> {
    let mut cmd = super::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "mlrs", &mut std::io::stdout());
    Ok(())
}
