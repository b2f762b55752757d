"""Python values that have no JSON twin. The core decides what each may be
(`regplan::input`): these tests pin the exact codes and messages the Python
binding surfaces for them, identical to every other runtime's."""

from __future__ import annotations

import collections
import datetime
import decimal
import enum
import resource
import time
from typing import Any

import pytest

import regplan

OP = "gcore.registries.create"
USERS = "gcore.users.create_multiple"
GOOD = {"project_id": 1, "region_id": 76, "name": "my-registry-01", "storage_limit": 5}
USERS_BASE = {"project_id": 1, "region_id": 76, "registry_id": 607}
KEY = {"type": "api_key", "api_key": "k3y"}


def _unsupported(call: Any, *args: Any) -> regplan.UnsupportedValueError:
    with pytest.raises(regplan.UnsupportedValueError) as raised:
        call(*args)
    error = raised.value
    assert error.code == "unsupported_value"
    assert isinstance(error, regplan.UsageError)
    assert isinstance(error, regplan.RegplanError)
    assert isinstance(error, TypeError)
    return error


def _errors(data: Any, op: str = OP) -> list:
    return [(e["code"], e["path"], e["message"]) for e in regplan.validate(op, data)["errors"]]


# --- numbers -------------------------------------------------------------


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
@pytest.mark.parametrize("field", ["project_id", "name", "storage_limit"])
def test_nan_and_infinity_are_refused(value: float, field: str) -> None:
    error = _unsupported(regplan.validate, OP, {**GOOD, field: value})
    assert str(error) == f"unsupported value at /{field}: NaN and infinity are not JSON numbers"
    assert error.path == f"/{field}"


def test_nan_where_the_rules_never_read_is_not_read() -> None:
    assert _errors({**GOOD, "extra": float("nan")}) == [("unknown_field", "/extra", "is not a known field")]
    assert _errors({**GOOD, "name": [float("nan")]}) == [("type", "/name", "must be a string, not an array")]


def test_minus_zero_is_zero() -> None:
    assert _errors({**GOOD, "storage_limit": -0.0}) == [("out_of_range", "/storage_limit", "must be between 1 and 1000")]
    assert regplan.validate(OP, {**GOOD, "storage_limit": -0.0}) == regplan.validate(OP, {**GOOD, "storage_limit": 0})


def test_integral_float_is_an_integer() -> None:
    assert regplan.validate(OP, {**GOOD, "storage_limit": 20.0})["valid"]
    request = regplan.plan(OP, {**GOOD, "storage_limit": 20.0}, credentials=KEY)
    assert request.body == b'{"name":"my-registry-01","storage_limit":20}'
    assert _errors({**GOOD, "storage_limit": 2.5}) == [("type", "/storage_limit", "must be an integer, not a fractional number")]


SAFE = "must be between -9007199254740991 and 9007199254740991: larger integers lose precision in JavaScript"


@pytest.mark.parametrize("value", [2**53, 2**63, 2**64, 10**400, -(2**53), -(2**63) - 1, -(2**70)])
def test_big_ints_saturate_and_are_out_of_range(value: int) -> None:
    # project_id has only a minimum: beyond it the safe-integer range speaks.
    beyond = SAFE if value > 0 else "must be at least 1"
    assert _errors({**GOOD, "project_id": value}) == [("out_of_range", "/project_id", beyond)]
    # Where a tighter bound exists, it is the one named.
    assert _errors({**GOOD, "storage_limit": value}) == [("out_of_range", "/storage_limit", "must be between 1 and 1000")]


def test_largest_safe_integer_is_accepted() -> None:
    assert regplan.validate(OP, {**GOOD, "project_id": 2**53 - 1})["valid"]


def test_bool_is_never_a_number() -> None:
    for value in (True, False):
        assert _errors({**GOOD, "project_id": value}) == [("type", "/project_id", "must be an integer, not a boolean")]
    assert _errors({**GOOD, "storage_limit": 1}) == []
    users = {**USERS_BASE, "users": [{"name": "al", "duration": True}]}
    assert _errors(users, USERS) == [("type", "/users/0/duration", "must be an integer, not a boolean")]


def test_false_where_a_boolean_goes_is_fine_and_one_is_not() -> None:
    op = "gcore.users.create"
    base = {"project_id": 1, "region_id": 76, "registry_id": 5, "name": "alice", "duration": 30}
    assert regplan.validate(op, {**base, "read_only": False})["valid"]
    assert _errors({**base, "read_only": 1}, op) == [("type", "/read_only", "must be a boolean (true or false), not a number")]


class Sneaky(int):
    """An int whose other readings disagree with its value."""

    def __float__(self) -> float:
        return 6.0

    def __index__(self) -> int:
        return 7

    def __lt__(self, other: object) -> bool:
        raise AssertionError("regplan ran user code")


def test_int_subclass_is_read_by_its_integer_value() -> None:
    value = Sneaky(5)
    request = regplan.plan(OP, {**GOOD, "project_id": value}, credentials=KEY)
    assert request.url == "https://api.gcore.com/cloud/v1/registries/5/76"
    assert regplan.validate(OP, {**GOOD, "storage_limit": Sneaky(5)})["valid"]
    # Beyond i64: saturated by its sign, read with int's own comparison.
    assert _errors({**GOOD, "project_id": Sneaky(2**70)}) == [("out_of_range", "/project_id", SAFE)]
    assert _errors({**GOOD, "project_id": Sneaky(-(2**70))}) == [("out_of_range", "/project_id", "must be at least 1")]
    assert _errors({**GOOD, "storage_limit": Sneaky(-(2**70))}) == [("out_of_range", "/storage_limit", "must be between 1 and 1000")]


def test_float_subclass_and_float_dunder_are_not_called() -> None:
    class Half(float):
        def __float__(self) -> float:
            raise AssertionError("regplan ran user code")

    assert _errors({**GOOD, "storage_limit": Half(5.0)}) == []


def test_a_dunder_that_mutates_the_dict_never_runs() -> None:
    data: dict = {**GOOD}

    class Mutating(int):
        def __float__(self) -> float:
            data.clear()
            return 1.0

        def __index__(self) -> int:
            data.clear()
            return 1

    data["storage_limit"] = Mutating(5)
    data["extra"] = Mutating(1)
    assert [e["code"] for e in regplan.validate(OP, data)["errors"]] == ["unknown_field"]
    assert len(data) == 5


def test_int_and_str_subclasses_and_dict_subclasses() -> None:
    class Size(enum.IntEnum):
        SMALL = 5

    class Name(str, enum.Enum):
        HOME = "reg-home1"

    ordered = collections.OrderedDict(project_id=1, region_id=76, name=Name.HOME, storage_limit=Size.SMALL)
    assert regplan.validate(OP, ordered)["valid"]
    request = regplan.plan(OP, ordered, credentials=KEY)
    assert request.body == b'{"name":"reg-home1","storage_limit":5}'

    class Tricky(dict):  # type: ignore[type-arg]
        def __iter__(self) -> Any:
            raise AssertionError("regplan ran user code")

        def items(self) -> Any:
            raise AssertionError("regplan ran user code")

        def __getitem__(self, key: Any) -> Any:
            raise AssertionError("regplan ran user code")

    assert regplan.validate(OP, Tricky(GOOD))["valid"]


# --- strings -------------------------------------------------------------

SURROGATE = "a string with a lone surrogate (such as \\ud800) has no UTF-8 form"


@pytest.mark.parametrize("text", ["ab\ud800c", "\udc00", "\ud83d"])
def test_lone_surrogate_in_a_value(text: str) -> None:
    error = _unsupported(regplan.validate, OP, {**GOOD, "name": text})
    assert str(error) == f"unsupported value at /name: {SURROGATE}"
    assert error.path == "/name"


def test_surrogate_pair_is_a_real_character() -> None:
    assert _errors({**GOOD, "name": "a\U0001f600"})[0][0] == "pattern"


def test_lone_surrogate_in_a_key() -> None:
    error = _unsupported(regplan.validate, OP, {**GOOD, "\udc00": 1})
    assert str(error) == f"unsupported value: {SURROGATE}"
    assert error.path == ""


@pytest.mark.parametrize("op", ["g\ud800", "gcore.registries.create\udfff"])
def test_lone_surrogate_in_the_op_id_is_invalid_argument(op: str) -> None:
    for call in (
        lambda: regplan.validate(op, GOOD),
        lambda: regplan.validate_field(op, "name", "x"),
        lambda: regplan.validate_many(op, [GOOD]),
        lambda: regplan.plan(op, GOOD, credentials=KEY),
        lambda: regplan.schema(op),
    ):
        with pytest.raises(regplan.UsageError) as raised:
            call()
        assert raised.value.code == "invalid_argument"
        assert str(raised.value) == "`op` must be a string, not a string with a lone surrogate"
    answer = regplan.validate_json(op, GOOD)
    assert answer == {"error": {"code": "invalid_argument", "message": "`op` must be a string, not a string with a lone surrogate"}}


@pytest.mark.parametrize("op,got", [(5, "a number"), (None, "null"), (["x"], "an array"), (b"x", "a value without JSON form")])
def test_op_that_is_not_a_str_is_invalid_argument(op: Any, got: str) -> None:
    with pytest.raises(regplan.UsageError) as raised:
        regplan.validate(op, GOOD)
    assert raised.value.code == "invalid_argument"
    assert str(raised.value) == f"`op` must be a string, not {got}"
    with pytest.raises(regplan.UsageError) as raised:
        regplan.validate_field(OP, op, 1)
    assert str(raised.value) == f"`field` must be a string, not {got}"


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


def test_unknown_keys_are_escaped_in_the_pointer() -> None:
    assert _errors({**GOOD, "a/b~c": 1}) == [("unknown_field", "/a~1b~0c", "is not a known field")]


# --- containers and exotics ----------------------------------------------


def test_non_str_keys_are_refused() -> None:
    error = _unsupported(regplan.validate, OP, {**GOOD, 1: "x"})
    assert str(error) == "unsupported value: an object key of type `int` is not JSON; keys must be strings"
    assert error.path == ""
    qovery = {
        "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "name": "my-registry",
        "kind": "ECR",
        "url": "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
        "config": {("a", "b"): 1},
    }
    error = _unsupported(regplan.validate, "qovery.container_registries.create", qovery)
    assert str(error) == "unsupported value at /config: an object key of type `tuple` is not JSON; keys must be strings"


INSTANCE = "is not JSON; pass a plain object, array, string, number, boolean or null"


class Point:
    def method(self) -> int:
        return 1


@pytest.mark.parametrize(
    "value,message",
    [
        ((1, 2), "a tuple is not a JSON array here; pass a list"),
        ({1, 2}, "a set is not JSON; pass an array (list)"),
        (frozenset(), "a set is not JSON; pass an array (list)"),
        (b"reg", "binary data is not JSON; pass a string or an array"),
        (bytearray(b"x"), "binary data is not JSON; pass a string or an array"),
        (memoryview(b"x"), "binary data is not JSON; pass a string or an array"),
        (lambda: 1, "a function is not JSON"),
        (len, "a function is not JSON"),
        (Point, f"a `type` {INSTANCE}"),
        (Point(), f"a `Point` {INSTANCE}"),
        (datetime.datetime(2026, 1, 1), f"a `datetime` {INSTANCE}"),
        (datetime.date(2026, 1, 1), f"a `date` {INSTANCE}"),
        (decimal.Decimal("5"), f"a `Decimal` {INSTANCE}"),
        (object(), f"a `object` {INSTANCE}"),
        (1 + 2j, f"a `complex` {INSTANCE}"),
        (range(3), f"a `range` {INSTANCE}"),
    ],
)
def test_exotic_values_are_refused_with_the_path(value: Any, message: str) -> None:
    error = _unsupported(regplan.validate, OP, {**GOOD, "name": value})
    assert str(error) == f"unsupported value at /name: {message}"
    assert error.path == "/name"


def test_a_bound_method_is_a_function() -> None:
    error = _unsupported(regplan.validate, OP, {**GOOD, "name": "x".upper})
    assert str(error).endswith("a function is not JSON")
    for method in (Point().method, Point().__eq__, object.__init__, str.upper):
        error = _unsupported(regplan.validate, OP, {**GOOD, "name": method})
        assert str(error).endswith("a function is not JSON"), method


def test_a_metaclass_name_property_is_not_run() -> None:
    class Meta(type):
        @property
        def __name__(cls) -> str:  # type: ignore[override]
            raise AssertionError("regplan ran user code")

    class Odd(metaclass=Meta):
        pass

    error = _unsupported(regplan.validate, OP, {**GOOD, "name": Odd()})
    assert str(error) == f"unsupported value at /name: a `Odd` {INSTANCE}"
    assert _errors({**GOOD, "junk": Odd()}) == [("unknown_field", "/junk", "is not a known field")]


def test_top_level_values() -> None:
    assert str(_unsupported(regplan.validate, OP, {1, 2})) == "unsupported value: a set is not JSON; pass an array (list)"
    assert _errors(None) == [("type", "", "must be an object, not null")]
    assert _errors([GOOD]) == [("type", "", "must be an object, not an array")]


def test_tuples_are_a_clear_error_lists_are_arrays() -> None:
    users = ({"name": "alice", "duration": 30}, {"name": "bob", "duration": -1})
    error = _unsupported(regplan.validate, USERS, {**USERS_BASE, "users": users})
    assert str(error) == "unsupported value at /users: a tuple is not a JSON array here; pass a list"
    assert regplan.validate(USERS, {**USERS_BASE, "users": list(users)})["valid"]


def test_none_is_null() -> None:
    assert _errors({**GOOD, "storage_limit": None}) == [("type", "/storage_limit", "must be an integer, not null")]


# --- size and shape ------------------------------------------------------


def _shared(depth: int, leaf: Any) -> Any:
    x: Any = [leaf]
    for _ in range(depth):
        x = [x, x]
    return x


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_shared_reference_graph_is_refused_at_once() -> None:
    graph = _shared(30, 1)
    user_graph = _shared(30, {"name": "alice", "duration": 1})
    before = _max_rss_mb()
    started = time.perf_counter()
    assert _errors({**GOOD, "project_id": graph}) == [("type", "/project_id", "must be an integer, not an array")]
    reports = [
        regplan.validate(USERS, {**USERS_BASE, "users": graph}),
        regplan.validate(USERS, {**USERS_BASE, "users": user_graph}),
        regplan.validate_field(OP, "name", graph),
        regplan.validate_many(OP, [GOOD, graph])[1],
    ]
    with pytest.raises(regplan.UsageError) as raised:
        regplan.plan(OP, GOOD, credentials={"type": "api_key", "api_key": graph})
    elapsed = time.perf_counter() - started
    assert all(not r["valid"] for r in reports)
    assert raised.value.code == "invalid_option"
    assert str(raised.value).startswith("invalid option `options`: ")
    assert str(raised.value).endswith(": holds more than 1000 values (a shared reference counts each time it is reached)")
    assert elapsed < 0.010 * 5, elapsed  # each call well under 10 ms
    assert _max_rss_mb() - before < 50


def test_a_million_items_cost_linear_time() -> None:
    def timed(count: int) -> float:
        users = [{"name": "alice", "duration": 1}] * count
        started = time.perf_counter()
        regplan.validate(USERS, {**USERS_BASE, "users": users})
        return time.perf_counter() - started

    # 300,000 users of two members: 900,001 values, within the budget.
    small, large = timed(30_000), timed(300_000)
    assert large < small * 25, (small, large)
    # 10^6 users of two members each is more than the budget of values.
    users = [{"name": "alice", "duration": 1}] * 1_000_000
    error = _unsupported(regplan.validate, USERS, {**USERS_BASE, "users": users})
    assert str(error).endswith("more than 1000000 values (a shared reference counts each time it is reached, a string one per 16 bytes)")
    # 10^6 scalars: the item budget is counted before anything is read.
    error = _unsupported(regplan.validate, USERS, {**USERS_BASE, "users": [1] * 1_000_000})
    assert error.code == "unsupported_value"


def test_deep_nesting_is_a_type_error_not_a_crash() -> None:
    deep: Any = [1]
    for _ in range(10_000):
        deep = [deep]
    assert _errors({**USERS_BASE, "users": deep}, USERS) == [("type", "/users/0", "must be an object, not an array")]
    loop: Any = []
    loop.append(loop)
    assert _errors({**GOOD, "name": loop}) == [("type", "/name", "must be a string, not an array")]
    assert _errors({**USERS_BASE, "users": loop}, USERS) == [("type", "/users/0", "must be an object, not an array")]
    # Options are read whole: there the depth limit speaks.
    with pytest.raises(regplan.UsageError) as raised:
        regplan.plan(OP, GOOD, credentials={"type": "api_key", "api_key": deep})
    assert str(raised.value).startswith("invalid option `options`: ")
    assert str(raised.value).endswith(": nested deeper than 128 levels")


def test_plan_options_without_json_form_never_show_where() -> None:
    # Keys of options may be pasted secrets: the place is not shown.
    for credentials in ({"type": "api_key", "api_key": b"SENTINEL-9f3a"}, {"type": "api_key", "SENTINEL-9f3a": float("nan")}):
        with pytest.raises(regplan.UsageError) as raised:
            regplan.plan(OP, GOOD, credentials=credentials)
        assert raised.value.code == "invalid_option"
        assert "SENTINEL" not in str(raised.value)
    with pytest.raises(regplan.UsageError) as raised:
        regplan.plan(OP, GOOD, credentials=KEY, timestamp=datetime.date(2026, 1, 1))  # type: ignore[arg-type]
    assert str(raised.value).startswith("invalid option `options`: ")
    assert str(raised.value).endswith(f": a `date` {INSTANCE}")
