//! `mlrs runs plot`: metric histories of runs as line charts, in the terminal and as SVG/PNG
//! files for CI artifacts; `-o json|jsonl|csv|tsv` prints the plotted points instead.

use std::path::PathBuf;

use serde_json::json;

use super::{Ctx, io_out};
use crate::output::chart::{self, ImageFormat, Panel, Series, XAxis};
use crate::output::{self, Format, OutputArgs, Rendered, Table, json as j};
use mlrs::entities::{Metric, RunInfo};
use mlrs::store::metric_history::python_float_repr;
use mlrs::{Error, Result};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A run to plot; repeat for more runs (one line per run).
    #[arg(long = "run-id", value_name = "ID", required = true)]
    pub run_ids: Vec<String>,
    /// A metric to plot; repeat for more metrics (one chart per metric).
    #[arg(long = "metric", value_name = "KEY", required = true)]
    pub metrics: Vec<String>,
    /// The x axis: the metric's step, or wall time.
    #[arg(long = "x", value_enum, default_value_t = XAxis::Step)]
    pub x: XAxis,
    /// Also write the chart as an SVG file.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
    /// Also write the chart as a PNG file.
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,
    /// Width of the terminal chart in columns [default: the terminal's, else 80].
    #[arg(long)]
    pub width: Option<u16>,
    /// Height of the terminal chart's plot area in rows.
    #[arg(long, default_value_t = 12)]
    pub height: u16,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<()> {
    let store = ctx.read_store()?;
    let mut runs: Vec<RunInfo> = Vec::new();
    for id in &args.run_ids {
        runs.push(store.get_run(id)?.info);
    }
    // histories[m][r]: metric m of run r.
    let mut histories: Vec<Vec<Vec<Metric>>> = Vec::new();
    for key in &args.metrics {
        let per_run = runs
            .iter()
            .map(|r| store.get_metric_history(&r.run_id, key))
            .collect::<Result<Vec<_>>>()?;
        if per_run.iter().all(Vec::is_empty) {
            return Err(Error::not_found(format!(
                "metric '{key}' has no values in run(s) {}",
                args.run_ids.join(", ")
            )));
        }
        histories.push(per_run);
    }

    let panels: Vec<Panel> = args
        .metrics
        .iter()
        .zip(&histories)
        .map(|(key, per_run)| Panel {
            title: key.clone(),
            series: runs
                .iter()
                .zip(per_run)
                .map(|(info, history)| Series {
                    label: super::compare::run_label(info),
                    points: history
                        .iter()
                        .map(|m| {
                            let x = match args.x {
                                XAxis::Step => m.step as f64,
                                XAxis::Time => m.timestamp as f64,
                            };
                            (x, m.value)
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();

    for (path, format) in [(&args.svg, ImageFormat::Svg), (&args.png, ImageFormat::Png)] {
        if let Some(path) = path {
            chart::write_image(path, format, &panels, args.x).map_err(|e| {
                Error::Failed(format!("cannot write chart to {}: {e}", path.display()))
            })?;
        }
    }
    if args.out.quiet {
        return Ok(());
    }
    if args.out.output == Format::Table {
        let term = output::terminal();
        let width = args.width.or(term.width).unwrap_or(80).max(20) as usize;
        let charts: Vec<String> = panels
            .iter()
            .map(|p| chart::render_terminal(p, args.x, width, args.height as usize, term.color))
            .collect();
        print!("{}", charts.join("\n"));
        return Ok(());
    }

    let mut items = Vec::new();
    let mut t = Table::new(&["run_id", "key", "step", "timestamp", "value"]);
    for (key, per_run) in args.metrics.iter().zip(&histories) {
        for (info, history) in runs.iter().zip(per_run) {
            items.push(json!({
                "run_id": info.run_id,
                "run_name": info.run_name,
                "key": key,
                "history": history.iter().map(j::metric).collect::<Vec<_>>(),
            }));
            for m in history {
                t.row(vec![
                    info.run_id.clone(),
                    key.clone(),
                    m.step.to_string(),
                    m.timestamp.to_string(),
                    python_float_repr(m.value),
                ]);
            }
        }
    }
    output::emit(args.out.output, Rendered::List(items, t)).map_err(io_out)
}
