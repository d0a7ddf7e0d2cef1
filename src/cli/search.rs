//! The search commands: `runs search`, `experiments search`, `models search`,
//! `models search-versions`, with MLflow's filter and order_by language and page tokens.

use serde_json::{Value, json};

use super::util::format_time;
use super::{Ctx, io_out};
use crate::output::columns::{needed_parts, parse_columns, run_json, runs_table};
use crate::output::{self, Format, OutputArgs, Rendered, Table, json as j, registry_json};
use mlrs::Result;
use mlrs::entities::RunParts;
use mlrs::entities::ViewType;
use mlrs::search::SearchQuery;

/// Options every search takes.
#[derive(Debug, Clone, clap::Args)]
pub struct SearchArgs {
    /// MLflow filter string, e.g. "metrics.acc > 0.8 AND params.opt = 'adam'".
    #[arg(long, allow_hyphen_values = true)]
    pub filter: Option<String>,
    /// Read the filter string from a file, or - for standard input (for filters too long for
    /// a command line).
    #[arg(long = "filter-file", value_name = "FILE", conflicts_with = "filter")]
    pub filter_file: Option<String>,
    /// MLflow order_by clause, e.g. "metrics.acc DESC" (repeatable, first one sorts first).
    #[arg(long = "order-by", allow_hyphen_values = true)]
    pub order_by: Vec<String>,
    /// At most this many results per page [default: MLflow's for the entity].
    #[arg(long = "max-results", allow_hyphen_values = true)]
    pub max_results: Option<i64>,
    /// Continue from this page token (printed by the previous page).
    #[arg(long = "page-token")]
    pub page_token: Option<String>,
    /// Print `{"items": [...], "next_page_token": ...}` for the first page (-o json).
    #[arg(long)]
    pub paginate: bool,
}

impl SearchArgs {
    /// Reads `--filter-file` into the filter.
    fn load(mut self) -> Result<SearchArgs> {
        if let Some(path) = self.filter_file.take() {
            let text = super::util::read_input(&path)?;
            self.filter = Some(text.strip_suffix('\n').unwrap_or(&text).to_string());
        }
        Ok(self)
    }

    /// Whether any search option was given.
    pub fn any(&self) -> bool {
        self.filter.is_some()
            || self.filter_file.is_some()
            || !self.order_by.is_empty()
            || self.max_results.is_some()
            || self.page_token.is_some()
            || self.paginate
    }

    fn query(&self, default_max: i64) -> SearchQuery<'_> {
        SearchQuery {
            filter: self.filter.as_deref().unwrap_or(""),
            order_by: &self.order_by,
            max_results: self.max_results.unwrap_or(default_max),
            page_token: self.page_token.as_deref(),
        }
    }

    fn paged(&self) -> bool {
        self.paginate || self.page_token.is_some()
    }
}

/// Prints one page: a bare list, or `{items, next_page_token}` when paging was asked for. A
/// page cut at MLflow's default size says so on stderr.
fn emit_page(
    out: &OutputArgs,
    search: &SearchArgs,
    what: &str,
    default_max: i64,
    items: Vec<Value>,
    table: Table,
    next: Option<String>,
) -> Result<()> {
    if search.paged() && matches!(out.output, Format::Json) {
        let doc = json!({ "items": items, "next_page_token": next });
        println!("{}", output::pretty(&doc));
    } else {
        output::emit(out.output, Rendered::List(items, table)).map_err(io_out)?;
    }
    if let Some(token) = &next
        && search.paged()
        && !matches!(out.output, Format::Json)
    {
        eprintln!("next page: --page-token {token}");
    }
    note_cut(search, what, default_max, next.as_deref())
}

/// Says on stderr when a plain search stopped at MLflow's default page size.
fn note_cut(search: &SearchArgs, what: &str, default_max: i64, next: Option<&str>) -> Result<()> {
    if next.is_some() && !search.paged() && search.max_results.is_none() {
        eprintln!(
            "note: only the first {default_max} {what} are shown (MLflow's default max_results); use --max-results or --paginate for more"
        );
    }
    Ok(())
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Example:\n  mlrs runs search --experiment-ids 1 --filter \"metrics.accuracy > 0.8 AND params.optimizer = 'adam'\" --order-by \"metrics.accuracy DESC\" --max-results 5"
)]
pub struct RunsSearchArgs {
    /// Comma-separated experiment ids.
    #[arg(
        long = "experiment-ids",
        value_delimiter = ',',
        required_unless_present = "experiment_names"
    )]
    pub experiment_ids: Vec<String>,
    /// Comma-separated experiment names (instead of ids).
    #[arg(long = "experiment-names", value_delimiter = ',')]
    pub experiment_names: Vec<String>,
    /// active_only, deleted_only or all.
    #[arg(short = 'v', long = "view", default_value = "active_only")]
    pub view: String,
    #[command(flatten)]
    pub search: SearchArgs,
    /// Table/CSV columns, e.g. metrics.accuracy,params.lr,tags.team (json prints whole runs).
    #[arg(long)]
    pub columns: Option<String>,
    /// Every page, not just one (`runs list`): whole runs are streamed page after page.
    #[arg(skip)]
    pub all_pages: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

pub fn runs(mut args: RunsSearchArgs, ctx: &Ctx) -> Result<()> {
    const DEFAULT_MAX: i64 = 1000;
    args.search = args.search.load()?;
    let store = ctx.read_store()?;
    let view = ViewType::parse(&args.view)?;
    let mut ids = args.experiment_ids.clone();
    for name in &args.experiment_names {
        ids.push(store.get_experiment_by_name(name)?.experiment_id);
    }
    let mut page = store.search_runs(&ids, view, &args.search.query(DEFAULT_MAX))?;
    if args.all_pages {
        // Collect the run ids of every page (cheap: info only); whole runs are read below.
        let mut token = page.next_page_token.take();
        while let Some(t) = token {
            let mut q = args.search.query(DEFAULT_MAX);
            q.page_token = Some(&t);
            let next = store.search_runs(&ids, view, &q)?;
            page.items.extend(next.items);
            token = next.next_page_token;
        }
    }
    if args.out.quiet {
        page.items
            .iter()
            .for_each(|f| println!("{}", f.info.run_id));
        return Ok(());
    }
    let columns = args.columns.as_deref().map(parse_columns).transpose()?;
    let whole = matches!(args.out.output, Format::Json | Format::Jsonl) && columns.is_none();
    let parts = if whole {
        RunParts::ALL
    } else {
        columns.as_deref().map_or(RunParts::INFO, needed_parts)
    };
    if whole && !args.search.paged() {
        // Whole runs as a JSON stream: read a batch and render it on all cores, print it in
        // order, drop it.
        let stdout = std::io::stdout();
        let mut stream =
            output::JsonStream::new(std::io::BufWriter::new(stdout.lock()), args.out.output);
        let lines = stream.is_lines();
        let mut found = page.items.into_iter().peekable();
        while found.peek().is_some() {
            let batch: Vec<_> = found.by_ref().take(256).collect();
            let rendered = mlrs::parallel::map(store.read_runs(batch, parts), |run| {
                run.map(|r| output::stream_item(lines, &j::run(&r)))
            });
            for run in rendered {
                match run {
                    Ok(text) => stream.rendered(&text).map_err(io_out)?,
                    Err(e) => ctx.warn.as_ref()(&format!("skipping malformed run: {e}")),
                }
            }
        }
        stream.finish().map_err(io_out)?;
        return note_cut(
            &args.search,
            "runs",
            DEFAULT_MAX,
            page.next_page_token.as_deref(),
        );
    }
    let mut runs = Vec::with_capacity(page.items.len());
    for run in store.read_runs(page.items, parts) {
        match run {
            Ok(r) => runs.push(r),
            Err(e) => ctx.warn.as_ref()(&format!("skipping malformed run: {e}")),
        }
    }
    let (items, table) = match &columns {
        Some(cols) => (
            runs.iter().map(|r| run_json(r, cols)).collect(),
            runs_table(&runs, cols, format_time),
        ),
        None => {
            let mut t = Table::new(&["Date", "Name", "ID", "Status"]);
            for r in &runs {
                t.row(vec![
                    format_time(r.info.start_time),
                    r.info.run_name.clone(),
                    r.info.run_id.clone(),
                    r.info.status.to_string(),
                ]);
            }
            (runs.iter().map(j::run).collect(), t)
        }
    };
    emit_page(
        &args.out,
        &args.search,
        "runs",
        DEFAULT_MAX,
        items,
        table,
        page.next_page_token,
    )
}

pub fn experiments(view: &str, search: &SearchArgs, out: &OutputArgs, ctx: &Ctx) -> Result<()> {
    const DEFAULT_MAX: i64 = 1000;
    let search = &search.clone().load()?;
    let store = ctx.read_store()?;
    let page = store.search_experiments(ViewType::parse(view)?, &search.query(DEFAULT_MAX))?;
    if out.quiet {
        page.items
            .iter()
            .for_each(|e| println!("{}", e.experiment_id));
        return Ok(());
    }
    let mut t = Table::new(&[
        "Experiment Id",
        "Name",
        "Artifact Location",
        "Lifecycle Stage",
    ]);
    for e in &page.items {
        t.row(vec![
            e.experiment_id.clone(),
            e.name.clone(),
            e.artifact_location.clone(),
            e.lifecycle_stage.to_string(),
        ]);
    }
    let items = page.items.iter().map(j::experiment).collect();
    emit_page(
        out,
        search,
        "experiments",
        DEFAULT_MAX,
        items,
        t,
        page.next_page_token,
    )
}

pub fn models(search: &SearchArgs, out: &OutputArgs, ctx: &Ctx) -> Result<()> {
    const DEFAULT_MAX: i64 = 100;
    let search = &search.clone().load()?;
    let store = super::models::read_registry(ctx)?;
    let page = store.search_registered_models(&search.query(DEFAULT_MAX))?;
    if out.quiet {
        page.items.iter().for_each(|m| println!("{}", m.name));
        return Ok(());
    }
    let items = page
        .items
        .iter()
        .map(registry_json::registered_model)
        .collect();
    let table = super::models::models_table(&page.items);
    emit_page(
        out,
        search,
        "registered models",
        DEFAULT_MAX,
        items,
        table,
        page.next_page_token,
    )
}

pub fn versions(search: &SearchArgs, out: &OutputArgs, ctx: &Ctx) -> Result<()> {
    const DEFAULT_MAX: i64 = 10000;
    let search = &search.clone().load()?;
    let store = super::models::read_registry(ctx)?;
    let page = store.search_model_versions(&search.query(DEFAULT_MAX))?;
    if out.quiet {
        page.items
            .iter()
            .for_each(|v| println!("{}/{}", v.name, v.version));
        return Ok(());
    }
    let items = page
        .items
        .iter()
        .map(registry_json::model_version)
        .collect();
    let table = super::models::versions_table(&page.items);
    emit_page(
        out,
        search,
        "model versions",
        DEFAULT_MAX,
        items,
        table,
        page.next_page_token,
    )
}
