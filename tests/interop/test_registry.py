"""Model registry interop: mlrs and a real MLflow (3.17.2 or 2.22.0) on one store, a file store
and (MLflow 3.17) a SQLite database.

* A model logged and registered by MLflow is listed, described, tagged, transitioned, aliased
  and renamed by mlrs; MlflowClient then sees exactly what mlrs set, and
  ``mlflow.pyfunc.load_model("models:/<name>/Production")`` and ``"models:/<name>@champion"``
  load and predict.
* The reverse: what mlrs registers from ``runs:/…`` is recorded as MLflow records it, and MLflow
  transitions, aliases, loads and registers further versions of it.
* Eight concurrent ``mlrs models register`` (and then eight concurrent transitions with
  ``--archive-existing-versions``) leave a registry MLflow reads: versions 1..8, one Production.

Self-contained (no helpers from the rest of the suite). Needs ``MLRS_BIN``; run from a scratch
directory with ``MLFLOW_ALLOW_FILE_STORE=true``:

    MLRS_BIN=/work/main/target/debug/mlrs MLFLOW_ALLOW_FILE_STORE=true \\
        /work/venvs/mlflow3/bin/python -m pytest /work/main/tests/interop/test_registry.py
"""
import json
import os
import subprocess
from pathlib import Path

os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")

import mlflow  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

MLRS_BIN = os.environ.get("MLRS_BIN", "")
MLFLOW_3 = int(mlflow.__version__.split(".")[0]) >= 3


class AddN(mlflow.pyfunc.PythonModel):
    """The smallest model that proves the right artifacts were loaded: adds n to column x."""

    def __init__(self, n):
        self.n = n

    def predict(self, context, model_input, params=None):
        return [float(x) + self.n for x in model_input["x"]]


class Env:
    """One scratch store shared by mlrs, MlflowClient and the fluent API."""

    def __init__(self, tmp_path, backend):
        self.backend = backend
        if backend == "sqlite":
            # a SQL store keeps run artifacts under ./mlruns of the working directory
            self.root = (tmp_path / "mlflow.db").resolve()
            self.uri = "sqlite:///" + str(self.root)
        else:
            self.root = (tmp_path / "mlruns").resolve()
            self.uri = self.root.as_uri()
        self.client = MlflowClient(tracking_uri=self.uri, registry_uri=self.uri)

    @property
    def keeps_model_id(self):
        """MLflow 3's file store records a version's logged model id; its SQL schema has no
        column for it (MlflowClient reads None there)."""
        return MLFLOW_3 and self.backend == "file"

    def mlrs(self, *args, rc=0):
        proc = subprocess.run(
            [MLRS_BIN, "--tracking-uri", self.uri, *args],
            capture_output=True, text=True, env=self._env())
        if rc is not None:
            assert proc.returncode == rc, (args, proc.returncode, proc.stdout, proc.stderr)
        return proc

    def mlrs_json(self, *args):
        return json.loads(self.mlrs(*args, "-o", "json").stdout)

    def spawn(self, *args):
        return subprocess.Popen(
            [MLRS_BIN, "--tracking-uri", self.uri, *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self._env())

    @staticmethod
    def _env():
        env = dict(os.environ)
        for var in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI", "MLFLOW_EXPERIMENT_ID"):
            env.pop(var, None)
        env["NO_COLOR"] = "1"
        return env

    def log_model(self, n):
        """Logs AddN(n) as `model` in a new run (a logged model in MLflow 3, run artifacts in
        MLflow 2) and returns the run id."""
        mlflow.set_experiment("registry-interop")
        with mlflow.start_run() as run:
            kwargs = {"name": "model"} if MLFLOW_3 else {"artifact_path": "model"}
            mlflow.pyfunc.log_model(python_model=AddN(n), pip_requirements=["mlflow"], **kwargs)
        return run.info.run_id


SQL_SCHEMA = tuple(int(x) for x in mlflow.__version__.split(".")[:2]) >= (3, 17)


@pytest.fixture(params=["file", "sqlite"])
def env(request, tmp_path, monkeypatch):
    if not MLRS_BIN or not os.access(MLRS_BIN, os.X_OK):
        pytest.fail("MLRS_BIN must name the built mlrs binary")
    if request.param == "sqlite" and not SQL_SCHEMA:
        pytest.skip("mlrs writes MLflow 3.17's SQL schema revision; older ones are refused")
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)  # MLflow 3 may create mlflow.db in the working directory
    e = Env(tmp_path, request.param)
    monkeypatch.setenv("MLFLOW_TRACKING_URI", e.uri)
    monkeypatch.setenv("MLFLOW_REGISTRY_URI", e.uri)
    mlflow.set_tracking_uri(e.uri)
    mlflow.set_registry_uri(e.uri)
    yield e
    while mlflow.active_run() is not None:
        mlflow.end_run()
    from mlflow.tracking import fluent as _fluent
    if hasattr(_fluent, "_active_experiment_id"):
        _fluent._active_experiment_id = None
    from mlflow.tracking._model_registry import utils as _registry_utils
    from mlflow.tracking._tracking_service import utils as _tracking_utils
    _tracking_utils._tracking_uri = None
    _registry_utils._registry_uri = None


def predict(uri):
    return list(mlflow.pyfunc.load_model(uri).predict(pd.DataFrame({"x": [1, 2]})))


def aliases(rm):
    """A registered model's aliases, versions as strings: MLflow's SQL store hands them out as
    the ints of its column, its file store as strings."""
    return {k: str(v) for k, v in rm.aliases.items()}


def stages(client, name):
    return {int(v.version): v.current_stage
            for v in client.search_model_versions(f"name = '{name}'")}


def test_mlflow_registered_model_is_managed_by_mlrs(env):
    c = env.client
    run1 = env.log_model(10)
    run2 = env.log_model(20)
    mlflow.register_model(f"runs:/{run1}/model", "interop-model")
    mlflow.register_model(f"runs:/{run2}/model", "interop-model")

    listed = env.mlrs_json("models", "list")
    assert [m["name"] for m in listed] == ["interop-model"]
    versions = env.mlrs_json("models", "versions", "interop-model")
    for got in versions:
        want = c.get_model_version("interop-model", got["version"])
        assert got["source"] == want.source
        assert got["run_id"] == want.run_id
        assert got["current_stage"] == want.current_stage == "None"
        assert got["creation_timestamp"] == want.creation_timestamp

    env.mlrs("models", "update", "interop-model", "--description", "fraud: v2\n\nsecond line")
    env.mlrs("models", "update-version", "interop-model", "2", "--description", "yes")
    env.mlrs("models", "set-tag", "interop-model", "team", "risk")
    env.mlrs("models", "set-tag", "interop-model", "12:30", "on")
    env.mlrs("models", "set-version-tag", "interop-model", "2", "validated", "true")
    env.mlrs("models", "transition", "interop-model", "1", "production")
    env.mlrs("models", "transition", "interop-model", "2", "Staging")
    env.mlrs("models", "transition", "interop-model", "2", "PRODUCTION",
             "--archive-existing-versions")
    env.mlrs("models", "set-alias", "interop-model", "champion", "2")
    env.mlrs("models", "set-alias", "interop-model", "challenger", "1")
    env.mlrs("models", "delete-alias", "interop-model", "challenger")

    rm = c.get_registered_model("interop-model")
    assert rm.description == "fraud: v2\n\nsecond line"
    assert rm.tags == {"team": "risk", "12:30": "on"}
    assert aliases(rm) == {"champion": "2"}
    assert {(int(v.version), v.current_stage) for v in rm.latest_versions} == {
        (1, "Archived"), (2, "Production")}
    assert stages(c, "interop-model") == {1: "Archived", 2: "Production"}
    v2 = c.get_model_version("interop-model", "2")
    assert v2.description == "yes"
    assert v2.tags == {"validated": "true"}
    assert v2.aliases == ["champion"]
    assert c.get_model_version("interop-model", "1").aliases == []
    assert int(c.get_model_version_by_alias("interop-model", "champion").version) == 2

    assert predict("models:/interop-model/Production") == [21.0, 22.0]
    assert predict("models:/interop-model@champion") == [21.0, 22.0]
    path = env.mlrs("models", "resolve", "models:/interop-model@champion").stdout.strip()
    assert (Path(path) / "MLmodel").is_file()

    # a proper rename: MLflow finds versions, tags and aliases under the new name
    env.mlrs("models", "rename", "interop-model", "renamed-model")
    rm = c.get_registered_model("renamed-model")
    assert rm.tags == {"team": "risk", "12:30": "on"}
    assert aliases(rm) == {"champion": "2"}
    assert c.get_model_version("renamed-model", "2").tags == {"validated": "true"}
    assert stages(c, "renamed-model") == {1: "Archived", 2: "Production"}
    assert predict("models:/renamed-model@champion") == [21.0, 22.0]
    assert [m.name for m in c.search_registered_models()] == ["renamed-model"]

    # soft delete as MLflow does it: MLflow no longer sees the version, numbers go on
    env.mlrs("models", "delete-version", "renamed-model", "1")
    assert stages(c, "renamed-model") == {2: "Production"}
    mv = mlflow.register_model(f"runs:/{run1}/model", "renamed-model")
    assert int(mv.version) == 3


def test_mlrs_registered_model_is_recorded_and_managed_like_mlflow(env):
    c = env.client
    run = env.log_model(5)
    uri = f"runs:/{run}/model"
    out = env.mlrs("models", "register", "-q", uri, "reverse", "-t", "commit=abc123")
    assert out.stdout.strip() == "1"
    assert env.mlrs("models", "register", "-q", uri, "reverse").stdout.strip() == "2"
    reference = mlflow.register_model(uri, "reference")

    mine = c.get_model_version("reverse", "1")
    assert mine.source == reference.source
    assert mine.run_id == reference.run_id == run
    assert (c.get_model_version_download_uri("reverse", "1")
            == c.get_model_version_download_uri("reference", reference.version))
    if env.keeps_model_id:
        assert mine.model_id == reference.model_id and mine.model_id.startswith("m-")
    elif MLFLOW_3:
        assert c.get_model_version("reference", "1").model_id is None
        assert mine.model_id is None
    if MLFLOW_3:
        (logged,) = c.search_logged_models(experiment_ids=[c.get_run(run).info.experiment_id])
        versions_tag = json.loads(c.get_logged_model(logged.model_id).tags["mlflow.modelVersions"])
        assert versions_tag == [{"name": "reverse", "version": 1}, {"name": "reverse", "version": 2},
                                {"name": "reference", "version": 1}]
    assert mine.tags == {"commit": "abc123"}
    assert mine.current_stage == "None" and mine.status == "READY"

    c.transition_model_version_stage("reverse", "1", "Production")
    c.transition_model_version_stage("reverse", "2", "Production", archive_existing_versions=True)
    c.set_registered_model_alias("reverse", "champion", "1")
    c.set_registered_model_tag("reverse", "owner", "mlflow")
    c.update_model_version("reverse", "2", description="set by MLflow")
    assert predict("models:/reverse/Production") == [6.0, 7.0]
    assert predict("models:/reverse@champion") == [6.0, 7.0]

    got = env.mlrs_json("models", "get", "reverse")
    assert got["aliases"] == {"champion": "1"}
    assert got["tags"] == {"owner": "mlflow"}
    assert [(v["version"], v["current_stage"]) for v in got["latest_versions"]] == [
        ("2", "Production"), ("1", "Archived")]
    v2 = env.mlrs_json("models", "get-version", "reverse", "2")
    assert v2["description"] == "set by MLflow"
    assert env.mlrs("models", "latest", "reverse", "--stage", "production",
                    "-q").stdout == "2\n"
    assert (env.mlrs("models", "get-version", "reverse", "--alias", "champion", "-q").stdout
            == "1\n")

    # MLflow keeps numbering after versions mlrs created
    assert int(mlflow.register_model(uri, "reverse").version) == 3


def test_mlrs_written_names_and_values_read_back_exactly(env):
    run = env.log_model(1)
    hostile = ["yes", "12:30", "None", "1e5", "#x", "- dash", "multi\nline", "é ü", ""]
    env.mlrs("models", "create", "yes", "--description", "2024-01-01",
             *[a for i, v in enumerate(hostile) for a in ("-t", f"k{i}={v}")])
    env.mlrs("models", "register", f"runs:/{run}/model", "yes", "--description", "~")
    rm = env.client.get_registered_model("yes")
    assert rm.description == "2024-01-01"
    assert rm.tags == {f"k{i}": v for i, v in enumerate(hostile)}
    mv = env.client.get_model_version("yes", "1")
    assert mv.description == "~"
    assert isinstance(mv.version, (int, str)) and int(mv.version) == 1


def test_concurrent_mlrs_registers_and_transitions_are_read_by_mlflow(env):
    c = env.client
    run = env.log_model(100)
    procs = [env.spawn("models", "register", "-q", f"runs:/{run}/model", "concurrent")
             for _ in range(8)]
    got = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        got.append(int(out.strip()))
    assert sorted(got) == list(range(1, 9))
    assert sorted(int(v.version) for v in c.search_model_versions("name = 'concurrent'")) == list(
        range(1, 9))
    if MLFLOW_3:
        # every register also linked its version from the logged model, none lost
        model_id = c.search_logged_models(
            experiment_ids=[c.get_run(run).info.experiment_id])[0].model_id
        linked = json.loads(c.get_logged_model(model_id).tags["mlflow.modelVersions"])
        assert sorted(d["version"] for d in linked) == list(range(1, 9))

    procs = [env.spawn("models", "transition", "concurrent", str(v), "Production",
                       "--archive-existing-versions") for v in range(1, 9)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    final = stages(c, "concurrent")
    assert sorted(final.values()) == ["Archived"] * 7 + ["Production"]
    prod = [v for v, s in final.items() if s == "Production"]
    assert [int(v.version) for v in c.get_latest_versions("concurrent", ["Production"])] == prod
    assert predict("models:/concurrent/Production") == [101.0, 102.0]
    assert int(mlflow.register_model(f"runs:/{run}/model", "concurrent").version) == 9
