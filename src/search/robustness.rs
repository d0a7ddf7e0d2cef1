//! No input may panic or hang: arbitrary and adversarial strings go through every parser,
//! evaluator and sorter of the module.

use proptest::prelude::*;

use super::testing::{MemExperiment, MemModel, MemRun, MemVersion};
use super::*;

fn runs() -> Vec<MemRun> {
    let mut running = MemRun::new("r2", 2)
        .metric("acc", f64::NAN)
        .tag("env", "dev");
    running.end = None;
    vec![
        MemRun::new("r1", 1)
            .metric("acc", 0.5)
            .param("lr", "0.01")
            .tag("env", "prod")
            .dataset("train", "d1", Some("training")),
        running,
        MemRun::new("r3", 3),
    ]
}

/// Runs `text` through everything that parses user text; only the absence of panics matters.
fn exercise(text: &str) {
    let clauses = [text.to_string()];
    if let Ok(f) = parse_run_filter(text) {
        let _ = f.needs();
        for r in runs() {
            let _ = f.matches(&r);
        }
    }
    if let Ok(f) = parse_experiment_filter(text) {
        let _ = f.matches(&MemExperiment::new("1", "e", None).tag("t", "x"));
    }
    if let Ok(f) = parse_registered_model_filter(text) {
        let _ = f.matches(&MemModel::new("m", 1, 2).tag("t", "x"));
    }
    if let Ok(f) = parse_model_version_filter(text) {
        let _ = f.matches(&MemVersion::new("m", 3, 1));
    }
    if let Ok(o) = parse_run_order_by(&clauses) {
        let _ = sort_runs(&mut runs(), &o);
        let _ = o.needs();
    }
    if let Ok(o) = parse_experiment_order_by(&clauses) {
        sort_experiments(
            &mut [
                MemExperiment::new("1", "e", None),
                MemExperiment::new("2", "f", Some(1)),
            ],
            &o,
        );
    }
    if let Ok(o) = parse_registered_model_order_by(&clauses) {
        sort_registered_models(
            &mut [MemModel::new("m", 1, 2), MemModel::new("n", 1, 2)],
            &o,
        );
    }
    if let Ok(o) = parse_model_version_order_by(&clauses) {
        sort_model_versions(
            &mut [MemVersion::new("m", 1, 2), MemVersion::new("m", 2, 2)],
            &o,
        );
    }
    let _ = paginate(vec![1, 2, 3], 2, Some(text));
    let _ = text.parse::<ViewType>();
}

/// Strings built from the pieces filters are made of, so that deep parser paths are reached.
fn filterish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("metrics.acc".to_string()),
        Just("params.lr".to_string()),
        Just("tags.`env`".to_string()),
        Just("dataset.name".to_string()),
        Just("run_id".to_string()),
        Just("version_number".to_string()),
        Just(" AND ".to_string()),
        Just(" OR ".to_string()),
        Just(" IN ".to_string()),
        Just(" IS NOT NULL".to_string()),
        Just(" LIKE ".to_string()),
        Just("=".to_string()),
        Just(">=".to_string()),
        Just("'%a_'".to_string()),
        Just("('a', \"b\",)".to_string()),
        Just("(1, b'x', [None])".to_string()),
        Just("0.5".to_string()),
        Just("1e999".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just(";".to_string()),
        Just("--".to_string()),
        Just("/*".to_string()),
        Just("$$".to_string()),
        Just("CASE".to_string()),
        Just("END".to_string()),
        Just("::".to_string()),
        Just(":=".to_string()),
        Just(" DESC".to_string()),
        Just("`".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("\\".to_string()),
        Just("\n".to_string()),
        "\\PC{0,6}",
    ];
    proptest::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC{0,80}") {
        exercise(&text);
    }

    #[test]
    fn filter_like_strings_never_panic(text in filterish()) {
        exercise(&text);
    }

    #[test]
    fn arbitrary_page_tokens_never_panic(token in "[A-Za-z0-9+/=!@ ]{0,40}", max in -3i64..5) {
        let _ = paginate(vec![0; 4], max, Some(&token));
    }
}

/// The entry points a huge string reaches in practice (debug builds are slow; keep it light).
fn exercise_big(text: &str) {
    if let Ok(f) = parse_run_filter(text) {
        for r in runs() {
            let _ = f.matches(&r);
        }
    }
    let _ = parse_registered_model_filter(text);
    if let Ok(o) = parse_run_order_by(&[text.to_string()]) {
        let _ = sort_runs(&mut runs(), &o);
    }
    let _ = paginate(vec![1, 2, 3], 2, Some(text));
}

#[test]
fn megabyte_inputs_finish_without_panicking() {
    const MB: usize = 1 << 20;
    let inputs = [
        "a".repeat(MB),
        "(".repeat(MB),
        format!("'{}'", "x".repeat(MB)),
        "metrics.acc > 0 AND ".repeat(MB / 20),
        "é".repeat(MB / 2),
        "$$/*".repeat(MB / 4),
        format!("run_id IN ({})", "'a', ".repeat(MB / 5)),
        format!("tags.x LIKE '{}'", "%_".repeat(MB / 2)),
        // Many lists just under sqlparse's 10 000-token limit: grouping must stay linear.
        vec![format!("run_id IN ({}'a')", "'a',".repeat(4_990)); 50].join(" AND "),
    ];
    for text in &inputs {
        exercise_big(text);
    }
}
