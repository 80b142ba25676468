from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.queue_job_stats_envelope import QueueJobStatsEnvelope
from ...types import UNSET, Response


def _get_kwargs(
    *,
    user_name: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["userName"] = user_name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hpc/openapi/v2/view/queue/jobs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | QueueJobStatsEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | QueueJobStatsEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = QueueJobStatsEnvelope.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_1 = ErrorEnvelope.from_dict(data)

            return response_200_type_1

        response_200 = _parse_response_200(response.json())

        return response_200

    response_default = cast(Any, None)
    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | ErrorEnvelope | QueueJobStatsEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    user_name: str,
) -> Response[Any | ErrorEnvelope | QueueJobStatsEnvelope]:
    """Job counts per queue (查询队列作业统计信息).

     If none of the user's queues has a job, `data` is `null` (若队列均无作业,则返回null).

    Args:
        user_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | QueueJobStatsEnvelope]
    """

    kwargs = _get_kwargs(
        user_name=user_name,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    user_name: str,
) -> Any | ErrorEnvelope | QueueJobStatsEnvelope | None:
    """Job counts per queue (查询队列作业统计信息).

     If none of the user's queues has a job, `data` is `null` (若队列均无作业,则返回null).

    Args:
        user_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | QueueJobStatsEnvelope
    """

    return sync_detailed(
        client=client,
        user_name=user_name,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    user_name: str,
) -> Response[Any | ErrorEnvelope | QueueJobStatsEnvelope]:
    """Job counts per queue (查询队列作业统计信息).

     If none of the user's queues has a job, `data` is `null` (若队列均无作业,则返回null).

    Args:
        user_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | QueueJobStatsEnvelope]
    """

    kwargs = _get_kwargs(
        user_name=user_name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    user_name: str,
) -> Any | ErrorEnvelope | QueueJobStatsEnvelope | None:
    """Job counts per queue (查询队列作业统计信息).

     If none of the user's queues has a job, `data` is `null` (若队列均无作业,则返回null).

    Args:
        user_name (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | QueueJobStatsEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            user_name=user_name,
        )
    ).parsed
