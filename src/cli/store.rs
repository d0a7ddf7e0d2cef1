//! Store maintenance: `mlrs gc`, `mlrs doctor`, `mlrs store relocate` and `mlrs store migrate`.

use clap::Subcommand;
use serde_json::json;

use super::{Ctx, io_out};
use crate::output::{self, Format, OutputArgs, Rendered, Table};
use mlrs::backend::require_file_store;
use mlrs::store::doctor::{Action, DoctorOptions};
use mlrs::store::gc::{GcOptions, parse_older_than};
use mlrs::{Error, Result};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  mlrs gc --older-than 30d --dry-run")]
pub struct GcArgs {
    /// Only what was deleted at least this long ago: 1d2h3m4s, each part optional.
    #[arg(long = "older-than")]
    pub older_than: Option<String>,
    /// Comma-separated run ids (each must be deleted).
    #[arg(long = "run-ids", value_delimiter = ',')]
    pub run_ids: Option<Vec<String>>,
    /// Comma-separated experiment ids (each must be deleted); their deleted runs go too.
    #[arg(long = "experiment-ids", value_delimiter = ',')]
    pub experiment_ids: Option<Vec<String>>,
    /// Comma-separated MLflow 3 logged model ids (each must be deleted).
    #[arg(long = "logged-model-ids", value_delimiter = ',')]
    pub logged_model_ids: Option<Vec<String>>,
    /// Print what would be removed, remove nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  mlrs doctor --fix -o json")]
pub struct DoctorArgs {
    /// Repair what can be repaired without guessing; quarantine what cannot (nothing is deleted).
    #[arg(long)]
    pub fix: bool,
    /// Report RUNNING runs without a write for this long.
    #[arg(long = "stale-after", default_value = "1d")]
    pub stale_after: String,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Subcommand)]
pub enum StoreCmd {
    /// Copy a whole store into another (file store to SQLite or back): experiments, runs and
    /// the model registry with ids, times, stages, version numbers, aliases, tags and every
    /// metric point kept, one run at a time; running it again copies nothing twice.
    #[command(
        after_help = "Example:\n  mlrs store migrate --from ./mlruns --to sqlite:///mlflow.db\n  mlrs store migrate --from sqlite:///mlflow.db --to ./mlruns-copy"
    )]
    Migrate {
        /// The store to copy: a path, file: URI or sqlite:/// URI (it is only read).
        #[arg(long)]
        from: String,
        /// The store to copy into: a sqlite:/// URI (created with MLflow's schema when
        /// missing), or, from a SQLite source, a path or file: URI (created when missing).
        #[arg(long)]
        to: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Rewrite absolute artifact URIs after the store moved (default target: where it is now).
    #[command(
        after_help = "Example:\n  mlrs store relocate --from file:///scratch/alice/mlruns --dry-run"
    )]
    Relocate {
        /// The old location: an absolute path or file:/// URI prefix.
        #[arg(long)]
        from: String,
        /// The new location [default: this store's root].
        #[arg(long)]
        to: Option<String>,
        /// Print what would change, change nothing.
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        out: OutputArgs,
    },
}

pub fn gc(args: GcArgs, ctx: &Ctx) -> Result<()> {
    let store = ctx.read_store()?;
    let opts = GcOptions {
        older_than_ms: args
            .older_than
            .as_deref()
            .map(parse_older_than)
            .transpose()?,
        older_than_text: args.older_than.clone(),
        run_ids: args.run_ids,
        experiment_ids: args.experiment_ids,
        logged_model_ids: args.logged_model_ids,
    };
    if let Some(sql) = store.as_sql_store() {
        if args.dry_run {
            let plan = sql.gc_plan(&opts)?;
            print_gc_dry_run(
                plan.runs.iter().map(|r| r.id.as_str()),
                plan.logged_models.iter().map(|m| m.id.as_str()),
                plan.experiments.iter().map(String::as_str),
            );
            return Ok(());
        }
        sql.gc(&opts, |line| println!("{line}"))?;
        return Ok(());
    }
    let store = store
        .as_file_store()
        .ok_or_else(|| mlrs::backend::local_stores_only("gc"))?;
    let plan = store.gc_plan(&opts)?;
    if args.dry_run {
        print_gc_dry_run(
            plan.runs.iter().map(|(dir, _)| dir.run_id.as_str()),
            plan.logged_models.iter().map(|(id, _)| id.as_str()),
            plan.experiments.iter().map(|exp| exp.id.as_str()),
        );
        return Ok(());
    }
    store.gc_execute(&plan, |line| println!("{line}"))
}

/// The `gc --dry-run` listing, the same on every backend.
fn print_gc_dry_run<'a>(
    runs: impl Iterator<Item = &'a str>,
    logged_models: impl Iterator<Item = &'a str>,
    experiments: impl Iterator<Item = &'a str>,
) {
    for id in runs {
        println!("Would permanently delete run with ID {id}.");
    }
    for id in logged_models {
        println!("Would permanently delete logged model with ID {id}.");
    }
    for id in experiments {
        println!("Would permanently delete experiment with ID {id}.");
    }
}

pub fn doctor(args: DoctorArgs, ctx: &Ctx) -> Result<()> {
    let store = ctx.read_store()?;
    let store = require_file_store(&*store, "doctor")?;
    let problems = store.doctor(DoctorOptions {
        fix: args.fix,
        stale_after_ms: parse_older_than(&args.stale_after)?,
    })?;
    let remaining = problems.iter().filter(|p| p.remains()).count();
    let action_text = |a: &Action| match a {
        Action::None => String::new(),
        Action::Fixed(how) => format!("fixed: {how}"),
        Action::Quarantined(to) => format!("quarantined to {to}"),
    };
    if !args.out.quiet {
        let mut t = Table::new(&["path", "problem", "detail", "action"]);
        for p in &problems {
            t.row(vec![
                p.path.clone(),
                p.kind.to_string(),
                p.detail.clone(),
                action_text(&p.action),
            ]);
        }
        let items = problems
            .iter()
            .map(|p| json!({"path": p.path, "kind": p.kind, "detail": p.detail, "fixed": !p.remains(), "action": action_text(&p.action)}))
            .collect();
        if problems.is_empty() && args.out.output == Format::Table {
            println!("No problems found in {}.", store.display_root());
        } else {
            output::emit(args.out.output, Rendered::List(items, t)).map_err(io_out)?;
        }
    }
    if remaining > 0 {
        let hint = if args.fix {
            ""
        } else {
            " (run `mlrs doctor --fix`)"
        };
        return Err(Error::Failed(format!(
            "{remaining} problem(s) remain in {}{hint}",
            store.display_root()
        )));
    }
    Ok(())
}

pub fn run(cmd: StoreCmd, ctx: &Ctx) -> Result<()> {
    match cmd {
        StoreCmd::Migrate { from, to, out } => migrate(&from, &to, &out, ctx),
        StoreCmd::Relocate {
            from,
            to,
            dry_run,
            out,
        } => {
            let store = ctx.read_store()?;
            let store = require_file_store(&*store, "store relocate")?;
            let changes = store.relocate(&from, to.as_deref(), dry_run)?;
            if out.quiet {
                println!("{}", changes.len());
                return Ok(());
            }
            let mut t = Table::new(&["file", "key", "old", "new"]);
            for c in &changes {
                let rel = c
                    .file
                    .strip_prefix(store.root())
                    .unwrap_or(&c.file)
                    .display()
                    .to_string();
                t.row(vec![rel, c.key.clone(), c.old.clone(), c.new.clone()]);
            }
            let items = changes
                .iter()
                .map(|c| json!({"file": c.file.display().to_string(), "key": c.key, "old": c.old, "new": c.new}))
                .collect();
            output::emit(out.output, Rendered::List(items, t)).map_err(io_out)?;
            if out.output == Format::Table {
                let verb = if dry_run {
                    "would be rewritten"
                } else {
                    "rewritten"
                };
                eprintln!("{} URI(s) {verb}.", changes.len());
            }
            Ok(())
        }
    }
}

fn migrate(from: &str, to: &str, out: &OutputArgs, ctx: &Ctx) -> Result<()> {
    use mlrs::backend::migrate::{self as m, MigrationTarget, RegistryMigrationTarget};
    use mlrs::backend::{Mode, is_sqlite};
    let src = mlrs::backend::open_tracking(from, Mode::MustExist, ctx.warn.clone())?;
    if !is_sqlite(to) && src.as_file_store().is_some() {
        return Err(Error::invalid(format!(
            "--from '{from}' and --to '{to}' are both file stores: mlrs store migrate copies between a file store and a SQLite database (sqlite:///PATH); copy the directory instead"
        )));
    }
    let registry = mlrs::backend::open_registry(from, from, Mode::MustExist, ctx.warn.clone())?;
    let plan = m::plan(&*src)?;
    fn run(
        src: &dyn mlrs::backend::TrackingStore,
        registry: &dyn mlrs::backend::RegistryStore,
        plan: &m::Plan,
        dst: &(impl MigrationTarget + RegistryMigrationTarget),
    ) -> Result<m::MigrateReport> {
        let mut report = m::migrate(src, plan, dst, &super::transfer::Bar::new())?;
        m::migrate_registry(registry, dst, &mut report)?;
        Ok(report)
    }
    let report = if is_sqlite(to) {
        mlrs::backend::sql::SqlStore::check_importable(&plan)?;
        let dst = mlrs::backend::sql::SqlStore::open_or_create(to, ctx.warn.clone())?;
        run(&*src, &*registry, &plan, &dst)?
    } else {
        let dst = mlrs::store::FileStore::open_for_migration(to, ctx.warn.clone())?;
        run(&*src, &*registry, &plan, &dst)?
    };
    if out.quiet {
        println!("{}", report.runs_copied);
        return Ok(());
    }
    let value = serde_json::to_value(&report).map_err(|e| Error::Failed(e.to_string()))?;
    let mut t = Table::new(&["what", "copied", "unchanged"]);
    t.row(vec![
        "experiments".into(),
        report.experiments_copied.to_string(),
        report.experiments_unchanged.to_string(),
    ]);
    t.row(vec![
        "runs".into(),
        report.runs_copied.to_string(),
        report.runs_unchanged.to_string(),
    ]);
    t.row(vec![
        "metric points".into(),
        report.metric_points_copied.to_string(),
        String::new(),
    ]);
    t.row(vec![
        "registered models".into(),
        report.models_copied.to_string(),
        report.models_unchanged.to_string(),
    ]);
    t.row(vec![
        "model versions".into(),
        report.model_versions_copied.to_string(),
        String::new(),
    ]);
    output::emit(out.output, Rendered::Record(value, t)).map_err(io_out)
}
