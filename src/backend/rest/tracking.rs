//! `TrackingStore` over MLflow's REST API: experiments, runs, params, metrics, tags, search.
//! Artifacts are in `artifacts.rs`.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::client::Method;
use super::{
    RestStore, arr, experiment_of, kv_json, metric_json, metric_of, run_info_of, run_of, s,
};
use crate::backend::{Located, LoggedModelRef, RunHit, TrackingStore};
use crate::entities::{
    Batch, Experiment, FileInfo, LifecycleStage, Metric, Run, RunInfo, RunParts, RunStatus,
    ViewType,
};
use crate::error::{Error, Result};
use crate::search::{SearchPage, SearchQuery};
use crate::validate;

/// The largest page MLflow's server gives for run and experiment searches.
const MAX_PAGE: i64 = 50_000;
/// The page size of metric-history reads (MLflow's `GET_METRIC_HISTORY_MAX_RESULTS`).
const HISTORY_PAGE: i64 = 25_000;

pub(super) fn view_name(view: ViewType) -> &'static str {
    match view {
        ViewType::ActiveOnly => "ACTIVE_ONLY",
        ViewType::DeletedOnly => "DELETED_ONLY",
        ViewType::All => "ALL",
    }
}

impl RestStore {
    pub(super) fn get(&self, endpoint: &str, query: Value) -> Result<Value> {
        self.client.call(Method::Get, endpoint, &query)
    }

    pub(super) fn post(&self, endpoint: &str, body: Value) -> Result<Value> {
        self.client.call(Method::Post, endpoint, &body)
    }

    /// Every page of a search endpoint, `field` of each answer concatenated.
    pub(super) fn all_pages(
        &self,
        method: Method,
        endpoint: &str,
        mut body: Value,
        field: &str,
    ) -> Result<Vec<Value>> {
        let mut out = Vec::new();
        loop {
            let page = self.client.call(method, endpoint, &body)?;
            out.extend(arr(&page, field).iter().cloned());
            match page.get("next_page_token").and_then(Value::as_str) {
                Some(token) if !token.is_empty() => body["page_token"] = json!(token),
                _ => return Ok(out),
            }
        }
    }

    fn run_json(&self, run_id: &str) -> Result<Value> {
        validate::validate_run_id(run_id)?;
        let reply = self.get("runs/get", json!({ "run_id": run_id }))?;
        Ok(reply.get("run").cloned().unwrap_or(Value::Null))
    }

    /// The run's info, failing as the other backends do when it is deleted.
    pub(super) fn active_run_info(&self, run_id: &str) -> Result<RunInfo> {
        let info = run_info_of(self.run_json(run_id)?.get("info").unwrap_or(&Value::Null))?;
        if info.lifecycle_stage != LifecycleStage::Active {
            return Err(Error::Failed(format!(
                "The run {run_id} must be in the 'active' state. Current state is {}.",
                info.lifecycle_stage
            )));
        }
        Ok(info)
    }
}

impl TrackingStore for RestStore {
    fn as_file_store(&self) -> Option<&crate::store::FileStore> {
        None
    }

    fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<String> {
        validate::validate_experiment_name(name)?;
        for (k, v) in tags {
            validate::validate_experiment_tag(k, v)?;
        }
        let mut body = json!({ "name": name, "tags": kv_json(tags) });
        if let Some(loc) = artifact_location.filter(|l| !l.is_empty()) {
            body["artifact_location"] = json!(loc);
        }
        let reply = self.post("experiments/create", body)?;
        Ok(s(&reply, "experiment_id"))
    }

    fn get_experiment(&self, id: &str) -> Result<Experiment> {
        validate::validate_experiment_id(id)?;
        let reply = self.get("experiments/get", json!({ "experiment_id": id }))?;
        Ok(experiment_of(
            reply.get("experiment").unwrap_or(&Value::Null),
        ))
    }

    fn get_experiment_by_name(&self, name: &str) -> Result<Experiment> {
        let reply = self.get(
            "experiments/get-by-name",
            json!({ "experiment_name": name }),
        )?;
        Ok(experiment_of(
            reply.get("experiment").unwrap_or(&Value::Null),
        ))
    }

    fn list_experiments(&self, view: ViewType) -> Result<Vec<Experiment>> {
        let found = self.all_pages(
            Method::Post,
            "experiments/search",
            json!({ "view_type": view_name(view), "max_results": MAX_PAGE }),
            "experiments",
        )?;
        let mut out: Vec<Experiment> = found.iter().map(experiment_of).collect();
        // The other backends list by id, numerically.
        out.sort_by(|a, b| {
            let key =
                |e: &Experiment| (e.experiment_id.parse::<u64>().ok(), e.experiment_id.clone());
            key(a).cmp(&key(b))
        });
        Ok(out)
    }

    fn search_experiments(
        &self,
        view: ViewType,
        query: &SearchQuery,
    ) -> Result<SearchPage<Experiment>> {
        let mut body = json!({
            "view_type": view_name(view),
            "max_results": query.max_results,
            "filter": query.filter,
            "order_by": query.order_by,
        });
        if let Some(t) = query.page_token {
            body["page_token"] = json!(t);
        }
        let reply = self.post("experiments/search", body)?;
        Ok(SearchPage {
            items: arr(&reply, "experiments")
                .iter()
                .map(experiment_of)
                .collect(),
            next_page_token: super::opt_s(&reply, "next_page_token"),
        })
    }

    fn rename_experiment(&self, id: &str, new_name: &str) -> Result<()> {
        validate::validate_experiment_name(new_name)?;
        self.post(
            "experiments/update",
            json!({ "experiment_id": id, "new_name": new_name }),
        )
        .map(drop)
    }

    fn delete_experiment(&self, id: &str) -> Result<()> {
        self.post("experiments/delete", json!({ "experiment_id": id }))
            .map(drop)
    }

    fn restore_experiment(&self, id: &str) -> Result<()> {
        self.post("experiments/restore", json!({ "experiment_id": id }))
            .map(drop)
    }

    fn set_experiment_tag(&self, id: &str, key: &str, value: &str) -> Result<()> {
        validate::validate_experiment_tag(key, value)?;
        self.post(
            "experiments/set-experiment-tag",
            json!({ "experiment_id": id, "key": key, "value": value }),
        )
        .map(drop)
    }

    fn delete_experiment_tag(&self, id: &str, key: &str) -> Result<()> {
        validate::validate_tag_name(key, "key")?;
        self.post(
            "experiments/delete-experiment-tag",
            json!({ "experiment_id": id, "key": key }),
        )
        .map(drop)
    }

    fn create_run(
        &self,
        experiment_id: &str,
        user_id: &str,
        start_time: i64,
        run_name: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<RunInfo> {
        validate::validate_run_tags(tags)?;
        let mut body = json!({
            "experiment_id": experiment_id,
            "user_id": user_id,
            "start_time": start_time,
            "tags": kv_json(tags),
        });
        if let Some(name) = run_name {
            body["run_name"] = json!(name);
        }
        let reply = self.post("runs/create", body)?;
        run_info_of(
            reply
                .get("run")
                .and_then(|r| r.get("info"))
                .unwrap_or(&Value::Null),
        )
    }

    fn get_run(&self, run_id: &str) -> Result<Run> {
        run_of(&self.run_json(run_id)?)
    }

    fn check_run_exists(&self, run_id: &str) -> Result<()> {
        self.run_json(run_id).map(drop)
    }

    fn update_run_info(
        &self,
        run_id: &str,
        status: RunStatus,
        end_time: Option<i64>,
        run_name: Option<&str>,
    ) -> Result<RunInfo> {
        self.active_run_info(run_id)?;
        let mut body = json!({ "run_id": run_id, "run_uuid": run_id, "status": status.name() });
        if let Some(t) = end_time {
            body["end_time"] = json!(t);
        }
        if let Some(name) = run_name {
            body["run_name"] = json!(name);
        }
        let reply = self.post("runs/update", body)?;
        run_info_of(reply.get("run_info").unwrap_or(&Value::Null))
    }

    fn delete_run(&self, run_id: &str) -> Result<()> {
        validate::validate_run_id(run_id)?;
        self.post("runs/delete", json!({ "run_id": run_id }))
            .map(drop)
    }

    fn restore_run(&self, run_id: &str) -> Result<()> {
        validate::validate_run_id(run_id)?;
        self.post("runs/restore", json!({ "run_id": run_id }))
            .map(drop)
    }

    fn log_param(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        self.log_batch(
            run_id,
            &Batch {
                params: vec![(key.to_string(), value.to_string())],
                ..Batch::default()
            },
        )
    }

    fn log_metric(&self, run_id: &str, metric: Metric) -> Result<()> {
        self.log_batch(
            run_id,
            &Batch {
                metrics: vec![metric],
                ..Batch::default()
            },
        )
    }

    fn log_batch(&self, run_id: &str, batch: &Batch) -> Result<()> {
        validate::validate_run_id(run_id)?;
        let (params, tags) = validate::checked_batch(batch)?;
        self.post(
            "runs/log-batch",
            json!({
                "run_id": run_id,
                "metrics": batch.metrics.iter().map(metric_json).collect::<Vec<_>>(),
                "params": kv_json(&params),
                "tags": kv_json(&tags),
            }),
        )
        .map(drop)
    }

    fn set_tag(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        self.log_batch(
            run_id,
            &Batch {
                tags: vec![(key.to_string(), value.to_string())],
                ..Batch::default()
            },
        )
    }

    fn delete_tag(&self, run_id: &str, key: &str) -> Result<()> {
        validate::validate_run_id(run_id)?;
        validate::validate_tag_name(key, "key")?;
        self.post("runs/delete-tag", json!({ "run_id": run_id, "key": key }))
            .map(drop)
    }

    fn get_metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>> {
        validate::validate_run_id(run_id)?;
        validate::validate_metric_name(key, "metric_key")?;
        let found = self.all_pages(
            Method::Get,
            "metrics/get-history",
            json!({ "run_id": run_id, "metric_key": key, "max_results": HISTORY_PAGE }),
            "metrics",
        )?;
        Ok(found.iter().map(metric_of).collect())
    }

    fn list_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        _parts: RunParts,
    ) -> Result<Vec<Run>> {
        if experiment_ids.is_empty() {
            return Ok(Vec::new());
        }
        let found = self.all_pages(
            Method::Post,
            "runs/search",
            json!({
                "experiment_ids": experiment_ids,
                "run_view_type": view_name(view),
                "max_results": MAX_PAGE,
            }),
            "runs",
        )?;
        found.iter().map(run_of).collect()
    }

    fn search_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        query: &SearchQuery,
    ) -> Result<SearchPage<RunHit>> {
        let mut body = json!({
            "experiment_ids": experiment_ids,
            "run_view_type": view_name(view),
            "max_results": query.max_results,
            "filter": query.filter,
            "order_by": query.order_by,
        });
        if let Some(t) = query.page_token {
            body["page_token"] = json!(t);
        }
        let reply = self.post("runs/search", body)?;
        let items = arr(&reply, "runs")
            .iter()
            .map(|r| {
                let run = run_of(r)?;
                Ok(RunHit {
                    info: run.info.clone(),
                    located: Located::Rest(Box::new(run)),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(SearchPage {
            items,
            next_page_token: super::opt_s(&reply, "next_page_token"),
        })
    }

    fn read_runs(&self, hits: Vec<RunHit>, _parts: RunParts) -> Vec<Result<Run>> {
        hits.into_iter()
            .map(|h| match h.located {
                // The search answer held the whole run.
                Located::Rest(run) => Ok(*run),
                _ => self.get_run(&h.info.run_id),
            })
            .collect()
    }

    fn list_artifacts(&self, run_id: &str, path: &str) -> Result<Vec<FileInfo>> {
        self.artifacts(run_id)?.list(path)
    }

    fn download_artifacts(&self, run_id: &str, path: &str, dst: &Path) -> Result<PathBuf> {
        self.artifacts(run_id)?.download(run_id, path, dst)
    }

    fn log_artifact(&self, run_id: &str, local_file: &Path, artifact_path: &str) -> Result<()> {
        let rel = validate::validate_artifact_path(artifact_path)?;
        crate::store::artifact::check_local_file(local_file)?;
        self.active_run_info(run_id)?;
        self.artifacts(run_id)?.log_file(local_file, &rel)
    }

    fn log_artifacts(&self, run_id: &str, local_dir: &Path, artifact_path: &str) -> Result<()> {
        let rel = validate::validate_artifact_path(artifact_path)?;
        crate::store::artifact::check_local_dir(local_dir)?;
        self.active_run_info(run_id)?;
        self.artifacts(run_id)?.log_dir(local_dir, &rel)
    }

    fn artifact_root(&self, run_id: &str) -> Result<PathBuf> {
        let info = run_info_of(self.run_json(run_id)?.get("info").unwrap_or(&Value::Null))?;
        Err(Error::invalid(format!(
            "the artifacts of run {run_id} are on the tracking server {} ({}), not on a local disk",
            self.server(),
            info.artifact_uri
        )))
    }

    fn find_logged_model(&self, model_id: &str) -> Result<Option<LoggedModelRef>> {
        Err(self.no_cross_store_models(model_id))
    }

    fn logged_model_of_run(&self, run_id: &str, _name: &str) -> Result<Option<LoggedModelRef>> {
        Err(self.no_cross_store_models(run_id))
    }

    fn record_model_version_on_logged_model(
        &self,
        model_id: &str,
        _name: &str,
        _version: i64,
    ) -> Result<()> {
        Err(self.no_cross_store_models(model_id))
    }
}

impl RestStore {
    /// Registering a tracking server's logged model into a registry that is not the
    /// server's own is not supported: the server registers its own models.
    fn no_cross_store_models(&self, what: &str) -> Error {
        Error::invalid(format!(
            "{what}: a model logged to the tracking server {} can be registered in that server's registry only (set --registry-uri to it)",
            self.server()
        ))
    }
}
