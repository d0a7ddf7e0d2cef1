//! The documents of mlflow-export-import's directory layout, as it writes and reads them:
//! `experiment.json`, `runs/<run_id>/run.json` (or `run.json` for one run) and `model.json`,
//! each `{"system": …, "info": …, "mlflow": …}`. Reading is tolerant (MLflow 2 and 3 shapes,
//! tags as a map or as `[{key, value}]`); writing emits the shape the peer's importers read.

use std::path::Path;

use super::pyjson::{self, Json};
use crate::entities::registry::{ModelVersion, Stage};
use crate::entities::{DatasetInput, LifecycleStage, Metric, RunStatus};
use crate::error::{Error, Result};

pub const EXPERIMENT_JSON: &str = "experiment.json";
pub const RUN_JSON: &str = "run.json";
pub const MODEL_JSON: &str = "model.json";
pub const RUNS_DIR: &str = "runs";
pub const ARTIFACTS_DIR: &str = "artifacts";
/// The peer's export format generation (`system.export_file_version`).
const EXPORT_FILE_VERSION: &str = "2";

/// What a run document holds: the run's info, params, tags, every metric point and its
/// dataset inputs. Logged-model links are read (to warn about them) but not written.
#[derive(Debug, Clone, PartialEq)]
pub struct RunDoc {
    pub run_id: String,
    pub experiment_id: String,
    pub run_name: String,
    pub user_id: String,
    pub status: RunStatus,
    pub start_time: Option<i64>,
    pub end_time: Option<i64>,
    pub lifecycle_stage: LifecycleStage,
    pub artifact_uri: String,
    /// Not in the peer's documents; mlrs adds it for deleted runs.
    pub deleted_time: Option<i64>,
    pub params: Vec<(String, String)>,
    pub tags: Vec<(String, String)>,
    /// Metric key → its full history in logging order.
    pub metrics: Vec<(String, Vec<Metric>)>,
    pub dataset_inputs: Vec<DatasetInput>,
    /// Ids of MLflow 3 logged models the run used or produced (not transferred).
    pub logged_models: Vec<String>,
}

/// An experiment as `experiment.json` describes it, with the ids of the exported runs.
#[derive(Debug, Clone, PartialEq)]
pub struct ExperimentDoc {
    pub experiment_id: String,
    pub name: String,
    pub artifact_location: String,
    pub lifecycle_stage: LifecycleStage,
    pub tags: Vec<(String, String)>,
    pub creation_time: Option<i64>,
    pub last_update_time: Option<i64>,
    pub runs: Vec<String>,
    pub failed_runs: Vec<String>,
}

/// A registered model with its versions, as `model.json` describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelDoc {
    pub name: String,
    pub description: Option<String>,
    pub creation_timestamp: Option<i64>,
    pub last_updated_timestamp: Option<i64>,
    pub tags: Vec<(String, String)>,
    /// (alias, version number)
    pub aliases: Vec<(String, i64)>,
    pub versions: Vec<VersionDoc>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct VersionDoc {
    pub version: i64,
    pub creation_timestamp: Option<i64>,
    pub last_updated_timestamp: Option<i64>,
    pub description: Option<String>,
    pub user_id: Option<String>,
    pub current_stage: Stage,
    pub source: Option<String>,
    pub run_id: Option<String>,
    pub run_link: Option<String>,
    pub status: String,
    pub status_message: Option<String>,
    pub tags: Vec<(String, String)>,
    pub model_id: Option<String>,
    /// The file store's download location (mlrs writes it; the peer's server exports lack it).
    pub storage_location: Option<String>,
    /// `_run_artifact_uri`: the version run's artifact URI in the source store.
    pub run_artifact_uri: Option<String>,
    /// `_experiment_name`: the name of the version run's experiment in the source store.
    pub experiment_name: Option<String>,
}

impl VersionDoc {
    /// A stored version as a document (no source-run details: those only exist in a bundle).
    pub fn of(v: &ModelVersion) -> VersionDoc {
        VersionDoc {
            version: v.version,
            creation_timestamp: v.creation_timestamp,
            last_updated_timestamp: v.last_updated_timestamp,
            description: v.description.clone(),
            user_id: v.user_id.clone(),
            current_stage: v.current_stage,
            source: v.source.clone(),
            run_id: v.run_id.clone(),
            run_link: v.run_link.clone(),
            status: v.status.clone(),
            status_message: v.status_message.clone(),
            tags: v.tags.clone().into_iter().collect(),
            model_id: v.model_id.clone(),
            storage_location: v.storage_location.clone(),
            run_artifact_uri: None,
            experiment_name: None,
        }
    }
}

/// The `system` block the peer puts first in every document (its importers ignore it).
pub struct SystemInfo {
    pub script: String,
    pub tracking_uri: String,
    pub user: String,
    pub now_ms: i64,
}

impl SystemInfo {
    fn to_json(&self) -> Json {
        let secs = (self.now_ms as f64 / 1000.0).round() as i64;
        Json::object()
            .with(
                "package_version",
                format!("mlrs {}", env!("CARGO_PKG_VERSION")),
            )
            .with("script", self.script.as_str())
            .with("export_file_version", EXPORT_FILE_VERSION)
            .with("export_time", secs)
            .with("_export_time", fmt_seconds(secs))
            .with("mlflow_version", "")
            .with("mlflow_tracking_uri", self.tracking_uri.as_str())
            .with(
                "platform",
                Json::object()
                    .with("python_version", "")
                    .with("system", platform_system())
                    .with("processor", ""),
            )
            .with("user", self.user.as_str())
    }
}

fn platform_system() -> &'static str {
    match std::env::consts::OS {
        "linux" => "Linux",
        "macos" => "Darwin",
        "windows" => "Windows",
        other => other,
    }
}

/// The peer's human-readable `_…_time` fields: UTC `%Y-%m-%d %H:%M:%S` of the rounded second,
/// null for 0 or a missing time.
fn fmt_millis(ms: Option<i64>) -> Json {
    match ms {
        Some(ms) if ms != 0 => fmt_seconds((ms as f64 / 1000.0).round() as i64).into(),
        _ => Json::Null,
    }
}

fn fmt_seconds(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default()
}

fn document(system: &SystemInfo, info: Option<Json>, mlflow: Json) -> Json {
    let mut doc = Json::object().with("system", system.to_json());
    if let Some(info) = info {
        doc = doc.with("info", info);
    }
    doc.with("mlflow", mlflow)
}

fn string_map(entries: &[(String, String)]) -> Json {
    let mut sorted: Vec<&(String, String)> = entries.iter().collect();
    sorted.sort();
    Json::Object(
        sorted
            .into_iter()
            .map(|(k, v)| (k.clone(), Json::Str(v.clone())))
            .collect(),
    )
}

fn key_value_list(entries: &[(String, String)]) -> Json {
    let mut sorted: Vec<&(String, String)> = entries.iter().collect();
    sorted.sort();
    Json::Array(
        sorted
            .into_iter()
            .map(|(k, v)| Json::object().with("key", k).with("value", v))
            .collect(),
    )
}

// ---- writing ----------------------------------------------------------------------------------

impl RunDoc {
    pub fn to_json(&self, system: &SystemInfo) -> Json {
        let mut info = Json::object()
            .with("run_id", &self.run_id)
            .with("experiment_id", &self.experiment_id)
            .with("user_id", &self.user_id)
            .with("status", self.status.name())
            .with("start_time", self.start_time)
            .with("end_time", self.end_time)
            .with("lifecycle_stage", self.lifecycle_stage.as_str())
            .with("artifact_uri", &self.artifact_uri)
            .with("run_name", &self.run_name);
        if self.lifecycle_stage == LifecycleStage::Deleted && self.deleted_time.is_some() {
            info = info.with("deleted_time", self.deleted_time);
        }
        info = info
            .with("_start_time", fmt_millis(self.start_time))
            .with("_end_time", fmt_millis(self.end_time));
        let metrics = Json::Object(
            self.metrics
                .iter()
                .map(|(key, points)| {
                    let points = points
                        .iter()
                        .map(|m| {
                            Json::object()
                                .with("value", m.value)
                                .with("timestamp", m.timestamp)
                                .with("step", m.step)
                                .with("model_id", Json::Null)
                                .with("dataset_name", m.dataset_name.clone())
                                .with("dataset_digest", m.dataset_digest.clone())
                                .with("run_id", &self.run_id)
                        })
                        .collect::<Vec<_>>();
                    (key.clone(), Json::Array(points))
                })
                .collect(),
        );
        let dataset_inputs = self
            .dataset_inputs
            .iter()
            .map(|d| {
                let tags: Vec<(String, String)> =
                    d.tags.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                Json::object()
                    .with(
                        "dataset",
                        Json::object()
                            .with("name", &d.name)
                            .with("digest", &d.digest)
                            .with("source_type", &d.source_type)
                            .with("source", &d.source)
                            .with("schema", d.schema.clone())
                            .with("profile", d.profile.clone()),
                    )
                    .with("tags", key_value_list(&tags))
            })
            .collect::<Vec<_>>();
        // Logged models are not exported: the peer's importer would look for them under
        // `logged_models/`, so the links are left out rather than left dangling.
        let mlflow = Json::object()
            .with("info", info)
            .with("params", {
                let mut p = self.params.clone();
                p.sort();
                Json::Object(p.into_iter().map(|(k, v)| (k, Json::Str(v))).collect())
            })
            .with("metrics", metrics)
            .with("tags", string_map(&self.tags))
            .with(
                "inputs",
                Json::object()
                    .with("dataset_inputs", dataset_inputs)
                    .with("model_inputs", Vec::<Json>::new()),
            )
            .with(
                "outputs",
                Json::object().with("model_outputs", Vec::<Json>::new()),
            );
        document(system, None, mlflow)
    }

    /// Metric points in the document.
    pub fn metric_points(&self) -> usize {
        self.metrics.iter().map(|(_, p)| p.len()).sum()
    }
}

impl ExperimentDoc {
    pub fn to_json(&self, system: &SystemInfo) -> Json {
        let info = Json::object()
            .with(
                "num_total_runs",
                (self.runs.len() + self.failed_runs.len()) as i64,
            )
            .with("num_ok_runs", self.runs.len() as i64)
            .with("num_failed_runs", self.failed_runs.len() as i64)
            .with(
                "failed_runs",
                self.failed_runs.iter().map(Json::from).collect::<Vec<_>>(),
            )
            .with("ok_logged_models", 0)
            .with("failed_logged_models", 0)
            .with("ok_traces", 0)
            .with("failed_traces", 0);
        let experiment = Json::object()
            .with("experiment_id", &self.experiment_id)
            .with("name", &self.name)
            .with("artifact_location", &self.artifact_location)
            .with("lifecycle_stage", self.lifecycle_stage.as_str())
            .with("tags", string_map(&self.tags))
            .with("creation_time", self.creation_time)
            .with("last_update_time", self.last_update_time)
            .with("_creation_time", fmt_millis(self.creation_time))
            .with("_last_update_time", fmt_millis(self.last_update_time));
        let mlflow = Json::object()
            .with("experiment", experiment)
            .with("runs", self.runs.iter().map(Json::from).collect::<Vec<_>>())
            .with("logged_models", Vec::<Json>::new())
            .with("traces", Vec::<Json>::new());
        document(system, Some(info), mlflow)
    }
}

impl ModelDoc {
    pub fn to_json(&self, system: &SystemInfo) -> Json {
        let versions = self
            .versions
            .iter()
            .map(|v| {
                let aliases: Vec<Json> = self
                    .aliases
                    .iter()
                    .filter(|(_, n)| *n == v.version)
                    .map(|(a, _)| Json::from(a))
                    .collect();
                let mut j = Json::object()
                    .with("name", &self.name)
                    .with("version", v.version.to_string())
                    .with("creation_timestamp", v.creation_timestamp)
                    .with("last_updated_timestamp", v.last_updated_timestamp)
                    .with("description", v.description.clone())
                    .with("user_id", v.user_id.clone())
                    .with("current_stage", v.current_stage.as_str())
                    .with("source", v.source.clone())
                    .with("run_id", v.run_id.clone())
                    .with("run_link", v.run_link.clone())
                    .with("status", v.status.as_str())
                    .with("status_message", v.status_message.clone())
                    .with("tags", string_map(&v.tags))
                    .with("aliases", aliases)
                    .with("model_id", v.model_id.clone())
                    .with("storage_location", v.storage_location.clone());
                if let Some(uri) = &v.run_artifact_uri {
                    j = j.with("_run_artifact_uri", uri);
                }
                if let Some(name) = &v.experiment_name {
                    j = j.with("_experiment_name", name);
                }
                j.with("_creation_timestamp", fmt_millis(v.creation_timestamp))
                    .with(
                        "_last_updated_timestamp",
                        fmt_millis(v.last_updated_timestamp),
                    )
            })
            .collect::<Vec<_>>();
        let mut aliases = self.aliases.clone();
        aliases.sort();
        let model = Json::object()
            .with("name", &self.name)
            .with("creation_timestamp", self.creation_timestamp)
            .with("last_updated_timestamp", self.last_updated_timestamp)
            .with("description", self.description.clone())
            .with("_creation_timestamp", fmt_millis(self.creation_timestamp))
            .with(
                "_last_updated_timestamp",
                fmt_millis(self.last_updated_timestamp),
            )
            .with("tags", key_value_list(&self.tags))
            .with(
                "aliases",
                aliases
                    .iter()
                    .map(|(a, v)| {
                        Json::object()
                            .with("alias", a)
                            .with("version", v.to_string())
                    })
                    .collect::<Vec<_>>(),
            )
            .with("versions", versions);
        let info = Json::object()
            .with("num_target_stages", 0)
            .with("num_target_versions", 0)
            .with("num_src_versions", self.versions.len() as i64)
            .with("num_dst_versions", self.versions.len() as i64)
            .with("failed_versions", Vec::<Json>::new())
            .with("export_latest_versions", false)
            .with("export_permissions", false);
        document(
            system,
            Some(info),
            Json::object().with("registered_model", model),
        )
    }
}

/// Writes a document where the peer expects it (`json.dumps(indent=2)` bytes).
pub fn write_document(path: &Path, doc: &Json) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    std::fs::write(path, pyjson::to_string(doc)).map_err(|e| Error::io(path, e))
}

// ---- reading ----------------------------------------------------------------------------------

/// Reads a document and returns its `mlflow` part (the peer's `read_file_mlflow`) and `info`.
pub fn read_document(path: &Path) -> Result<(Json, Json)> {
    let text = match std::fs::read(path) {
        Ok(b) => String::from_utf8(b).map_err(|_| Error::malformed(path, "not valid UTF-8"))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::not_found(format!("{} not found", path.display())));
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    let root = pyjson::parse(&text, &path.display().to_string())?;
    let mlflow = root
        .get("mlflow")
        .cloned()
        .ok_or_else(|| Error::malformed(path, "no 'mlflow' section"))?;
    let info = root.get("info").cloned().unwrap_or_else(Json::object);
    Ok((mlflow, info))
}

fn field<'a>(obj: &'a Json, key: &str, path: &Path) -> Result<&'a Json> {
    obj.get(key)
        .ok_or_else(|| Error::malformed(path, format!("missing '{key}'")))
}

fn req_str(obj: &Json, key: &str, path: &Path) -> Result<String> {
    match field(obj, key, path)? {
        Json::Str(s) => Ok(s.clone()),
        Json::Int(i) => Ok(i.to_string()),
        _ => Err(Error::malformed(path, format!("'{key}' is not a string"))),
    }
}

fn opt_str(obj: &Json, key: &str) -> Option<String> {
    match obj.get(key) {
        Some(Json::Str(s)) => Some(s.clone()),
        Some(Json::Int(i)) => Some(i.to_string()),
        _ => None,
    }
}

fn opt_i64(obj: &Json, key: &str) -> Option<i64> {
    obj.get(key).and_then(Json::as_i64)
}

/// Values of a tag/param collection: `{k: v}` or `[{"key": k, "value": v}]`.
fn pairs(value: Option<&Json>, what: &str, path: &Path) -> Result<Vec<(String, String)>> {
    let text = |v: &Json| -> Result<String> {
        match v {
            Json::Str(s) => Ok(s.clone()),
            Json::Null => Ok(String::new()),
            Json::Int(i) => Ok(i.to_string()),
            Json::Float(f) => Ok(crate::store::metric_history::python_float_repr(*f)),
            Json::Bool(b) => Ok(if *b { "True" } else { "False" }.to_string()),
            _ => Err(Error::malformed(
                path,
                format!("a {what} value is not text"),
            )),
        }
    };
    match value {
        None | Some(Json::Null) => Ok(Vec::new()),
        Some(Json::Object(entries)) => entries
            .iter()
            .map(|(k, v)| Ok((k.clone(), text(v)?)))
            .collect(),
        Some(Json::Array(items)) => items
            .iter()
            .map(|item| {
                let k = item
                    .get("key")
                    .and_then(Json::as_str)
                    .ok_or_else(|| Error::malformed(path, format!("a {what} has no 'key'")))?;
                Ok((
                    k.to_string(),
                    text(item.get("value").unwrap_or(&Json::Null))?,
                ))
            })
            .collect(),
        Some(_) => Err(Error::malformed(path, format!("'{what}' is not a map"))),
    }
}

fn lifecycle(text: Option<&str>, path: &Path) -> Result<LifecycleStage> {
    match text {
        None | Some("active") => Ok(LifecycleStage::Active),
        Some("deleted") => Ok(LifecycleStage::Deleted),
        Some(other) => Err(Error::malformed(
            path,
            format!("invalid lifecycle_stage '{other}'"),
        )),
    }
}

impl RunDoc {
    /// Reads a `run.json`.
    pub fn read(path: &Path) -> Result<RunDoc> {
        let (mlflow, _) = read_document(path)?;
        let info = field(&mlflow, "info", path)?;
        let run_id = req_str(info, "run_id", path)?;
        crate::validate::validate_run_id(&run_id)
            .map_err(|e| Error::malformed(path, e.to_string()))?;
        let status = match info.get("status") {
            None | Some(Json::Null) => RunStatus::Finished,
            Some(Json::Int(code)) => RunStatus::from_code(*code)
                .ok_or_else(|| Error::malformed(path, format!("invalid status {code}")))?,
            Some(Json::Str(name)) => {
                RunStatus::parse(name).map_err(|e| Error::malformed(path, e.to_string()))?
            }
            Some(_) => return Err(Error::malformed(path, "invalid status")),
        };
        let tags = pairs(mlflow.get("tags"), "tag", path)?;
        let run_name = opt_str(info, "run_name")
            .filter(|n| !n.is_empty())
            .or_else(|| {
                tags.iter()
                    .find(|(k, _)| k == crate::entities::tags::RUN_NAME)
                    .map(|(_, v)| v.clone())
            })
            .unwrap_or_default();
        let mut metrics = Vec::new();
        if let Some(Json::Object(entries)) = mlflow.get("metrics") {
            for (key, points) in entries {
                let points = points.as_array().ok_or_else(|| {
                    Error::malformed(path, format!("metric '{key}' is not a list of points"))
                })?;
                let mut history = Vec::with_capacity(points.len());
                for p in points {
                    let bad = || Error::malformed(path, format!("metric '{key}': bad point"));
                    history.push(Metric {
                        key: key.clone(),
                        value: p.get("value").and_then(Json::as_f64).ok_or_else(bad)?,
                        timestamp: p.get("timestamp").and_then(Json::as_i64).ok_or_else(bad)?,
                        step: p.get("step").and_then(Json::as_i64).unwrap_or(0),
                        dataset_name: opt_str(p, "dataset_name"),
                        dataset_digest: opt_str(p, "dataset_digest"),
                    });
                }
                metrics.push((key.clone(), history));
            }
        }
        let inputs = mlflow.get("inputs");
        let mut dataset_inputs = Vec::new();
        for item in inputs
            .and_then(|i| i.get("dataset_inputs"))
            .and_then(Json::as_array)
            .unwrap_or_default()
        {
            let ds = field(item, "dataset", path)?;
            dataset_inputs.push(DatasetInput {
                name: req_str(ds, "name", path)?,
                digest: req_str(ds, "digest", path)?,
                source_type: opt_str(ds, "source_type").unwrap_or_default(),
                source: opt_str(ds, "source").unwrap_or_default(),
                schema: opt_str(ds, "schema"),
                profile: opt_str(ds, "profile"),
                tags: pairs(item.get("tags"), "dataset tag", path)?
                    .into_iter()
                    .collect(),
            });
        }
        let mut logged_models = Vec::new();
        let model_refs = inputs
            .and_then(|i| i.get("model_inputs"))
            .and_then(Json::as_array)
            .unwrap_or_default()
            .iter()
            .chain(
                mlflow
                    .get("outputs")
                    .and_then(|o| o.get("model_outputs"))
                    .and_then(Json::as_array)
                    .unwrap_or_default(),
            );
        for m in model_refs {
            if let Some(id) = opt_str(m, "model_id") {
                logged_models.push(id);
            }
        }
        Ok(RunDoc {
            experiment_id: opt_str(info, "experiment_id").unwrap_or_default(),
            run_name,
            user_id: opt_str(info, "user_id").unwrap_or_default(),
            status,
            start_time: opt_i64(info, "start_time"),
            end_time: opt_i64(info, "end_time"),
            lifecycle_stage: lifecycle(info.get("lifecycle_stage").and_then(Json::as_str), path)?,
            artifact_uri: opt_str(info, "artifact_uri").unwrap_or_default(),
            deleted_time: opt_i64(info, "deleted_time"),
            params: pairs(mlflow.get("params"), "param", path)?,
            tags,
            metrics,
            dataset_inputs,
            logged_models,
            run_id,
        })
    }
}

impl ExperimentDoc {
    /// Reads an `experiment.json`.
    pub fn read(path: &Path) -> Result<ExperimentDoc> {
        let (mlflow, info) = read_document(path)?;
        let exp = field(&mlflow, "experiment", path)?;
        let ids = |v: Option<&Json>| -> Vec<String> {
            v.and_then(Json::as_array)
                .unwrap_or_default()
                .iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        };
        Ok(ExperimentDoc {
            experiment_id: opt_str(exp, "experiment_id").unwrap_or_default(),
            name: req_str(exp, "name", path)?,
            artifact_location: opt_str(exp, "artifact_location").unwrap_or_default(),
            lifecycle_stage: lifecycle(exp.get("lifecycle_stage").and_then(Json::as_str), path)?,
            tags: pairs(exp.get("tags"), "tag", path)?,
            creation_time: opt_i64(exp, "creation_time"),
            last_update_time: opt_i64(exp, "last_update_time"),
            runs: ids(mlflow.get("runs")),
            failed_runs: ids(info.get("failed_runs")),
        })
    }
}

impl ModelDoc {
    /// Reads a `model.json`.
    pub fn read(path: &Path) -> Result<ModelDoc> {
        let (mlflow, _) = read_document(path)?;
        let model = field(&mlflow, "registered_model", path)?;
        let name = req_str(model, "name", path)?;
        let mut aliases = Vec::new();
        match model.get("aliases") {
            Some(Json::Array(items)) => {
                for a in items {
                    let alias = a.get("alias").and_then(Json::as_str);
                    let version = a.get("version").and_then(Json::as_i64);
                    match (alias, version) {
                        (Some(alias), Some(v)) => aliases.push((alias.to_string(), v)),
                        _ => return Err(Error::malformed(path, "an alias lacks alias/version")),
                    }
                }
            }
            Some(Json::Object(entries)) => {
                for (alias, v) in entries {
                    let v = v.as_i64().ok_or_else(|| {
                        Error::malformed(path, format!("alias '{alias}': bad version"))
                    })?;
                    aliases.push((alias.clone(), v));
                }
            }
            _ => {}
        }
        let mut versions = Vec::new();
        for v in model
            .get("versions")
            .and_then(Json::as_array)
            .unwrap_or_default()
        {
            let number = v
                .get("version")
                .and_then(Json::as_i64)
                .ok_or_else(|| Error::malformed(path, "a version has no number"))?;
            let stage_text = opt_str(v, "current_stage");
            let current_stage = Stage::from_stored(stage_text.as_deref()).ok_or_else(|| {
                Error::malformed(
                    path,
                    format!(
                        "version {number}: invalid stage '{}'",
                        stage_text.unwrap_or_default()
                    ),
                )
            })?;
            // Aliases listed on a version (the peer writes both places) count too.
            for a in v
                .get("aliases")
                .and_then(Json::as_array)
                .unwrap_or_default()
            {
                if let Some(a) = a.as_str()
                    && !aliases.iter().any(|(x, _)| x == a)
                {
                    aliases.push((a.to_string(), number));
                }
            }
            versions.push(VersionDoc {
                version: number,
                creation_timestamp: opt_i64(v, "creation_timestamp"),
                last_updated_timestamp: opt_i64(v, "last_updated_timestamp"),
                description: opt_str(v, "description"),
                user_id: opt_str(v, "user_id"),
                current_stage,
                source: opt_str(v, "source"),
                run_id: opt_str(v, "run_id").filter(|r| !r.is_empty()),
                run_link: opt_str(v, "run_link"),
                status: opt_str(v, "status").unwrap_or_else(|| "READY".into()),
                status_message: opt_str(v, "status_message"),
                tags: pairs(v.get("tags"), "version tag", path)?,
                model_id: opt_str(v, "model_id").filter(|m| !m.is_empty()),
                storage_location: opt_str(v, "storage_location"),
                run_artifact_uri: opt_str(v, "_run_artifact_uri"),
                experiment_name: opt_str(v, "_experiment_name"),
            });
        }
        versions.sort_by_key(|v| v.version);
        Ok(ModelDoc {
            name,
            description: opt_str(model, "description"),
            creation_timestamp: opt_i64(model, "creation_timestamp"),
            last_updated_timestamp: opt_i64(model, "last_updated_timestamp"),
            tags: pairs(model.get("tags"), "tag", path)?,
            aliases,
            versions,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_times_are_utc_rounded_seconds_like_the_peer() {
        assert_eq!(
            fmt_millis(Some(1700000000700)),
            Json::from("2023-11-14 22:13:21")
        );
        assert_eq!(fmt_millis(Some(0)), Json::Null);
        assert_eq!(fmt_millis(None), Json::Null);
    }

    #[test]
    fn tags_read_from_a_map_or_a_key_value_list() {
        let p = Path::new("t");
        let map = pyjson::parse(r#"{"a": "1", "b": "2"}"#, "t").unwrap();
        let list = pyjson::parse(
            r#"[{"key": "a", "value": "1"}, {"key": "b", "value": "2"}]"#,
            "t",
        )
        .unwrap();
        assert_eq!(
            pairs(Some(&map), "tag", p).unwrap(),
            pairs(Some(&list), "tag", p).unwrap()
        );
    }
}
