//! In-memory entity views for the unit tests, with a log of the view calls made, so tests can
//! check that search reads only what a clause or sort key needs.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::entity::{DatasetRef, ExperimentView, ModelVersionView, RegisteredModelView, RunView};

#[derive(Debug, Clone, Default)]
pub(crate) struct MemRun {
    pub id: String,
    pub name: Option<String>,
    pub status: String,
    pub user: String,
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub metrics: BTreeMap<String, f64>,
    pub params: BTreeMap<String, String>,
    pub tags: BTreeMap<String, String>,
    pub datasets: Vec<DatasetRef>,
    pub calls: RefCell<Vec<String>>,
}

impl MemRun {
    pub fn new(id: &str, start: i64) -> MemRun {
        MemRun {
            id: id.into(),
            name: Some(id.into()),
            status: "FINISHED".into(),
            user: "alice".into(),
            start: Some(start),
            end: Some(start + 1000),
            ..MemRun::default()
        }
    }

    pub fn metric(mut self, k: &str, v: f64) -> Self {
        self.metrics.insert(k.into(), v);
        self
    }

    pub fn param(mut self, k: &str, v: &str) -> Self {
        self.params.insert(k.into(), v.into());
        self
    }

    pub fn tag(mut self, k: &str, v: &str) -> Self {
        self.tags.insert(k.into(), v.into());
        self
    }

    pub fn dataset(mut self, name: &str, digest: &str, context: Option<&str>) -> Self {
        self.datasets.push(DatasetRef {
            name: name.into(),
            digest: digest.into(),
            context: context.map(str::to_string),
        });
        self
    }

    fn log(&self, what: String) {
        self.calls.borrow_mut().push(what);
    }

    pub fn calls(&self) -> Vec<String> {
        self.calls.borrow().clone()
    }
}

impl RunView for MemRun {
    fn run_id(&self) -> &str {
        &self.id
    }
    fn run_name(&self) -> Option<&str> {
        self.name.as_deref()
    }
    fn status(&self) -> &str {
        &self.status
    }
    fn user_id(&self) -> &str {
        &self.user
    }
    fn artifact_uri(&self) -> &str {
        "file:///tmp/mlruns/0/r/artifacts"
    }
    fn start_time(&self) -> Option<i64> {
        self.start
    }
    fn end_time(&self) -> Option<i64> {
        self.end
    }
    fn metric(&self, key: &str) -> Option<f64> {
        self.log(format!("metric:{key}"));
        self.metrics.get(key).copied()
    }
    fn param(&self, key: &str) -> Option<String> {
        self.log(format!("param:{key}"));
        self.params.get(key).cloned()
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.log(format!("tag:{key}"));
        self.tags.get(key).cloned()
    }
    fn datasets(&self) -> Vec<DatasetRef> {
        self.log("datasets".into());
        self.datasets.clone()
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct MemExperiment {
    pub id: String,
    pub name: String,
    pub creation: Option<i64>,
    pub update: Option<i64>,
    pub tags: BTreeMap<String, String>,
}

impl MemExperiment {
    pub fn new(id: &str, name: &str, creation: Option<i64>) -> MemExperiment {
        MemExperiment {
            id: id.into(),
            name: name.into(),
            creation,
            update: creation,
            tags: BTreeMap::new(),
        }
    }

    pub fn tag(mut self, k: &str, v: &str) -> Self {
        self.tags.insert(k.into(), v.into());
        self
    }
}

impl ExperimentView for MemExperiment {
    fn experiment_id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn creation_time(&self) -> Option<i64> {
        self.creation
    }
    fn last_update_time(&self) -> Option<i64> {
        self.update
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct MemModel {
    pub name: String,
    pub creation: Option<i64>,
    pub update: Option<i64>,
    pub tags: BTreeMap<String, String>,
}

impl MemModel {
    pub fn new(name: &str, creation: i64, update: i64) -> MemModel {
        MemModel {
            name: name.into(),
            creation: Some(creation),
            update: Some(update),
            tags: BTreeMap::new(),
        }
    }

    pub fn tag(mut self, k: &str, v: &str) -> Self {
        self.tags.insert(k.into(), v.into());
        self
    }
}

impl RegisteredModelView for MemModel {
    fn name(&self) -> &str {
        &self.name
    }
    fn creation_timestamp(&self) -> Option<i64> {
        self.creation
    }
    fn last_updated_timestamp(&self) -> Option<i64> {
        self.update
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
}

#[derive(Debug, Clone, Default)]
pub(crate) struct MemVersion {
    pub name: String,
    pub version: i64,
    pub run_id: Option<String>,
    pub source: Option<String>,
    pub stage: String,
    pub creation: Option<i64>,
    pub update: Option<i64>,
    pub tags: BTreeMap<String, String>,
}

impl MemVersion {
    pub fn new(name: &str, version: i64, update: i64) -> MemVersion {
        MemVersion {
            name: name.into(),
            version,
            run_id: Some(format!("run{version}")),
            source: Some(format!("file:///{name}/{version}")),
            stage: "None".into(),
            creation: Some(update),
            update: Some(update),
            tags: BTreeMap::new(),
        }
    }

    pub fn tag(mut self, k: &str, v: &str) -> Self {
        self.tags.insert(k.into(), v.into());
        self
    }
}

impl ModelVersionView for MemVersion {
    fn name(&self) -> &str {
        &self.name
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn run_id(&self) -> Option<&str> {
        self.run_id.as_deref()
    }
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    fn current_stage(&self) -> &str {
        &self.stage
    }
    fn creation_timestamp(&self) -> Option<i64> {
        self.creation
    }
    fn last_updated_timestamp(&self) -> Option<i64> {
        self.update
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
}
