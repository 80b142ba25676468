from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.file_ok_envelope import FileOkEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    path: str,
    create_parents: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["path"] = path

    params["createParents"] = create_parents

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/efile/openapi/v2/file/mkdir",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | FileOkEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | FileOkEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = FileOkEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | FileOkEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    path: str,
    create_parents: bool | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | FileOkEnvelope]:
    """Create a folder (创建文件夹).

     Parameters travel in the **query string** of a POST with an empty body. `data` is `""` on
    success. `911021` when the folder already exists (clients treat it as success), `911020` when
    the parent is missing and `createParents` is false, `911022` when a path component is a file.

    Args:
        path (str):
        create_parents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileOkEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        create_parents=create_parents,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    path: str,
    create_parents: bool | Unset = UNSET,
) -> Any | ErrorEnvelope | FileOkEnvelope | None:
    """Create a folder (创建文件夹).

     Parameters travel in the **query string** of a POST with an empty body. `data` is `""` on
    success. `911021` when the folder already exists (clients treat it as success), `911020` when
    the parent is missing and `createParents` is false, `911022` when a path component is a file.

    Args:
        path (str):
        create_parents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileOkEnvelope
    """

    return sync_detailed(
        client=client,
        path=path,
        create_parents=create_parents,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    path: str,
    create_parents: bool | Unset = UNSET,
) -> Response[Any | ErrorEnvelope | FileOkEnvelope]:
    """Create a folder (创建文件夹).

     Parameters travel in the **query string** of a POST with an empty body. `data` is `""` on
    success. `911021` when the folder already exists (clients treat it as success), `911020` when
    the parent is missing and `createParents` is false, `911022` when a path component is a file.

    Args:
        path (str):
        create_parents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileOkEnvelope]
    """

    kwargs = _get_kwargs(
        path=path,
        create_parents=create_parents,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    path: str,
    create_parents: bool | Unset = UNSET,
) -> Any | ErrorEnvelope | FileOkEnvelope | None:
    """Create a folder (创建文件夹).

     Parameters travel in the **query string** of a POST with an empty body. `data` is `""` on
    success. `911021` when the folder already exists (clients treat it as success), `911020` when
    the parent is missing and `createParents` is false, `911022` when a path component is a file.

    Args:
        path (str):
        create_parents (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileOkEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            path=path,
            create_parents=create_parents,
        )
    ).parsed
