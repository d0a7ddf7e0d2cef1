//! Writing imported objects into a file store exactly as given (ids, times, status, histories,
//! version numbers), which MLflow's own API cannot do. A run is built whole under `.trash/`
//! and renamed into place; a new registered model likewise; each new version too.
//! Files are written the way the store module writes them (same YAML writer, same keys, §14.4
//! of the format notes): MLflow 1.x–3.x read the result.

use std::fs;
use std::path::{Path, PathBuf};

use md5::{Digest, Md5};
use serde::Serialize;

use super::format::{RunDoc, VersionDoc};
use crate::entities::LifecycleStage;
use crate::error::{Error, Result};
use crate::store::experiment::ExperimentDir;
use crate::store::metric_history::format_metric_line;
use crate::store::{FileStore, fsutil, uri, yaml};
use crate::validate;

/// Run `meta.yaml`: every key MLflow 1.x–3.x expect, in PyYAML's sorted order.
#[derive(Serialize)]
struct RunMeta<'a> {
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

#[derive(Serialize)]
struct ExperimentMeta<'a> {
    artifact_location: &'a str,
    creation_time: Option<i64>,
    experiment_id: &'a str,
    last_update_time: Option<i64>,
    lifecycle_stage: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct DatasetMeta<'a> {
    digest: &'a str,
    name: &'a str,
    profile: Option<&'a str>,
    schema: Option<&'a str>,
    source: &'a str,
    source_type: &'a str,
}

#[derive(Serialize)]
struct InputMeta<'a> {
    /// MLflow writes the source id here too (an upstream bug readers must not rely on).
    destination_id: &'a str,
    destination_type: &'a str,
    source_id: &'a str,
    source_type: &'a str,
    tags: &'a std::collections::BTreeMap<String, String>,
}

#[derive(Serialize)]
struct ModelMeta<'a> {
    creation_timestamp: Option<i64>,
    description: Option<&'a str>,
    last_updated_timestamp: Option<i64>,
    name: &'a str,
}

#[derive(Serialize)]
struct VersionMeta<'a> {
    creation_timestamp: Option<i64>,
    current_stage: &'a str,
    description: Option<&'a str>,
    last_updated_timestamp: Option<i64>,
    /// Written only when known: MLflow 3 opens its default tracking store when the key exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    model_id: Option<&'a str>,
    name: &'a str,
    run_id: Option<&'a str>,
    run_link: Option<&'a str>,
    source: Option<&'a str>,
    status: &'a str,
    status_message: Option<&'a str>,
    storage_location: Option<&'a str>,
    user_id: Option<&'a str>,
    version: i64,
}

/// Files copied and files that could not be read, while copying artifacts.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct CopyStats {
    pub files: u64,
    pub missing: u64,
}

/// Copies every file under `src` to `dst` (bytes, never links). A file that cannot be read (a
/// dangling link, an unreadable file) is counted as missing and named in `problems`; a write
/// error is fatal. A missing `src` is an empty tree.
pub fn copy_tree(src: &Path, dst: &Path, problems: &mut Vec<String>) -> Result<CopyStats> {
    let mut stats = CopyStats::default();
    if fs::symlink_metadata(src).is_err() {
        return Ok(stats);
    }
    fsutil::mkdirs(dst)?;
    for entry in walkdir::WalkDir::new(src).min_depth(1).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                stats.missing += 1;
                problems.push(format!("cannot read artifact: {e}"));
                continue;
            }
        };
        let rel = entry.path().strip_prefix(src).unwrap_or(entry.path());
        let target = dst.join(rel);
        let ft = entry.file_type();
        if ft.is_dir() {
            fsutil::mkdirs(&target)?;
            continue;
        }
        // A link is copied as the bytes it points at; a dangling one is a missing artifact.
        match fs::metadata(entry.path()) {
            Ok(md) if md.is_file() => {}
            _ => {
                stats.missing += 1;
                problems.push(format!(
                    "artifact {} is missing or not a regular file",
                    entry.path().display()
                ));
                continue;
            }
        }
        match fs::read(entry.path()) {
            Ok(bytes) => {
                if let Some(parent) = target.parent() {
                    fsutil::mkdirs(parent)?;
                }
                fs::write(&target, bytes).map_err(|e| Error::io(&target, e))?;
                stats.files += 1;
            }
            Err(e) => {
                stats.missing += 1;
                problems.push(format!(
                    "cannot read artifact {}: {e}",
                    entry.path().display()
                ));
            }
        }
    }
    Ok(stats)
}

/// Files (and links) under `dir`.
pub fn count_files(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| !e.file_type().is_dir())
        .count() as u64
}

fn md5_hex(text: &str) -> String {
    let digest = Md5::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// MLflow's dataset id: `md5(name + digest)`.
pub fn dataset_id(name: &str, digest: &str) -> String {
    md5_hex(&format!("{name}{digest}"))
}

fn write_value(owner: &Path, sub: &str, key: &str, value: &str, what: &str) -> Result<()> {
    let target = fsutil::key_path(&owner.join(sub), key, what)?;
    if let Some(parent) = target.parent() {
        fsutil::mkdirs(parent)?;
    }
    fsutil::atomic_write(&target, value.as_bytes(), owner)
}

/// Every key of a run document checked against MLflow's rules before anything is written
/// (keys are file names: a bad one could point outside the run directory).
pub fn validate_run_keys(doc: &RunDoc, tags: &[(String, String)]) -> Result<()> {
    for (k, _) in &doc.params {
        validate::validate_param_name(k, "params.key")?;
    }
    for (k, _) in tags {
        validate::validate_tag_name(k, "tags.key")?;
    }
    for (k, points) in &doc.metrics {
        validate::validate_metric_name(k, "metrics.key")?;
        for p in points {
            if p.dataset_name
                .as_deref()
                .is_some_and(|n| n.contains(char::is_whitespace))
                || p.dataset_digest
                    .as_deref()
                    .is_some_and(|d| d.contains(char::is_whitespace))
            {
                return Err(Error::invalid(format!(
                    "metric '{k}': a dataset name or digest with spaces cannot be stored"
                )));
            }
        }
    }
    Ok(())
}

/// What a new run directory gets: `doc` under `run_id` in experiment `exp`, with `tags`
/// (the document's, parent links already remapped) and the artifacts under `artifacts`.
pub struct NewRun<'a> {
    pub doc: &'a RunDoc,
    pub run_id: &'a str,
    pub tags: &'a [(String, String)],
    pub artifacts: &'a Path,
}

/// Builds the run under `.trash/mlrs-tmp-*/o` and renames it to `<exp>/<run_id>`: either the
/// whole run appears or nothing does. Returns the artifact counts.
pub fn create_run(
    store: &FileStore,
    exp: &ExperimentDir,
    artifact_location: &str,
    new: &NewRun,
    problems: &mut Vec<String>,
) -> Result<CopyStats> {
    validate_run_keys(new.doc, new.tags)?;
    let final_path = exp.path.join(new.run_id);
    if final_path.exists() {
        return Err(Error::AlreadyExists(format!(
            "{} already exists",
            final_path.display()
        )));
    }
    let staging = store.staging_dir()?;
    let built =
        build_run(exp, artifact_location, new, &staging, &final_path, problems).and_then(|stats| {
            if final_path.exists() {
                return Err(Error::AlreadyExists(format!(
                    "{} appeared while importing",
                    final_path.display()
                )));
            }
            fsutil::publish(&staging, &final_path).map_err(|e| Error::io(&final_path, e))?;
            Ok(stats)
        });
    if built.is_err() {
        let _ = fsutil::discard_staging(&staging);
    }
    built
}

fn build_run(
    exp: &ExperimentDir,
    artifact_location: &str,
    new: &NewRun,
    staging: &Path,
    final_path: &Path,
    problems: &mut Vec<String>,
) -> Result<CopyStats> {
    let doc = new.doc;
    for sub in ["metrics", "params", "artifacts", "tags"] {
        fsutil::mkdirs(&staging.join(sub))?;
    }
    let artifact_uri = uri::append_to_uri_path(artifact_location, &[new.run_id, "artifacts"]);
    let text = yaml::to_yaml(&RunMeta {
        artifact_uri: &artifact_uri,
        deleted_time: match doc.lifecycle_stage {
            LifecycleStage::Deleted => Some(doc.deleted_time.unwrap_or_else(crate::store::now_ms)),
            LifecycleStage::Active => None,
        },
        end_time: doc.end_time,
        entry_point_name: "",
        experiment_id: &exp.id,
        lifecycle_stage: doc.lifecycle_stage.as_str(),
        run_id: new.run_id,
        run_name: &doc.run_name,
        run_uuid: new.run_id,
        source_name: "",
        source_type: 4,
        source_version: "",
        start_time: Some(doc.start_time.unwrap_or(0)),
        status: doc.status.code(),
        tags: Vec::new(),
        user_id: &doc.user_id,
    })?;
    fsutil::atomic_write(&staging.join("meta.yaml"), text.as_bytes(), staging)?;
    for (k, v) in &doc.params {
        write_value(staging, "params", k, v, "param")?;
    }
    for (k, v) in new.tags {
        write_value(staging, "tags", k, v, "tag")?;
    }
    for (k, points) in &doc.metrics {
        if points.is_empty() {
            continue; // an empty metric file would make the run unreadable
        }
        let body: String = points.iter().map(format_metric_line).collect();
        write_value(staging, "metrics", k, &body, "metric")?;
    }
    write_run_inputs(&exp.path, staging, new.run_id, &doc.dataset_inputs)?;
    // Artifacts: into the staged run when its artifact directory is the run's own (the default
    // location), else straight to the experiment's local artifact location.
    let own = final_path.join("artifacts");
    match uri::local_artifact_path(&artifact_uri) {
        Some(p) if p == own => copy_tree(new.artifacts, &staging.join("artifacts"), problems),
        Some(p) => copy_tree(new.artifacts, &p, problems),
        None => {
            let files = count_files(new.artifacts);
            if files > 0 {
                problems.push(format!(
                    "run {}: artifact location {artifact_uri} is not local; {files} artifact(s) not copied",
                    new.run_id
                ));
            }
            Ok(CopyStats {
                files: 0,
                missing: files,
            })
        }
    }
}

/// Writes a run's dataset inputs as MLflow's file store keeps them: each dataset once under
/// `<experiment>/datasets/<md5(name+digest)>/`, each input under `<run_dir>/inputs/`.
pub(crate) fn write_run_inputs(
    exp_path: &Path,
    run_dir: &Path,
    run_id: &str,
    inputs: &[crate::entities::DatasetInput],
) -> Result<()> {
    for input in inputs {
        let ds_id = dataset_id(&input.name, &input.digest);
        let ds_dir = exp_path.join("datasets").join(&ds_id);
        if !ds_dir.join("meta.yaml").exists() {
            fsutil::mkdirs(&ds_dir)?;
            let text = yaml::to_yaml(&DatasetMeta {
                digest: &input.digest,
                name: &input.name,
                profile: input.profile.as_deref(),
                schema: input.schema.as_deref(),
                source: &input.source,
                source_type: &input.source_type,
            })?;
            fsutil::create_no_clobber(&ds_dir.join("meta.yaml"), text.as_bytes(), &ds_dir)?;
        }
        let input_id = md5_hex(&format!("{ds_id}{}", run_id));
        let input_dir = run_dir.join("inputs").join(input_id);
        fsutil::mkdirs(&input_dir)?;
        let text = yaml::to_yaml(&InputMeta {
            destination_id: &ds_id,
            destination_type: "RUN",
            source_id: &ds_id,
            source_type: "DATASET",
            tags: &input.tags,
        })?;
        fsutil::atomic_write(&input_dir.join("meta.yaml"), text.as_bytes(), &input_dir)?;
    }
    Ok(())
}

/// Creates experiment `id` exactly as described (timestamps kept), built under `.trash/` and
/// renamed into place. Call with the store lock held, after checking the id and name are free.
pub fn create_experiment(
    store: &FileStore,
    id: &str,
    name: &str,
    tags: &[(String, String)],
    creation_time: Option<i64>,
    last_update_time: Option<i64>,
) -> Result<()> {
    validate::validate_experiment_name(name)?;
    for (k, v) in tags {
        validate::validate_experiment_tag(k, v)?;
    }
    let target = store.root().join(id);
    let staging = store.staging_dir()?;
    let location = uri::append_to_uri_path(&store.root_uri(), &[id]);
    let built = (|| -> Result<()> {
        let text = yaml::to_yaml(&ExperimentMeta {
            artifact_location: &location,
            creation_time,
            experiment_id: id,
            last_update_time,
            lifecycle_stage: LifecycleStage::Active.as_str(),
            name,
        })?;
        fsutil::atomic_write(&staging.join("meta.yaml"), text.as_bytes(), &staging)?;
        for (k, v) in tags {
            write_value(&staging, "tags", k, v, "tag")?;
        }
        if target.exists() {
            return Err(Error::AlreadyExists(format!(
                "experiment directory {} already exists",
                target.display()
            )));
        }
        fsutil::publish(&staging, &target).map_err(|e| Error::io(&target, e))
    })();
    if built.is_err() {
        let _ = fsutil::discard_staging(&staging);
    }
    built
}

/// The registered-model part of a new model directory.
pub struct NewModel<'a> {
    pub name: &'a str,
    pub description: Option<&'a str>,
    pub creation_timestamp: Option<i64>,
    pub last_updated_timestamp: Option<i64>,
    pub tags: &'a [(String, String)],
}

/// Writes a registered model's meta and tags into `dir` (a staging directory).
pub fn write_model(dir: &Path, m: &NewModel) -> Result<()> {
    let text = yaml::to_yaml(&ModelMeta {
        creation_timestamp: m.creation_timestamp,
        description: m.description,
        last_updated_timestamp: m.last_updated_timestamp,
        name: m.name,
    })?;
    fsutil::atomic_write(&dir.join("meta.yaml"), text.as_bytes(), dir)?;
    for (k, v) in m.tags {
        validate::validate_registry_tag(k, v)?;
        write_value(dir, "tags", k, v, "tag")?;
    }
    Ok(())
}

/// Writes `version-<N>/` (meta and tags) for `v` into `model_dir`, with `source` and
/// `storage_location` as resolved for the destination.
pub fn write_version(
    model_dir: &Path,
    model_name: &str,
    v: &VersionDoc,
    source: Option<&str>,
    storage_location: Option<&str>,
) -> Result<PathBuf> {
    for (k, val) in &v.tags {
        validate::validate_registry_tag(k, val)?;
    }
    let dir = model_dir.join(format!("version-{}", v.version));
    fsutil::mkdirs(&dir)?;
    let text = yaml::to_yaml(&VersionMeta {
        creation_timestamp: v.creation_timestamp,
        current_stage: v.current_stage.as_str(),
        description: v.description.as_deref(),
        last_updated_timestamp: v.last_updated_timestamp,
        model_id: v.model_id.as_deref(),
        name: model_name,
        run_id: v.run_id.as_deref(),
        run_link: v.run_link.as_deref(),
        source,
        status: &v.status,
        status_message: v.status_message.as_deref(),
        storage_location,
        user_id: v.user_id.as_deref(),
        version: v.version,
    })?;
    fsutil::atomic_write(&dir.join("meta.yaml"), text.as_bytes(), &dir)?;
    for (k, val) in &v.tags {
        write_value(&dir, "tags", k, val, "tag")?;
    }
    Ok(dir)
}

/// Writes `aliases/<alias>` = the exact version digits.
pub fn write_alias(model_dir: &Path, alias: &str, version: i64) -> Result<()> {
    validate::validate_alias_name(alias)?;
    validate::validate_alias_name_not_reserved(alias)?;
    write_value(model_dir, "aliases", alias, &version.to_string(), "alias")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_ids_are_mlflows_md5() {
        // Verified against MLflow (format notes §9.1): my_ds + abc123.
        assert_eq!(
            dataset_id("my_ds", "abc123"),
            "b7fd0a08e86c231a72e0b502d2ea90db"
        );
    }

    #[test]
    fn a_dangling_link_is_a_missing_artifact_not_an_error() {
        let src = tempfile::tempdir().unwrap();
        let dst = tempfile::tempdir().unwrap();
        fs::create_dir_all(src.path().join("d")).unwrap();
        fs::write(src.path().join("d/ok.txt"), b"x").unwrap();
        std::os::unix::fs::symlink("/nonexistent/target", src.path().join("gone")).unwrap();
        let mut problems = Vec::new();
        let stats = copy_tree(src.path(), &dst.path().join("out"), &mut problems).unwrap();
        assert_eq!(
            stats,
            CopyStats {
                files: 1,
                missing: 1
            }
        );
        assert_eq!(fs::read(dst.path().join("out/d/ok.txt")).unwrap(), b"x");
        assert_eq!(problems.len(), 1);
    }
}
