//! MLflow's validation rules (`mlflow/utils/validation.py`, MLflow 3.x on POSIX) in one place,
//! with MLflow's messages, plus the few checks mlrs adds so nothing can escape the store.

use crate::error::{Error, Result};

pub const MAX_ENTITY_KEY_LENGTH: usize = 250;
pub const MAX_PARAM_VAL_LENGTH: usize = 6000;
pub const MAX_TAG_VAL_LENGTH: usize = 8000;
pub const MAX_EXPERIMENT_NAME_LENGTH: usize = 500;
pub const MAX_EXPERIMENT_TAG_KEY_LENGTH: usize = 250;
pub const MAX_EXPERIMENT_TAG_VAL_LENGTH: usize = 20000;
pub const MAX_PARAMS_TAGS_PER_BATCH: usize = 100;
pub const MAX_METRICS_PER_BATCH: usize = 1000;
pub const MAX_ENTITIES_PER_BATCH: usize = 1000;
pub const MAX_MODEL_REGISTRY_TAG_KEY_LENGTH: usize = 250;
pub const MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH: usize = 100_000;
pub const MAX_REGISTERED_MODEL_ALIAS_LENGTH: usize = 255;

const BAD_CHARACTERS_MESSAGE: &str = "Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon(:) and slashes (/).";

/// Python's `\w` on `str`: Unicode letters and digits, and `_`.
pub fn is_word_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `^[/\w.\- :]*$` with `\z` semantics (MLflow's `$` also lets a final `\n` through; we don't).
fn has_valid_key_chars(name: &str) -> bool {
    name.chars()
        .all(|c| is_word_char(c) || matches!(c, '/' | '.' | '-' | ' ' | ':'))
}

/// Python's `posixpath.normpath`.
pub fn posix_normpath(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let initial = if path.starts_with("//") && !path.starts_with("///") {
        2
    } else if path.starts_with('/') {
        1
    } else {
        0
    };
    let mut parts: Vec<&str> = Vec::new();
    for comp in path.split('/') {
        if comp.is_empty() || comp == "." {
            continue;
        }
        if comp != ".." || (initial == 0 && parts.is_empty()) || parts.last() == Some(&"..") {
            parts.push(comp);
        } else if !parts.is_empty() {
            parts.pop();
        }
    }
    let joined = format!("{}{}", "/".repeat(initial), parts.join("/"));
    if joined.is_empty() {
        ".".to_string()
    } else {
        joined
    }
}

/// MLflow's `path_not_unique`: the name would resolve to another name when used as a path.
pub fn path_not_unique(name: &str) -> bool {
    let norm = posix_normpath(name);
    norm != name || norm == "." || norm.starts_with("..") || norm.starts_with('/')
}

fn bad_path_message(name: &str) -> String {
    format!(
        "Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to {}",
        python_repr(&posix_normpath(name))
    )
}

/// MLflow's `invalid_value(path, value, message)`.
fn invalid_value(path: &str, value: &str, message: &str) -> Error {
    Error::invalid(format!(
        "Invalid value {} for parameter '{path}' supplied: {message}",
        python_json_string(value)
    ))
}

/// The rule shared by metric, param and tag keys (and experiment and registry tag keys).
fn validate_key_name(name: &str, path: &str) -> Result<()> {
    if !has_valid_key_chars(name) {
        return Err(invalid_value(path, name, BAD_CHARACTERS_MESSAGE));
    }
    if path_not_unique(name) {
        return Err(invalid_value(path, name, &bad_path_message(name)));
    }
    Ok(())
}

fn exceeds_maximum_length(what: &str, limit: usize) -> Error {
    Error::invalid(format!(
        "'{what}' exceeds the maximum length of {limit} characters"
    ))
}

fn check_length(what: &str, limit: usize, value: &str) -> Result<()> {
    if value.chars().count() > limit {
        return Err(exceeds_maximum_length(what, limit));
    }
    Ok(())
}

/// Returns `value` cut to `limit` characters (MLflow's `MLFLOW_TRUNCATE_LONG_VALUES`, on by
/// default), and whether it was cut. With the variable set to `false` an overlong value is refused.
pub fn truncate_or_refuse(what: &str, limit: usize, value: &str) -> Result<(String, bool)> {
    if value.chars().count() <= limit {
        return Ok((value.to_string(), false));
    }
    let truncate = std::env::var("MLFLOW_TRUNCATE_LONG_VALUES")
        .map(|v| !matches!(v.to_ascii_lowercase().as_str(), "false" | "0"))
        .unwrap_or(true);
    if !truncate {
        return Err(exceeds_maximum_length(what, limit));
    }
    Ok((value.chars().take(limit).collect(), true))
}

pub fn validate_metric_name(name: &str, path: &str) -> Result<()> {
    validate_key_name(name, path)?;
    check_length("Metric name", MAX_ENTITY_KEY_LENGTH, name)
}

pub fn validate_param_name(name: &str, path: &str) -> Result<()> {
    validate_key_name(name, path)?;
    check_length("Param key", MAX_ENTITY_KEY_LENGTH, name)
}

pub fn validate_tag_name(name: &str, path: &str) -> Result<()> {
    validate_key_name(name, path)?;
    check_length(path, MAX_ENTITY_KEY_LENGTH, name)
}

pub fn validate_experiment_tag(key: &str, value: &str) -> Result<()> {
    validate_key_name(key, "key")?;
    check_length("key", MAX_EXPERIMENT_TAG_KEY_LENGTH, key)?;
    check_length("value", MAX_EXPERIMENT_TAG_VAL_LENGTH, value)
}

/// Timestamps are non-negative 64-bit integers of milliseconds.
pub fn validate_metric_timestamp(key: &str, value: f64, timestamp: i64, path: &str) -> Result<()> {
    if timestamp < 0 {
        return Err(Error::invalid(format!(
            "Invalid value {timestamp} for parameter '{path}' supplied: metric '{key}' (value={}). Timestamp must be a nonnegative long (64-bit integer) ",
            crate::store::metric_history::python_float_repr(value)
        )));
    }
    Ok(())
}

pub fn validate_experiment_name(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::invalid(format!("Invalid experiment name: '{name}'")));
    }
    check_length("name", MAX_EXPERIMENT_NAME_LENGTH, name)
}

/// `^[a-zA-Z0-9][\w\-]{0,255}$`
pub fn validate_run_id(run_id: &str) -> Result<()> {
    if !id_matches(run_id, 255) {
        return Err(Error::invalid(format!(
            "Invalid value {} for parameter 'run_id' supplied.",
            python_json_string(run_id)
        )));
    }
    Ok(())
}

/// `^[a-zA-Z0-9][\w\-]{0,63}$`
pub fn validate_experiment_id(experiment_id: &str) -> Result<()> {
    if !id_matches(experiment_id, 63) {
        return Err(Error::invalid(format!(
            "Invalid experiment ID: '{experiment_id}'"
        )));
    }
    Ok(())
}

fn id_matches(id: &str, max_tail: usize) -> bool {
    let mut chars = id.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphanumeric() => {}
        _ => return false,
    }
    let mut n = 0;
    for c in chars {
        if !(is_word_char(c) || c == '-') {
            return false;
        }
        n += 1;
    }
    n <= max_tail
}

pub fn validate_batch_limits(metrics: usize, params: usize, tags: usize) -> Result<()> {
    let check = |what: &str, limit: usize, n: usize| -> Result<()> {
        if n > limit {
            return Err(Error::invalid(format!(
                "A batch logging request can contain at most {limit} {what}. Got {n} {what}. Please split up {what} across multiple requests and try again."
            )));
        }
        Ok(())
    };
    check("metrics", MAX_METRICS_PER_BATCH, metrics)?;
    check("params", MAX_PARAMS_TAGS_PER_BATCH, params)?;
    check("tags", MAX_PARAMS_TAGS_PER_BATCH, tags)?;
    check(
        "metrics, params, and tags",
        MAX_ENTITIES_PER_BATCH,
        metrics + params + tags,
    )
}

/// A relative artifact path (`-a PATH`): `/`-separated, no `..`, not absolute, no NUL or `\`.
/// Returns it without leading/trailing slashes ("" is the artifact root).
pub fn validate_artifact_path(path: &str) -> Result<String> {
    let bad = |why: &str| Error::invalid(format!("invalid artifact path '{path}': {why}"));
    if path.contains('\0') {
        return Err(bad("must not contain NUL"));
    }
    if path.contains('\\') {
        return Err(bad("must not contain backslashes"));
    }
    if path.starts_with('/') {
        return Err(bad("must be relative to the run's artifact root"));
    }
    let parts: Vec<&str> = path
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.contains(&"..") {
        return Err(bad("must not contain '..'"));
    }
    Ok(parts.join("/"))
}

/// Python's `repr()` of a `str`.
pub fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `json.dumps(str)` (ASCII-only output, `\uXXXX` escapes).
pub fn python_json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ---- Model registry (MLflow 3's `_validate_model_name`, alias and registry-tag rules) ----

/// The checks that keep a registered-model name inside `models/`: applied to every name,
/// including names of models MLflow 2.x created that MLflow 3's rules would refuse (`a:b`).
pub fn validate_model_name_is_safe(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(Error::invalid(
            "Missing value for required parameter 'name'.",
        ));
    }
    let bad = |why: &str| {
        Error::invalid(format!(
            "invalid registered model name {}: {why}",
            python_repr(name)
        ))
    };
    if name.contains('\0') {
        return Err(bad("must not contain NUL"));
    }
    if name.contains('/') || name.contains('\\') {
        return Err(bad("must not contain '/' or '\\'"));
    }
    if name == "." || name == ".." {
        return Err(bad("must not be '.' or '..'"));
    }
    Ok(())
}

/// MLflow 3's `_validate_model_name` alone, as its SQL registry applies it to every name.
pub fn validate_model_name_mlflow(name: &str) -> Result<()> {
    if name.trim().is_empty() {
        return Err(Error::invalid(
            "Missing value for required parameter 'name'.",
        ));
    }
    if name.contains('/') || name.contains(':') {
        return Err(Error::invalid(format!(
            "Invalid model name '{name}'. Names cannot contain '/' or ':'."
        )));
    }
    if path_not_unique(name) {
        return Err(invalid_value("name", name, &bad_path_message(name)));
    }
    Ok(())
}

/// A new registered-model name: MLflow 3's `_validate_model_name` plus the file store's
/// checks (no path separator, no `%`) and mlrs's own (no `\`, no NUL).
pub fn validate_model_name(name: &str) -> Result<()> {
    validate_model_name_mlflow(name)?;
    if name.contains('%') {
        return Err(Error::invalid(format!(
            "Invalid name: '{name}'. Registered model name cannot contain '%' character"
        )));
    }
    validate_model_name_is_safe(name)
}

/// MLflow's `_validate_model_version`: Python's `int()` of the text (surrounding whitespace,
/// a sign and `_` between digits allowed).
pub fn validate_model_version(text: &str) -> Result<i64> {
    let err = || {
        Error::invalid(format!(
            "Parameter 'version' must be an integer, got '{text}'."
        ))
    };
    let t = text.trim();
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
        return Err(err());
    }
    let n: i64 = digits.replace('_', "").parse().map_err(|_| err())?;
    Ok(if neg { -n } else { n })
}

/// MLflow's `_validate_model_alias_name`: non-empty, `^[\w\-]*$`, at most 255 characters.
pub fn validate_alias_name(alias: &str) -> Result<()> {
    if alias.is_empty() {
        return Err(Error::invalid(
            "Registered model alias name cannot be empty.",
        ));
    }
    if !alias.chars().all(|c| is_word_char(c) || c == '-') {
        return Err(Error::invalid(format!(
            "Invalid alias name: '{alias}'. Names may only contain alphanumerics, underscores (_), and dashes (-)."
        )));
    }
    check_length(
        "Registered model alias name",
        MAX_REGISTERED_MODEL_ALIAS_LENGTH,
        alias,
    )
}

/// MLflow's `_validate_model_alias_name_reserved`: `latest` (any case) and `v<digits>`.
pub fn validate_alias_name_not_reserved(alias: &str) -> Result<()> {
    if alias.to_lowercase() == "latest" {
        return Err(Error::invalid(
            "'latest' alias name (case insensitive) is reserved.",
        ));
    }
    let mut chars = alias.chars();
    if matches!(chars.next(), Some('v' | 'V'))
        && alias.len() > 1
        && chars.all(|c| c.is_ascii_digit())
    {
        return Err(Error::invalid(format!(
            "Version alias name '{alias}' is reserved."
        )));
    }
    Ok(())
}

/// MLflow's `_validate_registered_model_tag` / `_validate_model_version_tag` (the same
/// limits: key as a tag name of at most 250 characters, value at most 100000).
pub fn validate_registry_tag(key: &str, value: &str) -> Result<()> {
    validate_key_name(key, "key")?;
    check_length("key", MAX_MODEL_REGISTRY_TAG_KEY_LENGTH, key)?;
    check_length("value", MAX_MODEL_REGISTRY_TAG_VALUE_LENGTH, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normpath_matches_python() {
        for (input, want) in [
            ("", "."),
            (".", "."),
            ("a/../b", "b"),
            ("a//b", "a/b"),
            ("a/", "a"),
            ("/abs", "/abs"),
            ("//x", "//x"),
            ("///x", "/x"),
            ("../a", "../a"),
            ("/..", "/"),
            ("a/b/../../..", ".."),
            ("./a", "a"),
        ] {
            assert_eq!(posix_normpath(input), want, "normpath({input:?})");
        }
    }

    #[test]
    fn keys_that_escape_their_directory_are_refused() {
        for key in [
            "..",
            "../x",
            "a/../../b",
            "/abs",
            "a//b",
            "a/",
            ".",
            "",
            "a\\b",
            "nul\0",
        ] {
            assert!(validate_param_name(key, "key").is_err(), "{key:?} accepted");
        }
        for key in ["a", "a/b/c", "colon:ok", "é/ü", "with space", "x.y-z"] {
            assert!(validate_param_name(key, "key").is_ok(), "{key:?} refused");
        }
    }

    #[test]
    fn key_with_trailing_newline_is_refused_unlike_mlflow() {
        assert!(validate_metric_name("abc\n", "name").is_err());
    }

    #[test]
    fn bad_key_message_is_mlflows() {
        let err = validate_metric_name("a/../b", "name")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "Invalid value \"a/../b\" for parameter 'name' supplied: Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to 'b'"
        );
        let err = validate_metric_name("a\u{e9}$", "name")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(
                "Invalid value \"a\\u00e9$\" for parameter 'name' supplied: Names may only"
            ),
            "{err}"
        );
    }

    #[test]
    fn key_length_limit_is_250() {
        assert!(validate_param_name(&"k".repeat(250), "key").is_ok());
        let err = validate_param_name(&"k".repeat(251), "key").unwrap_err();
        assert_eq!(
            err.to_string(),
            "'Param key' exceeds the maximum length of 250 characters"
        );
    }

    #[test]
    fn ids_follow_mlflow_regexes() {
        assert!(validate_run_id(&"a".repeat(32)).is_ok());
        assert!(validate_run_id("../etc").is_err());
        assert!(validate_run_id("").is_err());
        assert_eq!(
            validate_run_id("_x").unwrap_err().to_string(),
            "Invalid value \"_x\" for parameter 'run_id' supplied."
        );
        assert!(validate_experiment_id("905478903786297690").is_ok());
        assert!(validate_experiment_id(&"1".repeat(65)).is_err());
        assert!(validate_experiment_id(".trash").is_err());
    }

    #[test]
    fn batch_limits_are_mlflows() {
        assert!(validate_batch_limits(1000, 0, 0).is_ok());
        assert!(validate_batch_limits(1001, 0, 0).is_err());
        assert!(validate_batch_limits(0, 101, 0).is_err());
        let err = validate_batch_limits(900, 100, 1).unwrap_err().to_string();
        assert!(
            err.contains("at most 1000 metrics, params, and tags"),
            "{err}"
        );
    }

    #[test]
    fn experiment_names_must_be_non_empty_and_at_most_500_chars() {
        assert!(validate_experiment_name("").is_err());
        assert!(validate_experiment_name(&"é".repeat(500)).is_ok());
        assert!(validate_experiment_name(&"e".repeat(501)).is_err());
    }

    #[test]
    fn artifact_paths_stay_inside_the_run() {
        assert_eq!(validate_artifact_path("a/b/").unwrap(), "a/b");
        assert_eq!(validate_artifact_path("").unwrap(), "");
        assert!(validate_artifact_path("../x").is_err());
        assert!(validate_artifact_path("/etc").is_err());
        assert!(validate_artifact_path("a\\..\\b").is_err());
    }

    #[test]
    fn python_repr_quotes_like_python() {
        assert_eq!(python_repr("b"), "'b'");
        assert_eq!(python_repr("it's"), "\"it's\"");
        assert_eq!(python_repr("a'\"b"), "'a\\'\"b'");
        assert_eq!(python_repr("x\ny"), "'x\\ny'");
    }
}

#[cfg(test)]
mod registry_tests {
    use super::*;

    #[test]
    fn model_names_follow_mlflow_3() {
        for ok in [
            "reg-model",
            "modèle avec espaces é",
            "yes",
            "a b (c)",
            ".hidden",
        ] {
            assert!(validate_model_name(ok).is_ok(), "{ok:?} refused");
        }
        assert_eq!(
            validate_model_name("a:b").unwrap_err().to_string(),
            "Invalid model name 'a:b'. Names cannot contain '/' or ':'."
        );
        assert_eq!(
            validate_model_name("  ").unwrap_err().to_string(),
            "Missing value for required parameter 'name'."
        );
        assert!(
            validate_model_name("..")
                .unwrap_err()
                .to_string()
                .contains("would resolve to '..'")
        );
        assert!(validate_model_name("50%").is_err());
        for bad in ["a\\b", "nul\0", "/abs", "../x", ".", ""] {
            assert!(validate_model_name(bad).is_err(), "{bad:?} accepted");
            assert_eq!(
                validate_model_name(bad).unwrap_err().exit_code(),
                crate::ExitCode::InvalidValue
            );
        }
    }

    #[test]
    fn existing_names_only_need_to_stay_inside_models() {
        assert!(validate_model_name_is_safe("a:b").is_ok());
        for bad in ["..", ".", "a/b", "a\\b", "x\0", ""] {
            assert!(validate_model_name_is_safe(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn versions_parse_like_python_int() {
        assert_eq!(validate_model_version("3").unwrap(), 3);
        assert_eq!(validate_model_version(" 1_0 ").unwrap(), 10);
        assert_eq!(validate_model_version("-1").unwrap(), -1);
        assert_eq!(
            validate_model_version("x").unwrap_err().to_string(),
            "Parameter 'version' must be an integer, got 'x'."
        );
        assert!(validate_model_version("1.0").is_err());
        assert!(validate_model_version("").is_err());
    }

    #[test]
    fn alias_rules_are_mlflows() {
        assert!(validate_alias_name("champion").is_ok());
        assert!(validate_alias_name("é-x_1").is_ok());
        assert!(validate_alias_name("").is_err());
        assert!(validate_alias_name("a.b").is_err());
        assert!(validate_alias_name("../x").is_err());
        assert!(validate_alias_name(&"a".repeat(256)).is_err());
        assert!(validate_alias_name_not_reserved("Latest").is_err());
        assert_eq!(
            validate_alias_name_not_reserved("V12")
                .unwrap_err()
                .to_string(),
            "Version alias name 'V12' is reserved."
        );
        assert!(validate_alias_name_not_reserved("v").is_ok());
        assert!(validate_alias_name_not_reserved("v1a").is_ok());
    }

    #[test]
    fn registry_tag_values_may_be_100000_characters() {
        assert!(validate_registry_tag("k", &"x".repeat(100_000)).is_ok());
        assert_eq!(
            validate_registry_tag("k", &"x".repeat(100_001))
                .unwrap_err()
                .to_string(),
            "'value' exceeds the maximum length of 100000 characters"
        );
        assert!(validate_registry_tag("../k", "v").is_err());
    }
}

/// The tags of a new run (MLflow's `create_run`): keys and value lengths.
pub fn validate_run_tags(tags: &[(String, String)]) -> Result<()> {
    for (k, v) in tags {
        validate_tag_name(k, "key")?;
        truncate_or_refuse("value", MAX_TAG_VAL_LENGTH, v)?;
    }
    Ok(())
}

/// MLflow's LogBatch checks, all made before anything is written: the batch limits, every
/// param, metric and tag key, metric timestamps, duplicate param keys. Returns the params and
/// tags with their values as stored (truncated where MLflow truncates).
#[allow(clippy::type_complexity)]
pub fn checked_batch(
    batch: &crate::entities::Batch,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>)> {
    validate_batch_limits(batch.metrics.len(), batch.params.len(), batch.tags.len())?;
    let mut params = Vec::with_capacity(batch.params.len());
    let mut seen = std::collections::BTreeSet::new();
    let mut dupes = Vec::new();
    for (i, (k, v)) in batch.params.iter().enumerate() {
        validate_param_name(k, &format!("params[{i}].key"))?;
        let (v, _) = truncate_or_refuse("Param value", MAX_PARAM_VAL_LENGTH, v)?;
        if !seen.insert(k.clone()) {
            dupes.push(python_repr(k));
        }
        params.push((k.clone(), v));
    }
    if !dupes.is_empty() {
        return Err(Error::invalid(format!(
            "Duplicate parameter keys have been submitted: [{}]. Please ensure the request contains only one param value per param key.",
            dupes.join(", ")
        )));
    }
    for (i, m) in batch.metrics.iter().enumerate() {
        validate_metric_name(&m.key, &format!("metrics[{i}].name"))?;
        validate_metric_timestamp(
            m.key.as_str(),
            m.value,
            m.timestamp,
            &format!("metrics[{i}].timestamp"),
        )?;
    }
    let mut tags = Vec::with_capacity(batch.tags.len());
    for (i, (k, v)) in batch.tags.iter().enumerate() {
        validate_tag_name(k, &format!("tags[{i}].key"))?;
        let (v, _) = truncate_or_refuse(&format!("tags[{i}].value"), MAX_TAG_VAL_LENGTH, v)?;
        tags.push((k.clone(), v));
    }
    Ok((params, tags))
}
