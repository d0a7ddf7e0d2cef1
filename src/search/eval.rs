//! Evaluates parsed filters against entity views (spec §6–§7): comparator checks happen here,
//! lazily, clause by clause from left to right, stopping at the first false clause.

use std::cmp::Ordering;

use super::ast::{Clause, Comparator, KeyType, Value};
use super::entity::{
    Comparators, DATASET_COMPARATORS, EXPERIMENTS, ExperimentView, METRIC_COMPARATORS,
    MODEL_VERSIONS, ModelVersionView, NUMERIC_ATTRIBUTE_COMPARATORS, Needs, PARAM_COMPARATORS,
    REGISTERED_MODELS, RUNS, RegisteredModelView, RunView, STRING_ATTRIBUTE_COMPARATORS,
    run_attribute, translate_run_key,
};
use super::error::{SearchError, fail};
use super::like::like;
use super::parser::parse_filter;
use super::python::{cmp_int_float, float_to_int, py_int, repr_str};

/// The tag that marks a registered model or model version as a prompt.
pub const PROMPT_TAG: &str = "mlflow.prompt.is_prompt";
const PROMPT_CLAUSE: &str = "tag.`mlflow.prompt.is_prompt` != 'true'";
const DELETED_INTERNAL: &str = "Deleted_Internal";

macro_rules! filter_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name {
            clauses: Vec<Clause>,
        }

        impl $name {
            /// The clauses, all of which must hold.
            pub fn clauses(&self) -> &[Clause] {
                &self.clauses
            }

            /// Whether the filter accepts everything.
            pub fn is_empty(&self) -> bool {
                self.clauses.is_empty()
            }
        }
    };
}

filter_type!(
    /// A parsed runs filter.
    RunFilter
);
filter_type!(
    /// A parsed experiments filter.
    ExperimentFilter
);
filter_type!(
    /// A parsed registered-models filter (the prompt clause included, see spec §7.5).
    RegisteredModelFilter
);
filter_type!(
    /// A parsed model-versions filter (the prompt clause included, see spec §7.5).
    ModelVersionFilter
);

/// Parses a runs filter. An empty string means no filter.
pub fn parse_run_filter(filter: &str) -> Result<RunFilter, SearchError> {
    Ok(RunFilter {
        clauses: parse_filter(&RUNS, filter, None)?,
    })
}

/// Parses an experiments filter. An empty string means no filter.
pub fn parse_experiment_filter(filter: &str) -> Result<ExperimentFilter, SearchError> {
    Ok(ExperimentFilter {
        clauses: parse_filter(&EXPERIMENTS, filter, None)?,
    })
}

/// Parses a registered-models filter, appending the clause that hides prompts unless the
/// filter text mentions `mlflow.prompt.is_prompt` anywhere.
pub fn parse_registered_model_filter(filter: &str) -> Result<RegisteredModelFilter, SearchError> {
    let (text, at) = with_prompt_clause(filter);
    Ok(RegisteredModelFilter {
        clauses: parse_filter(&REGISTERED_MODELS, &text, at)?,
    })
}

/// Parses a model-versions filter, with the prompt clause as for registered models.
pub fn parse_model_version_filter(filter: &str) -> Result<ModelVersionFilter, SearchError> {
    let (text, at) = with_prompt_clause(filter);
    Ok(ModelVersionFilter {
        clauses: parse_filter(&MODEL_VERSIONS, &text, at)?,
    })
}

/// Parses a model-versions filter as written, without the prompt clause: MLflow's client adds
/// none for versions, and its SQL store hides prompts itself (an anti-join on the tag).
pub fn parse_model_version_filter_as_written(
    filter: &str,
) -> Result<ModelVersionFilter, SearchError> {
    Ok(ModelVersionFilter {
        clauses: parse_filter(&MODEL_VERSIONS, filter, None)?,
    })
}

/// MLflow's `add_prompt_filter_string(filter, is_prompt=False)`: a plain substring test.
fn with_prompt_clause(filter: &str) -> (String, Option<usize>) {
    if filter.contains(PROMPT_TAG) {
        (filter.to_string(), None)
    } else if filter.is_empty() {
        (PROMPT_CLAUSE.to_string(), Some(0))
    } else {
        (format!("{filter} AND {PROMPT_CLAUSE}"), Some(filter.len()))
    }
}

impl RunFilter {
    /// Whether `run` satisfies every clause. Fails when the first clause `run` cannot be
    /// evaluated against (e.g. an invalid comparator) is reached.
    pub fn matches<V: RunView + ?Sized>(&self, run: &V) -> Result<bool, SearchError> {
        all(&self.clauses, |c| run_clause(c, run))
    }

    /// The metrics, params, tags, datasets and attributes this filter reads.
    pub fn needs(&self) -> Needs {
        let mut needs = Needs::default();
        for c in &self.clauses {
            let key = translate_run_key(&c.key.name).to_string();
            match c.key.key_type {
                KeyType::Metric => {
                    needs.metrics.insert(key);
                }
                KeyType::Param => {
                    needs.params.insert(key);
                }
                KeyType::Tag => {
                    needs.tags.insert(key);
                }
                KeyType::Dataset => needs.datasets = true,
                KeyType::Attribute => needs.attributes.extend(run_attribute(&key)),
            }
        }
        needs
    }
}

impl ExperimentFilter {
    /// Whether `experiment` satisfies every clause (lazy, like [`RunFilter::matches`]).
    pub fn matches<V: ExperimentView + ?Sized>(&self, experiment: &V) -> Result<bool, SearchError> {
        all(&self.clauses, |c| experiment_clause(c, experiment))
    }

    pub fn needs(&self) -> Needs {
        model_needs(&self.clauses, |name| match name {
            "name" => "name",
            "experiment_id" => "experiment_id",
            "creation_time" => "creation_time",
            _ => "last_update_time",
        })
    }
}

impl RegisteredModelFilter {
    /// Whether `model` satisfies every clause (lazy, like [`RunFilter::matches`]).
    pub fn matches<V: RegisteredModelView + ?Sized>(&self, model: &V) -> Result<bool, SearchError> {
        all(&self.clauses, |c| registered_model_clause(c, model))
    }

    pub fn needs(&self) -> Needs {
        model_needs(&self.clauses, |_| "name")
    }
}

impl ModelVersionFilter {
    /// Whether `version` satisfies every clause. A deleted version (stage `Deleted_Internal`)
    /// never matches, even with an empty filter, and is never evaluated.
    pub fn matches<V: ModelVersionView + ?Sized>(&self, version: &V) -> Result<bool, SearchError> {
        if version.current_stage() == DELETED_INTERNAL {
            return Ok(false);
        }
        all(&self.clauses, |c| model_version_clause(c, version))
    }

    pub fn needs(&self) -> Needs {
        let mut needs = model_needs(&self.clauses, |name| match name {
            "name" => "name",
            "run_id" => "run_id",
            "source_path" => "source",
            _ => "version",
        });
        needs.attributes.insert("current_stage");
        needs
    }
}

fn model_needs(clauses: &[Clause], attribute: impl Fn(&str) -> &'static str) -> Needs {
    let mut needs = Needs::default();
    for c in clauses {
        match c.key.key_type {
            KeyType::Tag => {
                needs.tags.insert(c.key.name.clone());
            }
            _ => {
                needs.attributes.insert(attribute(&c.key.name));
            }
        }
    }
    needs
}

/// Keeps the items `matches` accepts, in order; the first evaluation error wins.
pub fn retain_matching<T>(
    items: Vec<T>,
    mut matches: impl FnMut(&T) -> Result<bool, SearchError>,
) -> Result<Vec<T>, SearchError> {
    let mut out = Vec::new();
    for item in items {
        if matches(&item)? {
            out.push(item);
        }
    }
    Ok(out)
}

fn all(
    clauses: &[Clause],
    mut eval: impl FnMut(&Clause) -> Result<bool, SearchError>,
) -> Result<bool, SearchError> {
    for c in clauses {
        if !eval(c)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn check(comparators: &Comparators, op: &Comparator) -> Result<(), SearchError> {
    if comparators.allows(op.as_str()) {
        Ok(())
    } else {
        fail(comparators.error(op.as_str()))
    }
}

fn run_clause<V: RunView + ?Sized>(c: &Clause, run: &V) -> Result<bool, SearchError> {
    let op = &c.comparator;
    let key = translate_run_key(&c.key.name);
    match c.key.key_type {
        KeyType::Metric => {
            check(&METRIC_COMPARATORS, op)?;
            let rhs = match c.value {
                Value::Float(f) => f,
                _ => f64::NAN,
            };
            Ok(run
                .metric(key)
                .is_some_and(|lhs| compare_floats(op, lhs, rhs)))
        }
        KeyType::Param => {
            check(&PARAM_COMPARATORS, op)?;
            compare_optional_str(op, run.param(key).as_deref(), &c.value)
        }
        KeyType::Tag => {
            check(RUNS.tag_comparators, op)?;
            compare_optional_str(op, run.tag(key).as_deref(), &c.value)
        }
        KeyType::Attribute if !RUNS.is_numeric_attribute(key) => {
            check(&STRING_ATTRIBUTE_COMPARATORS, op)?;
            let lhs = match key {
                "run_id" => Some(run.run_id()),
                "run_name" => run.run_name(),
                "status" => Some(run.status()),
                "user_id" => Some(run.user_id()),
                "artifact_uri" => Some(run.artifact_uri()),
                _ => None,
            };
            compare_optional_str(op, lhs, &c.value)
        }
        KeyType::Attribute => {
            check(&NUMERIC_ATTRIBUTE_COMPARATORS, op)?;
            let lhs = if key == "end_time" {
                run.end_time()
            } else {
                run.start_time()
            };
            Ok(lhs.is_some_and(|lhs| compare_int_value(op, i128::from(lhs), &c.value)))
        }
        KeyType::Dataset => {
            check(&DATASET_COMPARATORS, op)?;
            for ds in run.datasets() {
                let lhs = match key {
                    "name" => Some(ds.name.as_str()),
                    "digest" => Some(ds.digest.as_str()),
                    _ => ds.context.as_deref(),
                };
                // Only inputs carrying a context tag take part in `dataset.context` clauses.
                if let Some(lhs) = lhs
                    && compare_str(op, lhs, &c.value)?
                {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn experiment_clause<V: ExperimentView + ?Sized>(c: &Clause, exp: &V) -> Result<bool, SearchError> {
    let op = &c.comparator;
    let key = c.key.name.as_str();
    match c.key.key_type {
        KeyType::Attribute if !EXPERIMENTS.is_numeric_attribute(key) => {
            check(&STRING_ATTRIBUTE_COMPARATORS, op)?;
            let lhs = if key == "name" {
                exp.name()
            } else {
                exp.experiment_id()
            };
            compare_str(op, lhs, &c.value)
        }
        KeyType::Attribute => {
            check(&NUMERIC_ATTRIBUTE_COMPARATORS, op)?;
            let lhs = if key == "creation_time" {
                exp.creation_time()
            } else {
                exp.last_update_time()
            };
            // MLflow converts the literal with `float`.
            let rhs = match c.value {
                Value::Int(i) => i as f64,
                Value::Float(f) => f,
                _ => f64::NAN,
            };
            match lhs {
                Some(lhs) => Ok(holds(op, cmp_int_float(i128::from(lhs), rhs))),
                None => match op {
                    Comparator::Eq => Ok(false),
                    Comparator::NotEq => Ok(true),
                    _ => fail(format!(
                        "Cannot compare experiment {} with '{}': the experiment has no {}",
                        repr_str(exp.experiment_id()),
                        op,
                        key
                    )),
                },
            }
        }
        _ => {
            check(EXPERIMENTS.tag_comparators, op)?;
            compare_optional_str(op, exp.tag(key).as_deref(), &c.value)
        }
    }
}

fn registered_model_clause<V: RegisteredModelView + ?Sized>(
    c: &Clause,
    model: &V,
) -> Result<bool, SearchError> {
    let op = &c.comparator;
    match c.key.key_type {
        KeyType::Attribute => {
            check(&STRING_ATTRIBUTE_COMPARATORS, op)?;
            compare_str(op, model.name(), &c.value)
        }
        _ => {
            check(REGISTERED_MODELS.tag_comparators, op)?;
            tag_with_prompt_rule(op, &c.key.name, model.tag(&c.key.name).as_deref(), &c.value)
        }
    }
}

fn model_version_clause<V: ModelVersionView + ?Sized>(
    c: &Clause,
    mv: &V,
) -> Result<bool, SearchError> {
    let op = &c.comparator;
    let key = c.key.name.as_str();
    match c.key.key_type {
        KeyType::Attribute if !MODEL_VERSIONS.is_numeric_attribute(key) => {
            check(&STRING_ATTRIBUTE_COMPARATORS, op)?;
            let lhs = match key {
                "name" => Some(mv.name()),
                "run_id" => mv.run_id(),
                _ => mv.source(),
            };
            match lhs {
                Some(lhs) => compare_str(op, lhs, &c.value),
                None => Ok(false),
            }
        }
        KeyType::Attribute => {
            check(&NUMERIC_ATTRIBUTE_COMPARATORS, op)?;
            let rhs = version_number(&c.value)?;
            Ok(holds(op, Some(i128::from(mv.version()).cmp(&rhs))))
        }
        _ => {
            check(MODEL_VERSIONS.tag_comparators, op)?;
            tag_with_prompt_rule(op, key, mv.tag(key).as_deref(), &c.value)
        }
    }
}

/// Python `int(value)` for a `version_number` literal, which MLflow applies lazily.
fn version_number(value: &Value) -> Result<i128, SearchError> {
    match value {
        Value::Int(i) => Ok(*i),
        Value::Float(f) => match float_to_int(*f) {
            Some(i) => Ok(i),
            None => fail(format!(
                "Invalid version_number value: cannot convert float {f} to integer"
            )),
        },
        Value::Str(s) => match py_int(s) {
            Some(i) => Ok(i),
            None => fail(format!(
                "Invalid version_number value: invalid literal for int() with base 10: {}",
                repr_str(s)
            )),
        },
        _ => fail("Invalid version_number value"),
    }
}

/// A registered-model or model-version tag comparison. A missing prompt tag counts as "not a
/// prompt": true exactly for `= 'false'` and `!= 'true'`.
fn tag_with_prompt_rule(
    op: &Comparator,
    key: &str,
    lhs: Option<&str>,
    value: &Value,
) -> Result<bool, SearchError> {
    match lhs {
        None if key == PROMPT_TAG => Ok(matches!(
            (op, value),
            (Comparator::Eq, Value::Str(v)) if v == "false"
        ) || matches!((op, value), (Comparator::NotEq, Value::Str(v)) if v == "true")),
        None => Ok(false),
        Some(lhs) => compare_str(op, lhs, value),
    }
}

/// IS NULL / IS NOT NULL test presence; any other comparator is false on a missing value.
fn compare_optional_str(
    op: &Comparator,
    lhs: Option<&str>,
    value: &Value,
) -> Result<bool, SearchError> {
    match (op, lhs) {
        (Comparator::IsNull, _) => Ok(lhs.is_none()),
        (Comparator::IsNotNull, _) => Ok(lhs.is_some()),
        (_, None) => Ok(false),
        (_, Some(lhs)) => compare_str(op, lhs, value),
    }
}

/// A string comparison with Python semantics (`str == tuple` is false, `in` on a tuple).
fn compare_str(op: &Comparator, lhs: &str, value: &Value) -> Result<bool, SearchError> {
    Ok(match (op, value) {
        (Comparator::Eq, Value::Str(v)) => lhs == v,
        (Comparator::NotEq, Value::Str(v)) => lhs != v,
        (Comparator::Eq, _) => false,
        (Comparator::NotEq, _) => true,
        (Comparator::Like, Value::Str(v)) => like(lhs, v, false),
        (Comparator::ILike, Value::Str(v)) => like(lhs, v, true),
        (Comparator::Like | Comparator::ILike, _) => {
            return fail(format!("{op} needs a quoted string value, not a list"));
        }
        (Comparator::In, Value::List(items)) => items.iter().any(|i| i == lhs),
        (Comparator::NotIn, Value::List(items)) => !items.iter().any(|i| i == lhs),
        (Comparator::In, Value::Str(v)) => v.contains(lhs),
        (Comparator::NotIn, Value::Str(v)) => !v.contains(lhs),
        _ => false,
    })
}

/// IEEE comparison: NaN is only `!=` to anything; `-0.0 == 0.0`.
fn compare_floats(op: &Comparator, lhs: f64, rhs: f64) -> bool {
    match op {
        Comparator::Eq => lhs == rhs,
        Comparator::NotEq => lhs != rhs,
        Comparator::Lt => lhs < rhs,
        Comparator::LtEq => lhs <= rhs,
        Comparator::Gt => lhs > rhs,
        Comparator::GtEq => lhs >= rhs,
        _ => false,
    }
}

/// An integer attribute against an Int or Float literal, compared exactly as Python does.
fn compare_int_value(op: &Comparator, lhs: i128, value: &Value) -> bool {
    let ordering = match value {
        Value::Int(i) => Some(lhs.cmp(i)),
        Value::Float(f) => cmp_int_float(lhs, *f),
        _ => None,
    };
    holds(op, ordering)
}

/// Whether `op` holds for an ordering (`None` stands for a NaN operand).
fn holds(op: &Comparator, ordering: Option<Ordering>) -> bool {
    match (op, ordering) {
        (Comparator::NotEq, None) => true,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::testing::{MemExperiment, MemModel, MemRun, MemVersion};

    fn run_ids(filter: &str, runs: &[MemRun]) -> Result<Vec<String>, String> {
        let f = parse_run_filter(filter).map_err(|e| e.message)?;
        let mut out = Vec::new();
        for r in runs {
            if f.matches(r).map_err(|e| e.message)? {
                out.push(r.id.clone());
            }
        }
        Ok(out)
    }

    fn metric_runs() -> Vec<MemRun> {
        vec![
            MemRun::new("a", 1).metric("m", 0.5),
            MemRun::new("nan", 2).metric("m", f64::NAN),
            MemRun::new("negzero", 3).metric("m", -0.0),
            MemRun::new("inf", 4).metric("m", f64::INFINITY),
            MemRun::new("missing", 5),
        ]
    }

    #[test]
    fn nan_metric_matches_only_not_equal() {
        let runs = metric_runs();
        assert_eq!(
            run_ids("metrics.m != 0.5", &runs).unwrap(),
            ["nan", "negzero", "inf"]
        );
        assert_eq!(
            run_ids("metrics.m < 1e999", &runs).unwrap(),
            ["a", "negzero"]
        );
        assert_eq!(
            run_ids("metrics.m >= -1e999", &runs).unwrap(),
            ["a", "negzero", "inf"]
        );
    }

    #[test]
    fn negative_zero_equals_integer_zero() {
        assert_eq!(
            run_ids("metrics.m = 0", &metric_runs()).unwrap(),
            ["negzero"]
        );
    }

    #[test]
    fn missing_key_fails_every_comparison_even_not_equal() {
        let runs = [MemRun::new("a", 1).param("p", "x"), MemRun::new("b", 2)];
        assert_eq!(run_ids("params.p != 'y'", &runs).unwrap(), ["a"]);
        assert_eq!(
            run_ids("tags.t != 'y'", &runs).unwrap(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn is_null_tests_presence_and_empty_value_counts_as_present() {
        let runs = [MemRun::new("a", 1).param("p", ""), MemRun::new("b", 2)];
        assert_eq!(run_ids("params.p IS NULL", &runs).unwrap(), ["b"]);
        assert_eq!(run_ids("params.p IS NOT NULL", &runs).unwrap(), ["a"]);
        assert_eq!(run_ids("params.p = ''", &runs).unwrap(), ["a"]);
    }

    #[test]
    fn invalid_comparator_errors_only_when_clause_is_reached() {
        let runs = metric_runs();
        assert_eq!(
            run_ids("metrics.m > 1e999 AND metrics.m LIKE 1", &runs).unwrap(),
            Vec::<String>::new()
        );
        // The run with an infinite metric passes the first clause and reaches the bad one.
        assert!(run_ids("metrics.m > 100 AND metrics.m LIKE 1", &runs).is_err());
        assert_eq!(
            run_ids("metrics.m LIKE 1 AND metrics.m > 100", &runs).unwrap_err(),
            "Invalid comparator 'LIKE' not one of '{'!=', '<', '<=', '=', '>', '>='}"
        );
        assert_eq!(
            run_ids("metrics.m LIKE 1", &[]).unwrap(),
            Vec::<String>::new()
        );
    }

    #[test]
    fn evaluation_stops_at_first_false_clause_and_reads_only_needed_keys() {
        let run = MemRun::new("a", 1).param("p", "x").tag("t", "y");
        let f =
            parse_run_filter("params.p = 'nope' AND tags.t = 'y' AND dataset.name = 'd'").unwrap();
        assert!(!f.matches(&run).unwrap());
        assert_eq!(run.calls(), ["param:p"]);
    }

    #[test]
    fn null_end_time_never_matches() {
        let mut running = MemRun::new("running", 1);
        running.end = None;
        let runs = [running, MemRun::new("done", 2)];
        assert_eq!(run_ids("end_time != 0", &runs).unwrap(), ["done"]);
    }

    #[test]
    fn start_time_compares_int_and_float_exactly() {
        let runs = [
            MemRun::new("a", 1_700_000_104_000),
            MemRun::new("b", 1_700_000_104_001),
        ];
        assert_eq!(
            run_ids("start_time >= 1700000104000.5", &runs).unwrap(),
            ["b"]
        );
        assert_eq!(run_ids("created = 1700000104000", &runs).unwrap(), ["a"]);
        assert_eq!(run_ids("Created > 1700000104000.0", &runs).unwrap(), ["b"]);
    }

    #[test]
    fn run_name_aliases_read_run_name() {
        let mut unnamed = MemRun::new("u", 1);
        unnamed.name = None;
        let runs = [MemRun::new("a", 1), unnamed];
        assert_eq!(run_ids("`Run name` = 'a'", &runs).unwrap(), ["a"]);
        assert_eq!(run_ids("\"run name\" != 'x'", &runs).unwrap(), ["a"]);
    }

    #[test]
    fn aliases_apply_to_every_key_type_like_mlflow() {
        // MLflow translates `created` before looking at the key type.
        let runs = [MemRun::new("a", 1)
            .metric("start_time", 5.0)
            .metric("created", 1.0)];
        assert_eq!(run_ids("metrics.created = 5", &runs).unwrap(), ["a"]);
        let f = parse_run_filter("metrics.created > 1 AND tags.`run name` = 'x'").unwrap();
        assert!(f.needs().metrics.contains("start_time"));
        assert!(f.needs().tags.contains("run_name"));
    }

    #[test]
    fn string_attributes_are_case_sensitive() {
        let runs = [MemRun::new("a", 1)];
        assert_eq!(run_ids("status = 'FINISHED'", &runs).unwrap(), ["a"]);
        assert_eq!(
            run_ids("status = 'finished'", &runs).unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(run_ids("status ILIKE 'finished'", &runs).unwrap(), ["a"]);
    }

    #[test]
    fn in_and_not_in_test_membership() {
        let runs = [
            MemRun::new("a", 1),
            MemRun::new("b", 2),
            MemRun::new("c", 3),
        ];
        assert_eq!(run_ids("run_id IN ('a', 'c')", &runs).unwrap(), ["a", "c"]);
        assert_eq!(run_ids("run_id NOT IN ('a')", &runs).unwrap(), ["b", "c"]);
        assert_eq!(run_ids("run_id IN ('\\x61')", &runs).unwrap(), ["a"]);
    }

    #[test]
    fn list_value_with_equals_never_matches_and_not_equals_always_does() {
        let runs = [MemRun::new("a", 1)];
        assert_eq!(
            run_ids("run_id = ('a')", &runs).unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(run_ids("run_id != ('a')", &runs).unwrap(), ["a"]);
        assert!(
            run_ids("run_id LIKE ('a')", &runs)
                .unwrap_err()
                .contains("not a list")
        );
    }

    #[test]
    fn dataset_clauses_use_any_semantics_and_are_not_correlated() {
        let runs = [
            MemRun::new("a", 1)
                .dataset("train", "d1", Some("training"))
                .dataset("eval", "d2", None),
            MemRun::new("b", 2).dataset("train", "d3", Some("eval")),
            MemRun::new("none", 3),
        ];
        assert_eq!(run_ids("dataset.name = 'eval'", &runs).unwrap(), ["a"]);
        assert_eq!(run_ids("dataset.name != 'train'", &runs).unwrap(), ["a"]);
        assert_eq!(
            run_ids("dataset.name = 'eval' AND dataset.digest = 'd1'", &runs).unwrap(),
            ["a"]
        );
        assert_eq!(
            run_ids("dataset.name NOT IN ('x')", &runs).unwrap(),
            ["a", "b"]
        );
    }

    #[test]
    fn dataset_context_only_counts_inputs_with_a_context_tag() {
        let runs = [
            MemRun::new("a", 1).dataset("eval", "d2", None),
            MemRun::new("b", 2).dataset("t", "d", Some("x")),
        ];
        assert_eq!(run_ids("dataset.context != 'y'", &runs).unwrap(), ["b"]);
    }

    #[test]
    fn like_is_case_sensitive_and_ilike_is_not() {
        let runs = [
            MemRun::new("a", 1).param("o", "Adam"),
            MemRun::new("b", 2).param("o", "adam"),
        ];
        assert_eq!(run_ids("params.o LIKE 'a%'", &runs).unwrap(), ["b"]);
        assert_eq!(run_ids("params.o ILIKE 'A%'", &runs).unwrap(), ["a", "b"]);
    }

    #[test]
    fn needs_lists_what_the_filter_reads() {
        let f = parse_run_filter("metrics.acc > 1 AND params.lr = '1' AND tags.t = 'x' AND dataset.name = 'd' AND created > 0")
            .unwrap();
        let n = f.needs();
        assert_eq!(n.metrics.iter().collect::<Vec<_>>(), ["acc"]);
        assert_eq!(n.params.iter().collect::<Vec<_>>(), ["lr"]);
        assert_eq!(n.tags.iter().collect::<Vec<_>>(), ["t"]);
        assert!(n.datasets);
        assert_eq!(n.attributes.iter().collect::<Vec<_>>(), [&"start_time"]);
    }

    fn exp_ids(filter: &str, exps: &[MemExperiment]) -> Result<Vec<String>, String> {
        let f = parse_experiment_filter(filter).map_err(|e| e.message)?;
        retain_matching(exps.to_vec(), |e| f.matches(e))
            .map(|v| v.into_iter().map(|e| e.id).collect())
            .map_err(|e| e.message)
    }

    #[test]
    fn experiment_tags_support_is_null() {
        let exps = [
            MemExperiment::new("1", "a", Some(1)).tag("t", ""),
            MemExperiment::new("2", "b", Some(2)),
        ];
        assert_eq!(exp_ids("tags.t IS NULL", &exps).unwrap(), ["2"]);
        assert_eq!(exp_ids("tags.t IS NOT NULL", &exps).unwrap(), ["1"]);
        assert_eq!(exp_ids("tags.t != 'x'", &exps).unwrap(), ["1"]);
    }

    #[test]
    fn experiment_id_is_a_string_attribute() {
        let exps = [
            MemExperiment::new("10", "a", Some(1)),
            MemExperiment::new("9", "b", Some(2)),
        ];
        assert_eq!(
            exp_ids("experiment_id IN ('9', '0')", &exps).unwrap(),
            ["9"]
        );
        assert_eq!(exp_ids("experiment_id LIKE '1%'", &exps).unwrap(), ["10"]);
    }

    #[test]
    fn experiment_time_without_value_is_unequal_and_refuses_ordering() {
        let exps = [MemExperiment::new("1", "a", None)];
        assert_eq!(exp_ids("creation_time != 5", &exps).unwrap(), ["1"]);
        assert_eq!(
            exp_ids("creation_time = 5", &exps).unwrap(),
            Vec::<String>::new()
        );
        assert!(exp_ids("creation_time > 5", &exps).is_err());
    }

    fn model_names(filter: &str, models: &[MemModel]) -> Result<Vec<String>, String> {
        let f = parse_registered_model_filter(filter).map_err(|e| e.message)?;
        retain_matching(models.to_vec(), |m| f.matches(m))
            .map(|v| v.into_iter().map(|m| m.name).collect())
            .map_err(|e| e.message)
    }

    fn models() -> Vec<MemModel> {
        vec![
            MemModel::new("plain", 1, 1).tag("team", "a"),
            MemModel::new("prompt", 2, 2).tag(PROMPT_TAG, "true"),
            MemModel::new("not-prompt", 3, 3).tag(PROMPT_TAG, "false"),
        ]
    }

    #[test]
    fn prompt_models_are_hidden_by_the_appended_clause() {
        assert_eq!(model_names("", &models()).unwrap(), ["plain", "not-prompt"]);
        assert_eq!(
            model_names(" ", &models()).unwrap(),
            ["plain", "not-prompt"]
        );
        assert_eq!(
            model_names("name LIKE '%'", &models()).unwrap(),
            ["plain", "not-prompt"]
        );
    }

    #[test]
    fn mentioning_the_prompt_key_anywhere_drops_the_clause() {
        assert_eq!(
            model_names("name != 'mlflow.prompt.is_prompt'", &models()).unwrap(),
            ["plain", "prompt", "not-prompt"]
        );
        assert_eq!(
            model_names("tags.`mlflow.prompt.is_prompt` = 'true'", &models()).unwrap(),
            ["prompt"]
        );
    }

    #[test]
    fn missing_prompt_tag_counts_as_false() {
        assert_eq!(
            model_names("tags.`mlflow.prompt.is_prompt` = 'false'", &models()).unwrap(),
            ["plain", "not-prompt"]
        );
        assert_eq!(
            model_names("tags.`mlflow.prompt.is_prompt` LIKE 'f%'", &models()).unwrap(),
            ["not-prompt"]
        );
    }

    #[test]
    fn missing_model_tag_fails_even_not_equal() {
        assert_eq!(
            model_names("tags.team != 'b'", &models()).unwrap(),
            ["plain"]
        );
    }

    #[test]
    fn model_tags_reject_is_null() {
        assert!(
            model_names("tags.team IS NULL", &models())
                .unwrap_err()
                .contains("registered models")
        );
    }

    fn version_ids(filter: &str, versions: &[MemVersion]) -> Result<Vec<i64>, String> {
        let f = parse_model_version_filter(filter).map_err(|e| e.message)?;
        retain_matching(versions.to_vec(), |v| f.matches(v))
            .map(|v| v.into_iter().map(|m| m.version).collect())
            .map_err(|e| e.message)
    }

    fn versions() -> Vec<MemVersion> {
        let mut no_run = MemVersion::new("m", 10, 1);
        no_run.run_id = None;
        let mut deleted = MemVersion::new("m", 3, 1);
        deleted.stage = "Deleted_Internal".into();
        vec![
            MemVersion::new("m", 1, 1),
            MemVersion::new("m", 2, 1),
            no_run,
            MemVersion::new("m", 9, 1).tag(PROMPT_TAG, "true"),
            deleted,
        ]
    }

    #[test]
    fn version_number_goes_through_python_int() {
        assert_eq!(
            version_ids("version_number = '10'", &versions()).unwrap(),
            [10]
        );
        assert_eq!(
            version_ids("version_number >= 2.5", &versions()).unwrap(),
            [2, 10]
        );
        assert_eq!(
            version_ids("version_number = 1.9", &versions()).unwrap(),
            [1]
        );
        assert!(
            version_ids("version_number = 'abc'", &versions())
                .unwrap_err()
                .contains("'abc'")
        );
    }

    #[test]
    fn deleted_versions_never_match() {
        assert_eq!(version_ids("", &versions()).unwrap(), [1, 2, 10]);
        assert_eq!(
            version_ids("version_number = 3", &versions()).unwrap(),
            Vec::<i64>::new()
        );
    }

    #[test]
    fn version_without_run_never_matches_run_id() {
        assert_eq!(version_ids("run_id != 'x'", &versions()).unwrap(), [1, 2]);
        assert_eq!(
            version_ids("run_id NOT IN ('run1')", &versions()).unwrap(),
            [2]
        );
    }

    #[test]
    fn version_prompt_tag_is_the_versions_own() {
        assert_eq!(
            version_ids("tags.`mlflow.prompt.is_prompt` = 'true'", &versions()).unwrap(),
            [9]
        );
    }
}
