"""The exceptions regplan raises.

They are plain Python so that they can have methods and several bases under
the stable ABI; the native module fills them in from the core's errors.
"""

from __future__ import annotations

from typing import Any, Dict, List, Tuple


class RegplanError(Exception):
    """Base of every regplan exception. ``code`` is the core's stable error code."""

    code: str

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.code))


class ValidationError(RegplanError, ValueError):
    """The input breaks the operation's rules; ``errors()`` lists every problem."""

    def __init__(
        self,
        message: str,
        errors: List[Dict[str, Any]],
        warnings: List[Dict[str, Any]],
    ) -> None:
        super().__init__(message, "invalid_input")
        self._errors = errors
        self._warnings = warnings

    def errors(self) -> List[Dict[str, Any]]:
        """Every error: ``{"code", "path", "message", "params"}``, in the core's order."""
        return [dict(e) for e in self._errors]

    def warnings(self) -> List[Dict[str, Any]]:
        """Warnings found along the way (they do not block a request)."""
        return [dict(w) for w in self._warnings]

    def error_count(self) -> int:
        return len(self._errors)

    def __str__(self) -> str:
        """Every error, one per line, in pydantic's layout: a count, then each
        error's path and, indented, its message and code. Messages never repeat
        the offending value, so this stays secret-free."""
        count = len(self._errors)
        lines = [f"{count} validation error{'' if count == 1 else 's'}"]
        for error in self._errors:
            lines.append(_printable(error["path"]) or "(input)")
            lines.append(f"  {error['message']} [code={error['code']}]")
        return "\n".join(lines)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (self.args[0], self._errors, self._warnings))


def _printable(path: str) -> str:
    """Control characters escaped (as the core's report does), so a hostile
    key cannot rewrite a terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in path)


class UsageError(RegplanError):
    """A misuse no input change can fix: ``unknown_operation``,
    ``unknown_field_name``, ``missing_credentials``, ``wrong_credentials``,
    ``invalid_credentials``, ``missing_timestamp``, ``invalid_option``,
    ``invalid_argument`` (an operation id or field name that is not a ``str``,
    or holds a lone surrogate)."""


class UnsupportedValueError(UsageError, TypeError):
    """A Python value with no JSON form (NaN, a tuple, a set, bytes, a
    function, a non-str key, a lone surrogate, any other object), or an input
    nested deeper than 128 levels or holding more than 1,000,000 values.
    ``path`` is the JSON Pointer of the value; the message is the core's,
    identical in every runtime."""

    path: str

    def __init__(self, message: str, path: str) -> None:
        super().__init__(message, "unsupported_value")
        self.path = path

    def __reduce__(self) -> Tuple[Any, ...]:
        return (type(self), (str(self), self.path))


# Shown as `regplan.ValidationError` in tracebacks and pickles.
for _cls in (RegplanError, ValidationError, UsageError, UnsupportedValueError):
    _cls.__module__ = "regplan"
del _cls
