//! Registry search on the SQL store with the answers of MLflow's SqlAlchemyModelRegistryStore
//! on SQLite (`search_registered_models`, `search_model_versions`).
//!
//! Parsing (filter, order_by text, page token) is `crate::search`'s; the checks, evaluation,
//! order and paging are MLflow's SQL ones, which differ from its file store (checked against
//! tests/sql_fixtures/search-corpus-3.17.2.json):
//!
//! * every clause's comparator is checked before any row is read, in MLflow's wording
//!   (`Invalid comparator for attribute: >`, `Invalid comparator for tag: <`,
//!   `Invalid comparator for attribute version_number: LIKE`); `version_number` takes integers
//!   and integer strings only (`Invalid value for numeric attribute 'version_number': 2.5`);
//! * prompts are hidden by an anti-join, unless the first `mlflow.prompt.is_prompt` clause asks
//!   for them (`= 'true'` / `!= 'false'`, any case); otherwise clauses on that tag are dropped.
//!   A model is a prompt when its own tag says `true`; a model version is hidden when any
//!   version of its model (deleted ones included) carries that version tag;
//! * `LIKE` is SQLite's (case-sensitive, `%`/`_` match newlines), `ILIKE` folds ASCII only;
//!   a NULL `run_id` or `source` satisfies no comparison, `!=` and `NOT IN` included;
//! * registered models order by `name`, `timestamp` or `last_updated_timestamp` only (both
//!   the same column), then `name`; max_results has no lower bound (0 and negatives give an
//!   empty page and a token, SQLite's `LIMIT`);
//! * model versions order by default on `last_updated_timestamp DESC, name ASC,
//!   version_number DESC`; an order key of any type is accepted if its name is an attribute's
//!   (`tags.name` sorts by name).

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rusqlite::{Connection, params};

use super::SqlStore;
use super::registry::WS;
use super::search::{
    check_run_bindings, holds, invalid, py_list_repr, search_error, sql_optional_str, sql_paginate,
    sql_str,
};
use crate::entities::registry::{ModelVersion, RegisteredModel};
use crate::error::Result;
use crate::search::{
    self, Clause, Comparator, Entity, KeyType, PROMPT_TAG, SearchPage, SearchQuery, Value,
};
use crate::validate::python_repr;

const RM_ORDER_KEYS: &str = "'{'name', 'timestamp'}'";
const MV_ORDER_KEYS: [&str; 4] = [
    "creation_timestamp",
    "last_updated_timestamp",
    "name",
    "version_number",
];
const DEFAULT_MV_ORDER: [&str; 3] = [
    "last_updated_timestamp DESC",
    "name ASC",
    "version_number DESC",
];

/// The value conditions of one tag key: the entity's row for that key must satisfy all.
type TagFilters = BTreeMap<String, Vec<(Comparator, Value)>>;

/// MLflow's `_is_querying_prompt`: the first clause on the prompt tag decides.
fn is_querying_prompt(clauses: &[Clause]) -> bool {
    clauses
        .iter()
        .find(|c| c.key.key_type == KeyType::Tag && c.key.name == PROMPT_TAG)
        .is_some_and(|c| {
            let v = match &c.value {
                Value::Str(s) => s.to_lowercase(),
                _ => String::new(),
            };
            (c.comparator == Comparator::Eq && v == "true")
                || (c.comparator == Comparator::NotEq && v == "false")
        })
}

fn check_tag_comparator(op: &Comparator) -> Result<()> {
    match op {
        Comparator::Eq | Comparator::NotEq | Comparator::Like | Comparator::ILike => Ok(()),
        op => invalid(format!("Invalid comparator for tag: {op}")),
    }
}

/// Groups the tag clauses by key; without a prompt query, the prompt tag's clauses go.
fn tag_filters(clauses: &[Clause], querying_prompt: bool) -> TagFilters {
    let mut tags = TagFilters::new();
    for c in clauses.iter().filter(|c| c.key.key_type == KeyType::Tag) {
        if !querying_prompt && c.key.name == PROMPT_TAG {
            continue;
        }
        tags.entry(c.key.name.clone())
            .or_default()
            .push((c.comparator.clone(), c.value.clone()));
    }
    tags
}

fn tags_match(filters: &TagFilters, tag: impl Fn(&str) -> Option<Option<String>>) -> bool {
    filters.iter().all(|(key, conds)| match tag(key) {
        // A NULL value row satisfies no comparison.
        Some(Some(v)) => conds.iter().all(|(op, value)| sql_str(op, &v, value)),
        _ => false,
    })
}

/// Python's `repr` of a clause value (`int()` failed on it or it is a float).
fn value_repr(v: &Value) -> String {
    match v {
        Value::Str(s) => python_repr(s),
        Value::Float(f) => search::float_repr(*f),
        Value::Int(i) => i.to_string(),
        Value::List(items) => py_list_repr(items),
        Value::None => "None".to_string(),
    }
}

/// A model-version attribute clause after `_get_search_model_versions_filter_clauses`.
enum VersionClause {
    Name(Comparator, Value),
    Source(Comparator, Value),
    RunId(Comparator, Value),
    Version(Comparator, i128),
}

impl VersionClause {
    fn matches(&self, v: &ModelVersion) -> bool {
        match self {
            VersionClause::Name(op, value) => sql_str(op, &v.name, value),
            VersionClause::Source(op, value) => {
                v.source.is_some() && sql_optional_str(op, v.source.as_deref(), value)
            }
            VersionClause::RunId(op, value) => {
                v.run_id.is_some() && sql_optional_str(op, v.run_id.as_deref(), value)
            }
            VersionClause::Version(op, n) => holds(op, Some(i128::from(v.version).cmp(n))),
        }
    }
}

fn version_clauses(clauses: &[Clause]) -> Result<Vec<VersionClause>> {
    let mut out = Vec::new();
    for c in clauses {
        let op = c.comparator.clone();
        if c.key.key_type == KeyType::Tag {
            check_tag_comparator(&op)?;
            continue;
        }
        let key = c.key.name.as_str();
        if key == "version_number" {
            if !matches!(
                op,
                Comparator::Eq
                    | Comparator::NotEq
                    | Comparator::Lt
                    | Comparator::LtEq
                    | Comparator::Gt
                    | Comparator::GtEq
            ) {
                return invalid(format!("Invalid comparator for attribute {key}: {op}"));
            }
            let n = match &c.value {
                Value::Int(i) => Some(*i),
                Value::Str(s) => search::py_int(s),
                _ => None,
            };
            let Some(n) = n else {
                return invalid(format!(
                    "Invalid value for numeric attribute '{key}': {}",
                    value_repr(&c.value)
                ));
            };
            if i64::try_from(n).is_err() {
                return invalid(format!(
                    "The value {n} of {key} is outside SQLite's 64-bit integers"
                ));
            }
            out.push(VersionClause::Version(op, n));
            continue;
        }
        let list_ok = key == "run_id" || key == "name";
        match op {
            Comparator::Eq | Comparator::NotEq | Comparator::Like | Comparator::ILike => {}
            Comparator::In | Comparator::NotIn if list_ok => {}
            _ => return invalid(format!("Invalid comparator for attribute: {op}")),
        }
        let v = c.value.clone();
        out.push(match key {
            "name" => VersionClause::Name(op, v),
            "run_id" => VersionClause::RunId(op, v),
            _ => VersionClause::Source(op, v),
        });
    }
    Ok(out)
}

/// `_parse_search_registered_models_order_by`: (by name?, ascending) keys, then `name ASC`.
fn registered_model_order(order_by: &[String]) -> Result<Vec<(bool, bool)>> {
    let mut keys = Vec::new();
    let mut seen = BTreeSet::new();
    for clause in order_by {
        let (key, ascending) = search::parse_order_by_text(clause).map_err(search_error)?;
        let by_name = match key.as_str() {
            "name" => true,
            "timestamp" | "last_updated_timestamp" => false,
            _ => {
                return invalid(format!(
                    "Invalid order by key '{key}' specified. Valid keys are {RM_ORDER_KEYS}"
                ));
            }
        };
        if !seen.insert(by_name) {
            return invalid(format!(
                "`order_by` contains duplicate fields: {}",
                py_list_repr(order_by)
            ));
        }
        keys.push((by_name, ascending));
    }
    if !seen.contains(&true) {
        keys.push((true, true));
    }
    Ok(keys)
}

/// `_parse_search_model_versions_order_by`: (column, ascending), then `name ASC` and
/// `version DESC` where not named.
fn model_version_order(order_by: &[String]) -> Result<Vec<(&'static str, bool)>> {
    let defaults: Vec<String>;
    let order_by = if order_by.is_empty() {
        defaults = DEFAULT_MV_ORDER.iter().map(|s| s.to_string()).collect();
        &defaults[..]
    } else {
        order_by
    };
    let mut keys = Vec::new();
    for clause in order_by {
        let c = search::parse_model_version_order_clause(clause).map_err(search_error)?;
        let Some(&column) = MV_ORDER_KEYS.iter().find(|k| **k == c.key) else {
            let set: Vec<String> = MV_ORDER_KEYS.iter().map(|k| format!("'{k}'")).collect();
            return invalid(format!(
                "Invalid order by key '{}' specified. Valid keys are {{{}}}",
                c.key,
                set.join(", ")
            ));
        };
        if keys.iter().any(|(k, _)| *k == column) {
            return invalid(format!(
                "`order_by` contains duplicate fields: {}",
                py_list_repr(order_by)
            ));
        }
        keys.push((column, c.ascending));
    }
    if !keys.iter().any(|(k, _)| *k == "name") {
        keys.push(("name", true));
    }
    if !keys.iter().any(|(k, _)| *k == "version_number") {
        keys.push(("version_number", false));
    }
    Ok(keys)
}

fn directed(o: Ordering, ascending: bool) -> Ordering {
    if ascending { o } else { o.reverse() }
}

impl SqlStore {
    /// Names of the models with a row `key = mlflow.prompt.is_prompt, value = 'true'` in
    /// `table` (registered_model_tags or model_version_tags).
    fn prompt_names(&self, conn: &Connection, table: &str) -> Result<HashSet<String>> {
        let sql = format!(
            "SELECT DISTINCT name FROM {table} WHERE workspace = ?1 AND key = ?2 AND value = 'true'"
        );
        let mut st = conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![WS, PROMPT_TAG], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }

    /// MLflow's SqlAlchemyModelRegistryStore `search_registered_models` (the filter as
    /// MLflow's client sends it, with its prompt clause).
    pub(super) fn sql_search_registered_models(
        &self,
        q: &SearchQuery,
    ) -> Result<SearchPage<RegisteredModel>> {
        if q.max_results > 1000 {
            search::check_max_results(Entity::RegisteredModels, q.max_results)
                .map_err(search_error)?;
        }
        let filter = search::parse_registered_model_filter(q.filter).map_err(search_error)?;
        let order = registered_model_order(q.order_by)?;
        search::parse_page_token(q.page_token).map_err(search_error)?;
        let clauses = filter.clauses();
        for c in clauses {
            match c.key.key_type {
                KeyType::Tag => check_tag_comparator(&c.comparator)?,
                _ => match c.comparator {
                    Comparator::Eq
                    | Comparator::NotEq
                    | Comparator::Like
                    | Comparator::ILike
                    | Comparator::In
                    | Comparator::NotIn => {}
                    ref op => return invalid(format!("Invalid comparator for attribute: {op}")),
                },
            }
        }
        let querying_prompt = is_querying_prompt(clauses);
        let tags = tag_filters(clauses, querying_prompt);
        check_run_bindings(
            &clauses
                .iter()
                .filter(|c| c.key.key_type != KeyType::Tag)
                .cloned()
                .collect::<Vec<_>>(),
        )?;

        let conn = self.conn();
        let prompts = if querying_prompt {
            HashSet::new()
        } else {
            self.prompt_names(&conn, "registered_model_tags")?
        };
        let tag_values = self.tag_values(
            &conn,
            "SELECT name, 0, key, value FROM registered_model_tags WHERE workspace = ?1",
        )?;
        let models = self.read_models(&conn, None)?;
        drop(conn);
        let mut models: Vec<RegisteredModel> = models
            .into_iter()
            .filter(|m| !prompts.contains(&m.name))
            .filter(|m| {
                clauses
                    .iter()
                    .filter(|c| c.key.key_type != KeyType::Tag)
                    .all(|c| sql_str(&c.comparator, &m.name, &c.value))
            })
            .filter(|m| {
                tags_match(&tags, |k| {
                    tag_values.get(&(m.name.clone(), 0, k.to_string())).cloned()
                })
            })
            .collect();
        models.sort_by(|a, b| {
            for &(by_name, ascending) in &order {
                let o = if by_name {
                    a.name.cmp(&b.name)
                } else {
                    a.last_updated_timestamp.cmp(&b.last_updated_timestamp)
                };
                let o = directed(o, ascending);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        });
        let (items, next) = sql_paginate(models, q.max_results, q.page_token)?;
        Ok(SearchPage {
            items,
            next_page_token: next,
        })
    }

    /// MLflow's SqlAlchemyModelRegistryStore `search_model_versions` (deleted versions hidden).
    pub(super) fn sql_search_model_versions(
        &self,
        q: &SearchQuery,
    ) -> Result<SearchPage<ModelVersion>> {
        search::check_max_results(Entity::ModelVersions, q.max_results).map_err(search_error)?;
        let filter =
            search::parse_model_version_filter_as_written(q.filter).map_err(search_error)?;
        let clauses = filter.clauses();
        let attributes = version_clauses(clauses)?;
        let querying_prompt = is_querying_prompt(clauses);
        let tags = tag_filters(clauses, querying_prompt);
        let order = model_version_order(q.order_by)?;
        search::parse_page_token(q.page_token).map_err(search_error)?;
        check_run_bindings(
            &clauses
                .iter()
                .filter(|c| c.key.key_type != KeyType::Tag && c.key.name != "version_number")
                .cloned()
                .collect::<Vec<_>>(),
        )?;

        let conn = self.conn();
        let prompts = if querying_prompt {
            HashSet::new()
        } else {
            self.prompt_names(&conn, "model_version_tags")?
        };
        let tag_values = self.tag_values(
            &conn,
            "SELECT name, version, key, value FROM model_version_tags WHERE workspace = ?1",
        )?;
        let versions = self.read_versions(&conn, None, None, false)?;
        drop(conn);
        let mut versions: Vec<ModelVersion> = versions
            .into_iter()
            .filter(|v| !prompts.contains(&v.name))
            .filter(|v| attributes.iter().all(|c| c.matches(v)))
            .filter(|v| {
                tags_match(&tags, |k| {
                    tag_values
                        .get(&(v.name.clone(), v.version, k.to_string()))
                        .cloned()
                })
            })
            .collect();
        versions.sort_by(|a, b| {
            for &(column, ascending) in &order {
                let o = match column {
                    "name" => a.name.cmp(&b.name),
                    "version_number" => a.version.cmp(&b.version),
                    "creation_timestamp" => a.creation_timestamp.cmp(&b.creation_timestamp),
                    _ => a.last_updated_timestamp.cmp(&b.last_updated_timestamp),
                };
                let o = directed(o, ascending);
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        });
        let (items, next) = sql_paginate(versions, q.max_results, q.page_token)?;
        Ok(SearchPage {
            items,
            next_page_token: next,
        })
    }

    /// Tag rows `(name, version, key) -> value` (NULL kept apart from '').
    fn tag_values(
        &self,
        conn: &Connection,
        sql: &str,
    ) -> Result<HashMap<(String, i64, String), Option<String>>> {
        let mut st = conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![WS], |r| {
                Ok((
                    (r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get(2)?),
                    r.get::<_, Option<String>>(3)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<_>>()
            .map_err(|e| self.err(e))
    }
}
