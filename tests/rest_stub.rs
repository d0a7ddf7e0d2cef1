//! The tracking-server client against a scripted in-process HTTP/1.1 stub (no Python, no
//! network beyond 127.0.0.1): how it maps the server's errors to exit codes and one-line
//! messages, when it retries and how often, and which `Authorization` header it sends.
//! Correctness of the REST calls themselves is proven against a real `mlflow server`
//! (`MLRS_TEST_BACKEND=rest`); this file covers what a real server cannot be made to do
//! on demand (503s, 429s, dead ports, HTML error pages).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// One scripted answer.
#[derive(Clone)]
struct Reply {
    status: u16,
    headers: Vec<(&'static str, String)>,
    body: String,
}

impl Reply {
    fn json(status: u16, body: serde_json::Value) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type", "application/json".into())],
            body: body.to_string(),
        }
    }
    fn error(status: u16, code: &str, message: &str) -> Reply {
        Reply::json(
            status,
            serde_json::json!({"error_code": code, "message": message}),
        )
    }
    fn experiment() -> Reply {
        Reply::json(
            200,
            serde_json::json!({"experiment": {
                "experiment_id": "1", "name": "stubbed", "lifecycle_stage": "active",
                "artifact_location": "mlflow-artifacts:/1",
                "creation_time": 1700000000000i64, "last_update_time": 1700000000000i64,
            }}),
        )
    }
    fn with_header(mut self, name: &'static str, value: &str) -> Reply {
        self.headers.push((name, value.into()));
        self
    }
}

/// A request as the stub received it.
#[derive(Debug, Clone)]
struct Request {
    method: String,
    target: String,
    /// Header names lowercased.
    headers: Vec<(String, String)>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A server on 127.0.0.1 that answers the n-th request with the n-th reply of its script
/// (the last one again once the script is used up) and records every request.
struct Stub {
    port: u16,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Stub {
    fn start(script: Vec<Reply>) -> Stub {
        assert!(!script.is_empty());
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let seen = Arc::clone(&seen);
                let script = script.clone();
                std::thread::spawn(move || serve(conn, &script, &seen));
            }
        });
        Stub { port, requests }
    }

    fn uri(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

/// Answers the requests of one connection (keep-alive) until the client closes it.
fn serve(conn: TcpStream, script: &[Reply], seen: &Mutex<Vec<Request>>) {
    conn.set_read_timeout(Some(Duration::from_secs(10))).ok();
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut conn = conn;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let mut parts = line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let target = parts.next().unwrap_or("").to_string();
        let mut headers = Vec::new();
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let len: usize = headers
            .iter()
            .find(|(k, _)| k == "content-length")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        let mut body = vec![0; len];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let reply = {
            let mut seen = seen.lock().unwrap();
            seen.push(Request {
                method,
                target,
                headers,
            });
            script[(seen.len() - 1).min(script.len() - 1)].clone()
        };
        let mut head = format!("HTTP/1.1 {} Stub\r\n", reply.status);
        for (k, v) in &reply.headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", reply.body.len()));
        if conn.write_all(head.as_bytes()).is_err()
            || conn.write_all(reply.body.as_bytes()).is_err()
        {
            return;
        }
    }
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Out {
    /// The one-line `error: …` message of a failed command: the last line of stderr, after
    /// one `warning: … retry N of M …` line per retry and nothing else.
    fn error_line(&self) -> &str {
        let lines: Vec<&str> = self.stderr.lines().collect();
        let (last, retries) = lines.split_last().expect("no stderr");
        assert!(last.starts_with("error: "), "{}", self.stderr);
        for (i, line) in retries.iter().enumerate() {
            assert!(
                line.starts_with("warning: ") && line.contains(&format!("retry {} of ", i + 1)),
                "not a retry announcement: {line}"
            );
        }
        last
    }

    /// How many retries the command announced.
    fn retries(&self) -> usize {
        self.error_line();
        self.stderr.lines().count() - 1
    }
}

/// Runs `mlrs --tracking-uri URI ARGS` with `env` (and no tracking settings of the caller's).
fn mlrs(uri: &str, args: &[&str], env: &[(&str, &str)]) -> Out {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mlrs"));
    cmd.arg("--tracking-uri")
        .arg(uri)
        .args(args)
        .current_dir(dir.path())
        .env("NO_COLOR", "1");
    for var in [
        "MLFLOW_TRACKING_URI",
        "MLFLOW_REGISTRY_URI",
        "MLFLOW_TRACKING_USERNAME",
        "MLFLOW_TRACKING_PASSWORD",
        "MLFLOW_TRACKING_TOKEN",
        "MLFLOW_TRACKING_INSECURE_TLS",
        "MLFLOW_TRACKING_SERVER_CERT_PATH",
        "MLFLOW_HTTP_REQUEST_MAX_RETRIES",
        "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR",
        "MLFLOW_HTTP_REQUEST_TIMEOUT",
    ] {
        cmd.env_remove(var);
    }
    cmd.envs(env.iter().copied());
    let started = Instant::now();
    let out = cmd.output().expect("run mlrs");
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

const GET: &[&str] = &["experiments", "get", "-x", "1", "-o", "json"];
/// No waiting between attempts, so that retry tests stay fast.
const NO_BACKOFF: (&str, &str) = ("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", "0");

#[test]
fn the_stub_answers_a_get_as_a_server_would() {
    let stub = Stub::start(vec![Reply::experiment()]);
    let out = mlrs(&stub.uri(), GET, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let exp: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(exp["name"], "stubbed");
    let reqs = stub.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].method, "GET");
    assert_eq!(
        reqs[0].target,
        "/api/2.0/mlflow/experiments/get?experiment_id=1"
    );
    assert_eq!(reqs[0].header("authorization"), None);
}

#[test]
fn resource_does_not_exist_exits_3_with_the_servers_message() {
    let stub = Stub::start(vec![Reply::error(
        404,
        "RESOURCE_DOES_NOT_EXIST",
        "No Experiment with id=1 exists",
    )]);
    let out = mlrs(&stub.uri(), GET, &[]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.error_line().contains("No Experiment with id=1 exists"),
        "{}",
        out.stderr
    );
    assert_eq!(stub.requests().len(), 1, "a 404 is not retried");
}

#[test]
fn resource_already_exists_exits_4_with_the_servers_message() {
    let stub = Stub::start(vec![Reply::error(
        400,
        "RESOURCE_ALREADY_EXISTS",
        "Experiment(name=x) already exists.\nError: (sqlite3.IntegrityError) UNIQUE",
    )]);
    let out = mlrs(&stub.uri(), &["experiments", "create", "-n", "x"], &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    // The server's two lines, folded into one.
    assert!(
        out.error_line()
            .contains("Experiment(name=x) already exists. Error: (sqlite3.IntegrityError)"),
        "{}",
        out.stderr
    );
    let reqs = stub.requests();
    assert_eq!(reqs.len(), 1);
    assert_eq!(reqs[0].method, "POST");
    assert_eq!(reqs[0].target, "/api/2.0/mlflow/experiments/create");
    assert_eq!(reqs[0].header("content-type"), Some("application/json"));
}

#[test]
fn invalid_parameter_value_exits_5_with_the_servers_message() {
    let stub = Stub::start(vec![Reply::error(
        400,
        "INVALID_PARAMETER_VALUE",
        "Invalid value 'x' for parameter 'max_results'",
    )]);
    let out = mlrs(&stub.uri(), GET, &[]);
    assert_eq!(out.code, 5, "{}", out.stderr);
    assert!(
        out.error_line()
            .contains("Invalid value 'x' for parameter 'max_results'"),
        "{}",
        out.stderr
    );
    assert_eq!(stub.requests().len(), 1, "a 400 is not retried");
}

#[test]
fn two_503s_then_200_succeeds_on_the_third_request() {
    let unavailable = Reply::error(503, "TEMPORARILY_UNAVAILABLE", "busy");
    let stub = Stub::start(vec![unavailable.clone(), unavailable, Reply::experiment()]);
    let out = mlrs(&stub.uri(), GET, &[NO_BACKOFF]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("stubbed"));
    assert_eq!(stub.requests().len(), 3);
    // Each retry is announced on stderr (MLflow's client retries silently).
    let warnings: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(warnings.len(), 2, "{}", out.stderr);
    assert!(warnings[0].contains("HTTP 503") && warnings[0].contains("retry 1 of 7"));
}

#[test]
fn a_429_is_retried_after_the_servers_retry_after() {
    // The default backoff (factor 2: 2 s before the first retry) is left on: the server's
    // `Retry-After: 0` is what makes the retry immediate.
    let stub = Stub::start(vec![
        Reply::error(429, "REQUEST_LIMIT_EXCEEDED", "slow down").with_header("Retry-After", "0"),
        Reply::experiment(),
    ]);
    let out = mlrs(&stub.uri(), GET, &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(stub.requests().len(), 2);
    assert!(
        out.elapsed < Duration::from_millis(1500),
        "Retry-After: 0 was not honoured: {:?}",
        out.elapsed
    );
}

#[test]
fn max_retries_bounds_the_attempts_then_exits_1_naming_the_status() {
    let stub = Stub::start(vec![Reply::error(503, "TEMPORARILY_UNAVAILABLE", "busy")]);
    let out = mlrs(
        &stub.uri(),
        GET,
        &[("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2"), NO_BACKOFF],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(stub.requests().len(), 3, "one attempt and two retries");
    assert_eq!(out.retries(), 2, "{}", out.stderr);
    let line = out.error_line();
    assert!(
        line.contains("503") || line.contains("TEMPORARILY_UNAVAILABLE"),
        "{line}"
    );
    assert!(line.contains("busy"), "{line}");
}

#[test]
fn a_401_fails_at_once_naming_it_without_the_password() {
    let stub = Stub::start(vec![Reply {
        status: 401,
        headers: vec![("WWW-Authenticate", "Basic realm=\"mlflow\"".into())],
        body: "You are not authenticated.".into(),
    }]);
    let out = mlrs(
        &stub.uri(),
        GET,
        &[
            ("MLFLOW_TRACKING_USERNAME", "alice"),
            ("MLFLOW_TRACKING_PASSWORD", "hunter2-secret"),
        ],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let line = out.error_line();
    assert!(line.contains("401"), "{line}");
    assert!(!out.stderr.contains("hunter2-secret") && !out.stdout.contains("hunter2-secret"));
    assert_eq!(stub.requests().len(), 1, "a 401 is not retried");
    assert_eq!(out.retries(), 0, "{}", out.stderr);
}

#[test]
fn basic_auth_sends_base64_of_user_and_password() {
    let stub = Stub::start(vec![Reply::experiment()]);
    let out = mlrs(
        &stub.uri(),
        GET,
        &[
            ("MLFLOW_TRACKING_USERNAME", "alice"),
            ("MLFLOW_TRACKING_PASSWORD", "s3cret:x"),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let reqs = stub.requests();
    // base64("alice:s3cret:x"): the password may contain ':'.
    assert_eq!(
        reqs[0].header("authorization"),
        Some("Basic YWxpY2U6czNjcmV0Ong=")
    );
}

#[test]
fn a_token_is_sent_as_a_bearer_header_and_wins_over_basic() {
    let stub = Stub::start(vec![Reply::experiment()]);
    let out = mlrs(
        &stub.uri(),
        GET,
        &[
            ("MLFLOW_TRACKING_TOKEN", "tok-123"),
            ("MLFLOW_TRACKING_USERNAME", "alice"),
            ("MLFLOW_TRACKING_PASSWORD", "pw"),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        stub.requests()[0].header("authorization"),
        Some("Bearer tok-123")
    );
}

#[test]
fn user_info_in_the_uri_is_basic_auth_and_never_printed() {
    let stub = Stub::start(vec![Reply::error(
        404,
        "RESOURCE_DOES_NOT_EXIST",
        "No Experiment with id=1 exists",
    )]);
    // `p%40ss%20w0rd` is `p@ss w0rd`, percent-encoded as a URI's user info must be.
    let uri = format!("http://bob:p%40ss%20w0rd@127.0.0.1:{}", stub.port);
    let out = mlrs(&uri, GET, &[]);
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert_eq!(
        stub.requests()[0].header("authorization"),
        Some("Basic Ym9iOnBAc3MgdzByZA==")
    );
    let line = out.error_line();
    for secret in ["p%40ss", "p@ss", "w0rd", "bob:"] {
        assert!(!line.contains(secret), "{secret} in {line}");
    }
    assert!(line.contains(&format!("127.0.0.1:{}", stub.port)), "{line}");
}

#[test]
fn connection_refused_exits_1_clearly_after_bounded_retries() {
    // A port that was free a moment ago: nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = mlrs(
        &format!("http://127.0.0.1:{port}"),
        GET,
        &[("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "2"), NO_BACKOFF],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let line = out.error_line();
    assert!(line.contains(&format!("127.0.0.1:{port}")), "{line}");
    assert!(line.contains("cannot connect"), "{line}");
    assert!(line.contains("after 2 retries"), "{line}");
    assert_eq!(out.retries(), 2, "{}", out.stderr);
    assert!(out.elapsed < Duration::from_secs(5), "{:?}", out.elapsed);
}

#[test]
fn a_non_json_500_page_gives_a_clear_one_line_message() {
    let stub = Stub::start(vec![Reply {
        status: 500,
        headers: vec![("Content-Type", "text/html".into())],
        body: "<html>\n<body>Internal Server Error</body>\n</html>".into(),
    }]);
    let out = mlrs(
        &stub.uri(),
        GET,
        &[("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "1"), NO_BACKOFF],
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        stub.requests().len(),
        2,
        "a 500 is retried (as MLflow's client does)"
    );
    assert_eq!(out.retries(), 1, "{}", out.stderr);
    let line = out.error_line();
    assert!(line.contains("HTTP 500"), "{line}");
    assert!(line.contains("Internal Server Error"), "{line}");
    assert!(line.contains("experiments/get"), "{line}");
}

#[test]
fn a_200_that_is_not_json_is_an_error_not_an_empty_answer() {
    let stub = Stub::start(vec![Reply {
        status: 200,
        headers: vec![("Content-Type", "text/html".into())],
        body: "<html>a proxy's login page</html>".into(),
    }]);
    let out = mlrs(&stub.uri(), GET, &[]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let line = out.error_line();
    assert!(line.contains("not JSON"), "{line}");
    assert!(line.contains("login page"), "{line}");
}

#[test]
fn a_malformed_retry_setting_is_an_invalid_value_naming_the_variable() {
    let stub = Stub::start(vec![Reply::experiment()]);
    let out = mlrs(
        &stub.uri(),
        GET,
        &[("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "many")],
    );
    assert_eq!(out.code, 5, "{}", out.stderr);
    assert!(
        out.error_line().contains("MLFLOW_HTTP_REQUEST_MAX_RETRIES"),
        "{}",
        out.stderr
    );
    assert!(stub.requests().is_empty(), "nothing is sent");
}

#[test]
fn file_and_sql_only_commands_refuse_a_server_without_sending_anything() {
    let stub = Stub::start(vec![Reply::experiment()]);
    let uri = stub.uri();
    for (name, args) in [
        ("gc", vec!["gc"]),
        (
            "gc",
            vec!["gc", "--run-ids", "0123456789abcdef0123456789abcdef"],
        ),
        ("doctor", vec!["doctor"]),
        (
            "store relocate",
            vec!["store", "relocate", "--from", "/old/mlruns"],
        ),
        (
            "runs close-stale",
            vec!["runs", "close-stale", "--older-than", "1h"],
        ),
    ] {
        let out = mlrs(&uri, &args, &[]);
        assert_eq!(out.code, 5, "{args:?}: {}", out.stderr);
        let line = out.error_line();
        assert!(line.contains(&format!("`mlrs {name}`")), "{args:?}: {line}");
    }
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("mlruns").to_string_lossy().into_owned();
    assert_eq!(
        mlrs(&files, &["experiments", "create", "-n", "x"], &[]).code,
        0
    );
    for (from, to) in [
        (files.as_str(), uri.as_str()),
        (uri.as_str(), files.as_str()),
    ] {
        let out = mlrs(&uri, &["store", "migrate", "--from", from, "--to", to], &[]);
        assert_eq!(out.code, 5, "{from} -> {to}: {}", out.stderr);
        assert!(out.error_line().contains(&uri), "{}", out.stderr);
    }
    assert!(stub.requests().is_empty(), "{:?}", stub.requests());
}
