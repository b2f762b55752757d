#!/usr/bin/env bash
# Builds the Python wheel and tests it the way users get it: installed into a
# fresh venv, imported from site-packages. Idempotent; run from anywhere.
#
#   .venv/                   build tools (created once, reused)
#   target/wheels/           the wheel
#   target/py-smoke-venv/    fresh venv with only the wheel + test deps (recreated each run)
#   target/py-smoke-run/     working directory of the tests (source tree not importable)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

step() { printf '\n==> %s\n' "$*"; }

# Versions used and verified; bump deliberately.
BUILD_DEPS=(maturin==1.16.0)
TEST_DEPS=(pytest==9.2.0 mypy==2.4.1 httpx==0.28.1 requests==2.34.2 types-requests==2.33.0.20261030 gcore==0.59.0 huaweicloudsdkcore==3.1.219)

step "build venv (.venv)"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check "${BUILD_DEPS[@]}" "${TEST_DEPS[@]}"

step "wheel (maturin build --release)"
rm -f target/wheels/regplan-*.whl
.venv/bin/maturin build --release -m bindings-python/Cargo.toml --out target/wheels
shopt -s nullglob
wheels=(target/wheels/regplan-*.whl)
shopt -u nullglob
if [ "${#wheels[@]}" -ne 1 ]; then
  echo "expected exactly one regplan wheel in target/wheels, found ${#wheels[@]}" >&2
  exit 1
fi
WHEEL="$ROOT/${wheels[0]}"
ls -l "$WHEEL"

step "fresh venv with the wheel (target/py-smoke-venv)"
rm -rf target/py-smoke-venv target/py-smoke-run
python3 -m venv target/py-smoke-venv
PY="$ROOT/target/py-smoke-venv/bin/python"
"$PY" -m pip install -q --disable-pip-version-check "$WHEEL" "${TEST_DEPS[@]}"
mkdir -p target/py-smoke-run
cd target/py-smoke-run

step "pytest (against the installed wheel)"
"$PY" -c 'import regplan, sys; print("regplan", regplan.__version__, "from", regplan.__file__); sys.exit("site-packages" not in regplan.__file__)'
status=0
REGPLAN_TEST_INSTALLED=1 REGPLAN_REQUIRE_VENDOR=1 \
  "$PY" -m pytest -q -p no:cacheprovider "$ROOT/bindings-python/tests" || status=$?
if [ "$status" -ne 0 ]; then
  [ "$status" -eq 5 ] && echo "pytest collected no tests" >&2
  echo "pytest failed (exit $status)" >&2
  exit 1
fi

step "mypy --strict (typed usage and misuse against the stubs)"
# typed_misuse.py: each misuse carries `# type: ignore[<code>]`; --strict
# includes --warn-unused-ignores, so a misuse that stops being an error fails.
# readme_blocks.py: the README's python blocks, type-checked as well.
"$PY" "$ROOT/bindings-python/tools/readme_blocks.py" "$ROOT/bindings-python/README.md" readme_blocks.py
"$PY" -m mypy --strict --cache-dir "$ROOT/target/py-smoke-run/.mypy_cache" \
  "$ROOT/bindings-python/tests/typed_usage.py" "$ROOT/bindings-python/tests/typed_misuse.py" readme_blocks.py
"$PY" "$ROOT/bindings-python/tests/typed_usage.py"

step "mypy.stubtest (the stubs against the installed native module)"
"$PY" -m mypy.stubtest regplan --mypy-config-file /dev/null \
  --allowlist "$ROOT/bindings-python/stubtest-allowlist.txt"

CASES="$ROOT/tests/hostile/cases.json"
if [ -f "$CASES" ]; then
  step "hostile host values (target/hostile/python.jsonl)"
  "$PY" "$ROOT/tests/hostile/run_python.py" "$CASES" "$ROOT/target/hostile/python.jsonl"
  if [ -f "$ROOT/target/hostile/rust.jsonl" ]; then
    python3 "$ROOT/tests/hostile/compare.py" "$ROOT/target/hostile" rust python
  fi
else
  step "hostile runner skipped (no tests/hostile/cases.json)"
fi

step "shared vectors: the installed package's answers, judged by the one matcher"
"$PY" "$ROOT/tests/vectors/answer.py" "$ROOT/target/vectors/python.jsonl"
bash "$ROOT/tests/vectors/judge.sh" python=target/vectors/python.jsonl

step "linear time: 10 MiB inputs cost about ten times 1 MiB (tests/hostile/linear.json)"
"$PY" "$ROOT/tests/hostile/linear.py"

INPUTS="$ROOT/target/differential/inputs.jsonl"
if [ -f "$INPUTS" ]; then
  step "differential runner (target/differential/python.jsonl)"
  "$PY" "$ROOT/bindings-python/tests/differential.py" "$INPUTS" "$ROOT/target/differential/python.jsonl"
else
  step "differential runner skipped (no target/differential/inputs.jsonl)"
fi

echo
echo "python binding: all checks passed"
