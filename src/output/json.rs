//! JSON documents in the shapes of MLflow's entity dictionaries (`mlflow runs describe`).
//! Non-finite floats become "NaN", "Infinity", "-Infinity" so every document is valid JSON.

use serde_json::{Map, Value, json};

use mlrs::entities::{Experiment, FileInfo, Metric, Run, RunInfo};

pub fn float(v: f64) -> Value {
    if v.is_nan() {
        Value::String("NaN".into())
    } else if v.is_infinite() {
        Value::String(if v > 0.0 { "Infinity" } else { "-Infinity" }.into())
    } else {
        json!(v)
    }
}

fn string_map<'a>(entries: impl Iterator<Item = (&'a String, &'a String)>) -> Value {
    Value::Object(
        entries
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

pub fn run_info(info: &RunInfo) -> Value {
    json!({
        "artifact_uri": info.artifact_uri,
        "end_time": info.end_time,
        "experiment_id": info.experiment_id,
        "lifecycle_stage": info.lifecycle_stage.as_str(),
        "run_id": info.run_id,
        "run_name": info.run_name,
        "start_time": info.start_time,
        "status": info.status.name(),
        "user_id": info.user_id,
    })
}

/// `mlflow runs describe`'s document: info, data (latest metrics, params, tags), inputs, outputs.
pub fn run(run: &Run) -> Value {
    let metrics: Map<String, Value> = run
        .data
        .metrics
        .iter()
        .map(|(k, m)| (k.clone(), float(m.value)))
        .collect();
    let dataset_inputs: Vec<Value> = run
        .inputs
        .dataset_inputs
        .iter()
        .map(|d| {
            json!({
                "dataset": {
                    "name": d.name, "digest": d.digest, "source_type": d.source_type,
                    "source": d.source, "schema": d.schema, "profile": d.profile,
                },
                "tags": string_map(d.tags.iter()),
            })
        })
        .collect();
    let model_inputs: Vec<Value> = run
        .inputs
        .model_inputs
        .iter()
        .map(|id| json!({ "model_id": id }))
        .collect();
    let model_outputs: Vec<Value> = run
        .outputs
        .model_outputs
        .iter()
        .map(|o| json!({ "model_id": o.model_id, "step": o.step }))
        .collect();
    json!({
        "info": run_info(&run.info),
        "data": {
            "metrics": Value::Object(metrics),
            "params": string_map(run.data.params.iter()),
            "tags": string_map(run.data.tags.iter()),
        },
        "inputs": { "dataset_inputs": dataset_inputs, "model_inputs": model_inputs },
        "outputs": { "model_outputs": model_outputs },
    })
}

pub fn experiment(e: &Experiment) -> Value {
    json!({
        "experiment_id": e.experiment_id,
        "name": e.name,
        "artifact_location": e.artifact_location,
        "lifecycle_stage": e.lifecycle_stage.as_str(),
        "tags": string_map(e.tags.iter()),
        "creation_time": e.creation_time,
        "last_update_time": e.last_update_time,
    })
}

pub fn metric(m: &Metric) -> Value {
    json!({ "key": m.key, "value": float(m.value), "timestamp": m.timestamp, "step": m.step })
}

pub fn file_info(f: &FileInfo) -> Value {
    json!({ "path": f.path, "is_dir": f.is_dir, "file_size": f.file_size })
}
