//! Runs the real `mlrs` binary in a scratch directory, like ripgrep's integration tests.
//!
//! The test matrix: every `Scratch` belongs to a store `Backend`, picked by the environment
//! variable `MLRS_TEST_BACKEND` (`file`, the default, or `sqlite`; unknown values panic), and `run` points
//! the binary at that backend's store through `MLFLOW_TRACKING_URI`. The file backend sets
//! nothing, so commands use the implicit `./mlruns` of the scratch directory, exactly as the
//! tests were written. A new backend (the SQL store, a tracking server) is one more `Backend`
//! variant with its name and its `tracking_uri`; then `MLRS_TEST_BACKEND=sqlite cargo test`
//! runs the same CLI tests against it. Tests that read files under `store()` directly are
//! about the file store; they can skip other backends with `if !s.is_file_store() { return; }`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The store backend a scratch store lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// MLflow's file store: `<scratch>/mlruns`, the default URI of a command run there.
    File,
    /// MLflow's SQL store on SQLite: `sqlite:///<scratch>/mlflow.db`.
    Sqlite,
}

impl Backend {
    /// The backend named by `MLRS_TEST_BACKEND` (default `file`).
    pub fn from_env() -> Backend {
        match std::env::var("MLRS_TEST_BACKEND").as_deref() {
            Err(_) | Ok("") | Ok("file") => Backend::File,
            Ok("sqlite") => Backend::Sqlite,
            Ok(other) => panic!("MLRS_TEST_BACKEND={other}: known backends are: file, sqlite"),
        }
    }

    /// The tracking URI of the store in scratch directory `dir`, or None when a command's
    /// default (`./mlruns` in its working directory) already is that store.
    pub fn tracking_uri(self, dir: &Path) -> Option<String> {
        match self {
            Backend::File => None,
            // An absolute path after `sqlite:///` gives SQLAlchemy's four slashes.
            Backend::Sqlite => Some(format!("sqlite:///{}", dir.join("mlflow.db").display())),
        }
    }
}

pub struct Scratch {
    pub dir: tempfile::TempDir,
    pub backend: Backend,
}

pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn ok(self) -> Out {
        assert_eq!(
            self.code, 0,
            "command failed: stdout={} stderr={}",
            self.stdout, self.stderr
        );
        self
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
    pub fn line(&self) -> String {
        self.stdout.trim().to_string()
    }
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("tempdir"),
            backend: Backend::from_env(),
        }
    }

    /// A scratch store of the given backend, whatever the matrix runs (for backend-specific
    /// tests that should run in every matrix leg).
    pub fn with_backend(backend: Backend) -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("tempdir"),
            backend,
        }
    }

    /// Whether the scratch store is a file store whose files a test may inspect.
    pub fn is_file_store(&self) -> bool {
        self.backend == Backend::File
    }

    /// For a test of a command that works on file stores only (doctor, store relocate,
    /// export/import; `cli_tracking` checks that other backends refuse them): true, after a
    /// note on stderr, when the matrix runs another backend.
    #[allow(dead_code)]
    pub fn skip_unless_file_store(&self, what: &str) -> bool {
        if self.is_file_store() {
            return false;
        }
        eprintln!(
            "skipped on {:?}: {what} works on file stores only",
            self.backend
        );
        true
    }

    /// The URI that names the scratch store, for tests that pass `--tracking-uri` themselves.
    pub fn tracking_uri(&self) -> String {
        self.backend
            .tracking_uri(self.path())
            .unwrap_or_else(|| self.store().to_string_lossy().into_owned())
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("mlruns")
    }

    /// The path whose existence means the backend's store exists: `mlruns/` for the file
    /// store, the database file for SQLite.
    pub fn store_marker(&self) -> PathBuf {
        match self.backend {
            Backend::File => self.store(),
            Backend::Sqlite => self.path().join("mlflow.db"),
        }
    }

    /// Runs `mlrs ARGS` with the scratch directory as working directory and the backend's
    /// tracking URI (none for the file store: `./mlruns` is the default).
    pub fn run(&self, args: &[&str]) -> Out {
        self.run_with_stdin(args, None)
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: Option<&str>) -> Out {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrs"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env_remove("MLFLOW_TRACKING_URI")
            .env_remove("MLFLOW_REGISTRY_URI")
            .env_remove("MLFLOW_EXPERIMENT_ID")
            .env("NO_COLOR", "1");
        if let Some(uri) = self.backend.tracking_uri(self.path()) {
            cmd.env("MLFLOW_TRACKING_URI", uri);
        }
        cmd.stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn mlrs");
        if let Some(input) = stdin {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(input.as_bytes())
                .unwrap();
        }
        let Output {
            status,
            stdout,
            stderr,
        } = child.wait_with_output().unwrap();
        Out {
            code: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    /// A listing of every file under the store (for SQLite: the database file, with any
    /// journal, and the artifacts under `mlruns/`) with its content, to prove nothing changed.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        if self.backend == Backend::Sqlite {
            for name in ["mlflow.db", "mlflow.db-journal", "mlflow.db-wal"] {
                if let Ok(bytes) = std::fs::read(self.path().join(name)) {
                    out.push((name.to_string(), bytes));
                }
            }
        }
        if !self.store().exists() {
            return out;
        }
        for e in walkdir::WalkDir::new(self.store()).sort_by_file_name() {
            let e = e.unwrap();
            let rel = e
                .path()
                .strip_prefix(self.path())
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let content = if e.file_type().is_file() {
                std::fs::read(e.path()).unwrap()
            } else {
                Vec::new()
            };
            out.push((rel, content));
        }
        out
    }

    /// Creates an experiment and a running run in it; returns (experiment id, run id).
    pub fn exp_and_run(&self) -> (String, String) {
        let exp = self
            .run(&["experiments", "create", "-q", "-n", "e"])
            .ok()
            .line();
        let run = self
            .run(&["runs", "start", "-q", "--experiment-id", &exp])
            .ok()
            .line();
        (exp, run)
    }
}
