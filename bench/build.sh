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
  rm -f "$OUT"/pkg/regplan-0*.tgz
  npm pack --silent --pack-destination "$OUT/pkg" >/dev/null
)

# ------------------------------------------------------------------ wasm ----
step "wasm (cargo build, wasm-bindgen web + nodejs, wasm-opt -Oz, npm pack)"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
cargo build -p regplan-wasm --target wasm32-unknown-unknown --profile wasm-release --locked
WASM="$ROOT/target/wasm32-unknown-unknown/wasm-release/regplan_wasm.wasm"
(
  cd bindings-wasm
  [ -x node_modules/.bin/wasm-opt ] || npm ci --no-audit --no-fund
  # wasm-bindgen + wasm-opt take seconds: skip them when the .wasm is the one
  # the packages were made from.
  wstamp="$(hash_of "$WASM" "$ROOT/bindings-wasm/package.json")"
  if [ "$(cat "$OUT/pkg/.wasm-stamp" 2>/dev/null || true)" != "$wstamp" ] ||
    [ ! -f pkg-node/regplan_wasm_bg.wasm ] || [ ! -f pkg-web/regplan_wasm_bg.wasm ]; then
    for target in web nodejs; do
      out="pkg-${target%js}"
      rm -rf "$out"
      wasm-bindgen --target "$target" --out-dir "$out" "$WASM"
      npx --no-install wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
        --enable-sign-ext "$out/regplan_wasm_bg.wasm" -o "$out/regplan_wasm_bg.wasm"
    done
    echo '{"type": "module"}' >pkg-web/package.json
    echo '{"type": "module"}' >pkg-node/snippets/package.json
    echo "$wstamp" >"$OUT/pkg/.wasm-stamp"
  else
    echo "unchanged .wasm: reusing pkg-node/ and pkg-web/"
  fi
  rm -f "$OUT"/pkg/regplan-wasm-*.tgz
  npm pack --silent --pack-destination "$OUT/pkg" >/dev/null
)

step "fresh node project with both packages and the peers (target/bench/node)"
shopt -s nullglob
addon=("$OUT"/pkg/regplan-0*.tgz)
wasm=("$OUT"/pkg/regplan-wasm-*.tgz)
shopt -u nullglob
[ "${#addon[@]}" -eq 1 ] && [ "${#wasm[@]}" -eq 1 ] || { echo "expected one tarball of each package" >&2; exit 1; }
# npm pack writes the same bytes for the same files (fixed mtimes), so the
# tarballs' hashes say whether the packages changed.
stamp="$(hash_of "${addon[0]}" "${wasm[0]}") ${JS_PEERS[*]}"
if [ "$(cat "$OUT/node/.bench-stamp" 2>/dev/null || true)" != "$stamp" ]; then
  rm -rf "$OUT/node"
  mkdir -p "$OUT/node"
  echo '{"name": "regplan-bench", "version": "0.0.0", "private": true}' >"$OUT/node/package.json"
  (cd "$OUT/node" && npm install --no-audit --no-fund --save-exact "${addon[0]}" "${wasm[0]}" "${JS_PEERS[@]}")
  echo "$stamp" >"$OUT/node/.bench-stamp"
else
  echo "unchanged packages and peers: reusing target/bench/node"
fi
echo
echo "bench build: artifacts installed under target/bench"
