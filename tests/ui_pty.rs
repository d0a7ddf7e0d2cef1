//! `mlrs ui` driven for real: the built binary runs under a pseudo terminal (openpty), keys
//! are typed into it, and what it draws is read back through a VT100 screen model (`vt100`)
//! and checked: open an experiment → filter its runs (a refused filter, then a good one) →
//! open a run → back → mark two runs and compare them → quit, with a clean exit and the
//! terminal restored.
#![cfg(unix)]

mod common;

#[path = "common/pty.rs"]
mod pty;

use std::process::Command;
use std::time::{Duration, Instant};

use common::Scratch;
use pty::Pty;

const COLS: u16 = 120;
const ROWS: u16 = 30;

/// `mlrs ARGS` of the scratch store under a pseudo terminal.
fn spawn(s: &Scratch, args: &[&str]) -> Pty {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrs"));
    cmd.args(args)
        .current_dir(s.path())
        .env_remove("MLFLOW_TRACKING_URI")
        .env("NO_COLOR", "1");
    if let Some(uri) = s.env_tracking_uri() {
        cmd.env("MLFLOW_TRACKING_URI", uri);
    }
    Pty::spawn(cmd, ROWS, COLS)
}

fn seed(s: &Scratch) -> (String, String) {
    let exp = s
        .run(&["experiments", "create", "-q", "-n", "nightly"])
        .ok()
        .line();
    let mut ids = Vec::new();
    for (name, acc) in [("alpha", "0.91"), ("beta", "0.42"), ("gamma", "0.77")] {
        let id = s
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
        s.run(&["runs", "log-metric", "--run-id", &id, "acc", acc])
            .ok();
        s.run(&["runs", "log-param", "--run-id", &id, "lr", "0.01"])
            .ok();
        s.run(&["runs", "end", "--run-id", &id]).ok();
        ids.push(id);
    }
    (exp, ids[0].clone())
}

#[test]
fn ui_opens_filters_compares_and_quits_under_a_real_terminal() {
    let s = Scratch::new();
    let (_exp, alpha) = seed(&s);
    let mut ui = spawn(&s, &["ui"]);
    ui.wait_for("Experiments");
    ui.wait_for("nightly");
    // Down to `nightly` (after Default), open it.
    ui.keys("j");
    ui.keys("\r");
    ui.wait_for("Runs of nightly");
    ui.wait_for("3 runs");
    ui.wait_for("metrics.acc");
    // A filter MLflow refuses: the reason is shown, the runs stay.
    ui.keys("/metrics.acc >> 0.5\r");
    ui.wait_for("filter refused");
    ui.wait_for("Invalid comparator");
    ui.wait_for("alpha");
    ui.wait_for("beta");
    // Edit it into a good one: ">> 0.5" becomes "> 0.8".
    for _ in 0..6 {
        ui.keys("\x7f");
    }
    ui.keys("> 0.8\r");
    ui.wait_for("where metrics.acc > 0.8");
    let screen = ui.wait_for(" 1 run ");
    assert!(
        screen.contains("alpha") && !screen.contains("beta"),
        "{screen}"
    );
    // Open the run, then back, then quit.
    ui.keys("\r");
    ui.wait_for(&alpha);
    ui.wait_for("Params (1)");
    ui.wait_for("lr 0.01");
    ui.keys("\x1b");
    ui.wait_for("Runs of nightly");
    // Clear the filter, mark two runs, compare them.
    ui.keys("/");
    for _ in 0.."metrics.acc > 0.8".len() {
        ui.keys("\x7f");
    }
    ui.keys("\r");
    ui.wait_for(" 3 runs ");
    ui.keys("  ");
    ui.wait_for("2 marked");
    ui.keys("c");
    ui.wait_for("Compare");
    let screen = ui.wait_for("metrics.acc");
    assert!(screen.contains("params.lr"), "{screen}");
    assert!(
        screen.contains("gamma") && screen.contains("beta"),
        "{screen}"
    );
    ui.keys("\x1b");
    ui.wait_for("Runs of nightly");
    ui.keys("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(st) = ui.child.try_wait().unwrap() {
            break st;
        }
        assert!(Instant::now() < deadline, "mlrs ui did not quit on q");
        std::thread::sleep(Duration::from_millis(30));
    };
    assert!(status.success(), "{status:?}");
    // The alternate screen was left: the normal screen is back.
    assert!(!ui.screen.lock().unwrap().screen().alternate_screen());
}

#[test]
fn ui_without_a_terminal_is_a_one_line_error() {
    let s = Scratch::new();
    seed(&s);
    let out = s.run(&["ui"]);
    assert_eq!(out.code, 5, "{}", out.stderr);
    assert!(out.stderr.contains("needs a terminal"), "{}", out.stderr);
    assert_eq!(out.stderr.lines().count(), 1);
}

#[test]
fn live_mode_shows_runs_and_points_logged_while_it_is_open() {
    let s = Scratch::new();
    let (exp, _) = seed(&s);
    let running = s
        .run(&[
            "runs",
            "start",
            "-q",
            "--experiment-id",
            &exp,
            "--run-name",
            "training",
        ])
        .ok()
        .line();
    s.run(&[
        "runs",
        "log-metric",
        "--run-id",
        &running,
        "loss",
        "0.9",
        "--step",
        "0",
    ])
    .ok();
    let mut ui = spawn(&s, &["ui", "--live", "--experiment-name", "nightly"]);
    ui.wait_for("Runs of nightly");
    ui.wait_for("4 runs");
    assert!(ui.contents().contains("LIVE"));
    // A run logged by another process shows up on the next re-read.
    s.run(&[
        "runs",
        "create",
        "-q",
        "--experiment-id",
        &exp,
        "--run-name",
        "late-comer",
    ])
    .ok();
    ui.wait_for("late-comer");
    ui.wait_for("5 runs");
    // The cursor stayed on the newest run of the start, the RUNNING one, through the re-read
    // and a sort; open it, then log to it: its metrics grow.
    ui.keys("s"); // sort by run name
    ui.wait_for("run_name ▲");
    ui.keys("\r");
    ui.wait_for(&running);
    ui.wait_for("Metrics (1)");
    s.run(&[
        "runs",
        "log-metric",
        "--run-id",
        &running,
        "loss",
        "0.25",
        "--step",
        "1",
    ])
    .ok();
    s.run(&["runs", "log-metric", "--run-id", &running, "acc", "0.5"])
        .ok();
    ui.wait_for("Metrics (2)");
    ui.wait_for("0.25");
    ui.keys("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    while ui.child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "mlrs ui did not quit on q");
        std::thread::sleep(Duration::from_millis(30));
    }
}

#[test]
fn with_write_a_confirmed_delete_reaches_the_store_and_without_it_nothing_changes() {
    let s = Scratch::new();
    seed(&s);
    let before = s.snapshot();
    // Read-only: d is refused with a hint, y afterwards does nothing.
    let mut ui = spawn(&s, &["ui", "--experiment-name", "nightly"]);
    ui.wait_for("3 runs");
    ui.keys("d");
    ui.wait_for("read-only");
    ui.keys("y");
    ui.keys("q");
    ui.wait_exit();
    assert!(s.snapshot() == before, "a read-only UI changed the store");
    // --write: the newest run (gamma) is deleted after y.
    let mut ui = spawn(&s, &["ui", "--write", "--experiment-name", "nightly"]);
    ui.wait_for("3 runs");
    ui.keys("d");
    ui.wait_for("Delete run");
    ui.keys("y");
    ui.wait_for("deleted (v shows deleted runs");
    ui.wait_for(" 2 runs ");
    ui.keys("q");
    ui.wait_exit();
    let deleted = s
        .run(&[
            "runs",
            "search",
            "--experiment-names",
            "nightly",
            "-v",
            "deleted_only",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let names: Vec<&str> = deleted
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["info"]["run_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["gamma"]);
}

#[test]
fn the_artifact_tree_of_a_run_unfolds_and_previews_a_text_file() {
    let s = Scratch::new();
    let (_, alpha) = seed(&s);
    let dir = s.path().join("art");
    std::fs::create_dir_all(dir.join("model")).unwrap();
    std::fs::write(
        dir.join("model").join("MLmodel"),
        "artifact_path: model\nflavors: {}\n",
    )
    .unwrap();
    std::fs::write(dir.join("weights.bin"), [0u8, 159, 146, 150]).unwrap();
    s.run(&[
        "artifacts",
        "log-artifacts",
        "-r",
        &alpha,
        "-l",
        dir.to_str().unwrap(),
    ])
    .ok();
    let mut ui = spawn(&s, &["ui", "--experiment-name", "nightly"]);
    ui.wait_for("3 runs");
    // alpha is the oldest run: last in the table.
    ui.keys("G");
    ui.keys("\r");
    ui.wait_for(&alpha);
    ui.keys("a");
    ui.wait_for("▸ model");
    ui.wait_for("weights.bin");
    ui.keys("\r");
    ui.wait_for("▾ model");
    ui.keys("j\r");
    ui.wait_for("artifact_path: model");
    ui.wait_for("flavors: {}");
    ui.keys("jj\r");
    ui.wait_for("binary file, 4 bytes");
    ui.keys("q");
    ui.wait_exit();
}

#[test]
fn the_mouse_selects_and_opens_rows_in_a_real_terminal() {
    let s = Scratch::new();
    seed(&s);
    let mut ui = spawn(&s, &["ui"]);
    ui.wait_for("nightly");
    // SGR mouse reports (what crossterm enables): press then release, 1-based column;row.
    // Experiments: border row 1, header row 2, Default row 3, nightly row 4.
    let click = |ui: &mut Pty, row: u16| ui.keys(&format!("\x1b[<0;10;{row}M\x1b[<0;10;{row}m"));
    click(&mut ui, 4);
    click(&mut ui, 4);
    ui.wait_for("Runs of nightly");
    ui.wait_for("3 runs");
    // The wheel moves the cursor down; a click on the last run (row 5) and again opens it.
    ui.keys("\x1b[<65;10;5M");
    click(&mut ui, 5);
    click(&mut ui, 5);
    ui.wait_for("Run alpha");
    ui.keys("q");
    ui.wait_exit();
}
