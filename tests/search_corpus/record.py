#!/usr/bin/env python
"""Record MLflow's answers for the search differential corpus.

    cd /tmp && MLFLOW_ALLOW_FILE_STORE=true PYTHONHASHSEED=0 \
        /work/venvs/mlflow3/bin/python /work/main/tests/search_corpus/record.py

Reads the store in ``tests/search_corpus/mlruns`` (written by ``generate_store.py``; the empty
directories git drops are recreated from ``store.json`` first) through ``MlflowClient`` and writes
``tests/search_corpus/cases.json``.  Set ``OUT=/path/cases.json`` to write elsewhere (e.g. to
compare two hash seeds), ``REVIEW=/path/review.txt`` to also dump a human-readable listing with
run labels instead of run ids.

Each case is one client call::

    {"id": "run-001", "entity": "runs"|"experiments"|"registered_models"|"model_versions",
     "note": "...",                        # optional: what the case is about
     "args": {"experiment_ids": [...]|null, "filter": str|null, "order_by": [str]|null,
              "view_type": "ACTIVE_ONLY"|"DELETED_ONLY"|"ALL"|null, "max_results": int|null,
              "page_token": str|null},
     "result": {"ids": [...], "next_page_token": str|null}}          # or
     "error": {"message", "message_normalized", "error_code", "exception", "raw"}}

``null`` args mean "not passed" (the client's default).  See README.md.
"""
import atexit
import base64
import json
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
STORE = os.path.join(HERE, "mlruns")
OUT = os.environ.get("OUT", os.path.join(HERE, "cases.json"))
REVIEW = os.environ.get("REVIEW")

with open(os.path.join(HERE, "store.json"), encoding="utf-8") as fh:
    MANIFEST = json.load(fh)
for d in MANIFEST["empty_dirs"]:
    os.makedirs(os.path.join(STORE, d), exist_ok=True)

if os.environ.get("PYTHONHASHSEED") != "0":
    print("warning: record.py should run with PYTHONHASHSEED=0 (set reprs in messages)",
          file=sys.stderr)

_SCRATCH = tempfile.mkdtemp(prefix="mlrs-search-record-")
os.chdir(_SCRATCH)
atexit.register(shutil.rmtree, _SCRATCH, True)
URI = "file://" + STORE
os.environ["MLFLOW_TRACKING_URI"] = URI
os.environ["MLFLOW_REGISTRY_URI"] = URI
os.environ["MLFLOW_ALLOW_FILE_STORE"] = "true"
os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
os.environ.setdefault("DO_NOT_TRACK", "true")

import warnings  # noqa: E402

warnings.filterwarnings("ignore")

from mlflow.entities import ViewType  # noqa: E402
from mlflow.exceptions import MlflowException  # noqa: E402
from mlflow.tracking import MlflowClient  # noqa: E402

client = MlflowClient(tracking_uri=URI, registry_uri=URI)

RID = {label: r["run_id"] for label, r in MANIFEST["runs"].items()}
LABEL = {v: k for k, v in RID.items()}
ROOT = MANIFEST["generated_root"]
T0 = 1700000000000
S = T0 + 100_000
ALL_EXPS = ["0", "9", "10", "77", "55", "200"]
A = ["9"]  # "alpha": 32 runs, 29 active


def tok(obj_or_text):
    """A page token: base64 of the given text (or of json.dumps(obj))."""
    text = obj_or_text if isinstance(obj_or_text, str) else json.dumps(obj_or_text)
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


# ------------------------------------------------------------------------------------------------
# Case builders
# ------------------------------------------------------------------------------------------------
CASES = []  # (entity, args, note, walk)


def _add(entity, note, walk, **args):
    CASES.append((entity, args, note, walk))


def run(filter="", order_by=None, view=None, max_results=None, page_token=None, exps=None,
        note=None, walk=False):
    _add("runs", note, walk, experiment_ids=list(A if exps is None else exps), filter=filter,
         order_by=order_by, view_type=view, max_results=max_results, page_token=page_token)


def exp(filter=None, order_by=None, view=None, max_results=None, page_token=None, note=None,
        walk=False):
    _add("experiments", note, walk, experiment_ids=None, filter=filter, order_by=order_by,
         view_type=view, max_results=max_results, page_token=page_token)


def rm(filter=None, order_by=None, max_results=None, page_token=None, note=None, walk=False):
    _add("registered_models", note, walk, experiment_ids=None, filter=filter, order_by=order_by,
         view_type=None, max_results=max_results, page_token=page_token)


def mv(filter=None, order_by=None, max_results=None, page_token=None, note=None, walk=False):
    _add("model_versions", note, walk, experiment_ids=None, filter=filter, order_by=order_by,
         view_type=None, max_results=max_results, page_token=page_token)


# ================================================================================================
# RUNS
# ================================================================================================
r01, r02, r03, r11, r33 = RID["r01"], RID["r02"], RID["r03"], RID["r11"], RID["r33"]

# --- experiment ids and view types -------------------------------------------------------------
run("", exps=ALL_EXPS, note="no filter, all experiments, default view")
run("", exps=ALL_EXPS, view="ACTIVE_ONLY")
run("", exps=ALL_EXPS, view="DELETED_ONLY")
run("", exps=ALL_EXPS, view="ALL")
run("", note="alpha only")
run(None, note="filter not passed")
run("", view="DELETED_ONLY")
run("", view="ALL")
run("", exps=["55"], note="deleted experiment: its runs are deleted")
run("", exps=["55"], view="ALL")
run("", exps=["55"], view="DELETED_ONLY")
run("", exps=["200"], note="experiment without runs")
run("", exps=["999"], note="unknown experiment id")
run("", exps=[], note="no experiment ids")
run("", exps=["9", "9"], note="repeated experiment id duplicates its runs")
run("", exps=["77", "10"], note="experiment order does not matter after sorting")
run("", exps=["0", "77"])
run("metrics.acc > 0.5", exps=["9", "9"], order_by=["metrics.acc DESC"])

# --- metrics: comparators and numbers ------------------------------------------------------------
for op in [">", ">=", "<", "<=", "=", "!="]:
    run(f"metrics.acc {op} 0.5", note=f"metric {op}")
for f in ["metrics.acc = 0", "metrics.acc = 0.0", "metrics.acc = -0.0", "metrics.acc = -0",
          "metrics.acc != 0", "metrics.acc >= 1", "metrics.acc = 1", "metrics.acc = 1.0",
          "metrics.acc = 1e3", "metrics.acc = 1000", "metrics.acc = 1E3", "metrics.acc > -1",
          "metrics.acc >= -1", "metrics.acc < -1", "metrics.acc > 1e308", "metrics.acc < -1e308",
          "metrics.acc = 1e999", "metrics.acc = -1e999", "metrics.acc != 1e999",
          "metrics.acc = 5.", "metrics.acc < .5", "metrics.acc > 1e-11", "metrics.acc < 1e-9",
          "metrics.acc > 0.5 AND metrics.acc < 0.9", "metrics.acc >= 0.3 AND metrics.acc <= 0.3",
          "metrics.loss = -1e999", "metrics.loss != 0.5", "metrics.loss >= 1e10",
          "metrics.big > 1e299", "metrics.big < -1e299", "metrics.nonexistent != 0",
          "metrics.nonexistent = 0", "metric.acc > 0.9", "`metrics`.acc > 0.9",
          "metrics.`acc` > 0.9", "metrics.\"acc\" > 0.9", "metrics.'acc' > 0.9"]:
    run(f)
run("metrics.hist = 0.5", note="latest = highest step, not the last logged line")
run("metrics.hist = 0.7", note="same step and timestamp: max value")
run("metrics.hist = 0.4", note="same step: later timestamp wins")
run("metrics.hist = 0.9")
run("metrics.hist > 0")
run("metrics.acc != 0.5", exps=["10"], note="NaN != x is true")
run("metrics.acc = 0.5", exps=ALL_EXPS, view="ALL")
# keys needing quotes
for f in ["metrics.\"f1 score\" > 0.8", "metrics.`f1 score` > 0.8", "metrics.'f1 score' > 0.8",
          "metrics.val.acc > 0.5", "metrics.`val.acc` > 0.5", "metrics.\"val.acc\" > 0.5",
          "metrics.`eval-loss` < 0.3", "metrics.\"eval-loss\" < 0.3", "metrics.`eval/loss` = 0.3",
          "metrics.`2024` = 1", "metrics.acc>0.5", "metrics.acc   >=   0.9",
          "metrics. acc > 0.5", "metrics.acc\t>\t0.9", "metrics.acc\n>\n0.9"]:
    run(f)
# --- params ------------------------------------------------------------------------------------
for f in ["params.optimizer = 'adam'", "params.optimizer = \"adam\"", "params.optimizer != 'adam'",
          "params.optimizer = 'Adam'", "params.optimizer = 'adam '", "params.optimizer LIKE 'ad%'",
          "params.optimizer LIKE 'Ad%'", "params.optimizer ILIKE 'ad%'",
          "params.optimizer ILIKE 'ADAM'", "params.optimizer LIKE '%a_'",
          "params.optimizer LIKE 'a_am'", "params.optimizer LIKE '_d%'",
          "params.optimizer LIKE '%'", "params.optimizer LIKE ''", "params.optimizer like 'sgd'",
          "params.optimizer ilike 'SGD'", "params.optimizer IS NULL", "params.optimizer IS NOT NULL",
          "params.optimizer is null", "params.optimizer is not null", "params.optimizer IS  NULL",
          "params.optimizer  IS NOT NULL", "params.empty = ''", "params.empty LIKE ''",
          "params.empty != ''", "params.empty IS NOT NULL", "params.lr = '0.01'",
          "params.lr = '1e-3'", "params.lr != '0.01'", "params.lr LIKE '0.0%'",
          "params.`batch size` = '32'", "params.\"batch size\" = '32'",
          "params.'batch size' = '32'", "param.optimizer = 'sgd'", "parameter.optimizer = 'sgd'",
          "parameters.optimizer = 'sgd'", "params.dotted.param = 'd1'",
          "params.`dotted.param` = 'd2'", "params.`dash-param` = 'x2'", "params.`2024` = 'year'",
          "params.quote = \"it's\"", "params.quote = 'it''s'", "params.backslash = 'back\\slash'",
          "params.backslash LIKE 'back\\%'", "params.percent = '50%'",
          "params.percent LIKE '50%'", "params.underscore LIKE 'a_b'",
          "params.underscore = 'a_b'", "params.trailing = 'abc'", "params.trailing LIKE 'abc'",
          "params.trailing LIKE 'abc%'", "params.trailing = 'abc\n'", "params.newline LIKE 'a%'",
          "params.newline LIKE '%b'", "params.newline = 'a\nb'", "params.unicode ILIKE 'Ñ'",
          "params.unicode = 'ñ'", "params.unicode LIKE 'Ñ'",
          "params.optimizer = 'adam' AND params.lr = '0.01'",
          "params.optimizer = 'adam' and params.lr = '0.01' AND metrics.acc > 0.5",
          "params.nonexistent != 'x'", "params.nonexistent IS NULL"]:
    run(f)
# --- tags --------------------------------------------------------------------------------------
for f in ["tags.env = 'prod'", "tag.env = 'prod'", "tags.env != 'prod'", "tags.env IS NULL",
          "tags.env IS NOT NULL", "tags.env LIKE 'PROD'", "tags.env ILIKE 'PROD'",
          "tags.env LIKE '%e%'", "tags.team ILIKE 'VISION'", "tags.mixed ILIKE 'ünïcode'",
          "tags.mixed LIKE 'ÜNÏCODE'", "tags.mixed = 'ünïcode'", "tags.trailing LIKE 'abc'",
          "tags.trailing = 'abc'", "tags.trailing LIKE 'abc%'", "tags.trailing ILIKE 'ABC'",
          "tags.multiline LIKE '%line2%'", "tags.multiline LIKE 'line1%'",
          "tags.multiline LIKE '%target'", "tags.multiline = 'line1\nline2 target'",
          "tags.multiline LIKE 'line1_line2%'", "tags.quote = \"it's\"", "tags.doubled = 'it''s'",
          "tags.doubled = \"it''s\"", "tags.backslash = 'back\\slash'",
          "tags.backslash LIKE 'back\\%'", "tags.percent LIKE '100%'", "tags.percent = '100%'",
          "tags.percent = '100'", "tags.underscore LIKE 'a_b'", "tags.underscore = 'a_b'",
          "tags.empty = ''", "tags.empty IS NOT NULL", "tags.empty LIKE ''",
          "tags.empty LIKE '%'", "tags.`key with space` = 'v1'", "tags.\"key with space\" = 'v2'",
          "tags.dotted.tag = 't1'", "tags.`dash-tag` = 'dt'", "tags.`2024` = 'year'",
          "tags.mlflow.runName = 'alice'", "tags.mlflow.user = 'bob'",
          "tags.`mlflow.user` = 'carol smith'", f"tags.mlflow.parentRunId = '{r11}'",
          "tags.mlflow.parentRunId IS NOT NULL", "tags.mlflow.parentRunId IS NULL",
          "tags.unicode = 'ñandú'", "tags.unicode ILIKE 'ÑANDÚ'",
          "tags.env = 'prod' AND tags.team = 'vision'", "tags.role = 'child' AND tags.env IS NULL",
          "tags.nonexistent != 'x'", "tags.nonexistent IS NULL"]:
    run(f)
run("tags.env = 'prod'", exps=ALL_EXPS, view="ALL")
# --- attributes ----------------------------------------------------------------------------------
for f in [f"run_id = '{r01}'", f"attributes.run_id = '{r01}'", f"attribute.run_id = '{r01}'",
          f"attr.run_id = '{r01}'", f"run.run_id = '{r01}'", f"`run_id` = '{r01}'",
          f"\"run_id\" = '{r01}'", f"attributes.`run_id` = '{r01}'", f"run_id != '{r01}'",
          f"run_id LIKE '{r01[:3]}%'", f"run_id ILIKE '{r01[:3].upper()}%'",
          f"run_id = \"{r02}\"", f"run_id IN ('{r01}', '{r02}')", f"run_id IN (\"{r01}\",\"{r02}\")",
          f"run_id IN ('{r01}')", f"run_id IN ('{r01}',)", f"run_id IN ( '{r01}' , '{r02}' , )",
          f"run_id IN (\n'{r01}',\n\t'{r02}'\n)", f"run_id in ('{r01}')", f"run_id In ('{r01}')",
          f"run_id IN('{r01}')", f"run_id NOT IN ('{r01}', '{r02}')", f"run_id not in ('{r01}')",
          f"run_id NOT   IN ('{r01}')", f"run_id IN ('{r01[:10]}' '{r01[10:]}')",
          f"run_id IN ('\\x{ord(r01[0]):02x}{r01[1:]}')", f"run_id = '\\x{ord(r01[0]):02x}{r01[1:]}'",
          f"run_id IN ('{r01}', '{RID['r28']}')", f"run_id IN ('{r33}', '{r01}')",
          f"run_id = ('{r01}')", f"run_id != ('{r01}')",
          f"run_id IN ('{r01}') AND params.optimizer = 'adam'",
          f"run_id IN ('{r01}') params.optimizer = 'adam'",
          "run_name = 'alice'", "run_name = 'ALICE'", "run_name = 'Ålice'", "run_name != 'alice'",
          "run_name LIKE 'alice'", "run_name LIKE '%lice'", "run_name ILIKE 'alice'",
          "run_name ILIKE 'ålice'", "run_name ILIKE '%LICE'", "run_name LIKE 'run%'",
          "run_name LIKE 'run_8'", "run_name LIKE 'run%9'", "run_name LIKE 'RUN%'",
          "run_name ILIKE 'RUN%'", "run_name LIKE 'run 7'", "attributes.run_name = 'bob'",
          "`run name` = 'alice'", "\"run name\" = 'alice'", "`Run name` = 'alice'",
          "`Run Name` = 'Bob'", "attributes.`run name` = 'bob'", "run_name = 'child-1'",
          "status = 'FINISHED'", "status = 'FAILED'", "status = 'KILLED'", "status = 'RUNNING'",
          "status = 'SCHEDULED'", "status = 'finished'", "status != 'FINISHED'",
          "status LIKE 'F%'", "status ILIKE 'f%'", "attributes.status = 'RUNNING'",
          "attribute.status != 'RUNNING'", "user_id = 'alice'", "user_id = 'carol smith'",
          "user_id != 'alice'", "user_id LIKE 'a%'", "user_id ILIKE 'ALICE'",
          "user_id = 'unknown'", "attributes.user_id LIKE '% %'",
          f"artifact_uri = 'file://{ROOT}/9/{r01}/artifacts'",
          f"artifact_uri LIKE '%{r02}%'", "artifact_uri LIKE 'file:///tmp/%'",
          "artifact_uri LIKE '%/10/%'", "artifact_uri ILIKE 'FILE:%'",
          f"artifact_uri != 'file://{ROOT}/9/{r01}/artifacts'"]:
    run(f)
run(f"artifact_uri LIKE '%/10/%'", exps=ALL_EXPS)
for f in [f"start_time > {S + 20000}", f"start_time >= {S + 17000}", f"start_time = {S + 17000}",
          f"start_time != {S + 17000}", f"start_time < {S + 5000}", f"start_time <= {S + 5000}",
          f"start_time >= {S + 4000}.5", f"start_time < {S + 5000}.0",
          f"start_time = 1.700000105e12", f"attributes.start_time > {S + 25000}",
          f"created > {S + 25000}", f"Created > {S + 25000}", f"`created` > {S + 25000}",
          f"start_time > {S + 10000} AND start_time < {S + 14000}",
          f"end_time > {S + 80000}", f"end_time = {S + 61000}", f"end_time != {S + 61000}",
          f"end_time < {S + 65000}", f"end_time <= {S + 65000}", f"end_time >= 0",
          f"end_time != 0", f"attributes.end_time < {S + 62000}"]:
    run(f)
run(f"start_time > {S + 40000}", exps=ALL_EXPS, view="ALL")
run(f"end_time > {S + 40000}", exps=ALL_EXPS)
# --- datasets ------------------------------------------------------------------------------------
DS = ["9", "10"]
for f in ["datasets.name = 'train-ds'", "dataset.name = 'train-ds'", "datasets.digest = 'def456'",
          "datasets.context = 'training'", "datasets.context = 'eval'",
          "datasets.context = 'Training'", "datasets.context ILIKE 'training'",
          "datasets.name != 'train-ds'", "datasets.name IN ('eval-ds', 'x')",
          "datasets.name NOT IN ('train-ds')", "datasets.name LIKE '%ds'",
          "datasets.name ILIKE 'ümlaut%'", "datasets.digest != 'x'",
          "datasets.context != 'training'", "datasets.context NOT IN ('eval')",
          "datasets.name = 'train-ds' AND datasets.digest = 'def456'",
          "datasets.name = 'eval-ds' AND datasets.context = 'training'",
          "datasets.`name` = 'train-ds'", "datasets.name = \"eval-ds\""]:
    run(f, exps=DS)
# --- mixed ---------------------------------------------------------------------------------------
for f in ["metrics.acc > 0.5 AND params.optimizer = 'adam' AND tags.env = 'prod'",
          "status = 'FINISHED' AND metrics.loss < 0.5 AND user_id = 'alice'",
          "params.optimizer ILIKE 'adam%' AND metrics.acc >= 0.5 AND run_name LIKE 'r%'",
          "tags.env IS NULL AND params.optimizer IS NOT NULL",
          f"start_time >= {S + 5000} AND end_time <= {S + 70000} AND status != 'FAILED'",
          "AND metrics.acc > 0.9", "metrics.acc > 0.9 AND", "metrics.acc > 0.9 AND AND tags.env = 'prod'",
          "metrics.acc > 0.9 metrics.loss < 0.2", "AND", "AND AND", "and",
          "metrics.acc > 100 AND metrics.acc LIKE 1",
          "params.optimizer = 'nope' AND params.optimizer > 'a'",
          "params.optimizer = 'sgd' tags.env IS NULL",
          "tags.env IS NULL params.optimizer = 'adam'"]:
    run(f)
run("metrics.acc LIKE 1", exps=["200"], note="invalid comparator, but no run reaches it")
run("metrics.acc LIKE 1", exps=["55"], note="deleted runs are not evaluated for ACTIVE_ONLY")

# --- order_by ------------------------------------------------------------------------------------
OB = [["metrics.acc"], ["metrics.acc ASC"], ["metrics.acc DESC"], ["metrics.acc asc"],
      ["metrics.acc desc"], ["metrics.acc Desc"], ["metrics.acc\tDESC"], ["metrics.acc   DESC"],
      ["metric.acc DESC"], ["metrics.loss"], ["metrics.loss DESC"], ["metrics.hist DESC"],
      ["metrics.`f1 score` DESC"], ["`metrics.f1 score` DESC"], ["metrics.\"f1 score\""],
      ["metrics.val.acc DESC"], ["metrics.`val.acc`"], ["metrics.`eval-loss`"],
      ["metrics.nonexistent DESC"], ["params.optimizer"], ["params.optimizer DESC"],
      ["params.lr DESC"], ["params.'batch size'"], ["param.optimizer"], ["parameters.lr"],
      ["tags.env"], ["tags.env DESC"], ["tag.team DESC"], ["tags.`key with space`"],
      ["tags.mlflow.runName"], ["attributes.start_time"], ["start_time"], ["start_time ASC"],
      ["start_time DESC"], ["created"], ["Created DESC"], ["end_time"], ["end_time DESC"],
      ["run_name"], ["run_name DESC"], ["attributes.run_name ASC"], ["status"],
      ["status DESC"], ["user_id"], ["user_id DESC"], ["artifact_uri"], ["run_id"],
      ["run_id DESC"], ["`run_id` DESC"], ["attr.run_id"],
      ["params.optimizer", "metrics.acc DESC"], ["tags.env DESC", "run_name"],
      ["status", "end_time DESC", "metrics.loss"], ["metrics.acc DESC", "run_name DESC"],
      ["params.optimizer DESC", "params.lr", "start_time"], ["metrics.acc", "metrics.acc DESC"],
      ["user_id", "status", "run_name"], [], None]
for ob in OB:
    run("", order_by=ob)
run("", order_by=["metrics.acc DESC"], exps=ALL_EXPS, view="ALL")
run("", order_by=["run_name"], exps=ALL_EXPS)
run("", order_by=["metrics.acc"], exps=["10"])
run("metrics.acc >= 0.5", order_by=["metrics.acc DESC", "start_time ASC"])
run("params.optimizer IS NOT NULL", order_by=["params.optimizer", "run_id DESC"])
run("", order_by=["metrics.`f1 score`DESC"], note="direction glued to a quoted key")
run("", order_by=["datasets.name"], exps=["200"], note="dataset order with no runs")

# --- max_results / pagination --------------------------------------------------------------------
for n in [1, 5, 10, 28, 29, 30, 50000]:
    run("", max_results=n)
run("", max_results=0, note="no lower bound for runs")
run("", max_results=-1, note="python-style slice")
run("", max_results=-5)
run("", max_results=50001)
run("metrics.acc LIKE 1", max_results=50001, note="max_results checked before the filter")
run("", max_results=7, walk=True, note="page walk")
run("metrics.acc > 0", order_by=["metrics.acc DESC"], max_results=4, walk=True, note="page walk")
run("", exps=ALL_EXPS, view="ALL", max_results=20, walk=True, note="page walk")
for t, note in [(tok({"offset": 5}), "offset 5"), (tok('{"offset":5}'), "no space"),
                (tok({"offset": 28}), None), (tok({"offset": 29}), "exactly the end"),
                (tok({"offset": 1000}), "past the end"), (tok({"offset": -2}), "negative"),
                (tok({"offset": "3"}), "string offset"), (tok({"offset": " 3 "}), None),
                (tok({"offset": "1_0"}), None), (tok({"offset": 2.7}), "float offset"),
                (tok({"offset": True}), "bool offset"), (tok({"offset": 0}), "zero offset"),
                (tok({"offset": None}), None), (tok({"offset": False}), None),
                (tok({"offset": []}), None), (tok({"offset": ""}), None), (tok({"foo": 1}), None),
                (tok({"offset": "abc"}), None), (tok('{"offset": NaN}'), None),
                (tok('{"offset": Infinity}'), None), (tok({"offset": [1]}), None),
                (tok("[1]"), None), (tok("5"), None), (tok("null"), None),
                (tok("not json"), None), ("abc", "missing padding"), ("", "empty token"),
                (tok({"offset": 5}) + "garbage", "data after padding"),
                ("eyJvZmZz!ZXQiOiA1fQ==", "non-alphabet character"), ("!!!!", None),
                (base64.b64encode(b'{"offset": 5, "x": "\xff"}').decode(), "invalid utf-8")]:
    run("", max_results=3, page_token=t, note=note)
run("", max_results=5, page_token=tok({"offset": 5}), order_by=["metrics.acc DESC"])
run("metrics.acc > 0.5", max_results=2, page_token=tok({"offset": 2}))
run("metrics.acc LIKE 1", page_token="abc", note="filter errors before token errors")
run("", order_by=["foo"], page_token="abc", note="order_by errors before token errors")

# --- malformed (runs) ----------------------------------------------------------------------------
RUN_BAD = [
    "metrics.acc > 0.5 OR metrics.loss < 0.5", "metrics.acc > 0.5 or metrics.loss < 0.5",
    "(metrics.acc > 0.5)", "metrics.acc > 0.5 AND (params.lr = '0.1')", "NOT metrics.acc > 0.5",
    "metrics.acc NOT > 0.5", "params.optimizer NOT LIKE 'a%'", "params.optimizer RLIKE 'a'",
    "'adam", "params.optimizer = 'adam", "params.optimizer = \"adam", "params.`optimizer = 'a'",
    "metrics.acc > 0.5;", "metrics.acc > 0.5; metrics.loss < 1", "metrics.acc > 0.5 -- comment",
    "-- only a comment", "/* c */ metrics.acc > 0.5", "metrics.acc > 0.5 # hash comment",
    " ", "\n", "\t", "   \n  ", "metrics.acc BETWEEN 0 AND 1", "metrics.acc > 0.5 > 0.1",
    "0.5 < metrics.acc", "metrics.acc >", "metrics.acc", "= 0.5", "foo.acc > 1", "METRICS.acc > 1",
    "\"metrics\".acc > 1", "metrics . acc > 0.5", "metrics .acc > 0.5", "metrics.acc > 0.5 foo",
    "params.optimizer = 'adam' run_id IN ('x')", "metrics.acc > {", "tags.env = true",
    "tags.env = null", "tags.env = TRUE", "SELECT * FROM runs", "metrics.acc == 0.5",
    "metrics.acc <> 0.5", "metrics.acc => 0.5", "metrics.acc !== 0.5", "metrics.acc LIKE 0.5",
    "metrics.acc IN (0.5)", "metrics.acc IS NULL", "metrics.acc IS NOT NULL",
    "metrics.acc = '0.5'", "metrics.acc = \"0.5\"", "metrics.acc = nan", "metrics.acc > 1_000",
    "metrics.acc > 0x10", "metrics.acc > +1", "metrics.acc > - 1", "metrics.acc > 1.e3",
    "metrics.acc > 1e+3", "metrics.eval-loss < 0.3", "metrics.eval/loss = 0.3",
    "metrics.2024 = 1", "metrics.in > 1", "metrics.from > 1", "metrics.select > 1",
    "params.lr = 0.01", "params.lr = 1e-3", "params.optimizer = adam",
    "params.optimizer = `adam`", "params.optimizer IN ('adam')", "params.optimizer IS NOT  NULL",
    "params.optimizer IS NOT\nNULL", "params.optimizer > 'a'", "params.optimizer = NULL",
    "tags.env IN ('prod')", "tags.env < 'z'", "tags.dash-tag = 'dt'", "`tags.dash-tag` = 'dt'",
    "foo = 'x'", "lifecycle_stage = 'active'", "experiment_id = '9'", "RUN_ID = 'x'",
    "attributes.Run_Id = 'x'", "run name = 'alice'", "Run_name = 'alice'", "timestamp > 1",
    "attributes.foo = 'x'", "run_id = 1", "run_id = abc", "run_id IN 'abc'", "run_id IN ['a']",
    "run_id IN ()", "run_id IN (1, 2)", "run_id IN ('9', 9)", "run_id IN (b'a')",
    "run_id IN ('a'", "run_id IN (abc)", "run_id IN (f'a')", "run_id IN ('a\")",
    f"run_id LIKE ('{r01}')", "run_name IN ('alice')", "status IN ('FINISHED')",
    "status > 'A'", "status IS NULL", "user_id IS NOT NULL", "run_name RLIKE 'a'",
    f"start_time = '{S}'", f"start_time LIKE {S}", "start_time IN (1)", "start_time IS NULL",
    f"end_time == {S}", "created = 'x'", "start_time > 0x1F", "datasets.foo = 'x'",
    "datasets.name IS NULL", "datasets.name = train", "datasets.name = 1", "datasets.name > 'a'",
    "datasets.context IN (1)", "metrics.acc > 0.5 AND metrics.acc LIKE 1",
    "metrics.acc LIKE 1 AND metrics.acc > 100", "params.x = 'a' AND metrics.y LIKE 1",
    "metrics.acc > 0.5 AND metrics.acc LIKE 1 AND params.optimizer > 'a'",
    "metrics.acc > 0.5 OR", "OR", "NOT", "()", "metrics.acc > 0.5 AND OR metrics.acc < 1",
    "metrics.acc > 0.5 ; ", "metrics.acc > 0.5;;", "metrics.acc > 0.5\n;\nmetrics.acc < 1",
    "metrics.acc > 0.5 AND metrics.acc > 0.5 AND metrics.acc IS NULL",
    "params.optimizer = 'a' = 'b'", "metrics.acc = 1 = 1", "metrics.acc > 0.5 WHERE",
    "metrics.acc > 0.5 LIMIT 1", "$$ x $$", "metrics.acc > :x", "metrics.acc > ?",
    "metrics.acc > %s", "\\copy", "[metrics.acc] > 1", "metrics.[acc] > 1",
]
for f in RUN_BAD:
    run(f, note="malformed or edge input")
for ob in [["metrics.acc DESCENDING"], ["metrics.acc DESC "], [" metrics.acc"], [""],
           ["metrics.acc, params.lr"], ["metrics.acc DESC NULLS LAST"], ["metrics.in"],
           ["'metrics.acc'"], ["TIMESTAMP"], ["timestamp"], ["run name"], ["`run name`"],
           ["datasets.name"], ["foo.acc"], ["foo"], ["lifecycle_stage"], ["experiment_id"],
           ["metrics.acc DESC ASC"], ["metrics.\"f1 score"], ["metrics.acc", "foo", "bar DESC"],
           ["foo", "metrics.acc"], ["METRICS.acc"], ["metrics.acc ASCENDING"],
           ["metrics.acc DESC; params.lr"], ["metrics.acc -- c"], ["(metrics.acc)"],
           ["metrics.acc\n"], ["metrics.acc OR params.lr"], ["Run name"]]:
    run("", order_by=ob, note="order_by error")
run("", order_by=["foo"], exps=["200"], note="order_by parsed even with no runs")
run("", order_by=["metrics.acc DESC"], exps=["200"])

# --- lexer / grouping corner cases from search.md --------------------------------------------------
for f, note in [
    ("metrics.acc OR run_id IN ('x')", "4-token blind window: the IN pattern is not joined"),
    ("`metrics.f1 score` > 0.5", "a backticked whole key splits inside the backticks"),
    ("tags.`a``b` = 'x'", "doubled backticks are not collapsed"),
    ("tags.´env´ = 'prod'", "acute-accent quoted name: not unquoted"),
    ("'metrics'.acc > 1", "single-quoted prefix does not group"),
    ("@foo = 'x'", "@word is a Name"),
    ("metrics.as > 1", "AS after a dot is still a keyword"),
    ("tags.case = 'x'", "CASE after a dot is still a keyword"),
    ("tags.values = 'x'", None), ("tags.using = 'x'", None),
    ("metrics.acc > 1and metrics.loss < 1", "1and is not a number"),
    ("metrics.acc > 0.5;\n", "newline after ; starts an empty statement"),
    ("metrics.acc > 0.5; -- c", "comment attached to the statement"),
    ("tags.ключ = 'значение'", "Cyrillic key"),
    ("ключ.x = 'x'", "Cyrillic prefix"),
    ("metrics.acc > 0 AND " * 1000, "1000 clauses: under sqlparse's token limit"),
    ("metrics.acc > 0 AND " * 1100, "1100 clauses: over sqlparse's token limit"),
    ("metrics.acc>=.5AND metrics.loss<=.5", None),
    ("params.optimizer='adam'AND tags.env='prod'", None),
    ("tags.env Is Null", None), ("tags.env iS nOt NuLl", None),
    ("metrics.acc > 0.5 AND tags.env IS NOT NULL AND params.lr IS NULL", None),
    ("params.optimizer = 'adam' AND params.optimizer = 'sgd'", "contradiction"),
    ("run_name = 'alice' AND run_name = 'alice'", None),
    ("tags.mlflow.runName = 'ALICE' AND run_name = 'ALICE'", None),
    ("metrics.acc = 0.3 AND start_time = %d" % (S + 17000), "tied start times"),
]:
    run(f, note=note)
run("status IN ()", note="list on a non-list key vs. empty list: which check wins")
run("run_id IN ()  AND status IN ('x')")
run("metrics.acc LIKE 1", order_by=["foo"], note="evaluation errors before order_by errors")
run("metrics.acc LIKE 1 AND foo = 'x'", note="parse errors (any clause) before evaluation errors")
run("", order_by=["datasets.name"], page_token="abc", note="sort-time errors before token errors")
run("", order_by=["metrics.[it's]"], note="order_by reaching shlex with an unbalanced quote")
run("", order_by=["metrics.`it's`"], note="backtick becomes a double quote before shlex")
run("", order_by=["params.'it\"s'"])
run("", order_by=["tags.ключ DESC"])
run("", order_by=["metrics.acc DESC", "metrics.loss DESC", "params.lr", "tags.env DESC",
                  "run_name", "end_time DESC"], exps=ALL_EXPS, view="ALL")
run("metrics.acc >= 0.3 AND metrics.acc <= 0.5", order_by=["metrics.acc"],
    note="ties keep the default order")
run("metrics.acc >= 0.3 AND metrics.acc <= 0.5", order_by=["metrics.acc DESC"],
    note="ties keep the default order in DESC too")
run("metrics.acc <= 0", order_by=["metrics.acc DESC"], note="-0.0 ties with 0.0")

# ================================================================================================
# EXPERIMENTS
# ================================================================================================
exp(note="default: active, creation_time DESC, experiment_id ASC")
exp(view="ACTIVE_ONLY")
exp(view="DELETED_ONLY")
exp(view="ALL")
exp("", note="empty filter")
for f in ["name = 'alpha'", "name = 'ALPHA'", "name != 'alpha'", "name LIKE 'alpha'",
          "name ILIKE 'alpha'", "name LIKE 'a%'", "name LIKE '%a'", "name ILIKE '%A'",
          "name LIKE '%\\_%'", "name LIKE 'pct%'", "name LIKE 'pct\\%%'", "name LIKE '%!_%'",
          "name LIKE '%_%'", "name = 'delta exp'", "name LIKE '% %'", "name ILIKE 'épsilon'",
          "name LIKE 'É%'", "name IN ('alpha', 'Beta')", "name IN ('alpha')", "name IN ('alpha',)",
          "name IN ( 'gamma' , \"Beta\" )", "name NOT IN ('alpha', 'Beta')", "name not in ('x')",
          "attribute.name = 'gamma'", "`name` = 'gamma'", "\"name\" = 'gamma'",
          "name = \"gamma\"", "experiment_id = '9'", "experiment_id != '9'",
          "experiment_id IN ('9', '10')", "experiment_id NOT IN ('0', '9')",
          "experiment_id LIKE '1%'", "experiment_id ILIKE '%7'", "attribute.experiment_id = '77'",
          f"creation_time > {T0 + 100}", f"creation_time >= {T0 + 100}",
          f"creation_time = {T0 + 200}", f"creation_time != {T0 + 200}",
          f"creation_time < {T0 + 100}", f"creation_time <= {T0 + 100}",
          f"creation_time = {T0 + 200}.0", f"creation_time > {T0 + 199}.5",
          f"creation_time > 1.7e12", f"last_update_time > {T0 + 1000}",
          f"last_update_time = {T0 + 6500}", f"last_update_time <= {T0 + 100}",
          "tags.team = 'vision'", "tag.team = 'vision'", "tags.team != 'vision'",
          "tags.team LIKE 'V%'", "tags.team ILIKE 'vision'", "tags.team ILIKE 'ÜNÏ'",
          "tags.team IS NULL", "tags.team IS NOT NULL", "tags.team is not null",
          "tags.empty = ''", "tags.empty IS NOT NULL", "tags.`key with space` = 'spaced'",
          "tags.\"key with space\" = 'spaced'", "tags.dotted.key = 'dot'",
          "tags.`dash-key` = 'dash'", "tags.mlflow.note.content LIKE 'Alpha%'",
          "tags.mlflow.note.content LIKE '%second line'", "tags.priority = '10'",
          "tags.priority LIKE '1%'", "tags.note ILIKE 'ñandú'", "tags.nonexistent != 'x'",
          "tags.late = 'yes'", "tags.env = 'prod' AND name LIKE '%a%'",
          "tags.env = 'dev' AND tags.team ILIKE 'vision'",
          "name LIKE '%a%' AND experiment_id != '9' AND tags.team IS NOT NULL",
          "tags.team = 'vision' tags.env = 'prod'", "AND", "name = 'x' AND name LIKE 1",
          "name = 'Beta' AND name LIKE 1"]:
    exp(f)
for f in ["", "name LIKE '%deleted'", "tags.env = 'old'", "tags.team = 'vision'"]:
    exp(f, view="DELETED_ONLY")
    exp(f, view="ALL")
for ob in [["name"], ["name DESC"], ["name asc"], ["experiment_id"], ["experiment_id DESC"],
           ["creation_time"], ["creation_time DESC"], ["creation_time ASC", "experiment_id ASC"],
           ["last_update_time DESC"], ["last_update_time"], ["name DESC", "creation_time"],
           ["creation_time", "name DESC"], ["attribute.name DESC"], ["`name` DESC"],
           ["name   DESC"], []]:
    exp(order_by=ob)
exp(order_by=["creation_time DESC"], view="ALL")
exp("tags.team IS NOT NULL", order_by=["name"], view="ALL")
for n in [1, 3, 7, 8, 50000]:
    exp(max_results=n)
exp(max_results=3, walk=True, note="page walk")
exp(view="ALL", order_by=["name"], max_results=4, walk=True, note="page walk")
for t in [tok({"offset": 2}), tok({"offset": 100}), tok({"offset": 0}), tok({"offset": "2"}),
          tok("not json"), "abc", tok({"offset": -3}), tok({"foo": 2})]:
    exp(max_results=3, page_token=t)
EXP_BAD = ["name = 'alpha' OR name = 'Beta'", "(name = 'alpha')", "NOT name = 'alpha'",
           "name = 'alpha'; name = 'Beta'", " ", "\n", "metrics.acc > 1", "params.x = 'y'",
           "attributes.name = 'alpha'", "`tags`.team = 'vision'", "foo = 'x'",
           "lifecycle_stage = 'active'", "name = alpha", "name = 1", "experiment_id = 9",
           "name IS NULL", "name IN 'alpha'", "name IN ()", "name IN (1)", "name > 'a'",
           "name RLIKE 'a'", "experiment_id > '5'", "creation_time = 'x'", "creation_time LIKE 1",
           f"creation_time IN ({T0})", "creation_time IS NULL", "last_update_time == 1",
           "tags.team IN ('vision')", "tags.team > 'a'", "tags.team = 1", "tags.team = vision",
           "name = 'alpha' -- c", "name = 'alpha", "name = 'alpha' foo", "datasets.name = 'x'",
           "name = 'Beta' AND name LIKE 1 AND foo = 'x'", "creation_time > 0 AND name LIKE 1",
           "name == 'alpha'", "name = 'alpha' AND (tags.env = 'prod')", "TAGS.team = 'x'",
           "name NOT LIKE 'a%'"]
for f in EXP_BAD:
    exp(f, note="malformed or edge input")
for ob in [["tags.team"], ["foo"], ["metrics.acc"], ["name DESCENDING"], ["name DESC "], [""],
           ["attributes.name"], ["name", "foo", "bar"], ["timestamp"], ["last_updated_timestamp"],
           ["name, experiment_id"]]:
    exp(order_by=ob, note="order_by error")
for n in [0, -1, 50001]:
    exp(max_results=n)

exp("name = 'x' AND name > 'a'", note="invalid comparator never reached")
exp("name = 'Beta' AND name > 'a'", note="invalid comparator reached")
exp("tags.team = 'nope' AND tags.team > 'a'")
exp("tags.team = 'nlp' AND tags.team > 'a'")
exp("name > 'a'", order_by=["foo"], note="filter errors before order_by errors")
exp("name = 'alpha' AND", order_by=["name"])
exp("experiment_id IN ('9', '10', '77')", order_by=["experiment_id DESC"])
exp("experiment_id IN ('55')", view="ALL")
exp("experiment_id IN ()")
exp("experiment_id IN ('9',)")
exp("name LIKE '%a%'", order_by=["creation_time DESC", "name"], view="ALL")

# ================================================================================================
# REGISTERED MODELS
# ================================================================================================
rm(note="default: name ASC, prompts hidden")
for f in ["", " ", "name = 'model-a'", "name = 'MODEL-A'", "name != 'model-a'",
          "name LIKE 'model%'", "name ILIKE 'model%'", "name LIKE 'model_a'",
          "name ILIKE 'model_a'", "name LIKE '%a'", "name LIKE 'model_c'", "name LIKE '%.%'",
          "name ILIKE 'ÜMLAUT%'", "name IN ('model-a', 'Model-B')", "name IN ('model_c')",
          "name IN ('model_c',)", "name IN ( 'model_c' , \"model.v2\" )",
          "name NOT IN ('model-a', 'Model-B')", "name = \"model-a\"", "attribute.name = 'model_c'",
          "name = 'my-prompt'", "name LIKE 'my%'", "name != 'mlflow.prompt.is_prompt'",
          "name = 'mlflow.prompt.is_prompt'",
          "tags.mlflow.prompt.is_prompt = 'true'", "tags.mlflow.prompt.is_prompt = 'false'",
          "tags.mlflow.prompt.is_prompt != 'true'", "tags.mlflow.prompt.is_prompt != 'false'",
          "tags.mlflow.prompt.is_prompt LIKE 'f%'", "tags.mlflow.prompt.is_prompt ILIKE '%'",
          "tags.`mlflow.prompt.is_prompt` = 'true'", "tag.mlflow.prompt.is_prompt = 'true'",
          "tags.team = 'vision'", "tag.team = 'vision'", "tags.team != 'vision'",
          "tags.team LIKE 'V%'", "tags.team ILIKE 'vision'", "tags.team ILIKE '%Ü%'",
          "tags.team LIKE '%\\_%'", "tags.empty = ''", "tags.`key with space` = 'ks'",
          "tags.\"key with space\" = 'ks'", "tags.dotted.key = 'dk'", "tags.`dotted.key` = 'dk'",
          "tags.nonexistent != 'x'", "tags._mlflow_experiment_ids LIKE '%0%'",
          "name LIKE 'model%' AND tags.team = 'vision'", "tags.env = 'prod' AND name != 'model-a'",
          "name = 'model-a' name = 'model-a'", "AND", "name = 'x' AND name > 'a'",
          "name LIKE '%' AND", "name = 'model-a' AND name > 'a'"]:
    rm(f)
for ob in [["name"], ["name DESC"], ["name asc"], ["creation_timestamp"],
           ["creation_timestamp DESC"], ["last_updated_timestamp DESC"],
           ["last_updated_timestamp"], ["creation_timestamp DESC", "name DESC"],
           ["attribute.name DESC"], ["name   DESC"], []]:
    rm(order_by=ob)
rm("tags.team IS NOT NULL".replace("IS NOT NULL", "LIKE '%'"), order_by=["creation_timestamp"])
for n in [1, 3, 9, 10, 1000]:
    rm(max_results=n)
rm(max_results=3, walk=True, note="page walk")
rm(order_by=["creation_timestamp DESC"], max_results=4, walk=True, note="page walk")
for t in [tok({"offset": 2}), tok({"offset": 100}), tok({"offset": 0}), tok("not json"), "abc",
          tok({"offset": "4"})]:
    rm(max_results=3, page_token=t)
RM_BAD = ["name = 'model-a' OR name = 'Model-B'", "(name = 'model-a')", "NOT name = 'model-a'",
          "name = 'a'; name = 'b'", "-- hi", "name = 'model-a' -- c", "run_id = 'x'",
          "`name` = 'model-a'", "attributes.name = 'model-a'", "metrics.acc > 1",
          "`tags`.team = 'vision'", "foo = 'x'", "name = model", "name = 1", "name IS NULL",
          "tags.team IS NULL", "tags.team IS NOT NULL", "name IN ()", "name IN (1)",
          "name IN 'model-a'", "name > 'a'", "name RLIKE 'a'", "tags.team IN ('vision')",
          "tags.team = 1", "tags.team = vision", "name = 'model-a", "name == 'model-a'",
          "creation_timestamp > 0", "name = 'model-a' foo", "tags.team < 'z'",
          "name = 'model-a' AND (tags.team = 'vision')", "NAME = 'model-a'",
          "description = 'first model'"]
for f in RM_BAD:
    rm(f, note="malformed or edge input")
for ob in [["timestamp"], ["tags.team"], ["run_id"], ["foo"], ["name DESCENDING"],
           ["name DESC "], [""], ["version_number"], ["name", "foo"]]:
    rm(order_by=ob, note="order_by error")
for n in [0, -1, 1001]:
    rm(max_results=n)

rm("name = ('model-a')", note="list compared with =: never equal")
rm("name != ('model-a')", note="list compared with !=: always different")
rm("name LIKE ('model-a')", note="list with LIKE: raw TypeError")
rm("name > 'a'", order_by=["foo"], note="filter errors before order_by errors")
rm("name ILIKE 'model%'", order_by=["creation_timestamp DESC"])
rm("tags.team ILIKE 'VISION'", order_by=["last_updated_timestamp"])

# ================================================================================================
# MODEL VERSIONS
# ================================================================================================
mv(note="default: last_updated_timestamp DESC, name ASC, version DESC")
for f in ["", " ", "name = 'model-a'", "name = 'MODEL-A'", "name != 'model-a'",
          "name LIKE 'model%'", "name ILIKE 'model-a'", "name IN ('model-a', 'Model-B')",
          "name IN ('model_c',)", "name NOT IN ('model-a')", "name = \"Model-B\"",
          "attribute.name = 'model_c'", "name = 'model-a' AND version_number > 5",
          "version_number = 2", "version_number = '10'", "version_number = \"10\"",
          "version_number >= 2.5", "version_number = 1.9", "version_number < 2",
          "version_number <= 2", "version_number != 3", "version_number = 3",
          "version_number > 10", "version_number = 1e1", "version_number >= -1",
          "name = 'model-a' AND version_number != 1",
          f"run_id = '{r01}'", f"run_id != '{r01}'", f"run_id IN ('{r01}', '{r02}')",
          f"run_id NOT IN ('{r01}')", "run_id = ''", "run_id != ''", f"run_id LIKE '{r01[:4]}%'",
          "run_id ILIKE '%'", f"run_id IN (\"{r02}\",)",
          "source_path = 's3://bucket/models/model-b/2'", "source_path LIKE 'runs:/%'",
          "source_path ILIKE 'FILE:%'", "source_path != 's3://bucket/models/model-b/2'",
          f"source_path = 'runs:/{r01}/model'", "source_path LIKE '%model'",
          "tags.quality = 'good'", "tags.quality ILIKE 'good'", "tags.quality != 'good'",
          "tags.quality LIKE 'g%'", "tags.`key with space` = 'k1'", "tags.dotted.key = 'x'",
          "tags.late = 'yes'", "tags.validated = 'true'", "tags.note = 'ÜNÏ'",
          "tags.note ILIKE 'ünï'", "tags.team = 'vision'", "tags.nonexistent != 'x'",
          "tags.mlflow.prompt.is_prompt = 'true'", "tags.mlflow.prompt.is_prompt = 'false'",
          "tags.mlflow.prompt.is_prompt != 'true'", "tags.mlflow.prompt.is_prompt LIKE '%'",
          "name = 'my-prompt'", "name = 'prompt-tagged-version'", "name = 'not-a-prompt'",
          "name LIKE '%prompt%'", "source_path != 'mlflow.prompt.is_prompt'",
          "tags.quality = 'good' AND name = 'model-a' AND version_number < 5",
          "name = 'model-a' version_number = 2", "AND", "name = 'x' AND version_number = 'abc'",
          "name = 'x' AND name > 'a'", "name = 'model-a' AND tags.quality = 'good' AND"]:
    mv(f)
for ob in [["name"], ["name DESC"], ["version_number"], ["version_number DESC"],
           ["creation_timestamp"], ["creation_timestamp DESC"], ["last_updated_timestamp"],
           ["last_updated_timestamp ASC"], ["name", "version_number"],
           ["name DESC", "version_number ASC"], ["version_number DESC", "name DESC"],
           ["attribute.name"], []]:
    mv(order_by=ob)
mv("name = 'model-a'", order_by=["version_number"])
mv("name = 'model-a'", order_by=["creation_timestamp DESC"])
mv("tags.quality LIKE '%'", order_by=["last_updated_timestamp DESC", "name DESC"])
for n in [1, 5, 24, 200000]:
    mv(max_results=n)
mv(max_results=5, walk=True, note="page walk")
mv("name = 'model-a'", order_by=["version_number DESC"], max_results=4, walk=True,
   note="page walk")
for t in [tok({"offset": 3}), tok({"offset": 100}), tok({"offset": 0}), tok("not json"), "abc",
          tok({"offset": 2.9})]:
    mv(max_results=3, page_token=t)
MV_BAD = ["name = 'model-a' OR name = 'Model-B'", "(name = 'model-a')", "NOT name = 'model-a'",
          "name = 'a'; name = 'b'", "-- hi", "`name` = 'model-a'", "`version_number` = 1",
          "attributes.name = 'model-a'", "creation_timestamp > 0", "current_stage = 'Production'",
          "version = 1", "metrics.acc > 1", "foo = 'x'", "name = model", "name = 1",
          "run_id = 1", "source_path = 1", "name IS NULL", "version_number IS NULL",
          "tags.quality IS NULL", "name IN ()", "name IN (1)", "source_path IN ('x')",
          "version_number IN (1, 2)", "version_number = 'abc'", "version_number = '1.5'",
          "version_number = abc", "version_number LIKE 1", "name > 'a'", "run_id > 'a'",
          "tags.quality IN ('good')", "tags.quality < 'z'", "tags.quality = good",
          "name = 'model-a", "name == 'model-a'", "name = 'model-a' AND version_number LIKE 1",
          "name = 'x' AND version_number LIKE 1", "name = 'model-a' AND version_number = 'x'",
          "name = 'model-a' foo", "NAME = 'model-a'"]
for f in MV_BAD:
    mv(f, note="malformed or edge input")
for ob in [["run_id"], ["tags.quality"], ["timestamp"], ["version"], ["foo"],
           ["name DESCENDING"], ["name DESC "], [""], ["current_stage"]]:
    mv(order_by=ob, note="order_by error")
for n in [0, -1, 200001]:
    mv(max_results=n)

mv(f"run_id = ('{r01}')", note="list compared with =: never equal")
mv(f"run_id != ('{r01}')", note="list compared with !=: null run_id still excluded")
mv("name > 'a'", order_by=["foo"], note="filter errors before order_by errors")
mv("version_number > 3", order_by=["name DESC", "version_number DESC"])
mv("tags.quality ILIKE 'good'", order_by=["creation_timestamp"])
mv("name = 'model-a' AND version_number >= 4 AND version_number <= 8",
   order_by=["last_updated_timestamp DESC"])

# ================================================================================================
# Recording
# ================================================================================================
VIEW = {"ACTIVE_ONLY": ViewType.ACTIVE_ONLY, "DELETED_ONLY": ViewType.DELETED_ONLY,
        "ALL": ViewType.ALL}
SET_RE = re.compile(r"\{('(?:[^'\\]|\\.)*'(?:, '(?:[^'\\]|\\.)*')*)\}")


def normalize(msg):
    """Sort the elements of printed Python sets of strings (their order depends on the hash
    seed) by code point, e.g. {'=', '!='} -> {'!=', '='}."""
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
    elif entity == "experiments":
        if a["view_type"] is not None:
            kw["view_type"] = VIEW[a["view_type"]]
        res = client.search_experiments(**kw)
        ids = [e.experiment_id for e in res]
    elif entity == "registered_models":
        res = client.search_registered_models(**kw)
        ids = [m.name for m in res]
    else:
        res = client.search_model_versions(**kw)
        ids = [f"{v.name}/{v.version}" for v in res]
    token = res.token
    if isinstance(token, bytes):
        token = token.decode("ascii")
    return {"ids": ids, "next_page_token": token or None}


ADDR_RE = re.compile(r" at 0x[0-9a-fA-F]+>")


def scrub(msg):
    """Object addresses in raw Python messages (literal_eval's 'malformed node ... <ast.Name
    object at 0x7f...>') change on every run: replaced by a fixed ' at 0x0>'."""
    return ADDR_RE.sub(" at 0x0>", msg)


def outcome(entity, a):
    try:
        return "result", call(entity, a)
    except MlflowException as e:
        return "error", {"message": e.message, "message_normalized": normalize(e.message),
                         "error_code": e.error_code, "exception": type(e).__name__, "raw": False}
    except Exception as e:  # noqa: BLE001 - plain Python exceptions are part of the behaviour
        msg = scrub(str(e))
        return "error", {"message": msg, "message_normalized": normalize(msg),
                         "error_code": None, "exception": type(e).__name__, "raw": True}


PREFIX = {"runs": "run", "experiments": "exp", "registered_models": "rm", "model_versions": "mv"}
counters = {k: 0 for k in PREFIX}
out = []
ARG_ORDER = ["experiment_ids", "filter", "order_by", "view_type", "max_results", "page_token"]


def record(entity, args, note):
    counters[entity] += 1
    cid = f"{PREFIX[entity]}-{counters[entity]:03d}"
    a = {k: args.get(k) for k in ARG_ORDER}
    kind, val = outcome(entity, a)
    case = {"id": cid, "entity": entity}
    if note:
        case["note"] = note
    case["args"] = a
    case[kind] = val
    out.append(case)
    return case


for entity, args, note, walk in CASES:
    case = record(entity, args, note)
    page = 1
    while walk and "result" in case and case["result"]["next_page_token"]:
        page += 1
        nxt = dict(args, page_token=case["result"]["next_page_token"])
        case = record(entity, nxt, f"{note}, page {page}")
        if page > 50:
            raise RuntimeError("runaway page walk")

ids_seen = [c["id"] for c in out]
assert len(ids_seen) == len(set(ids_seen))
with open(OUT, "w", encoding="utf-8") as fh:
    json.dump(out, fh, indent=1, ensure_ascii=False)
    fh.write("\n")

n_err = sum(1 for c in out if "error" in c)
print(f"recorded {len(out)} cases ({n_err} errors): " +
      ", ".join(f"{k} {v}" for k, v in counters.items()), file=sys.stderr)

if REVIEW:
    with open(REVIEW, "w", encoding="utf-8") as fh:
        for c in out:
            a = c["args"]
            fh.write(f"{c['id']}  {c.get('note') or ''}\n")
            fh.write(f"   filter={a['filter']!r} order_by={a['order_by']} view={a['view_type']} "
                     f"max={a['max_results']} token={a['page_token']!r} exps={a['experiment_ids']}\n")
            if "result" in c:
                ids = c["result"]["ids"]
                if c["entity"] == "runs":
                    ids = [LABEL.get(i, i) for i in ids]
                fh.write(f"   -> {' '.join(ids)}  next={c['result']['next_page_token']}\n")
            else:
                e = c["error"]
                fh.write(f"   !! [{e['error_code']}/{e['exception']}] {e['message_normalized']}\n")
