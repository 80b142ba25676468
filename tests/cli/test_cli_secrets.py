"""No token, secret key or signature in anything the CLI prints or logs, on any command,
in either output mode, with --debug, on success and on failure."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

import scnet_hpc

from .cli_support import DEMO_SECRET_KEY, Cli, Mock, Result, ak_env


class Seen:
    """Everything a user or a log file could see."""

    def __init__(self, caplog: pytest.LogCaptureFixture) -> None:
        self.caplog = caplog
        self.texts: list[str] = []

    def add(self, result: Result) -> Result:
        self.texts += [result.stdout, result.stderr]
        if result.exception is not None:
            self.texts += [str(result.exception), repr(result.exception)]
        return result

    def all(self) -> str:
        logs = [r.getMessage() for r in self.caplog.records]
        logs += [self.caplog.text]
        return "\n".join(self.texts + logs)


@pytest.fixture
def seen(caplog: pytest.LogCaptureFixture) -> Seen:
    caplog.set_level(logging.DEBUG)  # every logger, SDK and httpx included
    return Seen(caplog)


def every_command(run: Cli, seen: Seen, mock: Mock, *, extra: tuple[str, ...] = ()) -> None:
    """Each command in both output modes, with --debug, including failures."""
    for fmt in ("table", "json"):
        base = ("--debug", "--output", fmt, *extra)
        for args in (("regions",), ("clusters",), ("queues",), ("queues", "--details"),
                     ("stats",), ("jobs",)):  # fmt: skip
            seen.add(run.ok(*base, *args))
        submitted = seen.add(run.ok("--output", "json", *extra, "submit", "-q", "debug",
                                    "-t", "60", "echo secret-test"))  # fmt: skip
        job_id = json.loads(submitted.stdout)["job_id"]
        seen.add(run.ok(*base, "submit", "-q", "debug", "-t", "60", "sleep 100"))
        mock.advance(10)
        later = [
            ("job", job_id), ("wait", job_id, "--interval", "0.05"), ("output", job_id),
            ("output", job_id, "--stderr"), ("history", "--end", mock.china_time(60)),
            ("jobs", "--job-id", job_id),
        ]  # fmt: skip
        for args in later:
            seen.add(run.ok(*base, *args))
        seen.add(run(*base, "cancel", job_id))  # finished: a failure message, exit 3
        seen.add(run(*base, "submit", "-q", "nosuchqueue", "-t", "60", "true"))  # API error
        seen.add(run(*base, "job", "99999999"))  # not found
        seen.add(run(*base, "submit", "-q", "debug", "-t", "bad", "true"))  # bad input


def test_access_key_mode_shows_no_secret(
    mock: Mock, seen: Seen, token_cache: Path, config_file: Path
) -> None:
    run = Cli(ak_env(mock.url))
    seen.add(run.ok("--debug", "login"))
    seen.add(run.ok("--debug", "--output", "json", "login"))
    every_command(run, seen, mock)
    document = json.loads(token_cache.read_text())
    tokens = [t for e in document["identities"].values() for t in e["tokens"].values()]
    assert tokens
    text = seen.all()
    assert "curl -X POST" in text  # the debug lines were really there
    for secret in [DEMO_SECRET_KEY, *tokens]:
        assert secret not in text
    assert DEMO_SECRET_KEY not in config_file.read_text()


def test_static_token_mode_shows_no_secret(mock: Mock, seen: Seen) -> None:
    token = mock.state.mint_token()
    run = Cli({
        "SCNET_TOKEN": token, "SCNET_BASE_URL": mock.url, "SCNET_PLATFORM_URL": mock.url,
        "SCNET_SECRET_KEY": DEMO_SECRET_KEY,  # present but unused: must not show either
    })  # fmt: skip
    every_command(run, seen, mock)
    text = seen.all()
    assert "-H 'token: ***'" in text
    assert "error: the scheduler rejected the job: sbatch: error" in text  # the failures ran too
    assert "secret-test" in text  # and so did output
    assert token not in text
    assert DEMO_SECRET_KEY not in text


def test_refused_credentials_are_not_echoed(mock: Mock, seen: Seen) -> None:
    bad_token = "not-a-real-token-7f3a9c"
    run = Cli({"SCNET_TOKEN": bad_token, "SCNET_BASE_URL": mock.url})
    failed = seen.add(run("--debug", "clusters"))
    assert failed.exit_code == 3
    bad_secret = "wrong-secret-key-42ab"
    login = Cli({**ak_env(mock.url), "SCNET_SECRET_KEY": bad_secret})
    refused = seen.add(login("--debug", "login"))
    assert refused.exit_code == 3
    text = seen.all()
    assert bad_token not in text
    assert bad_secret not in text


def test_a_secret_inside_an_unexpected_exception_is_masked(
    mock: Mock, seen: Seen, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = mock.state.mint_token()

    def leaky(self: object) -> None:
        raise RuntimeError(f"failed with token {token} and key {DEMO_SECRET_KEY}")

    monkeypatch.setattr(scnet_hpc.Client, "clusters", leaky)
    run = Cli({
        "SCNET_TOKEN": token, "SCNET_BASE_URL": mock.url, "SCNET_SECRET_KEY": DEMO_SECRET_KEY,
    })  # fmt: skip
    for args in (("clusters",), ("--debug", "clusters")):
        result = seen.add(run(*args))
        assert result.exit_code == 1
        assert "failed with token *** and key ***" in result.stderr
    text = seen.all()
    assert "Traceback" in text
    assert token not in text
    assert DEMO_SECRET_KEY not in text
