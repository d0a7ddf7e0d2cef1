//! The `mlrs` binary: parse arguments, dispatch, and turn an error into one line on stderr
//! and its exit code (see `mlrs --help`).

use clap::Parser;

mod cli;
mod output;
mod tui;

fn main() {
    // `mlrs --version` is what scripts call to check the tool is there: answer it before
    // building the whole command tree (half of the start-up time otherwise).
    let mut args = std::env::args_os().skip(1);
    if let (Some(a), None) = (args.next(), args.next())
        && (a == "--version" || a == "-V")
    {
        println!("mlrs {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    reset_sigpipe();
    cli::completions::complete_from_env();
    let args = cli::Cli::parse();
    if let Err(e) = cli::run(args) {
        // No message names a credential (`scheme://user:password@host` loses its user info).
        let msg = mlrs::backend::rest::client::strip_credentials(&e.to_string())
            .replace(['\n', '\r'], " ");
        eprintln!("error: {msg}");
        std::process::exit(e.exit_code().into());
    }
}

/// Rust ignores SIGPIPE, so writing to a closed pipe (`mlrs runs list | head`) would panic in
/// `println!`. Restore the default action: the process ends quietly like other Unix tools.
fn reset_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal's disposition to SIG_DFL at start-up, before any thread exists.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
