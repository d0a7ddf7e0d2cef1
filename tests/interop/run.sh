#!/usr/bin/env bash
# Live interop suite: mlrs against the real MLflow 2.22.0 and 3.17.2 on shared file stores.
#
#   tests/interop/run.sh                      # both MLflow versions
#   tests/interop/run.sh 3.17.2               # only some versions
#   tests/interop/run.sh 3.17.2 -- -k hostile -x   # extra pytest arguments after --
#
# Environment:
#   MLRS_BIN         the mlrs binary to test; when unset, `cargo build --release` builds it
#   MLRS_VENV_ROOT   where the venvs live (created when missing):  $MLRS_VENV_ROOT/mlflow2,
#                    $MLRS_VENV_ROOT/mlflow3.  Default: ${XDG_CACHE_HOME:-~/.cache}/mlrs-interop-venvs.
#                    MLRS_VENV_ROOT=/work/venvs reuses the development machine's venvs.
#   MLRS_PYTHON      the interpreter venvs are created with (default: python3.11 if found, else
#                    python3; MLflow 3.17 needs Python >= 3.10)
#   MLRS_INTEROP_KEEP=1   keep the scratch directories (stores of failed tests) for inspection
#
# Each version runs pytest from its own scratch working directory (MLflow 3 may create
# mlflow.db in the cwd) with MLFLOW_ALLOW_FILE_STORE=true.  Exit status: 0 only when every
# version ran at least one test and none failed (pytest's "no tests collected", exit 5, fails).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"

VERSIONS=()
PYTEST_ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --) shift; PYTEST_ARGS=("$@"); break ;;
    *) VERSIONS+=("$1"); shift ;;
  esac
done
[ ${#VERSIONS[@]} -gt 0 ] || VERSIONS=(2.22.0 3.17.2)

# venv_for, pkgs_for, venv_ok, ensure_venv (shared with .ci/run's tracking-server leg).
# shellcheck source=tests/interop/venv.sh
. "$HERE/venv.sh"

# --- the binary ---------------------------------------------------------------------------------
if [ -z "${MLRS_BIN:-}" ]; then
  echo ">> cargo build --release" >&2
  (cd "$REPO" && cargo build --release --quiet)
  MLRS_BIN="${CARGO_TARGET_DIR:-$REPO/target}/release/mlrs"
fi
case "$MLRS_BIN" in /*) ;; *) MLRS_BIN="$PWD/$MLRS_BIN" ;; esac
[ -x "$MLRS_BIN" ] || { echo "MLRS_BIN=$MLRS_BIN is not an executable" >&2; exit 1; }
echo ">> mlrs: $MLRS_BIN ($("$MLRS_BIN" --version))" >&2

# --- venvs first, so that install time is not mixed into the test timings ------------------------
for ver in "${VERSIONS[@]}"; do ensure_venv "$ver"; done

# --- one pytest per version ----------------------------------------------------------------------
SUMMARY=()
status=0
for ver in "${VERSIONS[@]}"; do
  venv="$(venv_for "$ver")"
  scratch="$(mktemp -d "${TMPDIR:-/tmp}/mlrs-interop-$ver.XXXXXX")"
  mkdir -p "$scratch/cwd"
  echo ">> mlflow $ver: pytest in $scratch/cwd" >&2
  start=$(date +%s)
  set +e
  (cd "$scratch/cwd" &&
    env -u MLFLOW_TRACKING_URI -u MLFLOW_REGISTRY_URI -u MLFLOW_EXPERIMENT_ID -u MLFLOW_EXPERIMENT_NAME \
      -u MLFLOW_RUN_ID \
      MLFLOW_ALLOW_FILE_STORE=true MLRS_BIN="$MLRS_BIN" PYTHONDONTWRITEBYTECODE=1 NO_COLOR=1 \
      "$venv/bin/python" -m pytest "$HERE" -c "$HERE/pytest.ini" --rootdir "$HERE" \
      --basetemp "$scratch/tmp" --junitxml "$scratch/junit.xml" ${PYTEST_ARGS[@]+"${PYTEST_ARGS[@]}"})
  rc=$?
  set -e
  secs=$(( $(date +%s) - start ))
  counts="$("$venv/bin/python" - "$scratch/junit.xml" <<'PY' 2>/dev/null || echo "no report"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
s = root if root.tag == "testsuite" else root.find("testsuite")
t, f, e, k = (int(s.get(a, 0)) for a in ("tests", "failures", "errors", "skipped"))
print("%d passed, %d failed, %d errors, %d skipped" % (t - f - e - k, f, e, k))
PY
)"
  if [ "$rc" -eq 0 ]; then verdict=ok; else verdict="FAILED (pytest exit $rc)"; status=1; fi
  [ "$rc" -ne 5 ] || verdict="FAILED (pytest exit 5: no tests ran)"
  SUMMARY+=("mlflow $ver: $verdict; $counts; ${secs}s")
  if [ "$rc" -eq 0 ] && [ "${MLRS_INTEROP_KEEP:-0}" != 1 ]; then
    rm -rf "$scratch"
  else
    echo ">> kept $scratch" >&2
  fi
done

echo
echo "== interop summary"
printf '%s\n' "${SUMMARY[@]}"
exit "$status"
