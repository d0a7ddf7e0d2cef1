"""Direction 3: MLflow and mlrs write the same store, the same experiments and the same runs,
alternately; both must read the combined result the same way after every step."""
import math
import time
from pathlib import Path

import pytest
from mlflow.entities import Metric, Param, RunTag, ViewType
from mlflow.exceptions import MlflowException

import interop_helpers as H
from interop_helpers import (MLFLOW_MAJOR, experiment_dict, jsonable, list_artifacts_recursive,
                             metric_dict, same_float)

T0 = 1700000000000


def now_ms():
    return int(time.time() * 1000)


def lifecycles(client, exp_id):
    return {r.info.run_id: r.info.lifecycle_stage
            for r in client.search_runs([exp_id], run_view_type=ViewType.ALL)}


def mlrs_lifecycles(mlrs, exp_id):
    return {d["info"]["run_id"]: d["info"]["lifecycle_stage"]
            for d in mlrs.json("runs", "list", "--experiment-id", exp_id, "-v", "all")}


@pytest.mark.parametrize("owner", ["run-created-by-mlflow", "run-started-by-mlrs"])
def test_metric_history_appended_alternately_by_mlflow_and_mlrs_is_read_whole_by_both(store, mlrs, client, owner):
    if owner == "run-created-by-mlflow":
        run_id = client.create_run("0").info.run_id
    else:
        run_id = mlrs.start_run("--experiment-id", "0")
    values = [1.0, 0.5, math.nan, 0.25, math.inf, -0.0, 1e-07, -math.inf, 7.0, 1.2345678901234567e20,
              0.1, 1 / 3]
    expected = []
    for i, v in enumerate(values):
        ts, step = T0 + 10 * i, i - 3
        if i % 4 == 0:
            client.log_metric(run_id, "loss", v, timestamp=ts, step=step)
        elif i % 4 == 1:
            mlrs("runs", "log-metric", "--run-id", run_id, "loss", repr(v), "--step", step, "--timestamp", ts)
        elif i % 4 == 2:
            client.log_batch(run_id, metrics=[Metric("loss", v, ts, step)])
        else:
            mlrs.log_batch(run_id, {"metrics": [{"key": "loss", "value": jsonable(v), "timestamp": ts, "step": step}]})
        expected.append({"key": "loss", "value": v, "timestamp": ts, "step": step})
        # after every append, both readers see the whole history so far
        theirs = [metric_dict(m) for m in client.get_metric_history(run_id, "loss")]
        assert jsonable(theirs) == jsonable(expected)
        assert mlrs.json("runs", "metric-history", "--run-id", run_id, "loss") == jsonable(expected)
    for got, want in zip(client.get_metric_history(run_id, "loss"), expected):
        assert same_float(got.value, want["value"])
    lines = (store.run_dir(run_id) / "metrics" / "loss").read_bytes().split(b"\n")
    assert len(lines) == len(values) + 1 and lines[-1] == b""  # one line each, final newline
    assert client.get_run(run_id).data.metrics == {"loss": 1 / 3}
    H.assert_run_reads_the_same(mlrs, client, run_id)


@pytest.mark.parametrize("status", ["FINISHED", "FAILED", "KILLED"])
def test_mlflow_terminates_a_run_mlrs_started(store, mlrs, client, status):
    run_id = mlrs.start_run("--experiment-name", "2024-01-01", "--run-name", "yes")
    mlrs("runs", "log-param", "--run-id", run_id, "p", "1")
    t0 = now_ms()
    client.set_terminated(run_id, status)
    doc = mlrs.describe(run_id)
    assert doc["info"]["status"] == status
    assert t0 <= doc["info"]["end_time"] <= now_ms()
    assert doc["info"]["run_name"] == "yes"  # PyYAML re-wrote the meta: still the string
    meta = store.run_meta(run_id)
    if MLFLOW_MAJOR >= 3:
        assert "run_uuid" not in meta  # MLflow 3 drops it on rewrite (v1/v2 can't read it now)
    else:
        assert meta["run_uuid"] == run_id
    # the run stays active: both can still log to it
    mlrs("runs", "log-metric", "--run-id", run_id, "m", "2", "--timestamp", T0)
    client.log_metric(run_id, "m", 3.0, timestamp=T0 + 1)
    assert client.get_run(run_id).data.metrics == {"m": 3.0}
    H.assert_run_reads_the_same(mlrs, client, run_id)


def test_mlflow_fluent_resumes_and_ends_a_run_mlrs_started(store, mlrs, client, fluent):
    exp_id = mlrs.create_experiment("resumed")
    run_id = mlrs.start_run("--experiment-id", exp_id, "--run-name", "null")
    with fluent.start_run(run_id=run_id) as active:
        assert active.info.run_name == "null" and active.info.status == "RUNNING"
        fluent.log_param("from_fluent", "yes")
        fluent.log_metric("fluent_metric", 0.5, step=1)
        mlrs("runs", "log-param", "--run-id", run_id, "from_mlrs", "~")
    doc = mlrs.describe(run_id)
    assert doc["info"]["status"] == "FINISHED" and doc["info"]["end_time"] is not None
    assert doc["data"]["params"] == {"from_fluent": "yes", "from_mlrs": "~"}
    assert doc["data"]["metrics"] == {"fluent_metric": 0.5}
    H.assert_run_reads_the_same(mlrs, client, run_id)


@pytest.mark.parametrize("status", ["finished", "failed", "killed"])
def test_mlrs_ends_a_run_mlflow_started(store, mlrs, client, fluent, status):
    exp_id = client.create_experiment("started by mlflow")
    run = fluent.start_run(experiment_id=exp_id, run_name="12:30")
    run_id = run.info.run_id
    fluent.log_metric("m", 1.0)
    t0 = now_ms()
    mlrs("runs", "end", "--run-id", run_id, "--status", status)
    r = client.get_run(run_id)
    assert r.info.status == status.upper() and t0 <= r.info.end_time <= now_ms()
    assert r.info.run_name == "12:30"
    meta = store.run_meta(run_id)
    if MLFLOW_MAJOR < 3:
        assert meta["run_uuid"] == run_id  # mlrs keeps (writes) run_uuid on rewrite
    H.assert_run_reads_the_same(mlrs, client, run_id)


def test_params_are_immutable_across_writers(store, mlrs, client):
    run_id = client.create_run("0").info.run_id
    client.log_param(run_id, "by_mlflow", "1")
    mlrs("runs", "log-param", "--run-id", run_id, "by_mlflow", "1")  # same value: fine
    res = mlrs("runs", "log-param", "--run-id", run_id, "by_mlflow", "2", rc=5)
    assert "Changing param values is not allowed" in res.stderr
    mlrs("runs", "log-param", "--run-id", run_id, "by_mlrs", "a")
    client.log_param(run_id, "by_mlrs", "a")
    with pytest.raises(MlflowException, match="Changing param values is not allowed"):
        client.log_param(run_id, "by_mlrs", "b")
    # a batch repeating a param with another value is refused as a whole by mlrs
    mlrs.log_batch(run_id, {"params": [{"key": "new", "value": "x"}, {"key": "by_mlflow", "value": "3"}]}, rc=5)
    assert client.get_run(run_id).data.params == {"by_mlflow": "1", "by_mlrs": "a"}
    H.assert_run_reads_the_same(mlrs, client, run_id)


def test_tags_and_run_names_changed_alternately_by_both(store, mlrs, client):
    exp_id = client.create_experiment("tags")
    by_mlflow = client.create_run(exp_id, run_name="mlflow-made").info.run_id
    by_mlrs = mlrs.start_run("--experiment-id", exp_id, "--run-name", "mlrs-made")
    for run_id in (by_mlflow, by_mlrs):
        client.set_tag(run_id, "t", "from mlflow")
        mlrs("runs", "set-tag", "--run-id", run_id, "t", "from mlrs\n")
        assert client.get_run(run_id).data.tags["t"] == "from mlrs\n"
        mlrs("runs", "set-tag", "--run-id", run_id, "gone", "x")
        client.delete_tag(run_id, "gone")
        assert "gone" not in mlrs.describe(run_id)["data"]["tags"]
        client.set_tag(run_id, "gone2", "y")
        mlrs("runs", "delete-tag", "--run-id", run_id, "gone2")
        assert "gone2" not in client.get_run(run_id).data.tags
    mlrs("runs", "set-tag", "--run-id", by_mlflow, "mlflow.runName", "yes")
    assert client.get_run(by_mlflow).info.run_name == "yes"
    client.update_run(by_mlrs, name="2024-01-01")
    doc = mlrs.describe(by_mlrs)
    assert doc["info"]["run_name"] == doc["data"]["tags"]["mlflow.runName"] == "2024-01-01"
    client.set_tag(by_mlrs, "mlflow.runName", "~")
    assert mlrs.describe(by_mlrs)["info"]["run_name"] == "~"
    for run_id in (by_mlflow, by_mlrs):
        H.assert_run_reads_the_same(mlrs, client, run_id)


def test_experiment_lifecycle_driven_alternately_by_both(store, mlrs, client, tmp_path):
    exp_id = mlrs.create_experiment("ping")
    runs = [mlrs.create_run("--experiment-id", exp_id), client.create_run(exp_id).info.run_id]
    art = tmp_path / "kept.txt"
    art.write_bytes(b"survives delete and restore\n")
    mlrs("artifacts", "log-artifact", "-l", art, "-r", runs[1])
    client.log_artifact(runs[0], str(art), "sub")

    def check(stage, name):
        e = client.get_experiment(exp_id)
        assert (e.lifecycle_stage, e.name) == (stage, name)
        assert mlrs.get_experiment(exp_id) == experiment_dict(e)
        assert lifecycles(client, exp_id) == mlrs_lifecycles(mlrs, exp_id) == {r: stage for r in runs}

    client.set_experiment_tag(exp_id, "by", "mlflow")
    mlrs("experiments", "delete", "-x", exp_id)
    check("deleted", "ping")
    client.restore_experiment(exp_id)
    check("active", "ping")
    mlrs("experiments", "rename", "-x", exp_id, "--new-name", "pong")
    check("active", "pong")
    client.delete_experiment(exp_id)
    check("deleted", "pong")
    mlrs("experiments", "restore", "-x", exp_id)
    check("active", "pong")
    client.rename_experiment(exp_id, "yes")
    check("active", "yes")
    assert client.get_experiment(exp_id).tags == {"by": "mlflow"}
    mlrs("experiments", "set-tag", "-x", exp_id, "by", "mlrs")
    assert client.get_experiment(exp_id).tags == {"by": "mlrs"}
    assert [f.path for f in client.list_artifacts(runs[1])] == ["kept.txt"]
    assert [f.path for f in client.list_artifacts(runs[0], "sub")] == ["sub/kept.txt"]
    H.assert_stores_agree(mlrs, client)


def test_experiment_names_are_unique_across_writers(store, mlrs, client):
    client.create_experiment("taken-by-mlflow")
    res = mlrs("experiments", "create", "-n", "taken-by-mlflow", rc=4)
    assert res.stderr == "error: Experiment 'taken-by-mlflow' already exists.\n"
    deleted = mlrs.create_experiment("deleted-by-mlrs")
    mlrs("experiments", "delete", "-x", deleted)
    with pytest.raises(MlflowException, match="already exists"):
        client.create_experiment("deleted-by-mlrs")
    mine = mlrs.create_experiment("mine")
    mlrs("experiments", "rename", "-x", mine, "--new-name", "taken-by-mlflow", rc=4)
    theirs = client.create_experiment("theirs")
    with pytest.raises(MlflowException, match="already exists"):
        client.rename_experiment(theirs, "mine")
    assert sorted(e.name for e in client.search_experiments(view_type=ViewType.ALL)) == [
        "Default", "deleted-by-mlrs", "mine", "taken-by-mlflow", "theirs"]


def test_experiment_names_resolve_to_the_same_experiment_for_both(store, mlrs, client, fluent):
    theirs = client.create_experiment("nightly")
    run_id = mlrs.create_run("--experiment-name", "nightly")
    assert client.get_run(run_id).info.experiment_id == theirs
    mine = mlrs.create_experiment("made by mlrs: yes")
    exp = fluent.set_experiment("made by mlrs: yes")
    assert exp.experiment_id == mine
    with fluent.start_run() as r:
        assert r.info.experiment_id == mine
    assert len(client.search_experiments(view_type=ViewType.ALL)) == 3  # Default, nightly, mine


def test_runs_deleted_by_one_writer_are_restored_by_the_other(store, mlrs, client):
    exp_id = client.create_experiment("del")
    theirs = client.create_run(exp_id).info.run_id
    mine = mlrs.start_run("--experiment-id", exp_id)
    mlrs("runs", "delete", "--run-id", theirs)
    client.delete_run(mine)
    assert lifecycles(client, exp_id) == mlrs_lifecycles(mlrs, exp_id) == {theirs: "deleted", mine: "deleted"}
    with pytest.raises(MlflowException, match="must be in (the )?'active'"):
        client.log_metric(theirs, "m", 1.0)
    res = mlrs("runs", "log-metric", "--run-id", mine, "m", "1", rc=1)
    assert "must be in the 'active' state" in res.stderr
    client.restore_run(theirs)
    mlrs("runs", "restore", "--run-id", mine)
    assert lifecycles(client, exp_id) == mlrs_lifecycles(mlrs, exp_id) == {theirs: "active", mine: "active"}
    for run_id in (theirs, mine):
        assert "deleted_time" not in store.run_meta(run_id)
        H.assert_run_reads_the_same(mlrs, client, run_id)


def test_log_batch_across_writers(store, mlrs, client):
    theirs = client.create_run("0").info.run_id
    mine = mlrs.start_run("--experiment-id", "0")
    body = {"metrics": [{"key": "acc", "value": "NaN", "timestamp": T0, "step": 0},
                        {"key": "acc", "value": 0.5, "timestamp": T0 + 1, "step": 1}],
            "params": [{"key": "lr", "value": "0.1"}, {"key": "nested/p", "value": ""}],
            "tags": [{"key": "team", "value": "null"}]}
    mlrs.log_batch(theirs, body)
    client.log_batch(mine, metrics=[Metric("acc", math.nan, T0, 0), Metric("acc", 0.5, T0 + 1, 1)],
                     params=[Param("lr", "0.1"), Param("nested/p", "")], tags=[RunTag("team", "null")])
    a, b = client.get_run(theirs).data, client.get_run(mine).data
    assert a.params == b.params == {"lr": "0.1", "nested/p": ""}
    assert a.metrics == b.metrics == {"acc": 0.5}
    assert a.tags["team"] == b.tags["team"] == "null"
    assert (store.run_dir(theirs) / "metrics" / "acc").read_bytes() == \
        (store.run_dir(mine) / "metrics" / "acc").read_bytes()
    for run_id in (theirs, mine):
        H.assert_run_reads_the_same(mlrs, client, run_id)


def test_artifacts_logged_by_both_into_the_same_run_and_directory(store, mlrs, client, tmp_path):
    run_id = mlrs.start_run("--experiment-id", "0")
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "by_mlflow.txt").write_bytes(b"mlflow\n")
    (src / "sub" / "deep.bin").write_bytes(bytes(range(256)))
    client.log_artifacts(run_id, str(src), "shared")
    mine = tmp_path / "by_mlrs.txt"
    mine.write_bytes(b"mlrs\r\n")
    mlrs("artifacts", "log-artifact", "-l", mine, "-r", run_id, "-a", "shared")
    mlrs("artifacts", "log-artifact", "-l", mine, "-r", run_id, "-a", "shared/sub")
    client.log_artifact(run_id, str(mine))
    levels = list_artifacts_recursive(client, run_id)
    assert levels["shared"] == [
        {"path": "shared/by_mlflow.txt", "is_dir": False, "file_size": 7},
        {"path": "shared/by_mlrs.txt", "is_dir": False, "file_size": 6},
        {"path": "shared/sub", "is_dir": True, "file_size": None}]
    assert [f["path"] for f in levels["shared/sub"]] == ["shared/sub/by_mlrs.txt", "shared/sub/deep.bin"]
    for level, infos in levels.items():
        assert mlrs.json("artifacts", "list", "-r", run_id, *(["-a", level] if level else [])) == infos
    theirs = Path(H.mlflow_download(client, run_id, "shared", tmp_path / "theirs"))
    ours = Path(mlrs("artifacts", "download", "-r", run_id, "-a", "shared", "-d", tmp_path / "ours").stdout.strip())
    files = lambda root: {str(p.relative_to(root)): p.read_bytes()  # noqa: E731
                          for p in root.rglob("*") if p.is_file()}
    assert files(theirs) == files(ours) and len(files(ours)) == 4


def test_mlflow_written_store_extended_by_mlrs_reads_the_same_in_both(store, mlrs, client, fluent, tmp_path):
    from test_tracking_mlflow_writes import build_mlflow_store
    ids = build_mlflow_store(client, fluent, tmp_path)
    parent = ids["parent"]
    mlrs("runs", "log-metric", "--run-id", parent, "loss", "nan", "--step", "99", "--timestamp", T0)
    mlrs("runs", "log-param", "--run-id", parent, "added_by_mlrs", "yes")
    mlrs("runs", "set-tag", "--run-id", parent, "nested/tag", "overwritten by mlrs")
    child = mlrs.create_run("--experiment-id", ids["e_main"], "--run-name", "mlrs child",
                            "--parent-run-id", parent, "-t", "k=v")
    mlrs("runs", "delete", "--run-id", ids["failed"])
    mlrs("runs", "restore", "--run-id", ids["deleted"])
    mlrs("experiments", "restore", "-x", ids["e_del"])
    mlrs("experiments", "rename", "-x", ids["e_main"], "--new-name", "main: renamed by mlrs")
    r = client.get_run(parent)
    assert math.isnan(r.data.metrics["loss"])  # step 99 is the latest
    assert r.data.params["added_by_mlrs"] == "yes"
    assert r.data.tags["nested/tag"] == "overwritten by mlrs"
    assert client.get_run(child).data.tags["mlflow.parentRunId"] == parent
    assert client.get_run(ids["failed"]).info.lifecycle_stage == "deleted"
    assert client.get_run(ids["deleted"]).info.lifecycle_stage == "active"
    assert client.get_run(ids["in_deleted_exp"]).info.lifecycle_stage == "active"
    assert client.get_experiment_by_name("main: renamed by mlrs").experiment_id == ids["e_main"]
    H.assert_stores_agree(mlrs, client, artifacts_of_deleted_experiments=True)
