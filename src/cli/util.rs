//! Small helpers shared by commands: parsing `k=v`, metric values, times, run context.

use std::path::{Path, PathBuf};

use mlrs::store::metric_history::python_float;
use mlrs::{Error, Result};

/// Parses repeated `-t key=value` options; a duplicate key is an error.
pub fn parse_tags(items: &[String]) -> Result<Vec<(String, String)>> {
    let mut out: Vec<(String, String)> = Vec::new();
    for item in items {
        let (k, v) = item.split_once('=').ok_or_else(|| {
            Error::invalid(format!(
                "Invalid tag format: '{item}'. Tags must be in key=value format."
            ))
        })?;
        if out.iter().any(|(existing, _)| existing == k) {
            return Err(Error::invalid(format!("Duplicate tag key: '{k}'")));
        }
        out.push((k.to_string(), v.to_string()));
    }
    Ok(out)
}

/// A metric value from the command line: decimals, exponents, `nan`, `inf`, `-inf` (any case).
pub fn parse_metric_value(text: &str) -> Result<f64> {
    python_float(text).ok_or_else(|| {
        Error::invalid(format!(
            "invalid metric value '{text}': expected a number, nan, inf or -inf"
        ))
    })
}

/// Epoch milliseconds as a local date and time, for tables.
pub fn format_time(ms: Option<i64>) -> String {
    use chrono::TimeZone;
    match ms.and_then(|ms| chrono::Local.timestamp_millis_opt(ms).single()) {
        Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
        None => String::new(),
    }
}

/// The user name MLflow records (`getpass.getuser()`: LOGNAME, USER, LNAME, USERNAME).
pub fn current_user() -> String {
    for var in ["LOGNAME", "USER", "LNAME", "USERNAME"] {
        if let Ok(v) = std::env::var(var)
            && !v.is_empty()
        {
            return v;
        }
    }
    passwd_user().unwrap_or_else(|| "unknown".to_string())
}

/// The name of the current uid in /etc/passwd (`pwd.getpwuid(os.getuid())`).
fn passwd_user() -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let uid = std::fs::metadata("/proc/self").ok()?.uid();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|l| {
        let mut f = l.split(':');
        let name = f.next()?;
        let id: u32 = f.nth(1)?.parse().ok()?;
        (id == uid).then(|| name.to_string())
    })
}

/// The commit checked out in the git repository containing `dir`, read from `.git` directly.
pub fn git_commit(dir: &Path) -> Option<String> {
    let mut cur: Option<&Path> = Some(dir);
    while let Some(d) = cur {
        let git = d.join(".git");
        if git.is_dir() {
            return read_head(&git);
        }
        if git.is_file() {
            let text = std::fs::read_to_string(&git).ok()?;
            let target = text.strip_prefix("gitdir:")?.trim();
            return read_head(&d.join(target));
        }
        cur = d.parent();
    }
    None
}

fn read_head(git_dir: &Path) -> Option<String> {
    let head = std::fs::read_to_string(git_dir.join("HEAD")).ok()?;
    let head = head.trim();
    let Some(reference) = head.strip_prefix("ref:") else {
        return is_sha(head).then(|| head.to_string());
    };
    let reference = reference.trim();
    let common = std::fs::read_to_string(git_dir.join("commondir"))
        .map(|c| git_dir.join(c.trim()))
        .unwrap_or_else(|_| git_dir.to_path_buf());
    for base in [git_dir.to_path_buf(), common.clone()] {
        if let Ok(sha) = std::fs::read_to_string(base.join(reference)) {
            let sha = sha.trim().to_string();
            if is_sha(&sha) {
                return Some(sha);
            }
        }
    }
    let packed = std::fs::read_to_string(common.join("packed-refs")).ok()?;
    packed.lines().find_map(|l| {
        let (sha, name) = l.split_once(' ')?;
        (name == reference && is_sha(sha)).then(|| sha.to_string())
    })
}

fn is_sha(s: &str) -> bool {
    s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Reads a whole file, or standard input for `-`.
pub fn read_input(path: &str) -> Result<String> {
    use std::io::Read;
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Error::io("<stdin>", e))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path).map_err(|e| Error::io(PathBuf::from(path), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_as_key_equals_value() {
        let t = parse_tags(&["a=1".into(), "b=x=y".into(), "c=".into()]).unwrap();
        assert_eq!(
            t,
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "x=y".into()),
                ("c".into(), "".into())
            ]
        );
        assert!(parse_tags(&["novalue".into()]).is_err());
        assert!(parse_tags(&["a=1".into(), "a=2".into()]).is_err());
    }

    #[test]
    fn metric_values_accept_non_finite_words() {
        assert!(parse_metric_value("NaN").unwrap().is_nan());
        assert_eq!(parse_metric_value("-inf").unwrap(), f64::NEG_INFINITY);
        assert_eq!(parse_metric_value("-0.5").unwrap(), -0.5);
        assert!(parse_metric_value("abc").is_err());
    }
}
