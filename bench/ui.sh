#!/usr/bin/env bash
# Reruns the `mlrs ui` benchmark (benches/ui.rs) and writes bench/RESULTS-ui.md.
#
#   bash bench/ui.sh                     # a 10,000-run store
#   BENCH_UI_RUNS=50000 bash bench/ui.sh
#
# BENCH_DIR holds the generated store (default /tmp/mlrs-bench; reused between runs).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${BENCH_UI_RUNS:-10000}"
DIR="${BENCH_DIR:-/tmp/mlrs-bench}/ui-$RUNS"
cargo build --release --example gen_store
if [ ! -d "$DIR/mlruns/100000000000000001" ]; then
  target/release/examples/gen_store --runs "$RUNS" --out "$DIR" >/dev/null
fi
MLRS_BENCH_UI_STORE="$DIR" cargo bench --bench ui
