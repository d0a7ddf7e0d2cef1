//! `mlrs gc` on MLflow's SQLite schema, with the selection rules, messages and row deletions of
//! MLflow 3.17.2's `mlflow gc` over a `SqlAlchemyStore`:
//!
//! * runs: the deleted ones whose `deleted_time <= now - older_than` (a NULL `deleted_time` is
//!   never old enough, even without `--older-than`), or those `--run-ids` names, plus the
//!   deleted runs of every experiment collected; a run's `metrics`, `latest_metrics`, `params`
//!   and `tags` rows go with it (MLflow's `_hard_delete_run`);
//! * logged models: the deleted ones whose `last_updated_timestamp_ms <= now - older_than`, or
//!   those `--logged-model-ids` names, each with its tags, params and metrics;
//! * experiments: the deleted ones with `last_update_time < now - older_than` (every deleted
//!   one without `--older-than`), or those `--experiment-ids` names; each with its tags, all of
//!   its remaining runs, its rows in the four trace rollup tables, and what the schema cascades
//!   from it (traces, logged models, datasets, scorers, ...), as `_hard_delete_experiment`'s
//!   `session.delete(experiment)` does with SQLite's foreign keys on.
//!
//! Unlike MLflow, which deletes one object at a time and can stop half way, every input is
//! checked first and the rows are deleted in one `BEGIN IMMEDIATE` transaction (the plan is
//! made inside it, so nothing changes between the checks and the deletions). Artifact
//! directories are removed after the commit, only local ones of MLflow's shape
//! (`…/<run id>/artifacts`, `…/<model id>/artifacts`).

use rusqlite::{Connection, OptionalExtension, params};
use std::collections::BTreeSet;

use super::SqlStore;
use crate::entities::LifecycleStage;
use crate::error::{Error, Result};
use crate::store::gc::{GcOptions, has_mlflow_artifact_shape, remove_tree};
use crate::store::uri;

/// A run or logged model a gc removes, with its artifact URI.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SqlGcObject {
    pub id: String,
    pub artifact_uri: String,
}

/// What a gc on a SQL store removes, in the order it removes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SqlGcPlan {
    pub runs: Vec<SqlGcObject>,
    pub logged_models: Vec<SqlGcObject>,
    pub experiments: Vec<String>,
}

/// The trace rollup tables, which have no foreign key to `experiments`: MLflow deletes an
/// experiment's rows in them by hand.
const ROLLUP_TABLES: [&str; 4] = [
    "sql_trace_rollup_rebuild_queue",
    "sql_trace_metric_daily_rollups",
    "sql_span_cost_daily_rollups",
    "sql_assessment_daily_rollups",
];

/// The tables whose rows belong to a run (`_RUN_DELETE_CASCADE_MODELS`).
const RUN_TABLES: [&str; 4] = ["metrics", "latest_metrics", "params", "tags"];

/// The tables whose rows belong to a logged model.
const LOGGED_MODEL_TABLES: [&str; 3] = [
    "logged_model_tags",
    "logged_model_params",
    "logged_model_metrics",
];

fn quoted_list(ids: &[String]) -> String {
    let items: Vec<String> = ids.iter().map(|i| format!("'{i}'")).collect();
    format!("[{}]", items.join(", "))
}

fn string_set(
    conn: &Connection,
    sql: &str,
    p: impl rusqlite::Params,
) -> rusqlite::Result<BTreeSet<String>> {
    let mut st = conn.prepare(sql)?;
    st.query_map(p, |r| r.get::<_, String>(0))?.collect()
}

impl SqlStore {
    /// What `gc` with `opts` would remove now, or the error it would stop with (nothing is
    /// written).
    pub fn gc_plan(&self, opts: &GcOptions) -> Result<SqlGcPlan> {
        let conn = self.conn();
        self.plan_gc(&conn, opts, super::now_ms())
    }

    /// Plans and removes in one transaction, then removes the artifact directories and calls
    /// `report` with MLflow's line for each object removed. Returns the plan carried out.
    pub fn gc(&self, opts: &GcOptions, mut report: impl FnMut(&str)) -> Result<SqlGcPlan> {
        let plan = self.write_with_foreign_keys(|tx| {
            let plan = self.plan_gc(tx, opts, super::now_ms())?;
            self.delete_planned(tx, &plan)?;
            Ok(plan)
        })?;
        let mut failed = Vec::new();
        let mut remove = |kind: &str, obj: &SqlGcObject| {
            if let Err(e) = self.remove_artifacts(kind, obj) {
                failed.push(e.to_string());
            }
        };
        for run in &plan.runs {
            remove("run", run);
            report(&format!(
                "Run with ID {} has been permanently deleted.",
                run.id
            ));
        }
        for model in &plan.logged_models {
            remove("logged model", model);
            report(&format!(
                "Logged model with ID {} has been permanently deleted.",
                model.id
            ));
        }
        for id in &plan.experiments {
            report(&format!(
                "Experiment with ID {id} has been permanently deleted."
            ));
        }
        if !failed.is_empty() {
            return Err(Error::Failed(format!(
                "the database rows are deleted, but some artifacts could not be removed: {}",
                failed.join("; ")
            )));
        }
        Ok(plan)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction with SQLite's foreign keys enforced (and
    /// their `ON DELETE` actions carried out), as MLflow's sessions have them.
    fn write_with_foreign_keys<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
    ) -> Result<T> {
        if self.read_only {
            return Err(Error::Failed(format!(
                "{} is open read-only (its MLflow schema revision is unknown to mlrs)",
                self.display
            )));
        }
        let mut conn = self.conn();
        // Outside a transaction: the pragma is a no-op inside one.
        conn.execute_batch("PRAGMA foreign_keys = ON")
            .map_err(|e| self.err(e))?;
        let out = (|| {
            let tx = conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(|e| self.err(e))?;
            let out = f(&tx)?;
            tx.commit().map_err(|e| self.err(e))?;
            Ok(out)
        })();
        let off = conn
            .execute_batch("PRAGMA foreign_keys = OFF")
            .map_err(|e| self.err(e));
        let out = out?;
        off?;
        Ok(out)
    }

    fn plan_gc(&self, conn: &Connection, opts: &GcOptions, now: i64) -> Result<SqlGcPlan> {
        let threshold = now - opts.older_than_ms.unwrap_or(0);
        let aged = opts.older_than_ms.is_some();
        let age_text = opts.older_than_text.clone().unwrap_or_default();
        let mut plan = SqlGcPlan::default();

        // MLflow's `_get_deleted_runs(older_than)`: without --older-than, `<= now`.
        let old_deleted_runs = string_set(
            conn,
            "SELECT run_uuid FROM runs WHERE lifecycle_stage = 'deleted' AND deleted_time <= ?1",
            [threshold],
        )
        .map_err(|e| self.err(e))?;

        // Experiments first: their deleted runs join the runs to remove.
        plan.experiments = match opts.experiment_ids.as_deref() {
            Some(ids) if !ids.is_empty() => {
                let mut active = Vec::new();
                let mut young = Vec::new();
                let mut out: Vec<String> = Vec::new();
                for id in ids {
                    let exp = self.find_experiment(conn, id)?;
                    if exp.lifecycle_stage != LifecycleStage::Deleted {
                        active.push(exp.experiment_id.clone());
                    } else if aged && exp.last_update_time.is_none_or(|u| u >= threshold) {
                        young.push(exp.experiment_id.clone());
                    }
                    if !out.contains(&exp.experiment_id) {
                        out.push(exp.experiment_id);
                    }
                }
                if !active.is_empty() {
                    return Err(Error::invalid(format!(
                        "Experiments {} are not in the deleted lifecycle stage. Only experiments in the deleted lifecycle stage can be hard-deleted.",
                        quoted_list(&active)
                    )));
                }
                if !young.is_empty() {
                    return Err(Error::invalid(format!(
                        "Experiments {} are not older than the required age. Only experiments older than {age_text} can be deleted.",
                        quoted_list(&young)
                    )));
                }
                out
            }
            _ => {
                // MLflow's filter `last_update_time < threshold` only with --older-than.
                let mut st = conn
                    .prepare("SELECT experiment_id FROM experiments WHERE lifecycle_stage = 'deleted' AND (?1 IS NULL OR last_update_time < ?1) ORDER BY experiment_id")
                    .map_err(|e| self.err(e))?;
                st.query_map([aged.then_some(threshold)], |r| r.get::<_, i64>(0))
                    .map_err(|e| self.err(e))?
                    .map(|r| r.map(|id| id.to_string()))
                    .collect::<rusqlite::Result<_>>()
                    .map_err(|e| self.err(e))?
            }
        };

        let mut run_ids: Vec<String> = match &opts.run_ids {
            Some(ids) => ids.clone(),
            None => old_deleted_runs.iter().cloned().collect(),
        };
        {
            let mut st = conn
                .prepare_cached("SELECT run_uuid FROM runs WHERE experiment_id = ?1 AND lifecycle_stage = 'deleted' ORDER BY run_uuid")
                .map_err(|e| self.err(e))?;
            for id in &plan.experiments {
                let n: i64 = id.parse().unwrap_or(-1);
                let rows: Vec<String> = st
                    .query_map([n], |r| r.get(0))
                    .map_err(|e| self.err(e))?
                    .collect::<rusqlite::Result<_>>()
                    .map_err(|e| self.err(e))?;
                run_ids.extend(rows);
            }
        }
        let mut seen = BTreeSet::new();
        for id in run_ids {
            if !seen.insert(id.clone()) {
                continue;
            }
            let info = self.run_info(conn, &id)?;
            if info.lifecycle_stage != LifecycleStage::Deleted {
                return Err(Error::invalid(format!(
                    "Run {id} is not in `deleted` lifecycle stage. Only runs in `deleted` lifecycle stage can be deleted."
                )));
            }
            if aged && !old_deleted_runs.contains(&id) {
                return Err(Error::invalid(format!(
                    "Run {id} is not older than the required age. Only runs older than {age_text} can be deleted."
                )));
            }
            plan.runs.push(SqlGcObject {
                id,
                artifact_uri: info.artifact_uri,
            });
        }

        let deleted_models = string_set(
            conn,
            "SELECT model_id FROM logged_models WHERE lifecycle_stage = 'deleted'",
            params![],
        )
        .map_err(|e| self.err(e))?;
        let old_deleted_models = string_set(
            conn,
            "SELECT model_id FROM logged_models WHERE lifecycle_stage = 'deleted' AND last_updated_timestamp_ms <= ?1",
            [threshold],
        )
        .map_err(|e| self.err(e))?;
        let model_ids: Vec<String> = match &opts.logged_model_ids {
            Some(ids) => ids.clone(),
            None => old_deleted_models.iter().cloned().collect(),
        };
        let mut seen = BTreeSet::new();
        for id in model_ids {
            if !seen.insert(id.clone()) {
                continue;
            }
            let location: Option<String> = conn
                .query_row(
                    "SELECT artifact_location FROM logged_models WHERE model_id = ?1",
                    [&id],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.err(e))?;
            let Some(location) = location else {
                return Err(Error::not_found(format!(
                    "Logged model with ID '{id}' not found."
                )));
            };
            if !deleted_models.contains(&id) {
                return Err(Error::invalid(format!(
                    "Logged model {id} is not in `deleted` lifecycle stage. Only logged models in `deleted` lifecycle stage can be deleted."
                )));
            }
            if aged && !old_deleted_models.contains(&id) {
                return Err(Error::invalid(format!(
                    "Logged model {id} is not older than the required age. Only logged models older than {age_text} can be deleted."
                )));
            }
            plan.logged_models.push(SqlGcObject {
                id,
                artifact_uri: location,
            });
        }
        Ok(plan)
    }

    /// Deletes the rows of everything in `plan` (foreign keys on: the schema's `ON DELETE`
    /// actions do the rest, as they do under MLflow).
    fn delete_planned(&self, tx: &Connection, plan: &SqlGcPlan) -> Result<()> {
        let exec = |sql: &str, p: &dyn rusqlite::ToSql| -> Result<usize> {
            let mut st = tx.prepare_cached(sql).map_err(|e| self.err(e))?;
            st.execute([p]).map_err(|e| self.err(e))
        };
        for run in &plan.runs {
            for table in RUN_TABLES {
                exec(&format!("DELETE FROM {table} WHERE run_uuid = ?1"), &run.id)?;
            }
            exec("DELETE FROM runs WHERE run_uuid = ?1", &run.id)?;
        }
        for model in &plan.logged_models {
            for table in LOGGED_MODEL_TABLES {
                exec(
                    &format!("DELETE FROM {table} WHERE model_id = ?1"),
                    &model.id,
                )?;
            }
            exec("DELETE FROM logged_models WHERE model_id = ?1", &model.id)?;
        }
        for id in &plan.experiments {
            let n: i64 = id.parse().unwrap_or(-1);
            for table in ROLLUP_TABLES {
                exec(&format!("DELETE FROM {table} WHERE experiment_id = ?1"), &n)?;
            }
            // `session.delete(experiment)` cascades to every run of it (active ones too: a
            // run restored inside a deleted experiment) and to its tags.
            for table in RUN_TABLES {
                exec(
                    &format!(
                        "DELETE FROM {table} WHERE run_uuid IN (SELECT run_uuid FROM runs WHERE experiment_id = ?1)"
                    ),
                    &n,
                )?;
            }
            exec("DELETE FROM runs WHERE experiment_id = ?1", &n)?;
            exec("DELETE FROM experiment_tags WHERE experiment_id = ?1", &n)?;
            exec("DELETE FROM experiments WHERE experiment_id = ?1", &n)?;
        }
        Ok(())
    }

    /// Removes the local artifact directory of a run or logged model removed from the
    /// database; one that is not local, or not of MLflow's shape, is left with a warning.
    fn remove_artifacts(&self, kind: &str, obj: &SqlGcObject) -> Result<()> {
        let Some(path) = uri::local_artifact_path(&obj.artifact_uri) else {
            self.warn(&format!(
                "artifacts of {kind} {} at '{}' are not local: left in place",
                obj.id, obj.artifact_uri
            ));
            return Ok(());
        };
        if path.as_os_str().is_empty() || std::fs::symlink_metadata(&path).is_err() {
            return Ok(());
        }
        if !has_mlflow_artifact_shape(&path, &obj.id) {
            self.warn(&format!(
                "artifacts of {kind} {} at '{}' are not in MLflow's <id>/artifacts layout: left in place",
                obj.id,
                path.display()
            ));
            return Ok(());
        }
        remove_tree(&path)
    }
}
