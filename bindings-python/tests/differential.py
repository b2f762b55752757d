#!/usr/bin/env python3
"""Differential runner: python differential.py IN OUT

Reads JSON lines `{"op", "input", "options"}` from IN and writes, for each,
one line to OUT: the canonical JSON of
`{"validate": <validate_value result>, "plan": <plan_value result>}`, where a
misuse is `{"error": {"code", "message"}}`. The Rust, Node and wasm runners
write the same format; a script compares the files byte for byte.
"""

from __future__ import annotations

import json
import sys
from typing import Any, Callable, Dict

import regplan


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def guarded(call: Callable[[], Dict[str, Any]]) -> Dict[str, Any]:
    try:
        return call()
    except regplan.RegplanError as e:  # a Python value with no JSON form
        return {"error": {"code": e.code, "message": str(e)}}


def main(argv: list) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    count = 0
    with open(argv[1], encoding="utf-8") as src, open(argv[2], "w", encoding="utf-8", newline="\n") as out:
        for line in src:
            if not line.strip():
                continue
            case = json.loads(line)
            op, data, options = case.get("op"), case.get("input"), case.get("options")
            result = {
                "validate": guarded(lambda: regplan.validate_json(op, data)),
                "plan": guarded(lambda: regplan.plan_json(op, data, options)),
            }
            out.write(canonical(result) + "\n")
            count += 1
    print(f"differential: {count} case(s) written to {argv[2]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
