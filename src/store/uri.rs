//! Where a store lives: tracking-URI parsing, and `file:` URIs for artifact locations.
//! Only local stores are supported; any other scheme is refused by name.

use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// Resolves a tracking or registry URI (`./mlruns`, `file:rel`, `file:///abs`) to a local path.
pub fn resolve_store_uri(uri: &str) -> Result<PathBuf> {
    if uri.is_empty() {
        return Err(Error::invalid("empty tracking URI"));
    }
    match uri_scheme(uri) {
        None => Ok(PathBuf::from(uri)),
        Some(scheme) if scheme.eq_ignore_ascii_case("file") => file_uri_to_path(uri),
        Some(scheme) => Err(Error::invalid(format!(
            "unsupported URI scheme '{scheme}' in '{uri}': mlrs works on local file stores only (a path or a file: URI)"
        ))),
    }
}

/// The scheme of a URI, if it has one (`s3`, `file`, ...). Single letters are Windows drives.
pub fn uri_scheme(uri: &str) -> Option<&str> {
    let colon = uri.find(':')?;
    let scheme = &uri[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    if scheme.len() < 2
        || !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    Some(scheme)
}

/// `file:///a/b%20c` → `/a/b c`; `file:rel/x` → `rel/x`; `file://localhost/a` → `/a`.
pub fn file_uri_to_path(uri: &str) -> Result<PathBuf> {
    let rest = &uri[5..];
    let path = if let Some(after) = rest.strip_prefix("//") {
        let slash = after.find('/').unwrap_or(after.len());
        let host = &after[..slash];
        if !host.is_empty() && !host.eq_ignore_ascii_case("localhost") {
            return Err(Error::invalid(format!(
                "unsupported file URI '{uri}': remote host '{host}' (only local paths are supported)"
            )));
        }
        &after[slash..]
    } else {
        rest
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    Ok(PathBuf::from(percent_decode(path)))
}

/// Python's `pathlib.Path(abs).as_uri()`: `file://` plus the percent-encoded absolute path.
pub fn path_to_file_uri(abs: &Path) -> String {
    let mut out = String::from("file://");
    for b in abs.to_string_lossy().as_bytes() {
        let c = *b;
        if c.is_ascii_alphanumeric() || matches!(c, b'/' | b'-' | b'_' | b'.' | b'~') {
            out.push(c as char);
        } else {
            out.push_str(&format!("%{c:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// An absolute, lexically normalised form of `path` (no symlink resolution, like `os.path.abspath`).
pub fn absolute(path: &Path) -> Result<PathBuf> {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Error::io(".", e))?
            .join(path)
    };
    let mut out = PathBuf::new();
    for comp in joined.components() {
        match comp {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    Ok(out)
}

/// The local directory behind an artifact URI, when it is local (`file:` or a plain path).
pub fn local_artifact_path(uri: &str) -> Option<PathBuf> {
    match uri_scheme(uri) {
        None => Some(PathBuf::from(uri)),
        Some(s) if s.eq_ignore_ascii_case("file") => file_uri_to_path(uri).ok(),
        Some(_) => None,
    }
}

/// MLflow's `append_to_uri_path`: joins with exactly one `/`.
pub fn append_to_uri_path(base: &str, parts: &[&str]) -> String {
    let mut out = base.trim_end_matches('/').to_string();
    if out.is_empty() && base.starts_with('/') {
        out.push('/');
    }
    for p in parts {
        let p = p.trim_matches('/');
        if p.is_empty() {
            continue;
        }
        if !out.ends_with('/') {
            out.push('/');
        }
        out.push_str(p);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_and_file_uris_resolve_locally() {
        assert_eq!(
            resolve_store_uri("./mlruns").unwrap(),
            PathBuf::from("./mlruns")
        );
        assert_eq!(
            resolve_store_uri("file:rel/x").unwrap(),
            PathBuf::from("rel/x")
        );
        assert_eq!(
            resolve_store_uri("file:///a/b%20c").unwrap(),
            PathBuf::from("/a/b c")
        );
        assert_eq!(
            resolve_store_uri("file://localhost/a").unwrap(),
            PathBuf::from("/a")
        );
    }

    #[test]
    fn other_schemes_are_refused_by_name() {
        for uri in [
            "http://host:5000",
            "sqlite:///mlflow.db",
            "postgresql://u@h/db",
            "databricks",
        ] {
            if uri == "databricks" {
                assert!(resolve_store_uri(uri).is_ok());
                continue;
            }
            let err = resolve_store_uri(uri).unwrap_err();
            assert_eq!(err.exit_code(), crate::error::ExitCode::InvalidValue);
            let scheme = uri.split(':').next().unwrap();
            assert!(err.to_string().contains(&format!("'{scheme}'")), "{err}");
        }
    }

    #[test]
    fn file_uris_round_trip_with_percent_encoding() {
        let p = Path::new("/tmp/a b/é");
        let uri = path_to_file_uri(p);
        assert_eq!(uri, "file:///tmp/a%20b/%C3%A9");
        assert_eq!(file_uri_to_path(&uri).unwrap(), p);
    }

    #[test]
    fn uri_paths_join_with_one_slash() {
        assert_eq!(
            append_to_uri_path("file:///a/", &["1", "artifacts"]),
            "file:///a/1/artifacts"
        );
        assert_eq!(append_to_uri_path("s3://b/x", &["r"]), "s3://b/x/r");
    }

    #[test]
    fn absolute_normalises_dots() {
        assert_eq!(
            absolute(Path::new("/a/./b/../c")).unwrap(),
            PathBuf::from("/a/c")
        );
    }
}
