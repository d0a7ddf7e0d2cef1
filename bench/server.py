"""mlrs against a tracking server: times mlrs and MLflow 3.x's own clients on the same local
`mlflow server` (SQLite backend, artifacts proxied), in one run, and writes
bench/RESULTS-server.md with ratios.

- runs search (metric filter + order, top 10) and runs list: `mlrs --tracking-uri http://…`
  against a fresh Python process with `MlflowClient` (import included, as a script pays it)
  and the `mlflow runs list` CLI; a warm in-process MlflowClient is shown for reference.
- sync: `mlrs sync --from <file store> --to http://…` of the generated store into an empty
  server, against mlflow-export-import's `export-experiment` + `import-experiment` of the same
  experiment into another empty server.

Run through bench/server.sh, which builds everything and picks the Python with MLflow.
"""

import argparse
import datetime
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import EXP, fmt_s, py_timed, ratio, run_timed  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A real `mlflow server` on 127.0.0.1 with its own SQLite database and artifact root."""

    def __init__(self, py, work, name, db_from=None):
        self.dir = os.path.join(work, name)
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)
        self.db = os.path.join(self.dir, "mlflow.db")
        if db_from:
            shutil.copy(db_from, self.db)
        self.port = free_port()
        self.uri = f"http://127.0.0.1:{self.port}"
        mlflow = os.path.join(os.path.dirname(py), "mlflow")
        self.log = open(os.path.join(self.dir, "server.log"), "w")
        self.proc = subprocess.Popen(
            [mlflow, "server", "--backend-store-uri", "sqlite:///" + self.db,
             "--artifacts-destination", os.path.join(self.dir, "artifacts"),
             "--host", "127.0.0.1", "--port", str(self.port), "--workers", "1"],
            cwd=self.dir, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(self.uri + "/health", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit(f"mlflow server did not start; see {self.log.name}")

    def stop(self):
        try:
            os.killpg(self.proc.pid, 15)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)
        self.log.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mlrs", required=True)
    ap.add_argument("--gen", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--runs", type=int, default=2000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--skip-sync", action="store_true")
    ap.add_argument("--sync-metrics", type=int, default=5)
    ap.add_argument("--sync-steps", type=int, default=10)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    py = sys.executable
    bindir = os.path.dirname(py)
    os.makedirs(a.work, exist_ok=True)
    gen_dir = os.path.join(a.work, f"server-src-{a.runs}")
    store = os.path.join(gen_dir, "mlruns")
    if not os.path.isdir(os.path.join(store, EXP)):
        subprocess.run([a.gen, "--runs", str(a.runs), "--out", gen_dir], check=True, stdout=subprocess.DEVNULL)
    db = os.path.join(a.work, f"server-src-{a.runs}.db")
    if not os.path.exists(db):
        subprocess.run([a.mlrs, "store", "migrate", "--from", store, "--to", "sqlite:///" + db],
                       check=True, stdout=subprocess.DEVNULL)

    rows = []
    import mlflow
    from mlflow import MlflowClient

    srv = Server(py, a.work, "server-search", db_from=db)
    try:
        base = [a.mlrs, "--tracking-uri", srv.uri]
        env = dict(os.environ, MLFLOW_TRACKING_URI=srv.uri)
        client = MlflowClient(tracking_uri=srv.uri)
        # A new server answers its first queries several times slower (SQLite's page cache on a
        # copied 1 GB database, the worker's lazy set-up): whichever client went first paid for it.
        # Warm the server on the queries timed below before timing any client.
        for _ in range(5):
            client.search_runs([EXP], "metrics.accuracy > 0.5", order_by=["metrics.accuracy DESC"],
                               max_results=10)
        client.search_runs([EXP], max_results=50000)
        search = base + ["runs", "search", "--experiment-ids", EXP, "--filter", "metrics.accuracy > 0.5",
                         "--order-by", "metrics.accuracy DESC", "--max-results", "10", "-o", "json"]
        t, rss = run_timed(search, a.reps)
        code = ("from mlflow import MlflowClient; "
                f"MlflowClient(tracking_uri={srv.uri!r}).search_runs([{EXP!r}], 'metrics.accuracy > 0.5', "
                "order_by=['metrics.accuracy DESC'], max_results=10)")
        fresh, _ = run_timed([py, "-c", code], max(2, a.reps // 2))
        warm = py_timed(lambda: client.search_runs([EXP], "metrics.accuracy > 0.5",
                                                   order_by=["metrics.accuracy DESC"], max_results=10), a.reps)
        rows.append(("runs search, metric filter + order, top 10 -o json", a.runs, t, fresh, None, warm, rss))

        listing = base + ["runs", "list", "--experiment-id", EXP, "-o", "json"]
        t, rss = run_timed(listing, max(2, a.reps // 2))
        cli, _ = run_timed([os.path.join(bindir, "mlflow"), "runs", "list", "--experiment-id", EXP],
                           max(2, a.reps // 2), env=env)
        code = ("from mlflow import MlflowClient; "
                f"MlflowClient(tracking_uri={srv.uri!r}).search_runs([{EXP!r}], max_results=50000)")
        fresh, _ = run_timed([py, "-c", code], max(2, a.reps // 2))
        rows.append(("runs list, every run -o json (mlflow CLI: `mlflow runs list`)", a.runs, t, fresh, cli,
                     None, rss))

        rid = subprocess.run(base + ["runs", "search", "--experiment-ids", EXP, "--max-results", "1", "-q"],
                             check=True, capture_output=True, text=True).stdout.split()[0]
        t, rss = run_timed(base + ["runs", "describe", "--run-id", rid, "-o", "json"], a.reps)
        code = f"from mlflow import MlflowClient; MlflowClient(tracking_uri={srv.uri!r}).get_run({rid!r})"
        fresh, _ = run_timed([py, "-c", code], max(2, a.reps // 2))
        warm = py_timed(lambda: client.get_run(rid), a.reps)
        rows.append(("runs describe -o json", a.runs, t, fresh, None, warm, rss))
    finally:
        srv.stop()

    if not a.skip_sync:
        # The sync comparison uses runs with lighter histories (the peer exports each metric's
        # history through the client, one call per metric and run): same 10 params and tags.
        sync_gen = os.path.join(a.work, f"sync-src-{a.runs}-{a.sync_metrics}x{a.sync_steps}")
        store = os.path.join(sync_gen, "mlruns")
        if not os.path.isdir(os.path.join(store, EXP)):
            subprocess.run([a.gen, "--runs", str(a.runs), "--metrics", str(a.sync_metrics), "--steps",
                            str(a.sync_steps), "--out", sync_gen], check=True, stdout=subprocess.DEVNULL)
        target = Server(py, a.work, "server-sync-mlrs")
        try:
            t0 = time.perf_counter()
            subprocess.run([a.mlrs, "sync", "--from", store, "--to", target.uri, "--no-registry"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            mlrs_sync = time.perf_counter() - t0
            t0 = time.perf_counter()
            subprocess.run([a.mlrs, "sync", "--from", store, "--to", target.uri, "--no-registry"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            mlrs_again = time.perf_counter() - t0
        finally:
            target.stop()
        peer = Server(py, a.work, "server-sync-peer")
        out = os.path.join(a.work, "peer-export")
        shutil.rmtree(out, ignore_errors=True)
        try:
            env = dict(os.environ, MLFLOW_TRACKING_URI="file://" + store, MLFLOW_ALLOW_FILE_STORE="true")
            t0 = time.perf_counter()
            subprocess.run([os.path.join(bindir, "export-experiment"), "--experiment", EXP, "--output-dir", out],
                           check=True, env=env, cwd=a.work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            env = dict(os.environ, MLFLOW_TRACKING_URI=peer.uri)
            subprocess.run([os.path.join(bindir, "import-experiment"), "--experiment-name", "bench",
                            "--input-dir", out], check=True, env=env, cwd=a.work,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            peer_s = time.perf_counter() - t0
        finally:
            peer.stop()
        rows.append((f"sync of a {a.runs}-run file store ({a.sync_metrics} metrics x {a.sync_steps} steps, "
                     "10 params, 10 tags per run) into an empty server "
                     "(peer: mlflow-export-import export-experiment + import-experiment)",
                     a.runs, mlrs_sync, None, peer_s, None, None))
        rows.append(("sync again (nothing new to send)", a.runs, mlrs_again, None, None, None, None))

    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# mlrs against a tracking server",
        "",
        f"Measured {now} by `bash bench/server.sh` on {platform.node()} ({os.cpu_count()} cores), "
        f"MLflow {mlflow.__version__} `mlflow server` (SQLite backend, artifacts proxied, 1 worker) on "
        "127.0.0.1, the store of bench/RESULTS.md (20 metrics x 100 steps, 10 params, 10 tags per run). "
        "Median of several runs after a warm-up of the server and of each command. "
        "\"fresh MlflowClient\" is a new Python process that imports "
        "mlflow and makes the call, what a shell script pays; the warm in-process client is for reference. "
        "For sync, the peer column is mlflow-export-import 1.2.1 (export to files, then import).",
        "",
        "| operation | runs | mlrs | fresh MlflowClient | mlflow CLI / peer | warm MlflowClient (in-process) "
        "| fresh client / mlrs | CLI or peer / mlrs | mlrs peak RSS |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for op, n, t, fresh, cli, warm, rss in rows:
        lines.append(f"| {op} | {n} | {fmt_s(t)} | {fmt_s(fresh)} | {fmt_s(cli)} | {fmt_s(warm)} | "
                     f"{ratio(fresh, t)} | {ratio(cli, t)} | {'–' if rss is None else f'{rss:.1f} MiB'} |")
    with open(a.out, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
