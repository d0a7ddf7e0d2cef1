//! Generates a deterministic MLflow file store for benchmarks, written directly in MLflow's
//! format: N runs in one experiment, each with 10 params, 20 metrics x 100 steps and 10 tags.
//!
//!     cargo run --release --example gen_store -- --runs 10000 --out /tmp/bench/10k
//!     cargo run --release --example gen_store -- --runs 1 --versions 1000 --out /tmp/bench/reg
//!     cargo run --release --example gen_store -- --runs 2000 --metrics 5 --steps 10 --out /tmp/s
//!
//! `--metrics N` and `--steps N` (default 20 and 100) set the metric histories of each run.
//! `--versions N` also writes a registered model `bench-model` with N versions (of run 0),
//! cycling through the stages None, Staging, Production and Archived.
//!
//! Same arguments, same bytes (ids and times derive from the run index).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use mlrs::entities::Metric;
use mlrs::store::metric_history::format_metric_line;
use mlrs::store::uri::path_to_file_uri;

const EXP_ID: &str = "100000000000000001";
const T0: i64 = 1_700_000_000_000;

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

/// A 32-hex-digit run id from the index (splitmix64 twice), like uuid4().hex in shape.
fn run_id(i: u64) -> String {
    let mix = |mut z: u64| {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    format!("{:016x}{:016x}", mix(i), mix(i ^ 0xABCD_EF01))
}

fn write(path: &Path, bytes: &[u8]) {
    fs::File::create(path)
        .and_then(|mut f| f.write_all(bytes))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn write_run(exp_dir: &Path, exp_uri: &str, i: u64, metrics: u64, steps: i64) {
    let id = run_id(i);
    let dir = exp_dir.join(&id);
    for sub in ["metrics", "params", "tags", "artifacts"] {
        fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let start = T0 + i as i64 * 1000;
    let status = [3, 3, 3, 4, 5][(i % 5) as usize];
    let meta = format!(
        "artifact_uri: {exp_uri}/{id}/artifacts\nend_time: {}\nentry_point_name: ''\nexperiment_id: '{EXP_ID}'\nlifecycle_stage: active\nrun_id: {id}\nrun_name: run-{i}\nrun_uuid: {id}\nsource_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: {start}\nstatus: {status}\ntags: []\nuser_id: bench\n",
        start + 60_000
    );
    write(&dir.join("meta.yaml"), meta.as_bytes());
    let optimizers = ["adam", "sgd", "rmsprop", "adagrad"];
    for p in 0..10 {
        let value = match p {
            0 => format!("{}", 0.001 * (1 + i % 10) as f64),
            1 => optimizers[(i % 4) as usize].to_string(),
            _ => format!("value-{}-{}", p, i % 97),
        };
        write(
            &dir.join("params").join(format!("param_{p}")),
            value.as_bytes(),
        );
    }
    for t in 0..10 {
        let value = match t {
            0 => format!("team-{}", ["data", "ml", "platform"][(i % 3) as usize]),
            _ => format!("tag-{t}-{}", i % 13),
        };
        write(&dir.join("tags").join(format!("tag_{t}")), value.as_bytes());
    }
    write(
        &dir.join("tags").join("mlflow.runName"),
        format!("run-{i}").as_bytes(),
    );
    let mut buf = String::with_capacity(steps as usize * 32);
    for m in 0..metrics {
        buf.clear();
        for step in 0..steps {
            let x = ((i * 31 + m * 7) % 1000) as f64 / 1000.0;
            let value = x + step as f64 / 1000.0;
            buf.push_str(&format_metric_line(&Metric {
                key: String::new(),
                value,
                timestamp: start + step,
                step,
                dataset_name: None,
                dataset_digest: None,
            }));
        }
        let name = if m == 0 {
            "accuracy".to_string()
        } else {
            format!("metric_{m}")
        };
        write(&dir.join("metrics").join(name), buf.as_bytes());
    }
}

fn main() {
    let runs: u64 = arg("--runs", "1000").parse().expect("--runs N");
    let out = PathBuf::from(arg("--out", "bench-store"));
    let metrics: u64 = arg("--metrics", "20").parse().expect("--metrics N");
    let steps: i64 = arg("--steps", "100").parse().expect("--steps N");
    let root = out.join("mlruns");
    if root.exists() {
        fs::remove_dir_all(&root).unwrap();
    }
    let root_abs = std::path::absolute(&root).unwrap();
    let exp_dir = root.join(EXP_ID);
    fs::create_dir_all(&exp_dir).unwrap();
    fs::create_dir_all(root.join(".trash")).unwrap();
    fs::create_dir_all(root.join("0")).unwrap();
    let root_uri = path_to_file_uri(&root_abs);
    write(
        &root.join("0/meta.yaml"),
        format!("artifact_location: {root_uri}/0\ncreation_time: {T0}\nexperiment_id: '0'\nlast_update_time: {T0}\nlifecycle_stage: active\nname: Default\n").as_bytes(),
    );
    write(
        &exp_dir.join("meta.yaml"),
        format!("artifact_location: {root_uri}/{EXP_ID}\ncreation_time: {T0}\nexperiment_id: '{EXP_ID}'\nlast_update_time: {T0}\nlifecycle_stage: active\nname: bench\n").as_bytes(),
    );
    let exp_uri = format!("{root_uri}/{EXP_ID}");
    let threads = std::thread::available_parallelism()
        .map(|n| n.get() as u64)
        .unwrap_or(2);
    std::thread::scope(|s| {
        for t in 0..threads {
            let (exp_dir, exp_uri) = (&exp_dir, &exp_uri);
            s.spawn(move || {
                let mut i = t;
                while i < runs {
                    write_run(exp_dir, exp_uri, i, metrics, steps);
                    i += threads;
                }
            });
        }
    });
    let versions: u64 = arg("--versions", "0").parse().expect("--versions N");
    if versions > 0 {
        write_registry(&root, &exp_uri, versions);
    }
    println!("{}", root.display());
}

fn write_registry(root: &Path, exp_uri: &str, versions: u64) {
    let model = root.join("models").join("bench-model");
    fs::create_dir_all(&model).unwrap();
    write(
        &model.join("meta.yaml"),
        format!("creation_timestamp: {T0}\ndescription: ''\nlast_updated_timestamp: {T0}\nname: bench-model\n").as_bytes(),
    );
    let run = run_id(0);
    let stages = ["None", "Staging", "Production", "Archived"];
    for v in 1..=versions {
        let dir = model.join(format!("version-{v}"));
        fs::create_dir_all(&dir).unwrap();
        let meta = format!(
            "creation_timestamp: {t}\ncurrent_stage: {stage}\ndescription: ''\nlast_updated_timestamp: {t}\nname: bench-model\nrun_id: {run}\nrun_link: null\nsource: {exp_uri}/{run}/artifacts/model\nstatus: READY\nstatus_message: null\nstorage_location: {exp_uri}/{run}/artifacts/model\nuser_id: null\nversion: {v}\n",
            t = T0 + v as i64,
            stage = stages[(v % 4) as usize],
        );
        write(&dir.join("meta.yaml"), meta.as_bytes());
    }
}
