#!/usr/bin/env python
"""Record MLflow 3.17.2's SqlAlchemyStore answers for the search corpus (every entity).

    cd "$(mktemp -d)" && PYTHONHASHSEED=0 \
        ~/.cache/mlrs-interop-venvs/mlflow3/bin/python /path/to/tests/sql_fixtures/search_corpus.py

1. Builds a SQLite store (``sqlite:///<tmp>/mlflow.db``) holding the data set of the file-store
   corpus (``tests/search_corpus``): it reads that store through ``MlflowClient`` and replays
   every experiment and run into the SQL store through ``MlflowClient`` (same names, tags,
   run ids, start/end times, statuses, metric histories, params, tags, dataset inputs with their
   context tags, deletions).  Run ids come from a ``uuid4`` shim, times from a fixed clock.
   Three things MLflow's SQL store cannot be told through the client are then set directly in
   the database before any run exists (experiment ids, so that the corpus' ``"9"``, ``"10"``,
   ``"123456789012345678"`` ... mean the same experiments; artifact locations, so that
   ``artifact_uri`` filters compare the same strings as the file store; and experiment
   creation / last-update times).
   The registry (registered models, prompts, versions, stages, aliases, tags, soft-deleted
   versions) is read from the file store's files and replayed through the registry store in
   creation order (the client refuses prompts); times and storage locations are then copied
   into the rows.
2. Runs every case of ``tests/search_corpus/cases.json`` (all four entities) through
   ``MlflowClient`` against that database (walked pages follow the SQL store's own tokens), and
   ``SQL_ONLY``, a few cases (ids ``sql-NNN``) on what the SQL store checks differently, and
   writes ``search-corpus-3.17.2.json``, in the format of the file-store corpus (README there).
   Error cases carry, besides the fields of the file-store corpus, ``"wrapped"``: the class of
   the raw exception the SQL store wrapped into its MlflowException, when it did.
3. Copies the database it searched to ``search-3.17.2.db`` (VACUUMed).

Everything is deterministic: rerunning gives the same JSON byte for byte.
"""
import base64
import json
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import uuid as _uuid

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "search_corpus")
OUT_JSON = os.environ.get("OUT", os.path.join(HERE, "search-corpus-3.17.2.json"))
OUT_DB = os.environ.get("OUT_DB", os.path.join(HERE, "search-3.17.2.db"))

if os.environ.get("PYTHONHASHSEED") != "0":
    print("warning: run with PYTHONHASHSEED=0 (set reprs in messages)", file=sys.stderr)

SCRATCH = tempfile.mkdtemp(prefix="mlrs-sql-search-")
os.chdir(SCRATCH)
os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")
os.environ.setdefault("MLFLOW_ENABLE_ASYNC_LOGGING", "false")
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")

import warnings  # noqa: E402

warnings.filterwarnings("ignore")

import mlflow  # noqa: E402
import mlflow.store.tracking.sqlalchemy_store as sql_store  # noqa: E402
import mlflow.utils.time as mlflow_time  # noqa: E402
from mlflow.entities import Dataset, DatasetInput, InputTag, Metric, Param, RunTag  # noqa: E402
from mlflow.entities import ViewType  # noqa: E402
from mlflow.entities.model_registry import ModelVersionTag, RegisteredModelTag  # noqa: E402
from mlflow.exceptions import MlflowException  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

if mlflow.__version__ != "3.17.2":
    print(f"warning: written for MLflow 3.17.2, running {mlflow.__version__}", file=sys.stderr)

# ------------------------------------------------------------------------------------------------
# The file store to replay (a copy, with the empty directories git drops recreated).
# ------------------------------------------------------------------------------------------------
with open(os.path.join(CORPUS, "store.json"), encoding="utf-8") as fh:
    MANIFEST = json.load(fh)
FILE_ROOT = os.path.join(SCRATCH, "mlruns")
shutil.copytree(os.path.join(CORPUS, "mlruns"), FILE_ROOT)
for d in MANIFEST["empty_dirs"]:
    os.makedirs(os.path.join(FILE_ROOT, d), exist_ok=True)
src = MlflowClient(tracking_uri="file://" + FILE_ROOT, registry_uri="file://" + FILE_ROOT)
GEN_ROOT = MANIFEST["generated_root"]  # file:///tmp/mlrs-search-corpus/mlruns/<exp id>

# ------------------------------------------------------------------------------------------------
# Deterministic clock and run ids.
# ------------------------------------------------------------------------------------------------
CLOCK = {"now": 1700000000000 - 1_000_000}
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

PENDING_RUN_IDS = []
UUID_COUNTER = [0]


class _UuidShim:
    """uuid4() returns the queued run id, else a counter-based id (datasets, inputs)."""

    def __getattr__(self, name):
        return getattr(_uuid, name)

    def uuid4(self):
        if PENDING_RUN_IDS:
            return _uuid.UUID(hex=PENDING_RUN_IDS.pop(0))
        UUID_COUNTER[0] += 1
        return _uuid.UUID(int=UUID_COUNTER[0])


sql_store.uuid = _UuidShim()

# ------------------------------------------------------------------------------------------------
# The SQL store.
# ------------------------------------------------------------------------------------------------
DB = os.path.join(SCRATCH, "mlflow.db")
URI = f"sqlite:///{DB}"
src_experiments = src.search_experiments(view_type=ViewType.ALL, max_results=1000)
default_exp = next(e for e in src_experiments if e.experiment_id == "0")
set_now(default_exp.creation_time)
client = MlflowClient(tracking_uri=URI, registry_uri=URI)
client.search_experiments()  # creates the schema and the Default experiment (id 0)

# Experiments, in the order of their ids in the file store; renumbered below.
others = sorted((e for e in src_experiments if e.experiment_id != "0"),
                key=lambda e: int(e.experiment_id))
new_ids = {}
for e in others:
    set_now(e.creation_time)
    new_ids[client.create_experiment(e.name, tags=dict(e.tags) or None)] = e
con = sqlite3.connect(DB)
# Shift first so that no renumbering collides with an id in use.
con.execute("UPDATE experiments SET experiment_id = experiment_id + 1000000000000000000 "
            "WHERE experiment_id != 0")
con.execute("UPDATE experiment_tags SET experiment_id = experiment_id + 1000000000000000000 "
            "WHERE experiment_id != 0")
for tmp_id, e in new_ids.items():
    old = int(tmp_id) + 1000000000000000000
    con.execute("UPDATE experiments SET experiment_id = ? WHERE experiment_id = ?",
                (int(e.experiment_id), old))
    con.execute("UPDATE experiment_tags SET experiment_id = ? WHERE experiment_id = ?",
                (int(e.experiment_id), old))
for e in src_experiments:
    con.execute("UPDATE experiments SET artifact_location = ? WHERE experiment_id = ?",
                (f"file://{GEN_ROOT}/{e.experiment_id}", int(e.experiment_id)))
con.commit()
con.close()

# Runs, in the order the file store's generator created them (r01 ... r46).
RUNS = sorted(MANIFEST["runs"].items(), key=lambda kv: kv[0])
deleted_runs = []
for label, meta in RUNS:
    r = src.get_run(meta["run_id"])
    info = r.info
    tags = dict(r.data.tags)
    tags.pop("mlflow.runName", None)
    set_now(info.start_time)
    PENDING_RUN_IDS.append(info.run_id)
    got = client.create_run(info.experiment_id, start_time=info.start_time, tags=tags,
                            run_name=info.run_name)
    assert got.info.run_id == info.run_id
    metrics = []
    for key in r.data.metrics:
        metrics += [Metric(m.key, m.value, m.timestamp, m.step)
                    for m in src.get_metric_history(info.run_id, key)]
    params = [Param(k, v) for k, v in r.data.params.items()]
    client.log_batch(info.run_id, metrics=metrics, params=params)
    if r.inputs and r.inputs.dataset_inputs:
        inputs = []
        for di in r.inputs.dataset_inputs:
            d = di.dataset
            inputs.append(DatasetInput(
                dataset=Dataset(name=d.name, digest=d.digest, source_type=d.source_type,
                                source=d.source, schema=d.schema, profile=d.profile),
                tags=[InputTag(t.key, t.value) for t in di.tags]))
        client.log_inputs(info.run_id, datasets=inputs)
    if info.status == "SCHEDULED":
        client.update_run(info.run_id, status="SCHEDULED")
    elif info.status != "RUNNING":
        set_now(info.end_time)
        client.set_terminated(info.run_id, status=info.status, end_time=info.end_time)
    if info.lifecycle_stage == "deleted":
        deleted_runs.append(info.run_id)

exp_stage = {e.experiment_id: e.lifecycle_stage for e in src_experiments}
# Deleted runs of active experiments, and r44, which was deleted on its own before its
# experiment ("zeta") was; deleting an experiment deletes its remaining runs.
set_now(1700000000000 + 900_000)
for rid in deleted_runs:
    exp_id = src.get_run(rid).info.experiment_id
    if exp_stage[exp_id] != "deleted" or rid == MANIFEST["runs"]["r44"]["run_id"]:
        client.delete_run(rid)
for i, e in enumerate(sorted((e for e in others if e.lifecycle_stage == "deleted"),
                             key=lambda e: int(e.experiment_id))):
    set_now(1700000000000 + 910_000 + 10_000 * i)
    client.delete_experiment(e.experiment_id)

# Experiment times as in the file store (renames and late tags moved last_update_time there).
con = sqlite3.connect(DB)
for e in src_experiments:
    con.execute("UPDATE experiments SET creation_time = ?, last_update_time = ? "
                "WHERE experiment_id = ?",
                (e.creation_time, e.last_update_time, int(e.experiment_id)))
con.commit()
con.close()

# The registry of the file store (prompts and soft-deleted versions included), read from its
# files and replayed through MlflowClient in creation order; times, and the fields the client
# cannot set, are then copied into the rows directly.
import yaml  # noqa: E402


def _tags(d):
    t = os.path.join(d, "tags")
    if not os.path.isdir(t):
        return {}
    out = {}
    for k in sorted(os.listdir(t)):
        with open(os.path.join(t, k), encoding="utf-8") as fh:
            out[k] = fh.read()
    return out


MODELS_DIR = os.path.join(FILE_ROOT, "models")
models = []
for name in os.listdir(MODELS_DIR):
    d = os.path.join(MODELS_DIR, name)
    with open(os.path.join(d, "meta.yaml"), encoding="utf-8") as fh:
        meta = yaml.safe_load(fh)
    versions = []
    for v in os.listdir(d):
        if v.startswith("version-"):
            with open(os.path.join(d, v, "meta.yaml"), encoding="utf-8") as fh:
                vm = yaml.safe_load(fh)
            vm["tags"] = _tags(os.path.join(d, v))
            versions.append(vm)
    versions.sort(key=lambda v: int(v["version"]))
    models.append((meta, _tags(d), versions))
models.sort(key=lambda m: (m[0]["creation_timestamp"], m[0]["name"]))
REGISTRY = client._get_registry_client().store
for meta, mtags, versions in models:
    set_now(meta["creation_timestamp"])
    REGISTRY.create_registered_model(
        meta["name"], tags=[RegisteredModelTag(k, v) for k, v in mtags.items()] or None,
        description=meta.get("description"))
    for vm in versions:
        set_now(vm["creation_timestamp"])
        # Through the registry store itself: the client refuses prompts.
        got = REGISTRY.create_model_version(
            meta["name"], vm["source"], run_id=vm.get("run_id"),
            tags=[ModelVersionTag(k, v) for k, v in vm["tags"].items()] or None,
            run_link=vm.get("run_link"), description=vm.get("description"))
        assert int(got.version) == int(vm["version"]), (meta["name"], got.version)
for meta, mtags, versions in models:
    for vm in versions:
        if vm["current_stage"] in ("Staging", "Production", "Archived"):
            client.transition_model_version_stage(meta["name"], str(vm["version"]),
                                                  vm["current_stage"])
    for alias, version in sorted((meta.get("aliases") or {}).items()):
        client.set_registered_model_alias(meta["name"], alias, str(version))
    for vm in versions:
        if vm["current_stage"] == "Deleted_Internal":
            client.delete_model_version(meta["name"], str(vm["version"]))
con = sqlite3.connect(DB)
for meta, mtags, versions in models:
    con.execute("UPDATE registered_models SET creation_time = ?, last_updated_time = ? "
                "WHERE name = ?",
                (meta["creation_timestamp"], meta["last_updated_timestamp"], meta["name"]))
    for vm in versions:
        if vm["current_stage"] == "Deleted_Internal":
            continue
        con.execute("UPDATE model_versions SET creation_time = ?, last_updated_time = ?, "
                    "storage_location = ? WHERE name = ? AND version = ?",
                    (vm["creation_timestamp"], vm["last_updated_timestamp"],
                     vm.get("storage_location"), meta["name"], int(vm["version"])))
con.commit()
con.execute("PRAGMA page_size = 1024")
con.execute("VACUUM")
con.close()

# Check the replay: every run reads back as in the file store.
for label, meta in RUNS:
    a, b = src.get_run(meta["run_id"]), client.get_run(meta["run_id"])
    assert a.info.experiment_id == b.info.experiment_id, label
    assert a.info.lifecycle_stage == b.info.lifecycle_stage, (label, b.info.lifecycle_stage)
    for f in ("start_time", "end_time", "status", "user_id", "run_name", "artifact_uri"):
        assert getattr(a.info, f) == getattr(b.info, f), (label, f, getattr(b.info, f))
    assert a.data.params == b.data.params, label
    assert a.data.tags == b.data.tags, (label, a.data.tags, b.data.tags)
    assert set(a.data.metrics) == set(b.data.metrics), label
for meta, mtags, versions in models:
    m = REGISTRY.get_registered_model(meta["name"])
    # (`_tags`: the entity's `tags` leaves the prompt tag out.)
    assert (m.creation_timestamp, m.last_updated_timestamp, m.description, dict(m._tags)) == \
        (meta["creation_timestamp"], meta["last_updated_timestamp"], meta.get("description"),
         mtags), (meta["name"], dict(m._tags), mtags)
    for vm in versions:
        if vm["current_stage"] == "Deleted_Internal":
            continue
        v = REGISTRY.get_model_version(meta["name"], str(vm["version"]))
        for f in ("creation_timestamp", "last_updated_timestamp", "current_stage", "source",
                  "run_id", "description", "status"):
            assert getattr(v, f) == vm.get(f), (meta["name"], vm["version"], f, getattr(v, f))
        assert dict(v.tags) == vm["tags"], (meta["name"], vm["version"])
for e in src_experiments:
    b = client.get_experiment(e.experiment_id)
    assert (b.name, b.lifecycle_stage, b.creation_time, b.last_update_time, dict(b.tags)) == \
        (e.name, e.lifecycle_stage, e.creation_time, e.last_update_time, dict(e.tags)), e.name

# ------------------------------------------------------------------------------------------------
# Recording (same conventions as tests/search_corpus/record.py).
# ------------------------------------------------------------------------------------------------
VIEW = {"ACTIVE_ONLY": ViewType.ACTIVE_ONLY, "DELETED_ONLY": ViewType.DELETED_ONLY,
        "ALL": ViewType.ALL}
SET_RE = re.compile(r"\{('(?:[^'\\]|\\.)*'(?:, '(?:[^'\\]|\\.)*')*)\}")
ADDR_RE = re.compile(r" at 0x[0-9a-fA-F]+>")


def normalize(msg):
    def repl(m):
        items = re.findall(r"'((?:[^'\\]|\\.)*)'", m.group(1))
        return "{" + ", ".join(f"'{i}'" for i in sorted(items)) + "}"
    return SET_RE.sub(repl, msg)


def call(entity, a):
    kw = {}
    if a["filter"] is not None:
        kw["filter_string"] = a["filter"]
    if a["order_by"] is not None:
        kw["order_by"] = a["order_by"]
    if a["max_results"] is not None:
        kw["max_results"] = a["max_results"]
    if a["page_token"] is not None:
        kw["page_token"] = a["page_token"]
    if entity == "runs":
        if a["view_type"] is not None:
            kw["run_view_type"] = VIEW[a["view_type"]]
        res = client.search_runs(a["experiment_ids"], **kw)
        ids = [r.info.run_id for r in res]
    elif entity == "registered_models":
        res = client.search_registered_models(**kw)
        ids = [m.name for m in res]
    elif entity == "model_versions":
        res = client.search_model_versions(**kw)
        ids = [f"{v.name}/{v.version}" for v in res]
    else:
        if a["view_type"] is not None:
            kw["view_type"] = VIEW[a["view_type"]]
        res = client.search_experiments(**kw)
        ids = [e.experiment_id for e in res]
    token = res.token
    if isinstance(token, bytes):
        token = token.decode("ascii")
    return {"ids": ids, "next_page_token": token or None}


def outcome(entity, a):
    try:
        return "result", call(entity, a)
    except MlflowException as e:
        # Raw errors wrapped by the SQL layer carry object addresses too.
        msg = ADDR_RE.sub(" at 0x0>", e.message)
        err = {"message": msg, "message_normalized": normalize(msg),
               "error_code": e.error_code, "exception": type(e).__name__, "raw": False}
        # The SQL store's session wraps every other exception (a Python error, a sqlite3
        # driver error) in an MlflowException: "wrapped" names the original class.
        cause = e.__cause__
        if cause is not None and not isinstance(cause, MlflowException):
            err["wrapped"] = type(cause).__name__
        return "error", err
    except Exception as e:  # noqa: BLE001 - plain Python exceptions are part of the behaviour
        msg = ADDR_RE.sub(" at 0x0>", str(e))
        return "error", {"message": msg, "message_normalized": normalize(msg),
                         "error_code": None, "exception": type(e).__name__, "raw": True}


with open(os.path.join(CORPUS, "cases.json"), encoding="utf-8") as fh:
    FILE_CASES = json.load(fh)

PAGE_RE = re.compile(r", page (\d+)$")
out = []
dropped = []
prev = None
for fc in FILE_CASES:
    args = dict(fc["args"])
    walked = bool(PAGE_RE.search(fc.get("note") or ""))
    if walked:
        # A walked page uses the token of the page before it, as the SQL store gave it.
        token = prev and prev.get("result", {}).get("next_page_token")
        if not token:
            dropped.append(fc["id"])
            continue
        args["page_token"] = token
    kind, val = outcome(fc["entity"], args)
    case = {"id": fc["id"], "entity": fc["entity"]}
    if fc.get("note"):
        case["note"] = fc["note"]
    case["args"] = args
    case[kind] = val
    out.append(case)
    prev = case

# SQL-only cases: what the SQL store checks or computes differently from the file store.
def _tok(obj):
    return base64.b64encode(json.dumps(obj).encode()).decode()


def _args(filter=None, order_by=None, view=None, max_results=None, page_token=None, exps=None):
    return {"experiment_ids": exps, "filter": filter, "order_by": order_by, "view_type": view,
            "max_results": max_results, "page_token": page_token}


R01 = MANIFEST["runs"]["r01"]["run_id"]
SQL_ONLY = [
    ("runs", _args("", exps=["abc"]), "experiment ids must be integers"),
    ("runs", _args("", exps=[" 9 "]), "int() accepts surrounding spaces"),
    ("runs", _args("", exps=["9", "x"]), None),
    ("runs", _args("", order_by=["created", "start_time DESC"], exps=["9"]),
     "alias and key are the same field"),
    ("runs", _args("", order_by=["tags.env", "tag.env DESC"], exps=["9"]), None),
    ("runs", _args("", order_by=["metrics.acc", "datasets.name"], exps=["9"]), None),
    ("runs", _args("", order_by=["foo", "metrics.acc", "metrics.acc"], exps=["9"]), None),
    ("runs", _args("", order_by=["metrics.acc", "metrics.acc", "foo"], exps=["9"]), None),
    ("runs", _args("", order_by=["metrics.loss DESC"], exps=["9", "10"]), "inf stored clamped"),
    ("runs", _args("", order_by=["end_time"], exps=["9"]), "NULL end times last"),
    ("runs", _args("", order_by=["end_time DESC"], exps=["9"]), None),
    ("runs", _args("datasets.context LIKE 'T%'", exps=["9", "10"]), None),
    ("runs", _args("datasets.digest ILIKE 'FFF%'", exps=["9", "10"]), None),
    ("runs", _args("datasets.name LIKE '%-ds' AND datasets.context = 'eval'", exps=["9", "10"]),
     None),
    ("runs", _args("metrics.loss > 1e308", exps=["9"]), "+inf is stored as 1.797e308"),
    ("runs", _args("metrics.loss <= -1.7976931348623157e308", exps=["9"]), None),
    ("runs", _args("metrics.acc != 0.5", exps=["9"], order_by=["metrics.acc"]), None),
    ("runs", _args("run_name LIKE '%LICE'", exps=["9"]), None),
    ("runs", _args(f"run_id LIKE '{R01[:5].upper()}%'", exps=["9"]), "LIKE is case-sensitive"),
    ("runs", _args("", exps=["9"], max_results=3, page_token=_tok({"offset": 10 ** 20})),
     "offset beyond 64 bits"),
    ("runs", _args("", exps=["9"], max_results=3, page_token=_tok({"offset": -40})), None),
    ("experiments", _args("experiment_id = 'abc'"), None),
    ("experiments", _args("experiment_id = ' 9 '"), None),
    ("experiments", _args("experiment_id IN ('9', 'x')"), None),
    ("experiments", _args("experiment_id != '9' AND experiment_id LIKE '1%'"), None),
    ("experiments", _args("creation_time = 1e3"), None),
    ("experiments", _args(f"creation_time >= {1700000000000 + 200}"), None),
    ("experiments", _args("name LIKE 'ALPHA'"), None),
    ("experiments", _args("name ILIKE 'Épsilon'"), None),
    ("experiments", _args("tags.note LIKE '%\n%'"), None),
    ("experiments", _args("name = 'x' AND tags.team > 'a'"), "tag comparator checked eagerly"),
    ("experiments", _args(order_by=["experiment_id ASC"], view="ALL"), None),
    ("experiments", _args(order_by=["name DESC"], view="ALL", max_results=3,
                          page_token=_tok({"offset": -1})), None),
]
for i, (entity, args, note) in enumerate(SQL_ONLY, 1):
    kind, val = outcome(entity, args)
    case = {"id": f"sql-{i:03d}", "entity": entity}
    if note:
        case["note"] = note
    case["args"] = args
    case[kind] = val
    out.append(case)

with open(OUT_JSON, "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=1, ensure_ascii=False)
    fh.write("\n")
shutil.copyfile(DB, OUT_DB)

n_err = sum(1 for c in out if "error" in c)
print(f"recorded {len(out)} cases ({n_err} errors), dropped walked pages {dropped}; "
      f"db {os.path.getsize(OUT_DB)} bytes", file=sys.stderr)
shutil.rmtree(SCRATCH, ignore_errors=True)
