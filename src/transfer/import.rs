//! Import: directories in the peer's layout into a file store, preserving run ids, times, user,
//! status, full metric histories and registry version numbers. A run already present is
//! skipped when identical and refused when different; `new_ids` imports runs under fresh ids
//! with their `mlflow.parentRunId` links remapped.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::export::read_run_doc;
use super::format::{
    ARTIFACTS_DIR, EXPERIMENT_JSON, ExperimentDoc, MODEL_JSON, ModelDoc, RUN_JSON, RUNS_DIR,
    RunDoc, VersionDoc,
};
use super::summary::{Progress, Summary};
use super::write::{self, NewModel, NewRun};
use crate::entities::{LifecycleStage, Metric, ViewType, tags};
use crate::error::{Error, Result};
use crate::store::experiment::{ExperimentDir, generate_experiment_id};
use crate::store::{FileStore, fsutil};
use crate::validate;

/// Tags holding run ids that `--new-ids` rewrites when the run they name is imported too.
const RUN_LINK_TAGS: [&str; 2] = [tags::PARENT_RUN_ID, "mlflow.rootRunId"];

/// `experiments import`: the experiment named `experiment_name` (else the exported name) is
/// used when it exists, else created with the exported id (when free), tags and timestamps.
pub fn import_experiment(
    store: &FileStore,
    in_dir: &Path,
    experiment_name: Option<&str>,
    new_ids: bool,
    progress: &dyn Progress,
) -> Result<Summary> {
    let doc = ExperimentDoc::read(&in_dir.join(EXPERIMENT_JSON))?;
    let name = experiment_name.unwrap_or(&doc.name);
    let exp_dir = destination_experiment(store, &doc, name)?;
    let mut summary = Summary {
        experiment_id: Some(exp_dir.id.clone()),
        ..Summary::default()
    };
    let run_dirs: Vec<PathBuf> = doc
        .runs
        .iter()
        .map(|id| in_dir.join(RUNS_DIR).join(id))
        .collect();
    import_runs(store, &exp_dir, &run_dirs, new_ids, progress, &mut summary);
    Ok(summary)
}

/// `runs import`: one run directory (`run.json`, `artifacts/`) into experiment `experiment_id`.
pub fn import_run(
    store: &FileStore,
    in_dir: &Path,
    experiment_id: &str,
    new_ids: bool,
) -> Result<Summary> {
    let exp_dir = active_experiment(store, experiment_id)?;
    // A single run is all there is: read errors are the command's error, not a count.
    RunDoc::read(&in_dir.join(RUN_JSON))?;
    let mut summary = Summary {
        experiment_id: Some(exp_dir.id.clone()),
        ..Summary::default()
    };
    import_runs(
        store,
        &exp_dir,
        &[in_dir.to_path_buf()],
        new_ids,
        &super::summary::NoProgress,
        &mut summary,
    );
    Ok(summary)
}

fn active_experiment(store: &FileStore, id: &str) -> Result<ExperimentDir> {
    let dir = store.find_experiment_dir(id)?;
    if dir.stage != LifecycleStage::Active {
        return Err(Error::Failed(format!(
            "experiment {id} is deleted; restore it before importing into it"
        )));
    }
    Ok(dir)
}

/// The experiment to import into: an existing active one by name, or a new one made from the
/// document (its id kept when no experiment has it).
fn destination_experiment(
    store: &FileStore,
    doc: &ExperimentDoc,
    name: &str,
) -> Result<ExperimentDir> {
    let _lock = store.lock()?;
    if let Some(e) = store
        .list_experiments(ViewType::All)?
        .into_iter()
        .find(|e| e.name == name)
    {
        if e.lifecycle_stage == LifecycleStage::Deleted {
            return Err(Error::Failed(format!(
                "experiment '{name}' ({}) is deleted; restore it or import with another --experiment-name",
                e.experiment_id
            )));
        }
        return store.find_experiment_dir(&e.experiment_id);
    }
    let free = |id: &str| {
        validate::validate_experiment_id(id).is_ok()
            && !store.root().join(id).exists()
            && !store.root().join(".trash").join(id).exists()
    };
    let id = if free(&doc.experiment_id) {
        doc.experiment_id.clone()
    } else {
        let mut id = generate_experiment_id();
        while !free(&id) {
            id = generate_experiment_id();
        }
        id
    };
    write::create_experiment(
        store,
        &id,
        name,
        &doc.tags,
        doc.creation_time,
        doc.last_update_time,
    )?;
    store.find_experiment_dir(&id)
}

/// Imports each run directory; every outcome is counted in `summary`, nothing stops the loop.
fn import_runs(
    store: &FileStore,
    exp_dir: &ExperimentDir,
    run_dirs: &[PathBuf],
    new_ids: bool,
    progress: &dyn Progress,
    summary: &mut Summary,
) {
    let mut docs = Vec::new();
    for dir in run_dirs {
        match RunDoc::read(&dir.join(RUN_JSON)) {
            Ok(doc) => docs.push((dir, doc)),
            Err(e) => summary.fail(format!("{}: {e}", dir.display())),
        }
    }
    // All new ids are known before the first run is written, so a child imported before its
    // parent still gets the parent's new id.
    let id_map: BTreeMap<String, String> = docs
        .iter()
        .map(|(_, d)| {
            let new = if new_ids {
                uuid::Uuid::new_v4().simple().to_string()
            } else {
                d.run_id.clone()
            };
            (d.run_id.clone(), new)
        })
        .collect();
    let artifact_location = match store.read_experiment(exp_dir) {
        Ok(e) => e.artifact_location,
        Err(e) => {
            summary.fail(format!("experiment {}: {e}", exp_dir.id));
            return;
        }
    };
    progress.start(docs.len() as u64);
    for (dir, doc) in &docs {
        let dest_id = id_map
            .get(&doc.run_id)
            .cloned()
            .unwrap_or_else(|| doc.run_id.clone());
        let run_tags = remap_links(&doc.tags, new_ids.then_some(&id_map));
        import_one(
            store,
            exp_dir,
            &artifact_location,
            dir,
            doc,
            &dest_id,
            &run_tags,
            summary,
        );
        progress.advance(&doc.run_id);
    }
    progress.finish();
}

fn remap_links(
    run_tags: &[(String, String)],
    id_map: Option<&BTreeMap<String, String>>,
) -> Vec<(String, String)> {
    run_tags
        .iter()
        .map(|(k, v)| match id_map.and_then(|m| m.get(v)) {
            Some(new) if RUN_LINK_TAGS.contains(&k.as_str()) => (k.clone(), new.clone()),
            _ => (k.clone(), v.clone()),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn import_one(
    store: &FileStore,
    exp_dir: &ExperimentDir,
    artifact_location: &str,
    dir: &Path,
    doc: &RunDoc,
    dest_id: &str,
    run_tags: &[(String, String)],
    summary: &mut Summary,
) {
    let artifacts = dir.join(ARTIFACTS_DIR);
    if dest_id == doc.run_id {
        match store.find_run_dir(dest_id) {
            Ok(existing) => {
                match same_run(store, &existing, doc, &artifacts) {
                    Ok(None) => {
                        summary.skipped += 1;
                        summary.run_ids.insert(doc.run_id.clone(), dest_id.to_string());
                    }
                    Ok(Some(diff)) => summary.conflict(format!(
                        "run {dest_id} already exists in experiment {} with different {diff}; import with --new-ids to add it as a new run",
                        existing.experiment.id
                    )),
                    Err(e) => summary.fail(format!("run {dest_id}: {e}")),
                }
                return;
            }
            Err(Error::NotFound(_)) => {}
            Err(e) => {
                summary.fail(format!("run {dest_id}: {e}"));
                return;
            }
        }
    }
    if !doc.logged_models.is_empty() {
        summary.problems.push(format!(
            "run {}: links to {} logged model(s) are not imported (logged models are not transferred)",
            doc.run_id,
            doc.logged_models.len()
        ));
    }
    let new = NewRun {
        doc,
        run_id: dest_id,
        tags: run_tags,
        artifacts: &artifacts,
    };
    let mut problems = Vec::new();
    match write::create_run(store, exp_dir, artifact_location, &new, &mut problems) {
        Ok(stats) => {
            summary.runs += 1;
            summary.metrics += doc.metric_points() as u64;
            summary.artifacts += stats.files;
            summary.missing_artifacts += stats.missing;
            summary.problems.extend(problems);
            summary
                .run_ids
                .insert(doc.run_id.clone(), dest_id.to_string());
        }
        Err(e) => summary.fail(format!("run {}: {e}", doc.run_id)),
    }
}

/// None when the run in the store holds exactly what `doc` holds (and the same artifact files);
/// otherwise the first part that differs.
fn same_run(
    store: &FileStore,
    existing: &crate::store::RunDir,
    doc: &RunDoc,
    artifacts: &Path,
) -> Result<Option<&'static str>> {
    let have = read_run_doc(store, existing)?;
    let info = |d: &RunDoc| {
        (
            d.run_name.clone(),
            d.user_id.clone(),
            d.status,
            d.start_time.unwrap_or(0),
            d.end_time,
            d.lifecycle_stage,
        )
    };
    if info(&have) != info(doc) {
        return Ok(Some("run info (name, user, status, times or lifecycle)"));
    }
    let sorted = |v: &[(String, String)]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    if sorted(&have.params) != sorted(&doc.params) {
        return Ok(Some("params"));
    }
    if sorted(&have.tags) != sorted(&doc.tags) {
        return Ok(Some("tags"));
    }
    let histories = |d: &RunDoc| {
        let mut m: Vec<(String, Vec<PointKey>)> = d
            .metrics
            .iter()
            .filter(|(_, p)| !p.is_empty())
            .map(|(k, p)| (k.clone(), p.iter().map(point_key).collect()))
            .collect();
        m.sort();
        m
    };
    if histories(&have) != histories(doc) {
        return Ok(Some("metric histories"));
    }
    let theirs = artifact_listing(artifacts);
    let ours = match store.artifact_root(&existing.run_id) {
        Ok(root) => artifact_listing(&root),
        Err(_) => Vec::new(),
    };
    if theirs != ours {
        return Ok(Some("artifacts"));
    }
    Ok(None)
}

/// A metric point as comparable bits (value bits, timestamp, step; NaN equals NaN).
type PointKey = (u64, i64, i64);

fn point_key(m: &Metric) -> PointKey {
    let bits = if m.value.is_nan() {
        f64::NAN.to_bits()
    } else {
        m.value.to_bits()
    };
    (bits, m.timestamp, m.step)
}

/// Relative path and size of every file under `dir`, sorted.
fn artifact_listing(dir: &Path) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap_or(e.path())
                .to_string_lossy()
                .into_owned();
            (rel, fs::metadata(e.path()).map(|m| m.len()).unwrap_or(0))
        })
        .collect();
    out.sort();
    out
}

/// `models import`: the registered model with every version at its exported number (stage,
/// aliases, tags, descriptions and timestamps kept). With `include_runs`, each version's run
/// directory (`<run_id>/`) is imported first, into `experiment_name`, else the experiment the
/// run came from (by name, created when missing), else `Default`.
pub fn import_model(
    registry: &FileStore,
    tracking: &FileStore,
    in_dir: &Path,
    include_runs: bool,
    experiment_name: Option<&str>,
    progress: &dyn Progress,
) -> Result<Summary> {
    let doc = ModelDoc::read(&in_dir.join(MODEL_JSON))?;
    validate::validate_model_name(&doc.name)?;
    let mut summary = Summary::default();
    // Where each version's run lives in the destination (artifact URI), for source rewriting.
    let mut dest_artifact_uris: BTreeMap<String, String> = BTreeMap::new();
    if include_runs {
        let mut run_ids: Vec<(&str, Option<&str>)> = Vec::new();
        for v in &doc.versions {
            if let Some(id) = v.run_id.as_deref()
                && !run_ids.iter().any(|(r, _)| *r == id)
            {
                run_ids.push((id, v.experiment_name.as_deref()));
            }
        }
        progress.start(run_ids.len() as u64);
        for (id, exp_name) in run_ids {
            let run_dir = in_dir.join(id);
            if run_dir.join(RUN_JSON).is_file() {
                let name = experiment_name.or(exp_name).unwrap_or("Default");
                match tracking.get_or_create_experiment(name) {
                    Ok(exp) => match tracking.find_experiment_dir(&exp.experiment_id) {
                        Ok(exp_dir) => import_runs(
                            tracking,
                            &exp_dir,
                            &[run_dir],
                            false,
                            &super::summary::NoProgress,
                            &mut summary,
                        ),
                        Err(e) => summary.fail(format!("run {id}: {e}")),
                    },
                    Err(e) => summary.fail(format!("run {id}: experiment '{name}': {e}")),
                }
            } else {
                summary.problems.push(format!(
                    "run {id} is not in {} (export with --include-runs); its versions point to it as they are",
                    in_dir.display()
                ));
            }
            progress.advance(id);
        }
        progress.finish();
    }
    for v in &doc.versions {
        if let Some(id) = &v.run_id
            && let Ok(dir) = tracking.find_run_dir(id)
            && let Ok(info) = tracking.read_run_info(&dir)
        {
            dest_artifact_uris.insert(id.clone(), info.artifact_uri);
        }
    }
    let _lock = registry.lock()?;
    fsutil::mkdirs(&registry.models_dir())?;
    validate::validate_model_name_is_safe(&doc.name)?;
    let model_dir = registry.models_dir().join(&doc.name);
    let new_model = NewModel {
        name: &doc.name,
        description: doc.description.as_deref(),
        creation_timestamp: doc.creation_timestamp,
        last_updated_timestamp: doc.last_updated_timestamp,
        tags: &doc.tags,
    };
    if fs::symlink_metadata(&model_dir).is_err() {
        // A new model: built whole under .trash/ and renamed into place.
        let staging = registry.staging_dir()?;
        let built = (|| -> Result<()> {
            write::write_model(&staging, &new_model)?;
            for v in &doc.versions {
                let (source, storage) = resolve_source(v, &dest_artifact_uris);
                write::write_version(
                    &staging,
                    &doc.name,
                    v,
                    source.as_deref(),
                    storage.as_deref(),
                )?;
            }
            for (alias, version) in &doc.aliases {
                write::write_alias(&staging, alias, *version)?;
            }
            fsutil::publish(&staging, &model_dir).map_err(|e| Error::io(&model_dir, e))
        })();
        if let Err(e) = built {
            let _ = fsutil::discard_staging(&staging);
            return Err(e);
        }
        summary.versions += doc.versions.len() as u64;
        return Ok(summary);
    }
    if !model_dir.join("meta.yaml").is_file() {
        return Err(Error::Failed(format!(
            "{} exists but is not a registered model",
            model_dir.display()
        )));
    }
    for v in &doc.versions {
        import_version(
            registry,
            &model_dir,
            &doc.name,
            v,
            &dest_artifact_uris,
            &mut summary,
        );
    }
    for (alias, version) in &doc.aliases {
        let path = model_dir.join("aliases").join(alias);
        match fs::read_to_string(&path) {
            Ok(text) if text.trim() == version.to_string() => {}
            Ok(text) => summary.conflict(format!(
                "alias '{alias}' of model '{}' already points at version {}, not {version}",
                doc.name,
                text.trim()
            )),
            Err(_) => {
                if let Err(e) = write::write_alias(&model_dir, alias, *version) {
                    summary.fail(format!("alias '{alias}': {e}"));
                }
            }
        }
    }
    Ok(summary)
}

fn import_version(
    registry: &FileStore,
    model_dir: &Path,
    name: &str,
    v: &VersionDoc,
    dest_artifact_uris: &BTreeMap<String, String>,
    summary: &mut Summary,
) {
    let (source, storage) = resolve_source(v, dest_artifact_uris);
    let target = model_dir.join(format!("version-{}", v.version));
    if target.exists() {
        match registry.get_model_version(name, &v.version.to_string()) {
            Ok(have)
                if have.current_stage == v.current_stage
                    && have.source == source
                    && have.run_id == v.run_id
                    && have.description == v.description
                    && have.tags.clone().into_iter().collect::<Vec<_>>() == sorted(&v.tags) =>
            {
                summary.skipped += 1
            }
            _ => summary.conflict(format!(
                "version {} of model '{name}' already exists with different data",
                v.version
            )),
        }
        return;
    }
    let built = (|| -> Result<()> {
        let staging = registry.staging_dir()?;
        let res = write::write_version(&staging, name, v, source.as_deref(), storage.as_deref())
            .and_then(|dir| fs::rename(&dir, &target).map_err(|e| Error::io(&target, e)));
        let _ = fsutil::discard_staging(&staging);
        res
    })();
    match built {
        Ok(()) => summary.versions += 1,
        Err(e) => summary.fail(format!("version {} of model '{name}': {e}", v.version)),
    }
}

fn sorted(v: &[(String, String)]) -> Vec<(String, String)> {
    let mut v = v.to_vec();
    v.sort();
    v
}

/// A version's source and storage location in the destination: a location inside the source
/// run's artifacts (`file:///old/store/…/<run>/artifacts/model`) is moved to the destination
/// run's artifacts; `runs:/` and `models:/` URIs are kept, as MLflow keeps them.
fn resolve_source(
    v: &VersionDoc,
    dest_artifact_uris: &BTreeMap<String, String>,
) -> (Option<String>, Option<String>) {
    let rewrite = |uri: &str| -> String {
        if let (Some(old), Some(run_id)) = (&v.run_artifact_uri, &v.run_id)
            && let Some(new) = dest_artifact_uris.get(run_id)
            && !old.is_empty()
            && let Some(rest) = uri.strip_prefix(old.trim_end_matches('/'))
            && (rest.is_empty() || rest.starts_with('/'))
        {
            return format!("{}{rest}", new.trim_end_matches('/'));
        }
        uri.to_string()
    };
    let source = v.source.as_deref().map(rewrite);
    let storage = match &v.storage_location {
        Some(s) => Some(rewrite(s)),
        None => source.clone(),
    };
    (source, storage)
}
