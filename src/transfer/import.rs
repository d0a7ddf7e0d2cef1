//! Import: directories in the peer's layout into a tracking store (and registry), preserving
//! run ids, times, user, status, full metric histories and registry version numbers. A run
//! already present is skipped when identical and refused when different; `new_ids` imports
//! runs under fresh ids with their `mlflow.parentRunId` links remapped.
//!
//! The rules (which experiment, which id, skip or conflict, what is validated before anything
//! is written) are here, for every backend; writing is the backend's: a file store's run is
//! built under `.trash/` and renamed into place (`write`), a SQL store's is one transaction
//! (`backend::sql::transfer`). Either way a run appears whole or not at all.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::export::{read_run_doc, run_doc};
use super::format::{
    ARTIFACTS_DIR, EXPERIMENT_JSON, ExperimentDoc, MODEL_JSON, ModelDoc, RUN_JSON, RUNS_DIR,
    RunDoc, VersionDoc,
};
use super::summary::{Progress, Summary};
use super::write::{self, CopyStats, NewModel, NewRun};
use crate::backend::sql::SqlDest;
use crate::backend::{RegistryStore, TrackingStore};
use crate::entities::{LifecycleStage, Metric, ViewType, tags};
use crate::error::{Error, Result};
use crate::store::experiment::{ExperimentDir, generate_experiment_id};
use crate::store::{FileStore, fsutil};
use crate::validate;

/// Tags holding run ids that `--new-ids` rewrites when the run they name is imported too.
const RUN_LINK_TAGS: [&str; 2] = [tags::PARENT_RUN_ID, "mlflow.rootRunId"];

/// The experiment imported runs go into, in one backend.
pub(crate) trait RunDest {
    /// The destination experiment's id.
    fn experiment_id(&self) -> &str;
    /// The destination experiment's artifact location (a run's artifacts go to
    /// `<location>/<run_id>/artifacts`).
    fn artifact_location(&self) -> Result<String>;
    /// The store, for reading what it holds.
    fn store(&self) -> &dyn TrackingStore;
    /// Run `run_id` as the store holds it, with the id of its experiment; None when absent.
    fn existing(&self, run_id: &str) -> Result<Option<(String, RunDoc)>> {
        match self.store().check_run_exists(run_id) {
            Ok(()) => {}
            Err(Error::NotFound(_)) => return Ok(None),
            Err(e) => return Err(e),
        }
        let doc = run_doc(self.store(), run_id)?;
        Ok(Some((doc.experiment_id.clone(), doc)))
    }
    /// `doc` as this store reads it back once imported (what a re-import compares with).
    fn as_stored(&self, doc: &RunDoc) -> RunDoc {
        doc.clone()
    }
    /// Validates and writes the run (artifacts included) whole or not at all.
    fn create(
        &self,
        artifact_location: &str,
        new: &NewRun,
        problems: &mut Vec<String>,
    ) -> Result<CopyStats>;
}

/// A file store's experiment directory.
struct FileDest<'a> {
    store: &'a FileStore,
    exp_dir: ExperimentDir,
}

impl RunDest for FileDest<'_> {
    fn experiment_id(&self) -> &str {
        &self.exp_dir.id
    }

    fn artifact_location(&self) -> Result<String> {
        Ok(self.store.read_experiment(&self.exp_dir)?.artifact_location)
    }

    fn store(&self) -> &dyn TrackingStore {
        self.store
    }

    fn existing(&self, run_id: &str) -> Result<Option<(String, RunDoc)>> {
        match self.store.find_run_dir(run_id) {
            Ok(dir) => Ok(Some((
                dir.experiment.id.clone(),
                read_run_doc(self.store, &dir)?,
            ))),
            Err(Error::NotFound(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn create(
        &self,
        artifact_location: &str,
        new: &NewRun,
        problems: &mut Vec<String>,
    ) -> Result<CopyStats> {
        write::create_run(self.store, &self.exp_dir, artifact_location, new, problems)
    }
}

/// A one-line error (exit 5) for a store that cannot take imports.
fn unsupported(what: &str) -> Error {
    Error::invalid(format!(
        "`mlrs {what}` imports into file stores and SQLite databases only (it keeps ids, and a tracking server assigns its own: push to a server with `mlrs sync`)"
    ))
}

/// `experiments import`: the experiment named `experiment_name` (else the exported name) is
/// used when it exists, else created with the exported id (when free), tags and timestamps.
pub fn import_experiment(
    store: &dyn TrackingStore,
    in_dir: &Path,
    experiment_name: Option<&str>,
    new_ids: bool,
    progress: &dyn Progress,
) -> Result<Summary> {
    let doc = ExperimentDoc::read(&in_dir.join(EXPERIMENT_JSON))?;
    let name = experiment_name.unwrap_or(&doc.name);
    let dest: Box<dyn RunDest + '_> = if let Some(files) = store.as_file_store() {
        Box::new(FileDest {
            store: files,
            exp_dir: destination_experiment(files, &doc, name)?,
        })
    } else if let Some(sql) = store.as_sql_store() {
        Box::new(SqlDest::new(sql, sql.import_destination(&doc, name)?))
    } else {
        return Err(unsupported("experiments import"));
    };
    let mut summary = Summary {
        experiment_id: Some(dest.experiment_id().to_string()),
        ..Summary::default()
    };
    let run_dirs: Vec<PathBuf> = doc
        .runs
        .iter()
        .map(|id| in_dir.join(RUNS_DIR).join(id))
        .collect();
    import_runs(&*dest, &run_dirs, new_ids, progress, &mut summary);
    Ok(summary)
}

/// `runs import`: one run directory (`run.json`, `artifacts/`) into experiment `experiment_id`.
pub fn import_run(
    store: &dyn TrackingStore,
    in_dir: &Path,
    experiment_id: &str,
    new_ids: bool,
) -> Result<Summary> {
    let dest = active_experiment(store, experiment_id, "runs import")?;
    // A single run is all there is: read errors are the command's error, not a count.
    RunDoc::read(&in_dir.join(RUN_JSON))?;
    let mut summary = Summary {
        experiment_id: Some(dest.experiment_id().to_string()),
        ..Summary::default()
    };
    import_runs(
        &*dest,
        &[in_dir.to_path_buf()],
        new_ids,
        &super::summary::NoProgress,
        &mut summary,
    );
    Ok(summary)
}

/// Experiment `id` of `store` as a destination; a deleted one is refused.
fn active_experiment<'a>(
    store: &'a dyn TrackingStore,
    id: &str,
    command: &str,
) -> Result<Box<dyn RunDest + 'a>> {
    let deleted = || {
        Error::Failed(format!(
            "experiment {id} is deleted; restore it before importing into it"
        ))
    };
    if let Some(files) = store.as_file_store() {
        let dir = files.find_experiment_dir(id)?;
        if dir.stage != LifecycleStage::Active {
            return Err(deleted());
        }
        return Ok(Box::new(FileDest {
            store: files,
            exp_dir: dir,
        }));
    }
    let Some(sql) = store.as_sql_store() else {
        return Err(unsupported(command));
    };
    let exp = sql.get_experiment(id)?;
    if exp.lifecycle_stage != LifecycleStage::Active {
        return Err(deleted());
    }
    Ok(Box::new(SqlDest::new(sql, exp)))
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
            return Err(deleted_by_name(name, &e.experiment_id));
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

/// The error for importing into a deleted experiment named `name`.
pub(crate) fn deleted_by_name(name: &str, id: &str) -> Error {
    Error::Failed(format!(
        "experiment '{name}' ({id}) is deleted; restore it or import with another --experiment-name"
    ))
}

/// Imports each run directory; every outcome is counted in `summary`, nothing stops the loop.
fn import_runs(
    dest: &dyn RunDest,
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
    let artifact_location = match dest.artifact_location() {
        Ok(location) => location,
        Err(e) => {
            summary.fail(format!("experiment {}: {e}", dest.experiment_id()));
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
            dest,
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

fn import_one(
    dest: &dyn RunDest,
    artifact_location: &str,
    dir: &Path,
    doc: &RunDoc,
    dest_id: &str,
    run_tags: &[(String, String)],
    summary: &mut Summary,
) {
    let artifacts = dir.join(ARTIFACTS_DIR);
    if dest_id == doc.run_id {
        match dest.existing(dest_id) {
            Ok(Some((experiment_id, have))) => {
                match same_run(dest, &have, &dest.as_stored(doc), &artifacts) {
                    None => {
                        summary.skipped += 1;
                        summary.run_ids.insert(doc.run_id.clone(), dest_id.to_string());
                    }
                    Some(diff) => summary.conflict(format!(
                        "run {dest_id} already exists in experiment {experiment_id} with different {diff}; import with --new-ids to add it as a new run"
                    )),
                }
                return;
            }
            Ok(None) => {}
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
    match dest.create(artifact_location, &new, &mut problems) {
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

/// None when the run the store holds (`have`) holds exactly what `doc` holds (and the same
/// artifact files); otherwise the first part that differs.
fn same_run(
    dest: &dyn RunDest,
    have: &RunDoc,
    doc: &RunDoc,
    artifacts: &Path,
) -> Option<&'static str> {
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
    if info(have) != info(doc) {
        return Some("run info (name, user, status, times or lifecycle)");
    }
    let sorted = |v: &[(String, String)]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    if sorted(&have.params) != sorted(&doc.params) {
        return Some("params");
    }
    if sorted(&have.tags) != sorted(&doc.tags) {
        return Some("tags");
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
    if histories(have) != histories(doc) {
        return Some("metric histories");
    }
    let theirs = artifact_listing(artifacts);
    let ours = match dest.store().artifact_root(&have.run_id) {
        Ok(root) => artifact_listing(&root),
        Err(_) => Vec::new(),
    };
    if theirs != ours {
        return Some("artifacts");
    }
    None
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
    registry: &dyn RegistryStore,
    tracking: &dyn TrackingStore,
    in_dir: &Path,
    include_runs: bool,
    experiment_name: Option<&str>,
    progress: &dyn Progress,
) -> Result<Summary> {
    let doc = ModelDoc::read(&in_dir.join(MODEL_JSON))?;
    // The name is checked before any run is imported: by the rules of the registry it goes to
    // (MLflow's SQL store takes names a file store cannot hold, such as `50%`).
    if registry.as_sql_store().is_some() {
        validate::validate_model_name_mlflow(&doc.name)?;
    } else if registry.as_file_store().is_some() {
        validate::validate_model_name(&doc.name)?;
    } else {
        return Err(unsupported("models import"));
    }
    let mut summary = Summary::default();
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
                    Ok(exp) => {
                        match active_experiment(tracking, &exp.experiment_id, "models import") {
                            Ok(dest) => import_runs(
                                &*dest,
                                &[run_dir],
                                false,
                                &super::summary::NoProgress,
                                &mut summary,
                            ),
                            Err(e) => summary.fail(format!("run {id}: {e}")),
                        }
                    }
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
    // Where each version's run lives in the destination (artifact URI), for source rewriting.
    let mut dest_artifact_uris: BTreeMap<String, String> = BTreeMap::new();
    for v in &doc.versions {
        if let Some(id) = &v.run_id
            && let Some(uri) = run_artifact_uri(tracking, id)
        {
            dest_artifact_uris.insert(id.clone(), uri);
        }
    }
    if let Some(sql) = registry.as_sql_store() {
        let resolved: Vec<_> = doc
            .versions
            .iter()
            .map(|v| {
                let (source, storage) = resolve_source(v, &dest_artifact_uris);
                (v, source, storage)
            })
            .collect();
        sql.import_model_doc(&doc, &resolved, &mut summary)?;
        return Ok(summary);
    }
    let Some(registry) = registry.as_file_store() else {
        return Err(unsupported("models import"));
    };
    import_model_files(registry, &doc, &dest_artifact_uris, summary)
}

/// The artifact URI of run `run_id` in `tracking`, when it is there.
fn run_artifact_uri(tracking: &dyn TrackingStore, run_id: &str) -> Option<String> {
    match tracking.as_file_store() {
        Some(files) => files
            .find_run_dir(run_id)
            .and_then(|dir| files.read_run_info(&dir))
            .ok()
            .map(|info| info.artifact_uri),
        None => tracking.get_run(run_id).ok().map(|r| r.info.artifact_uri),
    }
}

/// The registry part of `models import` into a file store.
fn import_model_files(
    registry: &FileStore,
    doc: &ModelDoc,
    dest_artifact_uris: &BTreeMap<String, String>,
    mut summary: Summary,
) -> Result<Summary> {
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
                let (source, storage) = resolve_source(v, dest_artifact_uris);
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
            dest_artifact_uris,
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
