#!/usr/bin/env bash
# regplan against its peers, on the artifacts users install; writes
# bench/results.md and bench/chart.svg. See bench/README.md.
#
#   bash bench/run.sh           full run (about 10 minutes after the builds)
#   bash bench/run.sh --quick   CI: the same code paths, few rounds (< 3 minutes after the builds)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

QUICK=()
COMMAND="bash bench/run.sh"
if [ "${1:-}" = "--quick" ]; then
  QUICK=(--quick)
  COMMAND="bash bench/run.sh --quick"
elif [ -n "${1:-}" ]; then
  echo "usage: bash bench/run.sh [--quick]" >&2
  exit 2
fi
OUT="$ROOT/target/bench"
step() { printf '\n==> bench: %s\n' "$*"; }

bash "$ROOT/bench/build.sh"

START=$SECONDS
step "workloads (target/bench/workloads.json)"
rm -f "$OUT"/results-*.json "$OUT/quick"
[ "${#QUICK[@]}" -eq 0 ] || touch "$OUT/quick"
python3 "$ROOT/bench/workloads.py" "$OUT/workloads.json"

# Each language in its own process, one after the other (2 cores: nothing
# else of ours runs beside a measurement).
step "Python: the wheel vs pydantic, jsonschema-rs, fastjsonschema, re"
(cd "$OUT" && "$OUT/venv/bin/python" "$ROOT/bench/python_bench.py" workloads.json results-python.json "${QUICK[@]}")

step "Node: addon and wasm vs ajv, zod, hand-written"
node "$ROOT/bench/node_bench.cjs" "$OUT/node" "$OUT/workloads.json" "$OUT/results-node.json" "${QUICK[@]}"

step "Rust: criterion, shipped feature set (cargo bench -p regplan-bench)"
if [ "${#QUICK[@]}" -eq 0 ]; then
  CRITERION=(--warm-up-time 2 --measurement-time 5)
else
  CRITERION=(--warm-up-time 0.3 --measurement-time 1 --sample-size 10)
fi
rm -rf "$ROOT/target/criterion"
cargo bench -p regplan-bench --locked --bench shipped -- "${CRITERION[@]}"

# A quick run's figures are rough: they go to target/bench, never over the
# committed bench/results.md.
DOCS="$ROOT/bench"
[ "${#QUICK[@]}" -eq 0 ] || DOCS="$OUT"
step "report ($DOCS/results.md, $DOCS/chart.svg)"
python3 "$ROOT/bench/report.py" "$OUT" "$ROOT/target/criterion" "$DOCS" "$COMMAND"
sed -n '/^## Targets/,/^## Python/p' "$DOCS/results.md" | sed '$d'
echo "bench: wrote $DOCS/results.md and $DOCS/chart.svg; measuring took $((SECONDS - START)) s after the builds"
