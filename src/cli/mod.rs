//! The command line: clap definitions, one file per command group, each command an args
//! struct plus `run(args, ctx)`. Resolved once into a `Ctx`; nothing below reads raw flags.

use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::output::color::{ColorChoice, Terminal};
use mlrs::backend::{self, Mode};
use mlrs::store::WarnSink;
use mlrs::{Error, RegistryStore, Result, TrackingStore};

pub mod artifacts;
pub mod best;
pub mod compare;
pub mod completions;
pub mod experiments;
pub mod models;
pub mod plot;
pub mod runs;
pub mod search;
pub mod store;
pub mod transfer;
pub mod util;

const EXIT_CODES: &str = "\
Exit codes: 0 ok, 1 failed, 2 usage error, 3 not found, 4 already exists (or lock busy),
5 invalid value, 130 interrupted.";

#[derive(Debug, Parser)]
#[command(
    name = "mlrs",
    version,
    about = "Read and write MLflow's local file store (mlruns/) directly: fast, safe, no Python.",
    after_help = EXIT_CODES,
)]
pub struct Cli {
    /// The tracking store: a path or file: URI [default: ./mlruns]
    #[arg(
        long,
        global = true,
        env = "MLFLOW_TRACKING_URI",
        value_name = "URI",
        hide_env_values = true
    )]
    pub tracking_uri: Option<String>,
    /// The registry store [default: the tracking URI]
    #[arg(
        long,
        global = true,
        env = "MLFLOW_REGISTRY_URI",
        value_name = "URI",
        hide_env_values = true
    )]
    pub registry_uri: Option<String>,
    /// Colour output: auto (only on a terminal, never with NO_COLOR), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, rename, delete and restore experiments.
    #[command(subcommand)]
    Experiments(experiments::Cmd),
    /// Create, log to, list and describe runs.
    #[command(subcommand)]
    Runs(runs::Cmd),
    /// List, download and log run artifacts.
    #[command(subcommand)]
    Artifacts(artifacts::Cmd),
    /// The model registry: registered models, versions, stages, aliases, tags, model URIs.
    #[command(subcommand)]
    Models(models::Cmd),
    /// Permanently remove deleted runs, experiments and logged models (like `mlflow gc`).
    Gc(store::GcArgs),
    /// Check the store for objects MLflow or mlrs cannot read; repair them with --fix.
    Doctor(store::DoctorArgs),
    /// Store-wide maintenance (relocate artifact URIs after a move).
    #[command(subcommand)]
    Store(store::StoreCmd),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  mlrs completions bash > ~/.local/share/bash-completion/completions/mlrs\n  source <(mlrs completions bash --dynamic)   # completes run ids, experiments, models"
    )]
    Completions(completions::Args),
}

/// Everything a command needs, resolved once from flags and environment.
pub struct Ctx {
    pub tracking_uri: String,
    /// `--registry-uri`, else `MLFLOW_REGISTRY_URI`, else the tracking URI.
    pub registry_uri: String,
    pub warn: WarnSink,
    /// Colour and width for tables and charts.
    pub terminal: Terminal,
}

impl Ctx {
    pub fn new(cli: &Cli) -> Ctx {
        let tracking_uri = cli
            .tracking_uri
            .clone()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| "./mlruns".into());
        Ctx {
            registry_uri: cli
                .registry_uri
                .clone()
                .filter(|u| !u.is_empty())
                .unwrap_or_else(|| tracking_uri.clone()),
            tracking_uri,
            terminal: Terminal::detect(cli.color),
            warn: Arc::new(|msg: &str| eprintln!("warning: {}", msg.replace('\n', " "))),
        }
    }

    /// The tracking store, opened from the URI by whichever backend its scheme names.
    pub fn tracking_store(&self, mode: Mode) -> Result<Box<dyn TrackingStore>> {
        backend::open_tracking(&self.tracking_uri, mode, self.warn.clone())
    }

    /// The registry store (`--registry-uri`, else the tracking store).
    pub fn registry_store(&self, mode: Mode) -> Result<Box<dyn RegistryStore>> {
        backend::open_registry(
            &self.registry_uri,
            &self.tracking_uri,
            mode,
            self.warn.clone(),
        )
    }

    /// The store for a command that only reads (or writes into objects that must exist):
    /// never created, exit 3 when missing.
    pub fn read_store(&self) -> Result<Box<dyn TrackingStore>> {
        self.tracking_store(Mode::MustExist)
    }

    /// The store for a command that creates: created with `Default` when missing, as MLflow does.
    pub fn write_store(&self) -> Result<Box<dyn TrackingStore>> {
        self.tracking_store(Mode::Create)
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx::new(&cli);
    crate::output::set_terminal(ctx.terminal);
    match cli.command {
        Command::Experiments(cmd) => experiments::run(cmd, &ctx),
        Command::Runs(cmd) => runs::run(cmd, &ctx),
        Command::Artifacts(cmd) => artifacts::run(cmd, &ctx),
        Command::Models(cmd) => models::run(cmd, &ctx),
        Command::Gc(args) => store::gc(args, &ctx),
        Command::Doctor(args) => store::doctor(args, &ctx),
        Command::Store(cmd) => store::run(cmd, &ctx),
        Command::Completions(args) => completions::run(args),
    }
}

/// Turns an output error (e.g. a closed pipe) into a library error.
pub fn io_out(e: std::io::Error) -> Error {
    Error::Failed(format!("cannot write output: {e}"))
}
