#!/usr/bin/env python
"""Create the deterministic MLflow file store used by the search differential corpus.

    MLFLOW_ALLOW_FILE_STORE=true PYTHONHASHSEED=0 \
        /work/venvs/mlflow3/bin/python tests/search_corpus/generate_store.py

Written for MLflow 3.17.2.  Everything goes through ``MlflowClient`` (and, for the three things
the client refuses to do on purpose, the registry file store behind it: see ``REGISTRY_STORE``).

The store is written to ``GEN_ROOT`` (default ``/tmp/mlrs-search-corpus/mlruns``; its parent is
wiped first and ``<parent>/cwd`` is the working directory, so a stray ``mlflow.db`` lands there)
and then copied to ``tests/search_corpus/mlruns/``.  The stored URIs therefore point at
``GEN_ROOT`` ("moved store"); the generation root is deleted at the end unless KEEP_GEN=1.

Determinism: MLflow's clock (``get_current_time_millis``), its experiment-id generator and the
``uuid4`` used for run ids are replaced while generating, so experiment ids, run ids, creation /
update timestamps, start and end times are identical on every regeneration.  Run ids are
``md5("mlrs-search-corpus/<label>")``; every other value is listed literally below.

Besides the store, ``tests/search_corpus/store.json`` is written: the generation root, the
label -> run id map (``record.py`` substitutes ``{r01}``-style placeholders from it), and the
directories that are empty in the store (git drops them; MLflow 3 cannot read a run whose
``params/``, ``metrics/`` or ``artifacts/`` directory is missing, so they must be recreated
before MLflow or mlrs reads a fresh checkout; ``record.py`` does that).
"""
import hashlib
import json
import math
import os
import shutil
import sys
import uuid as _uuid

HERE = os.path.dirname(os.path.abspath(__file__))
GEN_ROOT = os.path.abspath(os.environ.get("GEN_ROOT", "/tmp/mlrs-search-corpus/mlruns"))
OUT_STORE = os.path.join(HERE, "mlruns")
OUT_MANIFEST = os.path.join(HERE, "store.json")
SCRATCH = os.path.dirname(GEN_ROOT)
CWD = os.path.join(SCRATCH, "cwd")

shutil.rmtree(SCRATCH, ignore_errors=True)
os.makedirs(CWD)
os.chdir(CWD)

URI = "file://" + GEN_ROOT
os.environ["MLFLOW_TRACKING_URI"] = URI
os.environ["MLFLOW_REGISTRY_URI"] = URI
os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
os.environ.setdefault("MLFLOW_ENABLE_ASYNC_LOGGING", "false")
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")

import mlflow  # noqa: E402
import mlflow.store.model_registry.file_store as reg_fs  # noqa: E402
import mlflow.store.tracking.file_store as trk_fs  # noqa: E402
import mlflow.utils.time as mlflow_time  # noqa: E402
from mlflow.entities import (  # noqa: E402
    Dataset,
    DatasetInput,
    InputTag,
    Metric,
    Param,
    RunTag,
)
from mlflow.entities.model_registry import ModelVersionTag, RegisteredModelTag  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

if mlflow.__version__ != "3.17.2":
    print(f"warning: written for MLflow 3.17.2, running {mlflow.__version__}", file=sys.stderr)

T0 = 1700000000000  # all times are T0 + something (ms)


def log(*a):
    print("[generate_store]", *a, file=sys.stderr, flush=True)


# ------------------------------------------------------------------------------------------------
# Deterministic clock, experiment ids and run ids.
# ------------------------------------------------------------------------------------------------
CLOCK = {"now": T0 - 1_000_000}
_ORIG_NOW = mlflow_time.get_current_time_millis


def fake_now():
    return CLOCK["now"]


def set_now(ms):
    CLOCK["now"] = ms


for _mod in list(sys.modules.values()):
    try:
        if getattr(_mod, "get_current_time_millis", None) is _ORIG_NOW:
            _mod.get_current_time_millis = fake_now
    except Exception:  # noqa: BLE001 - exotic lazy modules
        pass

PENDING_EXP_IDS = []
PENDING_RUN_IDS = []


def _next_exp_id():
    if not PENDING_EXP_IDS:
        raise RuntimeError("no experiment id queued")
    return PENDING_EXP_IDS.pop(0)


trk_fs._generate_unique_integer_id = _next_exp_id


class _UuidShim:
    """Stands in for the ``uuid`` module inside the tracking file store: uuid4() returns the
    queued run id (if any) so that run ids are reproducible."""

    def __getattr__(self, name):
        return getattr(_uuid, name)

    def uuid4(self):
        if PENDING_RUN_IDS:
            return _uuid.UUID(hex=PENDING_RUN_IDS.pop(0))
        return _uuid.uuid4()


trk_fs.uuid = _UuidShim()

# The Default experiment (id 0) is created when the store is first touched.
set_now(T0 - 1_000_000)
mlflow.set_tracking_uri(URI)
mlflow.set_registry_uri(URI)
client = MlflowClient(tracking_uri=URI, registry_uri=URI)
client.search_experiments()  # creates mlruns/0 (Default) at T0 - 1_000_000
REGISTRY_STORE = client._get_registry_client().store

# ------------------------------------------------------------------------------------------------
# Experiments
# ------------------------------------------------------------------------------------------------
# (label, id, name, creation time, tags)
EXPERIMENTS = [
    ("alpha", "9", "alpha", T0 + 100, {
        "team": "vision", "env": "prod", "priority": "1", "key with space": "spaced",
        "dotted.key": "dot", "dash-key": "dash", "note": "ñandú",
        "mlflow.note.content": "Alpha experiment\nsecond line",
    }),
    ("ALPHA", "8", "ALPHA", T0 + 100, {"team": "Vision", "env": "dev", "priority": "2"}),
    ("beta", "10", "Beta", T0 + 200, {"team": "nlp", "env": "dev", "empty": ""}),
    ("gamma", "77", "gamma", T0 + 200, {"team": "VISION", "env": "staging", "priority": "10"}),
    ("delta", "200", "delta exp", T0 + 300, {}),
    ("epsilon", "123456789012345678", "ÉPSILON", T0 + 50, {"team": "ünï", "note": "Ünï"}),
    ("pct", "31", "pct%_name", T0 + 400, {"team": "pct_team", "env": "prod"}),
    ("zeta", "55", "zeta-deleted", T0 + 150, {"team": "vision", "env": "old"}),
    ("eta", "56", "eta-deleted", T0 + 250, {"env": "old"}),
]
EXP_ID = {}
for label, eid, name, ctime, tags in EXPERIMENTS:
    set_now(ctime)
    PENDING_EXP_IDS.append(eid)
    got = client.create_experiment(name, tags=tags or None)
    assert got == eid, (got, eid)
    EXP_ID[label] = eid

# last_update_time changes: a tag set later on "delta exp", a rename of "pct%_name" and back.
set_now(T0 + 5000)
client.set_experiment_tag(EXP_ID["delta"], "late", "yes")
set_now(T0 + 6000)
client.rename_experiment(EXP_ID["pct"], "pct%_renamed")
set_now(T0 + 6500)
client.rename_experiment(EXP_ID["pct"], "pct%_name")

# ------------------------------------------------------------------------------------------------
# Runs
# ------------------------------------------------------------------------------------------------
NAN = float("nan")
INF = float("inf")
S = T0 + 100_000  # base of start times


def R(label, exp, name, start, end, status, user="alice", metrics=None, params=None, tags=None,
      deleted=False, parent=None, datasets=None, model=False, hist=None):
    return dict(label=label, exp=exp, name=name, start=start, end=end, status=status, user=user,
                metrics=metrics or {}, params=params or {}, tags=tags or {}, deleted=deleted,
                parent=parent, datasets=datasets or [], model=model, hist=hist or [])


# Metric dict values: the single value logged at step 0 with timestamp == start time.
# hist: extra (key, value, timestamp offset, step) lines; the latest value is max(step, ts, value).
RUNS = [
    R("r01", "alpha", "ALICE", S + 1000, S + 61000, "FINISHED", user="alice",
      metrics={"acc": 0.9, "loss": 0.1, "f1 score": 0.88, "val.acc": 0.87, "eval-loss": 0.2},
      params={"optimizer": "adam", "lr": "0.01", "batch size": "32", "dotted.param": "d1",
              "dash-param": "x1", "empty": ""},
      tags={"env": "prod", "team": "vision", "key with space": "v1", "dotted.tag": "t1",
            "quote": "it's", "mixed": "ÜNÏCODE"},
      datasets=[("train-ds", "abc123", "training"), ("eval-ds", "def456", "eval")],
      model=True,
      hist=[("hist", 0.1, 0, 0), ("hist", 0.5, 10, 5), ("hist", 0.9, 20, 3)]),
    R("r02", "alpha", "alice", S + 2000, S + 61000, "FINISHED", user="bob",
      metrics={"acc": 0.8, "loss": 0.2, "f1 score": 0.79},
      params={"optimizer": "sgd", "lr": "0.1", "batch size": "64", "dotted.param": "d2"},
      tags={"env": "dev", "team": "vision", "key with space": "v2", "mixed": "ünïcode",
            "ключ": "значение"},
      datasets=[("train-ds", "abc999", "training")],
      model=True,
      hist=[("hist", 0.3, 5, 2), ("hist", 0.7, 5, 2), ("hist", 0.2, 5, 2)]),
    R("r03", "alpha", "Ålice", S + 3000, S + 63000, "FAILED", user="carol smith",
      metrics={"acc": 0.7, "loss": 0.3},
      params={"optimizer": "Adam", "lr": "1e-3", "batch size": "128"},
      tags={"env": "staging", "team": "nlp", "percent": "100%", "underscore": "a_b"},
      datasets=[("eval-ds", "def456", None)],
      model=True,
      hist=[("hist", 0.6, 30, 1), ("hist", 0.4, 40, 1)]),
    R("r04", "alpha", "ålice", S + 4000, S + 64000, "KILLED", user="ALICE",
      metrics={"acc": 0.5, "loss": 0.5},
      params={"optimizer": "ADAM", "lr": "0.001"},
      tags={"env": "prod", "underscore": "aXb", "percent": "100"},
      model=True),
    R("r05", "alpha", "bob", S + 5000, S + 65000, "FINISHED", user="bob",
      metrics={"acc": 0.5, "loss": 0.4},
      params={"optimizer": "rmsprop", "lr": "0.01"},
      tags={"env": "prod", "trailing": "abc\n"},
      model=True),
    R("r06", "alpha", "Bob", S + 5000, S + 66000, "FINISHED", user="unknown",
      metrics={"acc": NAN, "loss": 0.6},
      params={"optimizer": "adam ", "lr": "0.1"},
      tags={"env": "dev", "multiline": "line1\nline2 target"},
      model=True),
    R("r07", "alpha", "run 7", S + 7000, S + 67000, "FINISHED", user="alice",
      metrics={"acc": INF, "loss": -INF},
      params={"optimizer": "sgd", "newline": "a\nb"},
      tags={"env": "prod", "backslash": "back\\slash", "doubled": "it''s"},
      model=True),
    R("r08", "alpha", "run_8", S + 8000, S + 68000, "FAILED", user="bob",
      metrics={"acc": -INF, "loss": INF},
      params={"optimizer": "adam", "unicode": "ñ", "quote": "it's"},
      tags={"env": "dev", "empty": ""},
      model=True),
    R("r09", "alpha", "run%9", S + 9000, S + 69000, "FINISHED", user="alice",
      metrics={"acc": -0.0, "loss": 1.0},
      params={"optimizer": "sgd", "backslash": "back\\slash", "percent": "50%"},
      tags={"env": "prod", "unicode": "ñandú"},
      model=True),
    R("r10", "alpha", "alice", S + 10000, S + 70000, "FINISHED", user="alice",
      metrics={"acc": 0.0, "loss": 0.9},
      params={"optimizer": "adam", "underscore": "a_b", "trailing": "abc\n"},
      tags={"env": "prod"},
      model=True),
    R("r11", "alpha", "parent", S + 11000, S + 90000, "FINISHED", user="alice",
      metrics={"acc": 1.0, "big": 1e300},
      params={"optimizer": "sgd", "lr": "0.01"},
      tags={"env": "prod", "role": "parent"},
      model=True),
    R("r12", "alpha", "child-1", S + 12000, S + 72000, "FINISHED", user="alice",
      metrics={"acc": 1000.0, "big": -1e300},
      params={"optimizer": "adam"},
      tags={"role": "child"}, parent="r11"),
    R("r13", "alpha", "child-2", S + 13000, S + 73000, "FAILED", user="alice",
      metrics={"acc": -1.0},
      params={"optimizer": "sgd"},
      tags={"role": "child"}, parent="r11"),
    R("r14", "alpha", "no-acc", S + 14000, None, "RUNNING", user="bob",
      metrics={"loss": 0.05},
      params={"lr": "0.5"},
      tags={"env": "dev", "role": "grandchild"}, parent="r12"),
    R("r15", "alpha", "r15", S + 15000, S + 75000, "FINISHED", user="bob",
      metrics={"acc": 0.95, "f1 score": 0.9, "eval/loss": 0.3},
      params={"optimizer": "adam", "batch size": "32", "dash-param": "x2"},
      tags={"env": "prod", "team": "vision", "dash-tag": "dt"}),
    R("r16", "alpha", "r16", S + 16000, S + 76000, "FINISHED", user="alice",
      metrics={"acc": 0.3, "val.acc": 0.31, "2024": 1.0},
      params={"optimizer": "sgd", "2024": "year"},
      tags={"env": "prod", "2024": "year"}),
    R("r17", "alpha", "r17", S + 17000, S + 77000, "FINISHED", user="alice",
      metrics={"acc": 0.3, "loss": 0.7},
      params={"optimizer": "adam"},
      tags={"env": "prod"}),
    R("r18", "alpha", "r18", S + 17000, S + 77000, "FINISHED", user="alice",
      metrics={"acc": 0.3, "loss": 0.7},
      params={"optimizer": "adam"},
      tags={"env": "prod"}),
    R("r19", "alpha", "r19", S + 19000, S + 79000, "KILLED", user="carol smith",
      metrics={"acc": 0.85, "loss": 0.15, "eval-loss": 0.25},
      params={"optimizer": "sgd", "lr": "0.01"},
      tags={"env": "staging"}),
    R("r20", "alpha", "r20", S + 20000, None, "RUNNING", user="alice",
      metrics={"loss": 0.8},
      params={"optimizer": "adam"},
      tags={}),
    R("r21", "alpha", "r21", S + 21000, S + 81000, "FINISHED", user="bob",
      metrics={"acc": NAN, "loss": NAN},
      params={"optimizer": "sgd"},
      tags={"env": "prod"}),
    R("r22", "alpha", "r22", S + 22000, S + 82000, "FINISHED", user="alice",
      metrics={"acc": 0.61},
      params={"optimizer": "adam", "lr": "0.01"},
      tags={"env": "dev"}),
    R("r23", "alpha", "r23", S + 23000, S + 83000, "FINISHED", user="alice",
      metrics={"acc": 0.62},
      params={"optimizer": "adam", "lr": "0.1"},
      tags={"env": "dev"}),
    R("r24", "alpha", "r24", S + 24000, S + 84000, "FAILED", user="bob",
      metrics={"acc": 1e-10, "loss": 1e10},
      params={"optimizer": "sgd"},
      tags={"env": "prod"}),
    R("r25", "alpha", "r25", S + 25000, None, "SCHEDULED", user="alice",
      metrics={},
      params={},
      tags={}),
    R("r26", "alpha", "r26", S + 26000, S + 86000, "FINISHED", user="alice",
      metrics={"acc": 0.75, "loss": 0.25},
      params={"optimizer": "rmsprop", "lr": "0.01"},
      tags={"env": "prod", "team": "nlp"}),
    R("r27", "alpha", "r27", S + 27000, S + 87000, "FINISHED", user="alice",
      metrics={"acc": 0.55, "loss": 0.45},
      params={"optimizer": "adam", "lr": "0.01"},
      tags={"env": "prod"}),
    R("r28", "alpha", "deleted-1", S + 28000, S + 88000, "FINISHED", user="alice",
      metrics={"acc": 0.99}, params={"optimizer": "adam"}, tags={"env": "prod"}, deleted=True),
    R("r29", "alpha", "deleted-2", S + 29000, S + 89000, "FAILED", user="bob",
      metrics={"acc": 0.1}, params={"optimizer": "sgd"}, tags={"env": "dev"}, deleted=True),
    R("r30", "alpha", "deleted-3", S + 30000, None, "KILLED", user="alice",
      metrics={}, params={"optimizer": "adam"}, tags={}, deleted=True),
    R("r31", "alpha", "r31", S + 31000, S + 91000, "FINISHED", user="alice",
      metrics={"acc": 2.5, "loss": 0.0},
      params={"optimizer": "adam", "lr": "0.01"},
      tags={"env": "prod"}),
    R("r32", "alpha", "r32", S + 32000, S + 92000, "FINISHED", user="bob",
      metrics={"acc": 0.5, "loss": 0.5},
      params={"optimizer": "sgd", "lr": "0.1"},
      tags={"env": "dev", "team": "vision"}),
    # Beta (id 10)
    R("r33", "beta", "beta-1", S + 1000, S + 50000, "FINISHED", user="alice",
      metrics={"acc": 0.4, "loss": 0.6},
      params={"optimizer": "adam", "lr": "0.01"},
      tags={"env": "prod", "team": "nlp"},
      datasets=[("Ümlaut-ds", "fff000", "Training")]),
    R("r34", "beta", "beta-2", S + 2000, S + 50000, "FINISHED", user="bob",
      metrics={"acc": 0.45, "loss": 0.55},
      params={"optimizer": "sgd"},
      tags={"env": "dev", "team": "nlp"}),
    R("r35", "beta", "beta-3", S + 3000, S + 51000, "FAILED", user="alice",
      metrics={"acc": NAN},
      params={"optimizer": "adam"},
      tags={"env": "prod"}),
    R("r36", "beta", "beta-4", S + 4000, S + 52000, "FINISHED", user="alice",
      metrics={"acc": 0.9, "loss": 0.1},
      params={"optimizer": "adam", "lr": "0.1"},
      tags={"env": "prod", "team": "nlp"}),
    R("r37", "beta", "BETA-5", S + 5000, None, "RUNNING", user="bob",
      metrics={},
      params={"optimizer": "sgd"},
      tags={"env": "dev"}),
    R("r38", "beta", "beta-6", S + 6000, S + 56000, "KILLED", user="alice",
      metrics={"acc": 0.7},
      params={},
      tags={"env": "staging"}),
    R("r39", "beta", "beta-7", S + 7000, S + 57000, "FINISHED", user="carol smith",
      metrics={"acc": 0.2, "loss": 0.8},
      params={"optimizer": "adam"},
      tags={"env": "prod"}),
    R("r40", "beta", "beta-8", S + 8000, S + 58000, "FINISHED", user="alice",
      metrics={"acc": 1.0, "loss": 0.0},
      params={"optimizer": "sgd", "lr": "0.01"},
      tags={"env": "prod"}, deleted=True),
    # gamma (id 77)
    R("r41", "gamma", "gamma-1", S + 1000, S + 40000, "FINISHED", user="alice",
      metrics={"acc": 0.33}, params={"optimizer": "adam"}, tags={"env": "prod"}),
    R("r42", "gamma", "gamma-2", S + 41000, S + 42000, "FINISHED", user="bob",
      metrics={"acc": 0.66}, params={"optimizer": "sgd"}, tags={"env": "dev"}),
    R("r43", "gamma", "gamma-3", S + 43000, S + 44000, "FAILED", user="alice",
      metrics={}, params={}, tags={"env": "prod"}),
    # zeta-deleted (id 55): all runs end up deleted with the experiment
    R("r44", "zeta", "zeta-1", S + 1000, S + 2000, "FINISHED", user="alice",
      metrics={"acc": 0.5}, params={"optimizer": "adam"}, tags={"env": "prod"}, deleted=True),
    R("r45", "zeta", "zeta-2", S + 2000, S + 3000, "FINISHED", user="bob",
      metrics={"acc": 0.6}, params={"optimizer": "sgd"}, tags={"env": "prod"}),
    # Default (id 0)
    R("r46", "default", "default-run", S + 46000, S + 47000, "FINISHED", user="alice",
      metrics={"acc": 0.77}, params={"optimizer": "adam"}, tags={"env": "prod"}),
]
EXP_ID["default"] = "0"

RUN_ID = {}


def run_id_for(label):
    return hashlib.md5(f"mlrs-search-corpus/{label}".encode()).hexdigest()


for spec in RUNS:
    label = spec["label"]
    rid = run_id_for(label)
    tags = {"mlflow.user": spec["user"]}
    if spec["parent"]:
        tags["mlflow.parentRunId"] = RUN_ID[spec["parent"]]
    set_now(spec["start"])
    PENDING_RUN_IDS.append(rid)
    run = client.create_run(EXP_ID[spec["exp"]], start_time=spec["start"], tags=tags,
                            run_name=spec["name"])
    assert run.info.run_id == rid
    RUN_ID[label] = rid
    ts = spec["start"]
    metrics = [Metric(k, v, ts, 0) for k, v in spec["metrics"].items()]
    metrics += [Metric(k, v, ts + off, step) for k, v, off, step in spec["hist"]]
    params = [Param(k, v) for k, v in spec["params"].items()]
    rtags = [RunTag(k, v) for k, v in spec["tags"].items()]
    client.log_batch(rid, metrics=metrics, params=params, tags=rtags)
    if spec["datasets"]:
        inputs = []
        for ds_name, digest, context in spec["datasets"]:
            ds = Dataset(name=ds_name, digest=digest, source_type="local",
                         source=json.dumps({"uri": f"/data/{ds_name}.csv"}))
            itags = [InputTag("mlflow.data.context", context)] if context else []
            inputs.append(DatasetInput(dataset=ds, tags=itags))
        client.log_inputs(rid, datasets=inputs)
    if spec["model"]:
        client.log_text(rid, "tiny model placeholder\n", "model/MLmodel")
    if spec["status"] == "SCHEDULED":
        client.update_run(rid, status="SCHEDULED")
    elif spec["status"] != "RUNNING":
        set_now(spec["end"])
        client.set_terminated(rid, status=spec["status"], end_time=spec["end"])

for spec in RUNS:
    if spec["deleted"] and spec["exp"] != "zeta":
        set_now(T0 + 900_000)
        client.delete_run(RUN_ID[spec["label"]])
# r44 is deleted on its own before its experiment is deleted; deleting an experiment marks the
# remaining runs deleted too.
set_now(T0 + 900_000)
client.delete_run(RUN_ID["r44"])
set_now(T0 + 910_000)
client.delete_experiment(EXP_ID["zeta"])
set_now(T0 + 920_000)
client.delete_experiment(EXP_ID["eta"])

# ------------------------------------------------------------------------------------------------
# Model registry
# ------------------------------------------------------------------------------------------------
M0 = T0 + 1_000_000


def src(label):
    return f"runs:/{RUN_ID[label]}/model"


# (name, creation time, description, tags)
MODELS = [
    ("model-a", M0 + 100, "first model", {"team": "vision", "env": "prod", "key with space": "ks",
                                          "dotted.key": "dk"}),
    ("Model-B", M0 + 200, "Second model, ÜNÏCODE", {"team": "nlp", "env": "dev"}),
    ("model_c", M0 + 200, None, {}),
    ("ümlaut-modell", M0 + 300, "umlaut", {"team": "ünï", "env": "prod"}),
    ("empty-model", M0 + 400, "no versions", {"empty": ""}),
    ("model.v2", M0 + 500, None, {"team": "pct_team"}),
    ("MODEL-A", M0 + 600, "upper-case twin", {"team": "Vision"}),
    ("prompt-tagged-version", M0 + 700, "a normal model with a prompt-tagged version",
     {"team": "vision"}),
]
for name, ctime, desc, tags in MODELS:
    set_now(ctime)
    client.create_registered_model(name, tags=tags or None, description=desc)

# (model, source run label or None, source override, time, tags, description)
VERSIONS = [
    ("model-a", "r01", None, M0 + 1000, {"quality": "good", "key with space": "k1"}, "v1"),
    ("model-a", "r02", None, M0 + 1100, {"quality": "bad"}, None),
    ("model-a", "r03", None, M0 + 1200, {"quality": "good"}, None),        # v3 deleted
    ("model-a", "r04", None, M0 + 1300, {}, None),
    ("model-a", "r05", None, M0 + 1400, {"quality": "Good"}, None),
    ("model-a", "r06", None, M0 + 1400, {"validated": "true"}, None),       # ties v5
    ("model-a", "r07", None, M0 + 1600, {}, None),
    ("model-a", "r08", None, M0 + 1700, {"quality": "good"}, None),
    ("model-a", "r09", None, M0 + 1800, {}, None),
    ("model-a", "r10", None, M0 + 1900, {"quality": "ok"}, None),
    ("model-a", "r11", None, M0 + 2000, {"quality": "good", "dotted.key": "x"}, None),
    ("Model-B", "r01", None, M0 + 2100, {"quality": "good"}, None),
    ("Model-B", None, "s3://bucket/models/model-b/2", M0 + 2200, {"quality": "bad"}, None),
    ("Model-B", "r02", None, M0 + 2300, {}, None),
    ("model_c", "r03", None, M0 + 2400, {}, None),
    ("model_c", "r04", "file:///srv/models/model_c", M0 + 2400, {"quality": "ok"}, None),
    ("ümlaut-modell", "r05", None, M0 + 2500, {"note": "ÜNÏ"}, None),
    ("model.v2", "r06", None, M0 + 2600, {}, None),
    ("MODEL-A", "r07", None, M0 + 2700, {"quality": "GOOD"}, None),
    ("prompt-tagged-version", "r08", None, M0 + 2800, {}, None),
    ("prompt-tagged-version", "r09", None, M0 + 2900,
     {"mlflow.prompt.is_prompt": "true"}, None),
]
for name, rlabel, source, t, tags, desc in VERSIONS:
    set_now(t)
    if name == "prompt-tagged-version" and "mlflow.prompt.is_prompt" in tags:
        # The client refuses prompt tags on model versions; the store does not.
        from mlflow.entities.model_registry import ModelVersionTag as _MVT
        REGISTRY_STORE.create_model_version(
            name, source or src(rlabel), run_id=RUN_ID[rlabel],
            tags=[_MVT(k, v) for k, v in tags.items()], description=desc)
        continue
    client.create_model_version(
        name, source or src(rlabel), run_id=RUN_ID[rlabel] if rlabel else None,
        tags=tags or None, description=desc)

# Stages (each transition bumps the version's last_updated_timestamp).
STAGES = [
    ("model-a", "1", "Archived", M0 + 3000),
    ("model-a", "2", "Production", M0 + 3100),
    ("model-a", "4", "Staging", M0 + 3200),
    ("model-a", "10", "Staging", M0 + 3300),
    ("model-a", "11", "Production", M0 + 3300),
    ("Model-B", "1", "Production", M0 + 3400),
    ("Model-B", "3", "Archived", M0 + 3500),
    ("model_c", "2", "Staging", M0 + 3600),
]
for name, ver, stage, t in STAGES:
    set_now(t)
    client.transition_model_version_stage(name, ver, stage)

set_now(M0 + 3700)
client.delete_model_version("model-a", "3")
set_now(M0 + 3800)
client.set_registered_model_alias("model-a", "champion", "2")
client.set_registered_model_alias("model-a", "challenger", "4")
client.set_registered_model_alias("Model-B", "champion", "1")
set_now(M0 + 3900)
client.set_model_version_tag("model-a", "7", "late", "yes")
client.update_model_version("model-a", "8", description="updated later")

# Prompts: a real prompt (registered model + versions tagged mlflow.prompt.is_prompt=true), and a
# model whose prompt tag is 'false' (the client refuses any prompt tag on models, the store
# does not).  The second version of "my-prompt" loses its version-level prompt tag.
set_now(M0 + 4000)
client.register_prompt("my-prompt", "Hello {{name}}!", commit_message="first",
                       tags={"team": "vision"})
set_now(M0 + 4100)
client.register_prompt("my-prompt", "Hi {{name}}!", commit_message="second")
set_now(M0 + 4200)
REGISTRY_STORE.delete_model_version_tag("my-prompt", "2", "mlflow.prompt.is_prompt")
set_now(M0 + 4300)
REGISTRY_STORE.create_registered_model(
    "not-a-prompt", tags=[RegisteredModelTag("mlflow.prompt.is_prompt", "false"),
                          RegisteredModelTag("team", "nlp")], description="prompt tag false")
set_now(M0 + 4400)
REGISTRY_STORE.create_model_version(
    "not-a-prompt", src("r10"), run_id=RUN_ID["r10"],
    tags=[ModelVersionTag("mlflow.prompt.is_prompt", "false")])
set_now(M0 + 4500)
REGISTRY_STORE.create_model_version("not-a-prompt", "file:///srv/models/not-a-prompt/2")

# ------------------------------------------------------------------------------------------------
# Copy to the repository and write the manifest.
# ------------------------------------------------------------------------------------------------
for path, dirs, files in os.walk(GEN_ROOT):
    for f in files:
        assert not f.endswith((".db", ".pkl")), os.path.join(path, f)

shutil.rmtree(OUT_STORE, ignore_errors=True)
shutil.copytree(GEN_ROOT, OUT_STORE)

empty_dirs = []
for path, dirs, files in os.walk(OUT_STORE):
    if not dirs and not files:
        empty_dirs.append(os.path.relpath(path, OUT_STORE))
empty_dirs.sort()

manifest = {
    "mlflow_version": mlflow.__version__,
    "generated_root": GEN_ROOT,
    "experiments": {label: EXP_ID[label] for label in EXP_ID},
    "runs": {s["label"]: {"run_id": RUN_ID[s["label"]], "experiment_id": EXP_ID[s["exp"]],
                          "name": s["name"]} for s in RUNS},
    "empty_dirs": empty_dirs,
}
with open(OUT_MANIFEST, "w", encoding="utf-8") as fh:
    json.dump(manifest, fh, indent=1, ensure_ascii=False, sort_keys=False)
    fh.write("\n")

total = sum(os.path.getsize(os.path.join(p, f)) for p, _, fs in os.walk(OUT_STORE) for f in fs)
log(f"store: {len(RUNS)} runs, {len(EXPERIMENTS) + 1} experiments, {total} bytes -> {OUT_STORE}")
log(f"empty dirs: {len(empty_dirs)}")
if os.environ.get("KEEP_GEN") != "1":
    shutil.rmtree(SCRATCH, ignore_errors=True)
