//! Runs the real `mlrs` binary in a scratch directory, like ripgrep's integration tests.
//!
//! The test matrix: every `Scratch` belongs to a store `Backend`, picked by the environment
//! variable `MLRS_TEST_BACKEND` (`file`, the default, `sqlite`, or `rest`; unknown values panic), and
//! `run` points the binary at that backend's store through `MLFLOW_TRACKING_URI`. The file backend sets
//! nothing, so commands use the implicit `./mlruns` of the scratch directory, exactly as the
//! tests were written. A new backend (the SQL store, a tracking server) is one more `Backend`
//! variant with its name and its `tracking_uri`; then `MLRS_TEST_BACKEND=sqlite cargo test`
//! runs the same CLI tests against it. Tests that read files under `store()` directly are
//! about the file store; they can skip other backends with `if !s.is_file_store() { return; }`.
//!
//! The `rest` backend is a real tracking server: each `Scratch` starts its own `mlflow server`
//! (the executable `MLRS_TEST_MLFLOW` names, e.g. the interop venv's MLflow 3.17.2) on the
//! first command that uses the scratch store, on a free port of 127.0.0.1, with a SQLite store
//! `<scratch>/server/mlflow.db` and artifacts proxied to `<scratch>/server/artifacts` (a
//! directory of its own, so that tests which make their own `<scratch>/mlflow.db` or
//! `<scratch>/mlruns` do not meet it), and kills it (its whole process group) when the
//! `Scratch` is dropped. A command given its own `--tracking-uri` starts no server.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// The store backend a scratch store lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// MLflow's file store: `<scratch>/mlruns`, the default URI of a command run there.
    File,
    /// MLflow's SQL store on SQLite: `sqlite:///<scratch>/mlflow.db`.
    Sqlite,
    /// A real `mlflow server` (`MLRS_TEST_MLFLOW`) on 127.0.0.1 over a SQLite store
    /// `<scratch>/server/mlflow.db`, artifacts proxied to `<scratch>/server/artifacts`.
    Rest,
}

impl Backend {
    /// The backend named by `MLRS_TEST_BACKEND` (default `file`).
    pub fn from_env() -> Backend {
        match std::env::var("MLRS_TEST_BACKEND").as_deref() {
            Err(_) | Ok("") | Ok("file") => Backend::File,
            Ok("sqlite") => Backend::Sqlite,
            Ok("rest") => Backend::Rest,
            Ok(other) => {
                panic!("MLRS_TEST_BACKEND={other}: known backends are: file, sqlite, rest")
            }
        }
    }

    /// The tracking URI of the store in scratch directory `dir`, or None when a command's
    /// default (`./mlruns` in its working directory) already is that store. A server's URI
    /// depends on its port: ask `Scratch::env_tracking_uri` instead.
    pub fn tracking_uri(self, dir: &Path) -> Option<String> {
        match self {
            Backend::File => None,
            // An absolute path after `sqlite:///` gives SQLAlchemy's four slashes.
            Backend::Sqlite => Some(format!("sqlite:///{}", dir.join("mlflow.db").display())),
            Backend::Rest => panic!("a tracking server's URI: use Scratch::env_tracking_uri"),
        }
    }
}

pub struct Scratch {
    /// The `Rest` backend's server, started on first use (dropped before `dir`).
    server: OnceLock<Server>,
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
        Scratch::with_backend(Backend::from_env())
    }

    /// A scratch store of the given backend, whatever the matrix runs (for backend-specific
    /// tests that should run in every matrix leg).
    pub fn with_backend(backend: Backend) -> Scratch {
        Scratch {
            server: OnceLock::new(),
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

    /// Whether the scratch store is a tracking server (whose database and artifacts a test
    /// may compare, but whose store always exists).
    pub fn is_server(&self) -> bool {
        self.backend == Backend::Rest
    }

    /// For a test about a store that does not exist yet, or about a backend's files: true,
    /// after a note on stderr, when the matrix runs a tracking server.
    pub fn skip_on_server(&self, why: &str) -> bool {
        if !self.is_server() {
            return false;
        }
        eprintln!("skipped on a tracking server: {why}");
        true
    }

    /// The URI that names the scratch store, for tests that pass `--tracking-uri` themselves.
    pub fn tracking_uri(&self) -> String {
        self.env_tracking_uri()
            .unwrap_or_else(|| self.store().to_string_lossy().into_owned())
    }

    /// What `run` sets `MLFLOW_TRACKING_URI` to (None for the file store, whose `./mlruns`
    /// is the default); starts the server of the `Rest` backend.
    pub fn env_tracking_uri(&self) -> Option<String> {
        match self.backend {
            Backend::Rest => Some(self.server().uri()),
            other => other.tracking_uri(self.path()),
        }
    }

    /// The `Rest` backend's server, started on first use.
    pub fn server(&self) -> &Server {
        assert_eq!(
            self.backend,
            Backend::Rest,
            "only the rest backend has a server"
        );
        self.server
            .get_or_init(|| Server::start(&self.path().join(SERVER_DIR)))
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("mlruns")
    }

    /// The path whose existence means the backend's store exists: `mlruns/` for the file
    /// store, the database file for SQLite and for a tracking server (whose database the
    /// server creates when it starts).
    pub fn store_marker(&self) -> PathBuf {
        match self.backend {
            Backend::File => self.store(),
            Backend::Sqlite => self.path().join("mlflow.db"),
            Backend::Rest => self.path().join(SERVER_DIR).join("mlflow.db"),
        }
    }

    /// Whether the scratch store holds anything a command wrote: for the file store and
    /// SQLite, whether it exists; for a tracking server (whose store exists from its start),
    /// whether its database or artifacts differ from what the server started with.
    pub fn store_written(&self) -> bool {
        match self.backend {
            Backend::File | Backend::Sqlite => self.store_marker().exists(),
            Backend::Rest => self.snapshot() != self.server().initial,
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
        // A command that names its store itself does not read the variable: no server for it.
        let own_uri = args
            .iter()
            .any(|a| *a == "--tracking-uri" || a.starts_with("--tracking-uri="));
        if (self.backend != Backend::Rest || !own_uri)
            && let Some(uri) = self.env_tracking_uri()
        {
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
    /// journal, and the artifacts under `mlruns/`; for a tracking server: its database file
    /// and the artifacts under `server/artifacts/`) with its content, to prove nothing changed.
    pub fn snapshot(&self) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        if self.backend == Backend::Rest {
            self.server();
            return snapshot_of(&self.path().join(SERVER_DIR));
        }
        if self.backend == Backend::Sqlite {
            for name in ["mlflow.db", "mlflow.db-journal", "mlflow.db-wal"] {
                if let Ok(bytes) = std::fs::read(self.path().join(name)) {
                    out.push((name.to_string(), bytes));
                }
            }
        }
        walk_into(self.path(), &self.store(), &mut out);
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

/// Appends every entry under `dir` (when it exists), named relative to `base`, with the
/// content of each file.
fn walk_into(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    if !dir.exists() {
        return;
    }
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        let rel = e
            .path()
            .strip_prefix(base)
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
}

/// The subdirectory of a scratch directory the `Rest` backend's server keeps its store in.
const SERVER_DIR: &str = "server";

/// How long a server may take to answer `/health` (MLflow 3.17 takes ~6 s on an idle core).
const SERVER_START_TIMEOUT: Duration = Duration::from_secs(180);

/// A real `mlflow server` in a scratch directory, killed with its process group on drop.
pub struct Server {
    child: Child,
    pub port: u16,
    /// The server's stdout and stderr.
    pub log: PathBuf,
    /// `Scratch::snapshot` right after the server answered `/health`.
    initial: Vec<(String, Vec<u8>)>,
}

impl Server {
    /// Starts `$MLRS_TEST_MLFLOW server` in `dir` (created) and waits until it answers
    /// `/health`.
    fn start(dir: &Path) -> Server {
        std::fs::create_dir_all(dir).expect("server directory");
        let mlflow = std::env::var("MLRS_TEST_MLFLOW").unwrap_or_else(|_| {
            panic!(
                "MLRS_TEST_BACKEND=rest needs MLRS_TEST_MLFLOW, the mlflow executable to run \
                 (e.g. ~/.cache/mlrs-interop-venvs/mlflow3/bin/mlflow)"
            )
        });
        // A port another process takes between our probe and the server's bind makes the
        // server exit: try again with another one.
        let mut last_failure = String::new();
        for _ in 0..3 {
            let port = free_port();
            let log = dir.join("mlflow-server.log");
            let log_file = std::fs::File::create(&log).expect("server log");
            let mut cmd = Command::new(&mlflow);
            cmd.arg("server")
                .arg("--backend-store-uri")
                .arg(format!("sqlite:///{}", dir.join("mlflow.db").display()))
                .arg("--artifacts-destination")
                .arg(dir.join("artifacts"))
                .args(["--host", "127.0.0.1", "--port", &port.to_string()])
                .args(["--workers", "1"])
                .current_dir(dir)
                .env_remove("MLFLOW_TRACKING_URI")
                .env_remove("MLFLOW_REGISTRY_URI")
                .env_remove("MLFLOW_EXPERIMENT_ID")
                .env_remove("MLFLOW_EXPERIMENT_NAME")
                // No job runner and its huey consumers (seven more Python processes, and
                // a second to start): the CLI never submits a job.
                .env("MLFLOW_SERVER_ENABLE_JOB_EXECUTION", "false")
                .env("PYTHONDONTWRITEBYTECODE", "1")
                .stdin(Stdio::null())
                .stdout(log_file.try_clone().unwrap())
                .stderr(log_file);
            std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
            let child = cmd
                .spawn()
                .unwrap_or_else(|e| panic!("cannot run {mlflow} server: {e}"));
            let mut server = Server {
                child,
                port,
                log,
                initial: Vec::new(),
            };
            let started = Instant::now();
            loop {
                if health_ok(port) {
                    server.initial = snapshot_of(dir);
                    if std::env::var_os("MLRS_TEST_SERVER_TIMING").is_some() {
                        eprintln!(
                            "mlflow server on port {port} ready in {:.2}s",
                            started.elapsed().as_secs_f64()
                        );
                    }
                    return server;
                }
                if let Ok(Some(status)) = server.child.try_wait() {
                    last_failure = format!("exited ({status}) before answering /health");
                    break;
                }
                if started.elapsed() > SERVER_START_TIMEOUT {
                    panic!(
                        "mlflow server on port {port} did not answer /health within {}s; log tail:\n{}",
                        SERVER_START_TIMEOUT.as_secs(),
                        server.log_tail(40)
                    );
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            last_failure = format!("{last_failure}; log tail:\n{}", server.log_tail(40));
        }
        panic!("mlflow server {last_failure}")
    }

    /// `http://127.0.0.1:PORT`.
    pub fn uri(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The last `n` lines the server logged.
    pub fn log_tail(&self, n: usize) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(n)..].join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let group = self.child.id() as libc::pid_t;
        // SAFETY: kill(2) on the process group this Server started (process_group(0)).
        unsafe { libc::kill(-group, libc::SIGTERM) };
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // Whatever is left of the group (uvicorn's worker outliving its parent, a hung
        // shutdown) goes now.
        unsafe { libc::kill(-group, libc::SIGKILL) };
        let _ = self.child.wait();
    }
}

/// The snapshot of a tracking server's directory (see `Scratch::snapshot`).
fn snapshot_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for name in ["mlflow.db", "mlflow.db-journal", "mlflow.db-wal"] {
        if let Ok(bytes) = std::fs::read(dir.join(name)) {
            out.push((name.to_string(), bytes));
        }
    }
    walk_into(dir, &dir.join("artifacts"), &mut out);
    out
}

/// A port nothing listens on right now.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// Whether `GET /health` on the port answers 200.
fn health_ok(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut conn) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = conn.set_read_timeout(Some(Duration::from_secs(5)));
    if conn
        .write_all(b"GET /health HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut head = [0u8; 12];
    conn.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.") && &head[9..12] == b"200"
}
