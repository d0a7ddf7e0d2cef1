//! `mlrs sync`: one store pushed into another through the store interface, in every direction
//! between the file store and SQLite. Every field is read back through the CLI on both ends
//! and compared (the destination's own ids aside, mapped through the `mlrs.sync.*` tags);
//! a second sync sends nothing; what the source gains, or the destination loses, is sent on
//! the next sync; a conflicting param stops it before anything is written.

mod common;

use std::collections::BTreeMap;

use common::{Backend, Out, Scratch};
use serde_json::{Value, json};

/// Runs mlrs in `s`'s directory against `uri`.
fn at(s: &Scratch, uri: &str, args: &[&str]) -> Out {
    let mut all = vec!["--tracking-uri", uri];
    all.extend_from_slice(args);
    s.run(&all)
}

fn mlrs(s: &Scratch, args: &[&str]) -> Out {
    at(s, &s.tracking_uri(), args)
}

/// Runs `mlrs sync` from `src` into `dst` (in the destination's directory, where a SQLite
/// destination keeps its artifacts).
fn sync(src: &Scratch, dst: &Scratch, extra: &[&str]) -> Out {
    let (from, to) = (src.tracking_uri(), dst.tracking_uri());
    let mut args = vec!["sync", "--from", &from, "--to", &to];
    args.extend_from_slice(extra);
    dst.run(&args)
}

/// What the source holds, by id.
struct Fixture {
    exp: String,
    finished: String,
    child: String,
    deleted: String,
    running: String,
}

/// A store with an experiment (tagged), a finished run with params, tags, a history with
/// NaN/±inf and explicit timestamps, nested artifacts and a model; a child run of it; a deleted
/// run; a running run; a deleted experiment with a run; and a registered model with two
/// versions (stages, alias, tags, descriptions) from the finished run, and one version whose
/// source is no run's.
fn populate(s: &Scratch) -> Fixture {
    let exp = mlrs(s, &["experiments", "create", "-q", "-n", "churn"])
        .ok()
        .line();
    mlrs(s, &["experiments", "set-tag", "-x", &exp, "team", "ml"]).ok();
    let finished = mlrs(
        s,
        &[
            "runs",
            "start",
            "-q",
            "--experiment-id",
            &exp,
            "--run-name",
            "train",
        ],
    )
    .ok()
    .line();
    for (step, v, ts) in [
        ("0", "0.5", "1000"),
        ("1", "NaN", "1001"),
        ("2", "inf", "1002"),
        ("2", "-inf", "1002"),
        ("3", "0.25", "999"),
    ] {
        mlrs(
            s,
            &[
                "runs",
                "log-metric",
                "--run-id",
                &finished,
                "loss",
                v,
                "--step",
                step,
                "--timestamp",
                ts,
            ],
        )
        .ok();
    }
    mlrs(
        s,
        &["runs", "log-metric", "--run-id", &finished, "acc", "0.9"],
    )
    .ok();
    mlrs(
        s,
        &["runs", "log-param", "--run-id", &finished, "lr", "0.01"],
    )
    .ok();
    mlrs(
        s,
        &["runs", "log-param", "--run-id", &finished, "名前", "日本語"],
    )
    .ok();
    mlrs(
        s,
        &["runs", "set-tag", "--run-id", &finished, "stage", "dev"],
    )
    .ok();
    let art = s.path().join("art");
    std::fs::create_dir_all(art.join("model")).unwrap();
    std::fs::create_dir_all(art.join("plots/deep")).unwrap();
    std::fs::write(art.join("model/MLmodel"), "flavors: {}\n").unwrap();
    std::fs::write(art.join("model/weights.bin"), vec![7u8; 5000]).unwrap();
    std::fs::write(art.join("plots/deep/curve.svg"), "<svg/>").unwrap();
    std::fs::write(art.join("notes.txt"), "hello").unwrap();
    mlrs(
        s,
        &[
            "artifacts",
            "log-artifacts",
            "-l",
            art.to_str().unwrap(),
            "-r",
            &finished,
        ],
    )
    .ok();
    mlrs(s, &["runs", "end", "--run-id", &finished]).ok();
    let child = mlrs(
        s,
        &[
            "runs",
            "start",
            "-q",
            "--experiment-id",
            &exp,
            "--parent-run-id",
            &finished,
        ],
    )
    .ok()
    .line();
    mlrs(
        s,
        &["runs", "end", "--run-id", &child, "--status", "failed"],
    )
    .ok();
    let deleted = mlrs(s, &["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    mlrs(s, &["runs", "log-param", "--run-id", &deleted, "p", "x"]).ok();
    mlrs(s, &["runs", "delete", "--run-id", &deleted]).ok();
    let running = mlrs(s, &["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    mlrs(
        s,
        &[
            "runs",
            "log-metric",
            "--run-id",
            &running,
            "loss",
            "1.5",
            "--step",
            "0",
        ],
    )
    .ok();
    let gone = mlrs(s, &["experiments", "create", "-q", "-n", "gone"])
        .ok()
        .line();
    let gone_run = mlrs(s, &["runs", "start", "-q", "--experiment-id", &gone])
        .ok()
        .line();
    mlrs(s, &["runs", "log-metric", "--run-id", &gone_run, "m", "1"]).ok();
    mlrs(s, &["experiments", "delete", "-x", &gone]).ok();

    let model_uri = format!("runs:/{finished}/model");
    mlrs(
        s,
        &[
            "models",
            "create",
            "fraud",
            "--description",
            "the fraud model",
        ],
    )
    .ok();
    mlrs(s, &["models", "set-tag", "fraud", "owner", "bob"]).ok();
    mlrs(
        s,
        &[
            "models",
            "register",
            "-q",
            &model_uri,
            "fraud",
            "-t",
            "k=v",
            "--description",
            "first",
        ],
    )
    .ok();
    mlrs(s, &["models", "register", "-q", &model_uri, "fraud"]).ok();
    mlrs(s, &["models", "transition", "fraud", "1", "staging"]).ok();
    mlrs(s, &["models", "transition", "fraud", "2", "production"]).ok();
    mlrs(s, &["models", "set-alias", "fraud", "champion", "2"]).ok();
    mlrs(
        s,
        &[
            "models",
            "set-version-tag",
            "fraud",
            "2",
            "validated",
            "yes",
        ],
    )
    .ok();
    // A version whose source is a directory outside any run: cannot be synced.
    let outside = s.path().join("outside-model");
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("MLmodel"), "flavors: {}\n").unwrap();
    mlrs(
        s,
        &[
            "models",
            "register",
            "-q",
            outside.to_str().unwrap(),
            "loose",
        ],
    )
    .ok();
    Fixture {
        exp,
        finished,
        child,
        deleted,
        running,
    }
}

/// ±inf as a SQL store reads them back (the largest finite doubles), so that both ends compare.
fn norm_value(v: &Value) -> Value {
    match v.as_str() {
        Some("Infinity") => json!(f64::MAX),
        Some("-Infinity") => json!(-f64::MAX),
        _ => v.clone(),
    }
}

/// A map without sync's own keys.
fn without_sync_tags(tags: &Value) -> BTreeMap<String, Value> {
    tags.as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| !k.starts_with("mlrs.sync."))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn experiment_named(s: &Scratch, name: &str) -> Value {
    let all = mlrs(s, &["experiments", "search", "-v", "all", "-o", "json"])
        .ok()
        .json();
    all.as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == name)
        .unwrap_or_else(|| panic!("no experiment {name}: {all}"))
        .clone()
}

/// The destination run that mirrors source run `src_run`, found by its `mlrs.sync` tag.
fn mirror_of(dst: &Scratch, exp_id: &str, src_run: &str) -> Value {
    let runs = mlrs(
        dst,
        &[
            "runs",
            "list",
            "--experiment-id",
            exp_id,
            "-v",
            "all",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    let found: Vec<&Value> = runs
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["data"]["tags"]["mlrs.sync.source_run_id"] == src_run)
        .collect();
    assert_eq!(found.len(), 1, "mirrors of {src_run}: {runs}");
    found[0].clone()
}

/// The destination id of the run synced from `src_run`.
fn mirror_id(dst: &Scratch, exp_id: &str, src_run: &str) -> String {
    mirror_of(dst, exp_id, src_run)["info"]["run_id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A sync that succeeded and found nothing to send.
fn assert_nothing_to_sync(out: Out) {
    let out = out.ok();
    assert!(out.stdout.starts_with("nothing to sync"), "{}", out.stdout);
}

fn describe(s: &Scratch, run: &str) -> Value {
    mlrs(s, &["runs", "describe", "--run-id", run, "-o", "json"])
        .ok()
        .json()
}

/// Every artifact file of a run: path → size.
fn artifact_tree(s: &Scratch, run: &str) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let mut dirs = vec![String::new()];
    while let Some(dir) = dirs.pop() {
        let list = mlrs(
            s,
            &["artifacts", "list", "-r", run, "-a", &dir, "-o", "json"],
        )
        .ok()
        .json();
        for f in list.as_array().unwrap() {
            let path = f["path"].as_str().unwrap().to_string();
            if f["is_dir"] == true {
                dirs.push(path);
            } else {
                out.insert(path, f["file_size"].clone());
            }
        }
    }
    out
}

/// A metric's points as (timestamp, step, value), sorted: the order a history is returned in
/// is the backend's (the file store's logging order, SQL's by step and time).
fn history(s: &Scratch, run: &str, key: &str) -> Vec<(i64, i64, String)> {
    let h = mlrs(
        s,
        &["runs", "metric-history", "--run-id", run, key, "-o", "json"],
    )
    .ok()
    .json();
    let mut points: Vec<(i64, i64, String)> = h
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["timestamp"].as_i64().unwrap(),
                p["step"].as_i64().unwrap(),
                norm_value(&p["value"]).to_string(),
            )
        })
        .collect();
    points.sort();
    points
}

/// Asserts that source run `src_run` and its mirror hold the same data; returns the mirror's id.
fn assert_run_mirrored(src: &Scratch, dst: &Scratch, dst_exp: &str, src_run: &str) -> String {
    let mirror = mirror_of(dst, dst_exp, src_run);
    let dst_run = mirror["info"]["run_id"].as_str().unwrap().to_string();
    assert_ne!(dst_run, src_run, "the destination assigns its own run ids");
    let a = describe(src, src_run);
    let b = describe(dst, &dst_run);
    for field in [
        "status",
        "start_time",
        "end_time",
        "run_name",
        "user_id",
        "lifecycle_stage",
    ] {
        assert_eq!(a["info"][field], b["info"][field], "run {src_run}: {field}");
    }
    assert_eq!(a["data"]["params"], b["data"]["params"], "run {src_run}");
    let mut want_tags = without_sync_tags(&a["data"]["tags"]);
    if let Some(parent) = want_tags.get_mut("mlflow.parentRunId") {
        // The parent is the parent's mirror.
        let parent_mirror = mirror_of(dst, dst_exp, parent.as_str().unwrap());
        *parent = parent_mirror["info"]["run_id"].clone();
    }
    assert_eq!(
        want_tags,
        without_sync_tags(&b["data"]["tags"]),
        "run {src_run}"
    );
    assert_eq!(b["data"]["tags"]["mlrs.sync.source_run_id"], src_run);
    let keys: Vec<&String> = a["data"]["metrics"].as_object().unwrap().keys().collect();
    let dst_keys: Vec<&String> = b["data"]["metrics"].as_object().unwrap().keys().collect();
    assert_eq!(keys, dst_keys, "run {src_run}");
    for key in keys {
        assert_eq!(
            norm_value(&a["data"]["metrics"][key]),
            norm_value(&b["data"]["metrics"][key]),
            "latest {key} of {src_run}"
        );
        assert_eq!(
            history(src, src_run, key),
            history(dst, &dst_run, key),
            "history {key} of {src_run}"
        );
    }
    assert_eq!(
        artifact_tree(src, src_run),
        artifact_tree(dst, &dst_run),
        "artifacts of {src_run}"
    );
    dst_run
}

/// Asserts that the whole fixture is mirrored in `dst`.
fn assert_mirrored(src: &Scratch, dst: &Scratch, f: &Fixture) {
    for name in ["Default", "churn", "gone"] {
        let a = experiment_named(src, name);
        let b = experiment_named(dst, name);
        assert_eq!(a["lifecycle_stage"], b["lifecycle_stage"], "{name}");
        assert_eq!(
            without_sync_tags(&a["tags"]),
            without_sync_tags(&b["tags"]),
            "{name}"
        );
        assert_eq!(
            b["tags"]["mlrs.sync.source_experiment_id"], a["experiment_id"],
            "{name}"
        );
    }
    let dst_exp = experiment_named(dst, "churn")["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut mirrors = BTreeMap::new();
    for run in [&f.finished, &f.child, &f.deleted, &f.running] {
        mirrors.insert(run.clone(), assert_run_mirrored(src, dst, &dst_exp, run));
    }
    let src_runs = mlrs(
        src,
        &[
            "runs",
            "list",
            "--experiment-id",
            &f.exp,
            "-v",
            "all",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    let dst_runs = mlrs(
        dst,
        &[
            "runs",
            "list",
            "--experiment-id",
            &dst_exp,
            "-v",
            "all",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    assert_eq!(
        src_runs.as_array().unwrap().len(),
        dst_runs.as_array().unwrap().len()
    );

    // The registry: model fields, and each version from the finished run's mirror.
    let a = mlrs(src, &["models", "get", "fraud", "-o", "json"])
        .ok()
        .json();
    let b = mlrs(dst, &["models", "get", "fraud", "-o", "json"])
        .ok()
        .json();
    assert_eq!(a["description"], b["description"]);
    assert_eq!(a["tags"], b["tags"]);
    let va = mlrs(src, &["models", "versions", "fraud", "-o", "json"])
        .ok()
        .json();
    let vb = mlrs(dst, &["models", "versions", "fraud", "-o", "json"])
        .ok()
        .json();
    let (va, vb) = (va.as_array().unwrap(), vb.as_array().unwrap());
    assert_eq!(va.len(), vb.len(), "{vb:?}");
    let mut number_map = BTreeMap::new();
    for (x, y) in va.iter().zip(vb) {
        for field in ["current_stage", "description", "status"] {
            assert_eq!(x[field], y[field], "version {}: {field}", x["version"]);
        }
        assert_eq!(without_sync_tags(&x["tags"]), without_sync_tags(&y["tags"]));
        assert_eq!(y["tags"]["mlrs.sync.source_version"], x["version"]);
        assert_eq!(
            y["run_id"].as_str().unwrap(),
            mirrors[x["run_id"].as_str().unwrap()]
        );
        assert!(
            y["source"].as_str().unwrap().ends_with("/model"),
            "{}",
            y["source"]
        );
        number_map.insert(
            x["version"].as_str().unwrap().to_string(),
            y["version"].clone(),
        );
    }
    let mapped: BTreeMap<String, Value> = a["aliases"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), number_map[v.as_str().unwrap()].clone()))
        .collect();
    assert_eq!(json!(mapped), b["aliases"]);
    // The version whose source is outside any run was skipped, not half-made.
    let loose = mlrs(dst, &["models", "versions", "loose", "-o", "json"])
        .ok()
        .json();
    assert_eq!(loose, json!([]), "{loose}");
}

fn round_trip(from: Backend, to: Backend) {
    let src = Scratch::with_backend(from);
    let dst = Scratch::with_backend(to);
    let f = populate(&src);
    let before_src = src.snapshot();
    let out = sync(&src, &dst, &["-o", "json"]).ok();
    assert!(
        out.stderr.contains("version 1 of model 'loose' skipped"),
        "{}",
        out.stderr
    );
    let report = out.json();
    assert_eq!(report["runs"]["created"], 5, "{report}");
    assert_eq!(report["model_versions"]["created"], 2, "{report}");
    assert_eq!(report["model_versions"]["skipped"], 1, "{report}");
    // 5 loss points, 1 acc, 1 on the running run, 1 in the deleted experiment.
    assert_eq!(report["metric_points_sent"], 8, "{report}");
    assert_eq!(report["params_sent"], 3, "{report}");
    assert_eq!(report["artifact_files_sent"], 4, "{report}");
    assert_eq!(report["artifact_bytes_sent"], 5000 + 12 + 6 + 5, "{report}");
    assert_eq!(report["up_to_date"], false);
    assert_eq!(src.snapshot(), before_src, "sync only reads its source");
    assert_mirrored(&src, &dst, &f);

    // A second sync sends nothing and leaves the destination byte-identical.
    let before = dst.snapshot();
    let again = sync(&src, &dst, &[]).ok();
    assert!(again.stdout.starts_with("nothing to sync: 3 experiment(s), 5 run(s), 2 registered model(s), 2 model version(s) already up to date"), "{}", again.stdout);
    let json_again = sync(&src, &dst, &["-o", "json"]).ok().json();
    assert_eq!(json_again["actions"], json!([]), "{json_again}");
    assert_eq!(json_again["up_to_date"], true);
    assert_eq!(dst.snapshot(), before, "a second sync wrote something");
}

#[test]
fn file_to_sqlite_mirrors_every_field_and_a_second_sync_sends_nothing() {
    round_trip(Backend::File, Backend::Sqlite);
}

#[test]
fn sqlite_to_file_mirrors_every_field_and_a_second_sync_sends_nothing() {
    round_trip(Backend::Sqlite, Backend::File);
}

#[test]
fn file_to_file_mirrors_every_field_and_a_second_sync_sends_nothing() {
    round_trip(Backend::File, Backend::File);
}

#[test]
fn sqlite_to_sqlite_mirrors_every_field_and_a_second_sync_sends_nothing() {
    round_trip(Backend::Sqlite, Backend::Sqlite);
}

/// What the source gains after a sync (points on a running run, a param, a tag, a new run,
/// its end, an artifact, a new version and stage) is what the next sync sends.
fn follow_up(from: Backend, to: Backend) {
    let src = Scratch::with_backend(from);
    let dst = Scratch::with_backend(to);
    let f = populate(&src);
    sync(&src, &dst, &[]).ok();
    for step in 1..4 {
        mlrs(
            &src,
            &[
                "runs",
                "log-metric",
                "--run-id",
                &f.running,
                "loss",
                &format!("{step}.5"),
                "--step",
                &step.to_string(),
            ],
        )
        .ok();
    }
    mlrs(
        &src,
        &["runs", "log-param", "--run-id", &f.running, "late", "1"],
    )
    .ok();
    mlrs(
        &src,
        &["runs", "set-tag", "--run-id", &f.finished, "stage", "prod"],
    )
    .ok();
    mlrs(
        &src,
        &["runs", "end", "--run-id", &f.running, "--status", "killed"],
    )
    .ok();
    let extra = src.path().join("extra.txt");
    std::fs::write(&extra, "more").unwrap();
    mlrs(
        &src,
        &[
            "artifacts",
            "log-artifact",
            "-l",
            extra.to_str().unwrap(),
            "-r",
            &f.finished,
        ],
    )
    .ok();
    let new_run = mlrs(&src, &["runs", "start", "-q", "--experiment-id", &f.exp])
        .ok()
        .line();
    mlrs(&src, &["runs", "log-param", "--run-id", &new_run, "a", "b"]).ok();
    mlrs(&src, &["runs", "restore", "--run-id", &f.deleted]).ok();
    mlrs(&src, &["models", "transition", "fraud", "1", "archived"]).ok();
    mlrs(&src, &["models", "set-alias", "fraud", "champion", "1"]).ok();

    let report = sync(&src, &dst, &["-o", "json"]).ok().json();
    assert_eq!(report["runs"]["created"], 1, "{report}");
    assert_eq!(report["runs"]["updated"], 3, "{report}");
    assert_eq!(report["metric_points_sent"], 3, "{report}");
    assert_eq!(report["params_sent"], 2, "{report}");
    assert_eq!(report["artifact_files_sent"], 1, "{report}");
    assert_eq!(report["model_versions"]["updated"], 1, "{report}");
    assert_eq!(report["models"]["updated"], 1, "{report}");
    let dst_exp = experiment_named(&dst, "churn")["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_run_mirrored(&src, &dst, &dst_exp, &new_run);
    assert_mirrored(&src, &dst, &f);
    assert_nothing_to_sync(sync(&src, &dst, &[]));
}

#[test]
fn what_a_file_store_gains_after_a_sync_reaches_sqlite_on_the_next() {
    follow_up(Backend::File, Backend::Sqlite);
}

#[test]
fn what_a_sqlite_store_gains_after_a_sync_reaches_a_file_store_on_the_next() {
    follow_up(Backend::Sqlite, Backend::File);
}

/// A destination left half-written (points, a param, artifacts and a run's status missing, as
/// a sync killed mid-run leaves it) is completed by the next sync, and only what is missing is
/// sent.
#[test]
fn a_half_written_file_destination_is_completed_by_the_next_sync() {
    let src = Scratch::with_backend(Backend::Sqlite);
    let dst = Scratch::with_backend(Backend::File);
    let f = populate(&src);
    sync(&src, &dst, &[]).ok();
    let dst_exp = experiment_named(&dst, "churn")["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let dst_run = mirror_id(&dst, &dst_exp, &f.finished);
    let run_dir = dst.store().join(&dst_exp).join(&dst_run);
    // Two of the five loss points lost, a param, two artifact files, and the end of the run.
    let loss = run_dir.join("metrics/loss");
    let text = std::fs::read_to_string(&loss).unwrap();
    let kept: Vec<&str> = text.lines().take(3).collect();
    std::fs::write(&loss, format!("{}\n", kept.join("\n"))).unwrap();
    std::fs::remove_file(run_dir.join("params/lr")).unwrap();
    std::fs::remove_dir_all(run_dir.join("artifacts/plots")).unwrap();
    std::fs::write(run_dir.join("artifacts/notes.txt"), "hel").unwrap();
    let meta = run_dir.join("meta.yaml");
    let m = std::fs::read_to_string(&meta).unwrap();
    let m: String = m
        .lines()
        .map(|l| {
            if l.starts_with("status:") {
                "status: 1".to_string()
            } else if l.starts_with("end_time:") {
                "end_time: null".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(&meta, m + "\n").unwrap();
    assert_eq!(describe(&dst, &dst_run)["info"]["status"], "RUNNING");

    // The points went behind sync's back, after it recorded the run's metrics digest: a plain
    // sync trusts the digest (it still finds the param, the files and the status); --verify
    // reads the histories back and finds the points too.
    let plain = sync(&src, &dst, &["--dry-run", "-o", "json"]).ok().json();
    assert_eq!(plain["metric_points_sent"], 0, "{plain}");
    assert_eq!(plain["params_sent"], 1, "{plain}");
    assert_eq!(plain["artifact_files_sent"], 2, "{plain}");
    let report = sync(&src, &dst, &["--verify", "-o", "json"]).ok().json();
    assert_eq!(report["runs"]["updated"], 1, "{report}");
    assert_eq!(report["runs"]["created"], 0, "{report}");
    assert_eq!(report["metric_points_sent"], 2, "{report}");
    assert_eq!(report["params_sent"], 1, "{report}");
    assert_eq!(report["artifact_files_sent"], 2, "{report}");
    assert_mirrored(&src, &dst, &f);
    assert_nothing_to_sync(sync(&src, &dst, &[]));
}

/// The same on SQLite: rows deleted as a transaction that never committed leaves them missing.
#[test]
fn a_half_written_sqlite_destination_is_completed_by_the_next_sync() {
    let src = Scratch::with_backend(Backend::File);
    let dst = Scratch::with_backend(Backend::Sqlite);
    let f = populate(&src);
    sync(&src, &dst, &[]).ok();
    let dst_exp = experiment_named(&dst, "churn")["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let dst_run = mirror_id(&dst, &dst_exp, &f.finished);
    let running = mirror_id(&dst, &dst_exp, &f.running);
    let db = rusqlite::Connection::open(dst.path().join("mlflow.db")).unwrap();
    let n = db
        .execute(
            "DELETE FROM metrics WHERE run_uuid = ?1 AND key = 'loss' AND step >= 2",
            [&dst_run],
        )
        .unwrap();
    assert_eq!(n, 3);
    db.execute("DELETE FROM metrics WHERE run_uuid = ?1", [&running])
        .unwrap();
    db.execute(
        "DELETE FROM params WHERE run_uuid = ?1 AND key = 'lr'",
        [&dst_run],
    )
    .unwrap();
    drop(db);
    let artifacts = describe(&dst, &dst_run)["info"]["artifact_uri"]
        .as_str()
        .unwrap()
        .to_string();
    let artifacts = std::path::PathBuf::from(artifacts.trim_start_matches("file://"));
    std::fs::remove_file(artifacts.join("model/weights.bin")).unwrap();

    // As on a file store: the lost points are found with --verify.
    let plain = sync(&src, &dst, &["--dry-run", "-o", "json"]).ok().json();
    assert_eq!(plain["metric_points_sent"], 0, "{plain}");
    assert_eq!(plain["params_sent"], 1, "{plain}");
    let report = sync(&src, &dst, &["--verify", "-o", "json"]).ok().json();
    assert_eq!(report["runs"]["updated"], 2, "{report}");
    assert_eq!(report["metric_points_sent"], 4, "{report}");
    assert_eq!(report["params_sent"], 1, "{report}");
    assert_eq!(report["artifact_files_sent"], 1, "{report}");
    assert_eq!(report["artifact_bytes_sent"], 5000, "{report}");
    assert_mirrored(&src, &dst, &f);
    assert_nothing_to_sync(sync(&src, &dst, &[]));
}

/// A sync killed part way (here: after it created the first runs of a big store) is finished
/// by the next one: no run is created twice.
#[test]
fn a_killed_sync_is_finished_by_the_next_one() {
    let src = Scratch::with_backend(Backend::File);
    let dst = Scratch::with_backend(Backend::File);
    let exp = mlrs(&src, &["experiments", "create", "-q", "-n", "many"])
        .ok()
        .line();
    let body: Vec<Value> = (0..1000)
        .map(|i| json!({"key": "m", "value": i, "timestamp": 1000 + i, "step": i}))
        .collect();
    let batch = src.path().join("batch.json");
    std::fs::write(&batch, json!({"metrics": body}).to_string()).unwrap();
    for _ in 0..40 {
        let run = mlrs(&src, &["runs", "start", "-q", "--experiment-id", &exp])
            .ok()
            .line();
        mlrs(
            &src,
            &[
                "runs",
                "log-batch",
                "--run-id",
                &run,
                "--json",
                batch.to_str().unwrap(),
            ],
        )
        .ok();
    }
    let (from, to) = (src.tracking_uri(), dst.tracking_uri());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mlrs"))
        .args(["sync", "--from", &from, "--to", &to])
        .current_dir(dst.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Killed once the destination holds some of the runs.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let runs_in_dst = || -> usize {
        walkdir::WalkDir::new(dst.store())
            .min_depth(2)
            .max_depth(2)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("meta.yaml").is_file() && e.path().join("metrics").is_dir())
            .count()
    };
    while runs_in_dst() < 3 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.kill();
    let status = child.wait().unwrap();
    assert!(
        !status.success(),
        "the sync ended before it could be killed"
    );
    let killed_at = runs_in_dst();
    assert!(killed_at < 40, "{killed_at} runs were already there");
    // The rest is sent now, and no run is created twice.
    let report = sync(&src, &dst, &["-o", "json"]).ok().json();
    assert!(
        report["runs"]["unchanged"].as_u64().unwrap() + report["runs"]["updated"].as_u64().unwrap()
            >= 3,
        "{report}"
    );
    assert!(
        report["metric_points_sent"].as_u64().unwrap() > 0,
        "{report}"
    );
    let dst_exp = experiment_named(&dst, "many")["experiment_id"]
        .as_str()
        .unwrap()
        .to_string();
    let src_runs = mlrs(
        &src,
        &["runs", "list", "--experiment-id", &exp, "-o", "json"],
    )
    .ok()
    .json();
    for run in src_runs.as_array().unwrap() {
        let id = run["info"]["run_id"].as_str().unwrap();
        let mirror = assert_run_mirrored(&src, &dst, &dst_exp, id);
        assert_eq!(history(&dst, &mirror, "m").len(), 1000);
    }
    assert_nothing_to_sync(sync(&src, &dst, &[]));
}

/// A param the destination holds with another value: exit 4 naming run and key, and nothing
/// else written (the other pending changes included).
#[test]
fn a_conflicting_param_stops_the_sync_before_anything_is_written() {
    for (from, to) in [
        (Backend::File, Backend::Sqlite),
        (Backend::Sqlite, Backend::File),
    ] {
        let src = Scratch::with_backend(from);
        let dst = Scratch::with_backend(to);
        let f = populate(&src);
        sync(&src, &dst, &[]).ok();
        let dst_exp = experiment_named(&dst, "churn")["experiment_id"]
            .as_str()
            .unwrap()
            .to_string();
        let mirror = mirror_id(&dst, &dst_exp, &f.running);
        mlrs(
            &src,
            &["runs", "log-param", "--run-id", &f.running, "seed", "1"],
        )
        .ok();
        mlrs(
            &dst,
            &["runs", "log-param", "--run-id", &mirror, "seed", "2"],
        )
        .ok();
        mlrs(
            &src,
            &["runs", "log-metric", "--run-id", &f.finished, "acc", "0.95"],
        )
        .ok();
        mlrs(&src, &["experiments", "create", "-n", "new"]).ok();
        let before = dst.snapshot();
        let out = sync(&src, &dst, &[]);
        assert_eq!(out.code, 4, "{} {}", out.stdout, out.stderr);
        assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
        assert!(out.stderr.contains("param 'seed'"), "{}", out.stderr);
        assert!(out.stderr.contains(&f.running), "{}", out.stderr);
        assert_eq!(dst.snapshot(), before, "a conflicting sync wrote something");
    }
}

#[test]
fn a_dry_run_lists_what_would_be_sent_and_writes_nothing() {
    let src = Scratch::with_backend(Backend::File);
    let dst = Scratch::with_backend(Backend::Sqlite);
    let f = populate(&src);
    // Into a store that does not exist yet: it is not created.
    let out = sync(&src, &dst, &["--dry-run"]).ok();
    assert!(!dst.path().join("mlflow.db").exists());
    assert!(
        out.stdout.contains("would create experiment 'churn'"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains(&format!("would create run {}", f.finished)),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("would register model 'fraud' version 2"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("would send:"), "{}", out.stdout);
    // Into an existing store: the counts a real sync then reports, and nothing written.
    let dry = sync(&src, &dst, &["--dry-run", "-o", "json"]).ok().json();
    assert_eq!(dry["dry_run"], true);
    sync(&src, &dst, &["--no-registry", "-x", "0"]).ok();
    let before = dst.snapshot();
    let dry = sync(&src, &dst, &["--dry-run", "-o", "json"]).ok().json();
    assert_eq!(dst.snapshot(), before, "a dry run wrote something");
    let real = sync(&src, &dst, &["-o", "json"]).ok().json();
    for key in [
        "experiments",
        "runs",
        "models",
        "model_versions",
        "params_sent",
        "tags_sent",
        "metric_points_sent",
        "artifact_files_sent",
        "artifact_bytes_sent",
    ] {
        assert_eq!(dry[key], real[key], "{key}");
    }
    assert_eq!(
        dry["actions"].as_array().unwrap().len(),
        real["actions"].as_array().unwrap().len()
    );
}

#[test]
fn only_the_experiments_asked_for_are_synced_with_their_models() {
    let src = Scratch::with_backend(Backend::File);
    let dst = Scratch::with_backend(Backend::File);
    let f = populate(&src);
    let other = mlrs(&src, &["experiments", "create", "-q", "-n", "other"])
        .ok()
        .line();
    mlrs(&src, &["runs", "start", "-q", "--experiment-id", &other]).ok();
    let report = sync(&src, &dst, &["-x", &f.exp, "-o", "json"]).ok().json();
    assert_eq!(report["experiments"]["created"], 1, "{report}");
    assert_eq!(report["runs"]["created"], 4, "{report}");
    let names: Vec<Value> = mlrs(&dst, &["experiments", "search", "-v", "all", "-o", "json"])
        .ok()
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].clone())
        .collect();
    assert!(
        !names.contains(&json!("other")) && !names.contains(&json!("gone")),
        "{names:?}"
    );
    // The model of the synced runs came along; the one from no run did not.
    mlrs(&dst, &["models", "get", "fraud"]).ok();
    assert_eq!(mlrs(&dst, &["models", "get", "loose"]).code, 3);
    let missing = sync(&src, &dst, &["-x", "424242"]);
    assert_eq!(missing.code, 3, "{}", missing.stderr);
}

#[test]
fn bad_ends_exit_non_zero_with_one_line() {
    let src = Scratch::with_backend(Backend::File);
    let dst = Scratch::with_backend(Backend::Sqlite);
    populate(&src);
    let store = src.store().to_string_lossy().into_owned();
    let missing = src.path().join("nowhere").to_string_lossy().into_owned();
    let file_uri = format!("file://{store}");
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        (vec!["--from", &missing, "--to", &store], 3, "nowhere"),
        (vec!["--from", &store, "--to", &file_uri], 5, "same store"),
        (
            vec!["--from", "s3://bucket/mlruns", "--to", &store],
            5,
            "s3",
        ),
        (
            vec!["--from", &store, "--to", "s3://bucket/mlruns"],
            5,
            "s3",
        ),
    ];
    for (args, code, needle) in cases {
        let mut all = vec!["sync"];
        all.extend(args.iter().copied());
        let out = dst.run(&all);
        assert_eq!(out.code, code, "{all:?}: {} {}", out.stdout, out.stderr);
        assert_eq!(
            out.stderr.trim().lines().count(),
            1,
            "{all:?}: {}",
            out.stderr
        );
        assert!(out.stderr.contains(needle), "{all:?}: {}", out.stderr);
        assert!(out.stdout.is_empty(), "{all:?}: {}", out.stdout);
    }
    assert!(!dst.path().join("mlflow.db").exists());
    // Credentials in a URI never reach a message.
    let out = dst.run(&[
        "sync",
        "--from",
        "https://alice:s3cret@host/x",
        "--to",
        &store,
    ]);
    assert_ne!(out.code, 0);
    assert!(!out.stderr.contains("s3cret"), "{}", out.stderr);
}

/// An experiment or run renamed in the source after a sync is renamed in the destination (the
/// experiment is found by its source-id tag, not taken for a new one).
#[test]
fn renames_in_the_source_follow_on_the_next_sync() {
    for (from, to) in [
        (Backend::File, Backend::Sqlite),
        (Backend::Sqlite, Backend::File),
    ] {
        let src = Scratch::with_backend(from);
        let dst = Scratch::with_backend(to);
        let f = populate(&src);
        sync(&src, &dst, &[]).ok();
        let dst_exp = experiment_named(&dst, "churn")["experiment_id"].clone();
        mlrs(
            &src,
            &[
                "experiments",
                "rename",
                "--experiment-id",
                &f.exp,
                "--new-name",
                "churn-v2",
            ],
        )
        .ok();
        mlrs(
            &src,
            &[
                "runs",
                "set-tag",
                "--run-id",
                &f.finished,
                "mlflow.runName",
                "retrained",
            ],
        )
        .ok();
        let report = sync(&src, &dst, &["-o", "json"]).ok().json();
        assert_eq!(report["experiments"]["updated"], 1, "{report}");
        assert_eq!(report["experiments"]["created"], 0, "{report}");
        assert_eq!(experiment_named(&dst, "churn-v2")["experiment_id"], dst_exp);
        let dst_exp = dst_exp.as_str().unwrap();
        let mirror = mirror_of(&dst, dst_exp, &f.finished);
        assert_eq!(mirror["info"]["run_name"], "retrained", "{mirror}");
        assert_run_mirrored(&src, &dst, dst_exp, &f.finished);
        assert_nothing_to_sync(sync(&src, &dst, &[]));
    }
}

/// Logs a point of metric `m` to `run`, with `extra` flags (step, timestamp).
fn log_m(s: &Scratch, run: &str, value: &str, extra: &[&str]) {
    let mut args = vec!["runs", "log-metric", "--run-id", run, "m", value];
    args.extend_from_slice(extra);
    mlrs(s, &args).ok();
}

/// Exact duplicate points (same timestamp, step and value) of a file store: SQLite keeps them
/// once, a file store twice; either way the next sync sends nothing.
#[test]
fn duplicate_points_are_sent_once_and_never_again() {
    for to in [Backend::Sqlite, Backend::File] {
        let src = Scratch::with_backend(Backend::File);
        let dst = Scratch::with_backend(to);
        let (_, run) = src.exp_and_run();
        for v in ["0.5", "0.5", "-0.0", "1"] {
            log_m(&src, &run, v, &["--step", "1", "--timestamp", "7"]);
        }
        let report = sync(&src, &dst, &["-o", "json"]).ok().json();
        assert_eq!(report["metric_points_sent"], 4, "{report}");
        let dst_exp = experiment_named(&dst, "e")["experiment_id"]
            .as_str()
            .unwrap()
            .to_string();
        let mirror = mirror_id(&dst, &dst_exp, &run);
        let held = history(&dst, &mirror, "m").len();
        assert_eq!(held, if to == Backend::Sqlite { 3 } else { 4 });
        let before = dst.snapshot();
        assert_nothing_to_sync(sync(&src, &dst, &[]));
        assert_nothing_to_sync(sync(&src, &dst, &["--verify"]));
        assert_eq!(dst.snapshot(), before);
    }
}

fn digest_of(s: &Scratch, run: &str) -> Option<String> {
    describe(s, run)["data"]["tags"]["mlrs.sync.metrics_digest"]
        .as_str()
        .map(str::to_string)
}

/// Each destination run carries a digest of its source's metric histories, recorded once they
/// were all sent; it follows the source's new points, and a run synced without it (an older
/// mlrs) gets it on the next sync with nothing else written.
#[test]
fn a_run_s_metrics_digest_follows_its_source_histories() {
    for to in [Backend::Sqlite, Backend::File] {
        let src = Scratch::with_backend(Backend::File);
        let dst = Scratch::with_backend(to);
        let (_, run) = src.exp_and_run();
        let log = |v: &str, step: &str| log_m(&src, &run, v, &["--step", step]);
        log("0.5", "0");
        sync(&src, &dst, &[]).ok();
        let dst_exp = experiment_named(&dst, "e")["experiment_id"]
            .as_str()
            .unwrap()
            .to_string();
        let mirror = mirror_id(&dst, &dst_exp, &run);
        let first = digest_of(&dst, &mirror).expect("a digest after the first sync");
        assert_eq!(first.len(), 16);

        log("0.75", "1");
        let report = sync(&src, &dst, &["-o", "json"]).ok().json();
        assert_eq!(report["metric_points_sent"], 1, "{report}");
        let second = digest_of(&dst, &mirror).unwrap();
        assert_ne!(second, first);
        assert_eq!(history(&dst, &mirror, "m").len(), 2);
        assert_nothing_to_sync(sync(&src, &dst, &[]));

        mlrs(
            &dst,
            &[
                "runs",
                "delete-tag",
                "--run-id",
                &mirror,
                "mlrs.sync.metrics_digest",
            ],
        )
        .ok();
        assert_eq!(digest_of(&dst, &mirror), None);
        assert_nothing_to_sync(sync(&src, &dst, &[]));
        assert_eq!(digest_of(&dst, &mirror), Some(second));
        assert_eq!(history(&dst, &mirror, "m").len(), 2);
    }
}

/// A deleted source experiment is never matched by name: the destination's own experiment of
/// that name is left active (not deleted by the sync), with a warning.
#[test]
fn a_deleted_source_experiment_never_deletes_a_destination_experiment_of_its_name() {
    let src = Scratch::with_backend(Backend::File);
    let dst = Scratch::with_backend(Backend::Sqlite);
    populate(&src);
    let mine = mlrs(&dst, &["experiments", "create", "-q", "-n", "gone"])
        .ok()
        .line();
    let out = sync(&src, &dst, &["-o", "json"]).ok();
    assert!(
        out.stderr.contains("deleted experiment 'gone'") && out.stderr.contains("skipped"),
        "{}",
        out.stderr
    );
    let report = out.json();
    assert_eq!(report["experiments"]["skipped"], 1, "{report}");
    let gone = experiment_named(&dst, "gone");
    assert_eq!(gone["experiment_id"], mine.as_str());
    assert_eq!(gone["lifecycle_stage"], "active");
    assert!(
        gone["tags"].get("mlrs.sync.source_experiment_id").is_none(),
        "{gone}"
    );
}
