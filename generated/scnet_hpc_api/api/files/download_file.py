from http import HTTPStatus
from io import BytesIO
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    path: str,
    range_: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(range_, Unset):
        headers["Range"] = range_

    params: dict[str, Any] = {}

    params["path"] = path

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/efile/openapi/v2/file/download",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | File:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if response.status_code == 206:
        response_206 = File(payload=BytesIO(response.content))

        return response_206

    response_default = cast(Any, None)
    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | File]:
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
    range_: str | Unset = UNSET,
) -> Response[Any | File]:
    """Download a file, or a folder as a zip (下载文件).

     A file comes back as raw bytes (`Content-Disposition` carries its name); a folder comes back
    as a zip stream. `Range: bytes=<first>-[<last>]` resumes a download: the answer is then HTTP
    206 with `Content-Range`. Errors come back as HTTP 200 with a JSON error envelope
    (`Content-Type: application/json`), e.g. `911020` `File does not exist` for a job log that is
    not written yet: check the content type before writing bytes to disk.

    Args:
        path (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File]
    """

    kwargs = _get_kwargs(
        path=path,
        range_=range_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    path: str,
    range_: str | Unset = UNSET,
) -> Any | File | None:
    """Download a file, or a folder as a zip (下载文件).

     A file comes back as raw bytes (`Content-Disposition` carries its name); a folder comes back
    as a zip stream. `Range: bytes=<first>-[<last>]` resumes a download: the answer is then HTTP
    206 with `Content-Range`. Errors come back as HTTP 200 with a JSON error envelope
    (`Content-Type: application/json`), e.g. `911020` `File does not exist` for a job log that is
    not written yet: check the content type before writing bytes to disk.

    Args:
        path (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File
    """

    return sync_detailed(
        client=client,
        path=path,
        range_=range_,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    path: str,
    range_: str | Unset = UNSET,
) -> Response[Any | File]:
    """Download a file, or a folder as a zip (下载文件).

     A file comes back as raw bytes (`Content-Disposition` carries its name); a folder comes back
    as a zip stream. `Range: bytes=<first>-[<last>]` resumes a download: the answer is then HTTP
    206 with `Content-Range`. Errors come back as HTTP 200 with a JSON error envelope
    (`Content-Type: application/json`), e.g. `911020` `File does not exist` for a job log that is
    not written yet: check the content type before writing bytes to disk.

    Args:
        path (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | File]
    """

    kwargs = _get_kwargs(
        path=path,
        range_=range_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    path: str,
    range_: str | Unset = UNSET,
) -> Any | File | None:
    """Download a file, or a folder as a zip (下载文件).

     A file comes back as raw bytes (`Content-Disposition` carries its name); a folder comes back
    as a zip stream. `Range: bytes=<first>-[<last>]` resumes a download: the answer is then HTTP
    206 with `Content-Range`. Errors come back as HTTP 200 with a JSON error envelope
    (`Content-Type: application/json`), e.g. `911020` `File does not exist` for a job log that is
    not written yet: check the content type before writing bytes to disk.

    Args:
        path (str):
        range_ (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | File
    """

    return (
        await asyncio_detailed(
            client=client,
            path=path,
            range_=range_,
        )
    ).parsed
