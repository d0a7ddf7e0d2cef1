//! `RegistryStore` over MLflow's REST API (`/api/2.0/mlflow/registered-models/…`,
//! `/model-versions/…`). Registration follows `mlflow.register_model`: the registered model is
//! created when missing, a `runs:/RUN/PATH` source becomes the run's artifact URI when PATH
//! holds an `MLmodel` (else the run's logged model named PATH, as `models:/<model_id>`), and a
//! version made from a logged model is recorded in its `mlflow.modelVersions` tag.

use std::path::PathBuf;

use serde_json::{Value, json};

use super::client::Method;
use super::{
    RestStore, arr, kv_json, model_version_of, opt_s, registered_model_of, run_info_of, s,
};
use crate::backend::{RegistryStore, TrackingStore};
use crate::entities::registry::{ModelVersion, RegisteredModel, Stage, tags as registry_tags};
use crate::error::{Error, Result};
use crate::search::{SearchPage, SearchQuery};
use crate::store::registry::{ModelUri, parse_model_uri, parse_runs_uri};
use crate::store::uri;
use crate::validate;

/// The largest page the server gives for registry searches.
const MODELS_PAGE: i64 = 1000;
const VERSIONS_PAGE: i64 = 10_000;

/// What a version registered from a model URI records.
struct Source {
    source: String,
    run_id: Option<String>,
    model_id: Option<String>,
}

/// A filter string literal, quoted as MLflow's search grammar reads it.
fn quoted(value: &str) -> String {
    format!("'{}'", value.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn is_scheme(u: &str, scheme: &str) -> bool {
    uri::uri_scheme(u).is_some_and(|s| s.eq_ignore_ascii_case(scheme))
}

impl RestStore {
    fn model_from(&self, reply: &Value) -> Result<RegisteredModel> {
        registered_model_of(reply.get("registered_model").unwrap_or(&Value::Null))
    }

    fn version_from(&self, reply: &Value) -> Result<ModelVersion> {
        model_version_of(reply.get("model_version").unwrap_or(&Value::Null))
    }

    fn search_versions_page(&self, body: Value) -> Result<Value> {
        self.get("model-versions/search", body)
    }

    /// What `mlflow.register_model` records for `model_uri`, found without writing.
    fn registration_source(&self, model_uri: &str) -> Result<Source> {
        if is_scheme(model_uri, "runs") {
            let (run_id, path) = parse_runs_uri(model_uri)?;
            let run = self.get("runs/get", json!({ "run_id": run_id }))?;
            let run = run.get("run").unwrap_or(&Value::Null);
            let info = run_info_of(run.get("info").unwrap_or(&Value::Null))?;
            let has_mlmodel = self
                .artifacts(&run_id)?
                .list(&path)?
                .iter()
                .any(|f| f.path.rsplit('/').next() == Some("MLmodel"));
            if has_mlmodel {
                let source = if path.is_empty() {
                    info.artifact_uri.clone()
                } else {
                    uri::append_to_uri_path(&info.artifact_uri, &[&path])
                };
                return Ok(Source {
                    source,
                    run_id: Some(run_id),
                    model_id: None,
                });
            }
            let model_id = self.logged_model_of(&info.experiment_id, &run_id, &path, run)?;
            return Ok(Source {
                source: format!("models:/{model_id}"),
                run_id: Some(run_id),
                model_id: Some(model_id),
            });
        }
        if is_scheme(model_uri, "models") {
            return match parse_model_uri(model_uri)? {
                ModelUri::ModelId(id) => {
                    let reply = self
                        .get(&format!("logged-models/{id}"), json!({}))
                        .map_err(|e| match e {
                            Error::NotFound(m) => Error::not_found(format!(
                                "Unable to fetch model from model URI source artifact location '{model_uri}'.Error: {m}"
                            )),
                            other => other,
                        })?;
                    let info = reply
                        .get("model")
                        .and_then(|m| m.get("info"))
                        .unwrap_or(&Value::Null);
                    Ok(Source {
                        source: model_uri.to_string(),
                        run_id: opt_s(info, "source_run_id"),
                        model_id: Some(id),
                    })
                }
                ModelUri::Version(name, version) => {
                    let mv = self.get_model_version(&name, &version)?;
                    Ok(Source {
                        source: model_uri.to_string(),
                        run_id: None,
                        model_id: mv.model_id,
                    })
                }
                _ => Err(Error::invalid(format!(
                    "cannot register from '{model_uri}': a models:/ source must be models:/<model_id> or models:/<name>/<version> (MLflow cannot register stage, alias or 'latest' URIs either)"
                ))),
            };
        }
        // A local path has no run id, so MLflow's server refuses it; refused here as it would
        // be, before `register_model` creates the registered model.
        if uri::uri_scheme(model_uri).is_none() || is_scheme(model_uri, "file") {
            return Err(Error::invalid(format!(
                "Invalid model version source: '{model_uri}'. To use a local path as a model version source, the run_id request parameter has to be specified and the local path has to be contained within the artifact directory of the run specified by the run_id."
            )));
        }
        // Any other source is recorded as given; the server decides whether it accepts it.
        Ok(Source {
            source: model_uri.to_string(),
            run_id: None,
            model_id: None,
        })
    }

    /// The live logged model named `name` whose source run is `run_id`; with several, the
    /// one logged at the highest step of the run's outputs (as `register_model` picks).
    fn logged_model_of(
        &self,
        experiment_id: &str,
        run_id: &str,
        name: &str,
        run: &Value,
    ) -> Result<String> {
        let not_found = || {
            Error::not_found(format!(
                "Unable to find a logged_model with artifact_path {name} under run {run_id}"
            ))
        };
        if name.is_empty() {
            return Err(not_found());
        }
        let found = self.all_pages(
            Method::Post,
            "logged-models/search",
            json!({
                "experiment_ids": [experiment_id],
                "filter": format!("source_run_id = {} AND name = {}", quoted(run_id), quoted(name)),
                "max_results": 100,
            }),
            "models",
        )?;
        let ids: Vec<String> = found
            .iter()
            .map(|m| s(m.get("info").unwrap_or(&Value::Null), "model_id"))
            .filter(|id| !id.is_empty())
            .collect();
        let step_of = |id: &str| {
            arr(run.get("outputs").unwrap_or(&Value::Null), "model_outputs")
                .iter()
                .find(|o| s(o, "model_id") == id)
                .and_then(|o| super::opt_i64(o, "step"))
                .unwrap_or(i64::MIN)
        };
        match ids.len() {
            0 => Err(not_found()),
            1 => Ok(ids[0].clone()),
            _ => Ok(ids
                .iter()
                .max_by_key(|id| step_of(id))
                .cloned()
                .expect("at least two")),
        }
    }

    /// Appends the new version to the logged model's `mlflow.modelVersions` tag, as
    /// `mlflow.register_model` does; a failure is a warning (the version exists).
    fn record_on_logged_model(&self, model_id: &str, mv: &ModelVersion) {
        let result = (|| -> Result<()> {
            let reply = self.get(&format!("logged-models/{model_id}"), json!({}))?;
            let info = reply
                .get("model")
                .and_then(|m| m.get("info"))
                .unwrap_or(&Value::Null);
            let mut list: Vec<Value> = super::key_values(info, "tags")
                .get(registry_tags::MODEL_VERSIONS)
                .and_then(|t| serde_json::from_str(t).ok())
                .unwrap_or_default();
            // Over REST MLflow's client holds the version as the proto's string.
            list.push(json!({ "name": mv.name, "version": mv.version.to_string() }));
            let value = crate::store::registry::python_json_dumps(&Value::Array(list));
            self.client
                .call(
                    Method::Patch,
                    &format!("logged-models/{model_id}/tags"),
                    &json!({ "tags": [{ "key": registry_tags::MODEL_VERSIONS, "value": value }] }),
                )
                .map(drop)
        })();
        if let Err(e) = result {
            (self.warn)(&format!(
                "version {} of '{}' was created, but the logged model {model_id} could not be tagged: {e}",
                mv.version, mv.name
            ));
        }
    }

    fn all_versions_matching(&self, filter: String) -> Result<Vec<ModelVersion>> {
        let mut body = json!({ "filter": filter, "max_results": VERSIONS_PAGE });
        let mut out = Vec::new();
        loop {
            let page = self.search_versions_page(body.clone())?;
            for v in arr(&page, "model_versions") {
                out.push(model_version_of(v)?);
            }
            match opt_s(&page, "next_page_token") {
                Some(token) => body["page_token"] = json!(token),
                None => return Ok(out),
            }
        }
    }
}

impl RegistryStore for RestStore {
    fn as_file_store(&self) -> Option<&crate::store::FileStore> {
        None
    }

    fn create_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<RegisteredModel> {
        validate::validate_model_name_mlflow(name)?;
        for (k, v) in tags {
            validate::validate_registry_tag(k, v)?;
        }
        let mut body = json!({ "name": name, "tags": kv_json(tags) });
        if let Some(d) = description {
            body["description"] = json!(d);
        }
        let reply = self.post("registered-models/create", body)?;
        self.model_from(&reply)
    }

    fn get_registered_model(&self, name: &str) -> Result<RegisteredModel> {
        validate::validate_model_name_mlflow(name)?;
        let reply = self.get("registered-models/get", json!({ "name": name }))?;
        self.model_from(&reply)
    }

    fn list_registered_models(&self) -> Result<Vec<RegisteredModel>> {
        let found = self.all_pages(
            Method::Get,
            "registered-models/search",
            json!({ "max_results": MODELS_PAGE }),
            "registered_models",
        )?;
        let mut out = found
            .iter()
            .map(registered_model_of)
            .collect::<Result<Vec<_>>>()?;
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_model_name_mlflow(new_name)?;
        let reply = self.post(
            "registered-models/rename",
            json!({ "name": name, "new_name": new_name }),
        )?;
        self.model_from(&reply)
    }

    fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        validate::validate_model_name_mlflow(name)?;
        let reply = self.client.call(
            Method::Patch,
            "registered-models/update",
            &json!({ "name": name, "description": description.unwrap_or("") }),
        )?;
        self.model_from(&reply)
    }

    fn delete_registered_model(&self, name: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        self.client
            .call(
                Method::Delete,
                "registered-models/delete",
                &json!({ "name": name }),
            )
            .map(drop)
    }

    fn set_registered_model_tag(&self, name: &str, key: &str, value: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_registry_tag(key, value)?;
        self.post(
            "registered-models/set-tag",
            json!({ "name": name, "key": key, "value": value }),
        )
        .map(drop)
    }

    fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_tag_name(key, "key")?;
        self.client
            .call(
                Method::Delete,
                "registered-models/delete-tag",
                &json!({ "name": name, "key": key }),
            )
            .map(drop)
    }

    fn search_registered_models(&self, query: &SearchQuery) -> Result<SearchPage<RegisteredModel>> {
        let mut body = json!({
            "filter": query.filter,
            "max_results": query.max_results,
            "order_by": query.order_by,
        });
        if let Some(t) = query.page_token {
            body["page_token"] = json!(t);
        }
        let reply = self.get("registered-models/search", body)?;
        Ok(SearchPage {
            items: arr(&reply, "registered_models")
                .iter()
                .map(registered_model_of)
                .collect::<Result<Vec<_>>>()?,
            next_page_token: opt_s(&reply, "next_page_token"),
        })
    }

    fn check_registration_source(
        &self,
        _tracking: &dyn TrackingStore,
        model_uri: &str,
    ) -> Result<()> {
        self.registration_source(model_uri).map(drop)
    }

    fn register_model(
        &self,
        _tracking: &dyn TrackingStore,
        model_uri: &str,
        name: &str,
        tags: &[(String, String)],
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        validate::validate_model_name_mlflow(name)?;
        for (k, v) in tags {
            validate::validate_registry_tag(k, v)?;
        }
        let source = self.registration_source(model_uri)?;
        match self.post("registered-models/create", json!({ "name": name })) {
            Ok(_) | Err(Error::AlreadyExists(_)) => {}
            Err(e) => return Err(e),
        }
        let mut body = json!({ "name": name, "source": source.source, "tags": kv_json(tags) });
        if let Some(r) = &source.run_id {
            body["run_id"] = json!(r);
        }
        if let Some(m) = &source.model_id {
            body["model_id"] = json!(m);
        }
        if let Some(d) = description {
            body["description"] = json!(d);
        }
        let mv = self.version_from(&self.post("model-versions/create", body)?)?;
        if let Some(model_id) = &source.model_id {
            self.record_on_logged_model(model_id, &mv);
        }
        Ok(mv)
    }

    fn list_model_versions(&self, name: &str) -> Result<Vec<ModelVersion>> {
        self.get_registered_model(name)?;
        let mut out = self.all_versions_matching(format!("name = {}", quoted(name)))?;
        out.retain(|v| v.name == name);
        out.sort_by_key(|v| v.version);
        Ok(out)
    }

    fn get_model_version(&self, name: &str, version: &str) -> Result<ModelVersion> {
        validate::validate_model_name_mlflow(name)?;
        let v = validate::validate_model_version(version)?;
        let reply = self.get(
            "model-versions/get",
            json!({ "name": name, "version": v.to_string() }),
        )?;
        self.version_from(&reply)
    }

    fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_alias_name(alias)?;
        if alias.eq_ignore_ascii_case("latest") {
            return self
                .list_model_versions(name)?
                .into_iter()
                .max_by_key(|v| v.version)
                .ok_or_else(|| {
                    Error::not_found(format!("Latest version not found for model {name}."))
                });
        }
        let reply = self.get(
            "registered-models/alias",
            json!({ "name": name, "alias": alias }),
        )?;
        self.version_from(&reply)
    }

    fn update_model_version(
        &self,
        name: &str,
        version: &str,
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        validate::validate_model_name_mlflow(name)?;
        let v = validate::validate_model_version(version)?;
        let reply = self.client.call(
            Method::Patch,
            "model-versions/update",
            &json!({ "name": name, "version": v.to_string(), "description": description.unwrap_or("") }),
        )?;
        self.version_from(&reply)
    }

    fn delete_model_version(&self, name: &str, version: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        let v = validate::validate_model_version(version)?;
        self.client
            .call(
                Method::Delete,
                "model-versions/delete",
                &json!({ "name": name, "version": v.to_string() }),
            )
            .map(drop)
    }

    fn set_model_version_tag(
        &self,
        name: &str,
        version: &str,
        key: &str,
        value: &str,
    ) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        let v = validate::validate_model_version(version)?;
        validate::validate_registry_tag(key, value)?;
        self.post(
            "model-versions/set-tag",
            json!({ "name": name, "version": v.to_string(), "key": key, "value": value }),
        )
        .map(drop)
    }

    fn delete_model_version_tag(&self, name: &str, version: &str, key: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        let v = validate::validate_model_version(version)?;
        validate::validate_tag_name(key, "key")?;
        self.client
            .call(
                Method::Delete,
                "model-versions/delete-tag",
                &json!({ "name": name, "version": v.to_string(), "key": key }),
            )
            .map(drop)
    }

    fn transition_model_version_stage(
        &self,
        name: &str,
        version: &str,
        stage: &str,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion> {
        validate::validate_model_name_mlflow(name)?;
        let v = validate::validate_model_version(version)?;
        let stage = Stage::parse_transition(stage, archive_existing_versions)?;
        let reply = self.post(
            "model-versions/transition-stage",
            json!({
                "name": name,
                "version": v.to_string(),
                "stage": stage.as_str(),
                "archive_existing_versions": archive_existing_versions,
            }),
        )?;
        self.version_from(&reply)
    }

    fn get_latest_versions(&self, name: &str, stages: &[String]) -> Result<Vec<ModelVersion>> {
        validate::validate_model_name_mlflow(name)?;
        let wanted = Stage::requested(stages)?;
        let reply = self.post(
            "registered-models/get-latest-versions",
            json!({ "name": name, "stages": wanted.iter().map(|s| s.as_str()).collect::<Vec<_>>() }),
        )?;
        let mut out = arr(&reply, "model_versions")
            .iter()
            .map(model_version_of)
            .collect::<Result<Vec<_>>>()?;
        super::sort_by_stage(&mut out);
        Ok(out)
    }

    fn search_model_versions(&self, query: &SearchQuery) -> Result<SearchPage<ModelVersion>> {
        let mut body = json!({
            "filter": query.filter,
            "max_results": query.max_results,
            "order_by": query.order_by,
        });
        if let Some(t) = query.page_token {
            body["page_token"] = json!(t);
        }
        let reply = self.search_versions_page(body)?;
        Ok(SearchPage {
            items: arr(&reply, "model_versions")
                .iter()
                .map(model_version_of)
                .collect::<Result<Vec<_>>>()?,
            next_page_token: opt_s(&reply, "next_page_token"),
        })
    }

    fn whole_registry(&self) -> Result<Vec<(RegisteredModel, Vec<ModelVersion>)>> {
        // The server's API shows live versions only (soft-deleted ones are its own business).
        self.list_registered_models()?
            .into_iter()
            .map(|m| {
                let versions = self.list_model_versions(&m.name)?;
                Ok((m, versions))
            })
            .collect()
    }

    fn set_registered_model_alias(&self, name: &str, alias: &str, version: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_alias_name(alias)?;
        validate::validate_alias_name_not_reserved(alias)?;
        let v = validate::validate_model_version(version)?;
        self.post(
            "registered-models/alias",
            json!({ "name": name, "alias": alias, "version": v.to_string() }),
        )
        .map(drop)
    }

    fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_alias_name(alias)?;
        self.client
            .call(
                Method::Delete,
                "registered-models/alias",
                &json!({ "name": name, "alias": alias }),
            )
            .map(drop)
    }

    fn resolve_model_uri(&self, _tracking: &dyn TrackingStore, model_uri: &str) -> Result<PathBuf> {
        let mv = match parse_model_uri(model_uri)? {
            ModelUri::Version(name, version) => self.get_model_version(&name, &version)?,
            ModelUri::Alias(name, alias) => self.get_model_version_by_alias(&name, &alias)?,
            ModelUri::Latest(name) => self.get_model_version_by_alias(&name, "latest")?,
            ModelUri::Stage(name, stage) => {
                crate::backend::model_uri::version_in_stage(self, &name, &stage)?
            }
            ModelUri::ModelId(id) => {
                return Err(Error::invalid(format!(
                    "models:/{id} is a logged model on the tracking server {}; its files are not on a local disk",
                    self.server()
                )));
            }
        };
        let reply = self.get(
            "model-versions/get-download-uri",
            json!({ "name": mv.name, "version": mv.version.to_string() }),
        )?;
        Err(Error::invalid(format!(
            "{model_uri} is version {} of '{}' on the tracking server {}: its files are at {}, not on a local disk (copy them with `mlrs artifacts download`)",
            mv.version,
            mv.name,
            self.server(),
            s(&reply, "artifact_uri")
        )))
    }
}
