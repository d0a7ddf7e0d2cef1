//! Model URIs over the store interface: what `register` records for `runs:/…`, `models:/…`
//! and plain paths, and which local directory `resolve` finds behind them, for a registry that
//! is not the file store (the file registry has its own, which also finds the files of a moved
//! store). Only trait methods are used, so any tracking backend works behind any registry.

use std::path::PathBuf;

use super::{LoggedModelRef, RegistryStore, TrackingStore};
use crate::entities::registry::{ModelVersion, Stage};
use crate::error::{Error, Result};
use crate::store::registry::{
    ModelUri, NewVersion, parse_model_uri, parse_runs_uri, plain_registration_source,
};
use crate::store::uri;

/// The scheme of `u` when it is `runs` or `models` (any case, as `urlparse` reads it).
fn is_scheme(u: &str, scheme: &str) -> bool {
    uri::uri_scheme(u).is_some_and(|s| s.eq_ignore_ascii_case(scheme))
}

/// What a version registered from `model_uri` records, and the logged model it came from.
pub(crate) fn registration_source(
    registry: &dyn RegistryStore,
    tracking: &dyn TrackingStore,
    model_uri: &str,
) -> Result<(NewVersion, Option<LoggedModelRef>)> {
    if is_scheme(model_uri, "runs") {
        return registration_from_run(tracking, model_uri);
    }
    if is_scheme(model_uri, "models") {
        return registration_from_models_uri(registry, tracking, model_uri);
    }
    Ok((plain_registration_source(model_uri)?, None))
}

/// `runs:/RUN/PATH`: the run's artifact directory when it holds an `MLmodel` (source = that
/// directory's URI), else the run's MLflow 3 logged model named PATH (source =
/// `models:/<model_id>`), else not found.
fn registration_from_run(
    tracking: &dyn TrackingStore,
    model_uri: &str,
) -> Result<(NewVersion, Option<LoggedModelRef>)> {
    let (run_id, path) = parse_runs_uri(model_uri)?;
    let info = tracking.get_run(&run_id)?.info;
    if let Ok(root) = tracking.artifact_root(&run_id) {
        let local = if path.is_empty() {
            root.clone()
        } else {
            root.join(&path)
        };
        if local.join("MLmodel").is_file() {
            let source = if path.is_empty() {
                info.artifact_uri.clone()
            } else {
                uri::append_to_uri_path(&info.artifact_uri, &[&path])
            };
            return Ok((
                NewVersion {
                    storage_location: source.clone(),
                    source,
                    run_id: Some(run_id),
                    ..NewVersion::default()
                },
                None,
            ));
        }
    }
    let lm = if path.is_empty() {
        None
    } else {
        tracking.logged_model_of_run(&run_id, &path)?
    };
    let lm = lm.ok_or_else(|| {
        Error::not_found(format!(
            "Unable to find a logged_model with artifact_path {path} under run {run_id}"
        ))
    })?;
    Ok((
        NewVersion {
            source: format!("models:/{}", lm.model_id),
            run_id: Some(run_id),
            storage_location: lm.storage_location.clone(),
            model_id: Some(lm.model_id.clone()),
            ..NewVersion::default()
        },
        Some(lm),
    ))
}

fn registration_from_models_uri(
    registry: &dyn RegistryStore,
    tracking: &dyn TrackingStore,
    model_uri: &str,
) -> Result<(NewVersion, Option<LoggedModelRef>)> {
    let unable = |e: &dyn std::fmt::Display| {
        format!(
            "Unable to fetch model from model URI source artifact location '{model_uri}'.Error: {e}"
        )
    };
    match parse_model_uri(model_uri)? {
        ModelUri::ModelId(id) => {
            let lm = tracking
                .find_logged_model(&id)?
                .ok_or_else(|| Error::not_found(unable(&format!("Model '{id}' not found"))))?;
            Ok((
                NewVersion {
                    source: model_uri.to_string(),
                    run_id: lm.source_run_id.clone(),
                    storage_location: lm.storage_location.clone(),
                    model_id: Some(lm.model_id.clone()),
                    ..NewVersion::default()
                },
                Some(lm),
            ))
        }
        ModelUri::Version(name, version) => {
            let mv = registry
                .get_model_version(&name, &version)
                .map_err(|e| match e {
                    Error::NotFound(m) => Error::not_found(unable(&m)),
                    other => other,
                })?;
            let location = mv.download_uri().unwrap_or_default().to_string();
            let logged = match &mv.model_id {
                Some(id) => tracking.find_logged_model(id)?,
                None => None,
            };
            Ok((
                NewVersion {
                    source: model_uri.to_string(),
                    run_id: logged.as_ref().and_then(|lm| lm.source_run_id.clone()),
                    storage_location: location,
                    model_id: mv.model_id.clone(),
                    ..NewVersion::default()
                },
                logged,
            ))
        }
        _ => Err(Error::invalid(format!(
            "cannot register from '{model_uri}': a models:/ source must be models:/<model_id> or models:/<name>/<version> (MLflow cannot register stage, alias or 'latest' URIs either)"
        ))),
    }
}

/// The local directory (or file) behind a model URI.
pub(crate) fn resolve_model_uri(
    registry: &dyn RegistryStore,
    tracking: &dyn TrackingStore,
    model_uri: &str,
) -> Result<PathBuf> {
    resolve_at_depth(registry, tracking, model_uri, 0)
}

fn resolve_at_depth(
    registry: &dyn RegistryStore,
    tracking: &dyn TrackingStore,
    u: &str,
    depth: usize,
) -> Result<PathBuf> {
    if depth > 4 {
        return Err(Error::Failed(format!(
            "'{u}' resolves through too many models:/ indirections"
        )));
    }
    if is_scheme(u, "runs") {
        return resolve_runs_uri(tracking, u);
    }
    if !is_scheme(u, "models") {
        return Err(Error::invalid(format!(
            "cannot resolve '{u}': expected models:/NAME/VERSION, models:/NAME/STAGE, models:/NAME@ALIAS, models:/NAME/latest, models:/MODEL_ID or runs:/RUN_ID/PATH"
        )));
    }
    let mv = match parse_model_uri(u)? {
        ModelUri::ModelId(id) => {
            let lm = tracking
                .find_logged_model(&id)?
                .ok_or_else(|| Error::not_found(format!("Model '{id}' not found")))?;
            return Ok(lm.artifacts);
        }
        ModelUri::Version(name, version) => registry.get_model_version(&name, &version)?,
        ModelUri::Latest(name) => latest_model_version(registry, &name)?,
        ModelUri::Alias(name, alias) => registry.get_model_version_by_alias(&name, &alias)?,
        ModelUri::Stage(name, stage) => version_in_stage(registry, &name, &stage)?,
    };
    let location = mv.download_uri().ok_or_else(|| {
        Error::not_found(format!(
            "model version {} of '{}' has no source",
            mv.version, mv.name
        ))
    })?;
    if is_scheme(location, "runs") || is_scheme(location, "models") {
        return resolve_at_depth(registry, tracking, location, depth + 1);
    }
    let Some(path) = uri::local_artifact_path(location) else {
        return Err(Error::Failed(format!(
            "storage location '{location}' is not on the local file system; mlrs resolves local stores only"
        )));
    };
    if path.exists() {
        return Ok(path);
    }
    Err(Error::not_found(format!(
        "model version {} of '{}': its files are not at '{location}'",
        mv.version, mv.name
    )))
}

/// The highest version of a model in a stage (`models:/<name>/<stage>`, any case).
pub(crate) fn version_in_stage(
    registry: &dyn RegistryStore,
    name: &str,
    stage: &str,
) -> Result<ModelVersion> {
    let canonical = Stage::parse(stage)?;
    registry
        .get_latest_versions(name, &[canonical.as_str().to_string()])?
        .into_iter()
        .next()
        .ok_or_else(|| {
            Error::not_found(format!(
                "No versions of model with name '{name}' and stage '{stage}' found"
            ))
        })
}

/// The highest live version of a model (`models:/<name>/latest`).
fn latest_model_version(registry: &dyn RegistryStore, name: &str) -> Result<ModelVersion> {
    registry
        .list_model_versions(name)?
        .into_iter()
        .max_by_key(|v| v.version)
        .ok_or_else(|| Error::not_found(format!("No versions of model with name '{name}' found")))
}

/// `runs:/RUN/PATH` → the run's artifact `PATH` when it exists, else the artifacts of the
/// run's logged model named after PATH's first segment (MLflow 3).
fn resolve_runs_uri(tracking: &dyn TrackingStore, u: &str) -> Result<PathBuf> {
    let (run_id, path) = parse_runs_uri(u)?;
    tracking.check_run_exists(&run_id)?;
    if let Ok(root) = tracking.artifact_root(&run_id) {
        let local = if path.is_empty() {
            root
        } else {
            root.join(&path)
        };
        if local.exists() {
            return Ok(local);
        }
    }
    let (first, rest) = path.split_once('/').unwrap_or((&path, ""));
    if !first.is_empty()
        && let Some(lm) = tracking.logged_model_of_run(&run_id, first)?
    {
        let local = if rest.is_empty() {
            lm.artifacts
        } else {
            lm.artifacts.join(rest)
        };
        if local.exists() {
            return Ok(local);
        }
    }
    Err(Error::not_found(format!(
        "no artifacts at '{path}' in run {run_id}, and no logged model of that run named '{first}'"
    )))
}
