"""Helpers of the live interop suite (imported by conftest.py and the test modules).

Importing this module prepares the environment *before* mlflow is imported: file stores allowed
(MLflow >= 3.13 refuses them otherwise), no async logging, no telemetry, and no leaked
MLFLOW_TRACKING_URI / MLFLOW_REGISTRY_URI / experiment or run ids from the caller's shell.
"""
import contextlib
import json
import math
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("MLFLOW_ALLOW_FILE_STORE", "true")
os.environ.setdefault("MLFLOW_ENABLE_ASYNC_LOGGING", "false")
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
for _var in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI", "MLFLOW_EXPERIMENT_ID",
             "MLFLOW_EXPERIMENT_NAME", "MLFLOW_RUN_ID"):
    os.environ.pop(_var, None)

import mlflow  # noqa: E402
import yaml  # noqa: E402  (PyYAML: what MLflow itself reads meta.yaml with)
from mlflow.tracking import MlflowClient  # noqa: E402,F401

MLFLOW_VERSION = mlflow.__version__
MLFLOW_MAJOR, MLFLOW_MINOR = (int(x) for x in MLFLOW_VERSION.split(".")[:2])
MLFLOW_EXE = str(Path(sys.executable).with_name("mlflow"))
MLRS_BIN = os.environ.get("MLRS_BIN", "")


# ------------------------------------------------------------------------------------------------
# The store
# ------------------------------------------------------------------------------------------------
@dataclass
class Store:
    root: Path  # <tmp>/mlruns (absolute; created by whoever writes first)
    work: Path  # scratch working directory for subprocesses

    @property
    def uri(self):
        return self.root.as_uri()  # file:///abs/path

    def exp_dir(self, exp_id):
        """The experiment's directory, active or in .trash (exactly one must exist)."""
        hits = [p for p in (self.root / exp_id, self.root / ".trash" / exp_id)
                if (p / "meta.yaml").is_file()]
        assert len(hits) == 1, "experiment %s: %r" % (exp_id, hits)
        return hits[0]

    def run_dir(self, run_id):
        hits = [p for p in [*self.root.glob("*/" + run_id), *self.root.glob(".trash/*/" + run_id)]
                if (p / "meta.yaml").is_file()]
        assert len(hits) == 1, "run %s: %r" % (run_id, hits)
        return hits[0]

    def meta_yamls(self):
        return sorted(self.root.rglob("meta.yaml"))

    def run_meta(self, run_id):
        return load_yaml(self.run_dir(run_id) / "meta.yaml")

    def exp_meta(self, exp_id):
        return load_yaml(self.exp_dir(exp_id) / "meta.yaml")


def load_yaml(path):
    """Load a YAML file the way MLflow does: PyYAML's safe loader (the C one when available).

    Both loaders must agree, so a file that only one of them reads right fails here.
    """
    text = Path(path).read_bytes().decode("utf-8")
    doc = yaml.safe_load(text)
    if hasattr(yaml, "CSafeLoader"):
        assert yaml.load(text, Loader=yaml.CSafeLoader) == doc, "C and pure loaders disagree on %s" % path
    return doc


# ------------------------------------------------------------------------------------------------
# mlrs
# ------------------------------------------------------------------------------------------------
class Result:
    def __init__(self, args, proc):
        self.args = args
        self.rc = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr

    def json(self):
        try:
            return json.loads(self.stdout)
        except ValueError as e:
            raise AssertionError("mlrs %s printed no JSON (%s): %r / stderr %r"
                                 % (self.args, e, self.stdout, self.stderr))

    @property
    def value(self):
        """The one line printed under -q, without its newline."""
        out = self.stdout
        assert out.endswith("\n") and out.count("\n") == 1, "mlrs %s -q printed %r" % (self.args, out)
        return out[:-1]

    def __repr__(self):
        return "<mlrs %s rc=%s stdout=%r stderr=%r>" % (self.args, self.rc, self.stdout, self.stderr)


class Mlrs:
    """The mlrs binary bound to one store (through MLFLOW_TRACKING_URI)."""

    def __init__(self, store):
        self.store = store

    def env(self):
        env = dict(os.environ)
        for var in ("MLFLOW_REGISTRY_URI", "MLFLOW_EXPERIMENT_ID", "MLFLOW_EXPERIMENT_NAME",
                    "MLFLOW_RUN_ID"):
            env.pop(var, None)
        env["MLFLOW_TRACKING_URI"] = self.store.uri
        env["NO_COLOR"] = "1"
        return env

    def __call__(self, *args, input=None, rc=0, cwd=None, env=None):
        """Run mlrs; assert its exit code is `rc` (None: don't check)."""
        args = [str(a) for a in args]
        proc = subprocess.run([MLRS_BIN, *args], input=input, capture_output=True,
                              cwd=str(cwd or self.store.work), env=env or self.env(),
                              encoding="utf-8", errors="surrogateescape", timeout=120)
        res = Result(args, proc)
        if rc is not None:
            assert res.rc == rc, "expected exit %s: %r" % (rc, res)
        return res

    def json(self, *args, **kw):
        return self(*args, "-o", "json", **kw).json()

    # -- short-hands --------------------------------------------------------------------------
    def create_experiment(self, name, *extra):
        return self("experiments", "create", "-q", "-n", name, *extra).value

    def start_run(self, *extra, **kw):
        return self("runs", "start", "-q", *extra, **kw).value

    def create_run(self, *extra):
        return self("runs", "create", "-q", *extra).value

    def describe(self, run_id):
        return self.json("runs", "describe", "--run-id", run_id)

    def get_experiment(self, exp_id):
        return self.json("experiments", "get", "-x", exp_id)

    def log_batch(self, run_id, body, rc=0):
        text = body if isinstance(body, str) else json.dumps(body, allow_nan=False)
        return self("runs", "log-batch", "--run-id", run_id, "--json", "-", input=text, rc=rc)


# ------------------------------------------------------------------------------------------------
# The real mlflow CLI of this venv
# ------------------------------------------------------------------------------------------------
class MlflowCli:
    def __init__(self, store):
        self.store = store

    def __call__(self, *args):
        env = dict(os.environ)
        env.pop("MLFLOW_REGISTRY_URI", None)
        env["MLFLOW_TRACKING_URI"] = self.store.uri
        env["PYTHONWARNINGS"] = "ignore"
        proc = subprocess.run([MLFLOW_EXE, *[str(a) for a in args]], capture_output=True,
                              cwd=str(self.store.work), env=env, encoding="utf-8", timeout=300)
        assert proc.returncode == 0, "mlflow %s failed (%s): %s\n%s" % (
            args, proc.returncode, proc.stdout, proc.stderr)
        return proc.stdout

    def describe_run(self, run_id):
        """`mlflow runs describe --run-id RUN` through the venv's `mlflow` executable."""
        # Python's json accepts the bare NaN / Infinity / -Infinity that mlflow prints.
        return json.loads(self("runs", "describe", "--run-id", run_id))

    _MANY = r"""
import contextlib, io, json, sys, traceback
from mlflow.cli import cli  # the click group behind the `mlflow` executable
for run_id in sys.argv[1:]:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            cli.main(["runs", "describe", "--run-id", run_id], prog_name="mlflow",
                     standalone_mode=False)
        res = {"stdout": out.getvalue()}
    except Exception as e:
        res = {"error": "%s: %s" % (type(e).__name__, e)}
    sys.__stdout__.write(json.dumps(res) + "\n")
"""

    def describe_runs(self, run_ids):
        """`mlflow runs describe` for many runs in one process (one `import mlflow` instead of
        one per run): the same click command the `mlflow` executable runs.  Returns
        {run_id: document} and {run_id: error text} for runs MLflow's CLI fails on."""
        env = dict(os.environ)
        env.pop("MLFLOW_REGISTRY_URI", None)
        env["MLFLOW_TRACKING_URI"] = self.store.uri
        env["PYTHONWARNINGS"] = "ignore"
        proc = subprocess.run([sys.executable, "-c", self._MANY, *run_ids], capture_output=True,
                              cwd=str(self.store.work), env=env, encoding="utf-8", timeout=300)
        assert proc.returncode == 0, proc.stderr
        lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
        assert len(lines) == len(run_ids), proc.stdout
        docs, errors = {}, {}
        for run_id, res in zip(run_ids, lines):
            if "error" in res:
                errors[run_id] = res["error"]
            else:
                docs[run_id] = json.loads(res["stdout"])
        return docs, errors


# ------------------------------------------------------------------------------------------------
# Documents
# ------------------------------------------------------------------------------------------------
def jsonable(obj):
    """Non-finite floats become the strings mlrs prints: "NaN", "Infinity", "-Infinity"."""
    if isinstance(obj, float):
        if math.isnan(obj):
            return "NaN"
        if math.isinf(obj):
            return "Infinity" if obj > 0 else "-Infinity"
        return obj
    if isinstance(obj, dict):
        return {k: jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    return obj


def from_jsonable(v):
    """Inverse of jsonable for one metric value."""
    return {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}.get(v, v) \
        if isinstance(v, str) else v


def same_float(a, b):
    """Exact float equality; NaN equals NaN; -0.0 differs from 0.0."""
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def experiment_dict(e):
    return {
        "experiment_id": e.experiment_id,
        "name": e.name,
        "artifact_location": e.artifact_location,
        "lifecycle_stage": e.lifecycle_stage,
        "tags": dict(e.tags),
        "creation_time": e.creation_time,
        "last_update_time": e.last_update_time,
    }


def metric_dict(m):
    return {"key": m.key, "value": m.value, "timestamp": m.timestamp, "step": m.step}


def file_info_dict(f):
    return {"path": f.path, "is_dir": f.is_dir, "file_size": f.file_size}


def run_dict(run):
    """MLflow's own document for a run: what `mlflow runs describe` prints.

    MLflow 3 leaves LoggedModelInput objects in ``inputs.model_inputs`` (so `mlflow runs
    describe` crashes with "Object of type LoggedModelInput is not JSON serializable" on such a
    run); they become ``{"model_id": …}``, the shape mlrs documents for them.
    """
    def default(o):
        if type(o).__name__ == "LoggedModelInput":
            return {"model_id": o.model_id}
        raise TypeError("unexpected %r in a run document" % (o,))
    return json.loads(json.dumps(run.to_dictionary(), allow_nan=True, default=default))


def comparable_run_docs(mlrs_doc, mlflow_doc):
    """JSON-normalise both run documents after aligning the shape differences between versions.

    * MLflow 2 prints the deprecated ``info.run_uuid`` (asserted equal to ``run_id``, then
      dropped); mlrs prints MLflow 3's shape, without it.
    * MLflow 2 has no logged models, so its document lacks ``inputs.model_inputs`` and
      ``outputs``; mlrs always prints them, and they must then be empty.
    """
    a = jsonable(json.loads(json.dumps(mlrs_doc)))
    b = jsonable(json.loads(json.dumps(mlflow_doc, allow_nan=True)))
    info = b.get("info", {})
    if "run_uuid" in info:
        assert info.pop("run_uuid") == info["run_id"]
    if "outputs" not in b:
        assert a.get("outputs") == {"model_outputs": []}, a.get("outputs")
        a.pop("outputs", None)
    if "inputs" in b and "model_inputs" not in b["inputs"] and "inputs" in a:
        assert a["inputs"].get("model_inputs") == [], a["inputs"]
        a["inputs"].pop("model_inputs", None)
    # MLflow lists a run's dataset inputs in os.listdir order of inputs/ (unspecified), so
    # the order is not compared.
    for doc in (a, b):
        ds = doc.get("inputs", {}).get("dataset_inputs")
        if ds:
            ds.sort(key=lambda d: json.dumps(d, sort_keys=True))
    return a, b


def search_all_runs(client, exp_ids, view):
    """Every run MLflow finds, in MLflow's default order, paging past max_results."""
    out, token = [], None
    while True:
        page = client.search_runs(exp_ids, run_view_type=view, max_results=1000, page_token=token)
        out.extend(page)
        token = page.token
        if not token:
            return out


def mlflow_download(client, run_id, path, dst):
    """MlflowClient.download_artifacts into dst (MLflow 2 wants dst to exist already)."""
    Path(dst).mkdir(parents=True, exist_ok=True)
    return Path(client.download_artifacts(run_id, path, str(dst)))


def list_artifacts_recursive(client, run_id, path=None):
    """{dir path or "" : [file_info_dict, ...]} for every directory level MLflow lists."""
    infos = [file_info_dict(f) for f in client.list_artifacts(run_id, path)]
    levels = {path or "": infos}
    for f in infos:
        if f["is_dir"]:
            levels.update(list_artifacts_recursive(client, run_id, f["path"]))
    return levels


# ------------------------------------------------------------------------------------------------
# Hostile strings: names and values that a YAML 1.1 reader (PyYAML), a shell or a naive line
# parser would misread.  (id, value); ids are ASCII so that test names stay readable.
# ------------------------------------------------------------------------------------------------
HOSTILE_STRINGS = [
    ("yes", "yes"), ("NO", "NO"), ("on", "on"), ("True", "True"),
    ("null", "null"), ("None", "None"), ("tilde", "~"),
    ("2024-01-01", "2024-01-01"), ("2024-01-01 10:00:00", "2024-01-01 10:00:00"),
    ("12:30", "12:30"), ("1:30:00", "1:30:00"),
    ("0x1F", "0x1F"), ("0o17", "0o17"), ("007", "007"), ("1_000", "1_000"),
    ("1e5", "1e5"), ("1.5", "1.5"), (".inf", ".inf"), (".NaN", ".NaN"),
    ("-dash", "-dash"), ("- draft", "- draft"), ("=", "="), ("<<", "<<"),
    ("padded", " padded "), ("trailing-space", "trail "), ("a: b", "a: b"), ("a #b", "a #b"),
    ("#x", "#x"), ("!tag", "!tag"), ("@at", "@at"), ("%pc", "%pc"), ("&anchor", "&anchor"),
    ("*alias", "*alias"), ("|pipe", "|pipe"), (">fold", ">fold"), ("? q", "? q"),
    ("[list]", "[list]"), ("{map}", "{map}"), ("backtick", "`tick"), ("double-quoted", '"dq"'),
    ("single-quote-inside", "quo'te"), ("single-quoted", "'sq'"), ("---", "---"), ("...", "..."),
    ("unicode", "ラン é ✓ 日本語"), ("emoji", "🚀 rocket"), ("bom", "\ufeffbom"),
    ("multi-line", "multi\nline"), ("blank-lines-and-final-newline", "multi\n\nblank\n"),
    ("tab", "tab\tx"), ("bell", "ctrl\x07"), ("cr", "cr\rx"), ("crlf", "crlf\r\nx"),
    ("nel", "nel\x85x"), ("line-separator", "ls\u2028x"), ("paragraph-separator", "ps\u2029x"), ("backslash", "back\\slash \\n"),
    ("slashes", "/Shared/exp"),
    ("long-folded", "a long name with spaces that is longer than the eighty column yaml width "
                    "so that PyYAML folds it"),
]
HOSTILE_IDS = [i for i, _ in HOSTILE_STRINGS]
HOSTILE_VALUES = [v for _, v in HOSTILE_STRINGS]


# ------------------------------------------------------------------------------------------------
# Whole-store comparisons
# ------------------------------------------------------------------------------------------------
def _views():
    from mlflow.entities import ViewType
    return [("active_only", ViewType.ACTIVE_ONLY), ("deleted_only", ViewType.DELETED_ONLY),
            ("all", ViewType.ALL)]


def assert_run_reads_the_same(mlrs, client, run_id):
    """mlrs's `runs describe -o json` equals MLflow's run document, key for key."""
    a, b = comparable_run_docs(mlrs.describe(run_id), run_dict(client.get_run(run_id)))
    assert a == b


def assert_stores_agree(mlrs, client, artifacts_of_deleted_experiments=False):
    """Every read command of mlrs agrees with MlflowClient on the whole store.

    experiments search (3 views, same order), experiments get -x / -n, runs list (3 views, same
    order, whole documents), runs describe, runs metric-history of every metric, artifacts list
    of every directory level.  Artifacts of runs in deleted experiments are skipped unless asked:
    MLflow looks for them at the stored (pre-.trash) URI and lists nothing, mlrs deliberately
    falls back to the run's own artifacts/ directory in .trash (README, "Moved stores").
    """
    from mlflow.entities import ViewType
    for flag, view in _views():
        theirs = [experiment_dict(e) for e in client.search_experiments(view_type=view)]
        assert mlrs.json("experiments", "search", "-v", flag) == theirs, flag
    exps = client.search_experiments(view_type=ViewType.ALL)
    assert exps
    for e in exps:
        assert mlrs.get_experiment(e.experiment_id) == experiment_dict(e)
        if "'" not in e.name:  # MLflow can't look such names up (unescaped filter)
            assert client.get_experiment_by_name(e.name).experiment_id == e.experiment_id
        assert mlrs.json("experiments", "get", "-n", e.name) == experiment_dict(e)
        for flag, view in _views():
            theirs = [run_dict(r) for r in search_all_runs(client, [e.experiment_id], view)]
            mine = mlrs.json("runs", "list", "--experiment-id", e.experiment_id, "-v", flag)
            assert [d["info"]["run_id"] for d in mine] == [d["info"]["run_id"] for d in theirs]
            for a, b in zip(mine, theirs):  # (whole documents: test_mlrs_runs_list_json_*)
                info = jsonable(b["info"])
                assert info.pop("run_uuid", info["run_id"]) == info["run_id"]
                assert a["info"] == info
        for r in search_all_runs(client, [e.experiment_id], ViewType.ALL):
            assert_run_reads_the_same(mlrs, client, r.info.run_id)
            for key in r.data.metrics:
                theirs = jsonable([metric_dict(m) for m in client.get_metric_history(r.info.run_id, key)])
                assert mlrs.json("runs", "metric-history", "--run-id", r.info.run_id, key) == theirs
            if e.lifecycle_stage == "active" or artifacts_of_deleted_experiments:
                for level, infos in list_artifacts_recursive(client, r.info.run_id).items():
                    args = ["-a", level] if level else []
                    assert mlrs.json("artifacts", "list", "-r", r.info.run_id, *args) == infos, level


# ------------------------------------------------------------------------------------------------
# A live tracking server
# ------------------------------------------------------------------------------------------------
SERVER_START_TIMEOUT = 240  # seconds; a fresh SQLite backend runs its migrations first


@contextlib.contextmanager
def mlflow_server(backend_store_uri, base, default_artifact_root=None, env=None, extra_args=(),
                  scheme="http"):
    """`mlflow server` on 127.0.0.1 over `backend_store_uri`, logging to base/server.log; yields
    its URL and stops it (the whole process group) at the end. `extra_args` go to `mlflow
    server`; with scheme "https" (TLS options in `extra_args`) its health is polled without a
    certificate check."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = [MLFLOW_EXE, "server", "--backend-store-uri", backend_store_uri,
            "--host", "127.0.0.1", "--port", str(port), "--workers", "1"]
    if default_artifact_root is not None:
        args += ["--default-artifact-root", str(default_artifact_root)]
    args += list(extra_args)
    log_path = Path(base) / "server.log"
    url = "%s://127.0.0.1:%d" % (scheme, port)
    poll = {}
    if scheme == "https":
        import ssl
        poll["context"] = ssl._create_unverified_context()
    with open(log_path, "w") as log:
        proc = subprocess.Popen(args, cwd=str(base), stdout=log, stderr=subprocess.STDOUT,
                                env=env, start_new_session=True)
        try:
            deadline = time.time() + SERVER_START_TIMEOUT
            while True:
                try:
                    urllib.request.urlopen(url + "/health", timeout=2, **poll).read()
                    break
                except Exception:
                    if proc.poll() is not None:
                        raise AssertionError("mlflow server exited: " + log_path.read_text()[-2000:])
                    if time.time() > deadline:
                        raise AssertionError("mlflow server not up after %ss" % SERVER_START_TIMEOUT)
                    time.sleep(1)
            yield url
        finally:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                proc.wait(timeout=30)
