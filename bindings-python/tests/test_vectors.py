"""Runs every shared vector in tests/vectors/*.json through the Python API,
with the semantics of core/tests/vectors.rs (format: tests/vectors/README.md)."""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

import pytest

import regplan
from conftest import VECTORS

PLAN_OPTIONS = {"credentials", "base_url", "timestamp"}


def _cases() -> List[Any]:
    files = sorted(VECTORS.glob("*.json"))
    assert files, f"no vector files in {VECTORS}"
    out = []
    for path in files:
        doc = json.loads(path.read_text(encoding="utf-8"))
        defaults = doc.get("options", {})
        for case in doc["cases"]:
            options = case.get("options", defaults)
            out.append(pytest.param(case, options, id=f"{path.name}::{case['name']}"))
    return out


CASES = _cases()


def test_there_are_enough_vectors() -> None:
    assert len(CASES) >= 100


def _matches(actual: Dict[str, Any], expected: Dict[str, Any]) -> bool:
    return all(actual.get(k) == expected[k] for k in ("code", "path", "message", "params") if k in expected)


def _check_issues(what: str, actual: List[Dict[str, Any]], expected: Optional[List[Dict[str, Any]]]) -> None:
    expected = expected or []
    same = len(actual) == len(expected) and all(_matches(a, e) for a, e in zip(actual, expected))
    assert same, f"{what}:\n  expected {expected}\n  actual   {actual}"


def _plan(case: Dict[str, Any], options: Dict[str, Any]) -> regplan.Request:
    return regplan.plan(
        case["op"],
        case["input"],
        credentials=options.get("credentials"),
        base_url=options.get("base_url"),
        timestamp=options.get("timestamp"),
    )


@pytest.mark.parametrize("case,options", CASES)
def test_vector(case: Dict[str, Any], options: Dict[str, Any]) -> None:
    op, data, expect = case["op"], case["input"], case["expect"]

    if "error" in expect:
        code = expect["error"]["code"]
        # The JSON surface takes the options as they are, with no clock.
        json_answer = regplan.plan_json(op, data, options)
        assert json_answer.get("error", {}).get("code") == code, json_answer
        if not set(options) <= PLAN_OPTIONS:
            return
        if code == "missing_timestamp":
            # `plan` reads the clock when no timestamp is given, so the same
            # call succeeds there; the vector's error is checked above.
            assert "timestamp" not in options
            request = _plan(case, options)
            assert request.headers
            return
        with pytest.raises(regplan.UsageError) as raised:
            _plan(case, options)
        assert raised.value.code == code
        assert isinstance(raised.value, regplan.RegplanError)
        return

    report = regplan.validate(op, data)
    assert set(report) == {"valid", "errors", "warnings"}
    assert report["valid"] == (not report["errors"])

    if "request" in expect:
        want = expect["request"]
        _check_issues("validate.errors", report["errors"], [])
        _check_issues("validate.warnings", report["warnings"], want.get("warnings"))
        request = _plan(case, options)
        assert request.method == want["method"]
        assert request.url == want["url"]
        assert [list(h) for h in request.headers.items()] == want["headers"]
        body = want.get("body")
        assert request.body == (body.encode("utf-8") if body is not None else None)
        if body is not None:
            assert request.json() == json.loads(body)
            assert list(request.json()) == list(json.loads(body))  # key order too
        else:
            assert request.json() is None
        assert request.defaults_applied == want.get("defaults_applied", [])
        _check_issues("request.warnings", request.warnings, want.get("warnings"))

        masked = request.to_dict()
        revealed = request.to_dict(reveal_secrets=True)
        assert revealed["headers"] == request.headers
        # The JSON surface gives the same request, with the real values.
        json_answer = regplan.plan_json(op, data, options)
        assert json_answer["ok"] is True
        assert json_answer["request"] == revealed
        assert json_answer["curl"] == request.to_curl()

        if "masked" in expect:
            m = expect["masked"]
            if "headers" in m:
                assert [list(h) for h in masked["headers"].items()] == m["headers"]
            if "body" in m:
                assert masked["body"] == m["body"]
            if "curl" in m:
                assert request.to_curl() == m["curl"]
                assert request.to_curl(reveal_secrets=False) == m["curl"]
            for secret in m.get("secrets_absent", []):
                for rendering, text in (
                    ("json", json.dumps(masked, ensure_ascii=False)),
                    ("curl", request.to_curl()),
                    ("repr", repr(request)),
                    ("str", str(request)),
                ):
                    assert secret not in text, f"secret leaked into the {rendering} rendering"
        return

    _check_issues("validate.errors", report["errors"], expect.get("errors"))
    _check_issues("validate.warnings", report["warnings"], expect.get("warnings"))
    if report["errors"]:
        with pytest.raises(regplan.ValidationError) as raised:
            _plan(case, options)
        error = raised.value
        assert isinstance(error, ValueError)
        assert error.code == "invalid_input"
        assert error.errors() == report["errors"]
        assert error.warnings() == report["warnings"]
        assert error.error_count() == len(report["errors"])
    else:
        # `"errors": []`: a valid input whose request is not spelled out.
        assert isinstance(_plan(case, options), regplan.Request)

    # Field-level validation agrees with whole-input validation.
    if isinstance(data, dict):
        for name, value in data.items():
            try:
                field_report = regplan.validate_field(op, name, value)
            except regplan.UsageError as e:
                assert e.code == "unknown_field_name"
                continue
            for issue in field_report["errors"]:
                assert issue in report["errors"], f"validate_field({name}) reported {issue}, missing from validate"
