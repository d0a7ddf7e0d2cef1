//! `mlrs runs close-stale` on MLflow's SQLite schema: the same selection as the file store's
//! (RUNNING, active runs of active experiments whose last activity is older than the
//! threshold), where a run's last activity is its start time or its newest metric timestamp,
//! whichever is later (params and tags carry no time in the schema). Closing selects and
//! updates in one transaction.

use rusqlite::{Connection, params};

use super::{RUN_INFO_COLUMNS, SqlStore, run_info_row};
use crate::entities::{RunInfo, RunStatus};
use crate::error::Result;

/// A RUNNING run and its last activity, in epoch milliseconds.
#[derive(Debug, Clone)]
pub struct SqlStaleRun {
    pub info: RunInfo,
    pub last_activity: i64,
}

impl SqlStore {
    /// Active runs still RUNNING in active experiments (of `experiment_ids`, when given) whose
    /// last activity is older than `older_than_ms`.
    pub fn stale_runs(
        &self,
        older_than_ms: i64,
        experiment_ids: Option<&[String]>,
    ) -> Result<Vec<SqlStaleRun>> {
        let conn = self.conn();
        self.find_stale(&conn, older_than_ms, experiment_ids)
    }

    /// Ends every stale run with `status`, its `end_time` set to its last activity, in one
    /// transaction; returns the runs ended.
    pub fn close_stale_runs(
        &self,
        older_than_ms: i64,
        experiment_ids: Option<&[String]>,
        status: RunStatus,
    ) -> Result<Vec<SqlStaleRun>> {
        self.write(|tx| {
            let stale = self.find_stale(tx, older_than_ms, experiment_ids)?;
            let mut update = tx
                .prepare_cached("UPDATE runs SET status = ?1, end_time = ?2 WHERE run_uuid = ?3 AND status = 'RUNNING' AND lifecycle_stage = 'active'")
                .map_err(|e| self.err(e))?;
            for s in &stale {
                update
                    .execute(params![status.name(), s.last_activity, s.info.run_id])
                    .map_err(|e| self.err(e))?;
            }
            Ok(stale)
        })
    }

    fn find_stale(
        &self,
        conn: &Connection,
        older_than_ms: i64,
        experiment_ids: Option<&[String]>,
    ) -> Result<Vec<SqlStaleRun>> {
        let threshold = super::now_ms() - older_than_ms;
        let mut st = conn
            .prepare(&format!(
                "SELECT {RUN_INFO_COLUMNS}, max(coalesce(start_time, 0), coalesce((SELECT max(m.timestamp) FROM metrics m WHERE m.run_uuid = runs.run_uuid), 0)) \
                 FROM runs WHERE status = 'RUNNING' AND lifecycle_stage = 'active' \
                 AND experiment_id IN (SELECT experiment_id FROM experiments WHERE lifecycle_stage = 'active') \
                 ORDER BY experiment_id, start_time, run_uuid"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| Ok((run_info_row(r)?, r.get::<_, i64>(10)?)))
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for (row, last_activity) in rows {
            let info = self.checked_run_info(row)?;
            if experiment_ids.is_some_and(|ids| !ids.contains(&info.experiment_id)) {
                continue;
            }
            if last_activity < threshold {
                out.push(SqlStaleRun {
                    info,
                    last_activity,
                });
            }
        }
        Ok(out)
    }
}
