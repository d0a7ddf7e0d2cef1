//! Garbage collection with `mlflow gc` semantics: permanently remove deleted runs, deleted
//! experiments (everything under `.trash/<id>`) and deleted MLflow 3 logged models.
//! Everything is checked before anything is removed; nothing outside the store is followed.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::experiment::ExperimentDir;
use super::run::RunDir;
use super::{FileStore, fsutil, uri, yaml};
use crate::entities::{LifecycleStage, ViewType};
use crate::error::{Error, Result};

/// What `gc` selects; `None` lists mean "every deleted one".
#[derive(Debug, Clone, Default)]
pub struct GcOptions {
    /// Only objects deleted at least this long ago (`--older-than`), in milliseconds.
    pub older_than_ms: Option<i64>,
    /// The `--older-than` text, for messages.
    pub older_than_text: Option<String>,
    pub run_ids: Option<Vec<String>>,
    pub experiment_ids: Option<Vec<String>>,
    pub logged_model_ids: Option<Vec<String>>,
}

/// The objects a gc removes, in the order it removes them.
#[derive(Debug, Clone, Default)]
pub struct GcPlan {
    /// Each run, with its artifact directory when that lives outside the run directory.
    pub runs: Vec<(RunDir, Option<PathBuf>)>,
    pub logged_models: Vec<(String, PathBuf)>,
    pub experiments: Vec<ExperimentDir>,
}

#[derive(Deserialize)]
struct LoggedModelMetaIn {
    lifecycle_stage: Option<String>,
    last_updated_timestamp: Option<i64>,
    model_id: Option<String>,
}

/// Parses MLflow's `--older-than` format: `1d2h3m4s`, each part optional, decimals allowed.
pub fn parse_older_than(text: &str) -> Result<i64> {
    let err = || {
        Error::invalid(format!(
            "Could not parse any time information from '{text}'. Examples of valid strings: '8h', '2d8h5m20s', '2m4s'"
        ))
    };
    let mut rest = text;
    let mut total = 0.0f64;
    let mut last_unit = 0usize;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .ok_or_else(err)?;
        if num_len == 0 {
            return Err(err());
        }
        let value: f64 = rest[..num_len].parse().map_err(|_| err())?;
        let unit = rest[num_len..].chars().next().ok_or_else(err)?;
        let (rank, ms) = match unit {
            'd' => (1, 86_400_000.0),
            'h' => (2, 3_600_000.0),
            'm' => (3, 60_000.0),
            's' => (4, 1000.0),
            _ => return Err(err()),
        };
        if rank <= last_unit {
            return Err(err());
        }
        last_unit = rank;
        total += value * ms;
        rest = &rest[num_len + 1..];
    }
    if last_unit == 0 {
        return Err(err());
    }
    Ok(total as i64)
}

impl FileStore {
    /// Decides what a gc removes, refusing (before touching anything) runs or experiments
    /// that are not deleted or not old enough, like `mlflow gc`.
    pub fn gc_plan(&self, opts: &GcOptions) -> Result<GcPlan> {
        self.check_exists()?;
        let now = super::now_ms();
        let threshold = opts.older_than_ms.map(|d| now - d);
        let old_enough = |deleted_at: Option<i64>| match (threshold, deleted_at) {
            (None, _) | (Some(_), None) => true,
            (Some(t), Some(at)) => at <= t,
        };
        let age_text = opts.older_than_text.clone().unwrap_or_default();
        let mut plan = GcPlan::default();

        // Experiments first: their deleted runs are collected with them.
        let experiments: Vec<ExperimentDir> = match &opts.experiment_ids {
            Some(ids) => {
                let mut dirs = Vec::new();
                let mut active = Vec::new();
                let mut young = Vec::new();
                for id in ids {
                    let dir = self.find_experiment_dir(id)?;
                    if dir.stage != LifecycleStage::Deleted {
                        active.push(format!("'{id}'"));
                        continue;
                    }
                    let exp = self.read_experiment(&dir)?;
                    if let Some(t) = threshold
                        && exp.last_update_time.is_none_or(|u| u >= t)
                    {
                        young.push(format!("'{id}'"));
                    }
                    dirs.push(dir);
                }
                if !active.is_empty() {
                    return Err(Error::invalid(format!(
                        "Experiments [{}] are not in the deleted lifecycle stage. Only experiments in the deleted lifecycle stage can be hard-deleted.",
                        active.join(", ")
                    )));
                }
                if !young.is_empty() {
                    return Err(Error::invalid(format!(
                        "Experiments [{}] are not older than the required age. Only experiments older than {age_text} can be deleted.",
                        young.join(", ")
                    )));
                }
                dirs
            }
            None => {
                let mut dirs = Vec::new();
                for dir in self.experiment_dirs(ViewType::DeletedOnly)? {
                    match self.read_experiment(&dir) {
                        Ok(exp) => {
                            if threshold.is_none_or(|t| exp.last_update_time.is_some_and(|u| u < t))
                            {
                                dirs.push(dir);
                            }
                        }
                        Err(e) => self.warn(&format!("gc skips malformed experiment: {e}")),
                    }
                }
                dirs
            }
        };

        let mut run_dirs: Vec<RunDir> = Vec::new();
        match &opts.run_ids {
            Some(ids) => {
                for id in ids {
                    let dir = self.find_run_dir(id)?;
                    let info = self.read_run_info(&dir)?;
                    if info.lifecycle_stage != LifecycleStage::Deleted {
                        return Err(Error::invalid(format!(
                            "Run {id} is not in `deleted` lifecycle stage. Only runs in `deleted` lifecycle stage can be deleted."
                        )));
                    }
                    if !old_enough(info.deleted_time) {
                        return Err(Error::invalid(format!(
                            "Run {id} is not older than the required age. Only runs older than {age_text} can be deleted."
                        )));
                    }
                    run_dirs.push(dir);
                }
            }
            None => {
                for exp in self.experiment_dirs(ViewType::All)? {
                    for dir in self.run_dirs_of(&exp)? {
                        match self.read_run_info(&dir) {
                            Ok(info)
                                if info.lifecycle_stage == LifecycleStage::Deleted
                                    && old_enough(info.deleted_time) =>
                            {
                                run_dirs.push(dir)
                            }
                            Ok(_) => {}
                            Err(e) => self.warn(&format!("gc skips malformed run: {e}")),
                        }
                    }
                }
            }
        }
        for exp in &experiments {
            for dir in self.run_dirs_of(exp)? {
                if let Ok(info) = self.read_run_info(&dir)
                    && info.lifecycle_stage == LifecycleStage::Deleted
                    && !run_dirs.iter().any(|r| r.run_id == dir.run_id)
                {
                    run_dirs.push(dir);
                }
            }
        }
        for dir in run_dirs {
            let external = self
                .read_run_info(&dir)
                .ok()
                .and_then(|info| external_artifact_dir(&info.artifact_uri, &dir.run_id, &dir.path));
            plan.runs.push((dir, external));
        }
        plan.logged_models = self.deleted_logged_models(opts, threshold)?;
        plan.experiments = experiments;
        Ok(plan)
    }

    fn deleted_logged_models(
        &self,
        opts: &GcOptions,
        threshold: Option<i64>,
    ) -> Result<Vec<(String, PathBuf)>> {
        let mut out = Vec::new();
        for exp in self.experiment_dirs(ViewType::All)? {
            let models = exp.path.join("models");
            let Ok(entries) = fs::read_dir(&models) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if !entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                    continue;
                }
                let Ok(meta) = yaml::read_yaml::<LoggedModelMetaIn>(&path.join("meta.yaml")) else {
                    continue;
                };
                let id = meta
                    .model_id
                    .unwrap_or_else(|| entry.file_name().to_string_lossy().into_owned());
                let deleted = meta.lifecycle_stage.as_deref() == Some("deleted");
                let selected = match &opts.logged_model_ids {
                    Some(ids) => ids.contains(&id),
                    None => {
                        deleted
                            && threshold
                                .is_none_or(|t| meta.last_updated_timestamp.is_some_and(|u| u <= t))
                    }
                };
                if selected {
                    if !deleted {
                        return Err(Error::invalid(format!(
                            "Logged model {id} is not in `deleted` lifecycle stage. Only logged models in `deleted` lifecycle stage can be deleted."
                        )));
                    }
                    out.push((id, path));
                }
            }
        }
        if let Some(ids) = &opts.logged_model_ids
            && let Some(missing) = ids.iter().find(|id| !out.iter().any(|(m, _)| m == *id))
        {
            return Err(Error::not_found(format!(
                "Logged model with ID '{missing}' not found"
            )));
        }
        Ok(out)
    }

    /// Removes what `plan` lists. Each removal is a rename into a scratch directory under
    /// `.trash` followed by its deletion, so a crash never leaves a half-deleted run visible.
    pub fn gc_execute(&self, plan: &GcPlan, mut report: impl FnMut(&str)) -> Result<()> {
        let _lock = self.lock()?;
        for (dir, external) in &plan.runs {
            if let Some(ext) = external {
                remove_tree(ext)?;
            }
            if dir.path.exists() {
                self.remove_via_trash(&dir.path)?;
            }
            report(&format!(
                "Run with ID {} has been permanently deleted.",
                dir.run_id
            ));
        }
        for (id, path) in &plan.logged_models {
            self.remove_via_trash(path)?;
            report(&format!(
                "Logged model with ID {id} has been permanently deleted."
            ));
        }
        for exp in &plan.experiments {
            if exp.path.exists() {
                self.remove_via_trash(&exp.path)?;
            }
            report(&format!(
                "Experiment with ID {} has been permanently deleted.",
                exp.id
            ));
        }
        Ok(())
    }

    /// Renames `path` to `.trash/mlrs-gc-<uuid>` (no meta.yaml at its top: MLflow skips it), then
    /// deletes it. Symbolic links are removed, never followed.
    fn remove_via_trash(&self, path: &Path) -> Result<()> {
        let trash = self.trash_dir();
        fsutil::mkdirs(&trash)?;
        let doomed = trash.join(format!(
            "{}gc-{}",
            fsutil::TRASH_PREFIX,
            uuid::Uuid::new_v4().simple()
        ));
        fs::rename(path, &doomed).map_err(|e| Error::io(path, e))?;
        remove_tree(&doomed)
    }
}

/// Removes a directory tree or a file; a symbolic link is removed, never followed; a missing
/// path is no error.
pub(crate) fn remove_tree(path: &Path) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(md) if md.is_dir() => fs::remove_dir_all(path).map_err(|e| Error::io(path, e)),
        Ok(_) => fs::remove_file(path).map_err(|e| Error::io(path, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// A run's local artifact directory when it lives outside the run directory, and only when it
/// has the shape MLflow gives it (`…/<run_id>/artifacts`): a hand-edited URI pointing anywhere
/// else is never deleted.
fn external_artifact_dir(artifact_uri: &str, run_id: &str, run_path: &Path) -> Option<PathBuf> {
    let p = uri::local_artifact_path(artifact_uri)?;
    if p.starts_with(run_path) || !p.exists() {
        return None;
    }
    has_mlflow_artifact_shape(&p, run_id).then_some(p)
}

/// Whether `p` is the artifact directory MLflow gives object `owner_id` (a run, a logged
/// model): `…/<owner_id>/artifacts`, and not a symbolic link. gc deletes nothing else.
pub(crate) fn has_mlflow_artifact_shape(p: &Path, owner_id: &str) -> bool {
    let mut comps = p.components().rev();
    let last = comps.next().and_then(|c| c.as_os_str().to_str());
    let parent = comps.next().and_then(|c| c.as_os_str().to_str());
    last == Some("artifacts") && parent == Some(owner_id) && !p.is_symlink()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn older_than_parses_like_mlflow() {
        assert_eq!(parse_older_than("1d2h3m4s").unwrap(), 93_784_000);
        assert_eq!(parse_older_than("8h").unwrap(), 28_800_000);
        assert_eq!(parse_older_than("1.5m").unwrap(), 90_000);
        assert_eq!(parse_older_than("2m4s").unwrap(), 124_000);
        for bad in ["", "1", "1x", "1s2m", "d", "1dd", "-1d"] {
            assert!(parse_older_than(bad).is_err(), "{bad:?}");
        }
    }
}
