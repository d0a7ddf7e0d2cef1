//! `mlrs runs compare RUN RUN...`: params, metrics (latest, and min/max over the history) and
//! tags of runs side by side; rows whose values differ are marked `≠` (and yellow in colour).

use serde_json::{Value, json};

use super::{Ctx, io_out};
use crate::output::{self, Format, OutputArgs, Rendered, Table, json as j};
use mlrs::Result;
use mlrs::entities::{Run, RunInfo};
use mlrs::store::metric_history::python_float_repr;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Run ids, two or more, shown in this order.
    #[arg(value_name = "RUN", num_args = 2.., required = true)]
    pub runs: Vec<String>,
    /// Show only the rows whose values differ between the runs.
    #[arg(long)]
    pub only_changed: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// One param or tag across the runs (`None` where a run lacks it).
struct TextRow {
    key: String,
    values: Vec<Option<String>>,
}

/// One metric across the runs: latest value, and min and max over each run's history.
struct MetricRow {
    key: String,
    latest: Vec<Option<f64>>,
    min: Vec<Option<f64>>,
    max: Vec<Option<f64>>,
    /// Whether any run logged this metric more than once (min/max then say something).
    has_history: bool,
}

fn text_changed(values: &[Option<String>]) -> bool {
    values.windows(2).any(|w| w[0] != w[1])
}

/// Differs when the values print differently (so NaN equals NaN).
fn float_changed(values: &[Option<f64>]) -> bool {
    let repr: Vec<Option<String>> = values.iter().map(|v| v.map(python_float_repr)).collect();
    text_changed(&repr)
}

impl MetricRow {
    fn changed(&self) -> bool {
        float_changed(&self.latest) || float_changed(&self.min) || float_changed(&self.max)
    }
}

pub fn run(args: Args, ctx: &Ctx) -> Result<()> {
    let store = ctx.read_store()?;
    let runs: Vec<Run> = args
        .runs
        .iter()
        .map(|id| store.get_run(id))
        .collect::<Result<_>>()?;
    if args.out.quiet {
        runs.iter().for_each(|r| println!("{}", r.info.run_id));
        return Ok(());
    }

    let Comparison {
        params,
        metrics,
        tags,
    } = compare(
        &runs,
        &|run_id, key| store.get_metric_history(run_id, key),
        args.only_changed,
    )?;

    let value = json!({
        "runs": runs.iter().map(|r| j::run_info(&r.info)).collect::<Vec<_>>(),
        "params": params.iter().map(text_json).collect::<Vec<_>>(),
        "metrics": metrics.iter().map(|m| json!({
            "key": m.key,
            "latest": floats(&m.latest),
            "min": floats(&m.min),
            "max": floats(&m.max),
            "changed": m.changed(),
        })).collect::<Vec<_>>(),
        "tags": tags.iter().map(text_json).collect::<Vec<_>>(),
    });
    let table = match args.out.output {
        Format::Csv | Format::Tsv => flat_table(&runs, &params, &metrics, &tags),
        _ => human_table(&runs, &params, &metrics, &tags),
    };
    output::emit(args.out.output, Rendered::Record(value, table)).map_err(io_out)
}

/// The rows of a comparison of `runs`: params, metrics (latest, min and max over each run's
/// history, read through `history(run_id, key)`) and tags; with `only_changed`, only the rows
/// whose values differ.
pub struct Comparison {
    params: Vec<TextRow>,
    metrics: Vec<MetricRow>,
    tags: Vec<TextRow>,
}

#[allow(clippy::type_complexity)]
pub fn compare(
    runs: &[Run],
    history: &dyn Fn(&str, &str) -> Result<Vec<mlrs::entities::Metric>>,
    only_changed: bool,
) -> Result<Comparison> {
    let keys = |f: &dyn Fn(&Run) -> Vec<String>| {
        let mut all: Vec<String> = runs.iter().flat_map(f).collect();
        all.sort();
        all.dedup();
        all
    };
    let text_rows = |names: Vec<String>, get: &dyn Fn(&Run, &str) -> Option<String>| {
        names
            .into_iter()
            .map(|key| TextRow {
                values: runs.iter().map(|r| get(r, &key)).collect(),
                key,
            })
            .filter(|row| !only_changed || text_changed(&row.values))
            .collect::<Vec<_>>()
    };
    let params = text_rows(
        keys(&|r| r.data.params.keys().cloned().collect()),
        &|r, k| r.data.params.get(k).cloned(),
    );
    let tags = text_rows(keys(&|r| r.data.tags.keys().cloned().collect()), &|r, k| {
        r.data.tags.get(k).cloned()
    });
    let mut metrics = Vec::new();
    for key in keys(&|r| r.data.metrics.keys().cloned().collect()) {
        let mut row = MetricRow {
            key: key.clone(),
            latest: Vec::new(),
            min: Vec::new(),
            max: Vec::new(),
            has_history: false,
        };
        for r in runs {
            row.latest.push(r.data.metrics.get(&key).map(|m| m.value));
            let history = if r.data.metrics.contains_key(&key) {
                history(&r.info.run_id, &key)?
            } else {
                Vec::new()
            };
            row.has_history |= history.len() > 1;
            let values: Vec<f64> = history.iter().map(|m| m.value).collect();
            row.min.push(extreme(&values, f64::min));
            row.max.push(extreme(&values, f64::max));
        }
        if !only_changed || row.changed() {
            metrics.push(row);
        }
    }

    Ok(Comparison {
        params,
        metrics,
        tags,
    })
}

/// The comparison as `runs compare` shows it to people (`≠` rows highlighted).
pub fn comparison_table(runs: &[Run], c: &Comparison) -> Table {
    human_table(runs, &c.params, &c.metrics, &c.tags)
}

/// The min (or max) over the non-NaN values of a history; NaN when all are NaN.
fn extreme(values: &[f64], pick: fn(f64, f64) -> f64) -> Option<f64> {
    let first = *values.first()?;
    Some(values.iter().copied().fold(first, pick))
}

fn floats(values: &[Option<f64>]) -> Value {
    Value::Array(
        values
            .iter()
            .map(|v| v.map(j::float).unwrap_or(Value::Null))
            .collect(),
    )
}

fn text_json(row: &TextRow) -> Value {
    json!({ "key": row.key, "values": row.values, "changed": text_changed(&row.values) })
}

/// `name (3f2a9c1b)`: enough to tell runs apart in a header or a legend.
pub fn run_label(info: &RunInfo) -> String {
    let short: String = info.run_id.chars().take(8).collect();
    if info.run_name.is_empty() {
        short
    } else {
        format!("{} ({short})", info.run_name)
    }
}

/// The table for people: a `≠` column, the key, one column per run; a missing value is `—`;
/// min and max rows only for metrics some run logged more than once.
fn human_table(runs: &[Run], params: &[TextRow], metrics: &[MetricRow], tags: &[TextRow]) -> Table {
    let mut headers = vec![String::new(), "key".to_string()];
    headers.extend(runs.iter().map(|r| run_label(&r.info)));
    let mut t = Table {
        headers,
        ..Table::default()
    };
    let push = |t: &mut Table, changed: bool, key: String, cells: Vec<String>| {
        if changed {
            t.highlighted.push(t.rows.len());
        }
        let mut row = vec![if changed { "≠" } else { "" }.to_string(), key];
        row.extend(cells);
        t.row(row);
    };
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| "—".into());
    let num = |v: &Option<f64>| v.map(python_float_repr).unwrap_or_else(|| "—".into());
    for p in params {
        let cells = p.values.iter().map(text).collect();
        push(
            &mut t,
            text_changed(&p.values),
            format!("params.{}", p.key),
            cells,
        );
    }
    for m in metrics {
        let cells = m.latest.iter().map(num).collect();
        push(
            &mut t,
            float_changed(&m.latest),
            format!("metrics.{}", m.key),
            cells,
        );
        if m.has_history {
            for (label, values) in [("min", &m.min), ("max", &m.max)] {
                let cells = values.iter().map(num).collect();
                let key = format!("metrics.{} ({label})", m.key);
                push(&mut t, float_changed(values), key, cells);
            }
        }
    }
    for tag in tags {
        let cells = tag.values.iter().map(text).collect();
        push(
            &mut t,
            text_changed(&tag.values),
            format!("tags.{}", tag.key),
            cells,
        );
    }
    t
}

/// The table for CSV/TSV: `kind,key,stat,changed,<run id>...`, every metric with its latest,
/// min and max rows, a missing value empty.
fn flat_table(runs: &[Run], params: &[TextRow], metrics: &[MetricRow], tags: &[TextRow]) -> Table {
    let mut headers: Vec<String> = ["kind", "key", "stat", "changed"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    headers.extend(runs.iter().map(|r| r.info.run_id.clone()));
    let mut t = Table {
        headers,
        ..Table::default()
    };
    let row = |kind: &str, key: &str, stat: &str, changed: bool, cells: Vec<String>| {
        let mut row = vec![
            kind.to_string(),
            key.to_string(),
            stat.to_string(),
            changed.to_string(),
        ];
        row.extend(cells);
        row
    };
    for p in params {
        let cells = p
            .values
            .iter()
            .map(|v| v.clone().unwrap_or_default())
            .collect();
        t.row(row("param", &p.key, "", text_changed(&p.values), cells));
    }
    for m in metrics {
        for (stat, values) in [("latest", &m.latest), ("min", &m.min), ("max", &m.max)] {
            let cells = values
                .iter()
                .map(|v| v.map(python_float_repr).unwrap_or_default())
                .collect();
            t.row(row("metric", &m.key, stat, float_changed(values), cells));
        }
    }
    for tag in tags {
        let cells = tag
            .values
            .iter()
            .map(|v| v.clone().unwrap_or_default())
            .collect();
        t.row(row("tag", &tag.key, "", text_changed(&tag.values), cells));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_equals_nan_but_missing_differs_from_present() {
        assert!(!float_changed(&[Some(f64::NAN), Some(f64::NAN)]));
        assert!(float_changed(&[Some(1.0), None]));
        assert!(!text_changed(&[Some("a".into()), Some("a".into())]));
    }

    #[test]
    fn extremes_skip_nan_unless_all_are_nan() {
        assert_eq!(extreme(&[f64::NAN, 2.0, 1.0], f64::min), Some(1.0));
        assert_eq!(extreme(&[3.0, f64::NAN, 5.0], f64::max), Some(5.0));
        assert!(extreme(&[f64::NAN], f64::min).unwrap().is_nan());
        assert_eq!(extreme(&[], f64::min), None);
    }
}
