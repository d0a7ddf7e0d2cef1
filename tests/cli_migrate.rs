//! `mlrs store migrate`: a file store copied into a SQLite database, ids, times and every metric
//! point kept; idempotent; conflicts and impossible ids refused before anything is written.

mod common;

use common::Scratch;
use serde_json::Value;

/// Runs mlrs against an explicit store URI (the scratch's own backend is not used here).
fn at(s: &Scratch, uri: &str, args: &[&str]) -> common::Out {
    let mut all = vec!["--tracking-uri", uri];
    all.extend_from_slice(args);
    s.run(&all)
}

/// A file store under `<scratch>/mlruns` with two experiments (one deleted), runs in every
/// state, NaN/±inf metrics and a history of several points.
fn file_store(s: &Scratch) -> (String, Vec<String>) {
    let file = s.store().to_string_lossy().into_owned();
    let exp = at(s, &file, &["experiments", "create", "-q", "-n", "yes"])
        .ok()
        .line();
    at(
        s,
        &file,
        &["experiments", "set-tag", "-x", &exp, "k", "12:30"],
    )
    .ok();
    let mut runs = Vec::new();
    for i in 0..3 {
        let run = at(s, &file, &["runs", "start", "-q", "--experiment-id", &exp])
            .ok()
            .line();
        for (step, v) in [(0, "0.5"), (1, "NaN"), (2, "-inf"), (3, &*format!("{i}"))] {
            at(
                s,
                &file,
                &[
                    "runs",
                    "log-metric",
                    "--run-id",
                    &run,
                    "loss",
                    v,
                    "--step",
                    &step.to_string(),
                ],
            )
            .ok();
        }
        at(
            s,
            &file,
            &["runs", "log-param", "--run-id", &run, "p", "日本語"],
        )
        .ok();
        at(s, &file, &["runs", "set-tag", "--run-id", &run, "t", "on"]).ok();
        runs.push(run);
    }
    at(
        s,
        &file,
        &["runs", "end", "--run-id", &runs[0], "--status", "failed"],
    )
    .ok();
    at(s, &file, &["runs", "delete", "--run-id", &runs[1]]).ok();
    let gone = at(s, &file, &["experiments", "create", "-q", "-n", "gone"])
        .ok()
        .line();
    let gone_run = at(s, &file, &["runs", "start", "-q", "--experiment-id", &gone])
        .ok()
        .line();
    at(s, &file, &["experiments", "delete", "-x", &gone]).ok();
    runs.push(gone_run);
    (exp, runs)
}

/// A run document as a SQL store reads it back: ±inf are the largest finite doubles there.
fn as_sql_reads(mut doc: Value) -> Value {
    if let Some(metrics) = doc["data"]["metrics"].as_object_mut() {
        for v in metrics.values_mut() {
            match v.as_str() {
                Some("Infinity") => *v = serde_json::json!(f64::MAX),
                Some("-Infinity") => *v = serde_json::json!(-f64::MAX),
                _ => {}
            }
        }
    }
    doc
}

fn history_as_sql_reads(mut h: Value) -> Value {
    for p in h.as_array_mut().unwrap() {
        match p["value"].as_str() {
            Some("Infinity") => p["value"] = serde_json::json!(f64::MAX),
            Some("-Infinity") => p["value"] = serde_json::json!(-f64::MAX),
            _ => {}
        }
    }
    h
}

#[test]
fn a_file_store_migrates_into_sqlite_whole_and_a_second_run_copies_nothing() {
    let s = Scratch::new();
    let (exp, runs) = file_store(&s);
    let file = s.store().to_string_lossy().into_owned();
    let db = s.path().join("mlflow.db");
    let sql = format!("sqlite:///{}", db.display());
    let report = s
        .run(&[
            "store", "migrate", "--from", &file, "--to", &sql, "-o", "json",
        ])
        .ok()
        .json();
    assert_eq!(report["experiments_copied"], 3, "{report}");
    assert_eq!(report["runs_copied"], 4, "{report}");
    assert_eq!(report["metric_points_copied"], 12, "{report}");

    for view in ["active_only", "deleted_only", "all"] {
        let a = at(
            &s,
            &file,
            &["experiments", "search", "-v", view, "-o", "json"],
        )
        .ok()
        .json();
        let b = at(
            &s,
            &sql,
            &["experiments", "search", "-v", view, "-o", "json"],
        )
        .ok()
        .json();
        assert_eq!(a, b, "{view}");
    }
    for run in &runs {
        let a = at(
            &s,
            &file,
            &["runs", "describe", "--run-id", run, "-o", "json"],
        )
        .ok()
        .json();
        let b = at(
            &s,
            &sql,
            &["runs", "describe", "--run-id", run, "-o", "json"],
        )
        .ok()
        .json();
        assert_eq!(as_sql_reads(a), b, "{run}");
        let args = [
            "runs",
            "metric-history",
            "--run-id",
            run,
            "loss",
            "-o",
            "json",
        ];
        let a = at(&s, &file, &args).ok().json();
        let b = at(&s, &sql, &args).ok().json();
        assert_eq!(history_as_sql_reads(a), b, "{run}");
    }
    let list = [
        "runs",
        "list",
        "--experiment-id",
        &exp,
        "-v",
        "all",
        "-o",
        "json",
    ];
    assert_eq!(
        at(&s, &file, &list).ok().json().as_array().unwrap().len(),
        at(&s, &sql, &list).ok().json().as_array().unwrap().len()
    );

    let before = std::fs::read(&db).unwrap();
    let again = s
        .run(&[
            "store", "migrate", "--from", &file, "--to", &sql, "-o", "json",
        ])
        .ok()
        .json();
    assert_eq!(again["runs_copied"], 0, "{again}");
    assert_eq!(again["runs_unchanged"], 4, "{again}");
    assert_eq!(again["experiments_unchanged"], 3, "{again}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_run_that_differs_in_the_destination_stops_the_migration_with_exit_4() {
    let s = Scratch::new();
    let (_, runs) = file_store(&s);
    let file = s.store().to_string_lossy().into_owned();
    let sql = format!("sqlite:///{}", s.path().join("mlflow.db").display());
    s.run(&["store", "migrate", "--from", &file, "--to", &sql])
        .ok();
    at(
        &s,
        &file,
        &["runs", "set-tag", "--run-id", &runs[2], "t", "changed"],
    )
    .ok();
    let before = std::fs::read(s.path().join("mlflow.db")).unwrap();
    let out = s.run(&["store", "migrate", "--from", &file, "--to", &sql]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains(&runs[2]) && out.stderr.lines().count() == 1,
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(s.path().join("mlflow.db")).unwrap(), before);
}

#[test]
fn bad_destinations_and_sources_are_refused_and_create_nothing() {
    let s = Scratch::new();
    file_store(&s);
    let file = s.store().to_string_lossy().into_owned();
    let other = s.path().join("other");
    let out = s.run(&[
        "store",
        "migrate",
        "--from",
        &file,
        "--to",
        other.to_str().unwrap(),
    ]);
    assert_eq!(out.code, 5, "{}", out.stderr);
    assert!(out.stderr.contains("sqlite:///"), "{}", out.stderr);
    assert!(!other.exists());
    let db = s.path().join("new.db");
    let missing = s.path().join("missing");
    let out = s.run(&[
        "store",
        "migrate",
        "--from",
        missing.to_str().unwrap(),
        "--to",
        &format!("sqlite:///{}", db.display()),
    ]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(!db.exists());
}

#[test]
fn an_experiment_id_a_sql_store_cannot_hold_is_refused_before_anything_is_written() {
    let s = Scratch::new();
    file_store(&s);
    // MLflow's file store accepts any [a-zA-Z0-9][\w-]* directory as an experiment id.
    let src = s.store().join("0");
    let dst = s.store().join("abc");
    std::fs::create_dir(&dst).unwrap();
    let meta = std::fs::read_to_string(src.join("meta.yaml"))
        .unwrap()
        .replace("experiment_id: \"0\"", "experiment_id: abc")
        .replace("name: Default", "name: lettered");
    assert!(meta.contains("experiment_id: abc"), "{meta}");
    std::fs::write(dst.join("meta.yaml"), meta).unwrap();
    let db = s.path().join("mlflow.db");
    let out = s.run(&[
        "store",
        "migrate",
        "--from",
        s.store().to_str().unwrap(),
        "--to",
        &format!("sqlite:///{}", db.display()),
    ]);
    assert_eq!(out.code, 5, "{}", out.stderr);
    assert!(out.stderr.contains("'abc'"), "{}", out.stderr);
    assert!(!db.exists());
}
