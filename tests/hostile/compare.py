#!/usr/bin/env python3
"""Checks that every runtime answered each hostile case byte for byte as the
Rust reference did, and that no runtime skipped a case meant for it.

    python3 tests/hostile/compare.py target/hostile rust python node wasm browser

Runtimes whose file is missing fail the check: a runner that did not run is
not a runner that agreed.
"""
import json
import sys
from pathlib import Path


def lines(path):
    out = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        record = json.loads(line)
        out[record["name"]] = line
    return out


def main():
    directory, reference, *runtimes = sys.argv[1:]
    directory = Path(directory)
    cases = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))["cases"]
    expected = lines(directory / f"{reference}.jsonl")
    failures = 0
    # The reference itself is held to the cases' `expect`: an exact outcome,
    # or a fragment its JSON line must contain.
    for case in cases:
        want = case.get("expect")
        line = expected.get(case["name"])
        if want is None:
            continue
        result = json.loads(line)["result"] if line else None
        ok = result == want if isinstance(want, dict) else (line is not None and want in line)
        if not ok:
            print(f"{reference}: {case['name']!r} expected {want!r}, got {line}")
            failures += 1
    for runtime in runtimes:
        path = directory / f"{runtime}.jsonl"
        if not path.exists():
            print(f"{runtime}: no {path}")
            failures += 1
            continue
        got = lines(path)
        wanted = [c["name"] for c in cases if runtime in c["runtimes"]]
        missing = [name for name in wanted if name not in got]
        differing = [name for name in wanted if name in got and got[name] != expected.get(name)]
        for name in missing:
            print(f"{runtime}: case not run: {name}")
        for name in differing:
            print(f"{runtime}: differs on {name!r}\n  {reference}: {expected.get(name)}\n  {runtime}: {got[name]}")
        failures += len(missing) + len(differing)
        print(f"{runtime}: {len(wanted) - len(missing) - len(differing)} of {len(wanted)} cases identical to {reference}")
    print(f"{sum(1 for _ in cases)} cases; {'all identical' if not failures else f'{failures} problem(s)'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
