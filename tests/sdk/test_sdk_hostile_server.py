"""A hostile server: whatever it answers, the SDK raises a ``ContractViolation`` (never a
``RecursionError``, a validator's ``ValueError`` or a traceback), and 64-bit ids stay 64-bit."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from scnet_hpc import AsyncClient, Client, ContractViolation, RetryPolicy, _request, _spec
from scnet_hpc._envelope import MAX_DEPTH, unwrap

from .sdk_helpers import CLUSTER, FakeSleep, envelope, make_jwt, scripted

FAR_FUTURE = make_jwt({"expireTime": "4102444800000"})  # 2100-01-01


def client(*answers: Any, cls: Any = Client) -> Any:
    transport, _ = scripted(*answers)
    fake = FakeSleep()
    return cls(
        "http://hpc.example/hpc",
        FAR_FUTURE,
        cluster_user="demo",
        home_path="/public/home/demo",
        scheduler_id=1638523853,
        transport=transport,
        clock=fake.clock,
        sleep=fake.sleep,
        retries=RetryPolicy(max_retries=0),
    )


def raw(content: str | bytes) -> httpx.Response:
    return httpx.Response(200, content=content.encode() if isinstance(content, str) else content)


def nested(depth: int, leaf: Any = 1) -> Any:
    """``depth`` levels of objects and arrays, alternating, around ``leaf``."""
    value = leaf
    for level in range(depth):
        value = {"a": value} if level % 2 else [value]
    return value


def cluster_with(**members: Any) -> dict[str, Any]:
    return envelope([{**CLUSTER, **members}])


#: Bodies nested past every recursion limit on the way: json (~1000 levels), jsonschema-rs
#: (a few hundred: it raises ValueError("Recursion limit reached")), repr() of the raw body.
DEEP_BODIES = {
    "brackets_only": "[" * 100_000 + "]" * 100_000,
    "deep_free_member": json.dumps(cluster_with(extra=nested(900))),
    "deep_but_decodable": json.dumps(cluster_with(extra=nested(400))),
    "deep_error_msg": json.dumps(envelope(None, code="10004", msg=nested(900))),
    "deep_error_data": json.dumps(envelope(nested(400), code="10001", msg="x")),
    "just_past_the_limit": json.dumps(envelope([nested(MAX_DEPTH)])),
}


@pytest.mark.parametrize("name", sorted(DEEP_BODIES))
def test_deeply_nested_answers_are_contract_violations(engine: str, name: str) -> None:
    with pytest.raises(ContractViolation, match=f"more than {MAX_DEPTH} levels deep") as caught:
        client(raw(DEEP_BODIES[name])).clusters()
    assert caught.value.operation == "list_clusters"
    repr(caught.value), str(caught.value)  # neither recurses


def test_nesting_up_to_the_limit_is_accepted(engine: str) -> None:
    # envelope (1) > data list (2) > row (3) > 'extra' (4 and on): MAX_DEPTH levels in all.
    body = cluster_with(extra=nested(MAX_DEPTH - 3))
    assert client(raw(json.dumps(body))).clusters()[0].id == CLUSTER["id"]


def test_deep_bodies_are_refused_without_validation_too() -> None:
    with pytest.raises(ContractViolation, match="levels deep"):
        unwrap("list_clusters", DEEP_BODIES["deep_free_member"].encode(), validate=False)


@pytest.mark.parametrize(
    "content",
    [
        '{"code": "0", "msg": "", "data": [{"id": NaN}]}',
        '{"code": "0", "msg": "", "data": Infinity}',
        '{"code": "0", "msg": "", "data": [{"id": ' + "9" * 5000 + "}]}",
    ],
    ids=["NaN", "Infinity", "5000-digit-integer"],
)
def test_values_python_would_decode_but_json_forbids(content: str) -> None:
    with pytest.raises(ContractViolation, match="body is not JSON") as caught:
        client(raw(content)).clusters()
    assert caught.value.not_json


@pytest.mark.parametrize("value", [10**30, 2**63, -(2**63) - 1, 1e30])
def test_ids_beyond_int64_are_contract_violations(engine: str, value: Any) -> None:
    with pytest.raises(ContractViolation, match="out of the int64 range") as caught:
        client(cluster_with(id=value)).clusters()
    assert caught.value.path == "data[0].id"


@pytest.mark.parametrize("value", [2**63 - 1, -(2**63), 0])
def test_ids_within_int64_pass(engine: str, value: int) -> None:
    assert client(cluster_with(id=value)).clusters()[0].id == value


def test_int64_format_leaves_the_string_branch_alone(engine: str) -> None:
    # CenterInfo.id is [integer, string] with format int64: a digit string is the string form.
    schema = _spec._with_int_bounds({"type": ["integer", "string"], "format": "int64"})
    assert schema["maximum"] == 2**63 - 1
    assert schema["minimum"] == -(2**63)


def test_int32_bounds_and_tighter_existing_bounds_are_kept() -> None:
    schema = _spec._with_int_bounds(
        {"properties": {"n": {"type": "integer", "format": "int32", "minimum": 0}}}
    )
    assert schema["properties"]["n"] == {
        "type": "integer",
        "format": "int32",
        "minimum": 0,
        "maximum": 2**31 - 1,
    }


def test_a_validator_value_error_is_a_schema_mismatch(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(body: Any) -> None:
        raise ValueError("Recursion limit reached")

    monkeypatch.setitem(_spec._checks, ("rust", "list_clusters"), broken)
    with pytest.raises(_spec.SchemaMismatch, match="cannot be checked: Recursion limit"):
        _spec.validate("list_clusters", envelope([CLUSTER]), engine="rust")


# --------------------------------------------------------------------------- size

LIMIT = 2**20  # the tests lower MAX_BODY_BYTES to 1 MiB


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(_request, "MAX_BODY_BYTES", LIMIT)
    return LIMIT


def padded(size: int) -> bytes:
    """A valid list_clusters body of about ``size`` bytes (a long cluster name)."""
    base = len(json.dumps(cluster_with(text="")).encode())
    return json.dumps(cluster_with(text="x" * max(0, size - base))).encode()


def endless() -> Iterator[bytes]:
    """A body that never ends (the SDK must stop reading, not run out of memory)."""
    yield b'{"code": "0", "msg": "", "data": [{"text": "'
    while True:
        yield b"x" * 65536


def gzip_bomb() -> httpx.Response:
    inflated = padded(LIMIT * 8)
    return httpx.Response(
        200, content=gzip.compress(inflated), headers={"content-encoding": "gzip"}
    )


BIG_BODIES = {
    "declared_length": lambda: httpx.Response(200, content=padded(LIMIT + 1)),
    "endless_stream": lambda: httpx.Response(200, content=endless()),
    "gzip_bomb": gzip_bomb,
}


@pytest.mark.parametrize("name", sorted(BIG_BODIES))
def test_bodies_past_the_limit_are_contract_violations(small_limit: int, name: str) -> None:
    with pytest.raises(ContractViolation, match="larger than 1 MiB"):
        client(BIG_BODIES[name]()).clusters()


async def test_the_async_driver_stops_reading_too(small_limit: int) -> None:
    async def endless_async() -> Any:
        for chunk in endless():
            yield chunk

    async with client(httpx.Response(200, content=endless_async()), cls=AsyncClient) as api:
        with pytest.raises(ContractViolation, match="larger than 1 MiB"):
            await api.clusters()


def test_bodies_up_to_the_limit_are_read_gzip_included(small_limit: int) -> None:
    body = padded(LIMIT)
    assert len(body) == LIMIT
    assert client(raw(body)).clusters()[0].id == CLUSTER["id"]
    zipped = httpx.Response(200, content=gzip.compress(body), headers={"content-encoding": "gzip"})
    assert client(zipped).clusters()[0].id == CLUSTER["id"]
