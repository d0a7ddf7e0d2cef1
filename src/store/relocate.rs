//! `store relocate`: rewrites the absolute artifact URIs MLflow recorded (experiment
//! `artifact_location`, run `artifact_uri`, model version `storage_location`/`source`, logged
//! model `artifact_location`, trace `mlflow.artifactLocation`) after a store moved.
//! Only the one YAML line changes; every other byte of each file is kept. Atomic per file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::{FileStore, fsutil, uri, yaml};
use crate::error::{Error, Result};

/// One rewritten value.
#[derive(Debug, Clone, PartialEq)]
pub struct Relocation {
    pub file: PathBuf,
    pub key: String,
    pub old: String,
    pub new: String,
}

/// Which YAML keys hold artifact URIs, by the kind of `meta.yaml`.
const URI_KEYS: [&str; 4] = [
    "artifact_location",
    "artifact_uri",
    "storage_location",
    "source",
];

impl FileStore {
    /// Rewrites every URI starting with `from` to start with `to` instead (default: this store's
    /// own root). `from` may be a `file://` URI or an absolute path; both spellings are matched.
    /// With `dry_run` nothing is written. Returns what was (or would be) changed.
    pub fn relocate(&self, from: &str, to: Option<&str>, dry_run: bool) -> Result<Vec<Relocation>> {
        self.check_exists()?;
        let (from_uri, from_path) = prefix_forms(from)?;
        let to_uri = match to {
            Some(t) => prefix_forms(t)?.0,
            None => self.root_uri(),
        };
        let to_path = uri::file_uri_to_path(&to_uri)?
            .to_string_lossy()
            .into_owned();
        let rewrite = |value: &str| -> Option<String> {
            if let Some(rest) = strip_dir_prefix(value, &from_uri) {
                Some(format!("{to_uri}{rest}"))
            } else {
                strip_dir_prefix(value, &from_path).map(|rest| format!("{to_path}{rest}"))
            }
        };
        let _lock = self.lock()?;
        let mut changes = Vec::new();
        for entry in walkdir::WalkDir::new(self.root()).follow_links(false) {
            let entry =
                entry.map_err(|e| Error::Failed(format!("{}: {e}", self.display_root())))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path();
            let name = entry.file_name().to_string_lossy();
            if name == "meta.yaml" {
                self.relocate_meta(path, &rewrite, dry_run, &mut changes)?;
            } else if name == "mlflow.artifactLocation"
                && path.parent().is_some_and(|p| p.ends_with("tags"))
            {
                let old = fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
                if let Some(new) = rewrite(&old) {
                    if !dry_run {
                        fsutil::atomic_write(path, new.as_bytes(), grandparent(path))?;
                    }
                    changes.push(Relocation {
                        file: path.to_path_buf(),
                        key: "mlflow.artifactLocation".into(),
                        old,
                        new,
                    });
                }
            }
        }
        Ok(changes)
    }

    fn relocate_meta(
        &self,
        path: &Path,
        rewrite: &dyn Fn(&str) -> Option<String>,
        dry_run: bool,
        changes: &mut Vec<Relocation>,
    ) -> Result<()> {
        let text = match fs::read_to_string(path) {
            Ok(t) => t,
            Err(_) => return Ok(()),
        };
        let mut out = String::with_capacity(text.len());
        let mut changed = false;
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for (i, line) in lines.iter().enumerate() {
            let key = line.split_once(':').map(|(k, _)| k).unwrap_or("");
            // A value folded over several lines (continuations start with a space) is left alone.
            let folded = lines.get(i + 1).is_some_and(|next| next.starts_with(' '));
            if URI_KEYS.contains(&key) && !folded {
                let parsed: Option<BTreeMap<String, String>> = yaml::from_yaml(line, path).ok();
                if let Some(old) = parsed.and_then(|m| m.get(key).cloned())
                    && let Some(new) = rewrite(&old)
                {
                    let mut m = BTreeMap::new();
                    m.insert(key.to_string(), new.clone());
                    out.push_str(&yaml::to_yaml(&m)?);
                    changes.push(Relocation {
                        file: path.to_path_buf(),
                        key: key.to_string(),
                        old,
                        new,
                    });
                    changed = true;
                    continue;
                }
            }
            out.push_str(line);
        }
        if changed && !dry_run {
            let dir = path.parent().unwrap_or(self.root());
            fsutil::atomic_write(path, out.as_bytes(), dir)?;
        }
        Ok(())
    }
}

fn grandparent(path: &Path) -> &Path {
    path.parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("."))
}

/// The `file://` URI and the plain-path spelling of a prefix, without a trailing slash.
fn prefix_forms(prefix: &str) -> Result<(String, String)> {
    let path = match uri::uri_scheme(prefix) {
        None => PathBuf::from(prefix),
        Some(s) if s.eq_ignore_ascii_case("file") => uri::file_uri_to_path(prefix)?,
        Some(s) => {
            return Err(Error::invalid(format!(
                "cannot relocate '{prefix}': only local paths and file: URIs can be rewritten (scheme '{s}')"
            )));
        }
    };
    if !path.is_absolute() {
        return Err(Error::invalid(format!(
            "relocation prefix '{prefix}' must be an absolute path or file:/// URI"
        )));
    }
    let path = path.to_string_lossy().trim_end_matches('/').to_string();
    let file_uri = uri::path_to_file_uri(Path::new(&path));
    Ok((file_uri.trim_end_matches('/').to_string(), path))
}

/// `value` minus `prefix` when `prefix` is a whole leading path of it (`/a/b` is a prefix of
/// `/a/b/c` and `/a/b`, not of `/a/bc`).
fn strip_dir_prefix<'a>(value: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = value.strip_prefix(prefix)?;
    (rest.is_empty() || rest.starts_with('/')).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_match_whole_path_components_only() {
        assert_eq!(strip_dir_prefix("/a/b/c", "/a/b"), Some("/c"));
        assert_eq!(strip_dir_prefix("/a/b", "/a/b"), Some(""));
        assert_eq!(strip_dir_prefix("/a/bc", "/a/b"), None);
    }

    #[test]
    fn prefix_forms_accept_paths_and_file_uris() {
        assert_eq!(
            prefix_forms("/old/store/").unwrap(),
            ("file:///old/store".into(), "/old/store".into())
        );
        assert_eq!(
            prefix_forms("file:///old/a%20b").unwrap(),
            ("file:///old/a%20b".into(), "/old/a b".into())
        );
        assert!(prefix_forms("s3://bucket").is_err());
        assert!(prefix_forms("relative").is_err());
    }
}
