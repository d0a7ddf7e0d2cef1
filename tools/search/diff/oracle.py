"""Runs search cases through MLflow's own search utilities (the file store's code path).

    python oracle.py fixtures.json < cases.jsonl > expected.jsonl

A case: {"id", "entity": runs|experiments|registered_models|model_versions, "op": filter|order|page,
"filter", "order_by", "page_token", "max_results", "n"}. A result: {"id", "ok": [...]} or
{"id", "err": message, "raw": true when the exception is not an MlflowException}.
"""
import json
import re
import sys

from mlflow.entities import (Dataset, DatasetInput, Experiment, ExperimentTag, InputTag, Metric, Param,
                             Run, RunData, RunInfo, RunInputs, RunTag)
from mlflow.entities.model_registry import ModelVersion, ModelVersionTag, RegisteredModel, RegisteredModelTag
from mlflow.exceptions import MlflowException
from mlflow.prompt.registry_utils import add_prompt_filter_string
from mlflow.utils.search_utils import (SearchExperimentsUtils, SearchModelUtils, SearchModelVersionUtils,
                                       SearchUtils)


def runs(fx):
    out = []
    for r in fx["runs"]:
        info = RunInfo(r["id"], "1", r["user"], r["status"], r["start"], r["end"], "active",
                       f"file:///tmp/mlruns/1/{r['id']}/artifacts", r["name"])
        data = RunData(metrics=[Metric(k, float(v), 0, 0) for k, v in r["metrics"].items()],
                       params=[Param(k, v) for k, v in r["params"].items()],
                       tags=[RunTag(k, v) for k, v in r["tags"].items()])
        inputs = RunInputs([DatasetInput(Dataset(d["name"], d["digest"], "local", "src"),
                                         [InputTag("mlflow.data.context", d["context"])] if d["context"] else [])
                            for d in r["datasets"]])
        out.append(Run(info, data, inputs))
    return out


def experiments(fx):
    return [Experiment(e["id"], e["name"], "loc", "active", [ExperimentTag(k, v) for k, v in e["tags"].items()],
                       e["creation_time"], e["last_update_time"]) for e in fx["experiments"]]


def registered_models(fx):
    return [RegisteredModel(m["name"], m["creation_timestamp"], m["last_updated_timestamp"],
                            tags=[RegisteredModelTag(k, v) for k, v in m["tags"].items()])
            for m in fx["registered_models"]]


def model_versions(fx):
    return [ModelVersion(v["name"], v["version"], v["creation_timestamp"], v["last_updated_timestamp"],
                         current_stage=v["stage"], source=v["source"], run_id=v["run_id"],
                         tags=[ModelVersionTag(k, t) for k, t in v["tags"].items()])
            for v in fx["model_versions"]]


def ident(entity, x):
    if entity == "runs":
        return x.info.run_id
    if entity == "experiments":
        return x.experiment_id
    if entity == "registered_models":
        return x.name
    return f"{x.name}/{x.version}"


SET_RE = re.compile(r"\{('(?:[^'\\]|\\.)*'(?:, '(?:[^'\\]|\\.)*')*)\}")


def normalize(msg):
    def sort_set(m):
        items = re.findall(r"'(?:[^'\\]|\\.)*'", m.group(1))
        return "{" + ", ".join(sorted(items, key=lambda s: s[1:-1])) + "}"
    return SET_RE.sub(sort_set, msg)


def run_case(case, fx):
    entity = case["entity"]
    items = {"runs": runs, "experiments": experiments, "registered_models": registered_models,
             "model_versions": model_versions}[entity](fx)
    op = case["op"]
    if op == "filter":
        f = case["filter"]
        if entity == "runs":
            res = SearchUtils.filter(items, f)
        elif entity == "experiments":
            res = SearchExperimentsUtils.filter(items, f)
        elif entity == "registered_models":
            res = SearchModelUtils.filter(items, add_prompt_filter_string(f, False))
        else:
            res = SearchModelVersionUtils.filter(items, add_prompt_filter_string(f, False))
        return [ident(entity, x) for x in res]
    if op == "order":
        ob = case["order_by"]
        if case.get("empty"):
            items = []
        if entity == "runs":
            res = SearchUtils.sort(items, ob)
        elif entity == "experiments":
            res = SearchExperimentsUtils.sort(items, ob or ["creation_time DESC", "experiment_id ASC"])
        elif entity == "registered_models":
            res = SearchModelUtils.sort(items, ob)
        else:
            items = [v for v in items if v.current_stage != "Deleted_Internal"]
            res = SearchModelVersionUtils.sort(
                items, ob or ["last_updated_timestamp DESC", "name ASC", "version_number DESC"])
        return [ident(entity, x) for x in res]
    if op == "like":
        from mlflow.utils.search_utils import _ilike, _like
        return (_ilike if case["ci"] else _like)(case["value"], case["pattern"])
    if op == "page":
        page, token = SearchUtils.paginate(list(range(case["n"])), case["page_token"], case["max_results"])
        return [page, token.decode() if token else None]
    raise ValueError(op)


def main():
    fx = json.load(open(sys.argv[1]))
    for line in sys.stdin:
        case = json.loads(line)
        try:
            out = {"id": case["id"], "ok": run_case(case, fx)}
        except MlflowException as e:
            out = {"id": case["id"], "err": normalize(e.message), "raw": False}
        except Exception as e:  # noqa: BLE001 - raw Python exceptions are part of the contract
            out = {"id": case["id"], "err": f"{type(e).__name__}: {e}", "raw": True}
        print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
