//! Model versions: create (numbers allocated under the lock with an exclusive `create_dir`),
//! get, list, update, soft delete, tags and stage transitions.

use crate::store::fsutil;
use std::path::PathBuf;

use super::registered_model::{remove_key_file, write_key_file};
use super::{
    ALIASES, META, ModelVersionMetaIn, TAGS, VERSION_PREFIX, VersionDir, version_not_found,
};
use crate::entities::registry::{ModelVersion, Stage};
use crate::error::{Error, Result};
use crate::store::{FileStore, now_ms};
use crate::validate;

/// What a new version records, resolved from the model URI the way MLflow 3 resolves it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewVersion {
    pub source: String,
    pub run_id: Option<String>,
    pub storage_location: String,
    pub model_id: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<(String, String)>,
}

impl FileStore {
    /// MLflow's `create_model_version`; with `create_model` the registered model is created
    /// first when missing (as `mlflow.register_model` does). Two mlrs processes never get the
    /// same number: both the lock and the exclusive creation of `version-<N>` guard it.
    pub fn create_model_version(
        &self,
        name: &str,
        new: &NewVersion,
        create_model: bool,
    ) -> Result<ModelVersion> {
        if create_model {
            validate::validate_model_name(name)?;
        } else {
            validate::validate_model_name_is_safe(name)?;
        }
        for (k, v) in &new.tags {
            validate::validate_registry_tag(k, v)?;
        }
        let _lock = self.registry_lock()?;
        let dir = match self.existing_model_dir(name) {
            Ok(d) => d,
            Err(Error::NotFound(_)) if create_model => self.create_model_locked(name, None, &[])?,
            Err(e) => return Err(e),
        };
        // max(version) + 1 over every version, deleted ones included; directory suffixes count
        // too, so a half-made or unreadable version directory is never reused.
        let mut next = 1;
        for (path, suffix) in self.version_dirs(&dir)? {
            if let Ok(n) = suffix.parse::<i64>() {
                next = next.max(n + 1);
            }
            if let Ok(vd) = self.read_version_dir(name, &path, &suffix, &[]) {
                next = next.max(vd.version.version + 1);
            }
        }
        // Built in a staging directory (meta.yaml and tags), then renamed to `version-<N>`: a
        // rename onto an existing non-empty directory fails, so even without locks two
        // creators never share a number, and a killed process never leaves a version
        // directory without its meta.yaml (which would break MLflow's listing of the model).
        let staging = self.staging_dir()?;
        let now = now_ms();
        let mut mv = ModelVersion {
            name: name.to_string(),
            version: next,
            creation_timestamp: Some(now),
            last_updated_timestamp: Some(now),
            current_stage: Stage::None,
            description: new.description.clone(),
            source: Some(new.source.clone()),
            run_id: new.run_id.clone(),
            run_link: None,
            status: "READY".to_string(),
            status_message: None,
            user_id: None,
            storage_location: Some(new.storage_location.clone()),
            model_id: new.model_id.clone(),
            tags: Default::default(),
            aliases: Vec::new(),
        };
        let published = (|| -> Result<()> {
            for (k, v) in &new.tags {
                write_key_file(&staging, TAGS, k, v)?;
                mv.tags.insert(k.clone(), v.clone());
            }
            loop {
                mv.version = next;
                self.write_version_meta(&staging, &mv, &ModelVersionMetaIn::default())?;
                let path = dir.join(format!("{VERSION_PREFIX}{next}"));
                match fsutil::publish(&staging, &path) {
                    Ok(()) => return Ok(()),
                    Err(_) if path.exists() => next += 1,
                    Err(e) => return Err(Error::io(&path, e)),
                }
            }
        })();
        if let Err(e) = published {
            let _ = fsutil::discard_staging(&staging);
            return Err(e);
        }
        self.touch_model(&dir, now)?;
        Ok(mv)
    }

    /// A live (not deleted) version, by number, with its model directory.
    fn fetch_version(&self, name: &str, version: &str) -> Result<(PathBuf, VersionDir)> {
        let v = validate::validate_model_version(version)?;
        let dir = self.existing_model_dir(name)?;
        let path = dir.join(format!("{VERSION_PREFIX}{v}"));
        if !path.join(META).is_file() {
            return Err(version_not_found(name, v));
        }
        let aliases = self.read_aliases(&dir)?;
        let vd = self.read_version_dir(name, &path, &v.to_string(), &aliases)?;
        if vd.version.current_stage == Stage::DeletedInternal {
            return Err(version_not_found(name, v));
        }
        Ok((dir, vd))
    }

    /// MLflow's `get_model_version`.
    pub fn get_model_version(&self, name: &str, version: &str) -> Result<ModelVersion> {
        Ok(self.fetch_version(name, version)?.1.version)
    }

    /// Every version of every registered model (deleted ones included, marked
    /// `Deleted_Internal`), for search. A malformed model or version is skipped with a warning.
    pub fn all_model_versions(&self) -> Result<Vec<ModelVersion>> {
        let mut out = Vec::new();
        for model in self.all_registered_models(true)? {
            let dir = self.existing_model_dir(&model.name)?;
            match self.all_versions(&dir, &model.name, false) {
                Ok(vs) => out.extend(vs.into_iter().map(|v| v.version)),
                Err(e) => self.warn(&format!("skipping versions of '{}': {e}", model.name)),
            }
        }
        Ok(out)
    }

    /// Every version of a model, soft-deleted ones (`Deleted_Internal`) included, by
    /// ascending version number.
    pub fn all_versions_of(&self, name: &str) -> Result<Vec<ModelVersion>> {
        let dir = self.existing_model_dir(name)?;
        Ok(self
            .all_versions(&dir, name, true)?
            .into_iter()
            .map(|v| v.version)
            .collect())
    }

    /// Every live version of a model, by ascending version number.
    pub fn list_model_versions(&self, name: &str) -> Result<Vec<ModelVersion>> {
        let dir = self.existing_model_dir(name)?;
        Ok(self
            .all_versions(&dir, name, false)?
            .into_iter()
            .map(|v| v.version)
            .filter(|v| v.current_stage != Stage::DeletedInternal)
            .collect())
    }

    /// MLflow's `update_model_version`: sets the description.
    pub fn update_model_version(
        &self,
        name: &str,
        version: &str,
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        validate::validate_model_name_is_safe(name)?;
        validate::validate_model_version(version)?;
        let _lock = self.registry_lock()?;
        let (_, vd) = self.fetch_version(name, version)?;
        let mut mv = vd.version;
        mv.description = description.map(str::to_string);
        mv.last_updated_timestamp = Some(now_ms());
        self.write_version_meta(&vd.path, &mv, &vd.meta)?;
        Ok(mv)
    }

    /// MLflow's `delete_model_version`: a soft delete (`Deleted_Internal`); the aliases that
    /// pointed at it are removed. The number is never reused.
    pub fn delete_model_version(&self, name: &str, version: &str) -> Result<()> {
        validate::validate_model_name_is_safe(name)?;
        validate::validate_model_version(version)?;
        let _lock = self.registry_lock()?;
        let (dir, vd) = self.fetch_version(name, version)?;
        let now = now_ms();
        let mut mv = vd.version;
        mv.current_stage = Stage::DeletedInternal;
        mv.last_updated_timestamp = Some(now);
        self.write_version_meta(&vd.path, &mv, &vd.meta)?;
        for alias in &mv.aliases {
            remove_key_file(&dir.join(ALIASES).join(alias))?;
        }
        self.touch_model(&dir, now)
    }

    /// MLflow's `set_model_version_tag`.
    pub fn set_model_version_tag(
        &self,
        name: &str,
        version: &str,
        key: &str,
        value: &str,
    ) -> Result<()> {
        validate::validate_registry_tag(key, value)?;
        validate::validate_model_name_is_safe(name)?;
        validate::validate_model_version(version)?;
        let _lock = self.registry_lock()?;
        let (dir, vd) = self.fetch_version(name, version)?;
        write_key_file(&vd.path, TAGS, key, value)?;
        self.touch_model(&dir, now_ms())
    }

    /// MLflow's `delete_model_version_tag`: a missing tag is not an error.
    pub fn delete_model_version_tag(&self, name: &str, version: &str, key: &str) -> Result<()> {
        validate::validate_tag_name(key, "key")?;
        validate::validate_model_name_is_safe(name)?;
        validate::validate_model_version(version)?;
        let _lock = self.registry_lock()?;
        let (dir, vd) = self.fetch_version(name, version)?;
        if remove_key_file(&vd.path.join(TAGS).join(key))? {
            self.touch_model(&dir, now_ms())?;
        }
        Ok(())
    }

    /// MLflow's `transition_model_version_stage`. With `archive_existing_versions` every other
    /// version in the target stage becomes Archived; the whole transition happens under the
    /// store lock, so concurrent transitions leave exactly one version in the target stage.
    /// Unlike MLflow, the version is checked before anything is archived.
    pub fn transition_model_version_stage(
        &self,
        name: &str,
        version: &str,
        stage: &str,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion> {
        let target = Stage::parse_transition(stage, archive_existing_versions)?;
        validate::validate_model_name_is_safe(name)?;
        validate::validate_model_version(version)?;
        let _lock = self.registry_lock()?;
        let (dir, vd) = self.fetch_version(name, version)?;
        let now = now_ms();
        if archive_existing_versions {
            for other in self.all_versions(&dir, name, false)? {
                if other.version.version != vd.version.version
                    && other.version.current_stage == target
                {
                    let mut mv = other.version;
                    mv.current_stage = Stage::Archived;
                    mv.last_updated_timestamp = Some(now);
                    self.write_version_meta(&other.path, &mv, &other.meta)?;
                }
            }
        }
        let mut mv = vd.version;
        mv.current_stage = target;
        mv.last_updated_timestamp = Some(now);
        self.write_version_meta(&vd.path, &mv, &vd.meta)?;
        self.touch_model(&dir, now)?;
        Ok(mv)
    }
}
