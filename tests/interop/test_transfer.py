"""Export/import interop: mlrs and mlflow-export-import (databricks-mlflow-export-import 1.2.1)
under MLflow 3.17.2.

(a) mlrs ``experiments export`` -> the peer's ``import-experiment`` into a live ``mlflow server``
    (SQLite backend, 127.0.0.1, started here) -> ``MlflowClient`` over HTTP reads the same params,
    tags and metric histories.
(b) the peer's ``export-experiment`` from a file store MLflow wrote -> ``mlrs experiments import``
    -> MLflow reads identical runs (ids, times, params, tags, every metric point, artifacts).
(c) a store MLflow wrote (tracking and registry) -> ``mlrs experiments export`` /
    ``models export --include-runs`` -> ``mlrs … import`` into an empty store -> MLflow reads the
    same experiments, runs, byte-identical artifacts and registry versions.

Self-contained. Skips (with the reason) unless MLflow is 3.17.2 and the peer is installed in the
same venv (``pip install databricks-mlflow-export-import==1.2.1``). By hand, from a scratch dir:

    MLRS_BIN=/work/main/target/debug/mlrs MLFLOW_ALLOW_FILE_STORE=true \\
        /work/venvs/mlflow3/bin/python -m pytest /work/main/tests/interop/test_transfer.py
"""
import filecmp
import json
import math
import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")

import mlflow  # noqa: E402
import pytest  # noqa: E402
from mlflow.entities import Metric, Param, RunTag, ViewType  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

import interop_helpers as H  # noqa: E402

MLRS_BIN = os.environ.get("MLRS_BIN", "")
BIN = Path(sys.executable).parent
PEER_VERSION = "1.2.1"
PEER_TIMEOUT = 600
SQL_MAX = 1.7976931348623157e308  # a SQL-backed server stores ±inf as ±max double


def _skip_reason():
    if mlflow.__version__ != "3.17.2":
        return "export/import interop runs under MLflow 3.17.2 only (this is %s)" % mlflow.__version__
    try:
        from importlib.metadata import version
        got = version("databricks-mlflow-export-import")
    except Exception:
        return ("mlflow-export-import is not installed "
                "(pip install databricks-mlflow-export-import==%s)" % PEER_VERSION)
    if got != PEER_VERSION:
        return "mlflow-export-import %s installed, %s expected" % (got, PEER_VERSION)
    if not (BIN / "import-experiment").exists():
        return "the peer's import-experiment is not in %s" % BIN
    return None


pytestmark = pytest.mark.skipif(_skip_reason() is not None, reason=str(_skip_reason()))

T0 = 1700000000000
HISTORY = [1.5, float("nan"), float("inf"), float("-inf"), 1e-07, -0.0, 0.25]


# ---- helpers ----------------------------------------------------------------------------------

def clean_env(**extra):
    env = dict(os.environ)
    for var in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI", "MLFLOW_EXPERIMENT_ID",
                "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID"):
        env.pop(var, None)
    env.update(NO_COLOR="1", MLFLOW_ALLOW_FILE_STORE="true", **extra)
    return env


def mlrs(store, *args, rc=0):
    proc = subprocess.run([MLRS_BIN, "--tracking-uri", str(store), *args], capture_output=True,
                          text=True, env=clean_env(), timeout=PEER_TIMEOUT)
    if rc is not None:
        assert proc.returncode == rc, (args, proc.returncode, proc.stdout, proc.stderr)
    return proc


def mlrs_json(store, *args):
    return json.loads(mlrs(store, *args, "-o", "json").stdout)


def peer(cmd, tracking_uri, *args):
    proc = subprocess.run([str(BIN / cmd), *args], capture_output=True, text=True,
                          env=clean_env(MLFLOW_TRACKING_URI=tracking_uri,
                                        MLFLOW_REGISTRY_URI=tracking_uri),
                          timeout=PEER_TIMEOUT)
    assert proc.returncode == 0, (cmd, args, proc.stdout[-3000:], proc.stderr[-3000:])
    return proc


def same_float(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


def same_over_sql(sent, got):
    """A value as a SQL-backed server returns it: ±inf comes back as ±max double."""
    if math.isinf(sent):
        return got == math.copysign(SQL_MAX, sent) or got == sent
    return same_float(sent, got)


def distinct(points):
    """A SQL backend keeps one row per (key, timestamp, step, value): repeats collapse."""
    seen, out = set(), []
    for p in points:
        k = ("nan" if math.isnan(p[0]) else p[0],) + tuple(p[1:])
        if k not in seen:
            seen.add(k)
            out.append(p)
    return out


def history(client, run_id, key):
    return [(m.value, m.timestamp, m.step) for m in client.get_metric_history(run_id, key)]


def same_history(a, b, same=same_float):
    return len(a) == len(b) and all(
        same(x[0], y[0]) and x[1:] == y[1:] for x, y in zip(a, b))


def artifact_files(client, run_id, dst):
    root = Path(mlflow.artifacts.download_artifacts(
        run_id=run_id, dst_path=str(dst), tracking_uri=client._tracking_client.tracking_uri))
    return {str(p.relative_to(root)): p for p in sorted(root.rglob("*")) if p.is_file()}


def write_experiment(client, name, tmp_path, with_deleted=True):
    """MLflow writes an experiment with the interesting cases; returns its id."""
    exp_id = client.create_experiment(
        name, tags={"team": "ml", "mlflow.note.content": "multi\nline é"})
    parent = client.create_run(exp_id, start_time=T0, run_name="parent",
                               tags={"mlflow.user": "alice"})
    pid = parent.info.run_id
    client.log_batch(pid, params=[Param("lr", "0.01"), Param("nested/p", "x"),
                                  Param("multi", "a\nb")],
                     tags=[RunTag("custom", "v"), RunTag("nested/tag", "t")],
                     metrics=[Metric("loss", v, T0 + i, i) for i, v in enumerate(HISTORY)]
                     + [Metric("acc", 0.5, T0 + 10, -1), Metric("acc", 0.5, T0 + 10, -1)])
    art = tmp_path / ("art-" + pid)
    (art / "model" / "data").mkdir(parents=True)
    (art / "notes.txt").write_text("hello\n")
    (art / "model" / "MLmodel").write_text("artifact_path: model\nflavors: {}\n")
    (art / "model" / "data" / "w.bin").write_bytes(bytes(range(256)))
    client.log_artifacts(pid, str(art))
    client.set_terminated(pid, "FINISHED", end_time=T0 + 5000)
    child = client.create_run(exp_id, start_time=T0 + 100, run_name="child",
                              tags={"mlflow.parentRunId": pid})
    client.log_metric(child.info.run_id, "loss", 0.9, timestamp=T0 + 101, step=3)
    client.set_terminated(child.info.run_id, "FAILED", end_time=T0 + 200)
    killed = client.create_run(exp_id, start_time=T0 + 300, run_name="killed")
    client.set_terminated(killed.info.run_id, "KILLED", end_time=T0 + 400)
    if with_deleted:
        gone = client.create_run(exp_id, start_time=T0 + 500, run_name="deleted")
        client.log_param(gone.info.run_id, "p", "gone")
        client.set_terminated(gone.info.run_id, "FINISHED", end_time=T0 + 600)
        client.delete_run(gone.info.run_id)
    return exp_id


def assert_same_runs_exactly(a, b, exp_a, exp_b, tmp_path):
    runs_a = {r.info.run_id: r for r in a.search_runs([exp_a], run_view_type=ViewType.ALL)}
    runs_b = {r.info.run_id: r for r in b.search_runs([exp_b], run_view_type=ViewType.ALL)}
    assert set(runs_a) == set(runs_b) and runs_a
    for rid, ra in runs_a.items():
        rb = runs_b[rid]
        for f in ("run_name", "user_id", "status", "start_time", "end_time", "lifecycle_stage"):
            assert getattr(ra.info, f) == getattr(rb.info, f), (rid, f)
        assert ra.data.params == rb.data.params, rid
        assert ra.data.tags == rb.data.tags, rid
        assert set(ra.data.metrics) == set(rb.data.metrics), rid
        for key in ra.data.metrics:
            assert same_history(history(a, rid, key), history(b, rid, key)), (rid, key)
        assert ([d.dataset.digest for d in ra.inputs.dataset_inputs]
                == [d.dataset.digest for d in rb.inputs.dataset_inputs]), rid
        if ra.info.lifecycle_stage == "active":
            fa = artifact_files(a, rid, tmp_path / "dl-a" / rid)
            fb = artifact_files(b, rid, tmp_path / "dl-b" / rid)
            assert set(fa) == set(fb), rid
            for name in fa:
                assert filecmp.cmp(fa[name], fb[name], shallow=False), (rid, name)


# ---- fixtures ---------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def scratch_cwd(tmp_path, monkeypatch):
    if not MLRS_BIN or not os.access(MLRS_BIN, os.X_OK):
        pytest.fail("MLRS_BIN must name the built mlrs binary")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)  # MLflow 3 may create mlflow.db in the working directory
    for var in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A `mlflow server` with a SQLite backend on 127.0.0.1, stopped at the end."""
    if _skip_reason() is not None:
        pytest.skip(_skip_reason())
    base = tmp_path_factory.mktemp("server")
    with H.mlflow_server("sqlite:///%s" % (base / "mlflow.db"), base,
                         default_artifact_root=base / "artifacts", env=clean_env()) as url:
        yield url


# ---- (a) mlrs export -> the peer's import-experiment -> a tracking server -----------------------

def test_mlrs_export_is_imported_by_the_peer_into_a_tracking_server(tmp_path, server):
    src = (tmp_path / "src").resolve()
    src_client = MlflowClient(src.as_uri(), src.as_uri())
    exp_id = write_experiment(src_client, "to-server", tmp_path)
    out = tmp_path / "export"
    summary = mlrs_json(src, "experiments", "export", "-x", exp_id, "--output-dir", str(out))
    assert summary["failed"] == 0 and summary["runs"] == 3  # the deleted run is left out

    peer("import-experiment", server, "--experiment-name", "imported-from-mlrs",
         "--input-dir", str(out))

    dst = MlflowClient(server)
    exp = dst.get_experiment_by_name("imported-from-mlrs")
    assert exp.tags["team"] == "ml" and exp.tags["mlflow.note.content"] == "multi\nline é"
    src_runs = {r.info.run_name: r for r in src_client.search_runs([exp_id])}
    dst_runs = {r.info.run_name: r for r in dst.search_runs([exp.experiment_id])}
    assert set(src_runs) == set(dst_runs) == {"parent", "child", "killed"}
    id_map = {src_runs[n].info.run_id: dst_runs[n].info.run_id for n in src_runs}
    for name, s in src_runs.items():
        d = dst_runs[name]
        assert d.data.params == s.data.params, name
        assert d.info.status == s.info.status, name
        # The peer sets mlflow.user to the importing user and remaps parent links.
        for key, value in s.data.tags.items():
            if key == "mlflow.user":
                continue
            if key == "mlflow.parentRunId":
                assert d.data.tags[key] == id_map[value], name
            else:
                assert d.data.tags[key] == value, (name, key)
        assert set(d.data.metrics) == set(s.data.metrics), name
        for key in s.data.metrics:
            sent = distinct(history(src_client, s.info.run_id, key))
            got = history(dst, d.info.run_id, key)
            assert same_history(sent, got, same_over_sql), (name, key, sent, got)
    files = artifact_files(dst, dst_runs["parent"].info.run_id, tmp_path / "dl")
    assert set(files) == {"notes.txt", "model/MLmodel", "model/data/w.bin"}
    assert files["model/data/w.bin"].read_bytes() == bytes(range(256))


# ---- (b) the peer's export-experiment -> mlrs import ---------------------------------------------

def test_the_peers_export_is_imported_by_mlrs_with_every_field(tmp_path):
    src = (tmp_path / "src").resolve()
    src_client = MlflowClient(src.as_uri(), src.as_uri())
    exp_id = write_experiment(src_client, "from-peer", tmp_path)
    run = src_client.search_runs([exp_id], filter_string="attributes.run_name = 'parent'")[0]
    import pandas as pd
    ds = mlflow.data.from_pandas(pd.DataFrame({"a": [1, 2]}), source="/data/x.csv", name="train")
    src_client.log_inputs(run.info.run_id, datasets=[mlflow.entities.DatasetInput(
        ds._to_mlflow_entity(), tags=[mlflow.entities.InputTag("mlflow.data.context", "training")])])
    out = tmp_path / "peer-export"
    peer("export-experiment", src.as_uri(), "--experiment", exp_id, "--export-deleted-runs", "true",
         "--output-dir", str(out))
    text = (out / "runs" / run.info.run_id / "run.json").read_text()
    assert "NaN" in text and "-Infinity" in text  # the peer's bare tokens

    dst = (tmp_path / "dst").resolve()
    summary = mlrs_json(dst, "experiments", "import", "--input-dir", str(out))
    assert summary["failed"] == 0 and summary["runs"] == 4, summary
    assert summary["experiment_id"] == exp_id
    dst_client = MlflowClient(dst.as_uri(), dst.as_uri())
    e_src, e_dst = src_client.get_experiment(exp_id), dst_client.get_experiment(exp_id)
    assert (e_src.name, e_src.tags, e_src.creation_time) == (e_dst.name, e_dst.tags, e_dst.creation_time)
    assert_same_runs_exactly(src_client, dst_client, exp_id, exp_id, tmp_path)

    again = mlrs_json(dst, "experiments", "import", "--input-dir", str(out))
    assert again["skipped"] == 4 and again["runs"] == 0 and again["failed"] == 0


# ---- (c) MLflow store -> mlrs export -> mlrs import -> MLflow reads the same --------------------

def test_round_trip_through_mlrs_is_read_by_mlflow_unchanged(tmp_path):
    src = (tmp_path / "src").resolve()
    a = MlflowClient(src.as_uri(), src.as_uri())
    exp_id = write_experiment(a, "round-trip", tmp_path)
    run_id = a.search_runs([exp_id], filter_string="attributes.run_name = 'parent'")[0].info.run_id
    name = "rt-model"
    a.create_registered_model(name, tags={"team": "ml"}, description="model\ndesc")
    v1 = a.create_model_version(name, "runs:/%s/model" % run_id, run_id, tags={"k": "v"},
                                description="first")
    v2 = a.create_model_version(name, "runs:/%s/model" % run_id, run_id)
    v3 = a.create_model_version(name, "runs:/%s/model" % run_id, run_id)
    a.transition_model_version_stage(name, v1.version, "Archived")
    a.transition_model_version_stage(name, v2.version, "Production")
    a.set_registered_model_alias(name, "champion", v2.version)
    a.delete_model_version(name, v3.version)

    mlrs(src, "experiments", "export", "-x", exp_id, "--output-dir", str(tmp_path / "e"),
         "--include-deleted")
    mlrs(src, "models", "export", name, "--output-dir", str(tmp_path / "m"), "--include-runs")
    dst = (tmp_path / "dst").resolve()
    mlrs(dst, "experiments", "import", "--input-dir", str(tmp_path / "e"))
    mlrs(dst, "models", "import", "--input-dir", str(tmp_path / "m"), "--include-runs")

    b = MlflowClient(dst.as_uri(), dst.as_uri())
    ea, eb = a.get_experiment(exp_id), b.get_experiment(exp_id)
    for f in ("name", "tags", "creation_time", "last_update_time", "lifecycle_stage"):
        assert getattr(ea, f) == getattr(eb, f), f
    assert_same_runs_exactly(a, b, exp_id, exp_id, tmp_path)

    ma, mb = a.get_registered_model(name), b.get_registered_model(name)
    for f in ("name", "description", "tags", "aliases", "creation_timestamp"):
        assert getattr(ma, f) == getattr(mb, f), f
    va = {int(v.version): v for v in a.search_model_versions("name = '%s'" % name)}
    vb = {int(v.version): v for v in b.search_model_versions("name = '%s'" % name)}
    assert set(va) == set(vb) == {1, 2}  # the deleted version 3 is not carried over
    for n in va:
        x, y = a.get_model_version(name, n), b.get_model_version(name, n)
        for f in ("current_stage", "description", "tags", "aliases", "source", "run_id",
                  "creation_timestamp", "last_updated_timestamp", "status"):
            assert getattr(x, f) == getattr(y, f), (n, f)
    assert str(b.get_model_version_by_alias(name, "champion").version) == "2"
    # A new version continues after the highest imported number, as MLflow numbers them.
    assert str(b.create_model_version(name, "runs:/%s/model" % run_id, run_id).version) == "3"


# ---- (d) mlrs models export -> the peer's import-model -> a tracking server ---------------------

def test_mlrs_model_export_is_imported_by_the_peer_into_a_tracking_server(tmp_path, server):
    src = (tmp_path / "src").resolve()
    a = MlflowClient(src.as_uri(), src.as_uri())
    exp_id = write_experiment(a, "model-runs", tmp_path, with_deleted=False)
    run_id = a.search_runs([exp_id], filter_string="attributes.run_name = 'parent'")[0].info.run_id
    name = "model-to-server"
    a.create_registered_model(name, tags={"team": "ml"}, description="to the server")
    v1 = a.create_model_version(name, "runs:/%s/model" % run_id, run_id, tags={"k": "v"},
                                description="first")
    a.create_model_version(name, "runs:/%s/model" % run_id, run_id)
    a.transition_model_version_stage(name, v1.version, "Production")
    a.set_registered_model_alias(name, "champion", v1.version)
    out = tmp_path / "model-export"
    summary = mlrs_json(src, "models", "export", name, "--output-dir", str(out), "--include-runs")
    assert summary["versions"] == 2 and summary["runs"] == 1 and summary["failed"] == 0

    peer("import-model", server, "--model", name, "--experiment-name", "model-runs-imported",
         "--input-dir", str(out))

    b = MlflowClient(server, server)
    model = b.get_registered_model(name)
    assert model.description == "to the server" and model.tags == {"team": "ml"}
    assert model.aliases == {"champion": "1"}
    versions = {int(v.version): v for v in b.search_model_versions("name = '%s'" % name)}
    assert set(versions) == {1, 2}
    first = b.get_model_version(name, "1")
    assert (first.current_stage, first.description, first.tags) == ("Production", "first", {"k": "v"})
    assert b.get_model_version(name, "2").current_stage == "None"
    run = b.get_run(first.run_id)
    assert run.data.params == a.get_run(run_id).data.params
