//! JSON documents for the model registry, in the shapes of MLflow's entity dictionaries
//! (see cli.md): `version` is a string, as MLflow's REST API and CLI print it.

use serde_json::{Value, json};

use mlrs::entities::registry::{ModelVersion, RegisteredModel};

fn string_map<'a>(entries: impl Iterator<Item = (&'a String, &'a String)>) -> Value {
    Value::Object(
        entries
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

pub fn model_version(mv: &ModelVersion) -> Value {
    json!({
        "name": mv.name,
        "version": mv.version.to_string(),
        "current_stage": mv.current_stage.as_str(),
        "description": mv.description,
        "source": mv.source,
        "run_id": mv.run_id,
        "status": mv.status,
        "creation_timestamp": mv.creation_timestamp,
        "last_updated_timestamp": mv.last_updated_timestamp,
        "tags": string_map(mv.tags.iter()),
        "aliases": mv.aliases,
    })
}

pub fn registered_model(rm: &RegisteredModel) -> Value {
    json!({
        "name": rm.name,
        "description": rm.description,
        "creation_timestamp": rm.creation_timestamp,
        "last_updated_timestamp": rm.last_updated_timestamp,
        "tags": string_map(rm.tags.iter()),
        "aliases": string_map(rm.aliases.iter()),
        "latest_versions": rm.latest_versions.iter().map(model_version).collect::<Vec<_>>(),
    })
}
