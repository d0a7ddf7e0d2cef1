//! The SQL store as the destination of `store migrate`: experiments and runs inserted with
//! their own ids and times, each run (info, params, tags, every metric point with its
//! `latest_metrics` row, dataset inputs) in one transaction.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::{INSERT_METRIC, LatestPoint, SqlStore, supersedes};
use crate::backend::migrate::{
    MigrationTarget, Outcome, Plan, RegistryMigrationTarget, holds_model,
};
use crate::entities::registry::{ModelVersion, RegisteredModel};
use crate::entities::{Experiment, LifecycleStage, Metric, Run, RunInputs, RunParts};
use crate::error::{Error, Result};
use crate::transfer::format::VersionDoc;

fn conflict(what: String) -> Error {
    Error::AlreadyExists(format!(
        "{what} (mlrs store migrate never overwrites; remove it from the destination or migrate into a new database)"
    ))
}

impl SqlStore {
    /// Fails (exit 5) naming the first experiment a SQL store cannot hold: their ids are
    /// integers. Checked on the whole plan before the database is even created.
    pub fn check_importable(plan: &Plan) -> Result<()> {
        for (exp, _) in &plan.experiments {
            if exp.experiment_id.parse::<i64>().is_err() {
                return Err(Error::invalid(format!(
                    "experiment id '{}' ({}) is not an integer; a SQL store's experiment ids are",
                    exp.experiment_id, exp.name
                )));
            }
        }
        Ok(())
    }

    /// Experiment `0` as `create_database` made it, never used: the source's `Default` may
    /// replace it.
    fn is_pristine_default(&self, tx: &Connection) -> Result<bool> {
        let used: i64 = tx
            .query_row(
                "SELECT (SELECT count(*) FROM runs WHERE experiment_id = 0) + (SELECT count(*) FROM experiment_tags WHERE experiment_id = 0)",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        Ok(used == 0)
    }

    fn insert_experiment_tags(&self, tx: &Connection, id: i64, exp: &Experiment) -> Result<()> {
        for (k, v) in &exp.tags {
            tx.execute(
                "INSERT INTO experiment_tags (key, value, experiment_id) VALUES (?1, ?2, ?3)",
                params![k, v, id],
            )
            .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// The run as this database holds it, with the number of metric rows of each key.
    fn stored_run(
        &self,
        tx: &Connection,
        run_id: &str,
    ) -> Result<Option<(Run, BTreeMap<String, i64>)>> {
        let exists: Option<String> = tx
            .query_row(
                "SELECT run_uuid FROM runs WHERE run_uuid = ?1",
                [run_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        if exists.is_none() {
            return Ok(None);
        }
        let info = self.run_info(tx, run_id)?;
        let run = self.read_run(tx, info, RunParts::ALL)?;
        let mut st = tx
            .prepare_cached("SELECT key, count(*) FROM metrics WHERE run_uuid = ?1 GROUP BY key")
            .map_err(|e| self.err(e))?;
        let counts = st
            .query_map([run_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<BTreeMap<_, _>>>()
            .map_err(|e| self.err(e))?;
        Ok(Some((run, counts)))
    }

    fn insert_inputs(
        &self,
        tx: &Connection,
        experiment_id: i64,
        run_id: &str,
        inputs: &RunInputs,
    ) -> Result<()> {
        for ds in &inputs.dataset_inputs {
            let existing: Option<String> = tx
                .query_row(
                    "SELECT dataset_uuid FROM datasets WHERE experiment_id = ?1 AND name = ?2 AND digest = ?3",
                    params![experiment_id, ds.name, ds.digest],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.err(e))?;
            let dataset_uuid = match existing {
                Some(u) => u,
                None => {
                    let u = uuid::Uuid::new_v4().simple().to_string();
                    tx.execute(
                        "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        params![u, experiment_id, ds.name, ds.digest, ds.source_type, ds.source, ds.schema, ds.profile],
                    )
                    .map_err(|e| self.err(e))?;
                    u
                }
            };
            let input_uuid = uuid::Uuid::new_v4().simple().to_string();
            tx.execute(
                "INSERT OR IGNORE INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id, step) VALUES (?1, 'DATASET', ?2, 'RUN', ?3, 0)",
                params![input_uuid, dataset_uuid, run_id],
            )
            .map_err(|e| self.err(e))?;
            for (k, v) in &ds.tags {
                tx.execute(
                    "INSERT OR IGNORE INTO input_tags (input_uuid, name, value) VALUES (?1, ?2, ?3)",
                    params![input_uuid, k, v],
                )
                .map_err(|e| self.err(e))?;
            }
        }
        Ok(())
    }
}

/// The number of rows each metric key takes in MLflow's `metrics` table: exact duplicates
/// (same step, timestamp and value) are one row there.
fn row_counts(history: &[Metric]) -> BTreeMap<String, i64> {
    let mut seen = std::collections::HashSet::new();
    let mut out = BTreeMap::new();
    for m in history {
        // One row per distinct SQL value: every NaN is one, and -0.0 equals 0.0 there.
        let value = if m.value.is_nan() {
            f64::NAN.to_bits()
        } else {
            (m.value + 0.0).to_bits()
        };
        if seen.insert((m.key.as_str(), m.step, m.timestamp, value)) {
            *out.entry(m.key.clone()).or_insert(0) += 1;
        }
    }
    out
}

/// Metric values as a SQL store reads them back (±inf become the largest finite doubles).
fn as_stored(run: &Run) -> Run {
    let mut run = run.clone();
    for m in run.data.metrics.values_mut() {
        if m.value.is_infinite() {
            m.value = if m.value > 0.0 {
                super::SQL_INF
            } else {
                -super::SQL_INF
            };
        }
    }
    run
}

fn same_run(a: &Run, b: &Run) -> bool {
    let values = |r: &Run| -> Vec<(String, u64, i64, i64)> {
        r.data
            .metrics
            .values()
            .map(|m| {
                let v = if m.value.is_nan() {
                    f64::NAN.to_bits()
                } else {
                    m.value.to_bits()
                };
                (m.key.clone(), v, m.timestamp, m.step)
            })
            .collect()
    };
    a.info == b.info
        && a.data.params == b.data.params
        && a.data.tags == b.data.tags
        && values(a) == values(b)
}

impl MigrationTarget for SqlStore {
    fn import_experiment(&self, exp: &Experiment) -> Result<Outcome> {
        let id = exp.experiment_id.parse::<i64>().map_err(|_| {
            Error::invalid(format!(
                "experiment id '{}' is not an integer",
                exp.experiment_id
            ))
        })?;
        self.write(|tx| {
            if let Some(have) = self.experiment_row(tx, id)? {
                if &have == exp {
                    return Ok(Outcome::Unchanged);
                }
                if id != 0 || !self.is_pristine_default(tx)? {
                    return Err(conflict(format!(
                        "experiment {id} ('{}') is already in {} with other data",
                        have.name, self.display
                    )));
                }
                tx.execute("DELETE FROM experiments WHERE experiment_id = 0", [])
                    .map_err(|e| self.err(e))?;
            }
            let taken: Option<i64> = tx
                .query_row(
                    "SELECT experiment_id FROM experiments WHERE name = ?1",
                    [&exp.name],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.err(e))?;
            if let Some(other) = taken {
                return Err(conflict(format!(
                    "the name '{}' of experiment {id} is taken by experiment {other} in {}",
                    exp.name, self.display
                )));
            }
            tx.execute(
                "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'default')",
                params![id, exp.name, exp.artifact_location, exp.lifecycle_stage.as_str(), exp.creation_time, exp.last_update_time],
            )
            .map_err(|e| self.err(e))?;
            self.insert_experiment_tags(tx, id, exp)?;
            Ok(Outcome::Copied)
        })
    }

    fn import_runs(&self, runs: &[(Run, Vec<Metric>)]) -> Result<Vec<Outcome>> {
        // A bigger page cache for the metric indexes while the batch is written.
        self.conn()
            .pragma_update(None, "cache_size", -65536)
            .map_err(|e| self.err(e))?;
        self.write(|tx| {
            let outcomes = runs
                .iter()
                .map(|(run, history)| self.import_run(tx, run, history))
                .collect::<Result<Vec<_>>>()?;
            // The new runs' points in the order of the metrics primary key (key, timestamp,
            // step, run): its index pages fill in sequence instead of at random.
            let mut points: Vec<(&str, &Metric)> = runs
                .iter()
                .zip(&outcomes)
                .filter(|(_, outcome)| **outcome == Outcome::Copied)
                .flat_map(|((run, history), _)| {
                    history.iter().map(|m| (run.info.run_id.as_str(), m))
                })
                .collect();
            points.sort_by(|(ra, a), (rb, b)| {
                (&a.key, a.timestamp, a.step, ra).cmp(&(&b.key, b.timestamp, b.step, rb))
            });
            self.insert_new_points(tx, &points)?;
            Ok(outcomes)
        })
    }
}

impl SqlStore {
    /// The points of runs this transaction inserted (so without `latest_metrics` rows yet),
    /// with each (run, key)'s latest row.
    fn insert_new_points(&self, tx: &Connection, points: &[(&str, &Metric)]) -> Result<()> {
        let mut insert = tx.prepare_cached(INSERT_METRIC).map_err(|e| self.err(e))?;
        let mut latest: BTreeMap<(&str, &str), LatestPoint> = BTreeMap::new();
        for &(run_id, m) in points {
            let Some(point) = self.insert_point(&mut insert, run_id, m)? else {
                continue;
            };
            latest
                .entry((m.key.as_str(), run_id))
                .and_modify(|c| {
                    if supersedes(point, *c) {
                        *c = point;
                    }
                })
                .or_insert(point);
        }
        let mut write = tx
            .prepare_cached("INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            .map_err(|e| self.err(e))?;
        for ((key, run_id), (step, timestamp, value, is_nan)) in latest {
            write
                .execute(params![key, value, timestamp, step, is_nan, run_id])
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    fn import_run(&self, tx: &Connection, run: &Run, history: &[Metric]) -> Result<Outcome> {
        let info = &run.info;
        let experiment_id = info.experiment_id.parse::<i64>().map_err(|_| {
            Error::invalid(format!(
                "experiment id '{}' is not an integer",
                info.experiment_id
            ))
        })?;
        {
            if let Some((have, counts)) = self.stored_run(tx, &info.run_id)? {
                if same_run(&have, &as_stored(run)) && counts == row_counts(history) {
                    return Ok(Outcome::Unchanged);
                }
                return Err(conflict(format!(
                    "run {} is already in {} with other data",
                    info.run_id, self.display
                )));
            }
            let deleted_time = match info.lifecycle_stage {
                LifecycleStage::Deleted => info.deleted_time,
                LifecycleStage::Active => None,
            };
            tx.execute(
                "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time) VALUES (?1, ?2, 'UNKNOWN', '', '', ?3, ?4, ?5, ?6, '', ?7, ?8, ?9, ?10)",
                params![
                    info.run_id,
                    info.run_name,
                    info.user_id,
                    info.status.name(),
                    info.start_time,
                    info.end_time,
                    info.lifecycle_stage.as_str(),
                    info.artifact_uri,
                    experiment_id,
                    deleted_time
                ],
            )
            .map_err(|e| self.err(e))?;
            for (k, v) in &run.data.params {
                tx.execute(
                    "INSERT INTO params (key, value, run_uuid) VALUES (?1, ?2, ?3)",
                    params![k, v, info.run_id],
                )
                .map_err(|e| self.err(e))?;
            }
            for (k, v) in &run.data.tags {
                tx.execute(
                    "INSERT INTO tags (key, value, run_uuid) VALUES (?1, ?2, ?3)",
                    params![k, v, info.run_id],
                )
                .map_err(|e| self.err(e))?;
            }
            self.insert_inputs(tx, experiment_id, &info.run_id, &run.inputs)?;
            Ok(Outcome::Copied)
        }
    }
}

impl RegistryMigrationTarget for SqlStore {
    fn import_model(&self, model: &RegisteredModel, versions: &[ModelVersion]) -> Result<Outcome> {
        crate::validate::validate_model_name_mlflow(&model.name)?;
        let name = model.name.as_str();
        self.write(|tx| {
            if self.model_is_prompt(tx, name)?.is_some() {
                let have = self.read_model(tx, name)?;
                let have_versions = self.read_versions(tx, Some(name), None, true)?;
                if holds_model(&have, &have_versions, model, versions) {
                    return Ok(Outcome::Unchanged);
                }
                return Err(conflict(format!(
                    "registered model '{name}' is already in {} with other data",
                    self.display
                )));
            }
            let model_tags: Vec<(String, String)> = model.tags.clone().into_iter().collect();
            self.insert_model_row(
                tx,
                name,
                model.description.as_deref(),
                model.creation_timestamp,
                model.last_updated_timestamp,
                &model_tags,
            )?;
            for v in versions {
                self.insert_version(
                    tx,
                    name,
                    &VersionDoc::of(v),
                    v.source.as_deref(),
                    v.storage_location.as_deref(),
                )?;
            }
            for (alias, version) in &model.aliases {
                let number = version.parse::<i64>().map_err(|_| {
                    Error::invalid(format!(
                        "alias '{alias}' of model '{name}' points at '{version}', not a version number"
                    ))
                })?;
                self.insert_alias(tx, name, alias, number)?;
            }
            Ok(Outcome::Copied)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(value: f64, step: i64) -> Metric {
        Metric {
            key: "loss".into(),
            value,
            timestamp: 5,
            step,
            dataset_name: None,
            dataset_digest: None,
        }
    }

    #[test]
    fn row_counts_are_the_rows_sqlite_keeps() {
        // Exact duplicates, every NaN and -0.0 next to 0.0 are one row each in `metrics`.
        let history = [
            m(1.0, 0),
            m(1.0, 0),
            m(f64::NAN, 0),
            m(-f64::NAN, 0),
            m(-0.0, 0),
            m(0.0, 0),
            m(1.0, 1),
        ];
        assert_eq!(row_counts(&history), BTreeMap::from([("loss".into(), 4)]));
    }
}
