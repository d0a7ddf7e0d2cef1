//! `mlrs experiments …`: the mlflow CLI's experiment commands plus tags.

use clap::Subcommand;

use super::util::format_time;
use super::{Ctx, io_out};
use crate::output::{self, Format, OutputArgs, Rendered, Table, json as j};
use mlrs::entities::{Experiment, RunParts, ViewType};
use mlrs::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Create an experiment.
    #[command(after_help = "Example:\n  ID=$(mlrs experiments create -q -n fraud-detection)")]
    Create {
        /// Name of the experiment (unique among active and deleted experiments).
        #[arg(short = 'n', long = "experiment-name", allow_hyphen_values = true)]
        experiment_name: String,
        /// Where the experiment's artifacts go [default: <store>/<id>].
        #[arg(short = 'l', long = "artifact-location")]
        artifact_location: Option<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Search experiments with MLflow's filter and order_by language.
    #[command(
        after_help = "Example:\n  mlrs experiments search -v all --filter \"name LIKE 'fraud-%'\" --order-by \"creation_time DESC\" -o json"
    )]
    Search {
        /// active_only, deleted_only or all.
        #[arg(short = 'v', long = "view", default_value = "active_only")]
        view: String,
        #[command(flatten)]
        search: super::search::SearchArgs,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Show one experiment by id or name.
    #[command(after_help = "Example:\n  mlrs experiments get -n Default -o json")]
    Get {
        #[arg(
            short = 'x',
            long = "experiment-id",
            conflicts_with = "experiment_name",
            required_unless_present = "experiment_name"
        )]
        experiment_id: Option<String>,
        #[arg(short = 'n', long = "experiment-name", allow_hyphen_values = true)]
        experiment_name: Option<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Rename an active experiment.
    #[command(after_help = "Example:\n  mlrs experiments rename -x 1 --new-name fraud-v2")]
    Rename {
        #[arg(short = 'x', long = "experiment-id")]
        experiment_id: String,
        #[arg(long = "new-name", allow_hyphen_values = true)]
        new_name: String,
    },
    /// Delete an experiment: its runs are marked deleted and it moves to .trash/.
    #[command(after_help = "Example:\n  mlrs experiments delete -x 1")]
    Delete {
        #[arg(short = 'x', long = "experiment-id")]
        experiment_id: String,
    },
    /// Restore a deleted experiment and its deleted runs.
    #[command(after_help = "Example:\n  mlrs experiments restore -x 1")]
    Restore {
        #[arg(short = 'x', long = "experiment-id")]
        experiment_id: String,
    },
    /// Write all runs of an experiment as CSV (to stdout, or to a file with -o).
    #[command(after_help = "Example:\n  mlrs experiments csv -x 1 -o runs.csv")]
    Csv {
        #[arg(short = 'x', long = "experiment-id")]
        experiment_id: String,
        /// File to write (note: `-o` is the file name here, as in mlflow).
        #[arg(short = 'o', long = "filename")]
        filename: Option<String>,
    },
    /// Set a tag on an experiment.
    #[command(after_help = "Example:\n  mlrs experiments set-tag -x 1 team data-science")]
    SetTag {
        #[arg(short = 'x', long = "experiment-id")]
        experiment_id: String,
        key: String,
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Delete a tag of an experiment.
    #[command(after_help = "Example:\n  mlrs experiments delete-tag -x 1 team")]
    DeleteTag {
        #[arg(short = 'x', long = "experiment-id")]
        experiment_id: String,
        key: String,
    },
    /// Export an experiment and its runs in mlflow-export-import's layout.
    #[command(
        after_help = "Example:\n  mlrs experiments export -x 1 --output-dir export/exp --include-deleted"
    )]
    Export(super::transfer::ExperimentExportArgs),
    /// Import an experiment exported by mlrs or mlflow-export-import, keeping ids and times.
    #[command(
        after_help = "Example:\n  mlrs experiments import --input-dir export/exp --experiment-name fraud-copy"
    )]
    Import(super::transfer::ExperimentImportArgs),
}

pub fn run(cmd: Cmd, ctx: &Ctx) -> Result<()> {
    match cmd {
        Cmd::Create {
            experiment_name,
            artifact_location,
            out,
        } => {
            let store = ctx.write_store()?;
            let id =
                store.create_experiment(&experiment_name, artifact_location.as_deref(), &[])?;
            if out.quiet {
                println!("{id}");
            } else if matches!(out.output, Format::Json | Format::Jsonl) {
                let v = j::experiment(&store.get_experiment(&id)?);
                output::emit(out.output, Rendered::Record(v, Table::default())).map_err(io_out)?;
            } else {
                println!("Created experiment '{experiment_name}' with id {id}");
            }
            Ok(())
        }
        Cmd::Search { view, search, out } => super::search::experiments(&view, &search, &out, ctx),
        Cmd::Get {
            experiment_id,
            experiment_name,
            out,
        } => {
            let store = ctx.read_store()?;
            let exp = match (experiment_id, experiment_name) {
                (Some(id), _) => store.get_experiment(&id)?,
                (None, Some(name)) => store.get_experiment_by_name(&name)?,
                (None, None) => {
                    return Err(Error::invalid("give --experiment-id or --experiment-name"));
                }
            };
            if out.quiet {
                println!("{}", exp.experiment_id);
                return Ok(());
            }
            output::emit(
                out.output,
                Rendered::Record(j::experiment(&exp), experiment_table(&exp)),
            )
            .map_err(io_out)
        }
        Cmd::Rename {
            experiment_id,
            new_name,
        } => {
            ctx.read_store()?
                .rename_experiment(&experiment_id, &new_name)?;
            println!("Experiment with id {experiment_id} has been renamed to '{new_name}'.");
            Ok(())
        }
        Cmd::Delete { experiment_id } => {
            ctx.read_store()?.delete_experiment(&experiment_id)?;
            println!("Experiment with ID {experiment_id} has been deleted.");
            Ok(())
        }
        Cmd::Restore { experiment_id } => {
            ctx.read_store()?.restore_experiment(&experiment_id)?;
            println!("Experiment with id {experiment_id} has been restored.");
            Ok(())
        }
        Cmd::Csv {
            experiment_id,
            filename,
        } => {
            let store = ctx.read_store()?;
            store.get_experiment(&experiment_id)?;
            let mut runs = store.list_runs(
                std::slice::from_ref(&experiment_id),
                ViewType::ActiveOnly,
                RunParts {
                    inputs: false,
                    ..RunParts::ALL
                },
            )?;
            super::runs::sort_runs_default(&mut runs);
            let table = super::runs::runs_csv_table(&runs);
            match filename {
                Some(f) => {
                    let mut file = std::fs::File::create(&f).map_err(|e| Error::io(&f, e))?;
                    output::write_delimited(&mut file, &table, ',')
                        .map_err(|e| Error::io(&f, e))?;
                    println!(
                        "Experiment with ID {experiment_id} has been exported as a CSV to file: {f}."
                    );
                }
                None => output::write_delimited(&mut std::io::stdout().lock(), &table, ',')
                    .map_err(io_out)?,
            }
            Ok(())
        }
        Cmd::SetTag {
            experiment_id,
            key,
            value,
        } => ctx
            .read_store()?
            .set_experiment_tag(&experiment_id, &key, &value),
        Cmd::DeleteTag { experiment_id, key } => ctx
            .read_store()?
            .delete_experiment_tag(&experiment_id, &key),
        Cmd::Export(args) => super::transfer::export_experiment(args, ctx),
        Cmd::Import(args) => super::transfer::import_experiment(args, ctx),
    }
}

fn experiment_table(e: &Experiment) -> Table {
    let mut t = Table::new(&["Field", "Value"]);
    let tags = e
        .tags
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ");
    for (k, v) in [
        ("Experiment ID", e.experiment_id.clone()),
        ("Name", e.name.clone()),
        ("Artifact Location", e.artifact_location.clone()),
        ("Lifecycle Stage", e.lifecycle_stage.to_string()),
        ("Creation Time", format_time(e.creation_time)),
        ("Last Update Time", format_time(e.last_update_time)),
        ("Tags", tags),
    ] {
        t.row(vec![k.to_string(), v]);
    }
    t
}
