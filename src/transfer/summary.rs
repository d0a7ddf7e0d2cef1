//! What an export or import did, counted: the final summary a command prints, and whether the
//! whole operation failed (any run failed → non-zero exit).

use std::collections::BTreeMap;

use crate::error::{Error, Result};

/// Counts of one export or import. `failed` includes `conflicts`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Runs exported or imported (written).
    pub runs: u64,
    /// Metric points written.
    pub metrics: u64,
    /// Artifact files copied.
    pub artifacts: u64,
    /// Artifacts that could not be read in the source (reported, not fatal).
    pub missing_artifacts: u64,
    /// Runs or model versions already present and identical (nothing written).
    pub skipped: u64,
    /// Runs or model versions that could not be exported or imported.
    pub failed: u64,
    /// Of `failed`: objects that exist in the destination with different data.
    pub conflicts: u64,
    /// Registered-model versions exported or imported.
    pub versions: u64,
    /// The destination experiment of an import.
    pub experiment_id: Option<String>,
    /// Source run id → destination run id of every run an import wrote or found identical.
    pub run_ids: BTreeMap<String, String>,
    /// One line per failure or missing artifact, in order.
    pub problems: Vec<String>,
}

impl Summary {
    pub fn fail(&mut self, message: String) {
        self.failed += 1;
        self.problems.push(message);
    }

    pub fn conflict(&mut self, message: String) {
        self.conflicts += 1;
        self.fail(message);
    }

    /// The error the command exits with after printing the summary: none when nothing failed,
    /// "already exists" (exit 4) when every failure was a conflict, else "failed" (exit 1).
    pub fn outcome(&self) -> Result<()> {
        if self.failed == 0 {
            return Ok(());
        }
        let first = self.problems.first().cloned().unwrap_or_default();
        let msg = if self.failed == 1 {
            first
        } else {
            format!("{} objects failed; the first: {first}", self.failed)
        };
        if self.conflicts == self.failed {
            Err(Error::AlreadyExists(msg))
        } else {
            Err(Error::Failed(msg))
        }
    }
}

/// Reports progress of a long export or import; the library never prints (the CLI draws a bar).
pub trait Progress {
    /// `total` objects are about to be processed.
    fn start(&self, total: u64);
    /// One more object (named by `label`) is done.
    fn advance(&self, label: &str);
    fn finish(&self);
}

/// No progress reporting.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: u64) {}
    fn advance(&self, _: &str) {}
    fn finish(&self) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_conflicts_exit_as_already_exists() {
        let mut s = Summary::default();
        assert!(s.outcome().is_ok());
        s.conflict("run a differs".into());
        assert_eq!(i32::from(s.outcome().unwrap_err().exit_code()), 4);
        s.fail("run b unreadable".into());
        let e = s.outcome().unwrap_err();
        assert_eq!(i32::from(e.exit_code()), 1);
        assert_eq!(e.to_string(), "2 objects failed; the first: run a differs");
    }
}
