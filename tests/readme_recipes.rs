//! The README's CI recipes, run for real so they cannot rot: every shell line of the GitHub
//! Actions and GitLab CI snippets runs under bash with the built `mlrs` on PATH, twice (two
//! pipelines in a row) against one scratch store, and the outcome is checked.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// The ```yaml blocks of the README, in order.
fn yaml_blocks() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in readme.lines() {
        match &mut current {
            None if line.trim_end() == "```yaml" => current = Some(String::new()),
            Some(block) if line.trim_end() == "```" => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
            None => {}
        }
    }
    blocks
}

/// One CI job: its environment and its shell scripts, each run by a fresh bash (GitHub runs
/// each step in its own shell; GitLab runs a job's script lines in one).
struct Job {
    env: Vec<(String, String)>,
    scripts: Vec<String>,
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn env_of(v: Option<&Value>) -> Vec<(String, String)> {
    v.and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), text(v))).collect())
        .unwrap_or_default()
}

fn github_jobs(doc: &Value) -> Vec<Job> {
    let workflow_env = env_of(doc.get("env"));
    let jobs = doc["jobs"].as_object().expect("jobs: a map");
    jobs.values()
        .map(|job| {
            let mut env = workflow_env.clone();
            env.extend(env_of(job.get("env")));
            let scripts = job["steps"]
                .as_array()
                .expect("steps: a list")
                .iter()
                .filter_map(|step| step.get("run").map(text))
                .collect();
            Job { env, scripts }
        })
        .collect()
}

fn gitlab_jobs(doc: &Value) -> Vec<Job> {
    let env = env_of(doc.get("variables"));
    let map = doc.as_object().expect("a map of jobs");
    map.values()
        .filter(|job| job.get("script").is_some())
        .map(|job| {
            let lines: Vec<String> = ["before_script", "script", "after_script"]
                .iter()
                .filter_map(|k| job.get(*k).and_then(Value::as_array))
                .flatten()
                .map(text)
                .collect();
            Job {
                env: env.clone(),
                scripts: vec![lines.join("\n")],
            }
        })
        .collect()
}

/// Replaces the install line (mlrs is already on PATH here); returns how many there were.
fn without_install(script: &str) -> (String, usize) {
    let mut n = 0;
    let lines: Vec<String> = script
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("cargo install") {
                n += 1;
                "true  # mlrs is installed by the test".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    (lines.join("\n"), n)
}

/// A directory with `mlrs` (a link to the built binary) to put first on PATH.
fn bin_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_mlrs"), dir.path().join("mlrs")).unwrap();
    dir
}

/// Runs the jobs of one pipeline in `work`; `number` is the pipeline's run number.
fn run_pipeline(jobs: &[Job], work: &Path, bin: &Path, number: u32) -> usize {
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut installs = 0;
    for job in jobs {
        let github_env = work.join(format!("github_env_{number}"));
        std::fs::write(&github_env, "").unwrap();
        let mut exported: Vec<(String, String)> = Vec::new();
        for script in &job.scripts {
            assert!(
                !script.contains("${{"),
                "a run script uses a workflow expression: {script}"
            );
            let (script, n) = without_install(script);
            installs += n;
            let mut cmd = Command::new("bash");
            cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", &script])
                .current_dir(work)
                .env_remove("MLFLOW_TRACKING_URI")
                .env_remove("MLFLOW_REGISTRY_URI")
                .env_remove("MLFLOW_EXPERIMENT_ID")
                .env("PATH", &path)
                .env("NO_COLOR", "1")
                .env("CI", "true")
                .env("GITHUB_RUN_NUMBER", number.to_string())
                .env("GITHUB_SHA", format!("{number:040}"))
                .env("GITHUB_ENV", &github_env)
                .env("CI_PIPELINE_IID", number.to_string())
                .stdin(Stdio::null());
            for (k, v) in job.env.iter().chain(&exported) {
                cmd.env(k, v);
            }
            let out = cmd.output().expect("run bash");
            assert!(
                out.status.success(),
                "recipe step failed ({}):\n{script}\n--- stdout\n{}\n--- stderr\n{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            // What a step appends to $GITHUB_ENV is in the environment of the next steps.
            exported = std::fs::read_to_string(&github_env)
                .unwrap()
                .lines()
                .filter_map(|l| l.split_once('='))
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        }
    }
    installs
}

/// `mlrs ARGS` in `work` with the recipe's store, as JSON.
fn mlrs_json(work: &Path, args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_mlrs"))
        .args(args)
        .current_dir(work)
        .env("MLFLOW_TRACKING_URI", "./mlruns")
        .env_remove("MLFLOW_REGISTRY_URI")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// Two pipelines of the recipe leave two finished runs, the newer (tied on accuracy, so the
/// newest wins) promoted to Production with the alias, the older archived, and a chart.
fn check_recipe(jobs: Vec<Job>) {
    assert!(!jobs.is_empty() && jobs.iter().all(|j| !j.scripts.is_empty()));
    let work = tempfile::tempdir().unwrap();
    let bin = bin_dir();
    assert_eq!(
        run_pipeline(&jobs, work.path(), bin.path(), 1),
        1,
        "one install line"
    );
    run_pipeline(&jobs, work.path(), bin.path(), 2);

    let experiment = mlrs_json(
        work.path(),
        &["experiments", "get", "-n", "churn", "-o", "json"],
    );
    let exp_id = experiment["experiment_id"].as_str().unwrap();
    let runs = mlrs_json(
        work.path(),
        &["runs", "list", "--experiment-id", exp_id, "-o", "json"],
    );
    let runs = runs.as_array().unwrap();
    assert_eq!(runs.len(), 2);
    assert!(runs.iter().all(|r| r["info"]["status"] == "FINISHED"));
    let newest = runs[0]["info"]["run_id"].as_str().unwrap();

    let latest = mlrs_json(
        work.path(),
        &[
            "models",
            "latest",
            "churn-model",
            "--stage",
            "Production",
            "-o",
            "json",
        ],
    );
    assert_eq!(latest[0]["version"], "2");
    assert_eq!(latest[0]["run_id"], newest);
    let v1 = mlrs_json(
        work.path(),
        &["models", "get-version", "churn-model", "1", "-o", "json"],
    );
    assert_eq!(v1["current_stage"], "Archived");
    let champion = mlrs_json(
        work.path(),
        &[
            "models",
            "get-version",
            "churn-model",
            "--alias",
            "champion",
            "-o",
            "json",
        ],
    );
    assert_eq!(champion["version"], "2");

    let png: PathBuf = work.path().join("loss.png");
    let bytes = std::fs::read(&png).expect("the recipe wrote loss.png");
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
}

fn recipe(kind: &str) -> Value {
    let docs: Vec<Value> = yaml_blocks()
        .iter()
        .map(|b| serde_saphyr::from_str(b).expect("README yaml block parses"))
        .collect();
    let found: Vec<&Value> = docs
        .iter()
        .filter(|d| match kind {
            "github" => d.get("jobs").is_some(),
            _ => {
                d.get("jobs").is_none()
                    && d.as_object()
                        .is_some_and(|m| m.values().any(|j| j.get("script").is_some()))
            }
        })
        .collect();
    assert_eq!(found.len(), 1, "exactly one {kind} recipe in the README");
    found[0].clone()
}

#[test]
fn readme_github_actions_recipe_runs() {
    check_recipe(github_jobs(&recipe("github")));
}

#[test]
fn readme_gitlab_ci_recipe_runs() {
    check_recipe(gitlab_jobs(&recipe("gitlab")));
}
