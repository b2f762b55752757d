"""Type stubs of regplan (the native module `regplan._regplan`, re-exported)."""

from collections.abc import Mapping
from typing import Any, Literal, final

__version__: str

from regplan._types import (
    AccessKeyCredentials as AccessKeyCredentials,
    ApiKeyCredentials as ApiKeyCredentials,
    BearerCredentials as BearerCredentials,
    Code as Code,
    Credentials as Credentials,
    ErrorCode as ErrorCode,
    IamTokenCredentials as IamTokenCredentials,
    Issue as Issue,
    Report as Report,
    Timestamp as Timestamp,
    TokenCredentials as TokenCredentials,
)

class RegplanError(Exception):
    """Base of every regplan exception; `code` is the core's stable error code."""

    code: ErrorCode
    def __init__(self, message: str, code: str) -> None: ...

class ValidationError(RegplanError, ValueError):
    """`plan` on an invalid input (`code == "invalid_input"`)."""

    def __init__(self, message: str, errors: list[Issue], warnings: list[Issue]) -> None: ...
    def errors(self) -> list[Issue]:
        """Every error, in the core's order."""
    def warnings(self) -> list[Issue]: ...
    def error_count(self) -> int: ...

class UsageError(RegplanError):
    """A misuse: unknown operation or field, missing/wrong/invalid credentials, bad options."""

class UnsupportedValueError(UsageError, TypeError):
    """A Python value with no JSON form (`code == "unsupported_value"`)."""

    path: str
    """JSON Pointer of the value."""
    def __init__(self, message: str, path: str) -> None: ...

@final
class Request:
    """A planned request. `repr()` masks secrets; `headers` and `body` are the real values."""

    @property
    def method(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def headers(self) -> dict[str, str]:
        """In the order sent (a fresh dict each time)."""
    @property
    def body(self) -> bytes | None:
        """The exact bytes."""
    def json(self) -> Any:
        """The body parsed, or None."""
    @property
    def defaults_applied(self) -> list[str]: ...
    @property
    def warnings(self) -> list[Issue]: ...
    def to_curl(self, reveal_secrets: bool = False) -> str: ...
    def to_dict(self, reveal_secrets: bool = False) -> dict[str, Any]:
        """`{method, url, headers, body (str), defaults_applied, warnings}`."""

def operations() -> list[dict[str, Any]]:
    """Every operation: id, provider, summary, method, path, fields, sources."""

def validate(op: str, input: object) -> Report:
    """Every problem with `input`. Raises `UsageError` for an unknown operation
    (or an `op` that is not a `str`: `invalid_argument`), `UnsupportedValueError`
    for a value with no JSON form where the rules read."""

def validate_field(op: str, field: str, value: object) -> Report:
    """The same report for one top-level field."""

def validate_many(op: str, inputs: list[Any]) -> list[Report]:
    """`validate` for each input of a list, each with its own budget; the
    reports are those `validate` gives. Validation runs with the GIL released.
    A value with no JSON form raises `UnsupportedValueError` with its path
    prefixed by the input's index (`/3/name`)."""

def plan(
    op: str,
    input: object,
    *,
    credentials: Credentials | Mapping[str, str] | None = None,
    base_url: str | None = None,
    timestamp: Timestamp | None = None,
) -> Request:
    """The exact request. Raises `ValidationError` for an invalid input,
    `UsageError` for a misuse. `timestamp` defaults to now."""

def schema(op: str, *, draft: Literal["2020-12", "draft-07"] | None = None) -> dict[str, Any]:
    """JSON Schema of the operation's input, ready for form generators: draft 2020-12, or draft-07
    with `draft="draft-07"`. Raises `UsageError` (`invalid_option`) for another draft."""

def codes() -> list[str]:
    """Every issue code (`Code`), then every API error code (`ErrorCode`), as the core lists them."""

def validate_json(op: str, input: object) -> dict[str, Any]:
    """`validate` as `interop::validate_value` shapes it; a core error is `{"error": {"code", "message"}}`."""

def plan_json(op: str, input: object, options: Mapping[str, object] | None = None) -> dict[str, Any]:
    """`interop::plan_value`: `{"ok": true, "request" (real values), "curl" (masked unless
    `reveal_secrets`)}` or `{"ok": false, "errors", "warnings"}`; no clock; a core error is `{"error": ...}`."""

__all__ = [
    "AccessKeyCredentials",
    "ApiKeyCredentials",
    "BearerCredentials",
    "Code",
    "Credentials",
    "ErrorCode",
    "IamTokenCredentials",
    "Issue",
    "Report",
    "Timestamp",
    "TokenCredentials",
    "RegplanError",
    "Request",
    "UnsupportedValueError",
    "UsageError",
    "ValidationError",
    "__version__",
    "codes",
    "operations",
    "plan",
    "plan_json",
    "schema",
    "validate",
    "validate_field",
    "validate_json",
    "validate_many",
]
