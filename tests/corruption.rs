//! A table of damage done to a store: listings keep working, `doctor` reports each kind,
//! `doctor --fix` repairs or quarantines each, after which `doctor` finds nothing.

mod common;

use common::Scratch;
use std::fs;
use std::path::Path;

struct Case {
    name: &'static str,
    kind: &'static str,
    damage: fn(&Path, &str, &str),
}

fn write(p: impl AsRef<Path>, bytes: &[u8]) {
    fs::write(p, bytes).unwrap();
}

fn edit(p: impl AsRef<Path>, from: &str, to: &str) {
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{from:?} not in {text}");
    fs::write(p, text.replacen(from, to, 1)).unwrap();
}

const CASES: &[Case] = &[
    Case {
        name: "empty run meta",
        kind: "run_meta_malformed",
        damage: |s, e, r| write(s.join(e).join(r).join("meta.yaml"), b""),
    },
    Case {
        name: "truncated run meta",
        kind: "run_meta_malformed",
        damage: |s, e, r| {
            let p = s.join(e).join(r).join("meta.yaml");
            let t = fs::read(&p).unwrap();
            write(&p, &t[..40]);
        },
    },
    Case {
        name: "run meta not YAML",
        kind: "run_meta_malformed",
        damage: |s, e, r| write(s.join(e).join(r).join("meta.yaml"), b"run_id: [unclosed\n"),
    },
    Case {
        name: "run meta not UTF-8",
        kind: "run_meta_malformed",
        damage: |s, e, r| write(s.join(e).join(r).join("meta.yaml"), b"run_id: \xff\xfe\n"),
    },
    Case {
        name: "run status out of range",
        kind: "run_meta_malformed",
        damage: |s, e, r| {
            edit(
                s.join(e).join(r).join("meta.yaml"),
                "status: 1",
                "status: 9",
            )
        },
    },
    Case {
        name: "run dir without meta",
        kind: "run_meta_missing",
        damage: |s, e, r| fs::remove_file(s.join(e).join(r).join("meta.yaml")).unwrap(),
    },
    Case {
        name: "run id mismatch",
        kind: "run_id_mismatch",
        damage: |s, e, r| {
            edit(
                s.join(e).join(r).join("meta.yaml"),
                &format!("run_id: {r}"),
                "run_id: 0123456789abcdef0123456789abcdef",
            )
        },
    },
    Case {
        name: "run in wrong experiment",
        kind: "run_experiment_mismatch",
        damage: |s, e, r| {
            edit(
                s.join(e).join(r).join("meta.yaml"),
                &format!("experiment_id: \"{e}\""),
                "experiment_id: \"0\"",
            )
        },
    },
    Case {
        name: "blank line in metric file",
        kind: "metric_unparsable",
        damage: |s, e, r| write(s.join(e).join(r).join("metrics/m"), b"5 1.0 0\n\n6 2.0 1\n"),
    },
    Case {
        name: "empty metric file",
        kind: "metric_empty",
        damage: |s, e, r| write(s.join(e).join(r).join("metrics/empty"), b""),
    },
    Case {
        name: "four-field metric line",
        kind: "metric_unparsable",
        damage: |s, e, r| write(s.join(e).join(r).join("metrics/m"), b"5 1.0 0 x\n"),
    },
    Case {
        name: "float timestamp",
        kind: "metric_unparsable",
        damage: |s, e, r| {
            write(
                s.join(e).join(r).join("metrics/m"),
                b"1700000000000.5 1.0 0\n",
            )
        },
    },
    Case {
        name: "metric not UTF-8",
        kind: "metric_unparsable",
        damage: |s, e, r| write(s.join(e).join(r).join("metrics/m"), b"5 \xff 0\n"),
    },
    Case {
        name: ".DS_Store in params",
        kind: "stray_key_file",
        damage: |s, e, r| write(s.join(e).join(r).join("params/.DS_Store"), b"\x00\x01"),
    },
    Case {
        name: "editor backup in tags",
        kind: "stray_key_file",
        damage: |s, e, r| write(s.join(e).join(r).join("tags/note~"), b"old"),
    },
    Case {
        name: "temp file in metrics",
        kind: "stray_key_file",
        damage: |s, e, r| {
            write(
                s.join(e).join(r).join("metrics/.mlrs-tmp-1-2-3"),
                b"5 1.0 0\n",
            )
        },
    },
    Case {
        name: "param value not UTF-8",
        kind: "value_not_utf8",
        damage: |s, e, r| write(s.join(e).join(r).join("params/bin"), b"\xc3\x28"),
    },
    Case {
        name: "missing params dir",
        kind: "run_dir_missing",
        damage: |s, e, r| fs::remove_dir_all(s.join(e).join(r).join("params")).unwrap(),
    },
    Case {
        name: "missing artifacts dir",
        kind: "run_dir_missing",
        damage: |s, e, r| fs::remove_dir_all(s.join(e).join(r).join("artifacts")).unwrap(),
    },
    Case {
        name: "leftover temp next to meta",
        kind: "temp_file",
        damage: |s, e, r| write(s.join(e).join(r).join(".mlrs-tmp-99-0-abc"), b"partial"),
    },
    Case {
        name: "empty experiment meta",
        kind: "experiment_meta_malformed",
        damage: |s, e, _| write(s.join(e).join("meta.yaml"), b""),
    },
    Case {
        name: "experiment meta without name",
        kind: "experiment_meta_malformed",
        damage: |s, e, _| edit(s.join(e).join("meta.yaml"), "name: e\n", ""),
    },
    Case {
        name: "experiment dir without meta",
        kind: "experiment_meta_missing",
        damage: |s, _, _| fs::create_dir_all(s.join("123456")).unwrap(),
    },
    Case {
        name: "experiment id mismatch",
        kind: "experiment_id_mismatch",
        damage: |s, e, _| {
            edit(
                s.join(e).join("meta.yaml"),
                &format!("experiment_id: \"{e}\""),
                "experiment_id: \"42\"",
            )
        },
    },
    Case {
        name: "deleted meta at the active location",
        kind: "lifecycle_mismatch",
        damage: |s, e, _| {
            edit(
                s.join(e).join("meta.yaml"),
                "lifecycle_stage: active",
                "lifecycle_stage: deleted",
            )
        },
    },
    Case {
        name: "hidden directory at the root",
        kind: "hidden_dir_at_root",
        damage: |s, _, _| fs::create_dir_all(s.join(".cache")).unwrap(),
    },
    Case {
        name: "symlink out of the store in tags",
        kind: "symlink",
        damage: |s, e, r| {
            std::os::unix::fs::symlink("/etc/passwd", s.join(e).join(r).join("tags/passwd"))
                .unwrap()
        },
    },
    Case {
        name: "interrupted gc",
        kind: "gc_leftover",
        damage: |s, _, _| fs::create_dir_all(s.join(".trash/mlrs-gc-1234/x")).unwrap(),
    },
];

fn healthy_store() -> (Scratch, String, String) {
    let s = Scratch::new();
    let (exp, run) = s.exp_and_run();
    s.run(&[
        "runs",
        "log-metric",
        "--run-id",
        &run,
        "m",
        "1",
        "--timestamp",
        "5",
    ])
    .ok();
    s.run(&["runs", "log-param", "--run-id", &run, "p", "v"])
        .ok();
    s.run(&["runs", "set-tag", "--run-id", &run, "note", "n"])
        .ok();
    let other = s
        .run(&[
            "runs",
            "start",
            "-q",
            "--experiment-id",
            &exp,
            "--run-name",
            "healthy",
        ])
        .ok()
        .line();
    s.run(&["runs", "log-metric", "--run-id", &other, "m", "2"])
        .ok();
    (s, exp, run)
}

#[test]
fn each_kind_of_damage_is_listed_around_reported_and_fixed() {
    assert!(CASES.len() >= 20);
    for case in CASES {
        let (s, exp, run) = healthy_store();
        if s.skip_unless_file_store("doctor") {
            return;
        }
        assert_eq!(
            s.run(&["doctor"]).code,
            0,
            "{}: healthy store reported",
            case.name
        );
        (case.damage)(&s.store(), &exp, &run);
        // Listings keep working.
        s.run(&["experiments", "search", "-v", "all", "-o", "json"])
            .ok();
        let runs = s.run(&[
            "runs",
            "list",
            "--experiment-id",
            &exp,
            "-v",
            "all",
            "-o",
            "json",
        ]);
        if case.kind != "experiment_meta_malformed" && case.kind != "experiment_id_mismatch" {
            let listed = runs.ok().json();
            assert!(
                listed
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|r| r["info"]["run_name"] == "healthy"),
                "{}: healthy run missing from listing",
                case.name
            );
        }
        // Doctor reports it, with a non-zero exit.
        let report = s.run(&["doctor", "-o", "json"]);
        assert_eq!(report.code, 1, "{}: {}", case.name, report.stdout);
        let kinds: Vec<String> = report
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["kind"].as_str().unwrap().to_string())
            .collect();
        assert!(
            kinds.contains(&case.kind.to_string()),
            "{}: expected {} in {kinds:?}",
            case.name,
            case.kind
        );
        // --fix repairs or quarantines; nothing remains.
        let fixed = s.run(&["doctor", "--fix", "-o", "json"]);
        assert_eq!(
            fixed.code, 0,
            "{}: {} {}",
            case.name, fixed.stdout, fixed.stderr
        );
        assert!(
            fixed
                .json()
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["fixed"] == true),
            "{}",
            case.name
        );
        let after = s.run(&["doctor", "-o", "json"]);
        assert_eq!(after.code, 0, "{}: still {}", case.name, after.stdout);
        // Nothing outside the store was touched.
        assert!(fs::metadata("/etc/passwd").is_ok());
    }
}
