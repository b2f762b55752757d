"""Misuses the typings must catch: `mypy --strict` (which warns about unused
ignores) checks this file in bindings-python/test.sh, so each
`# type: ignore[<code>]` below must stay an error or the build fails.
Correct uses sit next to them. Never run: it only has to type-check."""

from __future__ import annotations

import regplan
from regplan import (
    GcoreRegistriesCreateInput,
    QoveryContainerRegistriesCreateDockerHubInput,
    QoveryContainerRegistriesCreateInput,
    Report,
)

GOOD: GcoreRegistriesCreateInput = {"project_id": 1, "region_id": 76, "name": "reg-home1"}


def misuses() -> None:
    # A misspelt operation id.
    regplan.validate("gcore.registries.craete", GOOD)  # type: ignore[call-overload]
    # A misspelt field.
    regplan.validate("gcore.registries.create", {"project_id": 1, "region_id": 76, "nmae": "x"})  # type: ignore[call-overload]
    # A value of the wrong type (an integer field given a string).
    regplan.validate("gcore.registries.create", {"project_id": "1", "region_id": 76, "name": "x"})  # type: ignore[call-overload]
    # A field of another operation (Qovery's organizationId).
    regplan.validate("gcore.registries.create", {**GOOD, "organizationId": "o"})  # type: ignore[call-overload]
    # validate_field with a field the operation does not have.
    regplan.validate_field("gcore.registries.create", "nmae", "x")  # type: ignore[call-overload]
    # Qovery token credentials for a Gcore operation.
    regplan.plan("gcore.registries.create", GOOD, credentials={"type": "token", "token": "t"})  # type: ignore[call-overload]
    # Gcore credentials for a Huawei operation.
    regplan.plan(
        "huawei_swr.namespaces.create",
        {"region": "cn-north-4", "namespace": "group1"},
        credentials={"type": "api_key", "api_key": "k"},  # type: ignore[call-overload]
    )
    # A config key of another Qovery kind (ECR's role_arn for DOCKER_HUB).
    docker_hub: QoveryContainerRegistriesCreateDockerHubInput = {
        "organizationId": "o",
        "name": "n",
        "kind": "DOCKER_HUB",
        "config": {"role_arn": "r"},  # type: ignore[typeddict-unknown-key]
    }
    # Reading the request's body as text: it is bytes (or None).
    text: str = regplan.plan("gcore.registries.create", GOOD, credentials={"type": "api_key", "api_key": "k"}).body  # type: ignore[assignment]
    # A report is a dict, not a list.
    regplan.validate("gcore.registries.create", GOOD).append(1)  # type: ignore[attr-defined]
    # A misspelt issue code.
    for issue in regplan.validate("gcore.registries.create", GOOD)["errors"]:
        if issue["code"] == "too_lnog":  # type: ignore[comparison-overlap]
            pass
    # A JSON Pointer the operation does not have.
    regplan.validate_field("qovery.container_registries.create", "/config/regoin", "x")  # type: ignore[call-overload]
    # A pointer of another operation's field.
    regplan.validate_field("gcore.registries.create", "/config/region", "x")  # type: ignore[call-overload]
    # Text for an integer field without form=True.
    regplan.validate("gcore.registries.create", {"project_id": "1", "region_id": 76, "name": "x"}, form=False)  # type: ignore[call-overload]
    # form is a keyword-only option.
    regplan.validate("gcore.registries.create", GOOD, True)  # type: ignore[call-overload]
    # validate takes no whole input (only validate_field does).
    regplan.validate("gcore.registries.create", GOOD, input=GOOD)  # type: ignore[call-overload]
    # The whole input of validate_field is a mapping.
    regplan.validate_field("gcore.registries.create", "name", "reg", input=["x"])  # type: ignore[call-overload]
    void = (docker_hub, text)
    del void


def correct_uses() -> None:
    report: Report = regplan.validate("gcore.registries.create", GOOD)
    # Forms: raw text under form=True, fields by JSON Pointer, the whole current input.
    form_values = {"project_id": "1", "region_id": " 76 ", "name": "reg-home1", "storage_limit": ""}
    regplan.validate("gcore.registries.create", form_values, form=True)
    regplan.validate_many("gcore.registries.create", [form_values], form=True)
    regplan.plan("gcore.registries.create", form_values, credentials={"type": "api_key", "api_key": "k"}, form=True)
    regplan.validate_field("qovery.container_registries.create", "/config/region", "", form=True, input={"kind": "ECR"})
    regplan.validate_field("gcore.registries.create", "/project_id", " 7 ", form=True)
    regplan.validate_field("gcore.registries.create", "name", "reg")
    regplan.validate_many("gcore.registries.create", [GOOD, {**GOOD, "name": "other"}])
    ecr: QoveryContainerRegistriesCreateInput = {
        "organizationId": "o",
        "name": "n",
        "kind": "ECR",
        "url": "https://1.dkr.ecr.eu-west-3.amazonaws.com",
        "config": {"region": "eu-west-3", "role_arn": "arn:aws:iam::1:role/r"},
    }
    regplan.validate("qovery.container_registries.create", ecr)
    regplan.plan("qovery.container_registries.create", ecr, credentials={"type": "bearer", "token": "jwt"})
    # Issues narrow on `code`; their params are typed per code.
    for issue in report["errors"]:
        if issue["code"] == "too_long":
            limit: int = issue["params"]["max"]
            del limit
