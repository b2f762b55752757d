#!/usr/bin/env python3
"""Quick per-call timings of the installed regplan against a hand-written `re`
check, pydantic and jsonschema-rs (when installed), interleaved round-robin, median of
rounds. Not the project benchmark (bench/); a developer's check of the binding.

    python bindings-python/tools/quickbench.py [--rounds 15] [--number 20000]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from typing import Any, Callable, Dict, List

import regplan

GCORE = "gcore.registries.create"
GCORE_VALID = {"project_id": 1, "region_id": 76, "name": "my-registry-01", "storage_limit": 5}
GCORE_INVALID = {"project_id": 0, "region_id": 76, "name": "1-Bad-", "storage_limit": 0}
QOVERY = "qovery.container_registries.create"
QOVERY_VALID = {
    "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "name": "my-registry",
    "kind": "ECR",
    "url": "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
    "description": "images of the web team",
    "config": {"region": "eu-west-3", "access_key_id": "AKIAIOSFODNN7EXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
}
QOVERY_INVALID = {
    "organizationId": "not-a-uuid",
    "name": "",
    "kind": "ECR",
    "url": "http://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
    "config": {"region": "eu-west-3", "access_key_id": "AKIAIOSFODNN7EXAMPLE"},
}

NAME = re.compile(r"^[a-z][a-z0-9-]{0,61}[a-z0-9]$")


def re_gcore(data: Dict[str, Any]) -> List[str]:
    errors = []
    for key in ("project_id", "region_id"):
        v = data.get(key)
        if type(v) is not int or v < 1:
            errors.append(key)
    name = data.get("name")
    if type(name) is not str or not NAME.match(name):
        errors.append("name")
    limit = data.get("storage_limit", 5)
    if type(limit) is not int or not 1 <= limit <= 1000:
        errors.append("storage_limit")
    for key in data:
        if key not in ("project_id", "region_id", "name", "storage_limit"):
            errors.append(key)
    return errors


def cases() -> Dict[str, Callable[[], Any]]:
    out: Dict[str, Callable[[], Any]] = {
        "regplan gcore valid": lambda: regplan.validate(GCORE, GCORE_VALID),
        "regplan gcore invalid": lambda: regplan.validate(GCORE, GCORE_INVALID),
        "regplan qovery valid": lambda: regplan.validate(QOVERY, QOVERY_VALID),
        "regplan qovery invalid": lambda: regplan.validate(QOVERY, QOVERY_INVALID),
        "re gcore valid": lambda: re_gcore(GCORE_VALID),
        "re gcore invalid": lambda: re_gcore(GCORE_INVALID),
    }
    try:
        import pydantic  # type: ignore[import-not-found]

        class Registry(pydantic.BaseModel):  # type: ignore[misc]
            model_config = pydantic.ConfigDict(extra="forbid", strict=True)
            project_id: int = pydantic.Field(ge=1)
            region_id: int = pydantic.Field(ge=1)
            name: str = pydantic.Field(pattern=NAME.pattern)
            storage_limit: int = pydantic.Field(default=5, ge=1, le=1000)

        def pydantic_gcore(data: Dict[str, Any]) -> Any:
            try:
                return Registry.model_validate(data)
            except pydantic.ValidationError as e:
                return e.errors()

        out["pydantic gcore valid"] = lambda: pydantic_gcore(GCORE_VALID)
        out["pydantic gcore invalid"] = lambda: pydantic_gcore(GCORE_INVALID)
    except ImportError:
        pass
    try:
        import jsonschema_rs  # type: ignore[import-not-found]
    except ImportError:
        return out
    gcore = jsonschema_rs.validator_for(
        {
            "type": "object",
            "properties": {
                "project_id": {"type": "integer", "minimum": 1},
                "region_id": {"type": "integer", "minimum": 1},
                "name": {"type": "string", "pattern": NAME.pattern},
                "storage_limit": {"type": "integer", "minimum": 1, "maximum": 1000},
            },
            "required": ["project_id", "region_id", "name"],
            "additionalProperties": False,
        }
    )
    out["jsonschema-rs gcore valid"] = lambda: list(gcore.iter_errors(GCORE_VALID))
    out["jsonschema-rs gcore invalid"] = lambda: list(gcore.iter_errors(GCORE_INVALID))
    return out


def many(count: int) -> Dict[str, Callable[[], Any]]:
    inputs = [dict(GCORE_VALID, name=f"reg-{i}") if i % 4 else GCORE_INVALID for i in range(count)]
    validate = regplan.validate
    return {
        f"regplan validate_many x{count}": lambda: regplan.validate_many(GCORE, inputs),
        f"regplan loop validate x{count}": lambda: [validate(GCORE, i) for i in inputs],
        f"re loop x{count}": lambda: [re_gcore(i) for i in inputs],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--number", type=int, default=20000)
    parser.add_argument("--many", type=int, default=10000)
    args = parser.parse_args()
    for label, table, number, per in (("single", cases(), args.number, 1), ("batch", many(args.many), 20, args.many)):
        samples: Dict[str, List[float]] = {name: [] for name in table}
        for _ in range(args.rounds):
            for name, call in table.items():
                start = time.perf_counter_ns()
                for _ in range(number):
                    call()
                samples[name].append((time.perf_counter_ns() - start) / number / per)
        print(f"# {label} (median ns per input over {args.rounds} rounds)")
        for name, values in samples.items():
            print(f"{name:40s} {statistics.median(values):9.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
