//! `mlrs completions SHELL`: completion scripts generated from the clap definitions, static
//! (committed under `completions/`) or dynamic (clap_complete's engine, reading the store).

use std::ffi::OsString;

use clap::CommandFactory;
use clap_complete::engine::{ArgValueCandidates, CompletionCandidate};
use clap_complete::env::Shells;
use clap_complete::{CompleteEnv, Shell};

use mlrs::backend::{self, Mode};
use mlrs::entities::RunParts;
use mlrs::entities::ViewType;
use mlrs::{Error, Result};
use mlrs::{RegistryStore, TrackingStore};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to generate for.
    #[arg(value_enum)]
    pub shell: Shell,
    /// Print a script that asks mlrs at each TAB, so experiment names and ids, run ids and
    /// model names are completed from the store (`source <(mlrs completions bash --dynamic)`).
    #[arg(long)]
    pub dynamic: bool,
}

pub fn run(args: Args) -> Result<()> {
    let mut out = std::io::stdout();
    if !args.dynamic {
        let mut cmd = super::Cli::command();
        clap_complete::generate(args.shell, &mut cmd, "mlrs", &mut out);
        return Ok(());
    }
    let name = args.shell.to_string();
    let shells = Shells::builtins();
    let shell = shells
        .completer(&name)
        .ok_or_else(|| Error::invalid(format!("no dynamic completion for {name}")))?;
    let completer = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "mlrs".into());
    shell
        .write_registration("COMPLETE", "mlrs", "mlrs", &completer, &mut out)
        .map_err(super::io_out)
}

/// Answers a completion request when the shell runs `COMPLETE=SHELL mlrs -- WORDS...` (the
/// dynamic script does); returns without doing anything otherwise. Call before parsing.
pub fn complete_from_env() {
    CompleteEnv::with_factory(dynamic_command).complete();
}

/// The command tree with store-backed completers on the arguments that name store objects.
pub fn dynamic_command() -> clap::Command {
    attach(super::Cli::command(), "")
}

fn attach(cmd: clap::Command, parent: &str) -> clap::Command {
    let name = cmd.get_name().to_string();
    let in_models = parent == "models" && name != "create";
    let cmd = cmd.mut_args(|arg| {
        let candidates: Option<fn() -> Vec<CompletionCandidate>> = match arg.get_id().as_str() {
            "run_id" | "run_ids" | "runs" | "parent_run_id" => Some(run_candidates),
            "experiment_id" | "experiment_ids" => Some(experiment_id_candidates),
            "experiment_name" | "experiment_names" => Some(experiment_name_candidates),
            "name" if in_models => Some(model_candidates),
            _ => None,
        };
        match candidates {
            Some(f) => arg.add(ArgValueCandidates::new(f)),
            None => arg,
        }
    });
    cmd.mut_subcommands(|sub| attach(sub, &name))
}

/// The value of `--FLAG X` or `--FLAG=X` on the command line being completed.
fn flag_value(flag: &str) -> Option<String> {
    let args: Vec<OsString> = std::env::args_os().collect();
    let long = format!("--{flag}");
    let eq = format!("--{flag}=");
    args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        if a == long {
            args.get(i + 1)?.to_str().map(String::from)
        } else {
            a.strip_prefix(&eq).map(String::from)
        }
    })
}

/// The URI the command being completed would use: `--tracking-uri`, `MLFLOW_TRACKING_URI`,
/// `./mlruns` (or the registry's, for model names).
fn completion_uri(registry: bool) -> String {
    let env = |var: &str| std::env::var(var).ok().filter(|v| !v.is_empty());
    let tracking = flag_value("tracking-uri")
        .or_else(|| env("MLFLOW_TRACKING_URI"))
        .unwrap_or_else(|| "./mlruns".into());
    if registry {
        flag_value("registry-uri")
            .or_else(|| env("MLFLOW_REGISTRY_URI"))
            .unwrap_or(tracking)
    } else {
        tracking
    }
}

/// The tracking store to complete from; a missing store completes nothing.
fn completion_store() -> Option<Box<dyn TrackingStore>> {
    let uri = completion_uri(false);
    backend::open_tracking(&uri, Mode::MustExist, std::sync::Arc::new(|_: &str| {})).ok()
}

/// The registry store to complete model names from; a missing store completes nothing.
fn completion_registry() -> Option<Box<dyn RegistryStore>> {
    let uri = completion_uri(true);
    let warn = std::sync::Arc::new(|_: &str| {});
    backend::open_registry(&uri, &uri, Mode::MustExist, warn).ok()
}

fn candidate(value: &str, help: &str) -> CompletionCandidate {
    CompletionCandidate::new(value).help(Some(help.to_string().into()))
}

fn run_candidates() -> Vec<CompletionCandidate> {
    let Some(store) = completion_store() else {
        return Vec::new();
    };
    let experiments = store
        .list_experiments(ViewType::ActiveOnly)
        .unwrap_or_default();
    let ids: Vec<String> = experiments
        .iter()
        .map(|e| e.experiment_id.clone())
        .collect();
    let mut runs = store
        .list_runs(&ids, ViewType::ActiveOnly, RunParts::INFO)
        .unwrap_or_default();
    super::runs::sort_runs_default(&mut runs);
    runs.iter()
        .map(|r| candidate(&r.info.run_id, &r.info.run_name))
        .collect()
}

fn experiment_id_candidates() -> Vec<CompletionCandidate> {
    let Some(store) = completion_store() else {
        return Vec::new();
    };
    store
        .list_experiments(ViewType::ActiveOnly)
        .unwrap_or_default()
        .iter()
        .map(|e| candidate(&e.experiment_id, &e.name))
        .collect()
}

fn experiment_name_candidates() -> Vec<CompletionCandidate> {
    let Some(store) = completion_store() else {
        return Vec::new();
    };
    store
        .list_experiments(ViewType::ActiveOnly)
        .unwrap_or_default()
        .iter()
        .map(|e| candidate(&e.name, &format!("experiment {}", e.experiment_id)))
        .collect()
}

fn model_candidates() -> Vec<CompletionCandidate> {
    let Some(store) = completion_registry() else {
        return Vec::new();
    };
    store
        .list_registered_models()
        .unwrap_or_default()
        .iter()
        .map(|m| {
            candidate(
                &m.name,
                m.description.as_deref().unwrap_or("registered model"),
            )
        })
        .collect()
}

/// Completion scripts and man pages committed under `completions/` and `man/`, generated from
/// the clap definitions. `MLRS_UPDATE_ASSETS=1 cargo test assets` rewrites them.
#[cfg(test)]
mod assets {
    use std::collections::BTreeMap;
    use std::path::PathBuf;

    use clap::CommandFactory;
    use clap_complete::Shell;

    fn generate() -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        for (shell, name) in [
            (Shell::Bash, "mlrs.bash"),
            (Shell::Zsh, "_mlrs"),
            (Shell::Fish, "mlrs.fish"),
            (Shell::Elvish, "mlrs.elv"),
            (Shell::PowerShell, "_mlrs.ps1"),
        ] {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut super::super::Cli::command(), "mlrs", &mut buf);
            files.insert(PathBuf::from("completions").join(name), buf);
        }
        let mut root = super::super::Cli::command();
        root.build();
        man_pages(&root, "mlrs", "mlrs", &mut files);
        files
    }

    fn man_pages(
        cmd: &clap::Command,
        name: &str,
        bin: &str,
        files: &mut BTreeMap<PathBuf, Vec<u8>>,
    ) {
        let mut buf = Vec::new();
        let leaked: &'static str = Box::leak(name.to_string().into_boxed_str());
        let page = cmd.clone().name(leaked).bin_name(bin.to_string());
        clap_mangen::Man::new(page)
            .render(&mut buf)
            .expect("render man page");
        files.insert(PathBuf::from("man").join(format!("{name}.1")), buf);
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            man_pages(
                sub,
                &format!("{name}-{}", sub.get_name()),
                &format!("{bin} {}", sub.get_name()),
                files,
            );
        }
    }

    #[test]
    fn assets_completions_and_man_pages_are_up_to_date() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let files = generate();
        if std::env::var_os("MLRS_UPDATE_ASSETS").is_some() {
            for dir in ["completions", "man"] {
                let _ = std::fs::remove_dir_all(root.join(dir));
                std::fs::create_dir_all(root.join(dir)).unwrap();
            }
            for (path, bytes) in &files {
                std::fs::write(root.join(path), bytes).unwrap();
            }
            return;
        }
        let mut stale = Vec::new();
        for (path, bytes) in &files {
            if std::fs::read(root.join(path)).ok().as_deref() != Some(bytes.as_slice()) {
                stale.push(path.display().to_string());
            }
        }
        for dir in ["completions", "man"] {
            for entry in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                let rel = PathBuf::from(dir).join(entry.file_name());
                if !files.contains_key(&rel) {
                    stale.push(format!("{} (no longer generated)", rel.display()));
                }
            }
        }
        assert!(
            stale.is_empty(),
            "out of date: {stale:?}; regenerate with `MLRS_UPDATE_ASSETS=1 cargo test assets`"
        );
        assert!(files.keys().any(|p| p.ends_with("mlrs-runs-log-metric.1")));
    }

    /// Every committed man page renders without a single groff warning (`-ww` turns them all
    /// on). groff is part of the base system (groff-base); where it is missing the check is
    /// skipped with a note, except under CI, where a missing groff fails the test.
    #[test]
    fn assets_man_pages_render_without_groff_warnings() {
        use std::process::Command;
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        if Command::new("groff").arg("--version").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "groff is needed to check the man pages (apt-get install groff-base)"
            );
            eprintln!("groff not found: man page rendering not checked");
            return;
        }
        let mut warnings = Vec::new();
        let mut pages = 0;
        for (path, _) in generate().iter().filter(|(p, _)| p.starts_with("man")) {
            let out = Command::new("groff")
                .args(["-man", "-ww", "-Tutf8", "-z"])
                .arg(root.join(path))
                .output()
                .expect("run groff");
            let stderr = String::from_utf8_lossy(&out.stderr);
            if !out.status.success() || !stderr.trim().is_empty() {
                warnings.push(format!("{}: {}", path.display(), stderr.trim()));
            }
            pages += 1;
        }
        assert!(pages > 60, "only {pages} man pages");
        assert!(warnings.is_empty(), "groff warnings: {warnings:#?}");
    }
}
