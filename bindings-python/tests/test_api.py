"""The Python surface: exceptions, Request, timestamps, validate_many."""

from __future__ import annotations

import datetime
import json
import os
import pathlib
import pickle
import threading
import time

import pytest

import regplan
from conftest import BINDING

OP = "gcore.registries.create"
GOOD = {"project_id": 1, "region_id": 76, "name": "reg-home1"}
KEY = {"type": "api_key", "api_key": "s3cr3t-key"}
NCLOUD = "ncloud.registries.create"
NCLOUD_INPUT = {"registry": "myreg", "bucket": "my-bucket"}
NCLOUD_KEY = {"type": "access_key", "access_key": "AK", "secret_key": "SK-secret"}


def test_installed_wheel_is_what_runs() -> None:
    if os.environ.get("REGPLAN_TEST_INSTALLED") == "1":
        location = pathlib.Path(regplan.__file__).resolve()
        assert "site-packages" in location.parts, location
        assert BINDING not in location.parents, location


def test_public_names() -> None:
    assert regplan.__version__
    native = regplan._regplan  # type: ignore[attr-defined]
    exported = [n for n in regplan.__all__ if hasattr(native, n)]
    assert "plan" in exported and "ValidationError" in exported
    for name in exported:
        assert getattr(regplan, name) is getattr(native, name)


def test_operations_and_schema() -> None:
    ops = regplan.operations()
    ids = [op["id"] for op in ops]
    assert OP in ids and len(ids) == len(set(ids))
    schema = regplan.schema(OP)
    assert schema["type"] == "object"
    assert "name" in schema["properties"]
    with pytest.raises(regplan.UsageError) as raised:
        regplan.schema("gcore.registries.craete")
    assert raised.value.code == "unknown_operation"
    assert "gcore.registries.create" in str(raised.value)  # the suggestion


def test_schema_is_form_ready_in_both_drafts() -> None:
    latest = regplan.schema(OP)
    old = regplan.schema(OP, draft="draft-07")
    assert latest["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert old["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert latest["properties"]["project_id"]["title"] == "Project ID"
    assert latest["properties"]["name"]["x-source"].startswith("seeds/")
    user = regplan.schema("gcore.users.create")["properties"]["secret"]
    assert (user["format"], user["writeOnly"]) == ("password", True)
    with pytest.raises(regplan.UsageError) as raised:
        regplan.schema(OP, draft="draft-04")
    assert raised.value.code == "invalid_option"


def test_codes_are_the_core_codes() -> None:
    codes = regplan.codes()
    assert "required" in codes and "docker_hub_rate_limit" in codes
    assert len(codes) == len(set(codes))


def test_validate_report_shape() -> None:
    report = regplan.validate(OP, {"project_id": 0, "region_id": 76, "name": "1-Bad_"})
    assert report["valid"] is False
    assert [(e["code"], e["path"]) for e in report["errors"]][:2] == [("out_of_range", "/project_id"), ("pattern", "/name")]
    assert set(report["errors"][0]) == {"code", "path", "message", "params"}
    assert report["errors"][0]["params"] == {"min": 1}
    assert report == regplan.validate_json(OP, {"project_id": 0, "region_id": 76, "name": "1-Bad_"})


def test_validate_field() -> None:
    assert regplan.validate_field(OP, "name", "reg-home1")["valid"]
    assert regplan.validate_field(OP, "name", "-x")["errors"][0]["path"] == "/name"
    with pytest.raises(regplan.UsageError) as raised:
        regplan.validate_field(OP, "nmae", "x")
    assert raised.value.code == "unknown_field_name"
    with pytest.raises(regplan.UsageError) as raised:
        regplan.validate_field("nope", "name", "x")
    assert raised.value.code == "unknown_operation"


def test_unknown_operation() -> None:
    for call in (
        lambda: regplan.validate("nope", {}),
        lambda: regplan.plan("nope", {}, credentials=KEY),
        lambda: regplan.validate_many("nope", [{}]),
    ):
        with pytest.raises(regplan.UsageError) as raised:
            call()
        assert raised.value.code == "unknown_operation"
        assert not isinstance(raised.value, regplan.ValidationError)
    assert regplan.validate_json("nope", {})["error"]["code"] == "unknown_operation"
    assert regplan.plan_json("nope", {})["error"]["code"] == "unknown_operation"


def test_validation_error() -> None:
    with pytest.raises(ValueError) as raised:
        regplan.plan(OP, {"project_id": 1, "region_id": 76, "name": "-bad", "extra": 1}, credentials=KEY)
    error = raised.value
    assert isinstance(error, regplan.ValidationError) and isinstance(error, regplan.RegplanError)
    assert error.code == "invalid_input"
    errors = error.errors()
    assert [(e["code"], e["path"]) for e in errors] == [("pattern", "/name"), ("unknown_field", "/extra")]
    assert error.warnings() == []
    assert error.error_count() == 2
    errors.clear()  # a copy: the exception keeps its list
    assert error.error_count() == 2 and len(error.errors()) == 2
    assert "/name" in str(error)


def test_exceptions_pickle() -> None:
    with pytest.raises(regplan.ValidationError) as raised:
        regplan.plan(OP, {}, credentials=KEY)
    again = pickle.loads(pickle.dumps(raised.value))
    assert type(again) is regplan.ValidationError and again.errors() == raised.value.errors()
    with pytest.raises(regplan.UsageError) as usage:
        regplan.plan(OP, GOOD)
    again_usage = pickle.loads(pickle.dumps(usage.value))
    assert again_usage.code == "missing_credentials" and str(again_usage) == str(usage.value)
    with pytest.raises(regplan.UnsupportedValueError) as unsupported:
        regplan.validate(OP, {"name": {1}})
    again_unsupported = pickle.loads(pickle.dumps(unsupported.value))
    assert again_unsupported.path == "/name" and again_unsupported.code == "unsupported_value"


@pytest.mark.parametrize(
    "credentials,code",
    [
        (None, "missing_credentials"),
        ({"type": "token", "token": "t"}, "wrong_credentials"),
        ({"type": "api_key", "api_key": "a b"}, "invalid_credentials"),
        ({"type": "api_key"}, "invalid_option"),
        ({"type": "password", "password": "x"}, "invalid_option"),
        ("s3cr3t-key", "invalid_option"),
    ],
)
def test_misuse_codes(credentials: object, code: str) -> None:
    with pytest.raises(regplan.UsageError) as raised:
        regplan.plan(OP, GOOD, credentials=credentials)  # type: ignore[arg-type]
    assert raised.value.code == code
    assert "s3cr3t-key" not in str(raised.value)


def test_bad_base_url_and_option_types() -> None:
    with pytest.raises(regplan.UsageError) as raised:
        regplan.plan(OP, GOOD, credentials=KEY, base_url="ftp://x")
    assert raised.value.code == "invalid_option"
    with pytest.raises(regplan.UsageError) as raised:
        regplan.plan(OP, GOOD, credentials=KEY, base_url=5)  # type: ignore[arg-type]
    assert raised.value.code == "invalid_option"
    request = regplan.plan(OP, GOOD, credentials=KEY, base_url="http://127.0.0.1:8080/")
    assert request.url == "http://127.0.0.1:8080/cloud/v1/registries/1/76"


def test_request_object() -> None:
    request = regplan.plan(OP, GOOD, credentials=KEY)
    assert isinstance(request, regplan.Request)
    assert request.method == "POST"
    assert request.url == "https://api.gcore.com/cloud/v1/registries/1/76"
    assert list(request.headers.items()) == [
        ("Accept", "application/json"),
        ("Authorization", "APIKey s3cr3t-key"),
        ("Content-Type", "application/json"),
    ]
    assert request.body == b'{"name":"reg-home1","storage_limit":5}'
    assert request.json() == {"name": "reg-home1", "storage_limit": 5}
    assert request.defaults_applied == ["/storage_limit"]
    assert request.warnings == []
    assert "APIKey ***" in request.to_curl()
    assert "s3cr3t-key" not in request.to_curl()
    assert "APIKey s3cr3t-key" in request.to_curl(reveal_secrets=True)
    assert request.to_dict()["headers"]["Authorization"] == "APIKey ***"
    assert request.to_dict(reveal_secrets=True)["headers"]["Authorization"] == "APIKey s3cr3t-key"
    # headers is a fresh dict: changing it does not change the request
    request.headers["Authorization"] = "x"
    assert request.headers["Authorization"] == "APIKey s3cr3t-key"
    with pytest.raises(AttributeError):
        request.url = "https://evil.example"  # type: ignore[misc]


def test_repr_masks_secrets() -> None:
    request = regplan.plan(OP, GOOD, credentials=KEY)
    text = repr(request)
    assert "Authorization': 'APIKey ***'" in text
    assert "s3cr3t-key" not in text and "s3cr3t-key" not in str(request)
    assert text.startswith("Request(method='POST', url='https://api.gcore.com/cloud/v1/registries/1/76'")
    # secret body members are masked too
    user = regplan.plan(
        "gcore.users.create",
        {"project_id": 1, "region_id": 76, "registry_id": 5, "name": "alice", "duration": 30, "secret": "Pa55word-x"},
        credentials=KEY,
    )
    assert b"Pa55word-x" in (user.body or b"")
    assert "Pa55word-x" not in repr(user)
    assert "Pa55word-x" not in user.to_curl() and "Pa55word-x" not in json.dumps(user.to_dict())
    # Qovery: the token and every secret config member
    qovery = regplan.plan(
        "qovery.container_registries.create",
        {
            "organizationId": "0b6a2a5e-6c2e-4c3c-9d0f-0a1b2c3d4e5f",
            "name": "ecr",
            "kind": "ECR",
            "url": "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
            "config": {"region": "eu-west-3", "access_key_id": "AKIAEXAMPLE", "secret_access_key": "wJalrSECRET"},
        },
        credentials={"type": "token", "token": "qov_t0ken"},
    )
    for secret in ("qov_t0ken", "wJalrSECRET"):
        assert secret not in repr(qovery) and secret not in qovery.to_curl()
    assert "Token ***" in repr(qovery)


def test_request_without_body() -> None:
    request = regplan.plan("gcore.registries.get", {"project_id": 1, "region_id": 76, "registry_id": 3}, credentials=KEY)
    assert request.method == "GET" and request.body is None and request.json() is None
    assert repr(request).endswith("body=None)")


def _ncloud_timestamp(request: regplan.Request) -> int:
    return int(request.headers["x-ncp-apigw-timestamp"])


def test_timestamp_forms() -> None:
    def at(ts: object) -> int:
        return _ncloud_timestamp(regplan.plan(NCLOUD, NCLOUD_INPUT, credentials=NCLOUD_KEY, timestamp=ts))  # type: ignore[arg-type]

    ms = 1795342500000
    utc = datetime.datetime(2026, 11, 22, 10, 15, tzinfo=datetime.timezone.utc)
    assert at(ms) == ms
    assert at("2026-11-22T10:15:00Z") == ms
    assert at(utc) == ms
    plus_one = datetime.timezone(datetime.timedelta(hours=1))
    assert at(datetime.datetime(2026, 11, 22, 11, 15, 0, 250999, tzinfo=plus_one)) == ms + 250
    for bad in ("yesterday", datetime.datetime(2026, 11, 22, 10, 15), True, 1.5, 10**20):
        with pytest.raises(regplan.UsageError) as raised:
            at(bad)
        assert raised.value.code == "invalid_option", bad


def test_timestamp_defaults_to_now() -> None:
    before = int(time.time() * 1000)
    request = regplan.plan(NCLOUD, NCLOUD_INPUT, credentials=NCLOUD_KEY)
    after = int(time.time() * 1000)
    assert before <= _ncloud_timestamp(request) <= after
    # Huawei too: X-Sdk-Date is this minute
    huawei = regplan.plan(
        "huawei_swr.namespaces.create",
        {"region": "cn-north-4", "namespace": "team"},
        credentials={"type": "access_key", "access_key": "AK", "secret_key": "SK"},
    )
    now = datetime.datetime.now(datetime.timezone.utc)
    sent = datetime.datetime.strptime(huawei.headers["X-Sdk-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.timezone.utc)
    assert abs((now - sent).total_seconds()) < 60
    # The JSON surface reads no clock.
    assert regplan.plan_json(NCLOUD, NCLOUD_INPUT, {"credentials": NCLOUD_KEY})["error"]["code"] == "missing_timestamp"


def test_plan_json_request_is_real_and_curl_masked() -> None:
    planned = regplan.plan_json(OP, GOOD, {"credentials": KEY})
    assert planned["ok"] is True
    assert list(planned) == ["ok", "request", "curl"]
    # The request is what gets sent: real values. Only the curl rendering masks.
    assert planned["request"]["headers"]["Authorization"] == "APIKey s3cr3t-key"
    assert "APIKey ***" in planned["curl"] and "s3cr3t-key" not in planned["curl"]
    revealed = regplan.plan_json(OP, GOOD, {"credentials": KEY, "reveal_secrets": True})
    assert "APIKey s3cr3t-key" in revealed["curl"]
    assert revealed["request"] == planned["request"]
    invalid = regplan.plan_json(OP, {}, {"credentials": KEY})
    assert invalid["ok"] is False and invalid["errors"][0]["code"] == "required"
    assert regplan.plan_json(OP, GOOD, {"credentials": KEY, "colour": 1})["error"]["code"] == "invalid_option"


def test_validate_many() -> None:
    inputs = [GOOD, {"project_id": 0, "region_id": 76, "name": "x"}, {}, {**GOOD, "storage_limit": True}]
    reports = regplan.validate_many(OP, inputs)
    assert reports == [regplan.validate(OP, i) for i in inputs]
    assert regplan.validate_many(OP, []) == []
    # Values the rules never read are never read, as in `validate`.
    odd = [{**GOOD, "extra": float("nan")}, [GOOD], {**GOOD, "name": [float("nan")]}]
    assert regplan.validate_many(OP, odd) == [regplan.validate(OP, i) for i in odd]


def test_validate_many_reports_the_index_of_a_bad_input() -> None:
    with pytest.raises(regplan.UnsupportedValueError) as raised:
        regplan.validate_many(OP, [GOOD, GOOD, {**GOOD, "name": float("nan")}])
    assert raised.value.path == "/2/name"
    assert str(raised.value) == "unsupported value at /2/name: NaN and infinity are not JSON numbers"
    with pytest.raises(regplan.UnsupportedValueError) as raised:
        regplan.validate_many(OP, [{**GOOD, 1: 2}])
    assert raised.value.path == "/0"


@pytest.mark.parametrize(
    "inputs,got",
    [({"a": 1}, "an object"), ("abc", "a string"), (5, "a number"), (None, "null"), ((GOOD,), "a value without JSON form")],
)
def test_validate_many_wants_a_list(inputs: object, got: str) -> None:
    with pytest.raises(regplan.UsageError) as raised:
        regplan.validate_many(OP, inputs)  # type: ignore[arg-type]
    assert raised.value.code == "invalid_argument"
    assert str(raised.value) == f"`inputs` must be an array of inputs, not {got}"


def test_validate_many_from_threads() -> None:
    # Threads calling at once each get the right answers.
    inputs = [{**GOOD, "name": f"reg-{i}"} for i in range(2000)] + [{"name": "-"}] * 10
    expected = regplan.validate_many(OP, inputs)
    results: list = [None] * 8

    def work(slot: int) -> None:
        results[slot] = regplan.validate_many(OP, inputs)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results)
    assert sum(1 for r in expected if not r["valid"]) == 10


def test_validate_field_takes_a_json_pointer() -> None:
    qovery = "qovery.container_registries.create"
    report = regplan.validate_field(qovery, "/config/region", "")
    assert [(e["code"], e["path"]) for e in report["errors"]] == [("too_short", "/config/region")]
    assert regplan.validate_field(qovery, "/config/region", "eu-west-3")["valid"] is True
    with pytest.raises(regplan.UsageError) as raised:
        regplan.validate_field(qovery, "/config/nope", "x")
    assert raised.value.code == "unknown_field_name"
