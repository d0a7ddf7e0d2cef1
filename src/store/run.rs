//! Runs on disk: `<exp>/<run>/meta.yaml`, `metrics/`, `params/`, `tags/`, `artifacts/`,
//! `inputs/` and `outputs/`. Reading tolerates every MLflow 1.x–3.x variation; writing emits
//! what all of them read (both `run_id` and `run_uuid`, all four sub-directories).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::FileStore;
use super::experiment::{ExperimentDir, RESERVED_EXPERIMENT_CHILDREN};
use super::fsutil;
use super::metric_history;
use super::uri;
use super::yaml;
use crate::entities::{
    Batch, DatasetInput, LifecycleStage, Metric, ModelOutput, Run, RunData, RunInfo, RunInputs,
    RunOutputs, RunParts, RunStatus, ViewType, tags,
};
use crate::error::{Error, Result};
use crate::validate;

#[derive(Deserialize)]
struct RunMetaIn {
    artifact_uri: Option<String>,
    deleted_time: Option<i64>,
    end_time: Option<i64>,
    experiment_id: Option<String>,
    lifecycle_stage: Option<String>,
    run_id: Option<String>,
    run_name: Option<String>,
    run_uuid: Option<String>,
    start_time: Option<i64>,
    status: Option<i64>,
    user_id: Option<String>,
}

/// Every key MLflow 1.x–3.x expect, in PyYAML's sorted order.
#[derive(Serialize)]
struct RunMetaOut<'a> {
    artifact_uri: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    deleted_time: Option<i64>,
    end_time: Option<i64>,
    entry_point_name: &'a str,
    experiment_id: &'a str,
    lifecycle_stage: &'a str,
    run_id: &'a str,
    run_name: &'a str,
    run_uuid: &'a str,
    source_name: &'a str,
    source_type: i64,
    source_version: &'a str,
    start_time: Option<i64>,
    status: i64,
    tags: Vec<String>,
    user_id: &'a str,
}

#[derive(Deserialize)]
struct InputMetaIn {
    source_id: Option<String>,
    source_type: Option<String>,
    #[serde(default)]
    tags: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
struct OutputMetaIn {
    destination_id: Option<String>,
    step: Option<i64>,
}

#[derive(Deserialize)]
struct DatasetMetaIn {
    name: Option<String>,
    digest: Option<String>,
    source_type: Option<String>,
    source: Option<String>,
    schema: Option<String>,
    profile: Option<String>,
}

/// A run directory and the experiment directory holding it.
#[derive(Debug, Clone)]
pub struct RunDir {
    pub run_id: String,
    pub path: PathBuf,
    pub experiment: ExperimentDir,
}

impl FileStore {
    /// The run directories of an experiment: sub-directories with a `meta.yaml`, minus reserved names.
    pub fn run_dirs_of(&self, exp: &ExperimentDir) -> Result<Vec<RunDir>> {
        let entries = fs::read_dir(&exp.path).map_err(|e| Error::io(&exp.path, e))?;
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&exp.path, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if !is_dir
                || RESERVED_EXPERIMENT_CHILDREN.contains(&name.as_str())
                || name.starts_with('.')
            {
                continue;
            }
            if !entry.path().join("meta.yaml").exists() {
                continue;
            }
            out.push(RunDir {
                run_id: name,
                path: entry.path(),
                experiment: exp.clone(),
            });
        }
        out.sort_by(|a, b| a.run_id.cmp(&b.run_id));
        Ok(out)
    }

    /// Finds run `run_id` in any active or deleted experiment.
    pub fn find_run_dir(&self, run_id: &str) -> Result<RunDir> {
        validate::validate_run_id(run_id)?;
        self.check_exists()?;
        for exp in self.experiment_dirs(ViewType::All)? {
            let path = exp.path.join(run_id);
            if path.join("meta.yaml").is_file() && !path.is_symlink() {
                return Ok(RunDir {
                    run_id: run_id.to_string(),
                    path,
                    experiment: exp,
                });
            }
        }
        Err(Error::not_found(format!(
            "run {run_id} not found in {}",
            self.display_root()
        )))
    }

    /// Reads a run's `meta.yaml` into a `RunInfo`, checking it against its directory.
    pub fn read_run_info(&self, dir: &RunDir) -> Result<RunInfo> {
        self.read_run_info_checked(dir, true)
    }

    /// Rewrites a run's `experiment_id` to the experiment directory holding it (doctor's fix:
    /// the location is authoritative).
    pub(crate) fn rewrite_run_experiment_id(&self, dir: &RunDir) -> Result<()> {
        let mut info = self.read_run_info_checked(dir, false)?;
        info.experiment_id = dir.experiment.id.clone();
        self.write_run_meta(&dir.path, &info)
    }

    fn read_run_info_checked(&self, dir: &RunDir, check_experiment: bool) -> Result<RunInfo> {
        let meta_path = dir.path.join("meta.yaml");
        let meta: RunMetaIn = yaml::read_yaml(&meta_path)?;
        let run_id = meta
            .run_id
            .or(meta.run_uuid)
            .ok_or_else(|| Error::malformed(&meta_path, "missing key 'run_id' (and 'run_uuid')"))?;
        if run_id != dir.run_id {
            return Err(Error::malformed(
                &meta_path,
                format!(
                    "run_id '{run_id}' does not match its directory '{}'",
                    dir.run_id
                ),
            ));
        }
        let experiment_id = meta
            .experiment_id
            .ok_or_else(|| Error::malformed(&meta_path, "missing key 'experiment_id'"))?;
        if check_experiment && experiment_id != dir.experiment.id {
            return Err(Error::malformed(
                &meta_path,
                format!(
                    "experiment_id '{experiment_id}' does not match the experiment directory '{}'",
                    dir.experiment.id
                ),
            ));
        }
        let status = match meta.status {
            None => RunStatus::Running,
            Some(code) => RunStatus::from_code(code)
                .ok_or_else(|| Error::malformed(&meta_path, format!("invalid status {code}")))?,
        };
        let lifecycle_stage = match meta.lifecycle_stage.as_deref() {
            None | Some("active") => LifecycleStage::Active,
            Some("deleted") => LifecycleStage::Deleted,
            Some(other) => {
                return Err(Error::malformed(
                    &meta_path,
                    format!("invalid lifecycle_stage '{other}'"),
                ));
            }
        };
        let run_name = match meta.run_name.filter(|n| !n.is_empty()) {
            Some(n) => n,
            None => {
                read_value_file(&dir.path.join("tags").join(tags::RUN_NAME))?.unwrap_or_default()
            }
        };
        Ok(RunInfo {
            run_id,
            run_name,
            experiment_id,
            user_id: meta.user_id.unwrap_or_default(),
            status,
            start_time: meta.start_time,
            end_time: meta.end_time,
            artifact_uri: meta.artifact_uri.unwrap_or_default(),
            lifecycle_stage,
            deleted_time: meta.deleted_time,
        })
    }

    /// Reads the requested parts of a run.
    pub fn read_run(&self, dir: &RunDir, parts: RunParts) -> Result<Run> {
        let info = self.read_run_info(dir)?;
        self.read_run_data(dir, info, parts)
    }

    /// Reads the requested parts of a run whose `RunInfo` is already known.
    pub fn read_run_data(&self, dir: &RunDir, info: RunInfo, parts: RunParts) -> Result<Run> {
        let mut data = RunData::default();
        if parts.metrics {
            for (key, path) in fsutil::list_key_files(&dir.path.join("metrics"))? {
                let latest = metric_history::read_latest_metric(&key, &path)?;
                data.metrics.insert(key, latest);
            }
        }
        if parts.params {
            data.params = fsutil::read_key_values(&dir.path.join("params"))?
                .into_iter()
                .collect();
        }
        if parts.tags {
            data.tags = fsutil::read_key_values(&dir.path.join("tags"))?
                .into_iter()
                .collect();
        }
        let (inputs, outputs) = if parts.inputs {
            (self.read_inputs(dir)?, read_outputs(dir)?)
        } else {
            (RunInputs::default(), RunOutputs::default())
        };
        Ok(Run {
            info,
            data,
            inputs,
            outputs,
        })
    }

    pub(crate) fn read_inputs(&self, dir: &RunDir) -> Result<RunInputs> {
        let mut inputs = RunInputs::default();
        for (input_dir, _) in sorted_subdirs(&dir.path.join("inputs"))? {
            let meta_path = input_dir.join("meta.yaml");
            if !meta_path.is_file() {
                continue;
            }
            let meta: InputMetaIn = yaml::read_yaml(&meta_path)?;
            let source_id = meta.source_id.unwrap_or_default();
            match meta.source_type.as_deref() {
                Some("DATASET") => {
                    let ds_path = dir
                        .experiment
                        .path
                        .join("datasets")
                        .join(&source_id)
                        .join("meta.yaml");
                    let ds: DatasetMetaIn = yaml::read_yaml(&ds_path)?;
                    inputs.dataset_inputs.push(DatasetInput {
                        name: ds.name.unwrap_or_default(),
                        digest: ds.digest.unwrap_or_default(),
                        source_type: ds.source_type.unwrap_or_default(),
                        source: ds.source.unwrap_or_default(),
                        schema: ds.schema,
                        profile: ds.profile,
                        tags: meta.tags.unwrap_or_default(),
                    });
                }
                Some("MODEL") => inputs.model_inputs.push(source_id),
                _ => {}
            }
        }
        Ok(inputs)
    }

    pub fn get_run(&self, run_id: &str) -> Result<Run> {
        let dir = self.find_run_dir(run_id)?;
        self.read_run(&dir, RunParts::ALL)
    }

    /// Runs of the given experiments in `view`, each read with `parts`. A malformed run is
    /// skipped with a warning naming its path; an unknown experiment id yields no runs.
    pub fn list_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        parts: RunParts,
    ) -> Result<Vec<Run>> {
        let mut dirs = Vec::new();
        for id in experiment_ids {
            let exp = match self.find_experiment_dir(id) {
                Ok(e) => e,
                Err(Error::NotFound(_)) => continue,
                Err(e) => return Err(e),
            };
            dirs.extend(self.run_dirs_of(&exp)?);
        }
        let read = super::parallel::map(dirs, |dir| match self.read_run_info(&dir) {
            Ok(info) if !view.includes(info.lifecycle_stage) => None,
            Ok(info) => Some(
                self.read_run_data(&dir, info, parts)
                    .map_err(|e| format!("skipping malformed run {}: {e}", dir.run_id)),
            ),
            Err(e) => Some(Err(format!("skipping malformed run: {e}"))),
        });
        let mut out = Vec::with_capacity(read.len());
        for r in read.into_iter().flatten() {
            match r {
                Ok(run) => out.push(run),
                Err(w) => self.warn(&w),
            }
        }
        Ok(out)
    }

    pub(crate) fn write_run_meta(&self, dir: &Path, info: &RunInfo) -> Result<()> {
        let text = yaml::to_yaml(&RunMetaOut {
            artifact_uri: &info.artifact_uri,
            deleted_time: if info.lifecycle_stage == LifecycleStage::Deleted {
                info.deleted_time
            } else {
                None
            },
            end_time: info.end_time,
            entry_point_name: "",
            experiment_id: &info.experiment_id,
            lifecycle_stage: info.lifecycle_stage.as_str(),
            run_id: &info.run_id,
            run_name: &info.run_name,
            run_uuid: &info.run_id,
            source_name: "",
            source_type: 4,
            source_version: "",
            start_time: info.start_time,
            status: info.status.code(),
            tags: Vec::new(),
            user_id: &info.user_id,
        })?;
        fsutil::atomic_write(&dir.join("meta.yaml"), text.as_bytes(), dir)
    }

    /// Creates a RUNNING run (MLflow's `create_run`) and returns its info.
    pub fn create_run(
        &self,
        experiment_id: &str,
        user_id: &str,
        start_time: i64,
        run_name: Option<&str>,
        run_tags: &[(String, String)],
    ) -> Result<RunInfo> {
        validate::validate_run_tags(run_tags)?;
        let exp_dir = match self.find_experiment_dir(experiment_id) {
            Ok(d) => d,
            Err(Error::NotFound(_)) => {
                return Err(Error::not_found(format!(
                    "Could not create run under experiment with ID {experiment_id} - no such experiment exists."
                )));
            }
            Err(e) => return Err(e),
        };
        let exp = self.read_experiment(&exp_dir)?;
        if exp_dir.stage != LifecycleStage::Active {
            return Err(Error::Failed(format!(
                "Could not create run under non-active experiment with ID {experiment_id}."
            )));
        }
        let tag_name = run_tags
            .iter()
            .find(|(k, _)| k == tags::RUN_NAME)
            .map(|(_, v)| v.as_str());
        if let (Some(a), Some(b)) = (run_name, tag_name)
            && a != b
        {
            return Err(Error::invalid(format!(
                "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='{a}', mlflow.runName='{b}')."
            )));
        }
        let name = run_name
            .filter(|n| !n.is_empty())
            .or(tag_name)
            .map(str::to_string)
            .unwrap_or_else(super::names::generate_run_name);
        let run_id = uuid::Uuid::new_v4().simple().to_string();
        let final_path = exp_dir.path.join(&run_id);
        // Built in a staging directory and renamed into place: a killed process never leaves
        // a run directory without meta.yaml, sub-directories or its name tag.
        let run_path = self.staging_dir()?;
        let info = RunInfo {
            artifact_uri: uri::append_to_uri_path(&exp.artifact_location, &[&run_id, "artifacts"]),
            run_id,
            run_name: name.clone(),
            experiment_id: experiment_id.to_string(),
            user_id: user_id.to_string(),
            status: RunStatus::Running,
            start_time: Some(start_time),
            end_time: None,
            lifecycle_stage: LifecycleStage::Active,
            deleted_time: None,
        };
        let mut all_tags: Vec<(String, String)> = run_tags.to_vec();
        if tag_name.is_none() {
            all_tags.push((tags::RUN_NAME.to_string(), name));
        }
        let built = (|| -> Result<()> {
            for sub in ["metrics", "params", "artifacts", "tags"] {
                fsutil::mkdirs(&run_path.join(sub))?;
            }
            for (k, v) in &all_tags {
                let (v, _) =
                    validate::truncate_or_refuse("value", validate::MAX_TAG_VAL_LENGTH, v)?;
                self.write_run_tag(&run_path, k, &v)?;
            }
            self.write_run_meta(&run_path, &info)?;
            if final_path.exists() {
                return Err(Error::Failed(format!(
                    "run id {} collided with an existing run; try again",
                    info.run_id
                )));
            }
            fsutil::publish(&run_path, &final_path).map_err(|e| Error::io(&final_path, e))
        })();
        if let Err(e) = built {
            let _ = fsutil::discard_staging(&run_path);
            return Err(e);
        }
        Ok(info)
    }

    fn active_run(&self, run_id: &str) -> Result<(RunDir, RunInfo)> {
        let dir = self.find_run_dir(run_id)?;
        let info = self.read_run_info(&dir)?;
        if info.lifecycle_stage != LifecycleStage::Active {
            return Err(Error::Failed(format!(
                "The run {run_id} must be in the 'active' state. Current state is {}.",
                info.lifecycle_stage
            )));
        }
        Ok((dir, info))
    }

    /// MLflow's `update_run_info`: status, end time and (optionally) name of an active run.
    pub fn update_run_info(
        &self,
        run_id: &str,
        status: RunStatus,
        end_time: Option<i64>,
        run_name: Option<&str>,
    ) -> Result<RunInfo> {
        let (dir, mut info) = self.active_run(run_id)?;
        info.status = status;
        info.end_time = end_time;
        if let Some(name) = run_name.filter(|n| !n.is_empty()) {
            info.run_name = name.to_string();
            self.write_run_tag(&dir.path, tags::RUN_NAME, name)?;
        }
        self.write_run_meta(&dir.path, &info)?;
        Ok(info)
    }

    pub fn delete_run(&self, run_id: &str) -> Result<()> {
        let dir = self.find_run_dir(run_id)?;
        self.set_run_lifecycle_at(&dir, LifecycleStage::Deleted, Some(super::now_ms()), false)
    }

    pub fn restore_run(&self, run_id: &str) -> Result<()> {
        let dir = self.find_run_dir(run_id)?;
        self.set_run_lifecycle_at(&dir, LifecycleStage::Active, None, false)
    }

    /// Rewrites a run's lifecycle. With `only_if_active`, deleted runs keep their deletion time.
    pub(crate) fn set_run_lifecycle_at(
        &self,
        dir: &RunDir,
        stage: LifecycleStage,
        deleted_time: Option<i64>,
        only_if_active: bool,
    ) -> Result<()> {
        let mut info = self.read_run_info(dir)?;
        if only_if_active && info.lifecycle_stage != LifecycleStage::Active {
            return Ok(());
        }
        if info.lifecycle_stage == stage && stage == LifecycleStage::Active {
            return Ok(());
        }
        info.lifecycle_stage = stage;
        info.deleted_time = deleted_time;
        self.write_run_meta(&dir.path, &info)
    }

    pub(crate) fn write_run_tag(&self, run_path: &Path, key: &str, value: &str) -> Result<()> {
        let target = fsutil::key_path(&run_path.join("tags"), key, "tag")?;
        if let Some(parent) = target.parent() {
            fsutil::mkdirs(parent)?;
        }
        fsutil::atomic_write(&target, value.as_bytes(), run_path)
    }

    /// Sets a run tag; `mlflow.runName` also renames the run in `meta.yaml`, as MLflow does.
    pub fn set_tag(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        validate::validate_tag_name(key, "key")?;
        let (dir, info) = self.active_run(run_id)?;
        fsutil::key_path(&dir.path.join("tags"), key, "tag")?;
        self.apply_tag(&dir, info, key, value)
    }

    fn apply_tag(&self, dir: &RunDir, mut info: RunInfo, key: &str, value: &str) -> Result<()> {
        self.write_run_tag(&dir.path, key, value)?;
        if key == tags::RUN_NAME && info.run_name != value {
            info.run_name = value.to_string();
            self.write_run_meta(&dir.path, &info)?;
        }
        Ok(())
    }

    pub fn delete_tag(&self, run_id: &str, key: &str) -> Result<()> {
        validate::validate_tag_name(key, "key")?;
        let (dir, _) = self.active_run(run_id)?;
        let path = dir.path.join("tags").join(key);
        if !path.is_file() {
            return Err(Error::not_found(format!(
                "No tag with name: {key} in run with id {run_id}"
            )));
        }
        fs::remove_file(&path).map_err(|e| Error::io(&path, e))
    }

    /// Logs a param; the same value again is a no-op, a different one an error (immutability).
    pub fn log_param(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        self.log_batch(
            run_id,
            &Batch {
                params: vec![(key.to_string(), value.to_string())],
                ..Batch::default()
            },
        )
    }

    pub fn log_metric(&self, run_id: &str, metric: Metric) -> Result<()> {
        self.log_batch(
            run_id,
            &Batch {
                metrics: vec![metric],
                ..Batch::default()
            },
        )
    }

    /// MLflow's LogBatch. Everything is validated (limits, keys, values, param immutability,
    /// key/prefix clashes) before the first byte is written, so bad input changes nothing.
    pub fn log_batch(&self, run_id: &str, batch: &Batch) -> Result<()> {
        validate::validate_batch_limits(batch.metrics.len(), batch.params.len(), batch.tags.len())?;
        let mut params = Vec::with_capacity(batch.params.len());
        let mut seen = std::collections::BTreeSet::new();
        let mut dupes = Vec::new();
        for (i, (k, v)) in batch.params.iter().enumerate() {
            validate::validate_param_name(k, &format!("params[{i}].key"))?;
            let (v, cut) =
                validate::truncate_or_refuse("Param value", validate::MAX_PARAM_VAL_LENGTH, v)?;
            if cut {
                self.warn(&format!(
                    "param '{k}': value truncated to {} characters",
                    validate::MAX_PARAM_VAL_LENGTH
                ));
            }
            if !seen.insert(k.clone()) {
                dupes.push(validate::python_repr(k));
            }
            params.push((k.clone(), v));
        }
        if !dupes.is_empty() {
            return Err(Error::invalid(format!(
                "Duplicate parameter keys have been submitted: [{}]. Please ensure the request contains only one param value per param key.",
                dupes.join(", ")
            )));
        }
        for (i, m) in batch.metrics.iter().enumerate() {
            validate::validate_metric_name(&m.key, &format!("metrics[{i}].name"))?;
            validate::validate_metric_timestamp(
                &m.key,
                m.value,
                m.timestamp,
                &format!("metrics[{i}].timestamp"),
            )?;
        }
        let mut tag_values = Vec::with_capacity(batch.tags.len());
        for (i, (k, v)) in batch.tags.iter().enumerate() {
            validate::validate_tag_name(k, &format!("tags[{i}].key"))?;
            let (v, cut) = validate::truncate_or_refuse(
                &format!("tags[{i}].value"),
                validate::MAX_TAG_VAL_LENGTH,
                v,
            )?;
            if cut {
                self.warn(&format!(
                    "tag '{k}': value truncated to {} characters",
                    validate::MAX_TAG_VAL_LENGTH
                ));
            }
            tag_values.push((k.clone(), v));
        }
        let (dir, info) = self.active_run(run_id)?;
        let params_dir = dir.path.join("params");
        let metrics_dir = dir.path.join("metrics");
        let tags_dir = dir.path.join("tags");
        let mut new_params = Vec::new();
        for (k, v) in &params {
            let path = fsutil::key_path(&params_dir, k, "param")?;
            match read_value_file(&path)? {
                Some(old) if &old != v => return Err(param_change_error(k, &old, v, run_id)),
                Some(_) => {}
                None => new_params.push((path, k, v)),
            }
        }
        let mut metric_paths = Vec::with_capacity(batch.metrics.len());
        for m in &batch.metrics {
            metric_paths.push(fsutil::key_path(&metrics_dir, &m.key, "metric")?);
        }
        for (k, _) in &tag_values {
            fsutil::key_path(&tags_dir, k, "tag")?;
        }
        // Validated: now write. Params first (no-clobber, so a concurrent writer of a
        // different value is detected), then metrics, then tags.
        for (path, k, v) in new_params {
            if let Some(parent) = path.parent() {
                fsutil::mkdirs(parent)?;
            }
            if !fsutil::create_no_clobber(&path, v.as_bytes(), &dir.path)? {
                let old = read_value_file(&path)?.unwrap_or_default();
                if &old != v {
                    return Err(param_change_error(k, &old, v, run_id));
                }
            }
        }
        for (m, path) in batch.metrics.iter().zip(metric_paths) {
            append_metric(&path, m, &dir.path)?;
        }
        let mut info = info;
        for (k, v) in &tag_values {
            self.write_run_tag(&dir.path, k, v)?;
            if k == tags::RUN_NAME {
                info.run_name = v.clone();
            }
        }
        if tag_values.iter().any(|(k, _)| k == tags::RUN_NAME) {
            self.write_run_meta(&dir.path, &info)?;
        }
        Ok(())
    }

    /// Every value of metric `key` of a run, in file order.
    pub fn get_metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>> {
        let dir = self.find_run_dir(run_id)?;
        validate::validate_metric_name(key, "metric_key")?;
        let path = dir.path.join("metrics").join(key);
        if !path.is_file() {
            return Ok(Vec::new());
        }
        metric_history::read_metric_history(key, &path)
    }

    /// The run's directory on disk (for artifact resolution and tests).
    pub fn run_path(&self, run_id: &str) -> Result<PathBuf> {
        Ok(self.find_run_dir(run_id)?.path)
    }
}

fn param_change_error(key: &str, old: &str, new: &str, run_id: &str) -> Error {
    Error::invalid(format!(
        "Changing param values is not allowed. Param with key='{key}' was already logged with value='{old}' for run ID='{run_id}'. Attempted logging new value '{new}'."
    ))
}

/// Appends one metric line; a new metric file is created with its first line already in it
/// (an empty metric file would make the run unreadable for MLflow).
fn append_metric(path: &Path, m: &Metric, run_path: &Path) -> Result<()> {
    let line = metric_history::format_metric_line(m);
    if path.is_file() {
        return fsutil::append_once(path, line.as_bytes());
    }
    if let Some(parent) = path.parent() {
        fsutil::mkdirs(parent)?;
    }
    if !fsutil::create_no_clobber(path, line.as_bytes(), run_path)? {
        fsutil::append_once(path, line.as_bytes())?;
    }
    Ok(())
}

/// The content of a single-value file, or None when it does not exist.
fn read_value_file(path: &Path) -> Result<Option<String>> {
    match fs::read(path) {
        Ok(b) => Ok(Some(String::from_utf8_lossy(&b).into_owned())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

fn sorted_subdirs(dir: &Path) -> Result<Vec<(PathBuf, String)>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut out = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(dir, e))?;
        if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
            out.push((
                entry.path(),
                entry.file_name().to_string_lossy().into_owned(),
            ));
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

fn read_outputs(dir: &RunDir) -> Result<RunOutputs> {
    let mut outputs = RunOutputs::default();
    for (out_dir, name) in sorted_subdirs(&dir.path.join("outputs"))? {
        let meta_path = out_dir.join("meta.yaml");
        if !meta_path.is_file() {
            continue;
        }
        let meta: OutputMetaIn = yaml::read_yaml(&meta_path)?;
        outputs.model_outputs.push(ModelOutput {
            model_id: meta.destination_id.unwrap_or(name),
            step: meta.step.unwrap_or(0),
        });
    }
    Ok(outputs)
}
