"""In-memory entities shared by the MLflow oracle and the Rust checker (written as JSON)."""
import json

NAN, INF = "nan", "inf"

RUNS = [
    # id, name, status, user, start, end, metrics{key: value-string}, params, tags, datasets
    dict(id="r01", name="alpha", status="FINISHED", user="alice", start=1700000100000, end=1700000200000,
         metrics={"acc": "0.9", "loss": "0.1", "val.acc": "0.8", "f1 score": "0.5", "start_time": "5"},
         params={"lr": "0.01", "optimizer": "adam", "batch size": "32", "empty": ""},
         tags={"env": "prod", "team": "a", "mlflow.runName": "alpha", "trailing": "abc\n"},
         datasets=[dict(name="train", digest="d1", context="training"), dict(name="eval", digest="d2", context=None)]),
    dict(id="r02", name="beta", status="RUNNING", user="bob", start=1700000104000, end=None,
         metrics={"acc": NAN, "loss": "0.3"},
         params={"lr": "0.1", "optimizer": "sgd", "note": "line1\nline2 target"},
         tags={"env": "dev", "it's": "quote'd", "multi": "a\nb"},
         datasets=[dict(name="train", digest="d3", context="eval")]),
    dict(id="r03", name=None, status="FAILED", user="carol", start=1700000104000, end=1700000300000,
         metrics={"acc": "-0.0", "loss": INF},
         params={"lr": "0.01", "optimizer": "Adam"},
         tags={"env": "PROD", "u": "Ålice"},
         datasets=[]),
    dict(id="r04", name="gamma", status="KILLED", user="ALICE", start=1700000050000, end=1700000060000,
         metrics={"acc": "0.0", "loss": "-" + INF, "x": "1e308"},
         params={"optimizer": "ådam", "back": "a\\b", "pct": "50%", "under": "a_b"},
         tags={"env": "", "u": "ålice", "team": "b"},
         datasets=[dict(name="test", digest="d1", context="testing")]),
    dict(id="r05", name="delta", status="SCHEDULED", user="bob", start=1700000200000, end=None,
         metrics={"acc": "0.9", "loss": NAN},
         params={"lr": "0.001", "quote": "it''s", "dq": 'say "hi"'},
         tags={"env": "prod", "u": "ALICE"},
         datasets=[dict(name="train", digest="d1", context="training")]),
    dict(id="r06", name="delta", status="FINISHED", user="alice", start=1700000200000, end=1700000250000,
         metrics={"acc": "0.95", "loss": "0.05", "f1 score": "0.7"},
         params={"lr": "0.01", "optimizer": "adam"},
         tags={"env": "prod", "u": "bob", "run name": "tagged"},
         datasets=[dict(name="eval", digest="d4", context=None)]),
    dict(id="r07", name="", status="FINISHED", user="dave", start=1700000000000, end=1700000001000,
         metrics={}, params={}, tags={}, datasets=[]),
]

EXPERIMENTS = [
    dict(id="0", name="Default", creation_time=1600000000000, last_update_time=1600000000000, tags={}),
    dict(id="10", name="Beta", creation_time=1700000000000, last_update_time=1700000500000,
         tags={"team": "a", "mlflow.note.content": "hello"}),
    dict(id="123456789", name="gamma", creation_time=1700000000000, last_update_time=1700000400000,
         tags={"team": "b", "env": ""}),
    dict(id="200", name="alpha beta", creation_time=1650000000000, last_update_time=None, tags={"team": "a"}),
    dict(id="77", name="Ålpha", creation_time=None, last_update_time=1660000000000, tags={"x": "it's"}),
    dict(id="9", name="z_exp", creation_time=1690000000000, last_update_time=1690000000000, tags={"team": "A"}),
]

REGISTERED_MODELS = [
    dict(name="model-a", creation_timestamp=1700000000000, last_updated_timestamp=1700000005000,
         tags={"team": "a", "stage": "prod"}),
    dict(name="Model-B", creation_timestamp=1700000001000, last_updated_timestamp=1700000002000,
         tags={"team": "b"}),
    dict(name="prompt-1", creation_timestamp=1700000002000, last_updated_timestamp=1700000003000,
         tags={"mlflow.prompt.is_prompt": "true"}),
    dict(name="not-prompt", creation_timestamp=1700000003000, last_updated_timestamp=1700000003000,
         tags={"mlflow.prompt.is_prompt": "false", "team": "a"}),
    dict(name="model_c", creation_timestamp=1700000000000, last_updated_timestamp=1700000001000, tags={}),
]

MODEL_VERSIONS = [
    dict(name="model-a", version=1, run_id="r01", source="file:///a/1", stage="None",
         creation_timestamp=1, last_updated_timestamp=10, tags={"k": "v"}),
    dict(name="model-a", version=2, run_id="r02", source="file:///a/2", stage="Production",
         creation_timestamp=2, last_updated_timestamp=20, tags={}),
    dict(name="model-a", version=10, run_id=None, source="s3://b/10", stage="Staging",
         creation_timestamp=3, last_updated_timestamp=20, tags={"k": "w"}),
    dict(name="model-a", version=9, run_id="r03", source="file:///a/9", stage="Archived",
         creation_timestamp=4, last_updated_timestamp=5, tags={}),
    dict(name="Model-B", version=1, run_id="r01", source="file:///b/1", stage="None",
         creation_timestamp=5, last_updated_timestamp=20, tags={"mlflow.prompt.is_prompt": "true"}),
    dict(name="prompt-1", version=1, run_id="", source="file:///p/1", stage="None",
         creation_timestamp=6, last_updated_timestamp=7, tags={}),
    dict(name="model-a", version=3, run_id="r05", source="file:///a/3", stage="Deleted_Internal",
         creation_timestamp=7, last_updated_timestamp=30, tags={}),
]


def dump(path):
    with open(path, "w") as f:
        json.dump(dict(runs=RUNS, experiments=EXPERIMENTS, registered_models=REGISTERED_MODELS,
                       model_versions=MODEL_VERSIONS), f, indent=1)


if __name__ == "__main__":
    import sys
    dump(sys.argv[1])
