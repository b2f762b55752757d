#!/usr/bin/env bash
# Builds and tests the WebAssembly binding (npm package `regplan-wasm`).
# Idempotent, runs from any directory, installs what it needs; exits non-zero
# on the first failure.
#
#   bash bindings-wasm/test.sh
#
# Steps: npm ci, then build.sh (npm run build: toolchain (wasm32 target, wasm-bindgen-cli at the Cargo.lock
# version), cargo build (profile wasm-release, see OPT below),
# wasm-bindgen for --target web and --target nodejs, wasm-opt -Oz, size
# budget), node --test (API, hostile values, secrets), the shared vectors, tsc
# --noEmit, the vectors and the hostile catalogue in Chromium, npm pack +
# install into a fresh project, the browser examples (examples/browser/run.mjs:
# Vite 5 and 8 dev and build, webpack 5, esbuild, an import map, start-up and
# keystroke timings; examples/browser/generators.mjs: rjsf and JSONForms),
# the hostile runner when
# tests/hostile/cases.json exists and the differential runner when
# target/differential/inputs.jsonl exists (each compared with the Rust
# reference when its output is there: the root test.sh writes it first).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$HERE"

step() { printf '\n==> %s\n' "$*"; }

step "npm ci"
npm ci --no-audit --no-fund

# The package's own build (npm run build): toolchain, wasm, wasm-bindgen, wasm-opt, size budget.
bash "$HERE/build.sh"

step "node --test (API, hostile values, secrets)"
node --test test/*.test.mjs

step "tsc --noEmit (typed usage of js/index.d.ts)"
npx --no-install tsc --noEmit -p test/tsconfig.json

if [ -f "$ROOT/tests/hostile/cases.json" ]; then
  step "hostile host values (Node)"
  # The shared runner when it is there (the same one runs the Node addon), else ours.
  if [ -f "$ROOT/tests/hostile/run_node.mjs" ]; then
    node "$ROOT/tests/hostile/run_node.mjs" wasm "$ROOT/tests/hostile/cases.json" "$ROOT/target/hostile/wasm.jsonl" --limits
  else
    node test/hostile.mjs "$ROOT/tests/hostile/cases.json" "$ROOT/target/hostile/wasm.jsonl"
  fi
  step "linear time in Node: 10 MiB inputs cost about ten times 1 MiB (tests/hostile/linear.json)"
  node "$ROOT/tests/hostile/linear.mjs" wasm
fi

step "browser (Chromium, --target web build: vectors and hostile values)"
if [ ! -x /usr/bin/chromium ]; then
  apt-get update && apt-get install -y chromium
fi
node test/browser.mjs
step "shared vectors: wasm in Node and in Chromium, judged by the one matcher"
node "$ROOT/tests/vectors/answer.mjs" wasm "$ROOT/target/vectors/wasm.jsonl"
bash "$ROOT/tests/vectors/judge.sh" wasm=target/vectors/wasm.jsonl browser=target/vectors/browser.jsonl
if [ -f "$ROOT/target/hostile/rust.jsonl" ] && command -v python3 >/dev/null; then
  python3 "$ROOT/tests/hostile/compare.py" "$ROOT/target/hostile" rust wasm browser
fi

step "npm pack + install into a fresh project"
SMOKE="$ROOT/target/wasm-smoke"
rm -rf "$SMOKE" "$HERE"/regplan-wasm-*.tgz
mkdir -p "$SMOKE"
tarball="$(npm pack --silent --pack-destination "$SMOKE" | tail -n 1)"
(
  cd "$SMOKE"
  echo '{"name": "wasm-smoke", "private": true, "version": "0.0.0"}' >package.json
  npm install --no-audit --no-fund --no-save "./$tarball"
  cp "$HERE/test/smoke.cjs" "$HERE/test/smoke.mjs" .
  node smoke.cjs
  node smoke.mjs
)

step "browser examples: Vite 5 + 8 (dev, build), webpack 5, esbuild, import map in Chromium"
# The packed package, as users get it; the bundlers' own installs are kept
# between runs (npm ci only when the lock file changed).
EXAMPLES="$ROOT/examples/browser"
if ! cmp -s "$EXAMPLES/package-lock.json" "$EXAMPLES/node_modules/.package-lock.json.copy"; then
  (cd "$EXAMPLES" && npm ci --no-audit --no-fund && cp package-lock.json node_modules/.package-lock.json.copy)
fi
(cd "$EXAMPLES" && npm install --no-audit --no-fund --no-save "$SMOKE/$tarball")
node "$EXAMPLES/run.mjs"
step "form generators in Chromium: rjsf and JSONForms render schema(op) (labels, passwords, per-kind fields, axe-core)"
node "$EXAMPLES/generators.mjs"

if [ -f "$ROOT/target/differential/inputs.jsonl" ]; then
  step "differential runner"
  node test/differential.mjs "$ROOT/target/differential/inputs.jsonl" "$ROOT/target/differential/wasm.jsonl"
  if [ -f "$ROOT/target/differential/rust.jsonl" ] && command -v python3 >/dev/null; then
    python3 "$ROOT/tests/differential/compare.py" "$ROOT/target/differential" rust wasm
  fi
fi

echo
echo "regplan-wasm: all checks passed"
