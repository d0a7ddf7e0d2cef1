//! The file store (`crate::store`) behind the store interface: every method delegates to the
//! `FileStore` method of the same name, so behaviour, errors and I/O stay exactly the file store's.

use std::path::{Path, PathBuf};

use super::{Located, LoggedModelRef, Mode, RegistryStore, RunHit, TrackingStore};
use crate::entities::registry::{ModelVersion, RegisteredModel};
use crate::entities::{
    Batch, Experiment, FileInfo, Metric, Run, RunInfo, RunParts, RunStatus, ViewType,
};
use crate::error::{Error, Result};
use crate::search::{SearchPage, SearchQuery};
use crate::store::search::FoundRun;
use crate::store::{FileStore, WarnSink};

/// The file store at `uri`, opened as `mode` asks.
pub(super) fn open(uri: &str, mode: Mode, warn: WarnSink) -> Result<FileStore> {
    match mode {
        Mode::MustExist => {
            let store = FileStore::open(uri, warn)?;
            store.check_exists()?;
            Ok(store)
        }
        Mode::Create => FileStore::open_or_create(uri, warn),
        Mode::AsIs => FileStore::open(uri, warn),
    }
}

/// The file registry at `registry_uri`; created with `Mode::Create` as MLflow creates it (with
/// the `Default` experiment when it is also the tracking store).
pub(super) fn open_registry(
    registry_uri: &str,
    tracking_uri: &str,
    mode: Mode,
    warn: WarnSink,
) -> Result<FileStore> {
    if mode != Mode::Create {
        return open(registry_uri, mode, warn);
    }
    let registry = FileStore::open(registry_uri, warn.clone())?;
    let tracking = super::open_tracking(tracking_uri, Mode::AsIs, warn.clone())?;
    if tracking.as_file_store().map(FileStore::root) == Some(registry.root()) {
        return FileStore::open_or_create(tracking_uri, warn);
    }
    std::fs::create_dir_all(registry.root()).map_err(|e| Error::io(registry.root(), e))?;
    Ok(registry)
}

impl FileStore {
    fn logged_model_ref(
        &self,
        lm: &crate::store::registry::LoggedModelDir,
    ) -> Result<LoggedModelRef> {
        Ok(LoggedModelRef {
            model_id: lm.model_id.clone(),
            source_run_id: lm.source_run_id.clone(),
            storage_location: self.logged_model_storage_location(lm)?,
            artifacts: self.logged_model_artifacts(lm)?,
        })
    }
}

/// The tracking store a file registry registers from and resolves into: a file store too.
fn file_tracking(tracking: &dyn TrackingStore) -> Result<&FileStore> {
    tracking.as_file_store().ok_or_else(|| {
        Error::invalid(
            "a file-store registry registers and resolves models of a file tracking store only",
        )
    })
}

impl TrackingStore for FileStore {
    fn as_file_store(&self) -> Option<&FileStore> {
        Some(self)
    }

    fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<String> {
        FileStore::create_experiment(self, name, artifact_location, tags)
    }

    fn get_experiment(&self, id: &str) -> Result<Experiment> {
        FileStore::get_experiment(self, id)
    }

    fn get_experiment_by_name(&self, name: &str) -> Result<Experiment> {
        FileStore::get_experiment_by_name(self, name)
    }

    fn get_or_create_experiment(&self, name: &str) -> Result<Experiment> {
        FileStore::get_or_create_experiment(self, name)
    }

    fn list_experiments(&self, view: ViewType) -> Result<Vec<Experiment>> {
        FileStore::list_experiments(self, view)
    }

    fn search_experiments(
        &self,
        view: ViewType,
        query: &SearchQuery,
    ) -> Result<SearchPage<Experiment>> {
        FileStore::search_experiments(self, view, query)
    }

    fn rename_experiment(&self, id: &str, new_name: &str) -> Result<()> {
        FileStore::rename_experiment(self, id, new_name)
    }

    fn delete_experiment(&self, id: &str) -> Result<()> {
        FileStore::delete_experiment(self, id)
    }

    fn restore_experiment(&self, id: &str) -> Result<()> {
        FileStore::restore_experiment(self, id)
    }

    fn set_experiment_tag(&self, id: &str, key: &str, value: &str) -> Result<()> {
        FileStore::set_experiment_tag(self, id, key, value)
    }

    fn delete_experiment_tag(&self, id: &str, key: &str) -> Result<()> {
        FileStore::delete_experiment_tag(self, id, key)
    }

    fn create_run(
        &self,
        experiment_id: &str,
        user_id: &str,
        start_time: i64,
        run_name: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<RunInfo> {
        FileStore::create_run(self, experiment_id, user_id, start_time, run_name, tags)
    }

    fn get_run(&self, run_id: &str) -> Result<Run> {
        FileStore::get_run(self, run_id)
    }

    fn check_run_exists(&self, run_id: &str) -> Result<()> {
        self.find_run_dir(run_id).map(drop)
    }

    fn update_run_info(
        &self,
        run_id: &str,
        status: RunStatus,
        end_time: Option<i64>,
        run_name: Option<&str>,
    ) -> Result<RunInfo> {
        FileStore::update_run_info(self, run_id, status, end_time, run_name)
    }

    fn delete_run(&self, run_id: &str) -> Result<()> {
        FileStore::delete_run(self, run_id)
    }

    fn restore_run(&self, run_id: &str) -> Result<()> {
        FileStore::restore_run(self, run_id)
    }

    fn log_param(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        FileStore::log_param(self, run_id, key, value)
    }

    fn log_metric(&self, run_id: &str, metric: Metric) -> Result<()> {
        FileStore::log_metric(self, run_id, metric)
    }

    fn log_batch(&self, run_id: &str, batch: &Batch) -> Result<()> {
        FileStore::log_batch(self, run_id, batch)
    }

    fn set_tag(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        FileStore::set_tag(self, run_id, key, value)
    }

    fn delete_tag(&self, run_id: &str, key: &str) -> Result<()> {
        FileStore::delete_tag(self, run_id, key)
    }

    fn get_metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>> {
        FileStore::get_metric_history(self, run_id, key)
    }

    fn list_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        parts: RunParts,
    ) -> Result<Vec<Run>> {
        FileStore::list_runs(self, experiment_ids, view, parts)
    }

    fn search_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        query: &SearchQuery,
    ) -> Result<SearchPage<RunHit>> {
        let page = FileStore::search_runs(self, experiment_ids, view, query)?;
        Ok(SearchPage {
            items: page
                .items
                .into_iter()
                .map(|f| RunHit {
                    info: f.info,
                    located: Located::File(f.dir),
                })
                .collect(),
            next_page_token: page.next_page_token,
        })
    }

    fn read_runs(&self, hits: Vec<RunHit>, parts: RunParts) -> Vec<Result<Run>> {
        let mut found = Vec::with_capacity(hits.len());
        for h in hits {
            match h.located {
                Located::File(dir) => found.push(FoundRun { dir, info: h.info }),
                // A hit of another backend names no run directory here.
                Located::Sql | Located::Rest(_) => {
                    return vec![Err(Error::Failed(format!(
                        "run {} was found in another store",
                        h.info.run_id
                    )))];
                }
            }
        }
        self.read_found_runs(found, parts)
    }

    fn list_artifacts(&self, run_id: &str, path: &str) -> Result<Vec<FileInfo>> {
        FileStore::list_artifacts(self, run_id, path)
    }

    fn download_artifacts(&self, run_id: &str, path: &str, dst: &Path) -> Result<PathBuf> {
        FileStore::download_artifacts(self, run_id, path, dst)
    }

    fn log_artifact(&self, run_id: &str, local_file: &Path, artifact_path: &str) -> Result<()> {
        FileStore::log_artifact(self, run_id, local_file, artifact_path).map(drop)
    }

    fn log_artifacts(&self, run_id: &str, local_dir: &Path, artifact_path: &str) -> Result<()> {
        FileStore::log_artifacts(self, run_id, local_dir, artifact_path).map(drop)
    }

    fn artifact_root(&self, run_id: &str) -> Result<PathBuf> {
        FileStore::artifact_root(self, run_id)
    }

    fn find_logged_model(&self, model_id: &str) -> Result<Option<LoggedModelRef>> {
        match FileStore::find_logged_model(self, model_id)? {
            Some(lm) => Ok(Some(self.logged_model_ref(&lm)?)),
            None => Ok(None),
        }
    }

    fn logged_model_of_run(&self, run_id: &str, name: &str) -> Result<Option<LoggedModelRef>> {
        match self.logged_model_of_run_named(run_id, name)? {
            Some(lm) => Ok(Some(self.logged_model_ref(&lm)?)),
            None => Ok(None),
        }
    }

    fn record_model_version_on_logged_model(
        &self,
        model_id: &str,
        name: &str,
        version: i64,
    ) -> Result<()> {
        let lm = FileStore::find_logged_model(self, model_id)?
            .ok_or_else(|| Error::not_found(format!("Model '{model_id}' not found")))?;
        FileStore::record_model_version_on_logged_model(self, &lm, name, version)
    }
}

impl RegistryStore for FileStore {
    fn as_file_store(&self) -> Option<&FileStore> {
        Some(self)
    }

    fn create_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<RegisteredModel> {
        FileStore::create_registered_model(self, name, description, tags)
    }

    fn get_registered_model(&self, name: &str) -> Result<RegisteredModel> {
        FileStore::get_registered_model(self, name)
    }

    fn list_registered_models(&self) -> Result<Vec<RegisteredModel>> {
        FileStore::list_registered_models(self)
    }

    fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel> {
        FileStore::rename_registered_model(self, name, new_name)
    }

    fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        FileStore::update_registered_model(self, name, description)
    }

    fn delete_registered_model(&self, name: &str) -> Result<()> {
        FileStore::delete_registered_model(self, name)
    }

    fn set_registered_model_tag(&self, name: &str, key: &str, value: &str) -> Result<()> {
        FileStore::set_registered_model_tag(self, name, key, value)
    }

    fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()> {
        FileStore::delete_registered_model_tag(self, name, key)
    }

    fn search_registered_models(&self, query: &SearchQuery) -> Result<SearchPage<RegisteredModel>> {
        FileStore::search_registered_models(self, query)
    }

    fn check_registration_source(
        &self,
        tracking: &dyn TrackingStore,
        model_uri: &str,
    ) -> Result<()> {
        self.registration_source(file_tracking(tracking)?, model_uri)
            .map(drop)
    }

    fn register_model(
        &self,
        tracking: &dyn TrackingStore,
        model_uri: &str,
        name: &str,
        tags: &[(String, String)],
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        FileStore::register_model(
            self,
            file_tracking(tracking)?,
            model_uri,
            name,
            tags,
            description,
        )
    }

    fn list_model_versions(&self, name: &str) -> Result<Vec<ModelVersion>> {
        FileStore::list_model_versions(self, name)
    }

    fn get_model_version(&self, name: &str, version: &str) -> Result<ModelVersion> {
        FileStore::get_model_version(self, name, version)
    }

    fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion> {
        FileStore::get_model_version_by_alias(self, name, alias)
    }

    fn update_model_version(
        &self,
        name: &str,
        version: &str,
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        FileStore::update_model_version(self, name, version, description)
    }

    fn delete_model_version(&self, name: &str, version: &str) -> Result<()> {
        FileStore::delete_model_version(self, name, version)
    }

    fn set_model_version_tag(
        &self,
        name: &str,
        version: &str,
        key: &str,
        value: &str,
    ) -> Result<()> {
        FileStore::set_model_version_tag(self, name, version, key, value)
    }

    fn delete_model_version_tag(&self, name: &str, version: &str, key: &str) -> Result<()> {
        FileStore::delete_model_version_tag(self, name, version, key)
    }

    fn transition_model_version_stage(
        &self,
        name: &str,
        version: &str,
        stage: &str,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion> {
        FileStore::transition_model_version_stage(
            self,
            name,
            version,
            stage,
            archive_existing_versions,
        )
    }

    fn get_latest_versions(&self, name: &str, stages: &[String]) -> Result<Vec<ModelVersion>> {
        FileStore::get_latest_versions(self, name, stages)
    }

    fn search_model_versions(&self, query: &SearchQuery) -> Result<SearchPage<ModelVersion>> {
        FileStore::search_model_versions(self, query)
    }

    fn whole_registry(&self) -> Result<Vec<(RegisteredModel, Vec<ModelVersion>)>> {
        self.all_registered_models(true)?
            .into_iter()
            .map(|m| {
                let versions = self.all_versions_of(&m.name)?;
                Ok((m, versions))
            })
            .collect()
    }

    fn set_registered_model_alias(&self, name: &str, alias: &str, version: &str) -> Result<()> {
        FileStore::set_registered_model_alias(self, name, alias, version)
    }

    fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()> {
        FileStore::delete_registered_model_alias(self, name, alias)
    }

    fn resolve_model_uri(&self, tracking: &dyn TrackingStore, model_uri: &str) -> Result<PathBuf> {
        FileStore::resolve_model_uri(self, file_tracking(tracking)?, model_uri)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_object_safe_and_shareable(
        _: &(dyn TrackingStore + Send + Sync),
        _: &dyn RegistryStore,
    ) {
    }

    #[test]
    fn a_file_store_is_both_stores_behind_trait_objects() {
        let dir = tempfile::tempdir().unwrap();
        let uri = dir.path().join("mlruns").to_string_lossy().into_owned();
        let warn: WarnSink = std::sync::Arc::new(|_: &str| {});
        let tracking = super::super::open_tracking(&uri, Mode::Create, warn.clone()).unwrap();
        let registry = super::super::open_registry(&uri, &uri, Mode::MustExist, warn).unwrap();
        assert_object_safe_and_shareable(&*tracking, &*registry);
        assert!(tracking.as_file_store().is_some());
        assert_eq!(tracking.get_experiment("0").unwrap().name, "Default");
        assert!(registry.list_registered_models().unwrap().is_empty());
    }

    #[test]
    fn other_schemes_are_refused_by_name_as_before() {
        let warn: WarnSink = std::sync::Arc::new(|_: &str| {});
        // (sqlite: is the SQL backend's and http(s): the tracking server's since they exist.)
        for uri in ["postgresql://u@localhost/db", "s3://bucket/mlruns"] {
            let e = super::super::open_tracking(uri, Mode::MustExist, warn.clone())
                .err()
                .unwrap();
            assert_eq!(i32::from(e.exit_code()), 5, "{uri}");
            assert_eq!(
                e.to_string(),
                FileStore::open(uri, warn.clone())
                    .err()
                    .unwrap()
                    .to_string()
            );
        }
    }
}
