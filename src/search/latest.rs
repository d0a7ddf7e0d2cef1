//! `get_latest_versions` (spec §10): the highest version per requested stage. MLflow returns
//! them in a hash-seed-dependent order; mlrs uses the request order (or None, Staging,
//! Production, Archived when no stage is given).

use super::entity::ModelVersionView;
use super::error::{SearchError, fail};

/// MLflow's stages, in the order used when none are requested.
pub const ALL_STAGES: [&str; 4] = ["None", "Staging", "Production", "Archived"];

/// Canonicalises requested stages case-insensitively, dropping repeats; empty means all four.
pub fn canonical_stages(stages: &[String]) -> Result<Vec<&'static str>, SearchError> {
    if stages.is_empty() {
        return Ok(ALL_STAGES.to_vec());
    }
    let mut out: Vec<&'static str> = Vec::new();
    for stage in stages {
        let lower = stage.to_lowercase();
        let Some(canonical) = ALL_STAGES.iter().find(|s| s.to_lowercase() == lower) else {
            return fail(format!(
                "Invalid Model Version stage: {stage}. Value must be one of {}.",
                ALL_STAGES.join(", ")
            ));
        };
        if !out.contains(canonical) {
            out.push(canonical);
        }
    }
    Ok(out)
}

/// The highest-numbered version in each requested stage, one per stage that has any.
/// Deleted versions (stage `Deleted_Internal`) never qualify.
pub fn latest_versions<T: ModelVersionView>(
    versions: Vec<T>,
    stages: &[String],
) -> Result<Vec<T>, SearchError> {
    let stages = canonical_stages(stages)?;
    let mut best: Vec<Option<T>> = stages.iter().map(|_| None).collect();
    for v in versions {
        let Some(slot) = stages.iter().position(|s| *s == v.current_stage()) else {
            continue;
        };
        if best[slot]
            .as_ref()
            .is_none_or(|b| b.version() < v.version())
        {
            best[slot] = Some(v);
        }
    }
    Ok(best.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::testing::MemVersion;

    fn staged(version: i64, stage: &str) -> MemVersion {
        let mut v = MemVersion::new("m", version, 1);
        v.stage = stage.into();
        v
    }

    fn versions() -> Vec<MemVersion> {
        vec![
            staged(1, "None"),
            staged(3, "Production"),
            staged(11, "Staging"),
            staged(10, "Production"),
            staged(2, "Staging"),
            staged(12, "Deleted_Internal"),
        ]
    }

    #[test]
    fn no_stages_means_all_four_in_fixed_order() {
        let got: Vec<i64> = latest_versions(versions(), &[])
            .unwrap()
            .iter()
            .map(|v| v.version)
            .collect();
        assert_eq!(got, [1, 11, 10]);
    }

    #[test]
    fn stages_are_canonicalised_and_returned_in_request_order() {
        let req = vec![
            "production".to_string(),
            "STAGING".to_string(),
            "Production".to_string(),
        ];
        let got: Vec<i64> = latest_versions(versions(), &req)
            .unwrap()
            .iter()
            .map(|v| v.version)
            .collect();
        assert_eq!(got, [10, 11]);
    }

    #[test]
    fn unknown_stage_is_rejected_with_mlflow_message() {
        assert_eq!(
            canonical_stages(&["bogus".to_string()])
                .unwrap_err()
                .message,
            "Invalid Model Version stage: bogus. Value must be one of None, Staging, Production, Archived."
        );
        assert!(canonical_stages(&["Deleted_Internal".to_string()]).is_err());
    }
}
