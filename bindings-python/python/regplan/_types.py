"""The shapes of regplan's data, for type checkers and at run time.

`Code` lists every issue code and `ErrorCode` every API error code;
tests/test_stubs.py keeps them equal to `codes()`.
"""

import datetime
from typing import Any, Dict, List, Literal, TypedDict, Union

Code = Literal[
    "required",
    "type",
    "too_short",
    "too_long",
    "pattern",
    "out_of_range",
    "enum",
    "unknown_field",
    "not_https",
    "invalid_url",
    "must_equal",
    "kind_not_supported",
    "forbidden",
    "conflict",
    "invalid_json",
    "too_few_items",
    "too_many_items",
    "control_character",
    "adjacent_separators",
    "too_many_underscores",
    "ip_address",
    "docker_hub_rate_limit",
    "unknown_region",
]
"""Every issue code (`codes()` at run time; a test keeps the two equal)."""

ErrorCode = Literal[
    "unknown_operation",
    "unknown_field_name",
    "invalid_input",
    "missing_credentials",
    "wrong_credentials",
    "invalid_credentials",
    "missing_timestamp",
    "unsupported_value",
    "invalid_option",
    "invalid_argument",
]
"""`RegplanError.code`: the core's API error codes, in its order (`codes()`
lists `Code` then `ErrorCode`; a test keeps them equal)."""

class Issue(TypedDict):
    """One error or warning. `path` is a JSON Pointer (`""` is the whole input)."""

    code: Code
    path: str
    message: str
    params: Dict[str, Any]

class Report(TypedDict):
    valid: bool
    errors: List[Issue]
    warnings: List[Issue]

class ApiKeyCredentials(TypedDict):
    """Gcore: `Authorization: APIKey <api_key>`."""

    type: Literal["api_key"]
    api_key: str

class TokenCredentials(TypedDict):
    """Qovery: `Authorization: Token <token>`."""

    type: Literal["token"]
    token: str

class BearerCredentials(TypedDict):
    """Qovery JWT: `Authorization: Bearer <token>`."""

    type: Literal["bearer"]
    token: str

class _AccessKeyRequired(TypedDict):
    type: Literal["access_key"]
    access_key: str
    secret_key: str

class AccessKeyCredentials(_AccessKeyRequired, total=False):
    """NAVER (signature v2) and Huawei (AK/SK); `project_id` is Huawei's `X-Project-Id`."""

    project_id: str

class IamTokenCredentials(TypedDict):
    """Huawei: `X-Auth-Token`."""

    type: Literal["iam_token"]
    token: str

Credentials = Union[ApiKeyCredentials, TokenCredentials, BearerCredentials, AccessKeyCredentials, IamTokenCredentials]

Timestamp = Union[datetime.datetime, int, str]
"""An aware `datetime`, epoch milliseconds, or RFC 3339."""
