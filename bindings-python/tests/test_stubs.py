"""The typing surface agrees with the native module."""

from __future__ import annotations

import ast
import pathlib
import typing

import regplan


def test_code_literals_are_every_code() -> None:
    """`codes()` is `Code` then the core's `ErrorCode`s; `ErrorCode` ends with
    the bindings' own codes (`not_initialized`, thrown only by the wasm web
    build), which the core lists apart. The literals are generated
    (`cargo run -p regplan-typegen`); this checks them against the module."""
    codes = regplan.codes()
    issue_codes = list(typing.get_args(regplan.Code))
    error_codes = list(typing.get_args(regplan.ErrorCode))
    assert codes[: len(issue_codes)] == issue_codes, "run `cargo run -p regplan-typegen`"
    core_errors = codes[len(issue_codes) :]
    assert error_codes[: len(core_errors)] == core_errors, "run `cargo run -p regplan-typegen`"
    assert error_codes[len(core_errors) :] == ["not_initialized"]


def test_operation_literals_are_every_operation() -> None:
    ids = [op["id"] for op in regplan.operations()]
    assert list(typing.get_args(regplan.OperationId)) == ids


def test_issue_params_are_typed_per_code() -> None:
    """Each code's `<Code>Issue` names its params; a real report matches them."""
    report = regplan.validate("gcore.registries.create", {"project_id": 0, "region_id": 76, "name": "a" * 80})
    by_code = {issue["code"]: issue for issue in report["errors"]}
    assert by_code["out_of_range"]["params"] == {"min": 1}
    assert by_code["too_long"]["params"] == {"max": 24, "suggestion": "a" * 24}
    assert typing.get_type_hints(regplan.TooLongParams) == {"max": int, "suggestion": str}
    assert regplan.TooLongParams.__optional_keys__ == frozenset({"suggestion"})
    assert regplan.OutOfRangeParams.__optional_keys__ == frozenset({"min", "max", "also"})


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
