//! Registered models: create, get, list, rename, update, delete, tags and latest versions.
//! A rename moves the directory and rewrites the names (MLflow's copies, loses tags and
//! aliases, and crashes half-way when a version has tags).

use std::fs;
use std::path::{Path, PathBuf};

use super::{ALIASES, META, RegisteredModelMeta, TAGS, latest_per_stage, model_not_found};
use crate::entities::registry::{ModelVersion, RegisteredModel, Stage, tags};
use crate::error::{Error, Result};
use crate::store::{FileStore, fsutil, now_ms};
use crate::validate;

impl FileStore {
    /// MLflow's `create_registered_model`.
    pub fn create_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<RegisteredModel> {
        validate::validate_model_name(name)?;
        for (k, v) in tags {
            validate::validate_registry_tag(k, v)?;
        }
        let _lock = self.registry_lock()?;
        self.create_model_locked(name, description, tags)?;
        self.get_registered_model(name)
    }

    /// Creates the model directory exclusively, then its meta and tags. Lock held.
    pub(super) fn create_model_locked(
        &self,
        name: &str,
        description: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<PathBuf> {
        let dir = self.model_path(name)?;
        fsutil::mkdirs(&self.models_dir())?;
        if dir.exists() {
            return Err(self.model_exists_error(name, &dir, tags));
        }
        // Built in a staging directory and renamed into place: a killed process never leaves
        // a model directory without meta.yaml, and a rename onto an existing model fails.
        let staging = self.staging_dir()?;
        let now = now_ms();
        let built = self
            .write_model_meta(
                &staging,
                &RegisteredModelMeta {
                    creation_timestamp: Some(now),
                    description: description.map(str::to_string),
                    last_updated_timestamp: Some(now),
                    name: Some(name.to_string()),
                    ..RegisteredModelMeta::default()
                },
            )
            .and_then(|_| {
                tags.iter()
                    .try_for_each(|(k, v)| write_key_file(&staging, TAGS, k, v))
            });
        if let Err(e) = built {
            let _ = fsutil::discard_staging(&staging);
            return Err(e);
        }
        if let Err(e) = fsutil::publish(&staging, &dir) {
            let _ = fsutil::discard_staging(&staging);
            if dir.exists() {
                return Err(self.model_exists_error(name, &dir, tags));
            }
            return Err(Error::io(&dir, e));
        }
        Ok(dir)
    }

    /// MLflow's wording, which differs when the name is taken by a prompt.
    fn model_exists_error(&self, name: &str, dir: &Path, new_tags: &[(String, String)]) -> Error {
        let existing_is_prompt = fs::read_to_string(dir.join(TAGS).join(tags::IS_PROMPT))
            .map(|v| v.eq_ignore_ascii_case("true"))
            .unwrap_or(false);
        model_exists_error(name, existing_is_prompt, new_tags)
    }

    /// MLflow's `get_registered_model`, with `latest_versions`.
    pub fn get_registered_model(&self, name: &str) -> Result<RegisteredModel> {
        let dir = self.existing_model_dir(name)?;
        self.read_registered_model(&dir, name)
    }

    /// Every registered model, sorted by name. Prompts (MLflow 3) are left out, as MLflow's
    /// searches leave them out; a malformed model is skipped with a warning naming its path.
    pub fn list_registered_models(&self) -> Result<Vec<RegisteredModel>> {
        self.all_registered_models(false)
    }

    /// Every registered model, prompts included when asked (search filters them itself).
    pub fn all_registered_models(&self, include_prompts: bool) -> Result<Vec<RegisteredModel>> {
        let models = self.models_dir();
        let entries = match fs::read_dir(&models) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&models, e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&models, e))?;
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if !is_dir {
                continue;
            }
            let Ok(name) = entry.file_name().into_string() else {
                self.warn(&format!(
                    "skipping {}: name is not valid UTF-8",
                    entry.path().display()
                ));
                continue;
            };
            if !entry.path().join(META).is_file() {
                self.warn(&format!(
                    "skipping {}: registered model directory has no meta.yaml",
                    entry.path().display()
                ));
                continue;
            }
            match self.read_registered_model(&entry.path(), &name) {
                Ok(m)
                    if !include_prompts
                        && m.tags.get(tags::IS_PROMPT).map(String::as_str) == Some("true") => {}
                Ok(m) => out.push(m),
                Err(e) => self.warn(&format!("skipping malformed registered model: {e}")),
            }
        }
        out.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(out)
    }

    /// Renames a registered model: one directory move (tags, aliases and versions go with it),
    /// then the `name` in every meta is rewritten and `last_updated_timestamp` bumped.
    pub fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel> {
        validate::validate_model_name(new_name)?;
        validate::validate_model_name_is_safe(name)?;
        let _lock = self.registry_lock()?;
        let old_dir = self.existing_model_dir(name)?;
        let new_dir = self.model_path(new_name)?;
        if fs::symlink_metadata(&new_dir).is_ok() {
            return Err(Error::AlreadyExists(format!(
                "Registered Model (name={new_name}) already exists."
            )));
        }
        fs::rename(&old_dir, &new_dir).map_err(|e| Error::io(&old_dir, e))?;
        let now = now_ms();
        let mut meta = self.read_model_meta(&new_dir)?;
        meta.name = Some(new_name.to_string());
        meta.last_updated_timestamp = Some(now);
        self.write_model_meta(&new_dir, &meta)?;
        for vd in self.all_versions(&new_dir, new_name, false)? {
            let mut mv = vd.version;
            mv.name = new_name.to_string();
            mv.last_updated_timestamp = Some(now);
            self.write_version_meta(&vd.path, &mv, &vd.meta)?;
        }
        self.read_registered_model(&new_dir, new_name)
    }

    /// MLflow's `update_registered_model`: sets the description.
    pub fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        validate::validate_model_name_is_safe(name)?;
        let _lock = self.registry_lock()?;
        let dir = self.existing_model_dir(name)?;
        let mut meta = self.read_model_meta(&dir)?;
        meta.description = description.map(str::to_string);
        meta.last_updated_timestamp = Some(now_ms());
        self.write_model_meta(&dir, &meta)?;
        self.read_registered_model(&dir, name)
    }

    /// MLflow's `delete_registered_model`: a hard delete of the whole directory. The directory
    /// is first moved out of `models/` (into `.trash/`, where MLflow ignores dot-names) so no
    /// reader ever sees a half-deleted model.
    pub fn delete_registered_model(&self, name: &str) -> Result<()> {
        let dir = self.model_path(name)?;
        let _lock = self.registry_lock()?;
        if !fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir()) {
            return Err(model_not_found(name));
        }
        let trash = self.trash_dir();
        fsutil::mkdirs(&trash)?;
        let parked = trash.join(format!(
            "{}deleted-model-{}",
            fsutil::TEMP_PREFIX,
            uuid::Uuid::new_v4().simple()
        ));
        let doomed = match fs::rename(&dir, &parked) {
            Ok(()) => parked,
            Err(_) => dir,
        };
        fs::remove_dir_all(&doomed).map_err(|e| Error::io(&doomed, e))
    }

    /// MLflow's `set_registered_model_tag`.
    pub fn set_registered_model_tag(&self, name: &str, key: &str, value: &str) -> Result<()> {
        validate::validate_registry_tag(key, value)?;
        validate::validate_model_name_is_safe(name)?;
        let _lock = self.registry_lock()?;
        let dir = self.existing_model_dir(name)?;
        write_key_file(&dir, TAGS, key, value)?;
        self.touch_model(&dir, now_ms())
    }

    /// MLflow's `delete_registered_model_tag`: a missing tag is not an error.
    pub fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()> {
        validate::validate_tag_name(key, "key")?;
        validate::validate_model_name_is_safe(name)?;
        let _lock = self.registry_lock()?;
        let dir = self.existing_model_dir(name)?;
        if remove_key_file(&dir.join(TAGS).join(key))? {
            self.touch_model(&dir, now_ms())?;
        }
        Ok(())
    }

    /// MLflow's `get_latest_versions`: the highest version in each requested stage (all four
    /// when `stages` is empty), listed in the fixed order None, Staging, Production, Archived.
    pub fn get_latest_versions(&self, name: &str, stages: &[String]) -> Result<Vec<ModelVersion>> {
        let wanted = Stage::requested(stages)?;
        let dir = self.existing_model_dir(name)?;
        let versions = self.all_versions(&dir, name, false)?;
        Ok(latest_per_stage(
            versions.into_iter().map(|v| v.version),
            &wanted,
        ))
    }

    /// The `aliases/` files of a model as (alias, content).
    pub(super) fn read_aliases(&self, model_dir: &Path) -> Result<Vec<(String, String)>> {
        fsutil::read_key_values(&model_dir.join(ALIASES))
    }
}

/// Writes `<owner>/<sub>/<key>` (a tag or alias file) atomically, the temp file next to the
/// owner's meta.yaml so MLflow never reads it as a key.
pub(super) fn write_key_file(owner: &Path, sub: &str, key: &str, value: &str) -> Result<()> {
    let what = if sub == TAGS { "tag" } else { "alias" };
    let target = fsutil::key_path(&owner.join(sub), key, what)?;
    if let Some(parent) = target.parent() {
        fsutil::mkdirs(parent)?;
    }
    fsutil::atomic_write(&target, value.as_bytes(), owner)
}

/// Removes a tag or alias file; false when there was none.
pub(super) fn remove_key_file(path: &Path) -> Result<bool> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.is_file() => {
            fs::remove_file(path).map_err(|e| Error::io(path, e))?;
            Ok(true)
        }
        _ => Ok(false),
    }
}

/// MLflow's "already exists" wording, which differs when the name is taken by a prompt.
pub(crate) fn model_exists_error(
    name: &str,
    existing_is_prompt: bool,
    new_tags: &[(String, String)],
) -> Error {
    let new_is_prompt = new_tags
        .iter()
        .any(|(k, v)| k == tags::IS_PROMPT && v.eq_ignore_ascii_case("true"));
    let entity = |p: bool| if p { "Prompt" } else { "Registered Model" };
    if existing_is_prompt != new_is_prompt {
        return Error::AlreadyExists(format!(
            "Tried to create a {} with name {}, but the name is already taken by a {}. MLflow does not allow creating a model and a prompt with the same name.",
            entity(new_is_prompt).to_lowercase(),
            validate::python_repr(name),
            entity(existing_is_prompt).to_lowercase()
        ));
    }
    Error::AlreadyExists(format!(
        "{} (name={name}) already exists.",
        entity(new_is_prompt)
    ))
}
