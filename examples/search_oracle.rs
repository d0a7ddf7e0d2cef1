//! Runs the differential cases of tools/diff through this crate's search module:
//!     cargo run --example search_oracle -- fixtures.json < cases.jsonl > actual.jsonl
//! The output has the shape tools/diff/oracle.py produces from MLflow itself.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use mlrs::search::*;
use serde_json::{Value as Json, json};

struct Run {
    id: String,
    name: Option<String>,
    status: String,
    user: String,
    uri: String,
    start: Option<i64>,
    end: Option<i64>,
    metrics: BTreeMap<String, f64>,
    params: BTreeMap<String, String>,
    tags: BTreeMap<String, String>,
    datasets: Vec<DatasetRef>,
}

impl RunView for Run {
    fn run_id(&self) -> &str {
        &self.id
    }
    fn run_name(&self) -> Option<&str> {
        self.name.as_deref()
    }
    fn status(&self) -> &str {
        &self.status
    }
    fn user_id(&self) -> &str {
        &self.user
    }
    fn artifact_uri(&self) -> &str {
        &self.uri
    }
    fn start_time(&self) -> Option<i64> {
        self.start
    }
    fn end_time(&self) -> Option<i64> {
        self.end
    }
    fn metric(&self, key: &str) -> Option<f64> {
        self.metrics.get(key).copied()
    }
    fn param(&self, key: &str) -> Option<String> {
        self.params.get(key).cloned()
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
    fn datasets(&self) -> Vec<DatasetRef> {
        self.datasets.clone()
    }
}

struct Exp {
    id: String,
    name: String,
    creation: Option<i64>,
    update: Option<i64>,
    tags: BTreeMap<String, String>,
}

impl ExperimentView for Exp {
    fn experiment_id(&self) -> &str {
        &self.id
    }
    fn name(&self) -> &str {
        &self.name
    }
    fn creation_time(&self) -> Option<i64> {
        self.creation
    }
    fn last_update_time(&self) -> Option<i64> {
        self.update
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
}

struct Model {
    name: String,
    creation: Option<i64>,
    update: Option<i64>,
    tags: BTreeMap<String, String>,
}

impl RegisteredModelView for Model {
    fn name(&self) -> &str {
        &self.name
    }
    fn creation_timestamp(&self) -> Option<i64> {
        self.creation
    }
    fn last_updated_timestamp(&self) -> Option<i64> {
        self.update
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
}

struct Version {
    name: String,
    version: i64,
    run_id: Option<String>,
    source: Option<String>,
    stage: String,
    creation: Option<i64>,
    update: Option<i64>,
    tags: BTreeMap<String, String>,
}

impl ModelVersionView for Version {
    fn name(&self) -> &str {
        &self.name
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn run_id(&self) -> Option<&str> {
        self.run_id.as_deref()
    }
    fn source(&self) -> Option<&str> {
        self.source.as_deref()
    }
    fn current_stage(&self) -> &str {
        &self.stage
    }
    fn creation_timestamp(&self) -> Option<i64> {
        self.creation
    }
    fn last_updated_timestamp(&self) -> Option<i64> {
        self.update
    }
    fn tag(&self, key: &str) -> Option<String> {
        self.tags.get(key).cloned()
    }
}

fn s(v: &Json) -> String {
    v.as_str().unwrap_or_default().to_string()
}

fn map(v: &Json) -> BTreeMap<String, String> {
    v.as_object()
        .map(|o| o.iter().map(|(k, v)| (k.clone(), s(v))).collect())
        .unwrap_or_default()
}

fn load(fx: &Json) -> (Vec<Run>, Vec<Exp>, Vec<Model>, Vec<Version>) {
    let runs = fx["runs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| Run {
            id: s(&r["id"]),
            name: r["name"].as_str().map(str::to_string),
            status: s(&r["status"]),
            user: s(&r["user"]),
            uri: format!("file:///tmp/mlruns/1/{}/artifacts", s(&r["id"])),
            start: r["start"].as_i64(),
            end: r["end"].as_i64(),
            metrics: map(&r["metrics"])
                .into_iter()
                .map(|(k, v)| (k, v.parse().unwrap()))
                .collect(),
            params: map(&r["params"]),
            tags: map(&r["tags"]),
            datasets: r["datasets"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| DatasetRef {
                    name: s(&d["name"]),
                    digest: s(&d["digest"]),
                    context: d["context"].as_str().map(str::to_string),
                })
                .collect(),
        })
        .collect();
    let exps = fx["experiments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| Exp {
            id: s(&e["id"]),
            name: s(&e["name"]),
            creation: e["creation_time"].as_i64(),
            update: e["last_update_time"].as_i64(),
            tags: map(&e["tags"]),
        })
        .collect();
    let models = fx["registered_models"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| Model {
            name: s(&m["name"]),
            creation: m["creation_timestamp"].as_i64(),
            update: m["last_updated_timestamp"].as_i64(),
            tags: map(&m["tags"]),
        })
        .collect();
    let versions = fx["model_versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| Version {
            name: s(&v["name"]),
            version: v["version"].as_i64().unwrap(),
            run_id: v["run_id"].as_str().map(str::to_string),
            source: v["source"].as_str().map(str::to_string),
            stage: s(&v["stage"]),
            creation: v["creation_timestamp"].as_i64(),
            update: v["last_updated_timestamp"].as_i64(),
            tags: map(&v["tags"]),
        })
        .collect();
    (runs, exps, models, versions)
}

fn ids<T>(items: &[T], f: impl Fn(&T) -> String) -> Json {
    Json::Array(items.iter().map(|x| Json::String(f(x))).collect())
}

fn run_case(case: &Json, fx: &Json) -> Result<Json, SearchError> {
    let (mut runs, mut exps, mut models, mut versions) = load(fx);
    let entity = s(&case["entity"]);
    let op = s(&case["op"]);
    let order_by: Vec<String> = case["order_by"]
        .as_array()
        .map(|a| a.iter().map(s).collect())
        .unwrap_or_default();
    if case["empty"].as_bool() == Some(true) {
        runs.clear();
        exps.clear();
        models.clear();
        versions.clear();
    }
    let run_id = |r: &Run| r.id.clone();
    let exp_id = |e: &Exp| e.id.clone();
    let model_id = |m: &Model| m.name.clone();
    let version_id = |v: &Version| format!("{}/{}", v.name, v.version);
    match (entity.as_str(), op.as_str()) {
        ("runs", "filter") => {
            let f = parse_run_filter(&s(&case["filter"]))?;
            Ok(ids(&retain_matching(runs, |r| f.matches(r))?, run_id))
        }
        ("experiments", "filter") => {
            let f = parse_experiment_filter(&s(&case["filter"]))?;
            Ok(ids(&retain_matching(exps, |e| f.matches(e))?, exp_id))
        }
        ("registered_models", "filter") => {
            let f = parse_registered_model_filter(&s(&case["filter"]))?;
            Ok(ids(&retain_matching(models, |m| f.matches(m))?, model_id))
        }
        ("model_versions", "filter") => {
            let f = parse_model_version_filter(&s(&case["filter"]))?;
            Ok(ids(
                &retain_matching(versions, |v| f.matches(v))?,
                version_id,
            ))
        }
        ("runs", "order") => {
            let o = parse_run_order_by(&order_by)?;
            sort_runs(&mut runs, &o)?;
            Ok(ids(&runs, run_id))
        }
        ("experiments", "order") => {
            let o = parse_experiment_order_by(&order_by)?;
            sort_experiments(&mut exps, &o);
            Ok(ids(&exps, exp_id))
        }
        ("registered_models", "order") => {
            let o = parse_registered_model_order_by(&order_by)?;
            sort_registered_models(&mut models, &o);
            Ok(ids(&models, model_id))
        }
        ("model_versions", "order") => {
            let o = parse_model_version_order_by(&order_by)?;
            versions.retain(|v| v.stage != "Deleted_Internal");
            sort_model_versions(&mut versions, &o);
            Ok(ids(&versions, version_id))
        }
        (_, "like") => {
            let op = if case["ci"].as_bool() == Some(true) {
                "ILIKE"
            } else {
                "LIKE"
            };
            let f = parse_run_filter(&format!("params.v {op} \"{}\"", s(&case["pattern"])))?;
            let mut run = runs.swap_remove(0);
            run.params = BTreeMap::from([("v".to_string(), s(&case["value"]))]);
            Ok(Json::Bool(f.matches(&run)?))
        }
        (_, "page") => {
            let n = case["n"].as_u64().unwrap_or(0);
            let items: Vec<u64> = (0..n).collect();
            let token = case["page_token"].as_str();
            let (page, next) = paginate(items, case["max_results"].as_i64().unwrap_or(0), token)?;
            Ok(json!([page, next]))
        }
        _ => panic!("unknown case {case}"),
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("fixtures.json");
    let fx: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let case: Json = serde_json::from_str(&line.unwrap()).unwrap();
        let result = match run_case(&case, &fx) {
            Ok(v) => json!({"id": case["id"], "ok": v}),
            Err(e) => json!({"id": case["id"], "err": e.message}),
        };
        writeln!(out, "{result}").unwrap();
    }
}
