//! `experiments|runs|models export|import`: round trips of MLflow-written stores with every
//! field kept, idempotent re-imports, conflicts, `--new-ids`, deleted runs, missing artifacts,
//! the registry, and the samples the real mlflow-export-import tool wrote
//! (tests/transfer_fixtures).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::{Backend, Scratch};
use mlrs::backend::{Mode, open_registry, open_tracking};
use mlrs::entities::{Metric, ViewType};
use mlrs::store::fsutil::list_key_files;
use mlrs::store::metric_history::read_metric_history;
use mlrs::transfer::pyjson::{self, Json};
use mlrs::{FileStore, RegistryStore, TrackingStore};
use serde_json::Value;

const MAIN_EXP: &str = "731998643088096760";

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(src: &Path, dst: &Path) {
    for e in walkdir::WalkDir::new(src) {
        let e = e.unwrap();
        let target = dst.join(e.path().strip_prefix(src).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

/// The MLflow 3.17.2 fixture store as `<scratch>/src`, empty directories recreated.
fn mlflow_store(s: &Scratch) -> PathBuf {
    let fixture = manifest().join("tests/fixtures/mlflow-3.17.2");
    let root = s.path().join("src");
    copy_dir(&fixture.join("mlruns"), &root);
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture.join("expected.json")).unwrap())
            .unwrap();
    for d in expected["empty_dirs"].as_array().unwrap() {
        std::fs::create_dir_all(root.join(d.as_str().unwrap())).unwrap();
    }
    root
}

fn open(root: &Path) -> FileStore {
    FileStore::open(root.to_str().unwrap(), Arc::new(|_: &str| {})).unwrap()
}

fn mlrs_at(s: &Scratch, store: &Path, args: &[&str]) -> common::Out {
    let mut all = vec!["--tracking-uri", store.to_str().unwrap()];
    all.extend_from_slice(args);
    s.run(&all)
}

/// A metric point as comparable bits (NaN equals NaN).
fn point(m: &Metric) -> (u64, i64, i64) {
    let v = if m.value.is_nan() { f64::NAN } else { m.value };
    (v.to_bits(), m.timestamp, m.step)
}

fn histories(store: &FileStore, run_id: &str) -> BTreeMap<String, Vec<(u64, i64, i64)>> {
    let dir = store.run_path(run_id).unwrap();
    list_key_files(&dir.join("metrics"))
        .unwrap()
        .into_iter()
        .map(|(k, p)| {
            let h = read_metric_history(&k, &p).unwrap();
            (k, h.iter().map(point).collect())
        })
        .collect()
}

/// Every metric history of a run, read through the store traits (any backend).
fn histories_of(store: &dyn TrackingStore, run_id: &str) -> BTreeMap<String, Vec<(u64, i64, i64)>> {
    let run = store.get_run(run_id).unwrap();
    run.data
        .metrics
        .keys()
        .map(|k| {
            let h = store.get_metric_history(run_id, k).unwrap();
            (k.clone(), h.iter().map(point).collect())
        })
        .collect()
}

/// A history as `backend` gives it back once imported: as logged on files; on SQLite as
/// MLflow's schema keeps it (one row per distinct (timestamp, step, value), ordered by
/// timestamp, step, value with NaN as its stored 0, ±inf as ±f64::MAX, -0.0 as 0.0).
fn as_read_back(backend: Backend, points: &[Metric]) -> Vec<(u64, i64, i64)> {
    if backend == Backend::File {
        return points.iter().map(point).collect();
    }
    let mut rows: Vec<(i64, i64, f64, bool)> = points
        .iter()
        .map(|m| {
            let v = m.value;
            let (v, nan) = if v.is_nan() {
                (0.0, true)
            } else if v == f64::INFINITY {
                (f64::MAX, false)
            } else if v == f64::NEG_INFINITY {
                (f64::MIN, false)
            } else if v == 0.0 {
                (0.0, false) // -0.0 too
            } else {
                (v, false)
            };
            (m.timestamp, m.step, v, nan)
        })
        .collect();
    rows.sort_by(|a, b| {
        (a.0, a.1)
            .cmp(&(b.0, b.1))
            .then(a.2.partial_cmp(&b.2).unwrap())
            .then(a.3.cmp(&b.3))
    });
    rows.dedup_by(|a, b| a == b);
    rows.into_iter()
        .map(|(ts, step, v, nan)| {
            let v = if nan { f64::NAN } else { v };
            (v.to_bits(), ts, step)
        })
        .collect()
}

/// The scratch store of the matrix's backend, through the store traits.
fn tracking_of(s: &Scratch) -> Box<dyn TrackingStore> {
    open_tracking(&s.tracking_uri(), Mode::MustExist, Arc::new(|_: &str| {})).unwrap()
}

fn registry_of(s: &Scratch) -> Box<dyn RegistryStore> {
    let uri = s.tracking_uri();
    open_registry(&uri, &uri, Mode::MustExist, Arc::new(|_: &str| {})).unwrap()
}

fn artifact_bytes(store: &dyn TrackingStore, run_id: &str) -> BTreeMap<String, Vec<u8>> {
    let root = store.artifact_root(run_id).unwrap();
    walkdir::WalkDir::new(&root)
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(&root).unwrap().display().to_string(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Every field mlrs and MLflow read of every run of `exp` is equal in both stores.
fn assert_same_runs(a: &FileStore, b: &FileStore, exp: &str, b_exp: &str) {
    let runs_a = a
        .list_runs(&[exp.into()], ViewType::All, mlrs::store::RunParts::ALL)
        .unwrap();
    let runs_b = b
        .list_runs(&[b_exp.into()], ViewType::All, mlrs::store::RunParts::ALL)
        .unwrap();
    assert_eq!(runs_a.len(), runs_b.len());
    assert!(!runs_a.is_empty());
    for ra in &runs_a {
        let id = &ra.info.run_id;
        let rb = runs_b.iter().find(|r| &r.info.run_id == id).expect(id);
        let (ia, ib) = (&ra.info, &rb.info);
        assert_eq!(
            (
                &ia.run_name,
                &ia.user_id,
                ia.status,
                ia.start_time,
                ia.end_time,
                ia.lifecycle_stage
            ),
            (
                &ib.run_name,
                &ib.user_id,
                ib.status,
                ib.start_time,
                ib.end_time,
                ib.lifecycle_stage
            ),
            "{id}"
        );
        assert_eq!(ra.data.params, rb.data.params, "{id}");
        assert_eq!(ra.data.tags, rb.data.tags, "{id}");
        assert_eq!(histories(a, id), histories(b, id), "{id}");
        assert_eq!(ra.inputs.dataset_inputs, rb.inputs.dataset_inputs, "{id}");
        assert_eq!(artifact_bytes(a, id), artifact_bytes(b, id), "{id}");
    }
}

fn export_main(s: &Scratch, src: &Path, out: &str, extra: &[&str]) -> Value {
    let mut args = vec![
        "experiments",
        "export",
        "-x",
        MAIN_EXP,
        "--output-dir",
        out,
        "-o",
        "json",
    ];
    args.extend_from_slice(extra);
    mlrs_at(s, src, &args).ok().json()
}

#[test]
fn round_trip_into_an_empty_store_keeps_every_field() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    let exported = export_main(&s, &src, "out", &["--include-deleted"]);
    assert_eq!(exported["failed"], 0);
    assert!(exported["runs"].as_u64().unwrap() >= 10, "{exported}");
    let dst = s.path().join("dst");
    let imported = mlrs_at(
        &s,
        &dst,
        &["experiments", "import", "--input-dir", "out", "-o", "json"],
    )
    .ok()
    .json();
    assert_eq!(imported["runs"], exported["runs"]);
    assert_eq!(imported["metrics"], exported["metrics"]);
    assert_eq!(imported["artifacts"], exported["artifacts"]);
    assert_eq!(
        imported["experiment_id"], MAIN_EXP,
        "the exported id is kept when free"
    );
    let (a, b) = (open(&src), open(&dst));
    let (ea, eb) = (
        a.get_experiment(MAIN_EXP).unwrap(),
        b.get_experiment(MAIN_EXP).unwrap(),
    );
    assert_eq!(
        (&ea.name, &ea.tags, ea.creation_time, ea.last_update_time),
        (&eb.name, &eb.tags, eb.creation_time, eb.last_update_time)
    );
    assert_same_runs(&a, &b, MAIN_EXP, MAIN_EXP);
    // Nothing was left behind in the staging area.
    let leftovers: Vec<_> = std::fs::read_dir(dst.join(".trash"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_second_import_skips_identical_runs_and_changes_nothing() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    export_main(&s, &src, "out", &[]);
    let dst = s.path().join("mlruns");
    let first = mlrs_at(
        &s,
        &dst,
        &["experiments", "import", "--input-dir", "out", "-o", "json"],
    )
    .ok()
    .json();
    let before = s.snapshot();
    let again = mlrs_at(
        &s,
        &dst,
        &["experiments", "import", "--input-dir", "out", "-o", "json"],
    )
    .ok()
    .json();
    assert_eq!(again["runs"], 0);
    assert_eq!(again["skipped"], first["runs"]);
    assert_eq!(again["failed"], 0);
    assert_eq!(s.snapshot(), before);
}

#[test]
fn a_run_id_that_exists_with_different_data_is_refused() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    export_main(&s, &src, "out", &[]);
    let dst = s.path().join("mlruns");
    mlrs_at(&s, &dst, &["experiments", "import", "--input-dir", "out"]).ok();
    let run = "962b4c32128a4da394fe6d0a2d00046a";
    mlrs_at(
        &s,
        &dst,
        &["runs", "set-tag", "--run-id", run, "changed", "here"],
    )
    .ok();
    let out = mlrs_at(
        &s,
        &dst,
        &["experiments", "import", "--input-dir", "out", "-o", "json"],
    );
    assert_eq!(out.code, 4, "{}", out.stderr);
    let summary = out.json();
    assert_eq!(summary["failed"], 1);
    assert!(summary["skipped"].as_u64().unwrap() > 0);
    assert!(
        out.stderr.contains(run) && out.stderr.contains("--new-ids"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("different tags"), "{}", out.stderr);
}

#[test]
fn new_ids_import_runs_again_with_parent_links_remapped() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    export_main(&s, &src, "out", &[]);
    let dst = s.path().join("mlruns");
    mlrs_at(&s, &dst, &["experiments", "import", "--input-dir", "out"]).ok();
    let out = mlrs_at(
        &s,
        &dst,
        &[
            "experiments",
            "import",
            "--input-dir",
            "out",
            "--new-ids",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    let map: BTreeMap<String, String> = serde_json::from_value(out["run_ids"].clone()).unwrap();
    assert!(!map.is_empty());
    assert!(map.iter().all(|(a, b)| a != b));
    let store = open(&dst);
    let src_store = open(&src);
    let mut children = 0;
    for (old, new) in &map {
        let before = src_store.get_run(old).unwrap();
        let after = store.get_run(new).unwrap();
        assert_eq!(histories(&src_store, old), histories(&store, new));
        if let Some(parent) = before.data.tags.get("mlflow.parentRunId") {
            children += 1;
            assert_eq!(after.data.tags["mlflow.parentRunId"], map[parent]);
        }
    }
    assert!(children > 0, "the fixture has nested runs");
    // The first import's runs are still there, untouched.
    assert_eq!(
        store
            .list_runs(
                &[MAIN_EXP.into()],
                ViewType::All,
                mlrs::store::RunParts::INFO
            )
            .unwrap()
            .len(),
        2 * map.len()
    );
}

#[test]
fn deleted_runs_are_exported_only_with_include_deleted() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    let store = open(&src);
    let deleted: Vec<String> = store
        .list_runs(
            &[MAIN_EXP.into()],
            ViewType::DeletedOnly,
            mlrs::store::RunParts::INFO,
        )
        .unwrap()
        .into_iter()
        .map(|r| r.info.run_id)
        .collect();
    assert!(!deleted.is_empty(), "the fixture has deleted runs");
    export_main(&s, &src, "without", &[]);
    export_main(&s, &src, "with", &["--include-deleted"]);
    for id in &deleted {
        assert!(!s.path().join("without/runs").join(id).exists());
        assert!(
            s.path()
                .join("with/runs")
                .join(id)
                .join("run.json")
                .is_file()
        );
    }
    let dst = s.path().join("dst");
    mlrs_at(&s, &dst, &["experiments", "import", "--input-dir", "with"]).ok();
    let run = open(&dst).get_run(&deleted[0]).unwrap();
    assert_eq!(run.info.lifecycle_stage.as_str(), "deleted");
    let single = mlrs_at(
        &s,
        &src,
        &[
            "runs",
            "export",
            "--run-id",
            &deleted[0],
            "--output-dir",
            "one",
        ],
    );
    assert_eq!(single.code, 1);
    assert!(
        single.stderr.contains("--include-deleted"),
        "{}",
        single.stderr
    );
}

#[test]
fn a_missing_artifact_is_reported_and_counted_not_fatal() {
    let s = Scratch::new();
    if s.skip_on_server(
        "a broken file behind the server's artifact proxy is an HTTP 500 there, retried like \
         any 500 (about four minutes): not a missing artifact mlrs can tell apart",
    ) {
        return;
    }
    let (_, run) = s.exp_and_run();
    std::fs::write(s.path().join("ok.txt"), "fine").unwrap();
    s.run(&["artifacts", "log-artifact", "-l", "ok.txt", "-r", &run])
        .ok();
    let art = tracking_of(&s).artifact_root(&run).unwrap();
    std::os::unix::fs::symlink("/nonexistent/weights.bin", art.join("weights.bin")).unwrap();
    let out = s.run(&[
        "runs",
        "export",
        "--run-id",
        &run,
        "--output-dir",
        "one",
        "-o",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let summary = out.json();
    assert_eq!(summary["artifacts"], 1);
    assert_eq!(summary["missing_artifacts"], 1);
    assert!(out.stderr.contains("weights.bin"), "{}", out.stderr);
    assert_eq!(
        std::fs::read(s.path().join("one/artifacts/ok.txt")).unwrap(),
        b"fine"
    );
}

#[test]
fn one_run_round_trips_through_runs_export_and_import() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    let run = "962b4c32128a4da394fe6d0a2d00046a";
    mlrs_at(
        &s,
        &src,
        &["runs", "export", "--run-id", run, "--output-dir", "one"],
    )
    .ok();
    let dst = s.path().join("dst");
    let missing = mlrs_at(
        &s,
        &dst,
        &[
            "runs",
            "import",
            "--input-dir",
            "one",
            "--experiment-id",
            "42",
        ],
    );
    assert_eq!(missing.code, 3, "{}", missing.stderr);
    let id = mlrs_at(
        &s,
        &dst,
        &[
            "runs",
            "import",
            "--input-dir",
            "one",
            "--experiment-id",
            "0",
            "-q",
        ],
    )
    .ok()
    .line();
    assert_eq!(id, run);
    let (a, b) = (open(&src), open(&dst));
    assert_eq!(histories(&a, run), histories(&b, run));
    assert_eq!(artifact_bytes(&a, run), artifact_bytes(&b, run));
    let (ra, rb) = (a.get_run(run).unwrap(), b.get_run(run).unwrap());
    assert_eq!(
        (ra.data.params, ra.data.tags),
        (rb.data.params, rb.data.tags)
    );
}

#[test]
fn exported_documents_use_the_peers_json_dialect() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    let run = "962b4c32128a4da394fe6d0a2d00046a";
    mlrs_at(
        &s,
        &src,
        &["runs", "export", "--run-id", run, "--output-dir", "one"],
    )
    .ok();
    let text = std::fs::read_to_string(s.path().join("one/run.json")).unwrap();
    // Python's json.dumps: bare NaN / -Infinity, two-space indent, ASCII escapes.
    assert!(text.contains("\"value\": NaN"), "{text}");
    assert!(text.contains("\"value\": -Infinity"), "{text}");
    assert!(text.starts_with("{\n  \"system\": {\n"), "{text}");
    assert!(text.is_ascii());
    let doc = pyjson::parse(&text, "run.json").unwrap();
    let info = doc.get("mlflow").unwrap().get("info").unwrap();
    assert_eq!(info.get("status").and_then(Json::as_str), Some("FINISHED"));
    assert!(info.get("_start_time").and_then(Json::as_str).is_some());
}

#[test]
fn an_invalid_run_leaves_nothing_behind_and_fails_the_import() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    export_main(&s, &src, "out", &[]);
    let run = "962b4c32128a4da394fe6d0a2d00046a";
    let path = s.path().join("out/runs").join(run).join("run.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "\"params\": {",
            "\"params\": {\n      \"../escape\": \"x\",",
            1,
        ),
    )
    .unwrap();
    let dst = s.path().join("dst");
    let out = mlrs_at(
        &s,
        &dst,
        &["experiments", "import", "--input-dir", "out", "-o", "json"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let summary = out.json();
    assert_eq!(summary["failed"], 1);
    assert!(
        summary["runs"].as_u64().unwrap() > 0,
        "the other runs are imported"
    );
    assert!(open(&dst).find_run_dir(run).is_err());
    assert!(!dst.join("escape").exists() && !dst.join(MAIN_EXP).join("escape").exists());
    assert_eq!(std::fs::read_dir(dst.join(".trash")).unwrap().count(), 0);
}

#[test]
fn registered_models_round_trip_with_versions_stages_aliases_and_runs() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    let out = mlrs_at(
        &s,
        &src,
        &[
            "models",
            "export",
            "reg-model",
            "--output-dir",
            "model",
            "--include-runs",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    assert_eq!(
        out["versions"], 3,
        "the deleted version 4 is not exported: {out}"
    );
    let dst = s.path().join("dst");
    mlrs_at(
        &s,
        &dst,
        &["models", "import", "--input-dir", "model", "--include-runs"],
    )
    .ok();
    let (a, b) = (open(&src), open(&dst));
    let (ma, mb) = (
        a.get_registered_model("reg-model").unwrap(),
        b.get_registered_model("reg-model").unwrap(),
    );
    assert_eq!(ma, mb);
    let (va, vb) = (
        a.list_model_versions("reg-model").unwrap(),
        b.list_model_versions("reg-model").unwrap(),
    );
    assert_eq!(va.len(), 3);
    for (x, y) in va.iter().zip(&vb) {
        assert_eq!(
            (
                x.version,
                x.current_stage,
                &x.description,
                &x.tags,
                &x.aliases,
                &x.source,
                &x.run_id
            ),
            (
                y.version,
                y.current_stage,
                &y.description,
                &y.tags,
                &y.aliases,
                &y.source,
                &y.run_id
            )
        );
        assert_eq!(
            (x.creation_timestamp, x.last_updated_timestamp),
            (y.creation_timestamp, y.last_updated_timestamp)
        );
        let run = x.run_id.as_deref().unwrap();
        assert_eq!(histories(&a, run), histories(&b, run));
    }
    // Idempotent: the same import again changes nothing.
    let again = mlrs_at(
        &s,
        &dst,
        &[
            "models",
            "import",
            "--input-dir",
            "model",
            "--include-runs",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    assert_eq!(again["versions"], 0);
    assert!(again["skipped"].as_u64().unwrap() >= 3);
}

// ---- SQLite: MLflow's SQL schema as the destination and the source of bundles ------------------

/// `sqlite:///<scratch>/<name>` (an absolute path: four slashes).
fn sqlite_uri(s: &Scratch, name: &str) -> String {
    format!("sqlite:///{}", s.path().join(name).display())
}

fn mlrs_uri(s: &Scratch, uri: &str, args: &[&str]) -> common::Out {
    let mut all = vec!["--tracking-uri", uri];
    all.extend_from_slice(args);
    s.run(&all)
}

fn sql_tracking(uri: &str) -> Box<dyn TrackingStore> {
    open_tracking(uri, Mode::MustExist, Arc::new(|_: &str| {})).unwrap()
}

fn sql_registry(uri: &str) -> Box<dyn RegistryStore> {
    open_registry(uri, uri, Mode::MustExist, Arc::new(|_: &str| {})).unwrap()
}

/// Every metric point of a run of a file store as logged (duplicates included).
fn raw_histories(store: &FileStore, run_id: &str) -> BTreeMap<String, Vec<Metric>> {
    let dir = store.run_path(run_id).unwrap();
    list_key_files(&dir.join("metrics"))
        .unwrap()
        .into_iter()
        .map(|(k, p)| {
            let h = read_metric_history(&k, &p).unwrap();
            (k, h)
        })
        .collect()
}

fn sql_reads(store: &FileStore, run_id: &str) -> BTreeMap<String, Vec<(u64, i64, i64)>> {
    raw_histories(store, run_id)
        .into_iter()
        .map(|(k, h)| (k, as_read_back(Backend::Sqlite, &h)))
        .collect()
}

fn run_info_key(r: &mlrs::entities::Run) -> impl PartialEq + std::fmt::Debug + use<> {
    let i = &r.info;
    (
        i.run_name.clone(),
        i.user_id.clone(),
        i.status,
        i.start_time,
        i.end_time,
        i.lifecycle_stage,
    )
}

/// A run document without what legitimately differs between two stores: the `system` block,
/// the artifact URI and the human-readable times are left out; metrics are compared apart.
fn comparable_doc(path: &Path) -> Vec<(String, Json)> {
    let doc = read_sample(path);
    let m = doc.get("mlflow").unwrap();
    let mut out = Vec::new();
    for (k, v) in m.get("info").unwrap().as_object().unwrap() {
        if k != "artifact_uri" {
            out.push((format!("info.{k}"), v.clone()));
        }
    }
    for part in ["params", "tags", "inputs", "outputs"] {
        out.push((part.to_string(), m.get(part).unwrap().clone()));
    }
    out
}

#[test]
fn a_file_store_round_trips_through_sqlite_keeping_what_mlflows_schema_holds() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    let exported = export_main(&s, &src, "out", &["--include-deleted"]);
    assert_eq!(exported["failed"], 0);
    let db = sqlite_uri(&s, "rt.db");
    let imported = mlrs_uri(
        &s,
        &db,
        &["experiments", "import", "--input-dir", "out", "-o", "json"],
    )
    .ok()
    .json();
    assert_eq!(
        imported["experiment_id"], MAIN_EXP,
        "the exported id is kept"
    );
    assert_eq!(imported["runs"], exported["runs"]);
    assert_eq!(imported["metrics"], exported["metrics"]);
    assert_eq!(imported["artifacts"], exported["artifacts"]);
    assert_eq!(imported["failed"], 0);
    // The same import again writes nothing: every run is found identical.
    let before = std::fs::read(s.path().join("rt.db")).unwrap();
    let again = mlrs_uri(
        &s,
        &db,
        &["experiments", "import", "--input-dir", "out", "-o", "json"],
    )
    .ok()
    .json();
    assert_eq!(
        (again["runs"].clone(), again["failed"].clone()),
        (0.into(), 0.into())
    );
    assert_eq!(again["skipped"], exported["runs"]);
    assert_eq!(std::fs::read(s.path().join("rt.db")).unwrap(), before);
    // Out of SQLite into a bundle, and back into a file store.
    let out2 = mlrs_uri(
        &s,
        &db,
        &[
            "experiments",
            "export",
            "-x",
            MAIN_EXP,
            "--output-dir",
            "out2",
            "--include-deleted",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    assert_eq!(out2["runs"], exported["runs"]);
    assert_eq!(out2["artifacts"], exported["artifacts"]);
    assert_eq!(out2["failed"], 0);
    let back = s.path().join("back");
    mlrs_at(&s, &back, &["experiments", "import", "--input-dir", "out2"]).ok();
    let (a, b, sql) = (open(&src), open(&back), sql_tracking(&db));
    let (ea, eb) = (
        a.get_experiment(MAIN_EXP).unwrap(),
        b.get_experiment(MAIN_EXP).unwrap(),
    );
    assert_eq!(
        (&ea.name, &ea.tags, ea.creation_time, ea.last_update_time),
        (&eb.name, &eb.tags, eb.creation_time, eb.last_update_time)
    );
    let runs_a = a
        .list_runs(
            &[MAIN_EXP.into()],
            ViewType::All,
            mlrs::store::RunParts::ALL,
        )
        .unwrap();
    assert_eq!(runs_a.len() as u64, exported["runs"].as_u64().unwrap());
    let mut points = 0;
    let mut collapsed = false;
    for ra in &runs_a {
        let id = &ra.info.run_id;
        let rb = b.get_run(id).unwrap();
        let rs = TrackingStore::get_run(&*sql, id).unwrap();
        for r in [&rb, &rs] {
            assert_eq!(run_info_key(ra), run_info_key(r), "{id}");
            assert_eq!(ra.data.params, r.data.params, "{id}");
            assert_eq!(ra.data.tags, r.data.tags, "{id}");
            assert_eq!(ra.inputs.dataset_inputs, r.inputs.dataset_inputs, "{id}");
        }
        // Histories: as MLflow's schema keeps them, both in SQLite and after the trip back.
        let want = sql_reads(&a, id);
        assert_eq!(histories(&b, id), want, "{id}");
        assert_eq!(histories_of(&*sql, id), want, "{id}");
        collapsed |= want.values().map(Vec::len).sum::<usize>()
            < raw_histories(&a, id).values().map(Vec::len).sum::<usize>();
        points += want.values().map(Vec::len).sum::<usize>();
        assert_eq!(artifact_bytes(&a, id), artifact_bytes(&b, id), "{id}");
        assert_eq!(artifact_bytes(&a, id), artifact_bytes(&*sql, id), "{id}");
        // The documents agree but for the artifact URI (and the metric points, above).
        let doc =
            |dir: &str| comparable_doc(&s.path().join(dir).join("runs").join(id).join("run.json"));
        assert_eq!(doc("out"), doc("out2"), "{id}");
    }
    assert!(
        collapsed,
        "the fixture logs exact duplicates, which SQLite keeps once"
    );
    assert_eq!(out2["metrics"].as_u64().unwrap(), points as u64);
}

#[test]
fn importing_into_sqlite_follows_the_rules_of_the_file_import() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    export_main(&s, &src, "out", &[]);
    let db = sqlite_uri(&s, "rules.db");
    let run = "962b4c32128a4da394fe6d0a2d00046a";
    // An invalid run fails alone: the others are imported, nothing of it is written.
    copy_dir(&s.path().join("out"), &s.path().join("bad"));
    let path = s.path().join("bad/runs").join(run).join("run.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "\"params\": {",
            "\"params\": {\n      \"../escape\": \"x\",",
            1,
        ),
    )
    .unwrap();
    let out = mlrs_uri(
        &s,
        &db,
        &["experiments", "import", "--input-dir", "bad", "-o", "json"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let summary = out.json();
    assert_eq!(summary["failed"], 1);
    let others = summary["runs"].as_u64().unwrap();
    assert!(others > 0, "the other runs are imported");
    assert_eq!(
        mlrs_uri(&s, &db, &["runs", "describe", "--run-id", run]).code,
        3
    );
    let exp_artifacts = s.path().join("mlruns").join(MAIN_EXP);
    assert!(!exp_artifacts.join(run).exists());
    let leftovers: Vec<_> = walkdir::WalkDir::new(&exp_artifacts)
        .into_iter()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".mlrs-tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // The good bundle: that run is added, the others are found identical.
    let ok = mlrs_uri(
        &s,
        &db,
        &["experiments", "import", "--input-dir", "out", "-o", "json"],
    )
    .ok()
    .json();
    assert_eq!(
        (ok["runs"].as_u64(), ok["skipped"].as_u64()),
        (Some(1), Some(others))
    );
    let got = mlrs_uri(
        &s,
        &db,
        &["runs", "describe", "--run-id", run, "-o", "json"],
    )
    .ok()
    .json();
    let art = got["info"]["artifact_uri"].as_str().unwrap().to_string();
    assert!(
        art.ends_with(&format!("/mlruns/{MAIN_EXP}/{run}/artifacts")),
        "{art}"
    );
    assert_eq!(
        artifact_bytes(&open(&src), run),
        artifact_bytes(&*sql_tracking(&db), run)
    );
    // The same id with other data is a conflict (exit 4) naming the run and --new-ids.
    mlrs_uri(
        &s,
        &db,
        &["runs", "set-tag", "--run-id", run, "changed", "here"],
    )
    .ok();
    let out = mlrs_uri(
        &s,
        &db,
        &["experiments", "import", "--input-dir", "out", "-o", "json"],
    );
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert_eq!(out.json()["failed"], 1);
    assert!(
        out.stderr.contains(run)
            && out.stderr.contains("--new-ids")
            && out.stderr.contains("different tags"),
        "{}",
        out.stderr
    );
    // --new-ids: every run again under a new id, parent links remapped.
    let out = mlrs_uri(
        &s,
        &db,
        &[
            "experiments",
            "import",
            "--input-dir",
            "out",
            "--new-ids",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    let map: BTreeMap<String, String> = serde_json::from_value(out["run_ids"].clone()).unwrap();
    assert!(!map.is_empty() && map.iter().all(|(a, b)| a != b));
    let (a, sql) = (open(&src), sql_tracking(&db));
    let mut children = 0;
    for (old, new) in &map {
        assert_eq!(histories_of(&*sql, new), sql_reads(&a, old));
        let before = a.get_run(old).unwrap();
        let after = TrackingStore::get_run(&*sql, new).unwrap();
        if let Some(parent) = before.data.tags.get("mlflow.parentRunId") {
            children += 1;
            assert_eq!(after.data.tags["mlflow.parentRunId"], map[parent]);
        }
    }
    assert!(children > 0, "the fixture has nested runs");
    let listed = sql
        .list_runs(
            &[MAIN_EXP.into()],
            ViewType::All,
            mlrs::store::RunParts::INFO,
        )
        .unwrap();
    assert_eq!(listed.len(), 2 * map.len());
    // runs import: a missing experiment is exit 3, a deleted one is refused, nothing written.
    mlrs_at(
        &s,
        &src,
        &["runs", "export", "--run-id", run, "--output-dir", "one"],
    )
    .ok();
    let missing = mlrs_uri(
        &s,
        &db,
        &[
            "runs",
            "import",
            "--input-dir",
            "one",
            "--experiment-id",
            "42",
        ],
    );
    assert_eq!(missing.code, 3, "{}", missing.stderr);
    let gone = mlrs_uri(&s, &db, &["experiments", "create", "-q", "-n", "gone"])
        .ok()
        .line();
    mlrs_uri(
        &s,
        &db,
        &["experiments", "delete", "--experiment-id", &gone],
    )
    .ok();
    let before = std::fs::read(s.path().join("rules.db")).unwrap();
    let deleted = mlrs_uri(
        &s,
        &db,
        &[
            "runs",
            "import",
            "--input-dir",
            "one",
            "--experiment-id",
            &gone,
            "--new-ids",
        ],
    );
    assert_eq!(deleted.code, 1, "{}", deleted.stderr);
    assert!(deleted.stderr.contains("deleted"), "{}", deleted.stderr);
    assert_eq!(std::fs::read(s.path().join("rules.db")).unwrap(), before);
    // Into experiment 0 under a new id: what `runs import` prints is the new id.
    let id = mlrs_uri(
        &s,
        &db,
        &[
            "runs",
            "import",
            "--input-dir",
            "one",
            "--experiment-id",
            "0",
            "--new-ids",
            "-q",
        ],
    )
    .ok()
    .line();
    assert_ne!(id, run);
    assert_eq!(histories_of(&*sql_tracking(&db), &id), sql_reads(&a, run));
}

fn model_fields(
    m: &mlrs::entities::registry::RegisteredModel,
) -> impl PartialEq + std::fmt::Debug + use<> {
    (
        m.name.clone(),
        m.description.clone(),
        m.tags.clone(),
        m.aliases.clone(),
        m.creation_timestamp,
        m.last_updated_timestamp,
    )
}

/// Every field of a version but its logged-model id, which MLflow's SQL schema has no column for.
fn version_fields(
    v: &mlrs::entities::registry::ModelVersion,
) -> impl PartialEq + std::fmt::Debug + use<> {
    (
        (
            v.version,
            v.current_stage,
            v.description.clone(),
            v.tags.clone(),
        ),
        (v.aliases.clone(), v.source.clone(), v.run_id.clone()),
        (
            v.creation_timestamp,
            v.last_updated_timestamp,
            v.user_id.clone(),
        ),
        (
            v.status.clone(),
            v.status_message.clone(),
            v.run_link.clone(),
        ),
    )
}

#[test]
fn registered_models_round_trip_through_sqlite_with_versions_stages_aliases_and_tags() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    mlrs_at(
        &s,
        &src,
        &[
            "models",
            "export",
            "reg-model",
            "--output-dir",
            "model",
            "--include-runs",
        ],
    )
    .ok();
    let db = sqlite_uri(&s, "reg.db");
    let first = mlrs_uri(
        &s,
        &db,
        &[
            "models",
            "import",
            "--input-dir",
            "model",
            "--include-runs",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    assert_eq!(
        (first["versions"].as_u64(), first["runs"].as_u64()),
        (Some(3), Some(1))
    );
    let a = open(&src);
    let check = |reg: &dyn RegistryStore, tracking: &dyn TrackingStore| {
        let (ma, mb) = (
            RegistryStore::get_registered_model(&a, "reg-model").unwrap(),
            reg.get_registered_model("reg-model").unwrap(),
        );
        assert_eq!(model_fields(&ma), model_fields(&mb));
        assert!(!ma.aliases.is_empty() && !ma.tags.is_empty());
        let va = RegistryStore::list_model_versions(&a, "reg-model").unwrap();
        let vb = reg.list_model_versions("reg-model").unwrap();
        assert_eq!(va.len(), 3);
        assert_eq!(
            va.iter().map(version_fields).collect::<Vec<_>>(),
            vb.iter().map(version_fields).collect::<Vec<_>>()
        );
        let stages: std::collections::BTreeSet<_> = va.iter().map(|v| v.current_stage).collect();
        assert!(
            stages.len() > 1,
            "the fixture's versions are in several stages"
        );
        for v in &vb {
            let run = v.run_id.as_deref().unwrap();
            assert_eq!(histories_of(tracking, run), sql_reads(&a, run));
            assert_eq!(artifact_bytes(&a, run), artifact_bytes(tracking, run));
        }
    };
    check(&*sql_registry(&db), &*sql_tracking(&db));
    // The same import again changes nothing.
    let before = std::fs::read(s.path().join("reg.db")).unwrap();
    let again = mlrs_uri(
        &s,
        &db,
        &[
            "models",
            "import",
            "--input-dir",
            "model",
            "--include-runs",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    assert_eq!(again["versions"], 0);
    assert_eq!(
        again["skipped"], 4,
        "the run and the three versions: {again}"
    );
    assert_eq!(std::fs::read(s.path().join("reg.db")).unwrap(), before);
    // SQLite → bundle → a new file store: the source's registry again.
    mlrs_uri(
        &s,
        &db,
        &[
            "models",
            "export",
            "reg-model",
            "--output-dir",
            "model2",
            "--include-runs",
        ],
    )
    .ok();
    let back = s.path().join("back");
    mlrs_at(
        &s,
        &back,
        &[
            "models",
            "import",
            "--input-dir",
            "model2",
            "--include-runs",
        ],
    )
    .ok();
    let b = open(&back);
    check(&b, &b);
    // A version that changed in the database is a conflict (exit 4); nothing else is written.
    mlrs_uri(
        &s,
        &db,
        &[
            "models",
            "update-version",
            "reg-model",
            "1",
            "--description",
            "changed",
        ],
    )
    .ok();
    let out = mlrs_uri(
        &s,
        &db,
        &["models", "import", "--input-dir", "model", "-o", "json"],
    );
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(out.stderr.contains("version 1"), "{}", out.stderr);
}

#[test]
fn a_registry_bundle_sqlite_cannot_take_leaves_the_database_unchanged() {
    let s = Scratch::new();
    let src = mlflow_store(&s);
    mlrs_at(
        &s,
        &src,
        &["models", "export", "reg-model", "--output-dir", "model"],
    )
    .ok();
    let path = s.path().join("model/model.json");
    let text = std::fs::read_to_string(&path).unwrap();
    // `latest` is a reserved alias: the whole model is refused.
    let bad = text.replacen(
        "\"aliases\": [",
        "\"aliases\": [\n        {\"alias\": \"latest\", \"version\": \"1\"},",
        1,
    );
    assert_ne!(bad, text);
    std::fs::write(&path, bad).unwrap();
    let db = sqlite_uri(&s, "reg.db");
    let reg = sqlite_uri(&s, "separate-registry.db");
    mlrs_uri(&s, &db, &["experiments", "create", "-n", "there"]).ok();
    mlrs_uri(
        &s,
        &db,
        &["--registry-uri", &reg, "models", "create", "other"],
    )
    .ok();
    let snapshot = || {
        (
            std::fs::read(s.path().join("reg.db")).unwrap(),
            std::fs::read(s.path().join("separate-registry.db")).unwrap(),
        )
    };
    let before = snapshot();
    let out = mlrs_uri(
        &s,
        &db,
        &[
            "--registry-uri",
            &reg,
            "models",
            "import",
            "--input-dir",
            "model",
        ],
    );
    assert_eq!(out.code, 5, "{}", out.stderr);
    assert!(out.stderr.contains("latest"), "{}", out.stderr);
    assert_eq!(snapshot(), before);
    // Without the bad alias it goes into the separate registry, not the tracking database.
    std::fs::write(&path, text).unwrap();
    mlrs_uri(
        &s,
        &db,
        &[
            "--registry-uri",
            &reg,
            "models",
            "import",
            "--input-dir",
            "model",
        ],
    )
    .ok();
    assert_eq!(
        sql_registry(&reg)
            .list_model_versions("reg-model")
            .unwrap()
            .len(),
        3
    );
    assert!(sql_registry(&db).get_registered_model("reg-model").is_err());
}

// ---- samples written by the real mlflow-export-import (tests/transfer_fixtures) ----------------

fn sample(path: &str) -> PathBuf {
    manifest().join("tests/transfer_fixtures").join(path)
}

fn read_sample(path: &Path) -> Json {
    let text = std::fs::read_to_string(path).unwrap();
    pyjson::parse(&text, &path.display().to_string()).unwrap()
}

fn str_pairs(v: Option<&Json>) -> BTreeMap<String, String> {
    match v {
        Some(Json::Object(e)) => e
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
            .collect(),
        Some(Json::Array(items)) => items
            .iter()
            .map(|i| {
                (
                    i.get("key").unwrap().as_str().unwrap().to_string(),
                    i.get("value").unwrap().as_str().unwrap().to_string(),
                )
            })
            .collect(),
        _ => BTreeMap::new(),
    }
}

/// The run in `store` holds exactly what the sample's run.json holds.
fn assert_run_matches_sample(
    store: &dyn TrackingStore,
    backend: Backend,
    run_json: &Path,
) -> String {
    let doc = read_sample(run_json);
    let m = doc.get("mlflow").unwrap();
    let info = m.get("info").unwrap();
    let id = info.get("run_id").unwrap().as_str().unwrap().to_string();
    let run = store.get_run(&id).unwrap();
    assert_eq!(
        run.info.status.name(),
        info.get("status").unwrap().as_str().unwrap()
    );
    assert_eq!(
        run.info.start_time,
        info.get("start_time").unwrap().as_i64()
    );
    assert_eq!(run.info.end_time, info.get("end_time").unwrap().as_i64());
    assert_eq!(
        run.info.user_id,
        info.get("user_id").unwrap().as_str().unwrap()
    );
    assert_eq!(
        run.info.lifecycle_stage.as_str(),
        info.get("lifecycle_stage").unwrap().as_str().unwrap()
    );
    assert_eq!(run.data.params, str_pairs(m.get("params")), "{id}");
    assert_eq!(run.data.tags, str_pairs(m.get("tags")), "{id}");
    let want: BTreeMap<String, Vec<(u64, i64, i64)>> = m
        .get("metrics")
        .unwrap()
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, points)| {
            let pts: Vec<Metric> = points
                .as_array()
                .unwrap()
                .iter()
                .map(|p| Metric {
                    key: k.clone(),
                    value: p.get("value").unwrap().as_f64().unwrap(),
                    timestamp: p.get("timestamp").unwrap().as_i64().unwrap(),
                    step: p.get("step").unwrap().as_i64().unwrap(),
                    dataset_name: None,
                    dataset_digest: None,
                })
                .collect();
            (k.clone(), as_read_back(backend, &pts))
        })
        .collect();
    assert_eq!(histories_of(store, &id), want, "{id}");
    let n_inputs = m
        .get("inputs")
        .and_then(|i| i.get("dataset_inputs"))
        .and_then(Json::as_array)
        .map_or(0, |a| a.len());
    assert_eq!(run.inputs.dataset_inputs.len(), n_inputs, "{id}");
    let art = run_json.parent().unwrap().join("artifacts");
    if art.exists() {
        let theirs: BTreeMap<String, Vec<u8>> = walkdir::WalkDir::new(&art)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(&art).unwrap().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        assert_eq!(artifact_bytes(store, &id), theirs, "{id}");
    }
    id
}

#[test]
fn the_peers_experiment_exports_import_with_the_data_they_hold() {
    for which in ["filestore/experiment", "server/experiment"] {
        let s = Scratch::new();
        if s.skip_on_server("`mlrs experiments import` keeps ids, which a server assigns itself: it refuses a server (exit 5)") {
        return;
    }
        let input = sample(which);
        let out = s
            .run(&[
                "experiments",
                "import",
                "--input-dir",
                input.to_str().unwrap(),
                "-o",
                "json",
            ])
            .ok()
            .json();
        let exp = read_sample(&input.join("experiment.json"));
        let runs = exp
            .get("mlflow")
            .unwrap()
            .get("runs")
            .unwrap()
            .as_array()
            .unwrap();
        assert_eq!(
            out["runs"].as_u64().unwrap() as usize,
            runs.len(),
            "{which}"
        );
        let store = tracking_of(&s);
        let e = exp.get("mlflow").unwrap().get("experiment").unwrap();
        let got = store
            .get_experiment(out["experiment_id"].as_str().unwrap())
            .unwrap();
        assert_eq!(got.name, e.get("name").unwrap().as_str().unwrap());
        assert_eq!(got.tags, str_pairs(e.get("tags")));
        assert_eq!(got.creation_time, e.get("creation_time").unwrap().as_i64());
        for id in runs {
            let id = id.as_str().unwrap();
            assert_run_matches_sample(
                &*store,
                s.backend,
                &input.join("runs").join(id).join("run.json"),
            );
        }
    }
}

#[test]
fn the_peers_run_export_imports_into_an_experiment() {
    let s = Scratch::new();
    if s.skip_on_server(
        "`mlrs runs import` keeps ids, which a server assigns itself: it refuses a server (exit 5)",
    ) {
        return;
    }
    let input = sample("filestore/run");
    let id = s
        .run(&[
            "runs",
            "import",
            "--input-dir",
            input.to_str().unwrap(),
            "--experiment-id",
            "0",
            "-q",
        ])
        .ok()
        .line();
    let got = assert_run_matches_sample(&*tracking_of(&s), s.backend, &input.join("run.json"));
    assert_eq!(id, got);
}

#[test]
fn the_peers_model_export_imports_with_version_numbers_stages_and_aliases() {
    let s = Scratch::new();
    if s.skip_on_server("`mlrs models import` keeps ids, which a server assigns itself: it refuses a server (exit 5)") {
        return;
    }
    let input = sample("server/model");
    let out = s
        .run(&[
            "models",
            "import",
            "--input-dir",
            input.to_str().unwrap(),
            "--include-runs",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let doc = read_sample(&input.join("model.json"));
    let model = doc.get("mlflow").unwrap().get("registered_model").unwrap();
    let name = model.get("name").unwrap().as_str().unwrap();
    let versions = model.get("versions").unwrap().as_array().unwrap();
    assert_eq!(out["versions"].as_u64().unwrap() as usize, versions.len());
    let store = registry_of(&s);
    let tracking = tracking_of(&s);
    let rm = store.get_registered_model(name).unwrap();
    assert_eq!(
        rm.description.as_deref(),
        model.get("description").unwrap().as_str()
    );
    assert_eq!(rm.tags, str_pairs(model.get("tags")));
    assert_eq!(
        rm.creation_timestamp,
        model.get("creation_timestamp").unwrap().as_i64()
    );
    let aliases: BTreeMap<String, String> = model
        .get("aliases")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a.get("alias").unwrap().as_str().unwrap().to_string(),
                a.get("version").unwrap().as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(rm.aliases, aliases);
    for v in versions {
        let number = v.get("version").unwrap().as_str().unwrap();
        let mv = store.get_model_version(name, number).unwrap();
        assert_eq!(
            mv.current_stage.as_str(),
            v.get("current_stage").unwrap().as_str().unwrap()
        );
        assert_eq!(mv.source.as_deref(), v.get("source").unwrap().as_str());
        assert_eq!(mv.run_id.as_deref(), v.get("run_id").unwrap().as_str());
        assert_eq!(mv.tags, str_pairs(v.get("tags")));
        assert_eq!(
            mv.creation_timestamp,
            v.get("creation_timestamp").unwrap().as_i64()
        );
        let run = v.get("run_id").unwrap().as_str().unwrap();
        assert_run_matches_sample(&*tracking, s.backend, &input.join(run).join("run.json"));
    }
}

#[test]
fn every_transfer_command_has_an_example_in_its_help() {
    let s = Scratch::new();
    for group in ["experiments", "runs", "models"] {
        for cmd in ["export", "import"] {
            let help = s.run(&[group, cmd, "--help"]).ok().stdout;
            assert!(help.contains("Example:"), "{group} {cmd}: {help}");
        }
    }
}

#[test]
fn a_model_only_a_sql_registry_can_name_moves_between_databases() {
    let s = Scratch::new();
    let (a, b) = (sqlite_uri(&s, "a.db"), sqlite_uri(&s, "b.db"));
    let exp = mlrs_uri(&s, &a, &["experiments", "create", "-q", "-n", "src"])
        .ok()
        .line();
    let run = mlrs_uri(&s, &a, &["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    std::fs::create_dir_all(s.path().join("model")).unwrap();
    std::fs::write(s.path().join("model/MLmodel"), "flavors: {}\n").unwrap();
    mlrs_uri(
        &s,
        &a,
        &[
            "artifacts",
            "log-artifacts",
            "-r",
            &run,
            "-l",
            "model",
            "-a",
            "model",
        ],
    )
    .ok();
    // (through the library: `mlrs models create` refuses `%` on every backend)
    let uri = format!("runs:/{run}/model");
    let (reg, tracking) = (sql_registry(&a), sql_tracking(&a));
    for _ in 0..2 {
        reg.register_model(&*tracking, &uri, "50%", &[], None)
            .unwrap();
    }
    reg.set_registered_model_alias("50%", "best", "2").unwrap();
    reg.transition_model_version_stage("50%", "1", "Staging", false)
        .unwrap();
    drop((reg, tracking));
    let out = mlrs_uri(
        &s,
        &a,
        &[
            "models",
            "export",
            "50%",
            "--output-dir",
            "pct",
            "--include-runs",
            "-o",
            "json",
        ],
    )
    .ok()
    .json();
    assert_eq!(
        (out["versions"].as_u64(), out["runs"].as_u64()),
        (Some(2), Some(1))
    );
    mlrs_uri(
        &s,
        &b,
        &["models", "import", "--input-dir", "pct", "--include-runs"],
    )
    .ok();
    let (ra, rb) = (sql_registry(&a), sql_registry(&b));
    assert_eq!(
        model_fields(&ra.get_registered_model("50%").unwrap()),
        model_fields(&rb.get_registered_model("50%").unwrap())
    );
    let versions = |r: &dyn RegistryStore| {
        r.list_model_versions("50%")
            .unwrap()
            .iter()
            .map(version_fields)
            .collect::<Vec<_>>()
    };
    assert_eq!(versions(&*ra), versions(&*rb));
    // The run came along under its id, into an experiment of the same name, artifacts too.
    let tb = sql_tracking(&b);
    assert_eq!(
        tb.get_experiment(&tb.get_run(&run).unwrap().info.experiment_id)
            .unwrap()
            .name,
        "src"
    );
    assert_eq!(
        artifact_bytes(&*sql_tracking(&a), &run),
        artifact_bytes(&*tb, &run)
    );
    // Other files where the run's artifacts go: that run fails, nothing of it is written.
    std::fs::write(
        s.path()
            .join("pct")
            .join(&run)
            .join("artifacts/model/MLmodel"),
        "changed\n",
    )
    .unwrap();
    let c = sqlite_uri(&s, "c.db");
    let out = mlrs_uri(
        &s,
        &c,
        &["models", "import", "--input-dir", "pct", "--include-runs"],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("already holds other files"),
        "{}",
        out.stderr
    );
    assert!(sql_tracking(&c).get_run(&run).is_err());
    let shared = sql_tracking(&a).artifact_root(&run).unwrap();
    assert_eq!(
        std::fs::read_to_string(shared.join("model/MLmodel")).unwrap(),
        "flavors: {}\n",
        "the files already there are left alone"
    );
    // A file store cannot hold that name: refused before anything is written.
    let files = s.path().join("files");
    let refused = mlrs_at(
        &s,
        &files,
        &["models", "import", "--input-dir", "pct", "--include-runs"],
    );
    assert_eq!(refused.code, 5, "{}", refused.stderr);
    assert!(!files.join("models").exists());
}
