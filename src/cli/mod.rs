//! The command line: clap definitions, one file per command group, each command an args
//! struct plus `run(args, ctx)`. Resolved once into a `Ctx`; nothing below reads raw flags.

use std::sync::Arc;

use clap::{Parser, Subcommand};

use crate::output::color::{ColorChoice, Terminal};
use mlrs::backend::{self, Mode};
use mlrs::store::WarnSink;
use mlrs::{Error, RegistryStore, Result, TrackingStore};

pub mod artifacts;
pub mod best;
pub mod compare;
pub mod completions;
pub mod experiments;
pub mod models;
pub mod plot;
pub mod runs;
pub mod search;
pub mod store;
pub mod sync;
pub mod transfer;
pub mod ui;
pub mod util;

const EXIT_CODES: &str = "\
Examples:
  mlrs runs list --experiment-id 1
  mlrs runs best --experiment-names churn --metric acc --max
  mlrs models transition fraud-rf 3 Production

Exit codes: 0 ok, 1 failed, 2 usage error, 3 not found, 4 already exists (or lock busy),
5 invalid value, 130 interrupted.";

#[derive(Debug, Parser)]
#[command(
    name = "mlrs",
    version,
    about = "Read and write MLflow's local file store (mlruns/) directly: fast, safe, no Python.",
    after_help = EXIT_CODES,
)]
pub struct Cli {
    /// The tracking store: a path, a file: URI, sqlite:///PATH or a tracking server's http(s)://HOST:PORT [default: ./mlruns]
    #[arg(
        long,
        global = true,
        env = "MLFLOW_TRACKING_URI",
        value_name = "URI",
        hide_env_values = true
    )]
    pub tracking_uri: Option<String>,
    /// The registry store [default: the tracking URI]
    #[arg(
        long,
        global = true,
        env = "MLFLOW_REGISTRY_URI",
        value_name = "URI",
        hide_env_values = true
    )]
    pub registry_uri: Option<String>,
    /// Colour output: auto (only on a terminal, never with NO_COLOR), always or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list, rename, delete and restore experiments.
    #[command(
        subcommand,
        after_help = "Examples:\n  EXP=$(mlrs experiments create -q -n fraud-detection)\n  mlrs experiments search --filter \"name LIKE 'fraud-%'\" -o json\n  mlrs experiments rename --experiment-id \"$EXP\" --new-name fraud-v2"
    )]
    Experiments(experiments::Cmd),
    /// Create, log to, list and describe runs.
    #[command(
        subcommand,
        after_help = "Examples:\n  RUN=$(mlrs runs start -q --experiment-name nightly --run-name train)\n  mlrs runs log-metric --run-id \"$RUN\" loss 0.42 --step 1\n  mlrs runs search --experiment-ids 1 --filter \"metrics.acc > 0.9\" --order-by \"metrics.acc DESC\""
    )]
    Runs(runs::Cmd),
    /// List, download and log run artifacts.
    #[command(
        subcommand,
        after_help = "Examples:\n  mlrs artifacts log-artifacts -l model/ -r \"$RUN\" -a model\n  mlrs artifacts list -r \"$RUN\" -o json\n  mlrs artifacts download -r \"$RUN\" -a model -d ./out"
    )]
    Artifacts(artifacts::Cmd),
    /// The model registry: registered models, versions, stages, aliases, tags, model URIs.
    #[command(
        subcommand,
        after_help = "Examples:\n  V=$(mlrs models register -q \"runs:/$RUN/model\" fraud-rf)\n  mlrs models transition fraud-rf \"$V\" production --archive-existing-versions\n  mlrs models resolve models:/fraud-rf@champion"
    )]
    Models(models::Cmd),
    /// Permanently remove deleted runs, experiments and logged models (like `mlflow gc`).
    Gc(store::GcArgs),
    /// Check the store for objects MLflow or mlrs cannot read; repair them with --fix.
    Doctor(store::DoctorArgs),
    /// Store-wide maintenance (relocate artifact URIs after a move).
    #[command(
        subcommand,
        after_help = "Examples:\n  mlrs store relocate --from file:///scratch/alice/mlruns --dry-run\n  mlrs store relocate --from /old/place/mlruns"
    )]
    Store(store::StoreCmd),
    /// Push one store's experiments, runs, artifacts and registry into another, sending only
    /// what the destination lacks (ids are the destination's; the source's are kept as tags).
    Sync(sync::SyncArgs),
    /// Explore the store in the terminal: experiments, runs (filter, sort), run details.
    #[command(
        after_help = "Example:\n  mlrs ui --experiment-name nightly --columns run_name,metrics.auc,params.lr\n  mlrs --tracking-uri sqlite:///mlflow.db ui\n\nKeys: arrows or hjkl move, Enter opens, Esc goes back, / filters, s sorts, ? help, q quits."
    )]
    Ui(ui::Args),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  mlrs completions bash > ~/.local/share/bash-completion/completions/mlrs\n  source <(mlrs completions bash --dynamic)   # completes run ids, experiments, models"
    )]
    Completions(completions::Args),
}

/// Everything a command needs, resolved once from flags and environment.
pub struct Ctx {
    pub tracking_uri: String,
    /// `--registry-uri`, else `MLFLOW_REGISTRY_URI`, else the tracking URI.
    pub registry_uri: String,
    pub warn: WarnSink,
    /// Colour and width for tables and charts.
    pub terminal: Terminal,
}

impl Ctx {
    pub fn new(cli: &Cli) -> Ctx {
        let tracking_uri = cli
            .tracking_uri
            .clone()
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| "./mlruns".into());
        Ctx {
            registry_uri: cli
                .registry_uri
                .clone()
                .filter(|u| !u.is_empty())
                .unwrap_or_else(|| tracking_uri.clone()),
            tracking_uri,
            terminal: Terminal::detect(cli.color),
            warn: Arc::new(|msg: &str| eprintln!("warning: {}", msg.replace('\n', " "))),
        }
    }

    /// The tracking store, opened from the URI by whichever backend its scheme names.
    pub fn tracking_store(&self, mode: Mode) -> Result<Box<dyn TrackingStore>> {
        backend::open_tracking(&self.tracking_uri, mode, self.warn.clone())
    }

    /// The registry store (`--registry-uri`, else the tracking store).
    pub fn registry_store(&self, mode: Mode) -> Result<Box<dyn RegistryStore>> {
        backend::open_registry(
            &self.registry_uri,
            &self.tracking_uri,
            mode,
            self.warn.clone(),
        )
    }

    /// The store for a command that only reads (or writes into objects that must exist):
    /// never created, exit 3 when missing.
    pub fn read_store(&self) -> Result<Box<dyn TrackingStore>> {
        self.tracking_store(Mode::MustExist)
    }

    /// The store for a command that creates: created with `Default` when missing, as MLflow does.
    pub fn write_store(&self) -> Result<Box<dyn TrackingStore>> {
        self.tracking_store(Mode::Create)
    }
}

pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx::new(&cli);
    crate::output::set_terminal(ctx.terminal);
    match cli.command {
        Command::Experiments(cmd) => experiments::run(cmd, &ctx),
        Command::Runs(cmd) => runs::run(cmd, &ctx),
        Command::Artifacts(cmd) => artifacts::run(cmd, &ctx),
        Command::Models(cmd) => models::run(cmd, &ctx),
        Command::Gc(args) => store::gc(args, &ctx),
        Command::Doctor(args) => store::doctor(args, &ctx),
        Command::Store(cmd) => store::run(cmd, &ctx),
        Command::Sync(args) => sync::run(args, &ctx),
        Command::Ui(args) => ui::run(args, &ctx),
        Command::Completions(args) => completions::run(args),
    }
}

/// Turns an output error (e.g. a closed pipe) into a library error.
pub fn io_out(e: std::io::Error) -> Error {
    Error::Failed(format!("cannot write output: {e}"))
}

#[cfg(test)]
mod help_examples {
    use clap::{CommandFactory, Parser};

    /// Every command, groups included, with its path from the root.
    fn all_commands(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
        let help = cmd
            .get_after_help()
            .map(|h| h.to_string())
            .unwrap_or_default();
        out.push((path.clone(), help));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut p = path.clone();
            p.push(sub.get_name().to_string());
            all_commands(sub, p, out);
        }
    }

    /// Splits one shell command line into words: single and double quotes, `$VAR` and
    /// `$(...)` replaced by a placeholder value, as the shell would hand them to mlrs.
    fn shell_words(line: &str) -> Vec<String> {
        let mut words = Vec::new();
        let mut cur = String::new();
        let mut in_word = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\'' => {
                    in_word = true;
                    for d in chars.by_ref() {
                        if d == '\'' {
                            break;
                        }
                        cur.push(d);
                    }
                }
                '"' => {
                    in_word = true;
                    while let Some(d) = chars.next() {
                        match d {
                            '"' => break,
                            '\\' => cur.extend(chars.next()),
                            '$' => {
                                while chars
                                    .peek()
                                    .is_some_and(|x| x.is_alphanumeric() || *x == '_')
                                {
                                    chars.next();
                                }
                                cur.push_str("0123456789abcdef0123456789abcdef");
                            }
                            _ => cur.push(d),
                        }
                    }
                }
                c if c.is_whitespace() => {
                    if in_word {
                        words.push(std::mem::take(&mut cur));
                        in_word = false;
                    }
                }
                _ => {
                    in_word = true;
                    cur.push(c);
                }
            }
        }
        if in_word {
            words.push(cur);
        }
        words
    }

    /// The mlrs invocations of an example block: `mlrs …` after an optional `VAR=$(`, a pipe,
    /// or `source <(`, cut at the first `|`, `>`, `)` or `#` outside quotes.
    fn invocations(help: &str) -> Vec<String> {
        let mut joined = Vec::new();
        let mut pending = String::new();
        for line in help.lines() {
            let line = line.trim();
            if let Some(head) = line.strip_suffix('\\') {
                pending.push_str(head);
                continue;
            }
            pending.push_str(line);
            joined.push(std::mem::take(&mut pending));
        }
        let mut out = Vec::new();
        for line in joined {
            let mut rest = line.as_str();
            while let Some(at) = rest.find("mlrs ") {
                let before = &rest[..at];
                let starts_command = before.trim().is_empty()
                    || before.ends_with("$(")
                    || before.ends_with("<(")
                    || before.trim_end().ends_with('|');
                let tail = &rest[at..];
                let mut end = tail.len();
                let (mut single, mut double) = (false, false);
                for (i, c) in tail.char_indices() {
                    match c {
                        '\'' if !double => single = !single,
                        '"' if !single => double = !double,
                        '|' | '>' | ')' | '#' if !single && !double => {
                            end = i;
                            break;
                        }
                        _ => {}
                    }
                }
                if starts_command {
                    out.push(tail[..end].trim().to_string());
                }
                rest = &tail[end.max(5)..];
            }
        }
        out
    }

    #[test]
    fn every_example_in_help_parses_as_the_command_it_documents() {
        let mut root = super::Cli::command();
        root.build();
        let mut commands = Vec::new();
        all_commands(&root, Vec::new(), &mut commands);
        let mut checked = 0;
        for (path, help) in &commands {
            let examples = invocations(help);
            assert!(
                !examples.is_empty(),
                "`mlrs {}` has no example in its --help",
                path.join(" ")
            );
            for example in examples {
                let words = shell_words(&example);
                let parsed = super::Cli::try_parse_from(&words);
                if let Err(e) = parsed {
                    panic!(
                        "`mlrs {}` example does not parse: {example}\n{e}",
                        path.join(" ")
                    );
                }
                checked += 1;
            }
        }
        assert!(checked > 60, "only {checked} examples checked");
    }

    #[test]
    fn every_group_help_shows_several_examples_of_its_own_commands() {
        let root = super::Cli::command();
        for group in root.get_subcommands().filter(|s| s.has_subcommands()) {
            let help = group
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            let own: Vec<String> = invocations(&help)
                .into_iter()
                .filter(|e| e.starts_with(&format!("mlrs {} ", group.get_name())))
                .collect();
            assert!(
                (2..=4).contains(&own.len()),
                "`mlrs {} --help` should show two or three typical lines, has {own:?}",
                group.get_name()
            );
        }
    }

    /// groff cannot break a word longer than the line (`can't break line`), and a terminal
    /// wraps it mid-word: no help text may hold one.
    #[test]
    fn no_help_text_has_a_word_too_long_to_break() {
        let mut root = super::Cli::command();
        root.build();
        let mut commands = Vec::new();
        all_commands(&root, Vec::new(), &mut commands);
        for (path, after) in &commands {
            let mut cmd = &root;
            for name in path {
                cmd = cmd.find_subcommand(name).expect("subcommand");
            }
            let mut texts = vec![after.clone()];
            texts.extend(cmd.get_about().map(|a| a.to_string()));
            texts.extend(cmd.get_long_about().map(|a| a.to_string()));
            for arg in cmd.get_arguments() {
                texts.extend(arg.get_help().map(|h| h.to_string()));
                texts.extend(arg.get_long_help().map(|h| h.to_string()));
            }
            for text in texts {
                for word in text.split_whitespace() {
                    assert!(
                        word.chars().count() <= 60,
                        "`mlrs {}`: help word of {} characters cannot be broken: {word}",
                        path.join(" "),
                        word.chars().count()
                    );
                }
            }
        }
    }
}
