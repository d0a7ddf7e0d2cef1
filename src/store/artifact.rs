//! Run artifacts on the local file system: listing, download (copy out) and logging (copy in).
//! A store moved away from the absolute `file://` URIs MLflow recorded still finds its files.

use std::fs;
use std::path::{Path, PathBuf};

use super::fsutil;
use super::uri;
use super::{FileStore, WarnSink};
use crate::entities::FileInfo;
use crate::error::{Error, Result};
use crate::validate;

impl FileStore {
    /// The local directory holding a run's artifacts: the path of its recorded artifact URI.
    /// When that path does not exist, the URI has the default layout of a store
    /// (`…/<experiment_id>/<run_id>/artifacts`) and `<run>/artifacts` exists here, the store was
    /// copied or rsynced from elsewhere (or the experiment is in `.trash/`): the local directory
    /// is used, and a warning says so once. An experiment with its own artifact location keeps it.
    pub fn artifact_root(&self, run_id: &str) -> Result<PathBuf> {
        let dir = self.find_run_dir(run_id)?;
        let info = self.read_run_info(&dir)?;
        let local = dir.path.join("artifacts");
        let recorded = uri::local_artifact_path(&info.artifact_uri);
        match recorded {
            Some(p) if p.as_os_str().is_empty() => Ok(local),
            Some(p) if p.exists() => Ok(p),
            Some(p) if local.is_dir() && has_store_layout(&p, &info.experiment_id, run_id) => {
                if p != local {
                    self.warn_once_moved(&format!(
                        "artifact location {} does not exist; using {} (the store seems to have moved; `mlrs store relocate` rewrites the URIs)",
                        p.display(),
                        local.display()
                    ));
                }
                Ok(local)
            }
            Some(p) => Ok(p),
            None if local.is_dir() && dir_has_entries(&local) => Ok(local),
            None => Err(Error::Failed(format!(
                "artifact URI '{}' of run {run_id} is not on the local file system; mlrs reads local artifacts only",
                info.artifact_uri
            ))),
        }
    }

    /// MLflow's `list_artifacts(path)`: the direct children of `path`, sorted by path.
    pub fn list_artifacts(&self, run_id: &str, path: &str) -> Result<Vec<FileInfo>> {
        let rel = validate::validate_artifact_path(path)?;
        self.local_artifacts(run_id)?.list(&rel)
    }

    /// Every artifact file and directory under `path`, depth first, sorted by path.
    pub fn list_artifacts_recursive(&self, run_id: &str, path: &str) -> Result<Vec<FileInfo>> {
        validate::validate_artifact_path(path)?;
        self.local_artifacts(run_id)?.list_recursive(path)
    }

    /// Copies artifact `path` (a file or a directory; "" is everything) of a run into `dst`
    /// and returns the local path of the copy. Symbolic links are not followed.
    pub fn download_artifacts(&self, run_id: &str, path: &str, dst: &Path) -> Result<PathBuf> {
        let rel = validate::validate_artifact_path(path)?;
        self.local_artifacts(run_id)?.download(run_id, &rel, dst)
    }

    /// Copies one local file into the run's artifacts under `artifact_path`.
    pub fn log_artifact(
        &self,
        run_id: &str,
        local_file: &Path,
        artifact_path: &str,
    ) -> Result<PathBuf> {
        let rel = validate::validate_artifact_path(artifact_path)?;
        check_local_file(local_file)?;
        self.check_active_for_artifacts(run_id)?;
        self.local_artifacts(run_id)?.log_file(local_file, &rel)
    }

    /// Copies the contents of a local directory into the run's artifacts under `artifact_path`.
    pub fn log_artifacts(
        &self,
        run_id: &str,
        local_dir: &Path,
        artifact_path: &str,
    ) -> Result<PathBuf> {
        let rel = validate::validate_artifact_path(artifact_path)?;
        check_local_dir(local_dir)?;
        self.check_active_for_artifacts(run_id)?;
        self.local_artifacts(run_id)?.log_dir(local_dir, &rel)
    }

    fn local_artifacts(&self, run_id: &str) -> Result<LocalArtifacts<'_>> {
        Ok(LocalArtifacts {
            root: self.artifact_root(run_id)?,
            warn: &self.warn,
        })
    }

    fn check_active_for_artifacts(&self, run_id: &str) -> Result<()> {
        let dir = self.find_run_dir(run_id)?;
        let info = self.read_run_info(&dir)?;
        check_active(&info)
    }
}

/// Artifacts can be logged to an active run only (MLflow's message).
pub(crate) fn check_active(info: &crate::entities::RunInfo) -> Result<()> {
    if info.lifecycle_stage != crate::entities::LifecycleStage::Active {
        return Err(Error::Failed(format!(
            "The run {} must be in the 'active' state. Current state is {}.",
            info.run_id, info.lifecycle_stage
        )));
    }
    Ok(())
}

/// A local file to log: it must be a regular file with a name.
pub(crate) fn check_local_file(local_file: &Path) -> Result<()> {
    let md = fs::metadata(local_file).map_err(|e| Error::io(local_file, e))?;
    if !md.is_file() {
        return Err(Error::invalid(format!(
            "{} is not a file",
            local_file.display()
        )));
    }
    if local_file.file_name().is_none() {
        return Err(Error::invalid(format!(
            "{} has no file name",
            local_file.display()
        )));
    }
    Ok(())
}

/// A local directory to log.
pub(crate) fn check_local_dir(local_dir: &Path) -> Result<()> {
    if !local_dir.is_dir() {
        return Err(Error::invalid(format!(
            "{} is not a directory",
            local_dir.display()
        )));
    }
    Ok(())
}

/// The artifacts of one run in a local directory (`root`): what every backend whose runs keep
/// local artifact URIs reads and writes. Paths given are already validated (relative, no `..`).
pub(crate) struct LocalArtifacts<'a> {
    pub root: PathBuf,
    pub warn: &'a WarnSink,
}

impl LocalArtifacts<'_> {
    /// The direct children of `rel`, sorted by path; symbolic links are skipped with a warning.
    pub fn list(&self, rel: &str) -> Result<Vec<FileInfo>> {
        let dir = if rel.is_empty() {
            self.root.clone()
        } else {
            self.root.join(rel)
        };
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for entry in fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))? {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            // A symbolic link is never followed (it could point outside the store).
            let md = fs::symlink_metadata(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
            if md.file_type().is_symlink() {
                (self.warn)(&format!(
                    "skipping {}: symbolic link (not followed)",
                    entry.path().display()
                ));
                continue;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = if rel.is_empty() {
                name
            } else {
                format!("{rel}/{name}")
            };
            out.push(FileInfo {
                path,
                is_dir: md.is_dir(),
                file_size: if md.is_dir() { None } else { Some(md.len()) },
            });
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// Every file and directory under `rel`, depth first, sorted by path.
    pub fn list_recursive(&self, rel: &str) -> Result<Vec<FileInfo>> {
        let mut out = Vec::new();
        let mut stack = vec![rel.to_string()];
        while let Some(p) = stack.pop() {
            let p = validate::validate_artifact_path(&p)?;
            for info in self.list(&p)? {
                if info.is_dir {
                    stack.push(info.path.clone());
                }
                out.push(info);
            }
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// Copies `rel` (a file or a directory; "" is everything) into `dst`; returns the copy.
    pub fn download(&self, run_id: &str, rel: &str, dst: &Path) -> Result<PathBuf> {
        let src = if rel.is_empty() {
            self.root.clone()
        } else {
            self.root.join(rel)
        };
        let md = fs::symlink_metadata(&src)
            .map_err(|_| Error::not_found(format!("artifact '{rel}' not found in run {run_id}")))?;
        fsutil::mkdirs(dst)?;
        let target = if rel.is_empty() {
            dst.to_path_buf()
        } else {
            dst.join(rel.rsplit('/').next().unwrap_or(rel))
        };
        if md.is_dir() {
            self.copy_tree(&src, &target)?;
        } else if md.is_file() {
            copy_file(&src, &target)?;
        } else {
            return Err(Error::Failed(format!(
                "artifact '{rel}' is not a regular file or directory"
            )));
        }
        Ok(target)
    }

    /// Copies one local file (checked by `check_local_file`) under `rel`.
    pub fn log_file(&self, local_file: &Path, rel: &str) -> Result<PathBuf> {
        let name = local_file
            .file_name()
            .ok_or_else(|| Error::invalid(format!("{} has no file name", local_file.display())))?;
        let target = self.dest_dir(rel)?.join(name);
        copy_file(local_file, &target)?;
        Ok(target)
    }

    /// Copies the contents of a local directory (checked by `check_local_dir`) under `rel`.
    pub fn log_dir(&self, local_dir: &Path, rel: &str) -> Result<PathBuf> {
        let dest = self.dest_dir(rel)?;
        self.copy_tree(local_dir, &dest)?;
        Ok(dest)
    }

    fn dest_dir(&self, rel: &str) -> Result<PathBuf> {
        let dest = if rel.is_empty() {
            self.root.clone()
        } else {
            self.root.join(rel)
        };
        fsutil::mkdirs(&dest)?;
        Ok(dest)
    }

    fn copy_tree(&self, src: &Path, dst: &Path) -> Result<()> {
        fsutil::mkdirs(dst)?;
        for entry in walkdir::WalkDir::new(src).min_depth(1).sort_by_file_name() {
            let entry = entry.map_err(|e| Error::Failed(format!("{}: {e}", src.display())))?;
            let rel = entry.path().strip_prefix(src).unwrap_or(entry.path());
            let target = dst.join(rel);
            let ft = entry.file_type();
            if ft.is_dir() {
                fsutil::mkdirs(&target)?;
            } else if ft.is_file() {
                copy_file(entry.path(), &target)?;
            } else {
                (self.warn)(&format!(
                    "skipping {}: not a regular file",
                    entry.path().display()
                ));
            }
        }
        Ok(())
    }
}

/// Whether `path` ends with `<experiment_id>/<run_id>/artifacts`, the shape MLflow gives run
/// artifact URIs under a store's default artifact root.
fn has_store_layout(path: &Path, experiment_id: &str, run_id: &str) -> bool {
    let mut comps = path
        .components()
        .rev()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    comps.next().as_deref() == Some("artifacts")
        && comps.next().as_deref() == Some(run_id)
        && comps.next().as_deref() == Some(experiment_id)
}

fn dir_has_entries(dir: &Path) -> bool {
    fs::read_dir(dir)
        .map(|mut d| d.next().is_some())
        .unwrap_or(false)
}

/// Copies a file via a temp file in the destination directory and a rename, so a reader never
/// sees half an artifact.
fn copy_file(src: &Path, dst: &Path) -> Result<()> {
    let parent = dst.parent().unwrap_or(Path::new("."));
    fsutil::mkdirs(parent)?;
    let tmp = parent.join(format!("{}{}", fsutil::TEMP_PREFIX, std::process::id()));
    fs::copy(src, &tmp).map_err(|e| Error::io(src, e))?;
    fs::rename(&tmp, dst).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io(dst, e)
    })
}
