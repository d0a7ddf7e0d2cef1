//! `mlrs store migrate`: copies a whole tracking store into another one with its ids, times,
//! lifecycle stages and every metric point kept, one run at a time (memory stays bounded by
//! the largest run). The source is read through `TrackingStore`; the destination is a
//! `MigrationTarget`, which writes each object whole or not at all. Running it again copies
//! nothing twice: an object already there with the same data is left alone, one there with
//! different data stops the migration (exit 4) naming it. The registry follows, one
//! registered model (with all its versions, tags and aliases) at a time.

use serde::Serialize;

use super::{RegistryStore, TrackingStore};
use crate::entities::registry::{ModelVersion, RegisteredModel};
use crate::entities::{Experiment, Metric, Run, RunParts, ViewType};
use crate::error::Result;
use crate::transfer::Progress;

/// What became of one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Written to the destination.
    Copied,
    /// Already in the destination with the same data; nothing written.
    Unchanged,
}

/// A store that takes experiments and runs as they are (ids and times included).
pub trait MigrationTarget {
    /// Creates `exp` with its id, name, artifact location, stage, times and tags.
    fn import_experiment(&self, exp: &Experiment) -> Result<Outcome>;
    /// Creates each run (in its experiment, which was imported first) with its params, tags,
    /// dataset inputs and history (every point of every metric): all of them or none.
    fn import_runs(&self, runs: &[(Run, Vec<Metric>)]) -> Result<Vec<Outcome>>;
}

/// A registry that takes registered models as they are (version numbers, stages, times,
/// tags and aliases included).
pub trait RegistryMigrationTarget {
    /// Creates `model` (its description, times, tags and aliases) with `versions`: all of
    /// them or none. A model already there with the same data is `Unchanged`; one with other
    /// data is an error (exit 4) naming it.
    fn import_model(&self, model: &RegisteredModel, versions: &[ModelVersion]) -> Result<Outcome>;
}

/// Whether two registered models hold the same data, as far as every backend stores it (the
/// derived `latest_versions` aside).
fn same_model(a: &RegisteredModel, b: &RegisteredModel) -> bool {
    a.name == b.name
        && a.description == b.description
        && a.creation_timestamp == b.creation_timestamp
        && a.last_updated_timestamp == b.last_updated_timestamp
        && a.tags == b.tags
        && a.aliases == b.aliases
}

/// Whether a registered model with its versions, as a destination holds it, is `model` with
/// `versions`.
pub fn holds_model(
    have: &RegisteredModel,
    have_versions: &[ModelVersion],
    model: &RegisteredModel,
    versions: &[ModelVersion],
) -> bool {
    same_model(have, model)
        && have_versions.len() == versions.len()
        && have_versions
            .iter()
            .zip(versions)
            .all(|(a, b)| same_version(a, b))
}

/// Whether two model versions hold the same data, as far as every backend stores it (MLflow's
/// SQL schema has no `model_id`; `aliases` is derived from the model's).
fn same_version(a: &ModelVersion, b: &ModelVersion) -> bool {
    let strip = |v: &ModelVersion| ModelVersion {
        model_id: None,
        aliases: Vec::new(),
        ..v.clone()
    };
    strip(a) == strip(b)
}

/// Runs are handed to the destination in batches of at most this many metric points (or
/// `BATCH_RUNS` runs): fewer commits, and memory bounded whatever the store's size.
const BATCH_POINTS: usize = 200_000;
const BATCH_RUNS: usize = 500;

/// Counts of a migration, as `store migrate -o json` prints them.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct MigrateReport {
    pub experiments_copied: u64,
    pub experiments_unchanged: u64,
    pub runs_copied: u64,
    pub runs_unchanged: u64,
    pub metric_points_copied: u64,
    pub models_copied: u64,
    pub models_unchanged: u64,
    pub model_versions_copied: u64,
}

/// What a migration will copy: every experiment of the source (active and deleted) with the
/// ids of its runs, listed before anything is written.
pub struct Plan {
    pub experiments: Vec<(Experiment, Vec<String>)>,
    pub runs: u64,
}

/// Copies every registered model of `src` (with all its versions) into `dst`, adding the
/// counts to `report`.
pub fn migrate_registry(
    src: &dyn RegistryStore,
    dst: &dyn RegistryMigrationTarget,
    report: &mut MigrateReport,
) -> Result<()> {
    for (model, versions) in src.whole_registry()? {
        match dst.import_model(&model, &versions)? {
            Outcome::Copied => {
                report.models_copied += 1;
                report.model_versions_copied += versions.len() as u64;
            }
            Outcome::Unchanged => report.models_unchanged += 1,
        }
    }
    Ok(())
}

/// Lists what `src` holds.
pub fn plan(src: &dyn TrackingStore) -> Result<Plan> {
    let mut experiments = Vec::new();
    let mut total = 0u64;
    for exp in src.list_experiments(ViewType::All)? {
        let runs: Vec<String> = src
            .list_runs(
                std::slice::from_ref(&exp.experiment_id),
                ViewType::All,
                RunParts::INFO,
            )?
            .into_iter()
            .map(|r| r.info.run_id)
            .collect();
        total += runs.len() as u64;
        experiments.push((exp, runs));
    }
    Ok(Plan {
        experiments,
        runs: total,
    })
}

/// Copies what `plan` lists from `src` into `dst`.
pub fn migrate(
    src: &dyn TrackingStore,
    plan: &Plan,
    dst: &dyn MigrationTarget,
    progress: &dyn Progress,
) -> Result<MigrateReport> {
    let mut report = MigrateReport::default();
    progress.start(plan.runs);
    let result = (|| -> Result<()> {
        for (exp, runs) in &plan.experiments {
            match dst.import_experiment(exp)? {
                Outcome::Copied => report.experiments_copied += 1,
                Outcome::Unchanged => report.experiments_unchanged += 1,
            }
            let mut batch: Vec<(Run, Vec<Metric>)> = Vec::new();
            let mut points = 0;
            for run_id in runs {
                let run = src.get_run(run_id)?;
                let mut history = Vec::new();
                for key in run.data.metrics.keys() {
                    history.extend(src.get_metric_history(run_id, key)?);
                }
                points += history.len();
                batch.push((run, history));
                if points >= BATCH_POINTS || batch.len() >= BATCH_RUNS {
                    flush(dst, &mut batch, &mut report, progress)?;
                    points = 0;
                }
            }
            flush(dst, &mut batch, &mut report, progress)?;
        }
        Ok(())
    })();
    progress.finish();
    result.map(|()| report)
}

fn flush(
    dst: &dyn MigrationTarget,
    batch: &mut Vec<(Run, Vec<Metric>)>,
    report: &mut MigrateReport,
    progress: &dyn Progress,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let outcomes = dst.import_runs(batch)?;
    for ((run, history), outcome) in batch.iter().zip(outcomes) {
        match outcome {
            Outcome::Copied => {
                report.runs_copied += 1;
                report.metric_points_copied += history.len() as u64;
            }
            Outcome::Unchanged => report.runs_unchanged += 1,
        }
        progress.advance(&run.info.run_id);
    }
    batch.clear();
    Ok(())
}
