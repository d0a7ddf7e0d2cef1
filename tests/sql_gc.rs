//! `mlrs gc` and `mlrs runs close-stale` on SQLite, table by table: what the CLI tests of
//! cli_maintenance cannot see. Every test here runs on a SQLite scratch store whatever
//! `MLRS_TEST_BACKEND` says. Rows MLflow's tools write and mlrs does not (logged models,
//! traces, scorers, rollups, issues) are inserted with SQL, as MLflow 3.17.2's schema has them.

mod common;

use common::{Backend, Scratch};
use rusqlite::{Connection, params};

fn sqlite() -> Scratch {
    Scratch::with_backend(Backend::Sqlite)
}

fn db(s: &Scratch) -> Connection {
    Connection::open(s.store_marker()).unwrap()
}

fn count(s: &Scratch, sql: &str, p: impl rusqlite::Params) -> i64 {
    db(s).query_row(sql, p, |r| r.get(0)).unwrap()
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
}

/// A run with params, tags and a metric history (so `latest_metrics` has rows too).
fn run_with_data(s: &Scratch, exp: &str) -> String {
    let run = s
        .run(&["runs", "start", "-q", "--experiment-id", exp])
        .ok()
        .line();
    let batch = r#"{"params": [{"key": "p", "value": "1"}], "tags": [{"key": "t", "value": "x"}],
        "metrics": [{"key": "m", "value": 1.0, "timestamp": 5, "step": 0},
                    {"key": "m", "value": 2.0, "timestamp": 6, "step": 1}]}"#;
    s.run_with_stdin(
        &["runs", "log-batch", "--run-id", &run, "--json", "-"],
        Some(batch),
    )
    .ok();
    run
}

fn insert_logged_model(c: &Connection, id: &str, exp: i64, stage: &str, updated: i64) {
    c.execute(
        "INSERT INTO logged_models (model_id, experiment_id, name, artifact_location, creation_timestamp_ms, last_updated_timestamp_ms, status, lifecycle_stage) VALUES (?1, ?2, ?1, ?3, ?4, ?4, 1, ?5)",
        params![id, exp, format!("/nonexistent/{id}/artifacts"), updated, stage],
    )
    .unwrap();
    c.execute(
        "INSERT INTO logged_model_params (model_id, experiment_id, param_key, param_value) VALUES (?1, ?2, 'k', 'v')",
        params![id, exp],
    )
    .unwrap();
    c.execute(
        "INSERT INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) VALUES (?1, ?2, 'k', 'v')",
        params![id, exp],
    )
    .unwrap();
}

const RUN_TABLES: [&str; 5] = ["runs", "metrics", "latest_metrics", "params", "tags"];

#[test]
fn a_collected_run_leaves_no_row_in_any_table_mlflow_deletes_it_from() {
    let s = sqlite();
    let (exp, _) = s.exp_and_run();
    let dead = run_with_data(&s, &exp);
    let alive = run_with_data(&s, &exp);
    let e: i64 = exp.parse().unwrap();
    {
        let c = db(&s);
        // A live logged model with a metric logged from the doomed run, an issue found by it,
        // and a dataset input of it.
        insert_logged_model(&c, "m-live", e, "active", now_ms());
        c.execute(
            "INSERT INTO logged_model_metrics (model_id, metric_name, metric_timestamp_ms, metric_step, metric_value, experiment_id, run_id) VALUES ('m-live', 'acc', 1, 0, 0.5, ?1, ?2)",
            params![e, dead],
        )
        .unwrap();
        c.execute(
            "INSERT INTO issues (issue_id, experiment_id, name, description, status, source_run_id, created_timestamp, last_updated_timestamp) VALUES ('i-1', ?1, 'n', 'd', 'open', ?2, 1, 1)",
            params![e, dead],
        )
        .unwrap();
        c.execute(
            "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id, step) VALUES ('in-1', 'DATASET', 'ds-1', 'RUN', ?1, 0)",
            params![dead],
        )
        .unwrap();
    }
    for table in RUN_TABLES {
        assert!(
            count(
                &s,
                &format!("SELECT count(*) FROM {table} WHERE run_uuid = ?1"),
                [&dead]
            ) > 0,
            "{table}"
        );
    }
    s.run(&["runs", "delete", "--run-id", &dead]).ok();
    let out = s.run(&["gc", "--run-ids", &dead]).ok();
    assert_eq!(
        out.line(),
        format!("Run with ID {dead} has been permanently deleted.")
    );
    for table in RUN_TABLES {
        let sql = format!("SELECT count(*) FROM {table} WHERE run_uuid = ?1");
        assert_eq!(count(&s, &sql, [&dead]), 0, "{table}");
        assert!(count(&s, &sql, [&alive]) > 0, "{table} of the live run");
    }
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM logged_model_metrics WHERE run_id = ?1",
            [&dead]
        ),
        0
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM logged_models WHERE model_id = 'm-live'",
            []
        ),
        1
    );
    // ON DELETE SET NULL, as under MLflow's foreign keys.
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM issues WHERE issue_id = 'i-1' AND source_run_id IS NULL",
            []
        ),
        1
    );
    // MLflow's gc leaves dataset inputs (no foreign key): so does mlrs.
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM inputs WHERE destination_id = ?1",
            [&dead]
        ),
        1
    );
    assert_eq!(s.run(&["runs", "describe", "--run-id", &dead]).code, 3);
    s.run(&["runs", "describe", "--run-id", &alive]).ok();
}

#[test]
fn a_collected_experiment_takes_its_runs_tags_traces_models_and_rollups_with_it() {
    let s = sqlite();
    let keep = s
        .run(&["experiments", "create", "-q", "-n", "keep"])
        .ok()
        .line();
    let keep_run = run_with_data(&s, &keep);
    let gone = s
        .run(&["experiments", "create", "-q", "-n", "gone"])
        .ok()
        .line();
    s.run(&["experiments", "set-tag", "-x", &gone, "team", "x"])
        .ok();
    let dead = run_with_data(&s, &gone);
    let restored = run_with_data(&s, &gone);
    let (g, k): (i64, i64) = (gone.parse().unwrap(), keep.parse().unwrap());
    {
        let c = db(&s);
        insert_logged_model(&c, "m-gone", g, "active", now_ms());
        insert_logged_model(&c, "m-keep", k, "active", now_ms());
        for (id, e) in [("tr-gone", g), ("tr-keep", k)] {
            c.execute(
                "INSERT INTO trace_info (request_id, experiment_id, timestamp_ms, status) VALUES (?1, ?2, 1, 'OK')",
                params![id, e],
            )
            .unwrap();
            c.execute(
                "INSERT INTO trace_tags (key, value, request_id) VALUES ('k', 'v', ?1)",
                [id],
            )
            .unwrap();
        }
        c.execute(
            "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source) VALUES ('ds', ?1, 'd', 'x', 'local', '{}')",
            [g],
        )
        .unwrap();
        c.execute(
            "INSERT INTO scorers (experiment_id, scorer_name, scorer_id) VALUES (?1, 's', 'sc-1')",
            [g],
        )
        .unwrap();
        c.execute(
            "INSERT INTO scorer_versions (scorer_id, scorer_version, serialized_scorer) VALUES ('sc-1', 1, '{}')",
            [],
        )
        .unwrap();
        for table in [
            "sql_trace_metric_daily_rollups",
            "sql_assessment_daily_rollups",
        ] {
            for (id, e) in [(1, g), (2, k)] {
                c.execute(
                    &format!("INSERT INTO {table} (id, experiment_id, rollup_day, metric_name, grouping_set, sample_count) VALUES (?1, ?2, '2026-01-01', 'm', 'all', 1)"),
                    params![id, e],
                )
                .unwrap();
            }
        }
        for e in [g, k] {
            c.execute(
                "INSERT INTO sql_trace_rollup_rebuild_queue (experiment_id, rollup_day, rollup_family) VALUES (?1, '2026-01-01', 'trace')",
                [e],
            )
            .unwrap();
        }
    }
    s.run(&["experiments", "delete", "-x", &gone]).ok();
    // A run restored inside the deleted experiment goes with it, as under MLflow.
    s.run(&["runs", "restore", "--run-id", &restored]).ok();
    let out = s.run(&["gc", "--experiment-ids", &gone]).ok();
    assert_eq!(
        out.stdout,
        format!(
            "Run with ID {dead} has been permanently deleted.\nExperiment with ID {gone} has been permanently deleted.\n"
        )
    );
    let per_exp = |table: &str, e: i64| {
        count(
            &s,
            &format!("SELECT count(*) FROM {table} WHERE experiment_id = ?1"),
            [e],
        )
    };
    for table in [
        "experiments",
        "experiment_tags",
        "runs",
        "logged_models",
        "logged_model_params",
        "logged_model_tags",
        "trace_info",
        "datasets",
        "scorers",
        "sql_trace_metric_daily_rollups",
        "sql_assessment_daily_rollups",
        "sql_trace_rollup_rebuild_queue",
    ] {
        assert_eq!(per_exp(table, g), 0, "{table}");
    }
    for table in [
        "experiments",
        "runs",
        "logged_models",
        "trace_info",
        "sql_trace_metric_daily_rollups",
        "sql_assessment_daily_rollups",
        "sql_trace_rollup_rebuild_queue",
    ] {
        assert_eq!(per_exp(table, k), 1, "{table} of the kept experiment");
    }
    for run in [&dead, &restored] {
        for table in RUN_TABLES {
            let sql = format!("SELECT count(*) FROM {table} WHERE run_uuid = ?1");
            assert_eq!(count(&s, &sql, [run]), 0, "{table}");
        }
    }
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM trace_tags WHERE request_id = 'tr-gone'",
            []
        ),
        0
    );
    assert_eq!(count(&s, "SELECT count(*) FROM scorer_versions", []), 0);
    s.run(&["runs", "describe", "--run-id", &keep_run]).ok();
    // The name is free again.
    s.run(&["experiments", "create", "-n", "gone"]).ok();
}

#[test]
fn bad_input_leaves_the_database_and_the_artifacts_byte_identical() {
    let s = sqlite();
    let (exp, alive) = s.exp_and_run();
    let file = s.path().join("a.txt");
    std::fs::write(&file, "x").unwrap();
    let dead = run_with_data(&s, &exp);
    s.run(&[
        "artifacts",
        "log-artifact",
        "-r",
        &dead,
        "-l",
        file.to_str().unwrap(),
    ])
    .ok();
    s.run(&["runs", "delete", "--run-id", &dead]).ok();
    let gone = s
        .run(&["experiments", "create", "-q", "-n", "gone"])
        .ok()
        .line();
    s.run(&["experiments", "delete", "-x", &gone]).ok();
    {
        let c = db(&s);
        let e: i64 = exp.parse().unwrap();
        insert_logged_model(&c, "m-live", e, "active", now_ms());
        insert_logged_model(&c, "m-young", e, "deleted", now_ms());
    }
    let before = s.snapshot();
    assert!(before.iter().any(|(p, _)| p.ends_with("a.txt")));
    for (args, code, message) in [
        (
            vec!["gc", "--run-ids", &alive],
            5,
            "is not in `deleted` lifecycle stage",
        ),
        (
            vec!["gc", "--run-ids", &dead, "--older-than", "1d"],
            5,
            "is not older than the required age. Only runs older than 1d can be deleted.",
        ),
        (
            vec!["gc", "--experiment-ids", &exp],
            5,
            "are not in the deleted lifecycle stage",
        ),
        (
            vec!["gc", "--experiment-ids", &gone, "--older-than", "1d"],
            5,
            "are not older than the required age. Only experiments older than 1d can be deleted.",
        ),
        (
            vec!["gc", "--logged-model-ids", "m-live"],
            5,
            "Logged model m-live is not in `deleted` lifecycle stage.",
        ),
        (
            vec!["gc", "--logged-model-ids", "m-young", "--older-than", "2h"],
            5,
            "Logged model m-young is not older than the required age. Only logged models older than 2h can be deleted.",
        ),
        (
            vec!["gc", "--logged-model-ids", "m-nope"],
            3,
            "Logged model with ID 'm-nope' not found.",
        ),
        (
            vec!["gc", "--run-ids", "0123456789abcdef0123456789abcdef"],
            3,
            "not found",
        ),
        (vec!["gc", "--experiment-ids", "77"], 3, "not found"),
        (
            vec!["gc", "--older-than", "3 days"],
            5,
            "Could not parse any time information",
        ),
        // A valid id after a bad one: nothing at all is deleted.
        (
            vec!["gc", "--run-ids", &format!("{dead},{alive}")],
            5,
            "is not in `deleted` lifecycle stage",
        ),
    ] {
        let out = s.run(&args);
        assert_eq!(out.code, code, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
        assert_eq!(out.stdout, "", "{args:?}");
        assert!(s.snapshot() == before, "{args:?} changed the store");
    }
    // The same gc without the bad id goes through.
    s.run(&["gc", "--run-ids", &dead]).ok();
    assert!(s.snapshot() != before);
    assert!(!s.snapshot().iter().any(|(p, _)| p.ends_with("a.txt")));
}

#[test]
fn a_failure_half_way_through_the_deletions_rolls_all_of_them_back() {
    let s = sqlite();
    let (exp, _) = s.exp_and_run();
    let file = s.path().join("a.txt");
    std::fs::write(&file, "x").unwrap();
    let dead = run_with_data(&s, &exp);
    s.run(&[
        "artifacts",
        "log-artifact",
        "-r",
        &dead,
        "-l",
        file.to_str().unwrap(),
    ])
    .ok();
    s.run(&["runs", "delete", "--run-id", &dead]).ok();
    let gone = s
        .run(&["experiments", "create", "-q", "-n", "gone"])
        .ok()
        .line();
    {
        // A guardrail on a scorer of the experiment: its foreign key has no ON DELETE action,
        // so deleting the experiment (after the run) violates it, under MLflow too.
        let c = db(&s);
        c.execute(
            "INSERT INTO scorers (experiment_id, scorer_name, scorer_id) VALUES (?1, 's', 'sc-1')",
            [gone.parse::<i64>().unwrap()],
        )
        .unwrap();
        c.execute(
            "INSERT INTO scorer_versions (scorer_id, scorer_version, serialized_scorer) VALUES ('sc-1', 1, '{}')",
            [],
        )
        .unwrap();
        c.execute(
            "INSERT INTO guardrails (guardrail_id, name, scorer_id, scorer_version, stage, action, created_at, last_updated_at) VALUES ('g-1', 'g', 'sc-1', 1, 'PRE', 'BLOCK', 1, 1)",
            [],
        )
        .unwrap();
    }
    s.run(&["experiments", "delete", "-x", &gone]).ok();
    let before = s.snapshot();
    let out = s.run(&["gc"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("FOREIGN KEY constraint failed"),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "");
    assert!(s.snapshot() == before, "a failed gc changed the store");
    s.run(&["runs", "describe", "--run-id", &dead]).ok();
    assert!(
        s.store()
            .join(&exp)
            .join(&dead)
            .join("artifacts/a.txt")
            .is_file()
    );
    // Once the guardrail is gone, the same gc goes through.
    db(&s).execute("DELETE FROM guardrails", []).unwrap();
    s.run(&["gc"]).ok();
    assert_eq!(s.run(&["runs", "describe", "--run-id", &dead]).code, 3);
}

#[test]
fn a_deleted_run_without_deleted_time_is_collected_only_by_id_and_without_older_than() {
    let s = sqlite();
    let (exp, _) = s.exp_and_run();
    let dead = run_with_data(&s, &exp);
    s.run(&["runs", "delete", "--run-id", &dead]).ok();
    db(&s)
        .execute(
            "UPDATE runs SET deleted_time = NULL WHERE run_uuid = ?1",
            [&dead],
        )
        .unwrap();
    // MLflow selects `deleted_time <= now - older_than`: NULL never is.
    assert_eq!(s.run(&["gc", "--dry-run"]).ok().stdout, "");
    s.run(&["gc"]).ok();
    s.run(&["runs", "describe", "--run-id", &dead]).ok();
    let out = s.run(&["gc", "--run-ids", &dead, "--older-than", "1s"]);
    assert_eq!(out.code, 5);
    assert!(out.stderr.contains("is not older than the required age"));
    s.run(&["gc", "--run-ids", &dead]).ok();
    assert_eq!(s.run(&["runs", "describe", "--run-id", &dead]).code, 3);
}

#[test]
fn older_than_compares_runs_models_and_experiments_with_their_own_times() {
    let s = sqlite();
    let (exp, _) = s.exp_and_run();
    let old = run_with_data(&s, &exp);
    let young = run_with_data(&s, &exp);
    let old_exp = s
        .run(&["experiments", "create", "-q", "-n", "old"])
        .ok()
        .line();
    let young_exp = s
        .run(&["experiments", "create", "-q", "-n", "young"])
        .ok()
        .line();
    for r in [&old, &young] {
        s.run(&["runs", "delete", "--run-id", r]).ok();
    }
    for e in [&old_exp, &young_exp] {
        s.run(&["experiments", "delete", "-x", e]).ok();
    }
    let three_days_ago = now_ms() - 3 * 86_400_000;
    {
        let c = db(&s);
        c.execute(
            "UPDATE runs SET deleted_time = ?1 WHERE run_uuid = ?2",
            params![three_days_ago, old],
        )
        .unwrap();
        c.execute(
            "UPDATE experiments SET last_update_time = ?1 WHERE experiment_id = ?2",
            params![three_days_ago, old_exp.parse::<i64>().unwrap()],
        )
        .unwrap();
        let e: i64 = exp.parse().unwrap();
        insert_logged_model(&c, "m-old", e, "deleted", three_days_ago);
        insert_logged_model(&c, "m-young", e, "deleted", now_ms());
    }
    let dry = s.run(&["gc", "--older-than", "2d", "--dry-run"]).ok();
    assert_eq!(
        dry.stdout,
        format!(
            "Would permanently delete run with ID {old}.\nWould permanently delete logged model with ID m-old.\nWould permanently delete experiment with ID {old_exp}.\n"
        )
    );
    s.run(&["gc", "--older-than", "2d"]).ok();
    assert_eq!(s.run(&["runs", "describe", "--run-id", &old]).code, 3);
    s.run(&["runs", "describe", "--run-id", &young]).ok();
    assert_eq!(
        count(&s, "SELECT count(*) FROM logged_models", []),
        1,
        "m-young stays"
    );
    // And without --older-than, the rest.
    let out = s.run(&["gc"]).ok();
    assert_eq!(
        out.stdout,
        format!(
            "Run with ID {young} has been permanently deleted.\nLogged model with ID m-young has been permanently deleted.\nExperiment with ID {young_exp} has been permanently deleted.\n"
        )
    );
}

#[test]
fn close_stale_takes_the_newest_metric_timestamp_as_the_last_activity() {
    let s = sqlite();
    let (exp, busy) = s.exp_and_run();
    let quiet = s
        .run(&["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    let deleted = s
        .run(&["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    s.run(&["runs", "delete", "--run-id", &deleted]).ok();
    let other = s
        .run(&["experiments", "create", "-q", "-n", "other"])
        .ok()
        .line();
    let in_deleted_exp = s
        .run(&["runs", "start", "-q", "--experiment-id", &other])
        .ok()
        .line();
    s.run(&["experiments", "delete", "-x", &other]).ok();
    let now = now_ms();
    let day = 86_400_000;
    s.run(&[
        "runs",
        "log-metric",
        "--run-id",
        &busy,
        "m",
        "1",
        "--timestamp",
        &now.to_string(),
    ])
    .ok();
    s.run(&[
        "runs",
        "log-metric",
        "--run-id",
        &quiet,
        "m",
        "1",
        "--timestamp",
        &(now - 2 * day).to_string(),
    ])
    .ok();
    db(&s)
        .execute("UPDATE runs SET start_time = ?1", [now - 3 * day])
        .unwrap();
    let before = s.snapshot();
    let dry = s
        .run(&[
            "runs",
            "close-stale",
            "--older-than",
            "1d",
            "--dry-run",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(s.snapshot(), before);
    assert_eq!(dry.as_array().unwrap().len(), 1, "{dry}");
    assert_eq!(dry[0]["run_id"], quiet.as_str());
    assert_eq!(dry[0]["last_activity"], now - 2 * day);
    let out = s
        .run(&[
            "runs",
            "close-stale",
            "--older-than",
            "1d",
            "--status",
            "finished",
            "-q",
        ])
        .ok();
    assert_eq!(out.line(), quiet);
    let status = |run: &str| -> (String, Option<i64>) {
        db(&s)
            .query_row(
                "SELECT status, end_time FROM runs WHERE run_uuid = ?1",
                [run],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap()
    };
    assert_eq!(
        status(&quiet),
        ("FINISHED".to_string(), Some(now - 2 * day))
    );
    for run in [&busy, &deleted, &in_deleted_exp] {
        assert_eq!(status(run), ("RUNNING".to_string(), None), "{run}");
    }
    // A longer threshold: nothing.
    let out = s
        .run(&["runs", "close-stale", "--older-than", "5d", "-q"])
        .ok();
    assert_eq!(out.stdout, "");
}
