"""`mlrs gc` against the real `mlflow gc --backend-store-uri sqlite:///…` on the same state.

One database state (runs with params, metrics, tags, dataset inputs and artifacts; logged models
with params, tags, metrics and artifacts; deleted experiments with tags, traces, rollup rows, a
run restored inside one of them), built by MlflowClient plus a few direct SQL writes (ages,
traces), is saved once. Each case restores it, runs `mlflow gc ARGS`, records every table's rows
and the artifact tree, restores it again at the same paths (artifact URIs are absolute), runs
`mlrs gc ARGS`, and compares: the same rows in every table, the same artifact tree, the same
report lines. For bad input both fail; mlrs leaves the database byte-identical (MLflow may have
deleted some objects before it stops: it deletes one object at a time) and says what MLflow says.
"""
import os
import shutil
import sqlite3
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from mlflow.entities import Dataset, DatasetInput, InputTag, Metric, Param, RunTag
from mlflow.tracking import MlflowClient

import interop_helpers as H

pytestmark = pytest.mark.skipif((H.MLFLOW_MAJOR, H.MLFLOW_MINOR) < (3, 17),
                                reason="mlrs writes into MLflow 3.17's schema revision only")

DAY = 86_400_000


@dataclass
class Env:
    base: Path
    work: Path

    @property
    def db(self):
        return self.base / "mlflow.db"

    @property
    def uri(self):
        return "sqlite:///" + str(self.db)

    @property
    def artifacts(self):
        return self.work / "mlruns"


def _sql(db, statements):
    con = sqlite3.connect(str(db))
    try:
        for sql, args in statements:
            con.execute(sql, args)
        con.commit()
    finally:
        con.close()


def build_state(env, monkeypatch):
    """The shared state; returns the ids the cases name."""
    monkeypatch.chdir(env.work)  # MlflowClient's artifact root of a SQL store: ./mlruns
    c = MlflowClient(tracking_uri=env.uri)
    now = int(time.time() * 1000)
    src = env.base / "src"
    src.mkdir()
    (src / "a.txt").write_text("artifact\n")
    ids = {}

    def run_with_data(exp, name, artifact=True):
        r = c.create_run(exp, run_name=name).info.run_id
        c.log_batch(r, metrics=[Metric("loss", 1.0, now, 0), Metric("loss", 0.5, now + 1, 1),
                                Metric("acc", 0.9, now, 0)],
                    params=[Param("p", name)], tags=[RunTag("t", name)])
        if artifact:
            c.log_artifact(r, str(src / "a.txt"))
            c.log_artifact(r, str(src / "a.txt"), "sub/dir")
        return r

    a = ids["A"] = c.create_experiment("keep", tags={"team": "a"})
    ids["a_alive"] = run_with_data(a, "alive")
    ids["a_old"] = run_with_data(a, "old")
    ids["a_young"] = run_with_data(a, "young")
    ids["a_null"] = run_with_data(a, "null")
    ds = Dataset(name="d", digest="abc123", source_type="local", source="{}")
    c.log_inputs(ids["a_old"], datasets=[DatasetInput(ds, tags=[InputTag("mlflow.data.context",
                                                                           "train")])])
    # Logged models: one live (with a metric logged from a_old), one deleted long ago, one
    # deleted just now; each with params, tags and an artifact file.
    for key, stage in (("lm_alive", None), ("lm_old", "old"), ("lm_young", "young")):
        m = c.create_logged_model(a, name=key, source_run_id=ids["a_alive"])
        c.log_model_params(m.model_id, {"k": key})
        c.set_logged_model_tags(m.model_id, {"t": key})
        art = Path(m.artifact_location)
        art.mkdir(parents=True, exist_ok=True)
        (art / "MLmodel").write_text(key + "\n")
        ids[key] = m.model_id
        if stage:
            c.delete_logged_model(m.model_id)
    c.log_metric(ids["a_old"], "model_acc", 0.7, model_id=ids["lm_alive"])
    for r in ("a_old", "a_young", "a_null"):
        c.delete_run(ids[r])

    b = ids["B"] = c.create_experiment("gone long ago", tags={"team": "b"})
    ids["b_run"] = run_with_data(b, "b-run")
    ids["b_restored"] = run_with_data(b, "b-restored")
    c.log_inputs(ids["b_run"], datasets=[DatasetInput(ds)])
    ids["lm_b"] = c.create_logged_model(b, name="lm_b").model_id
    c.delete_experiment(b)
    c.restore_run(ids["b_restored"])  # an active run inside a deleted experiment

    cc = ids["C"] = c.create_experiment("gone just now")
    ids["c_run"] = run_with_data(cc, "c-run")
    c.delete_experiment(cc)

    _sql(env.db, [
        ("UPDATE runs SET deleted_time = ? WHERE run_uuid IN (?, ?)",
         (now - 3 * DAY, ids["a_old"], ids["b_run"])),
        ("UPDATE runs SET deleted_time = NULL WHERE run_uuid = ?", (ids["a_null"],)),
        ("UPDATE experiments SET last_update_time = ? WHERE experiment_id = ?",
         (now - 3 * DAY, int(b))),
        ("UPDATE logged_models SET last_updated_timestamp_ms = ? WHERE model_id = ?",
         (now - 3 * DAY, ids["lm_old"])),
        # A trace of the deleted experiment B (and its tag), and a rollup row (no foreign key).
        ("INSERT INTO trace_info (request_id, experiment_id, timestamp_ms, execution_time_ms, "
         "status) VALUES ('tr-b', ?, ?, 5, 'OK')", (int(b), now - 3 * DAY)),
        ("INSERT INTO trace_tags (key, value, request_id) VALUES ('k', 'v', 'tr-b')", ()),
        ("INSERT INTO sql_trace_metric_daily_rollups (id, experiment_id, rollup_day, "
         "metric_name, grouping_set, sample_count) VALUES (1, ?, '2026-01-01', 'latency', "
         "'all', 3)", (int(b),)),
        ("INSERT INTO sql_trace_metric_daily_rollups (id, experiment_id, rollup_day, "
         "metric_name, grouping_set, sample_count) VALUES (2, ?, '2026-01-01', 'latency', "
         "'all', 4)", (int(a),)),
    ])
    return ids


def table_rows(db):
    """Every table's rows (sorted), by table name."""
    con = sqlite3.connect(str(db))
    try:
        names = [n for (n,) in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {n: sorted(repr(r) for r in con.execute('SELECT * FROM "%s"' % n)) for n in names}
    finally:
        con.close()


def artifact_tree(root):
    out = []
    if not root.exists():
        return out
    for dirpath, dirnames, filenames in os.walk(root):
        rel = os.path.relpath(dirpath, root)
        out.append((rel, "dir", None))
        for f in filenames:
            out.append((os.path.join(rel, f), "file", Path(dirpath, f).read_bytes()))
    return sorted(out)


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """The state built once: (env, ids, saved copy of the database, saved artifact root)."""
    base = tmp_path_factory.mktemp("gc").resolve()
    env = Env(base=base / "store", work=base / "store" / "cwd")
    env.work.mkdir(parents=True)
    mp = pytest.MonkeyPatch()
    try:
        ids = build_state(env, mp)
    finally:
        mp.undo()
    keep = base / "saved"
    keep.mkdir()
    shutil.copy2(env.db, keep / "mlflow.db")
    shutil.copytree(env.artifacts, keep / "mlruns", symlinks=True)
    return env, ids, keep


def restore(env, keep):
    for p in (env.db, Path(str(env.db) + "-journal"), Path(str(env.db) + "-wal")):
        if p.exists():
            p.unlink()
    shutil.copy2(keep / "mlflow.db", env.db)
    if env.artifacts.exists():
        shutil.rmtree(env.artifacts)
    shutil.copytree(keep / "mlruns", env.artifacts, symlinks=True)


def mlflow_gc(env, args):
    e = dict(os.environ)
    e["MLFLOW_TRACKING_URI"] = env.uri
    e["PYTHONWARNINGS"] = "ignore"
    e.pop("MLFLOW_REGISTRY_URI", None)
    return subprocess.run([H.MLFLOW_EXE, "gc", "--backend-store-uri", env.uri, *args],
                          capture_output=True, cwd=str(env.work), env=e, encoding="utf-8",
                          timeout=300)


def mlflow_error(stderr):
    """The message of the MlflowException `mlflow gc` died with."""
    for line in reversed(stderr.splitlines()):
        if "MlflowException: " in line:
            return line.split("MlflowException: ", 1)[1].strip()
    raise AssertionError("no MlflowException in: " + stderr)


def both(saved, args):
    """(mlflow's (proc, rows, tree), mlrs's (result, rows, tree)), each on the saved state."""
    env, ids, keep = saved
    restore(env, keep)
    theirs = mlflow_gc(env, args)
    theirs_state = (table_rows(env.db), artifact_tree(env.artifacts))
    restore(env, keep)
    mine = H.Mlrs(env)("gc", *args, rc=None)
    mine_state = (table_rows(env.db), artifact_tree(env.artifacts))
    return (theirs, *theirs_state), (mine, *mine_state)


# name -> (args from ids, ids expected in the report lines)
CASES = {
    "everything deleted": (lambda i: [],
                           ["a_old", "a_young", "b_run", "c_run", "lm_old", "lm_young", "B", "C"]),
    "older than 1d": (lambda i: ["--older-than", "1d"], ["a_old", "b_run", "lm_old", "B"]),
    "run ids": (lambda i: ["--run-ids", i["a_young"]],
                ["a_young", "b_run", "c_run", "lm_old", "lm_young", "B", "C"]),
    "a run without deleted_time, by id": (lambda i: ["--run-ids", "%s,%s" % (i["a_null"],
                                                                             i["a_null"])],
                                          ["a_null", "b_run", "c_run", "lm_old", "lm_young",
                                           "B", "C"]),
    "experiment ids": (lambda i: ["--experiment-ids", i["C"]],
                       ["a_old", "a_young", "b_run", "c_run", "lm_old", "lm_young", "C"]),
    "older than and experiment ids": (lambda i: ["--older-than", "1d", "--experiment-ids",
                                                 i["B"]],
                                      ["a_old", "b_run", "lm_old", "B"]),
    "logged model ids": (lambda i: ["--logged-model-ids", i["lm_young"]],
                         ["a_old", "a_young", "b_run", "c_run", "lm_young", "B", "C"]),
}


def report_lines(ids, keys):
    out = set()
    for k in keys:
        if k in ("A", "B", "C"):
            out.add("Experiment with ID %s has been permanently deleted." % ids[k])
        elif k.startswith("lm_"):
            out.add("Logged model with ID %s has been permanently deleted." % ids[k])
        else:
            out.add("Run with ID %s has been permanently deleted." % ids[k])
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_mlrs_gc_leaves_the_rows_and_artifacts_mlflow_gc_leaves(saved, case):
    env, ids, keep = saved
    make_args, expected = CASES[case]
    args = make_args(ids)
    (theirs, their_rows, their_tree), (mine, my_rows, my_tree) = both(saved, args)
    assert theirs.returncode == 0, theirs.stderr
    assert mine.rc == 0, mine
    assert set(theirs.stdout.splitlines()) == report_lines(ids, expected), theirs.stdout
    assert set(mine.stdout.splitlines()) == report_lines(ids, expected), mine.stdout
    assert len(mine.stdout.splitlines()) == len(expected)
    for table in their_rows:
        assert my_rows[table] == their_rows[table], table
    assert my_rows.keys() == their_rows.keys()
    assert my_tree == their_tree
    # Something was collected, and what was not is still there.
    before = table_rows(keep / "mlflow.db")
    assert my_rows["runs"] != before["runs"]
    assert any(ids["a_alive"] in r for r in my_rows["runs"])
    # --dry-run lists the same objects and changes nothing.
    restore(env, keep)
    dry = H.Mlrs(env)("gc", "--dry-run", *args)
    assert {line.replace("Would permanently delete", "").strip() for line in
            dry.stdout.splitlines()} == {
        line.split(" has been")[0].replace("Run with", "run with").replace(
            "Logged model with", "logged model with").replace(
            "Experiment with", "experiment with") + "."
        for line in report_lines(ids, expected)}
    assert (keep / "mlflow.db").read_bytes() == env.db.read_bytes()


def test_what_gc_removes_and_keeps_in_detail(saved):
    """The rows of the plain `gc` case, table by table (what the comparison above agrees on)."""
    env, ids, keep = saved
    (_, their_rows, _), (mine, rows, tree) = both(saved, [])
    assert mine.rc == 0, mine
    text = {t: "\n".join(r) for t, r in rows.items()}
    for gone in ("a_old", "a_young", "b_run", "b_restored", "c_run"):
        for table in ("runs", "metrics", "latest_metrics", "params", "tags"):
            assert ids[gone] not in text[table], (gone, table)
    # MLflow's gc leaves a collected run's dataset inputs (no foreign key): so does mlrs.
    assert ids["a_old"] in text["inputs"] and ids["b_run"] in text["inputs"]
    assert len(rows["input_tags"]) == 1
    # logged_model_metrics rows of a collected run go with it (ON DELETE CASCADE).
    assert ids["a_old"] not in text["logged_model_metrics"]
    for gone in ("lm_old", "lm_young", "lm_b"):
        for table in ("logged_models", "logged_model_params", "logged_model_tags"):
            assert ids[gone] not in text[table], (gone, table)
    assert ids["lm_alive"] in text["logged_models"]
    # Deleted experiments: their tags, traces, datasets and rollup rows are gone.
    assert [r for r in rows["experiment_tags"] if "'b'" in r] == []
    assert rows["trace_info"] == [] and rows["trace_tags"] == []
    assert len(rows["sql_trace_metric_daily_rollups"]) == 1
    assert len(rows["datasets"]) == 1  # experiment A's
    # Artifacts: a collected run's artifact directory (its parent directory stays, as MLflow
    # leaves it); the restored run's artifacts inside the collected experiment stay too.
    paths = {p for p, _, _ in tree}
    a = ids["A"]
    assert os.path.join(a, ids["a_old"]) in paths
    assert os.path.join(a, ids["a_old"], "artifacts") not in paths
    assert os.path.join(a, ids["a_alive"], "artifacts", "a.txt") in paths
    assert os.path.join(ids["B"], ids["b_restored"], "artifacts", "a.txt") in paths
    assert os.path.join(a, "models", ids["lm_old"], "artifacts") not in paths
    assert os.path.join(a, "models", ids["lm_alive"], "artifacts", "MLmodel") in paths


ERRORS = {
    # name -> (args, mlrs exit code, whether the message is MLflow's word for word)
    "an active run by id": (lambda i: ["--run-ids", i["a_alive"]], 5, True),
    "a young run by id": (lambda i: ["--older-than", "1d", "--run-ids", i["a_young"]], 5, True),
    "a run without deleted_time by id, with --older-than": (
        lambda i: ["--older-than", "1d", "--run-ids", i["a_null"]], 5, True),
    "an active experiment": (lambda i: ["--experiment-ids", i["A"]], 5, True),
    "a young experiment": (lambda i: ["--older-than", "1d", "--experiment-ids", i["C"]], 5, True),
    "an active logged model": (lambda i: ["--logged-model-ids", i["lm_alive"]], 5, True),
    "a young logged model": (lambda i: ["--older-than", "1d", "--logged-model-ids",
                                        i["lm_young"]], 5, True),
    "an unknown logged model": (lambda i: ["--logged-model-ids", "m-0000"], 3, True),
    "a bad --older-than": (lambda i: ["--older-than", "5 days"], 5, True),
    "an unknown run": (lambda i: ["--run-ids", "0123456789abcdef0123456789abcdef"], 3, False),
    "an unknown experiment": (lambda i: ["--experiment-ids", "424242"], 3, False),
}


@pytest.mark.parametrize("case", list(ERRORS))
def test_bad_input_fails_like_mlflow_and_mlrs_changes_nothing(saved, case):
    env, ids, keep = saved
    make_args, code, same_message = ERRORS[case]
    args = make_args(ids)
    (theirs, their_rows, _), (mine, my_rows, my_tree) = both(saved, args)
    assert theirs.returncode != 0, theirs.stdout
    assert mine.rc == code, mine
    assert len(mine.stderr.strip().splitlines()) == 1, mine.stderr
    if same_message:
        assert mlflow_error(theirs.stderr) in mine.stderr, (theirs.stderr, mine.stderr)
    assert mine.stdout == ""
    assert env.db.read_bytes() == (keep / "mlflow.db").read_bytes()
    assert my_tree == artifact_tree(keep / "mlruns")


def test_mlflow_stops_half_way_where_mlrs_deletes_nothing(saved):
    """MLflow deletes the runs before it checks the logged models: a bad logged model id leaves
    the runs gone. mlrs checks everything first."""
    env, ids, keep = saved
    (theirs, their_rows, _), (mine, my_rows, _) = both(
        saved, ["--logged-model-ids", ids["lm_alive"]])
    assert theirs.returncode != 0 and "Run with ID" in theirs.stdout
    assert their_rows["runs"] != table_rows(keep / "mlflow.db")["runs"]
    assert mine.rc == 5 and my_rows == table_rows(keep / "mlflow.db")


def test_close_stale_on_a_database_mlflow_wrote_is_read_back_by_mlflow(tmp_path, monkeypatch):
    env = Env(base=tmp_path.resolve(), work=tmp_path.resolve() / "cwd")
    env.work.mkdir()
    monkeypatch.chdir(env.work)
    c = MlflowClient(tracking_uri=env.uri)
    exp = c.create_experiment("stale")
    now = int(time.time() * 1000)
    stale = c.create_run(exp, start_time=now - 3 * DAY).info.run_id
    c.log_metric(stale, "loss", 1.0, timestamp=now - 2 * DAY)
    busy = c.create_run(exp, start_time=now - 3 * DAY).info.run_id
    c.log_metric(busy, "loss", 1.0, timestamp=now)
    fresh = c.create_run(exp).info.run_id
    res = H.Mlrs(env)("runs", "close-stale", "--older-than", "1d", "--status", "failed", "-q")
    assert res.stdout.split() == [stale]
    r = c.get_run(stale).info
    assert r.status == "FAILED" and r.end_time == now - 2 * DAY
    assert c.get_run(busy).info.status == "RUNNING"
    assert c.get_run(fresh).info.status == "RUNNING"
