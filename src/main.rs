//! The `mlrs` binary: parse arguments, dispatch, and turn an error into one line on stderr
//! and its exit code (see `mlrs --help`).

use clap::Parser;

mod cli;
mod output;

fn main() {
    let args = cli::Cli::parse();
    if let Err(e) = cli::run(args) {
        let msg = e.to_string().replace(['\n', '\r'], " ");
        eprintln!("error: {msg}");
        std::process::exit(e.exit_code().into());
    }
}
