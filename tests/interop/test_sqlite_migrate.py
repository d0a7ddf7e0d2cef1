"""`mlrs store migrate` from a SQLite database MLflow 3.17.2 wrote into a file store, and a file
store's registry into SQLite: real MLflow reads the copy exactly as it reads the original
(experiments in every view, runs, params, tags, every metric point, registered models, versions
with their stages, tags and aliases, soft-deleted versions so that the next version number is
the same), and a second migration copies nothing.
"""
import math

import pytest
from mlflow.entities import Metric, Param, ViewType
from mlflow.tracking import MlflowClient

import interop_helpers as H
from interop_helpers import HOSTILE_VALUES
from test_sqlite import T0, needs_head, open_client, sql, sql_mlrs  # noqa: F401 (fixtures)


def model_dict(m):
    return {"name": m.name, "description": m.description,
            "creation_timestamp": m.creation_timestamp,
            "last_updated_timestamp": m.last_updated_timestamp,
            "tags": dict(m.tags),
            # MLflow's SQL store gives alias versions as ints, its file store as strings.
            "aliases": {k: str(v) for k, v in m.aliases.items()}}


def version_dict(v):
    return {k: getattr(v, k) for k in (
        "name", "version", "creation_timestamp", "last_updated_timestamp", "current_stage",
        "description", "source", "run_id", "status", "status_message", "run_link", "user_id")} | {
        "tags": dict(v.tags), "aliases": sorted(v.aliases)}


def metric_rows(client, run_id, key):
    return [(m.key, m.step, m.timestamp, "nan" if math.isnan(m.value) else m.value)
            for m in client.get_metric_history(run_id, key)]


def assert_same_tracking(a, b, exp_ids):
    for view in (ViewType.ACTIVE_ONLY, ViewType.DELETED_ONLY, ViewType.ALL):
        assert [H.experiment_dict(e) for e in a.search_experiments(view_type=view)] == \
            [H.experiment_dict(e) for e in b.search_experiments(view_type=view)], view
    for r in H.search_all_runs(a, exp_ids, ViewType.ALL):
        s = b.get_run(r.info.run_id)
        assert H.run_dict(s)["info"] == H.run_dict(r)["info"]
        assert s.data.params == r.data.params and s.data.tags == r.data.tags
        assert H.jsonable(s.data.metrics) == H.jsonable(r.data.metrics)
        for key in r.data.metrics:
            assert metric_rows(a, r.info.run_id, key) == metric_rows(b, r.info.run_id, key), key


def assert_same_registry(a, b, name, versions):
    assert model_dict(a.get_registered_model(name)) == model_dict(b.get_registered_model(name))
    # (search_model_versions leaves aliases out on MLflow's SQL store, not on its file store:
    # each version is read with get_model_version.)
    numbers = sorted(int(v.version) for v in a.search_model_versions("name='%s'" % name))
    assert numbers == sorted(int(v.version) for v in b.search_model_versions("name='%s'" % name))
    assert len(numbers) == versions
    for n in numbers:
        x, y = version_dict(a.get_model_version(name, n)), version_dict(b.get_model_version(name, n))
        assert {k: (x[k], y[k]) for k in x if x[k] != y[k]} == {}, n
    for alias in a.get_registered_model(name).aliases:
        assert version_dict(a.get_model_version_by_alias(name, alias)) == \
            version_dict(b.get_model_version_by_alias(name, alias))


@needs_head
def test_a_database_mlflow_wrote_migrates_into_a_file_store_mlflow_reads_the_same(sql, open_client, tmp_path):
    sclient = open_client()
    exp = sclient.create_experiment("back ✓", tags={"yes": "no", "12:30": "on"})
    runs = []
    for i, value in enumerate(HOSTILE_VALUES[:6]):
        run = sclient.create_run(exp, run_name="r%d" % i, tags={"t": value}).info.run_id
        sclient.log_batch(run, metrics=[Metric("loss", 1.0 / (i + 1), T0 + i, i),
                                        Metric("loss", float("nan"), T0 + i, i + 1),
                                        Metric("inf", float("-inf"), T0, 0),
                                        Metric("a/b", 2.5, T0 + 5, 3)],
                          params=[Param("p", value)])
        runs.append(run)
    sclient.set_terminated(runs[0], "FAILED")
    sclient.delete_run(runs[2])
    gone = sclient.create_experiment("gone")
    runs.append(sclient.create_run(gone).info.run_id)
    sclient.delete_experiment(gone)
    model_src = str((tmp_path / "model").resolve())
    sclient.create_registered_model("yes", tags={"12:30": "on"}, description="2024-01-01")
    for _ in range(4):
        sclient.create_model_version("yes", model_src, run_id=runs[0], description="d")
    sclient.transition_model_version_stage("yes", "1", "Production")
    sclient.transition_model_version_stage("yes", "2", "Staging")
    sclient.set_registered_model_alias("yes", "champion", "1")
    sclient.set_model_version_tag("yes", "2", "é ü", "multi\nline")
    sclient.delete_model_version("yes", "4")  # the highest: its number must not come back
    sclient.create_registered_model("empty")

    root = (tmp_path / "back").resolve()
    mlrs = H.Mlrs(H.Store(root=root, work=sql.work))
    res = mlrs("store", "migrate", "--from", sql.uri, "--to", str(root), "-o", "json").json()
    assert res["runs_copied"] == 7 and res["metric_points_copied"] == 24, res
    assert res["models_copied"] == 2 and res["model_versions_copied"] == 4, res

    fclient = MlflowClient(tracking_uri=root.as_uri(), registry_uri=root.as_uri())
    assert_same_tracking(sclient, fclient, [exp, gone, "0"])
    assert_same_registry(sclient, fclient, "yes", 3)
    assert_same_registry(sclient, fclient, "empty", 0)
    # mlrs reads the copy as MLflow does.
    H.assert_stores_agree(mlrs, fclient)

    again = mlrs("store", "migrate", "--from", sql.uri, "--to", str(root), "-o", "json").json()
    assert again["runs_copied"] == 0 and again["runs_unchanged"] == 7, again
    assert again["models_copied"] == 0 and again["models_unchanged"] == 2, again

    # The soft-deleted version 4 came along: both stores give the next version number 5.
    assert str(sclient.create_model_version("yes", model_src, run_id=runs[0]).version) == \
        str(fclient.create_model_version("yes", model_src, run_id=runs[0]).version) == "5"


@needs_head
def test_a_file_registry_mlflow_wrote_migrates_into_sqlite_and_mlflow_reads_the_same(sql, sql_mlrs, open_client, tmp_path):
    root = (tmp_path / "mlruns").resolve()
    fclient = MlflowClient(tracking_uri=root.as_uri(), registry_uri=root.as_uri())
    exp = fclient.create_experiment("reg")
    run = fclient.create_run(exp).info.run_id
    src = str((tmp_path / "model").resolve())
    fclient.create_registered_model("mon_modele_rf", tags={"yes": "2024-01-01"})
    for _ in range(3):
        fclient.create_model_version("mon_modele_rf", src, run_id=run, tags={"on": "off"})
    fclient.transition_model_version_stage("mon_modele_rf", "3", "Production")
    fclient.transition_model_version_stage("mon_modele_rf", "1", "Archived")
    fclient.set_registered_model_alias("mon_modele_rf", "prod", "3")
    fclient.update_model_version("mon_modele_rf", "2", "ünïcode ✓")
    fclient.delete_model_version("mon_modele_rf", "3")
    res = sql_mlrs("store", "migrate", "--from", root, "--to", sql.uri, "-o", "json").json()
    assert res["models_copied"] == 1 and res["model_versions_copied"] == 3, res
    sclient = open_client()
    assert_same_tracking(fclient, sclient, [exp, "0"])
    assert_same_registry(fclient, sclient, "mon_modele_rf", 2)
    assert str(sclient.create_model_version("mon_modele_rf", src, run_id=run).version) == \
        str(fclient.create_model_version("mon_modele_rf", src, run_id=run).version) == "4"
