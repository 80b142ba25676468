"""A client from SCNET_* environment variables (what the other samples use)."""

from scnet_hpc import Client

# SCNET_USER, SCNET_ACCESS_KEY, SCNET_SECRET_KEY (and SCNET_AUTH_URL, SCNET_PLATFORM_URL
# for a server other than the public service), or SCNET_TOKEN and SCNET_BASE_URL.
with Client.from_env() as client:
    info = client.region_info()
    print(info.name, info.hpc_url, info.cluster_user, info.home_path)
