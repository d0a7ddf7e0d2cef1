//! `--columns metrics.accuracy,params.lr,tags.team,status`: which run attributes, metrics,
//! params and tags a run listing shows. Used by `runs list` and meant for `runs search` too.

use serde_json::{Map, Value, json};

use mlrs::entities::Run;
use mlrs::entities::RunParts;
use mlrs::store::metric_history::python_float_repr;
use mlrs::{Error, Result};

use super::Table;
use super::json as j;

/// The run attributes a column may name, as in MLflow's `attributes.*`.
pub const ATTRIBUTES: [&str; 9] = [
    "run_id",
    "run_name",
    "experiment_id",
    "user_id",
    "status",
    "start_time",
    "end_time",
    "artifact_uri",
    "lifecycle_stage",
];

/// One requested column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Attribute(&'static str),
    Metric(String),
    Param(String),
    Tag(String),
}

impl Column {
    /// The header: `metrics.KEY`, `params.KEY`, `tags.KEY` or the attribute's name.
    pub fn header(&self) -> String {
        match self {
            Column::Attribute(a) => a.to_string(),
            Column::Metric(k) => format!("metrics.{k}"),
            Column::Param(k) => format!("params.{k}"),
            Column::Tag(k) => format!("tags.{k}"),
        }
    }
}

/// Parses a comma-separated column list. Prefixes are MLflow's search identifiers
/// (`metric(s)`, `param(s)`/`parameter(s)`, `tag(s)`, `attribute(s)`/`attr`/`run`); a key may
/// be quoted in backticks or double quotes; a bare name must be an attribute. When the list
/// names no attribute, the run's name and id lead, so every row says which run it is.
pub fn parse_columns(spec: &str) -> Result<Vec<Column>> {
    let mut out = Vec::new();
    for item in spec.split(',') {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        let (prefix, key) = match item.split_once('.') {
            Some((p, k)) => (Some(p), k),
            None => (None, item),
        };
        let key = unquote(key);
        let column = match prefix.map(str::to_ascii_lowercase).as_deref() {
            Some("metric" | "metrics") => Column::Metric(key),
            Some("param" | "params" | "parameter" | "parameters") => Column::Param(key),
            Some("tag" | "tags") => Column::Tag(key),
            Some("attribute" | "attributes" | "attr" | "run") | None => {
                let name = key.to_ascii_lowercase();
                match ATTRIBUTES.iter().find(|a| **a == name) {
                    Some(a) => Column::Attribute(a),
                    None => return Err(unknown(item)),
                }
            }
            Some(_) => return Err(unknown(item)),
        };
        if key_is_empty(&column) {
            return Err(unknown(item));
        }
        if !out.contains(&column) {
            out.push(column);
        }
    }
    if out.is_empty() {
        return Err(Error::invalid("--columns needs at least one column"));
    }
    if !out.iter().any(|c| matches!(c, Column::Attribute(_))) {
        out.insert(0, Column::Attribute("run_id"));
        out.insert(0, Column::Attribute("run_name"));
    }
    Ok(out)
}

fn key_is_empty(c: &Column) -> bool {
    matches!(c, Column::Metric(k) | Column::Param(k) | Column::Tag(k) if k.is_empty())
}

fn unquote(key: &str) -> String {
    for q in ['`', '"'] {
        if key.len() >= 2 && key.starts_with(q) && key.ends_with(q) {
            return key[1..key.len() - 1].to_string();
        }
    }
    key.to_string()
}

fn unknown(item: &str) -> Error {
    Error::invalid(format!(
        "invalid column '{item}': expected metrics.KEY, params.KEY, tags.KEY or one of {}",
        ATTRIBUTES.join(", ")
    ))
}

/// The parts of each run that must be read to fill `columns`.
pub fn needed_parts(columns: &[Column]) -> RunParts {
    RunParts {
        metrics: columns.iter().any(|c| matches!(c, Column::Metric(_))),
        params: columns.iter().any(|c| matches!(c, Column::Param(_))),
        tags: columns.iter().any(|c| matches!(c, Column::Tag(_))),
        inputs: false,
    }
}

/// A table of `runs` with exactly `columns`; an absent value is an empty cell. Times go
/// through `time` (tables show local time), metric values are Python's float repr.
pub fn runs_table(runs: &[Run], columns: &[Column], time: impl Fn(Option<i64>) -> String) -> Table {
    let mut t = Table {
        headers: columns.iter().map(Column::header).collect(),
        ..Table::default()
    };
    for r in runs {
        t.row(columns.iter().map(|c| cell(r, c, &time)).collect());
    }
    t
}

pub fn cell(r: &Run, c: &Column, time: &impl Fn(Option<i64>) -> String) -> String {
    let i = &r.info;
    match c {
        Column::Attribute(a) => match *a {
            "run_id" => i.run_id.clone(),
            "run_name" => i.run_name.clone(),
            "experiment_id" => i.experiment_id.clone(),
            "user_id" => i.user_id.clone(),
            "status" => i.status.to_string(),
            "start_time" => time(i.start_time),
            "end_time" => time(i.end_time),
            "artifact_uri" => i.artifact_uri.clone(),
            "lifecycle_stage" => i.lifecycle_stage.to_string(),
            _ => String::new(),
        },
        Column::Metric(k) => r
            .data
            .metrics
            .get(k)
            .map(|m| python_float_repr(m.value))
            .unwrap_or_default(),
        Column::Param(k) => r.data.params.get(k).cloned().unwrap_or_default(),
        Column::Tag(k) => r.data.tags.get(k).cloned().unwrap_or_default(),
    }
}

/// A run document (`{"info", "data"}`) whose `data` holds only the requested keys that the
/// run has, for `-o json` with `--columns`.
pub fn run_json(r: &Run, columns: &[Column]) -> Value {
    let mut metrics = Map::new();
    let mut params = Map::new();
    let mut tags = Map::new();
    for c in columns {
        match c {
            Column::Metric(k) => {
                if let Some(m) = r.data.metrics.get(k) {
                    metrics.insert(k.clone(), j::float(m.value));
                }
            }
            Column::Param(k) => {
                if let Some(v) = r.data.params.get(k) {
                    params.insert(k.clone(), Value::String(v.clone()));
                }
            }
            Column::Tag(k) => {
                if let Some(v) = r.data.tags.get(k) {
                    tags.insert(k.clone(), Value::String(v.clone()));
                }
            }
            Column::Attribute(_) => {}
        }
    }
    json!({
        "info": j::run_info(&r.info),
        "data": { "metrics": metrics, "params": params, "tags": tags },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_follow_mlflow_search_identifiers() {
        let c = parse_columns("metric.acc, params.lr,tag.team,attributes.status").unwrap();
        assert_eq!(
            c,
            vec![
                Column::Metric("acc".into()),
                Column::Param("lr".into()),
                Column::Tag("team".into()),
                Column::Attribute("status"),
            ]
        );
    }

    #[test]
    fn without_an_attribute_name_and_id_lead() {
        let c = parse_columns("metrics.acc").unwrap();
        assert_eq!(c[0], Column::Attribute("run_name"));
        assert_eq!(c[1], Column::Attribute("run_id"));
        assert_eq!(c[2].header(), "metrics.acc");
    }

    #[test]
    fn quoted_keys_keep_dots_and_spaces() {
        let c = parse_columns("metrics.`f1 score`,params.\"a.b\",run_id").unwrap();
        assert_eq!(c[0].header(), "metrics.f1 score");
        assert_eq!(c[1].header(), "params.a.b");
    }

    #[test]
    fn unknown_columns_are_invalid_values() {
        for bad in ["accuracy", "foo.bar", "metrics.", ""] {
            let e = parse_columns(bad).unwrap_err();
            assert_eq!(i32::from(e.exit_code()), 5, "{bad}");
        }
    }
}
