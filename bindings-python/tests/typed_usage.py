"""Typed use of the public API; `mypy --strict` checks it against the stubs.
Also runs as a plain script (test.sh runs it after mypy)."""

from __future__ import annotations

import datetime

import regplan
from regplan import Issue, Report, Request


def check_form(name: str) -> list[str]:
    report: Report = regplan.validate_field("gcore.registries.create", "name", name)
    return [f"{e['path']}: {e['message']}" for e in report["errors"]]


def create_registry(api_key: str) -> Request:
    credentials: regplan.ApiKeyCredentials = {"type": "api_key", "api_key": api_key}
    return regplan.plan(
        "gcore.registries.create",
        {"project_id": 1, "region_id": 76, "name": "reg-home1"},
        credentials=credentials,
    )


def sign_naver(now: datetime.datetime) -> dict[str, str]:
    request = regplan.plan(
        "ncloud.registries.create",
        {"registry": "myreg", "bucket": "my-bucket"},
        credentials={"type": "access_key", "access_key": "AK", "secret_key": "SK"},
        timestamp=now,
    )
    return request.headers


def main() -> None:
    report = regplan.validate("gcore.registries.create", {"project_id": 0, "region_id": 76, "name": "x"})
    first: Issue = report["errors"][0]
    code: regplan.Code = first["code"]
    assert code == "out_of_range" and not report["valid"]

    request = create_registry("k3y")
    method: str = request.method
    body: bytes | None = request.body
    assert method == "POST" and body is not None
    assert request.json() == {"name": "reg-home1", "storage_limit": 5}
    curl: str = request.to_curl(reveal_secrets=False)
    assert "***" in curl and "***" in repr(request)
    defaults: list[str] = request.defaults_applied
    assert defaults == ["/storage_limit"]

    try:
        regplan.plan("gcore.registries.create", {}, credentials={"type": "api_key", "api_key": "k"})  # type: ignore[call-overload]  # invalid on purpose: the run-time error is the point
    except regplan.ValidationError as e:
        errors: list[Issue] = e.errors()
        assert errors and e.code == "invalid_input" and e.error_count() == len(errors)
    try:
        regplan.plan("gcore.registries.craete", {})  # type: ignore[call-overload]  # invalid on purpose: the run-time error is the point
    except regplan.UsageError as e:
        error_code: regplan.ErrorCode = e.code
        assert error_code == "unknown_operation"
    try:
        regplan.validate("gcore.registries.create", {"name": {1, 2}})  # type: ignore[call-overload]  # invalid on purpose: the run-time error is the point
    except regplan.UnsupportedValueError as e:
        assert e.path == "/name"

    reports: list[Report] = regplan.validate_many("gcore.registries.create", [{}, {"name": "x"}])  # type: ignore[call-overload]  # invalid on purpose: the run-time error is the point
    assert len(reports) == 2
    assert check_form("-x")
    headers = sign_naver(datetime.datetime(2026, 11, 22, 10, 15, tzinfo=datetime.timezone.utc))
    assert headers["x-ncp-apigw-timestamp"] == "1795342500000"
    ops = [op["id"] for op in regplan.operations()]
    assert "gcore.registries.create" in ops
    assert regplan.schema("gcore.registries.create")["type"] == "object"
    answer = regplan.plan_json("gcore.registries.get", {"project_id": 1, "region_id": 2, "registry_id": 3}, {"credentials": {"type": "api_key", "api_key": "k"}})
    assert answer["ok"] is True


if __name__ == "__main__":
    main()
    print("typed_usage: ok")
