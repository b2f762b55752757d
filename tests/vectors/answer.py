#!/usr/bin/env python3
"""Writes the installed Python package's answer to every shared vector.

    python tests/vectors/answer.py OUT.jsonl

One JSON line per case in the format `core/tests/support/vectors.rs`
describes; that one matcher judges them (`REGPLAN_ANSWERS=python=OUT.jsonl
cargo test -p regplan --test vectors -- python::`). Nothing is compared here.
"""

import json
import pathlib
import sys
from typing import Any, Callable, Dict

import regplan

VECTORS = pathlib.Path(__file__).resolve().parent
# What `plan`'s keyword arguments can say; other options only the JSON surface takes.
PLAN_KEYWORDS = {"credentials", "base_url", "timestamp", "preview", "form"}


def failure(error: BaseException) -> Dict[str, Any]:
    if isinstance(error, regplan.RegplanError):
        return {"error": {"code": error.code, "message": str(error)}}
    return {"thrown": f"{type(error).__name__}: {error}"}


def request_of(request: "regplan.Request") -> Dict[str, Any]:
    return {
        "method": request.method,
        "url": request.url,
        "headers": [list(pair) for pair in request.headers.items()],
        "body": None if request.body is None else request.body.decode("utf-8"),
        "defaults_applied": request.defaults_applied,
        "warnings": request.warnings,
        "preview": request.preview,
    }


def from_json_surface(result: Dict[str, Any]) -> Dict[str, Any]:
    """`plan_json`'s answer in the matcher's terms."""
    if "error" in result:
        return {"error": result["error"]}
    if result["ok"]:
        request = dict(result["request"], headers=[list(h) for h in result["request"]["headers"].items()])
        return {"request": request}
    return {"invalid": {"errors": result["errors"], "warnings": result["warnings"]}}


def attempt(call: Callable[[], Any], shape: Callable[[Any], Dict[str, Any]]) -> Dict[str, Any]:
    try:
        return shape(call())
    except regplan.ValidationError as error:
        return {"invalid": {"errors": error.errors(), "warnings": error.warnings()}}
    except Exception as error:  # noqa: BLE001 - any other exception is the answer
        return failure(error)


def answer(file: str, case: Dict[str, Any], options: Any) -> Dict[str, Any]:
    op, data = case["op"], case["input"]
    # A form case (`"form": true` in its options) reads every value as a form means it.
    form = isinstance(options, dict) and options.get("form") is True
    out: Dict[str, Any] = {"file": file, "name": case["name"]}
    out["validate"] = attempt(lambda: regplan.validate(op, data, form=form), lambda report: report)
    checks = []
    for check in case.get("field_checks", []):
        whole = data if check.get("with_input") else None
        try:
            report = regplan.validate_field(op, check["field"], check["value"], form=form, input=whole)
            checks.append({"report": report})
        except Exception as error:  # noqa: BLE001 - any exception is the answer
            checks.append(failure(error))
    out["field_checks"] = checks
    if not (isinstance(options, dict) and set(options) <= PLAN_KEYWORDS):
        out["plan"] = attempt(lambda: regplan.plan_json(op, data, options), from_json_surface)
        return out

    def plan() -> "regplan.Request":
        return regplan.plan(op, data, **options)

    out["plan"] = attempt(plan, lambda request: {"request": request_of(request)})

    def masked(request: "regplan.Request") -> Dict[str, Any]:
        shown = request.to_dict()
        return {
            "request": request_of(request),
            "masked": {"headers": [list(h) for h in shown["headers"].items()], "body": shown["body"], "curl": request.to_curl()},
            "renderings": [json.dumps(shown, ensure_ascii=False), request.to_curl(), repr(request), str(request)],
        }

    out["plan_masked"] = attempt(plan, masked)
    fields = []
    for name, value in (data.items() if isinstance(data, dict) else []):
        try:
            fields.append({"field": name, "report": regplan.validate_field(op, name, value, form=form)})
        except Exception as error:  # noqa: BLE001
            fields.append({"field": name, **failure(error)})
    out["fields"] = fields
    return out


def main(out_path: str) -> None:
    lines = []
    for path in sorted(VECTORS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            lines.append(json.dumps(answer(path.stem, case, case.get("options", doc.get("options", {}))), ensure_ascii=False))
    target = pathlib.Path(out_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} vector answers (python) written to {target}")


if __name__ == "__main__":
    main(sys.argv[1])
