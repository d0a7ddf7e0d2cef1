//! MLflow's model-registry entities: `RegisteredModel`, `ModelVersion` and the version stages.
//! Plain data, as a store returns them and a command prints them; no I/O here.

use std::collections::BTreeMap;
use std::fmt;

use crate::error::{Error, Result};

/// A model version's stage (deprecated in MLflow 2.9, still fully functional in 3.x).
/// `DeletedInternal` marks a soft-deleted version and is never accepted as input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stage {
    None,
    Staging,
    Production,
    Archived,
    DeletedInternal,
}

impl Stage {
    /// MLflow's `ALL_STAGES`, in MLflow's order; also the fixed order mlrs prints
    /// `latest_versions` in (MLflow builds that list from a set, in no stable order).
    pub const ALL: [Stage; 4] = [
        Stage::None,
        Stage::Staging,
        Stage::Production,
        Stage::Archived,
    ];

    /// The canonical spelling stored in `current_stage`.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::None => "None",
            Stage::Staging => "Staging",
            Stage::Production => "Production",
            Stage::Archived => "Archived",
            Stage::DeletedInternal => "Deleted_Internal",
        }
    }

    /// MLflow's `get_canonical_stage`: case-insensitive, one of `ALL` (not `Deleted_Internal`).
    pub fn parse(text: &str) -> Result<Stage> {
        Stage::ALL
            .into_iter()
            .find(|s| s.as_str().to_lowercase() == text.to_lowercase())
            .ok_or_else(|| {
                Error::invalid(format!(
                    "Invalid Model Version stage: {text}. Value must be one of None, Staging, Production, Archived."
                ))
            })
    }

    /// Reads a stored `current_stage`, tolerating any casing; missing means `None`.
    pub fn from_stored(text: Option<&str>) -> Option<Stage> {
        match text {
            None => Some(Stage::None),
            Some(t) if t.eq_ignore_ascii_case("Deleted_Internal") => Some(Stage::DeletedInternal),
            Some(t) => Stage::parse(t).ok(),
        }
    }

    /// Staging and Production: the stages `--archive-existing-versions` may target
    /// (MLflow's `DEFAULT_STAGES_FOR_GET_LATEST_VERSIONS`).
    pub fn is_active(self) -> bool {
        matches!(self, Stage::Staging | Stage::Production)
    }

    /// The target of a transition, checked as MLflow checks it: a known stage, and an active
    /// one when the other versions in it are to be archived.
    pub fn parse_transition(text: &str, archive_existing_versions: bool) -> Result<Stage> {
        let target = Stage::parse(text)?;
        if archive_existing_versions && !target.is_active() {
            return Err(Error::invalid(format!(
                "Model version transition cannot archive existing model versions because '{text}' is not an Active stage. Valid stages are ['Staging', 'Production']"
            )));
        }
        Ok(target)
    }

    /// The stages `get_latest_versions` asks for (all of `ALL` when none is named), in the
    /// fixed order of `ALL`.
    pub fn requested(stages: &[String]) -> Result<Vec<Stage>> {
        if stages.is_empty() {
            return Ok(Stage::ALL.to_vec());
        }
        let parsed = stages
            .iter()
            .map(|s| Stage::parse(s))
            .collect::<Result<Vec<_>>>()?;
        Ok(Stage::ALL
            .into_iter()
            .filter(|s| parsed.contains(s))
            .collect())
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// MLflow's `ModelVersion` (with the file store's `storage_location`).
#[derive(Debug, Clone, PartialEq)]
pub struct ModelVersion {
    pub name: String,
    pub version: i64,
    pub creation_timestamp: Option<i64>,
    pub last_updated_timestamp: Option<i64>,
    pub current_stage: Stage,
    pub description: Option<String>,
    /// Where the model came from, as given at registration (`runs:/…`, `models:/m-…`, a path).
    pub source: Option<String>,
    pub run_id: Option<String>,
    pub run_link: Option<String>,
    /// `READY`, `PENDING_REGISTRATION` or `FAILED_REGISTRATION`.
    pub status: String,
    pub status_message: Option<String>,
    pub user_id: Option<String>,
    /// The download URI MLflow loads the model from (falls back to `source` when absent).
    pub storage_location: Option<String>,
    /// The MLflow 3 logged model this version was registered from.
    pub model_id: Option<String>,
    pub tags: BTreeMap<String, String>,
    /// Aliases pointing at this version, sorted.
    pub aliases: Vec<String>,
}

impl ModelVersion {
    /// The URI MLflow downloads the model from (`get_model_version_download_uri`).
    pub fn download_uri(&self) -> Option<&str> {
        self.storage_location
            .as_deref()
            .filter(|s| !s.is_empty())
            .or(self.source.as_deref())
    }
}

/// MLflow's `RegisteredModel`.
#[derive(Debug, Clone, PartialEq)]
pub struct RegisteredModel {
    pub name: String,
    pub description: Option<String>,
    pub creation_timestamp: Option<i64>,
    pub last_updated_timestamp: Option<i64>,
    pub tags: BTreeMap<String, String>,
    /// alias → version number (as text, the content of `aliases/<alias>`).
    pub aliases: BTreeMap<String, String>,
    /// The highest version in each stage, in `Stage::ALL` order.
    pub latest_versions: Vec<ModelVersion>,
}

/// Tag keys the registry gives a meaning to.
pub mod tags {
    /// Registered models and versions that are prompts (MLflow 3); hidden from model listings.
    pub const IS_PROMPT: &str = "mlflow.prompt.is_prompt";
    /// On a logged model: JSON list of the registry versions made from it.
    pub const MODEL_VERSIONS: &str = "mlflow.modelVersions";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_parse_case_insensitively_to_canonical_names() {
        assert_eq!(Stage::parse("production").unwrap(), Stage::Production);
        assert_eq!(Stage::parse("STAGING").unwrap(), Stage::Staging);
        assert_eq!(Stage::parse("none").unwrap(), Stage::None);
        assert_eq!(
            Stage::parse("prod").unwrap_err().to_string(),
            "Invalid Model Version stage: prod. Value must be one of None, Staging, Production, Archived."
        );
        assert!(Stage::parse("Deleted_Internal").is_err());
    }

    #[test]
    fn stored_stages_are_read_tolerantly() {
        assert_eq!(Stage::from_stored(None), Some(Stage::None));
        assert_eq!(Stage::from_stored(Some("None")), Some(Stage::None));
        assert_eq!(
            Stage::from_stored(Some("Deleted_Internal")),
            Some(Stage::DeletedInternal)
        );
        assert_eq!(Stage::from_stored(Some("bogus")), None);
    }
}
