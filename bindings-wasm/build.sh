#!/usr/bin/env bash
# Builds the npm package regplan-wasm (`npm run build`, also called by
# test.sh): toolchain (wasm32 target, wasm-bindgen-cli at the Cargo.lock
# version), cargo build (profile wasm-release, see OPT below), wasm-bindgen
# for --target web and --target nodejs into pkg-web/ and pkg-node/,
# wasm-opt -Oz (binaryen from devDependencies: run `npm ci` first), the size
# budget. Idempotent, runs from any directory.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
cd "$HERE"

# Size budget of the optimized .wasm (raw and gzip -9 bytes): what was
# measured when the binding landed (502,395 / 203,249), plus about 15%.
MAX_RAW=578000
MAX_GZIP=234000

# The profile wasm-release is opt-level "z" (smallest). Two crates get
# opt-level 3 on top of it: this binding, where the core's generic
# validator is instantiated for JS values (validate_with::<Host>), and
# regex-automata, whose backtracker checks every name. Measured (README
# "Size and speed"): about 1.8x faster validation than "z" alone for 30 KB
# raw / 9 KB gzip; opt-level 3 everywhere is over the budget.
OPT=(--config 'profile.wasm-release.package.regplan-wasm.opt-level=3'
  --config 'profile.wasm-release.package.regex-automata.opt-level=3')

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
# The CLI must be exactly the wasm-bindgen version in Cargo.lock.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [ -z "$WB_VERSION" ]; then
  echo "no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]; then
  # --locked first; when the registry index lacks a version its lockfile
  # names (seen here: webpki-roots 1.0.11), fall back to a fresh resolution
  # of the same CLI version.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi
echo "wasm-bindgen $WB_VERSION, node $(node --version), npm $(npm --version)"

step "shared JS: the Node addon's masking helper"
# JSON.stringify and util.inspect of a plan must show the same in both JS
# packages: the wasm package ships the addon's own helper. The copy in js/
# is committed (a checkout without bindings-node still builds); a change
# there shows up here as a modified js/masked.mjs.
if [ -f "$ROOT/bindings-node/js/masked.mjs" ]; then
  cp "$ROOT/bindings-node/js/masked.mjs" "$HERE/js/masked.mjs"
fi

if [ ! -x node_modules/.bin/wasm-opt ]; then
  npm ci --no-audit --no-fund
fi

step "cargo build (wasm32-unknown-unknown, profile wasm-release)"
cargo build -p regplan-wasm --target wasm32-unknown-unknown --profile wasm-release --locked "${OPT[@]}"
WASM="$ROOT/target/wasm32-unknown-unknown/wasm-release/regplan_wasm.wasm"

step "wasm-bindgen (web, nodejs) + wasm-opt -Oz"
for target in web nodejs; do
  out="$HERE/pkg-${target%js}"
  rm -rf "$out"
  wasm-bindgen --target "$target" --out-dir "$out" "$WASM"
  npx --no-install wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-reference-types "$out/regplan_wasm_bg.wasm" -o "$out/regplan_wasm_bg.wasm"
done
# The web build is ES modules; the snippet under pkg-node is one too (Node
# loads it with require(esm), hence the engines field in package.json).
echo '{"type": "module"}' >"$HERE/pkg-web/package.json"
echo '{"type": "module"}' >"$HERE/pkg-node/snippets/package.json"

step "size"
raw=$(wc -c <"$HERE/pkg-web/regplan_wasm_bg.wasm")
gz=$(gzip -9 -c "$HERE/pkg-web/regplan_wasm_bg.wasm" | wc -c)
printf 'unoptimized %d bytes; optimized %d bytes raw, %d bytes gzip -9 (budget %d / %d)\n' \
  "$(wc -c <"$WASM")" "$raw" "$gz" "$MAX_RAW" "$MAX_GZIP"
if [ "$raw" -gt "$MAX_RAW" ] || [ "$gz" -gt "$MAX_GZIP" ]; then
  echo "the wasm is over its size budget" >&2
  exit 1
fi

