//! `mlrs ui` on a large store, under a real pseudo terminal, with what it draws read back
//! through a VT100 screen model: the time to the first frame of the runs table, until every
//! run is in it, and to redraw after a key (End: the cursor to the last row; s: sort every run
//! by name), each against a baseline measured in the same run: `mlrs runs list -o json` of
//! the same runs (reading every run once), and the round trip of a key that does no store
//! work (`?` in the UI of an empty store).
//!
//! Run through `bash bench/ui.sh` (it generates the store and passes MLRS_BENCH_UI_STORE, the
//! directory holding `mlruns/`); writes bench/RESULTS-ui.md.

#[path = "../tests/common/pty.rs"]
mod pty;

use std::process::Command;
use std::time::{Duration, Instant};

use pty::Pty;

const ROWS: u16 = 40;
const COLS: u16 = 160;

fn ui(dir: &std::path::Path, args: &[&str]) -> Pty {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrs"));
    cmd.arg("ui")
        .args(args)
        .current_dir(dir)
        .env_remove("MLFLOW_TRACKING_URI")
        .env("NO_COLOR", "1");
    Pty::spawn(cmd, ROWS, COLS)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn fmt(s: f64) -> String {
    if s < 1.0 {
        format!("{:.1} ms", s * 1000.0)
    } else {
        format!("{s:.2} s")
    }
}

fn main() {
    let Ok(dir) = std::env::var("MLRS_BENCH_UI_STORE") else {
        eprintln!("benches/ui.rs: set MLRS_BENCH_UI_STORE (bash bench/ui.sh does); skipped");
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let runs: usize = std::fs::read_dir(dir.join("mlruns/100000000000000001"))
        .expect("the generated experiment")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().is_dir()))
        .count();
    let reps: usize = std::env::var("BENCH_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let empty = tempfile::tempdir().unwrap();
    let status = Command::new(env!("CARGO_BIN_EXE_mlrs"))
        .args(["experiments", "create", "-n", "x"])
        .current_dir(empty.path())
        .output()
        .unwrap();
    assert!(status.status.success());
    let limit = Duration::from_secs(300);
    let (mut first, mut all, mut end, mut sort, mut floor, mut key) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..reps {
        let t0 = Instant::now();
        let mut p = ui(&dir, &["--experiment-name", "bench"]);
        p.wait_for_within(&format!("run-{} ", runs - 1), limit);
        first.push(t0.elapsed().as_secs_f64());
        p.wait_for_within(&format!(" {runs} runs "), limit);
        all.push(t0.elapsed().as_secs_f64());
        std::thread::sleep(Duration::from_millis(300));
        let t1 = Instant::now();
        p.send("G");
        p.wait_for_within("run-0 ", limit);
        end.push(t1.elapsed().as_secs_f64());
        let t1 = Instant::now();
        p.send("s");
        p.wait_for_within("run_name ▲", limit);
        sort.push(t1.elapsed().as_secs_f64());
        p.send("q");
        p.wait_exit();

        let t0 = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_mlrs"))
            .args([
                "runs",
                "list",
                "--experiment-id",
                "100000000000000001",
                "-o",
                "json",
            ])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(out.status.success());
        floor.push(t0.elapsed().as_secs_f64());

        let mut p = ui(empty.path(), &[]);
        p.wait_for("Experiments");
        std::thread::sleep(Duration::from_millis(300));
        let t1 = Instant::now();
        p.send("?");
        p.wait_for("any key closes this help");
        key.push(t1.elapsed().as_secs_f64());
        p.send("q");
        p.send("q");
        p.wait_exit();
    }
    let (floor, key) = (median(floor), median(key));
    let rows = [
        (
            "first frame of the runs table (the first page of 1,000 runs on screen)".to_string(),
            median(first),
            floor,
        ),
        (
            format!("every one of the {runs} runs in the table (pages read in the background)"),
            median(all),
            floor,
        ),
        (
            format!("End: redraw with the cursor on the last of {runs} rows"),
            median(end),
            key,
        ),
        (
            format!("s: sort all {runs} runs by name and redraw"),
            median(sort),
            key,
        ),
    ];
    let now = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mut text = format!(
        "# mlrs ui\n\nMeasured {now} by `bash bench/ui.sh` ({cores} cores): a file store of {runs} runs x (10 params, 20 metrics x 100 steps, 10 tags), a {COLS}x{ROWS} pseudo terminal read back through a VT100 model, median of {reps}. Baselines of the same run: for loading, `mlrs runs list -o json` of the same runs (reading every run once, {}); for a key, the round trip of `?` (open the help) in the UI of an empty store, which does no store work ({}).\n\n| what | mlrs ui | baseline | ui / baseline |\n|---|---|---|---|\n",
        fmt(floor),
        fmt(key)
    );
    for (what, t, base) in rows {
        text.push_str(&format!(
            "| {what} | {} | {} | {:.1}× |\n",
            fmt(t),
            fmt(base),
            t / base
        ));
    }
    let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/RESULTS-ui.md");
    std::fs::write(&out, &text).unwrap();
    print!("{text}");
}
