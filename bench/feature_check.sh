#!/usr/bin/env bash
# The benchmarks measure what ships: prints the resolved features of `regex`
# (and of `regex-automata`, `regex-syntax`) for every shipped artifact and for
# the benchmark crate, and fails when a native binding's set differs from
# bench/rust's (the Rust figures in bench/results.md would then not be the
# shipped code). The wasm set is printed, not compared: it is chosen apart
# (smaller code), and the wasm figures come from the packed wasm itself.
#
#   bash bench/feature_check.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

CRATES=(regex regex-automata regex-syntax)

# The inverted tree of each regex crate, as cargo prints it.
show() { # label, cargo tree args...
  local label="$1"
  shift
  printf '\n==> %s: cargo tree -e features -i regex-automata %s\n' "$label" "$*"
  cargo tree --locked -q -e features -i regex-automata "$@"
}

# One line per enabled feature: `crate "feature"`, sorted.
features() { # cargo tree args...
  local crate
  for crate in "${CRATES[@]}"; do
    cargo tree --locked -q -e features -i "$crate" --prefix none -f '{p}' "$@" 2>/dev/null |
      sed -n "s/^$crate feature \"\\([^\"]*\\)\".*/$crate \"\\1\"/p"
  done | sort -u
}

show "Python wheel" -p regplan-python
show "Node addon" -p regplan-node
show "wasm" -p regplan-wasm --target wasm32-unknown-unknown
show "benchmarks (bench/rust)" -p regplan-bench

bench="$(features -p regplan-bench)"
status=0
for pkg in regplan-python regplan-node; do
  shipped="$(features -p "$pkg")"
  if [ "$shipped" != "$bench" ]; then
    echo >&2
    echo "feature check: $pkg resolves other regex features than regplan-bench (bench/rust/Cargo.toml):" >&2
    diff <(echo "$shipped") <(echo "$bench") | sed 's/^</  shipped:/; s/^>/  bench:  /' | grep -v '^---\|^[0-9]' >&2 || true
    status=1
  fi
done
printf '\nregex features of the native bindings and of bench/rust:\n%s\n' "$bench" | sed 's/^regex/  regex/'
printf 'wasm:\n%s\n' "$(features -p regplan-wasm --target wasm32-unknown-unknown)" | sed 's/^regex/  regex/'
if [ "$status" -ne 0 ]; then
  echo "feature check FAILED: make bench/rust/Cargo.toml's regplan features those of the bindings" >&2
  exit 1
fi
echo "feature check passed: the native bindings ship the regex features bench/rust measures"
