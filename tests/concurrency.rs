//! Many writers at once and writers killed mid-write: nothing is lost, nothing is unreadable.

mod common;

use common::Scratch;
use std::process::{Command, Stdio};
use std::time::Duration;

fn mlrs(s: &Scratch) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mlrs"));
    c.current_dir(s.path())
        .env_remove("MLFLOW_TRACKING_URI")
        .env_remove("MLFLOW_REGISTRY_URI")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(uri) = s.env_tracking_uri() {
        c.env("MLFLOW_TRACKING_URI", uri);
    }
    c
}

/// The SQL store is whole: SQLite's own integrity check passes and every run's
/// `latest_metrics` row is the one MLflow derives from its `metrics` rows (max step, then
/// timestamp, then value), so no metric write landed without its latest row or the reverse.
fn assert_database_consistent(s: &Scratch) {
    let c = rusqlite::Connection::open(s.store_marker()).unwrap();
    let ok: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let stale: i64 = c
        .query_row(
            "SELECT count(*) FROM latest_metrics l WHERE NOT EXISTS (
                 SELECT 1 FROM metrics m WHERE m.run_uuid = l.run_uuid AND m.key = l.key
                   AND m.step = l.step AND m.timestamp = l.timestamp AND m.value = l.value)
             OR EXISTS (
                 SELECT 1 FROM metrics m WHERE m.run_uuid = l.run_uuid AND m.key = l.key
                   AND (m.step > l.step OR (m.step = l.step AND m.timestamp > l.timestamp)))",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stale, 0, "latest_metrics rows disagree with metrics");
    let missing: i64 = c
        .query_row(
            "SELECT count(*) FROM (SELECT DISTINCT run_uuid, key FROM metrics) m
             WHERE NOT EXISTS (SELECT 1 FROM latest_metrics l
                               WHERE l.run_uuid = m.run_uuid AND l.key = m.key)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(missing, 0, "metrics without a latest_metrics row");
}

#[test]
fn sixteen_processes_logging_500_metrics_each_to_one_run_lose_nothing() {
    let s = Scratch::new();
    let (exp, run) = s.exp_and_run();
    std::thread::scope(|scope| {
        for t in 0..16 {
            let (s, run) = (&s, &run);
            scope.spawn(move || {
                for i in 0..500 {
                    let value = format!("{}", t * 1000 + i);
                    let status = mlrs(s)
                        .args([
                            "runs",
                            "log-metric",
                            "--run-id",
                            run,
                            "shared",
                            &value,
                            "--step",
                            &i.to_string(),
                        ])
                        .status()
                        .unwrap();
                    assert!(status.success());
                }
            });
        }
    });
    let want: Vec<i64> = (0..16)
        .flat_map(|t| (0..500).map(move |i| t * 1000 + i))
        .collect();
    if s.is_file_store() {
        let text = std::fs::read_to_string(s.store().join(&exp).join(&run).join("metrics/shared"))
            .unwrap();
        let mut values: Vec<i64> = text
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split(' ').collect();
                assert_eq!(f.len(), 3, "torn line {l:?}");
                f[1].parse::<f64>().unwrap() as i64
            })
            .collect();
        values.sort();
        assert_eq!(values, want);
    } else {
        let _ = exp;
        assert_database_consistent(&s);
    }
    let h = s
        .run(&[
            "runs",
            "metric-history",
            "--run-id",
            &run,
            "shared",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let mut values: Vec<i64> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["value"].as_f64().unwrap() as i64)
        .collect();
    values.sort();
    assert_eq!(values, want);
}

#[test]
fn sixteen_concurrent_creates_of_one_experiment_name_have_exactly_one_winner() {
    let s = Scratch::new();
    let codes: Vec<i32> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..16)
            .map(|_| {
                let s = &s;
                scope.spawn(move || {
                    mlrs(s)
                        .args(["experiments", "create", "-n", "same"])
                        .status()
                        .unwrap()
                        .code()
                        .unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(codes.iter().filter(|c| **c == 0).count(), 1, "{codes:?}");
    assert_eq!(codes.iter().filter(|c| **c == 4).count(), 15, "{codes:?}");
    let exps = s.run(&["experiments", "search", "-o", "json"]).ok().json();
    let same = exps
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["name"] == "same")
        .count();
    assert_eq!(same, 1);
}

/// xorshift: enough randomness for kill timing without a dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn writers_killed_at_random_moments_leave_a_readable_store() {
    let s = Scratch::new();
    let (exp, run) = s.exp_and_run();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let batch: String = {
        let metrics: Vec<String> = (0..300)
            .map(|i| format!(r#"{{"key":"b{i}","value":{i},"timestamp":{i},"step":1}}"#))
            .collect();
        let params: Vec<String> = (0..50)
            .map(|i| format!(r#"{{"key":"bp{i}","value":"v"}}"#))
            .collect();
        format!(
            r#"{{"metrics":[{}],"params":[{}],"tags":[{{"key":"mlflow.runName","value":"renamed"}}]}}"#,
            metrics.join(","),
            params.join(",")
        )
    };
    std::fs::write(s.path().join("batch.json"), &batch).unwrap();
    for i in 0..150 {
        let args: Vec<String> = match rng.next() % 8 {
            0 => vec![
                "runs".into(),
                "log-metric".into(),
                "--run-id".into(),
                run.clone(),
                format!("m{}", i % 7),
                i.to_string(),
            ],
            1 => vec![
                "runs".into(),
                "log-param".into(),
                "--run-id".into(),
                run.clone(),
                format!("p{i}"),
                "v".into(),
            ],
            2 => vec![
                "runs".into(),
                "set-tag".into(),
                "--run-id".into(),
                run.clone(),
                "t".into(),
                format!("{i}"),
            ],
            3 => vec![
                "runs".into(),
                "start".into(),
                "--experiment-id".into(),
                exp.clone(),
            ],
            4 => vec![
                "runs".into(),
                "end".into(),
                "--run-id".into(),
                run.clone(),
                "--status".into(),
                "killed".into(),
            ],
            5 => vec![
                "experiments".into(),
                "create".into(),
                "-n".into(),
                format!("e{i}"),
            ],
            6 => vec![
                "runs".into(),
                "log-batch".into(),
                "--run-id".into(),
                run.clone(),
                "--json".into(),
                "batch.json".into(),
            ],
            _ => vec![
                "experiments".into(),
                "set-tag".into(),
                "-x".into(),
                exp.clone(),
                "k".into(),
                format!("{i}"),
            ],
        };
        if rng.next() % 8 == 4 {
            // `runs end` makes the run terminated; keep it writable for later iterations.
            let _ = mlrs(&s)
                .args(["runs", "restore", "--run-id", &run])
                .status();
        }
        let mut child = mlrs(&s).args(&args).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % 4000));
        let _ = child.kill();
        let _ = child.wait();
    }
    // Every object is readable: listings have no warnings, every run describes, and doctor
    // finds nothing but temp files of interrupted writes (never visible as keys).
    let exps = s
        .run(&["experiments", "search", "-v", "all", "-o", "json"])
        .ok();
    assert!(exps.stderr.is_empty(), "{}", exps.stderr);
    for e in exps.json().as_array().unwrap() {
        let id = e["experiment_id"].as_str().unwrap();
        let runs = s
            .run(&[
                "runs",
                "list",
                "--experiment-id",
                id,
                "-v",
                "all",
                "-o",
                "json",
            ])
            .ok();
        assert!(runs.stderr.is_empty(), "{}", runs.stderr);
        for r in runs.json().as_array().unwrap() {
            s.run(&[
                "runs",
                "describe",
                "--run-id",
                r["info"]["run_id"].as_str().unwrap(),
                "-o",
                "json",
            ])
            .ok();
        }
    }
    if s.is_file_store() {
        let report = s.run(&["doctor", "-o", "json"]);
        if report.code != 0 {
            for p in report.json().as_array().unwrap() {
                assert_eq!(p["kind"], "temp_file", "seed {seed}: {p}");
            }
        }
    } else {
        assert_database_consistent(&s);
    }
}

#[test]
fn twelve_concurrent_registers_get_twelve_distinct_consecutive_versions() {
    let s = Scratch::new();
    let (_, run) = s.exp_and_run();
    let model = s.path().join("model");
    std::fs::create_dir_all(&model).unwrap();
    std::fs::write(model.join("MLmodel"), "flavors: {}\n").unwrap();
    s.run(&[
        "artifacts",
        "log-artifacts",
        "-l",
        model.to_str().unwrap(),
        "-r",
        &run,
        "-a",
        "model",
    ])
    .ok();
    let uri = format!("runs:/{run}/model");
    let versions: Vec<i64> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..12)
            .map(|_| {
                let (s, uri) = (&s, &uri);
                scope.spawn(move || {
                    let out = mlrs(s)
                        .args(["models", "register", "-q", uri, "stress"])
                        .stdout(Stdio::piped())
                        .output()
                        .unwrap();
                    assert!(out.status.success());
                    String::from_utf8(out.stdout)
                        .unwrap()
                        .trim()
                        .parse::<i64>()
                        .unwrap()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut sorted = versions.clone();
    sorted.sort();
    assert_eq!(sorted, (1..=12).collect::<Vec<_>>(), "{versions:?}");
    let listed = s
        .run(&["models", "versions", "stress", "-o", "json"])
        .ok()
        .json();
    assert_eq!(listed.as_array().unwrap().len(), 12);
    if s.is_file_store() {
        assert_eq!(s.run(&["doctor"]).code, 0);
    } else {
        assert_database_consistent(&s);
    }
}
