#!/usr/bin/env python3
"""The Python runner of the hostile-value catalogue (tests/hostile/README.md).

    python3 tests/hostile/run_python.py [tests/hostile/cases.json] [target/hostile/python.jsonl]

Constructs each described value natively (NaN, lone surrogates, shared
references, int subclasses, tuples, sets, bytes, functions, objects, dicts
with int keys), calls the installed `regplan` and writes one JSON line per
case meant for Python: `{"name", "result"}`, compact, keys in the order
regplan produced them. `tests/hostile/compare.py` checks the lines against
the Rust reference's.
"""

from __future__ import annotations

import json
import pathlib
import struct
import sys
from typing import Any, Dict

import regplan

ROOT = pathlib.Path(__file__).resolve().parents[2]


class Point:
    """`{"$py_object": "Point"}`: an instance of a plain class."""


def int_subclass(value: int) -> int:
    """An int whose `__float__` and `__index__` disagree with its value."""

    class I(int):
        def __float__(self) -> float:
            return 6.0

        def __index__(self) -> int:
            return 7

    return I(value)


def from_units(units: list) -> str:
    """A str from UTF-16 code units: pairs combine, lone surrogates stay."""
    raw = b"".join(struct.pack("<H", u) for u in units)
    return raw.decode("utf-16-le", "surrogatepass")


def build(desc: Any) -> Any:
    if isinstance(desc, list):
        return [build(d) for d in desc]
    if not isinstance(desc, dict):
        return desc
    if len(desc) == 1:
        ((name, arg),) = desc.items()
        if name.startswith("$"):
            return construct(name, arg)
    return {k: build(v) for k, v in desc.items()}


def construct(name: str, arg: Any) -> Any:
    if name == "$nan":
        return float("nan")
    if name == "$inf":
        return float("inf") * arg
    if name == "$neg_zero":
        return -0.0
    if name == "$units":
        return from_units(arg)
    if name == "$shared":
        x: Any = [build(arg["leaf"])]
        for _ in range(arg["depth"]):
            x = [x, x]
        return x
    if name == "$repeat":
        return [build(arg["item"])] * arg["count"]
    if name == "$string":
        return arg["repeat"] * arg["count"]
    if name == "$set":
        return {build(v) for v in arg}
    if name == "$bytes":
        return bytes(arg)
    if name == "$function":
        return lambda: 1
    if name == "$py_object":
        return type(arg, (), {})() if arg != "Point" else Point()
    if name == "$nest":
        nested: Any = 1
        for _ in range(arg):
            nested = [nested]
        return nested
    if name == "$int_subclass":
        return int_subclass(arg)
    if name == "$tuple":
        return tuple(build(v) for v in arg)
    if name == "$int_key":
        return {int(k): build(v) for k, v in arg.items()}
    raise ValueError(f"no Python form for {name}")


def run(case: Dict[str, Any]) -> Dict[str, Any]:
    op = build(case["op"])
    value = build(case["input"])
    call = case["call"]
    try:
        if call == "validate":
            return {"report": regplan.validate(op, value)}
        if call == "validate_field":
            return {"report": regplan.validate_field(op, case["field"], value)}
        if call == "validate_many":
            return {"reports": regplan.validate_many(op, value)}
        if call == "plan":
            # The interop surface: options as one mapping, no clock.
            answer = regplan.plan_json(op, value, build(case.get("options")))
            if "error" in answer:
                return {"error": answer["error"]}
            return {"plan": answer}
    except regplan.RegplanError as e:
        return {"error": {"code": e.code, "message": str(e)}}
    raise ValueError(f"unknown call {call}")


def main(argv: list) -> int:
    cases_path = pathlib.Path(argv[1]) if len(argv) > 1 else ROOT / "tests/hostile/cases.json"
    out_path = pathlib.Path(argv[2]) if len(argv) > 2 else ROOT / "target/hostile/python.jsonl"
    cases = json.loads(cases_path.read_text(encoding="utf-8"))["cases"]
    out_path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out_path.open("w", encoding="utf-8", newline="\n") as out:
        for case in cases:
            if "python" not in case["runtimes"]:
                continue
            line = {"name": case["name"], "result": run(case)}
            out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
    print(f"{count} hostile cases (python) written to {out_path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
