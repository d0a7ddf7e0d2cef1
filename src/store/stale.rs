//! Runs left RUNNING by jobs that died: found by their last activity (the newest write to the
//! run's meta, metrics, params or tags), and closed with a final status.

use std::time::UNIX_EPOCH;

use super::FileStore;
use super::run::RunDir;
use crate::entities::{LifecycleStage, RunInfo, RunStatus, ViewType};
use crate::error::Result;

/// A RUNNING run and the time of its last write, in epoch milliseconds.
#[derive(Debug, Clone)]
pub struct StaleRun {
    pub dir: RunDir,
    pub info: RunInfo,
    pub last_activity: i64,
}

/// The newest modification time of the run's meta and key files.
fn last_activity(dir: &RunDir, info: &RunInfo) -> i64 {
    let mut newest = info.start_time.unwrap_or(0);
    let mut consider = |p: &std::path::Path| {
        if let Ok(t) = std::fs::metadata(p).and_then(|m| m.modified())
            && let Ok(d) = t.duration_since(UNIX_EPOCH)
        {
            newest = newest.max(d.as_millis() as i64);
        }
    };
    consider(&dir.path.join("meta.yaml"));
    for sub in ["metrics", "params", "tags"] {
        for entry in walkdir::WalkDir::new(dir.path.join(sub))
            .into_iter()
            .flatten()
        {
            consider(entry.path());
        }
    }
    newest
}

impl FileStore {
    /// Active runs still RUNNING whose last activity is older than `older_than_ms`.
    pub fn stale_runs(
        &self,
        older_than_ms: i64,
        experiment_ids: Option<&[String]>,
    ) -> Result<Vec<StaleRun>> {
        self.check_exists()?;
        let threshold = super::now_ms() - older_than_ms;
        let mut out = Vec::new();
        for exp in self.experiment_dirs(ViewType::ActiveOnly)? {
            if experiment_ids.is_some_and(|ids| !ids.contains(&exp.id)) {
                continue;
            }
            for dir in self.run_dirs_of(&exp)? {
                let Ok(info) = self.read_run_info(&dir) else {
                    continue;
                };
                if info.status != RunStatus::Running
                    || info.lifecycle_stage != LifecycleStage::Active
                {
                    continue;
                }
                let last = last_activity(&dir, &info);
                if last < threshold {
                    out.push(StaleRun {
                        dir,
                        info,
                        last_activity: last,
                    });
                }
            }
        }
        Ok(out)
    }

    /// Ends each stale run with `status`, setting `end_time` to its last activity.
    pub fn close_stale_runs(&self, stale: &[StaleRun], status: RunStatus) -> Result<()> {
        for s in stale {
            self.update_run_info(&s.info.run_id, status, Some(s.last_activity), None)?;
        }
        Ok(())
    }
}
