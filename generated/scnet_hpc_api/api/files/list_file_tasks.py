from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.file_task_ids import FileTaskIds
from ...models.file_task_list_envelope import FileTaskListEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: FileTaskIds,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/efile/openapi/v2/file/task/list",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | FileTaskListEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | FileTaskListEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = FileTaskListEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | FileTaskListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileTaskIds,
) -> Response[Any | ErrorEnvelope | FileTaskListEnvelope]:
    """State of background file tasks (查询异步任务信息).

     JSON body `{"taskIds": [...]}` (the docs suggest 100 ids, at most 500). Tasks of other users
    and unknown ids are left out of the answer.

    Args:
        body (FileTaskIds):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileTaskListEnvelope]
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
    body: FileTaskIds,
) -> Any | ErrorEnvelope | FileTaskListEnvelope | None:
    """State of background file tasks (查询异步任务信息).

     JSON body `{"taskIds": [...]}` (the docs suggest 100 ids, at most 500). Tasks of other users
    and unknown ids are left out of the answer.

    Args:
        body (FileTaskIds):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileTaskListEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileTaskIds,
) -> Response[Any | ErrorEnvelope | FileTaskListEnvelope]:
    """State of background file tasks (查询异步任务信息).

     JSON body `{"taskIds": [...]}` (the docs suggest 100 ids, at most 500). Tasks of other users
    and unknown ids are left out of the answer.

    Args:
        body (FileTaskIds):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileTaskListEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FileTaskIds,
) -> Any | ErrorEnvelope | FileTaskListEnvelope | None:
    """State of background file tasks (查询异步任务信息).

     JSON body `{"taskIds": [...]}` (the docs suggest 100 ids, at most 500). Tasks of other users
    and unknown ids are left out of the answer.

    Args:
        body (FileTaskIds):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileTaskListEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
