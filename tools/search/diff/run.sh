#!/usr/bin/env bash
# Differential check against real MLflow: tools/diff/run.sh PYTHON [n_random] [seed]
# PYTHON must have mlflow-skinny==3.17.2 (and its sqlparse 0.6.1) installed.
set -euo pipefail
py=${1:?python with mlflow 3.17.2}
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp/search-diff}
mkdir -p "$out"
"$py" "$here/fixtures.py" "$out/fixtures.json"
"$py" "$here/gen_cases.py" "${2:-0}" "${3:-0}" > "$out/cases.jsonl"
PYTHONHASHSEED=0 "$py" "$here/oracle.py" "$out/fixtures.json" < "$out/cases.jsonl" > "$out/expected.jsonl"
(cd "$here/../../.." && cargo run -q --example search_oracle -- "$out/fixtures.json") < "$out/cases.jsonl" > "$out/actual.jsonl"
"$py" "$here/compare.py" "$out/cases.jsonl" "$out/expected.jsonl" "$out/actual.jsonl" "${@:4}"
