//! The HTTP side of the tracking-server backend: one `Client` per server, configured the way
//! MLflow's Python client is (the `MLFLOW_TRACKING_*` and `MLFLOW_HTTP_REQUEST_*` environment
//! variables), that sends MLflow REST calls, retries transient failures with exponential
//! backoff, and turns the server's `{"error_code", "message"}` answers into typed errors.
//!
//! Credentials (user, password, token, or a `user:password@` in the URI) go into the
//! `Authorization` header and nowhere else: every message names the server by
//! `Client::server`, the URI with any user info removed.

use std::io::Read;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;

use crate::error::{Error, Result};

/// HTTP methods MLflow's REST API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Patch,
    Delete,
    Put,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
            Method::Put => "PUT",
        }
    }
}

/// How requests authenticate.
#[derive(Clone, PartialEq, Eq)]
pub enum Auth {
    None,
    Basic { user: String, password: String },
    Bearer(String),
}

impl std::fmt::Debug for Auth {
    // Never print a secret, not even in a debug dump.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Auth::None => f.write_str("None"),
            Auth::Basic { .. } => f.write_str("Basic(..)"),
            Auth::Bearer(_) => f.write_str("Bearer(..)"),
        }
    }
}

/// Transport settings, as MLflow's client reads them from its environment.
#[derive(Debug, Clone)]
pub struct Config {
    pub auth: Auth,
    /// `MLFLOW_TRACKING_INSECURE_TLS=true`: no certificate check.
    pub insecure_tls: bool,
    /// `MLFLOW_TRACKING_SERVER_CERT_PATH`: a PEM bundle of CA certificates to trust.
    pub cert_path: Option<String>,
    /// `MLFLOW_HTTP_REQUEST_TIMEOUT` (seconds; MLflow's default 120).
    pub timeout: Duration,
    /// `MLFLOW_HTTP_REQUEST_MAX_RETRIES` (MLflow's default 7).
    pub max_retries: u32,
    /// `MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR` (seconds; MLflow's default 2): the n-th retry
    /// waits `factor * 2^(n-1)`, capped at `MAX_BACKOFF`.
    pub backoff_factor: f64,
}

/// The longest wait between two attempts (urllib3's `Retry.DEFAULT_BACKOFF_MAX`).
const MAX_BACKOFF: f64 = 120.0;

/// The HTTP statuses MLflow's client retries (`mlflow.utils.rest_utils`).
const TRANSIENT: [u16; 6] = [408, 429, 500, 502, 503, 504];

impl Config {
    /// The settings the environment gives, with MLflow's defaults; a malformed number is an
    /// error naming the variable.
    pub fn from_env() -> Result<Config> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let auth = if let Some(token) = var("MLFLOW_TRACKING_TOKEN") {
            Auth::Bearer(token)
        } else if let (Some(user), Some(password)) = (
            var("MLFLOW_TRACKING_USERNAME"),
            var("MLFLOW_TRACKING_PASSWORD"),
        ) {
            Auth::Basic { user, password }
        } else {
            Auth::None
        };
        let number = |name: &str, default: f64| -> Result<f64> {
            match var(name) {
                None => Ok(default),
                Some(v) => v
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite() && *n >= 0.0)
                    .ok_or_else(|| {
                        Error::invalid(format!("{name}={v:?} is not a non-negative number"))
                    }),
            }
        };
        Ok(Config {
            auth,
            insecure_tls: var("MLFLOW_TRACKING_INSECURE_TLS")
                .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "1")),
            cert_path: var("MLFLOW_TRACKING_SERVER_CERT_PATH"),
            timeout: Duration::from_secs_f64(number("MLFLOW_HTTP_REQUEST_TIMEOUT", 120.0)?),
            max_retries: number("MLFLOW_HTTP_REQUEST_MAX_RETRIES", 7.0)? as u32,
            backoff_factor: number("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR", 2.0)?,
        })
    }

    /// How long to wait before retry number `n` (1-based): none before the first, then
    /// `factor * 2^(n-1)` (urllib3's `Retry.get_backoff_time`, which MLflow's client uses).
    fn backoff(&self, n: u32) -> Duration {
        if n <= 1 {
            return Duration::ZERO;
        }
        let secs = self.backoff_factor * 2f64.powi(n.saturating_sub(1).min(30) as i32);
        Duration::from_secs_f64(secs.min(MAX_BACKOFF))
    }
}

/// A connection to one tracking server.
pub struct Client {
    agent: ureq::Agent,
    /// `scheme://host[:port][/prefix]` without a trailing slash or user info.
    base: String,
    config: Config,
    authorization: Option<String>,
    /// Told of each retry, so that a wait is never silent.
    warn: crate::store::WarnSink,
}

/// A response body as it came back.
pub struct Reply {
    pub status: u16,
    pub body: ureq::Body,
    /// The server's `Retry-After`, in seconds, when it sent one.
    retry_after: Option<f64>,
}

impl Client {
    /// A client for the server at `uri` (`http://` or `https://`). User info in the URI
    /// (`http://user:pass@host`) is basic auth, as `requests` makes it.
    pub fn new(uri: &str, mut config: Config) -> Result<Client> {
        let (scheme, rest) = uri
            .split_once("://")
            .filter(|(s, _)| s.eq_ignore_ascii_case("http") || s.eq_ignore_ascii_case("https"))
            .ok_or_else(|| {
                Error::invalid("a tracking server URI starts with http:// or https://")
            })?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let host = match authority.rsplit_once('@') {
            Some((userinfo, host)) => {
                if config.auth == Auth::None {
                    let (user, password) = userinfo.split_once(':').unwrap_or((userinfo, ""));
                    config.auth = Auth::Basic {
                        user: percent_decode(user),
                        password: percent_decode(password),
                    };
                }
                host
            }
            None => authority,
        };
        if host.is_empty() {
            return Err(Error::invalid(format!(
                "tracking server URI {scheme}://{} has no host",
                path
            )));
        }
        let base = format!(
            "{}://{host}{}",
            scheme.to_ascii_lowercase(),
            path.split(['?', '#'])
                .next()
                .unwrap_or("")
                .trim_end_matches('/')
        );
        let mut tls = ureq::tls::TlsConfig::builder().disable_verification(config.insecure_tls);
        if let Some(path) = &config.cert_path {
            let pem = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let certs = ureq::tls::parse_pem(&pem)
                .filter_map(|item| match item {
                    Ok(ureq::tls::PemItem::Certificate(c)) => Some(Ok(c)),
                    Ok(_) => None,
                    Err(e) => Some(Err(e)),
                })
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| {
                    Error::invalid(format!("MLFLOW_TRACKING_SERVER_CERT_PATH {path}: {e}"))
                })?;
            if certs.is_empty() {
                return Err(Error::invalid(format!(
                    "MLFLOW_TRACKING_SERVER_CERT_PATH {path}: no PEM certificate in it"
                )));
            }
            tls = tls.root_certs(ureq::tls::RootCerts::Specific(Arc::new(certs)));
        }
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(config.timeout).filter(|d| !d.is_zero()))
            .tls_config(tls.build())
            .user_agent(concat!("mlrs/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let authorization = match &config.auth {
            Auth::None => None,
            Auth::Bearer(token) => Some(format!("Bearer {token}")),
            Auth::Basic { user, password } => Some(format!(
                "Basic {}",
                base64(format!("{user}:{password}").as_bytes())
            )),
        };
        Ok(Client {
            agent,
            base,
            config,
            authorization,
            warn: std::sync::Arc::new(|_: &str| {}),
        })
    }

    /// Reports each retry to `warn` (one line: what failed, which attempt, how long a wait).
    pub fn with_warnings(mut self, warn: crate::store::WarnSink) -> Client {
        self.warn = warn;
        self
    }

    /// The server as messages name it: its URI without credentials.
    pub fn server(&self) -> &str {
        &self.base
    }

    /// Calls MLflow REST endpoint `endpoint` (`experiments/get`, under `/api/2.0/mlflow/`)
    /// with `body` (the query string of a GET, JSON otherwise) and returns the JSON answer.
    pub fn call(&self, method: Method, endpoint: &str, body: &Value) -> Result<Value> {
        let path = format!("/api/2.0/mlflow/{endpoint}");
        let query = if method == Method::Get {
            query_pairs(body)
        } else {
            Vec::new()
        };
        let payload = if method == Method::Get {
            None
        } else {
            Some(serde_json::to_vec(body).expect("JSON values serialize"))
        };
        let mut reply = self.send(method, &path, &query, payload.as_deref().map(Payload::Json))?;
        let text = reply
            .body
            .with_config()
            .limit(1 << 30)
            .read_to_string()
            .map_err(|e| self.transport_error(&path, &e))?;
        if reply.status >= 300 {
            return Err(self.status_error(&path, reply.status, &text));
        }
        if text.trim().is_empty() {
            return Ok(Value::Object(Default::default()));
        }
        serde_json::from_str(&text).map_err(|e| {
            Error::Failed(format!(
                "{} answered {path} with something that is not JSON ({e}): {}",
                self.base,
                one_line(&text, 200)
            ))
        })
    }

    /// Sends a request to `path` (from the server's root) and returns the response whatever
    /// its status, after retrying transient failures. Statuses >= 300 are the caller's.
    pub fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(String, String)],
        payload: Option<Payload<'_>>,
    ) -> Result<Reply> {
        let url = format!("{}{path}", self.base);
        let mut attempt = 0u32;
        loop {
            let result = self.send_once(method, &url, query, payload);
            let retry_after = match &result {
                Ok(reply) if TRANSIENT.contains(&reply.status) => Some(
                    reply
                        .retry_after
                        .map_or_else(|| self.config.backoff(attempt + 1), Duration::from_secs_f64),
                ),
                Ok(_) => None,
                Err(e) if is_transient(e) => Some(self.config.backoff(attempt + 1)),
                Err(_) => None,
            };
            match (retry_after, attempt < self.config.max_retries) {
                (Some(wait), true) => {
                    attempt += 1;
                    let wait = wait.min(Duration::from_secs_f64(MAX_BACKOFF));
                    let what = match &result {
                        Ok(reply) => format!("HTTP {}", reply.status),
                        Err(SendError::Http(e)) => strip_credentials(&e.to_string()),
                        Err(SendError::Local(e)) => e.to_string(),
                    };
                    (self.warn)(&format!(
                        "{}{path}: {what}; retry {attempt} of {} in {:.1}s (MLFLOW_HTTP_REQUEST_MAX_RETRIES)",
                        self.base,
                        self.config.max_retries,
                        wait.as_secs_f64()
                    ));
                    std::thread::sleep(wait);
                }
                _ => {
                    return result.map_err(|e| match e {
                        SendError::Http(e) => self.transport_error_after(path, &e, attempt),
                        SendError::Local(e) => e,
                    });
                }
            }
        }
    }

    fn send_once(
        &self,
        method: Method,
        url: &str,
        query: &[(String, String)],
        payload: Option<Payload<'_>>,
    ) -> std::result::Result<Reply, SendError> {
        let http = ureq::http::Request::builder()
            .method(method.as_str())
            .uri(with_query(url, query));
        let http = match &self.authorization {
            Some(a) => http.header("Authorization", a),
            None => http,
        };
        let response = match payload {
            None => self.agent.run(
                http.body(())
                    .map_err(|e| SendError::Local(Error::invalid(format!("bad request: {e}"))))?,
            ),
            Some(Payload::Json(bytes)) => self.agent.run(
                http.header("Content-Type", "application/json")
                    .body(bytes)
                    .map_err(|e| SendError::Local(Error::invalid(format!("bad request: {e}"))))?,
            ),
            Some(Payload::File(path)) => {
                let file =
                    std::fs::File::open(path).map_err(|e| SendError::Local(Error::io(path, e)))?;
                let len = file
                    .metadata()
                    .map_err(|e| SendError::Local(Error::io(path, e)))?
                    .len();
                self.agent.run(
                    http.header("Content-Type", "application/octet-stream")
                        .header("Content-Length", len.to_string())
                        .body(ureq::SendBody::from_owned_reader(file))
                        .map_err(|e| {
                            SendError::Local(Error::invalid(format!("bad request: {e}")))
                        })?,
                )
            }
        };
        let response = response.map_err(SendError::Http)?;
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("Retry-After")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|s| s.is_finite() && *s >= 0.0);
        let mut body = response.into_body();
        if TRANSIENT.contains(&status) {
            // Drain what a retry will not read, so the connection can be reused.
            let mut sink = Vec::new();
            let _ = body.as_reader().take(1 << 20).read_to_end(&mut sink);
            body = ureq::Body::builder().data(sink);
        }
        Ok(Reply {
            status,
            body,
            retry_after,
        })
    }

    /// The error for an answer with status >= 300: the server's own message when it sent
    /// MLflow's error JSON.
    pub fn status_error(&self, path: &str, status: u16, text: &str) -> Error {
        let parsed: Option<Value> = serde_json::from_str(text).ok();
        let code = parsed
            .as_ref()
            .and_then(|v| v.get("error_code"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let message = parsed
            .as_ref()
            .and_then(|v| v.get("message"))
            .and_then(Value::as_str)
            .map(|m| one_line(m, 500))
            .unwrap_or_else(|| one_line(text, 200));
        match status {
            401 => {
                return Error::Failed(format!(
                    "{} refused the credentials (HTTP 401): set MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, or MLFLOW_TRACKING_TOKEN",
                    self.base
                ));
            }
            403 => {
                return Error::Failed(format!(
                    "{} denied permission (HTTP 403) for {path}: {message}",
                    self.base
                ));
            }
            _ => {}
        }
        let code_text = code.as_deref().unwrap_or("");
        let detail = if message.is_empty() {
            format!("HTTP {status} from {} for {path}", self.base)
        } else if code.is_some() {
            format!("{message} ({code_text} from {})", self.base)
        } else {
            format!("HTTP {status} from {} for {path}: {message}", self.base)
        };
        match code_text {
            "RESOURCE_DOES_NOT_EXIST" | "NOT_FOUND" | "ENDPOINT_NOT_FOUND" => {
                Error::NotFound(detail)
            }
            "RESOURCE_ALREADY_EXISTS" | "ALREADY_EXISTS" => Error::AlreadyExists(detail),
            // A write to a deleted run: the operation failed (exit 1), as on every other store,
            // not a bad value (the server's INVALID_PARAMETER_VALUE).
            "INVALID_PARAMETER_VALUE" if message.contains("must be in the 'active' state") => {
                Error::Failed(detail)
            }
            "INVALID_PARAMETER_VALUE"
            | "BAD_REQUEST"
            | "INVALID_STATE"
            | "MALFORMED_REQUEST"
            | "INVALID_PARAMETER" => Error::InvalidValue(detail),
            _ if status == 404 && code.is_none() => Error::NotFound(detail),
            _ => Error::Failed(detail),
        }
    }

    fn transport_error(&self, path: &str, e: &ureq::Error) -> Error {
        self.transport_error_after(path, e, 0)
    }

    fn transport_error_after(&self, path: &str, e: &ureq::Error, retries: u32) -> Error {
        let tries = if retries > 0 {
            format!(" (after {retries} retries)")
        } else {
            String::new()
        };
        let what = match e {
            ureq::Error::Timeout(_) => format!(
                "timed out after {}s (MLFLOW_HTTP_REQUEST_TIMEOUT)",
                self.config.timeout.as_secs_f64()
            ),
            ureq::Error::ConnectionFailed | ureq::Error::Io(_) | ureq::Error::HostNotFound => {
                format!("cannot connect: {}", strip_credentials(&e.to_string()))
            }
            other => strip_credentials(&other.to_string()),
        };
        Error::Failed(format!(
            "tracking server {}: {path}: {what}{tries}",
            self.base
        ))
    }
}

/// A request body.
#[derive(Clone, Copy)]
pub enum Payload<'a> {
    Json(&'a [u8]),
    /// A local file, streamed.
    File(&'a std::path::Path),
}

enum SendError {
    Http(ureq::Error),
    Local(Error),
}

/// Whether a failed attempt is worth another: a refused, reset or timed-out connection is; a
/// TLS failure (an untrusted certificate, a wrong host name: rustls reports them as
/// `InvalidData` I/O errors) is not, it would fail the same way every time.
fn is_transient(e: &SendError) -> bool {
    match e {
        SendError::Http(ureq::Error::Io(io)) => io.kind() != std::io::ErrorKind::InvalidData,
        SendError::Http(
            ureq::Error::ConnectionFailed
            | ureq::Error::Timeout(_)
            | ureq::Error::HostNotFound
            | ureq::Error::Protocol(_),
        ) => true,
        _ => false,
    }
}

/// `url?k=v&…` with each key and value percent-encoded.
fn with_query(url: &str, query: &[(String, String)]) -> String {
    if query.is_empty() {
        return url.to_string();
    }
    let mut out = String::from(url);
    for (i, (k, v)) in query.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(&percent_encode(k, false));
        out.push('=');
        out.push_str(&percent_encode(v, false));
    }
    out
}

/// The query pairs of a GET request, from a JSON object as MLflow's client builds them
/// (arrays repeat their key, booleans are `true`/`false`).
fn query_pairs(body: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Value::Object(map) = body {
        for (k, v) in map {
            match v {
                Value::Null => {}
                Value::Array(items) => {
                    for item in items {
                        out.push((k.clone(), scalar(item)));
                    }
                }
                other => out.push((k.clone(), scalar(other))),
            }
        }
    }
    out
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters (and `/` when
/// `keep_slash`, for paths).
pub fn percent_encode(text: &str, keep_slash: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(b as char)
            }
            b'/' if keep_slash => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&text[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Removes `user:password@` from any URL in `text`.
pub fn strip_credentials(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let end = tail
            .find(|c: char| c == '/' || c.is_whitespace())
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => out.push_str(&authority[at + 1..]),
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// `text` on one line, at most `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if joined.chars().count() <= max {
        joined
    } else {
        let cut: String = joined.chars().take(max).collect();
        format!("{cut}…")
    }
}

/// Standard base64 with padding (for the basic-auth header).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config {
            auth: Auth::None,
            insecure_tls: false,
            cert_path: None,
            timeout: Duration::from_secs(5),
            max_retries: 0,
            backoff_factor: 0.0,
        }
    }

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("admin:pa ss", "YWRtaW46cGEgc3M="),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
    }

    #[test]
    fn user_info_in_the_uri_is_basic_auth_and_left_out_of_the_server_name() {
        let c = Client::new(
            "http://al%40ice:s3cr%3At@example.org:5000/prefix/",
            config(),
        )
        .unwrap();
        assert_eq!(c.server(), "http://example.org:5000/prefix");
        assert_eq!(
            c.authorization.as_deref(),
            Some(format!("Basic {}", base64(b"al@ice:s3cr:t")).as_str())
        );
        // Explicit credentials win over the URI's.
        let mut cfg = config();
        cfg.auth = Auth::Bearer("tok".into());
        let c = Client::new("https://u:p@h", cfg).unwrap();
        assert_eq!(c.authorization.as_deref(), Some("Bearer tok"));
        assert_eq!(c.server(), "https://h");
        assert!(Client::new("ftp://h", config()).is_err());
        assert!(Client::new("http://", config()).is_err());
    }

    #[test]
    fn credentials_are_stripped_from_any_url_in_a_message() {
        assert_eq!(
            strip_credentials("connect http://bob:hunter2@host:80/x failed; https://t@h2 too"),
            "connect http://host:80/x failed; https://h2 too"
        );
        assert_eq!(strip_credentials("no url here"), "no url here");
    }

    #[test]
    fn debug_output_never_shows_a_secret() {
        let mut cfg = config();
        cfg.auth = Auth::Basic {
            user: "bob".into(),
            password: "hunter2".into(),
        };
        let text = format!("{cfg:?}");
        assert!(!text.contains("hunter2") && !text.contains("bob"), "{text}");
        cfg.auth = Auth::Bearer("tok-123".into());
        assert!(!format!("{cfg:?}").contains("tok-123"));
    }

    #[test]
    fn get_bodies_become_query_pairs_and_are_percent_encoded() {
        let pairs = query_pairs(&serde_json::json!({
            "filter": "name = 'a b'", "max_results": 5, "order_by": ["x DESC", "y"], "page_token": null
        }));
        assert_eq!(
            with_query("http://h/api", &pairs),
            "http://h/api?filter=name%20%3D%20%27a%20b%27&max_results=5&order_by=x%20DESC&order_by=y"
        );
        assert_eq!(percent_encode("a b/c%é", true), "a%20b/c%25%C3%A9");
    }

    #[test]
    fn mlflow_error_codes_map_to_exit_codes_with_the_servers_message_on_one_line() {
        let c = Client::new("http://h:1", config()).unwrap();
        let e = c.status_error(
            "/p",
            404,
            r#"{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "Run 'x' not\nfound"}"#,
        );
        assert_eq!(i32::from(e.exit_code()), 3);
        assert_eq!(
            e.to_string(),
            "Run 'x' not found (RESOURCE_DOES_NOT_EXIST from http://h:1)"
        );
        let code = |body: &str, status| i32::from(c.status_error("/p", status, body).exit_code());
        assert_eq!(
            code(
                r#"{"error_code":"RESOURCE_ALREADY_EXISTS","message":"m"}"#,
                400
            ),
            4
        );
        assert_eq!(
            code(
                r#"{"error_code":"INVALID_PARAMETER_VALUE","message":"m"}"#,
                400
            ),
            5
        );
        // A write to a deleted run fails as on every other store (exit 1), not as a bad value.
        assert_eq!(
            code(
                r#"{"error_code":"INVALID_PARAMETER_VALUE","message":"The run r must be in the 'active' state. Current state is deleted."}"#,
                400
            ),
            1
        );
        assert_eq!(
            code(r#"{"error_code":"INTERNAL_ERROR","message":"m"}"#, 500),
            1
        );
        assert_eq!(code("<html>gateway</html>", 502), 1);
        assert_eq!(code("", 401), 1);
        assert!(c.status_error("/p", 401, "").to_string().contains("401"));
    }

    #[test]
    fn backoff_doubles_from_the_factor_and_is_capped() {
        let mut cfg = config();
        cfg.backoff_factor = 2.0;
        assert_eq!(cfg.backoff(1), Duration::ZERO);
        assert_eq!(cfg.backoff(2), Duration::from_secs(4));
        assert_eq!(cfg.backoff(3), Duration::from_secs(8));
        assert_eq!(cfg.backoff(40), Duration::from_secs_f64(MAX_BACKOFF));
    }
}
