//! Aliases: `models/<name>/aliases/<alias>` holds the version number as exact digits (MLflow
//! matches it against the `version-<N>` suffix by string, so `"3\n"` would point nowhere).

use super::ALIASES;
use super::registered_model::{remove_key_file, write_key_file};
use crate::entities::registry::ModelVersion;
use crate::error::{Error, Result};
use crate::store::{FileStore, now_ms};
use crate::validate;

impl FileStore {
    /// MLflow's `set_registered_model_alias`: the alias must not be reserved and the version
    /// must exist and not be deleted.
    pub fn set_registered_model_alias(&self, name: &str, alias: &str, version: &str) -> Result<()> {
        validate::validate_model_name_is_safe(name)?;
        validate::validate_alias_name(alias)?;
        let _lock = self.registry_lock()?;
        let dir = self.existing_model_dir(name)?;
        validate::validate_alias_name_not_reserved(alias)?;
        let mv = self.get_model_version(name, version)?;
        write_key_file(&dir, ALIASES, alias, &mv.version.to_string())?;
        self.touch_model(&dir, now_ms())
    }

    /// MLflow's `delete_registered_model_alias`: a missing alias is not an error.
    pub fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()> {
        validate::validate_model_name_is_safe(name)?;
        validate::validate_alias_name(alias)?;
        let _lock = self.registry_lock()?;
        let dir = self.existing_model_dir(name)?;
        if remove_key_file(&dir.join(ALIASES).join(alias))? {
            self.touch_model(&dir, now_ms())?;
        }
        Ok(())
    }

    /// MLflow's `get_model_version_by_alias`; `latest` (any case) is the highest live version.
    pub fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion> {
        if alias.to_lowercase() == "latest" {
            return self.latest_model_version(name);
        }
        validate::validate_alias_name(alias)?;
        let dir = self.existing_model_dir(name)?;
        let path = dir.join(ALIASES).join(alias);
        match std::fs::read(&path) {
            Ok(bytes) if path.is_file() => {
                let version = String::from_utf8_lossy(&bytes).trim().to_string();
                self.get_model_version(name, &version)
            }
            _ => Err(Error::not_found(format!(
                "Registered model alias {alias} not found."
            ))),
        }
    }

    /// The highest live version of a model (`models:/<name>/latest`).
    pub fn latest_model_version(&self, name: &str) -> Result<ModelVersion> {
        self.list_model_versions(name)?
            .into_iter()
            .max_by_key(|v| v.version)
            .ok_or_else(|| {
                Error::not_found(format!("No versions of model with name '{name}' found"))
            })
    }
}
