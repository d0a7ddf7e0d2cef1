//! The one YAML reader and writer of mlrs: PyYAML-compatible (YAML 1.1) output, typed input.
//! serde-saphyr quotes every string PyYAML would read as something else (`yes`, `12:30`, `~`).

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// Serialises `value` (a struct whose fields are declared in sorted order, as PyYAML's
/// `sort_keys=True` writes them) to block-style YAML.
pub fn to_yaml<T: Serialize>(value: &T) -> Result<String> {
    let mut opts = serde_saphyr::SerializerOptions::default();
    // Quoted scalars over block scalars: a multi-line value is one `"..\n.."` line.
    opts.prefer_block_scalars = false;
    serde_saphyr::to_string_with_options(value, opts)
        .map_err(|e| Error::Failed(format!("cannot serialise YAML: {e}")))
}

/// Parses YAML text into `T`; `path` names the file in errors. An empty document is an error.
pub fn from_yaml<T: DeserializeOwned>(text: &str, path: &Path) -> Result<T> {
    if text.trim().is_empty() {
        return Err(Error::malformed(path, "empty YAML file"));
    }
    let text = yaml11_line_separators(text);
    serde_saphyr::from_str(&text).map_err(|e| {
        let msg = e.to_string();
        let first = msg.lines().next().unwrap_or("invalid YAML").trim();
        Error::malformed(path, format!("invalid YAML: {first}"))
    })
}

/// PyYAML (YAML 1.1) treats U+2028 and U+2029 as line breaks: inside a quoted scalar it writes
/// them raw and indents the next line, and reads the indentation back as nothing. YAML 1.2
/// readers keep those spaces, so drop them as PyYAML does. (PyYAML never writes real spaces
/// after such a break in a single-quoted or plain scalar: it switches to double quotes.)
fn yaml11_line_separators(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['\u{2028}', '\u{2029}']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut after_break = false;
    for c in text.chars() {
        if after_break && (c == ' ' || c == '\t') {
            continue;
        }
        after_break = c == '\u{2028}' || c == '\u{2029}';
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// Reads and parses a YAML file.
pub fn read_yaml<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::malformed(path, "meta.yaml is not valid UTF-8"))?;
    from_yaml(&text, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Serialize, Deserialize, Debug, PartialEq)]
    struct Doc {
        a: Option<i64>,
        name: String,
    }

    #[test]
    fn strings_pyyaml_would_misread_are_quoted() {
        for hostile in [
            "yes",
            "No",
            "on",
            "OFF",
            "null",
            "~",
            "",
            "12:30",
            "1:30:00",
            "0x1F",
            "0o17",
            "007",
            "1_000",
            "1.5",
            ".5",
            ".inf",
            ".NaN",
            "2024-01-01",
            "2024-01-01 10:00:00",
            "=",
            "<<",
            "#x",
            "a: b",
            "a #b",
            " padded ",
            "-",
            "- x",
            "? q",
            "[l]",
            "{m}",
            "!t",
            "&a",
            "*a",
            "|",
            ">",
            "'",
            "\"",
            "%p",
            "@a",
            "`b",
        ] {
            let doc = Doc {
                a: None,
                name: hostile.to_string(),
            };
            let text = to_yaml(&doc).unwrap();
            let line = text.lines().find(|l| l.starts_with("name:")).unwrap();
            let value = &line["name: ".len()..];
            assert!(
                value.starts_with('\'') || value.starts_with('"'),
                "{hostile:?} written bare: {line}"
            );
            let back: Doc = from_yaml(&text, Path::new("t")).unwrap();
            assert_eq!(back.name, hostile);
        }
    }

    #[test]
    fn multi_line_and_unicode_values_round_trip() {
        for s in [
            "multi\nline\n",
            "é ü 日本",
            "tab\tx",
            "ctrl\u{7}",
            "it's",
            "x".repeat(200).as_str(),
        ] {
            let doc = Doc {
                a: Some(1),
                name: s.to_string(),
            };
            let back: Doc = from_yaml(&to_yaml(&doc).unwrap(), Path::new("t")).unwrap();
            assert_eq!(back, doc);
        }
    }

    #[test]
    fn pyyaml_line_separator_indentation_is_read_as_pyyaml_reads_it() {
        // Bytes PyYAML writes for the name "ls\u{2028}x".
        let back: Doc = from_yaml("name: 'ls\u{2028}  x'\n", Path::new("t")).unwrap();
        assert_eq!(back.name, "ls\u{2028}x");
        let ours = Doc {
            a: None,
            name: "ps\u{2029}  y".into(),
        };
        let back: Doc = from_yaml(&to_yaml(&ours).unwrap(), Path::new("t")).unwrap();
        assert_eq!(back.name, "ps\u{2029}  y");
    }

    #[test]
    fn none_is_written_as_null_and_keys_in_declared_order() {
        let text = to_yaml(&Doc {
            a: None,
            name: "x".into(),
        })
        .unwrap();
        assert_eq!(text, "a: null\nname: x\n");
    }

    #[test]
    fn empty_and_broken_yaml_are_malformed_errors_naming_the_path() {
        let err = from_yaml::<Doc>("", Path::new("/s/meta.yaml")).unwrap_err();
        assert!(err.to_string().starts_with("/s/meta.yaml: empty"), "{err}");
        let err = from_yaml::<Doc>("name: [x\n", Path::new("/s/meta.yaml")).unwrap_err();
        assert!(!err.to_string().contains('\n'));
    }
}
