#!/usr/bin/env bash
# Builds and tests the Node addon (npm package `regplan`). Idempotent; runs
# from any directory; exits non-zero on the first failure.
#   npm ci, build, node --test, tsc, npm pack + install + smoke test in a
#   fresh project (target/node-smoke/), the hostile-value catalogue
#   (tests/hostile/, against the installed package, compared with the Rust
#   reference) and the differential runner when
#   target/differential/inputs.jsonl exists.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$HERE"

step() { printf '\n==> node: %s\n' "$*"; }

step "npm ci"
npm ci --no-audit --no-fund

step "build (napi build --platform --release)"
npm run build
ls -l regplan.linux-x64-gnu.node index.js index.d.ts

step "node --test (API, host values, secrets)"
# --expose-gc: the memory checks collect before they measure.
node --expose-gc --test test/*.test.js

step "typecheck (tsc --noEmit)"
npx tsc -p test/tsconfig.json

step "npm pack + install into a fresh project + smoke test"
SMOKE="$ROOT/target/node-smoke"
rm -rf "$SMOKE"
mkdir -p "$SMOKE"
TARBALL="$(npm pack --silent --pack-destination "$SMOKE" | tail -n 1)"
tar -tzf "$SMOKE/$TARBALL" | sort
# napi-rs layout: the addon ships in its platform's package (npm/linux-x64-gnu);
# napi's loader (index.js) requires it by name.
cp regplan.linux-x64-gnu.node npm/linux-x64-gnu/
PLATFORM_TARBALL="$(cd npm/linux-x64-gnu && npm pack --silent --pack-destination "$SMOKE" | tail -n 1)"
tar -tzf "$SMOKE/$PLATFORM_TARBALL" | sort
cd "$SMOKE"
cat > package.json <<'JSON'
{ "name": "regplan-node-smoke", "version": "0.0.0", "private": true }
JSON
npm install --no-audit --no-fund --no-save "./$PLATFORM_TARBALL" "./$TARBALL"
cp "$HERE/test/smoke.js" .
node smoke.js
# The installed typings, resolved through the package's `exports`: the
# typed-use and misuse file, and every ```ts block of README.md.
cp "$HERE/test/types.ts" .
node "$HERE/test/readme-blocks.mjs" "$HERE/README.md" .
cat > tsconfig.json <<'JSON'
{
  "compilerOptions": {
    "strict": true, "noEmit": true, "module": "nodenext", "moduleResolution": "nodenext",
    "target": "es2022", "types": [], "exactOptionalPropertyTypes": true, "noUncheckedIndexedAccess": true
  },
  "include": ["types.ts", "readme-*.ts"]
}
JSON
"$HERE/node_modules/.bin/tsc" -p tsconfig.json
cd "$HERE"

step "shared vectors: the installed package's answers, judged by the one matcher"
REGPLAN_PACKAGE="$SMOKE/node_modules/regplan" node "$ROOT/tests/vectors/answer.mjs" addon "$ROOT/target/vectors/node.jsonl"
bash "$ROOT/tests/vectors/judge.sh" node=target/vectors/node.jsonl

if [ -f "$ROOT/tests/hostile/cases.json" ]; then
  step "hostile values (tests/hostile/) on the installed package -> target/hostile/node.jsonl"
  # The Rust reference, from the same catalogue (a stale one would not compare).
  (cd "$ROOT" && cargo run -q --release -p regplan --example hostile -- tests/hostile/cases.json target/hostile/rust.jsonl)
  REGPLAN_PACKAGE="$SMOKE/node_modules/regplan" node "$ROOT/tests/hostile/run_node.mjs" addon --limits
  python3 "$ROOT/tests/hostile/compare.py" "$ROOT/target/hostile" rust node
  step "linear time: 10 MiB inputs cost about ten times 1 MiB (tests/hostile/linear.json)"
  REGPLAN_PACKAGE="$SMOKE/node_modules/regplan" node "$ROOT/tests/hostile/linear.mjs" addon
else
  step "hostile values skipped (no tests/hostile/cases.json)"
fi

if [ -f "$ROOT/target/differential/inputs.jsonl" ]; then
  step "differential runner -> target/differential/node.jsonl"
  node test/differential.js "$ROOT/target/differential/inputs.jsonl" "$ROOT/target/differential/node.jsonl"
  if [ -f "$ROOT/target/differential/rust.jsonl" ]; then
    python3 "$ROOT/tests/differential/compare.py" "$ROOT/target/differential" rust node
  fi
else
  step "differential runner skipped (no target/differential/inputs.jsonl)"
fi

echo
echo "node: all checks passed"
