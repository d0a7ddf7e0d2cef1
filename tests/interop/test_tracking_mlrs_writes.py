"""Direction 1: mlrs writes the store through its CLI, the real MLflow of this venv reads it.

Every test builds its own store with mlrs only, then asserts that MlflowClient reads back exactly
what was written (and, where MLflow has its own behaviour for the same input, that mlrs wrote what
MLflow itself would have written).
"""
import getpass
import math
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from mlflow.entities import Metric, Param, RunTag, ViewType
from mlflow.exceptions import MlflowException

import interop_helpers as H
from interop_helpers import (HOSTILE_IDS, HOSTILE_VALUES, comparable_run_docs, experiment_dict,
                             file_info_dict, jsonable, list_artifacts_recursive, load_yaml,
                             metric_dict, same_float, search_all_runs)

T0 = 1700000000000
VIEWS = [("active_only", ViewType.ACTIVE_ONLY), ("deleted_only", ViewType.DELETED_ONLY),
         ("all", ViewType.ALL)]
DESCRIPTION = ("# Experiment notes\n\nA *multi-line* description.\n- item: one\n- item #two\n"
               "  indented line with trailing spaces   \n")


def now_ms():
    return int(time.time() * 1000)


assert_run_reads_the_same = H.assert_run_reads_the_same


def latest_by_mlflow_rule(points):
    """MLflow's "latest" value: the max of (step, timestamp, value) over all points."""
    return max(points, key=lambda p: (p[2], p[0], p[1]))[1]


# ------------------------------------------------------------------------------------------------
# Experiments
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_hostile_experiment_name_round_trips_through_mlflow(store, mlrs, client, name):
    exp_id = mlrs.create_experiment(name)

    e = client.get_experiment(exp_id)
    assert e.name == name
    assert e.lifecycle_stage == "active"
    assert e.artifact_location == "%s/%s" % (store.uri, exp_id)
    assert experiment_dict(e) == mlrs.get_experiment(exp_id)
    if "'" in name:
        # MLflow surprise: get_experiment_by_name builds the filter name = '<name>' without
        # escaping, so a name with a single quote can't be looked up by name in MLflow at all.
        with pytest.raises(MlflowException, match="Invalid clause"):
            client.get_experiment_by_name(name)
    else:
        assert client.get_experiment_by_name(name).experiment_id == exp_id
    assert [x.experiment_id for x in client.search_experiments(view_type=ViewType.ALL)
            if x.name == name] == [exp_id]
    assert mlrs.json("experiments", "get", "-n", name)["experiment_id"] == exp_id

    meta = store.exp_meta(exp_id)
    assert type(meta["name"]) is str and meta["name"] == name
    assert type(meta["experiment_id"]) is str and meta["experiment_id"] == exp_id


def test_experiment_tags_set_overwritten_and_deleted_by_mlrs_read_exactly_by_mlflow(store, mlrs, client):
    exp_id = mlrs.create_experiment("tagged")
    tags = {
        "mlflow.note.content": DESCRIPTION,
        "team": "first",
        "nested/exp/tag": "deep",
        "unicode": "ünïcödé ✓ 日本語",
        "multiline": "first\nsecond\n",
        "empty": "",
        "padded": "  both sides  ",
        "yes": "yes",
        "ключ": "значение",
        "key with spaces": "v",
        "colon:key": "c:v",
        "doomed": "to be deleted",
    }
    for k, v in tags.items():
        mlrs("experiments", "set-tag", "-x", exp_id, k, v)
    mlrs("experiments", "set-tag", "-x", exp_id, "team", "second")
    mlrs("experiments", "delete-tag", "-x", exp_id, "doomed")
    expected = dict(tags, team="second")
    del expected["doomed"]

    assert client.get_experiment(exp_id).tags == expected
    assert client.get_experiment_by_name("tagged").tags == expected
    assert mlrs.get_experiment(exp_id)["tags"] == expected
    # MLflow's format: one file per key, the value verbatim without a trailing newline.
    tag_dir = store.exp_dir(exp_id) / "tags"
    assert (tag_dir / "nested" / "exp" / "tag").read_bytes() == b"deep"
    assert (tag_dir / "mlflow.note.content").read_bytes() == DESCRIPTION.encode()
    assert (tag_dir / "empty").read_bytes() == b""
    assert not (tag_dir / "doomed").exists()


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_hostile_experiment_tag_value_round_trips_through_mlflow(store, mlrs, client, value):
    exp_id = mlrs.create_experiment("e")
    mlrs("experiments", "set-tag", "-x", exp_id, "k", value)
    assert client.get_experiment(exp_id).tags == {"k": value}
    assert mlrs.get_experiment(exp_id)["tags"] == {"k": value}


def test_renamed_experiment_is_seen_by_mlflow_under_its_new_name_only(store, mlrs, client):
    exp_id = mlrs.create_experiment("old-name")
    run_id = mlrs.create_run("--experiment-id", exp_id)
    before = client.get_experiment(exp_id)
    time.sleep(0.01)
    mlrs("experiments", "rename", "-x", exp_id, "--new-name", "2024-01-01")

    e = client.get_experiment(exp_id)
    assert e.name == "2024-01-01"
    assert e.creation_time == before.creation_time
    assert e.last_update_time > before.last_update_time
    assert client.get_experiment_by_name("old-name") is None
    assert client.get_experiment_by_name("2024-01-01").experiment_id == exp_id
    assert experiment_dict(e) == mlrs.get_experiment(exp_id)
    assert store.exp_meta(exp_id)["name"] == "2024-01-01"
    # The run still belongs to it; MLflow refuses the new name and accepts the old one again.
    assert [r.info.run_id for r in client.search_runs([exp_id])] == [run_id]
    with pytest.raises(MlflowException, match="already exists"):
        client.create_experiment("2024-01-01")
    assert client.create_experiment("old-name") != exp_id


def twin_lifecycles(client, exp_id):
    return {r.info.run_name: r.info.lifecycle_stage
            for r in client.search_runs([exp_id], run_view_type=ViewType.ALL)}


def test_experiment_deleted_and_restored_by_mlrs_matches_mlflow_own_delete_and_restore(store, mlrs, client):
    """mlrs delete/restore leaves the experiment and its runs exactly as MLflow's own would."""
    exp_id = mlrs.create_experiment("doomed")
    mlrs.create_run("--experiment-id", exp_id, "--run-name", "kept")
    early = mlrs.create_run("--experiment-id", exp_id, "--run-name", "deleted-before")
    mlrs("runs", "delete", "--run-id", early)
    # The same history, written and deleted by MLflow itself.
    twin = client.create_experiment("twin")
    for name in ("kept", "deleted-before"):
        rid = client.create_run(twin, run_name=name).info.run_id
        client.set_terminated(rid)
        if name == "deleted-before":
            client.delete_run(rid)

    t_before = now_ms()
    mlrs("experiments", "delete", "-x", exp_id)
    client.delete_experiment(twin)

    e = client.get_experiment(exp_id)
    assert e.lifecycle_stage == "deleted"
    assert e.last_update_time >= t_before
    assert experiment_dict(e) == mlrs.get_experiment(exp_id)
    assert store.exp_dir(exp_id) == store.root / ".trash" / exp_id
    ids = lambda view: {x.experiment_id for x in client.search_experiments(view_type=view)}  # noqa: E731
    assert exp_id not in ids(ViewType.ACTIVE_ONLY) and exp_id in ids(ViewType.DELETED_ONLY)
    assert twin_lifecycles(client, exp_id) == twin_lifecycles(client, twin) == {
        "kept": "deleted", "deleted-before": "deleted"}
    assert client.search_runs([exp_id]) == []
    with pytest.raises(MlflowException, match="already exists"):
        client.create_experiment("doomed")  # names of deleted experiments stay taken
    for meta in (store.run_meta(r.info.run_id)
                 for r in client.search_runs([exp_id], run_view_type=ViewType.ALL)):
        assert meta["lifecycle_stage"] == "deleted" and isinstance(meta["deleted_time"], int)

    mlrs("experiments", "restore", "-x", exp_id)
    client.restore_experiment(twin)
    e = client.get_experiment(exp_id)
    assert e.lifecycle_stage == "active"
    assert store.exp_dir(exp_id) == store.root / exp_id
    assert experiment_dict(e) == mlrs.get_experiment(exp_id)
    assert twin_lifecycles(client, exp_id) == twin_lifecycles(client, twin) == {
        "kept": "active", "deleted-before": "active"}  # restore resurrects every deleted run
    for r in client.search_runs([exp_id], run_view_type=ViewType.ALL):
        assert "deleted_time" not in store.run_meta(r.info.run_id)
        assert_run_reads_the_same(mlrs, client, r.info.run_id)
    for r in client.search_runs([twin], run_view_type=ViewType.ALL):
        assert "deleted_time" not in store.run_meta(r.info.run_id)  # the same on MLflow's side


def test_default_experiment_created_by_mlrs_matches_the_one_mlflow_creates(store, mlrs, client, tmp_path):
    run_id = mlrs.create_run("--experiment-id", "0")  # first write creates the store
    e = client.get_experiment("0")
    twin_root = tmp_path / "twin" / "mlruns"
    twin = H.MlflowClient(tracking_uri=twin_root.as_uri()).get_experiment("0")
    assert (e.name, e.lifecycle_stage, e.tags) == (twin.name, twin.lifecycle_stage, twin.tags) \
        == ("Default", "active", {})
    assert e.artifact_location == store.uri + "/0"
    assert twin.artifact_location == twin_root.as_uri() + "/0"
    assert (store.root / ".trash").is_dir() and (twin_root / ".trash").is_dir()
    assert [r.info.run_id for r in client.search_runs(["0"])] == [run_id]
    assert experiment_dict(e) == mlrs.get_experiment("0")


@pytest.mark.parametrize("form", ["absolute-path", "file-uri", "relative-path", "file-relative-uri"])
def test_explicit_artifact_location_is_stored_and_used_like_mlflow(store, mlrs, client, monkeypatch, form):
    monkeypatch.chdir(store.work)  # MLflow resolves relative locations against its own cwd
    target = store.work / "elsewhere" / form
    loc = {"absolute-path": str(target), "file-uri": target.as_uri(),
           "relative-path": "elsewhere/" + form, "file-relative-uri": "file:elsewhere/" + form}[form]
    exp_id = mlrs.create_experiment("located", "-l", loc)
    twin = client.create_experiment("twin", artifact_location=loc)
    e, t = client.get_experiment(exp_id), client.get_experiment(twin)
    assert e.artifact_location == t.artifact_location  # what MLflow itself stores for that input

    run_id = mlrs.start_run("--experiment-id", exp_id)
    twin_run = client.create_run(twin).info.run_id
    artifact_uri = client.get_run(run_id).info.artifact_uri
    assert artifact_uri == client.get_run(twin_run).info.artifact_uri.replace(twin_run, run_id)
    src = store.work / "report.txt"
    src.write_bytes(b"report\n")
    mlrs("artifacts", "log-artifact", "-l", src, "-r", run_id)
    assert [file_info_dict(f) for f in client.list_artifacts(run_id)] == [
        {"path": "report.txt", "is_dir": False, "file_size": 7}]
    assert (target / run_id / "artifacts" / "report.txt").read_bytes() == b"report\n"
    assert mlrs.json("artifacts", "list", "-r", run_id) == [
        {"path": "report.txt", "is_dir": False, "file_size": 7}]


# ------------------------------------------------------------------------------------------------
# Runs: names, context, status, lifecycle
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["start", "create"])
@pytest.mark.parametrize("name", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_hostile_run_name_round_trips_through_mlflow(store, mlrs, client, command, name):
    exp_id = mlrs.create_experiment("runs")
    run_id = mlrs("runs", command, "-q", "--experiment-id", exp_id, "--run-name", name).value

    r = client.get_run(run_id)
    assert r.info.run_name == name
    assert r.data.tags["mlflow.runName"] == name
    assert [x.info.run_id for x in client.search_runs([exp_id])] == [run_id]
    assert_run_reads_the_same(mlrs, client, run_id)
    meta = store.run_meta(run_id)
    assert type(meta["run_name"]) is str and meta["run_name"] == name


@pytest.mark.parametrize("name", HOSTILE_VALUES, ids=HOSTILE_IDS)
def test_run_renamed_by_mlrs_runName_tag_is_seen_by_mlflow(store, mlrs, client, name):
    run_id = mlrs.start_run("--experiment-id", "0", "--run-name", "before")
    mlrs("runs", "set-tag", "--run-id", run_id, "mlflow.runName", name)
    r = client.get_run(run_id)
    assert (r.info.run_name, r.data.tags["mlflow.runName"]) == (name, name)
    assert store.run_meta(run_id)["run_name"] == name
    assert_run_reads_the_same(mlrs, client, run_id)


def test_run_started_by_mlrs_is_running_with_mlflow_context_tags(store, mlrs, client):
    t0 = now_ms()
    run_id = mlrs.start_run("--experiment-name", "ctx", "--run-name", "r")
    t1 = now_ms()
    exp = client.get_experiment_by_name("ctx")  # --experiment-name created it
    r = client.get_run(run_id)
    assert r.info.experiment_id == exp.experiment_id
    assert r.info.status == "RUNNING" and r.info.end_time is None
    assert t0 <= r.info.start_time <= t1
    assert r.info.lifecycle_stage == "active"
    assert r.info.user_id == getpass.getuser()
    assert r.info.artifact_uri == "%s/%s/artifacts" % (exp.artifact_location, run_id)
    assert r.data.tags["mlflow.user"] == getpass.getuser()
    assert r.data.tags["mlflow.source.type"] == "LOCAL"
    assert r.data.tags["mlflow.source.name"] != ""
    assert r.data.tags["mlflow.runName"] == "r"
    assert "mlflow.source.git.commit" not in r.data.tags  # the scratch cwd is no git checkout
    assert_run_reads_the_same(mlrs, client, run_id)
    for d in ("metrics", "params", "artifacts", "tags"):
        assert (store.run_dir(run_id) / d).is_dir()


def test_run_started_by_mlrs_in_a_git_checkout_has_the_commit_for_mlflow(store, mlrs, client):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = store.work / "checkout"
    repo.mkdir()
    git = lambda *a: subprocess.run(  # noqa: E731
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *a], cwd=repo, check=True,
        capture_output=True, text=True).stdout.strip()
    git("init", "-q")
    (repo / "train.py").write_text("print(1)\n")
    git("add", "train.py")
    git("commit", "-q", "-m", "init")
    head = git("rev-parse", "HEAD")
    run_id = mlrs.start_run("--experiment-id", "0", cwd=repo)
    assert client.get_run(run_id).data.tags["mlflow.source.git.commit"] == head


@pytest.mark.parametrize("status", [None, "finished", "failed", "killed", "KILLED"])
def test_run_ended_by_mlrs_has_status_and_end_time_for_mlflow(store, mlrs, client, status):
    run_id = mlrs.start_run("--experiment-id", "0")
    t0 = now_ms()
    mlrs("runs", "end", "--run-id", run_id, *(["--status", status] if status else []))
    t1 = now_ms()
    r = client.get_run(run_id)
    assert r.info.status == (status or "finished").upper()
    assert t0 <= r.info.end_time <= t1 and r.info.end_time >= r.info.start_time
    meta = store.run_meta(run_id)
    assert meta["status"] == {"FINISHED": 3, "FAILED": 4, "KILLED": 5}[r.info.status]
    assert meta["end_time"] == r.info.end_time
    assert_run_reads_the_same(mlrs, client, run_id)


@pytest.mark.parametrize("status", ["finished", "failed", "killed"])
def test_runs_create_sets_status_description_tags_and_parent_for_mlflow(store, mlrs, client, status):
    exp_id = mlrs.create_experiment("created")
    parent = mlrs.start_run("--experiment-id", exp_id, "--run-name", "parent")
    child = mlrs.create_run("--experiment-id", exp_id, "--run-name", "child", "--status", status,
                            "--description", DESCRIPTION, "-t", "env=ci", "-t", "eq=a=b",
                            "-t", "empty=", "-t", "nested/k=-v", "--parent-run-id", parent)
    r = client.get_run(child)
    assert r.info.status == status.upper()
    assert r.info.end_time is not None and r.info.end_time >= r.info.start_time
    tags = r.data.tags
    assert tags["mlflow.note.content"] == DESCRIPTION
    assert tags["mlflow.parentRunId"] == parent
    assert (tags["env"], tags["eq"], tags["empty"], tags["nested/k"]) == ("ci", "a=b", "", "-v")
    assert tags["mlflow.runName"] == "child"
    found = client.search_runs([exp_id], filter_string="tags.mlflow.parentRunId = '%s'" % parent)
    assert [x.info.run_id for x in found] == [child]
    assert_run_reads_the_same(mlrs, client, child)


def test_run_deleted_and_restored_by_mlrs_matches_mlflow_views(store, mlrs, client):
    exp_id = mlrs.create_experiment("views")
    runs = [mlrs.create_run("--experiment-id", exp_id, "--run-name", "r%d" % i) for i in range(5)]
    t0 = now_ms()
    for r in runs[1:4]:
        mlrs("runs", "delete", "--run-id", r)
    t1 = now_ms()
    mlrs("runs", "restore", "--run-id", runs[3])
    expected = {"active_only": {runs[0], runs[3], runs[4]}, "deleted_only": {runs[1], runs[2]},
                "all": set(runs)}
    for flag, view in VIEWS:
        got = search_all_runs(client, [exp_id], view)
        assert {r.info.run_id for r in got} == expected[flag]
        mine = mlrs.json("runs", "list", "--experiment-id", exp_id, "-v", flag)
        assert [d["info"]["run_id"] for d in mine] == [r.info.run_id for r in got]  # same order
    r = client.get_run(runs[1])
    assert r.info.lifecycle_stage == "deleted"
    meta = store.run_meta(runs[1])
    assert meta["lifecycle_stage"] == "deleted" and t0 <= meta["deleted_time"] <= t1
    assert "deleted_time" not in store.run_meta(runs[3])  # as MLflow's restore_run leaves it
    assert client.get_run(runs[3]).info.lifecycle_stage == "active"
    # MLflow enforces the lifecycle mlrs wrote: no writes to a deleted run, writes to a restored one.
    with pytest.raises(MlflowException, match="must be in (the )?'active'"):
        client.log_param(runs[1], "p", "v")
    client.log_param(runs[3], "p", "v")
    assert client.get_run(runs[3]).data.params == {"p": "v"}


# ------------------------------------------------------------------------------------------------
# Params
# ------------------------------------------------------------------------------------------------
PARAM_VALUES = [
    ("empty", ""), ("multi-line", "line1\nline2\n"), ("unicode", "héllo wörld ✓ 日本"),
    ("padded", "  padded  "), ("trailing-newline", "x\n"), ("6000-chars", "x" * 6000),
    ("6000-multibyte-chars", "é" * 6000), ("json", '{"a": [1, 2], "b": null}'),
] + [("hostile-" + i, v) for i, v in H.HOSTILE_STRINGS]


@pytest.mark.parametrize("via", ["log-param", "log-batch"])
@pytest.mark.parametrize("value", [v for _, v in PARAM_VALUES], ids=[i for i, _ in PARAM_VALUES])
def test_param_value_logged_by_mlrs_is_read_exactly_by_mlflow(store, mlrs, client, via, value):
    run_id = mlrs.start_run("--experiment-id", "0")
    if via == "log-param":
        mlrs("runs", "log-param", "--run-id", run_id, "p", value)
    else:
        mlrs.log_batch(run_id, {"params": [{"key": "p", "value": value}]})
    assert client.get_run(run_id).data.params == {"p": value}
    assert (store.run_dir(run_id) / "params" / "p").read_bytes() == value.encode("utf-8")
    assert_run_reads_the_same(mlrs, client, run_id)
    # Logging the same value again through MLflow behaves as on a param MLflow wrote itself.
    # (MLflow surprise: its immutability check re-reads the file in text mode, which turns
    # "\r" into "\n", so MLflow refuses to re-log its own values that contain a CR.)
    twin = client.create_run("0").info.run_id
    client.log_param(twin, "p", value)
    assert (store.run_dir(twin) / "params" / "p").read_bytes() == value.encode("utf-8")
    outcomes = []
    for rid in (run_id, twin):
        try:
            client.log_param(rid, "p", value)
            outcomes.append("accepted")
        except MlflowException as e:
            assert "Changing param values is not allowed" in e.message
            outcomes.append("refused")
    assert outcomes[0] == outcomes[1] == ("refused" if "\r" in value else "accepted")


KEYS = ["a/b/c", "key with spaces", "ключ", "colon:key", "dotted.key", "-dash", "é/ü", "x" * 250]


@pytest.mark.parametrize("key", KEYS, ids=["nested", "spaces", "unicode", "colon", "dotted",
                                           "dash", "unicode-nested", "250-chars"])
def test_key_written_by_mlrs_is_read_by_mlflow_for_params_tags_and_metrics(store, mlrs, client, key):
    run_id = mlrs.start_run("--experiment-id", "0")
    mlrs("runs", "log-param", "--run-id", run_id, "--", key, "pv")
    mlrs("runs", "set-tag", "--run-id", run_id, "--", key, "tv")
    mlrs("runs", "log-metric", "--run-id", run_id, "--step", "2", "--timestamp", T0, "--", key, "1.5")
    r = client.get_run(run_id)
    assert r.data.params == {key: "pv"}
    assert r.data.tags[key] == "tv"
    assert r.data.metrics == {key: 1.5}
    assert [metric_dict(m) for m in client.get_metric_history(run_id, key)] == [
        {"key": key, "value": 1.5, "timestamp": T0, "step": 2}]
    assert_run_reads_the_same(mlrs, client, run_id)


@pytest.mark.parametrize("via", ["log-param", "log-batch"])
@pytest.mark.parametrize("value", ["x" * 6001, "y" * 7000, "é" * 6500, "🚀" * 6001, "a\n" * 3001],
                         ids=["6001-ascii", "7000-ascii", "6500-two-byte", "6001-four-byte", "6002-newlines"])
def test_overlong_param_value_is_truncated_exactly_like_mlflow(store, mlrs, client, via, value):
    run_id = mlrs.start_run("--experiment-id", "0")
    if via == "log-param":
        mlrs("runs", "log-param", "--run-id", run_id, "p", value)
    else:
        mlrs.log_batch(run_id, {"params": [{"key": "p", "value": value}]})
    twin = client.create_run("0").info.run_id
    if via == "log-param":
        client.log_param(twin, "p", value)
    else:
        client.log_batch(twin, params=[Param("p", value)])
    theirs = client.get_run(twin).data.params["p"]
    assert len(theirs) == 6000 and theirs == value[:6000]  # MLflow 2.22+/3 truncate silently
    assert client.get_run(run_id).data.params["p"] == theirs
    assert (store.run_dir(run_id) / "params" / "p").read_bytes() == \
        (store.run_dir(twin) / "params" / "p").read_bytes()


def test_param_logged_by_mlrs_is_immutable_for_mlflow(store, mlrs, client):
    run_id = mlrs.start_run("--experiment-id", "0")
    mlrs("runs", "log-param", "--run-id", run_id, "lr", "0.01")
    client.log_param(run_id, "lr", "0.01")
    with pytest.raises(MlflowException, match="Changing param values is not allowed"):
        client.log_param(run_id, "lr", "0.02")
    assert client.get_run(run_id).data.params == {"lr": "0.01"}


# ------------------------------------------------------------------------------------------------
# Metrics
# ------------------------------------------------------------------------------------------------
CLI_METRIC_VALUES = [
    ("nan", "nan"), ("NaN", "NaN"), ("inf", "inf"), ("-inf", "-inf"), ("-INF", "-INF"),
    ("1e-07", "1e-07"), ("huge", "1.2345678901234567e+20"), ("int-like", "7"), ("zero", "0"),
    ("negative", "-0.5"), ("negative-zero", "-0.0"), ("1e16", "1e16"),
    ("big-decimal", "1234567890123456.0"), ("0.1", "0.1"), ("third", "0.3333333333333333"),
    ("min-subnormal", "5e-324"), ("max-double", "1.7976931348623157e+308"),
    ("overflow-to-inf", "1e400"), ("2.5e-05", "2.5e-05"), ("100", "100"),
    ("long-decimal", "3.14159265358979323846264338327950288"),
]


def assert_metric_line_matches_mlflows(store, client, run_id, key, value, ts, step):
    """Log the same point with MLflow into a twin run: both metric files must be byte-identical."""
    twin = client.create_run(client.get_run(run_id).info.experiment_id).info.run_id
    client.log_metric(twin, key, value, timestamp=ts, step=step)
    mine = (store.run_dir(run_id) / "metrics" / key).read_bytes()
    theirs = (store.run_dir(twin) / "metrics" / key).read_bytes()
    assert mine == theirs


@pytest.mark.parametrize("text", [v for _, v in CLI_METRIC_VALUES], ids=[i for i, _ in CLI_METRIC_VALUES])
def test_metric_value_logged_by_mlrs_log_metric_is_read_exactly_by_mlflow(store, mlrs, client, text):
    run_id = mlrs.start_run("--experiment-id", "0")
    mlrs("runs", "log-metric", "--run-id", run_id, "m", text, "--step", "-3", "--timestamp", T0 + 7)
    expected = float(text)
    (point,) = client.get_metric_history(run_id, "m")
    assert (point.key, point.timestamp, point.step) == ("m", T0 + 7, -3)
    assert same_float(point.value, expected), (point.value, expected)
    assert same_float(client.get_run(run_id).data.metrics["m"], expected)
    assert mlrs.json("runs", "metric-history", "--run-id", run_id, "m") == jsonable(
        [{"key": "m", "value": expected, "timestamp": T0 + 7, "step": -3}])
    assert_metric_line_matches_mlflows(store, client, run_id, "m", expected, T0 + 7, -3)


BATCH_METRIC_VALUES = [
    ("NaN-string", "NaN", math.nan), ("Infinity-string", "Infinity", math.inf),
    ("-Infinity-string", "-Infinity", -math.inf), ("int", 7, 7.0), ("big-int", 12345678901234567890, 1.2345678901234567e19),
    ("1e-07", 1e-07, 1e-07), ("huge", 1.2345678901234567e20, 1.2345678901234567e20),
    ("negative-zero", -0.0, -0.0), ("min-subnormal", 5e-324, 5e-324),
    ("max-double", 1.7976931348623157e308, 1.7976931348623157e308), ("0.1", 0.1, 0.1),
]


@pytest.mark.parametrize("json_value,expected", [(j, e) for _, j, e in BATCH_METRIC_VALUES],
                         ids=[i for i, _, _ in BATCH_METRIC_VALUES])
def test_metric_value_logged_by_mlrs_log_batch_is_read_exactly_by_mlflow(store, mlrs, client, json_value, expected):
    run_id = mlrs.start_run("--experiment-id", "0")
    mlrs.log_batch(run_id, {"metrics": [{"key": "m", "value": json_value, "timestamp": T0, "step": 4}]})
    (point,) = client.get_metric_history(run_id, "m")
    assert (point.timestamp, point.step) == (T0, 4)
    assert same_float(point.value, expected), (point.value, expected)
    assert_metric_line_matches_mlflows(store, client, run_id, "m", expected, T0, 4)
    assert_run_reads_the_same(mlrs, client, run_id)


# (timestamp, value, step) in logging order: negative steps, duplicate steps, ties on
# (step, timestamp), an identical point twice, non-finite values, timestamps out of order.
HISTORY = [
    (T0, 1.0, 0), (T0 + 1000, 0.5, 1), (T0 + 2000, 0.25, 2), (T0 + 95, 10.0, -5),
    (T0 + 99, math.nan, -1), (T0 + 10, 0.1, 7), (T0 + 20, 0.2, 7), (T0 + 5, 0.3, 7),
    (T0 + 20, 0.4, 6), (T0 + 20, 1.0, 8), (T0 + 20, 2.0, 8), (T0 + 20, 1.5, 8),
    (T0 + 30, 3.0, 9), (T0 + 30, 3.0, 9), (0, math.inf, 9), (T0 + 31, -math.inf, 9),
    (T0 + 31, 1e-07, 9), (T0 + 40, 7.0, -100), (T0 + 31, 1.2345678901234567e20, 9),
]


def test_metric_history_from_log_metric_and_log_batch_is_read_in_order_by_mlflow(store, mlrs, client):
    run_id = mlrs.start_run("--experiment-id", "0")
    half = len(HISTORY) // 2
    for ts, v, step in HISTORY[:half]:
        mlrs("runs", "log-metric", "--run-id", run_id, "loss", repr(v), "--step", step, "--timestamp", ts)
    mlrs.log_batch(run_id, {"metrics": [
        {"key": "loss", "value": jsonable(v), "timestamp": ts, "step": step} for ts, v, step in HISTORY[half:]]})

    got = client.get_metric_history(run_id, "loss")
    assert len(got) == len(HISTORY)
    for g, (ts, v, step) in zip(got, HISTORY):
        assert (g.key, g.timestamp, g.step) == ("loss", ts, step)
        assert same_float(g.value, v), (g.value, v)
    latest = client.get_run(run_id).data.metrics["loss"]
    assert same_float(latest, latest_by_mlflow_rule(HISTORY))
    assert latest == 1.2345678901234567e20
    assert mlrs.json("runs", "metric-history", "--run-id", run_id, "loss") == jsonable(
        [metric_dict(m) for m in got])
    assert_run_reads_the_same(mlrs, client, run_id)


def test_many_metric_points_from_full_batches_are_all_read_by_mlflow(store, mlrs, client):
    run_id = mlrs.start_run("--experiment-id", "0")
    points = [(T0 + i, i / 7.0, i - 1500) for i in range(3000)]
    for chunk in range(3):  # MLflow's batch limit is 1000 metrics
        mlrs.log_batch(run_id, {"metrics": [
            {"key": "curve", "value": v, "timestamp": ts, "step": s}
            for ts, v, s in points[chunk * 1000:(chunk + 1) * 1000]]})
    got = client.get_metric_history(run_id, "curve")
    assert [(m.timestamp, m.value, m.step) for m in got] == points
    assert client.get_run(run_id).data.metrics == {"curve": points[-1][1]}


@pytest.mark.parametrize("what,n", [("metrics", 1001), ("params", 101), ("tags", 101)])
def test_log_batch_over_mlflow_limits_is_refused_like_mlflow_and_writes_nothing(store, mlrs, client, what, n):
    run_id = mlrs.start_run("--experiment-id", "0")
    items = {"metrics": [{"key": "m%d" % i, "value": 1.0, "timestamp": T0, "step": 0} for i in range(n)],
             "params": [{"key": "p%d" % i, "value": "v"} for i in range(n)],
             "tags": [{"key": "t%d" % i, "value": "v"} for i in range(n)]}[what]
    before = client.get_run(run_id).data
    res = mlrs.log_batch(run_id, {what: items}, rc=5)
    assert res.stderr.startswith("error: ")
    twin = client.create_run("0").info.run_id
    kw = {"metrics": {"metrics": [Metric(i["key"], 1.0, T0, 0) for i in items]},
          "params": {"params": [Param(i["key"], i["value"]) for i in items]},
          "tags": {"tags": [RunTag(i["key"], i["value"]) for i in items]}}[what]
    # MlflowClient.log_batch splits big batches client-side (3.x); the store enforces the limits.
    store_api = client._tracking_client.store
    with pytest.raises(MlflowException, match="A batch logging request can contain at most"):
        store_api.log_batch(twin, **dict({"metrics": [], "params": [], "tags": []}, **kw))
    after = client.get_run(run_id).data
    assert (after.metrics, after.params, after.tags) == (before.metrics, before.params, before.tags)
    assert before.metrics == {} and before.params == {} and "t0" not in before.tags
    assert os.listdir(store.run_dir(run_id) / "metrics") == []
    assert os.listdir(store.run_dir(run_id) / "params") == []


@pytest.mark.parametrize("via", ["log-metric", "log-batch"])
def test_extreme_steps_and_timestamps_round_trip_exactly_through_mlflow(store, mlrs, client, via):
    points = [(0, 1.0, 2 ** 53 + 1), (2 ** 53 + 1, 2.0, -(2 ** 53 + 1)), (T0, 3.0, 2 ** 62),
              (9999999999999, 4.0, -(2 ** 62)), (1, 5.0, 0)]
    run_id = mlrs.start_run("--experiment-id", "0")
    if via == "log-metric":
        for ts, v, step in points:
            mlrs("runs", "log-metric", "--run-id", run_id, "m", repr(v), "--step", step, "--timestamp", ts)
    else:
        mlrs.log_batch(run_id, {"metrics": [{"key": "m", "value": v, "timestamp": ts, "step": step}
                                            for ts, v, step in points]})
    assert [(m.timestamp, m.value, m.step) for m in client.get_metric_history(run_id, "m")] == points
    assert client.get_run(run_id).data.metrics == {"m": 3.0}
    assert mlrs.json("runs", "metric-history", "--run-id", run_id, "m") == [
        {"key": "m", "value": v, "timestamp": ts, "step": step} for ts, v, step in points]
    assert_run_reads_the_same(mlrs, client, run_id)


@pytest.mark.parametrize("length,accepted", [(500, True), (501, False)])
def test_experiment_name_length_limit_matches_mlflow(store, mlrs, client, length, accepted):
    name = "n" * length
    if accepted:
        exp_id = mlrs.create_experiment(name)
        assert client.get_experiment(exp_id).name == name
        assert client.create_experiment("m" * length)
    else:
        res = mlrs("experiments", "create", "-n", name, rc=5)
        assert res.stderr.startswith("error: ")
        with pytest.raises(MlflowException):
            client.create_experiment("m" * length)
        assert [e.name for e in client.search_experiments(view_type=ViewType.ALL)] == ["Default"]


@pytest.mark.parametrize("via", ["set-tag", "log-batch"])
def test_long_run_tag_value_is_stored_like_mlflow(store, mlrs, client, via):
    """MLflow's set_tag stores any length in a file store; its log_batch truncates at 8000."""
    value = "t" * 9000
    run_id = mlrs.start_run("--experiment-id", "0")
    twin = client.create_run("0").info.run_id
    if via == "set-tag":
        mlrs("runs", "set-tag", "--run-id", run_id, "long", value)
        client.set_tag(twin, "long", value)
    else:
        mlrs.log_batch(run_id, {"tags": [{"key": "long", "value": value}]})
        client.log_batch(twin, tags=[RunTag("long", value)])
    theirs = client.get_run(twin).data.tags["long"]
    assert len(theirs) == (9000 if via == "set-tag" else 8000)
    assert client.get_run(run_id).data.tags["long"] == theirs


# ------------------------------------------------------------------------------------------------
# Tags and batches
# ------------------------------------------------------------------------------------------------
def test_run_tags_set_overwritten_and_deleted_by_mlrs_are_read_exactly_by_mlflow(store, mlrs, client):
    run_id = mlrs.start_run("--experiment-id", "0", "--run-name", "tagged")
    context = client.get_run(run_id).data.tags
    tags = {"nested/tag": "nested value", "multi_line": "a\nb\n\nc", "empty": "",
            "unicode": "ünï ✓", "multié": "unicode key", "padded": " p ", "mlflow.note.content": DESCRIPTION,
            "yes": "no", "overwritten": "old", "doomed": "x", "long": "t" * 7000}
    for k, v in tags.items():
        mlrs("runs", "set-tag", "--run-id", run_id, k, v)
    mlrs("runs", "set-tag", "--run-id", run_id, "overwritten", "new")
    mlrs("runs", "delete-tag", "--run-id", run_id, "doomed")
    expected = dict(context, **tags)
    expected["overwritten"] = "new"
    del expected["doomed"]
    assert client.get_run(run_id).data.tags == expected
    assert not (store.run_dir(run_id) / "tags" / "doomed").exists()
    assert_run_reads_the_same(mlrs, client, run_id)
    with pytest.raises(MlflowException):  # MLflow agrees the tag is gone
        client.delete_tag(run_id, "doomed")


def test_log_batch_of_metrics_params_and_tags_is_read_exactly_by_mlflow(store, mlrs, client):
    run_id = mlrs.start_run("--experiment-id", "0", "--run-name", "before")
    body = {
        "metrics": [
            {"key": "acc", "value": 0.5, "timestamp": T0, "step": 0},
            {"key": "acc", "value": "NaN", "timestamp": T0 + 1, "step": 1},
            {"key": "acc", "value": 0.75, "timestamp": T0 + 2, "step": 2},
            {"key": "batch/nested/metric", "value": "-Infinity", "timestamp": T0, "step": -1},
            {"key": "int_like", "value": 7, "timestamp": T0 + 123, "step": 3},
        ],
        "params": [{"key": "lr", "value": "0.01"}, {"key": "a/b/c", "value": "nested"},
                   {"key": "empty", "value": ""}, {"key": "ml", "value": "l1\nl2\n"}],
        "tags": [{"key": "mlflow.runName", "value": "2024-01-01"}, {"key": "team", "value": "yes"},
                 {"key": "mlflow.note.content", "value": DESCRIPTION}],
    }
    mlrs.log_batch(run_id, body)
    r = client.get_run(run_id)
    assert r.info.run_name == "2024-01-01"  # the runName tag in a batch renames the run
    assert r.data.params == {"lr": "0.01", "a/b/c": "nested", "empty": "", "ml": "l1\nl2\n"}
    assert {k: r.data.tags[k] for k in ("mlflow.runName", "team", "mlflow.note.content")} == {
        "mlflow.runName": "2024-01-01", "team": "yes", "mlflow.note.content": DESCRIPTION}
    assert jsonable(r.data.metrics) == {"acc": 0.75, "batch/nested/metric": "-Infinity", "int_like": 7.0}
    assert jsonable([metric_dict(m) for m in client.get_metric_history(run_id, "acc")]) == [
        {"key": "acc", "value": 0.5, "timestamp": T0, "step": 0},
        {"key": "acc", "value": "NaN", "timestamp": T0 + 1, "step": 1},
        {"key": "acc", "value": 0.75, "timestamp": T0 + 2, "step": 2}]
    assert store.run_meta(run_id)["run_name"] == "2024-01-01"
    assert_run_reads_the_same(mlrs, client, run_id)


# ------------------------------------------------------------------------------------------------
# Artifacts
# ------------------------------------------------------------------------------------------------
BIN = bytes(range(256)) + b"\x00\xff\xfe\r\n\x00"
TREE = {
    "a.txt": b"hello artifact\n",
    "empty.txt": b"",
    "dir/b.json": b'{"k": [1, 2, 3]}\n',
    "dir/sub/c.bin": BIN,
    "unicodé dir/ü file.txt": "ünïcödé ✓\n".encode(),
    "crlf.txt": b"line1\r\nline2\r\n",
}


def write_tree(base, files):
    for rel, data in files.items():
        p = Path(base, rel)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


def test_artifacts_logged_by_mlrs_are_listed_and_downloaded_identically_by_mlflow(store, mlrs, client, tmp_path):
    run_id = mlrs.start_run("--experiment-id", "0")
    twin = client.create_run("0").info.run_id
    src = tmp_path / "src"
    write_tree(src, TREE)
    single = tmp_path / "model.bin"
    single.write_bytes(BIN * 3)
    # the same logging through mlrs and through MLflow
    mlrs("artifacts", "log-artifacts", "-l", src, "-r", run_id)
    mlrs("artifacts", "log-artifacts", "-l", src / "dir", "-r", run_id, "-a", "deep/er")
    mlrs("artifacts", "log-artifact", "-l", single, "-r", run_id)
    mlrs("artifacts", "log-artifact", "-l", single, "-r", run_id, "-a", "logged/path")
    client.log_artifacts(twin, str(src))
    client.log_artifacts(twin, str(src / "dir"), "deep/er")
    client.log_artifact(twin, str(single))
    client.log_artifact(twin, str(single), "logged/path")

    listing = list_artifacts_recursive(client, run_id)
    assert listing == list_artifacts_recursive(client, twin)
    assert listing[""] == [
        {"path": "a.txt", "is_dir": False, "file_size": 15},
        {"path": "crlf.txt", "is_dir": False, "file_size": 14},
        {"path": "deep", "is_dir": True, "file_size": None},
        {"path": "dir", "is_dir": True, "file_size": None},
        {"path": "empty.txt", "is_dir": False, "file_size": 0},
        {"path": "logged", "is_dir": True, "file_size": None},
        {"path": "model.bin", "is_dir": False, "file_size": len(BIN) * 3},
        {"path": "unicodé dir", "is_dir": True, "file_size": None},
    ]
    assert listing["deep/er/sub"] == [{"path": "deep/er/sub/c.bin", "is_dir": False, "file_size": len(BIN)}]
    for level, infos in listing.items():
        args = ["-a", level] if level else []
        assert mlrs.json("artifacts", "list", "-r", run_id, *args) == infos

    dst = Path(H.mlflow_download(client, run_id, "", tmp_path / "dl"))
    expected = dict(TREE)
    expected.update({"deep/er/" + k[len("dir/"):]: v for k, v in TREE.items() if k.startswith("dir/")})
    expected.update({"model.bin": BIN * 3, "logged/path/model.bin": BIN * 3})
    got = {str(p.relative_to(dst)): p.read_bytes() for p in dst.rglob("*") if p.is_file()}
    assert got == expected


# ------------------------------------------------------------------------------------------------
# Every meta.yaml, as PyYAML (MLflow's YAML library) reads it
# ------------------------------------------------------------------------------------------------
EXP_KEYS = {"artifact_location", "creation_time", "experiment_id", "last_update_time",
            "lifecycle_stage", "name"}
RUN_KEYS = {"artifact_uri", "end_time", "entry_point_name", "experiment_id", "lifecycle_stage",
            "run_id", "run_name", "run_uuid", "source_name", "source_type", "source_version",
            "start_time", "status", "tags", "user_id"}


def test_every_meta_yaml_written_by_mlrs_loads_with_pyyaml_as_exact_strings(store, mlrs, client):
    names = {}  # exp_id -> intended name
    run_names = {}  # run_id -> intended run name
    for i, name in enumerate(HOSTILE_VALUES):
        exp_id = mlrs.create_experiment(name)
        names[exp_id] = name
        rid = mlrs.start_run("--experiment-id", exp_id, "--run-name", name)
        run_names[rid] = name
        if i % 3 == 1:
            mlrs("runs", "end", "--run-id", rid, "--status", "failed")
        if i % 5 == 2:
            mlrs("runs", "delete", "--run-id", rid)
    names["0"] = "Default"
    victim = next(e for e, n in names.items() if n == "yes")
    mlrs("experiments", "delete", "-x", victim)
    renamed = next(e for e, n in names.items() if n == "null")
    mlrs("experiments", "rename", "-x", renamed, "--new-name", "renamed: ~ yes")
    names[renamed] = "renamed: ~ yes"

    seen_exps, seen_runs = set(), set()
    for path in store.meta_yamls():
        doc = load_yaml(path)
        assert isinstance(doc, dict), path
        parent = path.parent
        if parent.parent in (store.root, store.root / ".trash"):  # experiment meta
            exp_id = parent.name
            assert EXP_KEYS <= set(doc), path
            assert doc["experiment_id"] == exp_id and type(doc["experiment_id"]) is str
            assert type(doc["name"]) is str and doc["name"] == names[exp_id]
            assert type(doc["artifact_location"]) is str
            assert type(doc["creation_time"]) is int and type(doc["last_update_time"]) is int
            assert doc["lifecycle_stage"] == ("deleted" if parent.parent.name == ".trash" else "active")
            assert experiment_dict(client.get_experiment(exp_id))["name"] == names[exp_id]
            seen_exps.add(exp_id)
        else:  # run meta
            run_id = parent.name
            assert RUN_KEYS <= set(doc), path
            assert doc["run_id"] == doc["run_uuid"] == run_id
            assert doc["experiment_id"] == parent.parent.name and type(doc["experiment_id"]) is str
            assert type(doc["run_name"]) is str and doc["run_name"] == run_names[run_id]
            assert doc["status"] in (1, 3, 4) and type(doc["status"]) is int
            assert type(doc["start_time"]) is int
            assert doc["end_time"] is None if doc["status"] == 1 else type(doc["end_time"]) is int
            assert (doc["entry_point_name"], doc["source_name"], doc["source_version"]) == ("", "", "")
            assert doc["source_type"] == 4 and doc["tags"] == []
            assert type(doc["user_id"]) is str and type(doc["artifact_uri"]) is str
            deleted = doc["lifecycle_stage"] == "deleted"
            assert deleted == (type(doc.get("deleted_time")) is int)
            info = client.get_run(run_id).info
            assert (info.run_name, info.lifecycle_stage, info.start_time, info.end_time) == (
                doc["run_name"], doc["lifecycle_stage"], doc["start_time"], doc["end_time"])
            seen_runs.add(run_id)
    assert seen_exps == set(names)
    assert seen_runs == set(run_names)
    assert {e.name for e in client.search_experiments(view_type=ViewType.ALL)} == set(names.values())


# ------------------------------------------------------------------------------------------------
# One rich store: everything at once, compared document for document (incl. the mlflow CLI)
# ------------------------------------------------------------------------------------------------
def test_rich_store_written_by_mlrs_reads_identically_in_mlflow_client_cli_and_mlrs(
        store, mlrs, client, mlflow_cli, tmp_path):
    exp_id = mlrs.create_experiment("main")
    mlrs("experiments", "set-tag", "-x", exp_id, "mlflow.note.content", DESCRIPTION)
    parent = mlrs.start_run("--experiment-id", exp_id, "--run-name", "parent",
                            "--description", "run\ndescription", "-t", "k=v")
    for key, value in [("a/b/c", "nested"), ("empty", ""), ("multi", "l1\nl2"), ("long", "z" * 6500)]:
        mlrs("runs", "log-param", "--run-id", parent, key, value)
    for ts, v, step in HISTORY:
        mlrs("runs", "log-metric", "--run-id", parent, "loss", repr(v), "--step", step, "--timestamp", ts)
    for key, text in [("nan_metric", "nan"), ("inf_metric", "inf"), ("neginf_metric", "-inf"),
                      ("tiny", "1e-07"), ("huge", "1.2345678901234567e+20"), ("int_like", "7")]:
        mlrs("runs", "log-metric", "--run-id", parent, key, text, "--timestamp", T0)
    src = tmp_path / "src"
    write_tree(src, TREE)
    mlrs("artifacts", "log-artifacts", "-l", src, "-r", parent)
    child = mlrs.create_run("--experiment-id", exp_id, "--run-name", "child", "--parent-run-id", parent,
                            "--status", "failed")
    gone = mlrs.create_run("--experiment-id", exp_id, "--run-name", "gone")
    mlrs("runs", "delete", "--run-id", gone)
    mlrs("runs", "end", "--run-id", parent, "--status", "killed")
    other = mlrs.create_experiment("12:30")
    mlrs.create_run("--experiment-id", other, "--run-name", "null")
    mlrs("experiments", "delete", "-x", other)

    H.assert_stores_agree(mlrs, client)
    for run_id in (parent, child):
        a, b = comparable_run_docs(mlrs.describe(run_id), mlflow_cli.describe_run(run_id))
        assert a == b
    assert client.get_run(parent).data.tags["mlflow.note.content"] == "run\ndescription"
    assert client.get_run(parent).data.params["long"] == "z" * 6000
