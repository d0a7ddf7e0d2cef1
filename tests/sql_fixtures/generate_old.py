"""Writes populated-<version>.db with the MLflow of the running interpreter (run with the 2.22.0
venv: `cd "$(mktemp -d)" && ~/.cache/mlrs-interop-venvs/mlflow2/bin/python
/path/to/tests/sql_fixtures/generate_old.py /path/to/tests/sql_fixtures`).

mlrs refuses such a database (an older schema revision) until `mlflow db upgrade`; the interop
suite upgrades a copy with MLflow 3.17.2 and compares what mlrs and MLflow read from it.
"""
import os
import sys

os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
import mlflow  # noqa: E402
from mlflow.entities import Metric, Param, RunTag  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

out = os.path.join(sys.argv[1], "populated-%s.db" % mlflow.__version__)
if os.path.exists(out):
    os.remove(out)
c = MlflowClient(tracking_uri="sqlite:///" + os.path.abspath(out))
T0 = 1700000000000
exp = c.create_experiment("old ✓", tags={"k": "yes"})
for i, value in enumerate(["plain", "yes", "12:30", "日本語", "- dash", "", "a\nb"]):
    run = c.create_run(exp, run_name="r%d" % i, tags={"t": value}).info.run_id
    c.log_batch(run, metrics=[Metric("loss", 1.0 / (i + 1), T0 + i, i),
                              Metric("loss", float("nan"), T0 + i, i + 1),
                              Metric("big", float("inf"), T0, 0)],
                params=[Param("p", value)], tags=[RunTag("i", str(i))])
    if i % 2:
        c.set_terminated(run, "FINISHED")
    if i == 3:
        c.delete_run(run)
gone = c.create_experiment("gone")
c.create_run(gone)
c.delete_experiment(gone)
print(out)
