"""scnet-hpc: a contract-first SDK for the AC HPC OpenAPI v2 (SCNet and Sugon-run HPC centres).

Quick start::

    from scnet_hpc import Client, JobSpec

    with Client.from_access_key("user", "access-key", "secret-key") as client:
        job = client.submit(JobSpec(command="hostname", queue="debug"))
        status = job.wait()
        print(status.state, job.output())

``Client.from_token_cache("user", "access-key")`` works from the tokens ``scnet-hpc login``
cached, without the secret key. ``AsyncClient`` offers the same methods for asyncio. Errors
are ``scnet_hpc.errors`` classes (all ``ScnetError``); returned data are the generated models
in ``scnet_hpc.models``.
Logging goes to the ``scnet_hpc`` logger (``scnet_hpc.http`` prints each request as curl),
with tokens, secret keys and signatures masked.
"""

from ._async_client import AsyncClient, AsyncFiles, AsyncJob
from ._client import Client, Files, Job
from ._config import DEFAULT_AUTH_URL, DEFAULT_PLATFORM_URL, default_token_cache, env_settings
from ._jobspec import JobSpec, format_walltime
from ._logging import redact
from ._options import DEFAULT_TIMEOUT
from ._platform import CoreState
from ._poll import PollSchedule
from ._regions import Region, RegionInfo
from ._retry import RetryPolicy
from ._signing import sign, string_to_sign
from ._states import JobState, JobStatus
from ._tokens import jwt_expiry
from ._version import __version__
from ._workflow import RunResult
from .errors import (
    AccountFrozenError,
    ApiError,
    AuthenticationError,
    ConfigurationError,
    ContractViolation,
    FilePermissionError,
    HttpStatusError,
    InvalidArgumentError,
    InvalidJobSpec,
    InvalidRequestError,
    JobNotFoundError,
    JobRejectedError,
    JobTimeoutError,
    OperationTimeoutError,
    RemoteFileExistsError,
    RemoteFileNotFoundError,
    RequestTimeoutError,
    ScnetError,
    ServerError,
    StorageFullError,
    SubmitManyError,
    TokenExpiredError,
    TransportError,
)

__all__ = [
    "DEFAULT_AUTH_URL",
    "DEFAULT_PLATFORM_URL",
    "DEFAULT_TIMEOUT",
    "AccountFrozenError",
    "ApiError",
    "AsyncClient",
    "AsyncFiles",
    "AsyncJob",
    "AuthenticationError",
    "Client",
    "ConfigurationError",
    "ContractViolation",
    "CoreState",
    "FilePermissionError",
    "Files",
    "HttpStatusError",
    "InvalidArgumentError",
    "InvalidJobSpec",
    "InvalidRequestError",
    "Job",
    "JobNotFoundError",
    "JobRejectedError",
    "JobSpec",
    "JobState",
    "JobStatus",
    "JobTimeoutError",
    "OperationTimeoutError",
    "PollSchedule",
    "Region",
    "RegionInfo",
    "RemoteFileExistsError",
    "RemoteFileNotFoundError",
    "RequestTimeoutError",
    "RetryPolicy",
    "RunResult",
    "ScnetError",
    "ServerError",
    "StorageFullError",
    "SubmitManyError",
    "TokenExpiredError",
    "TransportError",
    "__version__",
    "default_token_cache",
    "env_settings",
    "format_walltime",
    "jwt_expiry",
    "redact",
    "sign",
    "string_to_sign",
]
