//! gc, doctor, store relocate and runs close-stale on scratch stores (gc and close-stale on
//! every backend of the test matrix; doctor and relocate are about files).

mod common;

use common::Scratch;
use std::fs;

fn deleted_run(s: &Scratch) -> (String, String) {
    let (exp, run) = s.exp_and_run();
    s.run(&["runs", "delete", "--run-id", &run]).ok();
    (exp, run)
}

/// Logs one small artifact to `run`; returns the run's artifact directory (under `./mlruns`
/// of the scratch directory on every backend).
fn log_artifact(s: &Scratch, exp: &str, run: &str) -> std::path::PathBuf {
    let file = s.path().join("a.txt");
    fs::write(&file, "artifact\n").unwrap();
    s.run(&[
        "artifacts",
        "log-artifact",
        "-r",
        run,
        "-l",
        file.to_str().unwrap(),
    ])
    .ok();
    let dir = s.store().join(exp).join(run).join("artifacts");
    assert!(dir.join("a.txt").is_file(), "{}", dir.display());
    dir
}

fn run_exists(s: &Scratch, run: &str) -> bool {
    let out = s.run(&["runs", "describe", "--run-id", run]);
    assert!(out.code == 0 || out.code == 3, "{}", out.stderr);
    out.code == 0
}

#[test]
fn gc_removes_deleted_runs_and_trashed_experiments_only() {
    let s = Scratch::new();
    if s.skip_on_server(
        "`mlrs gc` works on file and SQL stores; rest_stub.rs checks that it refuses a server",
    ) {
        return;
    }
    let (exp, dead) = s.exp_and_run();
    let dead_artifacts = log_artifact(&s, &exp, &dead);
    s.run(&["runs", "delete", "--run-id", &dead]).ok();
    let alive = s
        .run(&["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    let alive_artifacts = log_artifact(&s, &exp, &alive);
    let gone = s
        .run(&["experiments", "create", "-q", "-n", "gone"])
        .ok()
        .line();
    let gone_run = s
        .run(&["runs", "start", "-q", "--experiment-id", &gone])
        .ok()
        .line();
    s.run(&["experiments", "delete", "-x", &gone]).ok();
    let before = s.snapshot();
    let dry = s.run(&["gc", "--dry-run"]).ok();
    assert!(
        dry.stdout
            .contains(&format!("Would permanently delete run with ID {dead}."))
            && dry
                .stdout
                .contains(&format!("Would permanently delete run with ID {gone_run}."))
            && dry.stdout.contains(&format!(
                "Would permanently delete experiment with ID {gone}."
            ))
            && !dry.stdout.contains(&alive),
        "{}",
        dry.stdout
    );
    assert_eq!(s.snapshot(), before, "--dry-run changed the store");
    let out = s.run(&["gc"]).ok();
    assert!(
        out.stdout
            .contains(&format!("Run with ID {dead} has been permanently deleted.")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(&format!(
        "Run with ID {gone_run} has been permanently deleted."
    )));
    assert!(out.stdout.contains(&format!(
        "Experiment with ID {gone} has been permanently deleted."
    )));
    assert!(!run_exists(&s, &dead));
    assert!(!run_exists(&s, &gone_run));
    assert!(!dead_artifacts.exists());
    assert!(run_exists(&s, &alive));
    assert!(alive_artifacts.join("a.txt").is_file());
    assert_eq!(s.run(&["experiments", "get", "-x", &gone]).code, 3);
    s.run(&["experiments", "get", "-x", &exp]).ok();
    // Collected objects are gone for good: a second gc finds nothing.
    assert_eq!(s.run(&["gc", "--dry-run"]).ok().stdout, "");
    if s.is_file_store() {
        assert!(!s.store().join(&exp).join(&dead).exists());
        assert!(!s.store().join(".trash").join(&gone).exists());
        assert!(
            s.store()
                .join(&exp)
                .join(&alive)
                .join("meta.yaml")
                .is_file()
        );
        // Nothing gc-internal is left where MLflow would see it.
        let trash: Vec<_> = fs::read_dir(s.store().join(".trash")).unwrap().collect();
        assert!(trash.is_empty(), "{trash:?}");
    }
}

#[test]
fn gc_refuses_active_or_young_objects_before_removing_anything() {
    let s = Scratch::new();
    if s.skip_on_server(
        "`mlrs gc` works on file and SQL stores; rest_stub.rs checks that it refuses a server",
    ) {
        return;
    }
    let (exp, dead) = deleted_run(&s);
    let alive = s
        .run(&["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    let before = s.snapshot();
    let out = s.run(&["gc", "--run-ids", &format!("{dead},{alive}")]);
    assert_eq!(out.code, 5);
    assert!(
        out.stderr
            .contains(&format!("Run {alive} is not in `deleted` lifecycle stage")),
        "{}",
        out.stderr
    );
    let out = s.run(&["gc", "--run-ids", &dead, "--older-than", "1d"]);
    assert_eq!(out.code, 5);
    assert!(
        out.stderr.contains(&format!(
            "Run {dead} is not older than the required age. Only runs older than 1d can be deleted."
        )),
        "{}",
        out.stderr
    );
    let out = s.run(&["gc", "--experiment-ids", &exp]);
    assert_eq!(out.code, 5);
    assert!(
        out.stderr.contains(&format!(
            "Experiments ['{exp}'] are not in the deleted lifecycle stage."
        )),
        "{}",
        out.stderr
    );
    let out = s.run(&["gc", "--older-than", "5 days"]);
    assert_eq!(out.code, 5);
    assert!(
        out.stderr
            .contains("Could not parse any time information from '5 days'"),
        "{}",
        out.stderr
    );
    assert_eq!(
        s.run(&["gc", "--run-ids", "0123456789abcdef0123456789abcdef"])
            .code,
        3
    );
    assert_eq!(s.run(&["gc", "--experiment-ids", "424242"]).code, 3);
    assert_eq!(s.snapshot(), before);
    // Without ids, --older-than simply leaves young deleted runs alone.
    s.run(&["gc", "--older-than", "1h"]).ok();
    assert!(run_exists(&s, &dead));
    assert_eq!(s.snapshot(), before);
    s.run(&["gc", "--run-ids", &dead]).ok();
    assert!(!run_exists(&s, &dead));
    assert!(run_exists(&s, &alive));
    if s.is_file_store() {
        assert!(!s.store().join(&exp).join(&dead).exists());
    }
}

#[test]
fn relocate_rewrites_artifact_uris_after_a_move_and_keeps_everything_else() {
    let s = Scratch::new();
    if s.skip_unless_file_store("store relocate") {
        return;
    }
    let (exp, run) = s.exp_and_run();
    s.run(&["runs", "log-param", "--run-id", &run, "p", "v"])
        .ok();
    let old_root = s.store();
    let new_root = s.path().join("moved store");
    fs::rename(&old_root, &new_root).unwrap();
    let uri = new_root.to_str().unwrap();
    let from = format!("file://{}", old_root.display());
    let dry = s
        .run(&[
            "--tracking-uri",
            uri,
            "store",
            "relocate",
            "--from",
            &from,
            "--dry-run",
            "-o",
            "json",
        ])
        .ok()
        .json();
    // Default and the experiment (artifact_location) and the run (artifact_uri).
    assert_eq!(dry.as_array().unwrap().len(), 3, "{dry}");
    let meta_before = fs::read_to_string(new_root.join(&exp).join(&run).join("meta.yaml")).unwrap();
    assert!(meta_before.contains(old_root.to_str().unwrap()));
    s.run(&["--tracking-uri", uri, "store", "relocate", "--from", &from])
        .ok();
    let meta = fs::read_to_string(new_root.join(&exp).join(&run).join("meta.yaml")).unwrap();
    assert!(
        meta.contains("file://") && meta.contains("moved%20store"),
        "{meta}"
    );
    assert_eq!(meta.lines().count(), meta_before.lines().count());
    let d = s
        .run(&[
            "--tracking-uri",
            uri,
            "runs",
            "describe",
            "--run-id",
            &run,
            "-o",
            "json",
        ])
        .ok()
        .json();
    let art = d["info"]["artifact_uri"].as_str().unwrap();
    assert_eq!(
        art,
        format!("file://{}/{exp}/{run}/artifacts", new_root.display()).replace(' ', "%20")
    );
    // Running it again finds nothing left to rewrite.
    let again = s
        .run(&[
            "--tracking-uri",
            uri,
            "store",
            "relocate",
            "--from",
            &from,
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(again.as_array().unwrap().len(), 0);
}

/// Moves a run's start time two days back: in meta.yaml and every file time for the file
/// store, in the `runs` row for SQLite.
fn age_run(s: &Scratch, exp: &str, run: &str) {
    let two_days_ms = 2 * 86_400_000;
    if !s.is_file_store() {
        let c = rusqlite::Connection::open(s.store_marker()).unwrap();
        let n = c
            .execute(
                "UPDATE runs SET start_time = start_time - ?1 WHERE run_uuid = ?2",
                rusqlite::params![two_days_ms, run],
            )
            .unwrap();
        assert_eq!(n, 1);
        return;
    }
    let meta = s.store().join(exp).join(run).join("meta.yaml");
    let text = fs::read_to_string(&meta).unwrap();
    let start: i64 = text
        .lines()
        .find_map(|l| l.strip_prefix("start_time: "))
        .unwrap()
        .parse()
        .unwrap();
    let old = start - two_days_ms;
    fs::write(
        &meta,
        text.replace(
            &format!("start_time: {start}"),
            &format!("start_time: {old}"),
        ),
    )
    .unwrap();
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400);
    for e in walkdir::WalkDir::new(s.store().join(exp).join(run)) {
        let e = e.unwrap();
        fs::File::options()
            .write(e.file_type().is_file())
            .read(true)
            .open(e.path())
            .ok()
            .map(|f| f.set_modified(two_days_ago));
    }
}

#[test]
fn close_stale_ends_running_runs_without_recent_writes() {
    let s = Scratch::new();
    if s.skip_on_server("`mlrs runs close-stale` works on file and SQL stores; rest_stub.rs checks that it refuses a server") {
        return;
    }
    let (exp, run) = s.exp_and_run();
    age_run(&s, &exp, &run);
    let fresh = s
        .run(&["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    let before = s.snapshot();
    let dry = s
        .run(&[
            "runs",
            "close-stale",
            "--older-than",
            "1d",
            "--dry-run",
            "-q",
        ])
        .ok();
    assert_eq!(dry.line(), run);
    assert_eq!(s.snapshot(), before, "--dry-run changed the store");
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
    let start = s
        .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
        .ok()
        .json()["info"]["start_time"]
        .as_i64()
        .unwrap();
    assert_eq!(dry.as_array().unwrap().len(), 1, "{dry}");
    assert_eq!(dry[0]["run_id"], run.as_str());
    assert_eq!(dry[0]["experiment_id"], exp.as_str());
    assert_eq!(dry[0]["status"], "KILLED");
    assert_eq!(dry[0]["dry_run"], true);
    // Another experiment's runs only: nothing.
    let other = s
        .run(&[
            "runs",
            "close-stale",
            "--older-than",
            "1d",
            "--experiment-ids",
            "0",
            "-q",
        ])
        .ok();
    assert_eq!(other.stdout, "");
    let out = s
        .run(&[
            "runs",
            "close-stale",
            "--older-than",
            "1d",
            "--experiment-ids",
            &exp,
            "-q",
        ])
        .ok();
    assert_eq!(out.line(), run);
    let d = s
        .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
        .ok()
        .json();
    assert_eq!(d["info"]["status"], "KILLED");
    let end = d["info"]["end_time"].as_i64().unwrap();
    assert!(end >= start && end < start + 86_400_000, "{start} {end}");
    let f = s
        .run(&["runs", "describe", "--run-id", &fresh, "-o", "json"])
        .ok()
        .json();
    assert_eq!(f["info"]["status"], "RUNNING");
    // An ended run is not stale any more.
    let again = s
        .run(&["runs", "close-stale", "--older-than", "1d", "-q"])
        .ok();
    assert_eq!(again.stdout, "");
}

#[test]
fn doctor_reports_and_fixes_without_deleting_data() {
    let s = Scratch::new();
    if s.skip_unless_file_store("doctor") {
        return;
    }
    let (exp, run) = s.exp_and_run();
    s.run(&[
        "runs",
        "log-metric",
        "--run-id",
        &run,
        "m",
        "1",
        "--timestamp",
        "5",
    ])
    .ok();
    let rd = s.store().join(&exp).join(&run);
    assert_eq!(s.run(&["doctor"]).code, 0);
    fs::write(rd.join("params/.DS_Store"), "junk").unwrap();
    fs::write(rd.join("metrics/m"), "5 1.0 0\n\n6 2.0 1\n").unwrap();
    fs::remove_dir(rd.join("artifacts")).unwrap();
    let out = s.run(&["doctor", "-o", "json"]);
    assert_eq!(out.code, 1);
    let kinds: Vec<String> = out
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap().to_string())
        .collect();
    for k in ["stray_key_file", "metric_unparsable", "run_dir_missing"] {
        assert!(kinds.contains(&k.to_string()), "{k} not in {kinds:?}");
    }
    s.run(&["doctor", "--fix"]).ok();
    assert_eq!(s.run(&["doctor"]).code, 0);
    assert_eq!(
        fs::read_to_string(rd.join("metrics/m")).unwrap(),
        "5 1.0 0\n6 2.0 1\n"
    );
    let quarantined: Vec<_> = walkdir::WalkDir::new(s.store().join(".trash/mlrs-quarantine"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .collect();
    assert_eq!(quarantined.len(), 2, "{quarantined:?}");
}
