"""Secrets never leak: sentinel strings as every secret (credentials and the
secret input fields), through every rendering and every error path. A
planned request carries the real values (it is what gets sent); `repr()`,
`str()`, `to_curl()` and `to_dict()` mask them unless revealing is asked for."""

from __future__ import annotations

import json
import pickle
import traceback
from typing import Any, Callable, Dict, List

import pytest

import regplan

SENTINEL = "SENTINEL-9f3a"
GCORE_KEY = {"type": "api_key", "api_key": f"{SENTINEL}-key"}
QOVERY_TOKEN = {"type": "token", "token": f"{SENTINEL}-token"}
QOVERY = "qovery.container_registries.create"
ORG = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

# (operation, valid input with sentinel secrets, credentials)
SECRET_INPUTS: List[Any] = [
    (
        "gcore.users.create",
        {"project_id": 1, "region_id": 76, "registry_id": 5, "name": "alice", "duration": 30, "secret": f"{SENTINEL}-Aa1"},
        GCORE_KEY,
    ),
    (
        "gcore.users.create_multiple",
        {"project_id": 1, "region_id": 76, "registry_id": 5, "users": [{"name": "bob", "duration": 30, "secret": f"{SENTINEL}-Bb2"}]},
        GCORE_KEY,
    ),
    (
        QOVERY,
        {
            "organizationId": ORG,
            "name": "ecr",
            "kind": "ECR",
            "url": "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
            "config": {"region": "eu-west-3", "access_key_id": "AKIAEXAMPLE", "secret_access_key": f"{SENTINEL}-sak"},
        },
        QOVERY_TOKEN,
    ),
    (
        QOVERY,
        {
            "organizationId": ORG,
            "name": "hub",
            "kind": "DOCKER_HUB",
            "url": "https://docker.io",
            "config": {"username": "me", "password": f"{SENTINEL}-pw"},
        },
        QOVERY_TOKEN,
    ),
    (
        QOVERY,
        {
            "organizationId": ORG,
            "name": "gcp",
            "kind": "GCP_ARTIFACT_REGISTRY",
            "url": "https://europe-west1-docker.pkg.dev",
            "config": {"region": "europe-west1", "json_credentials": json.dumps({"type": "service_account", "private_key": SENTINEL})},
        },
        QOVERY_TOKEN,
    ),
]


def _renderings(value: Any) -> Dict[str, str]:
    return {"str": str(value), "repr": repr(value)}


def _assert_absent(what: str, text: str) -> None:
    assert SENTINEL not in text, f"{SENTINEL} leaked into {what}: {text}"


@pytest.mark.parametrize("op,data,credentials", SECRET_INPUTS)
def test_request_is_real_and_every_rendering_masks(op: str, data: Dict[str, Any], credentials: Dict[str, str]) -> None:
    assert regplan.validate(op, data)["valid"], regplan.validate(op, data)
    request = regplan.plan(op, data, credentials=credentials)
    # What gets sent holds the real secrets.
    sent = json.dumps(request.headers) + (request.body or b"").decode("utf-8")
    assert SENTINEL in sent
    for what, text in {
        **_renderings(request),
        "to_curl()": request.to_curl(),
        "to_dict()": json.dumps(request.to_dict(), ensure_ascii=False),
        "warnings": json.dumps(request.warnings),
    }.items():
        _assert_absent(what, text)
    assert SENTINEL in request.to_curl(reveal_secrets=True)
    assert SENTINEL in json.dumps(request.to_dict(reveal_secrets=True), ensure_ascii=False)
    planned = regplan.plan_json(op, data, {"credentials": credentials})
    assert SENTINEL in json.dumps(planned["request"]) and SENTINEL not in planned["curl"]


def _errors_of(call: Callable[[], Any]) -> List[str]:
    """Every text an exception of `call` shows: str, repr, args, traceback, pickle."""
    try:
        call()
    except regplan.RegplanError as e:
        texts = [str(e), repr(e), repr(e.args), "".join(traceback.format_exception(e)), repr(pickle.loads(pickle.dumps(e)))]
        if isinstance(e, regplan.ValidationError):
            texts.append(json.dumps(e.errors()) + json.dumps(e.warnings()))
        return texts
    result = call()
    # Accepted (a key with a quote is a valid key): its renderings must mask.
    return [repr(result), str(result), result.to_curl()] if isinstance(result, regplan.Request) else [repr(result)]


BAD_CREDENTIALS: List[Any] = [
    SENTINEL,
    f'"{SENTINEL}"',
    [SENTINEL],
    {"type": "api_key", "api_key": 12345678},
    {"type": "api_key", "api_key": [SENTINEL]},
    {"type": "api_key", "api_key": f'{SENTINEL}"quoted'},
    {"type": "api_key", "api_key": f"{SENTINEL}\r\nX-Evil: 1"},
    {"type": "api_key", "api_key": f"{SENTINEL}", SENTINEL: 1},
    {"type": SENTINEL},
    {"type": "api_key", SENTINEL: f"{SENTINEL}"},
    {"type": "api_key", "api_key": {SENTINEL: SENTINEL}},
    {"type": "api_key", "api_key": float("nan"), "x": SENTINEL},
    {"type": "api_key", "api_key": SENTINEL.encode()},
    {"type": "token", "token": SENTINEL},
]


@pytest.mark.parametrize("credentials", BAD_CREDENTIALS)
def test_bad_credentials_never_echo(credentials: Any) -> None:
    data = {"project_id": 1, "region_id": 76, "name": "reg-home1"}
    for text in _errors_of(lambda: regplan.plan("gcore.registries.create", data, credentials=credentials)):
        _assert_absent("a credentials error", text)
    answer = regplan.plan_json("gcore.registries.create", data, {"credentials": credentials})
    # An accepted credential is sent for real; only the curl rendering shows it masked.
    shown = answer["curl"] if answer.get("ok") else json.dumps(answer, ensure_ascii=False, default=repr)
    _assert_absent("plan_json", shown)


@pytest.mark.parametrize(
    "options",
    [
        {"base_url": [SENTINEL]},
        {"base_url": f"ftp://{SENTINEL}"},
        {"timestamp": SENTINEL},
        {"reveal_secrets": SENTINEL},
        {SENTINEL: 1},
        {"credentials": GCORE_KEY, "colour": SENTINEL},
    ],
)
def test_bad_options_never_echo(options: Dict[str, Any]) -> None:
    data = {"project_id": 1, "region_id": 76, "name": "reg-home1"}
    answer = regplan.plan_json("gcore.registries.create", data, options)
    assert answer["error"]["code"] == "invalid_option", answer
    _assert_absent("plan_json options error", json.dumps(answer, ensure_ascii=False))
    keywords = {k: v for k, v in options.items() if k in ("base_url", "timestamp")}
    if keywords:
        for text in _errors_of(lambda: regplan.plan("gcore.registries.create", data, credentials=GCORE_KEY, **keywords)):
            _assert_absent("an options error", text)


@pytest.mark.parametrize("op,data,credentials", SECRET_INPUTS)
def test_invalid_inputs_never_echo_secrets(op: str, data: Dict[str, Any], credentials: Dict[str, str]) -> None:
    def spoil(value: Any) -> Any:
        # Every secret made invalid in a different way, with the sentinel kept.
        if isinstance(value, dict):
            return {k: spoil(v) for k, v in value.items()}
        if isinstance(value, list):
            return [spoil(v) for v in value]
        if isinstance(value, str) and SENTINEL in value:
            return value + "\x00" + "x" * 5000
        return value

    bad = spoil(data)
    bad[f"{SENTINEL}-unknown"] = SENTINEL
    report = regplan.validate(op, bad)
    assert not report["valid"]
    _assert_absent("a report", json.dumps([{k: v for k, v in e.items() if k != "path"} for e in report["errors"]]))
    for text in _errors_of(lambda: regplan.plan(op, bad, credentials=credentials)):
        # The one place a key may appear is the path of an unknown field.
        _assert_absent("a ValidationError", text.replace(f"/{SENTINEL}-unknown", "/<unknown>"))
