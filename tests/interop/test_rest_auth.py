"""mlrs against a real `mlflow server --app-name basic-auth` (MLflow 3.17.2; 2.22 is skipped).

One server per module, on a free port of 127.0.0.1, with a scratch SQLite store, a scratch
auth database and an explicit configuration (MLFLOW_AUTH_CONFIG_PATH: admin user and password
set here, so the test depends on no default). Right credentials work; a wrong password or a
wrong token fails at once (exit 1, one line naming the 401, no retries, no secret printed).
"""
import json
import os
import secrets
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

import interop_helpers as H

pytestmark = pytest.mark.skipif(
    not H.MLFLOW_VERSION.startswith("3."),
    reason="basic auth is tested against MLflow 3.17.2 only")

ADMIN = "admin"
ADMIN_PASSWORD = "Adm1n-" + secrets.token_hex(12)
WRONG_PASSWORD = "Wr0ng-" + secrets.token_hex(12)
WRONG_TOKEN = "tok-" + secrets.token_hex(16)
SECRETS = (ADMIN_PASSWORD, WRONG_PASSWORD, WRONG_TOKEN)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AuthServer:
    def __init__(self, root: Path):
        self.root = root
        self.port = _free_port()
        self.uri = "http://127.0.0.1:%d" % self.port
        self.log = root / "server.log"
        config = root / "basic_auth.ini"
        config.write_text(
            "[mlflow]\n"
            "default_permission = READ\n"
            "database_uri = sqlite:///%s\n"
            "admin_username = %s\n"
            "admin_password = %s\n"
            "authorization_function = mlflow.server.auth:authenticate_request_basic_auth\n"
            % (root / "basic_auth.db", ADMIN, ADMIN_PASSWORD))
        env = {k: v for k, v in os.environ.items() if not k.startswith("MLFLOW_")}
        env.update(MLFLOW_AUTH_CONFIG_PATH=str(config),
                   MLFLOW_FLASK_SERVER_SECRET_KEY=secrets.token_hex(16),
                   MLFLOW_SERVER_ENABLE_JOB_EXECUTION="false")
        self.proc = subprocess.Popen(
            [H.MLFLOW_EXE, "server", "--app-name", "basic-auth",
             "--backend-store-uri", "sqlite:///%s" % (root / "mlflow.db"),
             "--artifacts-destination", str(root / "artifacts"),
             "--host", "127.0.0.1", "--port", str(self.port), "--workers", "1"],
            cwd=str(root), env=env, stdin=subprocess.DEVNULL,
            stdout=self.log.open("w"), stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(self.uri + "/health", timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("mlflow basic-auth server did not start; log tail:\n"
                                   + "\n".join(self.log.read_text().splitlines()[-40:]))
            time.sleep(0.1)

    def requests_logged(self, endpoint):
        """How many requests to `endpoint` the server logged (uvicorn's access log)."""
        return sum(endpoint in line for line in self.log.read_text().splitlines())

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, 15)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, 9)
                self.proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = AuthServer(tmp_path_factory.mktemp("auth-server"))
    yield srv
    srv.stop()


def mlrs(server, *args, auth=None, tmp=None, **env):
    """Runs mlrs against the server with `auth` (environment variables) and nothing else of
    the caller's MLflow settings; returns the CompletedProcess and its wall time."""
    full = {k: v for k, v in os.environ.items() if not k.startswith("MLFLOW_")}
    full.update(MLFLOW_TRACKING_URI=server.uri, NO_COLOR="1")
    full.update(auth or {})
    full.update(env)
    start = time.monotonic()
    proc = subprocess.run([H.MLRS_BIN, *args], capture_output=True, text=True, env=full,
                          cwd=str(tmp or server.root), timeout=300)
    elapsed = time.monotonic() - start
    for secret in SECRETS:
        assert secret not in proc.stdout and secret not in proc.stderr, (args, proc)
    return proc, elapsed


RIGHT = {"MLFLOW_TRACKING_USERNAME": ADMIN, "MLFLOW_TRACKING_PASSWORD": ADMIN_PASSWORD}


def test_right_credentials_create_an_experiment_and_search_its_runs(server):
    proc, _ = mlrs(server, "experiments", "create", "-q", "-n", "authed", auth=RIGHT)
    assert proc.returncode == 0, proc.stderr
    exp_id = proc.stdout.strip()
    proc, _ = mlrs(server, "runs", "start", "-q", "--experiment-id", exp_id, auth=RIGHT)
    assert proc.returncode == 0, proc.stderr
    run_id = proc.stdout.strip()
    proc, _ = mlrs(server, "runs", "search", "--experiment-ids", exp_id, "-o", "json",
                   auth=RIGHT)
    assert proc.returncode == 0, proc.stderr
    assert [r["info"]["run_id"] for r in json.loads(proc.stdout)] == [run_id]
    # The server agrees, read as MlflowClient reads it.
    os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"] = (
        ADMIN, ADMIN_PASSWORD)
    try:
        from mlflow.tracking import MlflowClient
        client = MlflowClient(tracking_uri=server.uri)
        assert client.get_experiment(exp_id).name == "authed"
        assert client.get_run(run_id).info.experiment_id == exp_id
    finally:
        del os.environ["MLFLOW_TRACKING_USERNAME"], os.environ["MLFLOW_TRACKING_PASSWORD"]


@pytest.mark.parametrize("auth", [
    {"MLFLOW_TRACKING_USERNAME": ADMIN, "MLFLOW_TRACKING_PASSWORD": WRONG_PASSWORD},
    {"MLFLOW_TRACKING_TOKEN": WRONG_TOKEN},
    {},
], ids=["wrong-password", "wrong-token", "no-credentials"])
def test_refused_credentials_fail_at_once_with_one_line_naming_the_401(server, auth):
    before = server.requests_logged("/api/2.0/mlflow/experiments/search")
    # MLflow's default retry policy (7 retries, backoff factor 2) is left on: a retried 401
    # would take minutes, not a second.
    proc, elapsed = mlrs(server, "experiments", "search", auth=auth)
    assert proc.returncode == 1, proc
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    assert "401" in lines[0], lines[0]
    assert server.uri in lines[0], lines[0]
    assert proc.stdout == ""
    assert elapsed < 10, "took %.1fs: retried?" % elapsed
    # uvicorn logs each request once: exactly one reached the server.
    time.sleep(0.3)
    assert server.requests_logged("/api/2.0/mlflow/experiments/search") == before + 1


def test_credentials_in_the_uri_work_and_are_not_printed(server):
    uri = "http://%s:%s@127.0.0.1:%d" % (ADMIN, ADMIN_PASSWORD, server.port)
    proc, _ = mlrs(server, "--tracking-uri", uri, "experiments", "search", "-o", "json")
    assert proc.returncode == 0, proc.stderr
    assert "Default" in [e["name"] for e in json.loads(proc.stdout)]
    # A failing call through the same URI names the server without the user info.
    proc, _ = mlrs(server, "--tracking-uri", uri, "experiments", "get", "-x", "424242")
    assert proc.returncode == 3, proc
    assert "127.0.0.1:%d" % server.port in proc.stderr
    assert "%s@" % ADMIN not in proc.stderr
