#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the shared vectors (tests/vectors/*.json),
# the hostile host values (tests/hostile/cases.json) and the strict JSON
# cases (tests/json_text/cases.json), in each target's framing (see the
# targets' headers). The corpus is generated, never committed; running this
# again rewrites the same files (names are content hashes), so it is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import glob, hashlib, json, os, random

corpus = "fuzz/corpus"
written = {}

def put(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    folder = os.path.join(corpus, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)
    written[target] = written.get(target, 0) + 1

def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

def formed(value):
    """A value as a form holds it: numbers and booleans as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return f" {value} "
    if isinstance(value, dict):
        return {k: formed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [formed(v) for v in value]
    return value

ops = set()
for path in sorted(glob.glob("tests/vectors/*.json")):
    doc = json.load(open(path, encoding="utf-8"))
    for case in doc["cases"]:
        op, inp = case["op"], case["input"]
        ops.add(op)
        options = case.get("options", doc.get("options"))
        put("validate", f"{op}\n{compact(inp)}")
        put("plan", f"{op}\n{compact(options)}\n{compact(inp)}")
        put("options", f"{op}\n{compact(options)}")
        put("host", f"{op}\n{compact(inp)}")
        if isinstance(inp, dict):
            for name, value in inp.items():
                put("validate_field", f"{op}\n{name}\n{compact(value)}")
            # The same input with a marked value in each member: no message may repeat it.
            for name in inp:
                marked = dict(inp, **{name: "S3CR3T-value"})
                put("validate", f"{op}\n{compact(marked)}")
            # Reshaped by a few bytes (see fuzz/src/host.rs).
            put("host", f"{op}\n{compact(inp)}".encode() + b"\0" + hashlib.sha256(op.encode()).digest())
            # The form option, preview and the whole input (FLAGS, see the targets' headers).
            shaping = hashlib.sha256(op.encode()).digest()
            for flags in (1, 3, 7):
                put("host", f"{op}\n{compact(inp)}".encode() + b"\0" + bytes([flags]) + shaping)
            as_form = formed(inp)
            # validateField's options (`{form, input}`), read from a host value.
            put("host", f"{op}\n{compact({'form': True, 'input': as_form})}")
            put("host", f"{op}\n{compact({'form': False, 'input': inp})}")
            put("validate", f"{op}\n{compact(as_form)}")
            put("host", f"{op}\n{compact(as_form)}".encode() + b"\0\x01")
            for flags in ({"form": True}, {"preview": True}, {"form": True, "preview": True}):
                put("plan", f"{op}\n{compact(flags)}\n{compact(inp)}")
                put("plan", f"{op}\n{compact(flags)}\n{compact(as_form)}")
            for name, value in inp.items():
                tail = f"{op}\n{name}\n{compact(value)}".encode() + b"\0"
                put("validate_field", tail + b"\x01")
                put("validate_field", tail + b"\x03" + compact(inp).encode())
                put("validate_field", tail + b"\x03" + compact(as_form).encode())
                put("validate_field", f"{op}\n{name}\n{compact(formed(value))}".encode() + b"\0\x03")
                blank = dict(inp, **{name: ""})
                put("validate", f"{op}\n{compact(blank)}")
                put("plan", f"{op}\n{compact({'form': True})}\n{compact(blank)}")
                put("validate_field", f"{op}\n{name}\n\"\"".encode() + b"\0\x03" + compact(inp).encode())
                if isinstance(value, dict):
                    for inner, v in value.items():
                        ptr = f"/{name}/{inner}"
                        put("validate_field", f"{op}\n{ptr}\n{compact(v)}".encode() + b"\0\x03" + compact(inp).encode())
                        put("validate_field", f"{op}\n{ptr}\n\"\"".encode() + b"\0\x03" + compact(inp).encode())

hostile = json.load(open("tests/hostile/cases.json", encoding="utf-8"))
for case in hostile["cases"]:
    op = case["op"] if isinstance(case["op"], str) else compact(case["op"])
    put("host", f"{op}\n{compact(case['input'])}")
    if case["call"] == "plan":
        put("host", f"{op}\n{compact(case.get('options'))}")
        put("options", f"{op}\n{compact(case.get('options'))}")

for case in json.load(open("tests/json_text/cases.json", encoding="utf-8"))["cases"]:
    for op in ("gcore.registries.create", "qovery.container_registries.create"):
        put("validate", f"{op}\n{case['text']}")

# Options around the rules: each credential type, timestamps, base URLs, marked secrets.
for op in sorted(ops):
    for credentials in (
        {"type": "api_key", "api_key": "S3CR3T-k"},
        {"type": "token", "token": "S3CR3T-t"},
        {"type": "bearer", "token": "S3CR3T-b"},
        {"type": "access_key", "access_key": "AK", "secret_key": "S3CR3T-s", "project_id": "p"},
        {"type": "iam_token", "token": "S3CR3T-i"},
        {"type": "S3CR3T"},
        "S3CR3T-bare",
    ):
        for extra in ({}, {"timestamp": "2026-11-22T10:15:00.5+01:00"}, {"timestamp": 0},
                      {"base_url": "http://127.0.0.1:8080/p/"}, {"reveal_secrets": True},
                      {"S3CR3T-key": 1}):
            put("options", f"{op}\n{compact(dict({'credentials': credentials}, **extra))}")

# The signing target reads its bytes through `arbitrary`: any bytes make a case.
rng = random.Random(1)
for n in range(64):
    put("sign", bytes(rng.randrange(256) for _ in range(rng.randrange(16, 256))))

print("seeded " + ", ".join(f"{t}: {n}" for t, n in sorted(written.items())))
PY
