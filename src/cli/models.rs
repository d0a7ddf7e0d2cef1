//! `mlrs models …`: the model registry (registered models, versions, stages, aliases, tags)
//! and model-URI resolution, on the registry store (`--registry-uri`, else the tracking store).

use clap::Subcommand;
use serde_json::json;

use super::util::{format_time, parse_tags};
use super::{Ctx, io_out};
use crate::output::{self, Format, OutputArgs, Rendered, Table, registry_json as j};
use mlrs::backend::Mode;
use mlrs::entities::registry::{ModelVersion, RegisteredModel};
use mlrs::{Error, RegistryStore, Result, TrackingStore};

#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Create a registered model.
    #[command(
        after_help = "Example:\n  mlrs models create fraud-detector --description \"Card fraud classifier\" -t team=risk"
    )]
    Create {
        /// Registered model name.
        name: String,
        /// A description (markdown).
        #[arg(long, allow_hyphen_values = true)]
        description: Option<String>,
        /// A tag as key=value (repeatable).
        #[arg(
            short = 't',
            long = "tag",
            value_name = "KEY=VALUE",
            allow_hyphen_values = true
        )]
        tags: Vec<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Show a registered model with its tags, aliases and latest versions.
    #[command(after_help = "Example:\n  mlrs models get fraud-detector -o json | jq .aliases")]
    Get {
        /// Registered model name.
        name: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// List every registered model, sorted by name.
    #[command(after_help = "Example:\n  mlrs models list -o csv")]
    List {
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Rename a registered model, keeping its versions, tags and aliases.
    #[command(after_help = "Example:\n  mlrs models rename fraud-detector fraud-detector-v2")]
    Rename {
        /// Registered model name.
        name: String,
        /// The new name.
        new_name: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Set the description of a registered model.
    #[command(
        after_help = "Example:\n  mlrs models update fraud-detector --description \"Retrained weekly\""
    )]
    Update {
        /// Registered model name.
        name: String,
        /// The new description (markdown).
        #[arg(long, allow_hyphen_values = true)]
        description: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Delete a registered model and all its versions (no undo, as in MLflow).
    #[command(after_help = "Example:\n  mlrs models delete fraud-detector")]
    Delete {
        /// Registered model name.
        name: String,
    },
    /// Set a tag on a registered model.
    #[command(after_help = "Example:\n  mlrs models set-tag fraud-detector team risk")]
    SetTag {
        /// Registered model name.
        name: String,
        /// Tag key.
        key: String,
        /// Tag value.
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Delete a tag of a registered model (a missing tag is no error).
    #[command(after_help = "Example:\n  mlrs models delete-tag fraud-detector team")]
    DeleteTag {
        /// Registered model name.
        name: String,
        /// Tag key.
        key: String,
    },
    /// Register a model as a new version (creates the registered model if missing).
    #[command(
        long_about = "Register a model as a new version, like mlflow.register_model: the registered model is\ncreated when missing. MODEL_URI is runs:/<run_id>/<path> (the run's artifact directory when it\nholds an MLmodel, else the MLflow 3 logged model of that run named <path>), models:/<model_id>\n(a logged model), models:/<name>/<version>, or a local path.",
        after_help = "Example:\n  VERSION=$(mlrs models register -q \"runs:/$RUN/model\" fraud-detector -t commit=$GIT_SHA)"
    )]
    Register {
        /// runs:/<run_id>/<path>, models:/<model_id>, models:/<name>/<version> or a path.
        model_uri: String,
        /// Registered model name.
        name: String,
        /// A version tag as key=value (repeatable).
        #[arg(
            short = 't',
            long = "tag",
            value_name = "KEY=VALUE",
            allow_hyphen_values = true
        )]
        tags: Vec<String>,
        /// A description (markdown).
        #[arg(long, allow_hyphen_values = true)]
        description: Option<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// List the live versions of a registered model, oldest first.
    #[command(after_help = "Example:\n  mlrs models versions fraud-detector -o json")]
    Versions {
        /// Registered model name.
        name: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Show one model version, by number or by alias.
    #[command(
        after_help = "Example:\n  mlrs models get-version fraud-detector 3 -o json\n  mlrs models get-version fraud-detector --alias champion -q"
    )]
    GetVersion {
        /// Registered model name.
        name: String,
        /// Version number.
        #[arg(required_unless_present = "alias", conflicts_with = "alias")]
        version: Option<String>,
        /// An alias instead of a version number (`latest` is the highest version).
        #[arg(long)]
        alias: Option<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Set the description of a model version.
    #[command(
        after_help = "Example:\n  mlrs models update-version fraud-detector 3 --description \"AUC 0.97\""
    )]
    UpdateVersion {
        /// Registered model name.
        name: String,
        /// Version number.
        version: String,
        /// The new description (markdown).
        #[arg(long, allow_hyphen_values = true)]
        description: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Delete a model version (soft, as MLflow does); its aliases are removed.
    #[command(after_help = "Example:\n  mlrs models delete-version fraud-detector 2")]
    DeleteVersion {
        /// Registered model name.
        name: String,
        /// Version number.
        version: String,
    },
    /// Set a tag on a model version.
    #[command(
        after_help = "Example:\n  mlrs models set-version-tag fraud-detector 3 validated true"
    )]
    SetVersionTag {
        /// Registered model name.
        name: String,
        /// Version number.
        version: String,
        /// Tag key.
        key: String,
        /// Tag value.
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
    /// Delete a tag of a model version (a missing tag is no error).
    #[command(after_help = "Example:\n  mlrs models delete-version-tag fraud-detector 3 validated")]
    DeleteVersionTag {
        /// Registered model name.
        name: String,
        /// Version number.
        version: String,
        key: String,
    },
    /// Move a version to None, Staging, Production or Archived.
    #[command(
        long_about = "Move a version to a stage: None, Staging, Production or Archived (any case on input,\ncanonical on disk). With --archive-existing-versions (Staging or Production only) every other\nversion in that stage becomes Archived, atomically with respect to other mlrs transitions.",
        after_help = "Example:\n  mlrs models transition fraud-detector 3 Production --archive-existing-versions"
    )]
    Transition {
        /// Registered model name.
        name: String,
        /// Version number.
        version: String,
        /// None, Staging, Production or Archived (any case).
        stage: String,
        /// Archive the other versions currently in STAGE (Staging or Production only).
        #[arg(long)]
        archive_existing_versions: bool,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// The highest version in each stage (None, Staging, Production, Archived).
    #[command(after_help = "Example:\n  mlrs models latest fraud-detector --stage Production -q")]
    Latest {
        /// Registered model name.
        name: String,
        /// Only this stage (repeatable) [default: all four].
        #[arg(short = 's', long = "stage")]
        stages: Vec<String>,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Point an alias at a version (`latest` and `v<N>` are reserved).
    #[command(after_help = "Example:\n  mlrs models set-alias fraud-detector champion 3")]
    SetAlias {
        /// Registered model name.
        name: String,
        /// Alias name (letters, digits, _ and -).
        alias: String,
        /// Version number.
        version: String,
    },
    /// Delete an alias (a missing alias is no error).
    #[command(after_help = "Example:\n  mlrs models delete-alias fraud-detector champion")]
    DeleteAlias {
        /// Registered model name.
        name: String,
        /// Alias name.
        alias: String,
    },
    /// Print the local directory behind a models:/ or runs:/ URI.
    #[command(
        long_about = "Print the local directory behind a model URI: models:/NAME/VERSION, models:/NAME/STAGE,\nmodels:/NAME@ALIAS, models:/NAME/latest, models:/MODEL_ID or runs:/RUN_ID/PATH. A store\nmoved away from the absolute paths MLflow recorded resolves to its own files. Exit 3 when\nnothing matches.",
        after_help = "Example:\n  serve --model-dir \"$(mlrs models resolve models:/fraud-detector@champion)\""
    )]
    Resolve {
        /// The model URI to resolve.
        uri: String,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Search registered models with MLflow's filter and order_by language.
    #[command(
        after_help = "Example:\n  mlrs models search --filter \"name LIKE 'fraud%'\" --order-by \"name ASC\" -o json"
    )]
    Search {
        #[command(flatten)]
        search: super::search::SearchArgs,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Search model versions with MLflow's filter and order_by language.
    #[command(
        after_help = "Example:\n  mlrs models search-versions --filter \"name = 'fraud-rf' AND tag.approved = 'yes'\" -o json"
    )]
    SearchVersions {
        #[command(flatten)]
        search: super::search::SearchArgs,
        #[command(flatten)]
        out: OutputArgs,
    },
    /// Export a registered model (versions, stages, aliases, tags) in mlflow-export-import's layout.
    #[command(
        after_help = "Example:\n  mlrs models export fraud-rf --output-dir export/model --include-runs"
    )]
    Export(super::transfer::ModelExportArgs),
    /// Import a registered model exported by mlrs or mlflow-export-import, version numbers kept.
    #[command(
        after_help = "Example:\n  mlrs models import --input-dir export/model --include-runs"
    )]
    Import(super::transfer::ModelImportArgs),
}

/// The registry store for a command that only reads: exit 3 when it does not exist.
pub(super) fn read_registry(ctx: &Ctx) -> Result<Box<dyn RegistryStore>> {
    ctx.registry_store(Mode::MustExist)
}

/// The registry store for a command that writes: created as MLflow creates it (with the
/// `Default` experiment when it is also the tracking store).
fn write_registry(ctx: &Ctx) -> Result<Box<dyn RegistryStore>> {
    ctx.registry_store(Mode::Create)
}

/// The name checked by the rules of the registry it goes into, and the tags.
fn validate_new_model(ctx: &Ctx, name: &str, tags: &[(String, String)]) -> Result<()> {
    mlrs::backend::validate_new_model_name(&ctx.registry_uri, name)?;
    for (k, v) in tags {
        mlrs::validate::validate_registry_tag(k, v)?;
    }
    Ok(())
}

/// The tracking store, where runs and logged models are looked up (never created).
fn tracking(ctx: &Ctx) -> Result<Box<dyn TrackingStore>> {
    ctx.tracking_store(Mode::AsIs)
}

fn emit_version(out: &OutputArgs, mv: &ModelVersion, sentence: Option<String>) -> Result<()> {
    if out.quiet {
        println!("{}", mv.version);
        return Ok(());
    }
    match (out.output, sentence) {
        (Format::Table, Some(s)) => {
            println!("{s}");
            Ok(())
        }
        (format, _) => output::emit(
            format,
            Rendered::Record(j::model_version(mv), version_table(mv)),
        )
        .map_err(io_out),
    }
}

fn emit_model(out: &OutputArgs, rm: &RegisteredModel, sentence: Option<String>) -> Result<()> {
    if out.quiet {
        println!("{}", rm.name);
        return Ok(());
    }
    match (out.output, sentence) {
        (Format::Table, Some(s)) => {
            println!("{s}");
            Ok(())
        }
        (format, _) => output::emit(
            format,
            Rendered::Record(j::registered_model(rm), model_table(rm)),
        )
        .map_err(io_out),
    }
}

fn emit_versions(out: &OutputArgs, versions: &[ModelVersion]) -> Result<()> {
    if out.quiet {
        versions.iter().for_each(|v| println!("{}", v.version));
        return Ok(());
    }
    let items = versions.iter().map(j::model_version).collect();
    output::emit(out.output, Rendered::List(items, versions_table(versions))).map_err(io_out)
}

pub fn run(cmd: Cmd, ctx: &Ctx) -> Result<()> {
    match cmd {
        Cmd::Create {
            name,
            description,
            tags,
            out,
        } => {
            let tags = parse_tags(&tags)?;
            // Validated before the store is created: a refused name leaves nothing behind.
            validate_new_model(ctx, &name, &tags)?;
            let rm = write_registry(ctx)?.create_registered_model(
                &name,
                description.as_deref(),
                &tags,
            )?;
            emit_model(
                &out,
                &rm,
                Some(format!("Created registered model '{name}'.")),
            )
        }
        Cmd::Get { name, out } => {
            let rm = read_registry(ctx)?.get_registered_model(&name)?;
            emit_model(&out, &rm, None)
        }
        Cmd::List { out } => {
            let models = read_registry(ctx)?.list_registered_models()?;
            if out.quiet {
                models.iter().for_each(|m| println!("{}", m.name));
                return Ok(());
            }
            let items = models.iter().map(j::registered_model).collect();
            output::emit(out.output, Rendered::List(items, models_table(&models))).map_err(io_out)
        }
        Cmd::Rename {
            name,
            new_name,
            out,
        } => {
            let rm = read_registry(ctx)?.rename_registered_model(&name, &new_name)?;
            emit_model(
                &out,
                &rm,
                Some(format!(
                    "Registered model '{name}' has been renamed to '{new_name}'."
                )),
            )
        }
        Cmd::Update {
            name,
            description,
            out,
        } => {
            let rm = read_registry(ctx)?.update_registered_model(&name, Some(&description))?;
            emit_model(
                &out,
                &rm,
                Some(format!(
                    "Updated the description of registered model '{name}'."
                )),
            )
        }
        Cmd::Delete { name } => {
            read_registry(ctx)?.delete_registered_model(&name)?;
            println!("Registered model '{name}' has been deleted.");
            Ok(())
        }
        Cmd::SetTag { name, key, value } => {
            read_registry(ctx)?.set_registered_model_tag(&name, &key, &value)
        }
        Cmd::DeleteTag { name, key } => {
            read_registry(ctx)?.delete_registered_model_tag(&name, &key)
        }
        Cmd::Register {
            model_uri,
            name,
            tags,
            description,
            out,
        } => {
            let tags = parse_tags(&tags)?;
            let tracking = tracking(ctx)?;
            // Check name and URI before the store is created: a refused registration
            // leaves nothing behind.
            validate_new_model(ctx, &name, &tags)?;
            ctx.registry_store(Mode::AsIs)?
                .check_registration_source(&*tracking, &model_uri)?;
            let registry = write_registry(ctx)?;
            let mv = registry.register_model(
                &*tracking,
                &model_uri,
                &name,
                &tags,
                description.as_deref(),
            )?;
            emit_version(
                &out,
                &mv,
                Some(format!(
                    "Created version '{}' of model '{}'.",
                    mv.version, mv.name
                )),
            )
        }
        Cmd::Versions { name, out } => {
            let versions = read_registry(ctx)?.list_model_versions(&name)?;
            emit_versions(&out, &versions)
        }
        Cmd::GetVersion {
            name,
            version,
            alias,
            out,
        } => {
            let registry = read_registry(ctx)?;
            let mv = match (version, alias) {
                (_, Some(alias)) => registry.get_model_version_by_alias(&name, &alias)?,
                (Some(v), None) => registry.get_model_version(&name, &v)?,
                (None, None) => return Err(Error::invalid("give a VERSION or --alias")),
            };
            emit_version(&out, &mv, None)
        }
        Cmd::UpdateVersion {
            name,
            version,
            description,
            out,
        } => {
            let mv =
                read_registry(ctx)?.update_model_version(&name, &version, Some(&description))?;
            emit_version(
                &out,
                &mv,
                Some(format!(
                    "Updated the description of version {} of model '{name}'.",
                    mv.version
                )),
            )
        }
        Cmd::DeleteVersion { name, version } => {
            read_registry(ctx)?.delete_model_version(&name, &version)?;
            println!("Version {version} of model '{name}' has been deleted.");
            Ok(())
        }
        Cmd::SetVersionTag {
            name,
            version,
            key,
            value,
        } => read_registry(ctx)?.set_model_version_tag(&name, &version, &key, &value),
        Cmd::DeleteVersionTag { name, version, key } => {
            read_registry(ctx)?.delete_model_version_tag(&name, &version, &key)
        }
        Cmd::Transition {
            name,
            version,
            stage,
            archive_existing_versions,
            out,
        } => {
            let mv = read_registry(ctx)?.transition_model_version_stage(
                &name,
                &version,
                &stage,
                archive_existing_versions,
            )?;
            emit_version(
                &out,
                &mv,
                Some(format!(
                    "Version {} of model '{name}' is now in stage {}.",
                    mv.version, mv.current_stage
                )),
            )
        }
        Cmd::Latest { name, stages, out } => {
            let versions = read_registry(ctx)?.get_latest_versions(&name, &stages)?;
            emit_versions(&out, &versions)
        }
        Cmd::SetAlias {
            name,
            alias,
            version,
        } => read_registry(ctx)?.set_registered_model_alias(&name, &alias, &version),
        Cmd::DeleteAlias { name, alias } => {
            read_registry(ctx)?.delete_registered_model_alias(&name, &alias)
        }
        Cmd::Search { search, out } => super::search::models(&search, &out, ctx),
        Cmd::SearchVersions { search, out } => super::search::versions(&search, &out, ctx),
        Cmd::Export(args) => super::transfer::export_model(args, ctx),
        Cmd::Import(args) => super::transfer::import_model(args, ctx),
        Cmd::Resolve { uri, out } => {
            let mode = if uri.starts_with("models:") {
                Mode::MustExist
            } else {
                Mode::AsIs
            };
            let registry = ctx.registry_store(mode)?;
            let path = registry.resolve_model_uri(&*tracking(ctx)?, &uri)?;
            match out.output {
                Format::Json | Format::Jsonl if !out.quiet => output::emit(
                    out.output,
                    Rendered::Record(
                        json!({ "uri": uri, "path": path.to_string_lossy() }),
                        Table::default(),
                    ),
                )
                .map_err(io_out),
                _ => {
                    println!("{}", path.display());
                    Ok(())
                }
            }
        }
    }
}

fn aliases_text(rm: &RegisteredModel) -> String {
    rm.aliases
        .iter()
        .map(|(a, v)| format!("{a}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn latest_text(rm: &RegisteredModel) -> String {
    rm.latest_versions
        .iter()
        .map(|v| format!("{} ({})", v.version, v.current_stage))
        .collect::<Vec<_>>()
        .join(", ")
}

fn tags_text<'a>(tags: impl Iterator<Item = (&'a String, &'a String)>) -> String {
    tags.map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn model_table(rm: &RegisteredModel) -> Table {
    let mut t = Table::new(&["Field", "Value"]);
    for (k, v) in [
        ("Name", rm.name.clone()),
        ("Description", rm.description.clone().unwrap_or_default()),
        ("Creation Time", format_time(rm.creation_timestamp)),
        ("Last Updated", format_time(rm.last_updated_timestamp)),
        ("Tags", tags_text(rm.tags.iter())),
        ("Aliases", aliases_text(rm)),
        ("Latest Versions", latest_text(rm)),
    ] {
        t.row(vec![k.to_string(), v]);
    }
    t
}

pub(super) fn models_table(models: &[RegisteredModel]) -> Table {
    let mut t = Table::new(&[
        "Name",
        "Latest Versions",
        "Aliases",
        "Tags",
        "Description",
        "Last Updated",
    ]);
    for rm in models {
        t.row(vec![
            rm.name.clone(),
            latest_text(rm),
            aliases_text(rm),
            tags_text(rm.tags.iter()),
            rm.description.clone().unwrap_or_default(),
            format_time(rm.last_updated_timestamp),
        ]);
    }
    t
}

fn version_table(mv: &ModelVersion) -> Table {
    let mut t = Table::new(&["Field", "Value"]);
    for (k, v) in [
        ("Name", mv.name.clone()),
        ("Version", mv.version.to_string()),
        ("Stage", mv.current_stage.to_string()),
        ("Aliases", mv.aliases.join(", ")),
        ("Description", mv.description.clone().unwrap_or_default()),
        ("Source", mv.source.clone().unwrap_or_default()),
        ("Run ID", mv.run_id.clone().unwrap_or_default()),
        ("Status", mv.status.clone()),
        ("Creation Time", format_time(mv.creation_timestamp)),
        ("Last Updated", format_time(mv.last_updated_timestamp)),
        ("Tags", tags_text(mv.tags.iter())),
    ] {
        t.row(vec![k.to_string(), v]);
    }
    t
}

pub(super) fn versions_table(versions: &[ModelVersion]) -> Table {
    let mut t = Table::new(&[
        "Name",
        "Version",
        "Stage",
        "Aliases",
        "Run ID",
        "Source",
        "Description",
        "Last Updated",
    ]);
    for mv in versions {
        t.row(vec![
            mv.name.clone(),
            mv.version.to_string(),
            mv.current_stage.to_string(),
            mv.aliases.join(", "),
            mv.run_id.clone().unwrap_or_default(),
            mv.source.clone().unwrap_or_default(),
            mv.description.clone().unwrap_or_default(),
            format_time(mv.last_updated_timestamp),
        ]);
    }
    t
}
