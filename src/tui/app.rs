//! The state of `mlrs ui` and what each key does to it, with no terminal and no store: keys
//! go in (`App::on_key`), requests for data come out (`Request`), answers come back
//! (`App::on_loaded`). The event loop (`super::run`) and the background reader
//! (`super::loader`) connect it to a terminal and a store; tests drive it directly.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use mlrs::entities::registry::{ModelVersion, RegisteredModel};
use mlrs::entities::{Experiment, FileInfo, Metric, Run, ViewType};

use crate::output::columns::{Column, parse_columns};

/// Which screen is in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Experiments,
    Runs,
    Run,
    /// `runs compare` of the marked runs.
    Compare,
    /// Metric histories of the marked runs, one line each.
    Chart,
    /// The registered models (Tab from the experiments).
    Models,
    /// The versions of one registered model.
    Versions,
    /// The artifact tree of a run, with a preview of the selected file.
    Artifacts,
}

/// Where the list of the current screen was drawn: its first row on the terminal, the index
/// of the item in that row, and how many rows it has (for the mouse).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListGeometry {
    pub top: u16,
    pub start: usize,
    pub rows: u16,
}

/// One line of the artifact tree.
#[derive(Debug, Clone, PartialEq)]
pub struct ArtifactNode {
    /// Relative to the run's artifact root.
    pub path: String,
    pub is_dir: bool,
    pub size: Option<u64>,
    pub depth: usize,
    /// A directory whose children are listed below it.
    pub expanded: bool,
}

impl ArtifactNode {
    pub fn name(&self) -> &str {
        self.path.rsplit('/').next().unwrap_or(&self.path)
    }
}

/// The x axis of the metric chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XAxis {
    Step,
    /// Seconds since the first point shown.
    Time,
}

/// Data that is asked for in the background.
#[derive(Debug, Clone, PartialEq)]
pub enum Loadable<T> {
    NotAsked,
    Loading,
    Ready(T),
    Failed(String),
}

impl<T> Loadable<T> {
    pub fn ready(&self) -> Option<&T> {
        match self {
            Loadable::Ready(v) => Some(v),
            _ => None,
        }
    }
}

/// What the UI asks the background reader for. `generation` ties an answer to the question:
/// an answer to an older question (the user moved on) is dropped.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Experiments,
    Runs {
        generation: u64,
        experiment_id: String,
        filter: String,
        view: ViewType,
    },
    /// A change to the store (`--write`), confirmed by the user (never dropped as stale).
    Write(Action),
    Run {
        generation: u64,
        run_id: String,
    },
    Compare {
        generation: u64,
        run_ids: Vec<String>,
    },
    Chart {
        generation: u64,
        run_ids: Vec<String>,
    },
    Models {
        generation: u64,
    },
    Versions {
        generation: u64,
        name: String,
    },
    /// The children of `path` ("" for the root) in a run's artifacts.
    Artifacts {
        generation: u64,
        run_id: String,
        path: String,
    },
    /// The start of one artifact file, as text.
    Preview {
        generation: u64,
        run_id: String,
        path: String,
    },
}

/// The metric histories of several runs, for the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    /// (run label, key → history), in the order the runs were marked.
    pub runs: Vec<(String, BTreeMap<String, Vec<Metric>>)>,
}

impl ChartData {
    /// Every metric key any of the runs logged, sorted.
    pub fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self
            .runs
            .iter()
            .flat_map(|(_, h)| h.keys().cloned())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }
}

/// A run with the history of each of its metrics (for sparklines).
#[derive(Debug, Clone, PartialEq)]
pub struct RunDetail {
    pub run: Run,
    pub histories: BTreeMap<String, Vec<Metric>>,
}

/// What the background reader answers.
#[derive(Debug)]
pub enum Response {
    Experiments(Result<Vec<Experiment>, String>),
    /// One page of runs; `done` when it was the last.
    Runs {
        generation: u64,
        page: Result<Vec<Run>, String>,
        done: bool,
    },
    Run {
        generation: u64,
        detail: Result<Box<RunDetail>, String>,
    },
    Compare {
        generation: u64,
        table: Result<crate::output::Table, String>,
    },
    Chart {
        generation: u64,
        data: Result<ChartData, String>,
    },
    Models {
        generation: u64,
        models: Result<Vec<RegisteredModel>, String>,
    },
    Versions {
        generation: u64,
        versions: Result<Vec<ModelVersion>, String>,
    },
    /// A write was made (what it did) or refused (why).
    Written(Result<String, String>),
    Artifacts {
        generation: u64,
        path: String,
        files: Result<Vec<FileInfo>, String>,
    },
    Preview {
        generation: u64,
        path: String,
        text: Result<String, String>,
    },
}

/// A change `--write` allows, each behind a confirmation.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetTag {
        run_id: String,
        key: String,
        value: String,
    },
    DeleteRun {
        run_id: String,
    },
    RestoreRun {
        run_id: String,
    },
    Transition {
        name: String,
        version: i64,
        stage: String,
    },
    SetAlias {
        name: String,
        alias: String,
        version: i64,
    },
}

impl Action {
    /// The confirmation question.
    pub fn question(&self) -> String {
        match self {
            Action::SetTag { run_id, key, value } => {
                format!("Set tag {key}={value} on run {run_id}?")
            }
            Action::DeleteRun { run_id } => format!("Delete run {run_id}?"),
            Action::RestoreRun { run_id } => format!("Restore run {run_id}?"),
            Action::Transition {
                name,
                version,
                stage,
            } => format!("Move version {version} of {name} to stage {stage}?"),
            Action::SetAlias {
                name,
                alias,
                version,
            } => format!("Point alias {alias} of {name} at version {version}?"),
        }
    }
}

/// What a one-line prompt (`t`, `p`, `a` with `--write`) asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// `key=value` for a run tag.
    Tag,
    /// A stage for the selected model version.
    Stage,
    /// An alias for the selected model version.
    Alias,
}

impl PromptKind {
    pub fn label(self) -> &'static str {
        match self {
            PromptKind::Tag => "tag (key=value)",
            PromptKind::Stage => "stage (None, Staging, Production, Archived)",
            PromptKind::Alias => "alias",
        }
    }
}

/// How many metric columns the runs table shows when `--columns` was not given.
pub const DEFAULT_METRIC_COLUMNS: usize = 4;

/// The whole state of the UI.
pub struct App {
    pub screen: Screen,
    pub help: bool,
    pub quit: bool,
    pub experiments: Loadable<Vec<Experiment>>,
    pub experiment_sel: usize,
    /// The experiment whose runs are shown.
    pub experiment: Option<Experiment>,
    pub runs: Loadable<Vec<Run>>,
    /// More pages are coming.
    pub runs_partial: bool,
    pub run_sel: usize,
    /// The filter the runs were searched with.
    pub filter: String,
    /// The filter of the runs on screen.
    applied_filter: String,
    /// The filter being typed (`/`), None when not editing.
    pub filter_input: Option<String>,
    /// Why the last filter was refused, shown under the table.
    pub filter_error: Option<String>,
    /// `--columns`, else None (run name, status, start and the first metrics).
    pub columns: Option<Vec<Column>>,
    /// Index into the shown columns and descending?
    pub sort: Option<(usize, bool)>,
    pub detail: Loadable<RunDetail>,
    /// Runs marked with Space, in marking order (compare and chart show them).
    pub marked: Vec<String>,
    pub compare: Loadable<crate::output::Table>,
    /// First row of the compare table shown.
    pub compare_scroll: usize,
    pub chart: Loadable<ChartData>,
    /// The runs the chart shows.
    chart_runs: Vec<String>,
    /// Index into `ChartData::keys`.
    pub chart_key: usize,
    pub x_axis: XAxis,
    /// The chart shows the last 1/2^zoom of the x range.
    pub zoom: u32,
    pub models: Loadable<Vec<RegisteredModel>>,
    pub model_sel: usize,
    /// The registered model whose versions are shown.
    pub model: Option<String>,
    pub versions: Loadable<Vec<ModelVersion>>,
    pub version_sel: usize,
    /// The run whose artifacts are shown, its tree, the cursor, and the file previewed.
    pub artifact_run: Option<String>,
    pub artifacts: Loadable<Vec<ArtifactNode>>,
    pub artifact_sel: usize,
    pub preview: Option<(String, Loadable<String>)>,
    /// Set by the view each frame, read by `on_mouse`.
    pub list_geometry: std::cell::Cell<Option<ListGeometry>>,
    /// `--write`: the store may be changed (each change confirmed).
    pub write: bool,
    /// Which runs the table shows (`v` cycles active, deleted, all).
    pub view: ViewType,
    /// A one-line prompt being typed.
    pub prompt: Option<(PromptKind, String)>,
    /// A change waiting for y/n.
    pub confirm: Option<Action>,
    /// The last outcome to tell the user, and whether it is an error.
    pub message: Option<(String, bool)>,
    /// Live mode: `tick` reads the screen's data again (new runs, new metric points).
    pub live: bool,
    /// A live re-read is on its way (at most one at a time).
    live_pending: bool,
    /// The runs of a live re-read, shown when its last page is in.
    incoming: Option<Vec<Run>>,
    generation: u64,
    /// The runs and filter on screen before the current search, put back if it is refused.
    before_search: Option<(String, Loadable<Vec<Run>>)>,
}

impl App {
    pub fn new(columns: Option<Vec<Column>>) -> App {
        App {
            screen: Screen::Experiments,
            help: false,
            quit: false,
            experiments: Loadable::NotAsked,
            experiment_sel: 0,
            experiment: None,
            runs: Loadable::NotAsked,
            runs_partial: false,
            run_sel: 0,
            filter: String::new(),
            applied_filter: String::new(),
            filter_input: None,
            filter_error: None,
            columns,
            sort: None,
            detail: Loadable::NotAsked,
            marked: Vec::new(),
            compare: Loadable::NotAsked,
            compare_scroll: 0,
            chart: Loadable::NotAsked,
            chart_runs: Vec::new(),
            chart_key: 0,
            x_axis: XAxis::Step,
            zoom: 0,
            models: Loadable::NotAsked,
            model_sel: 0,
            model: None,
            versions: Loadable::NotAsked,
            version_sel: 0,
            artifact_run: None,
            artifacts: Loadable::NotAsked,
            artifact_sel: 0,
            preview: None,
            list_geometry: std::cell::Cell::new(None),
            write: false,
            view: ViewType::ActiveOnly,
            prompt: None,
            confirm: None,
            message: None,
            live: false,
            live_pending: false,
            incoming: None,
            generation: 0,
            before_search: None,
        }
    }

    /// The first requests: the experiment list.
    pub fn start(&mut self) -> Vec<Request> {
        self.experiments = Loadable::Loading;
        vec![Request::Experiments]
    }

    /// Opens the runs of `experiment` (also how `--experiment-id` starts the UI there).
    pub fn open_experiment(&mut self, experiment: Experiment) -> Vec<Request> {
        self.screen = Screen::Runs;
        self.experiment = Some(experiment);
        self.filter.clear();
        self.filter_error = None;
        self.sort = None;
        self.search()
    }

    fn search(&mut self) -> Vec<Request> {
        let Some(experiment_id) = self.experiment.as_ref().map(|e| e.experiment_id.clone()) else {
            return Vec::new();
        };
        self.bump();
        let shown = std::mem::replace(&mut self.runs, Loadable::Loading);
        self.before_search = Some((self.applied_filter.clone(), shown));
        self.applied_filter = self.filter.clone();
        self.runs_partial = true;
        self.run_sel = 0;
        vec![Request::Runs {
            generation: self.generation,
            experiment_id,
            filter: self.filter.clone(),
            view: self.view,
        }]
    }

    /// Applies an answer of the background reader.
    pub fn on_loaded(&mut self, response: Response) {
        match response {
            Response::Experiments(Ok(list)) => {
                self.experiment_sel = self.experiment_sel.min(list.len().saturating_sub(1));
                self.experiments = Loadable::Ready(list);
            }
            Response::Experiments(Err(e)) => self.experiments = Loadable::Failed(e),
            Response::Runs {
                generation,
                page,
                done,
            } if generation == self.generation && self.incoming.is_some() => match page {
                Ok(page) => {
                    let incoming = self.incoming.as_mut().expect("checked");
                    incoming.extend(page);
                    if done {
                        let keep = self.selected_run().map(|r| r.info.run_id.clone());
                        let runs = self.incoming.take().unwrap_or_default();
                        self.run_sel = keep
                            .and_then(|id| runs.iter().position(|r| r.info.run_id == id))
                            .unwrap_or(self.run_sel)
                            .min(runs.len().saturating_sub(1));
                        self.runs = Loadable::Ready(runs);
                        self.apply_sort();
                        self.live_pending = false;
                    }
                }
                // A failed re-read leaves what is on screen.
                Err(_) => {
                    self.incoming = None;
                    self.live_pending = false;
                }
            },
            Response::Runs {
                generation,
                page,
                done,
            } if generation == self.generation => match page {
                Ok(page) => {
                    match &mut self.runs {
                        Loadable::Ready(runs) => runs.extend(page),
                        other => *other = Loadable::Ready(page),
                    }
                    self.runs_partial = !done;
                    if done {
                        self.apply_sort();
                    }
                }
                Err(e) => {
                    self.runs_partial = false;
                    if self.filter.is_empty() {
                        self.runs = Loadable::Failed(e);
                    } else {
                        // A refused filter: say why under the table, leave its text to edit,
                        // and keep showing the runs (and filter) of before.
                        self.filter_error = Some(e);
                        let (filter, runs) = self
                            .before_search
                            .take()
                            .unwrap_or((String::new(), Loadable::NotAsked));
                        self.filter_input =
                            Some(std::mem::replace(&mut self.filter, filter.clone()));
                        self.applied_filter = filter;
                        self.runs = runs;
                    }
                }
            },
            Response::Run { generation, detail } if generation == self.generation => {
                let live = std::mem::take(&mut self.live_pending);
                match detail {
                    Ok(d) => self.detail = Loadable::Ready(*d),
                    Err(_) if live => {}
                    Err(e) => self.detail = Loadable::Failed(e),
                }
            }
            Response::Compare { generation, table } if generation == self.generation => {
                self.compare = table.map_or_else(Loadable::Failed, Loadable::Ready);
            }
            Response::Chart { generation, data } if generation == self.generation => {
                let live = std::mem::take(&mut self.live_pending);
                match data {
                    Ok(d) => self.chart = Loadable::Ready(d),
                    Err(_) if live => {}
                    Err(e) => self.chart = Loadable::Failed(e),
                }
            }
            Response::Models { generation, models } if generation == self.generation => {
                if let Ok(m) = &models {
                    self.model_sel = self.model_sel.min(m.len().saturating_sub(1));
                }
                self.models = models.map_or_else(Loadable::Failed, Loadable::Ready);
            }
            Response::Versions {
                generation,
                versions,
            } if generation == self.generation => {
                if let Ok(v) = &versions {
                    self.version_sel = self.version_sel.min(v.len().saturating_sub(1));
                }
                self.versions = versions.map_or_else(Loadable::Failed, Loadable::Ready);
            }
            Response::Artifacts {
                generation,
                path,
                files,
            } if generation == self.generation => self.on_artifacts(&path, files),
            Response::Preview {
                generation,
                path,
                text,
            } if generation == self.generation => {
                if let Some((shown, slot)) = &mut self.preview
                    && *shown == path
                {
                    *slot = text.map_or_else(Loadable::Failed, Loadable::Ready);
                }
            }
            Response::Written(result) => {
                self.message = Some(match result {
                    Ok(done) => (done, false),
                    Err(e) => (e, true),
                });
            }
            // An answer to a question nobody is waiting for any more.
            Response::Runs { .. }
            | Response::Run { .. }
            | Response::Compare { .. }
            | Response::Chart { .. }
            | Response::Models { .. }
            | Response::Versions { .. }
            | Response::Artifacts { .. }
            | Response::Preview { .. } => {}
        }
    }

    /// The columns of the runs table: `--columns`, else run name, status, start time and the
    /// first metric keys of the runs shown.
    pub fn shown_columns(&self) -> Vec<Column> {
        if let Some(c) = &self.columns {
            return c.clone();
        }
        let mut cols = parse_columns("run_name,status,start_time").expect("valid columns");
        let mut keys = std::collections::BTreeSet::new();
        if let Some(runs) = self.runs.ready() {
            for r in runs.iter().take(1000) {
                keys.extend(r.data.metrics.keys().cloned());
            }
        }
        cols.extend(
            keys.into_iter()
                .take(DEFAULT_METRIC_COLUMNS)
                .map(Column::Metric),
        );
        cols
    }

    fn apply_sort(&mut self) {
        let Some((col, desc)) = self.sort else {
            return;
        };
        let columns = self.shown_columns();
        let Some(column) = columns.get(col).cloned() else {
            return;
        };
        let keep = self.selected_run().map(|r| r.info.run_id.clone());
        if let Loadable::Ready(runs) = &mut self.runs {
            runs.sort_by(|a, b| compare_cells(a, b, &column, desc));
            // The cursor stays on its run.
            if let Some(i) = keep.and_then(|id| runs.iter().position(|r| r.info.run_id == id)) {
                self.run_sel = i;
            }
        }
    }

    fn list_len(&self) -> usize {
        match self.screen {
            Screen::Experiments => self.experiments.ready().map_or(0, Vec::len),
            Screen::Runs => self.runs.ready().map_or(0, Vec::len),
            Screen::Compare => self.compare.ready().map_or(0, |t| t.rows.len()),
            Screen::Models => self.models.ready().map_or(0, Vec::len),
            Screen::Versions => self.versions.ready().map_or(0, Vec::len),
            Screen::Artifacts => self.artifacts.ready().map_or(0, Vec::len),
            Screen::Run | Screen::Chart => 0,
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let len = self.list_len();
        let sel = match self.screen {
            Screen::Experiments => &mut self.experiment_sel,
            Screen::Runs => &mut self.run_sel,
            Screen::Compare => &mut self.compare_scroll,
            Screen::Models => &mut self.model_sel,
            Screen::Versions => &mut self.version_sel,
            Screen::Artifacts => &mut self.artifact_sel,
            Screen::Run | Screen::Chart => return,
        };
        if len == 0 {
            *sel = 0;
            return;
        }
        let next = (*sel as isize + delta).clamp(0, len as isize - 1);
        *sel = next as usize;
    }

    /// The run under the cursor of the runs table.
    pub fn selected_run(&self) -> Option<&Run> {
        self.runs.ready().and_then(|r| r.get(self.run_sel))
    }

    /// What a key does; returns the data to ask for.
    pub fn on_key(&mut self, key: KeyEvent) -> Vec<Request> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return Vec::new();
        }
        // A message stays until the next key.
        self.message = None;
        if let Some(action) = self.confirm.take() {
            return match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => self.perform(action),
                _ => {
                    self.message = Some(("cancelled".into(), false));
                    Vec::new()
                }
            };
        }
        if let Some((kind, mut text)) = self.prompt.take() {
            match key.code {
                KeyCode::Esc => return Vec::new(),
                KeyCode::Enter => {
                    self.ask_to_confirm(kind, text.trim());
                    return Vec::new();
                }
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char(c) => text.push(c),
                _ => {}
            }
            self.prompt = Some((kind, text));
            return Vec::new();
        }
        if let Some(input) = &mut self.filter_input {
            match key.code {
                KeyCode::Esc => {
                    self.filter_input = None;
                    self.filter_error = None;
                }
                KeyCode::Enter => {
                    self.filter = self
                        .filter_input
                        .take()
                        .unwrap_or_default()
                        .trim()
                        .to_string();
                    self.filter_error = None;
                    return self.search();
                }
                KeyCode::Backspace => {
                    input.pop();
                }
                KeyCode::Char(c) => input.push(c),
                _ => {}
            }
            return Vec::new();
        }
        if self.help {
            // Any key closes the help.
            self.help = false;
            return Vec::new();
        }
        match key.code {
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Char('?') => self.help = true,
            KeyCode::Down | KeyCode::Char('j') => self.move_selection(1),
            KeyCode::Up | KeyCode::Char('k') => self.move_selection(-1),
            KeyCode::PageDown => self.move_selection(20),
            KeyCode::PageUp => self.move_selection(-20),
            KeyCode::Home | KeyCode::Char('g') => self.move_selection(isize::MIN / 2),
            KeyCode::End | KeyCode::Char('G') => self.move_selection(isize::MAX / 2),
            KeyCode::Esc | KeyCode::Backspace | KeyCode::Left | KeyCode::Char('h') => {
                return self.back();
            }
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => return self.enter(),
            KeyCode::Char('/') if self.screen == Screen::Runs => {
                self.filter_input = Some(self.filter.clone());
            }
            KeyCode::Char('s') if self.screen == Screen::Runs => {
                let n = self.shown_columns().len().max(1);
                self.sort = Some(match self.sort {
                    None => (0, false),
                    Some((c, desc)) => ((c + 1) % n, desc),
                });
                self.apply_sort();
            }
            KeyCode::Char('S') if self.screen == Screen::Runs => {
                let (c, desc) = self.sort.unwrap_or((0, false));
                self.sort = Some((c, !desc));
                self.apply_sort();
            }
            KeyCode::Char(' ') if self.screen == Screen::Runs => {
                if let Some(id) = self.selected_run().map(|r| r.info.run_id.clone()) {
                    match self.marked.iter().position(|m| *m == id) {
                        Some(i) => {
                            self.marked.remove(i);
                        }
                        None => self.marked.push(id),
                    }
                    self.move_selection(1);
                }
            }
            KeyCode::Char('c') if self.screen == Screen::Runs => return self.open_compare(),
            KeyCode::Char('m') if matches!(self.screen, Screen::Runs | Screen::Compare) => {
                return self.open_chart();
            }
            KeyCode::Char(']') if self.screen == Screen::Chart => self.step_chart_key(1),
            KeyCode::Char('[') if self.screen == Screen::Chart => self.step_chart_key(-1),
            KeyCode::Char('+') | KeyCode::Char('=') if self.screen == Screen::Chart => {
                self.zoom = (self.zoom + 1).min(10);
            }
            KeyCode::Char('-') if self.screen == Screen::Chart => {
                self.zoom = self.zoom.saturating_sub(1);
            }
            KeyCode::Char('t') if self.screen == Screen::Chart => {
                self.x_axis = match self.x_axis {
                    XAxis::Step => XAxis::Time,
                    XAxis::Time => XAxis::Step,
                };
            }
            KeyCode::Char('v') if self.screen == Screen::Runs => {
                self.view = match self.view {
                    ViewType::ActiveOnly => ViewType::DeletedOnly,
                    ViewType::DeletedOnly => ViewType::All,
                    ViewType::All => ViewType::ActiveOnly,
                };
                return self.search();
            }
            KeyCode::Char('t') if self.screen == Screen::Runs => self.start_prompt(PromptKind::Tag),
            KeyCode::Char('d') if self.screen == Screen::Runs => {
                self.confirm_on_run(|run_id| Action::DeleteRun { run_id });
            }
            KeyCode::Char('u') if self.screen == Screen::Runs => {
                self.confirm_on_run(|run_id| Action::RestoreRun { run_id });
            }
            KeyCode::Char('a') if self.screen == Screen::Run => return self.open_artifacts(),
            KeyCode::Char('p') if self.screen == Screen::Versions => {
                self.start_prompt(PromptKind::Stage);
            }
            KeyCode::Char('a') if self.screen == Screen::Versions => {
                self.start_prompt(PromptKind::Alias);
            }
            KeyCode::Tab if matches!(self.screen, Screen::Experiments | Screen::Models) => {
                return self.switch_top();
            }
            KeyCode::Char('r') => return self.refresh(),
            KeyCode::Char('L') => {
                self.live = !self.live;
                return self.tick();
            }
            _ => {}
        }
        Vec::new()
    }

    /// The mouse: the wheel scrolls, a click selects the row under it, a click on the
    /// selected row opens it (as Enter).
    pub fn on_mouse(&mut self, event: MouseEvent) -> Vec<Request> {
        if self.help
            || self.confirm.is_some()
            || self.prompt.is_some()
            || self.filter_input.is_some()
        {
            return Vec::new();
        }
        match event.kind {
            MouseEventKind::ScrollDown => self.move_selection(3),
            MouseEventKind::ScrollUp => self.move_selection(-3),
            MouseEventKind::Down(MouseButton::Left) => {
                let Some(g) = self.list_geometry.get() else {
                    return Vec::new();
                };
                if event.row < g.top || event.row >= g.top + g.rows {
                    return Vec::new();
                }
                let index = g.start + (event.row - g.top) as usize;
                if index >= self.list_len() {
                    return Vec::new();
                }
                let current = match self.screen {
                    Screen::Experiments => self.experiment_sel,
                    Screen::Runs => self.run_sel,
                    Screen::Models => self.model_sel,
                    Screen::Versions => self.version_sel,
                    Screen::Artifacts => self.artifact_sel,
                    Screen::Compare => self.compare_scroll,
                    Screen::Run | Screen::Chart => return Vec::new(),
                };
                if index == current {
                    return self.enter();
                }
                self.move_selection(index as isize - current as isize);
            }
            _ => {}
        }
        Vec::new()
    }

    /// A new question: answers to older ones (live re-reads included) are dropped.
    fn bump(&mut self) {
        self.generation += 1;
        self.live_pending = false;
        self.incoming = None;
    }

    /// Live mode's heartbeat: reads the data of the screen again without clearing it, so new
    /// runs appear in the table and a RUNNING run's detail and chart grow. One re-read at a
    /// time; nothing while a normal load or a prompt is under way.
    pub fn tick(&mut self) -> Vec<Request> {
        if !self.live || self.live_pending || self.filter_input.is_some() {
            return Vec::new();
        }
        match self.screen {
            Screen::Runs if self.runs.ready().is_some() && !self.runs_partial => {
                let Some(experiment_id) = self.experiment.as_ref().map(|e| e.experiment_id.clone())
                else {
                    return Vec::new();
                };
                self.bump();
                self.live_pending = true;
                self.incoming = Some(Vec::new());
                vec![Request::Runs {
                    generation: self.generation,
                    experiment_id,
                    filter: self.applied_filter.clone(),
                    view: self.view,
                }]
            }
            Screen::Run => match self.detail.ready() {
                Some(d) => {
                    let run_id = d.run.info.run_id.clone();
                    self.bump();
                    self.live_pending = true;
                    vec![Request::Run {
                        generation: self.generation,
                        run_id,
                    }]
                }
                None => Vec::new(),
            },
            Screen::Chart if self.chart.ready().is_some() => {
                self.bump();
                self.live_pending = true;
                vec![Request::Chart {
                    generation: self.generation,
                    run_ids: self.chosen_runs_for_chart(),
                }]
            }
            _ => Vec::new(),
        }
    }

    /// The runs compare and chart show: the marked ones, else the one under the cursor.
    pub fn chosen_runs(&self) -> Vec<String> {
        if !self.marked.is_empty() {
            return self.marked.clone();
        }
        self.selected_run()
            .map(|r| vec![r.info.run_id.clone()])
            .unwrap_or_default()
    }

    fn open_compare(&mut self) -> Vec<Request> {
        let run_ids = self.chosen_runs();
        if run_ids.is_empty() {
            return Vec::new();
        }
        self.screen = Screen::Compare;
        self.bump();
        self.compare = Loadable::Loading;
        self.compare_scroll = 0;
        vec![Request::Compare {
            generation: self.generation,
            run_ids,
        }]
    }

    fn open_chart(&mut self) -> Vec<Request> {
        let run_ids = self.chosen_runs();
        if run_ids.is_empty() {
            return Vec::new();
        }
        self.screen = Screen::Chart;
        self.bump();
        self.chart = Loadable::Loading;
        self.chart_runs = run_ids.clone();
        self.zoom = 0;
        vec![Request::Chart {
            generation: self.generation,
            run_ids,
        }]
    }

    /// Whether changes are allowed; says how to allow them when not.
    fn writable(&mut self) -> bool {
        if !self.write {
            self.message = Some((
                "read-only: start `mlrs ui --write` to change the store".into(),
                true,
            ));
        }
        self.write
    }

    /// Opens the prompt for a change to the selected run or version (with `--write`).
    fn start_prompt(&mut self, kind: PromptKind) {
        let has_target = match kind {
            PromptKind::Tag => self.selected_run().is_some(),
            PromptKind::Stage | PromptKind::Alias => self.selected_version().is_some(),
        };
        if has_target && self.writable() {
            self.prompt = Some((kind, String::new()));
        }
    }

    /// Asks to confirm `action` on the selected run (with `--write`).
    fn confirm_on_run(&mut self, action: impl FnOnce(String) -> Action) {
        let Some(run_id) = self.selected_run().map(|r| r.info.run_id.clone()) else {
            return;
        };
        if self.writable() {
            self.confirm = Some(action(run_id));
        }
    }

    /// Turns a finished prompt into the change to confirm (or a message saying what is wrong).
    fn ask_to_confirm(&mut self, kind: PromptKind, text: &str) {
        let action = match kind {
            PromptKind::Tag => {
                let Some(run_id) = self.selected_run().map(|r| r.info.run_id.clone()) else {
                    return;
                };
                match text.split_once('=') {
                    Some((k, v)) if !k.trim().is_empty() => Action::SetTag {
                        run_id,
                        key: k.trim().to_string(),
                        value: v.to_string(),
                    },
                    _ => {
                        self.message = Some((format!("a tag is key=value, not {text:?}"), true));
                        return;
                    }
                }
            }
            PromptKind::Stage | PromptKind::Alias => {
                let Some(v) = self.selected_version() else {
                    return;
                };
                let (name, version) = (v.name.clone(), v.version);
                if text.is_empty() {
                    self.message = Some(("nothing typed".into(), true));
                    return;
                }
                if kind == PromptKind::Stage {
                    Action::Transition {
                        name,
                        version,
                        stage: text.to_string(),
                    }
                } else {
                    Action::SetAlias {
                        name,
                        alias: text.to_string(),
                        version,
                    }
                }
            }
        };
        self.confirm = Some(action);
    }

    /// Sends a confirmed change, then reads the screen again.
    fn perform(&mut self, action: Action) -> Vec<Request> {
        self.message = None;
        let mut reqs = vec![Request::Write(action)];
        // The reader answers in order: the re-read sees the change.
        reqs.extend(match self.screen {
            Screen::Runs => {
                let sel = self.run_sel;
                let r = self.search();
                self.run_sel = sel;
                r
            }
            _ => self.refresh(),
        });
        reqs
    }

    /// Tab: the experiments ⇄ the registered models.
    fn switch_top(&mut self) -> Vec<Request> {
        if self.screen == Screen::Models {
            self.screen = Screen::Experiments;
            return Vec::new();
        }
        self.screen = Screen::Models;
        self.bump();
        if self.models.ready().is_none() {
            self.models = Loadable::Loading;
        }
        vec![Request::Models {
            generation: self.generation,
        }]
    }

    /// The version under the cursor of the versions table.
    pub fn selected_version(&self) -> Option<&ModelVersion> {
        self.versions.ready().and_then(|v| v.get(self.version_sel))
    }

    fn chosen_runs_for_chart(&self) -> Vec<String> {
        self.chart_runs.clone()
    }

    fn step_chart_key(&mut self, delta: isize) {
        let n = self.chart.ready().map_or(0, |c| c.keys().len());
        if n > 0 {
            self.chart_key = (self.chart_key as isize + delta).rem_euclid(n as isize) as usize;
        }
    }

    fn enter(&mut self) -> Vec<Request> {
        match self.screen {
            Screen::Experiments => {
                let exp = self
                    .experiments
                    .ready()
                    .and_then(|e| e.get(self.experiment_sel))
                    .cloned();
                match exp {
                    Some(e) => self.open_experiment(e),
                    None => Vec::new(),
                }
            }
            Screen::Runs => {
                let Some(run_id) = self.selected_run().map(|r| r.info.run_id.clone()) else {
                    return Vec::new();
                };
                self.screen = Screen::Run;
                self.bump();
                self.detail = Loadable::Loading;
                vec![Request::Run {
                    generation: self.generation,
                    run_id,
                }]
            }
            Screen::Models => {
                let Some(name) = self
                    .models
                    .ready()
                    .and_then(|m| m.get(self.model_sel))
                    .map(|m| m.name.clone())
                else {
                    return Vec::new();
                };
                self.open_versions(name)
            }
            Screen::Artifacts => self.open_artifact(),
            Screen::Run | Screen::Compare | Screen::Chart | Screen::Versions => Vec::new(),
        }
    }

    fn open_artifacts(&mut self) -> Vec<Request> {
        let Some(run_id) = self.detail.ready().map(|d| d.run.info.run_id.clone()) else {
            return Vec::new();
        };
        self.screen = Screen::Artifacts;
        self.bump();
        self.artifacts = Loadable::Loading;
        self.artifact_sel = 0;
        self.preview = None;
        self.artifact_run = Some(run_id.clone());
        vec![Request::Artifacts {
            generation: self.generation,
            run_id,
            path: String::new(),
        }]
    }

    /// Enter on the tree: a directory folds or unfolds (listed on first open), a file is
    /// previewed.
    fn open_artifact(&mut self) -> Vec<Request> {
        let (Some(run_id), Loadable::Ready(nodes)) =
            (self.artifact_run.clone(), &mut self.artifacts)
        else {
            return Vec::new();
        };
        let Some(node) = nodes.get(self.artifact_sel).cloned() else {
            return Vec::new();
        };
        if !node.is_dir {
            self.preview = Some((node.path.clone(), Loadable::Loading));
            return vec![Request::Preview {
                generation: self.generation,
                run_id,
                path: node.path,
            }];
        }
        if node.expanded {
            // Fold: drop everything below it.
            let i = self.artifact_sel;
            let end = nodes[i + 1..]
                .iter()
                .position(|n| n.depth <= node.depth)
                .map_or(nodes.len(), |p| i + 1 + p);
            nodes.drain(i + 1..end);
            nodes[i].expanded = false;
            return Vec::new();
        }
        nodes[self.artifact_sel].expanded = true;
        vec![Request::Artifacts {
            generation: self.generation,
            run_id,
            path: node.path,
        }]
    }

    fn on_artifacts(&mut self, path: &str, files: Result<Vec<FileInfo>, String>) {
        let files = match files {
            Ok(f) => f,
            Err(e) if path.is_empty() => {
                self.artifacts = Loadable::Failed(e);
                return;
            }
            Err(e) => {
                self.message = Some((e, true));
                return;
            }
        };
        let node = |f: FileInfo, depth| ArtifactNode {
            path: f.path,
            is_dir: f.is_dir,
            size: f.file_size,
            depth,
            expanded: false,
        };
        if path.is_empty() {
            self.artifacts = Loadable::Ready(files.into_iter().map(|f| node(f, 0)).collect());
            return;
        }
        let Loadable::Ready(nodes) = &mut self.artifacts else {
            return;
        };
        let Some(i) = nodes
            .iter()
            .position(|n| n.path == path && n.is_dir && n.expanded)
        else {
            return;
        };
        let depth = nodes[i].depth + 1;
        let children: Vec<ArtifactNode> = files.into_iter().map(|f| node(f, depth)).collect();
        nodes.splice(i + 1..i + 1, children);
    }

    fn open_versions(&mut self, name: String) -> Vec<Request> {
        self.screen = Screen::Versions;
        self.bump();
        // Reading the same model again (after a change) keeps its versions on screen.
        if self.model.as_deref() != Some(name.as_str()) || self.versions.ready().is_none() {
            self.versions = Loadable::Loading;
        }
        self.version_sel = 0;
        self.model = Some(name.clone());
        vec![Request::Versions {
            generation: self.generation,
            name,
        }]
    }

    fn back(&mut self) -> Vec<Request> {
        match self.screen {
            Screen::Run => {
                self.screen = Screen::Runs;
                self.detail = Loadable::NotAsked;
            }
            Screen::Compare | Screen::Chart => {
                self.screen = Screen::Runs;
                self.compare = Loadable::NotAsked;
                self.chart = Loadable::NotAsked;
            }
            Screen::Runs => {
                self.screen = Screen::Experiments;
                self.bump(); // pages still on their way are dropped
                self.runs = Loadable::NotAsked;
                self.experiment = None;
                self.marked.clear();
            }
            Screen::Versions => {
                self.screen = Screen::Models;
                self.versions = Loadable::NotAsked;
                self.model = None;
            }
            Screen::Models => self.screen = Screen::Experiments,
            Screen::Artifacts => {
                self.screen = Screen::Run;
                self.artifacts = Loadable::NotAsked;
                self.preview = None;
            }
            Screen::Experiments => {}
        }
        Vec::new()
    }

    fn refresh(&mut self) -> Vec<Request> {
        match self.screen {
            Screen::Experiments => self.start(),
            Screen::Runs => self.search(),
            Screen::Run => {
                self.screen = Screen::Runs;
                self.enter()
            }
            Screen::Compare => self.open_compare(),
            Screen::Artifacts => self.open_artifacts(),
            Screen::Models => {
                self.screen = Screen::Experiments;
                self.models = Loadable::Loading;
                self.switch_top()
            }
            Screen::Versions => match self.model.clone() {
                Some(name) => {
                    let sel = self.version_sel;
                    let reqs = self.open_versions(name);
                    self.version_sel = sel;
                    reqs
                }
                None => Vec::new(),
            },
            Screen::Chart => {
                let key = self.chart_key;
                let reqs = self.open_chart();
                self.chart_key = key;
                reqs
            }
        }
    }
}

/// Orders two runs by one column, ascending or `desc`: metrics numerically, with NaN after
/// every number and runs without the metric last either way; times by value; everything
/// else as text.
fn compare_cells(a: &Run, b: &Run, column: &Column, desc: bool) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let directed = |o: Ordering| if desc { o.reverse() } else { o };
    match column {
        Column::Metric(k) => {
            let va = a.data.metrics.get(k).map(|m| m.value);
            let vb = b.data.metrics.get(k).map(|m| m.value);
            match (va, vb) {
                (Some(x), Some(y)) => match (x.is_nan(), y.is_nan()) {
                    (false, false) => directed(x.partial_cmp(&y).unwrap_or(Ordering::Equal)),
                    (nx, ny) => nx.cmp(&ny),
                },
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        Column::Attribute("start_time") => directed(a.info.start_time.cmp(&b.info.start_time)),
        Column::Attribute("end_time") => directed(a.info.end_time.cmp(&b.info.end_time)),
        other => directed(cell_text(a, other).cmp(&cell_text(b, other))),
    }
}

/// The text of a cell, as the runs table shows it.
pub fn cell_text(r: &Run, column: &Column) -> String {
    crate::output::columns::cell(r, column, &crate::cli::util::format_time)
}
