"""The shapes of regplan's data, for type checkers and at run time.

One `TypedDict` per operation input (Qovery's is a union discriminated by
`kind`), the issue codes with each code's `params`, and the credential types.
`tests/test_stubs.py` keeps the code lists equal to `codes()`.
"""

import datetime
from typing import Any, Dict, List, Literal, Sequence, TypedDict, Union

# @GENERATED@

class Report(TypedDict):
    """Everything wrong with one input: `valid` is true when `errors` is empty."""

    valid: bool
    errors: List[Issue]
    warnings: List[Issue]


class Source(TypedDict):
    """Where a rule is documented."""

    document: str
    location: str


class _FieldInfoRequired(TypedDict):
    name: str
    type: Dict[str, Any]
    required: bool
    secret: bool
    description: str
    source: Source


class FieldInfo(_FieldInfoRequired, total=False):
    """One input field as `operations()` lists it; `in` (a keyword here) is
    `"path"`, `"endpoint"`, `"query"` or `"body"`; `type` holds `name` and the constraints."""

    default: Union[int, str]


class ProviderInfo(TypedDict):
    """Who serves an operation."""

    id: Literal["gcore", "qovery", "ncloud", "huawei_swr"]
    name: str
    base_url: str
    auth: Literal["gcore_api_key", "qovery_token", "ncp_signature_v2", "huawei_ak_sk"]
    credential_env: str


class OperationInfo(TypedDict):
    """One operation as `operations()` lists it."""

    id: OperationId
    provider: ProviderInfo
    summary: str
    method: Literal["GET", "POST", "PATCH", "DELETE"]
    path: str
    accept: str
    fields: List[FieldInfo]
    source: Source


_JsonSchemaRequired = TypedDict(
    "_JsonSchemaRequired",
    {
        "$schema": str,
        "$id": str,
        "title": str,
        "description": str,
        "type": Literal["object"],
        "properties": Dict[str, Dict[str, Any]],
        "required": List[str],
        "additionalProperties": bool,
    },
)


class JsonSchema(_JsonSchemaRequired, total=False):
    """`schema(op)`: the JSON Schema (draft 2020-12) of an operation's input;
    the root's `if`/`then`/`else` chain holds the rules that relate fields
    (Qovery's per-kind rules)."""

    allOf: List[Any]


Timestamp = Union[datetime.datetime, int, str]
"""An aware `datetime`, epoch milliseconds, or RFC 3339."""
