//! Property tests: the YAML and metric-file readers take arbitrary bytes without panicking,
//! through the same paths a store listing uses (a broken file is an error, never a crash).

use std::sync::Arc;

use mlrs::FileStore;
use mlrs::entities::ViewType;
use mlrs::store::RunParts;
use mlrs::store::metric_history::{latest_of, parse_metric_file};
use proptest::prelude::*;

const RUN: &str = "0123456789abcdef0123456789abcdef";

fn store_with(meta: &[u8], exp_meta: &[u8], metric: &[u8]) -> (tempfile::TempDir, FileStore) {
    let tmp = tempfile::tempdir().unwrap();
    let exp = tmp.path().join("mlruns/1");
    let run = exp.join(RUN);
    for sub in ["metrics", "params", "tags", "artifacts"] {
        std::fs::create_dir_all(run.join(sub)).unwrap();
    }
    std::fs::write(exp.join("meta.yaml"), exp_meta).unwrap();
    std::fs::write(run.join("meta.yaml"), meta).unwrap();
    std::fs::write(run.join("metrics/m"), metric).unwrap();
    let store = FileStore::open(
        tmp.path().join("mlruns").to_str().unwrap(),
        Arc::new(|_: &str| {}),
    )
    .unwrap();
    (tmp, store)
}

/// Bytes that look like our files often enough to reach deep into the parsers.
fn yamlish() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        "(run_id|run_uuid|experiment_id|status|start_time|end_time|name|artifact_location|lifecycle_stage|user_id|run_name): ('|\"|\\[|\\{|-|!|&|\\*|[0-9a-f.]{0,40}|null|~|\\n  |'\\n\\n|\u{2028}| ){0,6}\n".prop_map(|s| s.into_bytes()),
        proptest::collection::vec("[a-z_]{1,12}: [ -~]{0,30}\n", 0..12).prop_map(|v| v.concat().into_bytes()),
    ]
}

fn metricish() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..200),
        proptest::collection::vec("[-+0-9_.eE naifINF]{0,30}(\n|\r\n|)", 0..20)
            .prop_map(|v| v.concat().into_bytes()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn metric_parsers_never_panic(bytes in metricish()) {
        let full = parse_metric_file("k", &bytes);
        let latest = latest_of("k", &bytes);
        // Both readers agree on what is readable.
        prop_assert_eq!(full.is_ok(), latest.is_ok());
    }

    #[test]
    fn store_reads_of_arbitrary_files_never_panic(meta in yamlish(), exp_meta in yamlish(), metric in metricish()) {
        let (_tmp, store) = store_with(&meta, &exp_meta, &metric);
        let _ = store.list_experiments(ViewType::All);
        let _ = store.get_experiment("1");
        let _ = store.get_run(RUN);
        let _ = store.list_runs(&["1".to_string()], ViewType::All, RunParts::ALL);
        let _ = store.doctor(mlrs::store::doctor::DoctorOptions { fix: false, stale_after_ms: 1000 });
    }
}
