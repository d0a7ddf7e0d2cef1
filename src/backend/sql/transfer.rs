//! The SQL store as the destination of `experiments|runs|models import`: the rules are
//! `transfer::import`'s (which experiment, which id, skip or conflict); here is how a bundle's
//! objects become rows. A run (info with its ids and times, params, tags, every metric point,
//! dataset inputs) is written by `MigrationTarget::import_runs` in one transaction, its
//! artifacts copied beside it first and moved into place once the rows are committed; a new
//! registered model (versions, tags, aliases) is one transaction, a version added to an
//! existing model another. What MLflow's schema cannot hold is lost as it is on any SQL store:
//! exact duplicate metric points (the primary key is key, timestamp, step, run, value, is_nan),
//! ±inf (kept as ±1.797e308), the sign of -0.0, dataset fields on points, a version's model_id.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, params};

use super::{SqlStore, read_value, sanitize};
use crate::backend::TrackingStore;
use crate::backend::migrate::{MigrationTarget, Outcome};
use crate::entities::registry::ModelVersion;
use crate::entities::{
    Experiment, LifecycleStage, Metric, Run, RunData, RunInfo, RunInputs, RunOutputs,
};
use crate::error::{Error, Result};
use crate::store::{fsutil, uri};
use crate::transfer::Summary;
use crate::transfer::format::{ExperimentDoc, ModelDoc, RunDoc, VersionDoc};
use crate::transfer::import::{RunDest, deleted_by_name};
use crate::transfer::write::{CopyStats, NewRun, copy_tree, count_files, validate_run_keys};
use crate::validate;

/// The registry's single-tenant workspace (as in `registry.rs`).
const WS: &str = "default";

/// A version of a bundle with its source and storage location as resolved for this store.
pub(crate) type ResolvedVersion<'a> = (&'a VersionDoc, Option<String>, Option<String>);

/// Metric points as MLflow's SQL store gives them back: one row per (timestamp, step, stored
/// value, is_nan), ordered by timestamp, step, value, is_nan; NaN read back from its flag,
/// ±inf as ±1.797e308, -0.0 as 0.0 (SQLite keeps a whole REAL as an integer), no dataset fields.
pub(crate) fn stored_history(points: &[Metric]) -> Vec<Metric> {
    let mut rows: Vec<(i64, i64, f64, bool, &str)> = points
        .iter()
        .map(|m| {
            let (value, is_nan) = sanitize(m.value);
            // `+ 0.0` turns -0.0 into 0.0 and leaves every other value alone.
            (m.timestamp, m.step, value + 0.0, is_nan, m.key.as_str())
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(a.2.total_cmp(&b.2))
            .then(a.3.cmp(&b.3))
    });
    rows.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1 && a.2.to_bits() == b.2.to_bits() && a.3 == b.3);
    rows.into_iter()
        .map(|(timestamp, step, value, is_nan, key)| Metric {
            key: key.to_string(),
            value: read_value(value, is_nan),
            timestamp,
            step,
            dataset_name: None,
            dataset_digest: None,
        })
        .collect()
}

/// An experiment of a SQL store that imported runs go into.
pub(crate) struct SqlDest<'a> {
    store: &'a SqlStore,
    experiment: Experiment,
}

impl<'a> SqlDest<'a> {
    pub(crate) fn new(store: &'a SqlStore, experiment: Experiment) -> SqlDest<'a> {
        SqlDest { store, experiment }
    }
}

impl RunDest for SqlDest<'_> {
    fn experiment_id(&self) -> &str {
        &self.experiment.experiment_id
    }

    fn artifact_location(&self) -> Result<String> {
        Ok(self.experiment.artifact_location.clone())
    }

    fn store(&self) -> &dyn TrackingStore {
        self.store
    }

    fn as_stored(&self, doc: &RunDoc) -> RunDoc {
        let mut doc = doc.clone();
        for (_, points) in &mut doc.metrics {
            *points = stored_history(points);
        }
        doc
    }

    fn create(
        &self,
        artifact_location: &str,
        new: &NewRun,
        problems: &mut Vec<String>,
    ) -> Result<CopyStats> {
        self.store
            .import_bundle_run(&self.experiment, artifact_location, new, problems)
    }
}

fn sql_conflict(message: String) -> Error {
    Error::AlreadyExists(message)
}

impl SqlStore {
    /// The experiment `experiments import` writes into: the one named `name` when it exists
    /// (a deleted one is refused), else a new one with the document's tags and times, under
    /// the exported id when it is an integer no experiment has, else the next id.
    pub(crate) fn import_destination(&self, doc: &ExperimentDoc, name: &str) -> Result<Experiment> {
        match self.get_experiment_by_name(name) {
            Ok(e) if e.lifecycle_stage == LifecycleStage::Deleted => {
                return Err(deleted_by_name(name, &e.experiment_id));
            }
            Ok(e) => return Ok(e),
            Err(Error::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
        validate::validate_experiment_name(name)?;
        for (k, v) in &doc.tags {
            validate::validate_experiment_tag(k, v)?;
        }
        let wanted = doc
            .experiment_id
            .parse::<i64>()
            .ok()
            .filter(|id| *id >= 0 && id.to_string() == doc.experiment_id);
        let id = self.write(|tx| {
            self.check_name_is_free(tx, name)?;
            let free = match wanted {
                Some(id) => self.experiment_row(tx, id)?.is_none().then_some(id),
                None => None,
            };
            let id = match free {
                Some(id) => {
                    tx.execute(
                        "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) VALUES (?1, ?2, NULL, 'active', ?3, ?4, 'default')",
                        params![id, name, doc.creation_time, doc.last_update_time],
                    )
                    .map_err(|e| self.err(e))?;
                    id
                }
                None => {
                    tx.execute(
                        "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) VALUES (?1, NULL, 'active', ?2, ?3, 'default')",
                        params![name, doc.creation_time, doc.last_update_time],
                    )
                    .map_err(|e| self.err(e))?;
                    tx.last_insert_rowid()
                }
            };
            let location = uri::append_to_uri_path(&self.artifact_root, &[&id.to_string()]);
            tx.execute(
                "UPDATE experiments SET artifact_location = ?1 WHERE experiment_id = ?2",
                params![location, id],
            )
            .map_err(|e| self.err(e))?;
            let tags: BTreeMap<&str, &str> = doc
                .tags
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            for (k, v) in tags {
                tx.execute(
                    "INSERT INTO experiment_tags (key, value, experiment_id) VALUES (?1, ?2, ?3)",
                    params![k, v, id],
                )
                .map_err(|e| self.err(e))?;
            }
            Ok(id)
        })?;
        self.get_experiment(&id.to_string())
    }

    /// Writes a bundle's run into `exp`: checked first, artifacts copied beside their final
    /// place, the rows committed in one transaction, then the artifacts moved into place. When
    /// the rows cannot be written, the copy is removed and the database is as it was.
    pub(crate) fn import_bundle_run(
        &self,
        exp: &Experiment,
        artifact_location: &str,
        new: &NewRun,
        problems: &mut Vec<String>,
    ) -> Result<CopyStats> {
        let doc = new.doc;
        validate_run_keys(doc, new.tags)?;
        exp.experiment_id.parse::<i64>().map_err(|_| {
            Error::invalid(format!(
                "experiment id '{}' is not an integer",
                exp.experiment_id
            ))
        })?;
        let artifact_uri = uri::append_to_uri_path(artifact_location, &[new.run_id, "artifacts"]);
        let run = Run {
            info: RunInfo {
                run_id: new.run_id.to_string(),
                run_name: doc.run_name.clone(),
                experiment_id: exp.experiment_id.clone(),
                user_id: doc.user_id.clone(),
                status: doc.status,
                start_time: Some(doc.start_time.unwrap_or(0)),
                end_time: doc.end_time,
                artifact_uri: artifact_uri.clone(),
                lifecycle_stage: doc.lifecycle_stage,
                deleted_time: match doc.lifecycle_stage {
                    LifecycleStage::Deleted => {
                        Some(doc.deleted_time.unwrap_or_else(crate::store::now_ms))
                    }
                    LifecycleStage::Active => None,
                },
            },
            data: RunData {
                metrics: BTreeMap::new(),
                params: doc.params.iter().cloned().collect(),
                tags: new.tags.iter().cloned().collect(),
            },
            inputs: RunInputs {
                dataset_inputs: doc.dataset_inputs.clone(),
                model_inputs: Vec::new(),
            },
            outputs: RunOutputs::default(),
        };
        let history: Vec<Metric> = doc
            .metrics
            .iter()
            .flat_map(|(key, points)| {
                points.iter().map(move |p| Metric {
                    key: key.clone(),
                    ..p.clone()
                })
            })
            .collect();
        let Some(target) = uri::local_artifact_path(&artifact_uri) else {
            let files = count_files(new.artifacts);
            if files > 0 {
                problems.push(format!(
                    "run {}: artifact location {artifact_uri} is not local; {files} artifact(s) not copied",
                    new.run_id
                ));
            }
            self.import_runs(&[(run, history)])?;
            return Ok(CopyStats {
                files: 0,
                missing: files,
            });
        };
        if fs::read_dir(&target).is_ok_and(|mut d| d.next().is_some()) {
            // The run's artifact location may already hold these very files (a bundle of a
            // database whose default artifact root is this one): they are used as they are.
            if !same_files(new.artifacts, &target) {
                return Err(Error::AlreadyExists(format!(
                    "the artifact directory {} of run {} already holds other files",
                    target.display(),
                    new.run_id
                )));
            }
            self.import_runs(&[(run, history)])?;
            return Ok(CopyStats {
                files: count_files(&target),
                missing: 0,
            });
        }
        let parent = target.parent().unwrap_or(Path::new("."));
        let made_parent = !parent.exists();
        fsutil::mkdirs(parent)?;
        let staging = parent.join(format!(
            "{}{}",
            fsutil::TEMP_PREFIX,
            uuid::Uuid::new_v4().simple()
        ));
        let undo = || {
            let _ = fs::remove_dir_all(&staging);
            if made_parent {
                let _ = fs::remove_dir(parent);
            }
        };
        let written = copy_tree(new.artifacts, &staging, problems).and_then(|stats| {
            let outcomes = self.import_runs(&[(run, history)])?;
            Ok((stats, outcomes.first() == Some(&Outcome::Copied)))
        });
        let stats = match written {
            Ok((stats, true)) => stats,
            // Another import wrote the same run meanwhile: its artifacts are in place.
            Ok((_, false)) => {
                undo();
                return Ok(CopyStats::default());
            }
            Err(e) => {
                undo();
                return Err(e);
            }
        };
        if staging.exists() {
            let _ = fs::remove_dir(&target); // an empty directory left by someone else
            if let Err(e) = fs::rename(&staging, &target) {
                let _ = fs::remove_dir_all(&staging);
                problems.push(format!(
                    "run {}: imported, but its artifacts could not be moved to {}: {e}",
                    new.run_id,
                    target.display()
                ));
                return Ok(CopyStats {
                    files: 0,
                    missing: stats.files + stats.missing,
                });
            }
        }
        Ok(stats)
    }

    // ---- the registry ----

    /// Writes a bundle's registered model: a new model with all its versions, tags and aliases
    /// in one transaction (an error leaves the database as it was and is the command's error);
    /// into an existing model, each missing version in its own transaction (identical ones
    /// skipped, different ones conflicts) and each missing alias.
    pub(crate) fn import_model_doc(
        &self,
        doc: &ModelDoc,
        versions: &[ResolvedVersion],
        summary: &mut Summary,
    ) -> Result<()> {
        let name = doc.name.as_str();
        validate::validate_model_name_mlflow(name)?;
        for (k, v) in &doc.tags {
            validate::validate_registry_tag(k, v)?;
        }
        for (v, _, _) in versions {
            for (k, val) in &v.tags {
                validate::validate_registry_tag(k, val)?;
            }
        }
        for (alias, _) in &doc.aliases {
            validate::validate_alias_name(alias)?;
            validate::validate_alias_name_not_reserved(alias)?;
        }
        let exists = {
            let conn = self.conn();
            self.model_is_prompt(&conn, name)?.is_some()
        };
        if !exists {
            self.write(|tx| {
                if self.model_is_prompt(tx, name)?.is_some() {
                    return Err(sql_conflict(format!(
                        "Registered Model (name={name}) already exists."
                    )));
                }
                self.insert_model_row(
                    tx,
                    name,
                    doc.description.as_deref(),
                    doc.creation_timestamp,
                    doc.last_updated_timestamp,
                    &doc.tags,
                )?;
                for (v, source, storage) in versions {
                    self.insert_version(tx, name, v, source.as_deref(), storage.as_deref())?;
                }
                for (alias, version) in &doc.aliases {
                    self.insert_alias(tx, name, alias, *version)?;
                }
                Ok(())
            })?;
            summary.versions += versions.len() as u64;
            return Ok(());
        }
        for (v, source, storage) in versions {
            let added = self.write(|tx| {
                let present: i64 = tx
                    .query_row(
                        "SELECT count(*) FROM model_versions WHERE workspace = ?1 AND name = ?2 AND version = ?3",
                        params![WS, name, v.version],
                        |r| r.get(0),
                    )
                    .map_err(|e| self.err(e))?;
                if present == 0 {
                    self.insert_version(tx, name, v, source.as_deref(), storage.as_deref())?;
                    return Ok(true);
                }
                match self.read_version(tx, name, &v.version.to_string()) {
                    Ok(have) if same_version(&have, v, source.as_deref()) => Ok(false),
                    _ => Err(sql_conflict(format!(
                        "version {} of model '{name}' already exists with different data",
                        v.version
                    ))),
                }
            });
            match added {
                Ok(true) => summary.versions += 1,
                Ok(false) => summary.skipped += 1,
                Err(Error::AlreadyExists(m)) => summary.conflict(m),
                Err(e) => summary.fail(format!("version {} of model '{name}': {e}", v.version)),
            }
        }
        for (alias, version) in &doc.aliases {
            let set = self.write(|tx| {
                let have: Option<i64> = tx
                    .query_row(
                        "SELECT version FROM registered_model_aliases WHERE workspace = ?1 AND name = ?2 AND alias = ?3",
                        params![WS, name, alias],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(|e| self.err(e))?;
                match have {
                    Some(have) if have == *version => Ok(()),
                    Some(have) => Err(sql_conflict(format!(
                        "alias '{alias}' of model '{name}' already points at version {have}, not {version}"
                    ))),
                    None => self.insert_alias(tx, name, alias, *version),
                }
            });
            match set {
                Ok(()) => {}
                Err(Error::AlreadyExists(m)) => summary.conflict(m),
                Err(e) => summary.fail(format!("alias '{alias}': {e}")),
            }
        }
        Ok(())
    }

    /// A `registered_models` row exactly as given, with its tags (later duplicates win).
    pub(super) fn insert_model_row(
        &self,
        tx: &Connection,
        name: &str,
        description: Option<&str>,
        creation_time: Option<i64>,
        last_updated_time: Option<i64>,
        model_tags: &[(String, String)],
    ) -> Result<()> {
        tx.execute(
            "INSERT INTO registered_models (name, creation_time, last_updated_time, description, workspace) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![name, creation_time, last_updated_time, description, WS],
        )
        .map_err(|e| self.err(e))?;
        let tags: BTreeMap<&str, &str> = model_tags
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        for (k, v) in tags {
            tx.execute(
                "INSERT INTO registered_model_tags (key, value, name, workspace) VALUES (?1, ?2, ?3, ?4)",
                params![k, v, name, WS],
            )
            .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// A `model_versions` row exactly as the bundle describes it, with its tags.
    pub(super) fn insert_version(
        &self,
        tx: &Connection,
        name: &str,
        v: &VersionDoc,
        source: Option<&str>,
        storage_location: Option<&str>,
    ) -> Result<()> {
        tx.execute(
            "INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, user_id, current_stage, source, run_id, status, status_message, run_link, storage_location, workspace) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            params![
                name,
                v.version,
                v.creation_timestamp,
                v.last_updated_timestamp,
                v.description,
                v.user_id,
                v.current_stage.as_str(),
                source,
                v.run_id,
                v.status,
                v.status_message,
                v.run_link,
                storage_location,
                WS
            ],
        )
        .map_err(|e| self.err(e))?;
        let tags: BTreeMap<&str, &str> = v
            .tags
            .iter()
            .map(|(k, val)| (k.as_str(), val.as_str()))
            .collect();
        for (k, val) in tags {
            tx.execute(
                "INSERT INTO model_version_tags (key, value, name, version, workspace) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![k, val, name, v.version, WS],
            )
            .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    pub(super) fn insert_alias(
        &self,
        tx: &Connection,
        name: &str,
        alias: &str,
        version: i64,
    ) -> Result<()> {
        tx.execute(
            "INSERT INTO registered_model_aliases (alias, version, name, workspace) VALUES (?1, ?2, ?3, ?4)",
            params![alias, version, name, WS],
        )
        .map_err(|e| self.err(e))?;
        Ok(())
    }
}

/// Whether the directories hold the same files (relative paths and bytes); links are compared
/// by what they point at, an unreadable file makes them differ.
fn same_files(a: &Path, b: &Path) -> bool {
    let listing = |root: &Path| -> Option<Vec<(std::path::PathBuf, Vec<u8>)>> {
        let mut out = Vec::new();
        for e in walkdir::WalkDir::new(root).min_depth(1).sort_by_file_name() {
            let e = e.ok()?;
            if e.file_type().is_dir() {
                continue;
            }
            let rel = e.path().strip_prefix(root).ok()?.to_path_buf();
            out.push((rel, fs::read(e.path()).ok()?));
        }
        Some(out)
    };
    match (listing(a), listing(b)) {
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Whether the stored version is the bundle's (the fields `models import` on a file store
/// compares: stage, source, run, description, tags).
fn same_version(have: &ModelVersion, v: &VersionDoc, source: Option<&str>) -> bool {
    let mut tags = v.tags.clone();
    tags.sort();
    have.current_stage == v.current_stage
        && have.source.as_deref() == source
        && have.run_id == v.run_id
        && have.description == v.description
        && have.tags.clone().into_iter().collect::<Vec<_>>() == tags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(value: f64, timestamp: i64, step: i64) -> Metric {
        Metric {
            key: "m".into(),
            value,
            timestamp,
            step,
            dataset_name: Some("d".into()),
            dataset_digest: Some("x".into()),
        }
    }

    #[test]
    fn stored_histories_are_ordered_by_timestamp_deduplicated_and_clamped_like_mlflows_rows() {
        let got = stored_history(&[
            point(2.0, 20, 1),
            point(1.0, 10, 0),
            point(2.0, 20, 1),
            point(f64::INFINITY, 5, 0),
            point(-0.0, 30, 2),
            point(0.0, 30, 2),
            point(f64::NAN, 40, 3),
            point(0.5, 1, 9),
        ]);
        let flat: Vec<(u64, i64, i64)> = got
            .iter()
            .map(|m| (m.value.to_bits(), m.timestamp, m.step))
            .collect();
        assert_eq!(
            flat,
            vec![
                (0.5f64.to_bits(), 1, 9),
                (super::super::SQL_INF.to_bits(), 5, 0),
                (1.0f64.to_bits(), 10, 0),
                (2.0f64.to_bits(), 20, 1),
                (0.0f64.to_bits(), 30, 2),
                (got[5].value.to_bits(), 40, 3),
            ]
        );
        assert!(got[5].value.is_nan());
        assert!(got.iter().all(|m| m.dataset_name.is_none()));
    }
}
