//! The store interface the command line talks to: `TrackingStore` (experiments, runs, metrics,
//! artifacts) and `RegistryStore` (the model registry), and `open_*`, which picks the backend.
//!
//! Signatures name only entities, search queries and plain values, never where a backend keeps
//! them, so a SQL or tracking-server backend can implement the same traits. The traits are
//! object-safe and `Send + Sync`: the command line holds a `Box<dyn TrackingStore>` chosen at
//! run time from the URI's scheme. Backends today: MLflow's file store (`crate::store`, whose
//! impls are in `file.rs`) and MLflow's SQLite database (`sql`). Maintenance that only makes
//! sense on files (doctor, relocate) reaches the `FileStore` through `as_file_store`;
//! maintenance written per backend (gc, close-stale) dispatches on `as_file_store` /
//! `as_sql_store`; export/import bundles read through the traits and write per backend
//! (`transfer`, `sql::transfer`).

use std::path::{Path, PathBuf};

use crate::entities::registry::{ModelVersion, RegisteredModel};
use crate::entities::{
    Batch, Experiment, FileInfo, LifecycleStage, Metric, Run, RunInfo, RunParts, RunStatus,
    ViewType,
};
use crate::error::{Error, Result};
use crate::search::{SearchPage, SearchQuery};
use crate::store::{FileStore, RunDir, WarnSink};

mod file;
pub mod migrate;
pub(crate) mod model_uri;
pub mod rest;
pub mod sql;

/// How a command opens a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The store must exist (exit 3 naming it when it does not); nothing is created. For
    /// commands that read, and for writes to objects that must already be there.
    MustExist,
    /// Created when missing, the way MLflow creates it (for the tracking store: with the
    /// `Default` experiment). For commands that create objects.
    Create,
    /// Opened without any check: for a store consulted on the side (the tracking store behind
    /// a registration), whose absence the operation reports itself.
    AsIs,
}

/// A run a search found: its `RunInfo`, and where its backend found it, so that reading the
/// rest of many runs (`TrackingStore::read_runs`) needs no second lookup.
pub struct RunHit {
    pub info: RunInfo,
    pub(crate) located: Located,
}

/// Where a backend found a run; opaque outside the library.
pub(crate) enum Located {
    /// The file store's run directory.
    File(RunDir),
    /// A row of a SQL store's `runs` table (the run id in the `RunInfo` is its key).
    Sql,
    /// A tracking server's search answer, which holds the whole run.
    Rest(Box<Run>),
}

/// MLflow's tracking store: experiments, runs, params, tags, metrics, search and artifacts.
/// Errors follow `crate::error` (not found → exit 3, already exists → 4, invalid value → 5).
pub trait TrackingStore: Send + Sync {
    /// The file store behind this backend, for maintenance that only exists on files.
    fn as_file_store(&self) -> Option<&FileStore>;
    /// The SQL store behind this backend, for maintenance written per backend (gc,
    /// close-stale, import).
    fn as_sql_store(&self) -> Option<&sql::SqlStore> {
        None
    }

    // Experiments.

    /// Creates an experiment and returns its id.
    fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<String>;
    fn get_experiment(&self, id: &str) -> Result<Experiment>;
    /// The experiment named `name`, active or deleted (MLflow's `get_experiment_by_name`).
    fn get_experiment_by_name(&self, name: &str) -> Result<Experiment>;
    /// The experiment named `name`, created when missing (like `mlflow.set_experiment`,
    /// which refuses a deleted one).
    fn get_or_create_experiment(&self, name: &str) -> Result<Experiment> {
        match self.get_experiment_by_name(name) {
            Ok(e) if e.lifecycle_stage == LifecycleStage::Deleted => Err(Error::Failed(format!(
                "Cannot set a deleted experiment '{name}' as the active experiment. You can restore the experiment, or permanently delete the experiment to create a new one."
            ))),
            Ok(e) => Ok(e),
            Err(Error::NotFound(_)) => {
                let id = self.create_experiment(name, None, &[])?;
                self.get_experiment(&id)
            }
            Err(e) => Err(e),
        }
    }
    fn list_experiments(&self, view: ViewType) -> Result<Vec<Experiment>>;
    /// MLflow's `search_experiments`.
    fn search_experiments(
        &self,
        view: ViewType,
        query: &SearchQuery,
    ) -> Result<SearchPage<Experiment>>;
    fn rename_experiment(&self, id: &str, new_name: &str) -> Result<()>;
    /// Marks the experiment and its runs deleted.
    fn delete_experiment(&self, id: &str) -> Result<()>;
    fn restore_experiment(&self, id: &str) -> Result<()>;
    fn set_experiment_tag(&self, id: &str, key: &str, value: &str) -> Result<()>;
    fn delete_experiment_tag(&self, id: &str, key: &str) -> Result<()>;

    // Runs.

    /// Creates a RUNNING run (MLflow's `create_run`) and returns its info.
    fn create_run(
        &self,
        experiment_id: &str,
        user_id: &str,
        start_time: i64,
        run_name: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<RunInfo>;
    /// The whole run: info, latest metrics, params, tags, inputs and outputs.
    fn get_run(&self, run_id: &str) -> Result<Run>;
    /// Fails with not found (exit 3) when run `run_id` does not exist; reads nothing else.
    fn check_run_exists(&self, run_id: &str) -> Result<()>;
    /// MLflow's `update_run_info`: status, end time and (optionally) name of an active run.
    fn update_run_info(
        &self,
        run_id: &str,
        status: RunStatus,
        end_time: Option<i64>,
        run_name: Option<&str>,
    ) -> Result<RunInfo>;
    fn delete_run(&self, run_id: &str) -> Result<()>;
    fn restore_run(&self, run_id: &str) -> Result<()>;
    /// Params are immutable: the same value again is a no-op, another one an error.
    fn log_param(&self, run_id: &str, key: &str, value: &str) -> Result<()>;
    fn log_metric(&self, run_id: &str, metric: Metric) -> Result<()>;
    /// MLflow's LogBatch: all validated before anything is written.
    fn log_batch(&self, run_id: &str, batch: &Batch) -> Result<()>;
    /// Sets a run tag; `mlflow.runName` also renames the run.
    fn set_tag(&self, run_id: &str, key: &str, value: &str) -> Result<()>;
    fn delete_tag(&self, run_id: &str, key: &str) -> Result<()>;
    /// Every value of metric `key` of a run, in logging order.
    fn get_metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>>;
    /// The runs of `experiment_ids` in `view`, each read with `parts` (unknown experiment ids
    /// yield no runs; unreadable runs are skipped with a warning).
    fn list_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        parts: RunParts,
    ) -> Result<Vec<Run>>;
    /// MLflow's `search_runs`, one page: each hit carries its `RunInfo` only; read what the
    /// output needs with `read_runs`.
    fn search_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        query: &SearchQuery,
    ) -> Result<SearchPage<RunHit>>;
    /// Reads `parts` of many runs found by `search_runs` (in parallel where the backend can),
    /// in order.
    fn read_runs(&self, hits: Vec<RunHit>, parts: RunParts) -> Vec<Result<Run>>;

    // Artifacts.

    /// MLflow's `list_artifacts(path)`: the direct children of `path`, sorted by path.
    fn list_artifacts(&self, run_id: &str, path: &str) -> Result<Vec<FileInfo>>;
    /// Copies the artifact `path` of a run into the local directory `dst`; returns the copy.
    fn download_artifacts(&self, run_id: &str, path: &str, dst: &Path) -> Result<PathBuf>;
    /// Logs one local file under `artifact_path`.
    fn log_artifact(&self, run_id: &str, local_file: &Path, artifact_path: &str) -> Result<()>;
    /// Logs the contents of a local directory under `artifact_path`.
    fn log_artifacts(&self, run_id: &str, local_dir: &Path, artifact_path: &str) -> Result<()>;
    /// The local directory holding a run's artifacts (a one-line error for a remote URI).
    fn artifact_root(&self, run_id: &str) -> Result<PathBuf>;

    // MLflow 3 logged models, as far as the registry needs them.

    /// The live logged model `model_id` (MLflow's `get_logged_model`; deleted counts as missing).
    fn find_logged_model(&self, model_id: &str) -> Result<Option<LoggedModelRef>>;
    /// The live logged model named `name` whose source run is `run_id` (with several, the
    /// one MLflow's `register_model` picks).
    fn logged_model_of_run(&self, run_id: &str, name: &str) -> Result<Option<LoggedModelRef>>;
    /// Appends `{"name", "version"}` to the logged model's `mlflow.modelVersions` tag, as
    /// `mlflow.register_model` does.
    fn record_model_version_on_logged_model(
        &self,
        model_id: &str,
        name: &str,
        version: i64,
    ) -> Result<()>;
}

/// An MLflow 3 logged model, as the registry needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoggedModelRef {
    pub model_id: String,
    pub source_run_id: Option<String>,
    /// The artifact URI a version registered from it records as `storage_location`.
    pub storage_location: String,
    /// Its artifacts on the local disk.
    pub artifacts: PathBuf,
}

/// MLflow's model registry: registered models, versions, stages, aliases, tags, search, and
/// the model URIs (`models:/…`, `runs:/…`) that point into it and into a tracking store.
pub trait RegistryStore: Send + Sync {
    /// The file store behind this backend, for maintenance that only exists on files.
    fn as_file_store(&self) -> Option<&FileStore>;
    /// The SQL store behind this backend, for maintenance written per backend (gc,
    /// close-stale, import).
    fn as_sql_store(&self) -> Option<&sql::SqlStore> {
        None
    }

    // Registered models.

    fn create_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<RegisteredModel>;
    fn get_registered_model(&self, name: &str) -> Result<RegisteredModel>;
    /// Every registered model, sorted by name.
    fn list_registered_models(&self) -> Result<Vec<RegisteredModel>>;
    fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel>;
    fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel>;
    /// Deletes the model and all its versions.
    fn delete_registered_model(&self, name: &str) -> Result<()>;
    fn set_registered_model_tag(&self, name: &str, key: &str, value: &str) -> Result<()>;
    fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()>;
    /// MLflow's `search_registered_models`.
    fn search_registered_models(&self, query: &SearchQuery) -> Result<SearchPage<RegisteredModel>>;

    // Model versions.

    /// Checks that `model_uri` can be registered (source found in `tracking` or here) without
    /// writing anything.
    fn check_registration_source(
        &self,
        tracking: &dyn TrackingStore,
        model_uri: &str,
    ) -> Result<()>;
    /// `mlflow.register_model`: a new version from `model_uri`, the registered model created
    /// when missing.
    fn register_model(
        &self,
        tracking: &dyn TrackingStore,
        model_uri: &str,
        name: &str,
        tags: &[(String, String)],
        description: Option<&str>,
    ) -> Result<ModelVersion>;
    /// The live versions of a registered model, oldest first.
    fn list_model_versions(&self, name: &str) -> Result<Vec<ModelVersion>>;
    fn get_model_version(&self, name: &str, version: &str) -> Result<ModelVersion>;
    /// The version an alias points at (`latest`: the highest version).
    fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion>;
    fn update_model_version(
        &self,
        name: &str,
        version: &str,
        description: Option<&str>,
    ) -> Result<ModelVersion>;
    fn delete_model_version(&self, name: &str, version: &str) -> Result<()>;
    fn set_model_version_tag(
        &self,
        name: &str,
        version: &str,
        key: &str,
        value: &str,
    ) -> Result<()>;
    fn delete_model_version_tag(&self, name: &str, version: &str, key: &str) -> Result<()>;
    /// Moves a version to a stage (any case on input); with `archive_existing_versions`, the
    /// other versions in that stage become Archived.
    fn transition_model_version_stage(
        &self,
        name: &str,
        version: &str,
        stage: &str,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion>;
    /// MLflow's `get_latest_versions`: the highest version in each of `stages` (all four when
    /// empty).
    fn get_latest_versions(&self, name: &str, stages: &[String]) -> Result<Vec<ModelVersion>>;
    /// MLflow's `search_model_versions`.
    fn search_model_versions(&self, query: &SearchQuery) -> Result<SearchPage<ModelVersion>>;
    /// Every registered model, prompts included, each with every version, soft-deleted ones
    /// (`Deleted_Internal`) included: what `store migrate` copies, so that version numbers
    /// are never reused in the copy.
    fn whole_registry(&self) -> Result<Vec<(RegisteredModel, Vec<ModelVersion>)>>;

    // Aliases and URIs.

    fn set_registered_model_alias(&self, name: &str, alias: &str, version: &str) -> Result<()>;
    fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()>;
    /// The local directory (or file) behind `models:/NAME/VERSION|STAGE|latest`,
    /// `models:/NAME@ALIAS`, `models:/MODEL_ID` or `runs:/RUN/PATH`.
    fn resolve_model_uri(&self, tracking: &dyn TrackingStore, model_uri: &str) -> Result<PathBuf>;
}

/// Opens the tracking store at `uri` (`--tracking-uri`, `MLFLOW_TRACKING_URI` or `./mlruns`).
/// A path or `file:` URI is a file store; every other scheme is refused with a one-line error
/// naming it (exit 5) until its backend exists.
pub fn open_tracking(uri: &str, mode: Mode, warn: WarnSink) -> Result<Box<dyn TrackingStore>> {
    if is_sqlite(uri) {
        return Ok(Box::new(sql::open(uri, mode, warn)?));
    }
    if rest::is_rest(uri) {
        return Ok(Box::new(rest::RestStore::open(uri, warn)?));
    }
    // `FileStore::open` is where other schemes are refused (`store::uri::resolve_store_uri`).
    Ok(Box::new(file::open(uri, mode, warn)?))
}

/// Whether `uri` names a SQLite database (`sqlite:///…`).
pub fn is_sqlite(uri: &str) -> bool {
    crate::store::uri::uri_scheme(uri).is_some_and(|s| s.eq_ignore_ascii_case("sqlite"))
}

/// Checks a new registered-model name by the rules of the registry at `registry_uri` before
/// the registry is opened, so that a refused name creates nothing. A file store's name is a
/// directory (no `%`, `\`); MLflow's SQL store takes both, and so does a server over one; a
/// server is checked by MLflow's own rules here and has the last word on the rest.
pub fn validate_new_model_name(registry_uri: &str, name: &str) -> Result<()> {
    if is_sqlite(registry_uri) || rest::is_rest(registry_uri) {
        crate::validate::validate_model_name_mlflow(name)
    } else {
        crate::validate::validate_model_name(name)
    }
}

/// Opens the registry store at `registry_uri`. With `Mode::Create`, a registry that is the
/// tracking store (same root) is created as the tracking store is, `Default` experiment
/// included; a separate one is just created.
pub fn open_registry(
    registry_uri: &str,
    tracking_uri: &str,
    mode: Mode,
    warn: WarnSink,
) -> Result<Box<dyn RegistryStore>> {
    if is_sqlite(registry_uri) {
        return Ok(Box::new(sql::open(registry_uri, mode, warn)?));
    }
    if rest::is_rest(registry_uri) {
        return Ok(Box::new(rest::RestStore::open(registry_uri, warn)?));
    }
    Ok(Box::new(file::open_registry(
        registry_uri,
        tracking_uri,
        mode,
        warn,
    )?))
}

/// The file store behind `store`, or a one-line error (exit 5) naming the command that needs
/// one.
pub fn require_file_store<'a>(
    store: &'a dyn TrackingStore,
    command: &str,
) -> Result<&'a FileStore> {
    store.as_file_store().ok_or_else(|| {
        Error::invalid(format!(
            "`mlrs {command}` works on file stores (a path or a file: URI) only"
        ))
    })
}

/// The error of a maintenance command that works on file stores and SQLite databases (each
/// dispatched on its own) when given any other store: a tracking server keeps its own.
pub fn local_stores_only(command: &str) -> Error {
    Error::invalid(format!(
        "`mlrs {command}` works on file stores and SQLite databases only, not through a tracking server (run it where the server's store is)"
    ))
}

/// `require_file_store` for a registry.
pub fn require_file_registry<'a>(
    store: &'a dyn RegistryStore,
    command: &str,
) -> Result<&'a FileStore> {
    store.as_file_store().ok_or_else(|| {
        Error::invalid(format!(
            "`mlrs {command}` works on file stores (a path or a file: URI) only"
        ))
    })
}
