#!/usr/bin/env python3
"""Writes the inputs of the differential test: JSON lines {"op", "input", "options"}.

Seeded and deterministic: `python3 tests/differential/generate.py --seed 1 --per-op 5000 OUT`.
Each operation starts from its example (examples/<op>.json) and is mutated
field by field: removed, given every JSON type, boundary-length and unicode
strings, integers at and beyond their bounds, extra and misspelt keys, nested
changes inside objects and arrays. Options vary too: credentials of the right
and wrong type (the right ones built from each provider's declared credentials, read from
`regplan operations --json`), revealed or masked secrets, a fixed signing time, base URLs.
Every runtime (Rust, Python, Node addon, wasm) answers each line; the outputs
must be byte-identical (tests/differential/compare.py).
"""
import argparse
import json
import pathlib
import random
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]

CHARS = list("abcxyz0189-_./:%~ AZ") + ["\n", "\r", "\t", "\u0000", "é", "ß", "🚀", "\u200b", "\ufeff", "\u2028", "\\", '"']
SCALARS = [None, True, False, 0, 1, -1, 2, 5, 1000, 1001, 2147483648, -9007199254740991, 9007199254740991,
           0.5, 5.0, -0.0, 1e300, "", "5", "true", "null", "A", "a" * 300, [], {}, [1, "a"], {"a": 1}]
# Sample secret values of the existing providers (kept so that their inputs stay byte-identical);
# a new provider's members get "<provider>-<member>".
SAMPLE_VALUES = {
    ("gcore", "api_key", "api_key"): "gk-secret-1",
    ("qovery", "token", "token"): "qv-token-1",
    ("qovery", "bearer", "token"): "eyJ.jwt.sig",
    ("ncloud", "access_key", "access_key"): "ncp_ak",
    ("ncloud", "access_key", "secret_key"): "ncp_sk",
    ("huawei_swr", "access_key", "access_key"): "HWAK",
    ("huawei_swr", "access_key", "secret_key"): "HWSK",
    ("huawei_swr", "access_key", "project_id"): "p1",
    ("huawei_swr", "iam_token", "token"): "MIItoken",
}


def declared_operations():
    """`regplan operations --json`: every operation with its provider's declared credentials."""
    out = subprocess.run(["cargo", "run", "-q", "--locked", "-p", "regplan-cli", "--", "operations", "--json"],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def sample_credentials(provider):
    """One credentials object per declared type with its required members, and one more with the
    optional members too when it has any, in the declaration's order."""
    result = []
    for accepts in provider["env"]:
        kind = accepts["type"]
        groups = [accepts["required"]] + ([accepts["required"] + accepts["optional"]] if accepts["optional"] else [])
        for members in groups:
            credentials = {"type": kind}
            for member, _variable in members:
                credentials[member] = SAMPLE_VALUES.get((provider["id"], kind, member), f"{provider['id']}-{member}")
            result.append(credentials)
    return result


OPERATIONS = declared_operations()
CREDENTIALS = {op["provider"]["id"]: sample_credentials(op["provider"]) for op in OPERATIONS}
WRONG = [{"type": "api_key", "api_key": ""}, {"type": "token", "token": "a b"}, {"type": "nope"}, "string", None]


def examples():
    """Each operation's example, examples/<op id with '.' and '_' as '-'>.json, in file name order."""
    by_stem = {op["id"].replace(".", "-").replace("_", "-"): op["id"] for op in OPERATIONS}
    for path in sorted((ROOT / "examples").glob("*.json")):
        if path.stem in by_stem:
            yield by_stem[path.stem], json.loads(path.read_text())


def random_string(rng, length):
    return "".join(rng.choice(CHARS) for _ in range(length))


def mutate_string(rng, s):
    s = list(s) or ["a"]
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(len(s) + 1)
        kind = rng.random()
        if kind < 0.4:
            s.insert(i, rng.choice(CHARS))
        elif kind < 0.7 and s:
            s[min(i, len(s) - 1)] = rng.choice(CHARS)
        elif s:
            del s[min(i, len(s) - 1)]
    return "".join(s)


def mutate_value(rng, value, depth=0):
    choice = rng.random()
    if choice < 0.25:
        return rng.choice(SCALARS)
    if isinstance(value, str):
        if choice < 0.5:
            return mutate_string(rng, value)
        if choice < 0.7:
            return rng.choice(["a", "ab"]) * rng.choice([1, 12, 13, 32, 63, 64, 65, 128, 129, 256])
        return random_string(rng, rng.randint(0, 40))
    if isinstance(value, bool):
        return rng.choice([not value, 1, 0, "true", None])
    if isinstance(value, int):
        return value + rng.choice([-1001, -1, 1, 999, 10 ** 6]) if choice < 0.7 else float(value)
    if isinstance(value, dict) and depth < 3:
        return mutate_object(rng, value, depth + 1)
    if isinstance(value, list) and depth < 3:
        items = list(value)
        if items and choice < 0.6:
            i = rng.randrange(len(items))
            items[i] = mutate_value(rng, items[i], depth + 1)
        elif choice < 0.8:
            items.append(rng.choice(items) if items else {})
        else:
            items = []
        return items
    return rng.choice(SCALARS)


def misspell(rng, key):
    if len(key) < 3:
        return key + "x"
    i = rng.randrange(len(key) - 1)
    return key[:i] + key[i + 1] + key[i] + key[i + 2:]


def mutate_object(rng, obj, depth=0):
    obj = dict(obj)
    for _ in range(rng.randint(1, 3)):
        keys = list(obj)
        action = rng.random()
        if keys and action < 0.25:
            del obj[rng.choice(keys)]
        elif keys and action < 0.75:
            key = rng.choice(keys)
            obj[key] = mutate_value(rng, obj[key], depth)
        elif keys and action < 0.9:
            key = rng.choice(keys)
            obj[misspell(rng, key)] = obj.pop(key)
        else:
            obj[random_string(rng, rng.randint(0, 8))] = rng.choice(SCALARS)
    return obj


def options_for(rng, op):
    provider = op.split(".")[0]
    roll = rng.random()
    if roll < 0.8:
        credentials = rng.choice(CREDENTIALS[provider])
    elif roll < 0.9:
        credentials = rng.choice(WRONG)
    else:
        credentials = rng.choice(CREDENTIALS[rng.choice(list(CREDENTIALS))])
    options = {"credentials": credentials, "timestamp": rng.choice(["2026-11-22T10:15:00Z", 1795342500000, 0]),
               "reveal_secrets": rng.random() < 0.5}
    if rng.random() < 0.1:
        options["base_url"] = rng.choice(["http://127.0.0.1:8080/proxy/", "ftp://x", "https://gw.example.com"])
    if rng.random() < 0.03:
        del options["timestamp"]
        options["timestamp"] = "not a time"
    return options


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-op", type=int, default=5000)
    parser.add_argument("out")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", encoding="utf-8") as f:
        for op, base in examples():
            for i in range(args.per_op):
                value = base if i == 0 else mutate_object(rng, base)
                if rng.random() < 0.02:
                    value = rng.choice(SCALARS)
                line = {"op": op, "input": value, "options": options_for(rng, op)}
                f.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
                count += 1
    print(f"{count} inputs for {count // args.per_op} operations -> {out}")


if __name__ == "__main__":
    main()
