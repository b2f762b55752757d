"""The typing surface agrees with the native module."""

from __future__ import annotations

import ast
import pathlib
import typing

import regplan


def test_code_literals_are_every_code() -> None:
    codes = regplan.codes()
    issue_codes = list(typing.get_args(regplan.Code))
    error_codes = list(typing.get_args(regplan.ErrorCode))
    expected_issues = codes[: len(codes) - len(error_codes)]
    assert issue_codes == expected_issues, (
        "replace `Code = Literal[...]` in python/regplan/_types.py with:\n" + "\n".join(f'    "{c}",' for c in expected_issues)
    )
    assert issue_codes + error_codes == codes, (
        "`codes()` is `Code` then `ErrorCode`; replace `ErrorCode = Literal[...]` with:\n"
        + "\n".join(f'    "{c}",' for c in codes[len(issue_codes) :])
    )


def test_error_code_of_every_exception_is_an_error_code() -> None:
    error_codes = set(typing.get_args(regplan.ErrorCode))
    for call in (
        lambda: regplan.validate("nope", {}),
        lambda: regplan.validate(5, {}),
        lambda: regplan.validate("gcore.registries.create", float("nan")),
        lambda: regplan.plan("gcore.registries.create", {}, credentials={"type": "api_key", "api_key": "k"}),
    ):
        try:
            call()
        except regplan.RegplanError as e:
            assert e.code in error_codes
        else:
            raise AssertionError("no error")


def test_every_stubbed_name_exists() -> None:
    stub = ast.parse(pathlib.Path(regplan.__file__).with_name("__init__.pyi").read_text(encoding="utf-8"))
    stubbed = {
        node.name for node in stub.body if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_")
    }
    assert stubbed
    for name in stubbed | set(regplan.__all__):
        assert hasattr(regplan, name), name
    assert stubbed <= set(regplan.__all__)
