//! `mlrs sync`: pushes one store's experiments, runs, artifacts and model registry into another
//! through the store traits only (`TrackingStore`, `RegistryStore`), so any backend pair works,
//! including a destination that assigns its own ids (a tracking server).
//!
//! Objects are matched, not copied by id: an experiment by the `mlrs.sync.source_experiment_id`
//! (and `mlrs.sync.source_uri`) tags it got when sync created it, else by name (so `Default`
//! maps to `Default`); a run by its `mlrs.sync.source_run_id` tag; a model version by its
//! `mlrs.sync.source_version` tag (the peer mlflow-export-import records `mlflow_exim.field.*`
//! tags the same way). Every mapped pair is then compared and only the difference is sent:
//! missing params, missing or differing tags, the metric points the destination's history
//! lacks, missing artifact files, status, end time and lifecycle. Nothing is kept on the side,
//! so an interrupted sync resumes where the destination stopped, and a second one sends
//! nothing. A param the destination holds with another value stops the sync before anything
//! is written (exit 4).

use serde::Serialize;

use crate::backend::{RegistryStore, TrackingStore};
use crate::error::{Error, Result};
use crate::store::WarnSink;
use crate::transfer::Progress;

pub mod diff;
mod registry;
mod tracking;

/// Tag on a destination run: the id of the source run it mirrors.
pub const TAG_SOURCE_RUN_ID: &str = "mlrs.sync.source_run_id";
/// Tag on a destination experiment: the id of the source experiment it mirrors.
pub const TAG_SOURCE_EXPERIMENT_ID: &str = "mlrs.sync.source_experiment_id";
/// Tag on destination experiments and runs: the source store's URI (credentials removed).
pub const TAG_SOURCE_URI: &str = "mlrs.sync.source_uri";
/// Tag on a destination model version: the source version number it mirrors.
pub const TAG_SOURCE_VERSION: &str = "mlrs.sync.source_version";
/// Tag on a destination run: `diff::metrics_digest` of the source run's metric histories,
/// set once all of them were sent; while it matches, sync does not read the destination's back.
pub const TAG_METRICS_DIGEST: &str = "mlrs.sync.metrics_digest";
/// Tags under this prefix are sync's own: never copied from a source (a store that was itself
/// synced into) and never compared.
pub const TAG_PREFIX: &str = "mlrs.sync.";

/// What to sync.
#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// The source store's URI as recorded in `mlrs.sync.source_uri` (see `display_uri`).
    pub source_uri: String,
    /// Only these source experiments (all when empty).
    pub experiment_ids: Vec<String>,
    /// Skip the model registry.
    pub no_registry: bool,
    /// Compute and list what would be sent; write nothing.
    pub dry_run: bool,
    /// Read every destination metric history back, even where the run's
    /// `mlrs.sync.metrics_digest` says it holds the source's (rsync's `--checksum`): repairs
    /// points lost behind sync's back.
    pub verify: bool,
}

/// Created / updated / unchanged (and skipped) counts of one kind of object.
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
}

/// What a sync sent (or, with `dry_run`, would send).
#[derive(Debug, Default, Clone, Serialize, PartialEq, Eq)]
pub struct SyncReport {
    pub dry_run: bool,
    pub experiments: Counts,
    pub runs: Counts,
    pub models: Counts,
    pub model_versions: Counts,
    pub params_sent: u64,
    pub tags_sent: u64,
    pub metric_points_sent: u64,
    pub artifact_files_sent: u64,
    pub artifact_bytes_sent: u64,
    /// One line per object written (or, with `dry_run`, that would be): what was sent.
    pub actions: Vec<String>,
    /// Objects that could not be synced and were skipped (also sent to the warning sink).
    pub warnings: Vec<String>,
}

impl SyncReport {
    /// Whether nothing was (or would be) written.
    pub fn nothing_sent(&self) -> bool {
        self.actions.is_empty()
    }
}

/// The two ends of a sync.
pub struct Ends<'a> {
    pub src: &'a dyn TrackingStore,
    /// None only in a dry run into a store that does not exist yet (compared as empty).
    pub dst: Option<&'a dyn TrackingStore>,
    /// The source registry, or None with `--no-registry`.
    pub src_registry: Option<&'a dyn RegistryStore>,
    /// The destination registry (None as `dst`).
    pub dst_registry: Option<&'a dyn RegistryStore>,
}

/// Syncs `ends.src` into `ends.dst`: experiments and runs first (one run at a time, `progress`
/// advanced per run), then the registry.
pub fn sync(
    ends: &Ends<'_>,
    opts: &SyncOptions,
    progress: &dyn Progress,
    warn: WarnSink,
) -> Result<SyncReport> {
    let mut report = SyncReport {
        dry_run: opts.dry_run,
        ..SyncReport::default()
    };
    let plan = tracking::plan(ends.src, ends.dst, opts)?;
    let mut syncer = tracking::Syncer::new(ends.src, ends.dst, opts, &mut report, warn.clone());
    progress.start(plan.runs());
    let result = syncer.run(&plan, progress);
    progress.finish();
    result?;
    let run_map = syncer.into_run_map();
    if let (Some(src_reg), false) = (ends.src_registry, opts.no_registry) {
        registry::sync_registry(
            ends,
            src_reg,
            ends.dst_registry,
            &run_map,
            opts,
            &mut report,
            &warn,
        )?;
    }
    Ok(report)
}

/// `uri` with any `user:password@` removed: what sync records and prints of a store's URI.
pub fn display_uri(uri: &str) -> String {
    let Some(scheme_end) = uri.find("://") else {
        return uri.to_string();
    };
    let rest = &uri[scheme_end + 3..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{}{}", &uri[..scheme_end + 3], &rest[at + 1..]),
        None => uri.to_string(),
    }
}

/// A spelling of `uri` that two URIs naming one store share: local paths made absolute (and
/// canonical when they exist), scheme and host lowercased, credentials dropped.
pub fn canonical_uri(uri: &str) -> String {
    use crate::store::uri;
    let clean = display_uri(uri);
    let local = |p: std::path::PathBuf| {
        let abs = uri::absolute(&p).unwrap_or(p);
        std::fs::canonicalize(&abs)
            .unwrap_or(abs)
            .to_string_lossy()
            .into_owned()
    };
    match uri::uri_scheme(&clean) {
        None => format!("file:{}", local(clean.clone().into())),
        Some(s) if s.eq_ignore_ascii_case("file") => match uri::file_uri_to_path(&clean) {
            Ok(p) => format!("file:{}", local(p)),
            Err(_) => clean.to_ascii_lowercase(),
        },
        Some(s) if s.eq_ignore_ascii_case("sqlite") => {
            // SQLAlchemy: `sqlite:///rel.db`, `sqlite:////abs.db`.
            let path = &clean[s.len() + 1..];
            let path = path.strip_prefix("//").unwrap_or(path);
            let path = path.strip_prefix('/').unwrap_or(path);
            let path = path.split('?').next().unwrap_or("");
            format!("sqlite:{}", local(path.into()))
        }
        Some(_) => clean.trim_end_matches('/').to_ascii_lowercase(),
    }
}

/// Refuses a sync whose two ends are one store (exit 5, one line).
pub fn check_distinct(from: &str, to: &str) -> Result<()> {
    if canonical_uri(from) == canonical_uri(to) {
        return Err(Error::invalid(format!(
            "--from '{}' and --to '{}' are the same store: nothing to sync",
            display_uri(from),
            display_uri(to)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_never_leave_a_uri() {
        assert_eq!(
            display_uri("https://alice:s3cret@host:5000/x"),
            "https://host:5000/x"
        );
        assert_eq!(display_uri("http://host/a@b"), "http://host/a@b");
        assert_eq!(display_uri("./mlruns"), "./mlruns");
    }

    #[test]
    fn one_store_spelled_two_ways_is_one_store() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("mlruns");
        std::fs::create_dir(&p).unwrap();
        let uri = crate::store::uri::path_to_file_uri(&p);
        assert_eq!(canonical_uri(&p.to_string_lossy()), canonical_uri(&uri));
        assert!(check_distinct(&p.to_string_lossy(), &uri).is_err());
        let db = dir.path().join("m.db");
        let a = format!("sqlite:///{}", db.display());
        assert_eq!(canonical_uri(&a), format!("sqlite:{}", db.display()));
        assert!(check_distinct(&a, &p.to_string_lossy()).is_ok());
        assert_eq!(
            canonical_uri("HTTP://u:p@Host:5000/"),
            canonical_uri("http://host:5000")
        );
    }
}
