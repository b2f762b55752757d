#!/usr/bin/env bash
# Through real registries: starts a PyPI server (pypiserver) and an npm
# registry (verdaccio) on 127.0.0.1, uploads the wheels and the sdist and
# publishes the npm packages that .ci/packages.sh put in target/dist, then in
# fresh projects `pip install regplan` and `npm install regplan regplan-wasm`
# from those registries only, and runs the smoke tests and the shared
# vectors (tests/vectors/answer.py, answer.mjs, judged by the one matcher)
# against what was installed. The servers stop when the script ends, however
# it ends. Idempotent; the tools live in target/ci-tools (installed once).
#
#   bash .ci/packages.sh && bash .ci/registries.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DIST="$ROOT/target/dist"
WORK="$ROOT/target/registries"
TOOLS="$ROOT/target/ci-tools"
step() { printf '\n==> registries: %s\n' "$*"; }

[ -d "$DIST/python" ] && [ -d "$DIST/npm" ] || { echo "run .ci/packages.sh first (no target/dist)" >&2; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK" "$TOOLS"

step "tools: pypiserver + twine (target/ci-tools/venv), verdaccio 6.8.0 (target/ci-tools/verdaccio)"
[ -x "$TOOLS/venv/bin/python" ] || python3 -m venv "$TOOLS/venv"
"$TOOLS/venv/bin/python" -m pip install -q --disable-pip-version-check pypiserver==2.4.2 twine==7.0.0
# 6.8.0: the newest verdaccio that runs on Node 20 (6.10 wants Node 22).
if [ ! -x "$TOOLS/verdaccio/node_modules/.bin/verdaccio" ]; then
  mkdir -p "$TOOLS/verdaccio"
  (cd "$TOOLS/verdaccio" && echo '{"private": true}' >package.json &&
    npm install --no-audit --no-fund --save-exact verdaccio@6.8.0)
fi

PIDS=()
stop_servers() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_servers EXIT

# A free port on 127.0.0.1, chosen by the kernel.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1" && return 0
    sleep 0.5
  done
  echo "no answer from $1" >&2
  exit 1
}

step "pypiserver on 127.0.0.1, upload the wheels and the sdist (twine)"
PYPI_PORT="$(free_port)"
mkdir -p "$WORK/pypi"
# -a . -P .: no authentication, for a throwaway local index.
"$TOOLS/venv/bin/pypi-server" run -i 127.0.0.1 -p "$PYPI_PORT" -a . -P . "$WORK/pypi" >"$WORK/pypiserver.log" 2>&1 &
PIDS+=("$!")
PYPI="http://127.0.0.1:$PYPI_PORT"
wait_for "$PYPI/simple/"
"$TOOLS/venv/bin/twine" upload --disable-progress-bar --non-interactive --repository-url "$PYPI/" -u local -p local "$DIST"/python/*
curl -fsS "$PYPI/simple/regplan/" | grep -o 'regplan-[^"#<]*' | sort -u

step "verdaccio on 127.0.0.1, publish regplan's platform packages, regplan, regplan-wasm"
NPM_PORT="$(free_port)"
mkdir -p "$WORK/verdaccio"
cat >"$WORK/verdaccio/config.yaml" <<YAML
storage: $WORK/verdaccio/storage
listen: 127.0.0.1:$NPM_PORT
max_body_size: 100mb
log: { type: stdout, format: pretty, level: warn }
# No uplinks: everything installed comes from what was published here.
uplinks: {}
packages:
  '**':
    access: \$all
    publish: \$all
    unpublish: \$all
YAML
"$TOOLS/verdaccio/node_modules/.bin/verdaccio" --config "$WORK/verdaccio/config.yaml" >"$WORK/verdaccio.log" 2>&1 &
PIDS+=("$!")
NPM_REGISTRY="http://127.0.0.1:$NPM_PORT/"
wait_for "${NPM_REGISTRY}-/ping"
NPMRC="$WORK/npmrc"
printf 'registry=%s\n//127.0.0.1:%s/:_authToken=local\n' "$NPM_REGISTRY" "$NPM_PORT" >"$NPMRC"
# Platform packages first: regplan names them as optionalDependencies.
for tarball in "$DIST"/npm/regplan-linux-*.tgz "$DIST"/npm/regplan-0*.tgz "$DIST"/npm/regplan-wasm-*.tgz; do
  npm publish --userconfig "$NPMRC" "$tarball"
done

step "pip install regplan from the local index, into a fresh venv"
python3 -m venv "$WORK/py"
PY="$WORK/py/bin/python"
# --no-deps (regplan has none) and only the local index: nothing else can answer for `regplan`.
"$PY" -m pip install -q --disable-pip-version-check --index-url "$PYPI/simple/" --no-deps --only-binary regplan regplan
"$PY" - <<'PY'
import importlib.metadata, platform, sys
import regplan
wheel = importlib.metadata.distribution("regplan").read_text("WHEEL")
tags = [line.split(": ", 1)[1] for line in wheel.splitlines() if line.startswith("Tag: ")]
print("installed regplan", regplan.__version__, "from", regplan.__file__, "tags", tags)
assert "site-packages" in regplan.__file__
assert any(t.endswith("manylinux_2_17_" + platform.machine()) for t in tags), tags
report = regplan.validate("gcore.registries.create", {"project_id": 0, "region_id": 76, "name": "1-Bad_"})
assert [e["code"] for e in report["errors"]] == ["out_of_range", "pattern", "pattern", "pattern"], report
credentials = regplan.credentials_from_env("gcore", {"GCORE_API_KEY": "k3y"})
request = regplan.plan("gcore.registries.create", {"project_id": 1, "region_id": 76, "name": "reg-home1"}, credentials=credentials)
assert request.body == b'{"name":"reg-home1","storage_limit":5}' and request.headers["Authorization"] == "APIKey k3y"
print("python smoke: ok")
PY
mkdir -p target/vectors
(cd "$WORK" && "$PY" "$ROOT/tests/vectors/answer.py" "$ROOT/target/vectors/registry-python.jsonl")

step "npm install regplan regplan-wasm from the local registry, into a fresh project"
mkdir -p "$WORK/node"
(
  cd "$WORK/node"
  echo '{"name": "registry-smoke", "version": "0.0.0", "private": true}' >package.json
  cp "$NPMRC" .npmrc
  npm install --no-audit --no-fund regplan regplan-wasm
  npm ls --all
  # The addon came from its platform package, picked by npm from regplan's optionalDependencies.
  node -e 'const p = require.resolve("regplan-linux-x64-gnu"); console.log("addon package:", p); require("regplan")'
  cp "$ROOT/bindings-node/test/smoke.js" "$ROOT/bindings-wasm/test/smoke.cjs" "$ROOT/bindings-wasm/test/smoke.mjs" .
  node smoke.js
  node smoke.cjs
  node smoke.mjs
)
REGPLAN_PACKAGE="$WORK/node/node_modules/regplan" node tests/vectors/answer.mjs addon target/vectors/registry-node.jsonl
REGPLAN_PACKAGE="$WORK/node/node_modules/regplan-wasm" node tests/vectors/answer.mjs wasm target/vectors/registry-wasm.jsonl

step "shared vectors: what was installed from the registries, judged by the one matcher"
bash tests/vectors/judge.sh python=target/vectors/registry-python.jsonl \
  node=target/vectors/registry-node.jsonl wasm=target/vectors/registry-wasm.jsonl

echo
echo "registries: installed from pypiserver and verdaccio, smoke tests and vectors passed"
