"""Credentials from the environment, read only when asked for.

`plan` never looks at the environment; `credentials_from_env("gcore")`
reads the variables the CLI reads, named by the core's one table
(`regplan::credentials_from_env`), and returns the dict `plan` takes.
"""

from __future__ import annotations

import os
from typing import Any, Dict, Mapping, Optional

from regplan import _regplan  # type: ignore[attr-defined]


class EnvCredentials(Dict[str, Any]):
    """The credentials dict `plan` takes, filled from environment variables.
    It holds the real values (to be sent); `repr()` and `str()` mask secrets."""

    __slots__ = ("_masked",)

    def __init__(self, real: Mapping[str, Any], masked: Mapping[str, Any]) -> None:
        super().__init__(real)
        self._masked = dict(masked)

    def __repr__(self) -> str:
        return f"EnvCredentials({self._masked!r})"

    __str__ = __repr__


def credentials_from_env(
    op_or_provider: str, environ: Optional[Mapping[str, str]] = None
) -> Optional[EnvCredentials]:
    """Credentials for an operation id or provider id (`"gcore"`,
    `"huawei_swr.namespaces.create"`) from `environ` (default `os.environ`):
    the first credential type whose variables are all set, or `None`.
    Raises `UsageError` (`unknown_operation`) for an unknown id."""
    found = _regplan._credentials_from_env(op_or_provider, os.environ if environ is None else environ)
    if found is None:
        return None
    real, masked = found
    return EnvCredentials(real, masked)
