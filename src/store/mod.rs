//! The on-disk format of MLflow's file store (`mlruns/`), and nothing of the command line.
//! `FileStore` is the entry point; each concept lives in its own module.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, Result};

pub(crate) mod artifact;
pub mod doctor;
pub mod experiment;
pub mod fsutil;
pub mod gc;
pub mod metric_history;
pub(crate) mod migrate;
pub(crate) mod names;
pub mod parallel;
pub mod registry;
pub mod relocate;
pub mod run;
pub mod search;
pub mod stale;
pub mod uri;
pub mod yaml;

pub use crate::entities::{Batch, RunParts};
pub use experiment::{DEFAULT_EXPERIMENT_ID, ExperimentDir};
pub use run::RunDir;

/// Receives warnings (skipped malformed objects, truncated values); the store never prints.
pub type WarnSink = Arc<dyn Fn(&str) + Send + Sync>;

/// A local MLflow file store rooted at a directory.
pub struct FileStore {
    /// Absolute path of the store root.
    root: PathBuf,
    /// The root as the user named it, for messages.
    display: String,
    warn: WarnSink,
    moved_warned: AtomicBool,
    lock_warned: AtomicBool,
}

/// Milliseconds since the Unix epoch, as MLflow stores times.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

impl FileStore {
    /// Opens the store at `uri` (a path or `file:` URI) without creating anything.
    pub fn open(uri: &str, warn: WarnSink) -> Result<FileStore> {
        let path = uri::resolve_store_uri(uri)?;
        let root = uri::absolute(&path)?;
        Ok(FileStore {
            root,
            display: path.display().to_string(),
            warn,
            moved_warned: AtomicBool::new(false),
            lock_warned: AtomicBool::new(false),
        })
    }

    /// Opens the store, creating it (with `.trash/` and the `Default` experiment) the way
    /// MLflow does when it is missing. For commands that write.
    pub fn open_or_create(uri: &str, warn: WarnSink) -> Result<FileStore> {
        let store = FileStore::open(uri, warn)?;
        if !store.root.exists() {
            fsutil::mkdirs(&store.root)?;
            store.create_default_experiment()?;
        } else if !store.root.is_dir() {
            return Err(Error::Failed(format!(
                "{} is not a directory",
                store.display
            )));
        }
        let trash = store.trash_dir();
        if !trash.exists() {
            fsutil::mkdirs(&trash)?;
        }
        Ok(store)
    }

    /// Fails with "not found" (exit 3) when the store directory does not exist.
    pub fn check_exists(&self) -> Result<()> {
        if self.root.is_dir() {
            Ok(())
        } else {
            Err(Error::not_found(format!(
                "no MLflow store at {}",
                self.display
            )))
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn display_root(&self) -> &str {
        &self.display
    }

    /// The `file://` URI of the store root, the base of default artifact locations.
    pub fn root_uri(&self) -> String {
        uri::path_to_file_uri(&self.root)
    }

    pub(crate) fn warn(&self, message: &str) {
        (self.warn)(message)
    }

    /// Takes the store lock; warns once when the file system cannot lock (the caller still
    /// relies on exclusive creation, so correctness holds).
    pub fn lock(&self) -> Result<fsutil::StoreLock> {
        let lock = fsutil::StoreLock::acquire(&self.root)?;
        if lock.degraded && !self.lock_warned.swap(true, Ordering::Relaxed) {
            self.warn(&format!(
                "{}: the file system does not support locks; continuing with exclusive file creation only",
                self.display
            ));
        }
        Ok(lock)
    }

    /// A fresh directory in which a new object is built before it is renamed into place
    /// (`fsutil::publish`): `.trash/mlrs-tmp-<uuid>/o`, on the store's file system. The outer
    /// name is a valid experiment id without a `meta.yaml`, which MLflow's listing of deleted
    /// experiments skips, and nothing inside it is read by MLflow.
    pub(crate) fn staging_dir(&self) -> Result<PathBuf> {
        let dir = self
            .trash_dir()
            .join(format!(
                "{}tmp-{}",
                fsutil::TRASH_PREFIX,
                uuid::Uuid::new_v4().simple()
            ))
            .join("o");
        fsutil::mkdirs(&dir)?;
        Ok(dir)
    }

    pub(crate) fn warn_once_moved(&self, message: &str) {
        if !self.moved_warned.swap(true, Ordering::Relaxed) {
            self.warn(message);
        }
    }
}
