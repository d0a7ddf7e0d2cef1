//! The tracking-server backend: `TrackingStore` and `RegistryStore` over MLflow's REST API
//! (`/api/2.0/mlflow/…`), with artifacts through the server's proxied artifact API
//! (`/api/2.0/mlflow-artifacts/…`, the `mlflow-artifacts:` URIs `mlflow server` hands out by
//! default). `client` is the HTTP side (auth, TLS, timeouts, retries, error mapping); this
//! module turns MLflow's JSON messages into entities; `tracking`, `artifacts` and `registry`
//! implement the traits.
//!
//! The client checks names, keys and values with the same rules as the other backends before
//! it sends anything (so a bad value gets the same one-line message on every backend and the
//! server is not asked), and relies on the server for everything that needs its data.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::entities::registry::{ModelVersion, RegisteredModel, Stage};
use crate::entities::{
    DatasetInput, Experiment, LifecycleStage, Metric, ModelOutput, Run, RunData, RunInfo,
    RunInputs, RunOutputs, RunStatus,
};
use crate::error::{Error, Result};
use crate::store::WarnSink;

mod artifacts;
pub mod client;
mod registry;
mod tracking;

pub use client::{Client, Config};

/// A tracking server, as a store.
pub struct RestStore {
    pub(crate) client: Client,
    warn: WarnSink,
}

/// Whether `uri` names a tracking server (`http://…` or `https://…`).
pub fn is_rest(uri: &str) -> bool {
    crate::store::uri::uri_scheme(uri)
        .is_some_and(|s| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"))
}

impl RestStore {
    /// A store for the server at `uri`, configured from the environment as MLflow's client
    /// is. Nothing is sent until the first call.
    pub fn open(uri: &str, warn: WarnSink) -> Result<RestStore> {
        Ok(RestStore {
            client: Client::new(uri, Config::from_env()?)?.with_warnings(warn.clone()),
            warn,
        })
    }

    /// The server's URI without credentials, as messages name it.
    pub fn server(&self) -> &str {
        self.client.server()
    }
}

// Reading MLflow's JSON messages.

/// The string field `key` of `v` ("" when absent, as protobuf's default).
pub(crate) fn s(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

/// The optional string field `key` of `v` (None when absent or empty).
pub(crate) fn opt_s(v: &Value, key: &str) -> Option<String> {
    Some(s(v, key)).filter(|t| !t.is_empty())
}

/// An int64 field (MLflow sends them as numbers; protobuf's JSON allows strings).
pub(crate) fn opt_i64(v: &Value, key: &str) -> Option<i64> {
    match v.get(key)? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().map(|f| f as i64)),
        Value::String(t) => t.parse().ok(),
        _ => None,
    }
}

/// A double field: a number, or protobuf's `"NaN"`, `"Infinity"`, `"-Infinity"`.
pub(crate) fn f64_field(v: &Value, key: &str) -> f64 {
    match v.get(key) {
        Some(Value::Number(n)) => n.as_f64().unwrap_or(f64::NAN),
        Some(Value::String(t)) => match t.as_str() {
            "Infinity" | "inf" => f64::INFINITY,
            "-Infinity" | "-inf" => f64::NEG_INFINITY,
            other => other.parse().unwrap_or(f64::NAN),
        },
        _ => 0.0,
    }
}

/// A double as MLflow's JSON takes it.
pub(crate) fn f64_json(x: f64) -> Value {
    if x.is_nan() {
        json!("NaN")
    } else if x == f64::INFINITY {
        json!("Infinity")
    } else if x == f64::NEG_INFINITY {
        json!("-Infinity")
    } else {
        json!(x)
    }
}

/// The array field `key` of `v` (empty when absent).
pub(crate) fn arr<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// A `[{"key", "value"}]` list as a map.
pub(crate) fn key_values(v: &Value, key: &str) -> BTreeMap<String, String> {
    arr(v, key)
        .iter()
        .map(|kv| (s(kv, "key"), s(kv, "value")))
        .collect()
}

/// Pairs as MLflow's `[{"key", "value"}]`.
pub(crate) fn kv_json(pairs: &[(String, String)]) -> Value {
    Value::Array(
        pairs
            .iter()
            .map(|(k, v)| json!({"key": k, "value": v}))
            .collect(),
    )
}

fn lifecycle(v: &Value) -> LifecycleStage {
    if s(v, "lifecycle_stage") == "deleted" {
        LifecycleStage::Deleted
    } else {
        LifecycleStage::Active
    }
}

pub(crate) fn experiment_of(v: &Value) -> Experiment {
    Experiment {
        experiment_id: s(v, "experiment_id"),
        name: s(v, "name"),
        artifact_location: s(v, "artifact_location"),
        lifecycle_stage: lifecycle(v),
        tags: key_values(v, "tags"),
        creation_time: opt_i64(v, "creation_time"),
        last_update_time: opt_i64(v, "last_update_time"),
    }
}

pub(crate) fn run_info_of(v: &Value) -> Result<RunInfo> {
    let status = s(v, "status");
    Ok(RunInfo {
        run_id: opt_s(v, "run_id").unwrap_or_else(|| s(v, "run_uuid")),
        run_name: s(v, "run_name"),
        experiment_id: s(v, "experiment_id"),
        user_id: s(v, "user_id"),
        status: if status.is_empty() {
            RunStatus::Running
        } else {
            RunStatus::parse(&status)?
        },
        start_time: opt_i64(v, "start_time"),
        end_time: opt_i64(v, "end_time"),
        artifact_uri: s(v, "artifact_uri"),
        lifecycle_stage: lifecycle(v),
        deleted_time: None,
    })
}

pub(crate) fn metric_of(v: &Value) -> Metric {
    Metric {
        key: s(v, "key"),
        value: f64_field(v, "value"),
        timestamp: opt_i64(v, "timestamp").unwrap_or(0),
        step: opt_i64(v, "step").unwrap_or(0),
        dataset_name: opt_s(v, "dataset_name"),
        dataset_digest: opt_s(v, "dataset_digest"),
    }
}

pub(crate) fn metric_json(m: &Metric) -> Value {
    json!({"key": m.key, "value": f64_json(m.value), "timestamp": m.timestamp, "step": m.step})
}

pub(crate) fn run_of(v: &Value) -> Result<Run> {
    let info = run_info_of(v.get("info").unwrap_or(&Value::Null))?;
    let data = v.get("data").unwrap_or(&Value::Null);
    let mut metrics = BTreeMap::new();
    for m in arr(data, "metrics") {
        let m = metric_of(m);
        metrics.insert(m.key.clone(), m);
    }
    let inputs = v.get("inputs").unwrap_or(&Value::Null);
    let outputs = v.get("outputs").unwrap_or(&Value::Null);
    Ok(Run {
        info,
        data: RunData {
            metrics,
            params: key_values(data, "params"),
            tags: key_values(data, "tags"),
        },
        inputs: RunInputs {
            dataset_inputs: arr(inputs, "dataset_inputs")
                .iter()
                .map(|di| {
                    let d = di.get("dataset").unwrap_or(&Value::Null);
                    DatasetInput {
                        name: s(d, "name"),
                        digest: s(d, "digest"),
                        source_type: s(d, "source_type"),
                        source: s(d, "source"),
                        schema: opt_s(d, "schema"),
                        profile: opt_s(d, "profile"),
                        tags: key_values(di, "tags"),
                    }
                })
                .collect(),
            model_inputs: arr(inputs, "model_inputs")
                .iter()
                .map(|m| s(m, "model_id"))
                .collect(),
        },
        outputs: RunOutputs {
            model_outputs: arr(outputs, "model_outputs")
                .iter()
                .map(|m| ModelOutput {
                    model_id: s(m, "model_id"),
                    step: opt_i64(m, "step").unwrap_or(0),
                })
                .collect(),
        },
    })
}

pub(crate) fn model_version_of(v: &Value) -> Result<ModelVersion> {
    let stage = s(v, "current_stage");
    Ok(ModelVersion {
        name: s(v, "name"),
        version: s(v, "version").parse().map_err(|_| {
            Error::Failed(format!(
                "the server sent a model version numbered {:?}",
                s(v, "version")
            ))
        })?,
        creation_timestamp: opt_i64(v, "creation_timestamp"),
        last_updated_timestamp: opt_i64(v, "last_updated_timestamp"),
        current_stage: if stage.is_empty() {
            Stage::None
        } else {
            Stage::parse(&stage)?
        },
        description: v
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_string),
        source: opt_s(v, "source"),
        run_id: opt_s(v, "run_id"),
        run_link: opt_s(v, "run_link"),
        status: opt_s(v, "status").unwrap_or_else(|| "READY".into()),
        status_message: opt_s(v, "status_message"),
        user_id: opt_s(v, "user_id"),
        storage_location: opt_s(v, "storage_location"),
        model_id: opt_s(v, "model_id"),
        tags: key_values(v, "tags"),
        aliases: {
            let mut a: Vec<String> = arr(v, "aliases")
                .iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect();
            a.sort();
            a
        },
    })
}

pub(crate) fn registered_model_of(v: &Value) -> Result<RegisteredModel> {
    Ok(RegisteredModel {
        name: s(v, "name"),
        description: v
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_string),
        creation_timestamp: opt_i64(v, "creation_timestamp"),
        last_updated_timestamp: opt_i64(v, "last_updated_timestamp"),
        tags: key_values(v, "tags"),
        aliases: arr(v, "aliases")
            .iter()
            .map(|a| (s(a, "alias"), s(a, "version")))
            .collect(),
        latest_versions: {
            let mut versions = arr(v, "latest_versions")
                .iter()
                .map(model_version_of)
                .collect::<Result<Vec<_>>>()?;
            versions.sort_by_key(|mv| {
                Stage::ALL
                    .iter()
                    .position(|s| *s == mv.current_stage)
                    .unwrap_or(usize::MAX)
            });
            versions
        },
    })
}
