//! Drawing `App` into a ratatui frame. Only the visible rows of a table are built, so a
//! listing of 10,000 runs draws as fast as one of 10.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

use mlrs::entities::Run;
use mlrs::store::metric_history::python_float_repr;

use super::app::{App, ListGeometry, Loadable, RunDetail, Screen, cell_text};
use crate::output::sparkline::sparkline;

const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
const HEADER: Style = Style::new().add_modifier(Modifier::BOLD);
const DIM: Style = Style::new().fg(Color::DarkGray);
const ERROR: Style = Style::new().fg(Color::Red);

/// Draws the whole UI.
pub fn draw(frame: &mut Frame, app: &App) {
    app.list_geometry.set(None);
    let [main, footer] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(frame.area());
    match app.screen {
        Screen::Experiments => experiments(frame, main, app),
        Screen::Runs => runs(frame, main, app),
        Screen::Run => run(frame, main, app),
        Screen::Compare => compare(frame, main, app),
        Screen::Chart => chart(frame, main, app),
        Screen::Models => models(frame, main, app),
        Screen::Versions => versions(frame, main, app),
        Screen::Artifacts => artifacts(frame, main, app),
    }
    frame.render_widget(Paragraph::new(footer_line(app)), footer);
    if app.help {
        help(frame, frame.area());
    }
    if let Some(action) = &app.confirm {
        confirm(frame, frame.area(), &action.question());
    }
}

fn confirm(frame: &mut Frame, area: Rect, question: &str) {
    let w = (question.chars().count() as u16 + 4).clamp(30, area.width);
    let h = 4.min(area.height);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(question.to_string()),
            Line::styled("y: do it · any other key: cancel", DIM),
        ])
        .wrap(Wrap { trim: false })
        .block(Block::default().borders(Borders::ALL).title(" confirm ")),
        popup,
    );
}

fn footer_line(app: &App) -> Line<'static> {
    if let Some((kind, text)) = &app.prompt {
        return Line::from(vec![
            Span::styled(format!("{}: ", kind.label()), HEADER),
            Span::raw(text.clone()),
            Span::styled("▏", DIM),
            Span::styled("   Enter confirm · Esc cancel", DIM),
        ]);
    }
    if let Some((text, is_error)) = &app.message {
        let style = if *is_error {
            ERROR
        } else {
            Style::new().fg(Color::Green)
        };
        return Line::styled(text.clone(), style);
    }
    if let Some(input) = &app.filter_input {
        return Line::from(vec![
            Span::styled("filter: ", HEADER),
            Span::raw(input.clone()),
            Span::styled("▏", DIM),
            Span::styled("   Enter apply · Esc cancel", DIM),
        ]);
    }
    let keys = match app.screen {
        Screen::Experiments => "↑↓ move · Enter open · Tab models · r reload · ? help · q quit",
        Screen::Models => "↑↓ move · Enter versions · Tab experiments · r reload · ? help · q quit",
        Screen::Versions => "↑↓ move · p stage · a alias · Esc back · r reload · ? help · q quit",
        Screen::Runs => {
            "↑↓ move · Enter open · / filter · s/S sort · Space mark · c compare · m chart · Esc back · ? help"
        }
        Screen::Run => "a artifacts · Esc back · r reload · ? help · q quit",
        Screen::Artifacts => {
            "↑↓ move · Enter open folder / preview file · Esc back · ? help · q quit"
        }
        Screen::Compare => "↑↓ scroll · m chart · Esc back · ? help · q quit",
        Screen::Chart => "[ ] metric · + - zoom · t step/time · Esc back · ? help · q quit",
    };
    if app.live {
        Line::from(vec![
            Span::styled("LIVE ", Style::new().fg(Color::Green)),
            Span::styled(keys, DIM),
        ])
    } else {
        Line::styled(keys, DIM)
    }
}

/// A window of `len` rows of height `height` that shows `selected`.
fn window(len: usize, selected: usize, height: usize) -> (usize, usize) {
    if height == 0 || len == 0 {
        return (0, 0);
    }
    let start = selected
        .saturating_sub(height - 1)
        .min(len.saturating_sub(height));
    (start, (start + height).min(len))
}

/// Records where a list's rows start (a bordered table: after the border and, with a header,
/// the header row), for the mouse.
fn record(app: &App, area: Rect, header: bool, start: usize) {
    let top = area.y + 1 + u16::from(header);
    app.list_geometry.set(Some(ListGeometry {
        top,
        start,
        rows: area.height.saturating_sub(2 + u16::from(header)),
    }));
}

fn placeholder<T>(frame: &mut Frame, area: Rect, block: Block, data: &Loadable<T>) -> bool {
    let text = match data {
        Loadable::Ready(_) => return false,
        Loadable::NotAsked | Loadable::Loading => Line::styled("loading…", DIM),
        Loadable::Failed(e) => Line::styled(format!("error: {e}"), ERROR),
    };
    frame.render_widget(
        Paragraph::new(text).block(block).wrap(Wrap { trim: false }),
        area,
    );
    true
}

fn experiments(frame: &mut Frame, area: Rect, app: &App) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Experiments ");
    if placeholder(frame, area, block.clone(), &app.experiments) {
        return;
    }
    let list = app.experiments.ready().expect("ready");
    let height = area.height.saturating_sub(3) as usize;
    let (start, end) = window(list.len(), app.experiment_sel, height);
    record(app, area, true, start);
    let rows = list[start..end].iter().map(|e| {
        Row::new(vec![
            Cell::from(e.experiment_id.clone()),
            Cell::from(e.name.clone()),
            Cell::from(e.artifact_location.clone()),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(20),
            Constraint::Fill(2),
            Constraint::Fill(3),
        ],
    )
    .header(Row::new(["id", "name", "artifact location"]).style(HEADER))
    .row_highlight_style(SELECTED)
    .block(block.title_bottom(format!(
        " {} experiment{} ",
        list.len(),
        if list.len() == 1 { "" } else { "s" }
    )));
    let mut state = TableState::default().with_selected(Some(app.experiment_sel - start));
    frame.render_stateful_widget(table, area, &mut state);
}

fn runs(frame: &mut Frame, area: Rect, app: &App) {
    let name = app
        .experiment
        .as_ref()
        .map(|e| e.name.clone())
        .unwrap_or_default();
    let view = match app.view {
        mlrs::entities::ViewType::ActiveOnly => "",
        mlrs::entities::ViewType::DeletedOnly => " (deleted)",
        mlrs::entities::ViewType::All => " (active and deleted)",
    };
    let title = if app.filter.is_empty() {
        format!(" Runs of {name}{view} ")
    } else {
        format!(" Runs of {name}{view} where {} ", app.filter)
    };
    let (table_area, error_area) = match &app.filter_error {
        Some(_) => {
            let [t, e] = Layout::vertical([Constraint::Min(3), Constraint::Length(3)]).areas(area);
            (t, Some(e))
        }
        None => (area, None),
    };
    if let (Some(e), Some(err_area)) = (&app.filter_error, error_area) {
        frame.render_widget(
            Paragraph::new(Line::styled(e.clone(), ERROR))
                .wrap(Wrap { trim: false })
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(" filter refused "),
                ),
            err_area,
        );
    }
    let block = Block::default().borders(Borders::ALL).title(title);
    if placeholder(frame, table_area, block.clone(), &app.runs) {
        return;
    }
    let list = app.runs.ready().expect("ready");
    let columns = app.shown_columns();
    let height = table_area.height.saturating_sub(3) as usize;
    let (start, end) = window(list.len(), app.run_sel, height);
    record(app, table_area, true, start);
    let header = columns.iter().enumerate().map(|(i, c)| {
        let mark = match app.sort {
            Some((s, false)) if s == i => " ▲",
            Some((s, true)) if s == i => " ▼",
            _ => "",
        };
        format!("{}{mark}", c.header())
    });
    let header = std::iter::once(String::new()).chain(header);
    let rows = list[start..end].iter().map(|r| {
        let mark = if app.marked.contains(&r.info.run_id) {
            "●"
        } else {
            " "
        };
        let mut cells = vec![Cell::from(mark)];
        cells.extend(columns.iter().map(|c| Cell::from(cell_text(r, c))));
        Row::new(cells)
    });
    let widths = std::iter::once(Constraint::Length(1)).chain(columns.iter().map(|c| match c {
        crate::output::columns::Column::Attribute("start_time")
        | crate::output::columns::Column::Attribute("end_time") => Constraint::Length(19),
        crate::output::columns::Column::Attribute("status") => Constraint::Length(9),
        crate::output::columns::Column::Attribute("run_id") => Constraint::Length(32),
        _ => Constraint::Fill(1),
    }));
    let marked = if app.marked.is_empty() {
        String::new()
    } else {
        format!(", {} marked", app.marked.len())
    };
    let plural = if list.len() == 1 { "" } else { "s" };
    let count = if app.runs_partial {
        format!(" {} run{plural}{marked}, reading… ", list.len())
    } else {
        format!(" {} run{plural}{marked} ", list.len())
    };
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(HEADER))
        .row_highlight_style(SELECTED)
        .block(block.title_bottom(count));
    let mut state = TableState::default().with_selected(Some(app.run_sel.saturating_sub(start)));
    frame.render_stateful_widget(table, table_area, &mut state);
}

fn run(frame: &mut Frame, area: Rect, app: &App) {
    let Some(detail) = app.detail.ready() else {
        placeholder(
            frame,
            area,
            Block::default().borders(Borders::ALL).title(" Run "),
            &app.detail,
        );
        return;
    };
    let r = &detail.run;
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" Run {} ({}) ", r.info.run_name, r.info.run_id));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [info, body] = Layout::vertical([Constraint::Length(4), Constraint::Min(1)]).areas(inner);
    frame.render_widget(Paragraph::new(info_lines(r)), info);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(body);
    frame.render_widget(
        Paragraph::new(key_values("Params", &r.data.params))
            .block(Block::default().borders(Borders::TOP))
            .wrap(Wrap { trim: false }),
        left.intersection(Rect {
            height: left.height / 2,
            ..left
        }),
    );
    let tags_area = Rect {
        y: left.y + left.height / 2,
        height: left.height - left.height / 2,
        ..left
    };
    frame.render_widget(
        Paragraph::new(key_values("Tags", &r.data.tags))
            .block(Block::default().borders(Borders::TOP))
            .wrap(Wrap { trim: false }),
        tags_area,
    );
    frame.render_widget(
        Paragraph::new(metric_lines(detail, right.width.saturating_sub(2) as usize))
            .block(Block::default().borders(Borders::TOP | Borders::LEFT)),
        right,
    );
}

fn info_lines(r: &Run) -> Vec<Line<'static>> {
    let i = &r.info;
    let time = crate::cli::util::format_time;
    vec![
        Line::from(vec![
            Span::styled("status ", DIM),
            Span::raw(i.status.to_string()),
            Span::styled("   user ", DIM),
            Span::raw(i.user_id.clone()),
            Span::styled("   experiment ", DIM),
            Span::raw(i.experiment_id.clone()),
        ]),
        Line::from(vec![
            Span::styled("start ", DIM),
            Span::raw(time(i.start_time)),
            Span::styled("   end ", DIM),
            Span::raw(time(i.end_time)),
        ]),
        Line::from(vec![
            Span::styled("artifacts ", DIM),
            Span::raw(i.artifact_uri.clone()),
        ]),
    ]
}

fn key_values(title: &str, map: &std::collections::BTreeMap<String, String>) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled(format!("{title} ({})", map.len()), HEADER)];
    for (k, v) in map {
        out.push(Line::from(vec![
            Span::styled(format!("{k} "), DIM),
            Span::raw(v.replace('\n', " ")),
        ]));
    }
    out
}

fn metric_lines(detail: &RunDetail, width: usize) -> Vec<Line<'static>> {
    let metrics = &detail.run.data.metrics;
    let mut out = vec![Line::styled(format!("Metrics ({})", metrics.len()), HEADER)];
    let key_w = metrics
        .keys()
        .map(|k| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(30);
    let val_w = metrics
        .values()
        .map(|m| python_float_repr(m.value).len())
        .max()
        .unwrap_or(0)
        .min(24);
    let spark_w = width.saturating_sub(key_w + val_w + 2).min(60);
    for (k, m) in metrics {
        let latest = python_float_repr(m.value);
        let spark = detail
            .histories
            .get(k)
            .map(|h| {
                let values: Vec<f64> = h.iter().map(|p| p.value).collect();
                sparkline(&values, spark_w)
            })
            .unwrap_or_default();
        out.push(Line::from(vec![
            Span::styled(format!("{k:<key_w$} "), DIM),
            Span::raw(format!("{latest:<val_w$} ")),
            Span::styled(spark, Style::new().fg(Color::Cyan)),
        ]));
    }
    out
}

fn help(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::styled("mlrs ui — keys", HEADER),
        Line::raw(""),
        Line::raw("↑ ↓  j k      move            PgUp PgDn  page"),
        Line::raw("g G  Home End first / last     Enter → l  open"),
        Line::raw("Esc ← h       back             r          reload"),
        Line::raw("/             filter runs with an MLflow filter string"),
        Line::raw("              (metrics.acc > 0.9 and params.lr = '0.01')"),
        Line::raw("s             sort by the next column; S reverses"),
        Line::raw("Space         mark a run       c m        compare / chart marked"),
        Line::raw("[ ]  + -  t   chart: metric, zoom, step or time on x"),
        Line::raw("L             live mode: new runs and points every 2 s"),
        Line::raw("Tab           experiments ⇄ registered models"),
        Line::raw("a             run: its artifact tree, Enter previews a file"),
        Line::raw("v             runs: active, deleted, all"),
        Line::raw("with --write: t tag · d delete · u restore a run;"),
        Line::raw("              p stage · a alias a version (each confirmed)"),
        Line::raw("?             this help        q Ctrl-C   quit"),
        Line::raw(""),
        Line::styled("any key closes this help", DIM),
    ];
    let w = 64.min(area.width);
    let h = (text.len() as u16 + 2).min(area.height);
    let popup = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, popup);
    frame.render_widget(
        Paragraph::new(text).block(Block::default().borders(Borders::ALL).title(" help ")),
        popup,
    );
}

fn compare(frame: &mut Frame, area: Rect, app: &App) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Compare (≠ differs) ");
    let Some(table) = app.compare.ready() else {
        placeholder(frame, area, block, &app.compare);
        return;
    };
    let height = area.height.saturating_sub(3) as usize;
    let start = app
        .compare_scroll
        .min(table.rows.len().saturating_sub(height.max(1)));
    let end = (start + height).min(table.rows.len());
    let rows = (start..end).map(|i| {
        let row = Row::new(table.rows[i].iter().map(|c| Cell::from(c.clone())));
        if table.highlighted.contains(&i) {
            row.style(Style::new().fg(Color::Yellow))
        } else {
            row
        }
    });
    let widths = table.headers.iter().enumerate().map(|(i, _)| match i {
        0 => Constraint::Length(1),
        1 => Constraint::Fill(2),
        _ => Constraint::Fill(2),
    });
    let t = Table::new(rows, widths)
        .header(Row::new(table.headers.clone()).style(HEADER))
        .block(block.title_bottom(format!(" {} rows ", table.rows.len())));
    frame.render_widget(t, area);
}

/// Colours of the chart's lines, one per run (cycled).
const SERIES: [Color; 6] = [
    Color::Cyan,
    Color::Magenta,
    Color::Yellow,
    Color::Green,
    Color::Red,
    Color::Blue,
];

/// The points of each run for `key`, x by step or by seconds since the first point of all,
/// cut to the last 1/2^zoom of the x range; with the x and y bounds (finite values only).
#[allow(clippy::type_complexity)]
pub fn chart_points(
    data: &super::app::ChartData,
    key: &str,
    x_axis: super::app::XAxis,
    zoom: u32,
) -> (Vec<(String, Vec<(f64, f64)>)>, [f64; 2], [f64; 2]) {
    let t0 = data
        .runs
        .iter()
        .filter_map(|(_, h)| h.get(key))
        .flat_map(|pts| pts.iter().map(|p| p.timestamp))
        .min()
        .unwrap_or(0);
    let x_of = |p: &mlrs::entities::Metric| match x_axis {
        super::app::XAxis::Step => p.step as f64,
        super::app::XAxis::Time => (p.timestamp - t0) as f64 / 1000.0,
    };
    let all: Vec<(String, Vec<(f64, f64)>)> = data
        .runs
        .iter()
        .map(|(label, h)| {
            let mut pts: Vec<(f64, f64)> = h
                .get(key)
                .map(|pts| pts.iter().map(|p| (x_of(p), p.value)).collect())
                .unwrap_or_default();
            pts.sort_by(|a, b| a.0.total_cmp(&b.0));
            (label.clone(), pts)
        })
        .collect();
    let xs = all.iter().flat_map(|(_, p)| p.iter().map(|q| q.0));
    let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
        (a.min(x), b.max(x))
    });
    if lo > hi {
        return (all, [0.0, 1.0], [0.0, 1.0]);
    }
    let from = hi - (hi - lo) / 2f64.powi(zoom as i32);
    let shown: Vec<(String, Vec<(f64, f64)>)> = all
        .into_iter()
        .map(|(l, p)| {
            (
                l,
                p.into_iter()
                    .filter(|q| q.0 >= from && q.1.is_finite())
                    .collect(),
            )
        })
        .collect();
    let ys = shown.iter().flat_map(|(_, p)| p.iter().map(|q| q.1));
    let (ylo, yhi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
        (a.min(y), b.max(y))
    });
    let y = if ylo > yhi {
        [0.0, 1.0]
    } else if ylo == yhi {
        [ylo - 0.5, yhi + 0.5]
    } else {
        [ylo, yhi]
    };
    let x = if from == hi {
        [from - 0.5, hi + 0.5]
    } else {
        [from, hi]
    };
    (shown, x, y)
}

fn chart(frame: &mut Frame, area: Rect, app: &App) {
    use ratatui::symbols::Marker;
    use ratatui::widgets::{Axis, Chart, Dataset, GraphType};
    let block = Block::default().borders(Borders::ALL).title(" Chart ");
    let Some(data) = app.chart.ready() else {
        placeholder(frame, area, block, &app.chart);
        return;
    };
    let keys = data.keys();
    let Some(key) = keys.get(app.chart_key.min(keys.len().saturating_sub(1))) else {
        frame.render_widget(
            Paragraph::new(Line::styled("these runs logged no metric", DIM)).block(block),
            area,
        );
        return;
    };
    let (series, x, y) = chart_points(data, key, app.x_axis, app.zoom);
    let datasets = series
        .iter()
        .enumerate()
        .map(|(i, (label, pts))| {
            Dataset::default()
                .name(label.clone())
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(Style::new().fg(SERIES[i % SERIES.len()]))
                .data(pts)
        })
        .collect();
    let x_title = match app.x_axis {
        super::app::XAxis::Step => "step",
        super::app::XAxis::Time => "seconds",
    };
    let zoom = if app.zoom == 0 {
        String::new()
    } else {
        format!(", last 1/{} of x", 1u64 << app.zoom)
    };
    let title = format!(
        " {key} ({}/{}{zoom}) ",
        app.chart_key.min(keys.len() - 1) + 1,
        keys.len()
    );
    let label = |v: f64| Span::raw(crate::output::chart::fmt_num(v));
    let chart = Chart::new(datasets)
        .block(Block::default().borders(Borders::ALL).title(title))
        .x_axis(
            Axis::default()
                .title(x_title)
                .bounds(x)
                .labels([label(x[0]), label(x[1])]),
        )
        .y_axis(Axis::default().bounds(y).labels([label(y[0]), label(y[1])]));
    frame.render_widget(chart, area);
}

fn models(frame: &mut Frame, area: Rect, app: &App) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(" Registered models ");
    let Some(list) = app.models.ready() else {
        placeholder(frame, area, block, &app.models);
        return;
    };
    let height = area.height.saturating_sub(3) as usize;
    let (start, end) = window(list.len(), app.model_sel, height);
    record(app, area, true, start);
    let rows = list[start..end].iter().map(|m| {
        let latest = m
            .latest_versions
            .iter()
            .map(|v| format!("{} ({})", v.version, v.current_stage.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        let aliases = m
            .aliases
            .iter()
            .map(|(a, v)| format!("{a}={v}"))
            .collect::<Vec<_>>()
            .join(", ");
        Row::new(vec![
            m.name.clone(),
            latest,
            aliases,
            m.description.clone().unwrap_or_default().replace('\n', " "),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Fill(2),
            Constraint::Fill(3),
        ],
    )
    .header(Row::new(["name", "latest versions", "aliases", "description"]).style(HEADER))
    .row_highlight_style(SELECTED)
    .block(block.title_bottom(format!(
        " {} model{} ",
        list.len(),
        if list.len() == 1 { "" } else { "s" }
    )));
    let mut state = TableState::default().with_selected(Some(app.model_sel.saturating_sub(start)));
    frame.render_stateful_widget(table, area, &mut state);
}

fn versions(frame: &mut Frame, area: Rect, app: &App) {
    let name = app.model.clone().unwrap_or_default();
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" Versions of {name} "));
    let Some(list) = app.versions.ready() else {
        placeholder(frame, area, block, &app.versions);
        return;
    };
    let height = area.height.saturating_sub(3) as usize;
    let (start, end) = window(list.len(), app.version_sel, height);
    record(app, area, true, start);
    let rows = list[start..end].iter().map(|v| {
        let stage = v.current_stage.as_str();
        let style = match stage {
            "Production" => Style::new().fg(Color::Green),
            "Staging" => Style::new().fg(Color::Yellow),
            "Archived" => DIM,
            _ => Style::new(),
        };
        Row::new(vec![
            Cell::from(v.version.to_string()),
            Cell::from(stage).style(style),
            Cell::from(v.aliases.join(", ")),
            Cell::from(v.run_id.clone().unwrap_or_default()),
            Cell::from(v.source.clone().unwrap_or_default()),
            Cell::from(v.description.clone().unwrap_or_default().replace('\n', " ")),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(7),
            Constraint::Length(10),
            Constraint::Fill(1),
            Constraint::Length(32),
            Constraint::Fill(3),
            Constraint::Fill(2),
        ],
    )
    .header(
        Row::new([
            "version",
            "stage",
            "aliases",
            "run id",
            "source",
            "description",
        ])
        .style(HEADER),
    )
    .row_highlight_style(SELECTED)
    .block(block.title_bottom(format!(
        " {} version{} ",
        list.len(),
        if list.len() == 1 { "" } else { "s" }
    )));
    let mut state =
        TableState::default().with_selected(Some(app.version_sel.saturating_sub(start)));
    frame.render_stateful_widget(table, area, &mut state);
}

fn artifacts(frame: &mut Frame, area: Rect, app: &App) {
    let run: String = app
        .artifact_run
        .clone()
        .unwrap_or_default()
        .chars()
        .take(8)
        .collect();
    let [tree_area, preview_area] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" Artifacts of {run} "));
    let Some(nodes) = app.artifacts.ready() else {
        placeholder(frame, tree_area, block, &app.artifacts);
        return;
    };
    if nodes.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("no artifacts", DIM)).block(block),
            tree_area,
        );
    } else {
        let height = tree_area.height.saturating_sub(2) as usize;
        let (start, end) = window(nodes.len(), app.artifact_sel, height);
        record(app, tree_area, false, start);
        let rows = nodes[start..end].iter().map(|n| {
            let icon = match (n.is_dir, n.expanded) {
                (true, true) => "▾ ",
                (true, false) => "▸ ",
                (false, _) => "  ",
            };
            let size = n.size.map(|s| s.to_string()).unwrap_or_default();
            Row::new(vec![
                Cell::from(format!("{}{icon}{}", "  ".repeat(n.depth), n.name())),
                Cell::from(size).style(DIM),
            ])
        });
        let table = Table::new(rows, [Constraint::Fill(1), Constraint::Length(10)])
            .row_highlight_style(SELECTED)
            .block(block);
        let mut state =
            TableState::default().with_selected(Some(app.artifact_sel.saturating_sub(start)));
        frame.render_stateful_widget(table, tree_area, &mut state);
    }
    let (title, body) = match &app.preview {
        None => (
            " Preview ".to_string(),
            vec![Line::styled("Enter on a file shows its start here", DIM)],
        ),
        Some((path, Loadable::Ready(text))) => (
            format!(" {path} "),
            text.lines().map(|l| Line::raw(l.to_string())).collect(),
        ),
        Some((path, Loadable::Failed(e))) => (
            format!(" {path} "),
            vec![Line::styled(format!("error: {e}"), ERROR)],
        ),
        Some((path, _)) => (format!(" {path} "), vec![Line::styled("loading…", DIM)]),
    };
    frame.render_widget(
        Paragraph::new(body).block(Block::default().borders(Borders::ALL).title(title)),
        preview_area,
    );
}
