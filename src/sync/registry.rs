//! The model registry: registered models (description, tags, aliases) and their live versions
//! (registered again from the destination's copy of their run, then description, tags and
//! stage), each matched by name and by the `mlrs.sync.source_version` tag, and completed by
//! diff. A version that did not come from a synced run's artifacts (a path outside any run,
//! an MLflow 3 logged model, a run not synced) cannot be registered through the store
//! interface: it is skipped with a warning.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::diff::{changed_tags, copied_tags};
use super::{Ends, SyncOptions, SyncReport, TAG_SOURCE_VERSION};
use crate::backend::{RegistryStore, TrackingStore};
use crate::entities::registry::{ModelVersion, RegisteredModel, Stage};
use crate::error::{Error, Result};
use crate::store::WarnSink;
use crate::store::uri::local_artifact_path;

/// What the tracking sync leaves for the registry: which source runs were synced and, where
/// they exist in the destination (not in a dry run for new ones), their destination ids.
pub(super) struct RunMap {
    pub(super) synced: HashSet<String>,
    pub(super) ids: HashMap<String, String>,
}

struct Ctx<'a> {
    ends: &'a Ends<'a>,
    /// None: the destination does not exist (a dry run into a new store).
    dst: Option<&'a dyn RegistryStore>,
    runs: &'a RunMap,
    opts: &'a SyncOptions,
    report: &'a mut SyncReport,
    warn: &'a WarnSink,
}

impl<'a> Ctx<'a> {
    fn dry(&self) -> bool {
        self.opts.dry_run
    }

    /// The destination registry, which exists whenever it is read or written.
    fn dst(&self) -> Result<&'a dyn RegistryStore> {
        self.dst
            .ok_or_else(|| Error::Failed("the destination registry does not exist".into()))
    }

    /// The destination tracking store, which exists whenever a version is registered.
    fn dst_tracking(&self) -> Result<&'a dyn TrackingStore> {
        self.ends
            .dst
            .ok_or_else(|| Error::Failed("the destination store does not exist".into()))
    }

    fn warn(&mut self, message: String) {
        (self.warn)(&message);
        self.report.warnings.push(message);
    }
}

pub(super) fn sync_registry(
    ends: &Ends<'_>,
    src: &dyn RegistryStore,
    dst: Option<&dyn RegistryStore>,
    runs: &RunMap,
    opts: &SyncOptions,
    report: &mut SyncReport,
    warn: &WarnSink,
) -> Result<()> {
    let mut ctx = Ctx {
        ends,
        dst,
        runs,
        opts,
        report,
        warn,
    };
    for model in src.list_registered_models()? {
        let versions = src.list_model_versions(&model.name)?;
        // With --experiment-id, only the models of the synced runs.
        if !opts.experiment_ids.is_empty()
            && !versions
                .iter()
                .any(|v| v.run_id.as_ref().is_some_and(|r| runs.synced.contains(r)))
        {
            continue;
        }
        sync_model(&mut ctx, &model, &versions)?;
    }
    Ok(())
}

/// A description as sent: "" is none (a tracking server answers "" for a missing one).
fn text(d: &Option<String>) -> Option<&str> {
    d.as_deref().filter(|d| !d.is_empty())
}

/// None and "" are one description.
fn same_text(a: &Option<String>, b: &Option<String>) -> bool {
    a.as_deref().unwrap_or("") == b.as_deref().unwrap_or("")
}

fn sync_model(ctx: &mut Ctx<'_>, model: &RegisteredModel, versions: &[ModelVersion]) -> Result<()> {
    let name = model.name.as_str();
    let want_tags = copied_tags(&model.tags);
    let existing = match ctx.dst.map(|d| d.get_registered_model(name)) {
        Some(Ok(m)) => Some(m),
        None | Some(Err(Error::NotFound(_))) => None,
        Some(Err(e)) => return Err(e),
    };
    let mut changed = false;
    match &existing {
        None => {
            ctx.report
                .actions
                .push(format!("create registered model '{name}'"));
            if !ctx.dry() {
                let tags: Vec<(String, String)> = want_tags.clone().into_iter().collect();
                ctx.dst()?
                    .create_registered_model(name, text(&model.description), &tags)?;
            }
            ctx.report.tags_sent += want_tags.len() as u64;
        }
        Some(have) => {
            let mut what = Vec::new();
            if !same_text(&have.description, &model.description) {
                what.push("description".to_string());
                if !ctx.dry() {
                    ctx.dst()?
                        .update_registered_model(name, text(&model.description))?;
                }
            }
            let tags = changed_tags(&want_tags, &have.tags);
            if !tags.is_empty() {
                what.push(format!("{} tag(s)", tags.len()));
                ctx.report.tags_sent += tags.len() as u64;
                if !ctx.dry() {
                    for (k, v) in &tags {
                        ctx.dst()?.set_registered_model_tag(name, k, v)?;
                    }
                }
            }
            if !what.is_empty() {
                changed = true;
                ctx.report.actions.push(format!(
                    "send {} of registered model '{name}'",
                    what.join(", ")
                ));
            }
        }
    }

    let have_versions = match &existing {
        Some(_) => ctx.dst()?.list_model_versions(name)?,
        None => Vec::new(),
    };
    let mut by_source: HashMap<String, ModelVersion> = HashMap::new();
    for v in have_versions {
        if let Some(n) = v.tags.get(TAG_SOURCE_VERSION) {
            by_source.insert(n.clone(), v);
        }
    }
    // Source version number → destination version number.
    let mut numbers: HashMap<String, String> = HashMap::new();
    for v in versions {
        let key = v.version.to_string();
        match by_source.get(&key) {
            Some(have) => {
                numbers.insert(key, have.version.to_string());
                if update_version(ctx, v, have)? {
                    ctx.report.model_versions.updated += 1;
                } else {
                    ctx.report.model_versions.unchanged += 1;
                }
            }
            None => match register_version(ctx, v)? {
                Some(number) => {
                    ctx.report.model_versions.created += 1;
                    numbers.insert(key, number);
                }
                None => ctx.report.model_versions.skipped += 1,
            },
        }
    }

    let empty = BTreeMap::new();
    let have_aliases = existing.as_ref().map_or(&empty, |m| &m.aliases);
    for (alias, version) in &model.aliases {
        let Some(number) = numbers.get(version) else {
            ctx.warn(format!(
                "alias '{alias}' of model '{name}' not synced: version {version} was not synced"
            ));
            continue;
        };
        if have_aliases.get(alias) != Some(number) {
            changed = true;
            ctx.report.actions.push(format!(
                "set alias '{alias}' of model '{name}' → version {}",
                if number.is_empty() { "(new)" } else { number }
            ));
            if !ctx.dry() && !number.is_empty() {
                ctx.dst()?.set_registered_model_alias(name, alias, number)?;
            }
        }
    }
    if existing.is_none() {
        ctx.report.models.created += 1;
    } else if changed {
        ctx.report.models.updated += 1;
    } else {
        ctx.report.models.unchanged += 1;
    }
    Ok(())
}

/// Sends a mapped version's description, tags and stage where they differ.
fn update_version(ctx: &mut Ctx<'_>, src: &ModelVersion, have: &ModelVersion) -> Result<bool> {
    let (name, number) = (src.name.as_str(), have.version.to_string());
    let mut what = Vec::new();
    if !same_text(&have.description, &src.description) {
        what.push("description".to_string());
        if !ctx.dry() {
            ctx.dst()?
                .update_model_version(name, &number, text(&src.description))?;
        }
    }
    let tags = changed_tags(&copied_tags(&src.tags), &have.tags);
    if !tags.is_empty() {
        what.push(format!("{} tag(s)", tags.len()));
        ctx.report.tags_sent += tags.len() as u64;
        if !ctx.dry() {
            for (k, v) in &tags {
                ctx.dst()?.set_model_version_tag(name, &number, k, v)?;
            }
        }
    }
    if have.current_stage != src.current_stage {
        what.push(format!("stage {}", src.current_stage.as_str()));
        if !ctx.dry() {
            ctx.dst()?.transition_model_version_stage(
                name,
                &number,
                src.current_stage.as_str(),
                false,
            )?;
        }
    }
    if what.is_empty() {
        return Ok(false);
    }
    ctx.report.actions.push(format!(
        "send {} of model '{name}' version {} → {number}",
        what.join(", "),
        src.version
    ));
    Ok(true)
}

/// The path inside run `run_id`'s artifacts that `v` was registered from, when it was.
fn path_in_run(tracking: &dyn TrackingStore, run_id: &str, v: &ModelVersion) -> Option<String> {
    let root = tracking.get_run(run_id).ok()?.info.artifact_uri;
    let root = root.trim_end_matches('/');
    let candidates = [v.source.as_deref(), v.storage_location.as_deref()];
    for s in candidates.into_iter().flatten().filter(|s| !s.is_empty()) {
        if let Some(rest) = s.strip_prefix("runs:/") {
            let (id, path) = rest.split_once('/').unwrap_or((rest, ""));
            if id == run_id {
                return Some(path.trim_matches('/').to_string());
            }
            continue;
        }
        let s = s.trim_end_matches('/');
        if s == root {
            return Some(String::new());
        }
        if let Some(p) = s.strip_prefix(root).and_then(|r| r.strip_prefix('/')) {
            return Some(p.to_string());
        }
        // The same local directory spelled as a path and as a file: URI.
        if let (Some(a), Some(b)) = (local_artifact_path(s), local_artifact_path(root))
            && let Ok(p) = a.strip_prefix(&b)
        {
            return Some(p.to_string_lossy().replace('\\', "/"));
        }
    }
    None
}

/// Registers `v` again in the destination from the destination's copy of its run. Returns
/// the new version number (empty in a dry run), or None (with a warning) when it cannot be.
fn register_version(ctx: &mut Ctx<'_>, v: &ModelVersion) -> Result<Option<String>> {
    let name = v.name.as_str();
    let source = v.source.as_deref().unwrap_or("");
    let skip = |ctx: &mut Ctx<'_>, why: String| {
        ctx.warn(format!(
            "version {} of model '{name}' skipped: {why}",
            v.version
        ));
        Ok(None)
    };
    let Some(run_id) = v.run_id.as_deref().filter(|r| !r.is_empty()) else {
        return skip(
            ctx,
            format!(
                "its source '{source}' is not a run's artifact (only versions registered from a run can be synced)"
            ),
        );
    };
    if !ctx.runs.synced.contains(run_id) {
        return skip(ctx, format!("its run {run_id} is not synced"));
    }
    let Some(path) = path_in_run(ctx.ends.src, run_id, v) else {
        return skip(
            ctx,
            format!(
                "its source '{source}' is not inside the artifacts of run {run_id} (an MLflow 3 logged model, or a path outside the run)"
            ),
        );
    };
    let dst_run = ctx.runs.ids.get(run_id).cloned();
    ctx.report.actions.push(format!(
        "register model '{name}' version {} from runs:/{}/{path}",
        v.version,
        dst_run.as_deref().unwrap_or("(new)")
    ));
    let mut tags: Vec<(String, String)> = copied_tags(&v.tags).into_iter().collect();
    tags.push((TAG_SOURCE_VERSION.to_string(), v.version.to_string()));
    let Some(dst_run) = dst_run.filter(|_| !ctx.dry()) else {
        ctx.report.tags_sent += tags.len() as u64;
        return Ok(Some(String::new()));
    };
    let uri = format!("runs:/{dst_run}/{path}");
    if let Err(e) = ctx
        .dst()?
        .check_registration_source(ctx.dst_tracking()?, &uri)
    {
        ctx.report.actions.pop();
        return skip(
            ctx,
            format!("cannot register {uri} in the destination: {e}"),
        );
    }
    let mv =
        ctx.dst()?
            .register_model(ctx.dst_tracking()?, &uri, name, &tags, text(&v.description))?;
    ctx.report.tags_sent += tags.len() as u64;
    let number = mv.version.to_string();
    if v.current_stage != Stage::None {
        ctx.dst()?.transition_model_version_stage(
            name,
            &number,
            v.current_stage.as_str(),
            false,
        )?;
    }
    Ok(Some(number))
}
