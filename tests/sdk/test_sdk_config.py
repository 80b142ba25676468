"""Where the spec is found, configuration from the environment, and client plumbing."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from scnet_hpc import (
    DEFAULT_AUTH_URL,
    DEFAULT_PLATFORM_URL,
    AsyncClient,
    Client,
    ConfigurationError,
    InvalidArgumentError,
    _service,
    _spec,
    env_settings,
)

from .sdk_helpers import CLUSTER, envelope, json_response, make_jwt

TOKEN = make_jwt({"expireTime": "4102444800000"})


def test_spec_is_found_in_a_checkout() -> None:
    path = _spec.spec_path()
    assert path == _service.openapi_path()
    assert path.is_file()
    assert path.read_text(encoding="utf-8").startswith("openapi: 3.")


def test_spec_is_found_inside_an_installed_wheel(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # a wheel carries openapi.yaml as scnet_hpc/openapi.yaml (pyproject force-include)
    package = tmp_path / "scnet_hpc"
    package.mkdir()
    (package / "openapi.yaml").write_text("openapi: 3.1.0\n")
    monkeypatch.setattr(_service.importlib.resources, "files", lambda name: package)
    assert _spec.spec_path() == package / "openapi.yaml"


def test_a_missing_spec_says_what_to_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(_service.importlib.resources, "files", lambda name: tmp_path)
    monkeypatch.setattr(_service, "_CHECKOUT_SPEC", tmp_path / "openapi.yaml")
    with pytest.raises(ConfigurationError, match="validate=False"):
        _spec.spec_path()


def test_pyproject_packs_the_spec_into_the_wheel() -> None:
    import tomllib

    root = Path(__file__).resolve().parents[2]
    project = tomllib.loads((root / "pyproject.toml").read_text())
    include = project["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["openapi.yaml"] == "scnet_hpc/openapi.yaml"
    deps = " ".join(project["project"]["dependencies"])
    assert "jsonschema" in deps
    assert "sniffio" in deps


def test_the_async_transport_finds_sniffio() -> None:
    """httpcore 1.0 imports sniffio for every async lock (~8 per AsyncClient request); anyio no
    longer brings it, and a missing module is searched for again each time (~0.1 ms a go)."""
    import asyncio

    from httpcore._synchronization import current_async_library

    async def library() -> tuple[str, bool]:
        import sys

        return current_async_library(), "sniffio" in sys.modules

    assert asyncio.run(library()) == ("asyncio", True)


def test_environment_settings() -> None:
    static = env_settings({"SCNET_TOKEN": "t", "SCNET_BASE_URL": "https://h/hpc"})
    assert static["kind"] == "token"
    assert static["base_url"] == "https://h/hpc"
    assert static["platform_url"] == DEFAULT_PLATFORM_URL
    keys = env_settings(
        {"SCNET_USER": "u", "SCNET_ACCESS_KEY": "a", "SCNET_SECRET_KEY": "s", "SCNET_REGION": "1"}
    )
    assert (keys["kind"], keys["region"], keys["auth_url"]) == ("access_key", "1", DEFAULT_AUTH_URL)
    with pytest.raises(ConfigurationError, match="SCNET_SECRET_KEY"):
        env_settings({"SCNET_USER": "u", "SCNET_ACCESS_KEY": "a"})
    with pytest.raises(ConfigurationError, match="SCNET_BASE_URL"):
        env_settings({"SCNET_TOKEN": "t"})


def test_client_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(envelope([CLUSTER]))

    monkeypatch.setenv("SCNET_TOKEN", TOKEN)
    monkeypatch.setenv("SCNET_BASE_URL", "https://hpc.example")
    with Client.from_env(transport=httpx.MockTransport(handler)) as client:
        assert client.clusters()[0].id == 1638523853
    assert seen[0].url == "https://hpc.example/hpc/openapi/v2/cluster"


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"base_url": "hpc.example"}, "http"),
        ({"token": ""}, "token"),
        ({"scheduler_id": "abc"}, "scheduler_id"),
        ({"platform_url": "ftp://x"}, "platform_url"),
        ({"timeout": -1}, "timeout"),
        ({"retries": -1}, "retries"),
    ],
)
def test_bad_configuration_is_reported_at_construction(
    kwargs: dict[str, Any], fragment: str
) -> None:
    args = {"base_url": "https://hpc.example", "token": TOKEN, **kwargs}
    with pytest.raises((ConfigurationError, InvalidArgumentError, ValueError), match=fragment):
        Client(args.pop("base_url"), args.pop("token"), **args)


def test_access_key_configuration_is_checked() -> None:
    with pytest.raises(ConfigurationError, match="secret_key"):
        Client.from_access_key("u", "ak", "")
    with pytest.raises(ConfigurationError, match="auth_url"):
        Client.from_access_key("u", "ak", "sk", auth_url="api.scnet.cn")
    client = Client.from_access_key("u", "ak", "sk-never-shown")
    assert "sk-never-shown" not in repr(client)
    assert "sk-never-shown" not in repr(client._core.session.credentials)


def test_with_options_shares_the_pool_and_does_not_close_it() -> None:
    transport = httpx.MockTransport(lambda r: json_response(envelope([CLUSTER])))
    client = Client("https://hpc.example", TOKEN, transport=transport)
    derived = client.with_options(timeout=1, retries=0, validate=False)
    assert derived.options.validate is False
    assert derived.options.retry.max_retries == 0
    derived.close()
    assert client.clusters()  # still open
    client.close()
    with pytest.raises(RuntimeError):
        client.clusters()


def test_async_client_awaits_an_async_sleep_and_closes() -> None:
    answers: list[Callable[[], httpx.Response]] = [
        lambda: httpx.Response(503),
        lambda: json_response(envelope([CLUSTER])),
    ]
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    async def main() -> None:
        transport = httpx.MockTransport(lambda r: answers.pop(0)())
        async with AsyncClient("https://hpc.example", TOKEN, transport=transport, sleep=sleep) as c:
            assert (await c.clusters())[0].text == "Cluster"
            http = c._http
        assert http.is_closed

    asyncio.run(main())
    assert len(slept) == 1


def test_one_scheduler_id_check_two_kinds_of_mistake() -> None:
    """A bad scheduler id as a setting is a configuration error; as an argument, an argument
    error; both come from one check and say the same."""
    with pytest.raises(ConfigurationError) as setting:
        Client("https://hpc.example", TOKEN, scheduler_id="abc")
    transport = httpx.MockTransport(lambda request: httpx.Response(500))
    client = Client("https://hpc.example", TOKEN, transport=transport)
    with client, pytest.raises(InvalidArgumentError) as argument:
        client.queues(scheduler_id="abc")
    assert not isinstance(argument.value, ConfigurationError)
    assert str(setting.value) == str(argument.value)
    assert "scheduler_id must be a number such as 1638523853, got 'abc'" in str(setting.value)
