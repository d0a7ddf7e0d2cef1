"""Many mlrs writers at once, and mlrs writers killed mid-write: MLflow then reads everything
(issue 6's stress and crash proofs, and issue 4's concurrency proof, with MLflow's reader)."""

import math
import os
import random
import signal
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import interop_helpers as H
from mlflow.entities import ViewType


def _mlrs(store, *args, check=True, **kw):
    p = subprocess.run([H.MLRS_BIN, "--tracking-uri", str(store.root), *args],
                       cwd=store.work, capture_output=True, text=True, **kw)
    if check and p.returncode != 0:
        raise AssertionError(f"mlrs {args} exited {p.returncode}: {p.stderr}")
    return p


def test_sixteen_processes_x_500_log_metric_lose_nothing_and_mlflow_reads_every_point(store, client):
    exp = _mlrs(store, "experiments", "create", "-q", "-n", "stress").stdout.strip()
    run = _mlrs(store, "runs", "start", "-q", "--experiment-id", exp).stdout.strip()

    def writer(t):
        for i in range(500):
            _mlrs(store, "runs", "log-metric", "--run-id", run, "shared", str(t * 1000 + i), "--step", str(i))

    with ThreadPoolExecutor(16) as pool:
        list(pool.map(writer, range(16)))
    history = client.get_metric_history(run, "shared")
    assert sorted(int(m.value) for m in history) == sorted(t * 1000 + i for t in range(16) for i in range(500))
    assert client.get_run(run).data.metrics["shared"] in {float(t * 1000 + 499) for t in range(16)}


def test_sixteen_concurrent_creates_of_one_name_have_one_winner_that_mlflow_sees(store, client):
    _mlrs(store, "experiments", "create", "-n", "warm-up")
    with ThreadPoolExecutor(16) as pool:
        codes = list(pool.map(lambda _: _mlrs(store, "experiments", "create", "-n", "same", check=False).returncode, range(16)))
    assert sorted(codes) == [0] + [4] * 15
    names = [e.name for e in client.search_experiments(view_type=ViewType.ALL)]
    assert names.count("same") == 1


def test_twelve_concurrent_registers_give_twelve_versions_mlflow_reads(store, client):
    exp = _mlrs(store, "experiments", "create", "-q", "-n", "reg").stdout.strip()
    run = _mlrs(store, "runs", "start", "-q", "--experiment-id", exp).stdout.strip()
    model = store.work / "model"
    model.mkdir()
    (model / "MLmodel").write_text("flavors: {}\n")
    _mlrs(store, "artifacts", "log-artifacts", "-l", str(model), "-r", run, "-a", "model")
    with ThreadPoolExecutor(12) as pool:
        outs = list(pool.map(lambda _: _mlrs(store, "models", "register", "-q", f"runs:/{run}/model", "stress"), range(12)))
    assert sorted(int(o.stdout) for o in outs) == list(range(1, 13))
    versions = client.search_model_versions("name = 'stress'")
    assert sorted(int(v.version) for v in versions) == list(range(1, 13))


def test_writers_killed_at_random_moments_leave_a_store_mlflow_reads(store, client):
    exp = _mlrs(store, "experiments", "create", "-q", "-n", "crash").stdout.strip()
    run = _mlrs(store, "runs", "start", "-q", "--experiment-id", exp).stdout.strip()
    batch = store.work / "batch.json"
    batch.write_text('{"metrics":[%s],"params":[%s]}' % (
        ",".join('{"key":"b%d","value":%d,"timestamp":%d,"step":1}' % (i, i, i) for i in range(300)),
        ",".join('{"key":"bp%d","value":"v"}' % i for i in range(50))))
    rng = random.Random(os.getpid())
    for i in range(120):
        args = rng.choice([
            ["runs", "log-metric", "--run-id", run, f"m{i % 5}", str(i)],
            ["runs", "log-param", "--run-id", run, f"p{i}", "v"],
            ["runs", "set-tag", "--run-id", run, "t", str(i)],
            ["runs", "start", "--experiment-id", exp],
            ["experiments", "create", "-n", f"e{i}"],
            ["runs", "log-batch", "--run-id", run, "--json", str(batch)],
            ["experiments", "set-tag", "-x", exp, "k", str(i)],
        ])
        p = subprocess.Popen([H.MLRS_BIN, "--tracking-uri", str(store.root), *args], cwd=store.work,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.random() * 0.004)
        p.send_signal(signal.SIGKILL)
        p.wait()
    # MLflow reads every experiment and every run, and every metric file of them.
    exps = client.search_experiments(view_type=ViewType.ALL)
    assert any(e.name == "crash" for e in exps)
    runs = client.search_runs([e.experiment_id for e in exps], run_view_type=ViewType.ALL)
    assert any(r.info.run_id == run for r in runs)
    for r in runs:
        got = client.get_run(r.info.run_id)
        for key, latest in got.data.metrics.items():
            history = client.get_metric_history(r.info.run_id, key)
            assert history, key
            assert any(m.value == latest or (math.isnan(m.value) and math.isnan(latest)) for m in history)
    # mlrs doctor finds nothing but temp files of interrupted writes, never visible as keys.
    report = _mlrs(store, "doctor", "-o", "json", check=False)
    if report.returncode != 0:
        import json
        assert {p["kind"] for p in json.loads(report.stdout)} <= {"temp_file"}
