//! MLflow's SQL tracking store on SQLite (`sqlite:///path`): MLflow 3.17.2's schema read and
//! written exactly as MLflow's SqlAlchemyStore leaves it. Owns the connection, never migrates.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::entities::Batch;
use crate::entities::{
    Experiment, LifecycleStage, Metric, Run, RunInfo, RunStatus, ViewType, tags,
};
use crate::error::{Error, Result};
use crate::store::WarnSink;
use crate::validate;

pub mod gc;
mod migrate;
mod registry;
mod registry_search;
mod search;
pub mod stale;
mod tracking;
mod transfer;

pub(crate) use transfer::SqlDest;

/// `sqlite_master` DDL of a database MLflow 3.17.2 creates on first use (from the fixture).
pub const SCHEMA_3_17_2: &str = include_str!("schema-3.17.2.sql");
/// Every alembic revision MLflow 3.17.2 ships, newest first; the first is the head.
pub const REVISIONS_3_17_2: &str = include_str!("revisions-3.17.2.txt");
/// MLflow stores ±inf as the largest finite doubles (`sanitize_metric_value`).
const SQL_INF: f64 = 1.797_693_134_862_315_7e308;

pub fn head_revision() -> &'static str {
    REVISIONS_3_17_2.lines().next().unwrap_or_default()
}

/// An open MLflow SQLite tracking database.
pub struct SqlStore {
    conn: Mutex<Connection>,
    path: PathBuf,
    display: String,
    read_only: bool,
    /// The database's directory; MLflow's default artifact root for a client is `./mlruns`.
    artifact_root: String,
    warn: WarnSink,
}

/// `sqlite:///rel/path` (three slashes) or `sqlite:////abs/path` (four), as SQLAlchemy reads them.
pub fn parse_sqlite_uri(uri: &str) -> Result<PathBuf> {
    let rest = uri.strip_prefix("sqlite:///").ok_or_else(|| {
        Error::invalid(format!(
            "invalid SQLite URI '{uri}': expected sqlite:///relative/path or sqlite:////absolute/path"
        ))
    })?;
    let rest = rest.split('?').next().unwrap_or_default();
    if rest.is_empty() || rest == ":memory:" {
        return Err(Error::invalid(format!(
            "invalid SQLite URI '{uri}': an in-memory database cannot be shared"
        )));
    }
    Ok(PathBuf::from(rest))
}

fn lock_timeout() -> Duration {
    let secs = std::env::var("MLRS_LOCK_TIMEOUT")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|t| t.is_finite() && *t >= 0.0)
        .unwrap_or(60.0);
    Duration::from_secs_f64(secs)
}

fn sql_err(display: &str, e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
            Error::LockBusy(format!(
                "the database {display} stayed locked for {}s (another process is writing; raise MLRS_LOCK_TIMEOUT to wait longer)",
                lock_timeout().as_secs_f64()
            ))
        }
        _ => Error::Failed(format!("{display}: {e}")),
    }
}

fn sanitize(value: f64) -> (f64, bool) {
    if value.is_nan() {
        (0.0, true)
    } else if value.is_infinite() {
        (if value > 0.0 { SQL_INF } else { -SQL_INF }, false)
    } else {
        (value, false)
    }
}

/// One metric point; an exact duplicate of a stored row is ignored, as MLflow's primary key
/// makes it.
pub(crate) const INSERT_METRIC: &str = "INSERT OR IGNORE INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/// A metric point as `latest_metrics` holds it: step, timestamp, stored value, is_nan.
pub(crate) type LatestPoint = (i64, i64, f64, bool);

/// Whether `new` replaces `current` in `latest_metrics`: a later step, then a later
/// timestamp, then a larger stored value (MLflow's `_update_latest_metrics_if_necessary`).
pub(crate) fn supersedes(new: LatestPoint, current: LatestPoint) -> bool {
    (new.0, new.1).cmp(&(current.0, current.1)).then(
        new.2
            .partial_cmp(&current.2)
            .unwrap_or(std::cmp::Ordering::Equal),
    ) == std::cmp::Ordering::Greater
}

/// MLflow's default artifact root for a SQL store a client opens: `<cwd>/mlruns`
/// (`./mlartifacts` is `mlflow server`'s, not the client's).
fn default_artifact_root() -> String {
    std::env::current_dir()
        .map(|d| d.join("mlruns").display().to_string())
        .unwrap_or_else(|_| "mlruns".to_string())
}

pub(crate) fn read_value(value: f64, is_nan: bool) -> f64 {
    if is_nan { f64::NAN } else { value }
}

pub(crate) fn stage_of(text: &str) -> LifecycleStage {
    if text == "deleted" {
        LifecycleStage::Deleted
    } else {
        LifecycleStage::Active
    }
}

/// The `runs` columns `run_info_row` reads, in its order.
pub(crate) const RUN_INFO_COLUMNS: &str = "run_uuid, name, experiment_id, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage, deleted_time";

/// A run's info from a row of `RUN_INFO_COLUMNS`, with its status still as text.
pub(crate) fn run_info_row(r: &rusqlite::Row) -> rusqlite::Result<(RunInfo, String)> {
    Ok((
        RunInfo {
            run_id: r.get(0)?,
            run_name: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            experiment_id: r.get::<_, Option<i64>>(2)?.unwrap_or_default().to_string(),
            user_id: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            status: RunStatus::Running,
            start_time: r.get(5)?,
            end_time: r.get(6)?,
            artifact_uri: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
            lifecycle_stage: stage_of(&r.get::<_, Option<String>>(8)?.unwrap_or_default()),
            deleted_time: r.get(9)?,
        },
        r.get::<_, Option<String>>(4)?.unwrap_or_default(),
    ))
}

fn now_ms() -> i64 {
    crate::store::now_ms()
}

/// The database at `uri`, opened as `mode` asks: only `Mode::Create` creates a missing file;
/// `Mode::AsIs` reads a missing file as an empty store (nothing is created on disk).
pub(crate) fn open(uri: &str, mode: crate::backend::Mode, warn: WarnSink) -> Result<SqlStore> {
    match mode {
        crate::backend::Mode::Create => SqlStore::open_or_create(uri, warn),
        crate::backend::Mode::AsIs if !parse_sqlite_uri(uri)?.exists() => {
            SqlStore::absent(parse_sqlite_uri(uri)?, warn)
        }
        crate::backend::Mode::MustExist | crate::backend::Mode::AsIs => SqlStore::open(uri, warn),
    }
}

impl SqlStore {
    /// Opens an existing MLflow database; a missing file is an error (reads create nothing).
    pub fn open(uri: &str, warn: WarnSink) -> Result<SqlStore> {
        let path = parse_sqlite_uri(uri)?;
        if !path.exists() {
            return Err(Error::not_found(format!(
                "database {} does not exist",
                path.display()
            )));
        }
        Self::open_existing(path, warn)
    }

    /// Opens the database, creating it with MLflow 3.17.2's schema when the file is missing.
    pub fn open_or_create(uri: &str, warn: WarnSink) -> Result<SqlStore> {
        let path = parse_sqlite_uri(uri)?;
        if !path.exists() {
            create_database(&path)?;
        }
        Self::open_existing(path, warn)
    }

    /// A read-only, empty, in-memory stand-in for a database file that does not exist: a store
    /// consulted on the side (the tracking store behind a registration) finds nothing in it,
    /// and the file is not created.
    fn absent(path: PathBuf, warn: WarnSink) -> Result<SqlStore> {
        let display = path.display().to_string();
        let conn = Connection::open_in_memory().map_err(|e| sql_err(&display, e))?;
        conn.execute_batch(&format!("BEGIN;\n{SCHEMA_3_17_2}COMMIT;"))
            .map_err(|e| sql_err(&display, e))?;
        let artifact_root = default_artifact_root();
        Ok(SqlStore {
            conn: Mutex::new(conn),
            path,
            display,
            read_only: true,
            artifact_root,
            warn,
        })
    }

    fn open_existing(path: PathBuf, warn: WarnSink) -> Result<SqlStore> {
        let display = path.display().to_string();
        let mut head = [0u8; 16];
        let is_sqlite = std::fs::File::open(&path)
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
            .is_ok()
            && &head == b"SQLite format 3\0";
        if !is_sqlite {
            return Err(Error::invalid(format!(
                "{display} is not a SQLite database"
            )));
        }
        let ro = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let rw = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // The probe reads read-write when it may: a writer killed mid-transaction leaves a hot
        // journal that only a writable connection can roll back (a read-only one fails with
        // "attempt to write a readonly database"). A file this user cannot write is probed
        // read-only.
        let probe = Connection::open_with_flags(&path, rw)
            .or_else(|_| Connection::open_with_flags(&path, ro))
            .map_err(|e| sql_err(&display, e))?;
        probe
            .busy_timeout(lock_timeout())
            .map_err(|e| sql_err(&display, e))?;
        let tables: i64 = probe
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN ('alembic_version','experiments','runs','metrics','latest_metrics','params','tags','experiment_tags')",
                [],
                |r| r.get(0),
            )
            .map_err(|e| sql_err(&display, e))?;
        if tables != 8 {
            return Err(Error::invalid(format!(
                "{display} is a SQLite database without MLflow's tables"
            )));
        }
        let revision: Option<String> = probe
            .query_row("SELECT version_num FROM alembic_version", [], |r| r.get(0))
            .optional()
            .map_err(|e| sql_err(&display, e))?;
        let revision = revision.unwrap_or_default();
        drop(probe);
        let read_only = if revision == head_revision() {
            false
        } else if REVISIONS_3_17_2.lines().any(|r| r == revision) {
            return Err(Error::Failed(format!(
                "{display} has MLflow schema revision {revision}, older than mlrs supports ({}): run `mlflow db upgrade sqlite:///{display}` first",
                head_revision()
            )));
        } else {
            warn(&format!(
                "{display} has MLflow schema revision '{revision}', unknown to mlrs (newer MLflow?): opening it read-only"
            ));
            true
        };
        let flags = if read_only { ro } else { rw };
        let conn = Connection::open_with_flags(&path, flags).map_err(|e| sql_err(&display, e))?;
        conn.busy_timeout(lock_timeout())
            .map_err(|e| sql_err(&display, e))?;
        let artifact_root = default_artifact_root();
        Ok(SqlStore {
            conn: Mutex::new(conn),
            path,
            display,
            read_only,
            artifact_root,
            warn,
        })
    }

    pub(crate) fn warn(&self, message: &str) {
        (self.warn)(message)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    pub(crate) fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        self.conn.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> Error {
        sql_err(&self.display, e)
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction: all or nothing, writers serialized.
    fn write<T>(&self, f: impl FnOnce(&rusqlite::Transaction) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(Error::Failed(format!(
                "{} is open read-only (its MLflow schema revision is unknown to mlrs)",
                self.display
            )));
        }
        let mut conn = self.conn();
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| self.err(e))?;
        let out = f(&tx)?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(out)
    }

    // ---- experiments ----

    fn experiment_row(&self, conn: &Connection, id: i64) -> Result<Option<Experiment>> {
        let exp = conn
            .query_row(
                "SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time FROM experiments WHERE experiment_id = ?1",
                [id],
                |r| {
                    Ok(Experiment {
                        experiment_id: r.get::<_, i64>(0)?.to_string(),
                        name: r.get(1)?,
                        artifact_location: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                        lifecycle_stage: stage_of(&r.get::<_, Option<String>>(3)?.unwrap_or_default()),
                        tags: BTreeMap::new(),
                        creation_time: r.get(4)?,
                        last_update_time: r.get(5)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let Some(mut exp) = exp else { return Ok(None) };
        let mut st = conn
            .prepare_cached("SELECT key, value FROM experiment_tags WHERE experiment_id = ?1")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (k, v) = row.map_err(|e| self.err(e))?;
            exp.tags.insert(k, v.unwrap_or_default());
        }
        Ok(Some(exp))
    }

    fn parse_experiment_id(&self, id: &str) -> Result<i64> {
        id.parse::<i64>().map_err(|_| self.experiment_not_found(id))
    }

    fn experiment_not_found(&self, id: &str) -> Error {
        Error::not_found(format!(
            "experiment with ID {id} not found in {}",
            self.display
        ))
    }

    fn find_experiment(&self, conn: &Connection, id: &str) -> Result<Experiment> {
        let n = self.parse_experiment_id(id)?;
        self.experiment_row(conn, n)?
            .ok_or_else(|| self.experiment_not_found(id))
    }

    pub fn get_experiment(&self, id: &str) -> Result<Experiment> {
        let conn = self.conn();
        self.find_experiment(&conn, id)
    }

    pub fn get_experiment_by_name(&self, name: &str) -> Result<Experiment> {
        let conn = self.conn();
        let id: Option<i64> = conn
            .query_row(
                "SELECT experiment_id FROM experiments WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let found = match id {
            Some(id) => self.experiment_row(&conn, id)?,
            None => None,
        };
        found.ok_or_else(|| {
            Error::not_found(format!(
                "experiment with name '{name}' not found in {}",
                self.display
            ))
        })
    }

    pub fn list_experiments(&self, view: ViewType) -> Result<Vec<Experiment>> {
        let conn = self.conn();
        let ids: Vec<i64> = {
            let mut st = conn
                .prepare("SELECT experiment_id FROM experiments ORDER BY experiment_id")
                .map_err(|e| self.err(e))?;
            st.query_map([], |r| r.get(0))
                .map_err(|e| self.err(e))?
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| self.err(e))?
        };
        let mut out = Vec::new();
        for id in ids {
            if let Some(e) = self.experiment_row(&conn, id)?
                && view.includes(e.lifecycle_stage)
            {
                out.push(e);
            }
        }
        Ok(out)
    }

    fn check_name_is_free(&self, tx: &Connection, name: &str) -> Result<()> {
        let stage: Option<Option<String>> = tx
            .query_row(
                "SELECT lifecycle_stage FROM experiments WHERE name = ?1",
                [name],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        match stage {
            None => Ok(()),
            Some(s) if s.as_deref() == Some("deleted") => Err(Error::AlreadyExists(format!(
                "Experiment {} already exists in deleted state. You can restore the experiment, or permanently delete the experiment from the .trash folder (under tracking server's root folder) in order to use this experiment name again.",
                validate::python_repr(name)
            ))),
            Some(_) => Err(Error::AlreadyExists(format!(
                "Experiment '{name}' already exists."
            ))),
        }
    }

    /// MLflow's SqlAlchemyStore `create_experiment`: the next integer id; the default
    /// artifact location is `<artifact root>/<id>`.
    pub fn create_experiment(
        &self,
        name: &str,
        artifact_location: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<String> {
        validate::validate_experiment_name(name)?;
        for (k, v) in tags {
            validate::validate_experiment_tag(k, v)?;
        }
        let location = match artifact_location {
            Some(loc) if !loc.is_empty() => {
                Some(crate::store::experiment::resolve_artifact_location(loc)?)
            }
            _ => None,
        };
        self.write(|tx| {
            self.check_name_is_free(tx, name)?;
            let now = now_ms();
            tx.execute(
                "INSERT INTO experiments (name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) VALUES (?1, ?2, 'active', ?3, ?3, 'default')",
                params![name, location, now],
            )
            .map_err(|e| self.err(e))?;
            let id = tx.last_insert_rowid();
            if location.is_none() {
                let loc = crate::store::uri::append_to_uri_path(&self.artifact_root, &[&id.to_string()]);
                tx.execute(
                    "UPDATE experiments SET artifact_location = ?1 WHERE experiment_id = ?2",
                    params![loc, id],
                )
                .map_err(|e| self.err(e))?;
            }
            for (k, v) in tags {
                tx.execute(
                    "INSERT OR REPLACE INTO experiment_tags (key, value, experiment_id) VALUES (?1, ?2, ?3)",
                    params![k, v, id],
                )
                .map_err(|e| self.err(e))?;
            }
            Ok(id.to_string())
        })
    }

    fn active_experiment(&self, tx: &Connection, id: &str, action: &str) -> Result<Experiment> {
        let exp = self.find_experiment(tx, id)?;
        if exp.lifecycle_stage != LifecycleStage::Active {
            return Err(Error::Failed(format!(
                "The experiment {id} must be in the 'active' lifecycle_stage to {action}"
            )));
        }
        Ok(exp)
    }

    pub fn rename_experiment(&self, id: &str, new_name: &str) -> Result<()> {
        validate::validate_experiment_name(new_name)?;
        self.write(|tx| {
            let exp = self.active_experiment(tx, id, "be renamed")?;
            if exp.name == new_name {
                return Ok(());
            }
            self.check_name_is_free(tx, new_name)?;
            tx.execute(
                "UPDATE experiments SET name = ?1, last_update_time = ?2 WHERE experiment_id = ?3",
                params![
                    new_name,
                    now_ms(),
                    exp.experiment_id.parse::<i64>().unwrap_or(-1)
                ],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    /// Deletes as SqlAlchemyStore does: the experiment and its active runs marked deleted, in
    /// one transaction.
    pub fn delete_experiment(&self, id: &str) -> Result<()> {
        if id == "0" {
            return Err(Error::invalid(
                "Cannot delete the default experiment '0'. This is an internally reserved experiment.",
            ));
        }
        self.write(|tx| {
            let exp = self.find_experiment(tx, id)?;
            if exp.lifecycle_stage != LifecycleStage::Active {
                return Err(Error::not_found(format!(
                    "Could not find experiment with ID {id} (it is already deleted)"
                )));
            }
            let n: i64 = self.parse_experiment_id(id)?;
            let now = now_ms();
            tx.execute(
                "UPDATE experiments SET lifecycle_stage = 'deleted', last_update_time = ?1 WHERE experiment_id = ?2",
                params![now, n],
            )
            .map_err(|e| self.err(e))?;
            tx.execute(
                "UPDATE runs SET lifecycle_stage = 'deleted', deleted_time = ?1 WHERE experiment_id = ?2 AND lifecycle_stage = 'active'",
                params![now, n],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    pub fn restore_experiment(&self, id: &str) -> Result<()> {
        self.write(|tx| {
            let exp = self.find_experiment(tx, id)?;
            if exp.lifecycle_stage != LifecycleStage::Deleted {
                return Err(Error::not_found(format!(
                    "Could not find deleted experiment with ID {id}"
                )));
            }
            let n: i64 = self.parse_experiment_id(id)?;
            tx.execute(
                "UPDATE experiments SET lifecycle_stage = 'active', last_update_time = ?1 WHERE experiment_id = ?2",
                params![now_ms(), n],
            )
            .map_err(|e| self.err(e))?;
            tx.execute(
                "UPDATE runs SET lifecycle_stage = 'active', deleted_time = NULL WHERE experiment_id = ?1 AND lifecycle_stage = 'deleted'",
                [n],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    pub fn set_experiment_tag(&self, id: &str, key: &str, value: &str) -> Result<()> {
        validate::validate_experiment_tag(key, value)?;
        self.write(|tx| {
            self.active_experiment(tx, id, "set tags")?;
            tx.execute(
                "INSERT OR REPLACE INTO experiment_tags (key, value, experiment_id) VALUES (?1, ?2, ?3)",
                params![key, value, self.parse_experiment_id(id)?],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    pub fn delete_experiment_tag(&self, id: &str, key: &str) -> Result<()> {
        validate::validate_tag_name(key, "key")?;
        self.write(|tx| {
            self.active_experiment(tx, id, "delete tags")?;
            let n = tx
                .execute(
                    "DELETE FROM experiment_tags WHERE key = ?1 AND experiment_id = ?2",
                    params![key, self.parse_experiment_id(id)?],
                )
                .map_err(|e| self.err(e))?;
            if n == 0 {
                return Err(Error::not_found(format!(
                    "No tag with name: {key} in experiment with id {id}"
                )));
            }
            Ok(())
        })
    }

    // ---- runs ----

    pub(crate) fn run_info(&self, conn: &Connection, run_id: &str) -> Result<RunInfo> {
        validate::validate_run_id(run_id)?;
        let mut st = conn
            .prepare_cached(&format!(
                "SELECT {RUN_INFO_COLUMNS} FROM runs WHERE run_uuid = ?1"
            ))
            .map_err(|e| self.err(e))?;
        let row = st
            .query_row([run_id], run_info_row)
            .optional()
            .map_err(|e| self.err(e))?;
        let row = row.ok_or_else(|| {
            Error::not_found(format!("run {run_id} not found in {}", self.display))
        })?;
        self.checked_run_info(row)
    }

    /// A `run_info_row` with its status parsed (an unknown status is a malformed run).
    pub(crate) fn checked_run_info(
        &self,
        (mut info, status): (RunInfo, String),
    ) -> Result<RunInfo> {
        info.status = RunStatus::parse(&status).map_err(|_| {
            Error::malformed(
                &self.path,
                format!("run {}: invalid status '{status}'", info.run_id),
            )
        })?;
        Ok(info)
    }

    fn active_run(&self, conn: &Connection, run_id: &str) -> Result<RunInfo> {
        let info = self.run_info(conn, run_id)?;
        if info.lifecycle_stage != LifecycleStage::Active {
            return Err(Error::Failed(format!(
                "The run {run_id} must be in the 'active' state. Current state is {}.",
                info.lifecycle_stage
            )));
        }
        Ok(info)
    }

    pub(crate) fn key_values(
        &self,
        conn: &Connection,
        sql: &str,
        run_id: &str,
    ) -> Result<BTreeMap<String, String>> {
        let mut st = conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map([run_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .map_err(|e| self.err(e))?;
        let mut out = BTreeMap::new();
        for row in rows {
            let (k, v) = row.map_err(|e| self.err(e))?;
            out.insert(k, v.unwrap_or_default());
        }
        Ok(out)
    }

    pub fn get_run(&self, run_id: &str) -> Result<Run> {
        let conn = self.conn();
        let info = self.run_info(&conn, run_id)?;
        self.read_run(&conn, info, crate::entities::RunParts::ALL)
    }

    /// MLflow's `create_run`: a RUNNING run whose name is also its `mlflow.runName` tag.
    pub fn create_run(
        &self,
        experiment_id: &str,
        user_id: &str,
        start_time: i64,
        run_name: Option<&str>,
        run_tags: &[(String, String)],
    ) -> Result<RunInfo> {
        validate::validate_run_tags(run_tags)?;
        let tag_name = run_tags
            .iter()
            .find(|(k, _)| k == tags::RUN_NAME)
            .map(|(_, v)| v.as_str());
        if let (Some(a), Some(b)) = (run_name, tag_name)
            && a != b
        {
            return Err(Error::invalid(format!(
                "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='{a}', mlflow.runName='{b}')."
            )));
        }
        let name = run_name
            .filter(|n| !n.is_empty())
            .or(tag_name)
            .map(str::to_string)
            .unwrap_or_else(crate::store::names::generate_run_name);
        self.write(|tx| {
            let exp = match self.find_experiment(tx, experiment_id) {
                Ok(e) => e,
                Err(Error::NotFound(_)) => {
                    return Err(Error::not_found(format!(
                        "Could not create run under experiment with ID {experiment_id} - no such experiment exists."
                    )));
                }
                Err(e) => return Err(e),
            };
            if exp.lifecycle_stage != LifecycleStage::Active {
                return Err(Error::Failed(format!(
                    "Could not create run under non-active experiment with ID {experiment_id}."
                )));
            }
            let run_id = uuid::Uuid::new_v4().simple().to_string();
            let artifact_uri =
                crate::store::uri::append_to_uri_path(&exp.artifact_location, &[&run_id, "artifacts"]);
            tx.execute(
                "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, user_id, status, start_time, end_time, source_version, lifecycle_stage, artifact_uri, experiment_id, deleted_time) VALUES (?1, ?2, 'UNKNOWN', '', '', ?3, 'RUNNING', ?4, NULL, '', 'active', ?5, ?6, NULL)",
                params![run_id, name, user_id, start_time, artifact_uri, exp.experiment_id.parse::<i64>().unwrap_or_default()],
            )
            .map_err(|e| self.err(e))?;
            let mut all: BTreeMap<&str, &str> =
                run_tags.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            all.insert(tags::RUN_NAME, &name);
            for (k, v) in all {
                tx.execute(
                    "INSERT OR REPLACE INTO tags (key, value, run_uuid) VALUES (?1, ?2, ?3)",
                    params![k, v, run_id],
                )
                .map_err(|e| self.err(e))?;
            }
            self.run_info(tx, &run_id)
        })
    }

    pub fn update_run_info(
        &self,
        run_id: &str,
        status: RunStatus,
        end_time: Option<i64>,
        run_name: Option<&str>,
    ) -> Result<RunInfo> {
        self.write(|tx| {
            self.active_run(tx, run_id)?;
            tx.execute(
                "UPDATE runs SET status = ?1, end_time = ?2 WHERE run_uuid = ?3",
                params![status.name(), end_time, run_id],
            )
            .map_err(|e| self.err(e))?;
            if let Some(name) = run_name.filter(|n| !n.is_empty()) {
                self.write_tag(tx, run_id, tags::RUN_NAME, name)?;
            }
            self.run_info(tx, run_id)
        })
    }

    fn set_run_lifecycle(&self, run_id: &str, stage: LifecycleStage) -> Result<()> {
        self.write(|tx| {
            self.run_info(tx, run_id)?;
            let deleted_time = (stage == LifecycleStage::Deleted).then(now_ms);
            tx.execute(
                "UPDATE runs SET lifecycle_stage = ?1, deleted_time = ?2 WHERE run_uuid = ?3",
                params![stage.as_str(), deleted_time, run_id],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    pub fn delete_run(&self, run_id: &str) -> Result<()> {
        self.set_run_lifecycle(run_id, LifecycleStage::Deleted)
    }

    pub fn restore_run(&self, run_id: &str) -> Result<()> {
        self.set_run_lifecycle(run_id, LifecycleStage::Active)
    }

    /// A tag row; `mlflow.runName` also sets `runs.name`, as SqlAlchemyStore does.
    fn write_tag(&self, tx: &Connection, run_id: &str, key: &str, value: &str) -> Result<()> {
        tx.execute(
            "INSERT OR REPLACE INTO tags (key, value, run_uuid) VALUES (?1, ?2, ?3)",
            params![key, value, run_id],
        )
        .map_err(|e| self.err(e))?;
        if key == tags::RUN_NAME {
            tx.execute(
                "UPDATE runs SET name = ?1 WHERE run_uuid = ?2",
                params![value, run_id],
            )
            .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    pub fn set_tag(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        self.log_batch(
            run_id,
            &Batch {
                tags: vec![(key.to_string(), value.to_string())],
                ..Batch::default()
            },
        )
    }

    pub fn delete_tag(&self, run_id: &str, key: &str) -> Result<()> {
        validate::validate_tag_name(key, "key")?;
        self.write(|tx| {
            self.active_run(tx, run_id)?;
            let n = tx
                .execute(
                    "DELETE FROM tags WHERE key = ?1 AND run_uuid = ?2",
                    params![key, run_id],
                )
                .map_err(|e| self.err(e))?;
            if n == 0 {
                return Err(Error::not_found(format!(
                    "No tag with name: {key} in run with id {run_id}"
                )));
            }
            Ok(())
        })
    }

    pub fn log_param(&self, run_id: &str, key: &str, value: &str) -> Result<()> {
        self.log_batch(
            run_id,
            &Batch {
                params: vec![(key.to_string(), value.to_string())],
                ..Batch::default()
            },
        )
    }

    pub fn log_metric(&self, run_id: &str, metric: Metric) -> Result<()> {
        self.log_batch(
            run_id,
            &Batch {
                metrics: vec![metric],
                ..Batch::default()
            },
        )
    }

    /// MLflow's LogBatch in one transaction: params (immutable), metrics with their
    /// `latest_metrics` rows, then tags.
    pub fn log_batch(&self, run_id: &str, batch: &Batch) -> Result<()> {
        let (params_v, tag_values) = validate::checked_batch(batch)?;
        self.write(|tx| {
            self.active_run(tx, run_id)?;
            for (k, v) in &params_v {
                let old: Option<String> = tx
                    .query_row(
                        "SELECT value FROM params WHERE run_uuid = ?1 AND key = ?2",
                        params![run_id, k],
                        |r| r.get(0),
                    )
                    .optional()
                    .map_err(|e| self.err(e))?;
                match old {
                    Some(old) if &old != v => {
                        return Err(Error::invalid(format!(
                            "Changing param values is not allowed. Param with key='{k}' was already logged with value='{old}' for run ID='{run_id}'. Attempted logging new value '{v}'."
                        )));
                    }
                    Some(_) => {}
                    None => {
                        tx.execute(
                            "INSERT INTO params (key, value, run_uuid) VALUES (?1, ?2, ?3)",
                            params![k, v, run_id],
                        )
                        .map_err(|e| self.err(e))?;
                    }
                }
            }
            self.insert_metrics(tx, run_id, &batch.metrics)?;
            for (k, v) in &tag_values {
                self.write_tag(tx, run_id, k, v)?;
            }
            Ok(())
        })
    }

    /// Inserts metric rows (an existing identical row is skipped, as MLflow's IntegrityError
    /// recovery does) and moves `latest_metrics` forward when (step, timestamp, stored value)
    /// is strictly greater; NaN compares as its stored 0.
    /// Inserts one point with `INSERT_METRIC`: the point as stored, or `None` when the
    /// same row was already there.
    pub(crate) fn insert_point(
        &self,
        insert: &mut rusqlite::CachedStatement,
        run_id: &str,
        m: &Metric,
    ) -> Result<Option<LatestPoint>> {
        let (value, is_nan) = sanitize(m.value);
        let n = insert
            .execute(params![m.key, value, m.timestamp, run_id, m.step, is_nan])
            .map_err(|e| self.err(e))?;
        Ok((n > 0).then_some((m.step, m.timestamp, value, is_nan)))
    }

    fn insert_metrics(&self, tx: &Connection, run_id: &str, metrics: &[Metric]) -> Result<()> {
        let mut insert = tx.prepare_cached(INSERT_METRIC).map_err(|e| self.err(e))?;
        let mut current = tx
            .prepare_cached("SELECT step, timestamp, value, is_nan FROM latest_metrics WHERE run_uuid = ?1 AND key = ?2")
            .map_err(|e| self.err(e))?;
        /// The latest point of a key so far, and whether it is new (to be written).
        struct Best {
            point: Option<LatestPoint>,
            changed: bool,
        }
        let mut latest: BTreeMap<&str, Best> = BTreeMap::new();
        for m in metrics {
            let Some(point) = self.insert_point(&mut insert, run_id, m)? else {
                continue;
            };
            if !latest.contains_key(m.key.as_str()) {
                let point = current
                    .query_row(params![run_id, m.key], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, Option<i64>>(1)?.unwrap_or_default(),
                            r.get::<_, f64>(2)?,
                            r.get::<_, bool>(3)?,
                        ))
                    })
                    .optional()
                    .map_err(|e| self.err(e))?;
                latest.insert(
                    &m.key,
                    Best {
                        point,
                        changed: false,
                    },
                );
            }
            let best = latest.get_mut(m.key.as_str()).expect("inserted above");
            if best.point.is_none_or(|c| supersedes(point, c)) {
                best.point = Some(point);
                best.changed = true;
            }
        }
        let mut write = tx
            .prepare_cached("INSERT OR REPLACE INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
            .map_err(|e| self.err(e))?;
        for (key, best) in latest {
            if let (true, Some((step, timestamp, value, is_nan))) = (best.changed, best.point) {
                write
                    .execute(params![key, value, timestamp, step, is_nan, run_id])
                    .map_err(|e| self.err(e))?;
            }
        }
        Ok(())
    }

    /// Every value of metric `key`, ordered as MLflow 3.17.2's `get_metric_history` (by
    /// timestamp, step, value; then is_nan, which MLflow leaves to the primary key's order).
    pub fn get_metric_history(&self, run_id: &str, key: &str) -> Result<Vec<Metric>> {
        let conn = self.conn();
        self.run_info(&conn, run_id)?;
        validate::validate_metric_name(key, "metric_key")?;
        let mut st = conn
            .prepare_cached("SELECT key, value, timestamp, step, is_nan FROM metrics WHERE run_uuid = ?1 AND key = ?2 ORDER BY timestamp, step, value, is_nan")
            .map_err(|e| self.err(e))?;
        st.query_map(params![run_id, key], |r| {
            Ok(Metric {
                key: r.get(0)?,
                value: read_value(r.get(1)?, r.get(4)?),
                timestamp: r.get(2)?,
                step: r.get(3)?,
                dataset_name: None,
                dataset_digest: None,
            })
        })
        .map_err(|e| self.err(e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| self.err(e))
    }
}

/// Creates a new database file with MLflow 3.17.2's schema, its alembic revision and the
/// `Default` experiment, as MLflow does on first use; built under a temporary name and renamed,
/// so a killed mlrs leaves no half-made database.
fn create_database(path: &Path) -> Result<()> {
    let display = path.display().to_string();
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.mlrs-{}",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default(),
        uuid::Uuid::new_v4().simple()
    ));
    let built = (|| -> Result<()> {
        let conn = Connection::open(&tmp).map_err(|e| sql_err(&display, e))?;
        conn.execute_batch(&format!("BEGIN;\n{SCHEMA_3_17_2}COMMIT;"))
            .map_err(|e| sql_err(&display, e))?;
        let root = default_artifact_root();
        let now = now_ms();
        conn.execute(
            "INSERT INTO alembic_version (version_num) VALUES (?1)",
            [head_revision()],
        )
        .map_err(|e| sql_err(&display, e))?;
        conn.execute(
            "INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time, workspace) VALUES (0, 'Default', ?1, 'active', ?2, ?2, 'default')",
            params![crate::store::uri::append_to_uri_path(&root, &["0"]), now],
        )
        .map_err(|e| sql_err(&display, e))?;
        Ok(())
    })();
    if let Err(e) = built {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // Publish without replacing: when several processes create the database at once, the
    // first link wins and the others open that one (a rename would swap the file under a
    // writer that already opened the winner).
    let linked = std::fs::hard_link(&tmp, path);
    let result = match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        // a file system without hard links: rename, unless someone created it meanwhile
        Err(_) if !path.exists() => std::fs::rename(&tmp, path).map_err(|e| Error::io(path, e)),
        Err(_) => Ok(()),
    };
    let _ = std::fs::remove_file(&tmp);
    result
}
