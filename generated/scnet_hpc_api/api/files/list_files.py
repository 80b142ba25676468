from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.file_list_envelope import FileListEnvelope
from ...models.list_files_order import ListFilesOrder
from ...models.list_files_order_by import ListFilesOrderBy
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int,
    start: int,
    order: ListFilesOrder | Unset = UNSET,
    order_by: ListFilesOrderBy | Unset = UNSET,
    path: str | Unset = UNSET,
    key_word: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["start"] = start

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    json_order_by: str | Unset = UNSET
    if not isinstance(order_by, Unset):
        json_order_by = order_by.value

    params["orderBy"] = json_order_by

    params["path"] = path

    params["keyWord"] = key_word

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/efile/openapi/v2/file/list",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | FileListEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | FileListEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = FileListEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | FileListEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int,
    start: int,
    order: ListFilesOrder | Unset = UNSET,
    order_by: ListFilesOrderBy | Unset = UNSET,
    path: str | Unset = UNSET,
    key_word: str | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | FileListEnvelope]:
    """List a folder (查询文件列表).

     Lists one page of a folder. `path` must be absolute; without it the caller's home is listed.
    A path outside the caller's home answers `911030` (权限不足); a missing folder `911020`.
    `start` below 0 answers `10004` (`param_invalid`) on the live service.

    Args:
        limit (int):
        start (int):
        order (ListFilesOrder | Unset):
        order_by (ListFilesOrderBy | Unset):
        path (str | Unset):
        key_word (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileListEnvelope]
    """

    kwargs = _get_kwargs(
        limit=limit,
        start=start,
        order=order,
        order_by=order_by,
        path=path,
        key_word=key_word,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    limit: int,
    start: int,
    order: ListFilesOrder | Unset = UNSET,
    order_by: ListFilesOrderBy | Unset = UNSET,
    path: str | Unset = UNSET,
    key_word: str | Unset = UNSET,
) -> Any | ErrorEnvelope | FileListEnvelope | None:
    """List a folder (查询文件列表).

     Lists one page of a folder. `path` must be absolute; without it the caller's home is listed.
    A path outside the caller's home answers `911030` (权限不足); a missing folder `911020`.
    `start` below 0 answers `10004` (`param_invalid`) on the live service.

    Args:
        limit (int):
        start (int):
        order (ListFilesOrder | Unset):
        order_by (ListFilesOrderBy | Unset):
        path (str | Unset):
        key_word (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileListEnvelope
    """

    return sync_detailed(
        client=client,
        limit=limit,
        start=start,
        order=order,
        order_by=order_by,
        path=path,
        key_word=key_word,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    limit: int,
    start: int,
    order: ListFilesOrder | Unset = UNSET,
    order_by: ListFilesOrderBy | Unset = UNSET,
    path: str | Unset = UNSET,
    key_word: str | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | FileListEnvelope]:
    """List a folder (查询文件列表).

     Lists one page of a folder. `path` must be absolute; without it the caller's home is listed.
    A path outside the caller's home answers `911030` (权限不足); a missing folder `911020`.
    `start` below 0 answers `10004` (`param_invalid`) on the live service.

    Args:
        limit (int):
        start (int):
        order (ListFilesOrder | Unset):
        order_by (ListFilesOrderBy | Unset):
        path (str | Unset):
        key_word (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileListEnvelope]
    """

    kwargs = _get_kwargs(
        limit=limit,
        start=start,
        order=order,
        order_by=order_by,
        path=path,
        key_word=key_word,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    limit: int,
    start: int,
    order: ListFilesOrder | Unset = UNSET,
    order_by: ListFilesOrderBy | Unset = UNSET,
    path: str | Unset = UNSET,
    key_word: str | Unset = UNSET,
) -> Any | ErrorEnvelope | FileListEnvelope | None:
    """List a folder (查询文件列表).

     Lists one page of a folder. `path` must be absolute; without it the caller's home is listed.
    A path outside the caller's home answers `911030` (权限不足); a missing folder `911020`.
    `start` below 0 answers `10004` (`param_invalid`) on the live service.

    Args:
        limit (int):
        start (int):
        order (ListFilesOrder | Unset):
        order_by (ListFilesOrderBy | Unset):
        path (str | Unset):
        key_word (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileListEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            start=start,
            order=order,
            order_by=order_by,
            path=path,
            key_word=key_word,
        )
    ).parsed
