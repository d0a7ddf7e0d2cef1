"""Export/import bundles on SQLite stores, checked against MLflow 3.17.2 on the same database.

(a) MLflow writes a file store (experiment, nested and deleted runs, hostile params and tags,
    metric histories with NaN, ±inf, -0.0, exact duplicates and points out of step order, a
    dataset input, artifacts, a registered model with versions, stages, aliases and tags);
    ``mlrs experiments export`` / ``models export --include-runs`` write bundles;
    ``mlrs experiments import`` / ``models import`` put them into a new ``sqlite:///`` database;
    ``MlflowClient(tracking_uri=sqlite:///…)`` reads every field back, as MLflow's SQL store
    keeps it, and keeps writing into the database (ids and version numbers continue).
(b) MLflow writes a SQLite database; ``mlrs … export`` from it writes what MlflowClient reads:
    every run document, every metric point in MLflow's order, the artifacts' bytes, the model.

What MLflow's SQL schema keeps differently from a file store (asserted here, documented in the
README): a history comes back ordered by timestamp, step, value, with exact duplicate points
stored once (the metrics primary key is key, timestamp, step, run, value, is_nan); ±inf is
stored as ±1.797e308; -0.0 reads back as 0.0; a point has no dataset fields and a model version
no logged-model id.
"""
import json
import math
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from mlflow.entities import (Dataset, DatasetInput, InputTag, Metric, Param, RunTag,
                             ViewType)
from mlflow.tracking import MlflowClient

import interop_helpers as H
from interop_helpers import HOSTILE_VALUES, assert_stores_agree

pytestmark = pytest.mark.skipif(
    (H.MLFLOW_MAJOR, H.MLFLOW_MINOR) < (3, 17),
    reason="mlrs writes MLflow 3.17's schema revision")

T0 = 1700000000000
SQL_MAX = 1.7976931348623157e308
# (value, timestamp offset, step): NaN, ±inf, -0.0, an exact duplicate, a point logged after a
# later step (out of order).
HISTORY = [(1.5, 0, 0), (math.nan, 1, 1), (math.inf, 2, 2), (-math.inf, 3, 3), (1e-07, 4, 4),
           (-0.0, 5, 5), (1e-07, 4, 4), (0.25, 6, 1), (2.0, 7, 6)]


@dataclass
class Sql:
    db: Path
    work: Path

    @property
    def uri(self):
        return "sqlite:///" + str(self.db)


def clean_env():
    env = dict(os.environ)
    for var in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI", "MLFLOW_EXPERIMENT_ID",
                "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID"):
        env.pop(var, None)
    env["NO_COLOR"] = "1"
    return env


def mlrs(uri, *args, cwd, rc=0):
    proc = subprocess.run([H.MLRS_BIN, "--tracking-uri", str(uri), *[str(a) for a in args]],
                          capture_output=True, text=True, cwd=str(cwd), timeout=300,
                          env=clean_env())
    if rc is not None:
        assert proc.returncode == rc, (args, proc.returncode, proc.stdout, proc.stderr)
    return proc


def mlrs_json(uri, *args, cwd):
    return json.loads(mlrs(uri, *args, "-o", "json", cwd=cwd).stdout)


def stored(value):
    """A metric value as MLflow's SQL store gives it back."""
    if math.isinf(value):
        return math.copysign(SQL_MAX, value)
    if value == 0.0:
        return 0.0  # -0.0 too
    return value


def sql_history(points):
    """(value, timestamp, step) as MLflow's SQL store returns them: one row per distinct point,
    ordered by timestamp, step, stored value (NaN is stored as 0 with is_nan set)."""
    rows = {}
    for value, ts, step in points:
        nan = math.isnan(value)
        v = 0.0 if nan else stored(value)
        rows[(ts, step, v, nan)] = math.nan if nan else v
    return [(rows[k], k[0], k[1]) for k in sorted(rows)]


def history(client, run_id, key):
    return [(m.value, m.timestamp, m.step) for m in client.get_metric_history(run_id, key)]


def same_points(a, b):
    """Equal lists of (value, timestamp, step); NaN equals NaN, the sign of zero counts."""
    return len(a) == len(b) and all(
        H.same_float(x[0], y[0]) and x[1:] == y[1:] for x, y in zip(a, b))


def artifact_files(client, run_id, dst):
    """{relative path: bytes} of every artifact file of a run, downloaded by MLflow."""
    out = {}
    for level, infos in H.list_artifacts_recursive(client, run_id).items():
        for f in infos:
            if not f["is_dir"]:
                path = H.mlflow_download(client, run_id, f["path"], dst / run_id)
                out[f["path"]] = path.read_bytes()
    return out


def bundle_files(run_dir):
    art = run_dir / "artifacts"
    return {str(p.relative_to(art)): p.read_bytes() for p in art.rglob("*") if p.is_file()} \
        if art.exists() else {}


def write_store(client, tmp_path, name, model_source):
    """Experiment, runs and a registered model through MlflowClient; returns (exp id, runs by
    name, model name)."""
    src = tmp_path / "files"
    (src / "model" / "data").mkdir(parents=True)
    (src / "notes.txt").write_text("notes ✓\n")
    (src / "model" / "MLmodel").write_text("flavors: {}\n")
    (src / "model" / "data" / "w.bin").write_bytes(bytes(range(256)))
    exp = client.create_experiment(name, tags={"team": "ml", "12:30": HOSTILE_VALUES[0]})
    runs = {}
    parent = client.create_run(exp, run_name="parent", start_time=T0,
                               tags={"t": "multi\nline"}).info.run_id
    runs["parent"] = parent
    client.log_batch(parent, metrics=[Metric("h", v, T0 + dt, step) for v, dt, step in HISTORY],
                     params=[Param("p%d" % i, v) for i, v in enumerate(HOSTILE_VALUES[:20])],
                     tags=[RunTag("k%d" % i, v) for i, v in enumerate(HOSTILE_VALUES[20:40])])
    client.log_metric(parent, "h", 1.5, T0, 0)  # the first point again: an exact duplicate
    client.log_metric(parent, "only_nan", math.nan, T0, 0)
    client.log_inputs(parent, datasets=[DatasetInput(
        Dataset(name="train", digest="abc123", source_type="local", source="/data/x.csv"),
        tags=[InputTag("mlflow.data.context", "training")])])
    client.log_artifact(parent, str(src / "notes.txt"))
    client.log_artifacts(parent, str(src / "model"), "model")
    client.set_terminated(parent, "FINISHED", end_time=T0 + 1000)
    child = client.create_run(exp, run_name="child", start_time=T0 + 1,
                              tags={"mlflow.parentRunId": parent}).info.run_id
    runs["child"] = child
    client.log_metric(child, "loss", 0.5, T0 + 2, 3)
    client.log_param(child, "lr", "0.01")
    client.set_terminated(child, "FAILED", end_time=T0 + 50)
    gone = client.create_run(exp, run_name="gone", start_time=T0 + 2).info.run_id
    runs["gone"] = gone
    client.log_metric(gone, "x", -1.0, T0, 0)
    client.delete_run(gone)
    model = "sql-model"
    client.create_registered_model(model, tags={"owner": "team ✓"}, description="model\ndesc")
    source = model_source(parent)
    v1 = client.create_model_version(model, source, parent, tags={"k": "v"}, description="first")
    v2 = client.create_model_version(model, source, parent, tags={"yes": "no", "é": "multi\nline"})
    client.create_model_version(model, source, parent)
    client.transition_model_version_stage(model, v1.version, "Archived")
    client.transition_model_version_stage(model, v2.version, "Production")
    client.set_registered_model_alias(model, "champion", v2.version)
    client.set_registered_model_alias(model, "old", v1.version)
    client.set_model_version_tag(model, v1.version, "approved", "2024-01-01")
    return exp, runs, model


def version_fields(v):
    return {f: getattr(v, f) for f in ("version", "current_stage", "description", "tags",
                                       "aliases", "source", "run_id", "status", "user_id",
                                       "creation_timestamp", "last_updated_timestamp")}


# ---- (a) a bundle mlrs imports into SQLite, read by MlflowClient ------------------------------

def test_a_bundle_mlrs_imports_into_sqlite_reads_back_in_mlflow_field_for_field(tmp_path, monkeypatch):
    root = (tmp_path / "mlruns-src").resolve()
    a = MlflowClient(root.as_uri(), root.as_uri())
    exp, runs, model = write_store(a, tmp_path, "to-sqlite ✓", lambda r: "runs:/%s/model" % r)
    work = (tmp_path / "cwd").resolve()
    work.mkdir()
    sql = Sql(db=(tmp_path / "mlflow.db").resolve(), work=work)
    e = mlrs_json(root, "experiments", "export", "-x", exp, "--output-dir", tmp_path / "e",
                  "--include-deleted", cwd=work)
    m = mlrs_json(root, "models", "export", model, "--output-dir", tmp_path / "m",
                  "--include-runs", cwd=work)
    assert e["runs"] == 3 and e["failed"] == 0 and m["versions"] == 3, (e, m)
    imported = mlrs_json(sql.uri, "experiments", "import", "--input-dir", tmp_path / "e", cwd=work)
    assert imported["runs"] == 3 and imported["failed"] == 0, imported
    assert imported["experiment_id"] == exp
    got = mlrs_json(sql.uri, "models", "import", "--input-dir", tmp_path / "m", "--include-runs",
                    cwd=work)
    assert got["versions"] == 3 and got["skipped"] == 1 and got["failed"] == 0, got

    monkeypatch.chdir(work)
    b = MlflowClient(tracking_uri=sql.uri, registry_uri=sql.uri)
    ea, eb = H.experiment_dict(a.get_experiment(exp)), H.experiment_dict(b.get_experiment(exp))
    assert eb.pop("artifact_location") == str(work / "mlruns" / exp)
    ea.pop("artifact_location")
    assert ea == eb
    for view in (ViewType.ACTIVE_ONLY, ViewType.DELETED_ONLY, ViewType.ALL):
        assert [r.info.run_id for r in H.search_all_runs(a, [exp], view)] == \
            [r.info.run_id for r in H.search_all_runs(b, [exp], view)]
    for name, run_id in runs.items():
        ra, rb = a.get_run(run_id), b.get_run(run_id)
        ia, ib = H.run_dict(ra)["info"], H.run_dict(rb)["info"]
        assert ib.pop("artifact_uri") == str(work / "mlruns" / exp / run_id / "artifacts")
        ia.pop("artifact_uri")
        assert ia == ib, name
        assert ra.data.params == rb.data.params and ra.data.tags == rb.data.tags, name
        assert {k: H.jsonable(stored(v)) for k, v in ra.data.metrics.items()} == \
            {k: H.jsonable(v) for k, v in rb.data.metrics.items()}, name
        for key in ra.data.metrics:
            want = sql_history(history(a, run_id, key))
            assert same_points(history(b, run_id, key), want), (name, key)
        ds = lambda r: [(d.dataset.name, d.dataset.digest, d.dataset.source_type,
                         d.dataset.source, {t.key: t.value for t in d.tags})
                        for d in r.inputs.dataset_inputs]
        assert ds(ra) == ds(rb), name
        if name != "gone":
            assert artifact_files(a, run_id, tmp_path / "dl-a") == \
                artifact_files(b, run_id, tmp_path / "dl-b"), name
    parent = runs["parent"]
    h = history(b, parent, "h")
    # What the schema keeps: sorted, the duplicate once, ±inf clamped, -0.0 as 0.0.
    assert len(h) == len({(v if v == v else "nan", t, s) for v, t, s in history(a, parent, "h")})
    assert [p[1:] for p in h] == sorted(p[1:] for p in h)  # by timestamp, then step
    assert SQL_MAX in [p[0] for p in h] and -SQL_MAX in [p[0] for p in h]
    zero = [p[0] for p in h if p[2] == 5]
    assert zero == [0.0] and math.copysign(1.0, zero[0]) == 1.0
    assert math.isnan(b.get_run(parent).data.metrics["only_nan"])
    assert len(b.get_run(parent).data.params) == 20
    # The registry: every field MLflow reads.
    ma, mb = a.get_registered_model(model), b.get_registered_model(model)
    for f in ("name", "description", "tags", "creation_timestamp", "last_updated_timestamp"):
        assert getattr(ma, f) == getattr(mb, f), f
    # MLflow itself gives alias versions as text on a file store and as numbers on SQL.
    assert mb.aliases == {"champion": 2, "old": 1}
    assert {k: str(v) for k, v in ma.aliases.items()} == {k: str(v) for k, v in mb.aliases.items()}
    # (get_model_version: MLflow's SQL search_model_versions leaves every version's aliases empty)
    numbers = sorted(int(v.version) for v in a.search_model_versions("name = '%s'" % model))
    assert numbers == sorted(int(v.version) for v in b.search_model_versions("name = '%s'" % model))
    va = [version_fields(a.get_model_version(model, n)) for n in numbers]
    vb = [version_fields(b.get_model_version(model, n)) for n in numbers]
    assert va == vb
    assert [v["aliases"] for v in vb] == [["old"], ["champion"], []]
    assert {v["current_stage"] for v in vb} == {"Archived", "Production", "None"}
    assert str(b.get_model_version_by_alias(model, "champion").version) == "2"
    assert [str(v.version) for v in b.get_latest_versions(model, ["Production"])] == ["2"]
    # mlrs's read commands and MlflowClient agree on the whole database.
    assert_stores_agree(H.Mlrs(sql), b)
    # MLflow keeps writing into it: numbering continues after the imported objects.
    assert str(b.create_model_version(model, "runs:/%s/model" % parent, parent).version) == "4"
    b.log_metric(runs["child"], "loss", 0.25, T0 + 3, 4)
    assert [p[2] for p in history(b, runs["child"], "loss")] == [3, 4]
    assert int(b.create_experiment("after import")) == int(exp) + 1


# ---- (b) mlrs exports a database MLflow wrote --------------------------------------------------

def test_mlrs_exports_a_database_mlflow_wrote_as_mlflow_reads_it(tmp_path, monkeypatch):
    work = (tmp_path / "cwd").resolve()
    work.mkdir()
    sql = Sql(db=(tmp_path / "mlflow.db").resolve(), work=work)
    monkeypatch.chdir(work)
    c = MlflowClient(tracking_uri=sql.uri, registry_uri=sql.uri)
    exp, runs, model = write_store(
        c, tmp_path, "from-sqlite ✓",
        lambda r: c.get_run(r).info.artifact_uri + "/model")
    summary = mlrs_json(sql.uri, "experiments", "export", "-x", exp, "--output-dir",
                        tmp_path / "e", "--include-deleted", cwd=work)
    assert summary["runs"] == 3 and summary["failed"] == 0, summary
    assert summary["metrics"] == sum(
        len(c.get_metric_history(r, k)) for r in runs.values() for k in c.get_run(r).data.metrics)
    doc = json.loads((tmp_path / "e" / "experiment.json").read_text())["mlflow"]
    mine = {k: doc["experiment"][k] for k in ("experiment_id", "name", "artifact_location",
                                              "lifecycle_stage", "tags", "creation_time",
                                              "last_update_time")}
    assert mine == H.experiment_dict(c.get_experiment(exp))
    assert sorted(doc["runs"]) == sorted(runs.values())
    for name, run_id in runs.items():
        run_dir = tmp_path / "e" / "runs" / run_id
        d = json.loads((run_dir / "run.json").read_text())["mlflow"]
        theirs = H.run_dict(c.get_run(run_id))
        info = {k: d["info"][k] for k in theirs["info"] if k != "run_uuid"}
        assert info == {k: v for k, v in theirs["info"].items() if k != "run_uuid"}, name
        r = c.get_run(run_id)
        assert d["params"] == r.data.params and d["tags"] == r.data.tags, name
        assert set(d["metrics"]) == set(r.data.metrics), name
        for key, points in d["metrics"].items():
            got = [(p["value"], p["timestamp"], p["step"]) for p in points]
            assert same_points(got, history(c, run_id, key)), (name, key)
        ds = [(x["dataset"]["name"], x["dataset"]["digest"], x["dataset"]["source"],
               {t["key"]: t["value"] for t in x["tags"]}) for x in d["inputs"]["dataset_inputs"]]
        assert ds == [(i.dataset.name, i.dataset.digest, i.dataset.source,
                       {t.key: t.value for t in i.tags}) for i in r.inputs.dataset_inputs], name
        assert bundle_files(run_dir) == artifact_files(c, run_id, tmp_path / "dl"), name
    h = [tuple(p[f] for f in ("value", "timestamp", "step"))
         for p in json.loads((tmp_path / "e" / "runs" / runs["parent"] / "run.json").read_text())
         ["mlflow"]["metrics"]["h"]]
    # The history MLflow's SQL store kept: as mlflow wrote it, the schema's way.
    sent = [(v, T0 + dt, step) for v, dt, step in HISTORY] + [(1.5, T0, 0)]
    assert same_points(h, sql_history(sent))
    # The registry.
    m = mlrs_json(sql.uri, "models", "export", model, "--output-dir", tmp_path / "m",
                  "--include-runs", cwd=work)
    assert m["versions"] == 3 and m["runs"] == 1 and m["failed"] == 0, m
    rm = json.loads((tmp_path / "m" / "model.json").read_text())["mlflow"]["registered_model"]
    theirs = c.get_registered_model(model)
    assert (rm["name"], rm["description"], rm["creation_timestamp"],
            rm["last_updated_timestamp"]) == (theirs.name, theirs.description,
                                              theirs.creation_timestamp,
                                              theirs.last_updated_timestamp)
    assert {t["key"]: t["value"] for t in rm["tags"]} == theirs.tags
    assert {a["alias"]: a["version"] for a in rm["aliases"]} == \
        {k: str(v) for k, v in theirs.aliases.items()}
    for v in rm["versions"]:
        mv = c.get_model_version(model, v["version"])
        mine = {f: v[f] for f in ("version", "current_stage", "description", "tags", "aliases",
                                  "source", "run_id", "status", "user_id", "creation_timestamp",
                                  "last_updated_timestamp")}
        assert mine == {**version_fields(mv), "version": str(mv.version),
                        "aliases": list(mv.aliases)}, v["version"]
        assert v["model_id"] is None  # MLflow's SQL schema has no column for it
    assert bundle_files(tmp_path / "m" / runs["parent"]) == \
        artifact_files(c, runs["parent"], tmp_path / "dl2")
    # The bundle goes into a file store mlrs writes, which MLflow reads the same.
    dst = (tmp_path / "back").resolve()
    mlrs(dst, "experiments", "import", "--input-dir", tmp_path / "e", cwd=work)
    f = MlflowClient(dst.as_uri(), dst.as_uri())
    for name, run_id in runs.items():
        for key in c.get_run(run_id).data.metrics:
            assert same_points(history(f, run_id, key), history(c, run_id, key)), (name, key)
        assert f.get_run(run_id).data.tags == c.get_run(run_id).data.tags
