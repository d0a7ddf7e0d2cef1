//! gc, doctor, store relocate and runs close-stale on scratch stores.

mod common;

use common::Scratch;
use std::fs;

fn deleted_run(s: &Scratch) -> (String, String) {
    let (exp, run) = s.exp_and_run();
    s.run(&["runs", "delete", "--run-id", &run]).ok();
    (exp, run)
}

#[test]
fn gc_removes_deleted_runs_and_trashed_experiments_only() {
    let s = Scratch::new();
    if s.skip_unless_file_store("maintenance (gc, doctor, relocate, close-stale)") {
        return;
    }
    let (exp, dead) = deleted_run(&s);
    let alive = s
        .run(&["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
    let gone = s
        .run(&["experiments", "create", "-q", "-n", "gone"])
        .ok()
        .line();
    let gone_run = s
        .run(&["runs", "start", "-q", "--experiment-id", &gone])
        .ok()
        .line();
    s.run(&["experiments", "delete", "-x", &gone]).ok();
    let dry = s.run(&["gc", "--dry-run"]).ok();
    assert!(
        dry.stdout.contains(&dead) && dry.stdout.contains(&gone),
        "{}",
        dry.stdout
    );
    assert!(s.store().join(&exp).join(&dead).exists());
    let out = s.run(&["gc"]).ok();
    assert!(
        out.stdout
            .contains(&format!("Run with ID {dead} has been permanently deleted.")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains(&format!(
        "Experiment with ID {gone} has been permanently deleted."
    )));
    assert!(!s.store().join(&exp).join(&dead).exists());
    assert!(!s.store().join(".trash").join(&gone).exists());
    assert!(
        s.store()
            .join(&exp)
            .join(&alive)
            .join("meta.yaml")
            .is_file()
    );
    assert_eq!(s.run(&["runs", "describe", "--run-id", &gone_run]).code, 3);
    // Nothing gc-internal is left where MLflow would see it.
    let trash: Vec<_> = fs::read_dir(s.store().join(".trash")).unwrap().collect();
    assert!(trash.is_empty(), "{trash:?}");
}

#[test]
fn gc_refuses_active_or_young_objects_before_removing_anything() {
    let s = Scratch::new();
    if s.skip_unless_file_store("maintenance (gc, doctor, relocate, close-stale)") {
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
        out.stderr.contains("is not in `deleted` lifecycle stage"),
        "{}",
        out.stderr
    );
    let out = s.run(&["gc", "--run-ids", &dead, "--older-than", "1d"]);
    assert_eq!(out.code, 5);
    assert!(
        out.stderr.contains("is not older than the required age"),
        "{}",
        out.stderr
    );
    assert_eq!(s.run(&["gc", "--experiment-ids", &exp]).code, 5);
    assert_eq!(s.run(&["gc", "--older-than", "5 days"]).code, 5);
    assert_eq!(s.snapshot(), before);
    // Without ids, --older-than simply leaves young deleted runs alone.
    s.run(&["gc", "--older-than", "1h"]).ok();
    assert!(s.store().join(&exp).join(&dead).exists());
    s.run(&["gc", "--run-ids", &dead]).ok();
    assert!(!s.store().join(&exp).join(&dead).exists());
}

#[test]
fn relocate_rewrites_artifact_uris_after_a_move_and_keeps_everything_else() {
    let s = Scratch::new();
    if s.skip_unless_file_store("maintenance (gc, doctor, relocate, close-stale)") {
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

#[test]
fn close_stale_ends_running_runs_without_recent_writes() {
    let s = Scratch::new();
    if s.skip_unless_file_store("maintenance (gc, doctor, relocate, close-stale)") {
        return;
    }
    let (exp, run) = s.exp_and_run();
    let meta = s.store().join(&exp).join(&run).join("meta.yaml");
    // Age the run: start time and every file time two days back.
    let text = fs::read_to_string(&meta).unwrap();
    let start: i64 = text
        .lines()
        .find_map(|l| l.strip_prefix("start_time: "))
        .unwrap()
        .parse()
        .unwrap();
    let old = start - 2 * 86_400_000;
    fs::write(
        &meta,
        text.replace(
            &format!("start_time: {start}"),
            &format!("start_time: {old}"),
        ),
    )
    .unwrap();
    let two_days_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(2 * 86_400);
    for e in walkdir::WalkDir::new(s.store().join(&exp).join(&run)) {
        let e = e.unwrap();
        fs::File::options()
            .write(e.file_type().is_file())
            .read(true)
            .open(e.path())
            .ok()
            .map(|f| f.set_modified(two_days_ago));
    }
    let fresh = s
        .run(&["runs", "start", "-q", "--experiment-id", &exp])
        .ok()
        .line();
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
    s.run(&["runs", "close-stale", "--older-than", "1d"]).ok();
    let d = s
        .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
        .ok()
        .json();
    assert_eq!(d["info"]["status"], "KILLED");
    let f = s
        .run(&["runs", "describe", "--run-id", &fresh, "-o", "json"])
        .ok()
        .json();
    assert_eq!(f["info"]["status"], "RUNNING");
}

#[test]
fn doctor_reports_and_fixes_without_deleting_data() {
    let s = Scratch::new();
    if s.skip_unless_file_store("maintenance (gc, doctor, relocate, close-stale)") {
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
