//! `mlrs runs …`: the mlflow CLI's run commands plus logging from shell scripts.

use clap::Subcommand;
use serde::Deserialize;
use serde_json::{Value, json};

use super::util::{
    current_user, format_time, git_commit, parse_metric_value, parse_tags, read_input,
};
use super::{Ctx, io_out};
use crate::output::columns::{needed_parts, parse_columns, run_json, runs_table};
use crate::output::sparkline::sparkline;
use crate::output::{self, Format, OutputArgs, Rendered, Table, json as j};
use mlrs::entities::{Batch, Metric, Run, RunInfo, RunParts, RunStatus, ViewType, tags};
use mlrs::store::metric_history::python_float_repr;
use mlrs::store::now_ms;
use mlrs::{Error, Result, TrackingStore};

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List the runs of an experiment.
    #[command(
        after_help = "Example:\n  mlrs runs list --experiment-id 1 -o json\n  mlrs runs list --experiment-id 1 --columns metrics.accuracy,params.lr,tags.team\n  mlrs runs list --experiment-id 1 --filter \"metrics.accuracy > 0.9\" --order-by \"metrics.accuracy DESC\""
    )]
    List {
        #[arg(long = "experiment-id", env = "MLFLOW_EXPERIMENT_ID")]
        experiment_id: String,
        /// active_only, deleted_only or all.
        #[arg(short = 'v', long = "view", default_value = "active_only")]
        view: String,
        /// Columns to show, comma-separated: metrics.KEY, params.KEY, tags.KEY or an attribute
        /// (run_id, run_name, status, start_time, ...); without an attribute, name and id lead.
        #[arg(long, value_name = "COLUMNS")]
        columns: Option<String>,
        /// --filter, --order-by and paging as in `runs search` (a filtered list returns up to
        /// 50000 runs, MLflow's largest page, unless --max-results says otherwise).
        #[command(flatten)]
        search: super::search::SearchArgs,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Search runs with MLflow's filter and order_by language.
    Search(super::search::RunsSearchArgs),
    /// Show a run: info, metrics, params, tags, inputs and outputs.
    #[command(
        after_help = "Example:\n  mlrs runs describe --run-id 3f2a9c... -o json | jq .data.metrics"
    )]
    Describe {
        #[arg(long = "run-id")]
        run_id: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Create a run and end it at once with a status (like `mlflow runs create`).
    #[command(
        after_help = "Example:\n  mlrs runs create --experiment-name nightly --run-name smoke -t env=ci --status finished"
    )]
    Create {
        #[command(flatten)]
        new: NewRunArgs,
        /// Final status: finished, failed or killed.
        #[arg(long, default_value = "finished", value_parser = ["finished", "failed", "killed", "FINISHED", "FAILED", "KILLED"])]
        status: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Start a RUNNING run with MLflow's context tags; end it with `runs end`.
    #[command(
        after_help = "Example:\n  RUN=$(mlrs runs start -q --experiment-name nightly --run-name train)"
    )]
    Start {
        #[command(flatten)]
        new: NewRunArgs,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// End a run with a status (default finished).
    #[command(after_help = "Example:\n  mlrs runs end --run-id \"$RUN\" --status failed")]
    End {
        #[arg(long = "run-id")]
        run_id: String,
        #[arg(long, default_value = "finished", value_parser = ["finished", "failed", "killed", "FINISHED", "FAILED", "KILLED"])]
        status: String,
    },
    /// Mark a run deleted (restore it with `runs restore`).
    #[command(after_help = "Example:\n  mlrs runs delete --run-id \"$RUN\"")]
    Delete {
        #[arg(long = "run-id")]
        run_id: String,
    },
    /// Restore a deleted run.
    #[command(after_help = "Example:\n  mlrs runs restore --run-id \"$RUN\"")]
    Restore {
        #[arg(long = "run-id")]
        run_id: String,
    },
    /// Log a param (params are immutable: the same value again is fine, another is an error).
    #[command(after_help = "Example:\n  mlrs runs log-param --run-id \"$RUN\" learning_rate 0.01")]
    LogParam {
        #[arg(long = "run-id")]
        run_id: String,
        key: String,
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Log one metric value (nan, inf and -inf accepted).
    #[command(after_help = "Example:\n  mlrs runs log-metric --run-id \"$RUN\" loss -0.5 --step 3")]
    LogMetric {
        #[arg(long = "run-id")]
        run_id: String,
        key: String,
        #[arg(allow_hyphen_values = true)]
        value: String,
        #[arg(long, default_value_t = 0, allow_hyphen_values = true)]
        step: i64,
        /// Epoch milliseconds [default: now].
        #[arg(long)]
        timestamp: Option<i64>,
    },
    /// Log metrics, params and tags from MLflow's LogBatch JSON body (a file, or - for stdin).
    #[command(
        after_help = "Example:\n  mlrs runs log-batch --run-id \"$RUN\" --json batch.json\n  echo '{\"metrics\":[{\"key\":\"acc\",\"value\":0.9,\"step\":1}]}' \\\n    | mlrs runs log-batch --run-id \"$RUN\" --json -"
    )]
    LogBatch {
        #[arg(long = "run-id")]
        run_id: String,
        /// File with the JSON body, or - for standard input.
        #[arg(long = "json")]
        json: String,
    },
    /// Set a run tag (mlflow.runName also renames the run).
    #[command(after_help = "Example:\n  mlrs runs set-tag --run-id \"$RUN\" stage candidate")]
    SetTag {
        #[arg(long = "run-id")]
        run_id: String,
        key: String,
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Delete a run tag.
    #[command(after_help = "Example:\n  mlrs runs delete-tag --run-id \"$RUN\" stage")]
    DeleteTag {
        #[arg(long = "run-id")]
        run_id: String,
        key: String,
    },
    /// End runs left RUNNING by killed jobs (no write for longer than --older-than).
    #[command(
        after_help = "The last write: on a file store, the newest change to the run's files; on a SQLite\nstore, the run's start time or newest metric timestamp.\n\nExample:\n  mlrs runs close-stale --older-than 12h --status killed --dry-run"
    )]
    CloseStale {
        /// How long without any write: 1d2h3m4s, each part optional.
        #[arg(long = "older-than")]
        older_than: String,
        /// The status to end them with: killed, failed or finished.
        #[arg(long, default_value = "killed", value_parser = ["finished", "failed", "killed", "FINISHED", "FAILED", "KILLED"])]
        status: String,
        /// Only runs of these experiments (comma-separated ids).
        #[arg(long = "experiment-ids", value_delimiter = ',')]
        experiment_ids: Option<Vec<String>>,
        /// List them, change nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Every logged value of one metric, in logging order.
    #[command(after_help = "Example:\n  mlrs runs metric-history --run-id \"$RUN\" loss -o csv")]
    MetricHistory {
        #[arg(long = "run-id")]
        run_id: String,
        key: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Params, metrics (latest, min, max) and tags of runs side by side, differences marked.
    #[command(after_help = "Example:\n  mlrs runs compare \"$RUN_A\" \"$RUN_B\" --only-changed")]
    Compare(super::compare::Args),
    /// Line charts of metric histories, in the terminal or as SVG/PNG files.
    #[command(
        after_help = "Example:\n  mlrs runs plot --run-id \"$RUN_A\" --run-id \"$RUN_B\" --metric loss --png loss.png"
    )]
    Plot(super::plot::Args),
    /// Print the id of the run with the best latest value of a metric (NaN and missing never win).
    #[command(
        after_help = "Example:\n  mlrs runs best --experiment-ids 1,2 --metric accuracy --max\n  RUN=$(mlrs runs best --experiment-ids 1 --metric loss --min)"
    )]
    Best(super::best::Args),
    /// Export a run (run.json with every metric point, and its artifacts) in mlflow-export-import's layout.
    #[command(
        after_help = "Example:\n  mlrs runs export --run-id \"$RUN\" --output-dir export/run"
    )]
    Export(super::transfer::RunExportArgs),
    /// Import a run exported by mlrs or mlflow-export-import, keeping its id, times and history.
    #[command(after_help = "Example:\n  mlrs runs import --input-dir export/run --experiment-id 1")]
    Import(super::transfer::RunImportArgs),
}

/// Options shared by `runs create` and `runs start`.
#[derive(Debug, clap::Args)]
pub struct NewRunArgs {
    #[arg(
        long = "experiment-id",
        conflicts_with = "experiment_name",
        required_unless_present = "experiment_name"
    )]
    pub experiment_id: Option<String>,
    /// Created if it does not exist yet (like mlflow.set_experiment).
    #[arg(long = "experiment-name", allow_hyphen_values = true)]
    pub experiment_name: Option<String>,
    #[arg(long = "run-name", allow_hyphen_values = true)]
    pub run_name: Option<String>,
    /// Stored as the mlflow.note.content tag.
    #[arg(long, allow_hyphen_values = true)]
    pub description: Option<String>,
    /// key=value, repeatable.
    #[arg(short = 't', long = "tags", value_name = "KEY=VALUE")]
    pub tags: Vec<String>,
    /// Makes this a nested run of that parent.
    #[arg(long = "parent-run-id")]
    pub parent_run_id: Option<String>,
}

pub fn run(cmd: Cmd, ctx: &Ctx) -> Result<()> {
    match cmd {
        Cmd::List {
            experiment_id,
            view,
            columns,
            mut search,
            out,
        } if search.any()
            || (columns.is_none() && matches!(out.output, Format::Json | Format::Jsonl)) =>
        {
            // Filtered lists, and whole runs as JSON (streamed, in MLflow's default order).
            let all_pages = !search.any();
            search.max_results.get_or_insert(50_000);
            let args = super::search::RunsSearchArgs {
                experiment_ids: vec![experiment_id],
                experiment_names: Vec::new(),
                view,
                search,
                columns,
                out,
                all_pages,
            };
            super::search::runs(args, ctx)
        }
        Cmd::List {
            experiment_id,
            view,
            columns,
            out,
            ..
        } => {
            let store = ctx.read_store()?;
            let columns = columns.as_deref().map(parse_columns).transpose()?;
            // JSON documents are whole runs (as `mlflow runs describe`); a table needs info only.
            let whole = columns.is_none() && matches!(out.output, Format::Json | Format::Jsonl);
            let parts = if whole {
                RunParts::ALL
            } else {
                columns.as_deref().map_or(RunParts::INFO, needed_parts)
            };
            let mut runs = store.list_runs(&[experiment_id], ViewType::parse(&view)?, parts)?;
            sort_runs_default(&mut runs);
            if out.quiet {
                runs.iter().for_each(|r| println!("{}", r.info.run_id));
                return Ok(());
            }
            if let Some(columns) = columns {
                let t = runs_table(&runs, &columns, format_time);
                let items = runs.iter().map(|r| run_json(r, &columns)).collect();
                return output::emit(out.output, Rendered::List(items, t)).map_err(io_out);
            }
            let mut t = Table::new(&["Date", "Name", "ID", "Status"]);
            for r in &runs {
                t.row(vec![
                    format_time(r.info.start_time),
                    r.info.run_name.clone(),
                    r.info.run_id.clone(),
                    r.info.status.to_string(),
                ]);
            }
            let items = runs.iter().map(j::run).collect();
            output::emit(out.output, Rendered::List(items, t)).map_err(io_out)
        }
        Cmd::Search(args) => super::search::runs(args, ctx),
        Cmd::Describe { run_id, out } => {
            let store = ctx.read_store()?;
            let run = store.get_run(&run_id)?;
            if out.quiet {
                println!("{}", run.info.run_id);
                return Ok(());
            }
            let mut table = describe_table(&run);
            if out.output == Format::Table {
                add_sparklines(&*store, &run, &mut table)?;
            }
            output::emit(out.output, Rendered::Record(j::run(&run), table)).map_err(io_out)
        }
        Cmd::Create { new, status, out } => {
            let store = ctx.write_store()?;
            let info = start_run(&*store, &new)?;
            let status = RunStatus::parse(&status)?;
            let info = store.update_run_info(&info.run_id, status, Some(now_ms()), None)?;
            if out.quiet {
                println!("{}", info.run_id);
            } else {
                let v = json!({
                    "run_id": info.run_id, "experiment_id": info.experiment_id,
                    "status": status.name(), "run_name": info.run_name,
                });
                println!("{}", output::pretty(&v));
            }
            Ok(())
        }
        Cmd::Start { new, out } => {
            let store = ctx.write_store()?;
            let info = start_run(&*store, &new)?;
            if out.quiet {
                println!("{}", info.run_id);
            } else if matches!(out.output, Format::Json | Format::Jsonl) {
                let run = store.get_run(&info.run_id)?;
                output::emit(out.output, Rendered::Record(j::run(&run), Table::default()))
                    .map_err(io_out)?;
            } else {
                println!(
                    "Started run {} ('{}') in experiment {}",
                    info.run_id, info.run_name, info.experiment_id
                );
            }
            Ok(())
        }
        Cmd::End { run_id, status } => {
            let store = ctx.read_store()?;
            store.update_run_info(&run_id, RunStatus::parse(&status)?, Some(now_ms()), None)?;
            Ok(())
        }
        Cmd::Delete { run_id } => {
            ctx.read_store()?.delete_run(&run_id)?;
            println!("Run with ID {run_id} has been deleted.");
            Ok(())
        }
        Cmd::Restore { run_id } => {
            ctx.read_store()?.restore_run(&run_id)?;
            println!("Run with id {run_id} has been restored.");
            Ok(())
        }
        Cmd::LogParam { run_id, key, value } => ctx.read_store()?.log_param(&run_id, &key, &value),
        Cmd::LogMetric {
            run_id,
            key,
            value,
            step,
            timestamp,
        } => {
            let value = parse_metric_value(&value)?;
            let metric = Metric {
                key,
                value,
                timestamp: timestamp.unwrap_or_else(now_ms),
                step,
                dataset_name: None,
                dataset_digest: None,
            };
            ctx.read_store()?.log_metric(&run_id, metric)
        }
        Cmd::LogBatch { run_id, json } => {
            let text = read_input(&json)?;
            let batch = parse_batch(&text)?;
            ctx.read_store()?.log_batch(&run_id, &batch)
        }
        Cmd::SetTag { run_id, key, value } => ctx.read_store()?.set_tag(&run_id, &key, &value),
        Cmd::DeleteTag { run_id, key } => ctx.read_store()?.delete_tag(&run_id, &key),
        Cmd::CloseStale {
            older_than,
            status,
            experiment_ids,
            dry_run,
            out,
        } => {
            let store = ctx.read_store()?;
            let age = mlrs::store::gc::parse_older_than(&older_than)?;
            let status = RunStatus::parse(&status)?;
            let ids = experiment_ids.as_deref();
            // (run info, last activity): on files the newest write to the run's files, in a
            // database its start time or newest metric timestamp.
            let stale: Vec<(RunInfo, i64)> = if let Some(sql) = store.as_sql_store() {
                let found = if dry_run {
                    sql.stale_runs(age, ids)?
                } else {
                    sql.close_stale_runs(age, ids, status)?
                };
                found
                    .into_iter()
                    .map(|s| (s.info, s.last_activity))
                    .collect()
            } else {
                let store = store
                    .as_file_store()
                    .ok_or_else(|| mlrs::backend::local_stores_only("runs close-stale"))?;
                let found = store.stale_runs(age, ids)?;
                if !dry_run {
                    store.close_stale_runs(&found, status)?;
                }
                found
                    .into_iter()
                    .map(|s| (s.info, s.last_activity))
                    .collect()
            };
            if out.quiet {
                stale
                    .iter()
                    .for_each(|(info, _)| println!("{}", info.run_id));
                return Ok(());
            }
            let mut t = Table::new(&["ID", "Name", "Experiment", "Last activity", "Action"]);
            let action = if dry_run { "would end" } else { "ended" };
            for (info, last_activity) in &stale {
                t.row(vec![
                    info.run_id.clone(),
                    info.run_name.clone(),
                    info.experiment_id.clone(),
                    format_time(Some(*last_activity)),
                    format!("{action} {status}"),
                ]);
            }
            let items = stale
                .iter()
                .map(|(info, last_activity)| json!({"run_id": info.run_id, "experiment_id": info.experiment_id, "last_activity": last_activity, "status": status.name(), "dry_run": dry_run}))
                .collect();
            output::emit(out.output, Rendered::List(items, t)).map_err(io_out)
        }
        Cmd::MetricHistory { run_id, key, out } => {
            let history = ctx.read_store()?.get_metric_history(&run_id, &key)?;
            if out.quiet {
                history
                    .iter()
                    .for_each(|m| println!("{}", python_float_repr(m.value)));
                return Ok(());
            }
            let mut t = Table::new(&["step", "timestamp", "value"]);
            for m in &history {
                t.row(vec![
                    m.step.to_string(),
                    m.timestamp.to_string(),
                    python_float_repr(m.value),
                ]);
            }
            let items = history.iter().map(j::metric).collect();
            output::emit(out.output, Rendered::List(items, t)).map_err(io_out)?;
            if out.output == Format::Table && !history.is_empty() {
                println!("{}", history_summary(&history));
            }
            Ok(())
        }
        Cmd::Compare(args) => super::compare::run(args, ctx),
        Cmd::Plot(args) => super::plot::run(args, ctx),
        Cmd::Best(args) => super::best::run(args, ctx),
        Cmd::Export(args) => super::transfer::export_run(args, ctx),
        Cmd::Import(args) => super::transfer::import_run(args, ctx),
    }
}

/// Widest sparkline in tables, in characters.
const SPARK_WIDTH: usize = 24;

/// `▁▃▅▇█  5 points · min 0.1 · max 0.9 · last 0.9`: the line under a metric-history table.
fn history_summary(history: &[Metric]) -> String {
    let values: Vec<f64> = history.iter().map(|m| m.value).collect();
    let finite = values.iter().copied().filter(|v| !v.is_nan());
    let min = finite.clone().fold(f64::INFINITY, f64::min);
    let max = finite.fold(f64::NEG_INFINITY, f64::max);
    let mut line = format!(
        "{}  {} points",
        sparkline(&values, SPARK_WIDTH * 2),
        values.len()
    );
    if min <= max {
        line.push_str(&format!(
            " · min {} · max {}",
            python_float_repr(min),
            python_float_repr(max)
        ));
    }
    if let Some(last) = history.last() {
        line.push_str(&format!(" · last {}", python_float_repr(last.value)));
    }
    line
}

/// Appends each metric's history as a sparkline to its row of the describe table (for
/// metrics logged more than once).
fn add_sparklines(store: &dyn TrackingStore, run: &Run, table: &mut Table) -> Result<()> {
    for row in table.rows.iter_mut() {
        let Some(key) = row[0].strip_prefix("metrics.") else {
            continue;
        };
        let history = store.get_metric_history(&run.info.run_id, key)?;
        if history.len() > 1 {
            let values: Vec<f64> = history.iter().map(|m| m.value).collect();
            row[1] = format!("{}  {}", row[1], sparkline(&values, SPARK_WIDTH));
        }
    }
    Ok(())
}

/// Creates a RUNNING run with the context tags MLflow's fluent `start_run` sets.
fn start_run(store: &dyn TrackingStore, new: &NewRunArgs) -> Result<mlrs::entities::RunInfo> {
    let experiment_id = match (&new.experiment_id, &new.experiment_name) {
        (Some(id), _) => id.clone(),
        (None, Some(name)) => store.get_or_create_experiment(name)?.experiment_id,
        (None, None) => return Err(Error::invalid("give --experiment-id or --experiment-name")),
    };
    let mut run_tags = parse_tags(&new.tags)?;
    let user = current_user();
    let mut context = vec![
        (tags::USER.to_string(), user.clone()),
        (tags::SOURCE_NAME.to_string(), "mlrs".to_string()),
        (tags::SOURCE_TYPE.to_string(), "LOCAL".to_string()),
    ];
    if let Some(commit) = std::env::current_dir().ok().and_then(|d| git_commit(&d)) {
        context.push((tags::GIT_COMMIT.to_string(), commit));
    }
    if let Some(desc) = &new.description {
        context.push((tags::NOTE.to_string(), desc.clone()));
    }
    if let Some(parent) = &new.parent_run_id {
        store.check_run_exists(parent)?;
        context.push((tags::PARENT_RUN_ID.to_string(), parent.clone()));
    }
    for (k, v) in context {
        if !run_tags.iter().any(|(existing, _)| *existing == k) {
            run_tags.push((k, v));
        }
    }
    store.create_run(
        &experiment_id,
        &user,
        now_ms(),
        new.run_name.as_deref(),
        &run_tags,
    )
}

/// MLflow's default run order: start_time DESC, then run_id ASC.
pub fn sort_runs_default(runs: &mut [Run]) {
    runs.sort_by(|a, b| {
        b.info
            .start_time
            .cmp(&a.info.start_time)
            .then_with(|| a.info.run_id.cmp(&b.info.run_id))
    });
}

/// The columns of `mlflow experiments csv` (pandas `search_runs`): attributes, then
/// `metrics.*`, `params.*`, `tags.*`, each sorted.
pub fn runs_csv_table(runs: &[Run]) -> Table {
    use std::collections::BTreeSet;
    let mut metric_keys = BTreeSet::new();
    let mut param_keys = BTreeSet::new();
    let mut tag_keys = BTreeSet::new();
    for r in runs {
        metric_keys.extend(r.data.metrics.keys().cloned());
        param_keys.extend(r.data.params.keys().cloned());
        tag_keys.extend(r.data.tags.keys().cloned());
    }
    let mut headers: Vec<String> = [
        "run_id",
        "experiment_id",
        "status",
        "artifact_uri",
        "start_time",
        "end_time",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    headers.extend(metric_keys.iter().map(|k| format!("metrics.{k}")));
    headers.extend(param_keys.iter().map(|k| format!("params.{k}")));
    headers.extend(tag_keys.iter().map(|k| format!("tags.{k}")));
    let mut t = Table {
        headers,
        ..Table::default()
    };
    for r in runs {
        let mut row = vec![
            r.info.run_id.clone(),
            r.info.experiment_id.clone(),
            r.info.status.to_string(),
            r.info.artifact_uri.clone(),
            utc_time(r.info.start_time),
            utc_time(r.info.end_time),
        ];
        row.extend(metric_keys.iter().map(|k| {
            r.data
                .metrics
                .get(k)
                .map(|m| python_float_repr(m.value))
                .unwrap_or_default()
        }));
        row.extend(
            param_keys
                .iter()
                .map(|k| r.data.params.get(k).cloned().unwrap_or_default()),
        );
        row.extend(
            tag_keys
                .iter()
                .map(|k| r.data.tags.get(k).cloned().unwrap_or_default()),
        );
        t.row(row);
    }
    t
}

/// pandas' rendering of a UTC timestamp (`2024-01-01 10:00:00.123000+00:00`).
fn utc_time(ms: Option<i64>) -> String {
    ms.and_then(chrono::DateTime::from_timestamp_millis)
        .map(|t| t.format("%Y-%m-%d %H:%M:%S%.6f+00:00").to_string())
        .unwrap_or_default()
}

fn describe_table(run: &Run) -> Table {
    let mut t = Table::new(&["Field", "Value"]);
    let i = &run.info;
    for (k, v) in [
        ("run_id", i.run_id.clone()),
        ("run_name", i.run_name.clone()),
        ("experiment_id", i.experiment_id.clone()),
        ("status", i.status.to_string()),
        ("user_id", i.user_id.clone()),
        ("start_time", format_time(i.start_time)),
        ("end_time", format_time(i.end_time)),
        ("artifact_uri", i.artifact_uri.clone()),
        ("lifecycle_stage", i.lifecycle_stage.to_string()),
    ] {
        t.row(vec![k.to_string(), v]);
    }
    for (k, m) in &run.data.metrics {
        t.row(vec![format!("metrics.{k}"), python_float_repr(m.value)]);
    }
    for (k, v) in &run.data.params {
        t.row(vec![format!("params.{k}"), v.clone()]);
    }
    for (k, v) in &run.data.tags {
        t.row(vec![format!("tags.{k}"), v.clone()]);
    }
    t
}

#[derive(Deserialize)]
struct BatchIn {
    #[serde(default)]
    metrics: Vec<MetricIn>,
    #[serde(default)]
    params: Vec<KeyValueIn>,
    #[serde(default)]
    tags: Vec<KeyValueIn>,
}

#[derive(Deserialize)]
struct MetricIn {
    key: String,
    value: Value,
    timestamp: Option<Value>,
    step: Option<Value>,
}

#[derive(Deserialize)]
struct KeyValueIn {
    key: String,
    value: Value,
}

/// Parses MLflow's LogBatch JSON body. Metric values may be numbers or the strings
/// "NaN", "Infinity", "-Infinity" (protobuf JSON); integers may be strings too.
pub fn parse_batch(text: &str) -> Result<Batch> {
    let body: BatchIn = serde_json::from_str(text)
        .map_err(|e| Error::invalid(format!("invalid log-batch JSON: {e}")))?;
    let now = now_ms();
    let int = |v: &Option<Value>, what: &str, default: i64| -> Result<i64> {
        match v {
            None | Some(Value::Null) => Ok(default),
            Some(Value::Number(n)) if n.is_i64() => Ok(n.as_i64().unwrap_or(default)),
            Some(Value::String(s)) => s
                .trim()
                .parse()
                .map_err(|_| Error::invalid(format!("invalid {what} '{s}': expected an integer"))),
            Some(other) => Err(Error::invalid(format!(
                "invalid {what} {other}: expected an integer"
            ))),
        }
    };
    let mut metrics = Vec::new();
    for m in body.metrics {
        let value = match &m.value {
            Value::Number(n) => n
                .as_f64()
                .ok_or_else(|| Error::invalid(format!("invalid metric value {n}")))?,
            Value::String(s) => parse_metric_value(s)?,
            other => {
                return Err(Error::invalid(format!(
                    "invalid value {other} for metric '{}': expected a number",
                    m.key
                )));
            }
        };
        metrics.push(Metric {
            timestamp: int(&m.timestamp, "timestamp", now)?,
            step: int(&m.step, "step", 0)?,
            key: m.key,
            value,
            dataset_name: None,
            dataset_digest: None,
        });
    }
    let text_value = |v: Value| match v {
        Value::String(s) => s,
        Value::Null => "None".to_string(),
        other => other.to_string(),
    };
    Ok(Batch {
        metrics,
        params: body
            .params
            .into_iter()
            .map(|p| (p.key, text_value(p.value)))
            .collect(),
        tags: body
            .tags
            .into_iter()
            .map(|t| (t.key, text_value(t.value)))
            .collect(),
    })
}
