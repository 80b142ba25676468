"""A hostile server on loopback: the CLI exits 6 on a body it cannot trust (not 1, "internal
error"), and what the server says reaches the terminal without its escape sequences."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from scnet_hpc.cli import ExitCode
from scnet_hpc.cli._errors import MAX_LINE
from scnet_hpc.cli._terminal import printable
from scnet_hpc.mock.testing import serve

from .cli_support import Cli

CLUSTER = {
    "JobManagerType": "SLURM",
    "JobManagerAddr": "10.8.150.45",
    "id": 1638523853,
    "text": "Cluster",
    "JobManagerPort": "9091",
}
#: Clears the screen, moves home, sets the window title, writes the clipboard (OSC 52), rings.
HOSTILE = "\x1b[2J\x1b[H\x1b]0;owned\x07\x1b]52;c;ZXZpbA==\x07\r\x07"


class Hostile:
    """Answers every request with ``self.body`` (settable per test)."""

    def __init__(self) -> None:
        self.body: bytes = b"{}"

    def app(self) -> Starlette:
        async def answer(request: Request) -> Response:
            return Response(self.body, media_type="application/json")

        return Starlette(routes=[Route("/{path:path}", answer, methods=["GET", "POST"])])


@pytest.fixture
def hostile() -> Iterator[tuple[Hostile, Cli]]:
    server = Hostile()
    with serve(server.app()) as url:
        yield server, Cli({
            "SCNET_TOKEN": "static-token", "SCNET_BASE_URL": url, "SCNET_PLATFORM_URL": url,
            "SCNET_RETRIES": "0", "SCNET_SCHEDULER_ID": "1638523853",
        })  # fmt: skip


def answer(server: Hostile, value: Any) -> None:
    server.body = value if isinstance(value, bytes) else json.dumps(value).encode()


def one_error_line(result: Any, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert result.exception is None
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    line: str = lines[0]
    return line


def nested(depth: int) -> Any:
    value: Any = 1
    for level in range(depth):
        value = {"a": value} if level % 2 else [value]
    return value


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        json.dumps({"code": "0", "msg": "", "data": [{**CLUSTER, "x": nested(900)}]}).encode(),
        json.dumps({"code": "10004", "msg": nested(900), "data": None}).encode(),
    ],
    ids=["brackets", "deep_member", "deep_msg"],
)
def test_deeply_nested_answer_exits_6(hostile: tuple[Hostile, Cli], body: bytes) -> None:
    server, run = hostile
    answer(server, body)
    line = one_error_line(run("clusters"), ExitCode.CONTRACT)
    assert "list_clusters: response does not match the contract" in line
    assert "levels deep" in line


def test_an_id_beyond_int64_exits_6(hostile: tuple[Hostile, Cli]) -> None:
    server, run = hostile
    answer(server, {"code": "0", "msg": "", "data": [{**CLUSTER, "id": 10**30}]})
    line = one_error_line(run("clusters"), ExitCode.CONTRACT)
    assert "at data[0].id" in line
    assert "out of the int64 range" in line


def test_server_msg_escape_sequences_do_not_reach_the_terminal(
    hostile: tuple[Hostile, Cli],
) -> None:
    server, run = hostile
    answer(server, {"code": "10004", "msg": f"参数错误{HOSTILE} 队列不存在", "data": None})
    line = one_error_line(run("clusters"), ExitCode.API)
    assert not {"\x1b", "\r", "\x07"} & set(line)
    assert "\\x07" in line  # a stray control character is shown, not dropped silently
    assert line == "error: [10004 invalid parameters] list_clusters: 参数错误 \\x07 队列不存在"


def test_a_huge_server_msg_is_cut_to_one_readable_line(hostile: tuple[Hostile, Cli]) -> None:
    server, run = hostile
    answer(server, {"code": "10004", "msg": "错" * 1_000_000, "data": None})
    line = one_error_line(run("clusters"), ExitCode.API)
    assert len(line) < MAX_LINE + 100
    assert line.endswith(" more characters)")


def test_escape_sequences_in_table_cells_are_stripped(hostile: tuple[Hostile, Cli]) -> None:
    server, run = hostile
    answer(server, {"code": "0", "msg": "", "data": [{**CLUSTER, "text": f"计算{HOSTILE}集群"}]})
    result = run("clusters")
    assert result.exit_code == 0, result.stderr
    assert not {"\x1b", "\r", "\x07"} & set(result.stdout)
    assert "计算 \\x07集群" in result.stdout


def test_json_output_keeps_the_text_exactly(hostile: tuple[Hostile, Cli]) -> None:
    # JSON is the machine interface: json.dumps escapes control characters itself.
    server, run = hostile
    answer(server, {"code": "0", "msg": "", "data": [{**CLUSTER, "text": f"x{HOSTILE}"}]})
    result = run("--output", "json", "clusters")
    assert "\x1b" not in result.stdout
    assert result.json()[0]["text"] == f"x{HOSTILE}"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("中文队列 normal", "中文队列 normal"),
        ("a\x1b[31mred\x1b[0m", "ared"),
        ("\x9b2Jc1 csi", "c1 csi"),
        ("title\x1b]0;x\x1b\\ st", "title st"),
        ("nul\x00 del\x7f", "nul\\x00 del\\x7f"),
        ("rtl\u202eevil", "rtl\\u202eevil"),
        ("tab\tnewline\n", "tab\tnewline\n"),
        ("cr\rlf", "cr lf"),
        ("dangling\x1b", "dangling"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown
