//! Model URIs: what `register` records for `runs:/…`, `models:/…` and plain paths (as MLflow
//! 3's `register_model` and `create_model_version` fill `source`, `run_id`,
//! `storage_location` and `model_id`), and which local directory `resolve` finds behind
//! `models:/NAME/…`, `models:/NAME@ALIAS`, `models:/m-…` and `runs:/RUN/PATH`. A store that
//! was moved away from the absolute URIs MLflow recorded still resolves to its own files.

use std::path::{Component, Path, PathBuf};

use super::NewVersion;
use super::logged_model::LoggedModelDir;
use crate::entities::registry::{ModelVersion, Stage};
use crate::error::{Error, Result};
use crate::store::{FileStore, RunParts, uri};
use crate::validate;

/// A parsed `models:/` URI (MLflow's `_parse_model_uri`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelUri {
    /// `models:/<model_id>`: an MLflow 3 logged model.
    ModelId(String),
    /// `models:/<name>/<version>`.
    Version(String, String),
    /// `models:/<name>/<stage>`: the latest version in that stage.
    Stage(String, String),
    /// `models:/<name>/latest`: the highest version.
    Latest(String),
    /// `models:/<name>@<alias>`.
    Alias(String, String),
}

fn improper_model_uri(uri: &str) -> Error {
    Error::invalid(format!(
        "Not a proper models:/ URI: {uri}. Models URIs must be of the form 'models:/name/suffix' or 'models:/name@alias' where suffix is a version, stage, or the string 'latest' and where alias is a registered model alias. Only one of suffix or alias can be defined at a time."
    ))
}

fn improper_runs_uri(uri: &str) -> Error {
    Error::invalid(format!(
        "Not a proper runs:/ URI: {uri}. Runs URIs must be of the form 'runs:/<run_id>/run-relative/path/to/artifact'"
    ))
}

/// The scheme-less rest of `uri` when its scheme is `scheme` (any case, as `urlparse` reads
/// it), with a `//netloc` part dropped.
fn strip_scheme<'a>(uri: &'a str, scheme: &str) -> Option<&'a str> {
    let (s, rest) = uri.split_once(':')?;
    if !s.eq_ignore_ascii_case(scheme) {
        return None;
    }
    Some(match rest.strip_prefix("//") {
        Some(after) => after.find('/').map(|i| &after[i..]).unwrap_or(""),
        None => rest,
    })
}

/// MLflow's `_parse_model_uri`.
pub fn parse_model_uri(uri: &str) -> Result<ModelUri> {
    let path = strip_scheme(uri, "models").ok_or_else(|| improper_model_uri(uri))?;
    if !path.starts_with('/') || path.len() <= 1 {
        return Err(improper_model_uri(uri));
    }
    let parts: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if parts.len() > 2 || parts[0].trim().is_empty() {
        return Err(improper_model_uri(uri));
    }
    if let [name, suffix] = parts[..] {
        if suffix.trim().is_empty() {
            return Err(improper_model_uri(uri));
        }
        return Ok(if suffix.chars().all(|c| c.is_ascii_digit()) {
            ModelUri::Version(name.to_string(), suffix.to_string())
        } else if suffix.eq_ignore_ascii_case("latest") {
            ModelUri::Latest(name.to_string())
        } else {
            ModelUri::Stage(name.to_string(), suffix.to_string())
        });
    }
    if path.contains('@') {
        return match parts[0].rsplit_once('@') {
            Some((name, alias)) if !alias.trim().is_empty() => {
                Ok(ModelUri::Alias(name.to_string(), alias.to_string()))
            }
            _ => Err(improper_model_uri(uri)),
        };
    }
    Ok(ModelUri::ModelId(parts[0].to_string()))
}

/// MLflow's `parse_runs_uri`: (run id, artifact path; "" for the run's artifact root).
pub fn parse_runs_uri(uri: &str) -> Result<(String, String)> {
    let path = strip_scheme(uri, "runs").ok_or_else(|| improper_runs_uri(uri))?;
    if !path.starts_with('/') || path.len() <= 1 {
        return Err(improper_runs_uri(uri));
    }
    let (run, rest) = path[1..].split_once('/').unwrap_or((&path[1..], ""));
    if run.is_empty() {
        return Err(improper_runs_uri(uri));
    }
    validate::validate_run_id(run)?;
    Ok((run.to_string(), validate::validate_artifact_path(rest)?))
}

impl FileStore {
    /// `mlflow.register_model(uri, name, tags=…)`: resolves the source, creates the registered
    /// model when missing, creates the version and, for a logged model, records the new
    /// version in the model's `mlflow.modelVersions` tag. `self` is the registry store.
    pub fn register_model(
        &self,
        tracking: &FileStore,
        model_uri: &str,
        name: &str,
        tags: &[(String, String)],
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        validate::validate_model_name(name)?;
        for (k, v) in tags {
            validate::validate_registry_tag(k, v)?;
        }
        let (mut new, logged_model) = self.registration_source(tracking, model_uri)?;
        new.tags = tags.to_vec();
        new.description = description.map(str::to_string);
        let mv = self.create_model_version(name, &new, true)?;
        // The version exists now; failing to link it from the logged model is only worth a
        // warning (MLflow does the same when the logged model has gone).
        if let Some(lm) = logged_model
            && let Err(e) = tracking.record_model_version_on_logged_model(&lm, &mv.name, mv.version)
        {
            self.warn(&format!(
                "version {} of '{}' was created, but the logged model {} could not be tagged: {e}",
                mv.version, mv.name, lm.model_id
            ));
        }
        Ok(mv)
    }

    /// What a version registered from `model_uri` records, and the logged model it came from.
    pub fn registration_source(
        &self,
        tracking: &FileStore,
        model_uri: &str,
    ) -> Result<(NewVersion, Option<LoggedModelDir>)> {
        if strip_scheme(model_uri, "runs").is_some() {
            return registration_from_run(tracking, model_uri);
        }
        if strip_scheme(model_uri, "models").is_some() {
            return self.registration_from_models_uri(tracking, model_uri);
        }
        Ok((plain_registration_source(model_uri)?, None))
    }

    fn registration_from_models_uri(
        &self,
        tracking: &FileStore,
        model_uri: &str,
    ) -> Result<(NewVersion, Option<LoggedModelDir>)> {
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
                        storage_location: tracking.logged_model_storage_location(&lm)?,
                        model_id: Some(lm.model_id.clone()),
                        ..NewVersion::default()
                    },
                    Some(lm),
                ))
            }
            ModelUri::Version(name, version) => {
                let mv = self
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

    /// The local directory (or file) behind a model URI (`resolve`). `self` is the registry.
    pub fn resolve_model_uri(&self, tracking: &FileStore, model_uri: &str) -> Result<PathBuf> {
        self.resolve_uri_at_depth(tracking, model_uri, 0)
    }

    fn resolve_uri_at_depth(&self, tracking: &FileStore, u: &str, depth: usize) -> Result<PathBuf> {
        if depth > 4 {
            return Err(Error::Failed(format!(
                "'{u}' resolves through too many models:/ indirections"
            )));
        }
        if strip_scheme(u, "runs").is_some() {
            return resolve_runs_uri(tracking, u);
        }
        if strip_scheme(u, "models").is_none() {
            return Err(Error::invalid(format!(
                "cannot resolve '{u}': expected models:/NAME/VERSION, models:/NAME/STAGE, models:/NAME@ALIAS, models:/NAME/latest, models:/MODEL_ID or runs:/RUN_ID/PATH"
            )));
        }
        let mv = match parse_model_uri(u)? {
            ModelUri::ModelId(id) => {
                let lm = tracking
                    .find_logged_model(&id)?
                    .ok_or_else(|| Error::not_found(format!("Model '{id}' not found")))?;
                return tracking.logged_model_artifacts(&lm);
            }
            ModelUri::Version(name, version) => self.get_model_version(&name, &version)?,
            ModelUri::Latest(name) => self.latest_model_version(&name)?,
            ModelUri::Alias(name, alias) => self.get_model_version_by_alias(&name, &alias)?,
            ModelUri::Stage(name, stage) => {
                let canonical = Stage::parse(&stage)?;
                self.get_latest_versions(&name, &[canonical.as_str().to_string()])?
                    .into_iter()
                    .next()
                    .ok_or_else(|| {
                        Error::not_found(format!(
                            "No versions of model with name '{name}' and stage '{stage}' found"
                        ))
                    })?
            }
        };
        let location = mv.download_uri().ok_or_else(|| {
            Error::not_found(format!(
                "model version {} of '{}' has no source",
                mv.version, mv.name
            ))
        })?;
        if strip_scheme(location, "runs").is_some() || strip_scheme(location, "models").is_some() {
            return self.resolve_uri_at_depth(tracking, location, depth + 1);
        }
        resolve_location(tracking, location).map_err(|e| match e {
            Error::NotFound(m) => Error::not_found(format!(
                "model version {} of '{}': {m}",
                mv.version, mv.name
            )),
            other => other,
        })
    }
}

impl FileStore {
    /// The live logged model named `name` whose source run is `run_id` (`self` is the
    /// tracking store), picked as `register` picks it.
    pub fn logged_model_of_run_named(
        &self,
        run_id: &str,
        name: &str,
    ) -> Result<Option<LoggedModelDir>> {
        let dir = self.find_run_dir(run_id)?;
        logged_model_of_run(self, &dir, run_id, name)
    }
}

/// What a version registered from a path or a non-`runs:`/`models:` URI records: a plain path
/// absolute (MLflow keeps it verbatim, relative to whatever directory a later reader happens to
/// run in), a relative `file:` URI likewise; the path must exist.
pub fn plain_registration_source(model_uri: &str) -> Result<NewVersion> {
    let missing = || Error::not_found(format!("model path '{model_uri}' does not exist"));
    // A plain path is recorded absolute (MLflow keeps it verbatim, relative to whatever
    // directory a later reader happens to run in); a relative `file:` URI likewise.
    let source = match uri::uri_scheme(model_uri) {
        None => {
            let p = uri::absolute(Path::new(model_uri))?;
            if !p.exists() {
                return Err(missing());
            }
            p.to_string_lossy().into_owned()
        }
        Some(s) if s.eq_ignore_ascii_case("file") => {
            let given = uri::file_uri_to_path(model_uri)?;
            let p = uri::absolute(&given)?;
            if !p.exists() {
                return Err(missing());
            }
            if given.is_absolute() {
                model_uri.to_string()
            } else {
                uri::path_to_file_uri(&p)
            }
        }
        Some(_) => model_uri.to_string(),
    };
    Ok(NewVersion {
        storage_location: source.clone(),
        source,
        ..NewVersion::default()
    })
}

/// `runs:/RUN/PATH` for registration: the run's artifact directory when it holds an `MLmodel`
/// (source = that directory's URI), else the run's MLflow 3 logged model named PATH
/// (source = `models:/<model_id>`), else not found.
fn registration_from_run(
    tracking: &FileStore,
    model_uri: &str,
) -> Result<(NewVersion, Option<LoggedModelDir>)> {
    let (run_id, path) = parse_runs_uri(model_uri)?;
    let dir = tracking.find_run_dir(&run_id)?;
    let info = tracking.read_run_info(&dir)?;
    if let Ok(root) = tracking.artifact_root(&run_id) {
        let local = if path.is_empty() {
            root.clone()
        } else {
            root.join(&path)
        };
        if local.join("MLmodel").is_file() {
            let recorded = uri::local_artifact_path(&info.artifact_uri);
            let source = if recorded.as_deref() == Some(root.as_path()) {
                if path.is_empty() {
                    info.artifact_uri.clone()
                } else {
                    uri::append_to_uri_path(&info.artifact_uri, &[&path])
                }
            } else {
                uri::path_to_file_uri(&local)
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
    let lm = logged_model_of_run(tracking, &dir, &run_id, &path)?.ok_or_else(|| {
        Error::not_found(format!(
            "Unable to find a logged_model with artifact_path {path} under run {run_id}"
        ))
    })?;
    Ok((
        NewVersion {
            source: format!("models:/{}", lm.model_id),
            run_id: Some(run_id),
            storage_location: tracking.logged_model_storage_location(&lm)?,
            model_id: Some(lm.model_id.clone()),
            ..NewVersion::default()
        },
        Some(lm),
    ))
}

/// The run's logged model named `name`; with several, the one logged at the highest step
/// (as MLflow picks), then the newest.
fn logged_model_of_run(
    tracking: &FileStore,
    dir: &crate::store::RunDir,
    run_id: &str,
    name: &str,
) -> Result<Option<LoggedModelDir>> {
    if name.is_empty() {
        return Ok(None);
    }
    let mut models = tracking.logged_models_of_run(&dir.experiment, name, run_id)?;
    if models.len() > 1 {
        let outputs = tracking
            .read_run(
                dir,
                RunParts {
                    inputs: true,
                    ..RunParts::INFO
                },
            )?
            .outputs
            .model_outputs;
        let step = |lm: &LoggedModelDir| {
            outputs
                .iter()
                .find(|o| o.model_id == lm.model_id)
                .map(|o| o.step)
                .unwrap_or(i64::MIN)
        };
        models.sort_by_key(|lm| (step(lm), lm.creation_timestamp));
    }
    Ok(models.pop())
}

/// `runs:/RUN/PATH` → the local path: the run's artifact `PATH` when it exists, else the
/// artifacts of the run's logged model named after PATH's first segment (MLflow 3).
fn resolve_runs_uri(tracking: &FileStore, u: &str) -> Result<PathBuf> {
    let (run_id, path) = parse_runs_uri(u)?;
    let dir = tracking.find_run_dir(&run_id)?;
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
    if let Some(lm) = logged_model_of_run(tracking, &dir, &run_id, first)? {
        let base = tracking.logged_model_artifacts(&lm)?;
        let local = if rest.is_empty() {
            base
        } else {
            base.join(rest)
        };
        if local.exists() {
            return Ok(local);
        }
    }
    Err(Error::not_found(format!(
        "no artifacts at '{path}' in run {run_id}, and no logged model of that run named '{first}'"
    )))
}

/// A `file:` URI or plain path to an existing local path; for a moved store, the same
/// `<exp>/<run>/artifacts/…` or `<exp>/models/<id>/artifacts/…` inside this store.
fn resolve_location(tracking: &FileStore, location: &str) -> Result<PathBuf> {
    let Some(path) = uri::local_artifact_path(location) else {
        return Err(Error::Failed(format!(
            "storage location '{location}' is not on the local file system; mlrs resolves local stores only"
        )));
    };
    if path.exists() {
        return Ok(path);
    }
    if let Some(local) = relocated(tracking, &path)? {
        tracking.warn_once_moved(&format!(
            "storage location {} does not exist; using {} (the store seems to have moved)",
            path.display(),
            local.display()
        ));
        return Ok(local);
    }
    Err(Error::not_found(format!(
        "its files are not at '{location}'"
    )))
}

/// The store-relative tail of a recorded artifact path, found in this store.
fn relocated(tracking: &FileStore, path: &Path) -> Result<Option<PathBuf>> {
    let segs: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    for i in 1..segs.len() {
        if segs[i] != "artifacts" {
            continue;
        }
        let rest: PathBuf = segs[i + 1..].iter().collect();
        let mut candidates = Vec::new();
        if i >= 2
            && segs[i - 2] == "models"
            && let Some(lm) = tracking.find_logged_model(&segs[i - 1])?
        {
            candidates.push(lm.path.join("artifacts"));
        }
        if validate::validate_run_id(&segs[i - 1]).is_ok()
            && let Ok(dir) = tracking.find_run_dir(&segs[i - 1])
        {
            candidates.push(dir.path.join("artifacts"));
        }
        for base in candidates {
            let p = if rest.as_os_str().is_empty() {
                base
            } else {
                base.join(&rest)
            };
            if p.exists() {
                return Ok(Some(p));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_uris_parse_like_mlflow() {
        assert_eq!(
            parse_model_uri("models:/m/3").unwrap(),
            ModelUri::Version("m".into(), "3".into())
        );
        assert_eq!(
            parse_model_uri("models:/m/Production").unwrap(),
            ModelUri::Stage("m".into(), "Production".into())
        );
        assert_eq!(
            parse_model_uri("models:/m/LATEST").unwrap(),
            ModelUri::Latest("m".into())
        );
        assert_eq!(
            parse_model_uri("models:/a b@champion").unwrap(),
            ModelUri::Alias("a b".into(), "champion".into())
        );
        assert_eq!(
            parse_model_uri("models:/m-abc").unwrap(),
            ModelUri::ModelId("m-abc".into())
        );
        for bad in [
            "models:/",
            "models:m/1",
            "models:/a/b/c",
            "models:/m/ ",
            "models:/m@",
            "runs:/x",
        ] {
            assert!(parse_model_uri(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn runs_uris_parse_like_mlflow() {
        assert_eq!(
            parse_runs_uri("runs:/abc/model/sub").unwrap(),
            ("abc".into(), "model/sub".into())
        );
        assert_eq!(
            parse_runs_uri("runs:/abc").unwrap(),
            ("abc".into(), "".into())
        );
        assert!(parse_runs_uri("runs:/").is_err());
        assert!(parse_runs_uri("runs://x").is_err());
        assert!(parse_runs_uri("runs:/abc/../../x").is_err());
    }
}
