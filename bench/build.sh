#!/usr/bin/env bash
# Builds the artifacts users install and installs them, with the peers, where
# the benchmarks load them from. The build commands are the ones of
# bindings-*/test.sh, without their test suites. Idempotent: cargo rebuilds
# only what changed, and an install is redone only when its artifact or the
# peers' versions changed.
#
#   target/wheels/regplan-*.whl            maturin build --release (bindings-python)
#   target/bench/venv/                     fresh venv: the wheel + Python peers
#   target/bench/pkg/regplan-*.tgz         npm pack of bindings-node (napi build --platform --release)
#   target/bench/pkg/regplan-wasm-*.tgz    npm pack of bindings-wasm (cargo + wasm-bindgen + wasm-opt -Oz)
#   target/bench/node/                     fresh node project: both tarballs + JS peers
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Versions used and verified; bump deliberately (results.md names them).
MATURIN=maturin==1.16.0
PY_PEERS=(pydantic==2.14.3 jsonschema-rs==0.60.3 fastjsonschema==2.22.3)
JS_PEERS=(ajv@8.20.0 zod@4.6.7)

OUT="$ROOT/target/bench"
mkdir -p "$OUT/pkg"
step() { printf '\n==> bench build: %s\n' "$*"; }
hash_of() { sha256sum "$@" | sha256sum | cut -c1-16; }

# ---------------------------------------------------------------- Python ----
step "wheel (maturin build --release)"
if [ ! -x .venv/bin/maturin ]; then
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check "$MATURIN"
fi
rm -f target/wheels/regplan-*.whl
.venv/bin/maturin build --release -m bindings-python/Cargo.toml --out target/wheels
shopt -s nullglob
wheels=(target/wheels/regplan-*.whl)
shopt -u nullglob
[ "${#wheels[@]}" -eq 1 ] || { echo "expected one regplan wheel, found ${#wheels[@]}" >&2; exit 1; }
WHEEL="$ROOT/${wheels[0]}"

step "fresh venv with the wheel and the peers (target/bench/venv)"
stamp="$(hash_of "$WHEEL") ${PY_PEERS[*]}"
if [ "$(cat "$OUT/venv/.bench-stamp" 2>/dev/null || true)" != "$stamp" ]; then
  rm -rf "$OUT/venv"
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/python" -m pip install -q --disable-pip-version-check "$WHEEL" "${PY_PEERS[@]}"
  echo "$stamp" >"$OUT/venv/.bench-stamp"
else
  echo "unchanged wheel and peers: reusing target/bench/venv"
fi

# ------------------------------------------------------------ Node addon ----
step "node addon (npm ci, napi build --platform --release, npm pack)"
(
  cd bindings-node
  [ -x node_modules/.bin/napi ] || npm ci --no-audit --no-fund
  npm run build
  rm -f "$OUT"/pkg/regplan-0*.tgz "$OUT"/pkg/regplan-linux-x64-gnu-*.tgz
  npm pack --silent --pack-destination "$OUT/pkg" >/dev/null
  # napi-rs layout: the addon is in its platform's package, which the loader requires.
  cp regplan.linux-x64-gnu.node npm/linux-x64-gnu/
  (cd npm/linux-x64-gnu && npm pack --silent --pack-destination "$OUT/pkg" >/dev/null)
)

# ------------------------------------------------------------------ wasm ----
step "wasm (cargo build, wasm-bindgen web + nodejs, wasm-opt -Oz, npm pack)"
(
  cd bindings-wasm
  [ -x node_modules/.bin/wasm-opt ] || npm ci --no-audit --no-fund
  # The package's own build, as shipped (bindings-wasm/build.sh).
  npm run build
  rm -f "$OUT"/pkg/regplan-wasm-*.tgz
  npm pack --silent --pack-destination "$OUT/pkg" >/dev/null
)

step "fresh node project with both packages and the peers (target/bench/node)"
shopt -s nullglob
addon=("$OUT"/pkg/regplan-0*.tgz)
platform=("$OUT"/pkg/regplan-linux-x64-gnu-*.tgz)
wasm=("$OUT"/pkg/regplan-wasm-*.tgz)
shopt -u nullglob
[ "${#addon[@]}" -eq 1 ] && [ "${#platform[@]}" -eq 1 ] && [ "${#wasm[@]}" -eq 1 ] ||
  { echo "expected one tarball of each package" >&2; exit 1; }
# npm pack writes the same bytes for the same files (fixed mtimes), so the
# tarballs' hashes say whether the packages changed.
stamp="$(hash_of "${addon[0]}" "${platform[0]}" "${wasm[0]}") ${JS_PEERS[*]}"
if [ "$(cat "$OUT/node/.bench-stamp" 2>/dev/null || true)" != "$stamp" ]; then
  rm -rf "$OUT/node"
  mkdir -p "$OUT/node"
  echo '{"name": "regplan-bench", "version": "0.0.0", "private": true}' >"$OUT/node/package.json"
  (cd "$OUT/node" && npm install --no-audit --no-fund --save-exact "${platform[0]}" "${addon[0]}" "${wasm[0]}" "${JS_PEERS[@]}")
  echo "$stamp" >"$OUT/node/.bench-stamp"
else
  echo "unchanged packages and peers: reusing target/bench/node"
fi
echo
echo "bench build: artifacts installed under target/bench"
