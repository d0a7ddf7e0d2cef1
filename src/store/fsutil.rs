//! File-system primitives every writer shares: atomic replace, no-clobber create, O_APPEND
//! appends, key/value folders (`params/`, `tags/`) and the store lock.

use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, Result};

/// Prefix of every temporary file mlrs creates; never inside `params/`, `tags/` or `metrics/`.
pub const TEMP_PREFIX: &str = ".mlrs-tmp-";

/// Prefix of mlrs's own directories under `.trash/` (staging, gc, quarantine). MLflow lists every
/// directory there as a deleted experiment: a name that is a valid experiment id and has no
/// `meta.yaml` is skipped by MLflow (with a warning), while a name that is not a valid id
/// (such as one starting with `.`) makes its experiment listing fail.
pub const TRASH_PREFIX: &str = "mlrs-";

/// Moves a staged object (`.trash/mlrs-tmp-<uuid>/o`, see `FileStore::staging_dir`) to
/// `target`, then removes the emptied staging directory.
pub fn publish(staging: &Path, target: &Path) -> std::io::Result<()> {
    fs::rename(staging, target)?;
    if let Some(parent) = staging.parent() {
        let _ = fs::remove_dir(parent);
    }
    Ok(())
}

/// Removes a staged object that will not be published, with its staging directory.
pub fn discard_staging(staging: &Path) -> std::io::Result<()> {
    match staging.parent() {
        Some(parent)
            if parent
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(TRASH_PREFIX)) =>
        {
            fs::remove_dir_all(parent)
        }
        _ => fs::remove_dir_all(staging),
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A fresh temp path inside `dir` (a directory MLflow ignores plain files in).
fn temp_path(dir: &Path) -> PathBuf {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    dir.join(format!("{TEMP_PREFIX}{}-{n}-{nanos:x}", std::process::id()))
}

/// Writes `bytes` to a new temp file in `tmp_dir` and syncs it; the caller renames or links it.
fn write_temp(tmp_dir: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let tmp = temp_path(tmp_dir);
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(|e| Error::io(&tmp, e))?;
    let res = f.write_all(bytes).and_then(|_| f.sync_all());
    if let Err(e) = res {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(&tmp, e));
    }
    Ok(tmp)
}

/// Replaces `target` atomically: temp file in `tmp_dir` (same file system), fsync, rename.
/// A reader sees the old content or the new one, never a partial file.
pub fn atomic_write(target: &Path, bytes: &[u8], tmp_dir: &Path) -> Result<()> {
    let tmp = write_temp(tmp_dir, bytes)?;
    if let Err(e) = fs::rename(&tmp, target) {
        let _ = fs::remove_file(&tmp);
        return Err(Error::io(target, e));
    }
    sync_dir(target.parent());
    Ok(())
}

/// Creates `target` with `bytes` only if it does not exist yet (hard link of a synced temp
/// file, so the file never exists empty). Returns false when it already existed.
pub fn create_no_clobber(target: &Path, bytes: &[u8], tmp_dir: &Path) -> Result<bool> {
    let tmp = write_temp(tmp_dir, bytes)?;
    let res = fs::hard_link(&tmp, target);
    let _ = fs::remove_file(&tmp);
    match res {
        Ok(()) => {
            sync_dir(target.parent());
            Ok(true)
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(Error::io(target, e)),
    }
}

/// Appends `bytes` with a single `write` on an `O_APPEND` descriptor.
pub fn append_once(target: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = OpenOptions::new()
        .append(true)
        .open(target)
        .map_err(|e| Error::io(target, e))?;
    let n = f.write(bytes).map_err(|e| Error::io(target, e))?;
    if n != bytes.len() {
        return Err(Error::Failed(format!(
            "{}: short append ({n} of {} bytes)",
            target.display(),
            bytes.len()
        )));
    }
    Ok(())
}

fn sync_dir(dir: Option<&Path>) {
    if let Some(d) = dir
        && let Ok(f) = File::open(d)
    {
        let _ = f.sync_all();
    }
}

/// Creates `dir` and its parents.
pub fn mkdirs(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
}

/// Reads every regular file under `dir` as `key → value` (MLflow's `os.walk` of a key folder).
/// Keys are `/`-joined relative paths. A missing folder is an empty map.
pub fn read_key_values(dir: &Path) -> Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (key, path) in list_key_files(dir)? {
        let bytes = fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let value = String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        out.push((key, value));
    }
    Ok(out)
}

/// Every regular file under `dir` as (key, path); symlinks are not followed.
pub fn list_key_files(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(dir).to_path_buf();
            Error::io(
                &path,
                e.into_io_error().unwrap_or_else(|| ErrorKind::Other.into()),
            )
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let key = if entry.depth() == 1 {
            entry.file_name().to_string_lossy().into_owned()
        } else {
            let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path());
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        };
        out.push((key, entry.into_path()));
    }
    Ok(out)
}

/// The path of `key` inside a key folder, after checking that no other key is a prefix of it
/// (`a` and `a/b` cannot coexist: one would have to be both a file and a directory).
pub fn key_path(dir: &Path, key: &str, what: &str) -> Result<PathBuf> {
    let target = dir.join(key);
    let mut prefix = dir.to_path_buf();
    let parts: Vec<&str> = key.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        prefix.push(part);
        let last = i + 1 == parts.len();
        match fs::symlink_metadata(&prefix) {
            Ok(md) if !last && !md.is_dir() => {
                return Err(Error::invalid(format!(
                    "invalid {what} key '{key}': '{}' is already a {what}",
                    parts[..=i].join("/")
                )));
            }
            Ok(md) if last && md.is_dir() => {
                return Err(Error::invalid(format!(
                    "invalid {what} key '{key}': keys under '{key}/' already exist"
                )));
            }
            Ok(md) if md.file_type().is_symlink() => {
                return Err(Error::invalid(format!(
                    "invalid {what} key '{key}': '{}' is a symbolic link",
                    prefix.display()
                )));
            }
            _ => {}
        }
    }
    Ok(target)
}

/// An exclusive lock on a plain file at the store root (`.mlrs.lock`, which MLflow ignores).
/// Held until dropped; the OS releases it when the process dies, so a crashed holder never
/// wedges the store. Waits up to `MLRS_LOCK_TIMEOUT` seconds (default 60), then fails with
/// `LockBusy` (exit 4).
pub struct StoreLock {
    _file: File,
    /// The file system refused locks (some NFS or Lustre mounts): the caller carries on,
    /// relying on exclusive creation alone.
    pub degraded: bool,
}

impl StoreLock {
    pub fn acquire(root: &Path) -> Result<StoreLock> {
        let path = root.join(".mlrs.lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        let timeout = std::env::var("MLRS_LOCK_TIMEOUT")
            .ok()
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|t| t.is_finite() && *t >= 0.0)
            .unwrap_or(60.0);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f64(timeout);
        let mut pause = std::time::Duration::from_millis(2);
        loop {
            match file.try_lock() {
                Ok(()) => {
                    return Ok(StoreLock {
                        _file: file,
                        degraded: false,
                    });
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    if std::time::Instant::now() >= deadline {
                        return Err(Error::LockBusy(format!(
                            "the store lock {} stayed busy for {timeout}s (another mlrs process holds it; raise MLRS_LOCK_TIMEOUT to wait longer)",
                            path.display()
                        )));
                    }
                    std::thread::sleep(pause);
                    pause = (pause * 2).min(std::time::Duration::from_millis(50));
                }
                Err(std::fs::TryLockError::Error(_)) => {
                    return Ok(StoreLock {
                        _file: file,
                        degraded: true,
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("meta.yaml");
        atomic_write(&target, b"one\n", dir.path()).unwrap();
        atomic_write(&target, b"two\n", dir.path()).unwrap();
        assert_eq!(fs::read(&target).unwrap(), b"two\n");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn create_no_clobber_keeps_the_first_value() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("p");
        assert!(create_no_clobber(&target, b"1", dir.path()).unwrap());
        assert!(!create_no_clobber(&target, b"2", dir.path()).unwrap());
        assert_eq!(fs::read(&target).unwrap(), b"1");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn nested_keys_are_read_back_with_slashes() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("a/b")).unwrap();
        fs::write(dir.path().join("a/b/c"), "v").unwrap();
        fs::write(dir.path().join("top"), " padded ").unwrap();
        let kv = read_key_values(dir.path()).unwrap();
        assert_eq!(
            kv,
            vec![
                ("a/b/c".into(), "v".into()),
                ("top".into(), " padded ".into())
            ]
        );
    }

    #[test]
    fn a_busy_lock_times_out_with_lock_busy() {
        let dir = tempfile::tempdir().unwrap();
        let held = StoreLock::acquire(dir.path()).unwrap();
        assert!(!held.degraded);
        let other = File::options()
            .write(true)
            .open(dir.path().join(".mlrs.lock"))
            .unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(std::fs::TryLockError::WouldBlock)
        ));
        drop(held);
        assert!(other.try_lock().is_ok());
    }

    #[test]
    fn a_key_and_its_prefix_cannot_coexist() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a"), "1").unwrap();
        assert!(key_path(dir.path(), "a/b", "param").is_err());
        fs::create_dir_all(dir.path().join("x/y")).unwrap();
        assert!(key_path(dir.path(), "x", "param").is_err());
        assert!(key_path(dir.path(), "z/w", "param").is_ok());
    }
}
