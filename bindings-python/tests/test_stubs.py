"""The typing surface agrees with the native module."""

from __future__ import annotations

import ast
import pathlib
import typing

import regplan


def test_code_literal_is_every_code() -> None:
    expected = regplan.codes()
    assert list(typing.get_args(regplan.Code)) == expected, (
        "replace `Code = Literal[...]` in python/regplan/_types.py with:\n" + "\n".join(f'    "{c}",' for c in expected)
    )


def test_every_stubbed_name_exists() -> None:
    stub = ast.parse(pathlib.Path(regplan.__file__).with_name("__init__.pyi").read_text(encoding="utf-8"))
    stubbed = {
        node.name for node in stub.body if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith("_")
    }
    assert stubbed
    for name in stubbed | set(regplan.__all__):
        assert hasattr(regplan, name), name
    assert stubbed <= set(regplan.__all__)
