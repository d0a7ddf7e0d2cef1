//! The SQLite store against databases written by real MLflow 3.17.2 (tests/sql_fixtures/).

use std::path::Path;
use std::sync::Arc;

use mlrs::backend::sql::{SCHEMA_3_17_2, SqlStore, head_revision};
use mlrs::entities::{Metric, RunStatus, ViewType};
use serde_json::Value;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sql_fixtures");

fn quiet() -> mlrs::store::WarnSink {
    Arc::new(|_: &str| {})
}

fn uri(p: &Path) -> String {
    format!("sqlite:///{}", p.display())
}

fn copy_fixture(dir: &Path) -> std::path::PathBuf {
    let p = dir.join("mlflow.db");
    std::fs::copy(format!("{FIX}/populated-3.17.2.db"), &p).unwrap();
    p
}

fn json_f64(v: &Value) -> f64 {
    match v {
        Value::String(s) if s == "NaN" => f64::NAN,
        Value::String(s) if s == "Infinity" => f64::INFINITY,
        Value::String(s) if s == "-Infinity" => f64::NEG_INFINITY,
        v => v.as_f64().unwrap(),
    }
}

fn same(a: f64, b: f64) -> bool {
    (a.is_nan() && b.is_nan()) || a == b
}

fn metric(key: &str, value: f64, timestamp: i64, step: i64) -> Metric {
    Metric {
        key: key.into(),
        value,
        timestamp,
        step,
        dataset_name: None,
        dataset_digest: None,
    }
}

fn schema_of(p: &Path) -> String {
    let c = rusqlite::Connection::open(p).unwrap();
    let mut st = c
        .prepare("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
        .unwrap();
    st.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|s| s.unwrap() + ";\n")
        .collect()
}

#[test]
fn embedded_schema_is_the_fixture_dump() {
    let fixture = std::fs::read_to_string(format!("{FIX}/schema-3.17.2.sql")).unwrap();
    assert_eq!(SCHEMA_3_17_2, fixture);
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIX}/populated-3.17.2.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["alembic_version"][0], head_revision());
}

#[test]
fn mlflow_written_database_reads_field_for_field() {
    let tmp = tempfile::tempdir().unwrap();
    let db = copy_fixture(tmp.path());
    let store = SqlStore::open(&uri(&db), quiet()).unwrap();
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIX}/populated-3.17.2.json")).unwrap(),
    )
    .unwrap();
    let exps = store.list_experiments(ViewType::All).unwrap();
    assert_eq!(exps.len(), json["experiments"].as_array().unwrap().len());
    for want in json["experiments"].as_array().unwrap() {
        let got = store
            .get_experiment(want["experiment_id"].as_str().unwrap())
            .unwrap();
        assert_eq!(got.name, want["name"].as_str().unwrap());
        assert_eq!(
            got.artifact_location,
            want["artifact_location"].as_str().unwrap()
        );
        assert_eq!(
            got.lifecycle_stage.as_str(),
            want["lifecycle_stage"].as_str().unwrap()
        );
        assert_eq!(got.creation_time, want["creation_time"].as_i64());
        assert_eq!(got.last_update_time, want["last_update_time"].as_i64());
        let tags: std::collections::BTreeMap<String, String> =
            serde_json::from_value(want["tags"].clone()).unwrap();
        assert_eq!(got.tags, tags);
    }
    for want in json["runs"].as_array().unwrap() {
        let id = want["run_id"].as_str().unwrap();
        let run = store.get_run(id).unwrap();
        let i = &run.info;
        assert_eq!(i.experiment_id, want["experiment_id"].as_str().unwrap());
        assert_eq!(i.run_name, want["run_name"].as_str().unwrap());
        assert_eq!(i.user_id, want["user_id"].as_str().unwrap());
        assert_eq!(i.status.name(), want["status"].as_str().unwrap());
        assert_eq!(i.start_time, want["start_time"].as_i64());
        assert_eq!(i.end_time, want["end_time"].as_i64());
        assert_eq!(i.artifact_uri, want["artifact_uri"].as_str().unwrap());
        assert_eq!(
            i.lifecycle_stage.as_str(),
            want["lifecycle_stage"].as_str().unwrap()
        );
        let params: std::collections::BTreeMap<String, String> =
            serde_json::from_value(want["params"].clone()).unwrap();
        let tags: std::collections::BTreeMap<String, String> =
            serde_json::from_value(want["tags"].clone()).unwrap();
        assert_eq!(run.data.params, params);
        assert_eq!(run.data.tags, tags);
        let wm = want["metrics"].as_object().unwrap();
        assert_eq!(run.data.metrics.len(), wm.len());
        for (k, v) in wm {
            assert!(same(run.data.metrics[k].value, json_f64(v)), "{id}/{k}");
            let hist = store.get_metric_history(id, k).unwrap();
            let wh = json["metric_histories"][format!("{id}/{k}")]
                .as_array()
                .unwrap();
            assert_eq!(hist.len(), wh.len(), "{id}/{k}");
            for (g, w) in hist.iter().zip(wh) {
                assert!(same(g.value, json_f64(&w["value"])), "{id}/{k}");
                assert_eq!(g.step, w["step"].as_i64().unwrap());
                assert_eq!(g.timestamp, w["timestamp"].as_i64().unwrap());
            }
        }
    }
}

#[test]
fn created_database_has_mlflows_schema_and_revision() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("new.db");
    let store = SqlStore::open_or_create(&uri(&db), quiet()).unwrap();
    assert_eq!(schema_of(&db), SCHEMA_3_17_2);
    // Not compared with populated-3.17.2.db: MLflow itself left the CHECK constraints of `runs`
    // in a different order in that file (same process, same version), so the fresh-db dump is
    // the reference.
    let c = rusqlite::Connection::open(&db).unwrap();
    let rev: String = c
        .query_row("SELECT version_num FROM alembic_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(rev, "dc11669786a5");
    assert_eq!(store.get_experiment("0").unwrap().name, "Default");
}

#[test]
fn reads_create_nothing_and_bad_files_are_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("missing.db");
    assert!(SqlStore::open(&uri(&missing), quiet()).is_err());
    assert!(!missing.exists());
    let text = tmp.path().join("text.db");
    std::fs::write(&text, b"not a database at all, just text").unwrap();
    let e = SqlStore::open_or_create(&uri(&text), quiet())
        .err()
        .unwrap();
    assert!(e.to_string().contains("is not a SQLite database"), "{e}");
    assert_eq!(
        std::fs::read(&text).unwrap(),
        b"not a database at all, just text"
    );
    let other = tmp.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x);")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let e = SqlStore::open_or_create(&uri(&other), quiet())
        .err()
        .unwrap();
    assert!(e.to_string().contains("without MLflow's tables"), "{e}");
    assert_eq!(std::fs::read(&other).unwrap(), before);
}

#[test]
fn old_revision_asks_for_upgrade_and_unknown_one_opens_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    let db = copy_fixture(tmp.path());
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute(
        "UPDATE alembic_version SET version_num = '75868b020152'",
        [],
    )
    .unwrap();
    let e = SqlStore::open(&uri(&db), quiet()).err().unwrap();
    assert!(e.to_string().contains("mlflow db upgrade"), "{e}");
    c.execute(
        "UPDATE alembic_version SET version_num = 'ffffffffffff'",
        [],
    )
    .unwrap();
    drop(c);
    let warned = Arc::new(std::sync::Mutex::new(Vec::<String>::new()));
    let w = warned.clone();
    let store = SqlStore::open(
        &uri(&db),
        Arc::new(move |m: &str| w.lock().unwrap().push(m.into())),
    )
    .unwrap();
    assert!(store.is_read_only());
    assert!(warned.lock().unwrap()[0].contains("read-only"));
    assert_eq!(store.get_experiment("1").unwrap().name, "alpha");
    assert!(store.create_experiment("x", None, &[]).is_err());
}

#[test]
fn write_read_round_trip_with_nan_inf_and_latest_metrics() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("rt.db");
    let s = SqlStore::open_or_create(&uri(&db), quiet()).unwrap();
    let tags = vec![("yaml".to_string(), "yes".to_string())];
    let e = s.create_experiment("日本語 12:30", None, &tags).unwrap();
    assert_eq!(e, "1");
    assert!(s.create_experiment("日本語 12:30", None, &[]).is_err());
    let r = s.create_run(&e, "me", 5, Some("<<"), &[]).unwrap();
    assert!(
        r.artifact_uri
            .ends_with(&format!("/1/{}/artifacts", r.run_id))
    );
    let id = r.run_id.clone();
    s.log_param(&id, "eq", "=").unwrap();
    s.log_param(&id, "eq", "=").unwrap();
    assert!(
        s.log_param(&id, "eq", "other")
            .unwrap_err()
            .to_string()
            .starts_with("Changing param values")
    );
    for (step, v) in [
        (0, 1.0),
        (1, f64::NAN),
        (2, f64::INFINITY),
        (3, f64::NEG_INFINITY),
    ] {
        s.log_metric(&id, metric("m", v, 10, step)).unwrap();
    }
    s.log_metric(&id, metric("m", -1.0, 10, 3)).unwrap(); // same step, larger value wins
    s.log_metric(&id, metric("m", -1.0, 10, 3)).unwrap(); // exact duplicate ignored
    let h = s.get_metric_history(&id, "m").unwrap();
    assert_eq!(h.len(), 5);
    assert!(h[1].value.is_nan());
    assert_eq!(h[2].value, 1.797_693_134_862_315_7e308); // MLflow stores ±inf as ±DBL_MAX
    let run = s.get_run(&id).unwrap();
    assert_eq!(run.data.metrics["m"].value, -1.0);
    assert_eq!(run.data.params["eq"], "=");
    assert_eq!(run.data.tags["mlflow.runName"], "<<");
    s.set_tag(&id, "mlflow.runName", "renamed").unwrap();
    assert_eq!(s.get_run(&id).unwrap().info.run_name, "renamed");
    let info = s
        .update_run_info(&id, RunStatus::Finished, Some(99), None)
        .unwrap();
    assert_eq!(info.status, RunStatus::Finished);
    s.delete_experiment(&e).unwrap();
    let run = s.get_run(&id).unwrap();
    assert_eq!(run.info.lifecycle_stage.as_str(), "deleted");
    assert!(run.info.deleted_time.is_some());
    s.restore_experiment(&e).unwrap();
    assert_eq!(s.get_run(&id).unwrap().info.deleted_time, None);
}

#[test]
fn sixteen_concurrent_writers_lose_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("c.db");
    let s = SqlStore::open_or_create(&uri(&db), quiet()).unwrap();
    let id = s.create_run("0", "me", 1, Some("c"), &[]).unwrap().run_id;
    let threads: Vec<_> = (0..16)
        .map(|t| {
            let (u, id) = (uri(&db), id.clone());
            std::thread::spawn(move || {
                let s = SqlStore::open(&u, quiet()).unwrap();
                for i in 0..20 {
                    s.log_metric(&id, metric("m", (t * 100 + i) as f64, 1, t * 100 + i))
                        .unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(s.get_metric_history(&id, "m").unwrap().len(), 320);
    assert_eq!(s.get_run(&id).unwrap().data.metrics["m"].step, 1519);
}

#[test]
fn a_database_of_mlflow_2_22_is_refused_with_the_upgrade_command_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("old.db");
    let original = std::fs::read(format!("{FIX}/populated-2.22.0.db")).unwrap();
    std::fs::write(&db, &original).unwrap();
    for result in [
        SqlStore::open(&uri(&db), quiet()).map(drop),
        SqlStore::open_or_create(&uri(&db), quiet()).map(drop),
    ] {
        let message = result.unwrap_err().to_string();
        assert!(message.contains("mlflow db upgrade"), "{message}");
        assert!(!message.contains('\n'), "{message}");
    }
    assert_eq!(std::fs::read(&db).unwrap(), original);
}

#[test]
fn metric_history_is_in_mlflows_order_timestamp_then_step_then_value() {
    // MLflow 3.17.2's SqlAlchemyStore.get_metric_history: ORDER BY timestamp, step, value.
    let tmp = tempfile::tempdir().unwrap();
    let s = SqlStore::open_or_create(&uri(&tmp.path().join("o.db")), quiet()).unwrap();
    let e = s.create_experiment("order", None, &[]).unwrap();
    let id = s.create_run(&e, "me", 5, None, &[]).unwrap().run_id;
    for (value, timestamp, step) in [(1.0, 30, 0), (2.0, 10, 5), (0.5, 10, 5), (3.0, 20, 1)] {
        s.log_metric(&id, metric("m", value, timestamp, step))
            .unwrap();
    }
    let got: Vec<(f64, i64, i64)> = s
        .get_metric_history(&id, "m")
        .unwrap()
        .iter()
        .map(|m| (m.value, m.timestamp, m.step))
        .collect();
    assert_eq!(
        got,
        vec![(0.5, 10, 5), (2.0, 10, 5), (3.0, 20, 1), (1.0, 30, 0)]
    );
}
