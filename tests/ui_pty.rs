//! `mlrs ui` driven for real: the built binary runs under a pseudo terminal (openpty), keys
//! are typed into it, and what it draws is read back through a VT100 screen model (`vt100`)
//! and checked: open an experiment → filter its runs (a refused filter, then a good one) →
//! open a run → back → mark two runs and compare them → quit, with a clean exit and the
//! terminal restored.
#![cfg(unix)]

mod common;

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Scratch;

const COLS: u16 = 120;
const ROWS: u16 = 30;

struct Pty {
    master: File,
    screen: Arc<Mutex<vt100::Parser>>,
    child: std::process::Child,
}

impl Pty {
    fn spawn(s: &Scratch, args: &[&str]) -> Pty {
        let mut master_fd = 0;
        let mut slave_fd = 0;
        let size = libc::winsize {
            ws_row: ROWS,
            ws_col: COLS,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two new file descriptors into the out-parameters.
        let rc = unsafe {
            libc::openpty(
                &mut master_fd,
                &mut slave_fd,
                std::ptr::null_mut(),
                std::ptr::null(),
                &size,
            )
        };
        assert_eq!(rc, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened by openpty and are owned here only.
        let (master, slave) =
            unsafe { (File::from_raw_fd(master_fd), OwnedFd::from_raw_fd(slave_fd)) };
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrs"));
        cmd.args(args)
            .current_dir(s.path())
            .env_remove("MLFLOW_TRACKING_URI")
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        if let Some(uri) = s.backend.tracking_uri(s.path()) {
            cmd.env("MLFLOW_TRACKING_URI", uri);
        }
        let child = cmd.spawn().expect("spawn mlrs ui");
        drop(cmd); // the parent's copies of the slave end close here
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(ROWS).unwrap(),
            std::num::NonZero::new(COLS).unwrap(),
            0,
        )));
        let (mut reader, sink) = (master.try_clone().unwrap(), screen.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        Pty {
            master,
            screen,
            child,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `text` (panics with the screen after 10 s).
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let now = self.contents();
            if now.contains(text) {
                return now;
            }
            assert!(
                Instant::now() < deadline,
                "never saw {text:?}; screen:\n{now}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    fn keys(&mut self, bytes: &str) {
        self.master.write_all(bytes.as_bytes()).unwrap();
        self.master.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }
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
    let mut ui = Pty::spawn(&s, &["ui"]);
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
    let mut ui = Pty::spawn(&s, &["ui", "--live", "--experiment-name", "nightly"]);
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
    let mut ui = Pty::spawn(&s, &["ui", "--experiment-name", "nightly"]);
    ui.wait_for("3 runs");
    ui.keys("d");
    ui.wait_for("read-only");
    ui.keys("y");
    ui.keys("q");
    wait_exit(&mut ui);
    assert!(s.snapshot() == before, "a read-only UI changed the store");
    // --write: the newest run (gamma) is deleted after y.
    let mut ui = Pty::spawn(&s, &["ui", "--write", "--experiment-name", "nightly"]);
    ui.wait_for("3 runs");
    ui.keys("d");
    ui.wait_for("Delete run");
    ui.keys("y");
    ui.wait_for("deleted (v shows deleted runs");
    ui.wait_for(" 2 runs ");
    ui.keys("q");
    wait_exit(&mut ui);
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

fn wait_exit(ui: &mut Pty) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(st) = ui.child.try_wait().unwrap() {
            assert!(st.success(), "{st:?}");
            return;
        }
        assert!(Instant::now() < deadline, "mlrs ui did not quit on q");
        std::thread::sleep(Duration::from_millis(30));
    }
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
    let mut ui = Pty::spawn(&s, &["ui", "--experiment-name", "nightly"]);
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
    wait_exit(&mut ui);
}

#[test]
fn the_mouse_selects_and_opens_rows_in_a_real_terminal() {
    let s = Scratch::new();
    seed(&s);
    let mut ui = Pty::spawn(&s, &["ui"]);
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
    wait_exit(&mut ui);
}
