"""Credentials from the environment, only when asked (regplan.credentials_from_env),
and str(ValidationError) listing every error."""

from __future__ import annotations

import os
import pickle

import pytest

import regplan

HUAWEI_ENV = {
    "HUAWEICLOUD_SDK_AK": "AK-1",
    "HUAWEICLOUD_SDK_SK": "SK-secret",
    "HUAWEICLOUD_SDK_PROJECT_ID": "p-1",
    "HUAWEICLOUD_SDK_IAM_TOKEN": "tok-secret",
}


def test_the_variables_the_cli_reads() -> None:
    assert regplan.credentials_from_env("gcore", {"GCORE_API_KEY": "k3y"}) == {"type": "api_key", "api_key": "k3y"}
    assert regplan.credentials_from_env("qovery.container_registries.create", {"QOVERY_API_TOKEN": "t"}) == {
        "type": "token",
        "token": "t",
    }
    assert regplan.credentials_from_env("ncloud", {"NCLOUD_ACCESS_KEY": "a", "NCLOUD_SECRET_KEY": "s"}) == {
        "type": "access_key",
        "access_key": "a",
        "secret_key": "s",
    }
    # AK/SK first (the table's order), the project id with it; the token alone otherwise.
    assert regplan.credentials_from_env("huawei_swr", HUAWEI_ENV) == {
        "type": "access_key",
        "access_key": "AK-1",
        "secret_key": "SK-secret",
        "project_id": "p-1",
    }
    token_only = {"HUAWEICLOUD_SDK_IAM_TOKEN": "tok-secret"}
    assert regplan.credentials_from_env("huawei_swr", token_only) == {"type": "iam_token", "token": "tok-secret"}


def test_nothing_set_is_none_and_empty_counts_as_unset() -> None:
    assert regplan.credentials_from_env("gcore", {}) is None
    assert regplan.credentials_from_env("gcore", {"GCORE_API_KEY": ""}) is None
    assert regplan.credentials_from_env("ncloud", {"NCLOUD_ACCESS_KEY": "a"}) is None


def test_default_is_os_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GCORE_API_KEY", "from-os-environ")
    assert regplan.credentials_from_env("gcore") == {"type": "api_key", "api_key": "from-os-environ"}
    monkeypatch.delenv("GCORE_API_KEY")
    assert "GCORE_API_KEY" not in os.environ
    assert regplan.credentials_from_env("gcore") is None


def test_plan_takes_them_and_never_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GCORE_API_KEY", "k3y")
    good = {"project_id": 1, "region_id": 76, "name": "reg-home1"}
    with pytest.raises(regplan.UsageError) as raised:
        regplan.plan("gcore.registries.create", good)
    assert raised.value.code == "missing_credentials"
    request = regplan.plan("gcore.registries.create", good, credentials=regplan.credentials_from_env("gcore"))
    assert request.headers["Authorization"] == "APIKey k3y"


def test_secrets_are_masked_in_repr() -> None:
    found = regplan.credentials_from_env("huawei_swr", HUAWEI_ENV)
    assert isinstance(found, regplan.EnvCredentials)
    expected = "EnvCredentials({'type': 'access_key', 'access_key': 'AK-1', 'secret_key': '***', 'project_id': 'p-1'})"
    assert repr(found) == expected
    assert str(found) == expected
    assert "SK-secret" not in repr(found) and "SK-secret" not in f"{found}"


def test_unknown_id_is_a_usage_error() -> None:
    with pytest.raises(regplan.UsageError) as raised:
        regplan.credentials_from_env("gcor", {})
    assert raised.value.code == "unknown_operation"
    assert str(raised.value) == "unknown operation `gcor`; did you mean `gcore`?"


def test_str_of_validation_error_lists_every_error() -> None:
    bad = {"project_id": 0, "region_id": 76, "name": "1-Bad_"}
    with pytest.raises(regplan.ValidationError) as raised:
        regplan.plan("gcore.registries.create", bad, credentials={"type": "api_key", "api_key": "k3y"})
    assert str(raised.value) == (
        "4 validation errors\n"
        "/project_id\n"
        "  must be at least 1 [code=out_of_range]\n"
        "/name\n"
        "  must start with a lowercase letter [code=pattern]\n"
        "/name\n"
        "  may contain only lowercase letters, digits and hyphens [code=pattern]\n"
        "/name\n"
        "  must end with a lowercase letter or digit [code=pattern]"
    )
    again = pickle.loads(pickle.dumps(raised.value))
    assert str(again) == str(raised.value)
    assert again.args == raised.value.args


def test_str_of_validation_error_escapes_control_characters_in_paths() -> None:
    with pytest.raises(regplan.ValidationError) as raised:
        regplan.plan(
            "gcore.registries.create",
            {"project_id": 1, "region_id": 76, "name": "ok", "x\x1b[2J": 1},
            credentials={"type": "api_key", "api_key": "k3y"},
        )
    assert "\x1b" not in str(raised.value)
    assert "/x\\x1b[2J\n  is not a known field" in str(raised.value)
