//! The SQL store behind `TrackingStore`: reading runs by parts, listing, artifacts on the
//! local file system, and the trait impl (which delegates to the inherent methods).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};

use super::{RUN_INFO_COLUMNS, SqlStore, read_value, run_info_row};
use crate::backend::{Located, LoggedModelRef, RunHit, TrackingStore};
use crate::entities::{
    Batch, DatasetInput, Experiment, FileInfo, Metric, Run, RunData, RunInfo, RunInputs, RunParts,
    RunStatus, ViewType,
};
use crate::error::{Error, Result};
use crate::search::{SearchPage, SearchQuery};
use crate::store::artifact::{self, LocalArtifacts};
use crate::store::{FileStore, uri};
use crate::validate;

impl SqlStore {
    /// Reads `parts` of the run `info` describes.
    pub(crate) fn read_run(
        &self,
        conn: &Connection,
        info: RunInfo,
        parts: RunParts,
    ) -> Result<Run> {
        let id = info.run_id.clone();
        let mut data = RunData::default();
        if parts.params {
            data.params = self.key_values(
                conn,
                "SELECT key, value FROM params WHERE run_uuid = ?1",
                &id,
            )?;
        }
        if parts.tags {
            data.tags =
                self.key_values(conn, "SELECT key, value FROM tags WHERE run_uuid = ?1", &id)?;
        }
        if parts.metrics {
            data.metrics = self.latest_metrics(conn, &id)?;
        }
        let inputs = if parts.inputs {
            self.run_inputs(conn, &id)?
        } else {
            RunInputs::default()
        };
        Ok(Run {
            info,
            data,
            inputs,
            outputs: Default::default(),
        })
    }

    fn latest_metrics(&self, conn: &Connection, run_id: &str) -> Result<BTreeMap<String, Metric>> {
        let mut st = conn
            .prepare_cached(
                "SELECT key, value, timestamp, step, is_nan FROM latest_metrics WHERE run_uuid = ?1",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([run_id], |r| {
                Ok(Metric {
                    key: r.get(0)?,
                    value: read_value(r.get(1)?, r.get(4)?),
                    timestamp: r.get::<_, Option<i64>>(2)?.unwrap_or_default(),
                    step: r.get(3)?,
                    dataset_name: None,
                    dataset_digest: None,
                })
            })
            .map_err(|e| self.err(e))?;
        let mut out = BTreeMap::new();
        for m in rows {
            let m = m.map_err(|e| self.err(e))?;
            out.insert(m.key.clone(), m);
        }
        Ok(out)
    }

    /// The run's dataset inputs (MLflow's `inputs` rows of type DATASET → RUN, with their
    /// `input_tags`), in the order MLflow logged them.
    fn run_inputs(&self, conn: &Connection, run_id: &str) -> Result<RunInputs> {
        let mut st = conn
            .prepare_cached(
                "SELECT i.input_uuid, d.name, d.digest, d.dataset_source_type, d.dataset_source, d.dataset_schema, d.dataset_profile \
                 FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id \
                 WHERE i.destination_type = 'RUN' AND i.destination_id = ?1 AND i.source_type = 'DATASET' \
                 ORDER BY i.rowid",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([run_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    DatasetInput {
                        name: r.get(1)?,
                        digest: r.get(2)?,
                        source_type: r.get(3)?,
                        source: r.get(4)?,
                        schema: r.get(5)?,
                        profile: r.get(6)?,
                        tags: BTreeMap::new(),
                    },
                ))
            })
            .map_err(|e| self.err(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        let mut out = RunInputs::default();
        let mut tags = conn
            .prepare_cached("SELECT name, value FROM input_tags WHERE input_uuid = ?1")
            .map_err(|e| self.err(e))?;
        for (input_uuid, mut ds) in rows {
            let pairs = tags
                .query_map([&input_uuid], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))
                .map_err(|e| self.err(e))?
                .collect::<rusqlite::Result<Vec<(String, String)>>>()
                .map_err(|e| self.err(e))?;
            ds.tags.extend(pairs);
            out.dataset_inputs.push(ds);
        }
        Ok(out)
    }

    /// The `RunInfo` of every run of `experiment_ids` in `view`, newest first as MLflow lists
    /// them (start time descending, then run id). Ids that are not numbers name no experiment.
    pub(crate) fn run_infos(
        &self,
        conn: &Connection,
        experiment_ids: &[String],
        view: ViewType,
    ) -> Result<Vec<RunInfo>> {
        let mut out = Vec::new();
        let mut st = conn
            .prepare_cached(&format!(
                "SELECT {RUN_INFO_COLUMNS} FROM runs WHERE experiment_id = ?1 ORDER BY start_time DESC, run_uuid"
            ))
            .map_err(|e| self.err(e))?;
        for id in experiment_ids {
            let Ok(n) = id.parse::<i64>() else { continue };
            let rows = st
                .query_map([n], run_info_row)
                .map_err(|e| self.err(e))?
                .collect::<rusqlite::Result<Vec<_>>>()
                .map_err(|e| self.err(e))?;
            for row in rows {
                let run_id = row.0.run_id.clone();
                match self.checked_run_info(row) {
                    Ok(info) if view.includes(info.lifecycle_stage) => out.push(info),
                    Ok(_) => {}
                    Err(Error::Malformed { .. }) => {
                        self.warn(&format!("skipping malformed run {run_id}"));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(out)
    }

    pub fn list_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        parts: RunParts,
    ) -> Result<Vec<Run>> {
        let conn = self.conn();
        self.run_infos(&conn, experiment_ids, view)?
            .into_iter()
            .map(|info| self.read_run(&conn, info, parts))
            .collect()
    }

    /// Reads `parts` of many runs, in order.
    pub fn read_run_infos(&self, infos: Vec<RunInfo>, parts: RunParts) -> Vec<Result<Run>> {
        let conn = self.conn();
        infos
            .into_iter()
            .map(|info| self.read_run(&conn, info, parts))
            .collect()
    }

    pub fn check_run_exists(&self, run_id: &str) -> Result<()> {
        validate::validate_run_id(run_id)?;
        let conn = self.conn();
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM runs WHERE run_uuid = ?1",
                [run_id],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))?;
        if n == 0 {
            return Err(Error::not_found(format!(
                "run {run_id} not found in {}",
                self.display
            )));
        }
        Ok(())
    }

    /// The local directory of a run's artifacts: its `artifact_uri` as a path, or a one-line
    /// error naming the scheme of a URI that is not local.
    pub fn artifact_root(&self, run_id: &str) -> Result<PathBuf> {
        let info = {
            let conn = self.conn();
            self.run_info(&conn, run_id)?
        };
        self.local_root(&info)
    }

    fn local_root(&self, info: &RunInfo) -> Result<PathBuf> {
        match uri::local_artifact_path(&info.artifact_uri) {
            Some(p) if !p.as_os_str().is_empty() => Ok(p),
            _ => Err(Error::Failed(format!(
                "artifact URI '{}' of run {} uses the scheme '{}'; mlrs reads and writes local artifacts (a path or file:) only",
                info.artifact_uri,
                info.run_id,
                uri::uri_scheme(&info.artifact_uri).unwrap_or_default()
            ))),
        }
    }

    fn local_artifacts(&self, run_id: &str) -> Result<LocalArtifacts<'_>> {
        Ok(LocalArtifacts {
            root: self.artifact_root(run_id)?,
            warn: &self.warn,
        })
    }

    fn writable_artifacts(&self, run_id: &str) -> Result<LocalArtifacts<'_>> {
        let info = {
            let conn = self.conn();
            self.run_info(&conn, run_id)?
        };
        artifact::check_active(&info)?;
        Ok(LocalArtifacts {
            root: self.local_root(&info)?,
            warn: &self.warn,
        })
    }

    pub fn list_artifacts(&self, run_id: &str, path: &str) -> Result<Vec<FileInfo>> {
        let rel = validate::validate_artifact_path(path)?;
        self.local_artifacts(run_id)?.list(&rel)
    }

    pub fn download_artifacts(&self, run_id: &str, path: &str, dst: &Path) -> Result<PathBuf> {
        let rel = validate::validate_artifact_path(path)?;
        self.local_artifacts(run_id)?.download(run_id, &rel, dst)
    }

    pub fn log_artifact(&self, run_id: &str, local_file: &Path, artifact_path: &str) -> Result<()> {
        let rel = validate::validate_artifact_path(artifact_path)?;
        artifact::check_local_file(local_file)?;
        self.writable_artifacts(run_id)?
            .log_file(local_file, &rel)
            .map(drop)
    }

    pub fn log_artifacts(&self, run_id: &str, local_dir: &Path, artifact_path: &str) -> Result<()> {
        let rel = validate::validate_artifact_path(artifact_path)?;
        artifact::check_local_dir(local_dir)?;
        self.writable_artifacts(run_id)?
            .log_dir(local_dir, &rel)
            .map(drop)
    }

    /// Rows of `sql` (selecting `run_uuid, key, value`) as (run, key) → value.
    pub(crate) fn run_key_rows(
        &self,
        conn: &Connection,
        sql: &str,
        experiment_id: i64,
        key: &str,
    ) -> Result<Vec<(String, String)>> {
        let mut st = conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        st.query_map(params![experiment_id, key], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .map_err(|e| self.err(e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| self.err(e))
    }
}

impl TrackingStore for SqlStore {
    fn as_file_store(&self) -> Option<&FileStore> {
        None
    }

    fn as_sql_store(&self) -> Option<&SqlStore> {
        Some(self)
    }

    fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<String> {
        SqlStore::create_experiment(self, name, artifact_location, tags)
    }

    fn get_experiment(&self, id: &str) -> Result<Experiment> {
        SqlStore::get_experiment(self, id)
    }

    fn get_experiment_by_name(&self, name: &str) -> Result<Experiment> {
        SqlStore::get_experiment_by_name(self, name)
    }

    fn list_experiments(&self, view: ViewType) -> Result<Vec<Experiment>> {
        SqlStore::list_experiments(self, view)
    }

    fn search_experiments(
        &self,
        view: ViewType,
        query: &SearchQuery,
    ) -> Result<SearchPage<Experiment>> {
        SqlStore::search_experiments(self, view, query)
    }

    fn rename_experiment(&self, id: &str, new_name: &str) -> Result<()> {
        SqlStore::rename_experiment(self, id, new_name)
    }

    fn delete_experiment(&self, id: &str) -> Result<()> {
        SqlStore::delete_experiment(self, id)
    }

    fn restore_experiment(&self, id: &str) -> Result<()> {
        SqlStore::restore_experiment(self, id)
    }

    fn set_experiment_tag(&self, id: &str, key: &str, value: &str) -> Result<()> {
        SqlStore::set_experiment_tag(self, id, key, value)
    }

    fn delete_experiment_tag(&self, id: &str, key: &str) -> Result<()> {
        SqlStore::delete_experiment_tag(self, id, key)
    }

    fn create_run(
        &self,
        experiment_id: &str,
        user_id: &str,
        start_time: i64,
        run_name: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<RunInfo> {
        SqlStore::create_run(self, experiment_id, user_id, start_time, run_name, tags)
    }

    fn get_run(&self, run_id: &str) -> Result<Run> {
        SqlStore::get_run(self, run_id)
    }

    fn check_run_exists(&self, run_id: &str) -> Result<()> {
        SqlStore::check_run_exists(self, run_id)
    }

    fn update_run_info(
        &self,
        run_id: &str,
        status: RunStatus,
        end_time: Option<i64>,
        run_name: Option<&str>,
    ) -> Result<RunInfo> {
        SqlStore::update_run_info(self, run_id, status, end_time, run_name)
    }

    fn delete_run(&self, run_id: &str) -> Result<()> {
        SqlStore::delete_run(self, run_id)
    }

    fn restore_run(&self, run_id: &str) -> Result<()> {
        SqlStore::restore_run(self, run_id)
    }

    fn log_param(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        SqlStore::log_param(self, run_id, key, value)
    }

    fn log_metric(&self, run_id: &str, metric: Metric) -> Result<()> {
        SqlStore::log_metric(self, run_id, metric)
    }

    fn log_batch(&self, run_id: &str, batch: &Batch) -> Result<()> {
        SqlStore::log_batch(self, run_id, batch)
    }

    fn set_tag(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        SqlStore::set_tag(self, run_id, key, value)
    }

    fn delete_tag(&self, run_id: &str, key: &str) -> Result<()> {
        SqlStore::delete_tag(self, run_id, key)
    }

    fn get_metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>> {
        SqlStore::get_metric_history(self, run_id, key)
    }

    fn list_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        parts: RunParts,
    ) -> Result<Vec<Run>> {
        SqlStore::list_runs(self, experiment_ids, view, parts)
    }

    fn search_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        query: &SearchQuery,
    ) -> Result<SearchPage<RunHit>> {
        let page = SqlStore::search_runs(self, experiment_ids, view, query)?;
        Ok(SearchPage {
            items: page
                .items
                .into_iter()
                .map(|info| RunHit {
                    info,
                    located: Located::Sql,
                })
                .collect(),
            next_page_token: page.next_page_token,
        })
    }

    fn read_runs(&self, hits: Vec<RunHit>, parts: RunParts) -> Vec<Result<Run>> {
        self.read_run_infos(hits.into_iter().map(|h| h.info).collect(), parts)
    }

    fn list_artifacts(&self, run_id: &str, path: &str) -> Result<Vec<FileInfo>> {
        SqlStore::list_artifacts(self, run_id, path)
    }

    fn download_artifacts(&self, run_id: &str, path: &str, dst: &Path) -> Result<PathBuf> {
        SqlStore::download_artifacts(self, run_id, path, dst)
    }

    fn log_artifact(&self, run_id: &str, local_file: &Path, artifact_path: &str) -> Result<()> {
        SqlStore::log_artifact(self, run_id, local_file, artifact_path)
    }

    fn log_artifacts(&self, run_id: &str, local_dir: &Path, artifact_path: &str) -> Result<()> {
        SqlStore::log_artifacts(self, run_id, local_dir, artifact_path)
    }

    fn artifact_root(&self, run_id: &str) -> Result<PathBuf> {
        SqlStore::artifact_root(self, run_id)
    }

    fn find_logged_model(&self, model_id: &str) -> Result<Option<LoggedModelRef>> {
        SqlStore::find_logged_model(self, model_id)
    }

    fn logged_model_of_run(&self, run_id: &str, name: &str) -> Result<Option<LoggedModelRef>> {
        SqlStore::logged_model_of_run(self, run_id, name)
    }

    fn record_model_version_on_logged_model(
        &self,
        model_id: &str,
        name: &str,
        version: i64,
    ) -> Result<()> {
        SqlStore::record_model_version_on_logged_model(self, model_id, name, version)
    }
}
