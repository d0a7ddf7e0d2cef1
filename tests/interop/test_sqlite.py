"""mlrs and the real MLflow on the same SQLite tracking database (`sqlite:///…/mlflow.db`).

Both directions, on MLflow 3.17.2 (the schema revision mlrs writes): what mlrs writes MLflow reads
back exactly (every read command compared with MlflowClient by ``assert_stores_agree``), and what
MLflow writes mlrs reads field for field. A database made by mlrs has MLflow's schema (statement
for statement; MLflow itself is not stable in the order of one table's CHECK lines) and MLflow
writes into it without migrating. On MLflow 2.22 (an older schema revision), mlrs refuses the
database with a one-line error naming `mlflow db upgrade`, and leaves its bytes alone.
"""
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from mlflow.entities import Metric, Param, RunTag
from mlflow.tracking import MlflowClient

import interop_helpers as H
from interop_helpers import HOSTILE_VALUES, assert_stores_agree

T0 = 1700000000000
NEW_SCHEMA = (H.MLFLOW_MAJOR, H.MLFLOW_MINOR) >= (3, 17)
needs_head = pytest.mark.skipif(not NEW_SCHEMA, reason="mlrs writes MLflow 3.17's schema revision")


@dataclass
class SqlStore:
    db: Path
    work: Path

    @property
    def uri(self):
        return "sqlite:///" + str(self.db)  # an absolute path: sqlite:////abs/mlflow.db


@pytest.fixture
def sql(tmp_path):
    work = tmp_path / "cwd"
    work.mkdir()
    return SqlStore(db=(tmp_path / "mlflow.db").resolve(), work=work.resolve())


@pytest.fixture
def sql_mlrs(sql):
    return H.Mlrs(sql)


@pytest.fixture
def open_client(sql, monkeypatch):
    """MlflowClient on the database, made on call: making one creates the database when missing."""
    # MlflowClient puts the default artifact root of a SQL store under ./mlruns of its cwd.
    monkeypatch.chdir(sql.work)
    return lambda: MlflowClient(tracking_uri=sql.uri, registry_uri=sql.uri)


def schema(db):
    """sqlite_master statements by name, each as its sorted lines (see the module docstring)."""
    con = sqlite3.connect(str(db))
    try:
        rows = con.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                           "AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    finally:
        con.close()
    return {name: sorted(line.strip().rstrip(",") for line in text.splitlines())
            for name, text in rows}


def fill_with_mlrs(mlrs, src):
    """Experiments, runs, params, tags, metrics (NaN, ±inf), artifacts, deletions — via mlrs."""
    exp = mlrs.create_experiment("sql-exp ✓")
    other = mlrs.create_experiment("to-delete")
    mlrs("experiments", "set-tag", "-x", exp, "team", "yes")
    runs = []
    for i, value in enumerate(HOSTILE_VALUES[:12]):
        run = mlrs.start_run("--experiment-id", exp, "--run-name", "run-%d" % i)
        mlrs.log_batch(run, {
            "params": [{"key": "p", "value": value}, {"key": "i", "value": str(i)}],
            "tags": [{"key": "t", "value": value}],
            "metrics": [{"key": "m", "value": float(i), "timestamp": T0 + i, "step": 0},
                        {"key": "m", "value": -float(i), "timestamp": T0 + i, "step": 1}],
        })
        runs.append(run)
    for name, v in (("odd_nan", "NaN"), ("odd_inf", "inf"), ("odd_neg_inf", "-inf")):
        mlrs("runs", "log-metric", "--run-id", runs[0], name, v)
    mlrs("runs", "log-metric", "--run-id", runs[1], "neg_inf", "-inf", "--step", "3")
    mlrs("artifacts", "log-artifact", "-r", runs[0], "-l", src / "a.txt")
    mlrs("artifacts", "log-artifact", "-r", runs[0], "-l", src / "a.txt", "-a", "deep/er")
    mlrs("runs", "end", "--run-id", runs[2], "--status", "failed")
    mlrs("runs", "delete", "--run-id", runs[3])
    gone = mlrs.start_run("--experiment-id", other)
    mlrs("runs", "log-param", "--run-id", gone, "x", "1")
    mlrs("experiments", "delete", "-x", other)
    return exp, runs


@needs_head
def test_what_mlrs_writes_into_a_new_database_mlflow_reads_back_exactly(sql, sql_mlrs, open_client, tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("artifact ✓\n")
    assert not sql.db.exists()
    exp, runs = fill_with_mlrs(sql_mlrs, src)
    sql_client = open_client()
    assert_stores_agree(sql_mlrs, sql_client)
    r = sql_client.get_run(runs[0])
    assert r.data.params["p"] == HOSTILE_VALUES[0]
    assert r.data.metrics["m"] == -0.0 or r.data.metrics["m"] == 0.0
    # MLflow's SQL store keeps ±inf as the largest finite doubles: both tools read the same.
    assert r.data.metrics["odd_inf"] == 1.7976931348623157e308
    assert r.data.metrics["odd_neg_inf"] == -1.7976931348623157e308
    hist = sql_client.get_metric_history(runs[0], "odd_nan")
    assert len(hist) == 1 and hist[0].value != hist[0].value
    # latest_metrics: MLflow's rule (max step, then timestamp, then value) after mlrs's writes.
    assert sql_client.get_run(runs[5]).data.metrics["m"] == -5.0


@needs_head
def test_a_database_mlrs_creates_has_mlflows_schema_and_mlflow_writes_into_it(sql, sql_mlrs, open_client, tmp_path):
    assert not sql.db.exists()
    sql_mlrs.create_experiment("first")
    sql_client = open_client()
    theirs_db = tmp_path / "theirs.db"
    MlflowClient(tracking_uri="sqlite:///" + str(theirs_db)).search_experiments()
    assert schema(sql.db) == schema(theirs_db)
    con = sqlite3.connect(str(sql.db))
    (rev,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    con.close()
    con = sqlite3.connect(str(theirs_db))
    (their_rev,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
    con.close()
    assert rev == their_rev
    # MLflow opens it without migrating and writes into it; mlrs then reads what MLflow wrote.
    exp = sql_client.get_experiment_by_name("first").experiment_id
    run = sql_client.create_run(exp, run_name="by-mlflow").info.run_id
    sql_client.log_batch(run, metrics=[Metric("x", 1.5, T0, 2)], params=[Param("k", "v")],
                         tags=[RunTag("yes", "on")])
    sql_client.set_terminated(run)
    assert_stores_agree(sql_mlrs, sql_client)


@needs_head
def test_what_mlflow_writes_mlrs_reads_field_for_field(sql, sql_mlrs, open_client):
    sql_client = open_client()
    exp = sql_client.create_experiment("by-mlflow", tags={"k": "12:30"})
    for i, value in enumerate(HOSTILE_VALUES[:10]):
        run = sql_client.create_run(exp, run_name="r%d" % i, tags={"t": value}).info.run_id
        sql_client.log_batch(run, metrics=[Metric("loss", 1.0 / (i + 1), T0 + i, i),
                                           Metric("loss", float("nan"), T0 + i, i + 1),
                                           Metric("inf", float("inf"), T0, 0)],
                             params=[Param("p", value)])
        if i % 3 == 0:
            sql_client.set_terminated(run, "FINISHED")
        if i == 4:
            sql_client.delete_run(run)
    sql_client.create_experiment("deleted")
    sql_client.delete_experiment(sql_client.get_experiment_by_name("deleted").experiment_id)
    assert_stores_agree(sql_mlrs, sql_client)
    # Search: the same answers as MLflow's SqlAlchemyStore for a metric filter and order.
    theirs = [r.info.run_id for r in sql_client.search_runs(
        [exp], "metrics.loss > 0.2", order_by=["metrics.loss DESC"], max_results=3)]
    mine = sql_mlrs("runs", "search", "--experiment-ids", exp, "--filter", "metrics.loss > 0.2",
                    "--order-by", "metrics.loss DESC", "--max-results", "3", "-o", "json").json()
    assert [r["info"]["run_id"] for r in mine] == theirs


def test_mlrs_refuses_an_older_schema_revision_and_leaves_the_file_alone(sql, sql_mlrs, open_client):
    if NEW_SCHEMA:
        pytest.skip("this MLflow writes the head revision mlrs knows")
    sql_client = open_client()
    sql_client.create_experiment("old")
    before = sql.db.read_bytes()
    res = sql_mlrs("experiments", "search", rc=None)
    assert res.rc != 0
    assert "mlflow db upgrade" in res.stderr and len(res.stderr.strip().splitlines()) == 1, res
    res = sql_mlrs("experiments", "create", "-n", "x", rc=None)
    assert res.rc != 0
    assert sql.db.read_bytes() == before


@needs_head
def test_a_database_mlflow_2_22_wrote_is_refused_then_read_field_for_field_after_upgrade(sql, sql_mlrs, open_client):
    fixture = Path(__file__).resolve().parents[1] / "sql_fixtures" / "populated-2.22.0.db"
    sql.db.write_bytes(fixture.read_bytes())
    res = sql_mlrs("runs", "search", "--experiment-ids", "1", rc=None)
    assert res.rc != 0 and "mlflow db upgrade" in res.stderr, res
    assert sql.db.read_bytes() == fixture.read_bytes()
    subprocess.run([H.MLFLOW_EXE, "db", "upgrade", sql.uri], check=True, capture_output=True,
                   cwd=str(sql.work))
    assert_stores_agree(sql_mlrs, open_client())


def _sql_reads(value):
    """A metric value as MLflow's SQL store gives it back (±inf are the largest doubles there)."""
    if value == float("inf"):
        return 1.7976931348623157e308
    if value == float("-inf"):
        return -1.7976931348623157e308
    return value


@needs_head
def test_a_file_store_mlflow_wrote_migrates_into_sqlite_and_mlflow_reads_the_same(sql, sql_mlrs, open_client, tmp_path):
    from mlflow.entities import ViewType
    root = (tmp_path / "mlruns").resolve()
    fclient = MlflowClient(tracking_uri=root.as_uri())
    exp = fclient.create_experiment("migrated ✓", tags={"yes": "no"})
    for i, value in enumerate(HOSTILE_VALUES[:8]):
        run = fclient.create_run(exp, run_name="r%d" % i, tags={"t": value}).info.run_id
        fclient.log_batch(run, metrics=[Metric("loss", 1.0 / (i + 1), T0 + i, i),
                                        Metric("loss", float("nan"), T0 + i, i + 1),
                                        Metric("inf", float("-inf"), T0, 0)],
                          params=[Param("p", value)])
        if i == 2:
            fclient.delete_run(run)
    res = sql_mlrs("store", "migrate", "--from", root, "--to", sql.uri, "-o", "json").json()
    assert res["runs_copied"] == 8 and res["metric_points_copied"] == 24, res
    sclient = open_client()
    assert_stores_agree(sql_mlrs, sclient)
    for view in (ViewType.ACTIVE_ONLY, ViewType.DELETED_ONLY, ViewType.ALL):
        mine = [H.experiment_dict(e) for e in sclient.search_experiments(view_type=view)]
        theirs = [H.experiment_dict(e) for e in fclient.search_experiments(view_type=view)]
        assert mine == theirs
    for r in H.search_all_runs(fclient, [exp], ViewType.ALL):
        s = sclient.get_run(r.info.run_id)
        assert H.run_dict(s)["info"] == H.run_dict(r)["info"]
        assert s.data.params == r.data.params and s.data.tags == r.data.tags
        assert {k: H.jsonable(v) for k, v in s.data.metrics.items()} == \
            {k: H.jsonable(_sql_reads(v)) for k, v in r.data.metrics.items()}
        for key in r.data.metrics:
            a = [H.jsonable(H.metric_dict(m)) for m in sclient.get_metric_history(r.info.run_id, key)]
            b = [H.jsonable(dict(H.metric_dict(m), value=_sql_reads(m.value)))
                 for m in fclient.get_metric_history(r.info.run_id, key)]
            assert a == b, key


@needs_head
def test_mlflow_server_over_a_database_mlrs_wrote_serves_it_exactly(sql, sql_mlrs, open_client, tmp_path):
    """`mlflow server` on what mlrs wrote (runs and the registry): a REST client reads the same."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("artifact ✓\n")
    (src / "model").mkdir()
    (src / "model" / "MLmodel").write_text("flavors: {}\n")
    exp, runs = fill_with_mlrs(sql_mlrs, src)
    sql_mlrs("artifacts", "log-artifacts", "-r", runs[0], "-l", src / "model", "-a", "model")
    sql_mlrs("models", "create", "yes", "--description", "2024-01-01", "-t", "12:30=on")
    for _ in range(3):
        sql_mlrs("models", "register", "runs:/%s/model" % runs[0], "yes")
    sql_mlrs("models", "transition", "yes", "1", "production")
    sql_mlrs("models", "transition", "yes", "2", "Production", "--archive-existing-versions")
    sql_mlrs("models", "set-alias", "yes", "champion", "2")
    sql_mlrs("models", "set-version-tag", "yes", "2", "é ü", "multi\nline")
    sql_mlrs("models", "delete-version", "yes", "3")
    base = tmp_path / "server"
    base.mkdir()
    with H.mlflow_server(sql.uri, base) as url:
        rest = MlflowClient(tracking_uri=url, registry_uri=url)
        assert_stores_agree(sql_mlrs, rest)
        rm = rest.get_registered_model("yes")
        assert rm.description == "2024-01-01" and rm.tags == {"12:30": "on"}
        assert {k: str(v) for k, v in rm.aliases.items()} == {"champion": "2"}
        versions = {int(v.version): v for v in rest.search_model_versions("name = 'yes'")}
        assert {v: mv.current_stage for v, mv in versions.items()} == {
            1: "Archived", 2: "Production"}
        assert versions[2].tags == {"é ü": "multi\nline"}
        assert versions[2].run_id == runs[0]
        mine = sql_mlrs("models", "get-version", "yes", "2", "-o", "json").json()
        assert mine["source"] == versions[2].source
        assert mine["creation_timestamp"] == versions[2].creation_timestamp
        assert mine["last_updated_timestamp"] == versions[2].last_updated_timestamp
        # the server keeps numbering after mlrs's versions (the deleted 3 included)
        assert int(rest.create_model_version("yes", versions[2].source, runs[0]).version) == 4
    assert sql_mlrs("models", "versions", "yes", "-q").stdout.split() == ["1", "2", "4"]


@needs_head
def test_registry_search_on_sqlite_answers_as_mlflows_sql_registry_store(sql, sql_mlrs, open_client):
    """`models search` / `search-versions` on a database MLflow wrote: MLflow's names in
    MLflow's order and its next page token, or its error message, for filters where its SQL
    registry store differs from its file store (prompts, NULL run ids, SQLite's ILIKE, eager
    comparator checks, order keys, max_results 0). Messages naming a Python set are left to
    tests/sql_search.rs, which sorts them (their order changes with the hash seed)."""
    from mlflow.exceptions import MlflowException

    from mlflow.entities.model_registry import ModelVersionTag, RegisteredModelTag

    client = open_client()
    # The store itself: MlflowClient refuses to register a model tagged as a prompt.
    store = client._get_registry_client().store
    exp = client.create_experiment("reg")
    runs = [client.create_run(exp).info.run_id for _ in range(2)]
    for name, tags in [("model-a", {"team": "vision"}), ("Model-B", {"team": "Vision"}),
                       ("ümlaut", {"team": "ünï"}), ("my-prompt", {"mlflow.prompt.is_prompt": "true"}),
                       ("tagged-version", {})]:
        store.create_registered_model(name, tags=[RegisteredModelTag(k, v) for k, v in tags.items()])
    for i, name in enumerate(["model-a", "model-a", "Model-B", "ümlaut", "my-prompt", "tagged-version"]):
        run_id = runs[i % 2] if i != 2 else None
        store.create_model_version(name, "runs:/%s/m" % (run_id or runs[0]), run_id=run_id,
                                   tags=[ModelVersionTag("q", "good" if i % 2 else "bad")])
    store.create_model_version("tagged-version", "s3://b/m",
                               tags=[ModelVersionTag("mlflow.prompt.is_prompt", "true")])

    def theirs(entity, filter_string, order_by=None, max_results=None):
        kw = {"filter_string": filter_string, "order_by": order_by}
        if max_results is not None:
            kw["max_results"] = max_results
        try:
            if entity == "models":
                res = client.search_registered_models(**kw)
                ids = [m.name for m in res]
            else:
                res = client.search_model_versions(**kw)
                ids = ["%s/%s" % (v.name, v.version) for v in res]
        except MlflowException as e:
            return ("error", e.message)
        token = res.token.decode() if isinstance(res.token, bytes) else res.token
        return (ids, token or None)

    def mine(entity, filter_string, order_by=None, max_results=None):
        cmd = "search" if entity == "models" else "search-versions"
        args = ["models", cmd, "--paginate", "-o", "json"]
        if filter_string:
            args += ["--filter", filter_string]
        for o in order_by or []:
            args += ["--order-by", o]
        if max_results is not None:
            args += ["--max-results", max_results]
        res = sql_mlrs(*args, rc=None)
        if res.rc != 0:
            return ("error", res.stderr)
        page = res.json()
        if entity == "models":
            ids = [m["name"] for m in page["items"]]
        else:
            ids = ["%s/%s" % (v["name"], v["version"]) for v in page["items"]]
        return (ids, page["next_page_token"])

    cases = [
        ("models", "", None, None),
        ("models", "name ILIKE 'ÜMLAUT%'", None, None),
        ("models", "tags.team ILIKE 'vision'", None, None),
        ("models", "tags.`mlflow.prompt.is_prompt` = 'true'", None, None),
        ("models", "name = 'x' AND name > 'a'", None, None),
        ("models", "tags.team < 'z'", None, None),
        ("models", "", ["timestamp DESC"], None),
        ("models", "", None, 0),
        ("models", "", None, 2),
        ("versions", "", None, None),
        ("versions", "run_id != '%s'" % runs[0], None, None),
        ("versions", "run_id NOT IN ('%s')" % runs[1], None, None),
        ("versions", "tags.q = 'good'", ["version_number DESC", "name"], None),
        ("versions", "tags.`mlflow.prompt.is_prompt` = 'true'", None, None),
        ("versions", "version_number >= 2.5", None, None),
        ("versions", "version_number = '2'", None, None),
        ("versions", "name = 'x' AND version_number LIKE 1", None, None),
        ("versions", " ", None, None),
        ("versions", "", ["tags.name DESC"], None),
        ("versions", "", None, 2),
    ]
    for entity, f, order_by, max_results in cases:
        want = theirs(entity, f, order_by, max_results)
        got = mine(entity, f, order_by, max_results)
        if want[0] == "error":
            assert got[0] == "error" and want[1] in got[1], (entity, f, order_by, want, got)
        else:
            assert got == want, (entity, f, order_by, max_results)
