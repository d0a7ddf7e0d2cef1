//! Typed errors of the mlrs library and the exit code each one maps to.
//! The binary turns an `Error` into one line on stderr and `Error::exit_code()`.

use std::fmt;
use std::path::{Path, PathBuf};

/// Exit codes are part of the command-line contract (see README): scripts branch on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// The operation failed (I/O error, malformed store object, ...).
    Failure = 1,
    /// Bad command-line usage (clap's own code).
    Usage = 2,
    /// The named object does not exist.
    NotFound = 3,
    /// The object already exists, or a lock stayed busy past its timeout.
    AlreadyExists = 4,
    /// An invalid value: bad key, name, filter, stage, URI scheme...
    InvalidValue = 5,
    /// Interrupted by Ctrl-C.
    Interrupted = 130,
}

impl From<ExitCode> for i32 {
    fn from(code: ExitCode) -> i32 {
        code as i32
    }
}

/// Every failure the library reports.
#[derive(Debug)]
pub enum Error {
    /// The thing named does not exist (`run 3f2a… not found in ./mlruns`).
    NotFound(String),
    /// The thing already exists (`experiment 'x' already exists`).
    AlreadyExists(String),
    /// A value given by the user is not acceptable.
    InvalidValue(String),
    /// An object in the store could not be read (broken meta.yaml, bad metric line).
    Malformed { path: PathBuf, message: String },
    /// An I/O error on a path.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A lock stayed busy.
    LockBusy(String),
    /// Any other failed operation.
    Failed(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Error::NotFound(_) => ExitCode::NotFound,
            Error::AlreadyExists(_) | Error::LockBusy(_) => ExitCode::AlreadyExists,
            Error::InvalidValue(_) => ExitCode::InvalidValue,
            Error::Malformed { .. } | Error::Io { .. } | Error::Failed(_) => ExitCode::Failure,
        }
    }

    pub fn io(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().to_path_buf(),
            source,
        }
    }

    pub fn malformed(path: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Error::Malformed {
            path: path.as_ref().to_path_buf(),
            message: message.into(),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Error::InvalidValue(message.into())
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Error::NotFound(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound(m)
            | Error::AlreadyExists(m)
            | Error::InvalidValue(m)
            | Error::LockBusy(m)
            | Error::Failed(m) => f.write_str(m),
            Error::Malformed { path, message } => write!(f, "{}: {}", path.display(), message),
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), source),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_error_kind_maps_to_its_documented_exit_code() {
        assert_eq!(i32::from(Error::not_found("x").exit_code()), 3);
        assert_eq!(i32::from(Error::AlreadyExists("x".into()).exit_code()), 4);
        assert_eq!(i32::from(Error::LockBusy("x".into()).exit_code()), 4);
        assert_eq!(i32::from(Error::invalid("x").exit_code()), 5);
        assert_eq!(i32::from(Error::malformed("/p", "bad").exit_code()), 1);
        assert_eq!(i32::from(ExitCode::Interrupted), 130);
    }

    #[test]
    fn malformed_error_names_the_path() {
        let e = Error::malformed("/s/1/meta.yaml", "empty file");
        assert_eq!(e.to_string(), "/s/1/meta.yaml: empty file");
    }
}
