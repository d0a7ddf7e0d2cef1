//! `mlrs runs best`: the run with the highest (or lowest) latest value of a metric, printed as
//! its id for `RUN=$(mlrs runs best ...)`. Ordering is MLflow's `ORDER BY metrics.KEY` with its
//! tie-breakers; a run whose value is NaN or missing never wins.

use std::cmp::Ordering;

use super::{Ctx, io_out};
use crate::output::{self, Format, OutputArgs, Rendered, Table, json as j};
use clap::ArgGroup;
use mlrs::TrackingStore;
use mlrs::entities::RunParts;
use mlrs::entities::{Run, ViewType};
use mlrs::search::SearchQuery;
use mlrs::store::metric_history::python_float_repr;
use mlrs::{Error, Result};

#[derive(Debug, clap::Args)]
#[command(group(
    ArgGroup::new("experiments")
        .required(true)
        .multiple(true)
        .args(["experiment_ids", "experiment_names"])
))]
pub struct Args {
    /// Experiments to look in (comma-separated ids).
    #[arg(long = "experiment-ids", value_delimiter = ',', value_name = "IDS")]
    pub experiment_ids: Vec<String>,
    /// Experiments to look in, by name (comma-separated).
    #[arg(long = "experiment-names", value_delimiter = ',', value_name = "NAMES")]
    pub experiment_names: Vec<String>,
    /// The metric to rank by (its latest value in each run).
    #[arg(long, value_name = "KEY")]
    pub metric: String,
    /// The highest value wins (the default).
    #[arg(long, conflicts_with = "min")]
    pub max: bool,
    /// The lowest value wins.
    #[arg(long)]
    pub min: bool,
    /// Only runs matching this MLflow filter string (as `runs search --filter`).
    #[arg(long, value_name = "STR", allow_hyphen_values = true)]
    pub filter: Option<String>,
    /// active_only, deleted_only or all.
    #[arg(short = 'v', long = "view", default_value = "active_only")]
    pub view: String,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<()> {
    mlrs::validate::validate_metric_name(&args.metric, "metric")?;
    let store = ctx.read_store()?;
    let experiment_ids =
        resolve_experiments(&*store, &args.experiment_ids, &args.experiment_names)?;
    let view = ViewType::parse(&args.view)?;
    let runs = candidates(
        &*store,
        &experiment_ids,
        view,
        args.filter.as_deref(),
        &args.metric,
        !args.min,
    )?;
    let Some(best) = best_run(&runs, &args.metric, !args.min) else {
        return Err(Error::not_found(format!(
            "no run in experiment(s) {} has a value for metric '{}' (NaN does not count)",
            experiment_ids.join(","),
            args.metric
        )));
    };
    if args.out.quiet || args.out.output == Format::Table {
        println!("{}", best.info.run_id);
        return Ok(());
    }
    let run = store.get_run(&best.info.run_id)?;
    let mut t = Table::new(&[
        "run_id",
        "run_name",
        "experiment_id",
        &format!("metrics.{}", args.metric),
    ]);
    t.row(vec![
        run.info.run_id.clone(),
        run.info.run_name.clone(),
        run.info.experiment_id.clone(),
        run.data
            .metrics
            .get(&args.metric)
            .map(|m| python_float_repr(m.value))
            .unwrap_or_default(),
    ]);
    output::emit(args.out.output, Rendered::Record(j::run(&run), t)).map_err(io_out)
}

/// Experiment ids from `--experiment-ids` (each must exist) and `--experiment-names`.
fn resolve_experiments(
    store: &dyn TrackingStore,
    ids: &[String],
    names: &[String],
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for id in ids.iter().filter(|i| !i.trim().is_empty()) {
        out.push(store.get_experiment(id.trim())?.experiment_id);
    }
    for name in names {
        out.push(store.get_experiment_by_name(name)?.experiment_id);
    }
    out.dedup();
    Ok(out)
}

/// The runs that can win: MLflow's `search_runs` ordered by `metrics.KEY DESC` (or `ASC`),
/// of which only the first matters, since runs without the metric or with NaN sort last.
/// Only that metric's file is read in each run (and whatever `filter` needs).
fn candidates(
    store: &dyn TrackingStore,
    experiment_ids: &[String],
    view: ViewType,
    filter: Option<&str>,
    key: &str,
    maximize: bool,
) -> Result<Vec<Run>> {
    let order_by = [format!(
        "metrics.`{key}` {}",
        if maximize { "DESC" } else { "ASC" }
    )];
    let query = SearchQuery {
        filter: filter.unwrap_or(""),
        order_by: &order_by,
        max_results: 1,
        page_token: None,
    };
    let page = store.search_runs(experiment_ids, view, &query)?;
    let parts = RunParts {
        metrics: true,
        ..RunParts::INFO
    };
    store.read_runs(page.items, parts).into_iter().collect()
}

/// The winner under MLflow's `ORDER BY metrics.KEY DESC` (or `ASC` when `!maximize`), then
/// its default order (start_time DESC, run_id ASC). Runs without the metric or with NaN
/// never win; +inf wins a max, -inf a min.
pub fn best_run<'a>(runs: &'a [Run], key: &str, maximize: bool) -> Option<&'a Run> {
    let value = |r: &Run| {
        r.data
            .metrics
            .get(key)
            .map(|m| m.value)
            .filter(|v| !v.is_nan())
    };
    runs.iter()
        .filter_map(|r| value(r).map(|v| (r, v)))
        .min_by(|(a, va), (b, vb)| {
            let by_value = if maximize {
                vb.total_cmp(va)
            } else {
                va.total_cmp(vb)
            };
            by_value
                .then_with(|| cmp_start_desc(a.info.start_time, b.info.start_time))
                .then_with(|| a.info.run_id.cmp(&b.info.run_id))
        })
        .map(|(r, _)| r)
}

/// Newest first; a run without a start time last.
fn cmp_start_desc(a: Option<i64>, b: Option<i64>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mlrs::entities::{LifecycleStage, Metric, RunData, RunInfo, RunStatus};

    fn run(id: &str, start: i64, value: Option<f64>) -> Run {
        let mut data = RunData::default();
        if let Some(v) = value {
            data.metrics.insert(
                "acc".into(),
                Metric {
                    key: "acc".into(),
                    value: v,
                    timestamp: 0,
                    step: 0,
                    dataset_name: None,
                    dataset_digest: None,
                },
            );
        }
        Run {
            info: RunInfo {
                run_id: id.into(),
                run_name: id.into(),
                experiment_id: "1".into(),
                user_id: "u".into(),
                status: RunStatus::Finished,
                start_time: Some(start),
                end_time: None,
                artifact_uri: String::new(),
                lifecycle_stage: LifecycleStage::Active,
                deleted_time: None,
            },
            data,
            inputs: Default::default(),
            outputs: Default::default(),
        }
    }

    fn best(runs: &[Run], maximize: bool) -> Option<&str> {
        best_run(runs, "acc", maximize).map(|r| r.info.run_id.as_str())
    }

    #[test]
    fn nan_and_missing_never_win() {
        let runs = [
            run("a", 1, Some(f64::NAN)),
            run("b", 2, None),
            run("c", 3, Some(0.1)),
        ];
        assert_eq!(best(&runs, true), Some("c"));
        assert_eq!(best(&runs, false), Some("c"));
        assert_eq!(best(&runs[..2], true), None);
    }

    #[test]
    fn infinities_win_their_direction() {
        let runs = [
            run("a", 1, Some(f64::INFINITY)),
            run("b", 1, Some(f64::NEG_INFINITY)),
            run("c", 1, Some(0.0)),
        ];
        assert_eq!(best(&runs, true), Some("a"));
        assert_eq!(best(&runs, false), Some("b"));
    }

    #[test]
    fn ties_go_to_the_newest_run_then_the_smallest_id() {
        let runs = [
            run("b", 1, Some(0.9)),
            run("a", 1, Some(0.9)),
            run("c", 5, Some(0.9)),
        ];
        assert_eq!(best(&runs, true), Some("c"));
        assert_eq!(best(&runs[..2], true), Some("a"));
    }
}
