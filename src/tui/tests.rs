//! `mlrs ui` without a terminal: the state machine driven key by key, and frames rendered into
//! ratatui's `TestBackend` and compared with snapshots (insta).

use std::collections::BTreeMap;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use mlrs::entities::{Experiment, LifecycleStage, Metric, Run, RunData, RunInfo, RunStatus};

use super::app::{App, ChartData, Loadable, Request, Response, RunDetail, Screen, XAxis};
use super::view;
use crate::output::columns::parse_columns;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ch(c: char) -> KeyEvent {
    key(KeyCode::Char(c))
}

fn experiment(id: &str, name: &str) -> Experiment {
    Experiment {
        experiment_id: id.into(),
        name: name.into(),
        artifact_location: format!("file:///store/mlruns/{id}"),
        lifecycle_stage: LifecycleStage::Active,
        tags: BTreeMap::new(),
        creation_time: Some(1_700_000_000_000),
        last_update_time: Some(1_700_000_000_000),
    }
}

fn run(i: usize, acc: Option<f64>) -> Run {
    let mut metrics = BTreeMap::new();
    if let Some(v) = acc {
        metrics.insert(
            "acc".to_string(),
            Metric {
                key: "acc".into(),
                value: v,
                timestamp: 1_700_000_000_000,
                step: 3,
                dataset_name: None,
                dataset_digest: None,
            },
        );
    }
    Run {
        info: RunInfo {
            run_id: format!("{i:032x}"),
            run_name: format!("run-{i}"),
            experiment_id: "1".into(),
            user_id: "alice".into(),
            status: [RunStatus::Finished, RunStatus::Failed, RunStatus::Running][i % 3],
            start_time: Some(1_700_000_000_000 + i as i64 * 60_000),
            end_time: None,
            artifact_uri: format!("file:///store/mlruns/1/{i:032x}/artifacts"),
            lifecycle_stage: LifecycleStage::Active,
            deleted_time: None,
        },
        data: RunData {
            metrics,
            params: BTreeMap::from([("lr".to_string(), format!("0.0{i}"))]),
            tags: BTreeMap::new(),
        },
        inputs: Default::default(),
        outputs: Default::default(),
    }
}

/// An app showing the runs of experiment 1, all pages read.
fn app_with_runs(runs: Vec<Run>) -> App {
    let mut app = App::new(None);
    app.start();
    app.on_loaded(Response::Experiments(Ok(vec![
        experiment("0", "Default"),
        experiment("1", "fraud"),
    ])));
    app.on_key(ch('j'));
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Runs { generation, .. } = reqs[0].clone() else {
        panic!("{reqs:?}");
    };
    app.on_loaded(Response::Runs {
        generation,
        page: Ok(runs),
        done: true,
    });
    app
}

fn render(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| view::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let line: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn starting_asks_for_experiments_and_enter_opens_the_selected_ones_runs() {
    let mut app = App::new(None);
    assert_eq!(app.start(), vec![Request::Experiments]);
    assert_eq!(app.experiments, Loadable::Loading);
    app.on_loaded(Response::Experiments(Ok(vec![
        experiment("0", "Default"),
        experiment("7", "fraud"),
    ])));
    // Down twice stops at the last experiment.
    app.on_key(key(KeyCode::Down));
    app.on_key(ch('j'));
    assert_eq!(app.experiment_sel, 1);
    let reqs = app.on_key(key(KeyCode::Enter));
    assert_eq!(app.screen, Screen::Runs);
    assert!(
        matches!(&reqs[..], [Request::Runs { experiment_id, filter, .. }] if experiment_id == "7" && filter.is_empty())
    );
    // Esc goes back; q quits.
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Experiments);
    assert!(!app.quit);
    app.on_key(ch('q'));
    assert!(app.quit);
}

#[test]
fn pages_of_runs_accumulate_and_an_answer_to_an_old_question_is_dropped() {
    let mut app = App::new(None);
    app.start();
    app.on_loaded(Response::Experiments(Ok(vec![experiment("1", "fraud")])));
    let first = app.on_key(key(KeyCode::Enter));
    let Request::Runs {
        generation: old, ..
    } = first[0]
    else {
        panic!()
    };
    // The user searches again before the first answer arrives.
    app.on_key(ch('/'));
    for c in "metrics.acc > 0.5".chars() {
        app.on_key(ch(c));
    }
    let second = app.on_key(key(KeyCode::Enter));
    let Request::Runs {
        generation: new,
        ref filter,
        ..
    } = second[0]
    else {
        panic!()
    };
    assert_eq!(filter, "metrics.acc > 0.5");
    assert_ne!(old, new);
    app.on_loaded(Response::Runs {
        generation: old,
        page: Ok(vec![run(9, None)]),
        done: true,
    });
    assert_eq!(app.runs, Loadable::Loading, "a stale page is not shown");
    app.on_loaded(Response::Runs {
        generation: new,
        page: Ok(vec![run(1, Some(0.9))]),
        done: false,
    });
    assert!(app.runs_partial);
    app.on_loaded(Response::Runs {
        generation: new,
        page: Ok(vec![run(2, Some(0.7))]),
        done: true,
    });
    assert!(!app.runs_partial);
    let names: Vec<_> = app
        .runs
        .ready()
        .unwrap()
        .iter()
        .map(|r| r.info.run_name.clone())
        .collect();
    assert_eq!(names, ["run-1", "run-2"]);
}

#[test]
fn a_refused_filter_is_shown_inline_and_left_to_edit() {
    let mut app = app_with_runs(vec![run(1, Some(0.5))]);
    app.on_key(ch('/'));
    for c in "metrics.acc >> 1".chars() {
        app.on_key(ch(c));
    }
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Runs { generation, .. } = reqs[0] else {
        panic!()
    };
    app.on_loaded(Response::Runs {
        generation,
        page: Err("Invalid comparator '>>'".into()),
        done: true,
    });
    assert_eq!(app.filter_error.as_deref(), Some("Invalid comparator '>>'"));
    assert_eq!(app.filter_input.as_deref(), Some("metrics.acc >> 1"));
    assert_eq!(
        app.filter, "",
        "the runs shown are still the unfiltered ones"
    );
    assert_eq!(app.runs.ready().map(Vec::len), Some(1));
    // Fixing it and pressing Enter clears the error and searches again.
    app.on_key(key(KeyCode::Backspace));
    app.on_key(key(KeyCode::Backspace));
    app.on_key(key(KeyCode::Backspace));
    for c in " 1".chars() {
        app.on_key(ch(c));
    }
    let reqs = app.on_key(key(KeyCode::Enter));
    assert!(matches!(&reqs[..], [Request::Runs { filter, .. }] if filter == "metrics.acc > 1"));
    assert_eq!(app.filter_error, None);
    // Esc while editing leaves the filter as it was.
    app.on_key(ch('/'));
    app.on_key(ch('x'));
    assert!(app.on_key(key(KeyCode::Esc)).is_empty());
    assert_eq!(app.filter, "metrics.acc > 1");
    assert_eq!(app.filter_input, None);
}

#[test]
fn sorting_cycles_columns_orders_metrics_numerically_with_nan_and_missing_last_both_ways() {
    let mut app = app_with_runs(vec![
        run(1, Some(10.0)),
        run(2, None),
        run(3, Some(9.0)),
        run(4, Some(f64::NAN)),
    ]);
    let cols: Vec<String> = app.shown_columns().iter().map(|c| c.header()).collect();
    assert_eq!(cols, ["run_name", "status", "start_time", "metrics.acc"]);
    for _ in 0..4 {
        app.on_key(ch('s')); // run_name, status, start_time, metrics.acc
    }
    assert_eq!(app.sort, Some((3, false)));
    assert_eq!(
        app.selected_run().unwrap().info.run_name,
        "run-1",
        "the cursor stays on its run"
    );
    let order = |app: &App| -> Vec<String> {
        app.runs
            .ready()
            .unwrap()
            .iter()
            .map(|r| r.info.run_name.clone())
            .collect()
    };
    assert_eq!(order(&app), ["run-3", "run-1", "run-4", "run-2"]);
    app.on_key(ch('S'));
    assert_eq!(
        order(&app),
        ["run-1", "run-3", "run-4", "run-2"],
        "NaN and missing stay last"
    );
    app.on_key(ch('s')); // wraps to run_name
    assert_eq!(app.sort, Some((0, true)));
}

#[test]
fn enter_on_a_run_asks_for_its_detail_and_esc_returns_to_the_table() {
    let mut app = app_with_runs(vec![run(1, Some(0.5)), run(2, Some(0.6))]);
    app.on_key(key(KeyCode::End));
    assert_eq!(app.run_sel, 1);
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Run {
        generation,
        ref run_id,
    } = reqs[0]
    else {
        panic!("{reqs:?}")
    };
    assert_eq!(run_id, &format!("{:032x}", 2));
    assert_eq!(app.screen, Screen::Run);
    app.on_loaded(Response::Run {
        generation,
        detail: Ok(Box::new(RunDetail {
            run: run(2, Some(0.6)),
            histories: BTreeMap::new(),
        })),
    });
    assert!(app.detail.ready().is_some());
    app.on_key(ch('h'));
    assert_eq!(app.screen, Screen::Runs);
    assert_eq!(app.run_sel, 1, "the cursor stays on the run");
}

#[test]
fn help_opens_with_question_mark_and_any_key_closes_it_without_acting() {
    let mut app = app_with_runs(vec![run(1, None)]);
    app.on_key(ch('?'));
    assert!(app.help);
    app.on_key(ch('q'));
    assert!(!app.help && !app.quit, "q closes the help first");
    app.on_key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(app.quit);
}

#[test]
fn frame_experiments() {
    let mut app = App::new(None);
    app.start();
    app.on_loaded(Response::Experiments(Ok(vec![
        experiment("0", "Default"),
        experiment("1", "fraud"),
    ])));
    insta::assert_snapshot!(render(&app, 80, 8));
}

#[test]
fn frame_runs_sorted_with_a_partial_count() {
    let mut app = App::new(Some(
        parse_columns("run_name,status,metrics.acc,params.lr").unwrap(),
    ));
    app.start();
    app.on_loaded(Response::Experiments(Ok(vec![experiment("1", "fraud")])));
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Runs { generation, .. } = reqs[0] else {
        panic!()
    };
    app.on_loaded(Response::Runs {
        generation,
        page: Ok((1..=3).map(|i| run(i, Some(i as f64 / 4.0))).collect()),
        done: false,
    });
    app.on_key(ch('s'));
    app.on_key(ch('s'));
    app.on_key(ch('s'));
    app.on_key(ch('S'));
    insta::assert_snapshot!(render(&app, 80, 9));
}

#[test]
fn frame_refused_filter() {
    let mut app = app_with_runs(vec![run(1, Some(0.5))]);
    app.columns = Some(parse_columns("run_name,status,metrics.acc").unwrap()); // no local times
    app.on_key(ch('/'));
    for c in "metrics.acc >> 1".chars() {
        app.on_key(ch(c));
    }
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Runs { generation, .. } = reqs[0] else {
        panic!()
    };
    app.on_loaded(Response::Runs {
        generation,
        page: Err("Invalid comparator '>>' not one of '{'!=', '<', '<=', '=', '>', '>='}".into()),
        done: true,
    });
    insta::assert_snapshot!(render(&app, 80, 10));
}

#[test]
fn frame_run_detail_with_sparklines() {
    let mut app = app_with_runs(vec![run(1, Some(0.5))]);
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Run { generation, .. } = reqs[0] else {
        panic!()
    };
    let history = (0..16)
        .map(|s| Metric {
            key: "acc".into(),
            value: (s as f64 / 3.0).sin(),
            timestamp: 1_700_000_000_000 + s,
            step: s,
            dataset_name: None,
            dataset_digest: None,
        })
        .collect();
    // No times: a frame shows them in local time, which differs between machines.
    let mut shown = run(1, Some(0.5));
    shown.info.start_time = None;
    app.on_loaded(Response::Run {
        generation,
        detail: Ok(Box::new(RunDetail {
            run: shown,
            histories: BTreeMap::from([("acc".into(), history)]),
        })),
    });
    insta::assert_snapshot!(render(&app, 90, 14));
}

#[test]
fn frame_help() {
    let mut app = app_with_runs(vec![run(1, None)]);
    app.columns = Some(parse_columns("run_name,status").unwrap()); // no local times
    app.on_key(ch('?'));
    insta::assert_snapshot!(render(&app, 80, 16));
}

#[test]
fn ten_thousand_runs_render_only_the_visible_window() {
    let runs: Vec<Run> = (0..10_000).map(|i| run(i, Some(i as f64))).collect();
    let mut app = app_with_runs(runs);
    app.on_key(key(KeyCode::End));
    let text = render(&app, 100, 12);
    assert!(text.contains("run-9999"), "{text}");
    assert!(text.contains("10000 runs"), "{text}");
    assert!(render(&app_with_runs(vec![run(1, None)]), 100, 6).contains(" 1 run "));
    assert!(!text.contains("run-0 "), "{text}");
}

fn history(key: &str, values: &[f64]) -> Vec<Metric> {
    values
        .iter()
        .enumerate()
        .map(|(i, v)| Metric {
            key: key.into(),
            value: *v,
            timestamp: 1_700_000_000_000 + 2000 * i as i64,
            step: 10 * i as i64,
            dataset_name: None,
            dataset_digest: None,
        })
        .collect()
}

#[test]
fn space_marks_runs_in_order_and_compare_and_chart_ask_for_the_marked_ones() {
    let mut app = app_with_runs(vec![
        run(1, Some(0.1)),
        run(2, Some(0.2)),
        run(3, Some(0.3)),
    ]);
    // Nothing marked: compare takes the run under the cursor.
    let reqs = app.on_key(ch('c'));
    assert!(
        matches!(&reqs[..], [Request::Compare { run_ids, .. }] if run_ids == &[format!("{:032x}", 1)])
    );
    assert_eq!(app.screen, Screen::Compare);
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Runs);
    // Mark the third, then the first (Space moves down; unmarking works too).
    app.on_key(key(KeyCode::End));
    app.on_key(ch(' '));
    app.on_key(key(KeyCode::Home));
    app.on_key(ch(' '));
    app.on_key(ch(' '));
    app.on_key(key(KeyCode::Up));
    app.on_key(ch(' ')); // unmarks run 2
    assert_eq!(
        app.marked,
        vec![format!("{:032x}", 3), format!("{:032x}", 1)]
    );
    let reqs = app.on_key(ch('m'));
    let Request::Chart {
        generation,
        run_ids,
    } = reqs[0].clone()
    else {
        panic!("{reqs:?}")
    };
    assert_eq!(run_ids, app.marked);
    app.on_loaded(Response::Chart {
        generation,
        data: Ok(ChartData {
            runs: vec![
                (
                    "a".into(),
                    BTreeMap::from([
                        ("acc".into(), history("acc", &[1.0])),
                        ("loss".into(), history("loss", &[2.0])),
                    ]),
                ),
                (
                    "b".into(),
                    BTreeMap::from([("zeta".into(), history("zeta", &[3.0]))]),
                ),
            ],
        }),
    });
    assert_eq!(app.chart.ready().unwrap().keys(), ["acc", "loss", "zeta"]);
    app.on_key(ch('['));
    assert_eq!(app.chart_key, 2, "[ wraps to the last metric");
    app.on_key(ch(']'));
    app.on_key(ch(']'));
    assert_eq!(app.chart_key, 1);
    for _ in 0..20 {
        app.on_key(ch('+'));
    }
    assert_eq!(app.zoom, 10, "zoom is bounded");
    app.on_key(ch('-'));
    assert_eq!(app.zoom, 9);
    app.on_key(ch('t'));
    assert_eq!(app.x_axis, XAxis::Time);
    // Leaving the experiment forgets the marks.
    app.on_key(key(KeyCode::Esc));
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Experiments);
    assert!(app.marked.is_empty());
}

#[test]
fn chart_points_zoom_to_the_end_of_x_and_time_counts_seconds_from_the_first_point() {
    let data = ChartData {
        runs: vec![
            (
                "a".into(),
                BTreeMap::from([("m".into(), history("m", &[1.0, 2.0, f64::NAN, 4.0, 5.0]))]),
            ),
            (
                "b".into(),
                BTreeMap::from([("m".into(), history("m", &[0.5, f64::INFINITY]))]),
            ),
        ],
    };
    let (series, x, y) = super::view::chart_points(&data, "m", XAxis::Step, 0);
    assert_eq!(x, [0.0, 40.0]);
    assert_eq!(
        y,
        [0.5, 5.0],
        "NaN and inf are not drawn and do not stretch the axis"
    );
    assert_eq!(
        series[0].1,
        vec![(0.0, 1.0), (10.0, 2.0), (30.0, 4.0), (40.0, 5.0)]
    );
    assert_eq!(series[1].1, vec![(0.0, 0.5)]);
    let (series, x, _) = super::view::chart_points(&data, "m", XAxis::Step, 1);
    assert_eq!(x, [20.0, 40.0]);
    assert_eq!(series[0].1, vec![(30.0, 4.0), (40.0, 5.0)]);
    let (series, x, _) = super::view::chart_points(&data, "m", XAxis::Time, 0);
    assert_eq!(x, [0.0, 8.0]);
    assert_eq!(series[0].1[1], (2.0, 2.0));
}

#[test]
fn frame_compare_highlights_rows_that_differ() {
    let mut app = app_with_runs(vec![run(1, Some(0.5)), run(2, Some(0.5))]);
    app.on_key(ch(' '));
    app.on_key(ch(' '));
    let reqs = app.on_key(ch('c'));
    let Request::Compare { generation, .. } = reqs[0] else {
        panic!()
    };
    let runs = [run(1, Some(0.5)), run(2, Some(0.5))];
    let c = crate::cli::compare::compare(&runs, &|_, k| Ok(history(k, &[0.5])), false).unwrap();
    app.on_loaded(Response::Compare {
        generation,
        table: Ok(crate::cli::compare::comparison_table(&runs, &c)),
    });
    insta::assert_snapshot!(render(&app, 80, 8));
}

#[test]
fn frame_chart_of_two_runs() {
    let mut app = app_with_runs(vec![run(1, Some(0.5)), run(2, Some(0.5))]);
    let reqs = app.on_key(ch('m'));
    let Request::Chart { generation, .. } = reqs[0] else {
        panic!()
    };
    let up: Vec<f64> = (0..20).map(|i| i as f64 / 19.0).collect();
    let down: Vec<f64> = (0..20).map(|i| 1.0 - i as f64 / 19.0).collect();
    app.on_loaded(Response::Chart {
        generation,
        data: Ok(ChartData {
            runs: vec![
                (
                    "up".into(),
                    BTreeMap::from([("acc".into(), history("acc", &up))]),
                ),
                (
                    "down".into(),
                    BTreeMap::from([("acc".into(), history("acc", &down))]),
                ),
            ],
        }),
    });
    insta::assert_snapshot!(render(&app, 60, 14));
}

#[test]
fn live_mode_reads_again_without_clearing_and_keeps_the_cursor_on_its_run() {
    let mut app = app_with_runs(vec![run(1, Some(0.1)), run(2, Some(0.2))]);
    assert!(app.tick().is_empty(), "not live: nothing is read again");
    app.on_key(ch('j'));
    // `L` turns live mode on and reads at once; ticks wait for that answer.
    let reqs = app.on_key(ch('L'));
    assert!(app.live);
    let Request::Runs {
        generation,
        ref filter,
        ..
    } = reqs[0]
    else {
        panic!("{reqs:?}")
    };
    assert_eq!(filter, "");
    assert!(app.tick().is_empty(), "one re-read at a time");
    // A new run arrived first in the store's order; the old table stays until the last page.
    app.on_loaded(Response::Runs {
        generation,
        page: Ok(vec![run(3, Some(0.3)), run(1, Some(0.1))]),
        done: false,
    });
    assert_eq!(app.runs.ready().unwrap().len(), 2);
    app.on_loaded(Response::Runs {
        generation,
        page: Ok(vec![run(2, Some(0.25))]),
        done: true,
    });
    let runs = app.runs.ready().unwrap();
    assert_eq!(runs.len(), 3);
    assert_eq!(
        app.selected_run().unwrap().info.run_name,
        "run-2",
        "the cursor follows its run"
    );
    assert_eq!(app.selected_run().unwrap().data.metrics["acc"].value, 0.25);
    // The next tick asks again; leaving the screen drops what is on its way.
    let reqs = app.tick();
    let Request::Runs { generation: g2, .. } = reqs[0] else {
        panic!("{reqs:?}")
    };
    app.on_key(key(KeyCode::Enter));
    app.on_loaded(Response::Runs {
        generation: g2,
        page: Ok(vec![]),
        done: true,
    });
    assert_eq!(
        app.runs.ready().unwrap().len(),
        3,
        "a stale re-read changes nothing"
    );
}

#[test]
fn live_mode_on_a_run_replaces_its_detail_when_the_answer_comes() {
    let mut app = app_with_runs(vec![run(1, Some(0.1))]);
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Run { generation, .. } = reqs[0] else {
        panic!()
    };
    app.on_loaded(Response::Run {
        generation,
        detail: Ok(Box::new(RunDetail {
            run: run(1, Some(0.1)),
            histories: BTreeMap::new(),
        })),
    });
    app.live = true;
    let reqs = app.tick();
    let Request::Run { generation, .. } = reqs[0] else {
        panic!("{reqs:?}")
    };
    app.on_loaded(Response::Run {
        generation,
        detail: Err("disk went away".into()),
    });
    assert!(
        app.detail.ready().is_some(),
        "a failed re-read keeps the detail"
    );
    let reqs = app.tick();
    let Request::Run { generation, .. } = reqs[0] else {
        panic!("{reqs:?}")
    };
    app.on_loaded(Response::Run {
        generation,
        detail: Ok(Box::new(RunDetail {
            run: run(1, Some(0.9)),
            histories: BTreeMap::new(),
        })),
    });
    assert_eq!(
        app.detail.ready().unwrap().run.data.metrics["acc"].value,
        0.9
    );
}

use super::app::{Action, PromptKind};
use mlrs::entities::ViewType;
use mlrs::entities::registry::{ModelVersion, RegisteredModel, Stage};

fn version(name: &str, v: i64, stage: Stage) -> ModelVersion {
    ModelVersion {
        name: name.into(),
        version: v,
        creation_timestamp: None,
        last_updated_timestamp: None,
        current_stage: stage,
        description: None,
        source: Some(format!("runs:/{v:032x}/model")),
        run_id: Some(format!("{v:032x}")),
        run_link: None,
        status: "READY".into(),
        status_message: None,
        user_id: None,
        storage_location: None,
        model_id: None,
        tags: BTreeMap::new(),
        aliases: if v == 2 {
            vec!["champion".into()]
        } else {
            Vec::new()
        },
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.on_key(ch(c));
    }
}

#[test]
fn without_write_every_change_is_refused_with_a_hint_and_nothing_is_asked() {
    let mut app = app_with_runs(vec![run(1, None)]);
    for k in ['d', 'u', 't'] {
        assert!(app.on_key(ch(k)).is_empty());
        assert_eq!(app.confirm, None);
        assert_eq!(app.prompt, None);
        let (text, is_error) = app.message.clone().unwrap();
        assert!(is_error && text.contains("--write"), "{text}");
    }
    // The next key clears the message.
    app.on_key(ch('j'));
    assert_eq!(app.message, None);
}

#[test]
fn with_write_a_delete_is_confirmed_first_and_the_table_is_read_again() {
    let mut app = app_with_runs(vec![run(1, None), run(2, None)]);
    app.write = true;
    app.on_key(ch('j'));
    assert!(app.on_key(ch('d')).is_empty());
    let id = format!("{:032x}", 2);
    assert_eq!(app.confirm, Some(Action::DeleteRun { run_id: id.clone() }));
    assert!(app.on_key(ch('n')).is_empty(), "anything but y cancels");
    assert_eq!(app.message, Some(("cancelled".into(), false)));
    app.on_key(ch('d'));
    let reqs = app.on_key(ch('y'));
    assert_eq!(reqs[0], Request::Write(Action::DeleteRun { run_id: id }));
    assert!(matches!(
        reqs[1],
        Request::Runs {
            view: ViewType::ActiveOnly,
            ..
        }
    ));
    app.on_loaded(Response::Written(Ok("run deleted".into())));
    assert_eq!(app.message, Some(("run deleted".into(), false)));
    app.on_loaded(Response::Written(Err("The run must be active".into())));
    assert_eq!(app.message, Some(("The run must be active".into(), true)));
    // v shows deleted runs, where u restores.
    let reqs = app.on_key(ch('v'));
    assert!(matches!(
        reqs[..],
        [Request::Runs {
            view: ViewType::DeletedOnly,
            ..
        }]
    ));
    assert_eq!(app.view, ViewType::DeletedOnly);
}

#[test]
fn with_write_a_tag_is_typed_checked_and_confirmed() {
    let mut app = app_with_runs(vec![run(1, None)]);
    app.write = true;
    app.on_key(ch('t'));
    assert_eq!(app.prompt, Some((PromptKind::Tag, String::new())));
    type_text(&mut app, "no-equals");
    app.on_key(key(KeyCode::Enter));
    assert_eq!(app.confirm, None);
    assert!(app.message.as_ref().unwrap().1);
    app.on_key(ch('t'));
    type_text(&mut app, "team=ml ops");
    app.on_key(key(KeyCode::Enter));
    let expected = Action::SetTag {
        run_id: format!("{:032x}", 1),
        key: "team".into(),
        value: "ml ops".into(),
    };
    assert_eq!(app.confirm, Some(expected.clone()));
    assert!(expected.question().contains("team=ml ops"));
    let reqs = app.on_key(ch('y'));
    assert_eq!(reqs[0], Request::Write(expected));
}

#[test]
fn tab_shows_the_registry_and_a_version_can_be_moved_to_a_stage_and_aliased() {
    let mut app = App::new(None);
    app.write = true;
    app.start();
    app.on_loaded(Response::Experiments(Ok(vec![experiment("0", "Default")])));
    let reqs = app.on_key(key(KeyCode::Tab));
    let Request::Models { generation } = reqs[0] else {
        panic!("{reqs:?}")
    };
    assert_eq!(app.screen, Screen::Models);
    let model = RegisteredModel {
        name: "fraud".into(),
        description: Some("the model".into()),
        creation_timestamp: None,
        last_updated_timestamp: None,
        tags: BTreeMap::new(),
        aliases: BTreeMap::from([("champion".to_string(), "2".to_string())]),
        latest_versions: vec![
            version("fraud", 1, Stage::Archived),
            version("fraud", 2, Stage::Production),
        ],
    };
    app.on_loaded(Response::Models {
        generation,
        models: Ok(vec![model]),
    });
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Versions {
        generation,
        ref name,
    } = reqs[0]
    else {
        panic!("{reqs:?}")
    };
    assert_eq!(name, "fraud");
    app.on_loaded(Response::Versions {
        generation,
        versions: Ok(vec![
            version("fraud", 1, Stage::Archived),
            version("fraud", 2, Stage::Production),
        ]),
    });
    app.on_key(ch('j'));
    app.on_key(ch('p'));
    type_text(&mut app, "staging");
    app.on_key(key(KeyCode::Enter));
    let expected = Action::Transition {
        name: "fraud".into(),
        version: 2,
        stage: "staging".into(),
    };
    assert_eq!(app.confirm, Some(expected.clone()));
    let reqs = app.on_key(ch('y'));
    assert_eq!(reqs[0], Request::Write(expected));
    assert!(matches!(&reqs[1], Request::Versions { name, .. } if name == "fraud"));
    assert_eq!(app.version_sel, 1, "the cursor stays on the version");
    app.on_key(ch('a'));
    type_text(&mut app, "challenger");
    app.on_key(key(KeyCode::Enter));
    assert_eq!(
        app.confirm,
        Some(Action::SetAlias {
            name: "fraud".into(),
            alias: "challenger".into(),
            version: 2
        })
    );
    app.on_key(key(KeyCode::Esc)); // cancels the confirmation
    assert_eq!(app.confirm, None);
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Models);
    app.on_key(key(KeyCode::Tab));
    assert_eq!(app.screen, Screen::Experiments);
}

#[test]
fn frame_versions_with_a_confirmation() {
    let mut app = App::new(None);
    app.write = true;
    app.start();
    app.on_loaded(Response::Experiments(Ok(vec![])));
    let reqs = app.on_key(key(KeyCode::Tab));
    let Request::Models { generation } = reqs[0] else {
        panic!()
    };
    app.on_loaded(Response::Models {
        generation,
        models: Ok(vec![RegisteredModel {
            name: "fraud".into(),
            description: None,
            creation_timestamp: None,
            last_updated_timestamp: None,
            tags: BTreeMap::new(),
            aliases: BTreeMap::new(),
            latest_versions: vec![],
        }]),
    });
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Versions { generation, .. } = reqs[0] else {
        panic!()
    };
    app.on_loaded(Response::Versions {
        generation,
        versions: Ok(vec![
            version("fraud", 1, Stage::Archived),
            version("fraud", 2, Stage::Production),
        ]),
    });
    app.on_key(ch('p'));
    type_text(&mut app, "Production");
    app.on_key(key(KeyCode::Enter));
    insta::assert_snapshot!(render(&app, 100, 10));
}

use mlrs::entities::FileInfo;

fn file(path: &str, is_dir: bool, size: Option<u64>) -> FileInfo {
    FileInfo {
        path: path.into(),
        is_dir,
        file_size: size,
    }
}

/// An app on the artifact screen of run 1, its root listed.
fn app_on_artifacts() -> (App, u64) {
    let mut app = app_with_runs(vec![run(1, None)]);
    let reqs = app.on_key(key(KeyCode::Enter));
    let Request::Run { generation, .. } = reqs[0] else {
        panic!()
    };
    app.on_loaded(Response::Run {
        generation,
        detail: Ok(Box::new(RunDetail {
            run: run(1, None),
            histories: BTreeMap::new(),
        })),
    });
    let reqs = app.on_key(ch('a'));
    let Request::Artifacts {
        generation,
        ref run_id,
        ref path,
    } = reqs[0]
    else {
        panic!("{reqs:?}")
    };
    assert_eq!(
        (run_id.as_str(), path.as_str()),
        (format!("{:032x}", 1).as_str(), "")
    );
    app.on_loaded(Response::Artifacts {
        generation,
        path: String::new(),
        files: Ok(vec![
            file("model", true, None),
            file("notes.txt", false, Some(12)),
        ]),
    });
    (app, generation)
}

#[test]
fn the_artifact_tree_unfolds_folds_and_previews_the_selected_file() {
    let (mut app, generation) = app_on_artifacts();
    assert_eq!(app.screen, Screen::Artifacts);
    let reqs = app.on_key(key(KeyCode::Enter));
    assert!(matches!(&reqs[..], [Request::Artifacts { path, .. }] if path == "model"));
    app.on_loaded(Response::Artifacts {
        generation,
        path: "model".into(),
        files: Ok(vec![
            file("model/MLmodel", false, Some(80)),
            file("model/data", true, None),
        ]),
    });
    let paths: Vec<(String, usize)> = app
        .artifacts
        .ready()
        .unwrap()
        .iter()
        .map(|n| (n.path.clone(), n.depth))
        .collect();
    assert_eq!(
        paths,
        [
            ("model".into(), 0),
            ("model/MLmodel".into(), 1),
            ("model/data".into(), 1),
            ("notes.txt".into(), 0)
        ]
    );
    // A file: its preview is asked for; an answer for another path is ignored.
    app.on_key(ch('j'));
    let reqs = app.on_key(key(KeyCode::Enter));
    assert!(matches!(&reqs[..], [Request::Preview { path, .. }] if path == "model/MLmodel"));
    app.on_loaded(Response::Preview {
        generation,
        path: "notes.txt".into(),
        text: Ok("other".into()),
    });
    assert_eq!(
        app.preview,
        Some(("model/MLmodel".into(), Loadable::Loading))
    );
    app.on_loaded(Response::Preview {
        generation,
        path: "model/MLmodel".into(),
        text: Ok("flavors: {}".into()),
    });
    assert_eq!(
        app.preview,
        Some((
            "model/MLmodel".into(),
            Loadable::Ready("flavors: {}".into())
        ))
    );
    // Folding the directory drops its children.
    app.on_key(key(KeyCode::Home));
    assert!(app.on_key(key(KeyCode::Enter)).is_empty());
    assert_eq!(app.artifacts.ready().unwrap().len(), 2);
    // Esc goes back to the run.
    app.on_key(key(KeyCode::Esc));
    assert_eq!(app.screen, Screen::Run);
}

#[test]
fn previews_are_text_cut_at_a_limit_or_say_binary() {
    use super::loader::text_preview;
    assert_eq!(text_preview(b"a\tb\n", 4), "a    b\n");
    // A cut through a multi-byte character at the end is not binary.
    let cut = &"héllo".as_bytes()[..2];
    assert_eq!(text_preview(cut, 100), "h\n… (100 bytes, first 2 shown)");
    assert_eq!(
        text_preview(&[0x89, b'P', b'N', b'G', 0, 1], 6),
        "binary file, 6 bytes"
    );
    assert_eq!(text_preview(b"nul\0inside", 10), "binary file, 10 bytes");
}

#[test]
fn frame_artifacts_with_a_preview() {
    let (mut app, generation) = app_on_artifacts();
    app.on_key(ch('j'));
    app.on_key(key(KeyCode::Enter));
    app.on_loaded(Response::Preview {
        generation,
        path: "notes.txt".into(),
        text: Ok("first line\nsecond line".into()),
    });
    insta::assert_snapshot!(render(&app, 90, 8));
}

#[test]
fn the_mouse_wheel_scrolls_a_click_selects_and_a_second_click_opens() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mouse = |kind, row| MouseEvent {
        kind,
        column: 5,
        row,
        modifiers: KeyModifiers::NONE,
    };
    let mut app = app_with_runs((1..=8).map(|i| run(i, None)).collect());
    // The view says where the rows are: border (row 0), header (row 1), runs from row 2.
    render(&app, 80, 12);
    app.on_mouse(mouse(MouseEventKind::ScrollDown, 5));
    assert_eq!(app.run_sel, 3);
    app.on_mouse(mouse(MouseEventKind::ScrollUp, 5));
    assert_eq!(app.run_sel, 0);
    assert!(
        app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), 4))
            .is_empty()
    );
    assert_eq!(app.run_sel, 2, "the third row is under row 4");
    assert!(
        app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), 1))
            .is_empty(),
        "the header"
    );
    assert!(
        app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), 11))
            .is_empty(),
        "the footer"
    );
    assert_eq!(app.run_sel, 2);
    let reqs = app.on_mouse(mouse(MouseEventKind::Down(MouseButton::Left), 4));
    assert!(matches!(&reqs[..], [Request::Run { run_id, .. }] if run_id == &format!("{:032x}", 3)));
    assert_eq!(app.screen, Screen::Run);
}
