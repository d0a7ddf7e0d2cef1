#!/usr/bin/env python
"""Samples written by the real mlflow-export-import tool (databricks-mlflow-export-import 1.2.1)
under MLflow 3.17.2, for mlrs' import tests (tests/cli_transfer.rs).

    MLFLOW_ALLOW_FILE_STORE=true /work/venvs/mlflow3/bin/python tests/transfer_fixtures/generate.py \
        tests/transfer_fixtures

Needs a venv with ``mlflow==3.17.2 databricks-mlflow-export-import==1.2.1`` (the peer's
``export-experiment``, ``export-run`` and ``export-model`` commands are run from that venv's
``bin/``). Everything happens in a scratch directory under /tmp; only loopback is used.

It writes into OUT_DIR (wiped first, except this script and README.md):

* ``filestore/experiment/``  ``export-experiment --export-deleted-runs true`` of an experiment that
  MLflow wrote into a file store: nested, failed, killed, running and deleted runs, metric
  histories with NaN/±inf, multi-line and nested keys, artifacts in sub-directories, a dataset input.
* ``filestore/run/``         ``export-run`` of the parent run of that experiment.
* ``server/experiment/``     ``export-experiment`` from a ``mlflow server`` with a SQLite backend
                             (which stores ±inf as ±1.797e308).
* ``server/model/``          ``export-model`` of a registered model on that server (the peer can
                             export models only over HTTP): versions in every stage, aliases, tags,
                             descriptions, and each version's run under ``<run_id>/``.
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

if len(sys.argv) != 2:
    sys.exit(__doc__)

OUT = os.path.abspath(sys.argv[1])
SCRATCH = "/tmp/mlrs-transfer-gen"
shutil.rmtree(SCRATCH, ignore_errors=True)
os.makedirs(os.path.join(SCRATCH, "cwd"))
os.chdir(os.path.join(SCRATCH, "cwd"))
BIN = os.path.dirname(sys.executable)

os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
for var in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI", "MLFLOW_EXPERIMENT_ID"):
    os.environ.pop(var, None)

import mlflow  # noqa: E402
import pandas as pd  # noqa: E402
from mlflow.entities import Metric  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

T0 = 1700000000000


def peer(cmd, uri, *args):
    env = dict(os.environ, MLFLOW_TRACKING_URI=uri, MLFLOW_REGISTRY_URI=uri)
    proc = subprocess.run([os.path.join(BIN, cmd), *args], env=env, capture_output=True, text=True,
                          timeout=600)
    if proc.returncode != 0:
        sys.exit(f"{cmd} failed:\n{proc.stdout}\n{proc.stderr}")


def write_artifacts(client, run_id):
    src = os.path.join(SCRATCH, "art-src", run_id)
    os.makedirs(os.path.join(src, "model", "data"))
    with open(os.path.join(src, "notes.txt"), "w") as f:
        f.write("plain text artifact\n")
    with open(os.path.join(src, "model", "MLmodel"), "w") as f:
        f.write("artifact_path: model\nflavors: {}\nrun_id: %s\n" % run_id)
    with open(os.path.join(src, "model", "data", "weights.bin"), "wb") as f:
        f.write(bytes(range(256)))
    client.log_artifacts(run_id, src)


def populate(client, exp_name):
    """Writes the sample experiment through `client`; returns (experiment id, parent run id)."""
    exp_id = client.create_experiment(
        exp_name, tags={"team": "ml", "mlflow.note.content": "Sample for mlrs.\n\nSecond line é"})
    parent = client.create_run(exp_id, start_time=T0, run_name="parent",
                               tags={"mlflow.user": "alice", "mlflow.source.type": "LOCAL"})
    pid = parent.info.run_id
    client.log_batch(pid, params=[
        mlflow.entities.Param("lr", "0.01"),
        mlflow.entities.Param("nested/depth", "3"),
        mlflow.entities.Param("multi", "line1\nline2"),
    ], tags=[mlflow.entities.RunTag("mlflow.note.content", "run note")])
    history = [1.5, float("nan"), float("inf"), float("-inf"), 1e-07, 0.25]
    client.log_batch(pid, metrics=[Metric("loss", v, T0 + i, i) for i, v in enumerate(history)]
                     + [Metric("acc", 0.5, T0 + 10, -1), Metric("acc", 0.75, T0 + 11, 2),
                        Metric("acc", 0.75, T0 + 11, 2)])
    write_artifacts(client, pid)
    df = pd.DataFrame({"a": [1, 2], "b": [0.5, 1.5]})
    dataset = mlflow.data.from_pandas(df, source="/data/train.csv", name="train")
    client.log_inputs(pid, datasets=[mlflow.entities.DatasetInput(
        dataset._to_mlflow_entity(), tags=[mlflow.entities.InputTag("mlflow.data.context", "training")])])
    client.set_terminated(pid, "FINISHED", end_time=T0 + 5000)

    child = client.create_run(exp_id, start_time=T0 + 100, run_name="child",
                              tags={"mlflow.parentRunId": pid})
    client.log_metric(child.info.run_id, "loss", 0.9, timestamp=T0 + 101, step=0)
    client.set_terminated(child.info.run_id, "FAILED", end_time=T0 + 200)

    killed = client.create_run(exp_id, start_time=T0 + 300, run_name="killed")
    client.set_terminated(killed.info.run_id, "KILLED", end_time=T0 + 400)

    client.create_run(exp_id, start_time=T0 + 500, run_name="still-running")

    deleted = client.create_run(exp_id, start_time=T0 + 600, run_name="deleted")
    client.log_param(deleted.info.run_id, "p", "gone")
    client.set_terminated(deleted.info.run_id, "FINISHED", end_time=T0 + 700)
    client.delete_run(deleted.info.run_id)
    return exp_id, pid


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(os.path.dirname(path), exist_ok=True)


# --- A file store written by MLflow -------------------------------------------------------------
store_uri = "file://" + os.path.join(SCRATCH, "mlruns")
exp_id, parent_id = populate(MlflowClient(store_uri, store_uri), "transfer-sample")
fresh(os.path.join(OUT, "filestore"))
peer("export-experiment", store_uri, "--experiment", exp_id, "--export-deleted-runs", "true",
     "--output-dir", os.path.join(OUT, "filestore", "experiment"))
peer("export-run", store_uri, "--run-id", parent_id,
     "--output-dir", os.path.join(OUT, "filestore", "run"))

# --- A tracking server with a SQLite backend ----------------------------------------------------
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
server_dir = os.path.join(SCRATCH, "server")
os.makedirs(server_dir)
server = subprocess.Popen(
    [os.path.join(BIN, "mlflow"), "server", "--backend-store-uri",
     "sqlite:///" + os.path.join(server_dir, "mlflow.db"), "--default-artifact-root",
     os.path.join(server_dir, "artifacts"), "--host", "127.0.0.1", "--port", str(port),
     "--workers", "1"],
    cwd=server_dir, stdout=open(os.path.join(server_dir, "server.log"), "w"),
    stderr=subprocess.STDOUT, start_new_session=True)
url = f"http://127.0.0.1:{port}"
try:
    deadline = time.time() + 240
    while True:
        try:
            urllib.request.urlopen(url + "/health", timeout=2).read()
            break
        except Exception:
            if time.time() > deadline or server.poll() is not None:
                sys.exit("mlflow server did not start; see " + server_dir + "/server.log")
            time.sleep(1)
    client = MlflowClient(url, url)
    sexp_id, srun_id = populate(client, "server-sample")
    other = client.create_run(sexp_id, start_time=T0 + 800, run_name="second-model-run")
    write_artifacts(client, other.info.run_id)
    client.set_terminated(other.info.run_id, "FINISHED", end_time=T0 + 900)

    name = "sample-model"
    client.create_registered_model(name, tags={"team": "ml", "nested/tag": "x"},
                                   description="Model description.\n\nWith two lines.")
    v1 = client.create_model_version(name, f"runs:/{srun_id}/model", srun_id,
                                     tags={"validated": "true"}, description="first")
    v2 = client.create_model_version(name, f"runs:/{srun_id}/model", srun_id, description="second")
    v3 = client.create_model_version(name, f"runs:/{other.info.run_id}/model", other.info.run_id)
    v4 = client.create_model_version(name, f"runs:/{other.info.run_id}/model", other.info.run_id)
    client.transition_model_version_stage(name, v1.version, "Archived")
    client.transition_model_version_stage(name, v2.version, "Staging")
    client.transition_model_version_stage(name, v3.version, "Production")
    client.set_registered_model_alias(name, "champion", v3.version)
    client.set_registered_model_alias(name, "challenger", v2.version)
    client.set_registered_model_alias(name, "old", v1.version)
    client.set_model_version_tag(name, v4.version, "candidate", "yes")

    fresh(os.path.join(OUT, "server"))
    peer("export-experiment", url, "--experiment", sexp_id,
         "--output-dir", os.path.join(OUT, "server", "experiment"))
    peer("export-model", url, "--model", name, "--output-dir", os.path.join(OUT, "server", "model"))
finally:
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)

shutil.rmtree(SCRATCH, ignore_errors=True)
print("samples written to", OUT)
