"""``--debug``: each request as curl on stderr with token, access key and signature masked."""

from __future__ import annotations

import json
import logging
import re
import shlex
from pathlib import Path

import pytest

from scnet_hpc.cli._debug import MASK, mask

from .cli_support import DEMO_ACCESS_KEY, DEMO_SECRET_KEY, Cli, Mock


def curl_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("curl ")]


def cached_tokens(path: Path) -> list[str]:
    document = json.loads(path.read_text())
    return [t for entry in document["identities"].values() for t in entry["tokens"].values()]


def test_debug_prints_each_request_as_curl_with_secrets_masked(run: Cli, token_cache: Path) -> None:
    result = run.ok("--debug", "jobs")
    curls = curl_lines(result.stderr)
    sign_in = [c for c in curls if "/api/user/v3/tokens" in c]
    assert len(sign_in) == 1
    words = shlex.split(sign_in[0])
    assert words[:3] == ["curl", "-X", "POST"]
    headers = {
        words[i + 1].split(": ", 1)[0]: words[i + 1].split(": ", 1)[1]
        for i, w in enumerate(words)
        if w == "-H"
    }
    assert headers["accessKey"] == MASK
    assert headers["signature"] == MASK
    assert headers["user"] == "demo"
    job_calls = [c for c in curls if "/hpc/openapi/v2/jobs" in c]
    assert len(job_calls) == 1
    assert "-H 'token: ***'" in job_calls[0]
    assert "strClusterIDList=1638523853" in job_calls[0]
    # Every request: center, cluster, jobs (and the sign-in) — one curl each.
    assert len(curls) == 4
    tokens = cached_tokens(token_cache)
    assert tokens
    for secret in [DEMO_SECRET_KEY, DEMO_ACCESS_KEY, *tokens]:
        assert secret not in result.stderr
        assert secret not in result.stdout
    # Everything else is a shell comment, so stderr stays pasteable.
    others = [line for line in result.stderr.splitlines() if not line.startswith("curl ")]
    assert others
    assert all(line.startswith("# ") for line in others)


def test_debug_after_the_command_and_from_the_environment(run: Cli) -> None:
    assert curl_lines(run.ok("clusters", "--debug").stderr)
    assert curl_lines(run.ok("clusters", env={"SCNET_DEBUG": "1"}).stderr)
    assert not curl_lines(run.ok("clusters").stderr)
    assert run.ok("clusters").stderr == ""


def test_debug_curl_shows_json_and_form_bodies(run: Cli, mock: Mock) -> None:
    result = run.ok("--debug", "submit", "-q", "debug", "-t", "60", "echo hi")
    submit = next(c for c in curl_lines(result.stderr) if "/apptemplates/" in c)
    body = json.loads(shlex.split(submit)[-1])
    assert body["mapAppJobInfo"]["GAP_CMD_FILE"] == "echo hi"
    job_id = result.stdout.strip()
    cancel = run.ok("--debug", "cancel", job_id)
    form = next(c for c in curl_lines(cancel.stderr) if "-X DELETE" in c)
    assert "--data-urlencode" in form
    assert f"strJobInfoMap=1638523853,demo:{job_id}:" in form


def test_debug_leaves_no_handler_behind(run: Cli) -> None:
    logger = logging.getLogger("scnet_hpc")
    handlers, level = list(logger.handlers), logger.level
    run.ok("--debug", "clusters")
    run("--debug", "job", "nope-not-a-job")
    assert logger.handlers == handlers
    assert logger.level == level


# --------------------------------------------------------------------------- mask()


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("curl -X GET http://h/x -H 'token: abc.def.ghi'", "abc.def.ghi"),
        ("curl -X POST http://h/t -H 'accessKey: AK123456' -H 'user: u'", "AK123456"),
        ("curl -X POST http://h/t -H 'signature: deadbeef'", "deadbeef"),
        ("curl -H 'Authorization: Bearer-xyz'", "Bearer-xyz"),
        ("""curl --data-raw '{"secretKey": "s3cr3t", "a": 1}'""", "s3cr3t"),
        ("""curl --data-raw '{"token":"t0k3n"}'""", "t0k3n"),
        ("curl 'http://h/x?a=1&token=qwerty&b=2'", "qwerty"),
        ("curl --data-urlencode 'secret_key=zzzz'", "zzzz"),
    ],
)
def test_mask_hides_secret_fields(text: str, hidden: str) -> None:
    masked = mask(text)
    assert hidden not in masked
    assert MASK in masked


def test_mask_hides_given_values_and_jwt_shapes_but_keeps_the_rest() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoiZGVtbyJ9.c2lnbmF0dXJl"
    text = f"# debug: GET http://h/hpc/x?user=demo -> secret-value-1 and {jwt} and abc"
    masked = mask(text, ["secret-value-1", None, "abc"])  # short values are left alone
    assert "secret-value-1" not in masked
    assert jwt not in masked
    assert "http://h/hpc/x?user=demo" in masked
    assert masked.endswith(" and abc")
    assert re.fullmatch(r"# debug: GET \S+ -> \*\*\* and \*\*\* and abc", masked)
