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

/// Every file under `dir` with its content.
fn tree(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let content = if e.file_type().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            (e.path().to_string_lossy().into_owned(), content)
        })
        .collect()
}

/// A registry in the file store: versions in several stages, an alias, YAML-hostile tags, a
/// soft-deleted highest version, and a model without versions.
fn registry(s: &Scratch, file: &str, run: &str) {
    let src = s.path().join("model");
    std::fs::create_dir_all(&src).unwrap();
    std::fs::write(src.join("MLmodel"), "flavors: {}\n").unwrap();
    at(
        s,
        file,
        &[
            "artifacts",
            "log-artifacts",
            "-r",
            run,
            "-l",
            src.to_str().unwrap(),
            "-a",
            "model",
        ],
    )
    .ok();
    let uri = format!("runs:/{run}/model");
    for _ in 0..3 {
        at(s, file, &["models", "register", &uri, "yes", "-q"]).ok();
    }
    for args in [
        &["models", "transition", "yes", "1", "Production"][..],
        &["models", "transition", "yes", "2", "Staging"],
        &["models", "set-alias", "yes", "champion", "1"],
        &["models", "set-tag", "yes", "12:30", "on"],
        &["models", "set-version-tag", "yes", "2", "é ü", "2024-01-01"],
        &["models", "update", "yes", "--description", "yes"],
        &["models", "delete-version", "yes", "3"],
        &["models", "create", "empty"],
    ] {
        at(s, file, args).ok();
    }
}

/// What the registry commands print for the models `registry` made.
fn registry_views(s: &Scratch, uri: &str) -> Vec<Value> {
    [
        &["models", "get", "yes", "-o", "json"][..],
        &["models", "get", "empty", "-o", "json"],
        &["models", "versions", "yes", "-o", "json"],
        &[
            "models",
            "get-version",
            "yes",
            "--alias",
            "champion",
            "-o",
            "json",
        ],
        &["models", "latest", "yes", "-o", "json"],
        &["models", "list", "-o", "json"],
    ]
    .iter()
    .map(|args| at(s, uri, args).ok().json())
    .collect()
}

#[test]
fn a_sqlite_store_migrates_back_into_a_file_store_with_its_registry() {
    let s = Scratch::new();
    let (exp, runs) = file_store(&s);
    let file = s.store().to_string_lossy().into_owned();
    registry(&s, &file, &runs[0]);
    let sql = format!("sqlite:///{}", s.path().join("mlflow.db").display());
    let there = s
        .run(&[
            "store", "migrate", "--from", &file, "--to", &sql, "-o", "json",
        ])
        .ok()
        .json();
    assert_eq!(there["models_copied"], 2, "{there}");
    assert_eq!(there["model_versions_copied"], 3, "{there}");
    let back = s.path().join("back");
    let back_uri = back.to_string_lossy().into_owned();
    let report = s
        .run(&[
            "store", "migrate", "--from", &sql, "--to", &back_uri, "-o", "json",
        ])
        .ok()
        .json();
    assert_eq!(report["experiments_copied"], 3, "{report}");
    assert_eq!(report["runs_copied"], 4, "{report}");
    assert_eq!(report["metric_points_copied"], 12, "{report}");
    assert_eq!(report["models_copied"], 2, "{report}");
    assert_eq!(report["model_versions_copied"], 3, "{report}");

    // The registry reads the same in all three stores.
    let original = registry_views(&s, &file);
    assert_eq!(registry_views(&s, &sql), original);
    assert_eq!(registry_views(&s, &back_uri), original);
    for view in ["active_only", "deleted_only", "all"] {
        let args = ["experiments", "search", "-v", view, "-o", "json"];
        assert_eq!(
            at(&s, &sql, &args).ok().json(),
            at(&s, &back_uri, &args).ok().json()
        );
    }
    for run in &runs {
        let args = ["runs", "describe", "--run-id", run, "-o", "json"];
        let a = at(&s, &sql, &args).ok().json();
        assert_eq!(at(&s, &back_uri, &args).ok().json(), a, "{run}");
        assert_eq!(as_sql_reads(at(&s, &file, &args).ok().json()), a, "{run}");
        let args = [
            "runs",
            "metric-history",
            "--run-id",
            run,
            "loss",
            "-o",
            "json",
        ];
        assert_eq!(
            at(&s, &sql, &args).ok().json(),
            at(&s, &back_uri, &args).ok().json(),
            "{run}"
        );
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
        at(&s, &sql, &list).ok().json(),
        at(&s, &back_uri, &list).ok().json()
    );

    // A second migration writes nothing.
    let before = tree(&back);
    let again = s
        .run(&[
            "store", "migrate", "--from", &sql, "--to", &back_uri, "-o", "json",
        ])
        .ok()
        .json();
    assert_eq!(again["runs_unchanged"], 4, "{again}");
    assert_eq!(again["models_unchanged"], 2, "{again}");
    assert_eq!(again["models_copied"], 0, "{again}");
    assert_eq!(tree(&back), before);

    // The soft-deleted version 3 came along: every store gives the next version number 4.
    let uri = format!("runs:/{}/model", runs[0]);
    for store in [&file, &sql, &back_uri] {
        let v = at(&s, store, &["models", "register", &uri, "yes", "-q"])
            .ok()
            .line();
        assert_eq!(v, "4", "{store}");
    }
}

#[test]
fn a_model_that_differs_in_the_destination_stops_the_migration_with_exit_4() {
    let s = Scratch::new();
    let (_, runs) = file_store(&s);
    let file = s.store().to_string_lossy().into_owned();
    registry(&s, &file, &runs[0]);
    let db = s.path().join("mlflow.db");
    let sql = format!("sqlite:///{}", db.display());
    s.run(&["store", "migrate", "--from", &file, "--to", &sql])
        .ok();
    let back = s.path().join("back");
    let back_uri = back.to_string_lossy().into_owned();
    s.run(&["store", "migrate", "--from", &sql, "--to", &back_uri])
        .ok();
    // Into the file store, then into SQLite: the model changed in the source each time.
    at(&s, &sql, &["models", "set-alias", "yes", "champion", "2"]).ok();
    let before = tree(&back);
    let out = s.run(&["store", "migrate", "--from", &sql, "--to", &back_uri]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains("'yes'") && out.stderr.lines().count() == 1,
        "{}",
        out.stderr
    );
    assert_eq!(tree(&back), before);
    at(
        &s,
        &file,
        &["models", "set-version-tag", "yes", "1", "k", "v"],
    )
    .ok();
    let before = std::fs::read(&db).unwrap();
    let out = s.run(&["store", "migrate", "--from", &file, "--to", &sql]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(out.stderr.contains("'yes'"), "{}", out.stderr);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn a_sqlite_store_does_not_migrate_into_a_file_that_is_not_a_directory() {
    let s = Scratch::new();
    let sql = format!("sqlite:///{}", s.path().join("mlflow.db").display());
    at(&s, &sql, &["experiments", "create", "-n", "x"]).ok();
    let target = s.path().join("plain.txt");
    std::fs::write(&target, "keep me").unwrap();
    let out = s.run(&[
        "store",
        "migrate",
        "--from",
        &sql,
        "--to",
        target.to_str().unwrap(),
    ]);
    assert_ne!(out.code, 0);
    assert!(
        out.stderr.contains("not a directory") && out.stderr.lines().count() == 1,
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
}
