"""Python values that have no JSON twin: each is either converted the way the
other runtimes read the same JSON, or refused with UnsupportedValueError."""

from __future__ import annotations

import collections
import datetime
import decimal
import enum
from typing import Any

import pytest

import regplan

OP = "gcore.registries.create"
GOOD = {"project_id": 1, "region_id": 76, "name": "reg-home1"}


def _unsupported(value: Any) -> regplan.UnsupportedValueError:
    with pytest.raises(regplan.UnsupportedValueError) as raised:
        regplan.validate(OP, value)
    error = raised.value
    assert error.code == "unsupported_value"
    assert isinstance(error, regplan.UsageError)
    assert isinstance(error, regplan.RegplanError)
    assert isinstance(error, TypeError)
    assert error.path in str(error)
    return error


def _codes(data: Any, path: str) -> list:
    return [e["code"] for e in regplan.validate(OP, data)["errors"] if e["path"] == path]


def test_true_is_not_one() -> None:
    assert _codes({**GOOD, "storage_limit": True}, "/storage_limit") == ["type"]
    assert _codes({**GOOD, "project_id": True}, "/project_id") == ["type"]
    assert _codes({**GOOD, "storage_limit": 1}, "/storage_limit") == []


def test_false_where_a_boolean_goes_is_fine_and_one_is_not() -> None:
    op = "gcore.users.create"
    base = {"project_id": 1, "region_id": 76, "registry_id": 5, "name": "alice", "duration": 30}
    assert regplan.validate(op, {**base, "read_only": False})["valid"]
    errors = regplan.validate(op, {**base, "read_only": 1})["errors"]
    assert [(e["code"], e["path"]) for e in errors] == [("type", "/read_only")]


def test_integral_float_is_an_integer() -> None:
    request = regplan.plan(OP, {**GOOD, "storage_limit": 20.0}, credentials={"type": "api_key", "api_key": "k"})
    assert request.body == b'{"name":"reg-home1","storage_limit":20}'


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinity_are_refused(value: float) -> None:
    error = _unsupported({**GOOD, "storage_limit": value})
    assert error.path == "/storage_limit"
    assert "NaN" in str(error)


def test_lone_surrogate_is_refused_not_a_panic() -> None:
    error = _unsupported({**GOOD, "name": "ab\ud800c"})
    assert error.path == "/name"
    assert "surrogate" in str(error)
    # ... in a key too
    error = _unsupported({"\udc00": 1})
    assert "surrogate" in str(error)


def test_non_str_keys_are_refused() -> None:
    error = _unsupported({**GOOD, 1: "x"})
    assert error.path == ""
    assert "`int`" in str(error)
    error = _unsupported({"users": [{("a", "b"): 1}]})
    assert error.path == "/users/0"


def test_pointer_escapes_keys() -> None:
    error = _unsupported({"a/b": {"c~d": {1, 2}}})
    assert error.path == "/a~1b/c~0d"


@pytest.mark.parametrize(
    "value,type_name",
    [
        ({1, 2}, "set"),
        (frozenset(), "frozenset"),
        (b"reg", "bytes"),
        (bytearray(b"x"), "bytearray"),
        (datetime.datetime(2026, 1, 1), "datetime"),
        (decimal.Decimal("5"), "Decimal"),
        (object(), "object"),
        (1 + 2j, "complex"),
    ],
)
def test_other_types_are_refused_with_the_path(value: Any, type_name: str) -> None:
    error = _unsupported({**GOOD, "name": value})
    assert error.path == "/name"
    assert f"`{type_name}`" in str(error)


def test_top_level_non_json() -> None:
    assert _unsupported({1, 2}).path == ""


def test_tuples_are_a_clear_error_lists_are_arrays() -> None:
    op = "gcore.users.create_multiple"
    base = {"project_id": 1, "region_id": 76, "registry_id": 5}
    users = ({"name": "alice", "duration": 30}, {"name": "bob", "duration": -1})
    with pytest.raises(regplan.UnsupportedValueError) as raised:
        regplan.validate(op, {**base, "users": users})
    assert raised.value.path == "/users"
    assert "pass a list" in str(raised.value)
    assert regplan.validate(op, {**base, "users": list(users)})["valid"]


def test_big_ints_become_doubles_like_json_parsers_read_them() -> None:
    # 2**64 is beyond u64: read as the double 1.8446744073709552e19, as JSON.parse does.
    big = regplan.validate(OP, {**GOOD, "storage_limit": 2**64})
    as_float = regplan.validate(OP, {**GOOD, "storage_limit": float(2**64)})
    assert big == as_float
    assert not big["valid"]
    # u64 range still exact
    assert regplan.validate(OP, {**GOOD, "storage_limit": 2**63})["errors"] == regplan.validate_json(
        OP, {**GOOD, "storage_limit": 2**63}
    )["errors"]
    assert regplan.validate(OP, {**GOOD, "storage_limit": -(2**63)})["errors"][0]["code"] == "out_of_range"
    # Beyond a double: refused.
    error = _unsupported({**GOOD, "storage_limit": 10**400})
    assert error.path == "/storage_limit"


def test_int_and_str_subclasses_convert_as_their_base() -> None:
    class Size(enum.IntEnum):
        SMALL = 5

    class Name(str, enum.Enum):
        HOME = "reg-home1"

    ordered = collections.OrderedDict(project_id=1, region_id=76, name=Name.HOME, storage_limit=Size.SMALL)
    assert regplan.validate(OP, ordered)["valid"]
    request = regplan.plan(OP, ordered, credentials={"type": "api_key", "api_key": "k"})
    assert request.body == b'{"name":"reg-home1","storage_limit":5}'


def test_bool_subclass_is_impossible_but_bool_stays_bool_in_nested_values() -> None:
    op = "gcore.users.create_multiple"
    data = {"project_id": 1, "region_id": 76, "registry_id": 5, "users": [{"name": "al", "duration": True}]}
    errors = regplan.validate(op, data)["errors"]
    assert [(e["code"], e["path"]) for e in errors] == [("type", "/users/0/duration")]


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    deep: Any = []
    for _ in range(10_000):
        deep = [deep]
    error = _unsupported({"users": deep})
    assert error.path.startswith("/users/0/0/")
    assert "128" in str(error)
    deep_dict: Any = {}
    for _ in range(10_000):
        deep_dict = {"a": deep_dict}
    _unsupported(deep_dict)


def test_nesting_up_to_the_limit_is_converted() -> None:
    nested: Any = 1
    for _ in range(127):  # 127 lists inside the top-level dict: 128 containers
        nested = [nested]
    report = regplan.validate(OP, {**GOOD, "name": nested})
    assert [e["code"] for e in report["errors"]] == ["type"]
    nested = [nested]
    with pytest.raises(regplan.UnsupportedValueError):
        regplan.validate(OP, {**GOOD, "name": nested})


def test_self_referencing_list_is_an_error() -> None:
    loop: Any = []
    loop.append(loop)
    _unsupported({**GOOD, "name": loop})


def test_huge_strings() -> None:
    huge = "a" * 10_000_000
    report = regplan.validate(OP, {**GOOD, "name": huge})
    assert [e["code"] for e in report["errors"]] == ["too_long"]
    assert huge not in str(report)  # messages never repeat the value
    key_report = regplan.validate(OP, {**GOOD, huge: 1})
    assert [e["code"] for e in key_report["errors"]] == ["unknown_field"]


def test_non_ascii_strings_count_code_points() -> None:
    report = regplan.validate(OP, {**GOOD, "name": "é" * 40})
    assert "too_long" in [e["code"] for e in report["errors"]]


def test_none_is_null() -> None:
    errors = regplan.validate(OP, {**GOOD, "storage_limit": None})["errors"]
    assert [(e["code"], e["path"]) for e in errors] == [("type", "/storage_limit")]
    assert regplan.validate(OP, None)["errors"][0]["path"] == ""


def test_plan_options_are_converted_with_their_name_in_the_path() -> None:
    with pytest.raises(regplan.UnsupportedValueError) as raised:
        regplan.plan(OP, GOOD, credentials={"type": "api_key", "api_key": b"k"})
    assert raised.value.path == "/credentials/api_key"
    with pytest.raises(regplan.UnsupportedValueError) as raised:
        regplan.plan(OP, GOOD, credentials={"type": "api_key", "api_key": "k"}, timestamp=datetime.date(2026, 1, 1))
    assert raised.value.path == "/timestamp"
