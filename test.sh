#!/usr/bin/env bash
# Runs every check and test suite of regplan. Idempotent; installs what it needs.
set -euo pipefail
cd "$(dirname "$0")"

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

step "format"
cargo fmt --all --check

step "lint"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "shared vectors: the JSON files are what make_vectors.py writes"
python3 tests/vectors/make_vectors.py --check >/dev/null

step "typings: the .d.ts, _types.py and .pyi files are what regplan-typegen writes"
cargo run -q --locked -p regplan-typegen -- --check

step "rust tests (core, shared vectors, schema agreement, CLI)"
cargo test --workspace --locked

step "linear time: 10 MB inputs cost about ten times 1 MB (release)"
cargo test --release --locked -p regplan --test linear_time -- --ignored --nocapture

step "core builds for wasm32-unknown-unknown"
cargo build -p regplan --target wasm32-unknown-unknown --release --locked

step "benchmarks compile"
cargo bench -p regplan --no-run --locked

step "differential test: inputs and the Rust reference"
python3 tests/differential/generate.py --seed 1 --per-op 5000 target/differential/inputs.jsonl
cargo run -q --release --locked -p regplan --example differential -- \
  target/differential/inputs.jsonl target/differential/rust.jsonl

step "hostile host values: the Rust reference"
cargo run -q --release --locked -p regplan --example hostile -- \
  tests/hostile/cases.json target/hostile/rust.jsonl

# Bindings whose suites run here; each also answers the differential inputs.
BINDINGS=(python node wasm)
for binding in "${BINDINGS[@]}"; do
  step "binding: $binding"
  bash "bindings-$binding/test.sh"
done

step "differential test: every runtime byte-identical to Rust"
python3 tests/differential/compare.py target/differential rust "${BINDINGS[@]}"

step "hostile host values: every runtime identical to Rust"
python3 tests/hostile/compare.py target/hostile rust python node wasm browser

step "packages: every wheel, npm package and crate users install, checked (.ci/packages.sh)"
bash .ci/packages.sh

step "registries: published to pypiserver and verdaccio on 127.0.0.1, installed from them, smoke + vectors (.ci/registries.sh)"
bash .ci/registries.sh

step "README: every code block runs and shows what it prints (.ci/readme.py)"
python3 .ci/readme.py

step "benchmarks: shipped regex features = benchmarked ones; quick run (bench/)"; bash bench/feature_check.sh; bash bench/run.sh --quick

step "fuzzing: every fuzz target for 45 s (nightly, cargo-fuzz)"
bash fuzz/run.sh 45

echo
echo "all checks passed"
