"""mlrs benchmark: times mlrs, MLflow 3.x (warm MlflowClient and the mlflow CLI) and the I/O
floor on generated stores, in one run, and writes bench/RESULTS.md with ratios.

Run through bench/run.sh, which builds everything and picks the Python with MLflow.
Figures are medians of several runs after one warm-up (warm page cache) unless noted.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time

EXP = "100000000000000001"


TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def peak_rss(cmd, stdin=None):
    """Peak RSS (MiB) of one run of `cmd`, measured by GNU time (a child forked from this
    Python process would otherwise be charged this process's own pages)."""
    if TIME_BIN is None:
        return None
    with tempfile.NamedTemporaryFile("r") as out:
        subprocess.run([TIME_BIN, "-f", "%M", "-o", out.name, *cmd], input=stdin, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(out.read().strip().splitlines()[-1]) / 1024.0


def run_timed(cmd, reps, env=None, stdin=None):
    """Median wall time (s) over `reps` runs after one warm-up, and peak RSS (MiB) of one run."""
    times = []
    for i in range(reps + 1):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             stdin=subprocess.PIPE if stdin else subprocess.DEVNULL, env=env)
        if stdin:
            p.stdin.write(stdin)
            p.stdin.close()
        _, status, _ = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
        if i > 0:
            times.append(dt)
    return statistics.median(times), peak_rss(cmd, stdin)


def py_timed(fn, reps):
    times = []
    for i in range(reps + 1):
        t0 = time.perf_counter()
        fn()
        if i > 0:
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def drop_caches():
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as fh:
            fh.write("3\n")
        return True
    except OSError:
        return False


def fmt_s(v):
    if v is None:
        return "–"
    return f"{v * 1000:.1f} ms" if v < 1 else f"{v:.2f} s"


def ratio(a, b):
    return "–" if a is None or b is None or b == 0 else f"{a / b:.1f}×"


SQL_TOP10 = """CREATE TEMP TABLE top AS
  SELECT r.run_uuid FROM runs r
  JOIN latest_metrics m ON m.run_uuid = r.run_uuid AND m.key = 'accuracy'
  WHERE r.experiment_id = {exp} AND r.lifecycle_stage = 'active' AND m.value > 0.5
  ORDER BY m.value IS NULL, m.value DESC, r.start_time DESC, r.run_uuid
  LIMIT 10;
SELECT * FROM runs WHERE run_uuid IN top;
SELECT * FROM params WHERE run_uuid IN top;
SELECT * FROM tags WHERE run_uuid IN top;
SELECT * FROM latest_metrics WHERE run_uuid IN top;
SELECT * FROM inputs WHERE destination_id IN top;
"""


def sql_rows(a, root, small_root, batch, have_mlflow):
    """The SQLite store: the file store `root` copied by `mlrs store migrate` (timed against
    `mlflow migrate-filestore`), then search against a fresh Python `MlflowClient` (import
    included) and against the sqlite3 shell running the same query, and single-run commands
    on it and on a 2-run database."""
    rows = []
    n = len(runs_of_dir(root))
    db = os.path.join(a.work, f"sql-{n}", "mlflow.db")
    small_db = os.path.join(a.work, "sql-2", "mlflow.db")
    for path in (db, small_db):
        os.makedirs(os.path.dirname(path), exist_ok=True)
    t0 = time.perf_counter()
    migrate = [a.mlrs, "store", "migrate", "--from", root, "--to", "sqlite:///" + db]
    rss = peak_rss(migrate)
    if rss is None:
        subprocess.run(migrate, check=True, stdout=subprocess.DEVNULL)
    migrate_s = time.perf_counter() - t0
    subprocess.run([a.mlrs, "store", "migrate", "--from", small_root, "--to", "sqlite:///" + small_db],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    mlflow_migrate = None
    py = sys.executable
    if have_mlflow and not a.skip_mlflow_migrate:
        target = os.path.join(a.work, f"sql-{n}", "by-mlflow.db")
        t0 = time.perf_counter()
        subprocess.run([os.path.join(os.path.dirname(py), "mlflow"), "migrate-filestore", "--source", root,
                        "--target", "sqlite:///" + target, "--no-progress"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=a.work)
        mlflow_migrate = time.perf_counter() - t0
        os.remove(target)
    rows.append((f"sqlite: store migrate of the file store ({n} runs) vs `mlflow migrate-filestore`", n,
                 migrate_s, None, mlflow_migrate, None, rss))

    uri = "sqlite:///" + db
    base = [a.mlrs, "--tracking-uri", uri]
    search = base + ["runs", "search", "--experiment-ids", EXP, "--filter", "metrics.accuracy > 0.5",
                     "--order-by", "metrics.accuracy DESC", "--max-results", "10", "-o", "json"]
    t, rss = run_timed(search, a.reps)
    shell, _ = run_timed(["sqlite3", "-json", db], a.reps, stdin=SQL_TOP10.format(exp=EXP).encode())
    warm = fresh = None
    if have_mlflow:
        code = ("from mlflow import MlflowClient; "
                f"MlflowClient(tracking_uri={uri!r}).search_runs([{EXP!r}], 'metrics.accuracy > 0.5', "
                "order_by=['metrics.accuracy DESC'], max_results=10)")
        fresh, _ = run_timed([py, "-c", code], max(2, a.reps // 2))
        from mlflow import MlflowClient
        client = MlflowClient(tracking_uri=uri)
        warm = py_timed(lambda: client.search_runs([EXP], "metrics.accuracy > 0.5", order_by=["metrics.accuracy DESC"],
                                                   max_results=10), a.reps)
    rows.append(("sqlite: runs search, metric filter + order, top 10 -o json (baseline: sqlite3 shell, same query)",
                 n, t, warm, fresh, shell, rss))

    for label, path in ((n, db), (2, small_db)):
        conn_runs = subprocess.run(["sqlite3", path, "SELECT run_uuid FROM runs ORDER BY run_uuid"],
                                   check=True, capture_output=True, text=True).stdout.split()
        rid, wid = conn_runs[0], conn_runs[-1]
        bx = [a.mlrs, "--tracking-uri", "sqlite:///" + path]
        ops = {
            "runs describe -o json": (bx + ["runs", "describe", "--run-id", rid, "-o", "json"], None),
            "runs log-metric (one call)": (bx + ["runs", "log-metric", "--run-id", wid, "bench_m", "0.5"], None),
            "runs log-batch, 1000 metrics": (bx + ["runs", "log-batch", "--run-id", wid, "--json", "-"], batch),
        }
        for op, (cmd, stdin) in ops.items():
            t, rss = run_timed(cmd, a.reps, stdin=stdin)
            c = None
            if have_mlflow and label == n:
                from mlflow import MlflowClient
                from mlflow.entities import Metric
                cl = MlflowClient(tracking_uri="sqlite:///" + path)
                if op.startswith("runs describe"):
                    c = py_timed(lambda: cl.get_run(rid), 3)
                elif "log-metric" in op:
                    c = py_timed(lambda: cl.log_metric(wid, "bench_c", 0.5), 3)
                else:
                    ms = [Metric(f"c{i}", i / 7, 1700000000000 + i, 1) for i in range(1000)]
                    c = py_timed(lambda: cl.log_batch(wid, metrics=ms), 3)
            rows.append((f"sqlite: {op}" + (" — same on a 2-run database" if label == 2 else ""), label, t, c, None,
                         None, rss))
    return rows


def runs_of_dir(root):
    exp = os.path.join(root, EXP)
    return sorted(d for d in os.listdir(exp) if len(d) == 32)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mlrs", required=True)
    ap.add_argument("--gen", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--mlflow-max", type=int, default=10000, help="largest store MLflow is timed on")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--skip-mlflow-migrate", action="store_true", help="do not time `mlflow migrate-filestore`")
    ap.add_argument("--sql-size", type=int, default=2000, help="runs in the SQLite store (0: skip)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",") if s]
    os.makedirs(a.work, exist_ok=True)
    # Writes of a previous run would make this one measure a different store: start afresh.
    import shutil
    for entry in os.listdir(a.work):
        shutil.rmtree(os.path.join(a.work, entry), ignore_errors=True)
    os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
    try:
        import mlflow
        from mlflow import MlflowClient
        from mlflow.entities import Metric
        have_mlflow = True
    except ImportError:
        have_mlflow = False
    rows = []  # (operation, store, mlrs_s, client_s, cli_s, floor_s, rss)

    def store(n, versions=0):
        path = os.path.join(a.work, f"{n}" + (f"-reg{versions}" if versions else ""))
        root = os.path.join(path, "mlruns")
        if not os.path.isdir(root):
            cmd = [a.gen, "--runs", str(n), "--out", path]
            if versions:
                cmd += ["--versions", str(versions)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        return root

    runs_of = runs_of_dir

    def first_run(root):
        """The run commands read (never written to by the benchmark)."""
        return runs_of(root)[0]

    def write_run(root):
        """The run the write benchmarks append to, so reads stay comparable between runs."""
        return runs_of(root)[-1]

    batch = json.dumps({"metrics": [{"key": f"b{i}", "value": i / 7, "timestamp": 1700000000000 + i, "step": 1}
                                    for i in range(1000)]}).encode()

    one = store(2)  # the "small store": one run to read, one to write to
    if a.sql_size:
        rows.extend(sql_rows(a, store(a.sql_size), one, batch, have_mlflow))
    single = {}
    for n in sizes:
        root = store(n)
        rid = first_run(root)
        base = [a.mlrs, "--tracking-uri", root]
        reps = a.reps if n <= 10000 else max(2, a.reps // 2)
        ops = {
            "runs search, no filter, all runs -o json": base + ["runs", "search", "--experiment-ids", EXP, "--max-results", "50000", "-o", "json"],
            "runs search, metric filter + order, top 10 -o json": base + ["runs", "search", "--experiment-ids", EXP, "--filter", "metrics.accuracy > 0.5", "--order-by", "metrics.accuracy DESC", "--max-results", "10", "-o", "json"],
            "runs search, param/tag LIKE, top 10 -o json": base + ["runs", "search", "--experiment-ids", EXP, "--filter", "params.param_1 LIKE 'ad%' AND tags.tag_0 LIKE 'team-d%'", "--max-results", "10", "-o", "json"],
        }
        floor_warm, _ = run_timed([a.floor, root], reps)
        cold = None
        if drop_caches():
            t0 = time.perf_counter()
            subprocess.run([a.floor, root], check=True, stdout=subprocess.DEVNULL)
            cold = time.perf_counter() - t0
        rows.append(("I/O floor: read every file once (warm cache)", n, None, None, None, floor_warm, None))
        if cold is not None:
            rows.append(("I/O floor: read every file once (cold cache)", n, None, None, None, cold, None))
        client = MlflowClient(tracking_uri="file://" + root) if have_mlflow and n <= a.mlflow_max else None
        mlflow_reps = 1 if n >= 10000 else 2
        for name, cmd in ops.items():
            t, rss = run_timed(cmd, reps)
            c = None
            if client is not None:
                if "no filter" in name:
                    c = py_timed(lambda: client.search_runs([EXP], max_results=50000), mlflow_reps)
                elif "metric" in name:
                    c = py_timed(lambda: client.search_runs([EXP], "metrics.accuracy > 0.5", order_by=["metrics.accuracy DESC"], max_results=10), mlflow_reps)
                else:
                    c = py_timed(lambda: client.search_runs([EXP], "params.param_1 LIKE 'ad%' AND tags.tag_0 LIKE 'team-d%'", max_results=10), mlflow_reps)
            rows.append((name, n, t, c, None, floor_warm if "no filter" in name else None, rss))
        # Single-object commands, on this store and on the 1-run store.
        for label, root_x in ((n, root), (1, one)):
            if label == 1 and 1 in single:
                continue
            rid_x, wid_x = first_run(root_x), write_run(root_x)
            bx = [a.mlrs, "--tracking-uri", root_x]
            res = {}
            res["runs describe -o json"] = run_timed(bx + ["runs", "describe", "--run-id", rid_x, "-o", "json"], reps)
            res["runs log-metric (one call)"] = run_timed(bx + ["runs", "log-metric", "--run-id", wid_x, "bench_m", "0.5"], reps)
            res["runs log-batch, 1000 metrics"] = run_timed(bx + ["runs", "log-batch", "--run-id", wid_x, "--json", "-"], reps, stdin=batch)
            if label == 1:
                single[1] = res
            else:
                single[n] = res
        cl = client
        wid = write_run(root)
        for op, (t, rss) in single[n].items():
            c = cli = None
            if cl is not None:
                if op.startswith("runs describe"):
                    c = py_timed(lambda: cl.get_run(rid), 3)
                    t0 = time.perf_counter()
                    subprocess.run([os.path.join(os.path.dirname(sys.executable), "mlflow"), "runs", "describe", "--run-id", rid],
                                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=dict(os.environ, MLFLOW_TRACKING_URI="file://" + root))
                    cli = time.perf_counter() - t0
                elif "log-metric" in op:
                    c = py_timed(lambda: cl.log_metric(wid, "bench_c", 0.5), 3)
                else:
                    ms = [Metric(f"c{i}", i / 7, 1700000000000 + i, 1) for i in range(1000)]
                    c = py_timed(lambda: cl.log_batch(wid, metrics=ms), 3)
            rows.append((op, n, t, c, cli, None, rss))
            rows.append((op + " — same on a 2-run store", 2, single[1][op][0], None, None, None, single[1][op][1]))
    # Registry: latest on a model with 1000 versions, and on one with 1.
    for versions in (1000, 1):
        root = store(1, versions)
        t, rss = run_timed([a.mlrs, "--registry-uri", root, "--tracking-uri", root, "models", "latest", "bench-model", "-o", "json"], a.reps)
        c = None
        if have_mlflow:
            cl = MlflowClient(tracking_uri="file://" + root, registry_uri="file://" + root)
            cwd = os.getcwd()
            os.chdir(tempfile.mkdtemp())
            c = py_timed(lambda: cl.get_latest_versions("bench-model"), 3)
            os.chdir(cwd)
        rows.append((f"models latest ({versions} versions)", 1, t, c, None, None, rss))
    tv, _ = run_timed([a.mlrs, "--version"], 50)
    tt, _ = run_timed(["/bin/true"], 50)
    rows.append(("mlrs --version", "–", tv, None, None, tt, None))
    t0 = time.perf_counter()
    if have_mlflow:
        subprocess.run([os.path.join(os.path.dirname(sys.executable), "mlflow"), "--version"], check=True, stdout=subprocess.DEVNULL)
    mlflow_version_cli = time.perf_counter() - t0 if have_mlflow else None
    rows.append(("mlflow --version (CLI start-up)", "–", None, None, mlflow_version_cli, None, None))

    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
    lines = [
        f"# mlrs benchmark ({datetime.date.today().isoformat()})",
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}), {int(mem) // 1024 // 1024} GiB RAM, {platform.system()} {platform.release()}. "
        f"MLflow {mlflow.__version__ if have_mlflow else 'not installed'}; mlrs `{subprocess.run([a.mlrs, '--version'], capture_output=True, text=True).stdout.strip()}`.",
        "Stores: one experiment of N runs, each with 10 params, 20 metrics × 100 steps and 10 tags (`examples/gen_store.rs`),",
        "regenerated for every benchmark run. Reads go to the first run, writes to the last one.",
        "Times are medians after a warm-up (warm page cache) unless marked cold. `MLflow client` is a warm `MlflowClient` in one",
        "Python process (no start-up cost); `mlflow CLI` includes Python start-up. Ratios are computed in this same run.",
        "",
        "| operation | runs in store | mlrs | MLflow client | mlflow CLI | MLflow client / mlrs | mlflow CLI / mlrs | mlrs / floor or baseline | floor or baseline | mlrs peak RSS |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for op, n, t, c, cli, floor, rss in rows:
        lines.append(
            f"| {op} | {n} | {fmt_s(t)} | {fmt_s(c)} | {fmt_s(cli)} | {ratio(c, t)} | {ratio(cli, t)} | {ratio(t, floor)} | {fmt_s(floor)} | "
            + (f"{rss:.1f} MiB" if rss else "–") + " |"
        )
    lines.append("")
    lines.append("`floor or baseline`: the I/O floor for full-output searches, `/bin/true` for `--version`, the `sqlite3` shell")
    lines.append("running the same query (the top 10 runs with their params, tags, latest metrics and inputs, as JSON) for the SQLite search.")
    lines.append("SQLite rows: the database is the first file store copied by `mlrs store migrate`; in them `mlflow CLI` is a fresh")
    lines.append("Python process doing the same call through `MlflowClient` (import included), or `mlflow migrate-filestore` for the copy.")
    lines.append("Peak RSS is measured by GNU time on one separate run of the same command.")
    with open(a.out, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
