#!/usr/bin/env python3
"""The linear-time workloads (linear.json) against the installed Python package.

    python tests/hostile/linear.py

Each workload runs at 1 MiB and 10 MiB of a pathological shape; the 10 MiB /
1 MiB time ratio must stay within the file's bounds (near 10 when linear).
"""

import json
import pathlib
import sys
import time
from typing import Any, Callable

import regplan

HERE = pathlib.Path(__file__).resolve().parent


def expand(value: Any, piece: str, size: int) -> Any:
    """`value` with "$fill" / "$users" grown to about `size` bytes."""
    if value == "$fill":
        return piece * (size // len(piece.encode()))
    if value == "$users":
        return [{"name": f"user{i}", "duration": 1} for i in range(size // 40)]
    if isinstance(value, list):
        return [expand(item, piece, size) for item in value]
    if isinstance(value, dict):
        return {key: expand(item, piece, size) for key, item in value.items()}
    return value


def best(runs: int, run: Callable[[], object]) -> float:
    fastest = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        run()
        fastest = min(fastest, time.perf_counter() - started)
    return fastest


def call(workload: dict[str, Any], value: Any) -> object:
    if workload["call"] == "validate":
        return regplan.validate(workload["op"], value)
    try:
        return regplan.plan(workload["op"], value, **workload.get("options", {}))
    except regplan.ValidationError as error:
        return error


def main() -> int:
    config = json.loads((HERE / "linear.json").read_text(encoding="utf-8"))
    ratios = []
    for workload in config["workloads"]:
        for piece in workload.get("pieces", config["pieces"]):
            small = expand(workload["input"], piece, config["small"])
            large = expand(workload["input"], piece, config["large"])
            runs = config["runs"]
            ratio = best(runs, lambda: call(workload, large)) / max(best(runs, lambda: call(workload, small)), 1e-6)
            ratios.append(ratio)
            print(f"  {workload['name']} {json.dumps(piece, ensure_ascii=False)}: {ratio:.1f}")
    ratios.sort()
    median, worst = ratios[len(ratios) // 2], ratios[-1]
    print(f"linear time (python): 10 MiB / 1 MiB median {median:.1f}, worst {worst:.1f}")
    bounds = config["bounds"]
    ok = median < bounds["median"] and worst < bounds["worst"]
    if not ok:
        print(f"linear time (python): FAILED, bounds median {bounds['median']}, worst {bounds['worst']}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
