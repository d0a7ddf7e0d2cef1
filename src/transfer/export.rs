//! Export: experiments, runs and registered models from a file store into the peer's layout
//! (`experiment.json` + `runs/<id>/{run.json, artifacts/}`, `run.json` + `artifacts/`,
//! `model.json` + `<run_id>/…`), with full metric histories and byte copies of artifacts.

use std::fs;
use std::path::Path;

use super::format::{
    ARTIFACTS_DIR, EXPERIMENT_JSON, ExperimentDoc, MODEL_JSON, ModelDoc, RUN_JSON, RUNS_DIR,
    RunDoc, SystemInfo, VersionDoc, write_document,
};
use super::summary::{Progress, Summary};
use super::write::copy_tree;
use crate::entities::registry::Stage;
use crate::entities::{LifecycleStage, RunInfo};
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
    Ok(RunDoc {
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
    })
}

/// Writes one run (`run.json` and a copy of its artifacts) into `dest`, replacing whatever an
/// earlier export left there. Counts into `summary`.
fn export_run_to(
    store: &FileStore,
    dir: &RunDir,
    dest: &Path,
    system: &SystemInfo,
    summary: &mut Summary,
) -> Result<()> {
    let doc = read_run_doc(store, dir)?;
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
        let stats = match store.artifact_root(&doc.run_id) {
            Ok(root) => copy_tree(&root, &tmp.join(ARTIFACTS_DIR), &mut problems)?,
            Err(e) => {
                problems.push(format!("run {}: artifacts not copied: {e}", doc.run_id));
                super::write::CopyStats {
                    files: 0,
                    missing: 1,
                }
            }
        };
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

/// `experiments export`: the experiment and its runs (deleted runs only with
/// `include_deleted`). A run that cannot be read is counted as failed; the others are written.
pub fn export_experiment(
    store: &FileStore,
    experiment_id: &str,
    out_dir: &Path,
    include_deleted: bool,
    system: &SystemInfo,
    progress: &dyn Progress,
) -> Result<Summary> {
    store.check_exists()?;
    let exp_dir = store.find_experiment_dir(experiment_id)?;
    let exp = store.read_experiment(&exp_dir)?;
    let mut summary = Summary::default();
    let mut selected = Vec::new();
    for dir in store.run_dirs_of(&exp_dir)? {
        match store.read_run_info(&dir) {
            Ok(info) if info.lifecycle_stage == LifecycleStage::Deleted && !include_deleted => {}
            Ok(_) => selected.push(dir),
            Err(e) => summary.fail(format!("run {}: {e}", dir.run_id)),
        }
    }
    fsutil::mkdirs(out_dir)?;
    let mut ok = Vec::new();
    let mut failed: Vec<String> = Vec::new();
    progress.start(selected.len() as u64);
    for dir in &selected {
        let dest = out_dir.join(RUNS_DIR).join(&dir.run_id);
        match export_run_to(store, dir, &dest, system, &mut summary) {
            Ok(()) => ok.push(dir.run_id.clone()),
            Err(e) => {
                summary.fail(format!("run {}: {e}", dir.run_id));
                failed.push(dir.run_id.clone());
            }
        }
        progress.advance(&dir.run_id);
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
    store: &FileStore,
    run_id: &str,
    out_dir: &Path,
    include_deleted: bool,
    system: &SystemInfo,
) -> Result<Summary> {
    let dir = store.find_run_dir(run_id)?;
    let info = store.read_run_info(&dir)?;
    if info.lifecycle_stage == LifecycleStage::Deleted && !include_deleted {
        return Err(Error::Failed(format!(
            "run {run_id} is deleted; pass --include-deleted to export it"
        )));
    }
    let mut summary = Summary::default();
    fsutil::mkdirs(out_dir)?;
    let doc = read_run_doc(store, &dir)?;
    write_document(&out_dir.join(RUN_JSON), &doc.to_json(system))?;
    let stats = match store.artifact_root(run_id) {
        Ok(root) => copy_tree(&root, &out_dir.join(ARTIFACTS_DIR), &mut summary.problems)?,
        Err(e) => {
            summary
                .problems
                .push(format!("run {run_id}: artifacts not copied: {e}"));
            super::write::CopyStats {
                files: 0,
                missing: 1,
            }
        }
    };
    summary.runs = 1;
    summary.metrics = doc.metric_points() as u64;
    summary.artifacts = stats.files;
    summary.missing_artifacts = stats.missing;
    summary.experiment_id = Some(info.experiment_id);
    Ok(summary)
}

/// `models export`: `model.json` with every live version (deleted versions are not exported,
/// as MLflow's search does not return them); with `include_runs`, each version's run under
/// `<run_id>/` as the peer's `import-model` expects it. `tracking` is where runs are looked up.
pub fn export_model(
    registry: &FileStore,
    tracking: &FileStore,
    name: &str,
    out_dir: &Path,
    include_runs: bool,
    system: &SystemInfo,
    progress: &dyn Progress,
) -> Result<Summary> {
    registry.check_exists()?;
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
        let run = mv
            .run_id
            .as_deref()
            .and_then(|id| tracking.find_run_dir(id).ok());
        let (run_artifact_uri, experiment_name) = match &run {
            Some(dir) => (
                tracking.read_run_info(dir).ok().map(|i| i.artifact_uri),
                tracking
                    .read_experiment(&dir.experiment)
                    .ok()
                    .map(|e| e.name),
            ),
            None => (None, None),
        };
        if let Some(id) = &mv.run_id
            && !run_ids.contains(id)
        {
            run_ids.push(id.clone());
        }
        docs.push(VersionDoc {
            version: mv.version,
            creation_timestamp: mv.creation_timestamp,
            last_updated_timestamp: mv.last_updated_timestamp,
            description: mv.description,
            user_id: mv.user_id,
            current_stage: mv.current_stage,
            source: mv.source,
            run_id: mv.run_id,
            run_link: mv.run_link,
            status: mv.status,
            status_message: mv.status_message,
            tags: mv.tags.into_iter().collect(),
            model_id: mv.model_id,
            storage_location: mv.storage_location,
            run_artifact_uri,
            experiment_name,
        });
    }
    summary.versions = docs.len() as u64;
    if include_runs {
        progress.start(run_ids.len() as u64);
        for id in &run_ids {
            match tracking.find_run_dir(id) {
                Ok(dir) => {
                    if let Err(e) =
                        export_run_to(tracking, &dir, &out_dir.join(id), system, &mut summary)
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
