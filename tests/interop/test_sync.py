"""`mlrs sync` of a file store MLflow wrote into SQLite: MlflowClient reads the destination as it
reads the source, field for field (experiments, runs in every state, params, tags, every metric
point with its timestamp and step, artifacts, registered models, versions, stages, aliases,
tags), with the destination's own ids mapped through the `mlrs.sync.*` tags; a second sync sends
nothing; points logged afterwards are sent by the next one.
"""
import math
import os
import sys
from pathlib import Path

from mlflow.entities import Metric, Param, RunTag, ViewType
from mlflow.tracking import MlflowClient

import interop_helpers as H
from test_sqlite import T0, needs_head, open_client, sql, sql_mlrs  # noqa: F401 (fixtures)

SYNC = "mlrs.sync."


def value(v):
    """A metric value as both stores read it: NaN one value, ±inf the largest finite doubles (as
    MLflow's SQL store keeps them)."""
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return math.copysign(sys.float_info.max, v)
    return v


def points(client, run_id, key):
    """A metric's history as (timestamp, step, value), sorted (each store has its own order)."""
    return sorted((m.timestamp, m.step, str(value(m.value)))
                  for m in client.get_metric_history(run_id, key))


def own(tags):
    return {k: v for k, v in dict(tags).items() if not k.startswith(SYNC)}


def files(client, run_id):
    return {f["path"]: f["file_size"]
            for level in H.list_artifacts_recursive(client, run_id).values()
            for f in level if not f["is_dir"]}


def fill(fclient, tmp_path):
    exp = fclient.create_experiment("churn ✓", tags={"team": "ml", "12:30": "on"})
    r0 = fclient.create_run(exp, run_name="train", start_time=T0, tags={"stage": "dev"}).info.run_id
    fclient.log_batch(r0, metrics=[Metric("loss", 0.5, T0 + 1, 0), Metric("loss", float("nan"), T0 + 2, 1),
                                   Metric("loss", float("inf"), T0 + 3, 2),
                                   Metric("loss", float("-inf"), T0 + 3, 2),
                                   Metric("loss", 0.25, T0 - 5, 3), Metric("a/b", 2.5, T0 + 5, 7)],
                      params=[Param("lr", "0.01"), Param("名前", "日本語")],
                      tags=[RunTag("multi", "line\nvalue")])
    art = tmp_path / "art"
    (art / "model").mkdir(parents=True)
    (art / "plots" / "deep").mkdir(parents=True)
    (art / "model" / "MLmodel").write_text("flavors: {}\n")
    (art / "model" / "weights.bin").write_bytes(b"\x07" * 5000)
    (art / "plots" / "deep" / "curve.svg").write_text("<svg/>")
    (art / "notes.txt").write_text("hello ✓")
    fclient.log_artifacts(r0, str(art))
    fclient.set_terminated(r0, "FINISHED", end_time=T0 + 100)
    child = fclient.create_run(exp, start_time=T0 + 10, tags={"mlflow.parentRunId": r0}).info.run_id
    fclient.log_metric(child, "acc", 0.9, T0 + 11, 0)
    fclient.set_terminated(child, "FAILED", end_time=T0 + 20)
    deleted = fclient.create_run(exp, start_time=T0 + 30).info.run_id
    fclient.log_param(deleted, "p", "x")
    fclient.delete_run(deleted)
    running = fclient.create_run(exp, start_time=T0 + 40).info.run_id
    fclient.log_metric(running, "loss", 1.5, T0 + 41, 0)
    gone = fclient.create_experiment("gone")
    gone_run = fclient.create_run(gone, start_time=T0 + 50).info.run_id
    fclient.log_metric(gone_run, "m", 1.0, T0 + 51, 0)
    fclient.delete_experiment(gone)

    source = fclient.get_run(r0).info.artifact_uri + "/model"
    fclient.create_registered_model("fraud", tags={"owner": "bob"}, description="the fraud model")
    fclient.create_model_version("fraud", source, run_id=r0, tags={"k": "v"}, description="first")
    fclient.create_model_version("fraud", source, run_id=r0)
    fclient.transition_model_version_stage("fraud", "1", "Staging")
    fclient.transition_model_version_stage("fraud", "2", "Production")
    fclient.set_registered_model_alias("fraud", "champion", "2")
    fclient.set_model_version_tag("fraud", "2", "é ü", "multi\nline")
    # A version whose source is in no run: skipped by sync.
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "MLmodel").write_text("flavors: {}\n")
    fclient.create_registered_model("loose")
    fclient.create_model_version("loose", str(outside))
    return exp, gone, running


def mirror(sclient, exp_id, run_id):
    found = sclient.search_runs([exp_id], filter_string="tags.`mlrs.sync.source_run_id` = '%s'" % run_id,
                                run_view_type=ViewType.ALL)
    assert len(found) == 1, (run_id, found)
    return found[0]


def assert_mirrored(fclient, sclient, src_exps):
    by_name = {e.name: e for e in sclient.search_experiments(view_type=ViewType.ALL)}
    run_map = {}
    for exp_id in src_exps:
        a = fclient.get_experiment(exp_id)
        b = by_name[a.name]
        assert b.lifecycle_stage == a.lifecycle_stage, a.name
        assert own(b.tags) == own(a.tags), a.name
        assert b.tags[SYNC + "source_experiment_id"] == a.experiment_id
        src_runs = H.search_all_runs(fclient, [exp_id], ViewType.ALL)
        assert len(H.search_all_runs(sclient, [b.experiment_id], ViewType.ALL)) == len(src_runs)
        for r in src_runs:
            run_map[r.info.run_id] = mirror(sclient, b.experiment_id, r.info.run_id).info.run_id
    for exp_id in src_exps:
        for r in H.search_all_runs(fclient, [exp_id], ViewType.ALL):
            rid = r.info.run_id
            s = sclient.get_run(run_map[rid])
            assert s.info.run_id != rid
            for field in ("status", "start_time", "end_time", "run_name", "user_id", "lifecycle_stage"):
                assert getattr(s.info, field) == getattr(r.info, field), (rid, field)
            assert s.data.params == r.data.params, rid
            want = own(r.data.tags)
            if "mlflow.parentRunId" in want:
                want["mlflow.parentRunId"] = run_map[want["mlflow.parentRunId"]]
            assert own(s.data.tags) == want, rid
            assert {k: value(v) for k, v in s.data.metrics.items()} == \
                {k: value(v) for k, v in r.data.metrics.items()}, rid
            for key in r.data.metrics:
                assert points(sclient, s.info.run_id, key) == points(fclient, rid, key), (rid, key)
            assert files(sclient, s.info.run_id) == files(fclient, rid), rid
    return run_map


def assert_registry_mirrored(fclient, sclient, run_map, tmp_path):
    a, b = fclient.get_registered_model("fraud"), sclient.get_registered_model("fraud")
    assert (b.description, dict(b.tags)) == (a.description, dict(a.tags))
    va = sorted(fclient.search_model_versions("name='fraud'"), key=lambda v: int(v.version))
    vb = sorted(sclient.search_model_versions("name='fraud'"), key=lambda v: int(v.version))
    assert len(va) == len(vb) == 2
    numbers = {}
    for x, y in zip(va, vb):
        y = sclient.get_model_version("fraud", y.version)
        assert y.tags[SYNC + "source_version"] == str(x.version)
        for field in ("current_stage", "status"):
            assert getattr(y, field) == getattr(x, field), (x.version, field)
        # A tracking server answers "" for a version registered without one (see below).
        assert (y.description or None) == (x.description or None), x.version
        assert own(y.tags) == own(x.tags)
        assert y.run_id == run_map[x.run_id]
        numbers[str(x.version)] = str(y.version)
        # The version's model is the destination run's copy, byte for byte.
        uri = sclient.get_model_version_download_uri("fraud", y.version)
        assert run_map[x.run_id] in uri, uri
        # (MLflow 2.22 resolves mlflow-artifacts: URIs against the global tracking URI.)
        previous = H.mlflow.get_tracking_uri()
        H.mlflow.set_tracking_uri(sclient._tracking_client.tracking_uri)
        try:
            got = H.mlflow.artifacts.download_artifacts(
                artifact_uri=uri, dst_path=str(tmp_path / ("dl%s" % y.version)))
        finally:
            H.mlflow.set_tracking_uri(previous)
        assert sorted(p.name for p in Path(got).iterdir()) == ["MLmodel", "weights.bin"]
    assert {k: numbers[str(v)] for k, v in a.aliases.items()} == {k: str(v) for k, v in b.aliases.items()}
    assert str(sclient.get_model_version_by_alias("fraud", "champion").version) == \
        numbers[str(a.aliases["champion"])]
    assert sclient.search_model_versions("name='loose'") == []


@needs_head
def test_a_file_store_mlflow_wrote_syncs_into_sqlite_and_mlflow_reads_the_same(sql, sql_mlrs, open_client, tmp_path):
    root = (tmp_path / "mlruns").resolve()
    fclient = MlflowClient(tracking_uri=root.as_uri(), registry_uri=root.as_uri())
    exp, gone, running = fill(fclient, tmp_path)
    out = sql_mlrs("sync", "--from", root, "--to", sql.uri, "-o", "json")
    assert "version 1 of model 'loose' skipped" in out.stderr, out
    res = out.json()
    assert res["runs"]["created"] == 5 and res["model_versions"]["created"] == 2, res
    assert res["metric_points_sent"] == 9, res
    sclient = open_client()
    run_map = assert_mirrored(fclient, sclient, ["0", exp, gone])
    assert_registry_mirrored(fclient, sclient, run_map, tmp_path)

    # A second sync sends nothing and leaves the database as it was.
    before = sql.db.read_bytes()
    again = sql_mlrs("sync", "--from", root, "--to", sql.uri, "-o", "json").json()
    assert again["actions"] == [] and again["up_to_date"] is True, again
    assert sql.db.read_bytes() == before

    # What MLflow logs to the running run afterwards is sent by the next sync, and only that.
    fclient.log_batch(running, metrics=[Metric("loss", 2.5, T0 + 42, 1), Metric("loss", 3.5, T0 + 43, 2)],
                      params=[Param("late", "1")])
    fclient.set_terminated(running, "KILLED", end_time=T0 + 44)
    fclient.set_registered_model_alias("fraud", "champion", "1")
    res = sql_mlrs("sync", "--from", root, "--to", sql.uri, "-o", "json").json()
    assert res["metric_points_sent"] == 2 and res["params_sent"] == 1 and res["runs"]["updated"] == 1, res
    run_map = assert_mirrored(fclient, sclient, ["0", exp, gone])
    assert_registry_mirrored(fclient, sclient, run_map, tmp_path / "again")


class Identity(H.mlflow.pyfunc.PythonModel):
    def predict(self, context, model_input):
        return model_input


@needs_head
def test_a_version_of_an_mlflow_3_logged_model_is_skipped_with_a_warning(sql, sql_mlrs, open_client, tmp_path, monkeypatch):
    """MLflow 3 keeps a logged model outside its run's artifacts (`models:/m-…`); the store
    interface cannot create logged models, so sync skips its versions, saying so, and syncs the
    run (whose metric MLflow 3.17's file store wrote twice: the duplicate is not re-sent)."""
    mlflow = H.mlflow
    root = (tmp_path / "mlruns").resolve()
    monkeypatch.chdir(tmp_path)
    # An earlier test's `mlflow.set_experiment` leaves MLFLOW_EXPERIMENT_ID in the environment
    # (MLflow 3 exports it for child processes): this store has only Default.
    for var in ("MLFLOW_EXPERIMENT_ID", "MLFLOW_EXPERIMENT_NAME"):
        monkeypatch.delenv(var, raising=False)
    mlflow.set_tracking_uri(root.as_uri())
    mlflow.set_registry_uri(root.as_uri())
    try:
        with mlflow.start_run(experiment_id="0") as run:
            mlflow.log_metric("m", 1.0)
            info = mlflow.pyfunc.log_model(name="model", python_model=Identity(), pip_requirements=["mlflow"])
        mv = mlflow.register_model(info.model_uri, "lm")
    finally:
        mlflow.set_tracking_uri(None)
        mlflow.set_registry_uri(None)
    assert mv.source.startswith("models:/m-"), mv.source
    out = sql_mlrs("sync", "--from", root, "--to", sql.uri, "-o", "json")
    assert "version 1 of model 'lm' skipped" in out.stderr and "logged model" in out.stderr, out
    res = out.json()
    assert res["model_versions"]["skipped"] == 1 and res["runs"]["created"] == 1, res
    sclient = open_client()
    assert sclient.search_model_versions("name='lm'") == []
    s = mirror(sclient, "0", run.info.run_id)
    assert points(sclient, s.info.run_id, "m") == sorted(set(points(MlflowClient(root.as_uri()), run.info.run_id, "m")))
    again = sql_mlrs("sync", "--from", root, "--to", sql.uri, "-o", "json").json()
    assert again["actions"] == [], again


def server_env():
    env = dict(os.environ)
    for var in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI"):
        env.pop(var, None)
    return env


def test_a_file_store_is_pushed_to_a_tracking_server_and_pulled_back(tmp_path, monkeypatch):
    """File store → `mlflow server` (SQLite backend, artifacts proxied as `mlflow-artifacts:`, the
    server's default) → a new file store: MlflowClient reads each copy as it reads its source;
    a second sync each way sends nothing."""
    root = (tmp_path / "mlruns").resolve()
    fclient = MlflowClient(tracking_uri=root.as_uri(), registry_uri=root.as_uri())
    exp, gone, running = fill(fclient, tmp_path)
    base = tmp_path / "server"
    base.mkdir()
    work = tmp_path / "cwd"
    work.mkdir()
    mlrs = H.Mlrs(H.Store(root=root, work=work))
    with H.mlflow_server("sqlite:///%s" % (base / "mlflow.db"), base, env=server_env()) as url:
        # MLflow 2.22's client lists and downloads mlflow-artifacts: URIs through the global
        # tracking URI, whatever the client's own.
        monkeypatch.setenv("MLFLOW_TRACKING_URI", url)
        out = mlrs("sync", "--from", root, "--to", url, "-o", "json")
        assert "version 1 of model 'loose' skipped" in out.stderr, out
        res = out.json()
        assert res["runs"]["created"] == 5 and res["model_versions"]["created"] == 2, res
        sclient = MlflowClient(tracking_uri=url, registry_uri=url)
        assert sclient.get_run(sclient.search_runs(
            [sclient.get_experiment_by_name("churn ✓").experiment_id])[0].info.run_id
        ).info.artifact_uri.startswith("mlflow-artifacts:")
        run_map = assert_mirrored(fclient, sclient, ["0", exp, gone])
        assert_registry_mirrored(fclient, sclient, run_map, tmp_path / "dl")
        again = mlrs("sync", "--from", root, "--to", url, "-o", "json").json()
        assert again["actions"] == [], again
        # MLflow's own client gets the same "" from the server for a version it registers
        # without a description.
        sclient.create_registered_model("fraud-own")
        v1 = sclient.get_model_version("fraud", "1")
        sclient.create_model_version("fraud-own", v1.source, run_id=v1.run_id)
        assert sclient.get_model_version("fraud-own", "1").description == ""

        # New points on the running run reach the server on the next sync.
        fclient.log_batch(running, metrics=[Metric("loss", 2.5, T0 + 42, 1)])
        res = mlrs("sync", "--from", root, "--to", url, "-o", "json").json()
        assert res["metric_points_sent"] == 1 and res["runs"]["updated"] == 1, res

        # And back from the server into a new file store, for offline work.
        back = (tmp_path / "back").resolve()
        res = mlrs("sync", "--from", url, "--to", back, "-o", "json").json()
        # (fraud's two versions, and fraud-own's.)
        assert res["runs"]["created"] == 5 and res["model_versions"]["created"] == 3, res
        bclient = MlflowClient(tracking_uri=back.as_uri(), registry_uri=back.as_uri())
        server_exps = [sclient.get_experiment_by_name(n).experiment_id for n in ("Default", "churn ✓", "gone")]
        run_map = assert_mirrored(sclient, bclient, server_exps)
        assert_registry_mirrored(sclient, bclient, run_map, tmp_path / "dl-back")
        again = mlrs("sync", "--from", url, "--to", back, "-o", "json").json()
        assert again["actions"] == [], again
