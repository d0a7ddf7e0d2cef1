//! `doctor`: finds what would make MLflow or mlrs fail on a store, per object, and with `fix`
//! repairs what can be repaired without guessing. What cannot is moved (never deleted) into
//! `.trash/mlrs-quarantine/<time>/`, a place MLflow skips (no meta.yaml at its top).

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::experiment::{ExperimentDir, RESERVED_EXPERIMENT_CHILDREN, TRASH};
use super::fsutil::{self, TEMP_PREFIX};
use super::metric_history;
use super::{FileStore, yaml};
use crate::entities::{LifecycleStage, ViewType};
use crate::error::{Error, Result};

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Path relative to the store root.
    pub path: String,
    /// A stable name for scripts (`metric_unparsable`, `stray_key_file`, ...).
    pub kind: &'static str,
    pub detail: String,
    pub action: Action,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Reported only (not fixable, or `--fix` not given).
    None,
    /// Repaired in place; the text says how.
    Fixed(String),
    /// Moved to this path under the quarantine folder.
    Quarantined(String),
}

impl Problem {
    pub fn remains(&self) -> bool {
        self.action == Action::None
    }
}

#[derive(Debug, Clone)]
pub struct DoctorOptions {
    pub fix: bool,
    /// A RUNNING run without writes for this long is reported.
    pub stale_after_ms: i64,
}

/// Files that editors and file managers leave behind and MLflow would read as keys.
fn is_stray_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX)
        || matches!(name, ".DS_Store" | "Thumbs.db" | "desktop.ini")
        || name.starts_with("._")
        || name.starts_with(".#")
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
}

#[derive(Deserialize)]
struct RawExperimentMeta {
    experiment_id: Option<String>,
    name: Option<String>,
    artifact_location: Option<String>,
    lifecycle_stage: Option<String>,
}

#[derive(Deserialize)]
struct RawVersionMeta {
    run_id: Option<String>,
    current_stage: Option<String>,
}

struct Doctor<'a> {
    store: &'a FileStore,
    opts: DoctorOptions,
    quarantine: PathBuf,
    problems: Vec<Problem>,
}

impl FileStore {
    pub fn doctor(&self, opts: DoctorOptions) -> Result<Vec<Problem>> {
        self.check_exists()?;
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ").to_string();
        let quarantine = self
            .trash_dir()
            .join(format!("{}quarantine", fsutil::TRASH_PREFIX))
            .join(stamp);
        let _lock = if opts.fix { Some(self.lock()?) } else { None };
        let mut d = Doctor {
            store: self,
            opts,
            quarantine,
            problems: Vec::new(),
        };
        d.check_root()?;
        for exp in self.experiment_dirs(ViewType::All)? {
            d.check_experiment(&exp)?;
        }
        d.check_registry()?;
        Ok(d.problems)
    }
}

impl Doctor<'_> {
    fn rel(&self, path: &Path) -> String {
        path.strip_prefix(self.store.root())
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned()
    }

    fn report(&mut self, path: &Path, kind: &'static str, detail: impl Into<String>) {
        let rel = self.rel(path);
        self.problems.push(Problem {
            path: rel,
            kind,
            detail: detail.into(),
            action: Action::None,
        });
    }

    /// Records a problem and, with `--fix`, applies `repair`, which returns what it did.
    fn fixable(
        &mut self,
        path: &Path,
        kind: &'static str,
        detail: impl Into<String>,
        repair: impl FnOnce(&mut Self) -> Result<Action>,
    ) -> Result<()> {
        let rel = self.rel(path);
        let action = if self.opts.fix {
            repair(self)?
        } else {
            Action::None
        };
        self.problems.push(Problem {
            path: rel,
            kind,
            detail: detail.into(),
            action,
        });
        Ok(())
    }

    fn quarantine(&mut self, path: &Path) -> Result<Action> {
        let target = self.quarantine.join(self.rel(path));
        if let Some(parent) = target.parent() {
            fsutil::mkdirs(parent)?;
        }
        fs::rename(path, &target).map_err(|e| Error::io(path, e))?;
        Ok(Action::Quarantined(self.rel(&target)))
    }

    fn check_root(&mut self) -> Result<()> {
        let root = self.store.root().to_path_buf();
        for entry in fs::read_dir(&root)
            .map_err(|e| Error::io(&root, e))?
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            let ft = entry.file_type().map_err(|e| Error::io(&path, e))?;
            if ft.is_symlink() {
                self.fixable(
                    &path,
                    "symlink",
                    "symbolic link at the store root (not followed)",
                    |d| d.quarantine(&path),
                )?;
            } else if name.starts_with(TEMP_PREFIX) {
                self.fixable(
                    &path,
                    "temp_file",
                    "leftover temporary file of an interrupted write",
                    |d| d.quarantine(&path),
                )?;
            } else if ft.is_dir() && name.starts_with('.') && name != TRASH {
                self.fixable(
                    &path,
                    "hidden_dir_at_root",
                    "MLflow's experiment listing fails on hidden directories at the store root",
                    |d| d.quarantine(&path),
                )?;
            } else if ft.is_dir()
                && name != "models"
                && name != TRASH
                && !path.join("meta.yaml").exists()
            {
                self.fixable(
                    &path,
                    "experiment_meta_missing",
                    "experiment directory without meta.yaml",
                    |d| d.quarantine(&path),
                )?;
            }
        }
        let trash = self.store.trash_dir();
        for entry in fs::read_dir(&trash).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(TEMP_PREFIX)
                || name.starts_with(&format!("{}tmp-", fsutil::TRASH_PREFIX))
            {
                let path = entry.path();
                self.fixable(
                    &path,
                    "temp_file",
                    "leftover staging directory of an interrupted create",
                    |d| d.quarantine(&path),
                )?;
            } else if name.starts_with(".mlrs-gc-")
                || name.starts_with(&format!("{}gc-", fsutil::TRASH_PREFIX))
            {
                let path = entry.path();
                self.fixable(
                    &path,
                    "gc_leftover",
                    "a gc was interrupted while removing this",
                    |_| {
                        fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
                        Ok(Action::Fixed("removal finished".into()))
                    },
                )?;
            }
        }
        Ok(())
    }

    fn check_experiment(&mut self, exp: &ExperimentDir) -> Result<()> {
        let meta_path = exp.path.join("meta.yaml");
        if !meta_path.exists() {
            if exp.stage == LifecycleStage::Deleted {
                let path = exp.path.clone();
                self.fixable(
                    &path,
                    "experiment_meta_missing",
                    "deleted experiment directory without meta.yaml",
                    |d| d.quarantine(&path),
                )?;
            }
            return Ok(());
        }
        let meta: RawExperimentMeta = match yaml::read_yaml(&meta_path) {
            Ok(m) => m,
            Err(e) => {
                let path = exp.path.clone();
                return self.fixable(&path, "experiment_meta_malformed", e.to_string(), |d| {
                    d.quarantine(&path)
                });
            }
        };
        if meta.name.is_none() || meta.artifact_location.is_none() {
            let path = exp.path.clone();
            return self.fixable(
                &path,
                "experiment_meta_malformed",
                "meta.yaml lacks 'name' or 'artifact_location'",
                |d| d.quarantine(&path),
            );
        }
        let recorded_id = meta.experiment_id.clone().unwrap_or_default();
        let stage_ok = match meta.lifecycle_stage.as_deref() {
            Some("deleted") => exp.stage == LifecycleStage::Deleted,
            Some("active") | None => exp.stage == LifecycleStage::Active,
            Some(_) => false,
        };
        if recorded_id != exp.id || !stage_ok {
            let (kind, detail) = if recorded_id != exp.id {
                (
                    "experiment_id_mismatch",
                    format!(
                        "meta.yaml says experiment_id '{recorded_id}', the directory is '{}'",
                        exp.id
                    ),
                )
            } else {
                (
                    "lifecycle_mismatch",
                    format!(
                        "meta.yaml says '{}' but the experiment is {}",
                        meta.lifecycle_stage.as_deref().unwrap_or(""),
                        if exp.stage == LifecycleStage::Deleted {
                            "in .trash"
                        } else {
                            "active"
                        }
                    ),
                )
            };
            let exp2 = exp.clone();
            self.fixable(&meta_path, kind, detail, |d| {
                let e = d.store.read_experiment_checked(&exp2, false)?;
                d.store.rewrite_experiment_meta(&exp2, &e)?;
                Ok(Action::Fixed(
                    "meta.yaml rewritten to match the directory".into(),
                ))
            })?;
        }
        self.check_key_dir(&exp.path.join("tags"))?;
        self.check_temp_files(&exp.path)?;
        for entry in fs::read_dir(&exp.path)
            .map_err(|e| Error::io(&exp.path, e))?
            .flatten()
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if RESERVED_EXPERIMENT_CHILDREN.contains(&name.as_str())
                || !entry
                    .file_type()
                    .map(|t| t.is_dir() || t.is_symlink())
                    .unwrap_or(false)
            {
                continue;
            }
            if entry.file_type().map(|t| t.is_symlink()).unwrap_or(false) {
                self.fixable(
                    &path,
                    "symlink",
                    "symbolic link where a run directory belongs (not followed)",
                    |d| d.quarantine(&path),
                )?;
                continue;
            }
            self.check_run(exp, &name, &path)?;
        }
        Ok(())
    }

    fn check_run(&mut self, exp: &ExperimentDir, name: &str, path: &Path) -> Result<()> {
        let meta_path = path.join("meta.yaml");
        if !meta_path.exists() {
            if name.len() == 32 && name.bytes().all(|b| b.is_ascii_hexdigit()) {
                let p = path.to_path_buf();
                self.fixable(
                    path,
                    "run_meta_missing",
                    "run directory without meta.yaml",
                    |d| d.quarantine(&p),
                )?;
            }
            return Ok(());
        }
        let dir = super::run::RunDir {
            run_id: name.to_string(),
            path: path.to_path_buf(),
            experiment: exp.clone(),
        };
        let info = match self.store.read_run_info(&dir) {
            Ok(i) => i,
            Err(e) => {
                let p = path.to_path_buf();
                let recoverable_exp_mismatch = e
                    .to_string()
                    .contains("does not match the experiment directory");
                if recoverable_exp_mismatch {
                    return self.fixable(
                        &meta_path,
                        "run_experiment_mismatch",
                        e.to_string(),
                        |d| {
                            d.store.rewrite_run_experiment_id(&dir)?;
                            Ok(Action::Fixed(
                                "experiment_id rewritten to the directory's".into(),
                            ))
                        },
                    );
                }
                let kind = if e.to_string().contains("does not match its directory") {
                    "run_id_mismatch"
                } else {
                    "run_meta_malformed"
                };
                return self.fixable(path, kind, e.to_string(), |d| d.quarantine(&p));
            }
        };
        for sub in ["metrics", "params", "tags", "artifacts"] {
            let sub_path = path.join(sub);
            if !sub_path.is_dir() {
                self.fixable(
                    &sub_path,
                    "run_dir_missing",
                    format!("missing {sub}/ (MLflow 3 cannot read the run without it)"),
                    |_| {
                        fsutil::mkdirs(&sub_path)?;
                        Ok(Action::Fixed("created".into()))
                    },
                )?;
            }
        }
        self.check_key_dir(&path.join("params"))?;
        self.check_key_dir(&path.join("tags"))?;
        self.check_metrics(&path.join("metrics"))?;
        self.check_temp_files(path)?;
        if info.status == crate::entities::RunStatus::Running
            && info.lifecycle_stage == LifecycleStage::Active
        {
            let threshold = super::now_ms() - self.opts.stale_after_ms;
            if info.start_time.unwrap_or(0) < threshold {
                let stale = self.store.stale_runs(
                    self.opts.stale_after_ms,
                    Some(std::slice::from_ref(&exp.id)),
                )?;
                if stale.iter().any(|s| s.info.run_id == info.run_id) {
                    self.report(path, "stale_run", "RUNNING with no write for longer than the threshold (see `mlrs runs close-stale`)");
                }
            }
        }
        Ok(())
    }

    /// Stray files in a key folder, symlinks, and values that are not UTF-8.
    fn check_key_dir(&mut self, dir: &Path) -> Result<()> {
        for (_, path) in list_all_files(dir) {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if path.is_symlink() {
                self.fixable(
                    &path,
                    "symlink",
                    "symbolic link inside a key folder (not followed)",
                    |d| d.quarantine(&path),
                )?;
            } else if is_stray_name(&name) {
                self.fixable(
                    &path,
                    "stray_key_file",
                    format!("'{name}' would be read by MLflow as a key"),
                    |d| d.quarantine(&path),
                )?;
            } else if fs::read(&path)
                .map(|b| std::str::from_utf8(&b).is_err())
                .unwrap_or(false)
            {
                self.fixable(
                    &path,
                    "value_not_utf8",
                    "value is not valid UTF-8 (MLflow cannot decode it)",
                    |d| d.quarantine(&path),
                )?;
            }
        }
        Ok(())
    }

    fn check_metrics(&mut self, dir: &Path) -> Result<()> {
        for (key, path) in list_all_files(dir) {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if path.is_symlink() {
                self.fixable(
                    &path,
                    "symlink",
                    "symbolic link inside metrics/ (not followed)",
                    |d| d.quarantine(&path),
                )?;
                continue;
            }
            if is_stray_name(&name) {
                self.fixable(
                    &path,
                    "stray_key_file",
                    format!("'{name}' in metrics/ makes the run unreadable for MLflow"),
                    |d| d.quarantine(&path),
                )?;
                continue;
            }
            let bytes = fs::read(&path).map_err(|e| Error::io(&path, e))?;
            if let Err(msg) = metric_history::parse_metric_file(&key, &bytes) {
                let good: Vec<&str> = std::str::from_utf8(&bytes)
                    .unwrap_or("")
                    .split('\n')
                    .filter(|l| {
                        !l.trim().is_empty() && metric_history::parse_metric_line(&key, l).is_ok()
                    })
                    .collect();
                let kind = if bytes.is_empty() {
                    "metric_empty"
                } else {
                    "metric_unparsable"
                };
                self.fixable(&path, kind, msg, |d| {
                    let q = d.quarantine(&path)?;
                    if good.is_empty() {
                        return Ok(q);
                    }
                    let text: String = good
                        .iter()
                        .map(|l| format!("{}\n", l.trim_end_matches('\r')))
                        .collect();
                    let run_dir = path
                        .ancestors()
                        .find(|a| a.join("meta.yaml").is_file())
                        .unwrap_or(dir);
                    fsutil::atomic_write(&path, text.as_bytes(), run_dir)?;
                    let Action::Quarantined(orig) = q else {
                        return Ok(q);
                    };
                    Ok(Action::Fixed(format!(
                        "kept {} readable line(s); original moved to {orig}",
                        good.len()
                    )))
                })?;
            }
        }
        Ok(())
    }

    /// Our own temp files next to meta.yaml files, left by a killed writer.
    fn check_temp_files(&mut self, dir: &Path) -> Result<()> {
        for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(TEMP_PREFIX) {
                let path = entry.path();
                self.fixable(
                    &path,
                    "temp_file",
                    "leftover temporary file of an interrupted write",
                    |d| d.quarantine(&path),
                )?;
            }
        }
        Ok(())
    }

    /// Registry versions whose run no longer exists.
    fn check_registry(&mut self) -> Result<()> {
        let models = self.store.root().join("models");
        for model in fs::read_dir(&models).into_iter().flatten().flatten() {
            for version in fs::read_dir(model.path()).into_iter().flatten().flatten() {
                let name = version.file_name().to_string_lossy().into_owned();
                if !name.starts_with("version-") {
                    continue;
                }
                let meta_path = version.path().join("meta.yaml");
                let Ok(meta) = yaml::read_yaml::<RawVersionMeta>(&meta_path) else {
                    self.report(
                        &meta_path,
                        "version_meta_malformed",
                        "model version meta.yaml cannot be read",
                    );
                    continue;
                };
                if meta.current_stage.as_deref() == Some("Deleted_Internal") {
                    continue;
                }
                if let Some(run_id) = meta.run_id.filter(|r| !r.is_empty())
                    && self.store.find_run_dir(&run_id).is_err()
                {
                    self.report(
                        &meta_path,
                        "version_run_missing",
                        format!("run {run_id} of this version does not exist"),
                    );
                }
            }
        }
        Ok(())
    }
}

/// Every file (and symlink) under `dir` as (key, path), without following links.
fn list_all_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(dir)
        .min_depth(1)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if entry.file_type().is_dir() {
            continue;
        }
        let key = entry
            .path()
            .strip_prefix(dir)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        out.push((key, entry.path().to_path_buf()));
    }
    out
}
