"""A mock that listens beyond loopback never accepts the demo secret key (issue 12, item 2).

The shipped deployments publish their secret keys in this repository; anyone who can reach a
mock on 0.0.0.0 could sign in with them (and, with the Slurm engine, run jobs). ``python -m
scnet_hpc.mock`` replaces them by generated keys there and prints those once. Tests bind only
loopback, so the choice is tested on ``public_secrets``, the function main() applies.
"""

from __future__ import annotations

import pytest

from scnet_hpc.mock import create_app, load_deployment
from scnet_hpc.mock.__main__ import is_loopback, public_secrets
from scnet_hpc.mock.deployment.model import DEPLOYMENTS, SLURM_DEPLOYMENT
from scnet_hpc.mock.testing import sync_client


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "::1", "127.0.0.2"])
def test_loopback_keeps_the_demo_keys(host: str) -> None:
    deployment = load_deployment(None)
    assert is_loopback(host)
    assert public_secrets(deployment, host) == (deployment, {})


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "myhost.example"])
@pytest.mark.parametrize("path", [None, SLURM_DEPLOYMENT])
def test_beyond_loopback_the_demo_keys_are_replaced(host: str, path: object) -> None:
    deployment = load_deployment(path)  # type: ignore[arg-type]
    served, fresh = public_secrets(deployment, host)
    assert set(fresh) == {u.name for u in deployment.users}
    for user in served.users:
        assert user.secret_key == fresh[user.name]
        assert user.secret_key not in {"demo-secret-key", "other-secret-key"}
        assert len(user.secret_key) >= 32
    # the demo key no longer signs in; the generated one does
    app = create_app(served)
    with sync_client(app) as http:
        state = app.state.mock
        ok = http.post("/api/user/v3/tokens", headers=state.sign_in_headers())
        assert ok.json()["code"] == "0"
    old = create_app(deployment)
    with sync_client(app) as http:
        refused = http.post("/api/user/v3/tokens", headers=old.state.mock.sign_in_headers())
        assert refused.json()["code"] == "10009"


def test_a_deployments_own_keys_are_kept_beyond_loopback() -> None:
    raw_users = [
        {
            "name": "alice",
            "access_key": "a-key",
            "secret_key": "a long private secret",
            "regions": [],
        }
    ]
    deployment = load_deployment({"regions": [r for r in _default_regions()], "users": raw_users})
    assert public_secrets(deployment, "0.0.0.0") == (deployment, {})


def _default_regions() -> list[object]:
    import yaml

    raw = yaml.safe_load((DEPLOYMENTS / "default-deployment.yaml").read_text(encoding="utf-8"))
    return list(raw["regions"])
