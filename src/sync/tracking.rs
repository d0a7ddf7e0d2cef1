//! Experiments and runs: matched, compared and completed in the destination, one run at a
//! time. The plan reads both ends' experiments and runs (params and tags included) and checks
//! every param before anything is written; then each experiment is created or matched, its
//! missing runs created (each tagged with its source id at once, so an interruption leaves it
//! mapped), and each run completed by diff.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::diff::{
    batches, changed_tags, copied_tags, metrics_digest, missing_files, missing_params,
    missing_points,
};
use super::{
    SyncOptions, SyncReport, TAG_METRICS_DIGEST, TAG_SOURCE_EXPERIMENT_ID, TAG_SOURCE_RUN_ID,
    TAG_SOURCE_URI,
};
use crate::backend::TrackingStore;
use crate::entities::{
    Experiment, LifecycleStage, Metric, Run, RunParts, RunStatus, ViewType, tags,
};
use crate::error::{Error, Result};
use crate::store::WarnSink;
use crate::transfer::Progress;

/// Runs read with what the diff needs up front (the metric keys, not their histories).
const PARTS: RunParts = RunParts {
    metrics: true,
    params: true,
    tags: true,
    inputs: false,
};

/// One source experiment, its match in the destination, and both ends' runs.
pub(super) struct ExperimentPlan {
    src: Experiment,
    dst: Option<Experiment>,
    runs: Vec<Run>,
    /// Destination runs by the source run id they mirror.
    dst_runs: HashMap<String, Run>,
}

pub(super) struct Plan {
    experiments: Vec<ExperimentPlan>,
    /// Source experiments left alone, each with the reason.
    skipped: Vec<String>,
}

impl Plan {
    pub(super) fn runs(&self) -> u64 {
        self.experiments.iter().map(|e| e.runs.len() as u64).sum()
    }
}

/// How a source experiment maps into the destination.
enum Match<'a> {
    /// The experiment sync created for it, or the one with its name.
    Found(&'a Experiment),
    /// None yet: it is created.
    New,
    /// A deleted source experiment whose name an experiment sync did not create holds: never
    /// matched by name (that would delete it), never created (the name is taken).
    Taken(&'a Experiment),
}

/// The destination experiment that mirrors `src`: the one sync created for it (by its
/// source-id and source-URI tags), else, for an active one, the one with its name.
fn find_match<'a>(src: &Experiment, dst: &'a [Experiment], uri: &str) -> Match<'a> {
    if let Some(d) = dst.iter().find(|d| {
        d.tags.get(TAG_SOURCE_EXPERIMENT_ID) == Some(&src.experiment_id)
            && d.tags.get(TAG_SOURCE_URI).map(String::as_str) == Some(uri)
    }) {
        return Match::Found(d);
    }
    match dst.iter().find(|d| d.name == src.name) {
        None => Match::New,
        Some(d) if src.lifecycle_stage == LifecycleStage::Active => Match::Found(d),
        Some(d) => Match::Taken(d),
    }
}

/// Reads both ends and checks every param of every mapped run: a conflict stops the sync
/// here, before anything is written.
pub(super) fn plan(
    src: &dyn TrackingStore,
    dst: Option<&dyn TrackingStore>,
    opts: &SyncOptions,
) -> Result<Plan> {
    let mut src_exps = src.list_experiments(ViewType::All)?;
    if !opts.experiment_ids.is_empty() {
        for id in &opts.experiment_ids {
            if !src_exps.iter().any(|e| &e.experiment_id == id) {
                return Err(Error::not_found(format!(
                    "experiment {id} not found in the source store"
                )));
            }
        }
        src_exps.retain(|e| opts.experiment_ids.contains(&e.experiment_id));
    }
    let dst_exps = match dst {
        Some(dst) => dst.list_experiments(ViewType::All)?,
        None => Vec::new(),
    };
    let mut experiments = Vec::new();
    let mut skipped = Vec::new();
    for exp in src_exps {
        let matched = match find_match(&exp, &dst_exps, &opts.source_uri) {
            Match::Found(d) => Some(d.clone()),
            Match::New => None,
            Match::Taken(d) => {
                skipped.push(format!(
                    "deleted experiment '{}' ({}) skipped: the destination's experiment {} has its name and was not synced from it",
                    exp.name, exp.experiment_id, d.experiment_id
                ));
                continue;
            }
        };
        let runs = src.list_runs(
            std::slice::from_ref(&exp.experiment_id),
            ViewType::All,
            PARTS,
        )?;
        let mut dst_runs = HashMap::new();
        if let (Some(d), Some(dst)) = (&matched, dst) {
            for run in
                dst.list_runs(std::slice::from_ref(&d.experiment_id), ViewType::All, PARTS)?
            {
                if let Some(source_id) = run.data.tags.get(TAG_SOURCE_RUN_ID) {
                    dst_runs.insert(source_id.clone(), run);
                }
            }
        }
        for run in &runs {
            if let Some(have) = dst_runs.get(&run.info.run_id) {
                missing_params(&run.info.run_id, &run.data.params, &have.data.params)?;
            }
        }
        experiments.push(ExperimentPlan {
            src: exp,
            dst: matched,
            runs,
            dst_runs,
        });
    }
    Ok(Plan {
        experiments,
        skipped,
    })
}

/// A destination experiment while its runs are synced.
struct ExpState {
    /// None only in a dry run, for an experiment not created.
    id: Option<String>,
    deleted: bool,
}

/// A run's artifact files: path → size.
fn artifact_files(
    store: &dyn TrackingStore,
    run_id: &str,
) -> Result<BTreeMap<String, Option<u64>>> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![String::new()];
    while let Some(dir) = dirs.pop() {
        for f in store.list_artifacts(run_id, &dir)? {
            if f.is_dir {
                dirs.push(f.path);
            } else {
                out.insert(f.path, f.file_size);
            }
        }
    }
    Ok(out)
}

pub(super) struct Syncer<'a> {
    src: &'a dyn TrackingStore,
    /// None: the destination does not exist (a dry run into a new store).
    dst: Option<&'a dyn TrackingStore>,
    opts: &'a SyncOptions,
    report: &'a mut SyncReport,
    warn: WarnSink,
    /// Source run id → destination run id, for every run of a synced experiment.
    run_map: HashMap<String, String>,
    /// Every source run of a synced experiment.
    synced: HashSet<String>,
}

impl<'a> Syncer<'a> {
    pub(super) fn new(
        src: &'a dyn TrackingStore,
        dst: Option<&'a dyn TrackingStore>,
        opts: &'a SyncOptions,
        report: &'a mut SyncReport,
        warn: WarnSink,
    ) -> Syncer<'a> {
        Syncer {
            src,
            dst,
            opts,
            report,
            warn,
            run_map: HashMap::new(),
            synced: HashSet::new(),
        }
    }

    pub(super) fn into_run_map(self) -> super::registry::RunMap {
        super::registry::RunMap {
            synced: self.synced,
            ids: self.run_map,
        }
    }

    fn dry(&self) -> bool {
        self.opts.dry_run
    }

    /// The destination, which exists whenever something is read from it or written to it.
    fn dst(&self) -> Result<&'a dyn TrackingStore> {
        self.dst
            .ok_or_else(|| Error::Failed("the destination store does not exist".into()))
    }

    fn warn(&mut self, message: String) {
        (self.warn)(&message);
        self.report.warnings.push(message);
    }

    pub(super) fn run(&mut self, plan: &Plan, progress: &dyn Progress) -> Result<()> {
        for why in &plan.skipped {
            self.warn(why.clone());
            self.report.experiments.skipped += 1;
        }
        for exp in &plan.experiments {
            self.sync_experiment(exp, progress)?;
        }
        Ok(())
    }

    /// The tags a destination experiment should hold: the source's, and where it came from.
    fn wanted_experiment_tags(&self, src: &Experiment) -> BTreeMap<String, String> {
        let mut want = copied_tags(&src.tags);
        want.insert(TAG_SOURCE_EXPERIMENT_ID.into(), src.experiment_id.clone());
        want.insert(TAG_SOURCE_URI.into(), self.opts.source_uri.clone());
        want
    }

    /// Restores a deleted destination experiment so that runs can be written into it (the
    /// lifecycle is mirrored again once its runs are done).
    fn ensure_active(&mut self, state: &mut ExpState) -> Result<()> {
        if state.deleted {
            if let (Some(id), false) = (&state.id, self.dry()) {
                self.dst()?.restore_experiment(id)?;
            }
            state.deleted = false;
        }
        Ok(())
    }

    fn sync_experiment(&mut self, plan: &ExperimentPlan, progress: &dyn Progress) -> Result<()> {
        let src = &plan.src;
        let want = self.wanted_experiment_tags(src);
        let (mut state, mut updated, created) = match &plan.dst {
            None => {
                self.report.actions.push(format!(
                    "create experiment '{}' (source id {})",
                    src.name, src.experiment_id
                ));
                let id = if self.dry() {
                    None
                } else {
                    let tags: Vec<(String, String)> = want.clone().into_iter().collect();
                    Some(self.dst()?.create_experiment(&src.name, None, &tags)?)
                };
                self.report.tags_sent += want.len() as u64;
                (ExpState { id, deleted: false }, false, true)
            }
            Some(d) => {
                let mut state = ExpState {
                    id: Some(d.experiment_id.clone()),
                    deleted: d.lifecycle_stage == LifecycleStage::Deleted,
                };
                let rename = d.name != src.name;
                if rename {
                    self.report.actions.push(format!(
                        "rename experiment '{}' ({}) to '{}'",
                        d.name, d.experiment_id, src.name
                    ));
                    self.ensure_active(&mut state)?;
                    if !self.dry() {
                        self.dst()?.rename_experiment(&d.experiment_id, &src.name)?;
                    }
                }
                let tags = changed_tags(&want, &d.tags);
                if !tags.is_empty() {
                    self.report.actions.push(format!(
                        "set {} tag(s) of experiment '{}' ({} → {})",
                        tags.len(),
                        src.name,
                        src.experiment_id,
                        d.experiment_id
                    ));
                    self.ensure_active(&mut state)?;
                    if !self.dry() {
                        for (k, v) in &tags {
                            self.dst()?.set_experiment_tag(&d.experiment_id, k, v)?;
                        }
                    }
                    self.report.tags_sent += tags.len() as u64;
                }
                (state, rename || !tags.is_empty(), false)
            }
        };
        let was_deleted = plan
            .dst
            .as_ref()
            .is_some_and(|d| d.lifecycle_stage == LifecycleStage::Deleted);

        // Every run mapped first: created where missing, with its source id, so that parent
        // run ids can be mapped and an interruption leaves no unmapped run behind.
        let mut dst_ids: Vec<Option<String>> = Vec::with_capacity(plan.runs.len());
        let mut created_runs = vec![false; plan.runs.len()];
        for (i, run) in plan.runs.iter().enumerate() {
            self.synced.insert(run.info.run_id.clone());
            if let Some(have) = plan.dst_runs.get(&run.info.run_id) {
                self.run_map
                    .insert(run.info.run_id.clone(), have.info.run_id.clone());
                dst_ids.push(Some(have.info.run_id.clone()));
                continue;
            }
            self.ensure_active(&mut state)?;
            created_runs[i] = true;
            self.report.actions.push(format!(
                "create run {} in experiment '{}'",
                run.info.run_id, src.name
            ));
            let id = match (&state.id, self.dry()) {
                (Some(exp_id), false) => {
                    let tags = vec![
                        (TAG_SOURCE_RUN_ID.to_string(), run.info.run_id.clone()),
                        (TAG_SOURCE_URI.to_string(), self.opts.source_uri.clone()),
                    ];
                    let name = Some(run.info.run_name.as_str()).filter(|n| !n.is_empty());
                    let info = self.dst()?.create_run(
                        exp_id,
                        &run.info.user_id,
                        run.info.start_time.unwrap_or(0),
                        name,
                        &tags,
                    )?;
                    self.run_map
                        .insert(run.info.run_id.clone(), info.run_id.clone());
                    Some(info.run_id)
                }
                _ => None,
            };
            self.report.tags_sent += 2;
            dst_ids.push(id);
        }

        for (i, run) in plan.runs.iter().enumerate() {
            let have = plan.dst_runs.get(&run.info.run_id);
            let changed = self.sync_run(
                run,
                dst_ids[i].as_deref(),
                have,
                &mut state,
                src.lifecycle_stage == LifecycleStage::Deleted,
            )?;
            if created_runs[i] {
                self.report.runs.created += 1;
            } else if changed {
                self.report.runs.updated += 1;
            } else {
                self.report.runs.unchanged += 1;
            }
            progress.advance(&run.info.run_id);
        }

        // The experiment's lifecycle mirrored last (runs cannot be written into a deleted one).
        match (src.lifecycle_stage, state.deleted) {
            (LifecycleStage::Deleted, false) => {
                if !was_deleted {
                    updated = true;
                    self.report
                        .actions
                        .push(format!("delete experiment '{}'", src.name));
                }
                if let (Some(id), false) = (&state.id, self.dry()) {
                    self.dst()?.delete_experiment(id)?;
                }
            }
            (LifecycleStage::Active, true) => {
                updated = true;
                self.report
                    .actions
                    .push(format!("restore experiment '{}'", src.name));
                if let (Some(id), false) = (&state.id, self.dry()) {
                    self.dst()?.restore_experiment(id)?;
                }
            }
            _ => {}
        }
        if created {
            self.report.experiments.created += 1;
        } else if updated {
            self.report.experiments.updated += 1;
        } else {
            self.report.experiments.unchanged += 1;
        }
        Ok(())
    }

    /// Sends what the destination run `dst_id` (None: not created, in a dry run) lacks of
    /// `src`; `have` is the destination run as the plan read it (None: just created).
    /// Returns whether anything was sent.
    fn sync_run(
        &mut self,
        src: &Run,
        dst_id: Option<&str>,
        have: Option<&Run>,
        exp: &mut ExpState,
        experiment_deleted: bool,
    ) -> Result<bool> {
        let src_id = src.info.run_id.as_str();
        let empty = BTreeMap::new();
        let params = missing_params(
            src_id,
            &src.data.params,
            have.map_or(&empty, |r| &r.data.params),
        )?;
        let mut want_tags = copied_tags(&src.data.tags);
        if let Some(parent) = want_tags.get_mut(tags::PARENT_RUN_ID)
            && let Some(mapped) = self.run_map.get(parent.as_str())
        {
            *parent = mapped.clone();
        }
        let tag_changes = changed_tags(&want_tags, have.map_or(&empty, |r| &r.data.tags));

        // The source's histories, several keys at a time (each one a request to a server);
        // the destination's only where its digest tag does not vouch that it holds them all.
        let (src_store, dst_store) = (self.src, self.dst);
        let keys: Vec<&String> = src.data.metrics.keys().collect();
        let histories = concurrently(&keys, |key| src_store.get_metric_history(src_id, key))
            .into_iter()
            .collect::<Result<Vec<Vec<Metric>>>>()?;
        let digest = metrics_digest(
            keys.iter()
                .map(|k| k.as_str())
                .zip(histories.iter().map(Vec::as_slice)),
        );
        let have_digest = have.and_then(|h| h.data.tags.get(TAG_METRICS_DIGEST));
        let digest_stale = have_digest != Some(&digest);
        let mut points = Vec::new();
        if digest_stale || self.opts.verify {
            let per_key = concurrently(&keys, |key| -> Result<Vec<Metric>> {
                match (have, dst_id, dst_store) {
                    (Some(h), Some(id), Some(dst)) if h.data.metrics.contains_key(*key) => {
                        dst.get_metric_history(id, key)
                    }
                    _ => Ok(Vec::new()),
                }
            });
            for (history, existing) in histories.iter().zip(per_key) {
                points.extend(missing_points(history, &existing?).into_iter().cloned());
            }
        }

        let files = match artifact_files(self.src, src_id) {
            Ok(src_files) => {
                let dst_files = match (have, dst_id) {
                    (Some(_), Some(id)) => artifact_files(self.dst()?, id)?,
                    _ => BTreeMap::new(),
                };
                missing_files(&src_files, &dst_files)
            }
            Err(e) => {
                self.warn(format!(
                    "run {src_id}: artifacts not synced: cannot list them in the source: {e}"
                ));
                Vec::new()
            }
        };

        let (have_status, have_end, have_stage, have_name) = match have {
            Some(h) => (
                h.info.status,
                h.info.end_time,
                h.info.lifecycle_stage,
                h.info.run_name.as_str(),
            ),
            // As `create_run` made it.
            None => (
                RunStatus::Running,
                None,
                LifecycleStage::Active,
                src.info.run_name.as_str(),
            ),
        };
        let rename = !src.info.run_name.is_empty() && have_name != src.info.run_name;
        let status_change =
            have_status != src.info.status || have_end != src.info.end_time || rename;
        // In a deleted experiment a run's stage follows the experiment's (stores mark its
        // runs deleted with it): only an active experiment's runs are mirrored one by one.
        let want_stage = if experiment_deleted {
            have_stage
        } else {
            src.info.lifecycle_stage
        };
        let writes_data = !params.is_empty()
            || !tag_changes.is_empty()
            || !points.is_empty()
            || !files.is_empty()
            || status_change;
        if !writes_data && want_stage == have_stage {
            // Nothing to send; a run that holds every point but not yet the digest saying so
            // (synced by an older mlrs, or the last sync stopped after its points) gets it, so
            // the next sync reads no history back. Not in a deleted run or experiment, which
            // take no writes: those are read again next time.
            let writable = have_stage == LifecycleStage::Active && !exp.deleted;
            if let (true, true, Some(id), false) = (digest_stale, writable, dst_id, self.dry()) {
                self.dst()?.set_tag(id, TAG_METRICS_DIGEST, &digest)?;
            }
            return Ok(false);
        }

        let bytes: u64 = files.iter().filter_map(|(_, s)| *s).sum();
        let mut what = Vec::new();
        if !params.is_empty() {
            what.push(format!("{} param(s)", params.len()));
        }
        if !tag_changes.is_empty() {
            what.push(format!("{} tag(s)", tag_changes.len()));
        }
        if !points.is_empty() {
            what.push(format!("{} metric point(s)", points.len()));
        }
        if !files.is_empty() {
            what.push(format!("{} artifact file(s), {bytes} bytes", files.len()));
        }
        if status_change {
            what.push(format!("status {}", src.info.status));
        }
        if rename {
            what.push(format!("name '{}'", src.info.run_name));
        }
        if want_stage != have_stage {
            what.push(format!("lifecycle {want_stage}"));
        }
        self.report.actions.push(format!(
            "send {} to run {src_id} → {}",
            what.join(", "),
            dst_id.unwrap_or("(new)")
        ));
        self.report.params_sent += params.len() as u64;
        self.report.tags_sent += tag_changes.len() as u64;
        self.report.metric_points_sent += points.len() as u64;
        self.report.artifact_files_sent += files.len() as u64;
        self.report.artifact_bytes_sent += bytes;
        let Some(dst_id) = dst_id.filter(|_| !self.dry()) else {
            return Ok(true);
        };

        let mut stage = have_stage;
        if writes_data {
            self.ensure_active(exp)?;
            if stage == LifecycleStage::Deleted {
                self.dst()?.restore_run(dst_id)?;
                stage = LifecycleStage::Active;
            }
            for batch in batches(params, tag_changes, points) {
                self.dst()?.log_batch(dst_id, &batch)?;
            }
            if !files.is_empty() {
                self.send_files(src_id, dst_id, &files)?;
            }
            if status_change {
                let name = Some(src.info.run_name.as_str()).filter(|_| rename);
                self.dst()?
                    .update_run_info(dst_id, src.info.status, src.info.end_time, name)?;
            }
            // Last, once every point is in: an interrupted sync leaves no digest vouching for
            // points it never sent.
            if digest_stale {
                self.dst()?.set_tag(dst_id, TAG_METRICS_DIGEST, &digest)?;
            }
        }
        match (want_stage, stage) {
            (LifecycleStage::Deleted, LifecycleStage::Active) => self.dst()?.delete_run(dst_id)?,
            (LifecycleStage::Active, LifecycleStage::Deleted) => self.dst()?.restore_run(dst_id)?,
            _ => {}
        }
        Ok(true)
    }

    /// Copies artifact files of a run through a temporary directory, one file at a time.
    fn send_files(
        &mut self,
        src_id: &str,
        dst_id: &str,
        files: &[(String, Option<u64>)],
    ) -> Result<()> {
        let tmp = TempDir::new()?;
        for (n, (path, _)) in files.iter().enumerate() {
            let slot = tmp.0.join(n.to_string());
            std::fs::create_dir(&slot).map_err(|e| Error::io(&slot, e))?;
            let local = self.src.download_artifacts(src_id, path, &slot)?;
            let parent = path.rsplit_once('/').map_or("", |(dir, _)| dir);
            self.dst()?.log_artifact(dst_id, &local, parent)?;
            let _ = std::fs::remove_dir_all(&slot);
        }
        Ok(())
    }
}

/// How many reads of one run sync keeps in flight: they wait on a disk or a server, not on
/// the CPU.
const READS_IN_FLIGHT: usize = 8;

/// `items.map(f)` with up to `READS_IN_FLIGHT` calls at a time; the output keeps the order.
fn concurrently<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    if items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(READS_IN_FLIGHT);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// A private temporary directory, removed with its contents when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new() -> Result<TempDir> {
        let path =
            std::env::temp_dir().join(format!("mlrs-sync-{}", uuid::Uuid::new_v4().simple()));
        std::fs::create_dir(&path).map_err(|e| Error::io(&path, e))?;
        Ok(TempDir(path))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
