"""Settings precedence (flag > environment > profile > default) and the profile file."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from scnet_hpc import ConfigurationError
from scnet_hpc.cli._client import make_client
from scnet_hpc.cli._config import Settings, load_profile, resolve, save_profile
from scnet_hpc.cli._errors import CliError
from scnet_hpc.mock.testing import free_port

from .cli_support import SCHEDULER_ID, Cli, Mock


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


# --------------------------------------------------------------------------- resolve()


def test_flag_beats_env_beats_profile(tmp_path: Path) -> None:
    config = write(
        tmp_path / "c.toml",
        '[profiles.default]\nbase_url = "http://profile"\nregion = "p"\nuser = "u-profile"\n'
        "retries = 1\n",
    )
    env = {"SCNET_BASE_URL": "http://env", "SCNET_REGION": "e", "SCNET_CONFIG": str(config)}
    settings = resolve({"base_url": "http://flag"}, environ=env)
    assert settings.base_url == "http://flag"
    assert settings.region == "e"
    assert settings.user == "u-profile"
    assert settings.retries == 1
    assert settings.sources["base_url"] == "flag"
    assert settings.sources["region"] == "env"
    assert settings.sources["user"] == "profile"
    assert "token" not in settings.sources  # nothing anywhere


def test_defaults_when_nothing_is_given(tmp_path: Path) -> None:
    settings = resolve({}, environ={"XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": "/c"})
    assert settings.profile == "default"
    assert settings.config_path == tmp_path / "scnet-hpc" / "config.toml"
    assert settings.output == "table"
    assert settings.base_url is None
    assert settings.token_cache_path == Path("/c/scnet-hpc/tokens.json")


def test_hpc_url_is_an_alias_and_empty_values_do_not_count(tmp_path: Path) -> None:
    config = write(tmp_path / "c.toml", '[profiles.default]\nbase_url = "http://profile"\n')
    env = {"SCNET_CONFIG": str(config), "SCNET_BASE_URL": " ", "SCNET_HPC_URL": "http://alias"}
    assert resolve({}, environ=env).base_url == "http://alias"
    assert resolve({}, environ={"SCNET_CONFIG": str(config)}).base_url == "http://profile"


def test_profile_by_flag_env_and_default_profile(tmp_path: Path) -> None:
    config = write(
        tmp_path / "c.toml",
        'default_profile = "b"\n[profiles.a]\nuser = "ua"\n[profiles.b]\nuser = "ub"\n'
        '[profiles.c]\nuser = "uc"\n',
    )
    env = {"SCNET_CONFIG": str(config)}
    assert resolve({}, environ=env).user == "ub"
    assert resolve({}, environ={**env, "SCNET_PROFILE": "c"}).user == "uc"
    assert resolve({"profile": "a"}, environ={**env, "SCNET_PROFILE": "c"}).user == "ua"


@pytest.mark.parametrize(
    ("text", "flags", "message"),
    [
        ("[profiles.default]\nusr = 'x'\n", {}, "has unknown key(s) usr"),
        ("[profiles.default]\ntoken = 'x'\n", {}, "has unknown key(s) token"),
        ("[profiles.a]\nuser = 'x'\n", {"profile": "zz"}, "profile 'zz' is not in"),
        ("not toml = = =\n", {}, "is not valid TOML"),
        ("profiles = 3\n", {}, "'profiles' must be a table"),
        ("[profiles.default]\nretries = 'many'\n", {}, "profile key retries must be a number"),
        ("[profiles.default]\noutput = 'yaml'\n", {}, "output must be table or json"),
    ],
)
def test_bad_profiles_are_named(tmp_path: Path, text: str, flags: dict, message: str) -> None:
    config = write(tmp_path / "c.toml", text)
    with pytest.raises(CliError) as caught:
        resolve(flags, environ={"SCNET_CONFIG": str(config)})
    assert message in caught.value.message


def test_bad_numbers_name_where_they_came_from(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    with pytest.raises(CliError, match="SCNET_REQUEST_TIMEOUT must be a number"):
        resolve({}, environ={**env, "SCNET_REQUEST_TIMEOUT": "soon"})
    with pytest.raises(CliError, match="SCNET_REQUEST_TIMEOUT must be positive"):
        resolve({}, environ={**env, "SCNET_REQUEST_TIMEOUT": "0"})
    assert resolve({}, environ={**env, "SCNET_RETRIES": "0"}).retries == 0


def test_save_profile_keeps_other_profiles_and_is_private(tmp_path: Path) -> None:
    config = write(tmp_path / "d" / "c.toml", '[profiles.other]\nuser = "o"\n')
    config.chmod(0o644)
    save_profile(config, "new", {"user": "n", "region": "1", "secret_key": None})
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert load_profile(config, "other") == ("other", {"user": "o"})
    assert load_profile(config, "new") == ("new", {"user": "n", "region": "1"})
    save_profile(config, "new", {"region": "2"}, drop=("user",))
    assert load_profile(config, "new") == ("new", {"region": "2"})
    with pytest.raises(CliError, match="unknown profile key"):
        save_profile(config, "new", {"tokn": "x"})


def test_cached_token_rules(mock: Mock, tmp_path: Path) -> None:
    from scnet_hpc._token_cache import TokenCache
    from scnet_hpc._tokens import Token

    cache = tmp_path / "tokens.json"

    def cache_token(token: str) -> None:
        TokenCache(cache, user="demo", access_key="ak").save(
            {"11250": Token.parse(token)}, [{"id": "11250", "name": "east", "available": True}]
        )

    good = mock.state.mint_token()
    cache_token(good)
    base = Settings(
        profile="p", config_path=tmp_path / "c", user="demo", access_key="ak",
        token_cache=str(cache), platform_url=mock.url, retries=0,
    )  # fmt: skip
    assert make_client(base).clusters()[0].id == SCHEDULER_ID  # region found through center
    east = make_client(Settings(**{**base.__dict__, "region": "east"}))
    assert east.clusters()[0].id == SCHEDULER_ID
    assert east.token_expires_at == Token.parse(good).expires_at  # the cached token, unrenewed
    with pytest.raises(ConfigurationError, match="no cached token for region 99"):
        make_client(Settings(**{**base.__dict__, "region": "99"}))
    with pytest.raises(ConfigurationError, match="no cached token for user demo"):
        make_client(Settings(**{**base.__dict__, "access_key": "other"}))
    # Expired past the platform's renewal grace (a day): nothing renews it.
    cache_token(mock.state.mint_token(lifetime=-200_000))
    with pytest.raises(ConfigurationError, match="has expired and could not be renewed") as e:
        make_client(base).clusters()
    assert "run 'scnet-hpc login'" in str(e.value)


# --------------------------------------------------------------------------- end to end


def token_env(mock: Mock) -> dict[str, str | None]:
    return {
        "SCNET_TOKEN": mock.state.mint_token(), "SCNET_PLATFORM_URL": mock.url,
        "SCNET_RETRIES": "0",
    }  # fmt: skip


def test_base_url_precedence_end_to_end(mock: Mock, config_file: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    write(config_file, f'[profiles.default]\nbase_url = "{dead}"\n')
    run = Cli(token_env(mock))
    # profile alone: the dead URL is used
    assert run("clusters").exit_code == 4
    # env beats profile
    assert run.json("clusters", env={"SCNET_BASE_URL": mock.url})[0]["id"] == SCHEDULER_ID
    # flag beats env
    result = run("--base-url", dead, "clusters", env={"SCNET_BASE_URL": mock.url})
    assert result.exit_code == 4
    assert dead in result.stderr
    # flag beats profile
    assert run.json("--base-url", mock.url, "clusters")[0]["id"] == SCHEDULER_ID


def test_output_precedence_end_to_end(mock: Mock, config_file: Path) -> None:
    write(config_file, f'[profiles.default]\nbase_url = "{mock.url}"\noutput = "json"\n')
    run = Cli(token_env(mock))
    assert json.loads(run.ok("clusters").stdout)[0]["id"] == SCHEDULER_ID  # profile: json
    table = run.ok("clusters", env={"SCNET_OUTPUT": "table"}).stdout  # env beats profile
    assert table.startswith("ID")
    flagged = run.ok("clusters", "-o", "json", env={"SCNET_OUTPUT": "table"}).stdout
    assert json.loads(flagged)[0]["id"] == SCHEDULER_ID  # flag beats env
    # the command's own flag beats the group's
    assert run.ok("-o", "json", "clusters", "-o", "table").stdout.startswith("ID")


def test_named_profiles_end_to_end(mock: Mock, config_file: Path) -> None:
    dead = f"http://127.0.0.1:{free_port()}"
    write(
        config_file,
        f'default_profile = "broken"\n[profiles.broken]\nbase_url = "{dead}"\n'
        f'[profiles.mock]\nbase_url = "{mock.url}"\n',
    )
    run = Cli(token_env(mock))
    assert run("clusters").exit_code == 4
    assert run.json("--profile", "mock", "clusters")[0]["id"] == SCHEDULER_ID
    assert run.json("clusters", env={"SCNET_PROFILE": "mock"})[0]["id"] == SCHEDULER_ID
    missing = run("--profile", "nope", "clusters")
    assert missing.exit_code == 2
    assert missing.stderr.startswith("error: profile 'nope' is not in ")


def test_config_flag_and_env(mock: Mock, tmp_path: Path) -> None:
    config = write(tmp_path / "elsewhere.toml", f'[profiles.default]\nbase_url = "{mock.url}"\n')
    run = Cli(token_env(mock))
    assert run.json("--config", str(config), "clusters")[0]["id"] == SCHEDULER_ID
    assert run.json("clusters", env={"SCNET_CONFIG": str(config)})[0]["id"] == SCHEDULER_ID


def test_login_then_profile_then_region_override(mock: Mock, config_file: Path) -> None:
    login = Cli({"SCNET_SECRET_KEY": "demo-secret-key"})
    login.ok(
        "--profile", "mock", "login", "--user", "demo", "--access-key", "demo-access-key",
        "--auth-url", mock.url, "--platform-url", mock.url,
    )  # fmt: skip
    assert "[profiles.mock]" in config_file.read_text()
    run = Cli({"SCNET_PROFILE": "mock"})
    assert run.json("clusters")[0]["id"] == SCHEDULER_ID
    # The Wuhan region's cached token does not work on the Kunshan URL the profile names:
    other = run("--region", "20078", "clusters")
    assert other.exit_code == 3
    # ... unless the secret key is there to discover that region's own URL.
    clusters = run.json(
        "--region", "20078", "clusters", env={"SCNET_SECRET_KEY": "demo-secret-key"}
    )
    assert clusters[0]["text"] == "whmock"
