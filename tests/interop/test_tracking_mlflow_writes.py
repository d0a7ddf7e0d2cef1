"""Direction 2: the real MLflow of this venv writes the store, mlrs reads the same values.

MLflow writes with MlflowClient and the fluent API; every read command of mlrs (`experiments
search/get`, `runs list/describe/metric-history`, `artifacts list/download`) is compared with
MlflowClient's answer, and `runs describe` also with the real `mlflow runs describe`.
"""
import math
import time
from pathlib import Path

import pytest
from mlflow.entities import (Dataset, DatasetInput, InputTag, Metric, Param, RunTag, ViewType)

import interop_helpers as H
from interop_helpers import (HOSTILE_STRINGS, MLFLOW_MAJOR, comparable_run_docs, experiment_dict,
                             jsonable, metric_dict, run_dict, search_all_runs)

T0 = 1700000000000
DESCRIPTION = ("# Main experiment\n\nThis is a *multi-line* description.\n- item: one\n"
               "- item #two\n  indented line with trailing spaces   \n")
BIN = bytes(range(256)) + b"\x00\xff\xfe\r\n\x00"
ARTIFACTS = {
    "a.txt": b"hello artifact\n",
    "empty.txt": b"",
    "dir/b.json": b'{"k": [1, 2, 3], "s": "\\u00e9"}\n',
    "dir/sub/c.bin": BIN,
    "unicodé dir/ü file.txt": "ünïcödé ✓\n".encode("utf-8"),
}
# MLflow can't create an experiment whose name contains "'" (its uniqueness check builds an
# unescaped filter string), in 2.22 and 3.17 alike.
MLFLOW_EXPERIMENT_NAMES = [(i, v) for i, v in HOSTILE_STRINGS if "'" not in v]


def write_tree(base, files):
    for rel, data in files.items():
        p = Path(base, rel)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


def log_tree(client, run_id, tmp_path, files, artifact_path=None):
    src = tmp_path / ("src-%d" % time.monotonic_ns())
    write_tree(src, files)
    client.log_artifacts(run_id, str(src), artifact_path)


def build_mlflow_store(client, fluent, tmp_path):
    """A store as rich as the fixtures' generator, written by MLflow only. Returns run ids by role."""
    ids = {}
    e_main = client.create_experiment(
        "old-name", tags={"mlflow.note.content": DESCRIPTION, "team": "ml", "nested/exp/tag": "deep"})
    client.set_experiment_tag(e_main, "unicode", "ünïcödé ✓ 日本語")
    client.set_experiment_tag(e_main, "multiline", "first\nsecond\n")
    client.set_experiment_tag(e_main, "empty", "")
    e_yes = client.create_experiment("yes", tags={"kind": "yaml-bool-name"})
    e_date = client.create_experiment("2024-01-01")
    client.create_experiment("12:30")  # stays without runs
    e_uni = client.create_experiment("exp é unicode", tags={"ключ": "значение"})
    e_long = client.create_experiment(
        "a long experiment name with spaces that is longer than the eighty column yaml width so it folds")
    e_multi = client.create_experiment("multi\nline ~")
    e_del = client.create_experiment("deleted-experiment", tags={"doomed": "true"})
    e_rest = client.create_experiment("restored-experiment")

    with fluent.start_run(experiment_id=e_main, run_name="parent") as parent_run:
        pid = ids["parent"] = parent_run.info.run_id
        fluent.log_params({"lr": 0.01, "epochs": 10, "optimizer": "adam"})
        for k, v in [("a/b/c", "nested key"), ("empty", ""), ("multi_line", "line1\nline2\n"),
                     ("unicode", "héllo wörld ✓ 日本"), ("trailing", "value with trailing   "),
                     ("leading", "  leading spaces"), ("none_value", None), ("yaml_like", "yes"),
                     ("key with spaces", "v"), ("ключ", "unicode key"), ("colon:param", "c:v"),
                     ("long", "L" * 7000)]:
            fluent.log_param(k, v)
        for k, v in [("nested/tag", "nested value"), ("multi_line_tag", "a\nb\n\nc"),
                     ("mlflow.note.content", "Parent run description\n\nwith **markdown**"),
                     ("multié", "unicode key"), ("empty_tag", ""), ("colon:tag", "c:t")]:
            fluent.set_tag(k, v)
        for s, v in enumerate([1.0, 0.5, 0.25, 0.125, 0.0625]):
            client.log_metric(pid, "loss", v, timestamp=T0 + 1000 * s, step=s)
        for s, v in [(-5, 10.0), (-1, 11.0), (0, 12.0)]:
            client.log_metric(pid, "neg_step", v, timestamp=T0 + 100 + s, step=s)
        for v, ts, s in [(0.1, 10, 1), (0.2, 20, 1), (0.3, 5, 1), (0.4, 20, 0)]:
            client.log_metric(pid, "dup_step", v, timestamp=T0 + ts, step=s)
        for v in (1.0, 2.0, 1.5):
            client.log_metric(pid, "tie", v, timestamp=T0, step=2)
        for _ in range(2):
            client.log_metric(pid, "twice", 3.0, timestamp=T0, step=0)
        for key, v in [("nan_metric", math.nan), ("inf_metric", math.inf), ("neginf_metric", -math.inf),
                       ("tiny", 1e-07), ("huge", 1.2345678901234567e20), ("e16", 1e16),
                       ("neg_zero", -0.0), ("big_decimal", 1234567890123456.0), ("colon:metric", 0.5)]:
            client.log_metric(pid, key, v, timestamp=T0, step=0)
        for s, v in enumerate([math.nan, math.inf, -math.inf, 1.0]):
            client.log_metric(pid, "special_history", v, timestamp=T0 + s, step=s)
        for s, v in enumerate([1.0, math.nan]):
            client.log_metric(pid, "ends_nan", v, timestamp=T0 + s, step=s)
        client.log_batch(pid, metrics=[Metric("int_like", 7, T0 + 123, 3), Metric("int_like", 8, T0 + 124, 4),
                                       Metric("batch/nested/metric", 0.5, T0, 0)],
                         params=[Param("batch_param", "from batch"), Param("int_param", "42")],
                         tags=[RunTag("batch_tag", "from batch")])
        fluent.log_metric("fluent_metric", 0.75)
        fluent.log_metrics({"m1": 1.5, "m2": -2.5})
        fluent.log_metric("unicodé_metric", 3.25)
        log_tree(client, pid, tmp_path, ARTIFACTS)
        log_tree(client, pid, tmp_path, {"more.txt": b"nested under a logged artifact_path\n"}, "logged/path")
        client.log_inputs(pid, datasets=[
            DatasetInput(Dataset(name="train_ds", digest="abc123", source_type="local",
                                 source='{"uri": "/data/train.csv"}', schema='{"a": "long"}',
                                 profile='{"num_rows": 3}'),
                         tags=[InputTag("mlflow.data.context", "training"), InputTag("split", "train")]),
            DatasetInput(Dataset(name="eval_ds", digest="def456", source_type="http",
                                 source='{"url": "https://example.com/eval.csv"}'), tags=[])])
        with fluent.start_run(experiment_id=e_main, run_name="child", nested=True) as child_run:
            cid = ids["child"] = child_run.info.run_id
            fluent.log_param("child_param", "c")
            for s in range(3):
                client.log_metric(cid, "child_loss", 1.0 / (s + 1), timestamp=T0 + s, step=s)
            log_tree(client, cid, tmp_path, {"child.txt": b"child artifact\n"})

    if MLFLOW_MAJOR >= 3:  # logged models: a run output, and a model input of another run
        from mlflow.entities import LoggedModelInput, LoggedModelOutput
        lm = client.create_logged_model(experiment_id=e_main, name="lm", source_run_id=pid)
        client.log_outputs(pid, [LoggedModelOutput(lm.model_id, 3)])
        consumer = ids["consumer"] = client.create_run(e_main, run_name="consumer").info.run_id
        client.log_inputs(consumer, models=[LoggedModelInput(lm.model_id)])
        client.set_terminated(consumer)

    def new_run(exp, name, status="FINISHED", **tags):
        r = client.create_run(exp, tags=tags, run_name=name).info.run_id
        if status:
            client.set_terminated(r, status)
        return r

    ids["failed"] = r = new_run(e_main, "yes", None, purpose="failed run")
    client.log_param(r, "p", "1")
    client.log_metric(r, "loss", 9.5, timestamp=T0, step=0)
    client.set_terminated(r, "FAILED")
    ids["killed"] = new_run(e_main, "null", "KILLED")
    ids["running"] = r = new_run(e_main, "~", None)
    client.log_metric(r, "progress", 0.3, timestamp=T0, step=0)
    ids["deleted"] = r = new_run(e_main, " padded ")
    client.log_param(r, "p", "deleted run param")
    log_tree(client, r, tmp_path, {"deleted.txt": b"artifact of a deleted run\n"})
    client.delete_run(r)
    ids["restored"] = r = new_run(e_main, "0x1F")
    client.delete_run(r)
    client.restore_run(r)
    for key, name in [("n_1e5", "1e5"), ("n_colon", "a: b"), ("n_hash", "#x"), ("n_unicode", "ラン é ✓"),
                      ("n_tab", "tab\there"), ("n_date", "2024-01-01"), ("n_none", "None"),
                      ("n_multi", "multi\nline\n"), ("n_quote", "it's")]:
        ids[key] = new_run(e_main, name, hostile_name="true")

    with fluent.start_run(experiment_id="0") as run0:  # generated run name, mlflow.user etc.
        fluent.log_param("default_param", "x")
        fluent.log_metric("default_metric", 1.0)
        ids["default"] = run0.info.run_id
    r = new_run(e_yes, "run in yes")
    new_run(e_date, "run in date exp")
    r = new_run(e_uni, "unicode exp run é")
    client.log_param(r, "é", "ü")
    new_run(e_long, "long-exp-run")
    new_run(e_multi, "multi\nline ~")
    ids["in_deleted_exp"] = r = new_run(e_del, "in-deleted-exp")
    log_tree(client, r, tmp_path, {"trash.txt": b"lives in .trash\n", "sub/x.txt": b"x\n"})
    client.delete_run(new_run(e_del, "deleted-in-deleted-exp"))
    new_run(e_rest, "kept")
    client.delete_run(new_run(e_rest, "deleted-before-exp-delete"))
    client.delete_experiment(e_del)
    client.delete_experiment(e_rest)
    client.restore_experiment(e_rest)
    client.rename_experiment(e_main, "main-experiment")
    ids["e_main"], ids["e_del"] = e_main, e_del
    return ids


@pytest.fixture
def mlflow_store(client, fluent, tmp_path):
    return build_mlflow_store(client, fluent, tmp_path)


# ------------------------------------------------------------------------------------------------
def test_every_mlrs_read_command_agrees_with_mlflow_on_an_mlflow_written_store(mlflow_store, mlrs, client):
    H.assert_stores_agree(mlrs, client)
    # not vacuous: the store has what it should
    assert len(client.search_experiments(view_type=ViewType.ALL)) == 10
    assert len(client.get_run(mlflow_store["parent"]).data.metrics) >= 20


def test_mlrs_runs_describe_matches_the_mlflow_executable(mlflow_store, mlrs, mlflow_cli):
    run_id = mlflow_store["parent"]
    a, b = comparable_run_docs(mlrs.describe(run_id), mlflow_cli.describe_run(run_id))
    assert a == b
    assert len(a["data"]["metrics"]) >= 20 and "NaN" in a["data"]["metrics"].values()


def test_mlrs_runs_describe_matches_mlflow_runs_describe_for_every_run(mlflow_store, mlrs, client, mlflow_cli):
    run_ids = [r.info.run_id for r in search_all_runs(
        client, [e.experiment_id for e in client.search_experiments(view_type=ViewType.ALL)], ViewType.ALL)]
    assert len(run_ids) >= 25
    docs, errors = mlflow_cli.describe_runs(run_ids)
    if MLFLOW_MAJOR >= 3:
        # MLflow surprise: `mlflow runs describe` crashes on a run with a logged-model input.
        assert errors == {mlflow_store["consumer"]: "TypeError: Object of type LoggedModelInput "
                                                    "is not JSON serializable"}
    else:
        assert errors == {}
    for run_id, doc in docs.items():
        a, b = comparable_run_docs(mlrs.describe(run_id), doc)
        assert a == b, run_id


@pytest.mark.parametrize("view", ["active_only", "deleted_only", "all"])
def test_mlrs_runs_list_json_prints_whole_run_documents_like_search_runs(mlflow_store, mlrs, client, view):
    """cli.md: JSON records follow `mlflow runs describe` ({info, data, inputs, outputs})."""
    exp_id = mlflow_store["e_main"]
    theirs = [run_dict(r) for r in search_all_runs(client, [exp_id], getattr(ViewType, view.upper()))]
    mine = mlrs.json("runs", "list", "--experiment-id", exp_id, "-v", view)
    assert len(mine) == len(theirs) > 0
    for a, b in zip(mine, theirs):
        a, b = comparable_run_docs(a, b)
        assert a == b


@pytest.mark.parametrize("name", [v for _, v in MLFLOW_EXPERIMENT_NAMES], ids=[i for i, _ in MLFLOW_EXPERIMENT_NAMES])
def test_hostile_experiment_name_written_by_mlflow_is_read_by_mlrs(store, mlrs, client, name):
    exp_id = client.create_experiment(name, tags={"k": name})
    doc = experiment_dict(client.get_experiment(exp_id))
    assert doc["name"] == name
    assert mlrs.get_experiment(exp_id) == doc
    assert mlrs.json("experiments", "get", "-n", name) == doc
    assert [e for e in mlrs.json("experiments", "search", "-v", "all") if e["name"] == name] == [doc]


@pytest.mark.parametrize("name", H.HOSTILE_VALUES, ids=H.HOSTILE_IDS)
def test_hostile_run_name_written_by_mlflow_is_read_by_mlrs(store, mlrs, client, name):
    run_id = client.create_run("0", run_name=name).info.run_id
    assert mlrs.describe(run_id)["info"]["run_name"] == name
    H.assert_run_reads_the_same(mlrs, client, run_id)
    (listed,) = mlrs.json("runs", "list", "--experiment-id", "0")
    assert listed["info"]["run_name"] == name


@pytest.mark.parametrize("value", H.HOSTILE_VALUES, ids=H.HOSTILE_IDS)
def test_hostile_param_and_tag_values_written_by_mlflow_are_read_by_mlrs(store, mlrs, client, value):
    run_id = client.create_run("0").info.run_id
    client.log_param(run_id, "p", value)
    client.set_tag(run_id, "t", value)
    exp_id = client.create_experiment("e")
    client.set_experiment_tag(exp_id, "t", value)
    doc = mlrs.describe(run_id)
    assert (doc["data"]["params"]["p"], doc["data"]["tags"]["t"]) == (value, value)
    assert mlrs.get_experiment(exp_id)["tags"] == {"t": value}
    H.assert_run_reads_the_same(mlrs, client, run_id)


METRIC_VALUES = [
    ("nan", math.nan), ("inf", math.inf), ("-inf", -math.inf), ("1e-07", 1e-07),
    ("huge", 1.2345678901234567e20), ("int", 7), ("negative-zero", -0.0), ("1e16", 1e16),
    ("big-decimal", 1234567890123456.0), ("min-subnormal", 5e-324),
    ("max-double", 1.7976931348623157e308), ("0.1", 0.1), ("third", 1 / 3), ("negative", -2.5),
]


@pytest.mark.parametrize("value", [v for _, v in METRIC_VALUES], ids=[i for i, _ in METRIC_VALUES])
def test_metric_value_written_by_mlflow_is_read_exactly_by_mlrs(store, mlrs, client, value):
    run_id = client.create_run("0").info.run_id
    client.log_metric(run_id, "m", value, timestamp=T0 + 5, step=-7)
    client.log_batch(run_id, metrics=[Metric("b", value, T0, 2)])
    for key, ts, step in (("m", T0 + 5, -7), ("b", T0, 2)):
        (point,) = mlrs.json("runs", "metric-history", "--run-id", run_id, key)
        assert point == jsonable({"key": key, "value": float(value), "timestamp": ts, "step": step})
        got = H.from_jsonable(point["value"])
        assert H.same_float(got, float(value))  # -0.0 stays -0.0, NaN stays NaN
    assert mlrs.describe(run_id)["data"]["metrics"] == jsonable({"m": float(value), "b": float(value)})
    H.assert_run_reads_the_same(mlrs, client, run_id)


def test_long_metric_history_written_by_mlflow_is_read_in_order_by_mlrs(store, mlrs, client):
    run_id = client.create_run("0").info.run_id
    points = [Metric("curve", (i % 17) / 3.0 if i % 101 else math.nan, T0 + (i * 7919) % 5000, i - 1000)
              for i in range(2500)]
    for i in range(0, len(points), 1000):
        client.log_batch(run_id, metrics=points[i:i + 1000])
    theirs = jsonable([metric_dict(m) for m in client.get_metric_history(run_id, "curve")])
    assert len(theirs) == 2500
    assert mlrs.json("runs", "metric-history", "--run-id", run_id, "curve") == theirs
    assert mlrs.describe(run_id)["data"]["metrics"] == jsonable(client.get_run(run_id).data.metrics)


def test_artifacts_written_by_mlflow_are_downloaded_identically_by_mlrs(mlflow_store, mlrs, client, tmp_path):
    run_id = mlflow_store["parent"]
    theirs = Path(H.mlflow_download(client, run_id, "", tmp_path / "theirs"))
    mine = Path(mlrs("artifacts", "download", "-r", run_id, "-d", tmp_path / "mine").stdout.strip())
    files = lambda root: {str(p.relative_to(root)): p.read_bytes()  # noqa: E731
                          for p in root.rglob("*") if p.is_file()}
    assert files(mine) == files(theirs)
    assert files(theirs)["dir/sub/c.bin"] == BIN and len(files(theirs)) == 6
    # a sub-directory, and the runs:/ URI form
    sub = Path(mlrs("artifacts", "download", "-r", run_id, "-a", "dir", "-d", tmp_path / "sub").stdout.strip())
    sub_theirs = Path(H.mlflow_download(client, run_id, "dir", tmp_path / "sub-theirs"))
    assert sub.name == sub_theirs.name == "dir" and files(sub) == files(sub_theirs)
    one = Path(mlrs("artifacts", "download", "-u", "runs:/%s/dir/sub/c.bin" % run_id,
                    "-d", tmp_path / "one").stdout.strip())
    assert one.read_bytes() == BIN and one.name == "c.bin"


def test_artifacts_of_a_run_in_a_deleted_experiment_are_read_from_trash_by_mlrs_only(mlflow_store, mlrs, client, store):
    """Documented difference (README, "Moved stores"): MLflow lists nothing for them, mlrs
    reads the run's own artifacts/ directory that moved to .trash with the experiment."""
    run_id = mlflow_store["in_deleted_exp"]
    assert client.get_run(run_id).info.lifecycle_stage == "deleted"
    assert client.list_artifacts(run_id) == []
    assert store.run_dir(run_id).parent.parent.name == ".trash"
    assert mlrs.json("artifacts", "list", "-r", run_id) == [
        {"path": "sub", "is_dir": True, "file_size": None},
        {"path": "trash.txt", "is_dir": False, "file_size": 16}]


@pytest.mark.skipif(MLFLOW_MAJOR < 3, reason="dataset-tagged metric lines exist since MLflow 3.0")
def test_dataset_tagged_metric_line_from_mlflow3_differs_only_in_step_as_documented(store, mlrs, client):
    """README, deliberate difference: MLflow 3 reads the step of a 5-field line as 0."""
    run_id = client.create_run("0").info.run_id
    client.log_metric(run_id, "acc", 0.9, timestamp=T0, step=5, dataset_name="ds", dataset_digest="abc")
    client.log_metric(run_id, "acc", 0.8, timestamp=T0 + 1, step=1)
    assert (store.run_dir(run_id) / "metrics" / "acc").read_text() == \
        "%d 0.9 5 ds abc\n%d 0.8 1\n" % (T0, T0 + 1)
    theirs = [metric_dict(m) for m in client.get_metric_history(run_id, "acc")]
    mine = mlrs.json("runs", "metric-history", "--run-id", run_id, "acc")
    assert theirs == [{"key": "acc", "value": 0.9, "timestamp": T0, "step": 0},
                      {"key": "acc", "value": 0.8, "timestamp": T0 + 1, "step": 1}]
    assert mine == [{"key": "acc", "value": 0.9, "timestamp": T0, "step": 5},
                    {"key": "acc", "value": 0.8, "timestamp": T0 + 1, "step": 1}]
    assert client.get_run(run_id).data.metrics == {"acc": 0.8}  # (1, ..) beats MLflow's (0, ..)
    assert mlrs.describe(run_id)["data"]["metrics"] == {"acc": 0.9}  # (5, ..) beats (1, ..)


@pytest.mark.skipif(MLFLOW_MAJOR < 3, reason="logged models exist since MLflow 3.0")
def test_logged_model_inputs_and_outputs_from_mlflow3_are_read_by_mlrs(mlflow_store, mlrs, client):
    parent, consumer = mlflow_store["parent"], mlflow_store["consumer"]
    model_id = client.get_run(parent).outputs.model_outputs[0].model_id
    assert mlrs.describe(parent)["outputs"] == {"model_outputs": [{"model_id": model_id, "step": 3}]}
    assert mlrs.describe(consumer)["inputs"]["model_inputs"] == [{"model_id": model_id}]
    for run_id in (parent, consumer):
        H.assert_run_reads_the_same(mlrs, client, run_id)
