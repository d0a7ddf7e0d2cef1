//! End-to-end behaviour of the tracking commands on scratch stores.

mod common;

use common::Scratch;
use std::fs;

#[test]
fn read_command_on_missing_store_exits_3_and_creates_nothing() {
    let s = Scratch::new();
    if s.skip_on_server("a tracking server's store exists from its start") {
        return;
    }
    let out = s.run(&["experiments", "search"]);
    assert_eq!(out.code, 3);
    let name = s.store_marker();
    let name = name.file_name().unwrap().to_string_lossy();
    assert!(
        out.stderr.starts_with("error: ") && out.stderr.contains(&*name),
        "{}",
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1);
    assert!(!s.store_marker().exists());
    assert!(!s.store().exists());
}

#[test]
fn unsupported_tracking_uri_scheme_exits_5_naming_it() {
    let s = Scratch::new();
    for (uri, scheme) in [
        ("s3://bucket/mlruns", "'s3'"),
        ("postgresql://mlflow@localhost/mlflow", "'postgresql'"),
    ] {
        let out = s.run(&["--tracking-uri", uri, "experiments", "search"]);
        assert_eq!(out.code, 5, "{uri}");
        assert!(out.stderr.contains(scheme), "{}", out.stderr);
    }
}

#[test]
fn file_uri_and_env_var_select_the_store() {
    let s = Scratch::new();
    let uri = format!("file://{}/other", s.path().display());
    s.run(&["--tracking-uri", &uri, "experiments", "create", "-n", "x"])
        .ok();
    assert!(s.path().join("other/0/meta.yaml").is_file());
    let out = s
        .run(&[
            "--tracking-uri",
            "file:other",
            "experiments",
            "get",
            "-n",
            "x",
            "-o",
            "json",
        ])
        .ok();
    assert_eq!(out.json()["name"], "x");
}

#[test]
fn writing_creates_the_store_with_default_experiment_like_mlflow() {
    let s = Scratch::new();
    s.run(&["experiments", "create", "-n", "first"]).ok();
    let exps = s.run(&["experiments", "search", "-o", "json"]).ok().json();
    let names: Vec<&str> = exps
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Default") && names.contains(&"first"));
    let default = s
        .run(&["experiments", "get", "-x", "0", "-o", "json"])
        .ok()
        .json();
    assert_eq!(default["name"], "Default");
    let location = default["artifact_location"].as_str().unwrap();
    if s.is_file_store() {
        assert!(s.store().join(".trash").is_dir());
        assert!(location.starts_with("file:///"), "{location}");
    } else if s.is_server() {
        // `mlflow server` serves artifacts by default: its locations are proxied URIs.
        assert_eq!(location, "mlflow-artifacts:/0");
    } else {
        // MlflowClient on a SQL store: `<working directory>/mlruns/<id>`, a plain path.
        let cwd = s.path().canonicalize().unwrap();
        assert_eq!(location, format!("{}/mlruns/0", cwd.display()));
    }
}

#[test]
fn experiment_ids_are_18_digits_and_names_unique() {
    let s = Scratch::new();
    let id = s
        .run(&["experiments", "create", "-q", "-n", "yes"])
        .ok()
        .line();
    if s.is_file_store() {
        assert_eq!(id.len(), 18);
    } else {
        // A SQL store counts: Default is 0, the first one created is 1.
        assert_eq!(id, "1");
    }
    let before = s.snapshot();
    let dup = s.run(&["experiments", "create", "-n", "yes"]);
    assert_eq!(dup.code, 4);
    // A server answers with its own message (MLflow 3.17's SqlAlchemyStore, through REST).
    let message = if s.is_server() {
        "Experiment(name=yes) already exists."
    } else {
        "Experiment 'yes' already exists."
    };
    assert!(dup.stderr.contains(message), "{}", dup.stderr);
    assert_eq!(dup.stderr.lines().count(), 1, "{}", dup.stderr);
    assert_eq!(s.snapshot(), before);
}

#[test]
fn experiment_delete_marks_runs_and_moves_to_trash_and_restore_undoes_it() {
    let s = Scratch::new();
    let (exp, run) = s.exp_and_run();
    s.run(&["experiments", "delete", "-x", &exp]).ok();
    if s.is_file_store() {
        assert!(s.store().join(".trash").join(&exp).join(&run).is_dir());
        assert!(!s.store().join(&exp).exists());
        let meta = fs::read_to_string(
            s.store()
                .join(".trash")
                .join(&exp)
                .join(&run)
                .join("meta.yaml"),
        )
        .unwrap();
        assert!(
            meta.contains("lifecycle_stage: deleted") && meta.contains("deleted_time: "),
            "{meta}"
        );
    }
    let r = s
        .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
        .ok()
        .json();
    assert_eq!(r["info"]["lifecycle_stage"], "deleted");
    let got = s
        .run(&["experiments", "get", "-x", &exp, "-o", "json"])
        .ok()
        .json();
    assert_eq!(got["lifecycle_stage"], "deleted");
    let active = s.run(&["experiments", "search", "-o", "json"]).ok().json();
    assert!(
        active
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["experiment_id"] != exp.as_str())
    );
    let deleted = s
        .run(&["experiments", "search", "-v", "deleted_only", "-o", "json"])
        .ok()
        .json();
    assert_eq!(deleted.as_array().unwrap().len(), 1);
    // A deleted experiment's name is still taken.
    assert_eq!(s.run(&["experiments", "create", "-n", "e"]).code, 4);
    s.run(&["experiments", "restore", "-x", &exp]).ok();
    let r = s
        .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
        .ok()
        .json();
    assert_eq!(r["info"]["lifecycle_stage"], "active");
    if s.is_file_store() {
        let meta = fs::read_to_string(s.store().join(&exp).join(&run).join("meta.yaml")).unwrap();
        assert!(!meta.contains("deleted_time"), "{meta}");
    }
}

#[test]
fn default_experiment_cannot_be_deleted() {
    let s = Scratch::new();
    s.run(&["experiments", "create", "-n", "x"]).ok();
    if s.is_server() {
        // MLflow 3.17.2's server deletes its Default experiment when asked (its
        // SqlAlchemyStore has no such check); mlrs passes the request on.
        s.run(&["experiments", "delete", "-x", "0"]).ok();
        let default = s
            .run(&["experiments", "get", "-x", "0", "-o", "json"])
            .ok()
            .json();
        assert_eq!(default["lifecycle_stage"], "deleted");
        return;
    }
    let before = s.snapshot();
    let out = s.run(&["experiments", "delete", "-x", "0"]);
    assert_eq!(out.code, 5);
    assert_eq!(s.snapshot(), before);
    let default = s
        .run(&["experiments", "get", "-x", "0", "-o", "json"])
        .ok()
        .json();
    assert_eq!(default["lifecycle_stage"], "active");
    if s.is_file_store() {
        assert!(s.store().join("0/meta.yaml").is_file());
    }
}

#[test]
fn rename_changes_the_name_and_refuses_a_taken_one() {
    let s = Scratch::new();
    let a = s
        .run(&["experiments", "create", "-q", "-n", "a"])
        .ok()
        .line();
    s.run(&["experiments", "create", "-q", "-n", "b"]).ok();
    // MLflow 3.17.2's server answers a rename onto a taken name with BAD_REQUEST (its
    // SqlAlchemyStore lets the UNIQUE constraint fail): an invalid value, exit 5.
    let want = if s.is_server() { 5 } else { 4 };
    assert_eq!(
        s.run(&["experiments", "rename", "-x", &a, "--new-name", "b"])
            .code,
        want
    );
    s.run(&["experiments", "rename", "-x", &a, "--new-name", "12:30"])
        .ok();
    assert_eq!(
        s.run(&["experiments", "get", "-x", &a, "-o", "json"])
            .ok()
            .json()["name"],
        "12:30"
    );
    assert_eq!(s.run(&["experiments", "get", "-n", "nope"]).code, 3);
}

#[test]
fn experiment_tags_are_set_and_deleted() {
    let s = Scratch::new();
    let id = s
        .run(&["experiments", "create", "-q", "-n", "t"])
        .ok()
        .line();
    s.run(&["experiments", "set-tag", "-x", &id, "team/sub", "-data"])
        .ok();
    let e = s
        .run(&["experiments", "get", "-x", &id, "-o", "json"])
        .ok()
        .json();
    assert_eq!(e["tags"]["team/sub"], "-data");
    s.run(&["experiments", "delete-tag", "-x", &id, "team/sub"])
        .ok();
    assert_eq!(
        s.run(&["experiments", "delete-tag", "-x", &id, "team/sub"])
            .code,
        3
    );
}

#[test]
fn run_lifecycle_and_describe_document() {
    let s = Scratch::new();
    let (exp, run) = s.exp_and_run();
    assert_eq!(run.len(), 32);
    assert!(
        run.bytes()
            .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
    );
    s.run(&["runs", "log-param", "--run-id", &run, "lr", "0.01"])
        .ok();
    s.run(&[
        "runs",
        "log-metric",
        "--run-id",
        &run,
        "loss",
        "-0.5",
        "--step",
        "-1",
        "--timestamp",
        "1700000000000",
    ])
    .ok();
    s.run(&[
        "runs",
        "log-metric",
        "--run-id",
        &run,
        "loss",
        "0.25",
        "--step",
        "4",
        "--timestamp",
        "1700000000001",
    ])
    .ok();
    s.run(&["runs", "log-metric", "--run-id", &run, "acc", "-inf"])
        .ok();
    s.run(&["runs", "set-tag", "--run-id", &run, "note", "- draft"])
        .ok();
    s.run(&["runs", "end", "--run-id", &run, "--status", "killed"])
        .ok();
    let d = s
        .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
        .ok()
        .json();
    assert_eq!(d["info"]["status"], "KILLED");
    assert_eq!(d["info"]["experiment_id"], exp.as_str());
    assert!(d["info"]["end_time"].is_i64());
    assert_eq!(d["data"]["metrics"]["loss"], 0.25);
    if s.is_file_store() {
        assert_eq!(d["data"]["metrics"]["acc"], "-Infinity");
    } else {
        // MLflow's SQL store keeps ±inf as the largest finite doubles and reads them back so.
        assert_eq!(d["data"]["metrics"]["acc"], -f64::MAX);
    }
    assert_eq!(d["data"]["params"]["lr"], "0.01");
    assert_eq!(d["data"]["tags"]["note"], "- draft");
    assert_eq!(d["data"]["tags"]["mlflow.source.type"], "LOCAL");
    if s.is_file_store() {
        let lines =
            fs::read_to_string(s.store().join(&exp).join(&run).join("metrics/loss")).unwrap();
        assert_eq!(lines, "1700000000000 -0.5 -1\n1700000000001 0.25 4\n");
    }
    let h = s
        .run(&[
            "runs",
            "metric-history",
            "--run-id",
            &run,
            "loss",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(
        h[0],
        serde_json::json!({"key": "loss", "value": -0.5, "timestamp": 1700000000000i64, "step": -1})
    );
    assert_eq!(h[1]["value"], 0.25);
    if s.is_file_store() {
        for sub in ["metrics", "params", "tags", "artifacts"] {
            assert!(s.store().join(&exp).join(&run).join(sub).is_dir());
        }
        let meta = fs::read_to_string(s.store().join(&exp).join(&run).join("meta.yaml")).unwrap();
        assert!(
            meta.contains(&format!("run_uuid: {run}")) && meta.contains(&format!("run_id: {run}"))
        );
    }
}

#[test]
fn param_values_are_immutable_but_repeatable() {
    let s = Scratch::new();
    let (_, run) = s.exp_and_run();
    s.run(&["runs", "log-param", "--run-id", &run, "p", "1"])
        .ok();
    s.run(&["runs", "log-param", "--run-id", &run, "p", "1"])
        .ok();
    let before = s.snapshot();
    let out = s.run(&["runs", "log-param", "--run-id", &run, "p", "2"]);
    assert_eq!(out.code, 5);
    assert!(
        out.stderr.contains("Changing param values is not allowed"),
        "{}",
        out.stderr
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn keys_escaping_their_directory_are_refused_and_nothing_is_written() {
    let s = Scratch::new();
    let (_, run) = s.exp_and_run();
    let before = s.snapshot();
    for key in [
        "..",
        "../x",
        "a/../../b",
        "/etc/passwd",
        "a//b",
        "a\\b",
        "x/",
    ] {
        for cmd in ["log-param", "log-metric", "set-tag"] {
            let out = s.run(&["runs", cmd, "--run-id", &run, key, "1"]);
            assert_eq!(out.code, 5, "{cmd} {key:?}: {}", out.stderr);
        }
    }
    let out = s.run(&["runs", "describe", "--run-id", "../../etc"]);
    assert_eq!(out.code, 5);
    assert_eq!(s.snapshot(), before);
}

#[test]
fn a_key_cannot_be_both_a_value_and_a_prefix() {
    let s = Scratch::new();
    let (_, run) = s.exp_and_run();
    s.run(&["runs", "log-param", "--run-id", &run, "a", "1"])
        .ok();
    let out = s.run(&["runs", "log-param", "--run-id", &run, "a/b", "1"]);
    if s.is_file_store() {
        // `a` is a file, so `a/b` cannot be one.
        assert_eq!(out.code, 5, "{}", out.stderr);
    } else {
        // Rows have no such constraint: MLflow's SQL store keeps both.
        out.ok();
        let d = s
            .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
            .ok()
            .json();
        assert_eq!(d["data"]["params"]["a"], "1");
        assert_eq!(d["data"]["params"]["a/b"], "1");
    }
}

#[test]
fn log_batch_is_validated_whole_before_anything_is_written() {
    let s = Scratch::new();
    let (exp, run) = s.exp_and_run();
    let good = r#"{"metrics":[{"key":"m","value":"NaN","timestamp":5,"step":1},{"key":"m","value":2,"timestamp":6,"step":2}],
                  "params":[{"key":"p","value":"v"}],"tags":[{"key":"t","value":"x"}]}"#;
    s.run_with_stdin(
        &["runs", "log-batch", "--run-id", &run, "--json", "-"],
        Some(good),
    )
    .ok();
    if s.is_file_store() {
        assert_eq!(
            fs::read_to_string(s.store().join(&exp).join(&run).join("metrics/m")).unwrap(),
            "5 nan 1\n6 2.0 2\n"
        );
    }
    let h = s
        .run(&[
            "runs",
            "metric-history",
            "--run-id",
            &run,
            "m",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(h[0]["value"], "NaN");
    assert_eq!(h[1]["value"], 2.0);
    let before = s.snapshot();
    for bad in [
        r#"{"metrics":[{"key":"ok","value":1,"timestamp":1}],"params":[{"key":"../x","value":"v"}]}"#,
        r#"{"params":[{"key":"q","value":"1"},{"key":"q","value":"2"}]}"#,
        r#"{"params":[{"key":"p","value":"changed"}],"metrics":[{"key":"z","value":1,"timestamp":1}]}"#,
        r#"{"metrics":[{"key":"z","value":1,"timestamp":-1}]}"#,
        r#"{"metrics":[{"key":"z","value":"high","timestamp":1}]}"#,
        r#"not json"#,
    ] {
        let out = s.run_with_stdin(
            &["runs", "log-batch", "--run-id", &run, "--json", "-"],
            Some(bad),
        );
        assert_eq!(out.code, 5, "{bad}: {}", out.stderr);
    }
    let many: Vec<String> = (0..101)
        .map(|i| format!(r#"{{"key":"p{i}","value":"v"}}"#))
        .collect();
    let body = format!(r#"{{"params":[{}]}}"#, many.join(","));
    let out = s.run_with_stdin(
        &["runs", "log-batch", "--run-id", &run, "--json", "-"],
        Some(&body),
    );
    assert_eq!(out.code, 5);
    assert!(out.stderr.contains("at most 100 params"), "{}", out.stderr);
    assert_eq!(s.snapshot(), before);
}

#[test]
fn deleted_runs_refuse_writes_and_are_hidden_from_active_listing() {
    let s = Scratch::new();
    let (exp, run) = s.exp_and_run();
    s.run(&["runs", "delete", "--run-id", &run]).ok();
    assert_eq!(
        s.run(&["runs", "log-param", "--run-id", &run, "p", "1"])
            .code,
        1
    );
    let active = s
        .run(&["runs", "list", "--experiment-id", &exp, "-o", "json"])
        .ok()
        .json();
    assert_eq!(active.as_array().unwrap().len(), 0);
    let all = s
        .run(&[
            "runs",
            "list",
            "--experiment-id",
            &exp,
            "-v",
            "all",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(all.as_array().unwrap().len(), 1);
    s.run(&["runs", "restore", "--run-id", &run]).ok();
    s.run(&["runs", "log-param", "--run-id", &run, "p", "1"])
        .ok();
}

#[test]
fn run_names_pyyaml_would_misread_round_trip() {
    let s = Scratch::new();
    let exp = s
        .run(&["experiments", "create", "-q", "-n", "names"])
        .ok()
        .line();
    for name in [
        "yes",
        "null",
        "2024-01-01",
        "12:30",
        "0x1F",
        "1e5",
        "~",
        " padded ",
        "a: b",
        "#x",
        "é",
        "multi\nline",
    ] {
        let run = s
            .run(&[
                "runs",
                "start",
                "-q",
                "--experiment-id",
                &exp,
                "--run-name",
                name,
            ])
            .ok()
            .line();
        let d = s
            .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
            .ok()
            .json();
        assert_eq!(d["info"]["run_name"], name);
        assert_eq!(d["data"]["tags"]["mlflow.runName"], name);
    }
}

#[test]
fn runs_create_prints_mlflows_json_and_sets_context_tags() {
    let s = Scratch::new();
    let out = s
        .run(&[
            "runs",
            "create",
            "--experiment-name",
            "new-exp",
            "--run-name",
            "r1",
            "-t",
            "k=v",
            "--description",
            "d",
            "--status",
            "failed",
        ])
        .ok();
    let v = out.json();
    assert_eq!(v["status"], "FAILED");
    assert_eq!(v["run_name"], "r1");
    let d = s
        .run(&[
            "runs",
            "describe",
            "--run-id",
            v["run_id"].as_str().unwrap(),
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(d["data"]["tags"]["k"], "v");
    assert_eq!(d["data"]["tags"]["mlflow.note.content"], "d");
    assert!(d["info"]["end_time"].is_i64());
    let child = s
        .run(&[
            "runs",
            "create",
            "-q",
            "--experiment-name",
            "new-exp",
            "--parent-run-id",
            v["run_id"].as_str().unwrap(),
        ])
        .ok()
        .line();
    let c = s
        .run(&["runs", "describe", "--run-id", &child, "-o", "json"])
        .ok()
        .json();
    assert_eq!(c["data"]["tags"]["mlflow.parentRunId"], v["run_id"]);
    assert_eq!(
        s.run(&[
            "runs",
            "create",
            "--experiment-name",
            "new-exp",
            "-t",
            "novalue"
        ])
        .code,
        5
    );
}

#[test]
fn malformed_run_is_skipped_in_listings_with_a_warning_and_fails_alone() {
    let s = Scratch::new();
    if !s.is_file_store() {
        return; // a broken meta.yaml is a file-store failure
    }
    let (exp, good) = s.exp_and_run();
    let bad = s
        .run(&["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    let broken = s
        .run(&["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    fs::write(s.store().join(&exp).join(&bad).join("meta.yaml"), "").unwrap();
    fs::write(
        s.store().join(&exp).join(&broken).join("metrics/m"),
        "1 2 3\n\n",
    )
    .unwrap();
    let out = s
        .run(&["runs", "list", "--experiment-id", &exp, "-o", "json"])
        .ok();
    let ids: Vec<String> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["info"]["run_id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains(&good) && !ids.contains(&bad));
    assert!(
        out.stderr.contains("warning:") && out.stderr.contains(&bad),
        "{}",
        out.stderr
    );
    let d = s.run(&["runs", "describe", "--run-id", &bad]);
    assert_eq!(d.code, 1);
    assert!(
        d.stderr.contains("meta.yaml") && d.stderr.contains("empty"),
        "{}",
        d.stderr
    );
    let d = s.run(&["runs", "describe", "--run-id", &broken]);
    assert_eq!(d.code, 1);
    assert!(d.stderr.contains("metrics/m"), "{}", d.stderr);
    let csv = s.run(&["experiments", "csv", "-x", &exp]).ok();
    assert!(csv.stdout.contains(&good) && !csv.stdout.contains(&broken));
    // A broken experiment does not take down the experiment listing either.
    let other = s
        .run(&["experiments", "create", "-q", "-n", "other"])
        .ok()
        .line();
    fs::write(
        s.store().join(&other).join("meta.yaml"),
        "name: [unclosed\n",
    )
    .unwrap();
    let out = s.run(&["experiments", "search", "-o", "json"]).ok();
    assert_eq!(out.json().as_array().unwrap().len(), 2);
    assert!(out.stderr.contains(&other), "{}", out.stderr);
}

#[test]
fn artifacts_log_list_download() {
    let s = Scratch::new();
    let (_, run) = s.exp_and_run();
    fs::write(s.path().join("model.pkl"), b"\x00\x01bytes").unwrap();
    fs::create_dir_all(s.path().join("dir/sub")).unwrap();
    fs::write(s.path().join("dir/sub/c.txt"), "c").unwrap();
    s.run(&[
        "artifacts",
        "log-artifact",
        "-l",
        "model.pkl",
        "-r",
        &run,
        "-a",
        "model",
    ])
    .ok();
    s.run(&["artifacts", "log-artifacts", "-l", "dir", "-r", &run])
        .ok();
    let root = s
        .run(&["artifacts", "list", "-r", &run, "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        root,
        serde_json::json!([
            {"path": "model", "is_dir": true, "file_size": null},
            {"path": "sub", "is_dir": true, "file_size": null}
        ])
    );
    let model = s
        .run(&["artifacts", "list", "-r", &run, "-a", "model", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        model[0],
        serde_json::json!({"path": "model/model.pkl", "is_dir": false, "file_size": 7})
    );
    let dst = s.path().join("dl");
    let out = s
        .run(&[
            "artifacts",
            "download",
            "-u",
            &format!("runs:/{run}/model"),
            "-d",
            dst.to_str().unwrap(),
        ])
        .ok();
    assert_eq!(out.line(), dst.join("model").to_string_lossy());
    assert_eq!(
        fs::read(dst.join("model/model.pkl")).unwrap(),
        b"\x00\x01bytes"
    );
    assert_eq!(
        s.run(&["artifacts", "list", "-r", &run, "-a", "../.."])
            .code,
        5
    );
    assert_eq!(
        s.run(&[
            "artifacts",
            "log-artifact",
            "-l",
            "model.pkl",
            "-r",
            &run,
            "-a",
            "../x"
        ])
        .code,
        5
    );
}

#[test]
fn moved_store_reads_artifacts_from_where_it_is_now() {
    let s = Scratch::new();
    if !s.is_file_store() {
        return; // moving a store directory is about files
    }
    let (exp, run) = s.exp_and_run();
    fs::write(s.path().join("f.txt"), "data").unwrap();
    s.run(&["artifacts", "log-artifact", "-l", "f.txt", "-r", &run])
        .ok();
    fs::rename(s.store(), s.path().join("moved")).unwrap();
    let uri = s.path().join("moved");
    let out = s
        .run(&[
            "--tracking-uri",
            uri.to_str().unwrap(),
            "artifacts",
            "list",
            "-r",
            &run,
            "-o",
            "json",
        ])
        .ok();
    assert_eq!(out.json()[0]["path"], "f.txt");
    assert_eq!(out.stderr.matches("warning:").count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("moved"), "{}", out.stderr);
    let _ = exp;
}

#[test]
fn every_command_has_help_with_an_example() {
    let s = Scratch::new();
    let groups: [(&str, &[&str]); 3] = [
        (
            "experiments",
            &[
                "create",
                "search",
                "get",
                "rename",
                "delete",
                "restore",
                "csv",
                "set-tag",
                "delete-tag",
            ],
        ),
        (
            "runs",
            &[
                "list",
                "describe",
                "create",
                "start",
                "end",
                "delete",
                "restore",
                "log-param",
                "log-metric",
                "log-batch",
                "set-tag",
                "delete-tag",
                "metric-history",
            ],
        ),
        (
            "artifacts",
            &["list", "download", "log-artifact", "log-artifacts"],
        ),
    ];
    for (group, cmds) in groups {
        for cmd in cmds {
            let out = s.run(&[group, cmd, "--help"]).ok();
            let example = out.stdout.split("Example:\n").nth(1).unwrap_or("");
            assert!(
                example.contains(&format!("mlrs {group} {cmd}")),
                "{group} {cmd} --help has no example"
            );
        }
    }
}

#[test]
fn usage_errors_exit_2() {
    let s = Scratch::new();
    assert_eq!(s.run(&["runs", "describe"]).code, 2);
    assert_eq!(s.run(&["experiments", "get", "-x", "1", "-n", "a"]).code, 2);
}

#[test]
fn file_only_commands_refuse_other_backends_in_one_line_and_change_nothing() {
    let s = Scratch::new();
    if s.is_file_store() {
        return; // these commands are exercised on files by cli_maintenance and cli_transfer
    }
    // (export and import work on every backend: tests/cli_transfer.rs)
    s.exp_and_run();
    let before = s.snapshot();
    for args in [
        vec!["doctor"],
        vec!["store", "relocate", "--from", "/nowhere", "--dry-run"],
    ] {
        let out = s.run(&args);
        assert_eq!(out.code, 5, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("works on file stores") && out.stderr.lines().count() == 1,
            "{args:?}: {}",
            out.stderr
        );
    }
    assert_eq!(s.snapshot(), before);
}
