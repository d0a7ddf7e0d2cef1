//! End-to-end behaviour of `mlrs models …` (the model registry) on scratch stores and on the
//! stores real MLflow 2.22 and 3.17 wrote (tests/fixtures).

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Out, Scratch};
use serde_json::Value;

/// A run whose artifacts hold `model/MLmodel` (an MLflow 1.x/2.x-style logged model).
fn run_with_model(s: &Scratch) -> String {
    let (_, run) = s.exp_and_run();
    let src = s.path().join("model-src");
    fs::create_dir_all(&src).unwrap();
    fs::write(src.join("MLmodel"), "flavors: {}\n").unwrap();
    fs::write(src.join("weights.bin"), [0u8, 1, 2]).unwrap();
    s.run(&[
        "artifacts",
        "log-artifacts",
        "-l",
        src.to_str().unwrap(),
        "-r",
        &run,
        "-a",
        "model",
    ])
    .ok();
    run
}

fn register(s: &Scratch, run: &str, name: &str) -> String {
    s.run(&[
        "models",
        "register",
        "-q",
        &format!("runs:/{run}/model"),
        name,
    ])
    .ok()
    .line()
}

fn json(s: &Scratch, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["-o", "json"]);
    s.run(&all).ok().json()
}

fn assert_fails(out: Out, code: i32, needle: &str) {
    assert_eq!(
        out.code, code,
        "stdout={} stderr={}",
        out.stdout, out.stderr
    );
    assert!(out.stderr.starts_with("error: "), "{}", out.stderr);
    assert!(
        out.stderr.contains(needle),
        "{:?} not in {}",
        needle,
        out.stderr
    );
    assert_eq!(out.stderr.lines().count(), 1, "{}", out.stderr);
}

fn model_dir(s: &Scratch, name: &str) -> PathBuf {
    s.store().join("models").join(name)
}

/// Temp files must never be left in (or written into) key folders MLflow reads.
/// (On SQLite only the artifacts are files; the directory may not exist.)
fn assert_no_temp_files(root: &Path) {
    if !root.exists() {
        return;
    }
    for e in walkdir::WalkDir::new(root) {
        let e = e.unwrap();
        let name = e.file_name().to_string_lossy();
        assert!(
            !name.starts_with(".mlrs-tmp") && !name.starts_with("mlrs-tmp"),
            "left behind: {}",
            e.path().display()
        );
    }
}

// ---- registered models ----

#[test]
fn create_get_and_list_registered_models() {
    let s = Scratch::new();
    let out = s
        .run(&[
            "models",
            "create",
            "zeta",
            "--description",
            "- multi\nline",
            "-t",
            "team=risk",
            "-t",
            "nested/k=v",
        ])
        .ok();
    assert_eq!(out.line(), "Created registered model 'zeta'.");
    assert_eq!(
        s.run(&["models", "create", "-q", "alpha"]).ok().line(),
        "alpha"
    );
    let rm = json(&s, &["models", "get", "zeta"]);
    let keys: Vec<&str> = rm.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "aliases",
            "creation_timestamp",
            "description",
            "last_updated_timestamp",
            "latest_versions",
            "name",
            "tags"
        ]
    );
    assert_eq!(rm["name"], "zeta");
    assert_eq!(rm["description"], "- multi\nline");
    assert_eq!(rm["tags"]["team"], "risk");
    assert_eq!(rm["tags"]["nested/k"], "v");
    assert_eq!(rm["latest_versions"], serde_json::json!([]));
    assert!(rm["creation_timestamp"].as_i64().unwrap() > 0);
    assert_eq!(
        json(&s, &["models", "get", "alpha"])["description"],
        Value::Null
    );
    let names: Vec<String> = json(&s, &["models", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["alpha", "zeta"]);
    assert_eq!(
        s.run(&["models", "list", "-q"]).ok().stdout,
        "alpha\nzeta\n"
    );
    let csv = s.run(&["models", "list", "-o", "csv"]).ok().stdout;
    assert!(
        csv.starts_with("Name,Latest Versions,Aliases,Tags,Description,Last Updated\n"),
        "{csv}"
    );
    assert_eq!(
        s.run(&["models", "list", "-o", "jsonl"])
            .ok()
            .stdout
            .lines()
            .count(),
        2
    );
    assert!(
        s.run(&["models", "list", "-o", "tsv"])
            .ok()
            .stdout
            .contains("- multi\\nline")
    );
    assert!(s.run(&["models", "list"]).ok().stdout.contains("zeta"));
    assert_no_temp_files(&s.store());
}

#[test]
fn creating_an_existing_model_exits_4_and_changes_nothing() {
    let s = Scratch::new();
    s.run(&["models", "create", "m"]).ok();
    let before = s.snapshot();
    assert_fails(
        s.run(&["models", "create", "m"]),
        4,
        "Registered Model (name=m) already exists.",
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn invalid_model_names_exit_5_and_write_nothing() {
    let s = Scratch::new();
    for (name, msg) in [
        (
            "a:b",
            "Invalid model name 'a:b'. Names cannot contain '/' or ':'.",
        ),
        ("a/b", "Names cannot contain '/' or ':'"),
        ("..", "This name would resolve to '..'"),
        ("../../etc", "Names cannot contain"),
        ("/abs", "Names cannot contain"),
        ("  ", "Missing value for required parameter 'name'."),
    ] {
        assert_fails(s.run(&["models", "create", name]), 5, msg);
        assert!(!s.store_written(), "{name:?} created the store");
    }
    // The file store's own limits (a name is a directory); MLflow's SQL store takes both.
    for (name, msg) in [
        ("a\\b", "must not contain '/' or '\\'"),
        ("50%", "cannot contain '%' character"),
    ] {
        if s.is_file_store() {
            assert_fails(s.run(&["models", "create", name]), 5, msg);
            assert!(!s.store().exists(), "{name:?} created the store");
        }
    }
    let run = run_with_model(&s);
    let before = s.snapshot();
    for name in ["a:b", "..", "a\\b", "x/y"] {
        // (`a\\b` is a valid name on SQL: registered there below.)
        if s.is_file_store() || name != "a\\b" {
            assert_fails(
                s.run(&["models", "register", &format!("runs:/{run}/model"), name]),
                5,
                "",
            );
        }
        for cmd in [
            vec!["models", "get", name],
            vec!["models", "delete", name],
            vec!["models", "set-tag", name, "k", "v"],
            vec!["models", "rename", "x", name],
        ] {
            let out = s.run(&cmd);
            // (`a\\b` is a valid name on SQL, of a model that does not exist.)
            let absent_ok = name == "a:b" || (!s.is_file_store() && name == "a\\b");
            assert!(
                out.code == 5 || (out.code == 3 && absent_ok),
                "{cmd:?}: {}",
                out.stderr
            );
        }
    }
    assert_eq!(s.snapshot(), before);
    if !s.is_file_store() {
        let out = s.run(&["models", "register", &format!("runs:/{run}/model"), "a\\b"]);
        assert!(out.ok().stdout.contains("version '1'"));
    }
}

#[test]
fn read_commands_on_a_missing_registry_exit_3_and_create_nothing() {
    let s = Scratch::new();
    if s.skip_on_server("a tracking server's store exists from its start") {
        return;
    }
    let store_name = if s.is_file_store() {
        "mlruns"
    } else {
        "mlflow.db"
    };
    assert_fails(s.run(&["models", "list"]), 3, store_name);
    assert_fails(s.run(&["models", "get", "m"]), 3, "");
    assert!(!s.store().exists());
    s.run(&["experiments", "create", "-n", "x"]).ok();
    assert_eq!(
        s.run(&["models", "list", "-o", "json"]).ok().json(),
        serde_json::json!([])
    );
    assert_fails(
        s.run(&["models", "get", "m"]),
        3,
        "Registered Model with name=m not found",
    );
    assert_fails(
        s.run(&["models", "versions", "m"]),
        3,
        "Registered Model with name=m not found",
    );
}

#[test]
fn rename_moves_versions_tags_and_aliases_and_rewrites_names() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    s.run(&["models", "create", "old", "-t", "team=risk"]).ok();
    register(&s, &run, "old");
    register(&s, &run, "old");
    s.run(&["models", "set-version-tag", "old", "1", "validated", "true"])
        .ok();
    s.run(&["models", "set-alias", "old", "champion", "2"]).ok();
    s.run(&["models", "delete-version", "old", "1"]).ok();
    let out = s.run(&["models", "rename", "old", "new"]).ok();
    assert_eq!(
        out.line(),
        "Registered model 'old' has been renamed to 'new'."
    );
    if s.is_file_store() {
        assert!(!model_dir(&s, "old").exists());
    }
    let rm = json(&s, &["models", "get", "new"]);
    assert_eq!(rm["tags"]["team"], "risk");
    assert_eq!(rm["aliases"]["champion"], "2");
    let versions = json(&s, &["models", "versions", "new"]);
    assert_eq!(versions.as_array().unwrap().len(), 1);
    assert_eq!(versions[0]["name"], "new");
    if s.is_server() {
        // MLflow's server lists versions without their aliases (its search_model_versions
        // leaves them out, MlflowClient.search_model_versions shows []); a get has them.
        assert_eq!(versions[0]["aliases"], serde_json::json!([]));
        let v2 = json(&s, &["models", "get-version", "new", "2"]);
        assert_eq!(v2["aliases"], serde_json::json!(["champion"]));
    } else {
        assert_eq!(versions[0]["aliases"], serde_json::json!(["champion"]));
    }
    if s.is_file_store() {
        for v in ["version-1", "version-2"] {
            let meta = fs::read_to_string(model_dir(&s, "new").join(v).join("meta.yaml")).unwrap();
            assert!(meta.contains("\nname: new\n"), "{meta}");
        }
        assert!(
            fs::read_to_string(model_dir(&s, "new").join("meta.yaml"))
                .unwrap()
                .contains("name: new\n")
        );
        // the deleted version's tag came along
        assert!(
            model_dir(&s, "new")
                .join("version-1/tags/validated")
                .is_file()
        );
    }
    // the deleted version's number came along: the next version is 3
    assert_eq!(register(&s, &run, "new"), "3");
    s.run(&["models", "create", "other"]).ok();
    let before = s.snapshot();
    assert_fails(
        s.run(&["models", "rename", "new", "other"]),
        4,
        "Registered Model (name=other) already exists.",
    );
    assert_fails(
        s.run(&["models", "rename", "ghost", "x"]),
        3,
        "Registered Model with name=ghost not found",
    );
    assert_fails(
        s.run(&["models", "rename", "new", "a:b"]),
        5,
        "Names cannot contain",
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn update_sets_the_description_and_bumps_last_updated() {
    let s = Scratch::new();
    s.run(&["models", "create", "m", "--description", "one"])
        .ok();
    let before = json(&s, &["models", "get", "m"]);
    std::thread::sleep(std::time::Duration::from_millis(5));
    let after = json(&s, &["models", "update", "m", "--description", "-two"]);
    assert_eq!(after["description"], "-two");
    assert!(after["last_updated_timestamp"].as_i64() > before["last_updated_timestamp"].as_i64());
    assert_eq!(after["creation_timestamp"], before["creation_timestamp"]);
    assert_fails(
        s.run(&["models", "update", "nope", "--description", "x"]),
        3,
        "not found",
    );
}

#[test]
fn delete_removes_the_model_and_a_new_one_restarts_at_version_1() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    register(&s, &run, "m");
    register(&s, &run, "m");
    let out = s.run(&["models", "delete", "m"]).ok();
    assert_eq!(out.line(), "Registered model 'm' has been deleted.");
    if s.is_file_store() {
        assert!(!model_dir(&s, "m").exists());
        assert_eq!(fs::read_dir(s.store().join(".trash")).unwrap().count(), 0);
    }
    assert_fails(s.run(&["models", "get", "m"]), 3, "not found");
    assert_fails(
        s.run(&["models", "delete", "m"]),
        3,
        "Registered Model with name=m not found",
    );
    assert_eq!(register(&s, &run, "m"), "1");
}

#[test]
fn registered_model_tags_follow_mlflow_rules() {
    let s = Scratch::new();
    s.run(&["models", "create", "m"]).ok();
    s.run(&["models", "set-tag", "m", "k", "-v"]).ok();
    s.run(&["models", "set-tag", "m", "a/b", ""]).ok();
    let tags = json(&s, &["models", "get", "m"])["tags"].clone();
    assert_eq!(tags, serde_json::json!({"k": "-v", "a/b": ""}));
    if s.is_file_store() {
        assert_eq!(fs::read(model_dir(&s, "m").join("tags/k")).unwrap(), b"-v");
    }
    s.run(&["models", "delete-tag", "m", "k"]).ok();
    s.run(&["models", "delete-tag", "m", "never-set"]).ok();
    assert_eq!(
        json(&s, &["models", "get", "m"])["tags"],
        serde_json::json!({"a/b": ""})
    );
    let before = s.snapshot();
    assert_fails(
        s.run(&["models", "set-tag", "m", "../x", "v"]),
        5,
        "Invalid value \"../x\" for parameter 'key' supplied",
    );
    assert_fails(
        s.run(&["models", "set-tag", "m", "k", &"x".repeat(100_001)]),
        5,
        "'value' exceeds the maximum length of 100000 characters",
    );
    if s.is_file_store() {
        // tag `a/b` is the file tags/a/b, so a tag `a` cannot be a file beside it (a SQL
        // store has no such clash)
        assert_fails(s.run(&["models", "set-tag", "m", "a", "v"]), 5, "");
    }
    assert_fails(
        s.run(&["models", "set-tag", "ghost", "k", "v"]),
        3,
        "Registered Model with name=ghost not found",
    );
    assert_eq!(s.snapshot(), before);
    assert_no_temp_files(&s.store());
}

// ---- registration and versions ----

#[test]
fn register_from_run_artifacts_records_the_artifact_uri_like_mlflow() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    let out = s
        .run(&[
            "models",
            "register",
            &format!("runs:/{run}/model"),
            "fraud",
            "-t",
            "commit=abc",
            "--description",
            "first",
        ])
        .ok();
    assert_eq!(out.line(), "Created version '1' of model 'fraud'.");
    let mv = json(&s, &["models", "get-version", "fraud", "1"]);
    let keys: Vec<&str> = mv.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "aliases",
            "creation_timestamp",
            "current_stage",
            "description",
            "last_updated_timestamp",
            "name",
            "run_id",
            "source",
            "status",
            "tags",
            "version"
        ]
    );
    assert_eq!(mv["version"], "1");
    assert_eq!(mv["current_stage"], "None");
    assert_eq!(mv["status"], "READY");
    assert_eq!(mv["run_id"], run.as_str());
    assert_eq!(mv["description"], "first");
    assert_eq!(mv["tags"]["commit"], "abc");
    let info = s
        .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
        .ok()
        .json();
    let want = format!("{}/model", info["info"]["artifact_uri"].as_str().unwrap());
    assert_eq!(mv["source"], want.as_str());
    if s.is_file_store() {
        let meta = fs::read_to_string(model_dir(&s, "fraud").join("version-1/meta.yaml")).unwrap();
        assert!(
            meta.contains(&format!("storage_location: {want}\n")),
            "{meta}"
        );
        assert!(
            meta.contains("\nversion: 1\n") && meta.contains("current_stage: None\n"),
            "{meta}"
        );
        assert!(!meta.contains("model_id"), "{meta}");
    }
    assert_eq!(
        s.run(&[
            "models",
            "register",
            "-q",
            &format!("runs:/{run}/model"),
            "fraud"
        ])
        .ok()
        .line(),
        "2"
    );
    let rm = json(&s, &["models", "get", "fraud"]);
    assert_eq!(rm["latest_versions"].as_array().unwrap().len(), 1);
    assert_eq!(rm["latest_versions"][0]["version"], "2");
    assert_no_temp_files(&s.store());
}

#[test]
fn unresolvable_model_uris_exit_3_and_write_nothing() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    let before = s.snapshot();
    assert_fails(
        s.run(&["models", "register", &format!("runs:/{run}/nothing"), "m"]),
        3,
        &format!("Unable to find a logged_model with artifact_path nothing under run {run}"),
    );
    assert_fails(
        s.run(&[
            "models",
            "register",
            "runs:/0123456789abcdef0123456789abcdef/model",
            "m",
        ]),
        3,
        "not found",
    );
    assert_fails(
        s.run(&[
            "models",
            "register",
            "models:/m-0123456789abcdef0123456789abcdef",
            "m",
        ]),
        3,
        "not found",
    );
    if s.is_server() {
        // A server takes no local path as a source (without a run whose artifacts hold it).
        assert_fails(
            s.run(&["models", "register", "./no/such/dir", "m"]),
            5,
            "To use a local path as a model version source",
        );
    } else {
        assert_fails(
            s.run(&["models", "register", "./no/such/dir", "m"]),
            3,
            "does not exist",
        );
    }
    assert_fails(
        s.run(&["models", "register", "runs:/", "m"]),
        5,
        "Not a proper runs:/ URI",
    );
    assert_fails(
        s.run(&["models", "register", &format!("runs:/{run}/../x"), "m"]),
        5,
        "",
    );
    assert_fails(
        s.run(&["models", "register", "models:/x/Production", "m"]),
        5,
        "",
    );
    assert_eq!(s.snapshot(), before);
    let fresh = Scratch::new();
    if fresh.is_server() {
        assert_fails(
            fresh.run(&["models", "register", "./missing", "m"]),
            5,
            "local path",
        );
        assert!(!fresh.store_written());
    } else {
        assert_fails(fresh.run(&["models", "register", "./missing", "m"]), 3, "");
        assert!(!fresh.store().exists());
    }
}

#[test]
fn register_from_a_local_path_records_it_absolute() {
    let s = Scratch::new();
    fs::create_dir_all(s.path().join("saved/model")).unwrap();
    fs::write(s.path().join("saved/model/MLmodel"), "x").unwrap();
    if s.is_server() {
        // MLflow's server refuses a local path as a version's source (its own message).
        assert_fails(
            s.run(&["models", "register", "saved/model", "local"]),
            5,
            "Invalid model version source: 'saved/model'. To use a local path as a model version source, the run_id request parameter has to be specified",
        );
        return;
    }
    s.run(&["models", "register", "saved/model", "local"]).ok();
    let mv = json(&s, &["models", "get-version", "local", "1"]);
    let want = s.path().join("saved/model");
    assert_eq!(mv["source"], want.to_str().unwrap());
    assert_eq!(mv["run_id"], Value::Null);
    assert_eq!(
        s.run(&["models", "resolve", "models:/local/1"]).ok().line(),
        want.to_str().unwrap()
    );
    // the store was created as MLflow creates it, with the Default experiment
    assert!(s.store_marker().exists());
    assert_eq!(
        s.run(&["experiments", "get", "-x", "0", "-o", "json"])
            .ok()
            .json()["name"],
        "Default"
    );
}

#[test]
fn versions_update_delete_and_tags() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    for _ in 0..3 {
        register(&s, &run, "m");
    }
    let out = s
        .run(&[
            "models",
            "update-version",
            "m",
            "2",
            "--description",
            "better",
        ])
        .ok();
    assert_eq!(
        out.line(),
        "Updated the description of version 2 of model 'm'."
    );
    assert_eq!(
        json(&s, &["models", "get-version", "m", "2"])["description"],
        "better"
    );
    s.run(&["models", "set-version-tag", "m", "2", "auc", "0.97"])
        .ok();
    assert_eq!(
        json(&s, &["models", "get-version", "m", "2"])["tags"]["auc"],
        "0.97"
    );
    s.run(&["models", "delete-version-tag", "m", "2", "auc"])
        .ok();
    s.run(&["models", "delete-version-tag", "m", "2", "never"])
        .ok();
    assert_eq!(
        json(&s, &["models", "get-version", "m", "2"])["tags"],
        serde_json::json!({})
    );
    s.run(&["models", "set-alias", "m", "champion", "2"]).ok();
    let out = s.run(&["models", "delete-version", "m", "2"]).ok();
    assert_eq!(out.line(), "Version 2 of model 'm' has been deleted.");
    if s.is_file_store() {
        let meta = fs::read_to_string(model_dir(&s, "m").join("version-2/meta.yaml")).unwrap();
        assert!(meta.contains("current_stage: Deleted_Internal\n"), "{meta}");
        assert!(!model_dir(&s, "m").join("aliases/champion").exists());
    }
    assert_eq!(
        json(&s, &["models", "get", "m"])["aliases"],
        serde_json::json!({})
    );
    let listed: Vec<String> = json(&s, &["models", "versions", "m"])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed, ["1", "3"]);
    assert_eq!(
        s.run(&["models", "versions", "m", "-q"]).ok().stdout,
        "1\n3\n"
    );
    for cmd in [
        vec!["models", "get-version", "m", "2"],
        vec!["models", "delete-version", "m", "2"],
        vec!["models", "update-version", "m", "2", "--description", "x"],
        vec!["models", "set-version-tag", "m", "2", "k", "v"],
        vec!["models", "transition", "m", "2", "Staging"],
        vec!["models", "set-alias", "m", "a", "2"],
        vec!["models", "get-version", "m", "9"],
    ] {
        assert_fails(s.run(&cmd), 3, "Model Version (name=m, version=");
    }
    assert_fails(
        s.run(&["models", "get-version", "m", "two"]),
        5,
        "Parameter 'version' must be an integer, got 'two'.",
    );
    assert_eq!(register(&s, &run, "m"), "4");
    assert_no_temp_files(&s.store());
}

#[test]
fn transition_uses_canonical_stages_and_archives_like_mlflow() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    for _ in 0..4 {
        register(&s, &run, "m");
    }
    let out = s
        .run(&["models", "transition", "m", "1", "production"])
        .ok();
    assert_eq!(
        out.line(),
        "Version 1 of model 'm' is now in stage Production."
    );
    s.run(&["models", "transition", "m", "2", "PRODUCTION"])
        .ok();
    s.run(&["models", "transition", "m", "3", "staging"]).ok();
    if s.is_file_store() {
        let meta = fs::read_to_string(model_dir(&s, "m").join("version-3/meta.yaml")).unwrap();
        assert!(meta.contains("current_stage: Staging\n"), "{meta}");
    }
    let mv = json(
        &s,
        &[
            "models",
            "transition",
            "m",
            "4",
            "Production",
            "--archive-existing-versions",
        ],
    );
    assert_eq!(mv["current_stage"], "Production");
    let stages: Vec<String> = json(&s, &["models", "versions", "m"])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["current_stage"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stages, ["Archived", "Archived", "Staging", "Production"]);
    assert_eq!(
        s.run(&["models", "transition", "-q", "m", "3", "none"])
            .ok()
            .line(),
        "3"
    );
    let before = s.snapshot();
    assert_fails(
        s.run(&["models", "transition", "m", "1", "prod"]),
        5,
        "Invalid Model Version stage: prod. Value must be one of None, Staging, Production, Archived.",
    );
    assert_fails(
        s.run(&[
            "models",
            "transition",
            "m",
            "1",
            "archived",
            "--archive-existing-versions",
        ]),
        5,
        "Model version transition cannot archive existing model versions because 'archived' is not an Active stage. Valid stages are ['Staging', 'Production']",
    );
    assert_fails(
        s.run(&[
            "models",
            "transition",
            "m",
            "9",
            "Staging",
            "--archive-existing-versions",
        ]),
        3,
        "",
    );
    assert_fails(
        s.run(&["models", "transition", "m", "x", "Staging"]),
        5,
        "must be an integer",
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn latest_returns_the_highest_version_per_stage_in_a_fixed_order() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    for _ in 0..5 {
        register(&s, &run, "m");
    }
    s.run(&["models", "transition", "m", "1", "Archived"]).ok();
    s.run(&["models", "transition", "m", "2", "Production"])
        .ok();
    s.run(&["models", "transition", "m", "3", "Production"])
        .ok();
    s.run(&["models", "transition", "m", "4", "Staging"]).ok();
    s.run(&["models", "delete-version", "m", "5"]).ok();
    let got: Vec<(String, String)> = json(&s, &["models", "latest", "m"])
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["version"].as_str().unwrap().into(),
                v["current_stage"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = [("4", "Staging"), ("3", "Production"), ("1", "Archived")]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(
        s.run(&["models", "latest", "m", "--stage", "production", "-q"])
            .ok()
            .stdout,
        "3\n"
    );
    assert_eq!(
        s.run(&[
            "models",
            "latest",
            "m",
            "-s",
            "Production",
            "-s",
            "staging",
            "-q"
        ])
        .ok()
        .stdout,
        "4\n3\n"
    );
    assert_eq!(
        s.run(&["models", "latest", "m", "--stage", "None", "-q"])
            .ok()
            .stdout,
        ""
    );
    assert_fails(
        s.run(&["models", "latest", "m", "--stage", "live"]),
        5,
        "Invalid Model Version stage: live.",
    );
    let rm = json(&s, &["models", "get", "m"]);
    let latest: Vec<&str> = rm["latest_versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["version"].as_str().unwrap())
        .collect();
    assert_eq!(latest, ["4", "3", "1"]);
}

#[test]
fn aliases_follow_mlflow_rules() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    for _ in 0..3 {
        register(&s, &run, "m");
    }
    s.run(&["models", "set-alias", "m", "champion", "2"]).ok();
    s.run(&["models", "set-alias", "m", "challenger", "03"])
        .ok();
    if s.is_file_store() {
        assert_eq!(
            fs::read(model_dir(&s, "m").join("aliases/champion")).unwrap(),
            b"2"
        );
        assert_eq!(
            fs::read(model_dir(&s, "m").join("aliases/challenger")).unwrap(),
            b"3"
        );
    }
    assert_eq!(
        s.run(&["models", "get-version", "m", "--alias", "champion", "-q"])
            .ok()
            .line(),
        "2"
    );
    let mv = json(&s, &["models", "get-version", "m", "--alias", "challenger"]);
    assert_eq!(mv["version"], "3");
    assert_eq!(mv["aliases"], serde_json::json!(["challenger"]));
    assert_eq!(
        s.run(&["models", "get-version", "m", "--alias", "LATEST", "-q"])
            .ok()
            .line(),
        "3"
    );
    assert_eq!(
        json(&s, &["models", "get", "m"])["aliases"],
        serde_json::json!({"champion": "2", "challenger": "3"})
    );
    s.run(&["models", "set-alias", "m", "champion", "1"]).ok();
    assert_eq!(
        s.run(&["models", "get-version", "m", "--alias", "champion", "-q"])
            .ok()
            .line(),
        "1"
    );
    s.run(&["models", "delete-alias", "m", "champion"]).ok();
    s.run(&["models", "delete-alias", "m", "never-set"]).ok();
    // MLflow's server answers a missing alias with INVALID_PARAMETER_VALUE (its SqlAlchemyStore
    // raises that code), which is exit 5 there.
    assert_fails(
        s.run(&["models", "get-version", "m", "--alias", "champion"]),
        if s.is_server() { 5 } else { 3 },
        "Registered model alias champion not found.",
    );
    let before = s.snapshot();
    assert_fails(
        s.run(&["models", "set-alias", "m", "latest", "1"]),
        5,
        "'latest' alias name (case insensitive) is reserved.",
    );
    assert_fails(
        s.run(&["models", "set-alias", "m", "v2", "1"]),
        5,
        "Version alias name 'v2' is reserved.",
    );
    assert_fails(
        s.run(&["models", "set-alias", "m", "a.b", "1"]),
        5,
        "Invalid alias name: 'a.b'. Names may only contain alphanumerics, underscores (_), and dashes (-).",
    );
    assert_fails(
        s.run(&["models", "set-alias", "m", "../x", "1"]),
        5,
        "Invalid alias name",
    );
    assert_fails(
        s.run(&["models", "set-alias", "m", &"a".repeat(256), "1"]),
        5,
        "exceeds the maximum length of 255",
    );
    assert_fails(
        s.run(&["models", "set-alias", "m", "ok", "9"]),
        3,
        "Model Version (name=m, version=9) not found",
    );
    assert_fails(
        s.run(&["models", "set-alias", "ghost", "ok", "1"]),
        3,
        // each as MLflow's store of that kind words it
        if s.is_file_store() {
            "Registered Model with name=ghost not found"
        } else {
            "Model Version (name=ghost, version=1) not found"
        },
    );
    assert_fails(
        s.run(&["models", "delete-alias", "m", "a b"]),
        5,
        "Invalid alias name",
    );
    assert_eq!(s.snapshot(), before);
    assert_no_temp_files(&s.store());
}

#[test]
fn resolve_prints_the_local_directory_behind_every_uri_form() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    register(&s, &run, "m");
    if s.is_server() {
        // A server's model files are behind its artifact proxy: resolve names them, exit 5.
        assert_fails(
            s.run(&["models", "resolve", "models:/m/1"]),
            5,
            "not on a local disk (copy them with `mlrs artifacts download`)",
        );
        return;
    }
    register(&s, &run, "m");
    s.run(&["models", "transition", "m", "1", "Production"])
        .ok();
    s.run(&["models", "set-alias", "m", "champion", "1"]).ok();
    let artifacts = s
        .run(&["runs", "describe", "--run-id", &run, "-o", "json"])
        .ok()
        .json()["info"]["artifact_uri"]
        .as_str()
        .unwrap()
        .trim_start_matches("file://")
        .to_string();
    let model = format!("{artifacts}/model");
    for uri in [
        "models:/m/1",
        "models:/m/Production",
        "models:/m/production",
        "models:/m@champion",
        "models:/m/latest",
        "models:/m/2",
    ] {
        assert_eq!(
            s.run(&["models", "resolve", uri]).ok().line(),
            model,
            "{uri}"
        );
    }
    assert_eq!(
        s.run(&["models", "resolve", &format!("runs:/{run}/model/MLmodel")])
            .ok()
            .line(),
        format!("{model}/MLmodel")
    );
    let j = json(&s, &["models", "resolve", "models:/m@champion"]);
    assert_eq!(j["path"], model.as_str());
    assert!(Path::new(&model).join("MLmodel").is_file());
    assert_fails(
        s.run(&["models", "resolve", "models:/m/Staging"]),
        3,
        "No versions of model with name 'm' and stage 'Staging' found",
    );
    assert_fails(s.run(&["models", "resolve", "models:/m/7"]), 3, "not found");
    assert_fails(
        s.run(&["models", "resolve", "models:/m@nobody"]),
        3,
        "alias nobody not found",
    );
    assert_fails(
        s.run(&["models", "resolve", "models:/ghost/latest"]),
        3,
        "not found",
    );
    assert_fails(
        s.run(&["models", "resolve", &format!("runs:/{run}/nope")]),
        3,
        "",
    );
    assert_fails(
        s.run(&["models", "resolve", "models:/m/Live"]),
        5,
        "Invalid Model Version stage",
    );
    assert_fails(
        s.run(&["models", "resolve", "models:/a/b/c"]),
        5,
        "Not a proper models:/ URI",
    );
    assert_fails(s.run(&["models", "resolve", "s3://bucket/x"]), 5, "");
}

#[test]
fn a_moved_store_still_resolves_to_its_own_files() {
    let s = Scratch::new();
    if !s.is_file_store() {
        // moving a database moves every path in it; this is about a moved mlruns/ tree
        return;
    }
    let run = run_with_model(&s);
    register(&s, &run, "m");
    s.run(&["models", "set-alias", "m", "champion", "1"]).ok();
    let moved = s.path().join("elsewhere");
    fs::rename(s.store(), &moved).unwrap();
    let out = s
        .run(&[
            "--tracking-uri",
            moved.to_str().unwrap(),
            "models",
            "resolve",
            "models:/m@champion",
        ])
        .ok();
    assert!(
        out.line().starts_with(moved.to_str().unwrap()),
        "{}",
        out.line()
    );
    assert!(Path::new(&out.line()).join("MLmodel").is_file());
    assert!(out.stderr.contains("warning:"), "{}", out.stderr);
}

#[test]
fn a_separate_registry_uri_holds_the_registry() {
    let s = Scratch::new();
    if s.skip_on_server(
        "a run of a tracking server is registered in that server's registry only (mlrs refuses \
         another, exit 5)",
    ) {
        return;
    }
    let run = run_with_model(&s);
    // the registry in a store of the backend's own kind: a directory, or a second database
    let reg = if s.is_file_store() {
        s.path().join("reg")
    } else {
        s.path().join("reg.db")
    };
    let reg_s = reg.to_str().unwrap().to_string();
    let (write_uri, read_uri) = if s.is_file_store() {
        (reg_s.clone(), format!("file://{reg_s}"))
    } else {
        (format!("sqlite:///{reg_s}"), format!("sqlite:///{reg_s}"))
    };
    s.run(&[
        "--registry-uri",
        &write_uri,
        "models",
        "register",
        &format!("runs:/{run}/model"),
        "m",
    ])
    .ok();
    if s.is_file_store() {
        assert!(reg.join("models/m/version-1/meta.yaml").is_file());
        assert!(!reg.join("0").exists());
        assert!(!s.store().join("models/m").exists());
    } else {
        assert!(reg.is_file());
    }
    let out = s
        .run(&[
            "--registry-uri",
            &read_uri,
            "models",
            "resolve",
            "models:/m/1",
        ])
        .ok();
    assert!(out.line().ends_with("/artifacts/model"), "{}", out.line());
    assert_fails(s.run(&["models", "get", "m"]), 3, "not found");
    if !s.is_file_store() {
        // a file registry cannot record runs of a SQL tracking store: refused, nothing written
        let dir = s.path().join("filereg");
        assert_fails(
            s.run(&[
                "--registry-uri",
                dir.to_str().unwrap(),
                "models",
                "register",
                &format!("runs:/{run}/model"),
                "m",
            ]),
            5,
            "file tracking store only",
        );
        assert!(!dir.exists());
    }
}

#[test]
fn reading_tolerates_what_mlflow_2_and_3_write() {
    let s = Scratch::new();
    if !s.is_file_store() {
        // hand-written registry files: the file layout only
        return;
    }
    let m = model_dir(&s, "hand made");
    fs::create_dir_all(m.join("version-1")).unwrap();
    fs::create_dir_all(m.join("version-2")).unwrap();
    fs::create_dir_all(m.join("version-3")).unwrap();
    fs::create_dir_all(m.join("aliases")).unwrap();
    fs::write(
        m.join("meta.yaml"),
        "aliases:\n  stale: '1'\ncreation_timestamp: 10\ndeployment_job_id: null\ndescription: 'line1\n\n  line2: x'\nlast_updated_timestamp: 11\nname: hand made\nworkspace: default\n",
    )
    .unwrap();
    // v2.22: `aliases` list snapshot, no model_id; no current_stage at all
    fs::write(
        m.join("version-1/meta.yaml"),
        "aliases:\n- stale\ncreation_timestamp: 12\ndescription: null\nlast_updated_timestamp: 13\nname: hand made\nrun_id: null\nrun_link: null\nsource: /tmp/x\nstatus: READY\nstatus_message: null\nstorage_location: /tmp/x\nuser_id: null\nversion: 1\n",
    )
    .unwrap();
    // a quoted version, 3.0-era snapshots
    fs::write(
        m.join("version-2/meta.yaml"),
        "aliases: []\ncreation_timestamp: 14\ncurrent_stage: Production\nmetrics: null\nmodel_id: null\nname: hand made\nparams: null\nsource: /tmp/y\nversion: '2'\n",
    )
    .unwrap();
    fs::write(
        m.join("version-3/meta.yaml"),
        "current_stage: Deleted_Internal\nname: hand made\nsource: /tmp/z\nversion: 3\n",
    )
    .unwrap();
    fs::write(m.join("aliases/live"), "2").unwrap();
    let rm = json(&s, &["models", "get", "hand made"]);
    assert_eq!(rm["description"], "line1\nline2: x");
    assert_eq!(rm["aliases"], serde_json::json!({"live": "2"}));
    let versions = json(&s, &["models", "versions", "hand made"]);
    assert_eq!(versions.as_array().unwrap().len(), 2);
    assert_eq!(versions[0]["current_stage"], "None");
    assert_eq!(versions[0]["aliases"], serde_json::json!([]));
    assert_eq!(versions[1]["version"], "2");
    assert_eq!(versions[1]["aliases"], serde_json::json!(["live"]));
    assert_eq!(versions[1]["status"], "READY");
    assert_fails(
        s.run(&["models", "get-version", "hand made", "3"]),
        3,
        "not found",
    );
    // a rewrite keeps the extra keys MLflow wrote, drops the snapshots, writes an int version
    s.run(&["models", "transition", "hand made", "2", "staging"])
        .ok();
    let meta = fs::read_to_string(m.join("version-2/meta.yaml")).unwrap();
    assert!(
        meta.contains("\nversion: 2\n") && meta.contains("model_id: null\n"),
        "{meta}"
    );
    assert!(
        !meta.contains("aliases") && !meta.contains("metrics"),
        "{meta}"
    );
    let meta = fs::read_to_string(m.join("meta.yaml")).unwrap();
    assert!(
        meta.contains("workspace: default\n") && !meta.contains("stale"),
        "{meta}"
    );
    // a broken model is skipped by list with a warning, not fatal
    fs::create_dir_all(model_dir(&s, "broken")).unwrap();
    let out = s.run(&["models", "list", "-q"]).ok();
    assert_eq!(out.stdout, "hand made\n");
    assert!(out.stderr.contains("broken"), "{}", out.stderr);
    assert_eq!(register_path(&s, "hand made"), "4");
}

fn register_path(s: &Scratch, name: &str) -> String {
    fs::create_dir_all(s.path().join("p")).unwrap();
    s.run(&["models", "register", "-q", "p", name]).ok().line()
}

#[test]
fn every_models_command_has_an_example_in_its_help() {
    let s = Scratch::new();
    let help = s.run(&["models", "--help"]).ok().stdout;
    let commands: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        // command lines are indented by two spaces; wrapped descriptions by more
        .filter(|l| !l.starts_with("   "))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() >= 20, "{commands:?}");
    for c in commands {
        let out = s.run(&["models", &c, "--help"]).ok().stdout;
        assert!(
            out.contains("Example:\n  mlrs ") || out.contains("Example:\n  "),
            "{c}: {out}"
        );
    }
}

// ---- concurrency ----

fn spawn(s: &Scratch, args: &[String]) -> std::process::Child {
    std::process::Command::new(env!("CARGO_BIN_EXE_mlrs"))
        .args(args)
        .current_dir(s.path())
        .env_remove("MLFLOW_TRACKING_URI")
        .env_remove("MLFLOW_REGISTRY_URI")
        .envs(s.env_tracking_uri().map(|uri| ("MLFLOW_TRACKING_URI", uri)))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn eight_concurrent_registers_get_eight_distinct_consecutive_versions() {
    let s = Scratch::new();
    let run = run_with_model(&s);
    let uri = format!("runs:/{run}/model");
    // the model does not exist yet: its creation races too
    let children: Vec<_> = (0..8)
        .map(|_| {
            spawn(
                &s,
                &[
                    "models".into(),
                    "register".into(),
                    "-q".into(),
                    uri.clone(),
                    "race".into(),
                ],
            )
        })
        .collect();
    let mut got: Vec<i64> = children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
        })
        .collect();
    got.sort();
    assert_eq!(got, (1..=8).collect::<Vec<i64>>());
    let listed = json(&s, &["models", "versions", "race"]);
    assert_eq!(listed.as_array().unwrap().len(), 8);
    assert_no_temp_files(&s.store());
}

#[test]
fn concurrent_transitions_with_archive_leave_exactly_one_production_version() {
    let s = Scratch::new();
    if s.skip_on_server(
        "MLflow 3.17.2's server does not serialise concurrent transitions with \
         archive_existing_versions (seen: 7 of 8 versions left in Production)",
    ) {
        return;
    }
    let run = run_with_model(&s);
    for _ in 0..8 {
        register(&s, &run, "m");
    }
    for round in 0..3 {
        let children: Vec<_> = (1..=8)
            .map(|v| {
                spawn(
                    &s,
                    &[
                        "models".into(),
                        "transition".into(),
                        "m".into(),
                        v.to_string(),
                        "Production".into(),
                        "--archive-existing-versions".into(),
                    ],
                )
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let stages: Vec<String> = json(&s, &["models", "versions", "m"])
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["current_stage"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(
            stages.iter().filter(|s| *s == "Production").count(),
            1,
            "round {round}: {stages:?}"
        );
        assert_eq!(
            stages.iter().filter(|s| *s == "Archived").count(),
            7,
            "round {round}: {stages:?}"
        );
    }
}

// ---- stores written by real MLflow ----

/// Copies `tests/fixtures/mlflow-<version>/mlruns` into the scratch store and recreates the
/// empty directories git drops.
fn load_fixture(s: &Scratch, version: &str) -> Value {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("mlflow-{version}"));
    let expected: Value =
        serde_json::from_str(&fs::read_to_string(src.join("expected.json")).unwrap()).unwrap();
    for e in walkdir::WalkDir::new(src.join("mlruns")) {
        let e = e.unwrap();
        let target = s
            .store()
            .join(e.path().strip_prefix(src.join("mlruns")).unwrap());
        if e.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(e.path(), &target).unwrap();
        }
    }
    for d in expected["empty_dirs"].as_array().unwrap() {
        fs::create_dir_all(s.store().join(d.as_str().unwrap())).unwrap();
    }
    expected
}

fn sorted_version_summary(v: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["version"].as_str().unwrap().into(),
                x["current_stage"].as_str().unwrap().into(),
            )
        })
        .collect();
    out.sort_by_key(|(v, _)| v.parse::<i64>().unwrap());
    out
}

fn check_fixture_registry(version: &str) {
    let s = Scratch::new();
    if !s.is_file_store() {
        // the fixtures are file stores MLflow wrote; SQL databases MLflow wrote are read in
        // the interop suite
        return;
    }
    let expected = load_fixture(&s, version);
    let models = json(&s, &["models", "list"]);
    let want_models = expected["registered_models"].as_array().unwrap();
    assert_eq!(models.as_array().unwrap().len(), want_models.len());
    for (got, want) in models.as_array().unwrap().iter().zip(want_models) {
        for key in [
            "name",
            "description",
            "creation_timestamp",
            "last_updated_timestamp",
            "tags",
            "aliases",
        ] {
            assert_eq!(got[key], want[key], "{version} {} {key}", want["name"]);
        }
        assert_eq!(
            sorted_version_summary(&got["latest_versions"]),
            sorted_version_summary(&want["latest_versions"]),
            "{version} {}",
            want["name"]
        );
        let single = json(&s, &["models", "get", want["name"].as_str().unwrap()]);
        assert_eq!(&single, got);
    }
    let mut all_versions = Vec::new();
    for m in want_models {
        let name = m["name"].as_str().unwrap();
        all_versions.extend(
            json(&s, &["models", "versions", name])
                .as_array()
                .unwrap()
                .clone(),
        );
    }
    let want_versions = expected["model_versions"].as_array().unwrap();
    assert_eq!(all_versions.len(), want_versions.len(), "{version}");
    for (got, want) in all_versions.iter().zip(want_versions) {
        assert_eq!(got, want, "{version}");
        let one = json(
            &s,
            &[
                "models",
                "get-version",
                want["name"].as_str().unwrap(),
                want["version"].as_str().unwrap(),
            ],
        );
        assert_eq!(&one, want);
    }
    for d in expected["deleted_model_versions"].as_array().unwrap() {
        assert_fails(
            s.run(&[
                "models",
                "get-version",
                d["name"].as_str().unwrap(),
                d["version"].as_str().unwrap(),
            ]),
            3,
            "not found",
        );
    }
    for (alias, v) in [("champion", "3"), ("challenger", "2")] {
        assert_eq!(
            s.run(&["models", "get-version", "reg-model", "--alias", alias, "-q"])
                .ok()
                .line(),
            v
        );
    }
    // the fixture was generated elsewhere: every stored URI points at a path that is gone,
    // and resolution finds the files inside this store
    for uri in [
        "models:/reg-model/1",
        "models:/reg-model@champion",
        "models:/reg-model/Production",
        "models:/modèle avec espaces é@champion",
        "models:/yes/latest",
    ] {
        let out = s.run(&["models", "resolve", uri]).ok();
        let path = PathBuf::from(out.line());
        assert!(
            path.starts_with(s.store()),
            "{version} {uri}: {}",
            path.display()
        );
        assert!(
            path.join("MLmodel").is_file(),
            "{version} {uri}: {}",
            path.display()
        );
    }
}

#[test]
fn mlflow_2_22_registry_fixture_reads_as_mlflow_reads_it() {
    check_fixture_registry("2.22.0");
}

#[test]
fn mlflow_3_17_registry_fixture_reads_as_mlflow_reads_it() {
    check_fixture_registry("3.17.2");
}

#[test]
fn registering_an_mlflow_3_logged_model_fills_fields_like_mlflow_3() {
    let s = Scratch::new();
    if !s.is_file_store() {
        // the fixture is a file store MLflow wrote; SQL logged models are checked in the interop suite
        return;
    }
    let expected = load_fixture(&s, "3.17.2");
    let v1 = expected["model_versions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "reg-model" && v["version"] == "1")
        .unwrap()
        .clone();
    let run = v1["run_id"].as_str().unwrap();
    let model_uri = v1["source"].as_str().unwrap();
    let model_id = model_uri.trim_start_matches("models:/");
    // runs:/<run>/model: the run has no `model` artifact, so the logged model named `model`
    s.run(&[
        "models",
        "register",
        &format!("runs:/{run}/model"),
        "from-run",
    ])
    .ok();
    let mv = json(&s, &["models", "get-version", "from-run", "1"]);
    assert_eq!(mv["source"], model_uri);
    assert_eq!(mv["run_id"], run);
    let meta = fs::read_to_string(model_dir(&s, "from-run").join("version-1/meta.yaml")).unwrap();
    assert!(meta.contains(&format!("model_id: {model_id}\n")), "{meta}");
    let lm_dir = fs::read_dir(s.store())
        .unwrap()
        .flatten()
        .map(|e| e.path().join("models").join(model_id))
        .find(|p| p.is_dir())
        .unwrap();
    // a moved store: the recorded location is gone, so the local one is recorded
    assert!(
        meta.contains(&format!(
            "storage_location: file://{}/artifacts\n",
            lm_dir.display()
        )),
        "{meta}"
    );
    // models:/<model_id> gives the same record
    s.run(&["models", "register", model_uri, "from-id"]).ok();
    let mv2 = json(&s, &["models", "get-version", "from-id", "1"]);
    assert_eq!(mv2["source"], model_uri);
    assert_eq!(mv2["run_id"], run);
    // MLflow 3's register_model appends each new version to the logged model's tag
    let tag = fs::read_to_string(lm_dir.join("tags/mlflow.modelVersions")).unwrap();
    assert_eq!(
        tag,
        r#"[{"name": "reg-model", "version": 1}, {"name": "from-run", "version": 1}, {"name": "from-id", "version": 1}]"#
    );
    assert_eq!(
        s.run(&["models", "resolve", "models:/from-run/1"])
            .ok()
            .line(),
        lm_dir.join("artifacts").to_str().unwrap()
    );
    assert_eq!(
        s.run(&["models", "resolve", &format!("runs:/{run}/model")])
            .ok()
            .line(),
        lm_dir.join("artifacts").to_str().unwrap()
    );
    // models:/<name>/<version> copies the storage location and lineage of that version
    s.run(&["models", "register", "models:/reg-model/1", "copy"])
        .ok();
    let mv3 = json(&s, &["models", "get-version", "copy", "1"]);
    assert_eq!(mv3["source"], "models:/reg-model/1");
    assert_eq!(mv3["run_id"], run);
    assert!(
        s.run(&["models", "resolve", "models:/copy/1"])
            .ok()
            .line()
            .ends_with("/artifacts")
    );
}

#[test]
fn a_model_name_with_a_percent_sign_is_accepted_where_mlflow_accepts_it() {
    let s = Scratch::new();
    let out = s.run(&["models", "create", "50%"]);
    if s.is_file_store() {
        // MLflow's file store refuses it (the name would be a directory with `%` in it).
        assert_fails(out, 5, "cannot contain '%'");
        assert!(!s.store().exists(), "a refused name leaves nothing behind");
    } else {
        // MLflow's SQL store takes any name without '/' or ':', and so does a server over
        // one (MLflow 3.17.2's).
        out.ok();
        assert_eq!(json(&s, &["models", "get", "50%"])["name"], "50%");
    }
}
