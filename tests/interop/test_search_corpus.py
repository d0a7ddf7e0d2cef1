"""The search corpus (tests/search_corpus) regenerated with the live MLflow: the store and
every recorded answer must come out byte-identical to the committed ones, so a change in
MLflow's search behaviour (or in the generator) shows up here, and `cargo test` keeps
checking mlrs against what is committed."""

import filecmp
import os
import shutil
import subprocess
import sys

import mlflow
import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
CORPUS = os.path.join(REPO, "tests", "search_corpus")


def _tree_diff(a, b):
    """Relative paths that differ between two directory trees (missing, extra or changed)."""
    out = []
    cmp = filecmp.dircmp(a, b)
    stack = [("", cmp)]
    while stack:
        rel, c = stack.pop()
        out += [os.path.join(rel, n) for n in c.left_only + c.right_only + c.diff_files + c.funny_files]
        stack += [(os.path.join(rel, n), sub) for n, sub in c.subdirs.items()]
    return sorted(out)


@pytest.mark.skipif(mlflow.__version__ != "3.17.2", reason="the corpus is recorded with MLflow 3.17.2")
def test_search_corpus_regenerates_identically_with_live_mlflow(tmp_path):
    work = tmp_path / "search_corpus"
    work.mkdir()
    for name in ("generate_store.py", "record.py"):
        shutil.copy(os.path.join(CORPUS, name), work / name)
    # Other tests of the session may have set MLflow variables (an active experiment id,
    # a tracking URI): the generator starts from a clean MLflow environment.
    env = {k: v for k, v in os.environ.items() if not k.startswith("MLFLOW_")}
    env.update(MLFLOW_ALLOW_FILE_STORE="true", PYTHONHASHSEED="0")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    subprocess.run([sys.executable, str(work / "generate_store.py")], cwd=cwd, env=env, check=True, timeout=900)
    subprocess.run([sys.executable, str(work / "record.py")], cwd=cwd, env=env, check=True, timeout=900)
    with open(work / "cases.json", encoding="utf-8") as fh:
        fresh = fh.read()
    with open(os.path.join(CORPUS, "cases.json"), encoding="utf-8") as fh:
        committed = fh.read()
    assert fresh.count('"id"') >= 300
    assert fresh == committed, "MLflow's answers drifted from tests/search_corpus/cases.json"
    with open(work / "store.json", encoding="utf-8") as fh:
        fresh_manifest = fh.read()
    with open(os.path.join(CORPUS, "store.json"), encoding="utf-8") as fh:
        assert fresh_manifest == fh.read()
    # Git drops empty directories; compare the trees after recreating them on both sides.
    committed_store = tmp_path / "committed"
    shutil.copytree(os.path.join(CORPUS, "mlruns"), committed_store)
    import json

    for d in json.loads(fresh_manifest)["empty_dirs"]:
        os.makedirs(committed_store / d, exist_ok=True)
    assert _tree_diff(str(committed_store), str(work / "mlruns")) == []
