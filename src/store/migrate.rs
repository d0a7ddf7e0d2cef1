//! The file store as the destination of `store migrate`: experiments, runs and registered
//! models written with their own ids, times, stages and version numbers, each object built
//! under `.trash/` and renamed into place, so a killed migration leaves whole objects only.
//! Artifacts are not copied: runs keep their `artifact_uri` and versions their source, as
//! MLflow's `migrate-filestore` keeps them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::experiment::ExperimentDir;
use super::metric_history::{self, format_metric_line};
use super::{FileStore, fsutil};
use crate::backend::migrate::{MigrationTarget, Outcome, RegistryMigrationTarget, holds_model};
use crate::entities::registry::{ModelVersion, RegisteredModel};
use crate::entities::{Experiment, LifecycleStage, Metric, Run, RunInfo, RunParts, ViewType};
use crate::error::{Error, Result};
use crate::transfer::format::VersionDoc;
use crate::transfer::write::{self, NewModel};
use crate::validate;

fn conflict(what: String) -> Error {
    Error::AlreadyExists(format!(
        "{what} (mlrs store migrate never overwrites; remove it from the destination or migrate into a new directory)"
    ))
}

/// A run's info as a file store keeps it (a deleted time only on a deleted run).
fn as_kept(info: &RunInfo) -> RunInfo {
    let mut info = info.clone();
    if info.lifecycle_stage == LifecycleStage::Active {
        info.deleted_time = None;
    }
    info
}

/// The number of points of each metric key.
fn point_counts<'a>(history: impl Iterator<Item = &'a Metric>) -> BTreeMap<&'a str, usize> {
    let mut out = BTreeMap::new();
    for m in history {
        *out.entry(m.key.as_str()).or_insert(0) += 1;
    }
    out
}

impl FileStore {
    /// Opens the store at `uri` as a migration destination: an existing store as it is, a
    /// missing (or empty) directory created with `.trash/` only — the source's experiments,
    /// `Default` included, are copied in.
    pub fn open_for_migration(uri: &str, warn: super::WarnSink) -> Result<FileStore> {
        let store = FileStore::open(uri, warn)?;
        if store.root().exists() && !store.root().is_dir() {
            return Err(Error::Failed(format!(
                "{} is not a directory",
                store.display_root()
            )));
        }
        fsutil::mkdirs(&store.trash_dir())?;
        Ok(store)
    }

    /// Experiment `0` as a new store makes it, never used: the source's `Default` may
    /// replace it.
    fn is_pristine_default(&self, dir: &ExperimentDir) -> Result<bool> {
        Ok(dir.id == "0"
            && dir.stage == LifecycleStage::Active
            && self.run_dirs_of(dir)?.is_empty()
            && self.read_experiment(dir)?.tags.is_empty())
    }

    fn experiment_path(&self, exp: &Experiment) -> PathBuf {
        match exp.lifecycle_stage {
            LifecycleStage::Active => self.root().join(&exp.experiment_id),
            LifecycleStage::Deleted => self.trash_dir().join(&exp.experiment_id),
        }
    }

    fn write_experiment(&self, dir: &Path, exp: &Experiment) -> Result<()> {
        self.write_experiment_meta(
            dir,
            &exp.experiment_id,
            &exp.name,
            &exp.artifact_location,
            exp.lifecycle_stage,
            exp.creation_time,
            exp.last_update_time,
        )?;
        for (k, v) in &exp.tags {
            self.write_experiment_tag(dir, k, v)?;
        }
        Ok(())
    }

    /// Builds `run` with its history in `staging` (inside experiment `exp`).
    fn build_run(
        &self,
        exp: &ExperimentDir,
        staging: &Path,
        run: &Run,
        history: &[Metric],
    ) -> Result<()> {
        for sub in ["metrics", "params", "artifacts", "tags"] {
            fsutil::mkdirs(&staging.join(sub))?;
        }
        self.write_run_meta(staging, &as_kept(&run.info))?;
        for (k, v) in &run.data.params {
            validate::validate_param_name(k, "params.key")?;
            let target = fsutil::key_path(&staging.join("params"), k, "param")?;
            if let Some(parent) = target.parent() {
                fsutil::mkdirs(parent)?;
            }
            fsutil::atomic_write(&target, v.as_bytes(), staging)?;
        }
        for (k, v) in &run.data.tags {
            validate::validate_tag_name(k, "tags.key")?;
            self.write_run_tag(staging, k, v)?;
        }
        let mut by_key: BTreeMap<&str, String> = BTreeMap::new();
        for m in history {
            by_key
                .entry(m.key.as_str())
                .or_default()
                .push_str(&format_metric_line(m));
        }
        for (k, body) in by_key {
            validate::validate_metric_name(k, "metrics.key")?;
            let target = fsutil::key_path(&staging.join("metrics"), k, "metric")?;
            if let Some(parent) = target.parent() {
                fsutil::mkdirs(parent)?;
            }
            fsutil::atomic_write(&target, body.as_bytes(), staging)?;
        }
        write::write_run_inputs(
            &exp.path,
            staging,
            &run.info.run_id,
            &run.inputs.dataset_inputs,
        )
    }

    /// Whether the run already at `dir` holds `run` and `history`.
    fn holds_run(&self, dir: &super::RunDir, run: &Run, history: &[Metric]) -> Result<bool> {
        let have = self.read_run(dir, RunParts::ALL)?;
        if have.info != as_kept(&run.info)
            || have.data.params != run.data.params
            || have.data.tags != run.data.tags
        {
            return Ok(false);
        }
        let mut stored = Vec::new();
        for key in have.data.metrics.keys() {
            let path = dir.path.join("metrics").join(key);
            stored.extend(metric_history::read_metric_history(key, &path)?);
        }
        Ok(point_counts(stored.iter()) == point_counts(history.iter()))
    }
}

impl MigrationTarget for FileStore {
    fn import_experiment(&self, exp: &Experiment) -> Result<Outcome> {
        validate::validate_experiment_name(&exp.name)?;
        let _lock = self.lock()?;
        let mut replace_default = None;
        match self.find_experiment_dir(&exp.experiment_id) {
            Ok(dir) => {
                let have = self.read_experiment(&dir)?;
                if &have == exp {
                    return Ok(Outcome::Unchanged);
                }
                if !self.is_pristine_default(&dir)? {
                    return Err(conflict(format!(
                        "experiment {} ('{}') is already in {} with other data",
                        exp.experiment_id,
                        have.name,
                        self.display_root()
                    )));
                }
                replace_default = Some(dir);
            }
            Err(Error::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
        if let Some(other) = self
            .list_experiments(ViewType::All)?
            .into_iter()
            .find(|e| e.name == exp.name && e.experiment_id != exp.experiment_id)
        {
            return Err(conflict(format!(
                "the name '{}' of experiment {} is taken by experiment {} in {}",
                exp.name,
                exp.experiment_id,
                other.experiment_id,
                self.display_root()
            )));
        }
        let target = self.experiment_path(exp);
        let staging = self.staging_dir()?;
        let built = self.write_experiment(&staging, exp).and_then(|()| {
            if let Some(old) = &replace_default {
                // Unused `Default` (no runs, no tags): moved aside, then replaced.
                let aside = self.staging_dir()?;
                fsutil::publish(&old.path, &aside).map_err(|e| Error::io(&old.path, e))?;
                let _ = fsutil::discard_staging(&aside);
            }
            fsutil::publish(&staging, &target).map_err(|e| Error::io(&target, e))
        });
        if built.is_err() {
            let _ = fsutil::discard_staging(&staging);
        }
        built.map(|()| Outcome::Copied)
    }

    /// Each run is staged first; only when every run of the batch is built are they renamed
    /// into place.
    fn import_runs(&self, runs: &[(Run, Vec<Metric>)]) -> Result<Vec<Outcome>> {
        let _lock = self.lock()?;
        let mut outcomes = Vec::with_capacity(runs.len());
        let mut staged: Vec<(PathBuf, PathBuf)> = Vec::new();
        let built = (|| -> Result<()> {
            let mut experiments: BTreeMap<&str, ExperimentDir> = BTreeMap::new();
            for (run, history) in runs {
                let exp_id = run.info.experiment_id.as_str();
                if !experiments.contains_key(exp_id) {
                    experiments.insert(exp_id, self.find_experiment_dir(exp_id)?);
                }
                let exp = &experiments[exp_id];
                // Run ids are unique uuids: only the run's own experiment is looked at, so a
                // migration stays linear in the number of runs.
                validate::validate_run_id(&run.info.run_id)?;
                let path = exp.path.join(&run.info.run_id);
                if std::fs::symlink_metadata(&path).is_ok() {
                    let dir = super::RunDir {
                        run_id: run.info.run_id.clone(),
                        path,
                        experiment: exp.clone(),
                    };
                    if self.holds_run(&dir, run, history)? {
                        outcomes.push(Outcome::Unchanged);
                        continue;
                    }
                    return Err(conflict(format!(
                        "run {} is already in {} with other data",
                        run.info.run_id,
                        self.display_root()
                    )));
                }
                let staging = self.staging_dir()?;
                staged.push((staging.clone(), exp.path.join(&run.info.run_id)));
                self.build_run(exp, &staging, run, history)?;
                outcomes.push(Outcome::Copied);
            }
            Ok(())
        })();
        if let Err(e) = built {
            for (staging, _) in &staged {
                let _ = fsutil::discard_staging(staging);
            }
            return Err(e);
        }
        let mut pending = staged.iter();
        for (staging, target) in pending.by_ref() {
            if let Err(e) = fsutil::publish(staging, target) {
                for (rest, _) in pending {
                    let _ = fsutil::discard_staging(rest);
                }
                let _ = fsutil::discard_staging(staging);
                return Err(Error::io(target, e));
            }
        }
        Ok(outcomes)
    }
}

impl RegistryMigrationTarget for FileStore {
    fn import_model(&self, model: &RegisteredModel, versions: &[ModelVersion]) -> Result<Outcome> {
        validate::validate_model_name(&model.name)?;
        validate::validate_model_name_is_safe(&model.name)?;
        let _lock = self.lock()?;
        let model_dir = self.models_dir().join(&model.name);
        if std::fs::symlink_metadata(&model_dir).is_ok() {
            let have = self.get_registered_model(&model.name)?;
            let have_versions = self.all_versions_of(&model.name)?;
            if holds_model(&have, &have_versions, model, versions) {
                return Ok(Outcome::Unchanged);
            }
            return Err(conflict(format!(
                "registered model '{}' is already in {} with other data",
                model.name,
                self.display_root()
            )));
        }
        fsutil::mkdirs(&self.models_dir())?;
        let tags: Vec<(String, String)> = model.tags.clone().into_iter().collect();
        let staging = self.staging_dir()?;
        let built = (|| -> Result<()> {
            write::write_model(
                &staging,
                &NewModel {
                    name: &model.name,
                    description: model.description.as_deref(),
                    creation_timestamp: model.creation_timestamp,
                    last_updated_timestamp: model.last_updated_timestamp,
                    tags: &tags,
                },
            )?;
            for v in versions {
                write::write_version(
                    &staging,
                    &model.name,
                    &VersionDoc::of(v),
                    v.source.as_deref(),
                    v.storage_location.as_deref(),
                )?;
            }
            for (alias, version) in &model.aliases {
                let number = version.parse::<i64>().map_err(|_| {
                    Error::invalid(format!(
                        "alias '{alias}' of model '{}' points at '{version}', not a version number",
                        model.name
                    ))
                })?;
                write::write_alias(&staging, alias, number)?;
            }
            fsutil::publish(&staging, &model_dir).map_err(|e| Error::io(&model_dir, e))
        })();
        if built.is_err() {
            let _ = fsutil::discard_staging(&staging);
        }
        built.map(|()| Outcome::Copied)
    }
}
