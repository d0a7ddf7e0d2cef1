//! Experiments on disk: `<root>/<id>/meta.yaml` and `tags/`, deleted ones under `.trash/`.
//! The location is authoritative for the lifecycle stage (v1 deletions leave `active` in meta).

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::FileStore;
use super::fsutil;
use super::uri;
use super::yaml;
use crate::entities::{Experiment, LifecycleStage, ViewType};
use crate::error::{Error, Result};
use crate::validate;

pub const DEFAULT_EXPERIMENT_ID: &str = "0";
pub const DEFAULT_EXPERIMENT_NAME: &str = "Default";
pub const TRASH: &str = ".trash";
/// Sub-directories of an experiment that are not runs (MLflow 3's reserved names).
pub const RESERVED_EXPERIMENT_CHILDREN: [&str; 4] = ["tags", "datasets", "traces", "models"];

#[derive(Deserialize)]
struct ExperimentMetaIn {
    artifact_location: Option<String>,
    creation_time: Option<i64>,
    experiment_id: Option<String>,
    last_update_time: Option<i64>,
    name: Option<String>,
}

/// The keys MLflow 1.x–3.x all read, in PyYAML's sorted order. No `tags:` snapshot.
#[derive(Serialize)]
struct ExperimentMetaOut<'a> {
    artifact_location: &'a str,
    creation_time: Option<i64>,
    experiment_id: &'a str,
    last_update_time: Option<i64>,
    lifecycle_stage: &'a str,
    name: &'a str,
}

/// Where an experiment directory was found.
#[derive(Debug, Clone)]
pub struct ExperimentDir {
    pub id: String,
    pub path: PathBuf,
    pub stage: LifecycleStage,
}

impl FileStore {
    pub(crate) fn trash_dir(&self) -> PathBuf {
        self.root.join(TRASH)
    }

    /// The directories of experiments in `view`, active ones first, each sorted by name.
    pub fn experiment_dirs(&self, view: ViewType) -> Result<Vec<ExperimentDir>> {
        let mut out = Vec::new();
        if view.includes(LifecycleStage::Active) {
            out.extend(self.list_experiment_dirs(&self.root, LifecycleStage::Active)?);
        }
        if view.includes(LifecycleStage::Deleted) {
            out.extend(self.list_experiment_dirs(&self.trash_dir(), LifecycleStage::Deleted)?);
        }
        Ok(out)
    }

    fn list_experiment_dirs(
        &self,
        parent: &Path,
        stage: LifecycleStage,
    ) -> Result<Vec<ExperimentDir>> {
        let entries = match fs::read_dir(parent) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(parent, e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(parent, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            // Symlinked experiment directories are not followed: nothing outside the store.
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if !is_dir
                || name.ends_with(TRASH)
                || name.starts_with('.')
                || (stage == LifecycleStage::Deleted && name.starts_with(fsutil::TRASH_PREFIX))
            {
                continue;
            }
            if stage == LifecycleStage::Active && name == "models" {
                continue;
            }
            out.push(ExperimentDir {
                id: name,
                path: entry.path(),
                stage,
            });
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(out)
    }

    /// Finds the directory of experiment `id`, active or deleted.
    pub fn find_experiment_dir(&self, id: &str) -> Result<ExperimentDir> {
        validate::validate_experiment_id(id)?;
        for (parent, stage) in [
            (self.root.clone(), LifecycleStage::Active),
            (self.trash_dir(), LifecycleStage::Deleted),
        ] {
            let path = parent.join(id);
            if path.is_dir() && !path.is_symlink() {
                return Ok(ExperimentDir {
                    id: id.to_string(),
                    path,
                    stage,
                });
            }
        }
        Err(Error::not_found(format!(
            "experiment with ID {id} not found in {}",
            self.display_root()
        )))
    }

    /// Reads one experiment directory (meta and tags).
    pub fn read_experiment(&self, dir: &ExperimentDir) -> Result<Experiment> {
        self.read_experiment_checked(dir, true)
    }

    /// With `check_id` false, an `experiment_id` that disagrees with the directory is replaced
    /// by the directory's (doctor's repair: the location is authoritative).
    pub(crate) fn read_experiment_checked(
        &self,
        dir: &ExperimentDir,
        check_id: bool,
    ) -> Result<Experiment> {
        let meta_path = dir.path.join("meta.yaml");
        if !meta_path.is_file() {
            return Err(Error::malformed(
                &dir.path,
                "experiment directory has no meta.yaml",
            ));
        }
        let meta: ExperimentMetaIn = yaml::read_yaml(&meta_path)?;
        let mut experiment_id = meta.experiment_id.unwrap_or_else(|| dir.id.clone());
        if !check_id {
            experiment_id = dir.id.clone();
        }
        if experiment_id != dir.id {
            return Err(Error::malformed(
                &meta_path,
                format!(
                    "experiment_id '{experiment_id}' does not match its directory '{}'",
                    dir.id
                ),
            ));
        }
        let name = meta
            .name
            .ok_or_else(|| Error::malformed(&meta_path, "missing key 'name'"))?;
        let artifact_location = meta
            .artifact_location
            .ok_or_else(|| Error::malformed(&meta_path, "missing key 'artifact_location'"))?;
        let tags = fsutil::read_key_values(&dir.path.join("tags"))?
            .into_iter()
            .collect();
        Ok(Experiment {
            experiment_id,
            name,
            artifact_location,
            lifecycle_stage: dir.stage,
            tags,
            creation_time: meta.creation_time,
            last_update_time: meta.last_update_time,
        })
    }

    /// All experiments in `view`. A malformed one is skipped with a warning naming its path.
    pub fn list_experiments(&self, view: ViewType) -> Result<Vec<Experiment>> {
        let mut out = Vec::new();
        for dir in self.experiment_dirs(view)? {
            if !dir.path.join("meta.yaml").exists() && !looks_like_experiment_id(&dir.id) {
                continue;
            }
            match self.read_experiment(&dir) {
                Ok(e) => out.push(e),
                Err(e) => self.warn(&format!("skipping malformed experiment: {e}")),
            }
        }
        Ok(out)
    }

    pub fn get_experiment(&self, id: &str) -> Result<Experiment> {
        let dir = self.find_experiment_dir(id)?;
        self.read_experiment(&dir)
    }

    /// The experiment named `name`, active or deleted (as MLflow's `get_experiment_by_name`).
    pub fn get_experiment_by_name(&self, name: &str) -> Result<Experiment> {
        self.find_experiment_by_name(name)?.ok_or_else(|| {
            Error::not_found(format!(
                "experiment with name '{name}' not found in {}",
                self.display_root()
            ))
        })
    }

    fn find_experiment_by_name(&self, name: &str) -> Result<Option<Experiment>> {
        Ok(self
            .list_experiments(ViewType::All)?
            .into_iter()
            .find(|e| e.name == name))
    }

    fn check_name_is_free(&self, name: &str) -> Result<()> {
        if let Some(existing) = self.find_experiment_by_name(name)? {
            return Err(Error::AlreadyExists(
                if existing.lifecycle_stage == LifecycleStage::Deleted {
                    format!(
                        "Experiment {} already exists in deleted state. You can restore the experiment, or permanently delete the experiment from the .trash folder (under tracking server's root folder) in order to use this experiment name again.",
                        validate::python_repr(name)
                    )
                } else {
                    format!("Experiment '{name}' already exists.")
                },
            ));
        }
        Ok(())
    }

    /// Creates an experiment the way MLflow 2.x/3.x does (random 18-digit id) and returns its id.
    pub fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<String> {
        validate::validate_experiment_name(name)?;
        for (k, v) in tags {
            validate::validate_experiment_tag(k, v)?;
        }
        let location = match artifact_location {
            Some(loc) if !loc.is_empty() => Some(resolve_artifact_location(loc)?),
            _ => None,
        };
        let _lock = self.lock()?;
        self.check_name_is_free(name)?;
        // Built in a staging directory and renamed into place, so a killed process never
        // leaves an experiment directory without its meta.yaml.
        let staging = self.staging_dir()?;
        let id = generate_experiment_id();
        let location =
            location.unwrap_or_else(|| uri::append_to_uri_path(&self.root_uri(), &[&id]));
        let now = super::now_ms();
        let built = self
            .write_experiment_meta(
                &staging,
                &id,
                name,
                &location,
                LifecycleStage::Active,
                Some(now),
                Some(now),
            )
            .and_then(|_| {
                tags.iter()
                    .try_for_each(|(k, v)| self.write_experiment_tag(&staging, k, v))
            });
        if let Err(e) = built {
            let _ = fsutil::discard_staging(&staging);
            return Err(e);
        }
        let target = self.root.join(&id);
        if target.exists() || self.trash_dir().join(&id).exists() {
            let _ = fsutil::discard_staging(&staging);
            return Err(Error::Failed(format!(
                "experiment id {id} collided with an existing one; try again"
            )));
        }
        if let Err(e) = fsutil::publish(&staging, &target) {
            let _ = fsutil::discard_staging(&staging);
            return Err(Error::io(&target, e));
        }
        Ok(id)
    }

    /// Creates `Default` (id 0) as MLflow does for a new store.
    pub(crate) fn create_default_experiment(&self) -> Result<()> {
        let dir = self.root.join(DEFAULT_EXPERIMENT_ID);
        fsutil::mkdirs(&dir)?;
        let location = uri::append_to_uri_path(&self.root_uri(), &[DEFAULT_EXPERIMENT_ID]);
        let now = super::now_ms();
        self.write_experiment_meta(
            &dir,
            DEFAULT_EXPERIMENT_ID,
            DEFAULT_EXPERIMENT_NAME,
            &location,
            LifecycleStage::Active,
            Some(now),
            Some(now),
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn write_experiment_meta(
        &self,
        dir: &Path,
        id: &str,
        name: &str,
        artifact_location: &str,
        stage: LifecycleStage,
        creation_time: Option<i64>,
        last_update_time: Option<i64>,
    ) -> Result<()> {
        let text = yaml::to_yaml(&ExperimentMetaOut {
            artifact_location,
            creation_time,
            experiment_id: id,
            last_update_time,
            lifecycle_stage: stage.as_str(),
            name,
        })?;
        fsutil::atomic_write(&dir.join("meta.yaml"), text.as_bytes(), dir)
    }

    fn rewrite_experiment(
        &self,
        dir: &ExperimentDir,
        exp: &Experiment,
        stage: LifecycleStage,
        now: i64,
    ) -> Result<()> {
        self.write_experiment_meta(
            &dir.path,
            &exp.experiment_id,
            &exp.name,
            &exp.artifact_location,
            stage,
            exp.creation_time,
            Some(now),
        )
    }

    /// Rewrites an experiment's meta.yaml from `exp`, with the stage its location says.
    pub(crate) fn rewrite_experiment_meta(
        &self,
        dir: &ExperimentDir,
        exp: &Experiment,
    ) -> Result<()> {
        self.rewrite_experiment(
            dir,
            exp,
            dir.stage,
            exp.last_update_time.unwrap_or_else(super::now_ms),
        )
    }

    fn active_experiment(&self, id: &str, action: &str) -> Result<(ExperimentDir, Experiment)> {
        let dir = self.find_experiment_dir(id)?;
        let exp = self.read_experiment(&dir)?;
        if dir.stage != LifecycleStage::Active {
            return Err(Error::Failed(format!(
                "The experiment {id} must be in the 'active' lifecycle_stage to {action}"
            )));
        }
        Ok((dir, exp))
    }

    pub fn rename_experiment(&self, id: &str, new_name: &str) -> Result<()> {
        validate::validate_experiment_name(new_name)?;
        let _lock = self.lock()?;
        let (dir, mut exp) = self.active_experiment(id, "be renamed")?;
        if exp.name == new_name {
            return Ok(());
        }
        self.check_name_is_free(new_name)?;
        exp.name = new_name.to_string();
        self.rewrite_experiment(&dir, &exp, LifecycleStage::Active, super::now_ms())
    }

    /// Deletes as MLflow 3 does: marks every active run and the meta deleted, then moves the
    /// directory to `.trash/`.
    pub fn delete_experiment(&self, id: &str) -> Result<()> {
        if id == DEFAULT_EXPERIMENT_ID {
            return Err(Error::invalid(
                "Cannot delete the default experiment '0'. This is an internally reserved experiment.",
            ));
        }
        let _lock = self.lock()?;
        let dir = self.find_experiment_dir(id)?;
        if dir.stage != LifecycleStage::Active {
            return Err(Error::not_found(format!(
                "Could not find experiment with ID {id} (it is already deleted)"
            )));
        }
        let exp = self.read_experiment(&dir)?;
        let now = super::now_ms();
        for run_dir in self.run_dirs_of(&dir)? {
            self.set_run_lifecycle_at(&run_dir, LifecycleStage::Deleted, Some(now), true)?;
        }
        self.rewrite_experiment(&dir, &exp, LifecycleStage::Deleted, now)?;
        let trash = self.trash_dir();
        fsutil::mkdirs(&trash)?;
        let target = trash.join(id);
        if target.exists() {
            return Err(Error::AlreadyExists(format!(
                "cannot delete experiment {id}: {} already exists",
                target.display()
            )));
        }
        fs::rename(&dir.path, &target).map_err(|e| Error::io(&dir.path, e))
    }

    /// Restores as MLflow 3 does: moves the directory back, reactivates deleted runs and meta.
    pub fn restore_experiment(&self, id: &str) -> Result<()> {
        let _lock = self.lock()?;
        let dir = self.find_experiment_dir(id)?;
        if dir.stage != LifecycleStage::Deleted {
            return Err(Error::not_found(format!(
                "Could not find deleted experiment with ID {id}"
            )));
        }
        let exp = self.read_experiment(&dir)?;
        let target = self.root.join(id);
        if target.exists() {
            return Err(Error::AlreadyExists(format!(
                "Cannot restore experiment with ID {id}. An experiment with same ID already exists."
            )));
        }
        fs::rename(&dir.path, &target).map_err(|e| Error::io(&dir.path, e))?;
        let dir = ExperimentDir {
            id: id.to_string(),
            path: target,
            stage: LifecycleStage::Active,
        };
        for run_dir in self.run_dirs_of(&dir)? {
            self.set_run_lifecycle_at(&run_dir, LifecycleStage::Active, None, false)?;
        }
        self.rewrite_experiment(&dir, &exp, LifecycleStage::Active, super::now_ms())
    }

    pub(crate) fn write_experiment_tag(&self, dir: &Path, key: &str, value: &str) -> Result<()> {
        let tags_dir = dir.join("tags");
        let target = fsutil::key_path(&tags_dir, key, "tag")?;
        if let Some(parent) = target.parent() {
            fsutil::mkdirs(parent)?;
        }
        fsutil::atomic_write(&target, value.as_bytes(), dir)
    }

    pub fn set_experiment_tag(&self, id: &str, key: &str, value: &str) -> Result<()> {
        validate::validate_experiment_tag(key, value)?;
        let (dir, _) = self.active_experiment(id, "set tags")?;
        self.write_experiment_tag(&dir.path, key, value)
    }

    pub fn delete_experiment_tag(&self, id: &str, key: &str) -> Result<()> {
        validate::validate_tag_name(key, "key")?;
        let (dir, _) = self.active_experiment(id, "delete tags")?;
        let path = dir.path.join("tags").join(key);
        if !path.is_file() {
            return Err(Error::not_found(format!(
                "No tag with name: {key} in experiment with id {id}"
            )));
        }
        fs::remove_file(&path).map_err(|e| Error::io(&path, e))
    }

    /// Returns the experiment named `name`, creating it if missing (MLflow's `set_experiment`).
    pub fn get_or_create_experiment(&self, name: &str) -> Result<Experiment> {
        match self.find_experiment_by_name(name)? {
            Some(e) if e.lifecycle_stage == LifecycleStage::Deleted => Err(Error::Failed(format!(
                "Cannot set a deleted experiment '{name}' as the active experiment. You can restore the experiment, or permanently delete the experiment to create a new one."
            ))),
            Some(e) => Ok(e),
            None => {
                let id = self.create_experiment(name, None, &[])?;
                self.get_experiment(&id)
            }
        }
    }
}

fn looks_like_experiment_id(name: &str) -> bool {
    validate::validate_experiment_id(name).is_ok()
}

/// An explicit artifact location as MLflow 2.x/3.x stores it: local paths made absolute
/// against the working directory, `file:` URIs likewise, remote URIs verbatim.
pub fn resolve_artifact_location(loc: &str) -> Result<String> {
    if loc.starts_with("runs:") {
        return Err(Error::invalid(format!(
            "Artifact location cannot be a runs:/ URI. Given: '{loc}'"
        )));
    }
    match uri::uri_scheme(loc) {
        None => Ok(uri::absolute(Path::new(loc))?
            .to_string_lossy()
            .into_owned()),
        Some(s) if s.eq_ignore_ascii_case("file") => {
            let path = uri::file_uri_to_path(loc)?;
            Ok(uri::path_to_file_uri(&uri::absolute(&path)?))
        }
        Some(_) => Ok(loc.to_string()),
    }
}

/// MLflow 2.x/3.x `_generate_unique_integer_id`: the last 18 decimal digits of a random
/// UUID's integer, leading zeros rotated out so the id has 18 digits.
pub fn generate_experiment_id() -> String {
    let mut digits: Vec<u8> = uuid::Uuid::new_v4().as_u128().to_string().into_bytes();
    let start = digits.len().saturating_sub(18);
    let mut id: Vec<u8> = digits.split_off(start);
    let mut extra = uuid::Uuid::new_v4().as_u128();
    while id.first() == Some(&b'0') {
        if extra == 0 {
            extra = uuid::Uuid::new_v4().as_u128();
        }
        id.remove(0);
        id.push(b'0' + (extra % 10) as u8);
        extra /= 10;
    }
    String::from_utf8(id).unwrap_or_else(|_| "1".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_experiment_ids_have_18_digits_and_no_leading_zero() {
        for _ in 0..200 {
            let id = generate_experiment_id();
            assert_eq!(id.len(), 18, "{id}");
            assert!(id.bytes().all(|b| b.is_ascii_digit()));
            assert_ne!(id.as_bytes()[0], b'0');
        }
    }

    #[test]
    fn explicit_artifact_locations_are_made_absolute_like_mlflow() {
        let cwd = std::env::current_dir().unwrap();
        assert_eq!(
            resolve_artifact_location("rel/dir").unwrap(),
            cwd.join("rel/dir").to_string_lossy()
        );
        assert!(
            resolve_artifact_location("file:rel")
                .unwrap()
                .starts_with("file:///")
        );
        assert_eq!(resolve_artifact_location("s3://b/p").unwrap(), "s3://b/p");
        assert!(resolve_artifact_location("runs:/x/y").is_err());
    }
}
