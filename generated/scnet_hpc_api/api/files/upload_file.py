from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.file_null_envelope import FileNullEnvelope
from ...models.upload_file_form import UploadFileForm
from ...types import Response


def _get_kwargs(
    *,
    body: UploadFileForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/efile/openapi/v2/file/upload",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | FileNullEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | FileNullEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = FileNullEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | FileNullEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileForm,
) -> Response[Any | ErrorEnvelope | FileNullEnvelope]:
    """Upload one file into a folder (上传文件).

     Multipart upload of one file. `path` is the **target folder**; the file keeps the name of its
    multipart part (passing `/dir/name.bin` makes the service treat `name.bin` as a folder).
    An existing file is kept unless `cover=cover`: `911021` (文件已存在). `911501` when the
    storage quota would be exceeded, `911030` outside the caller's home. Success `data` is `null`.
    Large files go through `upload_chunk` + `merge_chunks` instead.

    Args:
        body (UploadFileForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileNullEnvelope]
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
    body: UploadFileForm,
) -> Any | ErrorEnvelope | FileNullEnvelope | None:
    """Upload one file into a folder (上传文件).

     Multipart upload of one file. `path` is the **target folder**; the file keeps the name of its
    multipart part (passing `/dir/name.bin` makes the service treat `name.bin` as a folder).
    An existing file is kept unless `cover=cover`: `911021` (文件已存在). `911501` when the
    storage quota would be exceeded, `911030` outside the caller's home. Success `data` is `null`.
    Large files go through `upload_chunk` + `merge_chunks` instead.

    Args:
        body (UploadFileForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileNullEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileForm,
) -> Response[Any | ErrorEnvelope | FileNullEnvelope]:
    """Upload one file into a folder (上传文件).

     Multipart upload of one file. `path` is the **target folder**; the file keeps the name of its
    multipart part (passing `/dir/name.bin` makes the service treat `name.bin` as a folder).
    An existing file is kept unless `cover=cover`: `911021` (文件已存在). `911501` when the
    storage quota would be exceeded, `911030` outside the caller's home. Success `data` is `null`.
    Large files go through `upload_chunk` + `merge_chunks` instead.

    Args:
        body (UploadFileForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileNullEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: UploadFileForm,
) -> Any | ErrorEnvelope | FileNullEnvelope | None:
    """Upload one file into a folder (上传文件).

     Multipart upload of one file. `path` is the **target folder**; the file keeps the name of its
    multipart part (passing `/dir/name.bin` makes the service treat `name.bin` as a folder).
    An existing file is kept unless `cover=cover`: `911021` (文件已存在). `911501` when the
    storage quota would be exceeded, `911030` outside the caller's home. Success `data` is `null`.
    Large files go through `upload_chunk` + `merge_chunks` instead.

    Args:
        body (UploadFileForm):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileNullEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
