//! Search on the SQL store with the answers of MLflow's SqlAlchemyStore on SQLite.
//!
//! The candidates are read from the database (run infos, and only the metrics, params, tags and
//! datasets the filter and the order name: one query per key per experiment). Parsing (filter,
//! order_by, page token) and sorting are `crate::search`'s, shared with the file store. Filter
//! evaluation, the order of checks and paging are MLflow's SQL ones, which differ from its
//! file store (checked against tests/sql_fixtures/search-corpus-3.17.2.json):
//!
//! * every clause's comparator is checked before any row is read, so an invalid comparator
//!   fails even when no run would reach it; experiments have their own SQL-only checks
//!   (`experiment_id` takes only `=`, `!=`, `IN`, `NOT IN` and integers; float times fail);
//! * `LIKE` is SQLite's with `case_sensitive_like` on: `%` and `_` also match newlines, no
//!   escape character, no trailing-newline leniency; `ILIKE` is `lower(x) LIKE lower(y)`, and
//!   SQLite's `lower` folds ASCII letters only;
//! * metrics compare their stored value: NaN (`is_nan`) is only `!=` to anything, ±inf are
//!   stored as ±1.7976931348623157e308 and so never equal ±1e999;
//! * `run_name` filters read the `mlflow.runName` tag; sorting reads the `name` column;
//! * a repeated experiment id does not repeat its runs (`IN`), experiment ids must be integers;
//! * order_by is checked first clause first; a repeated key and a `datasets.*` key fail;
//! * experiments sort `experiment_id` as an integer;
//! * max_results must be 1..=50000 for runs too; a negative page offset reads from 0;
//! * a list compared with `=`, `!=`, `LIKE` or `ILIKE` fails (SQLite cannot bind a tuple).

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

use rusqlite::Connection;

use super::{SqlStore, read_value};
use crate::entities::{Experiment, RunInfo, ViewType};
use crate::error::{Error, Result};
use crate::search::{
    self, Clause, Comparator, DatasetRef, Entity, KeyType, Needs, RunView, SearchPage, SearchQuery,
    Value,
};
use crate::validate::python_repr;

pub(super) fn search_error(e: search::SearchError) -> Error {
    Error::InvalidValue(e.message)
}

pub(super) fn invalid<T>(message: impl Into<String>) -> Result<T> {
    Err(Error::InvalidValue(message.into()))
}

const RUN_NAME_TAG: &str = "mlflow.runName";
const CONTEXT_TAG: &str = "mlflow.data.context";

/// MLflow's comparator sets and the messages of `SearchUtils.is_*` (sets sorted; some
/// messages lack the closing quote, as MLflow's do).
const METRIC_OPS: &[&str] = &["!=", "<", "<=", "=", ">", ">="];
const STRING_ATTRIBUTE_OPS: &[&str] = &["!=", "=", "ILIKE", "IN", "LIKE", "NOT IN"];
const PARAM_OPS: &[&str] = &["!=", "=", "ILIKE", "IS NOT NULL", "IS NULL", "LIKE"];

fn comparator_error(op: &Comparator, listed: &[&str], closing_quote: bool) -> Error {
    let set = listed
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(", ");
    Error::InvalidValue(format!(
        "Invalid comparator '{op}' not one of '{{{set}}}{}",
        if closing_quote { "'" } else { "" }
    ))
}

fn check_op(op: &Comparator, allowed: &[&str], listed: &[&str], closing: bool) -> Result<()> {
    if allowed.contains(&op.as_str()) {
        Ok(())
    } else {
        Err(comparator_error(op, listed, closing))
    }
}

/// MLflow's `SearchUtils.translate_key_alias`, applied to every key type.
fn translate_key(key: &str) -> &str {
    match key {
        "created" | "Created" => "start_time",
        "run name" | "Run name" | "Run Name" => "run_name",
        k => k,
    }
}

fn is_numeric_run_attribute(key: &str) -> bool {
    matches!(key, "start_time" | "end_time" | "created" | "Created")
}

/// `_get_sqlalchemy_filter_clauses`'s checks, clause by clause, before any row is read.
fn check_run_clauses(clauses: &[Clause]) -> Result<()> {
    for c in clauses {
        let op = &c.comparator;
        let key = translate_key(&c.key.name);
        match c.key.key_type {
            KeyType::Attribute if is_numeric_run_attribute(key) => {
                check_op(op, METRIC_OPS, STRING_ATTRIBUTE_OPS, false)?
            }
            KeyType::Attribute => check_op(op, STRING_ATTRIBUTE_OPS, STRING_ATTRIBUTE_OPS, true)?,
            KeyType::Metric => check_op(op, METRIC_OPS, METRIC_OPS, false)?,
            KeyType::Param => check_op(op, PARAM_OPS, PARAM_OPS, true)?,
            KeyType::Tag => check_op(op, PARAM_OPS, PARAM_OPS, false)?,
            KeyType::Dataset => check_op(op, STRING_ATTRIBUTE_OPS, STRING_ATTRIBUTE_OPS, false)?,
        }
    }
    Ok(())
}

/// What SQLite cannot execute: a tuple bound where a scalar is expected, an integer beyond
/// 64 bits. MLflow fails with a raw driver error when it runs the query.
pub(super) fn check_run_bindings(clauses: &[Clause]) -> Result<()> {
    for c in clauses {
        let key = translate_key(&c.key.name);
        match (&c.comparator, &c.value) {
            (Comparator::In | Comparator::NotIn, Value::List(_)) => {}
            (op, Value::List(_)) => {
                return invalid(format!(
                    "Cannot compare {key} with '{op}' against a list of values; use IN or NOT IN"
                ));
            }
            (Comparator::In | Comparator::NotIn, Value::Str(_)) => {
                return invalid(format!("{key} IN needs a list of quoted strings"));
            }
            (_, Value::Int(i)) if i64::try_from(*i).is_err() => {
                return invalid(format!(
                    "The value {i} of {key} is outside SQLite's 64-bit integers"
                ));
            }
            _ => {}
        }
    }
    Ok(())
}

/// SQLite's `LIKE` with `PRAGMA case_sensitive_like = true` and no ESCAPE: `%` is any run of
/// characters, `_` any one character (newlines included), everything else itself.
pub(crate) fn sqlite_like(text: &str, pattern: &str) -> bool {
    let t: Vec<char> = text.chars().collect();
    let p: Vec<char> = pattern.chars().collect();
    // Classic two-pointer wildcard match with backtracking to the last `%`.
    let (mut ti, mut pi) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '_' || (p[pi] != '%' && p[pi] == t[ti])) {
            ti += 1;
            pi += 1;
        } else if pi < p.len() && p[pi] == '%' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '%')
}

/// SQLAlchemy's `ilike` on SQLite: `lower(x) LIKE lower(y)`, with SQLite's ASCII-only `lower`.
pub(crate) fn sqlite_ilike(text: &str, pattern: &str) -> bool {
    sqlite_like(&text.to_ascii_lowercase(), &pattern.to_ascii_lowercase())
}

/// A string column against a clause value, as SQLite evaluates it (binary collation).
pub(super) fn sql_str(op: &Comparator, lhs: &str, value: &Value) -> bool {
    match (op, value) {
        (Comparator::Eq, Value::Str(v)) => lhs == v,
        (Comparator::NotEq, Value::Str(v)) => lhs != v,
        (Comparator::Like, Value::Str(v)) => sqlite_like(lhs, v),
        (Comparator::ILike, Value::Str(v)) => sqlite_ilike(lhs, v),
        (Comparator::In, Value::List(items)) => items.iter().any(|i| i == lhs),
        (Comparator::NotIn, Value::List(items)) => !items.iter().any(|i| i == lhs),
        _ => false,
    }
}

/// A present or missing row: IS [NOT] NULL test existence, anything else needs the row.
pub(super) fn sql_optional_str(op: &Comparator, lhs: Option<&str>, value: &Value) -> bool {
    match (op, lhs) {
        (Comparator::IsNull, _) => lhs.is_none(),
        (Comparator::IsNotNull, _) => lhs.is_some(),
        (_, None) => false,
        (_, Some(lhs)) => sql_str(op, lhs, value),
    }
}

pub(super) fn holds(op: &Comparator, o: Option<Ordering>) -> bool {
    match (op, o) {
        (_, None) => false,
        (Comparator::Eq, Some(o)) => o == Ordering::Equal,
        (Comparator::NotEq, Some(o)) => o != Ordering::Equal,
        (Comparator::Lt, Some(o)) => o == Ordering::Less,
        (Comparator::LtEq, Some(o)) => o != Ordering::Greater,
        (Comparator::Gt, Some(o)) => o == Ordering::Greater,
        (Comparator::GtEq, Some(o)) => o != Ordering::Less,
        _ => false,
    }
}

/// SQLite's exact comparison of an INTEGER with a REAL (`None` for NaN).
fn cmp_int_real(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 9.223_372_036_854_776e18 {
        return Some(Ordering::Less);
    }
    if f < -9.223_372_036_854_776e18 {
        return Some(Ordering::Greater);
    }
    let floor = f.floor();
    match i.cmp(&(floor as i64)) {
        Ordering::Equal if f > floor => Some(Ordering::Less),
        o => Some(o),
    }
}

fn int_against(op: &Comparator, lhs: Option<i64>, value: &Value) -> bool {
    let Some(lhs) = lhs else { return false };
    let o = match value {
        Value::Int(i) => i64::try_from(*i).ok().map(|i| lhs.cmp(&i)),
        Value::Float(f) => cmp_int_real(lhs, *f),
        _ => None,
    };
    holds(op, o)
}

/// A run as search sees it: its info and the values search asked for, read beforehand.
struct SqlRun {
    info: RunInfo,
    /// The stored value; NaN where `is_nan` is set (±inf read back as ±1.797e308).
    metrics: HashMap<String, f64>,
    params: HashMap<String, String>,
    tags: HashMap<String, String>,
    datasets: Vec<DatasetRef>,
}

impl SqlRun {
    fn matches(&self, clauses: &[Clause]) -> bool {
        clauses.iter().all(|c| self.clause(c))
    }

    fn clause(&self, c: &Clause) -> bool {
        let op = &c.comparator;
        let key = translate_key(&c.key.name);
        match c.key.key_type {
            KeyType::Metric => {
                let rhs = match c.value {
                    Value::Float(f) => f,
                    Value::Int(i) => i as f64,
                    _ => return false,
                };
                match self.metrics.get(key) {
                    None => false,
                    // NaN is stored as 0 with is_nan: only `!=` holds.
                    Some(v) if v.is_nan() => *op == Comparator::NotEq,
                    Some(&v) => holds(op, v.partial_cmp(&rhs)),
                }
            }
            KeyType::Param => {
                sql_optional_str(op, self.params.get(key).map(|s| s.as_str()), &c.value)
            }
            KeyType::Tag => sql_optional_str(op, self.tags.get(key).map(|s| s.as_str()), &c.value),
            KeyType::Attribute => match key {
                "start_time" => int_against(op, self.info.start_time, &c.value),
                "end_time" => int_against(op, self.info.end_time, &c.value),
                // MLflow reads the tag: the name column is empty for runs of MLflow <= 1.29.
                "run_name" => self
                    .tags
                    .get(RUN_NAME_TAG)
                    .is_some_and(|v| sql_str(op, v, &c.value)),
                "run_id" => sql_str(op, &self.info.run_id, &c.value),
                "status" => sql_str(op, self.info.status.name(), &c.value),
                "user_id" => sql_str(op, &self.info.user_id, &c.value),
                "artifact_uri" => sql_str(op, &self.info.artifact_uri, &c.value),
                _ => false,
            },
            // Any input whose dataset (or context tag) satisfies the clause.
            KeyType::Dataset => self.datasets.iter().any(|ds| {
                let lhs = match key {
                    "name" => Some(ds.name.as_str()),
                    "digest" => Some(ds.digest.as_str()),
                    _ => ds.context.as_deref(),
                };
                lhs.is_some_and(|lhs| sql_str(op, lhs, &c.value))
            }),
        }
    }
}

impl RunView for SqlRun {
    fn run_id(&self) -> &str {
        &self.info.run_id
    }
    /// The `name` column, which is what MLflow's SQL store sorts by.
    fn run_name(&self) -> Option<&str> {
        Some(self.info.run_name.as_str())
    }
    fn status(&self) -> &str {
        self.info.status.name()
    }
    fn user_id(&self) -> &str {
        &self.info.user_id
    }
    fn artifact_uri(&self) -> &str {
        &self.info.artifact_uri
    }
    fn start_time(&self) -> Option<i64> {
        self.info.start_time
    }
    fn end_time(&self) -> Option<i64> {
        self.info.end_time
    }
    fn metric(&self, key: &str) -> Option<f64> {
        self.metrics.get(key).copied()
    }
    fn param(&self, key: &str) -> Option<String> {
        self.params.get(key).cloned()
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
    fn datasets(&self) -> Vec<DatasetRef> {
        self.datasets.clone()
    }
}

/// Python `int(text)` for decimal strings (surrounding whitespace, sign, single underscores
/// between digits), limited to 64 bits as the database column is.
fn py_int64(text: &str) -> Option<i64> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
        || !digits.chars().all(|c| c.is_ascii_digit() || c == '_')
    {
        return None;
    }
    let n: i128 = digits.replace('_', "").parse().ok()?;
    i64::try_from(if neg { -n } else { n }).ok()
}

/// MLflow's `_parse_experiment_id`.
fn experiment_id_int(id: &str) -> Result<i64> {
    py_int64(id).ok_or_else(|| {
        Error::InvalidValue(format!(
            "Invalid experiment ID '{id}'. Experiment ID must be a valid integer."
        ))
    })
}

/// Python's `repr` of a list of strings.
pub(super) fn py_list_repr(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| python_repr(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// Python's `str(float)`: the shortest round-trip digits, positional between 1e-4 and 1e16.
fn py_float_str(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        let s = format!("{f}");
        if s.contains('.') { s } else { format!("{s}.0") }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    }
}

/// MLflow's SQL paging: `LIMIT max_results + 1 OFFSET offset` (SQLite: a negative limit is no
/// limit, a negative offset is 0), a next-page token for `offset + max_results` when exactly
/// `max_results + 1` rows came back, and the rows cut Python's way (`rows[:max_results]`).
pub(super) fn sql_paginate<T>(
    items: Vec<T>,
    max_results: i64,
    page_token: Option<&str>,
) -> Result<(Vec<T>, Option<String>)> {
    let offset = search::parse_page_token(page_token).map_err(search_error)?;
    if offset > i128::from(i64::MAX) || offset < i128::from(i64::MIN) {
        return invalid(format!(
            "Invalid page token: the offset {offset} is outside SQLite's 64-bit integers"
        ));
    }
    let start = usize::try_from(offset.max(0)).unwrap_or(usize::MAX);
    let limit = i128::from(max_results) + 1;
    let rows: Vec<T> = items.into_iter().skip(start).collect();
    let mut rows = match usize::try_from(limit) {
        Ok(l) => rows.into_iter().take(l).collect(),
        Err(_) => rows,
    };
    let next = (rows.len() as i128 == limit)
        .then(|| search::page_token_for(offset + i128::from(max_results)));
    let keep = if max_results >= 0 {
        usize::try_from(max_results).unwrap_or(usize::MAX)
    } else {
        rows.len()
            .saturating_sub(usize::try_from(max_results.unsigned_abs()).unwrap_or(usize::MAX))
    };
    rows.truncate(keep);
    Ok((rows, next))
}

impl SqlStore {
    /// MLflow's SqlAlchemyStore `search_runs` over the runs of `experiment_ids`.
    pub fn search_runs(
        &self,
        experiment_ids: &[String],
        view: ViewType,
        q: &SearchQuery,
    ) -> Result<SearchPage<RunInfo>> {
        // `_validate_max_results_param`: the experiments' limits and wording.
        search::check_max_results(Entity::Experiments, q.max_results).map_err(search_error)?;
        let filter = search::parse_run_filter(q.filter).map_err(search_error)?;
        // `_get_orderby_clauses`: first clause first; a dataset key or a repeated key fails.
        let mut seen = BTreeSet::new();
        for clause in q.order_by {
            let one =
                search::parse_run_order_by(std::slice::from_ref(clause)).map_err(search_error)?;
            for c in one.clauses() {
                if c.key_type == KeyType::Dataset {
                    return invalid("Invalid identifier type 'dataset'");
                }
                if !seen.insert((c.key_type.name(), translate_key(&c.key).to_string())) {
                    return invalid(format!(
                        "`order_by` contains duplicate fields: {}",
                        py_list_repr(q.order_by)
                    ));
                }
            }
        }
        let order = search::parse_run_order_by(q.order_by).map_err(search_error)?;
        check_run_clauses(filter.clauses())?;
        search::parse_page_token(q.page_token).map_err(search_error)?;
        let ids: BTreeSet<i64> = experiment_ids
            .iter()
            .map(|id| experiment_id_int(id))
            .collect::<Result<_>>()?;
        check_run_bindings(filter.clauses())?;

        let mut needs = filter.needs();
        needs.merge(&order.needs());
        if filter.clauses().iter().any(|c| {
            c.key.key_type == KeyType::Attribute && translate_key(&c.key.name) == "run_name"
        }) {
            needs.tags.insert(RUN_NAME_TAG.to_string());
        }
        let conn = self.conn();
        let mut runs = Vec::new();
        for id in ids {
            runs.extend(self.candidates(&conn, id, view, &needs)?);
        }
        drop(conn);
        runs.retain(|r| r.matches(filter.clauses()));
        search::sort_runs(&mut runs, &order).map_err(search_error)?;
        let (page, next) = sql_paginate(runs, q.max_results, q.page_token)?;
        Ok(SearchPage {
            items: page.into_iter().map(|r| r.info).collect(),
            next_page_token: next,
        })
    }

    /// The runs of one experiment in `view`, each with the values `needs` names.
    fn candidates(
        &self,
        conn: &Connection,
        experiment_id: i64,
        view: ViewType,
        needs: &Needs,
    ) -> Result<Vec<SqlRun>> {
        let infos = self.run_infos(conn, &[experiment_id.to_string()], view)?;
        let mut runs: Vec<SqlRun> = infos
            .into_iter()
            .map(|info| SqlRun {
                info,
                metrics: HashMap::new(),
                params: HashMap::new(),
                tags: HashMap::new(),
                datasets: Vec::new(),
            })
            .collect();
        let index: HashMap<String, usize> = runs
            .iter()
            .enumerate()
            .map(|(i, r)| (r.info.run_id.clone(), i))
            .collect();
        for key in &needs.metrics {
            let mut st = conn
                .prepare_cached(
                    "SELECT m.run_uuid, m.value, m.is_nan FROM latest_metrics m JOIN runs r ON r.run_uuid = m.run_uuid WHERE r.experiment_id = ?1 AND m.key = ?2",
                )
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map(rusqlite::params![experiment_id, key], |r| {
                    Ok((r.get::<_, String>(0)?, read_value(r.get(1)?, r.get(2)?)))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (run, value) = row.map_err(|e| self.err(e))?;
                if let Some(&i) = index.get(&run) {
                    runs[i].metrics.insert(key.clone(), value);
                }
            }
        }
        for (keys, sql, field) in [
            (
                &needs.params,
                "SELECT p.run_uuid, p.value FROM params p JOIN runs r ON r.run_uuid = p.run_uuid WHERE r.experiment_id = ?1 AND p.key = ?2",
                0,
            ),
            (
                &needs.tags,
                "SELECT t.run_uuid, t.value FROM tags t JOIN runs r ON r.run_uuid = t.run_uuid WHERE r.experiment_id = ?1 AND t.key = ?2",
                1,
            ),
        ] {
            for key in keys {
                for (run, value) in self.run_key_rows(conn, sql, experiment_id, key)? {
                    if let Some(&i) = index.get(&run) {
                        let map = if field == 0 {
                            &mut runs[i].params
                        } else {
                            &mut runs[i].tags
                        };
                        map.insert(key.clone(), value);
                    }
                }
            }
        }
        if needs.datasets {
            let mut st = conn
                .prepare_cached(
                    "SELECT i.destination_id, d.name, d.digest, \
                     (SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = ?2) \
                     FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id \
                     JOIN runs r ON r.run_uuid = i.destination_id \
                     WHERE r.experiment_id = ?1 AND i.source_type = 'DATASET' AND i.destination_type = 'RUN' \
                     ORDER BY i.rowid",
                )
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map(rusqlite::params![experiment_id, CONTEXT_TAG], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        DatasetRef {
                            name: r.get(1)?,
                            digest: r.get(2)?,
                            context: r.get(3)?,
                        },
                    ))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (run, ds) = row.map_err(|e| self.err(e))?;
                if let Some(&i) = index.get(&run) {
                    runs[i].datasets.push(ds);
                }
            }
        }
        Ok(runs)
    }

    /// MLflow's SqlAlchemyStore `search_experiments`.
    pub fn search_experiments(
        &self,
        view: ViewType,
        q: &SearchQuery,
    ) -> Result<SearchPage<Experiment>> {
        search::check_max_results(Entity::Experiments, q.max_results).map_err(search_error)?;
        let filter = search::parse_experiment_filter(q.filter).map_err(search_error)?;
        let clauses = experiment_clauses(filter.clauses())?;
        let order = search::parse_experiment_order_by(q.order_by).map_err(search_error)?;
        search::parse_page_token(q.page_token).map_err(search_error)?;
        let mut exps: Vec<Experiment> = self
            .list_experiments(view)?
            .into_iter()
            .filter(|e| clauses.iter().all(|c| c.matches(e)))
            .collect();
        let keys = order.clauses();
        exps.sort_by(|a, b| {
            for k in keys {
                let o = match k.key.as_str() {
                    "experiment_id" => exp_id_value(a).cmp(&exp_id_value(b)),
                    "name" => a.name.cmp(&b.name),
                    // SQLite sorts NULL first.
                    "creation_time" => a.creation_time.cmp(&b.creation_time),
                    _ => a.last_update_time.cmp(&b.last_update_time),
                };
                let o = if k.ascending { o } else { o.reverse() };
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        });
        let (items, next) = sql_paginate(exps, q.max_results, q.page_token)?;
        Ok(SearchPage {
            items,
            next_page_token: next,
        })
    }
}

fn exp_id_value(e: &Experiment) -> i64 {
    e.experiment_id.parse().unwrap_or(i64::MIN)
}

/// An experiments clause after `_get_search_experiments_filter_clauses`' checks and
/// conversions.
enum ExpClause {
    Id(Comparator, Vec<i64>),
    Name(Comparator, Value),
    Time(bool, Comparator, i64),
    Tag(String, Comparator, Value),
}

impl ExpClause {
    fn matches(&self, e: &Experiment) -> bool {
        match self {
            ExpClause::Id(op, ids) => {
                let id = exp_id_value(e);
                match op {
                    Comparator::Eq | Comparator::In => ids.contains(&id),
                    _ => !ids.contains(&id),
                }
            }
            ExpClause::Name(op, v) => sql_str(op, &e.name, v),
            ExpClause::Time(creation, op, v) => {
                let lhs = if *creation {
                    e.creation_time
                } else {
                    e.last_update_time
                };
                lhs.is_some_and(|l| holds(op, Some(l.cmp(v))))
            }
            ExpClause::Tag(key, op, v) => {
                sql_optional_str(op, e.tags.get(key).map(|s| s.as_str()), v)
            }
        }
    }
}

fn experiment_clauses(clauses: &[Clause]) -> Result<Vec<ExpClause>> {
    let mut out = Vec::new();
    for c in clauses {
        let op = c.comparator.clone();
        let key = c.key.name.as_str();
        let clause = match c.key.key_type {
            KeyType::Attribute if key == "experiment_id" => {
                if !matches!(
                    op,
                    Comparator::Eq | Comparator::NotEq | Comparator::In | Comparator::NotIn
                ) {
                    return invalid(format!("Invalid comparator for experiment_id: {op}"));
                }
                let ids = match &c.value {
                    Value::List(items) => items
                        .iter()
                        .map(|v| experiment_id_int(v))
                        .collect::<Result<Vec<_>>>()?,
                    Value::Str(s) => vec![experiment_id_int(s)?],
                    _ => return invalid("Invalid experiment ID"),
                };
                ExpClause::Id(op, ids)
            }
            KeyType::Attribute if key == "creation_time" || key == "last_update_time" => {
                // `SearchUtils.is_numeric_attribute` lists the string comparators.
                check_op(&op, METRIC_OPS, STRING_ATTRIBUTE_OPS, false)?;
                let v = match &c.value {
                    Value::Int(i) => i64::try_from(*i).map_err(|_| {
                        Error::InvalidValue(format!(
                            "The value {i} of {key} is outside SQLite's 64-bit integers"
                        ))
                    })?,
                    Value::Float(f) => {
                        return invalid(format!(
                            "Invalid value for numeric attribute '{key}': {}",
                            python_repr(&py_float_str(*f))
                        ));
                    }
                    other => {
                        return invalid(format!(
                            "Invalid value for numeric attribute '{key}': {other:?}"
                        ));
                    }
                };
                ExpClause::Time(key == "creation_time", op, v)
            }
            KeyType::Attribute => {
                check_op(&op, STRING_ATTRIBUTE_OPS, STRING_ATTRIBUTE_OPS, true)?;
                if !matches!(
                    op,
                    Comparator::Eq | Comparator::NotEq | Comparator::Like | Comparator::ILike
                ) {
                    return invalid(format!("Invalid comparator for string attribute: {op}"));
                }
                if let Value::List(_) = c.value {
                    return invalid(format!(
                        "Cannot compare {key} with '{op}' against a list of values"
                    ));
                }
                ExpClause::Name(op, c.value.clone())
            }
            _ => {
                if !matches!(
                    op,
                    Comparator::IsNull
                        | Comparator::IsNotNull
                        | Comparator::Eq
                        | Comparator::NotEq
                        | Comparator::Like
                        | Comparator::ILike
                ) {
                    return invalid(format!("Invalid comparator for tag: {op}"));
                }
                ExpClause::Tag(key.to_string(), op, c.value.clone())
            }
        };
        out.push(clause);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_like_is_case_sensitive_and_matches_newlines() {
        assert!(sqlite_like("a\nb", "%b"));
        assert!(sqlite_like("line1\nline2", "line1_line2"));
        assert!(!sqlite_like("abc\n", "abc"));
        assert!(!sqlite_like("Adam", "a%"));
        assert!(sqlite_like("back\\slash", "back\\%"));
        assert!(sqlite_like("", "%"));
        assert!(sqlite_like("ñandú", "_and_"));
        assert!(sqlite_like("abcabd", "%ab_"));
        assert!(!sqlite_like("abc", "%x%"));
    }

    #[test]
    fn sqlite_ilike_folds_ascii_only() {
        assert!(sqlite_ilike("ADAM", "adam"));
        assert!(!sqlite_ilike("Ålice", "ålice"));
        assert!(sqlite_ilike("ålice", "ÅLICE".replace('Å', "å").as_str()));
    }

    #[test]
    fn python_float_str() {
        assert_eq!(py_float_str(1.7e12), "1700000000000.0");
        assert_eq!(py_float_str(1_700_000_000_199.5), "1700000000199.5");
        assert_eq!(py_float_str(1e16), "1e+16");
        assert_eq!(py_float_str(1.5e-5), "1.5e-05");
        assert_eq!(py_float_str(0.5), "0.5");
    }

    #[test]
    fn python_int_of_experiment_ids() {
        assert_eq!(py_int64(" 9 "), Some(9));
        assert_eq!(py_int64("1_0"), Some(10));
        assert_eq!(py_int64("-3"), Some(-3));
        assert_eq!(py_int64("x"), None);
        assert_eq!(py_int64("1__0"), None);
        assert_eq!(py_int64(""), None);
    }

    #[test]
    fn integer_against_real_is_exact() {
        assert_eq!(cmp_int_real(5, 4.5), Some(Ordering::Greater));
        assert_eq!(cmp_int_real(4, 4.5), Some(Ordering::Less));
        assert_eq!(cmp_int_real(4, 4.0), Some(Ordering::Equal));
        assert_eq!(cmp_int_real(-5, -4.5), Some(Ordering::Less));
        assert_eq!(cmp_int_real(1, f64::NAN), None);
    }
}
