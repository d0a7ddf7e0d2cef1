//! What people see: compare, plot, best, sparklines, `--columns`, truncation, colour and
//! completions, snapshot-tested (insta) on a fixture store with fixed ids and timestamps.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use insta::assert_snapshot;

const EXP: &str = "1";
const BASELINE: &str = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const WIDE_LR: &str = "b2c3d4e5f60718293a4b5c6d7e8f90a1";
const NAN_RUN: &str = "c3d4e5f60718293a4b5c6d7e8f90a1b2";
const CRASHED: &str = "d4e5f60718293a4b5c6d7e8f90a1b2c3";
/// 2024-01-01 10:00:00 UTC.
const T0: i64 = 1_704_103_200_000;
const LONG_NOTE: &str = "Baseline with the default learning rate, trained on the full January \
snapshot of the churn table after deduplication and the usual outlier filtering";

struct Run {
    id: &'static str,
    name: &'static str,
    start_min: i64,
    status: u8,
    params: &'static [(&'static str, &'static str)],
    tags: &'static [(&'static str, &'static str)],
    metrics: &'static [(&'static str, &'static [f64])],
}

const RUNS: [Run; 4] = [
    Run {
        id: BASELINE,
        name: "baseline",
        start_min: 0,
        status: 3,
        params: &[("lr", "0.01"), ("batch_size", "32"), ("optimizer", "adam")],
        tags: &[("team", "risk"), ("mlflow.note.content", LONG_NOTE)],
        metrics: &[
            ("loss", &[0.9, 0.6, 0.45, 0.38, 0.34, 0.32]),
            ("accuracy", &[0.70, 0.78, 0.83, 0.86, 0.88, 0.89]),
        ],
    },
    Run {
        id: WIDE_LR,
        name: "wide-lr",
        start_min: 10,
        status: 3,
        params: &[("lr", "0.1"), ("batch_size", "32"), ("optimizer", "adam")],
        tags: &[("team", "risk")],
        metrics: &[
            ("loss", &[0.8, 0.5, 0.35, 0.3, 0.28, 0.27]),
            ("accuracy", &[0.72, 0.81, 0.86, 0.89, 0.9, 0.91]),
        ],
    },
    Run {
        id: NAN_RUN,
        name: "nan-run",
        start_min: 20,
        status: 3,
        params: &[("lr", "0.05"), ("batch_size", "64")],
        tags: &[("team", "growth")],
        metrics: &[
            ("loss", &[1.1, 0.75, 0.6]),
            ("accuracy", &[0.5, 0.95, f64::NAN]),
        ],
    },
    Run {
        id: CRASHED,
        name: "crashed",
        start_min: 30,
        status: 4,
        params: &[("lr", "0.5")],
        tags: &[],
        metrics: &[],
    },
];

/// A scratch directory holding `mlruns/` as MLflow lays it out, with fixed ids and times. Its
/// artifact URIs name the place the store was written at (`/srv/ml/mlruns`), as in a store
/// copied from a training host, so every output is the same wherever the test runs.
struct Fixture {
    dir: tempfile::TempDir,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = dir.path().join("mlruns");
    let written_at = Path::new("/srv/ml/mlruns");
    let uri = |p: &Path| format!("file://{}", p.display());
    let write = |path: PathBuf, text: &str| {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(store.join(".trash/.keep"), "");
    for (id, name) in [("0", "Default"), (EXP, "churn")] {
        write(
            store.join(id).join("meta.yaml"),
            &format!(
                "artifact_location: {}\ncreation_time: {T0}\nexperiment_id: '{id}'\n\
                 last_update_time: {T0}\nlifecycle_stage: active\nname: {name}\n",
                uri(&written_at.join(id))
            ),
        );
    }
    for r in &RUNS {
        let run_dir = store.join(EXP).join(r.id);
        let recorded = written_at.join(EXP).join(r.id);
        let start = T0 + r.start_min * 60_000;
        write(
            run_dir.join("meta.yaml"),
            &format!(
                "artifact_uri: {}\nend_time: {}\nentry_point_name: ''\nexperiment_id: '{EXP}'\n\
                 lifecycle_stage: active\nrun_id: {id}\nrun_name: {name}\nrun_uuid: {id}\n\
                 source_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: {start}\n\
                 status: {status}\ntags: []\nuser_id: ci\n",
                uri(&recorded.join("artifacts")),
                start + 300_000,
                id = r.id,
                name = r.name,
                status = r.status,
            ),
        );
        std::fs::create_dir_all(run_dir.join("artifacts")).unwrap();
        std::fs::create_dir_all(run_dir.join("metrics")).unwrap();
        write(run_dir.join("tags/mlflow.runName"), r.name);
        for (k, v) in r.params {
            write(run_dir.join("params").join(k), v);
        }
        for (k, v) in r.tags {
            write(run_dir.join("tags").join(k), v);
        }
        for (key, values) in r.metrics {
            let lines: String = values
                .iter()
                .enumerate()
                .map(|(step, v)| {
                    let v = if v.is_nan() {
                        "nan".into()
                    } else {
                        format!("{v:?}")
                    };
                    format!("{} {v} {step}\n", start + 1000 * (step as i64 + 1))
                })
                .collect();
            write(run_dir.join("metrics").join(key), &lines);
        }
    }
    Fixture { dir }
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn ok(self) -> Out {
        assert_eq!(self.code, 0, "failed: {}{}", self.stdout, self.stderr);
        self
    }
}

impl Fixture {
    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs mlrs in the fixture with `NO_COLOR`, `TZ=UTC` and `env` on top.
    fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Out {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrs"));
        cmd.args(args)
            .current_dir(self.path())
            .env_remove("MLFLOW_TRACKING_URI")
            .env_remove("MLFLOW_REGISTRY_URI")
            .env_remove("MLFLOW_EXPERIMENT_ID")
            .env_remove("COLUMNS")
            .env_remove("COMPLETE")
            .env("NO_COLOR", "1")
            .env("TZ", "UTC")
            .stdin(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run mlrs");
        let scratch = self.path().display().to_string();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).replace(&scratch, "[scratch]"),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn run(&self, args: &[&str]) -> Out {
        self.run_env(args, &[("COLUMNS", "120")])
    }
}

// ---- runs compare ----

#[test]
fn compare_shows_params_metrics_and_tags_side_by_side() {
    let f = fixture();
    let out = f.run(&["runs", "compare", BASELINE, WIDE_LR, NAN_RUN]).ok();
    assert_snapshot!("compare_table", out.stdout);
}

#[test]
fn compare_only_changed_drops_equal_rows() {
    let f = fixture();
    let out = f
        .run(&["runs", "compare", BASELINE, WIDE_LR, "--only-changed"])
        .ok();
    assert!(!out.stdout.contains("params.batch_size"), "{}", out.stdout);
    assert!(!out.stdout.contains("tags.team"), "{}", out.stdout);
    assert_snapshot!("compare_only_changed_table", out.stdout);
}

#[test]
fn compare_json_aligns_values_with_runs() {
    let f = fixture();
    let out = f
        .run(&["runs", "compare", BASELINE, NAN_RUN, "-o", "json"])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["runs"][1]["run_id"], NAN_RUN);
    assert_snapshot!("compare_json", out.stdout);
}

#[test]
fn compare_csv_has_latest_min_and_max_rows_with_full_values() {
    let f = fixture();
    let out = f
        .run_env(
            &["runs", "compare", BASELINE, WIDE_LR, "-o", "csv"],
            &[("COLUMNS", "40")],
        )
        .ok();
    assert!(
        out.stdout.contains(LONG_NOTE),
        "csv keeps long values whole"
    );
    assert_snapshot!("compare_csv", out.stdout);
}

#[test]
fn compare_needs_two_existing_runs() {
    let f = fixture();
    assert_eq!(f.run(&["runs", "compare", BASELINE]).code, 2);
    let missing = f.run(&[
        "runs",
        "compare",
        BASELINE,
        "ffffffffffffffffffffffffffffffff",
    ]);
    assert_eq!(missing.code, 3, "{}", missing.stderr);
    assert!(missing.stderr.starts_with("error: "));
}

// ---- runs list --columns, truncation ----

#[test]
fn list_columns_picks_metrics_params_and_tags() {
    let f = fixture();
    let args = [
        "runs",
        "list",
        "--experiment-id",
        EXP,
        "--columns",
        "metrics.accuracy,params.lr,tags.team",
    ];
    let table = f.run(&args).ok().stdout;
    assert_snapshot!("list_columns_table", table);
    let csv = f.run(&[&args[..], &["-o", "csv"]].concat()).ok().stdout;
    assert_snapshot!("list_columns_csv", csv);
    let json = f.run(&[&args[..], &["-o", "json"]].concat()).ok().stdout;
    assert_snapshot!("list_columns_json", json);
}

#[test]
fn list_columns_with_an_attribute_shows_exactly_the_list() {
    let f = fixture();
    let out = f
        .run(&[
            "runs",
            "list",
            "--experiment-id",
            EXP,
            "--columns",
            "status,metrics.loss",
            "-o",
            "csv",
        ])
        .ok();
    assert_eq!(
        out.stdout,
        "status,metrics.loss\nFAILED,\nFINISHED,0.6\nFINISHED,0.27\nFINISHED,0.32\n"
    );
}

#[test]
fn list_columns_rejects_unknown_columns_with_exit_5() {
    let f = fixture();
    let out = f.run(&[
        "runs",
        "list",
        "--experiment-id",
        EXP,
        "--columns",
        "accuracy",
    ]);
    assert_eq!(out.code, 5);
    assert!(
        out.stderr.contains("invalid column 'accuracy'"),
        "{}",
        out.stderr
    );
}

#[test]
fn long_values_are_cut_to_the_terminal_width_in_tables_only() {
    let f = fixture();
    let args = [
        "runs",
        "list",
        "--experiment-id",
        EXP,
        "--columns",
        "run_name,tags.mlflow.note.content",
    ];
    let narrow = f.run_env(&args, &[("COLUMNS", "60")]).ok().stdout;
    assert!(narrow.lines().all(|l| l.chars().count() <= 60), "{narrow}");
    assert!(narrow.contains('…'), "{narrow}");
    assert_snapshot!("list_truncated_table", narrow);
    let csv = f
        .run_env(&[&args[..], &["-o", "csv"]].concat(), &[("COLUMNS", "60")])
        .ok()
        .stdout;
    assert!(csv.contains(LONG_NOTE));
    let json = f
        .run_env(&[&args[..], &["-o", "json"]].concat(), &[("COLUMNS", "60")])
        .ok()
        .stdout;
    assert!(json.contains(LONG_NOTE));
}

// ---- sparklines ----

#[test]
fn describe_table_shows_a_sparkline_per_metric_history() {
    let f = fixture();
    let out = f.run(&["runs", "describe", "--run-id", BASELINE]).ok();
    assert!(out.stdout.contains("0.32  █▄▃▂▁▁"), "{}", out.stdout);
    assert_snapshot!("describe_table", out.stdout);
    let csv = f
        .run(&["runs", "describe", "--run-id", BASELINE, "-o", "csv"])
        .ok();
    assert!(!csv.stdout.contains('▁'), "csv has no sparklines");
}

#[test]
fn metric_history_table_ends_with_a_sparkline_summary() {
    let f = fixture();
    let out = f
        .run(&["runs", "metric-history", "--run-id", NAN_RUN, "accuracy"])
        .ok();
    assert_snapshot!("metric_history_table", out.stdout);
    let json = f
        .run(&[
            "runs",
            "metric-history",
            "--run-id",
            NAN_RUN,
            "accuracy",
            "-o",
            "jsonl",
        ])
        .ok();
    assert_eq!(json.stdout.lines().count(), 3);
    assert!(json.stdout.contains("\"NaN\""));
}

// ---- runs plot ----

#[test]
fn plot_of_one_run_draws_braille_with_axes_and_legend() {
    let f = fixture();
    let out = f
        .run(&[
            "runs", "plot", "--run-id", BASELINE, "--metric", "loss", "--width", "60", "--height",
            "8",
        ])
        .ok();
    assert!(
        out.stdout
            .chars()
            .any(|c| ('\u{2801}'..='\u{28ff}').contains(&c))
    );
    assert_snapshot!("plot_one_run", out.stdout);
}

#[test]
fn plot_without_colour_tells_runs_apart_by_symbol() {
    let f = fixture();
    let out = f
        .run(&[
            "runs", "plot", "--run-id", BASELINE, "--run-id", WIDE_LR, "--run-id", NAN_RUN,
            "--metric", "accuracy", "--metric", "loss", "--width", "64", "--height", "10",
        ])
        .ok();
    assert!(!out.stdout.contains('\x1b'));
    assert_snapshot!("plot_three_runs_two_metrics", out.stdout);
}

#[test]
fn plot_by_wall_time_labels_the_x_axis_with_times() {
    let f = fixture();
    let out = f
        .run(&[
            "runs", "plot", "--run-id", BASELINE, "--metric", "loss", "--x", "time", "--width",
            "60", "--height", "6",
        ])
        .ok();
    assert!(out.stdout.contains("10:00:01.000"), "{}", out.stdout);
    assert_snapshot!("plot_time_axis", out.stdout);
}

#[test]
fn plot_csv_and_json_print_the_plotted_points() {
    let f = fixture();
    let csv = f
        .run(&[
            "runs", "plot", "--run-id", NAN_RUN, "--metric", "accuracy", "-o", "csv",
        ])
        .ok();
    assert_snapshot!("plot_csv", csv.stdout);
    let json = f
        .run(&[
            "runs", "plot", "--run-id", NAN_RUN, "--run-id", BASELINE, "--metric", "loss", "-o",
            "json",
        ])
        .ok();
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[1]["run_id"], BASELINE);
    assert_eq!(v[1]["history"].as_array().unwrap().len(), 6);
}

#[test]
fn plot_of_a_metric_no_run_has_exits_3() {
    let f = fixture();
    let out = f.run(&["runs", "plot", "--run-id", BASELINE, "--metric", "f1"]);
    assert_eq!(out.code, 3);
    assert!(out.stderr.contains("'f1'"), "{}", out.stderr);
}

/// The `points` of every `<polyline>` drawn in a series colour, by colour.
fn svg_series(svg: &str) -> std::collections::BTreeMap<String, Vec<usize>> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    let mut out: std::collections::BTreeMap<String, Vec<usize>> = Default::default();
    for node in doc.descendants().filter(|n| n.has_tag_name("polyline")) {
        let stroke = node.attribute("stroke").unwrap_or("").to_ascii_uppercase();
        if stroke == "#000000" || stroke.is_empty() {
            continue;
        }
        let points = node
            .attribute("points")
            .unwrap_or("")
            .split_whitespace()
            .count();
        out.entry(stroke).or_default().push(points);
    }
    out
}

#[test]
fn svg_chart_is_valid_xml_with_one_series_per_run() {
    let f = fixture();
    f.run(&[
        "runs", "plot", "--run-id", BASELINE, "--run-id", WIDE_LR, "--metric", "loss", "--svg",
        "loss.svg", "-q",
    ])
    .ok();
    let svg = std::fs::read_to_string(f.path().join("loss.svg")).expect("loss.svg written");
    let series = svg_series(&svg);
    assert_eq!(series.len(), 2, "one colour per run: {series:?}");
    for (colour, polylines) in &series {
        assert!(
            polylines.contains(&6),
            "{colour}: a 6-point line per run: {polylines:?}"
        );
    }
    assert!(svg.contains("baseline (a1b2c3d4)") && svg.contains("wide-lr (b2c3d4e5)"));
}

/// Decodes a PNG and counts the pixels of exactly `rgb`.
fn png_pixels(path: &Path, rgb: (u8, u8, u8)) -> (u32, u32, usize) {
    let decoder = png::Decoder::new(std::fs::File::open(path).unwrap());
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("PNG image data");
    assert_eq!(info.color_type, png::ColorType::Rgb);
    let count = buf[..info.buffer_size()]
        .chunks(3)
        .filter(|p| (p[0], p[1], p[2]) == rgb)
        .count();
    (info.width, info.height, count)
}

#[test]
fn png_chart_is_a_valid_image_with_one_series_per_run() {
    let f = fixture();
    f.run(&[
        "runs",
        "plot",
        "--run-id",
        BASELINE,
        "--run-id",
        WIDE_LR,
        "--metric",
        "loss",
        "--metric",
        "accuracy",
        "--png",
        "chart.png",
        "-q",
    ])
    .ok();
    let path = f.path().join("chart.png");
    let bytes = std::fs::read(&path).expect("chart.png written");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let (w, h, first) = png_pixels(&path, (0x1f, 0x77, 0xb4));
    assert_eq!((w, h), (1000, 840), "1000 wide, 420 per metric");
    let (_, _, second) = png_pixels(&path, (0xff, 0x7f, 0x0e));
    let (_, _, third) = png_pixels(&path, (0x2c, 0xa0, 0x2c));
    assert!(first > 200 && second > 200, "{first} {second}");
    assert_eq!(third, 0, "no third series for two runs");
}

#[test]
fn plot_to_an_unwritable_path_fails_with_exit_1() {
    let f = fixture();
    let out = f.run(&[
        "runs",
        "plot",
        "--run-id",
        BASELINE,
        "--metric",
        "loss",
        "--png",
        "no/such/dir/x.png",
    ]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("no/such/dir/x.png"), "{}", out.stderr);
}

// ---- runs best ----

fn best(f: &Fixture, extra: &[&str]) -> Out {
    let args = [&["runs", "best", "--experiment-ids", EXP][..], extra].concat();
    f.run(&args)
}

#[test]
fn best_prints_the_id_of_the_highest_value_by_default() {
    let f = fixture();
    assert_eq!(
        best(&f, &["--metric", "accuracy"]).ok().stdout,
        format!("{WIDE_LR}\n")
    );
    assert_eq!(
        best(&f, &["--metric", "accuracy", "--max"]).ok().stdout,
        format!("{WIDE_LR}\n")
    );
}

#[test]
fn best_with_min_prints_the_lowest() {
    let f = fixture();
    assert_eq!(
        best(&f, &["--metric", "loss", "--min"]).ok().stdout,
        format!("{WIDE_LR}\n")
    );
    assert_eq!(
        best(&f, &["--metric", "accuracy", "--min"]).ok().stdout,
        format!("{BASELINE}\n")
    );
}

#[test]
fn best_never_picks_nan_or_missing_values() {
    let f = fixture();
    // nan-run's latest accuracy is NaN (an earlier 0.95 does not count); crashed has none.
    let out = best(&f, &["--metric", "accuracy", "--max"]).ok();
    assert_ne!(out.stdout.trim(), NAN_RUN);
    assert_ne!(out.stdout.trim(), CRASHED);
}

#[test]
fn best_json_prints_the_run_document() {
    let f = fixture();
    let out = best(&f, &["--metric", "accuracy", "-o", "json"]).ok();
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["info"]["run_id"], WIDE_LR);
    assert_eq!(v["data"]["metrics"]["accuracy"], 0.91);
    assert_eq!(v["data"]["params"]["lr"], "0.1");
}

#[test]
fn best_by_experiment_name() {
    let f = fixture();
    let out = f
        .run(&[
            "runs",
            "best",
            "--experiment-names",
            "churn",
            "--metric",
            "loss",
            "--min",
            "-o",
            "csv",
        ])
        .ok();
    assert_eq!(
        out.stdout,
        format!("run_id,run_name,experiment_id,metrics.loss\n{WIDE_LR},wide-lr,1,0.27\n")
    );
}

#[test]
fn best_exit_codes_follow_the_contract() {
    let f = fixture();
    let none = best(&f, &["--metric", "f1"]);
    assert_eq!(none.code, 3, "no run has the metric: {}", none.stderr);
    assert_eq!(
        f.run(&["runs", "best", "--experiment-ids", "99", "--metric", "loss"])
            .code,
        3
    );
    assert_eq!(best(&f, &["--metric", "loss", "--max", "--min"]).code, 2);
    assert_eq!(f.run(&["runs", "best", "--metric", "loss"]).code, 2);
    assert_eq!(best(&f, &["--metric", "../x"]).code, 5);
}

#[test]
fn best_filter_narrows_the_candidates_with_mlflow_filter_strings() {
    let f = fixture();
    let out = best(
        &f,
        &[
            "--metric",
            "loss",
            "--min",
            "--filter",
            "params.batch_size = '64'",
        ],
    )
    .ok();
    assert_eq!(out.stdout.trim(), NAN_RUN);
    let out = best(
        &f,
        &[
            "--metric",
            "accuracy",
            "--filter",
            "tags.team = 'risk' and params.lr = '0.01'",
        ],
    )
    .ok();
    assert_eq!(out.stdout.trim(), BASELINE);
    let none = best(&f, &["--metric", "loss", "--filter", "params.lr = 'nope'"]);
    assert_eq!(none.code, 3, "{}", none.stderr);
    let bad = best(&f, &["--metric", "loss", "--filter", "params.lr =="]);
    assert_eq!(bad.code, 5, "{}", bad.stderr);
    assert!(bad.stderr.starts_with("error: ") && bad.stderr.lines().count() == 1);
}

// ---- colour ----

#[test]
fn color_always_emits_ansi_codes_even_with_no_color_set() {
    let f = fixture();
    let plot = f
        .run(&[
            "--color", "always", "runs", "plot", "--run-id", BASELINE, "--run-id", WIDE_LR,
            "--metric", "loss", "--width", "50",
        ])
        .ok();
    assert!(plot.stdout.contains("\x1b[36m"), "first series colour");
    assert!(plot.stdout.contains("\x1b[35m"), "second series colour");
    let compare = f
        .run(&["runs", "compare", BASELINE, WIDE_LR, "--color", "always"])
        .ok();
    assert!(compare.stdout.contains("\x1b["), "{}", compare.stdout);
}

#[test]
fn color_is_off_for_pipes_no_color_and_never() {
    let f = fixture();
    let args = ["runs", "compare", BASELINE, WIDE_LR];
    assert!(!f.run(&args).stdout.contains('\x1b'));
    let auto_without_no_color = f.run_env(&args, &[("NO_COLOR", "")]).ok();
    assert!(
        !auto_without_no_color.stdout.contains('\x1b'),
        "stdout is a pipe"
    );
    let never = f.run(&[&args[..], &["--color", "never"]].concat()).ok();
    assert!(!never.stdout.contains('\x1b'));
}

// ---- help and completions ----

/// Every leaf command under `mlrs` with its path, from `mlrs help`-style listings.
fn subcommands(f: &Fixture, path: &[&str]) -> Vec<Vec<String>> {
    let help = f.run(&[path, &["--help"]].concat()).ok().stdout;
    let mut names = Vec::new();
    let mut in_commands = false;
    for line in help.lines() {
        if line.starts_with("Commands:") {
            in_commands = true;
            continue;
        }
        if in_commands {
            if !line.starts_with("  ") {
                break;
            }
            let name = line.split_whitespace().next().unwrap_or("").to_string();
            if !name.is_empty() && name != "help" && line.starts_with(&format!("  {name}")) {
                names.push(name);
            }
        }
    }
    if names.is_empty() {
        return vec![path.iter().map(|s| s.to_string()).collect()];
    }
    let mut out = Vec::new();
    for n in names {
        let mut sub: Vec<&str> = path.to_vec();
        sub.push(&n);
        out.extend(subcommands(f, &sub));
    }
    out
}

#[test]
fn every_command_help_has_an_example_naming_the_command() {
    let f = fixture();
    let all = subcommands(&f, &[]);
    assert!(all.len() > 40, "{all:?}");
    for path in all {
        let args: Vec<&str> = path.iter().map(String::as_str).collect();
        let help = f.run(&[&args[..], &["--help"]].concat()).ok().stdout;
        let invocation = format!("mlrs {}", path.join(" "));
        let example = help
            .split("Example:")
            .nth(1)
            .unwrap_or_else(|| panic!("`{invocation} --help` has no Example: line"));
        assert!(
            example.contains(&invocation),
            "`{invocation} --help`: {example}"
        );
    }
    for cmd in ["compare", "plot", "best"] {
        let help = f.run(&["runs", cmd, "--help"]).ok().stdout;
        let example = help.split("Example:\n").nth(1).unwrap_or("");
        let first = example.lines().next().unwrap_or("").trim_start();
        assert!(
            first.starts_with(&format!("mlrs runs {cmd}")),
            "{cmd}: {first}"
        );
    }
}

fn complete(f: &Fixture, words: &[&str]) -> Vec<String> {
    let index = (words.len() - 1).to_string();
    let args = [&["--"][..], words].concat();
    let out = f
        .run_env(
            &args,
            &[("COMPLETE", "bash"), ("_CLAP_COMPLETE_INDEX", &index)],
        )
        .ok();
    // Values only: the engine also offers the command's flags.
    out.stdout
        .lines()
        .filter(|l| !l.starts_with('-'))
        .map(String::from)
        .collect()
}

#[test]
fn dynamic_completion_reads_run_ids_experiments_and_models_from_the_store() {
    let f = fixture();
    let runs = complete(&f, &["mlrs", "runs", "describe", "--run-id", ""]);
    for id in [BASELINE, WIDE_LR, NAN_RUN, CRASHED] {
        assert!(runs.contains(&id.to_string()), "{runs:?}");
    }
    let prefixed = complete(&f, &["mlrs", "runs", "compare", "b2"]);
    assert_eq!(prefixed, vec![WIDE_LR.to_string()]);
    let ids = complete(&f, &["mlrs", "runs", "best", "--experiment-ids", ""]);
    assert_eq!(ids, vec!["0".to_string(), EXP.to_string()]);
    let names = complete(&f, &["mlrs", "experiments", "get", "-n", "ch"]);
    assert_eq!(names, vec!["churn".to_string()]);
    f.run(&["models", "create", "churn-model"]).ok();
    let models = complete(&f, &["mlrs", "models", "versions", ""]);
    assert_eq!(models, vec!["churn-model".to_string()]);
}

#[test]
fn dynamic_completion_script_calls_back_into_mlrs() {
    let f = fixture();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = f.run(&["completions", shell, "--dynamic"]).ok();
        assert!(out.stdout.contains("COMPLETE"), "{shell}: {}", out.stdout);
    }
}
