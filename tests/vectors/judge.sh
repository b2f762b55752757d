#!/usr/bin/env bash
# Judges runtimes' answers to the shared vectors with the one matcher
# (core/tests/support/vectors.rs), one test per case and runtime:
#   bash tests/vectors/judge.sh python=target/vectors/python.jsonl [node=…] …
# Paths are relative to the workspace root. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."
answers="$(IFS=,; echo "$*")"
REGPLAN_ANSWERS="$answers" cargo test -q --locked -p regplan --test vectors -- --quiet --skip rust::
