from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.async_removal import AsyncRemoval
from ...models.async_task_submit_envelope import AsyncTaskSubmitEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: list[AsyncRemoval],
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/efile/openapi/v2/file/async-remove",
    }

    _kwargs["json"] = []
    for componentsschemas_async_remove_request_item_data in body:
        componentsschemas_async_remove_request_item = (
            componentsschemas_async_remove_request_item_data.to_dict()
        )
        _kwargs["json"].append(componentsschemas_async_remove_request_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | AsyncTaskSubmitEnvelope | ErrorEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> AsyncTaskSubmitEnvelope | ErrorEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = AsyncTaskSubmitEnvelope.from_dict(data)

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
) -> Response[Any | AsyncTaskSubmitEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[AsyncRemoval],
) -> Response[Any | AsyncTaskSubmitEnvelope | ErrorEnvelope]:
    """Delete in the background (异步删除文件/文件夹).

     JSON array body, one element per task (the docs suggest at most 100 per call). Each task
    is answered with its `taskId`; follow it with `list_file_tasks`. Finished tasks are kept
    for 24 hours.

    Args:
        body (list[AsyncRemoval]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AsyncTaskSubmitEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: list[AsyncRemoval],
) -> Any | AsyncTaskSubmitEnvelope | ErrorEnvelope | None:
    """Delete in the background (异步删除文件/文件夹).

     JSON array body, one element per task (the docs suggest at most 100 per call). Each task
    is answered with its `taskId`; follow it with `list_file_tasks`. Finished tasks are kept
    for 24 hours.

    Args:
        body (list[AsyncRemoval]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AsyncTaskSubmitEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[AsyncRemoval],
) -> Response[Any | AsyncTaskSubmitEnvelope | ErrorEnvelope]:
    """Delete in the background (异步删除文件/文件夹).

     JSON array body, one element per task (the docs suggest at most 100 per call). Each task
    is answered with its `taskId`; follow it with `list_file_tasks`. Finished tasks are kept
    for 24 hours.

    Args:
        body (list[AsyncRemoval]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | AsyncTaskSubmitEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: list[AsyncRemoval],
) -> Any | AsyncTaskSubmitEnvelope | ErrorEnvelope | None:
    """Delete in the background (异步删除文件/文件夹).

     JSON array body, one element per task (the docs suggest at most 100 per call). Each task
    is answered with its `taskId`; follow it with `list_file_tasks`. Finished tasks are kept
    for 24 hours.

    Args:
        body (list[AsyncRemoval]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | AsyncTaskSubmitEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
