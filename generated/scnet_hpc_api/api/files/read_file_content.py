from http import HTTPStatus
from typing import Any, cast

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.file_content_envelope import FileContentEnvelope
from ...models.file_content_form import FileContentForm
from ...types import Response


def _get_kwargs(
    *,
    body: FileContentForm,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/hpc/openapi/v2/file/content",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ErrorEnvelope | FileContentEnvelope:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> ErrorEnvelope | FileContentEnvelope:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = FileContentEnvelope.from_dict(data)

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
) -> Response[Any | ErrorEnvelope | FileContentEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileContentForm,
) -> Response[Any | ErrorEnvelope | FileContentEnvelope]:
    """Read a file page by page, 1000 lines a page (查看文件).

     The docs declare the request type as `application/x-www-from-urlencoded` [sic]; the samples
    send `application/x-www-form-urlencoded`, which is what is specified here. Reading a file
    that does not exist answers `code` `"0"` with empty text on the live service.

    Args:
        body (FileContentForm): Required flags were not visible in the docs; the samples always
            send all four members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileContentEnvelope]
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
    body: FileContentForm,
) -> Any | ErrorEnvelope | FileContentEnvelope | None:
    """Read a file page by page, 1000 lines a page (查看文件).

     The docs declare the request type as `application/x-www-from-urlencoded` [sic]; the samples
    send `application/x-www-form-urlencoded`, which is what is specified here. Reading a file
    that does not exist answers `code` `"0"` with empty text on the live service.

    Args:
        body (FileContentForm): Required flags were not visible in the docs; the samples always
            send all four members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileContentEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: FileContentForm,
) -> Response[Any | ErrorEnvelope | FileContentEnvelope]:
    """Read a file page by page, 1000 lines a page (查看文件).

     The docs declare the request type as `application/x-www-from-urlencoded` [sic]; the samples
    send `application/x-www-form-urlencoded`, which is what is specified here. Reading a file
    that does not exist answers `code` `"0"` with empty text on the live service.

    Args:
        body (FileContentForm): Required flags were not visible in the docs; the samples always
            send all four members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ErrorEnvelope | FileContentEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: FileContentForm,
) -> Any | ErrorEnvelope | FileContentEnvelope | None:
    """Read a file page by page, 1000 lines a page (查看文件).

     The docs declare the request type as `application/x-www-from-urlencoded` [sic]; the samples
    send `application/x-www-form-urlencoded`, which is what is specified here. Reading a file
    that does not exist answers `code` `"0"` with empty text on the live service.

    Args:
        body (FileContentForm): Required flags were not visible in the docs; the samples always
            send all four members.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ErrorEnvelope | FileContentEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
