#!/usr/bin/env bash
# Reruns the benchmark and writes bench/RESULTS.md (quoted by the README).
#
#   bash bench/run.sh                         # stores of 2k and 10k runs
#   BENCH_SIZES=1000,10000,50000 bash bench/run.sh   # also 50k (about 9 GB of disk)
#   BENCH_SQL_SIZE=0 bash bench/run.sh        # skip the SQLite rows (a 2,000-run database by default)
#
# BENCH_DIR holds the generated stores (default /tmp/mlrs-bench; reused between runs).
# BENCH_PYTHON is a Python with mlflow 3.x installed (default: the interop suite's venv).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --bin mlrs --example gen_store --example read_floor
PY="${BENCH_PYTHON:-${MLRS_VENV_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/mlrs-interop-venvs}/mlflow3/bin/python}"
if [ ! -x "$PY" ]; then
  echo "no Python with MLflow at $PY: run tests/interop/run.sh once, or set BENCH_PYTHON" >&2
  exit 1
fi
"$PY" bench/bench.py \
  --mlrs target/release/mlrs \
  --gen target/release/examples/gen_store \
  --floor target/release/examples/read_floor \
  --work "${BENCH_DIR:-/tmp/mlrs-bench}" \
  --sizes "${BENCH_SIZES:-2000,10000}" \
  --reps "${BENCH_REPS:-5}" \
  --sql-size "${BENCH_SQL_SIZE:-2000}" \
  --out bench/RESULTS.md
