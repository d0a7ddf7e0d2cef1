//! The model registry on disk: `<registry root>/models/<name>/` with `meta.yaml`, `tags/`,
//! `aliases/` and `version-<N>/` (meta.yaml, tags/), read tolerantly (MLflow 2.22 and 3.x) and
//! written atomically under the store lock. The `FileStore` here is the *registry* store; the
//! few operations that need runs or logged models also take the tracking store.
//!
//! Every write holds `.mlrs.lock` at the registry root, so mlrs processes never race each other
//! (version numbers, archive-on-transition, alias/tag read-modify-writes). MLflow ignores that
//! file and never blocks on it. Temp files live next to the `meta.yaml` they replace, never in
//! `tags/` or `aliases/` (MLflow would read them as keys) nor directly in `models/` (a model).

use std::fs;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use super::FileStore;
use super::fsutil::{self, StoreLock};
use super::yaml;
use crate::entities::registry::{ModelVersion, RegisteredModel, Stage};
use crate::error::{Error, Result};
use crate::validate;

mod alias;
mod logged_model;
mod model_version;
mod registered_model;
mod resolve;

pub use logged_model::LoggedModelDir;
pub(crate) use logged_model::python_json_dumps;
pub use model_version::NewVersion;
pub(crate) use registered_model::model_exists_error;
pub use resolve::{ModelUri, parse_model_uri, parse_runs_uri, plain_registration_source};

/// The registry's directory under the registry root.
pub const MODELS_DIR: &str = "models";
const META: &str = "meta.yaml";
const TAGS: &str = "tags";
const ALIASES: &str = "aliases";
const VERSION_PREFIX: &str = "version-";

/// `deserialize_with` for keys whose presence matters: absent → `None`, `null` → `Some(None)`.
/// Any value that is not a scalar is tolerated (and forgotten) rather than failing the file.
fn present<'de, D: Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Option<String>>, D::Error> {
    struct Lenient;
    impl<'de> Visitor<'de> for Lenient {
        type Value = Option<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a scalar or null")
        }
        fn visit_none<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> std::result::Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(
            self,
            d: D2,
        ) -> std::result::Result<Self::Value, D2::Error> {
            d.deserialize_any(Lenient)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> std::result::Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_seq<A: de::SeqAccess<'de>>(
            self,
            mut a: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            while a.next_element::<de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: de::MapAccess<'de>>(
            self,
            mut a: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            while a.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }
    d.deserialize_option(Lenient).map(Some)
}

/// A registered model's `meta.yaml`. The stale `aliases` snapshot MLflow writes is ignored on
/// read and not written; `deployment_job_*` and `workspace` are kept as found.
#[derive(Deserialize, Serialize, Default, Clone)]
struct RegisteredModelMeta {
    creation_timestamp: Option<i64>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    deployment_job_id: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    deployment_job_state: Option<Option<String>>,
    description: Option<String>,
    last_updated_timestamp: Option<i64>,
    name: Option<String>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    workspace: Option<Option<String>>,
}

/// A model version's `meta.yaml` as read: `version` may be an int (always, from MLflow) or a
/// quoted string (tolerated); snapshots (`aliases`, `tags`, `metrics`, `params`) are ignored,
/// and so is `name` (the model directory is the truth).
#[derive(Deserialize, Default, Clone)]
struct ModelVersionMetaIn {
    creation_timestamp: Option<i64>,
    current_stage: Option<String>,
    #[serde(default, deserialize_with = "present")]
    deployment_job_state: Option<Option<String>>,
    description: Option<String>,
    last_updated_timestamp: Option<i64>,
    #[serde(default, deserialize_with = "present")]
    model_id: Option<Option<String>>,
    run_id: Option<String>,
    run_link: Option<String>,
    source: Option<String>,
    status: Option<String>,
    status_message: Option<String>,
    storage_location: Option<String>,
    user_id: Option<String>,
    version: Option<String>,
    #[serde(default, deserialize_with = "present")]
    workspace: Option<Option<String>>,
}

/// A model version's `meta.yaml` as written: `version` an int, `current_stage` canonical.
/// `model_id` is written only when known (or when the file had the key): MLflow 3 reacts to
/// the key's mere presence by opening its default tracking store (creating `./mlflow.db`).
#[derive(Serialize)]
struct ModelVersionMetaOut<'a> {
    creation_timestamp: Option<i64>,
    current_stage: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    deployment_job_state: Option<Option<&'a str>>,
    description: Option<&'a str>,
    last_updated_timestamp: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    model_id: Option<Option<&'a str>>,
    name: &'a str,
    run_id: Option<&'a str>,
    run_link: Option<&'a str>,
    source: Option<&'a str>,
    status: &'a str,
    status_message: Option<&'a str>,
    storage_location: Option<&'a str>,
    user_id: Option<&'a str>,
    version: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    workspace: Option<Option<&'a str>>,
}

/// A version directory with its parsed meta: what a rewrite needs to keep the extra keys.
#[derive(Clone)]
struct VersionDir {
    path: PathBuf,
    meta: ModelVersionMetaIn,
    version: ModelVersion,
}

impl FileStore {
    /// `<registry root>/models`.
    pub fn models_dir(&self) -> PathBuf {
        self.root.join(MODELS_DIR)
    }

    /// The directory of registered model `name` (which may not exist), after checking that the
    /// name cannot point outside `models/`.
    fn model_path(&self, name: &str) -> Result<PathBuf> {
        validate::validate_model_name_is_safe(name)?;
        Ok(self.models_dir().join(name))
    }

    /// The directory of an existing registered model, or MLflow's "not found".
    fn existing_model_dir(&self, name: &str) -> Result<PathBuf> {
        let dir = self.model_path(name)?;
        let md = fs::symlink_metadata(&dir);
        if !matches!(md, Ok(ref m) if m.is_dir()) || !dir.join(META).is_file() {
            return Err(model_not_found(name));
        }
        Ok(dir)
    }

    /// The store lock, taken by every registry write.
    fn registry_lock(&self) -> Result<StoreLock> {
        self.lock()
    }

    fn read_model_meta(&self, dir: &Path) -> Result<RegisteredModelMeta> {
        yaml::read_yaml(&dir.join(META))
    }

    fn write_model_meta(&self, dir: &Path, meta: &RegisteredModelMeta) -> Result<()> {
        let text = yaml::to_yaml(meta)?;
        fsutil::atomic_write(&dir.join(META), text.as_bytes(), dir)
    }

    /// Bumps the registered model's `last_updated_timestamp` (MLflow does on every change to
    /// its versions, tags and aliases). Call with the lock held.
    fn touch_model(&self, dir: &Path, now: i64) -> Result<()> {
        let mut meta = self.read_model_meta(dir)?;
        meta.last_updated_timestamp = Some(now);
        self.write_model_meta(dir, &meta)
    }

    /// The `version-*` sub-directories of a model, as (path, suffix).
    fn version_dirs(&self, model_dir: &Path) -> Result<Vec<(PathBuf, String)>> {
        let mut out = Vec::new();
        let entries = match fs::read_dir(model_dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(Error::io(model_dir, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(model_dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if let Some(suffix) = name.strip_prefix(VERSION_PREFIX)
                && is_dir
            {
                out.push((entry.path(), suffix.to_string()));
            }
        }
        Ok(out)
    }

    /// Reads one version directory. `aliases` is the model's alias map (alias → version text).
    fn read_version_dir(
        &self,
        model_name: &str,
        path: &Path,
        suffix: &str,
        aliases: &[(String, String)],
    ) -> Result<VersionDir> {
        let meta_path = path.join(META);
        let meta: ModelVersionMetaIn = yaml::read_yaml(&meta_path)?;
        let version = match meta.version.as_deref() {
            Some(v) => v
                .trim()
                .parse::<i64>()
                .map_err(|_| Error::malformed(&meta_path, format!("invalid version '{v}'")))?,
            None => suffix
                .parse::<i64>()
                .map_err(|_| Error::malformed(&meta_path, "missing key 'version'"))?,
        };
        let current_stage = Stage::from_stored(meta.current_stage.as_deref()).ok_or_else(|| {
            Error::malformed(
                &meta_path,
                format!(
                    "invalid current_stage '{}'",
                    meta.current_stage.as_deref().unwrap_or_default()
                ),
            )
        })?;
        let tags = fsutil::read_key_values(&path.join(TAGS))?
            .into_iter()
            .collect();
        // MLflow matches alias files against the directory suffix, by string.
        let mut version_aliases: Vec<String> = aliases
            .iter()
            .filter(|(_, v)| v.trim() == suffix)
            .map(|(a, _)| a.clone())
            .collect();
        version_aliases.sort();
        let mv = ModelVersion {
            // The model directory is the truth (a crash mid-rename leaves old names in metas).
            name: model_name.to_string(),
            version,
            creation_timestamp: meta.creation_timestamp,
            last_updated_timestamp: meta.last_updated_timestamp,
            current_stage,
            description: meta.description.clone(),
            source: meta.source.clone(),
            run_id: meta.run_id.clone(),
            run_link: meta.run_link.clone(),
            status: meta.status.clone().unwrap_or_else(|| "READY".to_string()),
            status_message: meta.status_message.clone(),
            user_id: meta.user_id.clone(),
            storage_location: meta.storage_location.clone(),
            model_id: meta.model_id.clone().flatten(),
            tags,
            aliases: version_aliases,
        };
        Ok(VersionDir {
            path: path.to_path_buf(),
            meta,
            version: mv,
        })
    }

    /// Every version directory of a model, deleted ones included, sorted by version. With
    /// `strict`, a malformed version fails the call; otherwise it is skipped with a warning.
    fn all_versions(&self, model_dir: &Path, name: &str, strict: bool) -> Result<Vec<VersionDir>> {
        let aliases = self.read_aliases(model_dir)?;
        let mut out = Vec::new();
        for (path, suffix) in self.version_dirs(model_dir)? {
            if !path.join(META).exists() {
                if strict {
                    return Err(Error::malformed(
                        &path,
                        "version directory has no meta.yaml",
                    ));
                }
                self.warn(&format!(
                    "skipping {}: version directory has no meta.yaml",
                    path.display()
                ));
                continue;
            }
            match self.read_version_dir(name, &path, &suffix, &aliases) {
                Ok(v) => out.push(v),
                Err(e) if strict => return Err(e),
                Err(e) => self.warn(&format!("skipping malformed model version: {e}")),
            }
        }
        out.sort_by_key(|v| v.version.version);
        Ok(out)
    }

    /// Writes a version's meta, keeping the extra keys the previous file had.
    fn write_version_meta(
        &self,
        dir: &Path,
        mv: &ModelVersion,
        prev: &ModelVersionMetaIn,
    ) -> Result<()> {
        let text = yaml::to_yaml(&ModelVersionMetaOut {
            creation_timestamp: mv.creation_timestamp,
            current_stage: mv.current_stage.as_str(),
            deployment_job_state: prev.deployment_job_state.as_ref().map(|o| o.as_deref()),
            description: mv.description.as_deref(),
            last_updated_timestamp: mv.last_updated_timestamp,
            model_id: match (&mv.model_id, &prev.model_id) {
                (Some(id), _) => Some(Some(id.as_str())),
                (None, Some(_)) => Some(None),
                (None, None) => None,
            },
            name: &mv.name,
            run_id: mv.run_id.as_deref(),
            run_link: mv.run_link.as_deref(),
            source: mv.source.as_deref(),
            status: &mv.status,
            status_message: mv.status_message.as_deref(),
            storage_location: mv.storage_location.as_deref(),
            user_id: mv.user_id.as_deref(),
            version: mv.version,
            workspace: prev.workspace.as_ref().map(|o| o.as_deref()),
        })?;
        fsutil::atomic_write(&dir.join(META), text.as_bytes(), dir)
    }

    /// Reads a registered model directory into the entity (tags, aliases, latest versions).
    fn read_registered_model(&self, dir: &Path, name: &str) -> Result<RegisteredModel> {
        let meta = self.read_model_meta(dir)?;
        let tags = fsutil::read_key_values(&dir.join(TAGS))?
            .into_iter()
            .collect();
        let aliases = self
            .read_aliases(dir)?
            .into_iter()
            .map(|(a, v)| (a, v.trim().to_string()))
            .collect();
        let versions = self.all_versions(dir, name, false)?;
        Ok(RegisteredModel {
            // The directory is the truth: lookups go by it, and a rename moves it first.
            name: name.to_string(),
            description: meta.description,
            creation_timestamp: meta.creation_timestamp,
            last_updated_timestamp: meta.last_updated_timestamp,
            tags,
            aliases,
            latest_versions: latest_per_stage(versions.into_iter().map(|v| v.version), &Stage::ALL),
        })
    }
}

/// MLflow's `get_latest_versions`: the highest version in each of `stages`, in `stages` order
/// (deleted versions never match).
pub(crate) fn latest_per_stage(
    versions: impl Iterator<Item = ModelVersion>,
    stages: &[Stage],
) -> Vec<ModelVersion> {
    let mut best: Vec<Option<ModelVersion>> = vec![None; stages.len()];
    for mv in versions {
        if let Some(i) = stages.iter().position(|s| *s == mv.current_stage)
            && best[i].as_ref().is_none_or(|b| b.version < mv.version)
        {
            best[i] = Some(mv);
        }
    }
    best.into_iter().flatten().collect()
}

fn model_not_found(name: &str) -> Error {
    Error::not_found(format!("Registered Model with name={name} not found"))
}

fn version_not_found(name: &str, version: i64) -> Error {
    Error::not_found(format!(
        "Model Version (name={name}, version={version}) not found"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_version_meta_tolerates_v2_and_v3_snapshots() {
        let text = "aliases:\n- a1\ncreation_timestamp: 1\ncurrent_stage: Archived\ndeployment_job_state: null\ndescription: null\nlast_updated_timestamp: 2\nmetrics: null\nmodel_id: null\nname: reg-model\nparams: null\nrun_id: null\nrun_link: null\nsource: runs:/x/model\nstatus: READY\nstatus_message: null\nstorage_location: runs:/x/model\nuser_id: null\nversion: 1\nworkspace: default\n";
        let m: ModelVersionMetaIn = yaml::from_yaml(text, Path::new("t")).unwrap();
        assert_eq!(m.version.as_deref(), Some("1"));
        assert_eq!(m.model_id, Some(None));
        assert_eq!(m.workspace, Some(Some("default".into())));
        let m: ModelVersionMetaIn =
            yaml::from_yaml("name: x\nversion: '2'\n", Path::new("t")).unwrap();
        assert_eq!(m.version.as_deref(), Some("2"));
        assert_eq!(m.model_id, None);
    }

    #[test]
    fn version_meta_is_written_with_an_int_version_and_canonical_stage() {
        let mv = ModelVersion {
            name: "yes".into(),
            version: 3,
            creation_timestamp: Some(1),
            last_updated_timestamp: Some(2),
            current_stage: Stage::Production,
            description: None,
            source: Some("runs:/r/model".into()),
            run_id: Some("r".into()),
            run_link: None,
            status: "READY".into(),
            status_message: None,
            user_id: None,
            storage_location: Some("runs:/r/model".into()),
            model_id: None,
            tags: Default::default(),
            aliases: vec![],
        };
        let dir = tempfile::tempdir().unwrap();
        let store = FileStore::open(
            dir.path().to_str().unwrap(),
            std::sync::Arc::new(|_: &str| {}),
        )
        .unwrap();
        store
            .write_version_meta(dir.path(), &mv, &ModelVersionMetaIn::default())
            .unwrap();
        let text = fs::read_to_string(dir.path().join(META)).unwrap();
        assert!(text.contains("\nversion: 3\n"), "{text}");
        assert!(text.contains("current_stage: Production\n"), "{text}");
        assert!(
            text.contains("name: 'yes'\n") || text.contains("name: \"yes\"\n"),
            "{text}"
        );
        assert!(!text.contains("model_id"), "{text}");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn latest_versions_keep_the_highest_per_stage_in_stage_order() {
        let mk = |v: i64, s: Stage| ModelVersion {
            name: "m".into(),
            version: v,
            creation_timestamp: None,
            last_updated_timestamp: None,
            current_stage: s,
            description: None,
            source: None,
            run_id: None,
            run_link: None,
            status: "READY".into(),
            status_message: None,
            user_id: None,
            storage_location: None,
            model_id: None,
            tags: Default::default(),
            aliases: vec![],
        };
        let got = latest_per_stage(
            vec![
                mk(1, Stage::Production),
                mk(4, Stage::DeletedInternal),
                mk(3, Stage::Production),
                mk(2, Stage::None),
            ]
            .into_iter(),
            &Stage::ALL,
        );
        let got: Vec<(i64, Stage)> = got.iter().map(|v| (v.version, v.current_stage)).collect();
        assert_eq!(got, vec![(2, Stage::None), (3, Stage::Production)]);
    }
}
