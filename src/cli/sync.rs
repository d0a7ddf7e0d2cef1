//! `mlrs sync --from SRC --to DST`: parses the flags, opens both ends through the store
//! interface and renders what `mlrs::sync` did.

use serde_json::json;

use super::{Ctx, io_out};
use crate::output::{self, Format, OutputArgs, Rendered, Table};
use mlrs::backend::{self, Mode};
use mlrs::sync::{self, Counts, Ends, SyncOptions, SyncReport};
use mlrs::{Error, Result};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  mlrs sync --from ./mlruns --to http://tracking.internal:5000\n  mlrs sync --from sqlite:///mlflow.db --to ./mlruns-copy -x 1 -x 4 --dry-run\n\nObjects get the destination's ids; the source's are kept as tags (mlrs.sync.source_run_id,\nmlrs.sync.source_experiment_id, mlrs.sync.source_version, mlrs.sync.source_uri). Running it\nagain sends only what the destination lacks; a run's metric histories are read back only when\nthe source's changed since the last sync (mlrs.sync.metrics_digest), or with --verify.\nA param with another value in the destination stops the sync before anything is written\n(exit 4)."
)]
pub struct SyncArgs {
    /// The store to read: a path, file: URI, sqlite:/// URI or tracking server's http(s):// URL.
    #[arg(long, value_name = "URI")]
    pub from: String,
    /// The store to write into (a file store or database is created when missing).
    #[arg(long, value_name = "URI")]
    pub to: String,
    /// The source's model registry [default: --from].
    #[arg(long, value_name = "URI")]
    pub registry_from: Option<String>,
    /// The destination's model registry [default: --to].
    #[arg(long, value_name = "URI")]
    pub registry_to: Option<String>,
    /// Only this source experiment (repeatable); the registry follows its runs' models.
    #[arg(short = 'x', long = "experiment-id", value_name = "ID")]
    pub experiment_ids: Vec<String>,
    /// Leave the model registry alone.
    #[arg(long)]
    pub no_registry: bool,
    /// Print what would be sent; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Read every metric history in the destination back, not trusting the digest sync left on
    /// each run (mlrs.sync.metrics_digest): finds points lost behind sync's back. Slower.
    #[arg(long)]
    pub verify: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

/// In a dry run, a destination that does not exist yet: None.
fn absent<T>(r: Result<T>, dry_run: bool) -> Result<Option<T>> {
    match r {
        Err(Error::NotFound(_)) if dry_run => Ok(None),
        other => other.map(Some),
    }
}

/// `e` with the credentials of `uri` (`user:password@`) removed from its message.
fn redacted(e: Error, uri: &str) -> Error {
    let clean = sync::display_uri(uri);
    if clean == uri {
        return e;
    }
    let fix = |m: String| m.replace(uri, &clean);
    match e {
        Error::NotFound(m) => Error::NotFound(fix(m)),
        Error::AlreadyExists(m) => Error::AlreadyExists(fix(m)),
        Error::InvalidValue(m) => Error::InvalidValue(fix(m)),
        Error::LockBusy(m) => Error::LockBusy(fix(m)),
        Error::Failed(m) => Error::Failed(fix(m)),
        other => other,
    }
}

pub fn run(args: SyncArgs, ctx: &Ctx) -> Result<()> {
    let (from, to) = (args.from.clone(), args.to.clone());
    run_sync(args, ctx).map_err(|e| redacted(redacted(e, &from), &to))
}

fn run_sync(args: SyncArgs, ctx: &Ctx) -> Result<()> {
    sync::check_distinct(&args.from, &args.to)?;
    let src = backend::open_tracking(&args.from, Mode::MustExist, ctx.warn.clone())?;
    // A dry run creates nothing: a destination that does not exist yet compares as empty.
    let dst_mode = if args.dry_run {
        Mode::MustExist
    } else {
        Mode::Create
    };
    let dst = absent(
        backend::open_tracking(&args.to, dst_mode, ctx.warn.clone()),
        args.dry_run,
    )?;
    let (src_registry, dst_registry) = if args.no_registry {
        (None, None)
    } else {
        let from = args.registry_from.as_deref().unwrap_or(&args.from);
        let to = args.registry_to.as_deref().unwrap_or(&args.to);
        let src_registry =
            backend::open_registry(from, &args.from, Mode::MustExist, ctx.warn.clone())?;
        let dst_registry = absent(
            backend::open_registry(to, &args.to, dst_mode, ctx.warn.clone()),
            args.dry_run,
        )?;
        (Some(src_registry), dst_registry)
    };
    let ends = Ends {
        src: &*src,
        dst: dst.as_deref(),
        src_registry: src_registry.as_deref(),
        dst_registry: dst_registry.as_deref(),
    };
    let opts = SyncOptions {
        source_uri: sync::canonical_uri(&args.from),
        experiment_ids: args.experiment_ids,
        no_registry: args.no_registry,
        dry_run: args.dry_run,
        verify: args.verify,
    };
    let report = sync::sync(&ends, &opts, &super::transfer::Bar::new(), ctx.warn.clone())?;
    render(&report, &args.out)
}

fn counts_row(what: &str, c: &Counts) -> Vec<String> {
    vec![
        what.to_string(),
        c.created.to_string(),
        c.updated.to_string(),
        c.unchanged.to_string(),
        c.skipped.to_string(),
    ]
}

fn render(report: &SyncReport, out: &OutputArgs) -> Result<()> {
    if out.quiet {
        println!("{}", report.actions.len());
        return Ok(());
    }
    let mut value = serde_json::to_value(report).map_err(|e| Error::Failed(e.to_string()))?;
    value["up_to_date"] = json!(report.nothing_sent());
    if out.output == Format::Table {
        if report.nothing_sent() {
            println!(
                "nothing to sync: {} experiment(s), {} run(s), {} registered model(s), {} model version(s) already up to date",
                report.experiments.unchanged,
                report.runs.unchanged,
                report.models.unchanged,
                report.model_versions.unchanged
            );
            return Ok(());
        }
        if report.dry_run {
            for line in &report.actions {
                println!("would {line}");
            }
            println!();
        }
    }
    let verb = if report.dry_run { "would send" } else { "sent" };
    let mut t = Table::new(&["what", "created", "updated", "unchanged", "skipped"]);
    t.row(counts_row("experiments", &report.experiments));
    t.row(counts_row("runs", &report.runs));
    t.row(counts_row("registered models", &report.models));
    t.row(counts_row("model versions", &report.model_versions));
    output::emit(out.output, Rendered::Record(value, t)).map_err(io_out)?;
    if out.output == Format::Table {
        println!(
            "{verb}: {} param(s), {} tag(s), {} metric point(s), {} artifact file(s) ({} bytes)",
            report.params_sent,
            report.tags_sent,
            report.metric_points_sent,
            report.artifact_files_sent,
            report.artifact_bytes_sent
        );
    }
    Ok(())
}
