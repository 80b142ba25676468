"""Tokens and regions: sign-in, the token cache, the region's discovered settings."""

import os
import tempfile
import time
from pathlib import Path

from scnet_hpc import Client

MOCK = os.environ.get("SCNET_AUTH_URL", "http://127.0.0.1:8000")

# --8<-- [start:regions]
with Client.from_access_key(
    "demo", "demo-access-key", "demo-secret-key", auth_url=MOCK, platform_url=MOCK
) as client:
    for region in client.sign_in():  # one token per region; unavailable: stopped there
        print(region.id, region.name, "available" if region.available else "stopped")
    info = client.region_info()  # the region in use: job API URL, cluster user, home
    print(info.id, info.hpc_url, info.cluster_user, info.home_path)
    expires = client.token_expires_at
    print("token valid for", round((expires or time.time()) - time.time()), "s")
    me = client.whoami()  # the platform's view of you
    print(me)
# --8<-- [end:regions]

# --8<-- [start:cache]
cache = Path(tempfile.mkdtemp()) / "tokens.json"  # default: where `scnet-hpc login` keeps it
with Client.from_access_key(
    "demo",
    "demo-access-key",
    "demo-secret-key",
    auth_url=MOCK,
    platform_url=MOCK,
    token_cache=cache,
    region=info.id,
) as client:
    client.sign_in()  # the tokens go to the cache (mode 0600)

# Later, without the secret key: the cached token, renewed through tokens/next when due.
with Client.from_token_cache("demo", "demo-access-key", token_cache=cache, platform_url=MOCK) as c:
    print(len(c.queues()), "queues, token until", c.token_expires_at)
# --8<-- [end:cache]
