//! The store's side of search: candidates listed from disk and presented to `crate::search`
//! through its view traits. Run data is read lazily, one file per key a filter or an order
//! actually uses, so a filter on one metric reads that metric's file only.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs;

use super::FileStore;
use super::RunParts;
use super::metric_history;
use super::run::RunDir;
use crate::entities::registry::{ModelVersion, RegisteredModel};
use crate::entities::{Experiment, Run, RunInfo, ViewType};
use crate::error::{Error, Result};
use crate::search::{
    self, DatasetRef, ExperimentView, ModelVersionView, RegisteredModelView, RunView,
};
use crate::validate;

pub use crate::search::{SearchPage, SearchQuery};

/// A run a search found: where it is and its `meta.yaml`.
pub struct FoundRun {
    pub dir: RunDir,
    pub info: RunInfo,
}

pub(crate) fn search_error(e: search::SearchError) -> Error {
    Error::InvalidValue(e.message)
}

/// A run as search sees it: info from meta.yaml, everything else read on first use.
pub struct RunCandidate<'a> {
    store: &'a FileStore,
    pub dir: RunDir,
    pub info: RunInfo,
    metrics: RefCell<HashMap<String, Option<f64>>>,
    params: RefCell<HashMap<String, Option<String>>>,
    tags: RefCell<HashMap<String, Option<String>>>,
    datasets: RefCell<Option<Vec<DatasetRef>>>,
    /// A file this run needed could not be read: the run is skipped with a warning.
    broken: RefCell<Option<Error>>,
}

impl<'a> RunCandidate<'a> {
    fn new(store: &'a FileStore, dir: RunDir, info: RunInfo) -> Self {
        RunCandidate {
            store,
            dir,
            info,
            metrics: RefCell::default(),
            params: RefCell::default(),
            tags: RefCell::default(),
            datasets: RefCell::default(),
            broken: RefCell::default(),
        }
    }

    fn fail(&self, e: Error) {
        self.broken.borrow_mut().get_or_insert(e);
    }

    /// The file of `key` in a key folder, when `key` is a name MLflow could have written
    /// (anything else, `..` for instance, names no file and is simply missing).
    fn key_file(&self, folder: &str, key: &str) -> Option<std::path::PathBuf> {
        if validate::validate_param_name(key, "key").is_err()
            && validate::validate_tag_name(key, "key").is_err()
        {
            return None;
        }
        let path = self.dir.path.join(folder).join(key);
        match fs::symlink_metadata(&path) {
            Ok(md) if md.is_file() => Some(path),
            _ => None,
        }
    }

    fn read_value(&self, folder: &str, key: &str) -> Option<String> {
        let path = self.key_file(folder, key)?;
        match fs::read(&path) {
            Ok(b) => Some(String::from_utf8_lossy(&b).into_owned()),
            Err(e) => {
                self.fail(Error::io(&path, e));
                None
            }
        }
    }
}

impl RunView for RunCandidate<'_> {
    fn run_id(&self) -> &str {
        &self.info.run_id
    }
    fn run_name(&self) -> Option<&str> {
        Some(self.info.run_name.as_str()).filter(|n| !n.is_empty())
    }
    fn status(&self) -> &str {
        self.info.status.name()
    }
    fn user_id(&self) -> &str {
        &self.info.user_id
    }
    fn artifact_uri(&self) -> &str {
        &self.info.artifact_uri
    }
    fn start_time(&self) -> Option<i64> {
        self.info.start_time
    }
    fn end_time(&self) -> Option<i64> {
        self.info.end_time
    }
    fn metric(&self, key: &str) -> Option<f64> {
        if let Some(v) = self.metrics.borrow().get(key) {
            return *v;
        }
        let value =
            self.key_file("metrics", key).and_then(
                |path| match metric_history::read_latest_metric(key, &path) {
                    Ok(m) => Some(m.value),
                    Err(e) => {
                        self.fail(e);
                        None
                    }
                },
            );
        self.metrics.borrow_mut().insert(key.to_string(), value);
        value
    }
    fn param(&self, key: &str) -> Option<String> {
        if let Some(v) = self.params.borrow().get(key) {
            return v.clone();
        }
        let value = self.read_value("params", key);
        self.params
            .borrow_mut()
            .insert(key.to_string(), value.clone());
        value
    }
    fn tag(&self, key: &str) -> Option<String> {
        if let Some(v) = self.tags.borrow().get(key) {
            return v.clone();
        }
        let value = self.read_value("tags", key);
        self.tags
            .borrow_mut()
            .insert(key.to_string(), value.clone());
        value
    }
    fn datasets(&self) -> Vec<DatasetRef> {
        if let Some(d) = self.datasets.borrow().as_ref() {
            return d.clone();
        }
        let refs = match self.store.read_inputs(&self.dir) {
            Ok(inputs) => inputs
                .dataset_inputs
                .into_iter()
                .map(|d| DatasetRef {
                    context: d.tags.get("mlflow.data.context").cloned(),
                    name: d.name,
                    digest: d.digest,
                })
                .collect(),
            Err(e) => {
                self.fail(e);
                Vec::new()
            }
        };
        *self.datasets.borrow_mut() = Some(refs.clone());
        refs
    }
}

impl ExperimentView for Experiment {
    fn experiment_id(&self) -> &str {
        &self.experiment_id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn creation_time(&self) -> Option<i64> {
        self.creation_time
    }
    fn last_update_time(&self) -> Option<i64> {
        self.last_update_time
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
}

impl RegisteredModelView for RegisteredModel {
    fn name(&self) -> &str {
        &self.name
    }
    fn creation_timestamp(&self) -> Option<i64> {
        self.creation_timestamp
    }
    fn last_updated_timestamp(&self) -> Option<i64> {
        self.last_updated_timestamp
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
}

impl ModelVersionView for ModelVersion {
    fn name(&self) -> &str {
        &self.name
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn run_id(&self) -> Option<&str> {
        self.run_id.as_deref().filter(|r| !r.is_empty())
    }
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    fn current_stage(&self) -> &str {
        self.current_stage.as_str()
    }
    fn creation_timestamp(&self) -> Option<i64> {
        self.creation_timestamp
    }
    fn last_updated_timestamp(&self) -> Option<i64> {
        self.last_updated_timestamp
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
}

impl FileStore {
    /// MLflow's `search_runs` over the runs of `experiment_ids` (in the order given; an
    /// unknown id yields no runs). Returns the runs of one page with their info; the caller
    /// reads whatever else its output needs (`read_run_data`). Run directories are read on
    /// all cores; only the files the filter and the order need are opened.
    pub fn search_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        q: &SearchQuery,
    ) -> Result<SearchPage<FoundRun>> {
        search::check_max_results(search::Entity::Runs, q.max_results).map_err(search_error)?;
        let filter = search::parse_run_filter(q.filter).map_err(search_error)?;
        let mut dirs = Vec::new();
        for id in experiment_ids {
            let exp = match self.find_experiment_dir(id) {
                Ok(e) => e,
                Err(Error::NotFound(_) | Error::InvalidValue(_)) => continue,
                Err(e) => return Err(e),
            };
            dirs.extend(self.run_dirs_of(&exp)?);
        }
        // Read each run's meta and evaluate the filter, in parallel, keeping the listing order
        // (the first evaluation error in that order is the one reported, as in MLflow).
        let evaluated = super::parallel::map(dirs, |dir| match self.read_run_info(&dir) {
            Ok(info) if view.includes(info.lifecycle_stage) => {
                let c = RunCandidate::new(self, dir, info);
                let hit = filter.matches(&c);
                Some((c, hit))
            }
            Ok(_) => None,
            Err(e) => {
                self.warn(&format!("skipping malformed run: {e}"));
                None
            }
        });
        let mut matched = Vec::new();
        for (c, hit) in evaluated.into_iter().flatten() {
            let hit = hit.map_err(search_error)?;
            if let Some(e) = c.broken.borrow_mut().take() {
                self.warn(&format!("skipping malformed run {}: {e}", c.info.run_id));
                continue;
            }
            if hit {
                matched.push(c);
            }
        }
        let order = search::parse_run_order_by(q.order_by).map_err(search_error)?;
        // Read the sort keys on all cores first; the sort then only compares cached values.
        let needs = order.needs();
        if !needs.metrics.is_empty() || !needs.params.is_empty() || !needs.tags.is_empty() {
            matched = super::parallel::map(matched, |c| {
                needs.metrics.iter().for_each(|k| {
                    let _ = c.metric(k);
                });
                needs.params.iter().for_each(|k| drop(c.param(k)));
                needs.tags.iter().for_each(|k| drop(c.tag(k)));
                c
            });
        }
        search::sort_runs(&mut matched, &order).map_err(search_error)?;
        let mut broken = Vec::new();
        matched.retain(|c| match c.broken.borrow_mut().take() {
            Some(e) => {
                broken.push(format!("skipping malformed run {}: {e}", c.info.run_id));
                false
            }
            None => true,
        });
        broken.iter().for_each(|w| self.warn(w));
        let (page, next) =
            search::paginate(matched, q.max_results, q.page_token).map_err(search_error)?;
        Ok(SearchPage {
            items: page
                .into_iter()
                .map(|c| FoundRun {
                    dir: c.dir,
                    info: c.info,
                })
                .collect(),
            next_page_token: next,
        })
    }

    /// Reads the requested parts of many runs on all cores, in order.
    pub fn read_found_runs(&self, found: Vec<FoundRun>, parts: RunParts) -> Vec<Result<Run>> {
        super::parallel::map(found, |f| self.read_run_data(&f.dir, f.info, parts))
    }

    /// MLflow's `search_experiments`.
    pub fn search_experiments(
        &self,
        view: ViewType,
        q: &SearchQuery,
    ) -> Result<SearchPage<Experiment>> {
        search::check_max_results(search::Entity::Experiments, q.max_results)
            .map_err(search_error)?;
        let exps = self.list_experiments(view)?;
        let (items, next) =
            search::search_experiments(exps, q.filter, q.order_by, q.max_results, q.page_token)
                .map_err(search_error)?;
        Ok(SearchPage {
            items,
            next_page_token: next,
        })
    }

    /// MLflow's `search_registered_models` (prompts hidden unless the filter asks for them).
    pub fn search_registered_models(&self, q: &SearchQuery) -> Result<SearchPage<RegisteredModel>> {
        search::check_max_results(search::Entity::RegisteredModels, q.max_results)
            .map_err(search_error)?;
        let models = self.all_registered_models(true)?;
        let (items, next) = search::search_registered_models(
            models,
            q.filter,
            q.order_by,
            q.max_results,
            q.page_token,
        )
        .map_err(search_error)?;
        Ok(SearchPage {
            items,
            next_page_token: next,
        })
    }

    /// MLflow's `search_model_versions` (deleted versions and prompt versions hidden).
    pub fn search_model_versions(&self, q: &SearchQuery) -> Result<SearchPage<ModelVersion>> {
        search::check_max_results(search::Entity::ModelVersions, q.max_results)
            .map_err(search_error)?;
        let versions = self.all_model_versions()?;
        let (items, next) = search::search_model_versions(
            versions,
            q.filter,
            q.order_by,
            q.max_results,
            q.page_token,
        )
        .map_err(search_error)?;
        Ok(SearchPage {
            items,
            next_page_token: next,
        })
    }
}
