#!/usr/bin/env python3
"""Compares the differential outputs byte for byte against the Rust reference.

`python3 tests/differential/compare.py target/differential rust python node wasm`
fails (exit 1) on the first byte that differs, printing the input line, or when
an expected runtime wrote no output.
"""
import pathlib
import sys


def main():
    folder = pathlib.Path(sys.argv[1])
    reference, *others = sys.argv[2:]
    inputs = (folder / "inputs.jsonl").read_bytes().splitlines()
    expected = (folder / f"{reference}.jsonl").read_bytes().splitlines()
    if len(expected) != len(inputs):
        sys.exit(f"{reference}: {len(expected)} lines for {len(inputs)} inputs")
    failed = False
    for runtime in others:
        path = folder / f"{runtime}.jsonl"
        if not path.exists():
            print(f"{runtime}: no output at {path}")
            failed = True
            continue
        actual = path.read_bytes().splitlines()
        if len(actual) != len(inputs):
            print(f"{runtime}: {len(actual)} lines for {len(inputs)} inputs")
            failed = True
        for number, (want, got) in enumerate(zip(expected, actual), start=1):
            if want != got:
                at = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
                print(f"{runtime}: line {number} differs from {reference} at byte {at}")
                print(f"  input:     {inputs[number - 1].decode('utf-8', 'replace')[:400]}")
                print(f"  {reference}: {want[max(0, at - 80):at + 80].decode('utf-8', 'replace')}")
                print(f"  {runtime}: {got[max(0, at - 80):at + 80].decode('utf-8', 'replace')}")
                failed = True
                break
        else:
            if len(actual) == len(inputs):
                print(f"{runtime}: {len(actual)} lines identical to {reference}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
