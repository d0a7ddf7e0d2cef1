//! `experiments export|import`, `runs export|import`, `models export|import`: arguments and
//! handlers. The work is in `mlrs::transfer`; here: stores, a progress bar, the summary.

use std::io::IsTerminal;
use std::path::PathBuf;

use serde_json::{Value, json};

use super::Ctx;
use super::io_out;
use super::util::current_user;
use crate::output::{self, OutputArgs, Rendered, Table};
use mlrs::backend::{Mode, TrackingStore};
use mlrs::store::now_ms;
use mlrs::transfer::{self, Progress, Summary, SystemInfo};
use mlrs::{Error, Result};

/// Exports and imports of more runs than this show a progress bar (on a terminal).
const PROGRESS_MIN: u64 = 3;

#[derive(Debug, clap::Args)]
pub struct ExperimentExportArgs {
    #[arg(short = 'x', long = "experiment-id")]
    pub experiment_id: String,
    /// Directory to write experiment.json and runs/<run_id>/ into (created when missing).
    ///
    /// From a SQLite store, histories are written as MLflow's schema keeps them: ordered by
    /// timestamp, step and value, exact duplicate points once, ±inf as ±1.797e308.
    #[arg(long = "output-dir")]
    pub output_dir: PathBuf,
    /// Export deleted runs too (mlrs imports them; mlflow-export-import 1.2.1's
    /// import-experiment fails on a deleted run).
    #[arg(long = "include-deleted")]
    pub include_deleted: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct ExperimentImportArgs {
    /// A directory written by `experiments export` or mlflow-export-import's export-experiment.
    ///
    /// Into a SQLite store, each run is one transaction; exact duplicate points are stored once
    /// and ±inf as ±1.797e308, as MLflow's schema keeps them.
    #[arg(long = "input-dir")]
    pub input_dir: PathBuf,
    /// Import into this experiment (created when missing) [default: the exported name].
    #[arg(long = "experiment-name", allow_hyphen_values = true)]
    pub experiment_name: Option<String>,
    /// Give every run a new id (parent links remapped) instead of keeping the exported ids.
    #[arg(long = "new-ids")]
    pub new_ids: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct RunExportArgs {
    #[arg(long = "run-id")]
    pub run_id: String,
    /// Directory to write run.json and artifacts/ into (created when missing).
    ///
    /// From a SQLite store, histories are written as MLflow's schema keeps them: ordered by
    /// timestamp, step and value, exact duplicate points once, ±inf as ±1.797e308.
    #[arg(long = "output-dir")]
    pub output_dir: PathBuf,
    /// Export the run even when it is deleted.
    #[arg(long = "include-deleted")]
    pub include_deleted: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct RunImportArgs {
    /// A directory written by `runs export` or mlflow-export-import's export-run.
    ///
    /// Into a SQLite store, each run is one transaction; exact duplicate points are stored once
    /// and ±inf as ±1.797e308, as MLflow's schema keeps them.
    #[arg(long = "input-dir")]
    pub input_dir: PathBuf,
    /// The experiment to import the run into.
    #[arg(long = "experiment-id")]
    pub experiment_id: String,
    /// Give the run a new id instead of keeping the exported one.
    #[arg(long = "new-ids")]
    pub new_ids: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct ModelExportArgs {
    /// The registered model.
    pub name: String,
    /// Directory to write model.json (and with --include-runs, <run_id>/) into.
    #[arg(long = "output-dir")]
    pub output_dir: PathBuf,
    /// Also export the run of every version (what mlflow-export-import's import-model needs).
    #[arg(long = "include-runs")]
    pub include_runs: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct ModelImportArgs {
    /// A directory written by `models export` or mlflow-export-import's export-model.
    ///
    /// Into a SQLite registry, a new model with all its versions is one transaction.
    #[arg(long = "input-dir")]
    pub input_dir: PathBuf,
    /// Also import the runs the versions point to (from <input-dir>/<run_id>/), ids kept.
    #[arg(long = "include-runs")]
    pub include_runs: bool,
    /// With --include-runs: the experiment for those runs [default: the one they came from].
    #[arg(long = "experiment-name", allow_hyphen_values = true)]
    pub experiment_name: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// The `system` block of the documents an export writes; `tracking_uri` names the store
/// (a file store by its `file:` URI, a database by the URI given).
fn system(script: &str, store: &dyn TrackingStore, uri: &str) -> SystemInfo {
    SystemInfo {
        script: script.to_string(),
        tracking_uri: match store.as_file_store() {
            Some(files) => files.root_uri(),
            None => mlrs::backend::rest::client::strip_credentials(uri),
        },
        user: current_user(),
        now_ms: now_ms(),
    }
}

pub fn export_experiment(a: ExperimentExportArgs, ctx: &Ctx) -> Result<()> {
    let store = ctx.read_store()?;
    let bar = Bar::new();
    let summary = transfer::export_experiment(
        &*store,
        &a.experiment_id,
        &a.output_dir,
        a.include_deleted,
        &system("mlrs experiments export", &*store, &ctx.tracking_uri),
        &bar,
    )?;
    let quiet = a.output_dir.display().to_string();
    finish(&summary, &a.out, "Exported", &quiet)
}

pub fn import_experiment(a: ExperimentImportArgs, ctx: &Ctx) -> Result<()> {
    let store = ctx.write_store()?;
    let bar = Bar::new();
    let summary = transfer::import_experiment(
        &*store,
        &a.input_dir,
        a.experiment_name.as_deref(),
        a.new_ids,
        &bar,
    )?;
    let quiet = summary.experiment_id.clone().unwrap_or_default();
    finish(&summary, &a.out, "Imported", &quiet)
}

pub fn export_run(a: RunExportArgs, ctx: &Ctx) -> Result<()> {
    let store = ctx.read_store()?;
    let summary = transfer::export_run(
        &*store,
        &a.run_id,
        &a.output_dir,
        a.include_deleted,
        &system("mlrs runs export", &*store, &ctx.tracking_uri),
    )?;
    let quiet = a.output_dir.display().to_string();
    finish(&summary, &a.out, "Exported", &quiet)
}

pub fn import_run(a: RunImportArgs, ctx: &Ctx) -> Result<()> {
    let store = ctx.write_store()?;
    let summary = transfer::import_run(&*store, &a.input_dir, &a.experiment_id, a.new_ids)?;
    let quiet = summary.run_ids.values().next().cloned().unwrap_or_default();
    finish(&summary, &a.out, "Imported", &quiet)
}

pub fn export_model(a: ModelExportArgs, ctx: &Ctx) -> Result<()> {
    let registry = ctx.registry_store(Mode::AsIs)?;
    let tracking = ctx.tracking_store(Mode::AsIs)?;
    let bar = Bar::new();
    let summary = transfer::export_model(
        &*registry,
        &*tracking,
        &a.name,
        &a.output_dir,
        a.include_runs,
        &system("mlrs models export", &*tracking, &ctx.tracking_uri),
        &bar,
    )?;
    let quiet = a.output_dir.display().to_string();
    finish(&summary, &a.out, "Exported", &quiet)
}

pub fn import_model(a: ModelImportArgs, ctx: &Ctx) -> Result<()> {
    let tracking = ctx.write_store()?;
    // A registry apart from the tracking store is created when missing (a database with
    // MLflow's schema, a file store's directory).
    let separate = ctx.registry_uri != ctx.tracking_uri;
    let registry = ctx.registry_store(if separate { Mode::Create } else { Mode::AsIs })?;
    if let (Some(reg), Some(files)) = (registry.as_file_store(), tracking.as_file_store())
        && reg.root() != files.root()
    {
        std::fs::create_dir_all(reg.root()).map_err(|e| Error::io(reg.root(), e))?;
    }
    let bar = Bar::new();
    let summary = transfer::import_model(
        &*registry,
        &*tracking,
        &a.input_dir,
        a.include_runs,
        a.experiment_name.as_deref(),
        &bar,
    )?;
    finish(&summary, &a.out, "Imported", "")
}

/// Prints the summary (problems as warnings on stderr) and fails when anything failed.
fn finish(s: &Summary, out: &OutputArgs, verb: &str, quiet_value: &str) -> Result<()> {
    for p in &s.problems {
        eprintln!("warning: {}", p.replace('\n', " "));
    }
    if out.quiet {
        if !quiet_value.is_empty() {
            println!("{quiet_value}");
        }
    } else {
        output::emit(
            out.output,
            Rendered::Record(summary_json(s), summary_table(s, verb)),
        )
        .map_err(io_out)?;
    }
    s.outcome()
}

fn summary_json(s: &Summary) -> Value {
    json!({
        "runs": s.runs,
        "metrics": s.metrics,
        "artifacts": s.artifacts,
        "missing_artifacts": s.missing_artifacts,
        "skipped": s.skipped,
        "failed": s.failed,
        "versions": s.versions,
        "experiment_id": s.experiment_id,
        "run_ids": s.run_ids,
        "problems": s.problems,
    })
}

fn summary_table(s: &Summary, verb: &str) -> Table {
    let mut t = Table::new(&[verb, "Count"]);
    for (k, v) in [
        ("runs", s.runs),
        ("metric points", s.metrics),
        ("artifacts", s.artifacts),
        ("missing artifacts", s.missing_artifacts),
        ("model versions", s.versions),
        ("skipped (identical)", s.skipped),
        ("failed", s.failed),
    ] {
        t.row(vec![k.to_string(), v.to_string()]);
    }
    t
}

/// A progress bar on stderr, drawn only when stderr is a terminal and there are more than a
/// few runs.
pub(super) struct Bar {
    bar: std::cell::RefCell<Option<indicatif::ProgressBar>>,
}

impl Bar {
    pub(super) fn new() -> Bar {
        Bar {
            bar: std::cell::RefCell::new(None),
        }
    }
}

impl Progress for Bar {
    fn start(&self, total: u64) {
        if total <= PROGRESS_MIN || !std::io::stderr().is_terminal() {
            return;
        }
        let bar = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:30} {pos}/{len} runs  {elapsed_precise}  {msg}",
        ) {
            bar.set_style(style);
        }
        *self.bar.borrow_mut() = Some(bar);
    }

    fn advance(&self, label: &str) {
        if let Some(bar) = self.bar.borrow().as_ref() {
            bar.set_message(label.chars().take(12).collect::<String>());
            bar.inc(1);
        }
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.borrow_mut().take() {
            bar.finish_and_clear();
        }
    }
}
