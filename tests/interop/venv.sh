#!/usr/bin/env bash
# The interop venvs, one per MLflow version: sourced by tests/interop/run.sh, or run on its own
# to create them before anything needs them (.ci/run does, for the tracking-server test leg):
#
#   tests/interop/venv.sh 3.17.2          # ensure $MLRS_VENV_ROOT/mlflow3 exists and is complete
#   tests/interop/venv.sh --mlflow 3.17.2 # ... and print the path of its mlflow executable
#
# Environment: MLRS_VENV_ROOT (default ${XDG_CACHE_HOME:-~/.cache}/mlrs-interop-venvs) and
# MLRS_PYTHON (the interpreter venvs are created with), as tests/interop/run.sh documents.
VENV_ROOT="${MLRS_VENV_ROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/mlrs-interop-venvs}"

venv_for() {
  case "$1" in
    2.*) echo "$VENV_ROOT/mlflow2" ;;
    3.*) echo "$VENV_ROOT/mlflow3" ;;
    *) echo "unsupported MLflow version $1 (2.x or 3.x)" >&2; return 1 ;;
  esac
}
pkgs_for() {
  case "$1" in
    # MLflow 2.22 predates OpenTelemetry 1.33 and FastAPI 0.116; with newer ones its tracing
    # breaks (spans never end). Pin the generation it was released with.
    # Its SQL store imports pool classes SQLAlchemy 2.1 removed.
    2.*) echo "mlflow==$1 pytest opentelemetry-api<1.33 opentelemetry-sdk<1.33 fastapi<0.116 sqlalchemy<2.1" ;;
    # The peer export/import tool (mlflow-export-import) is tested against MLflow 3.x only.
    # Flask-WTF is what mlflow[auth] adds (`mlflow server --app-name basic-auth` needs it).
    *)   echo "mlflow==$1 pytest databricks-mlflow-export-import==1.2.1 Flask-WTF<2" ;;
  esac
}
base_python() {
  if [ -n "${MLRS_PYTHON:-}" ]; then echo "$MLRS_PYTHON"; return; fi
  for p in python3.11 python3.12 python3.10 python3; do
    if command -v "$p" >/dev/null 2>&1; then command -v "$p"; return; fi
  done
  echo "no python3 found (set MLRS_PYTHON)" >&2; return 1
}
venv_ok() {  # venv version -> 0 when it has that mlflow, pytest, PyYAML and (3.x) the extras
  [ -x "$1/bin/python" ] && [ -x "$1/bin/mlflow" ] &&
    "$1/bin/python" - "$2" <<'PY' >/dev/null 2>&1
import sys
import mlflow, pytest, yaml  # noqa: F401
if sys.argv[1].startswith("3."):
    import flask_wtf, mlflow_export_import  # noqa: F401
if sys.argv[1].startswith("2."):
    import sqlalchemy
    if tuple(int(x) for x in sqlalchemy.__version__.split(".")[:2]) >= (2, 1):
        sys.exit(1)
sys.exit(0 if mlflow.__version__ == sys.argv[1] else 1)
PY
}
ensure_venv() {
  local ver="$1" venv
  venv="$(venv_for "$ver")"
  if venv_ok "$venv" "$ver"; then return; fi
  if [ ! -x "$venv/bin/python" ]; then
    echo ">> creating $venv" >&2
    mkdir -p "$VENV_ROOT"
    "$(base_python)" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --upgrade pip
  fi
  echo ">> installing into $venv: $(pkgs_for "$ver")" >&2
  # shellcheck disable=SC2046
  "$venv/bin/python" -m pip install -q $(pkgs_for "$ver")
  venv_ok "$venv" "$ver" || { echo "$venv: mlflow $ver still not importable" >&2; return 1; }
}

# Run on its own: ensure the venvs of the versions given.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  print_mlflow=0
  if [ "${1:-}" = "--mlflow" ]; then print_mlflow=1; shift; fi
  [ $# -gt 0 ] || { echo "usage: $0 [--mlflow] VERSION..." >&2; exit 2; }
  for ver in "$@"; do
    ensure_venv "$ver"
    [ "$print_mlflow" = 0 ] || echo "$(venv_for "$ver")/bin/mlflow"
  done
fi
