//! Search on the SQLite store against MLflow 3.17.2's SqlAlchemyStore and
//! SqlAlchemyModelRegistryStore (tests/sql_fixtures, `search_corpus.py`, called through
//! `MlflowClient`): for every case of the search corpus (runs, experiments, registered models
//! and model versions), replayed on a sqlite database written by MLflow, mlrs returns MLflow's
//! ids in MLflow's order and MLflow's next page token, or MLflow's error message. Exceptions, all named: the deliberate refusals
//! of tests/search_corpus (MLflow accepting nonsense), and raw Python or sqlite3 exceptions
//! (mlrs must fail too, with its own message).

use std::path::Path;
use std::sync::Arc;

use mlrs::backend::sql::SqlStore;
use mlrs::entities::ViewType;
use mlrs::search::SearchQuery;
use serde_json::Value;

const FIX: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sql_fixtures");

/// Our wording for the inputs MLflow accepts although they make no sense (as in
/// tests/search_corpus.rs).
const DELIBERATE_REFUSALS: [&str; 6] = [
    "AND is missing between",
    "it has no comparison",
    "it starts with AND",
    "it ends with AND",
    "AND appears twice in a row",
    "is not a key; is an AND missing?",
];

fn store(dir: &Path) -> SqlStore {
    let p = dir.join("mlflow.db");
    std::fs::copy(format!("{FIX}/search-3.17.2.db"), &p).unwrap();
    SqlStore::open(
        &format!("sqlite:///{}", p.display()),
        Arc::new(|_: &str| {}),
    )
    .unwrap()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

fn run_case(store: &SqlStore, case: &Value) -> Result<(Vec<String>, Option<String>), String> {
    let args = &case["args"];
    let order_by = if args["order_by"].is_null() {
        Vec::new()
    } else {
        strings(&args["order_by"])
    };
    let q = SearchQuery {
        filter: args["filter"].as_str().unwrap_or(""),
        order_by: &order_by,
        max_results: args["max_results"]
            .as_i64()
            .unwrap_or(match case["entity"].as_str() {
                Some("registered_models") => 100,
                Some("model_versions") => 10000,
                _ => 1000,
            }),
        page_token: args["page_token"].as_str(),
    };
    let view = match args["view_type"].as_str() {
        Some("DELETED_ONLY") => ViewType::DeletedOnly,
        Some("ALL") => ViewType::All,
        _ => ViewType::ActiveOnly,
    };
    let err = |e: mlrs::Error| e.to_string();
    match case["entity"].as_str().unwrap() {
        "runs" => {
            let page = store
                .search_runs(&strings(&args["experiment_ids"]), view, &q)
                .map_err(err)?;
            Ok((
                page.items.into_iter().map(|r| r.run_id).collect(),
                page.next_page_token,
            ))
        }
        "experiments" => {
            let page = store.search_experiments(view, &q).map_err(err)?;
            Ok((
                page.items.into_iter().map(|e| e.experiment_id).collect(),
                page.next_page_token,
            ))
        }
        "registered_models" => {
            let page = store.search_registered_models(&q).map_err(err)?;
            Ok((
                page.items.into_iter().map(|m| m.name).collect(),
                page.next_page_token,
            ))
        }
        entity => {
            assert_eq!(entity, "model_versions");
            let page = store.search_model_versions(&q).map_err(err)?;
            Ok((
                page.items
                    .into_iter()
                    .map(|v| format!("{}/{}", v.name, v.version))
                    .collect(),
                page.next_page_token,
            ))
        }
    }
}

#[test]
fn sql_search_answers_match_mlflow_sqlalchemy_store() {
    let cases: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(format!("{FIX}/search-corpus-3.17.2.json")).unwrap(),
    )
    .unwrap();
    assert!(cases.len() >= 1100, "{}", cases.len());
    let tmp = tempfile::tempdir().unwrap();
    let store = store(tmp.path());
    let mut failures = Vec::new();
    let (mut agree, mut deliberate, mut raw) = (0, Vec::new(), 0);
    for case in &cases {
        let id = case["id"].as_str().unwrap();
        let got = run_case(&store, case);
        if let Some(want) = case.get("result") {
            let want_ids = strings(&want["ids"]);
            let want_token = want["next_page_token"].as_str().map(str::to_string);
            match got {
                Ok((ids, token)) if ids == want_ids && token == want_token => agree += 1,
                Err(msg) if DELIBERATE_REFUSALS.iter().any(|d| msg.contains(d)) => {
                    deliberate.push(id.to_string())
                }
                other => failures.push(format!(
                    "{id} {}: want {want_ids:?} {want_token:?}, got {other:?}",
                    case["args"]
                )),
            }
        } else {
            let e = &case["error"];
            let want = e["message_normalized"].as_str().unwrap();
            // A raw Python or sqlite3 driver exception (binding a tuple, an offset beyond 64
            // bits, recursion depth), which the SQL store wraps into an MlflowException.
            let is_raw = e["raw"] == true || e.get("wrapped").is_some();
            match got {
                Err(msg) if msg == want => agree += 1,
                Err(_) if is_raw => raw += 1,
                other => failures.push(format!(
                    "{id} {}: want error {want:?}, got {other:?}",
                    case["args"]
                )),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
    assert!(deliberate.len() <= 40, "{deliberate:?}");
    eprintln!(
        "{} cases: {agree} agree exactly, {} deliberate refusals {deliberate:?}, {raw} raw \
         MLflow errors refused with our message",
        cases.len(),
        deliberate.len()
    );
}

/// Cases beyond the corpus, answered by MLflow 3.17.2 through `MlflowClient` on a copy of
/// search-3.17.2.db: SQLite's negative LIMIT (no limit) cut Python's way, a negative page
/// offset, `timestamp` and `last_updated_timestamp` being one column, the prompt query's case
/// folding, an order key's type being ignored for versions, `int()` of a version string.
#[test]
fn sql_registry_search_edge_cases_match_mlflow() {
    let tmp = tempfile::tempdir().unwrap();
    let store = store(tmp.path());
    let token = |n: i64| mlrs::search::page_token_for(i128::from(n));
    let models = |filter: &str, order_by: &[&str], max: i64, page: Option<String>| {
        let order_by: Vec<String> = order_by.iter().map(|s| s.to_string()).collect();
        let q = SearchQuery {
            filter,
            order_by: &order_by,
            max_results: max,
            page_token: page.as_deref(),
        };
        store
            .search_registered_models(&q)
            .map(|p| {
                (
                    p.items.into_iter().map(|m| m.name).collect::<Vec<_>>(),
                    p.next_page_token,
                )
            })
            .map_err(|e| e.to_string())
    };
    let versions = |filter: &str, order_by: &[&str]| {
        let order_by: Vec<String> = order_by.iter().map(|s| s.to_string()).collect();
        let q = SearchQuery {
            filter,
            order_by: &order_by,
            max_results: 10000,
            page_token: None,
        };
        store
            .search_model_versions(&q)
            .map(|p| {
                p.items
                    .into_iter()
                    .map(|v| format!("{}/{}", v.name, v.version))
                    .collect::<Vec<_>>()
            })
            .map_err(|e| e.to_string())
    };
    let names = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        models("", &[], -2, None).unwrap(),
        (
            names(&[
                "MODEL-A",
                "Model-B",
                "empty-model",
                "model-a",
                "model.v2",
                "model_c",
                "not-a-prompt"
            ]),
            None
        )
    );
    assert_eq!(
        models("", &[], -3, Some(token(2))).unwrap(),
        (
            names(&["empty-model", "model-a", "model.v2", "model_c"]),
            None
        )
    );
    assert_eq!(
        models("", &[], 3, Some(token(-2))).unwrap(),
        (
            names(&["MODEL-A", "Model-B", "empty-model"]),
            Some(token(1))
        )
    );
    assert_eq!(
        models("", &["timestamp", "last_updated_timestamp"], 100, None).unwrap_err(),
        "`order_by` contains duplicate fields: ['timestamp', 'last_updated_timestamp']"
    );
    assert_eq!(
        models("", &["`name` DESC"], 100, None).unwrap().0,
        names(&[
            "ümlaut-modell",
            "prompt-tagged-version",
            "not-a-prompt",
            "model_c",
            "model.v2",
            "model-a",
            "empty-model",
            "Model-B",
            "MODEL-A"
        ])
    );
    // A prompt query in any case, but the tag value compared as written.
    assert_eq!(
        models("tags.mlflow.prompt.is_prompt = 'TRUE'", &[], 100, None).unwrap(),
        (vec![], None)
    );
    assert_eq!(
        models(
            "tags.team = 'vision' AND tags.`mlflow.prompt.is_prompt` != 'False'",
            &[],
            100,
            None
        )
        .unwrap()
        .0,
        names(&["my-prompt"])
    );
    let by_name_desc = versions("", &["tags.name DESC"]).unwrap();
    assert_eq!(
        by_name_desc.first().map(String::as_str),
        Some("ümlaut-modell/1")
    );
    assert_eq!(by_name_desc.last().map(String::as_str), Some("MODEL-A/1"));
    assert_eq!(by_name_desc.len(), 20);
    assert_eq!(
        versions("version_number = ' 1_0 '", &[]).unwrap(),
        names(&["model-a/10"])
    );
    assert_eq!(
        versions("tags.`mlflow.prompt.is_prompt` = 'true'", &[]).unwrap(),
        names(&["my-prompt/1", "prompt-tagged-version/2"])
    );
    assert_eq!(
        versions("source_path IN ('x')", &[]).unwrap_err(),
        "Only ['name', 'run_id'] attributes support comparison with a list of quoted string values."
    );
}
