//! Turns a filter string into clauses the way MLflow does (spec §4–§5): join IN / IS NULL
//! forms, reject stray tokens, resolve keys and values; then mlrs's own stricter checks.

use super::ast::{Clause, Comparator, Key, KeyType, Value};
use super::entity::{Entity, Spec, py_list, py_set, strip_quotes, unquote_key};
use super::error::{SearchError, fail};
use super::group::{self, Class, Node};
use super::lexer::Kind;
use super::pylit::parse_in_list;
use super::python::{py_float, repr_str, token_int};

/// One piece of a comparison: a node of the tree, or an operator MLflow synthesises.
#[derive(Clone, Copy)]
enum Part<'a> {
    Node(&'a Node),
    Op(&'static str),
}

impl<'a> Part<'a> {
    fn text(&self, src: &'a str) -> &'a str {
        match self {
            Part::Node(n) => n.text(src),
            Part::Op(s) => s,
        }
    }

    fn node(&self) -> Option<&'a Node> {
        match self {
            Part::Node(n) => Some(n),
            Part::Op(_) => None,
        }
    }

    fn is_identifier(&self) -> bool {
        self.node().is_some_and(|n| n.class == Class::Identifier)
    }
}

/// A top-level item of the statement after MLflow's join step.
enum Item<'a> {
    /// A comparison and the byte range it covers.
    Comparison(Vec<Part<'a>>, usize, usize),
    Other(&'a Node),
}

/// Parses `filter` for `spec`'s entity. `appended_at` is the byte offset where mlrs appended
/// the prompt clause (RM/MV), which the strict checks then leave alone.
pub(crate) fn parse_filter(
    spec: &Spec,
    filter: &str,
    appended_at: Option<usize>,
) -> Result<Vec<Clause>, SearchError> {
    if filter.is_empty() {
        return Ok(Vec::new());
    }
    let Ok(statements) = group::parse(filter) else {
        return fail(format!("Error on parsing filter '{filter}'"));
    };
    let statement = match statements.as_slice() {
        [] => return fail(format!("Invalid filter '{filter}'. Could not be parsed.")),
        [one] => one,
        _ => {
            return fail(format!(
                "Search filter contained multiple expression {}. Provide AND-ed expression list.",
                repr_str(filter)
            ));
        }
    };
    let items = join_comparisons(filter, &statement.children);
    let invalid: Vec<&str> = items
        .iter()
        .filter_map(|item| match item {
            Item::Other(n) if !n.is_keyword_word(filter, "AND") => Some(n.text(filter)),
            _ => None,
        })
        .collect();
    if !invalid.is_empty() {
        let list: Vec<String> = if spec.quote_invalid_clauses {
            invalid.iter().map(|t| format!("'{t}'")).collect()
        } else {
            invalid.iter().map(|t| t.to_string()).collect()
        };
        return fail(format!(
            "Invalid clause(s) in filter string: {}",
            list.join(", ")
        ));
    }
    let mut clauses = Vec::new();
    for item in &items {
        if let Item::Comparison(parts, _, _) = item {
            clauses.push(comparison(spec, filter, parts)?);
        }
    }
    check_strict(filter, &items, appended_at)?;
    Ok(clauses)
}

/// MLflow's `_join_in_comparison_tokens` over the non-whitespace top-level tokens.
fn join_comparisons<'a>(src: &'a str, children: &'a [Node]) -> Vec<Item<'a>> {
    let t: Vec<&Node> = children.iter().filter(|n| !n.is_whitespace()).collect();
    let mut out = Vec::new();
    let other = |n: &'a Node| {
        if n.class == Class::Comparison {
            let parts = n
                .children
                .iter()
                .filter(|c| !c.is_whitespace())
                .map(Part::Node)
                .collect();
            Item::Comparison(parts, n.start, n.end)
        } else {
            Item::Other(n)
        }
    };
    let mut i = 0;
    while i < t.len() {
        if t.len() - i < 3 {
            out.extend(t[i..].iter().map(|n| other(n)));
            break;
        }
        let first = t[i];
        if first.class != Class::Identifier {
            out.push(other(first));
            i += 1;
            continue;
        }
        let (second, third) = (t[i + 1], t[i + 2]);
        let keyword = |n: &Node, w: &str| n.is_keyword_word(src, w);
        if keyword(second, "IN") && third.class == Class::Parenthesis {
            let parts = vec![Part::Node(first), Part::Node(second), Part::Node(third)];
            out.push(Item::Comparison(parts, first.start, third.end));
            i += 3;
            continue;
        }
        if keyword(second, "IS") && keyword(third, "NULL") {
            out.push(Item::Comparison(
                vec![Part::Node(first), Part::Op("IS NULL")],
                first.start,
                third.end,
            ));
            i += 3;
            continue;
        }
        if keyword(second, "IS")
            && third.is(Kind::Keyword)
            && third.text(src).to_uppercase() == "NOT NULL"
        {
            let parts = vec![Part::Node(first), Part::Op("IS NOT NULL")];
            out.push(Item::Comparison(parts, first.start, third.end));
            i += 3;
            continue;
        }
        let Some(&fourth) = t.get(i + 3) else {
            out.extend([first, second, third].into_iter().map(other));
            break;
        };
        if keyword(second, "NOT") && keyword(third, "IN") && fourth.class == Class::Parenthesis {
            let parts = vec![Part::Node(first), Part::Op("NOT IN"), Part::Node(fourth)];
            out.push(Item::Comparison(parts, first.start, fourth.end));
            i += 4;
            continue;
        }
        out.extend([first, second, third, fourth].into_iter().map(other));
        i += 4;
    }
    out
}

/// MLflow's `_get_comparison` for `spec`'s entity.
fn comparison(spec: &Spec, src: &str, parts: &[Part]) -> Result<Clause, SearchError> {
    let is_null_op = parts.len() == 2
        && matches!(
            parts[1].text(src).to_uppercase().as_str(),
            "IS NULL" | "IS NOT NULL"
        );
    if !is_null_op && parts.len() != 3 {
        return fail(format!(
            "Invalid comparison clause. Expected 3 tokens found {}",
            parts.len()
        ));
    }
    if !parts[0].is_identifier() {
        return fail(format!(
            "Invalid comparison clause. Expected 'Identifier' found '{}'",
            parts[0].text(src)
        ));
    }
    let key_text = parts[0].text(src);
    if is_null_op {
        let comparator = Comparator::from_upper(&parts[1].text(src).to_uppercase());
        if matches!(
            spec.entity,
            Entity::RegisteredModels | Entity::ModelVersions
        ) {
            // MLflow fails here with a raw ValueError (not enough values to unpack).
            return fail(format!(
                "IS NULL / IS NOT NULL is not supported when searching {}",
                spec.noun
            ));
        }
        let key = resolve_key(spec, key_text, spec.filter_attributes, false)?;
        match spec.entity {
            Entity::Runs if !matches!(key.key_type, KeyType::Tag | KeyType::Param) => {
                return fail(format!(
                    "IS NULL / IS NOT NULL is only supported for tags and params, not for '{}' '{}'",
                    key.key_type.name(),
                    key.name
                ));
            }
            Entity::Experiments if key.key_type != KeyType::Tag => {
                return fail(format!(
                    "IS NULL / IS NOT NULL is only supported for tags, not for attribute '{}'",
                    key.name
                ));
            }
            _ => {}
        }
        return Ok(Clause {
            key,
            comparator,
            value: Value::None,
        });
    }
    let key = resolve_key(
        spec,
        key_text,
        spec.filter_attributes,
        spec.check_raw_attribute,
    )?;
    let comparator = Comparator::from_upper(&parts[1].text(src).to_uppercase());
    let value = match parts[2].node() {
        Some(node) => value(spec, src, &key, node)?,
        None => Value::None,
    };
    Ok(Clause {
        key,
        comparator,
        value,
    })
}

/// MLflow's `_get_identifier`: splits at the first dot and checks prefix and attribute name.
pub(crate) fn resolve_key(
    spec: &Spec,
    text: &str,
    attributes: &[&str],
    check_raw_attribute: bool,
) -> Result<Key, SearchError> {
    let (key_type, raw) = match text.split_once('.') {
        None => (KeyType::Attribute, text),
        Some((prefix, rest)) => (spec.resolve_prefix(prefix).map_err(SearchError::new)?, rest),
    };
    let invalid_attribute = |k: &str| {
        fail(format!(
            "Invalid attribute key '{k}' specified. Valid keys are '{}'",
            py_set(attributes)
        ))
    };
    if key_type == KeyType::Attribute && check_raw_attribute && !attributes.contains(&raw) {
        return invalid_attribute(raw);
    }
    let name = unquote_key(raw);
    if key_type == KeyType::Attribute && !attributes.contains(&name) {
        return invalid_attribute(name);
    }
    if key_type == KeyType::Dataset && !["name", "digest", "context"].contains(&name) {
        return fail(format!(
            "Invalid dataset key '{name}' specified. Valid keys are '{{'context', 'digest', 'name'}}'"
        ));
    }
    Ok(Key {
        key_type,
        name: name.to_string(),
    })
}

/// MLflow's `_get_value` for `spec`'s entity.
fn value(spec: &Spec, src: &str, key: &Key, node: &Node) -> Result<Value, SearchError> {
    let text = node.text(src);
    let is_string = node.is(Kind::StringSingle) || node.class == Class::Identifier;
    let is_list = node.class == Class::Parenthesis;
    let number = if node.is(Kind::Integer) {
        Some(Value::Int(token_int(text)))
    } else if node.is(Kind::Float) {
        Some(Value::Float(py_float(text)))
    } else {
        None
    };
    // Registered models and model versions have their own attribute rules.
    let registry = matches!(
        spec.entity,
        Entity::RegisteredModels | Entity::ModelVersions
    );
    match (key.key_type, number) {
        (KeyType::Metric, Some(_)) => Ok(Value::Float(py_float(text))),
        (KeyType::Metric, None) => fail(format!(
            "Expected numeric value type for metric. Found {text}"
        )),
        (KeyType::Param | KeyType::Tag, _) if is_string => quoted_string(text),
        (KeyType::Param | KeyType::Tag, _) => fail(format!(
            "Expected a quoted string value for {} (e.g. 'my-value'). Got value {text}",
            key.key_type.name()
        )),
        (KeyType::Attribute, number) if !registry && spec.is_numeric_attribute(&key.name) => {
            match number {
                Some(v) => Ok(v),
                None => fail(format!(
                    "Expected numeric value type for numeric attribute: {}. Found {text}",
                    key.name
                )),
            }
        }
        (KeyType::Attribute, _) if is_string => quoted_string(text),
        (KeyType::Attribute, _) if is_list => {
            if !spec.list_attributes.contains(&key.name.as_str()) {
                return fail(format!(
                    "Only {} attributes support comparison with a list of quoted string values.",
                    py_list(spec.list_attributes)
                ));
            }
            Ok(Value::List(parse_in_list(text)?))
        }
        (KeyType::Attribute, Some(v)) if spec.entity == Entity::ModelVersions => {
            if spec.is_numeric_attribute(&key.name) {
                Ok(v)
            } else {
                fail(format!(
                    "Only the '{}' attributes support comparison with numeric values.",
                    py_set(spec.numeric_attributes)
                ))
            }
        }
        (KeyType::Attribute, _) if registry => fail(format!(
            "Expected a quoted string value or a list of quoted string values for attributes. Got value {text}"
        )),
        (KeyType::Attribute, _) => fail(format!(
            "Expected a quoted string value for attributes. Got value {text}"
        )),
        (KeyType::Dataset, _) if is_string => quoted_string(text),
        (KeyType::Dataset, _) if is_list => Ok(Value::List(parse_in_list(text)?)),
        (KeyType::Dataset, _) => fail(format!(
            "Expected a quoted string value for dataset attributes. Got value {text}"
        )),
    }
}

/// `_strip_quotes(value, expect_quoted_value=True)`.
fn quoted_string(text: &str) -> Result<Value, SearchError> {
    match strip_quotes(text) {
        Some(inner) => Ok(Value::Str(inner.to_string())),
        None => fail(format!(
            "Parameter value is either not quoted or unidentified quote types used for string value {text}. \
             Use either single or double quotes."
        )),
    }
}

/// mlrs refuses what MLflow silently accepts: `AND` must stand between two comparisons, and a
/// key must not have swallowed the end of the previous clause.
fn check_strict(
    filter: &str,
    items: &[Item],
    appended_at: Option<usize>,
) -> Result<(), SearchError> {
    let mut items: Vec<&Item> = items.iter().collect();
    let shown = match appended_at {
        Some(at) => {
            // Leave the appended ` AND <prompt clause>` out of the check.
            if let [.., Item::Other(_), Item::Comparison(_, start, _)] = items.as_slice()
                && *start >= at
            {
                items.truncate(items.len() - 2);
            }
            &filter[..at.min(filter.len())]
        }
        None => filter,
    };
    if appended_at.is_some() && items.is_empty() {
        return Ok(());
    }
    let bad = |why: String| fail(format!("Invalid filter '{shown}': {why}"));
    if !items.iter().any(|i| matches!(i, Item::Comparison(..))) {
        return bad("it has no comparison".into());
    }
    if matches!(items.first(), Some(Item::Other(_))) {
        return bad("it starts with AND".into());
    }
    if matches!(items.last(), Some(Item::Other(_))) {
        return bad("it ends with AND".into());
    }
    for pair in items.windows(2) {
        match pair {
            [Item::Other(_), Item::Other(_)] => return bad("AND appears twice in a row".into()),
            [Item::Comparison(_, s1, e1), Item::Comparison(_, s2, e2)] => {
                return bad(format!(
                    "AND is missing between '{}' and '{}'",
                    &filter[*s1..*e1],
                    &filter[*s2..*e2]
                ));
            }
            _ => {}
        }
    }
    for item in &items {
        if let Item::Comparison(parts, _, _) = item
            && let Some(node) = parts[0].node().filter(|n| n.aliased)
        {
            return bad(format!(
                "'{}' is not a key; is an AND missing?",
                node.text(filter)
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::entity::{EXPERIMENTS, MODEL_VERSIONS, REGISTERED_MODELS, RUNS};

    fn runs(f: &str) -> Result<Vec<Clause>, String> {
        parse_filter(&RUNS, f, None).map_err(|e| e.message)
    }

    fn err(spec: &Spec, f: &str) -> String {
        parse_filter(spec, f, None).unwrap_err().message
    }

    #[test]
    fn empty_filter_has_no_clauses() {
        assert_eq!(runs(""), Ok(vec![]));
    }

    #[test]
    fn whitespace_only_filter_could_not_be_parsed() {
        assert_eq!(
            runs(" ").unwrap_err(),
            "Invalid filter ' '. Could not be parsed."
        );
    }

    #[test]
    fn two_statements_are_refused_with_repr() {
        assert_eq!(
            runs("metrics.a > 1; metrics.b > 2").unwrap_err(),
            "Search filter contained multiple expression 'metrics.a > 1; metrics.b > 2'. Provide AND-ed expression list."
        );
    }

    #[test]
    fn or_is_an_invalid_clause_quoted_for_runs_only() {
        assert_eq!(
            runs("metrics.a > 1 OR metrics.b > 2").unwrap_err(),
            "Invalid clause(s) in filter string: 'OR'"
        );
        assert_eq!(
            err(&EXPERIMENTS, "name = 'a' OR name = 'b'"),
            "Invalid clause(s) in filter string: OR"
        );
    }

    #[test]
    fn parenthesised_clause_is_invalid() {
        assert_eq!(
            runs("(metrics.a > 1)").unwrap_err(),
            "Invalid clause(s) in filter string: '(metrics.a > 1)'"
        );
    }

    #[test]
    fn trailing_bare_word_is_merged_into_the_clause() {
        assert_eq!(
            runs("metrics.acc > 0.5 foo").unwrap_err(),
            "Invalid clause(s) in filter string: 'metrics.acc > 0.5 foo'"
        );
    }

    #[test]
    fn reversed_operands_name_the_number() {
        assert_eq!(
            runs("0.5 < metrics.acc").unwrap_err(),
            "Invalid comparison clause. Expected 'Identifier' found '0.5'"
        );
    }

    #[test]
    fn in_and_is_null_forms_are_joined() {
        let c = runs("run_id IN ('a', 'b') AND tags.x IS NULL AND params.p is not null AND run_id not in ('c')").unwrap();
        assert_eq!(c[0].comparator, Comparator::In);
        assert_eq!(c[0].value, Value::List(vec!["a".into(), "b".into()]));
        assert_eq!(c[1].comparator, Comparator::IsNull);
        assert_eq!(c[2].comparator, Comparator::IsNotNull);
        assert_eq!(c[3].comparator, Comparator::NotIn);
    }

    #[test]
    fn is_null_with_extra_spaces_in_not_null_fails() {
        assert!(
            runs("tags.x IS  NOT  NULL")
                .unwrap_err()
                .starts_with("Invalid clause(s) in filter string")
        );
    }

    #[test]
    fn key_splits_at_first_dot() {
        let c = runs("metrics.val.acc > 1 AND tags.mlflow.runName = 'x' AND `metrics`.`f 1` < 2")
            .unwrap();
        assert_eq!(c[0].key.name, "val.acc");
        assert_eq!(c[1].key.name, "mlflow.runName");
        assert_eq!(
            c[2].key,
            Key {
                key_type: KeyType::Metric,
                name: "f 1".into()
            }
        );
    }

    #[test]
    fn unknown_prefix_messages_differ_per_entity() {
        assert_eq!(
            runs("foo.x = 'a'").unwrap_err(),
            "Invalid entity type 'foo'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']"
        );
        assert_eq!(
            err(&EXPERIMENTS, "metrics.x > 1"),
            "Invalid entity type 'metrics'. Valid entity types are ('attribute', 'tag', 'tags')"
        );
    }

    #[test]
    fn bad_run_attribute_lists_sorted_keys() {
        assert_eq!(
            runs("foo = 'a'").unwrap_err(),
            "Invalid attribute key 'foo' specified. Valid keys are '{'Created', 'Run Name', 'Run name', 'artifact_uri', 'created', 'end_time', 'run name', 'run_id', 'run_name', 'start_time', 'status', 'user_id'}'"
        );
    }

    #[test]
    fn models_check_backticked_attribute_before_unquoting() {
        assert_eq!(
            err(&REGISTERED_MODELS, "`name` = 'a'"),
            "Invalid attribute key '`name`' specified. Valid keys are '{'name'}'"
        );
        assert!(runs("`run_id` = 'a'").is_ok());
    }

    #[test]
    fn value_type_errors() {
        assert_eq!(
            runs("metrics.a > '0.5'").unwrap_err(),
            "Expected numeric value type for metric. Found '0.5'"
        );
        assert_eq!(
            runs("params.lr = 0.01").unwrap_err(),
            "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 0.01"
        );
        assert_eq!(
            runs("params.o = adam").unwrap_err(),
            "Parameter value is either not quoted or unidentified quote types used for string value adam. Use either single or double quotes."
        );
        assert_eq!(
            runs("start_time > '1'").unwrap_err(),
            "Expected numeric value type for numeric attribute: start_time. Found '1'"
        );
        assert_eq!(
            runs("status IN ('a')").unwrap_err(),
            "Only ['run_id'] attributes support comparison with a list of quoted string values."
        );
        assert_eq!(
            err(&MODEL_VERSIONS, "name = 1"),
            "Only the '{'creation_timestamp', 'last_updated_timestamp', 'version_number'}' attributes support comparison with numeric values."
        );
        assert_eq!(
            err(&MODEL_VERSIONS, "version_number IN ('1')"),
            "Only ['name', 'run_id'] attributes support comparison with a list of quoted string values."
        );
    }

    #[test]
    fn is_null_misuse_messages() {
        assert_eq!(
            runs("metrics.acc IS NULL").unwrap_err(),
            "IS NULL / IS NOT NULL is only supported for tags and params, not for 'metric' 'acc'"
        );
        assert_eq!(
            err(&EXPERIMENTS, "name IS NULL"),
            "IS NULL / IS NOT NULL is only supported for tags, not for attribute 'name'"
        );
        assert!(err(&REGISTERED_MODELS, "tags.x IS NULL").contains("not supported"));
    }

    #[test]
    fn strings_are_never_unescaped() {
        let c = runs(r"tags.a = 'it''s' AND tags.b = 'back\slash'").unwrap();
        assert_eq!(c[0].value, Value::Str("it''s".into()));
        assert_eq!(c[1].value, Value::Str(r"back\slash".into()));
    }

    #[test]
    fn invalid_comparator_is_accepted_at_parse_time() {
        let c = runs("metrics.a LIKE 1").unwrap();
        assert_eq!(c[0].comparator, Comparator::Like);
        assert_eq!(
            runs("metrics.a == 1").unwrap()[0].comparator,
            Comparator::Other("==".into())
        );
    }

    #[test]
    fn missing_and_between_comparisons_is_refused() {
        assert!(
            runs("metrics.a > 1 metrics.b > 2")
                .unwrap_err()
                .contains("AND is missing")
        );
    }

    #[test]
    fn and_only_leading_trailing_and_doubled_are_refused() {
        assert!(runs("AND").unwrap_err().contains("no comparison"));
        assert!(
            runs("AND metrics.a > 1")
                .unwrap_err()
                .contains("starts with AND")
        );
        assert!(
            runs("metrics.a > 1 AND")
                .unwrap_err()
                .contains("ends with AND")
        );
        assert!(
            runs("metrics.a > 1 AND and metrics.b > 1")
                .unwrap_err()
                .contains("twice")
        );
    }

    #[test]
    fn key_that_swallowed_previous_clause_is_refused() {
        let e = runs("params.optimizer = 'sgd' tags.env IS NULL").unwrap_err();
        assert!(e.contains("is not a key"), "{e}");
        // MLflow's own error wins when it has one.
        assert_eq!(
            runs("params.o = 'adam' run_id IN ('x')").unwrap_err(),
            "Expected a quoted string value for parameter (e.g. 'my-value'). Got value ('x')"
        );
    }

    #[test]
    fn too_many_tokens_reports_error_on_parsing() {
        let f = "metrics.acc > 0 AND ".repeat(1100) + "metrics.acc > 0";
        assert_eq!(
            runs(&f).unwrap_err(),
            format!("Error on parsing filter '{f}'")
        );
    }
}
