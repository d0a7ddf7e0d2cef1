"""Fixtures of the live interop suite: mlrs and a real MLflow on the same file store.

Run it through ``tests/interop/run.sh`` (builds mlrs, prepares one venv per MLflow version and runs
pytest from a scratch directory).  By hand, from any scratch directory:

    MLRS_BIN=/work/main/target/release/mlrs MLFLOW_ALLOW_FILE_STORE=true \
        /work/venvs/mlflow3/bin/python -m pytest /work/main/tests/interop

Every fixture is function-scoped, so every test gets a fresh, empty store in its own tmp dir:

* ``store``      -- ``Store``: ``root`` (``<tmp>/mlruns``, created by the first writer), ``uri``
                    (``file:///…``), ``work`` (scratch cwd), ``exp_dir``/``run_dir``/
                    ``run_meta``/``exp_meta``/``meta_yamls``.
* ``mlrs``       -- ``Mlrs`` bound to the store: ``mlrs("runs", "list", …)`` asserts exit 0
                    (``rc=N`` to expect another code, ``rc=None`` not to check) and returns a
                    ``Result`` (``rc``, ``stdout``, ``stderr``, ``.json()``, ``.value`` for -q).
* ``client``     -- ``MlflowClient(tracking_uri=store.uri, registry_uri=store.uri)``.
* ``fluent``     -- the ``mlflow`` module with its global tracking/registry URI set to the store
                    (active runs ended and URIs reset afterwards).
* ``mlflow_cli`` -- the real ``mlflow`` executable of this venv, ``MLFLOW_TRACKING_URI`` = store.

Helpers (``interop_helpers``): ``jsonable`` (NaN/±inf → "NaN"/"Infinity"/"-Infinity", as mlrs
prints them), ``same_float``, ``experiment_dict``, ``run_dict``, ``metric_dict``,
``file_info_dict``, ``comparable_run_docs``, ``search_all_runs``, ``list_artifacts_recursive``,
``load_yaml`` (PyYAML, as MLflow reads meta.yaml).
"""
import os
from pathlib import Path

import pytest

pytest.register_assert_rewrite("interop_helpers")
import interop_helpers as H  # noqa: E402  # sets up the environment before mlflow is imported
from mlflow.tracking import MlflowClient  # noqa: E402


def pytest_configure(config):
    if not H.MLRS_BIN or not os.access(H.MLRS_BIN, os.X_OK):
        raise pytest.UsageError(
            "MLRS_BIN must name the built mlrs binary (got %r); tests/interop/run.sh sets it"
            % H.MLRS_BIN)
    if not os.access(H.MLFLOW_EXE, os.X_OK):
        raise pytest.UsageError("no mlflow executable at %s" % H.MLFLOW_EXE)
    here = Path(__file__).resolve().parent
    if Path.cwd().resolve() in [here, *here.parents]:
        raise pytest.UsageError(
            "run the interop suite from a scratch directory, not from the checkout (MLflow 3 "
            "may create mlflow.db in the working directory); tests/interop/run.sh does that")


def pytest_report_header(config):
    return ["mlflow %s (%s)" % (H.MLFLOW_VERSION, os.path.dirname(H.mlflow.__file__)),
            "mlrs binary: %s" % H.MLRS_BIN]


@pytest.fixture
def store(tmp_path):
    work = tmp_path / "cwd"
    work.mkdir()
    return H.Store(root=(tmp_path / "mlruns").resolve(), work=work)


@pytest.fixture
def mlrs(store):
    return H.Mlrs(store)


@pytest.fixture
def client(store):
    return MlflowClient(tracking_uri=store.uri, registry_uri=store.uri)


@pytest.fixture
def fluent(store, monkeypatch):
    mlflow = H.mlflow
    monkeypatch.setenv("MLFLOW_TRACKING_URI", store.uri)
    monkeypatch.setenv("MLFLOW_REGISTRY_URI", store.uri)
    monkeypatch.chdir(store.work)
    mlflow.set_tracking_uri(store.uri)
    if hasattr(mlflow, "set_registry_uri"):
        mlflow.set_registry_uri(store.uri)
    yield mlflow
    while mlflow.active_run() is not None:
        mlflow.end_run()
    from mlflow.tracking import fluent as _fluent
    if hasattr(_fluent, "_active_experiment_id"):
        _fluent._active_experiment_id = None
    # Back to "no URI set" (set_tracking_uri(None) is not accepted by every version).
    from mlflow.tracking._model_registry import utils as _registry_utils
    from mlflow.tracking._tracking_service import utils as _tracking_utils
    _tracking_utils._tracking_uri = None
    _registry_utils._registry_uri = None


@pytest.fixture
def mlflow_cli(store):
    return H.MlflowCli(store)
