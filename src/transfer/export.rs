//! Export: experiments, runs and registered models from a tracking store (and registry) into
//! the peer's layout (`experiment.json` + `runs/<id>/{run.json, artifacts/}`, `run.json` +
//! `artifacts/`, `model.json` + `<run_id>/…`), with full metric histories and byte copies of
//! artifacts.
//!
//! Everything is read through `TrackingStore` and `RegistryStore`, except where the file store
//! holds more than the traits carry: its runs are read from their directories (`read_run_doc`:
//! every point as logged, duplicates and dataset fields included; unreadable runs counted as
//! failed), so a file store's export is what it always was. A SQL store's export carries what
//! MLflow's schema keeps (histories sorted by step, exact duplicates stored once, ±inf as
//! ±1.797e308, no dataset fields on points).

use std::fs;
use std::path::Path;

use super::format::{
    ARTIFACTS_DIR, EXPERIMENT_JSON, ExperimentDoc, MODEL_JSON, ModelDoc, RUN_JSON, RUNS_DIR,
    RunDoc, SystemInfo, VersionDoc, write_document,
};
use super::summary::{Progress, Summary};
use super::write::copy_tree;
use crate::backend::{RegistryStore, TrackingStore};
use crate::entities::registry::Stage;
use crate::entities::{LifecycleStage, Metric, Run, RunInfo, ViewType};
use crate::error::{Error, Result};
use crate::store::{FileStore, RunDir, RunParts, fsutil, metric_history};

/// Reads everything of a run an export carries: info, params, tags, every metric point,
/// dataset inputs and the ids of the logged models it is linked to.
pub fn read_run_doc(store: &FileStore, dir: &RunDir) -> Result<RunDoc> {
    let run = store.read_run(
        dir,
        RunParts {
            metrics: false,
            ..RunParts::ALL
        },
    )?;
    let mut metrics = Vec::new();
    for (key, path) in fsutil::list_key_files(&dir.path.join("metrics"))? {
        let history = metric_history::read_metric_history(&key, &path)?;
        metrics.push((key, history));
    }
    Ok(doc_of(run, metrics))
}

/// The document of run `run_id` of any store: from its directory on a file store
/// (`read_run_doc`), else from `get_run` and `get_metric_history` of every metric key.
pub fn run_doc(store: &dyn TrackingStore, run_id: &str) -> Result<RunDoc> {
    if let Some(files) = store.as_file_store() {
        return read_run_doc(files, &files.find_run_dir(run_id)?);
    }
    let run = store.get_run(run_id)?;
    let mut metrics = Vec::new();
    for key in run.data.metrics.keys() {
        metrics.push((key.clone(), store.get_metric_history(run_id, key)?));
    }
    Ok(doc_of(run, metrics))
}

fn doc_of(run: Run, metrics: Vec<(String, Vec<Metric>)>) -> RunDoc {
    let RunInfo {
        run_id,
        run_name,
        experiment_id,
        user_id,
        status,
        start_time,
        end_time,
        artifact_uri,
        lifecycle_stage,
        deleted_time,
    } = run.info;
    let mut logged_models = run.inputs.model_inputs.clone();
    logged_models.extend(run.outputs.model_outputs.iter().map(|o| o.model_id.clone()));
    RunDoc {
        run_id,
        experiment_id,
        run_name,
        user_id,
        status,
        start_time,
        end_time,
        lifecycle_stage,
        artifact_uri,
        deleted_time,
        params: run.data.params.into_iter().collect(),
        tags: run.data.tags.into_iter().collect(),
        metrics,
        dataset_inputs: run.inputs.dataset_inputs,
        logged_models,
    }
}

/// A run to export: its directory on a file store (read as found), else its id.
enum RunRef {
    Dir(RunDir),
    Id(String),
}

impl RunRef {
    fn id(&self) -> &str {
        match self {
            RunRef::Dir(d) => &d.run_id,
            RunRef::Id(id) => id,
        }
    }

    fn read(&self, store: &dyn TrackingStore) -> Result<RunDoc> {
        match (self, store.as_file_store()) {
            (RunRef::Dir(dir), Some(files)) => read_run_doc(files, dir),
            _ => run_doc(store, self.id()),
        }
    }
}

/// Writes one run (`run.json` and a copy of its artifacts) into `dest`, replacing whatever an
/// earlier export left there. Counts into `summary`.
fn export_run_to(
    store: &dyn TrackingStore,
    run: &RunRef,
    dest: &Path,
    system: &SystemInfo,
    summary: &mut Summary,
) -> Result<()> {
    let doc = run.read(store)?;
    if !doc.logged_models.is_empty() {
        summary.problems.push(format!(
            "run {}: links to {} logged model(s) are not exported (logged models are not transferred)",
            doc.run_id,
            doc.logged_models.len()
        ));
    }
    let parent = dest.parent().unwrap_or(Path::new("."));
    fsutil::mkdirs(parent)?;
    let tmp = parent.join(format!(
        "{}{}",
        fsutil::TEMP_PREFIX,
        uuid::Uuid::new_v4().simple()
    ));
    let written = (|| -> Result<()> {
        write_document(&tmp.join(RUN_JSON), &doc.to_json(system))?;
        let mut problems = Vec::new();
        let stats = copy_artifacts(store, &doc.run_id, &tmp.join(ARTIFACTS_DIR), &mut problems)?;
        if fs::symlink_metadata(dest).is_ok() {
            fs::remove_dir_all(dest).map_err(|e| Error::io(dest, e))?;
        }
        fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))?;
        summary.artifacts += stats.files;
        summary.missing_artifacts += stats.missing;
        summary.problems.extend(problems);
        Ok(())
    })();
    if written.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    written?;
    summary.runs += 1;
    summary.metrics += doc.metric_points() as u64;
    Ok(())
}

/// Copies a run's artifacts into `dst`; a run whose artifacts cannot be reached (a remote
/// URI) counts one missing artifact and a problem, not an error.
fn copy_artifacts(
    store: &dyn TrackingStore,
    run_id: &str,
    dst: &Path,
    problems: &mut Vec<String>,
) -> Result<super::write::CopyStats> {
    match store.artifact_root(run_id) {
        Ok(root) => copy_tree(&root, dst, problems),
        // A tracking server's artifacts come through its API.
        Err(_) if store.as_file_store().is_none() && store.as_sql_store().is_none() => {
            match store.download_artifacts(run_id, "", dst) {
                Ok(_) => Ok(super::write::CopyStats {
                    files: walkdir::WalkDir::new(dst)
                        .into_iter()
                        .filter_map(|e| e.ok())
                        .filter(|e| e.file_type().is_file())
                        .count() as u64,
                    missing: 0,
                }),
                Err(e) => {
                    problems.push(format!("run {run_id}: artifacts not copied: {e}"));
                    Ok(super::write::CopyStats {
                        files: 0,
                        missing: 1,
                    })
                }
            }
        }
        Err(e) => {
            problems.push(format!("run {run_id}: artifacts not copied: {e}"));
            Ok(super::write::CopyStats {
                files: 0,
                missing: 1,
            })
        }
    }
}

/// `experiments export`: the experiment and its runs (deleted runs only with
/// `include_deleted`). A run that cannot be read is counted as failed; the others are written.
pub fn export_experiment(
    store: &dyn TrackingStore,
    experiment_id: &str,
    out_dir: &Path,
    include_deleted: bool,
    system: &SystemInfo,
    progress: &dyn Progress,
) -> Result<Summary> {
    let mut summary = Summary::default();
    let mut selected = Vec::new();
    let exp = if let Some(files) = store.as_file_store() {
        files.check_exists()?;
        let exp_dir = files.find_experiment_dir(experiment_id)?;
        let exp = files.read_experiment(&exp_dir)?;
        for dir in files.run_dirs_of(&exp_dir)? {
            match files.read_run_info(&dir) {
                Ok(info) if info.lifecycle_stage == LifecycleStage::Deleted && !include_deleted => {
                }
                Ok(_) => selected.push(RunRef::Dir(dir)),
                Err(e) => summary.fail(format!("run {}: {e}", dir.run_id)),
            }
        }
        exp
    } else {
        let exp = store.get_experiment(experiment_id)?;
        let view = if include_deleted {
            ViewType::All
        } else {
            ViewType::ActiveOnly
        };
        for run in store.list_runs(
            std::slice::from_ref(&exp.experiment_id),
            view,
            RunParts::INFO,
        )? {
            selected.push(RunRef::Id(run.info.run_id));
        }
        exp
    };
    fsutil::mkdirs(out_dir)?;
    let mut ok = Vec::new();
    let mut failed: Vec<String> = Vec::new();
    progress.start(selected.len() as u64);
    for run in &selected {
        let id = run.id().to_string();
        let dest = out_dir.join(RUNS_DIR).join(&id);
        match export_run_to(store, run, &dest, system, &mut summary) {
            Ok(()) => ok.push(id.clone()),
            Err(e) => {
                summary.fail(format!("run {id}: {e}"));
                failed.push(id.clone());
            }
        }
        progress.advance(&id);
    }
    progress.finish();
    let doc = ExperimentDoc {
        experiment_id: exp.experiment_id,
        name: exp.name,
        artifact_location: exp.artifact_location,
        lifecycle_stage: exp.lifecycle_stage,
        tags: exp.tags.into_iter().collect(),
        creation_time: exp.creation_time,
        last_update_time: exp.last_update_time,
        runs: ok,
        failed_runs: failed,
    };
    write_document(&out_dir.join(EXPERIMENT_JSON), &doc.to_json(system))?;
    summary.experiment_id = Some(doc.experiment_id);
    Ok(summary)
}

/// `runs export`: `run.json` and `artifacts/` of one run in `out_dir` (the peer's `export-run`
/// layout). A deleted run is refused unless `include_deleted`.
pub fn export_run(
    store: &dyn TrackingStore,
    run_id: &str,
    out_dir: &Path,
    include_deleted: bool,
    system: &SystemInfo,
) -> Result<Summary> {
    let (run, info) = match store.as_file_store() {
        Some(files) => {
            let dir = files.find_run_dir(run_id)?;
            let info = files.read_run_info(&dir)?;
            (RunRef::Dir(dir), info)
        }
        None => (RunRef::Id(run_id.to_string()), store.get_run(run_id)?.info),
    };
    if info.lifecycle_stage == LifecycleStage::Deleted && !include_deleted {
        return Err(Error::Failed(format!(
            "run {run_id} is deleted; pass --include-deleted to export it"
        )));
    }
    let mut summary = Summary::default();
    fsutil::mkdirs(out_dir)?;
    let doc = run.read(store)?;
    write_document(&out_dir.join(RUN_JSON), &doc.to_json(system))?;
    let stats = copy_artifacts(
        store,
        run_id,
        &out_dir.join(ARTIFACTS_DIR),
        &mut summary.problems,
    )?;
    summary.runs = 1;
    summary.metrics = doc.metric_points() as u64;
    summary.artifacts = stats.files;
    summary.missing_artifacts = stats.missing;
    summary.experiment_id = Some(info.experiment_id);
    Ok(summary)
}

/// The artifact URI of run `run_id` and the name of its experiment, as far as they can be read.
fn run_origin(tracking: &dyn TrackingStore, run_id: &str) -> (Option<String>, Option<String>) {
    if let Some(files) = tracking.as_file_store() {
        return match files.find_run_dir(run_id) {
            Ok(dir) => (
                files.read_run_info(&dir).ok().map(|i| i.artifact_uri),
                files.read_experiment(&dir.experiment).ok().map(|e| e.name),
            ),
            Err(_) => (None, None),
        };
    }
    match tracking.get_run(run_id) {
        Ok(run) => (
            Some(run.info.artifact_uri),
            tracking
                .get_experiment(&run.info.experiment_id)
                .ok()
                .map(|e| e.name),
        ),
        Err(_) => (None, None),
    }
}

/// `models export`: `model.json` with every live version (deleted versions are not exported,
/// as MLflow's search does not return them); with `include_runs`, each version's run under
/// `<run_id>/` as the peer's `import-model` expects it. `tracking` is where runs are looked up.
pub fn export_model(
    registry: &dyn RegistryStore,
    tracking: &dyn TrackingStore,
    name: &str,
    out_dir: &Path,
    include_runs: bool,
    system: &SystemInfo,
    progress: &dyn Progress,
) -> Result<Summary> {
    if let Some(files) = registry.as_file_store() {
        files.check_exists()?;
    }
    let model = registry.get_registered_model(name)?;
    let versions = registry.list_model_versions(name)?;
    let mut summary = Summary::default();
    fsutil::mkdirs(out_dir)?;
    let mut docs = Vec::new();
    let mut run_ids: Vec<String> = Vec::new();
    for mv in versions {
        if mv.current_stage == Stage::DeletedInternal {
            continue;
        }
        let (run_artifact_uri, experiment_name) = match mv.run_id.as_deref() {
            Some(id) => run_origin(tracking, id),
            None => (None, None),
        };
        if let Some(id) = &mv.run_id
            && !run_ids.contains(id)
        {
            run_ids.push(id.clone());
        }
        docs.push(VersionDoc {
            run_artifact_uri,
            experiment_name,
            ..VersionDoc::of(&mv)
        });
    }
    summary.versions = docs.len() as u64;
    if include_runs {
        progress.start(run_ids.len() as u64);
        for id in &run_ids {
            let found = match tracking.as_file_store() {
                Some(files) => files.find_run_dir(id).map(RunRef::Dir),
                None => tracking
                    .check_run_exists(id)
                    .map(|()| RunRef::Id(id.clone())),
            };
            match found {
                Ok(run) => {
                    if let Err(e) =
                        export_run_to(tracking, &run, &out_dir.join(id), system, &mut summary)
                    {
                        summary.fail(format!("run {id}: {e}"));
                    }
                }
                Err(e) => summary.fail(format!("run {id} of model '{name}': {e}")),
            }
            progress.advance(id);
        }
        progress.finish();
    }
    let doc = ModelDoc {
        name: model.name,
        description: model.description,
        creation_timestamp: model.creation_timestamp,
        last_updated_timestamp: model.last_updated_timestamp,
        tags: model.tags.into_iter().collect(),
        aliases: model
            .aliases
            .into_iter()
            .filter_map(|(a, v)| v.trim().parse().ok().map(|v| (a, v)))
            .collect(),
        versions: docs,
    };
    write_document(&out_dir.join(MODEL_JSON), &doc.to_json(system))?;
    Ok(summary)
}
