//! What each searchable entity declares: its key prefixes, attribute keys, comparators per key
//! type, order_by keys and tie-breakers, and the view trait the store implements for it.

use std::collections::BTreeSet;

use super::ast::KeyType;
use super::python::repr_str;

/// The four searchable entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entity {
    Runs,
    Experiments,
    RegisteredModels,
    ModelVersions,
}

/// A run's dataset input, as the filter `dataset.<key>` sees it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DatasetRef {
    pub name: String,
    pub digest: String,
    /// The value of the input's `mlflow.data.context` tag, if it has one.
    pub context: Option<String>,
}

/// A run as search sees it. Every method may be expensive (it may read files); search calls
/// only those a clause or sort key needs, once per clause per run.
pub trait RunView {
    fn run_id(&self) -> &str;
    /// From meta.yaml, or the `mlflow.runName` tag when that is empty.
    fn run_name(&self) -> Option<&str>;
    /// `RUNNING`, `SCHEDULED`, `FINISHED`, `FAILED` or `KILLED`.
    fn status(&self) -> &str;
    fn user_id(&self) -> &str;
    /// The full URI, e.g. `file:///.../<exp>/<run>/artifacts`.
    fn artifact_uri(&self) -> &str;
    /// Milliseconds since the epoch.
    fn start_time(&self) -> Option<i64>;
    /// `None` for RUNNING and SCHEDULED runs.
    fn end_time(&self) -> Option<i64>;
    /// The latest value: the maximum of (step, timestamp, value) over the key's history.
    fn metric(&self, key: &str) -> Option<f64>;
    fn param(&self, key: &str) -> Option<String>;
    fn tag(&self, key: &str) -> Option<String>;
    fn datasets(&self) -> Vec<DatasetRef>;
}

/// An experiment as search sees it.
pub trait ExperimentView {
    fn experiment_id(&self) -> &str;
    fn name(&self) -> &str;
    fn creation_time(&self) -> Option<i64>;
    fn last_update_time(&self) -> Option<i64>;
    fn tag(&self, key: &str) -> Option<String>;
}

/// A registered model as search sees it. `tag` must see every tag, `mlflow.*` included.
pub trait RegisteredModelView {
    fn name(&self) -> &str;
    fn creation_timestamp(&self) -> Option<i64>;
    fn last_updated_timestamp(&self) -> Option<i64>;
    fn tag(&self, key: &str) -> Option<String>;
}

/// A model version as search sees it. `tag` is the version's own tag, not its model's.
pub trait ModelVersionView {
    fn name(&self) -> &str;
    fn version(&self) -> i64;
    /// `None` for a version registered without a run.
    fn run_id(&self) -> Option<&str>;
    /// The version's `source` (searched as `source_path`).
    fn source(&self) -> Option<&str>;
    /// `None`, `Staging`, `Production`, `Archived`, or `Deleted_Internal` for a deleted version.
    fn current_stage(&self) -> &str;
    fn creation_timestamp(&self) -> Option<i64>;
    fn last_updated_timestamp(&self) -> Option<i64>;
    fn tag(&self, key: &str) -> Option<String>;
}

/// The data a filter or an order_by reads, so the caller can plan its I/O.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Needs {
    pub metrics: BTreeSet<String>,
    pub params: BTreeSet<String>,
    pub tags: BTreeSet<String>,
    /// Run dataset inputs (`dataset.name`, `dataset.digest`, `dataset.context`).
    pub datasets: bool,
    /// Attributes by their canonical name (`start_time` for `created`, `source` for
    /// `source_path`, `version` for `version_number`).
    pub attributes: BTreeSet<&'static str>,
}

impl Needs {
    /// Adds everything `other` needs.
    pub fn merge(&mut self, other: &Needs) {
        self.metrics.extend(other.metrics.iter().cloned());
        self.params.extend(other.params.iter().cloned());
        self.tags.extend(other.tags.iter().cloned());
        self.datasets |= other.datasets;
        self.attributes.extend(other.attributes.iter().copied());
    }
}

/// A set of comparators and how MLflow words the error when another one is used.
pub(crate) struct Comparators {
    pub allowed: &'static [&'static str],
    /// The set the message lists (MLflow lists the string set for numeric attributes).
    pub listed: &'static [&'static str],
    /// MLflow forgets the closing quote for some key types.
    pub closing_quote: bool,
}

const NUMERIC_OPS: &[&str] = &["!=", "<", "<=", "=", ">", ">="];
const STRING_ATTRIBUTE_OPS: &[&str] = &["!=", "=", "ILIKE", "IN", "LIKE", "NOT IN"];
const PARAM_OPS: &[&str] = &["!=", "=", "ILIKE", "IS NOT NULL", "IS NULL", "LIKE"];
const MODEL_TAG_OPS: &[&str] = &["!=", "=", "ILIKE", "LIKE"];

impl Comparators {
    pub(crate) fn allows(&self, op: &str) -> bool {
        self.allowed.contains(&op)
    }

    /// `Invalid comparator 'X' not one of '{...}'` (sorted set, MLflow's quote quirks).
    pub(crate) fn error(&self, op: &str) -> String {
        format!(
            "Invalid comparator '{op}' not one of '{}{}",
            py_set(self.listed),
            if self.closing_quote { "'" } else { "" }
        )
    }
}

pub(crate) const METRIC_COMPARATORS: Comparators = Comparators {
    allowed: NUMERIC_OPS,
    listed: NUMERIC_OPS,
    closing_quote: false,
};
pub(crate) const PARAM_COMPARATORS: Comparators = Comparators {
    allowed: PARAM_OPS,
    listed: PARAM_OPS,
    closing_quote: true,
};
pub(crate) const TAG_COMPARATORS: Comparators = Comparators {
    allowed: PARAM_OPS,
    listed: PARAM_OPS,
    closing_quote: false,
};
pub(crate) const MODEL_TAG_COMPARATORS: Comparators = Comparators {
    allowed: MODEL_TAG_OPS,
    listed: MODEL_TAG_OPS,
    closing_quote: false,
};
pub(crate) const STRING_ATTRIBUTE_COMPARATORS: Comparators = Comparators {
    allowed: STRING_ATTRIBUTE_OPS,
    listed: STRING_ATTRIBUTE_OPS,
    closing_quote: true,
};
pub(crate) const NUMERIC_ATTRIBUTE_COMPARATORS: Comparators = Comparators {
    allowed: NUMERIC_OPS,
    listed: STRING_ATTRIBUTE_OPS,
    closing_quote: false,
};
pub(crate) const DATASET_COMPARATORS: Comparators = Comparators {
    allowed: STRING_ATTRIBUTE_OPS,
    listed: STRING_ATTRIBUTE_OPS,
    closing_quote: false,
};

/// How an entity reads the `prefix.` part of a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PrefixStyle {
    /// Runs: many aliases, the prefix may be backticked.
    Runs,
    /// Experiments, registered models, model versions: `attribute`, `tag`, `tags` only.
    Strict,
}

/// Everything the shared parser and sorter need to know about one entity.
pub(crate) struct Spec {
    pub entity: Entity,
    pub prefix_style: PrefixStyle,
    pub filter_attributes: &'static [&'static str],
    /// Attributes whose filter values are numbers.
    pub numeric_attributes: &'static [&'static str],
    /// Attributes that accept a parenthesised list (`IN`).
    pub list_attributes: &'static [&'static str],
    pub order_attributes: &'static [&'static str],
    /// RM and MV check the attribute name before removing its quotes.
    pub check_raw_attribute: bool,
    /// Runs quote each invalid clause in the message; the others do not.
    pub quote_invalid_clauses: bool,
    pub tag_comparators: &'static Comparators,
    /// The order_by used when the caller gives none.
    pub default_order: &'static [&'static str],
    /// What the message for an unknown entity noun calls this entity (for mlrs's own errors).
    pub noun: &'static str,
}

pub(crate) const RUNS: Spec = Spec {
    entity: Entity::Runs,
    prefix_style: PrefixStyle::Runs,
    filter_attributes: &[
        "Created",
        "Run Name",
        "Run name",
        "artifact_uri",
        "created",
        "end_time",
        "run name",
        "run_id",
        "run_name",
        "start_time",
        "status",
        "user_id",
    ],
    numeric_attributes: &["Created", "created", "end_time", "start_time"],
    list_attributes: &["run_id"],
    order_attributes: &[
        "Created",
        "artifact_uri",
        "created",
        "end_time",
        "run_id",
        "run_name",
        "start_time",
        "status",
        "user_id",
    ],
    check_raw_attribute: false,
    quote_invalid_clauses: true,
    tag_comparators: &TAG_COMPARATORS,
    default_order: &[],
    noun: "runs",
};

pub(crate) const EXPERIMENTS: Spec = Spec {
    entity: Entity::Experiments,
    prefix_style: PrefixStyle::Strict,
    filter_attributes: &["creation_time", "experiment_id", "last_update_time", "name"],
    numeric_attributes: &["creation_time", "last_update_time"],
    list_attributes: &["experiment_id"],
    order_attributes: &["creation_time", "experiment_id", "last_update_time", "name"],
    check_raw_attribute: false,
    quote_invalid_clauses: false,
    tag_comparators: &TAG_COMPARATORS,
    default_order: &["creation_time DESC", "experiment_id ASC"],
    noun: "experiments",
};

pub(crate) const REGISTERED_MODELS: Spec = Spec {
    entity: Entity::RegisteredModels,
    prefix_style: PrefixStyle::Strict,
    filter_attributes: &["name"],
    numeric_attributes: &["creation_timestamp", "last_updated_timestamp"],
    list_attributes: &["name"],
    order_attributes: &["creation_timestamp", "last_updated_timestamp", "name"],
    check_raw_attribute: true,
    quote_invalid_clauses: false,
    tag_comparators: &MODEL_TAG_COMPARATORS,
    default_order: &[],
    noun: "registered models",
};

pub(crate) const MODEL_VERSIONS: Spec = Spec {
    entity: Entity::ModelVersions,
    prefix_style: PrefixStyle::Strict,
    filter_attributes: &["name", "run_id", "source_path", "version_number"],
    numeric_attributes: &[
        "creation_timestamp",
        "last_updated_timestamp",
        "version_number",
    ],
    list_attributes: &["name", "run_id"],
    order_attributes: &[
        "creation_timestamp",
        "last_updated_timestamp",
        "name",
        "version_number",
    ],
    check_raw_attribute: true,
    quote_invalid_clauses: false,
    tag_comparators: &MODEL_TAG_COMPARATORS,
    default_order: &[
        "last_updated_timestamp DESC",
        "name ASC",
        "version_number DESC",
    ],
    noun: "model versions",
};

impl Spec {
    /// The entity prefix `prefix` (as written, before the first dot) resolves to.
    pub(crate) fn resolve_prefix(&self, prefix: &str) -> Result<KeyType, String> {
        match self.prefix_style {
            PrefixStyle::Runs => {
                let p = trim_backticks(prefix);
                match p {
                    "metric" | "metrics" => Ok(KeyType::Metric),
                    "param" | "params" | "parameter" | "parameters" => Ok(KeyType::Param),
                    "tag" | "tags" => Ok(KeyType::Tag),
                    "attribute" | "attributes" | "attr" | "run" => Ok(KeyType::Attribute),
                    "dataset" | "datasets" => Ok(KeyType::Dataset),
                    _ => Err(format!(
                        "Invalid entity type '{p}'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']"
                    )),
                }
            }
            PrefixStyle::Strict => match prefix {
                "attribute" => Ok(KeyType::Attribute),
                "tag" | "tags" => Ok(KeyType::Tag),
                _ => Err(format!(
                    "Invalid entity type '{prefix}'. Valid entity types are ('attribute', 'tag', 'tags')"
                )),
            },
        }
    }

    pub(crate) fn is_numeric_attribute(&self, key: &str) -> bool {
        self.numeric_attributes.contains(&key)
    }
}

/// Run attribute aliases. MLflow applies them to every key type, so `metrics.created` reads
/// the metric `start_time`.
pub(crate) fn translate_run_key(key: &str) -> &str {
    match key {
        "created" | "Created" => "start_time",
        "run name" | "Run name" | "Run Name" => "run_name",
        other => other,
    }
}

/// The canonical run attribute a (translated) attribute key reads.
pub(crate) fn run_attribute(key: &str) -> Option<&'static str> {
    Some(match key {
        "run_id" => "run_id",
        "run_name" => "run_name",
        "status" => "status",
        "start_time" => "start_time",
        "end_time" => "end_time",
        "user_id" => "user_id",
        "artifact_uri" => "artifact_uri",
        _ => return None,
    })
}

/// Python's repr of a set of strings, sorted (MLflow's `message_normalized`).
pub(crate) fn py_set(items: &[&str]) -> String {
    let mut sorted: Vec<&str> = items.to_vec();
    sorted.sort_unstable();
    let inner: Vec<String> = sorted.iter().map(|s| repr_str(s)).collect();
    format!("{{{}}}", inner.join(", "))
}

/// Python's repr of a sorted list of strings.
pub(crate) fn py_list(items: &[&str]) -> String {
    let mut sorted: Vec<&str> = items.to_vec();
    sorted.sort_unstable();
    let inner: Vec<String> = sorted.iter().map(|s| repr_str(s)).collect();
    format!("[{}]", inner.join(", "))
}

/// `_trim_backticks`: removes one pair of surrounding backticks.
pub(crate) fn trim_backticks(s: &str) -> &str {
    trim_pair(s, '`').unwrap_or(s)
}

/// `_strip_quotes`: removes one pair of surrounding single or double quotes.
pub(crate) fn strip_quotes(s: &str) -> Option<&str> {
    trim_pair(s, '\'').or_else(|| trim_pair(s, '"'))
}

fn trim_pair(s: &str, q: char) -> Option<&str> {
    (s.chars().count() >= 2 && s.starts_with(q) && s.ends_with(q))
        .then(|| &s[q.len_utf8()..s.len() - q.len_utf8()])
}

/// Unquotes a key the way MLflow does: quotes once, then backticks once.
pub(crate) fn unquote_key(s: &str) -> &str {
    trim_backticks(strip_quotes(s).unwrap_or(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparator_errors_keep_mlflow_quote_quirks() {
        assert_eq!(
            METRIC_COMPARATORS.error("LIKE"),
            "Invalid comparator 'LIKE' not one of '{'!=', '<', '<=', '=', '>', '>='}"
        );
        assert_eq!(
            PARAM_COMPARATORS.error(">"),
            "Invalid comparator '>' not one of '{'!=', '=', 'ILIKE', 'IS NOT NULL', 'IS NULL', 'LIKE'}'"
        );
        assert_eq!(
            NUMERIC_ATTRIBUTE_COMPARATORS.error("LIKE"),
            "Invalid comparator 'LIKE' not one of '{'!=', '=', 'ILIKE', 'IN', 'LIKE', 'NOT IN'}"
        );
    }

    #[test]
    fn quotes_are_stripped_once_then_backticks() {
        assert_eq!(unquote_key("'a'"), "a");
        assert_eq!(unquote_key("\"a b\""), "a b");
        assert_eq!(unquote_key("`a``b`"), "a``b");
        assert_eq!(unquote_key("`'x'`"), "'x'");
        assert_eq!(unquote_key("'"), "'");
    }

    #[test]
    fn run_prefix_aliases_and_backticks() {
        assert_eq!(RUNS.resolve_prefix("`metrics`"), Ok(KeyType::Metric));
        assert_eq!(RUNS.resolve_prefix("parameters"), Ok(KeyType::Param));
        assert_eq!(RUNS.resolve_prefix("run"), Ok(KeyType::Attribute));
        assert!(RUNS.resolve_prefix("METRICS").is_err());
        assert!(EXPERIMENTS.resolve_prefix("attributes").is_err());
        assert!(EXPERIMENTS.resolve_prefix("`tags`").is_err());
    }
}
