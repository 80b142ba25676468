from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.queue_list_envelope import QueueListEnvelope
from ...types import UNSET, Response


def _get_kwargs(
    username: str,
    *,
    str_job_manager_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["strJobManagerID"] = str_job_manager_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/hpc/openapi/v2/queuenames/users/{username}".format(
            username=quote(str(username), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | QueueListEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | QueueListEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = QueueListEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | QueueListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    str_job_manager_id: str,
) -> Response[Any | ErrorEnvelope | QueueListEnvelope]:
    """Queues the user may use (查询用户可访问队列).

    Args:
        username (str):
        str_job_manager_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | QueueListEnvelope]
    """

    kwargs = _get_kwargs(
        username=username,
        str_job_manager_id=str_job_manager_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    str_job_manager_id: str,
) -> Any | ErrorEnvelope | QueueListEnvelope | None:
    """Queues the user may use (查询用户可访问队列).

    Args:
        username (str):
        str_job_manager_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | QueueListEnvelope
    """

    return sync_detailed(
        username=username,
        client=client,
        str_job_manager_id=str_job_manager_id,
    ).parsed


async def asyncio_detailed(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    str_job_manager_id: str,
) -> Response[Any | ErrorEnvelope | QueueListEnvelope]:
    """Queues the user may use (查询用户可访问队列).

    Args:
        username (str):
        str_job_manager_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | QueueListEnvelope]
    """

    kwargs = _get_kwargs(
        username=username,
        str_job_manager_id=str_job_manager_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    username: str,
    *,
    client: AuthenticatedClient | Client,
    str_job_manager_id: str,
) -> Any | ErrorEnvelope | QueueListEnvelope | None:
    """Queues the user may use (查询用户可访问队列).

    Args:
        username (str):
        str_job_manager_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | QueueListEnvelope
    """

    return (
        await asyncio_detailed(
            username=username,
            client=client,
            str_job_manager_id=str_job_manager_id,
        )
    ).parsed
