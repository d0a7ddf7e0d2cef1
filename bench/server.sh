#!/usr/bin/env bash
# Reruns the tracking-server benchmark and writes bench/RESULTS-server.md (quoted by the README).
#
#   bash bench/server.sh                      # a 2,000-run store, sync included
#   BENCH_SERVER_RUNS=500 bash bench/server.sh
#   BENCH_SKIP_SYNC=1 bash bench/server.sh    # search/list/describe only
#   BENCH_SYNC_METRICS=20 BENCH_SYNC_STEPS=100 bash bench/server.sh   # sync the full-size runs
#     (default 5 metrics x 10 steps per run for the sync rows: the peer imports a full-size
#     2,000-run store in about 20 minutes on 2 cores)
#
# BENCH_DIR holds the generated stores and the servers' databases (default /tmp/mlrs-bench).
# BENCH_PYTHON is a Python with mlflow 3.x and mlflow-export-import installed (default: the
# interop suite's 3.x venv, which has both).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin mlrs --example gen_store
PY="${BENCH_PYTHON:-${MLRS_VENV_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/mlrs-interop-venvs}/mlflow3/bin/python}"
if [ ! -x "$PY" ]; then
  echo "no Python with MLflow at $PY: run tests/interop/run.sh once, or set BENCH_PYTHON" >&2
  exit 1
fi
EXTRA=()
[ -n "${BENCH_SKIP_SYNC:-}" ] && EXTRA+=(--skip-sync)
"$PY" bench/server.py \
  --mlrs target/release/mlrs \
  --gen target/release/examples/gen_store \
  --work "${BENCH_DIR:-/tmp/mlrs-bench}" \
  --runs "${BENCH_SERVER_RUNS:-2000}" \
  --sync-metrics "${BENCH_SYNC_METRICS:-5}" \
  --sync-steps "${BENCH_SYNC_STEPS:-10}" \
  --reps "${BENCH_REPS:-5}" \
  --out bench/RESULTS-server.md "${EXTRA[@]}"
