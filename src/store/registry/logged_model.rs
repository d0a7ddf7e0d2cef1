//! The read side of MLflow 3 logged models (`<exp>/models/m-…/meta.yaml`) that registration
//! and URI resolution need, plus the one write `mlflow.register_model` makes to them (the
//! `mlflow.modelVersions` tag).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::entities::ViewType;
use crate::entities::registry::tags;
use crate::error::{Error, Result};
use crate::store::experiment::ExperimentDir;
use crate::store::fsutil;
use crate::store::{FileStore, uri, yaml};
use crate::validate;

#[derive(Deserialize)]
struct LoggedModelMetaIn {
    artifact_location: Option<String>,
    creation_timestamp: Option<i64>,
    experiment_id: Option<String>,
    lifecycle_stage: Option<String>,
    model_id: Option<String>,
    name: Option<String>,
    source_run_id: Option<String>,
}

/// A logged model found in a tracking store.
#[derive(Debug, Clone)]
pub struct LoggedModelDir {
    pub model_id: String,
    pub experiment_id: String,
    pub path: PathBuf,
    pub name: Option<String>,
    pub source_run_id: Option<String>,
    pub artifact_location: Option<String>,
    pub creation_timestamp: Option<i64>,
    pub deleted: bool,
}

impl FileStore {
    /// The logged model `model_id` in any experiment (MLflow's `get_logged_model`: a deleted
    /// one counts as missing).
    pub fn find_logged_model(&self, model_id: &str) -> Result<Option<LoggedModelDir>> {
        if validate::validate_run_id(model_id).is_err() {
            return Ok(None);
        }
        if !self.root.is_dir() {
            return Ok(None);
        }
        for exp in self.experiment_dirs(ViewType::All)? {
            let dir = exp.path.join("models").join(model_id);
            if dir.join("meta.yaml").is_file() {
                let lm = read_logged_model(&exp, &dir, model_id)?;
                return Ok((!lm.deleted).then_some(lm));
            }
        }
        Ok(None)
    }

    /// The live logged models of an experiment named `name` whose source run is `run_id`.
    pub fn logged_models_of_run(
        &self,
        exp: &ExperimentDir,
        name: &str,
        run_id: &str,
    ) -> Result<Vec<LoggedModelDir>> {
        let models = exp.path.join("models");
        let mut out = Vec::new();
        let Ok(entries) = fs::read_dir(&models) else {
            return Ok(out);
        };
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&models, e))?;
            let id = entry.file_name().to_string_lossy().into_owned();
            if !entry.path().join("meta.yaml").is_file() {
                continue;
            }
            match read_logged_model(exp, &entry.path(), &id) {
                Ok(lm)
                    if !lm.deleted
                        && lm.name.as_deref() == Some(name)
                        && lm.source_run_id.as_deref() == Some(run_id) =>
                {
                    out.push(lm)
                }
                Ok(_) => {}
                Err(e) => self.warn(&format!("skipping malformed logged model: {e}")),
            }
        }
        out.sort_by(|a, b| a.model_id.cmp(&b.model_id));
        Ok(out)
    }

    /// The local directory of a logged model's artifacts: its recorded location when that
    /// exists, else `<model dir>/artifacts` of this store (a moved store; warned once).
    pub fn logged_model_artifacts(&self, lm: &LoggedModelDir) -> Result<PathBuf> {
        let local = lm.path.join("artifacts");
        match lm
            .artifact_location
            .as_deref()
            .map(uri::local_artifact_path)
        {
            Some(Some(p)) if p.exists() => Ok(p),
            Some(Some(p)) if local.is_dir() => {
                self.warn_once_moved(&format!(
                    "artifact location {} does not exist; using {} (the store seems to have moved)",
                    p.display(),
                    local.display()
                ));
                Ok(local)
            }
            Some(None) => Err(Error::Failed(format!(
                "artifact location '{}' of logged model {} is not on the local file system; mlrs reads local artifacts only",
                lm.artifact_location.as_deref().unwrap_or_default(),
                lm.model_id
            ))),
            _ => Ok(local),
        }
    }

    /// The artifact URI to record for a logged model: MLflow's `artifact_location`, or the
    /// local directory's `file://` URI when the recorded one no longer exists (moved store).
    pub fn logged_model_storage_location(&self, lm: &LoggedModelDir) -> Result<String> {
        let dir = self.logged_model_artifacts(lm)?;
        match lm.artifact_location.as_deref() {
            Some(loc) if uri::local_artifact_path(loc).as_deref() == Some(dir.as_path()) => {
                Ok(loc.to_string())
            }
            _ => Ok(uri::path_to_file_uri(&dir)),
        }
    }

    /// Appends `{"name": …, "version": …}` to the logged model's `mlflow.modelVersions` tag,
    /// as `mlflow.register_model` does (JSON in Python's `json.dumps` layout).
    pub fn record_model_version_on_logged_model(
        &self,
        lm: &LoggedModelDir,
        name: &str,
        version: i64,
    ) -> Result<()> {
        let _lock = self.lock()?;
        let tag = lm.path.join("tags").join(tags::MODEL_VERSIONS);
        let mut items: Vec<serde_json::Value> = match fs::read_to_string(&tag) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        items.push(serde_json::json!({ "name": name, "version": version }));
        let text = python_json_dumps(&serde_json::Value::Array(items));
        fsutil::mkdirs(&lm.path.join("tags"))?;
        fsutil::atomic_write(&tag, text.as_bytes(), &lm.path)
    }
}

fn read_logged_model(exp: &ExperimentDir, dir: &Path, id: &str) -> Result<LoggedModelDir> {
    let meta: LoggedModelMetaIn = yaml::read_yaml(&dir.join("meta.yaml"))?;
    Ok(LoggedModelDir {
        model_id: meta.model_id.unwrap_or_else(|| id.to_string()),
        experiment_id: meta.experiment_id.unwrap_or_else(|| exp.id.clone()),
        path: dir.to_path_buf(),
        name: meta.name,
        source_run_id: meta.source_run_id,
        artifact_location: meta.artifact_location,
        creation_timestamp: meta.creation_timestamp,
        deleted: meta.lifecycle_stage.as_deref() == Some("deleted"),
    })
}

/// Python's `json.dumps(value)`: `", "` and `": "` separators, ASCII-only strings.
pub(crate) fn python_json_dumps(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => validate::python_json_string(s),
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(python_json_dumps)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!(
                    "{}: {}",
                    validate::python_json_string(k),
                    python_json_dumps(v)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn model_versions_tag_uses_pythons_json_layout() {
        let v = serde_json::json!([{"name": "modèle", "version": 1}, {"name": "b", "version": 2}]);
        assert_eq!(
            super::python_json_dumps(&v),
            r#"[{"name": "mod\u00e8le", "version": 1}, {"name": "b", "version": 2}]"#
        );
    }
}
