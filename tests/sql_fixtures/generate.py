"""Regenerate the SQLite fixtures with real MLflow (run from a scratch directory):

    ~/.cache/mlrs-interop-venvs/mlflow3/bin/python /path/to/tests/sql_fixtures/generate.py

Writes, next to this file: empty-<ver>.db, schema-<ver>.sql (sqlite_master DDL as `.schema`
prints it), populated-<ver>.db and populated-<ver>.json (what MlflowClient reads back).
"""
import json, math, os, sqlite3, sys, tempfile, time

import mlflow
from mlflow import MlflowClient
from mlflow.entities import Metric, Param, RunTag

HERE = os.path.dirname(os.path.abspath(__file__))
VER = mlflow.__version__


def schema_dump(path):
    con = sqlite3.connect(path)
    rows = con.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    ).fetchall()
    rev = con.execute("SELECT version_num FROM alembic_version").fetchall()
    con.close()
    return "".join(r[0] + ";\n" for r in rows), [r[0] for r in rev]


def fnum(x):
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    return x


def main():
    scratch = tempfile.mkdtemp(prefix="mlrs-sqlfix-")
    os.chdir(scratch)
    empty = os.path.join(HERE, f"empty-{VER}.db")
    for p in (empty,):
        if os.path.exists(p):
            os.remove(p)
    MlflowClient(tracking_uri=f"sqlite:///{empty}").search_experiments()
    ddl, rev = schema_dump(empty)
    con = sqlite3.connect(empty)
    con.execute("VACUUM")
    con.close()
    with open(os.path.join(HERE, f"schema-{VER}.sql"), "w") as f:
        f.write(ddl)
    os.remove(empty)  # 950 KB of empty pages; the DDL and revision are what tests need
    from alembic.script import ScriptDirectory
    from mlflow.store.db.utils import _get_alembic_config
    script = ScriptDirectory.from_config(_get_alembic_config("sqlite://"))
    revs = [s.revision for s in script.walk_revisions()]  # newest first
    with open(os.path.join(HERE, f"revisions-{VER}.txt"), "w") as f:
        f.write("".join(r + "\n" for r in revs))

    pop = os.path.join(HERE, f"populated-{VER}.db")
    if os.path.exists(pop):
        os.remove(pop)
    uri = f"sqlite:///{pop}"
    c = MlflowClient(tracking_uri=uri, registry_uri=uri)
    e1 = c.create_experiment("alpha", tags={"team": "日本語", "yaml": "yes"})
    e2 = c.create_experiment("beta 12:30", artifact_location="/tmp/beta-art")
    e3 = c.create_experiment("gone")
    c.delete_experiment(e3)
    c.set_experiment_tag(e1, "k:v", "<<")

    r1 = c.create_run(e1, run_name="first", tags={"hostile": "yes", "colon": "12:30"}, start_time=1700000000000)
    rid = r1.info.run_id
    c.log_param(rid, "lr", "0.01")
    c.log_param(rid, "eq", "=")
    c.log_param(rid, "uni", "日本語")
    t = 1700000001000
    for step, v in enumerate([1.0, 0.5, float("nan"), float("inf"), float("-inf"), 0.25]):
        c.log_metric(rid, "loss", v, timestamp=t + step, step=step)
    c.log_metric(rid, "loss", 0.125, timestamp=t + 10, step=5)  # same step twice
    c.log_metric(rid, "nanlast", float("nan"), timestamp=t, step=9)
    c.log_metric(rid, "nanlast", 3.0, timestamp=t, step=1)
    c.log_batch(rid, metrics=[Metric("acc", 0.9, t, 0), Metric("acc", 0.95, t + 1, 1)],
                params=[Param("batch", "<<")], tags=[RunTag("note", "no")])
    c.set_terminated(rid, "FINISHED", end_time=1700000009000)

    child = c.create_run(e1, run_name="child", tags={"mlflow.parentRunId": rid}, start_time=1700000010000)
    c.log_metric(child.info.run_id, "loss", 2.0, timestamp=t, step=0)
    dead = c.create_run(e1, run_name="dead", start_time=1700000020000)
    c.delete_run(dead.info.run_id)
    r4 = c.create_run(e2, start_time=1700000030000)
    c.log_metric(r4.info.run_id, "x", -0.0, timestamp=t, step=0)

    c.create_registered_model("model-a", tags={"owner": "yes"}, description="日本語 <<")
    for run in (rid, child.info.run_id):
        c.create_model_version("model-a", f"runs:/{run}/model", run_id=run, tags={"v": "=" })
    c.transition_model_version_stage("model-a", "1", "Production")
    c.transition_model_version_stage("model-a", "2", "Staging")
    c.set_registered_model_alias("model-a", "champion", "1")
    c.set_model_version_tag("model-a", "2", "k", "12:30")

    out = {"mlflow_version": VER, "alembic_version": rev, "experiments": [], "runs": [],
           "metric_histories": {}, "registered_models": [], "model_versions": []}
    for e in c.search_experiments(view_type=3):
        out["experiments"].append({"experiment_id": e.experiment_id, "name": e.name,
            "artifact_location": e.artifact_location, "lifecycle_stage": e.lifecycle_stage,
            "tags": e.tags, "creation_time": e.creation_time, "last_update_time": e.last_update_time})
    for e in out["experiments"]:
        for r in c.search_runs([e["experiment_id"]], run_view_type=3):
            i = r.info
            out["runs"].append({"run_id": i.run_id, "experiment_id": i.experiment_id, "run_name": i.run_name,
                "user_id": i.user_id, "status": i.status, "start_time": i.start_time, "end_time": i.end_time,
                "artifact_uri": i.artifact_uri, "lifecycle_stage": i.lifecycle_stage,
                "params": r.data.params, "tags": r.data.tags,
                "metrics": {k: fnum(v) for k, v in r.data.metrics.items()}})
            for k in r.data.metrics:
                out["metric_histories"][f"{i.run_id}/{k}"] = [
                    {"key": m.key, "value": fnum(m.value), "timestamp": m.timestamp, "step": m.step}
                    for m in c.get_metric_history(i.run_id, k)]
    for m in c.search_registered_models():
        out["registered_models"].append({"name": m.name, "description": m.description, "tags": m.tags,
            "aliases": m.aliases, "creation_timestamp": m.creation_timestamp})
    for v in c.search_model_versions("name='model-a'"):
        out["model_versions"].append({"name": v.name, "version": v.version, "current_stage": v.current_stage,
            "source": v.source, "run_id": v.run_id, "tags": v.tags, "aliases": v.aliases, "status": v.status})
    with open(os.path.join(HERE, f"populated-{VER}.json"), "w") as f:
        json.dump(out, f, indent=1, ensure_ascii=False, sort_keys=True)
    con = sqlite3.connect(pop)
    con.execute("VACUUM")
    con.close()
    print("alembic", rev)


if __name__ == "__main__":
    main()
