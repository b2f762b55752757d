"""Type stubs of regplan (the native module `regplan._regplan`, re-exported).

`validate`, `validate_field`, `validate_many` and `plan` have one overload per
operation: each takes exactly that operation's input (`<Op>Input`), field
names and credential types, so mypy flags a misspelt operation or field, a
value of the wrong type and credentials of another provider.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Literal, final, overload

__version__: str

from regplan._types import (
# @IMPORTS@
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
    def __str__(self) -> str:
        """Every error, one per line: `N validation errors`, then each path and,
        indented, `message [code=…]`."""

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
    def method(self) -> Literal["GET", "POST", "PATCH", "DELETE"]: ...
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
    @property
    def preview(self) -> bool:
        """True for a preview (`plan(..., preview=True)` without credentials):
        placeholders such as `<api_key>` stand where the credentials go, and
        `httpx_auth` / `requests_auth` refuse to send it."""
    def to_curl(self, reveal_secrets: bool = False) -> str: ...
    def to_dict(self, reveal_secrets: bool = False) -> dict[str, Any]:
        """`{method, url, headers, body (str), defaults_applied, warnings, preview}`."""

def operations() -> list[OperationInfo]:
    """Every operation: id, provider, summary, method, path, fields, sources."""

# @GENERATED@

class EnvCredentials(dict[str, Any]):
    """The credentials dict `plan` takes, read from the environment; `repr()` masks secrets."""

    def __init__(self, real: Mapping[str, Any], masked: Mapping[str, Any]) -> None: ...

def credentials_from_env(op_or_provider: str, environ: Mapping[str, str] | None = None) -> Any:
    """Credentials for an operation or provider id from `environ` (default
    `os.environ`), the variables the CLI reads (`GCORE_API_KEY`, ...): an
    `EnvCredentials`, or None. Typed `Any` so that it passes where `plan`
    expects the provider's own credential type. Raises `UsageError` for an
    unknown id."""

def schema(op: OperationId, *, draft: Literal["2020-12", "draft-07"] | None = None) -> JsonSchema:
    """JSON Schema of the operation's input, ready for form generators: draft 2020-12, or draft-07
    with `draft="draft-07"`. Raises `UsageError` (`invalid_option`) for another draft."""

def codes() -> list[Code | ErrorCode]:
    """Every issue code (`Code`), then every API error code (`ErrorCode`), as the core lists them."""

def validate_json(op: str, input: object) -> dict[str, Any]:
    """`validate` as `interop::validate_value` shapes it; a core error is `{"error": {"code", "message"}}`."""

def plan_json(op: str, input: object, options: Mapping[str, object] | None = None) -> dict[str, Any]:
    """`interop::plan_value`: `{"ok": true, "request" (real values), "curl" (masked unless
    `reveal_secrets`)}` or `{"ok": false, "errors", "warnings"}`; no clock; a core error is `{"error": ...}`."""

__all__ = [
# @ALL@
    "EnvCredentials",
    "RegplanError",
    "Request",
    "UnsupportedValueError",
    "UsageError",
    "ValidationError",
    "__version__",
    "codes",
    "credentials_from_env",
    "operations",
    "plan",
    "plan_json",
    "schema",
    "validate",
    "validate_field",
    "validate_json",
    "validate_many",
]
