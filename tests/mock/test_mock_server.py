"""How the mock is served (``scnet_hpc.mock.server``): each answer leaves in one write, whole,
also when the connection closes right after it; the settings pick the fast loop and parser."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from scnet_hpc.mock import create_app
from scnet_hpc.mock.server import _OneWrite, one_write_protocol, uvicorn_settings
from scnet_hpc.mock.testing import serve


class FakeTransport:
    def __init__(self) -> None:
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: bytes) -> None:
        assert not self.closed, "written after close: the bytes would be lost"
        self.writes.append(data)

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, name: str) -> Any:
        return f"info:{name}"


def test_writes_of_one_loop_turn_leave_as_one() -> None:
    async def scenario() -> FakeTransport:
        real = FakeTransport()
        wrapped = _OneWrite(real, asyncio.get_running_loop())  # type: ignore[arg-type]
        wrapped.write(b"HTTP/1.1 200 OK\r\n\r\n")
        wrapped.write(b'{"code":"0"}')
        assert real.writes == []  # nothing sent yet: the turn is not over
        await asyncio.sleep(0)
        assert wrapped.get_extra_info("peername") == "info:peername"  # the rest is passed on
        return real

    assert asyncio.run(scenario()).writes == [b'HTTP/1.1 200 OK\r\n\r\n{"code":"0"}']


def test_close_sends_what_is_pending_first() -> None:
    async def scenario() -> FakeTransport:
        real = FakeTransport()
        wrapped = _OneWrite(real, asyncio.get_running_loop())  # type: ignore[arg-type]
        wrapped.write(b"head")
        wrapped.write(b"body")
        wrapped.close()
        await asyncio.sleep(0)  # the scheduled flush finds nothing left to send
        return real

    real = asyncio.run(scenario())
    assert (real.writes, real.closed) == ([b"headbody"], True)


def test_settings_use_the_one_write_protocol() -> None:
    settings = uvicorn_settings()
    assert settings["http"] is one_write_protocol() or settings["http"] == "h11"
    assert settings["loop"] in ("uvloop", "asyncio")


def test_an_answer_before_connection_close_arrives_whole() -> None:
    with serve(create_app()) as base:
        host, port = base.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            sock.sendall(
                b"GET /hpc/openapi/v2/cluster HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            )
            received = b""
            while chunk := sock.recv(65536):
                received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    length = next(
        int(line.split(b":")[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length")
    )
    assert len(body) == length
    assert body.startswith(b'{"code":"10003"')  # no token: the envelope, complete
