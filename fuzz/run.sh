#!/usr/bin/env bash
# Builds every fuzz target and runs each for a fixed time, from a corpus
# seeded from the shared vectors (seed.sh); prints the runs per target and
# in total. Any crash, invariant failure, timeout or memory blow-up fails
# the script, with the input saved under fuzz/artifacts/<target>/ and
# printed in hex. Installs nightly and cargo-fuzz when missing.
#
#   bash fuzz/run.sh SECONDS_PER_TARGET [TARGET ...]
#
# Reproduce one input: fuzz/target/x86_64-unknown-linux-gnu/release/<target> <file>
set -euo pipefail
cd "$(dirname "$0")"

seconds=${1:?usage: fuzz/run.sh SECONDS_PER_TARGET [TARGET ...]}
shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(validate validate_field plan options sign host)
fi

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

bash seed.sh
# No sanitizer: the core has no unsafe code (`unsafe_code = "deny"`), and
# without ASan each target makes about twice the runs. Overflow checks and
# debug assertions stay on.
cargo +nightly fuzz build -s none -a

bin=target/x86_64-unknown-linux-gnu/release
mkdir -p logs
total=0
failed=()
printf '%-16s %12s %10s\n' target runs exec/s
for t in "${targets[@]}"; do
  mkdir -p "artifacts/$t" "corpus/$t"
  log="logs/$t.log"
  status=0
  "$bin/$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=3072 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="artifacts/$t/" "corpus/$t" >"$log" 2>&1 || status=$?
  # libFuzzer's last status line: "#1234567  DONE  cov: ... exec/s: 27000 ..."
  runs=$(grep -aoE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  stat=$(grep -aoE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' || true)
  runs=${stat:-${runs:-0}}
  rate=$(grep -aoE 'exec/s: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || echo 0)
  total=$((total + runs))
  printf '%-16s %12s %10s\n' "$t" "$runs" "$rate"
  if [ "$status" -ne 0 ]; then
    failed+=("$t")
    echo "--- $t failed (exit $status); end of $log:"
    grep -av '^#' "$log" | tail -40
    for a in artifacts/"$t"/*; do
      [ -f "$a" ] || continue
      echo "--- input $a ($(wc -c <"$a") bytes), hex:"
      od -An -tx1 -v "$a" | head -64
    done
  fi
done
printf '%-16s %12s\n' total "$total"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found failures in: ${failed[*]}"
  exit 1
fi
