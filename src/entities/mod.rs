//! MLflow's tracking entities as plain data: what a store returns and a command prints.
//! Names follow MLflow's (`RunInfo`, `lifecycle_stage`, ...); no I/O happens here.

use std::collections::BTreeMap;
use std::fmt;

use crate::error::{Error, Result};

pub mod registry;

/// `RunStatus` of MLflow's protobuf, with its integer codes as stored in `meta.yaml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunStatus {
    Running = 1,
    Scheduled = 2,
    Finished = 3,
    Failed = 4,
    Killed = 5,
}

impl RunStatus {
    pub fn from_code(code: i64) -> Option<Self> {
        Some(match code {
            1 => RunStatus::Running,
            2 => RunStatus::Scheduled,
            3 => RunStatus::Finished,
            4 => RunStatus::Failed,
            5 => RunStatus::Killed,
            _ => return None,
        })
    }

    pub fn code(self) -> i64 {
        self as i64
    }

    pub fn name(self) -> &'static str {
        match self {
            RunStatus::Running => "RUNNING",
            RunStatus::Scheduled => "SCHEDULED",
            RunStatus::Finished => "FINISHED",
            RunStatus::Failed => "FAILED",
            RunStatus::Killed => "KILLED",
        }
    }

    /// Parses a status name in any case (`finished`, `FINISHED`).
    pub fn parse(text: &str) -> Result<Self> {
        let all = [
            RunStatus::Running,
            RunStatus::Scheduled,
            RunStatus::Finished,
            RunStatus::Failed,
            RunStatus::Killed,
        ];
        all.into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                Error::invalid(format!(
                    "invalid run status '{text}': expected one of RUNNING, SCHEDULED, FINISHED, FAILED, KILLED"
                ))
            })
    }

    pub fn is_terminated(self) -> bool {
        matches!(
            self,
            RunStatus::Finished | RunStatus::Failed | RunStatus::Killed
        )
    }
}

impl fmt::Display for RunStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether an experiment or run is active or (soft-)deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LifecycleStage {
    Active,
    Deleted,
}

impl LifecycleStage {
    pub fn as_str(self) -> &'static str {
        match self {
            LifecycleStage::Active => "active",
            LifecycleStage::Deleted => "deleted",
        }
    }
}

impl fmt::Display for LifecycleStage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// MLflow's `ViewType`: which lifecycle stages a listing includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewType {
    #[default]
    ActiveOnly,
    DeletedOnly,
    All,
}

impl ViewType {
    pub fn includes(self, stage: LifecycleStage) -> bool {
        match self {
            ViewType::ActiveOnly => stage == LifecycleStage::Active,
            ViewType::DeletedOnly => stage == LifecycleStage::Deleted,
            ViewType::All => true,
        }
    }

    /// `active_only`, `deleted_only` or `all`, any case (the mlflow CLI's `-v` values).
    pub fn parse(text: &str) -> Result<Self> {
        match text.to_ascii_lowercase().as_str() {
            "active_only" | "1" => Ok(ViewType::ActiveOnly),
            "deleted_only" | "2" => Ok(ViewType::DeletedOnly),
            "all" | "3" => Ok(ViewType::All),
            _ => Err(Error::invalid(format!(
                "invalid view type '{text}': expected active_only, deleted_only or all"
            ))),
        }
    }
}

/// An experiment as MLflow's `Experiment` entity presents it.
#[derive(Debug, Clone, PartialEq)]
pub struct Experiment {
    pub experiment_id: String,
    pub name: String,
    pub artifact_location: String,
    pub lifecycle_stage: LifecycleStage,
    pub tags: BTreeMap<String, String>,
    pub creation_time: Option<i64>,
    pub last_update_time: Option<i64>,
}

/// MLflow's `RunInfo`.
#[derive(Debug, Clone, PartialEq)]
pub struct RunInfo {
    pub run_id: String,
    /// `meta.run_name`, or the `mlflow.runName` tag for stores that predate the field.
    pub run_name: String,
    pub experiment_id: String,
    pub user_id: String,
    pub status: RunStatus,
    pub start_time: Option<i64>,
    pub end_time: Option<i64>,
    pub artifact_uri: String,
    pub lifecycle_stage: LifecycleStage,
    pub deleted_time: Option<i64>,
}

/// One logged metric value (one line of a metric file).
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub key: String,
    pub value: f64,
    pub timestamp: i64,
    pub step: i64,
    /// MLflow 3 writes dataset name and digest as fields 4 and 5 of a metric line.
    pub dataset_name: Option<String>,
    pub dataset_digest: Option<String>,
}

impl Metric {
    /// MLflow's "latest" metric is `max(lines, key=(step, timestamp, value))`: `self` replaces
    /// `other` only when strictly greater, so with NaN values the first one seen stays.
    pub fn is_later_than(&self, other: &Metric) -> bool {
        match (self.step, self.timestamp).cmp(&(other.step, other.timestamp)) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => self.value > other.value,
        }
    }
}

/// The data of a run: latest metric values, params and tags.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunData {
    /// The latest value of each metric, sorted by key.
    pub metrics: BTreeMap<String, Metric>,
    pub params: BTreeMap<String, String>,
    pub tags: BTreeMap<String, String>,
}

/// A dataset logged as a run input (MLflow 2.4+).
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetInput {
    pub name: String,
    pub digest: String,
    pub source_type: String,
    pub source: String,
    pub schema: Option<String>,
    pub profile: Option<String>,
    pub tags: BTreeMap<String, String>,
}

/// Inputs of a run: datasets and (MLflow 3) logged models.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunInputs {
    pub dataset_inputs: Vec<DatasetInput>,
    pub model_inputs: Vec<String>,
}

/// A logged-model output of a run (MLflow 3).
#[derive(Debug, Clone, PartialEq)]
pub struct ModelOutput {
    pub model_id: String,
    pub step: i64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct RunOutputs {
    pub model_outputs: Vec<ModelOutput>,
}

/// A whole run, as `mlflow runs describe` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub info: RunInfo,
    pub data: RunData,
    pub inputs: RunInputs,
    pub outputs: RunOutputs,
}

/// One entry of an artifact listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// Relative to the run's artifact root, `/`-separated.
    pub path: String,
    pub is_dir: bool,
    pub file_size: Option<u64>,
}

/// The parts of a run a caller wants read; anything left out costs no I/O.
#[derive(Debug, Clone, Copy, Default)]
pub struct RunParts {
    pub metrics: bool,
    pub params: bool,
    pub tags: bool,
    pub inputs: bool,
}

impl RunParts {
    pub const ALL: RunParts = RunParts {
        metrics: true,
        params: true,
        tags: true,
        inputs: true,
    };
    pub const INFO: RunParts = RunParts {
        metrics: false,
        params: false,
        tags: false,
        inputs: false,
    };
}

/// A metric, param and tag batch (MLflow's LogBatch).
#[derive(Debug, Clone, Default)]
pub struct Batch {
    pub metrics: Vec<Metric>,
    pub params: Vec<(String, String)>,
    pub tags: Vec<(String, String)>,
}

/// Tag keys MLflow gives a meaning to.
pub mod tags {
    pub const RUN_NAME: &str = "mlflow.runName";
    pub const PARENT_RUN_ID: &str = "mlflow.parentRunId";
    pub const NOTE: &str = "mlflow.note.content";
    pub const USER: &str = "mlflow.user";
    pub const SOURCE_NAME: &str = "mlflow.source.name";
    pub const SOURCE_TYPE: &str = "mlflow.source.type";
    pub const GIT_COMMIT: &str = "mlflow.source.git.commit";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(value: f64, timestamp: i64, step: i64) -> Metric {
        Metric {
            key: "k".into(),
            value,
            timestamp,
            step,
            dataset_name: None,
            dataset_digest: None,
        }
    }

    #[test]
    fn latest_metric_is_highest_step_then_timestamp_then_value() {
        assert!(m(0.1, 1, 2).is_later_than(&m(9.0, 5, 1)));
        assert!(m(0.1, 6, 1).is_later_than(&m(9.0, 5, 1)));
        assert!(m(2.0, 5, 1).is_later_than(&m(1.0, 5, 1)));
        assert!(!m(f64::NAN, 5, 1).is_later_than(&m(1.0, 5, 1)));
        assert!(!m(1.0, 5, 1).is_later_than(&m(f64::NAN, 5, 1)));
    }

    #[test]
    fn status_names_parse_in_any_case() {
        assert_eq!(RunStatus::parse("killed").unwrap(), RunStatus::Killed);
        assert!(RunStatus::parse("done").is_err());
        assert_eq!(RunStatus::from_code(3), Some(RunStatus::Finished));
        assert_eq!(RunStatus::from_code(9), None);
    }

    #[test]
    fn view_types_parse_like_the_mlflow_cli() {
        assert_eq!(ViewType::parse("ALL").unwrap(), ViewType::All);
        assert_eq!(
            ViewType::parse("deleted_only").unwrap(),
            ViewType::DeletedOnly
        );
        assert!(ViewType::parse("both").is_err());
    }
}
