//! `mlrs ui`: arguments, and the store it opens.

use clap::Args as ClapArgs;

use mlrs::Result;
use mlrs::backend::Mode;

use super::Ctx;
use crate::output::columns::parse_columns;

#[derive(Debug, ClapArgs)]
pub struct Args {
    /// Open the runs of this experiment at once
    #[arg(short = 'x', long, conflicts_with = "experiment_name")]
    pub experiment_id: Option<String>,
    /// Open the runs of the experiment with this name at once
    #[arg(short = 'n', long)]
    pub experiment_name: Option<String>,
    /// The columns of the runs table, as `runs list --columns` takes them
    /// (default: run name, status, start time and the first four metrics)
    #[arg(long, value_name = "LIST")]
    pub columns: Option<String>,
    /// Live mode: read the screen's data again every 2 seconds (new runs, new metric points);
    /// `L` toggles it
    #[arg(long)]
    pub live: bool,
    /// Allow changes (tag, delete or restore a run; move a version to a stage, set an alias),
    /// each behind a y/n confirmation; without it the UI is read-only
    #[arg(long)]
    pub write: bool,
}

pub fn run(args: Args, ctx: &Ctx) -> Result<()> {
    let columns = args.columns.as_deref().map(parse_columns).transpose()?;
    let store = mlrs::backend::open_tracking(&ctx.tracking_uri, Mode::MustExist, ctx.warn.clone())?;
    let start_in = match (&args.experiment_id, &args.experiment_name) {
        (Some(id), _) => Some(store.get_experiment(id)?),
        (None, Some(name)) => Some(store.get_experiment_by_name(name)?),
        (None, None) => None,
    };
    let registry = mlrs::backend::open_registry(
        &ctx.registry_uri,
        &ctx.tracking_uri,
        Mode::AsIs,
        ctx.warn.clone(),
    )
    .map_err(|e| e.to_string());
    crate::tui::run(
        store,
        registry,
        columns,
        start_in,
        crate::tui::Options {
            live: args.live,
            write: args.write,
        },
    )
}
