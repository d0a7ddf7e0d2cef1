//! A run's artifacts on a tracking server. `mlflow server` hands out `mlflow-artifacts:` URIs
//! by default and serves them at `/api/2.0/mlflow-artifacts/artifacts/<path>` (GET a file,
//! PUT a file, GET `?path=` to list a directory), as MLflow's `MlflowArtifactsRepository`
//! uses them. A server run with `--no-serve-artifacts` hands out its artifact root instead;
//! a local path or `file:` URI is then read and written where it is, as MLflow's client
//! does (it must be reachable from here). Any other scheme is refused by name.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::client::{Method, Payload, percent_encode};
use super::{RestStore, arr, opt_i64, run_info_of, s};
use crate::entities::FileInfo;
use crate::error::{Error, Result};
use crate::store::artifact::LocalArtifacts;
use crate::store::{fsutil, uri};
use crate::validate;

const ARTIFACTS_API: &str = "/api/2.0/mlflow-artifacts/artifacts";

/// Where one run's artifacts are.
pub(super) enum RunArtifacts<'a> {
    /// Behind the server's artifact proxy, under `base` (`<experiment>/<run>/artifacts`).
    Proxied { store: &'a RestStore, base: String },
    /// On a disk this machine sees.
    Local(LocalArtifacts<'a>),
}

impl RestStore {
    pub(super) fn artifacts(&self, run_id: &str) -> Result<RunArtifacts<'_>> {
        validate::validate_run_id(run_id)?;
        let reply = self.get("runs/get", serde_json::json!({ "run_id": run_id }))?;
        let info = run_info_of(
            reply
                .get("run")
                .and_then(|r| r.get("info"))
                .unwrap_or(&Value::Null),
        )?;
        let artifact_uri = info.artifact_uri;
        match uri::uri_scheme(&artifact_uri) {
            Some(scheme) if scheme.eq_ignore_ascii_case("mlflow-artifacts") => {
                // mlflow-artifacts:/path or mlflow-artifacts://host:port/path (this server).
                let rest = &artifact_uri[scheme.len() + 1..];
                let path = match rest.strip_prefix("//") {
                    Some(with_host) => with_host.find('/').map_or("", |i| &with_host[i..]),
                    None => rest,
                };
                Ok(RunArtifacts::Proxied {
                    store: self,
                    base: path.trim_matches('/').to_string(),
                })
            }
            _ => match uri::local_artifact_path(&artifact_uri) {
                Some(root) if !root.as_os_str().is_empty() => {
                    Ok(RunArtifacts::Local(LocalArtifacts {
                        root,
                        warn: &self.warn,
                    }))
                }
                _ => Err(Error::Failed(format!(
                    "artifact URI '{artifact_uri}' of run {run_id} uses the scheme '{}'; through a tracking server mlrs reaches mlflow-artifacts: (the server's artifact proxy) and local paths only",
                    uri::uri_scheme(&artifact_uri).unwrap_or_default()
                ))),
            },
        }
    }
}

/// `a/b` joined to `c` without doubled or leading slashes.
fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}/{b}"),
    }
}

impl RunArtifacts<'_> {
    /// The direct children of `path`, sorted, with paths relative to the run's root.
    pub fn list(&self, path: &str) -> Result<Vec<FileInfo>> {
        let rel = validate::validate_artifact_path(path)?;
        let mut out = match self {
            RunArtifacts::Local(local) => return local.list(&rel),
            RunArtifacts::Proxied { store, base } => {
                let query = vec![("path".to_string(), join(base, &rel))];
                let text = read_text(store, Method::Get, ARTIFACTS_API, &query)?;
                let page: Value = serde_json::from_str(&text).map_err(|e| {
                    Error::Failed(format!(
                        "{} answered an artifact listing with something that is not JSON ({e})",
                        store.server()
                    ))
                })?;
                arr(&page, "files")
                    .iter()
                    .map(|f| {
                        let is_dir = f.get("is_dir").and_then(Value::as_bool).unwrap_or(false);
                        FileInfo {
                            path: join(&rel, &s(f, "path")),
                            is_dir,
                            file_size: if is_dir {
                                None
                            } else {
                                opt_i64(f, "file_size").map(|n| n.max(0) as u64)
                            },
                        }
                    })
                    .collect::<Vec<_>>()
            }
        };
        out.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(out)
    }

    /// Copies artifact `path` (a file or a directory; "" is everything) into `dst` and
    /// returns the local path of the copy, as the file store does.
    pub fn download(&self, run_id: &str, path: &str, dst: &Path) -> Result<PathBuf> {
        let rel = validate::validate_artifact_path(path)?;
        if let RunArtifacts::Local(local) = self {
            return local.download(run_id, &rel, dst);
        }
        let children = self.list(&rel)?;
        fsutil::mkdirs(dst)?;
        let target = if rel.is_empty() {
            dst.to_path_buf()
        } else {
            dst.join(rel.rsplit('/').next().unwrap_or(&rel))
        };
        if rel.is_empty() || !children.is_empty() {
            fsutil::mkdirs(&target)?;
            self.download_tree(&rel, &children, &target)?;
            return Ok(target);
        }
        // No children: a file, an empty directory, or nothing at all.
        match self.download_file(&rel, &target) {
            Err(Error::NotFound(_)) => Err(Error::not_found(format!(
                "artifact '{rel}' not found in run {run_id}"
            ))),
            other => other.map(|_| target),
        }
    }

    fn download_tree(&self, rel: &str, children: &[FileInfo], target: &Path) -> Result<()> {
        for child in children {
            let name = child.path.rsplit('/').next().unwrap_or(&child.path);
            let local = target.join(name);
            if child.is_dir {
                fsutil::mkdirs(&local)?;
                let grandchildren = self.list(&child.path)?;
                self.download_tree(&child.path, &grandchildren, &local)?;
            } else {
                self.download_file(&child.path, &local)?;
            }
        }
        let _ = rel;
        Ok(())
    }

    /// Streams one file of the proxy into `local` (written whole, then renamed).
    fn download_file(&self, rel: &str, local: &Path) -> Result<()> {
        let RunArtifacts::Proxied { store, base } = self else {
            unreachable!("local artifacts are copied by LocalArtifacts");
        };
        let path = format!("{ARTIFACTS_API}/{}", percent_encode(&join(base, rel), true));
        let mut reply = store.client.send(Method::Get, &path, &[], None)?;
        if reply.status >= 300 {
            let text = reply.body.read_to_string().unwrap_or_default();
            return Err(store.client.status_error(&path, reply.status, &text));
        }
        let tmp = local.with_file_name(format!(
            ".{}.mlrs-download",
            local
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let mut file = std::fs::File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let copied = std::io::copy(&mut reply.body.as_reader(), &mut file);
        if let Err(e) = copied {
            let _ = std::fs::remove_file(&tmp);
            return Err(Error::Failed(format!(
                "downloading artifact '{rel}' from {}: {e}",
                store.server()
            )));
        }
        drop(file);
        std::fs::rename(&tmp, local).map_err(|e| Error::io(local, e))
    }

    /// Uploads one local file under `rel`.
    pub fn log_file(&self, local_file: &Path, rel: &str) -> Result<()> {
        let name = local_file
            .file_name()
            .ok_or_else(|| Error::invalid(format!("{} has no file name", local_file.display())))?
            .to_string_lossy()
            .into_owned();
        match self {
            RunArtifacts::Local(local) => local.log_file(local_file, rel).map(drop),
            RunArtifacts::Proxied { .. } => self.upload(local_file, &join(rel, &name)),
        }
    }

    /// Uploads the contents of a local directory under `rel`.
    pub fn log_dir(&self, local_dir: &Path, rel: &str) -> Result<()> {
        if let RunArtifacts::Local(local) = self {
            return local.log_dir(local_dir, rel).map(drop);
        }
        for entry in walkdir::WalkDir::new(local_dir).sort_by_file_name() {
            let entry = entry
                .map_err(|e| Error::Failed(format!("reading {}: {e}", local_dir.display())))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let sub = entry
                .path()
                .strip_prefix(local_dir)
                .expect("walkdir yields paths under its root")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            self.upload(entry.path(), &join(rel, &sub))?;
        }
        Ok(())
    }

    fn upload(&self, local_file: &Path, rel: &str) -> Result<()> {
        let RunArtifacts::Proxied { store, base } = self else {
            unreachable!("local artifacts are copied by LocalArtifacts");
        };
        let path = format!("{ARTIFACTS_API}/{}", percent_encode(&join(base, rel), true));
        let mut reply =
            store
                .client
                .send(Method::Put, &path, &[], Some(Payload::File(local_file)))?;
        if reply.status >= 300 {
            let text = reply.body.read_to_string().unwrap_or_default();
            return Err(store.client.status_error(&path, reply.status, &text));
        }
        Ok(())
    }
}

/// The text body of a request, an error for statuses >= 300.
fn read_text(
    store: &RestStore,
    method: Method,
    path: &str,
    query: &[(String, String)],
) -> Result<String> {
    let mut reply = store.client.send(method, path, query, None)?;
    let text = reply.body.read_to_string().map_err(|e| {
        Error::Failed(format!(
            "reading the answer of {} to {path}: {e}",
            store.server()
        ))
    })?;
    if reply.status >= 300 {
        return Err(store.client.status_error(path, reply.status, &text));
    }
    Ok(text)
}
