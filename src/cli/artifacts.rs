//! `mlrs artifacts …`: list, download and log run artifacts (local stores).

use std::path::PathBuf;

use clap::Subcommand;

use super::{Ctx, io_out};
use crate::output::{self, OutputArgs, Rendered, Table, json as j};
use mlrs::{Error, Result};

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// List the artifacts of a run (one directory level).
    #[command(after_help = "Example:\n  mlrs artifacts list -r \"$RUN\" -a model -o json")]
    List {
        #[arg(short = 'r', long = "run-id")]
        run_id: String,
        /// A directory inside the run's artifacts [default: the root].
        #[arg(short = 'a', long = "artifact-path", default_value = "")]
        artifact_path: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Copy artifacts out of a run; prints the local path of the copy.
    #[command(after_help = "Example:\n  mlrs artifacts download -r \"$RUN\" -a model -d ./serve")]
    Download {
        #[arg(short = 'r', long = "run-id", required_unless_present = "artifact_uri")]
        run_id: Option<String>,
        #[arg(short = 'a', long = "artifact-path", default_value = "")]
        artifact_path: String,
        /// A runs:/RUN_ID/PATH URI instead of --run-id/--artifact-path.
        #[arg(short = 'u', long = "artifact-uri", conflicts_with_all = ["run_id"])]
        artifact_uri: Option<String>,
        /// Destination directory [default: a new temporary directory].
        #[arg(short = 'd', long = "dst-path")]
        dst_path: Option<PathBuf>,
    },
    /// Log one local file as an artifact of a run.
    #[command(
        after_help = "Example:\n  mlrs artifacts log-artifact -l report.html -r \"$RUN\" -a reports"
    )]
    LogArtifact {
        #[arg(short = 'l', long = "local-file")]
        local_file: PathBuf,
        #[arg(short = 'r', long = "run-id")]
        run_id: String,
        #[arg(short = 'a', long = "artifact-path", default_value = "")]
        artifact_path: String,
    },
    /// Log the contents of a local directory as artifacts of a run.
    #[command(
        after_help = "Example:\n  mlrs artifacts log-artifacts -l ./model -r \"$RUN\" -a model"
    )]
    LogArtifacts {
        #[arg(short = 'l', long = "local-dir")]
        local_dir: PathBuf,
        #[arg(short = 'r', long = "run-id")]
        run_id: String,
        #[arg(short = 'a', long = "artifact-path", default_value = "")]
        artifact_path: String,
    },
}

pub fn run(cmd: Cmd, ctx: &Ctx) -> Result<()> {
    match cmd {
        Cmd::List {
            run_id,
            artifact_path,
            out,
        } => {
            let files = ctx.read_store()?.list_artifacts(&run_id, &artifact_path)?;
            if out.quiet {
                files.iter().for_each(|f| println!("{}", f.path));
                return Ok(());
            }
            let mut t = Table::new(&["path", "is_dir", "file_size"]);
            for f in &files {
                t.row(vec![
                    f.path.clone(),
                    f.is_dir.to_string(),
                    f.file_size.map(|s| s.to_string()).unwrap_or_default(),
                ]);
            }
            let items = files.iter().map(j::file_info).collect();
            output::emit(out.output, Rendered::List(items, t)).map_err(io_out)
        }
        Cmd::Download {
            run_id,
            artifact_path,
            artifact_uri,
            dst_path,
        } => {
            let (run_id, path) = match (run_id, artifact_uri) {
                (Some(r), _) => (r, artifact_path),
                (None, Some(uri)) => parse_runs_uri(&uri)?,
                (None, None) => return Err(Error::invalid("give --run-id or --artifact-uri")),
            };
            let store = ctx.read_store()?;
            let dst = match dst_path {
                Some(d) => d,
                None => make_temp_dir()?,
            };
            let local = store.download_artifacts(&run_id, &path, &dst)?;
            println!("{}", local.display());
            Ok(())
        }
        Cmd::LogArtifact {
            local_file,
            run_id,
            artifact_path,
        } => {
            ctx.read_store()?
                .log_artifact(&run_id, &local_file, &artifact_path)?;
            Ok(())
        }
        Cmd::LogArtifacts {
            local_dir,
            run_id,
            artifact_path,
        } => {
            ctx.read_store()?
                .log_artifacts(&run_id, &local_dir, &artifact_path)?;
            Ok(())
        }
    }
}

/// `runs:/<run_id>/<path>` → (run id, path).
pub fn parse_runs_uri(uri: &str) -> Result<(String, String)> {
    let rest = uri.strip_prefix("runs:/").ok_or_else(|| {
        Error::invalid(format!(
            "unsupported artifact URI '{uri}': expected runs:/<run_id>/<path>"
        ))
    })?;
    let rest = rest.trim_start_matches('/');
    let (run, path) = rest.split_once('/').unwrap_or((rest, ""));
    if run.is_empty() {
        return Err(Error::invalid(format!("artifact URI '{uri}' names no run")));
    }
    Ok((run.to_string(), path.to_string()))
}

fn make_temp_dir() -> Result<PathBuf> {
    let dir =
        std::env::temp_dir().join(format!("mlrs-artifacts-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    Ok(dir)
}
