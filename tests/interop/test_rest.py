"""mlrs as the client of a real `mlflow server` (SQLite backend, artifacts proxied through
`mlflow-artifacts:`), with MlflowClient on the same server as the oracle, both directions:

(a) what mlrs writes through the server, MlflowClient reads back exactly (every read command of
    mlrs agrees with MlflowClient over the whole server, metric points, artifact bytes);
(b) what MLflow's client writes, mlrs reads exactly (the same comparison, artifacts downloaded);
(c) the registry: versions registered, transitioned, aliased and tagged by mlrs read by
    MlflowClient field for field, and the other way;
(d) server errors: exit codes and the server's own message on one line.

Runs on every MLflow version of the suite (the REST API is the same on 2.22 and 3.17).
"""
import math
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

import interop_helpers as H
from mlflow.tracking import MlflowClient


@dataclass
class ServerStore:
    """What H.Mlrs needs of a store: its URI and a scratch working directory."""
    uri: str
    work: Path


def clean_env():
    import os
    env = dict(os.environ)
    for var in ("MLFLOW_TRACKING_URI", "MLFLOW_REGISTRY_URI"):
        env.pop(var, None)
    return env


@pytest.fixture
def server(tmp_path):
    """A fresh `mlflow server` per test: SQLite backend, default (proxied) artifacts under
    its working directory."""
    base = tmp_path / "server"
    base.mkdir()
    with H.mlflow_server("sqlite:///%s" % (base / "mlflow.db"), base, env=clean_env()) as url:
        yield url


@pytest.fixture
def remote(server, tmp_path):
    work = tmp_path / "cwd"
    work.mkdir()
    return H.Mlrs(ServerStore(uri=server, work=work))


@pytest.fixture
def rclient(server, monkeypatch):
    # MLflow 2.x resolves mlflow-artifacts: URIs against the global tracking URI.
    monkeypatch.setenv("MLFLOW_TRACKING_URI", server)
    return MlflowClient(tracking_uri=server, registry_uri=server)


def write_tree(root, files):
    for rel, data in files.items():
        p = Path(root) / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


FILES = {
    "model/MLmodel": b"artifact_path: model\nflavors: {}\n",
    "model/weights.bin": bytes(range(256)) * 64,
    "notes/a b.txt": "spaces and ünïcode\n".encode(),
    "top.json": b'{"k": 1}',
}


def test_what_mlrs_writes_through_a_server_mlflowclient_reads_exactly(remote, rclient, tmp_path):
    exp = remote.create_experiment("srv-exp")
    remote("experiments", "set-tag", "-x", exp, "team", "ml")
    run = remote.start_run("--experiment-id", exp, "--run-name", "first")
    remote("runs", "log-param", "--run-id", run, "lr", "0.01")
    for step, value in enumerate(["0.5", "nan", "inf", "-0.25"]):
        remote("runs", "log-metric", "--run-id", run, "loss", value, "--step", step,
               "--timestamp", 1700000000000 + step)
    remote.log_batch(run, {"metrics": [{"key": "acc", "value": 0.9, "timestamp": 1700000000100, "step": 7}],
                           "params": [{"key": "depth", "value": "4"}],
                           "tags": [{"key": "stage", "value": "train"}]})
    remote("runs", "set-tag", "--run-id", run, "note", "ok")
    src = tmp_path / "art"
    write_tree(src, FILES)
    remote("artifacts", "log-artifacts", "--run-id", run, "--local-dir", src)
    remote("artifacts", "log-artifact", "--run-id", run, "--local-file", src / "top.json", "-a", "again")
    remote("runs", "end", "--run-id", run, "--status", "KILLED")
    gone = remote.start_run("--experiment-id", exp, "--run-name", "deleted")
    remote("runs", "delete", "--run-id", gone)
    remote("experiments", "rename", "-x", exp, "--new-name", "srv-exp-2")

    r = rclient.get_run(run)
    assert r.info.status == "KILLED" and r.info.run_name == "first"
    assert r.data.params == {"lr": "0.01", "depth": "4"}
    assert r.data.tags["stage"] == "train" and r.data.tags["note"] == "ok"
    hist = [(m.step, m.timestamp, m.value) for m in rclient.get_metric_history(run, "loss")]
    assert [(s, t) for s, t, _ in hist] == [(i, 1700000000000 + i) for i in range(4)]
    values = [v for _, _, v in hist]
    assert values[0] == 0.5 and math.isnan(values[1]) and values[3] == -0.25
    assert values[2] == math.inf or values[2] > 1e308  # a SQL-backed server keeps inf as 1.797e308
    assert rclient.get_experiment(exp).name == "srv-exp-2"
    assert rclient.get_experiment(exp).tags["team"] == "ml"
    assert rclient.get_run(gone).info.lifecycle_stage == "deleted"
    dst = tmp_path / "by-mlflow"
    H.mlflow_download(rclient, run, "", dst)
    for rel, data in FILES.items():
        assert (Path(dst) / rel).read_bytes() == data, rel
    assert (Path(dst) / "again" / "top.json").read_bytes() == FILES["top.json"]
    H.assert_stores_agree(remote, rclient)


def test_what_mlflow_writes_to_a_server_mlrs_reads_exactly(remote, rclient, tmp_path):
    exp = rclient.create_experiment("by-mlflow", tags={"owner": "py"})
    run = rclient.create_run(exp, run_name="py-run", tags={"t": "1"}).info.run_id
    rclient.log_param(run, "alpha", "0.3")
    for i in range(5):
        rclient.log_metric(run, "m", i / 3, timestamp=1700000000000 + 10 * i, step=i)
    src = tmp_path / "art"
    write_tree(src, FILES)
    rclient.log_artifacts(run, str(src), "logged")
    rclient.set_terminated(run, "FINISHED", end_time=1700000009999)
    other = rclient.create_run(exp).info.run_id
    rclient.delete_run(other)
    rclient.set_experiment_tag(exp, "later", "x")

    H.assert_stores_agree(remote, rclient)
    doc = remote.describe(run)
    assert doc["info"]["end_time"] == 1700000009999 and doc["data"]["params"] == {"alpha": "0.3"}
    out = tmp_path / "by-mlrs"
    path = remote("artifacts", "download", "-r", run, "-a", "logged", "-d", out).stdout.strip()
    for rel, data in FILES.items():
        assert (Path(path) / rel).read_bytes() == data, rel
    found = remote.json("runs", "search", "--experiment-ids", exp, "--filter", "metrics.m > 1",
                        "--order-by", "metrics.m DESC")
    assert [d["info"]["run_id"] for d in found] == [run]
    found = remote.json("runs", "search", "--experiment-ids", exp, "-v", "deleted_only")
    assert [d["info"]["run_id"] for d in found] == [other]


def test_paging_through_a_server_walks_every_page(remote, rclient):
    exp = rclient.create_experiment("paged")
    ids = {rclient.create_run(exp, start_time=1700000000000 + i).info.run_id for i in range(7)}
    page1 = remote("runs", "search", "--experiment-ids", exp, "--max-results", "3", "-o", "json")
    first = page1.json()
    assert len(first) == 3
    listed = remote.json("runs", "list", "--experiment-id", exp)
    assert {d["info"]["run_id"] for d in listed} == ids
    # The mlflow client's order (start_time DESC) is the server's.
    theirs = [r.info.run_id for r in rclient.search_runs([exp], max_results=7)]
    assert [d["info"]["run_id"] for d in listed] == theirs


def test_the_registry_through_a_server_reads_the_same_both_ways(remote, rclient, tmp_path):
    exp = remote.create_experiment("reg")
    run = remote.start_run("--experiment-id", exp)
    src = tmp_path / "art"
    write_tree(src, {"model/MLmodel": FILES["model/MLmodel"]})
    remote("artifacts", "log-artifacts", "--run-id", run, "--local-dir", src)
    v1 = remote("models", "register", "-q", "runs:/%s/model" % run, "fraud", "-t", "commit=abc").value
    v2 = remote("models", "register", "-q", "runs:/%s/model" % run, "fraud").value
    assert (v1, v2) == ("1", "2")
    remote("models", "transition", "fraud", "1", "production")
    remote("models", "transition", "fraud", "2", "Production", "--archive-existing-versions")
    remote("models", "set-alias", "fraud", "champion", "2")
    remote("models", "set-tag", "fraud", "domain", "risk")
    remote("models", "update", "fraud", "--description", "the fraud model")
    remote("models", "set-version-tag", "fraud", "2", "validated", "yes")

    mv1, mv2 = rclient.get_model_version("fraud", "1"), rclient.get_model_version("fraud", "2")
    assert (mv1.current_stage, mv2.current_stage) == ("Archived", "Production")
    assert mv1.run_id == run and mv1.tags == {"commit": "abc"}
    assert mv1.source == rclient.get_run(run).info.artifact_uri + "/model"
    assert rclient.get_model_version_by_alias("fraud", "champion").version == "2"
    rm = rclient.get_registered_model("fraud")
    assert rm.description == "the fraud model" and rm.tags == {"domain": "risk"}
    assert mv2.tags == {"validated": "yes"}

    # MLflow writes, mlrs reads: every field of the version documents agrees.
    rclient.create_registered_model("by-py", tags={"x": "1"}, description="d")
    mv = rclient.create_model_version("by-py", mv1.source, run_id=run, tags={"k": "v"})
    rclient.set_registered_model_alias("by-py", "prod", mv.version)
    got = remote.json("models", "get-version", "by-py", mv.version)
    want = rclient.get_model_version("by-py", mv.version)
    assert got["name"] == "by-py" and str(got["version"]) == want.version
    assert got["source"] == want.source and got["run_id"] == want.run_id
    assert got["tags"] == want.tags and got["current_stage"] == want.current_stage
    assert got["aliases"] == ["prod"]
    assert remote.json("models", "get", "by-py")["description"] == "d"
    names = [m["name"] for m in remote.json("models", "list")]
    assert names == sorted(m.name for m in rclient.search_registered_models())
    found = remote.json("models", "search-versions", "--filter", "name = 'fraud'")
    assert sorted(str(v["version"]) for v in found) == ["1", "2"]
    latest = remote.json("models", "latest", "fraud")
    # Same versions; mlrs lists them in its fixed stage order (None, Staging, Production,
    # Archived) on every backend, the server in its database's order.
    assert [(str(v["version"]), v["current_stage"]) for v in latest] == \
        [("2", "Production"), ("1", "Archived")]
    assert sorted((str(v["version"]), v["current_stage"]) for v in latest) == \
        sorted((v.version, v.current_stage) for v in rclient.get_latest_versions("fraud"))
    remote("models", "delete-version", "fraud", "1")
    assert [v.version for v in rclient.search_model_versions("name = 'fraud'")] == ["2"]
    remote("models", "delete", "by-py")
    assert [m.name for m in rclient.search_registered_models()] == ["fraud"]


def test_server_errors_keep_the_servers_message_and_map_to_exit_codes(remote, rclient):
    missing = remote("runs", "describe", "--run-id", "0" * 32, rc=3)
    assert "RESOURCE_DOES_NOT_EXIST" in missing.stderr and missing.stderr.count("\n") == 1
    remote.create_experiment("dup")
    dup = remote("experiments", "create", "-n", "dup", rc=4)
    assert "RESOURCE_ALREADY_EXISTS" in dup.stderr and dup.stderr.count("\n") == 1
    bad = remote("runs", "search", "--experiment-ids", "0", "--filter", "metrics.x >>> 1", rc=5)
    assert bad.stderr.startswith("error: ") and bad.stderr.count("\n") == 1
    # Checked before anything is sent, with the message of every other backend.
    run = remote.start_run("--experiment-id", "0")
    local = remote("runs", "log-metric", "--run-id", run, "bad//key", "1", rc=5)
    assert "bad//key" in local.stderr
    assert rclient.get_run(run).data.metrics == {}
    remote("runs", "log-param", "--run-id", run, "p", "1")
    changed = remote("runs", "log-param", "--run-id", run, "p", "2", rc=5)
    assert "INVALID_PARAMETER_VALUE" in changed.stderr
    assert rclient.get_run(run).data.params == {"p": "1"}
    # A server that is not there: exit 1 naming it, bounded by MLFLOW_HTTP_REQUEST_MAX_RETRIES.
    env = remote.env()
    env["MLFLOW_TRACKING_URI"] = "http://127.0.0.1:9"
    env["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "1"
    down = remote("experiments", "search", rc=1, env=env)
    assert "http://127.0.0.1:9" in down.stderr and "cannot connect" in down.stderr


def test_an_artifact_store_mlrs_cannot_reach_is_named(tmp_path):
    """A server with an S3 artifact root and no proxy: runs work, artifacts fail naming s3."""
    base = tmp_path / "server"
    base.mkdir()
    with H.mlflow_server("sqlite:///%s" % (base / "mlflow.db"), base, env=clean_env(),
                         default_artifact_root="s3://mlrs-no-such-bucket/artifacts",
                         extra_args=["--no-serve-artifacts"]) as url:
        work = tmp_path / "cwd"
        work.mkdir()
        remote = H.Mlrs(ServerStore(uri=url, work=work))
        exp = remote.create_experiment("on-s3")
        run = remote.start_run("--experiment-id", exp)
        remote("runs", "log-param", "--run-id", run, "p", "1")
        listed = remote("artifacts", "list", "-r", run, rc=1)
        assert "'s3'" in listed.stderr and "s3://mlrs-no-such-bucket" in listed.stderr
        assert listed.stderr.count("\n") == 1


def openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=str(cwd), check=True, capture_output=True)


@pytest.mark.skipif(H.MLFLOW_MAJOR < 3, reason="MLflow 3's server (uvicorn) takes the TLS options")
def test_https_with_a_private_ca_insecure_tls_and_no_trust(tmp_path):
    """MLFLOW_TRACKING_SERVER_CERT_PATH trusts a private CA; MLFLOW_TRACKING_INSECURE_TLS skips the
    check; without either, an unknown issuer is one clear line (exit 1), not retried."""
    certs = tmp_path / "certs"
    certs.mkdir()
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=mlrs test CA",
            "-keyout", "ca.key", "-out", "ca.crt", cwd=certs)
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "srv.key",
            "-out", "srv.csr", cwd=certs)
    (certs / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    openssl("x509", "-req", "-in", "srv.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-extfile", "ext.cnf", "-out", "srv.crt", cwd=certs)
    base = tmp_path / "server"
    base.mkdir()
    tls = "--ssl-keyfile %s --ssl-certfile %s" % (certs / "srv.key", certs / "srv.crt")
    with H.mlflow_server("sqlite:///%s" % (base / "mlflow.db"), base, env=clean_env(),
                         extra_args=["--uvicorn-opts", tls], scheme="https") as url:
        work = tmp_path / "cwd"
        work.mkdir()
        remote = H.Mlrs(ServerStore(uri=url, work=work))
        untrusted = remote("experiments", "search", rc=1)
        assert url in untrusted.stderr and untrusted.stderr.count("\n") == 1
        assert "retry" not in untrusted.stderr  # a certificate problem is not transient
        assert "issuer" in untrusted.stderr.lower() or "certificate" in untrusted.stderr.lower(), \
            untrusted.stderr
        env = remote.env()
        env["MLFLOW_TRACKING_SERVER_CERT_PATH"] = str(certs / "ca.crt")
        exp = remote("experiments", "create", "-q", "-n", "over-tls", env=env).value
        assert remote.json("experiments", "get", "-x", exp, env=env)["name"] == "over-tls"
        env = remote.env()
        env["MLFLOW_TRACKING_INSECURE_TLS"] = "true"
        assert remote.json("experiments", "get", "-x", exp, env=env)["name"] == "over-tls"
        env["MLFLOW_TRACKING_SERVER_CERT_PATH"] = str(certs / "missing.pem")
        env.pop("MLFLOW_TRACKING_INSECURE_TLS")
        missing = remote("experiments", "get", "-x", exp, rc=1, env=env)
        assert "missing.pem" in missing.stderr
